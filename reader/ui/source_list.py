"""The source list: smart views, the user's sources and collections, and headlines.

The tree on top holds where to read from; the list below shows the selected
place's headlines.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QListView,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class SourceList(QWidget):
    """Sources tree above the headline list, in a vertical splitter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceList")
        self.tree = QTreeWidget()
        self.tree.setObjectName("sourceTree")
        self.tree.setAccessibleName(self.tr("Sources and collections"))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.headlines = QListView()
        self.headlines.setObjectName("headlineList")
        self.headlines.setAccessibleName(self.tr("Headlines"))
        self.headlines.setUniformItemSizes(False)
        self.headlines.setWordWrap(True)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("sourceSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.headlines)
        self.splitter.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._build_sections()

    def _build_sections(self) -> None:
        library = QTreeWidgetItem([self.tr("Library")])
        for name in (self.tr("All articles"), self.tr("Unread"), self.tr("Starred")):
            QTreeWidgetItem(library, [name])
        sources = QTreeWidgetItem([self.tr("Sources")])
        QTreeWidgetItem(sources, [self.tr("No sources yet")]).setDisabled(True)
        collections = QTreeWidgetItem([self.tr("Collections")])
        QTreeWidgetItem(collections, [self.tr("Read later")])
        for section in (library, sources, collections):
            section.setFlags(section.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(section)
            section.setExpanded(True)
