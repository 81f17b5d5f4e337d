"""The dialogs of File → Import… and File → Export…: what to bring in, what to take out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
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

#: Export formats: (key the CLI takes, file suffix; "" for a folder).
FORMATS = (("epub", ".epub"), ("markdown", ""), ("html", ""), ("json", ".json"))


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

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
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
        hint = QLabel(self.tr("Nothing checked: every saved and starred article."))
        hint.setObjectName("hint")
        self.format = QComboBox()
        labels = {
            "epub": self.tr("EPUB book (e-readers)"),
            "markdown": self.tr("Markdown notes (Obsidian, Logseq)"),
            "html": self.tr("HTML pages"),
            "json": self.tr("Kabar JSON (to restore elsewhere)"),
        }
        for key, _suffix in FORMATS:
            self.format.addItem(labels[key], key)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Export to"))
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
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
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
        return self.chosen(), str(self.format.currentData()), self.path.text().strip()

    def _browse(self) -> None:
        key = str(self.format.currentData())
        suffix = dict(FORMATS)[key]
        if suffix:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), f"kabar{suffix}", f"*{suffix}"
            )
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        if path:
            self.path.setText(path)

    def _accept(self) -> None:
        if self.path.text().strip():
            self.accept()
