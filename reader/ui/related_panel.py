"""The related-links panel: the "read more" links of the current article.

It only displays links and reports activation; fetching is the controller's
business. Links are grouped as the page offered them: teasers found in the
text, and lists of related articles around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import RelatedLink

URL_ROLE = Qt.ItemDataRole.UserRole


class RelatedPanel(QWidget):
    """Lists related links; emits ``link_activated(url)`` on a click or Enter."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self._heading = QLabel(self.tr("Related"))
        self._heading.setObjectName("paneHeading")
        self._list = QListWidget()
        self._list.setObjectName("relatedList")
        self._list.setAccessibleName(self.tr("Related links"))
        self._list.setWordWrap(True)
        self._list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._list.itemActivated.connect(self._on_item)
        self._list.itemClicked.connect(self._on_item)
        self._empty = QLabel(self.tr("Links the article offers for further reading appear here."))
        self._empty.setObjectName("emptyHint")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._heading)
        layout.addWidget(self._stack)

    def set_links(self, links: Sequence[RelatedLink]) -> None:
        self._list.clear()
        for link in links:
            item = QListWidgetItem(f"{link.title}\n{link.source}")
            item.setData(URL_ROLE, link.url)
            item.setToolTip(link.url)
            self._list.addItem(item)
        self._stack.setCurrentWidget(self._list if links else self._empty)

    def links(self) -> list[str]:
        return [self._list.item(i).data(URL_ROLE) for i in range(self._list.count())]

    @Slot(QListWidgetItem)
    def _on_item(self, item: QListWidgetItem) -> None:
        url = item.data(URL_ROLE)
        if isinstance(url, str):
            self.link_activated.emit(url)
