"""Pick the collections to save an article to, creating one on the way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.source_list import collection_label

translate = QCoreApplication.translate


class CollectionPicker(QDialog):
    """Checkable list of collections plus a field to create a new one."""

    def __init__(
        self,
        names: Sequence[str],
        checked: Sequence[str] = (),
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save to Collection"))
        self.setObjectName("collectionPicker")
        intro = QLabel(
            self.tr("Save “{0}” to:").format(title) if title else self.tr("Save this article to:")
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Collections"))
        for name in names:
            self._add(name, name in checked)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("New collection"))
        self.new_name.setAccessibleName(self.tr("New collection name"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._create)
        self.new_name.returnPressed.connect(self._create)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(buttons)
        if not checked and self.list.count():
            first = self.list.item(0)
            if first is not None:
                first.setCheckState(Qt.CheckState.Checked)

    def _add(self, name: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(collection_label(name))
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def _create(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        existing = {self._key(i).casefold(): i for i in range(self.list.count())}
        if name.casefold() in existing:
            item = self.list.item(existing[name.casefold()])
        else:
            item = self._add(name, True)
        item.setCheckState(Qt.CheckState.Checked)
        self.new_name.clear()

    def _key(self, row: int) -> str:
        return str(self.list.item(row).data(Qt.ItemDataRole.UserRole))

    def chosen(self) -> list[str]:
        """Collection names (keys, not the translated labels) that are ticked."""
        self._create()  # a typed but not added name counts
        return [
            self._key(i)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def ask_name(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    value = " ".join(value.split())
    return value if ok and value else None


def confirm_delete(parent: QWidget, name: str, count: int) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("CollectionPicker", "Delete Collection"))
    box.setText(translate("CollectionPicker", "Delete the collection “{0}”?").format(name))
    box.setInformativeText(
        translate(
            "CollectionPicker",
            "Its %n article(s) stay in the library but are no longer kept forever.",
            "",
            count,
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes
