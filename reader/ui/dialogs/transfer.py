"""The dialogs of File → Import… and File → Export…: what to bring in, what to take out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Export formats: (key the CLI takes, file suffix; "" for a folder).
FORMATS = (("epub", ".epub"), ("markdown", ""), ("html", ""), ("json", ".json"))
SUFFIXES = {suffix for _key, suffix in FORMATS if suffix}


def path_for_format(path: str, key: str) -> str:
    """``path`` with the suffix of format ``key``: ``Kabar.epub`` -> ``Kabar.json`` for
    JSON, the folder ``Kabar`` for Markdown and HTML; empty stays empty."""
    text = path.strip()
    if not text:
        return text
    stem = Path(text)
    if stem.suffix.lower() in SUFFIXES:
        stem = stem.with_suffix("")
    return str(stem) + dict(FORMATS)[key]


def default_export_path() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder or Path.home()) / "Kabar.epub")


class ImportDialog(QDialog):
    """The file chosen, and how its tags should land."""

    def __init__(self, path: str, tags_as_collections: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import Saved Articles"))
        intro = QLabel(
            self.tr(
                "Kabar saves every link of <b>{0}</b> with its date, tags and read or starred "
                "mark, then fetches each article for offline reading in the background."
            ).format(Path(path).name)
        )
        intro.setWordWrap(True)
        self.tags = QCheckBox(self.tr("Tags and folders become collections"))
        self.tags.setChecked(tags_as_collections)
        self.collection = QLineEdit()
        self.collection.setPlaceholderText(self.tr("named after the service"))
        self.collection.setAccessibleName(self.tr("Collection for links without tags"))
        form = QFormLayout()
        form.addRow(self.tr("Collection:"), self.collection)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tags)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[bool, str | None]:
        name = " ".join(self.collection.text().split())
        return self.tags.isChecked(), name or None


class ExportDialog(QDialog):
    """Which collections, which format, where."""

    def __init__(
        self, names: Sequence[str], path: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Articles"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Collections to export"))
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.hint = hint = QLabel()
        hint.setObjectName("hint")
        self.list.itemChanged.connect(self._show_choice)
        self._show_choice()
        self.format = QComboBox()
        labels = {
            "epub": self.tr("EPUB book (e-readers)"),
            "markdown": self.tr("Markdown notes (Obsidian, Logseq)"),
            "html": self.tr("HTML pages"),
            "json": self.tr("Kabar JSON (to restore elsewhere)"),
        }
        for key, _suffix in FORMATS:
            self.format.addItem(labels[key], key)
        self.path = QLineEdit(path if path is not None else default_export_path())
        self.path.setAccessibleName(self.tr("Export to"))
        self.path.setPlaceholderText(self.tr("a file for EPUB and JSON, a folder otherwise"))
        self.format.currentIndexChanged.connect(self._format_changed)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Save to:"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Export"))
        self.path.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(self.path.text().strip()))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Collections:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 440)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> tuple[list[str], str, str]:
        """(collections, format, path); a file's path ends with its format's suffix."""
        key = str(self.format.currentData())
        return self.chosen(), key, path_for_format(self.path.text(), key)

    def _show_choice(self) -> None:
        """What the export will hold, said under the list as boxes are ticked."""
        count = len(self.chosen())
        if count == 0:
            self.hint.setText(self.tr("Nothing checked: every saved and starred article."))
        elif count == 1:
            self.hint.setText(self.tr("The articles of the checked collection."))
        else:
            self.hint.setText(self.tr("The articles of the %n checked collections.", "", count))

    def _format_changed(self) -> None:
        self.path.setText(path_for_format(self.path.text(), str(self.format.currentData())))

    def _browse(self) -> None:
        key = str(self.format.currentData())
        suffix = dict(FORMATS)[key]
        start = self.path.text().strip() or default_export_path()
        if suffix:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), path_for_format(start, key), f"*{suffix}"
            )
        else:
            path = QFileDialog.getExistingDirectory(
                self, self.tr("Export to folder"), str(Path(start).parent)
            )
        if path:
            self.path.setText(path_for_format(path, key) if suffix else path)

    def _accept(self) -> None:
        if self.path.text().strip():
            self._format_changed()  # "buku" typed for EPUB is written as buku.epub
            self.accept()
