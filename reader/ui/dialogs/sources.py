"""Adding sources: an address, a feed among several, or the bundled starter list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.urls import typed_address

if TYPE_CHECKING:  # the starter list pulls in the OPML parser: load it only when used
    from reader.core.feeds import StarterSet
    from reader.core.models import FeedCandidate


class AddSourceDialog(QDialog):
    """A feed or site address and an optional folder."""

    def __init__(self, folders: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Source"))
        self.setObjectName("addSource")
        intro = QLabel(
            self.tr(
                "Paste the address of a news site or of its feed. Kabar finds the feeds a "
                "site offers and brings in full articles for offline reading."
            )
        )
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://www.antaranews.com/")
        self.address.setAccessibleName(self.tr("Site or feed address"))
        self.folder = QComboBox()
        self.folder.setEditable(True)
        self.folder.addItem("")
        self.folder.addItems(list(folders))
        self.folder.setAccessibleName(self.tr("Folder"))
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Folder:"), self.folder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> tuple[str, str | None]:
        folder = " ".join(self.folder.currentText().split())
        return typed_address(self.address.text()), folder or None


class FeedChooser(QDialog):
    """The site offers several feeds: pick one."""

    def __init__(
        self, url: str, candidates: Sequence[FeedCandidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a Feed"))
        self.setObjectName("feedChooser")
        label = QLabel(self.tr("{0} offers several feeds. Which one do you want?").format(url))
        label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Feeds"))
        for candidate in candidates:
            item = QListWidgetItem(f"{candidate.title or candidate.url}\n{candidate.url}")
            item.setData(Qt.ItemDataRole.UserRole, candidate.url)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> int | None:
        """1-based position of the chosen feed, as ``subscribe(pick=...)`` wants it."""
        row = self.list.currentRow()
        return row + 1 if row >= 0 else None


class StarterDialog(QDialog):
    """Working feeds of well-known outlets, grouped by language."""

    def __init__(
        self, sets: Sequence[StarterSet], preferred: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Starter Sources"))
        self.setObjectName("starterSources")
        label = QLabel(self.tr("Start with some well-known outlets. You can remove any later."))
        label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Starter sources by language"))
        for starter in sets:
            names = ", ".join(feed.title for feed in starter.feeds[:6])
            more = "…" if len(starter.feeds) > 6 else ""
            item = QListWidgetItem(f"{starter.label} ({len(starter.feeds)})\n{names}{more}")
            item.setData(Qt.ItemDataRole.UserRole, starter.language)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = starter.language.split("-")[0] == preferred
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def languages(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
