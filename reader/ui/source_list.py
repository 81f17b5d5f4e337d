"""The source list: smart views, sources in folders, collections, and headlines.

The tree on top says *where* to read from — smart views (All, Unread, Starred,
Read later), the user's sources with unread counts and an error badge, and
collections with their sizes. The list below shows the selected place's
headlines. Headlines can be dragged onto a collection to save them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import READ_LATER, CollectionInfo, LibraryCounts
from reader.ui.headlines import HeadlineModel, Row
from reader.ui.list_header import ListHeader

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "section" | "all" | "unread" | "starred" | ...
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
ERROR_ROLE = Qt.ItemDataRole.UserRole + 4
URL_LIST_MIME = "text/uri-list"
#: Headlines offered under "Same story as" (the nearest ones in the list).
MERGE_CHOICES = 8
AnyIndex = QModelIndex | QPersistentModelIndex


def collection_label(name: str) -> str:
    """How a collection is shown: the built-in one in the reader's language."""
    if name == READ_LATER:
        return QCoreApplication.translate("SourceList", "Read later")
    return name


@dataclass(frozen=True)
class SourceRow:
    """What the tree needs to know about one source."""

    key: str
    title: str
    folder: str | None
    unread: int
    error: str | None = None


class SourceTree(QTreeView):
    """The tree; accepts headlines dropped on a collection."""

    dropped_on_collection = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _collection_at(self, pos: QPoint) -> str | None:
        index = self.indexAt(pos)
        if index.isValid() and index.data(KIND_ROLE) == "collection":
            key = index.data(KEY_ROLE)
            return key if isinstance(key, str) else None
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(URL_LIST_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._collection_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        name = self._collection_at(event.position().toPoint())
        urls = [url.toString() for url in event.mimeData().urls()]
        if name is None or not urls:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped_on_collection.emit(name, urls)


class HeadlineView(QListView):
    """The headline list; dragging a headline carries its URL.

    Its menu corrects the story grouping: show a headline apart from the story it was
    grouped into, or as the same story as a headline near it in the list (where a missed
    grouping shows: the same event, told about the same time).
    """

    #: Show the article at this URL apart from its story (kept across refreshes).
    split_requested = Signal(str)
    #: Show the first URL's story and the second's as one story (kept across refreshes).
    merge_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)

    def _row(self, number: int) -> Row | None:
        model = self.model()
        if model is None or not 0 <= number < model.rowCount():
            return None
        row = model.index(number, 0).data(HeadlineModel.RowRole)
        return row if isinstance(row, Row) else None

    def story_menu(self, number: int) -> QMenu | None:
        """The menu for headline ``number`` (None when it is in no story yet)."""
        row = self._row(number)
        if row is None or row.story is None:
            return None
        menu = QMenu(self)
        split = menu.addAction(self.tr("Show apart from its story"))
        split.setObjectName("splitStory")
        split.setEnabled(row.story_size > 1)
        split.triggered.connect(lambda: self.split_requested.emit(row.url))
        same = menu.addMenu(self.tr("Same story as"))
        same.setObjectName("mergeStory")
        metrics = QFontMetrics(same.font())
        for other in self._neighbours(number, row.story):
            text = metrics.elidedText(
                f"{other.title} — {other.outlet}", Qt.TextElideMode.ElideRight, 420
            )
            action = same.addAction(text)
            action.setData(other.url)
            action.triggered.connect(
                lambda _=False, into=other.url: self.merge_requested.emit(row.url, into)
            )
        same.setEnabled(not same.isEmpty())
        return menu

    def _neighbours(self, number: int, story: int, most: int = MERGE_CHOICES) -> list[Row]:
        """The nearest headlines above and below of other stories, nearest first."""
        found: list[Row] = []
        total = self.model().rowCount() if self.model() is not None else 0
        for step in range(1, total):
            for candidate in (number - step, number + step):
                other = self._row(candidate)
                if other is not None and other.story is not None and other.story != story:
                    found.append(other)
            if len(found) >= most:
                break
        return found[:most]

    @Slot(QPoint)
    def _menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        menu = self.story_menu(index.row()) if index.isValid() else None
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(position))


class SourceList(QWidget):
    """Sources tree above the headline list, in a vertical splitter."""

    #: (kind, key): "all" | "unread" | "starred" | "collection" | "source"
    view_selected = Signal(str, str)
    save_dropped = Signal(str, list)
    collection_rename = Signal(str)
    collection_delete = Signal(str)
    collection_new = Signal()
    source_menu = Signal(str, QPoint)
    #: (kind, key): mark every unread article of that place read.
    mark_all_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceList")
        self.model = QStandardItemModel(self)
        self.tree = SourceTree()
        self.tree.setObjectName("sourceTree")
        self.tree.setFrameShape(QTreeView.Shape.NoFrame)
        self.tree.setAccessibleName(self.tr("Sources and collections"))
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(CountDelegate(self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.dropped_on_collection.connect(self.save_dropped)
        self.headlines = HeadlineView()
        self.headlines.setObjectName("headlineList")
        self.headlines.setFrameShape(QListView.Shape.NoFrame)
        self.headlines.setAccessibleName(self.tr("Headlines"))
        self.header = ListHeader()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.setSpacing(0)
        lower_layout.addWidget(self.header)
        lower_layout.addWidget(self.headlines)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("sourceSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([280, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._sections: dict[str, QStandardItem] = {}
        self._build()
        self.tree.selectionModel().currentChanged.connect(self._on_current)

    # ------------------------------------------------------------ building

    def _section(self, key: str, title: str) -> QStandardItem:
        item = QStandardItem(title)
        item.setData("section", KIND_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.model.appendRow(item)
        self._sections[key] = item
        return item

    @staticmethod
    def _entry(title: str, kind: str, key: str = "", count: int | None = None) -> QStandardItem:
        item = QStandardItem(title)
        item.setData(kind, KIND_ROLE)
        item.setData(key, KEY_ROLE)
        item.setData(count, COUNT_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setToolTip(title)
        return item

    def _build(self) -> None:
        library = self._section("library", self.tr("Library"))
        library.appendRow(self._entry(self.tr("All articles"), "all"))
        library.appendRow(self._entry(self.tr("Unread"), "unread"))
        library.appendRow(self._entry(self.tr("Starred"), "starred"))
        library.appendRow(self._entry(self.tr("Read later"), "collection", READ_LATER))
        self._section("sources", self.tr("Sources"))
        self._section("collections", self.tr("Collections"))
        self.set_sources([])
        self.tree.expandAll()

    # ------------------------------------------------------------ updates

    def set_counts(self, counts: LibraryCounts) -> None:
        library = self._sections["library"]
        values = {"all": counts.articles, "unread": counts.unread, "starred": counts.starred}
        for row in range(library.rowCount()):
            child = library.child(row)
            if child is not None and child.data(KIND_ROLE) in values:
                child.setData(values[child.data(KIND_ROLE)], COUNT_ROLE)

    def set_collections(self, collections: Sequence[CollectionInfo]) -> None:
        with self._keeping_choice():
            self._fill_collections(collections)

    def _fill_collections(self, collections: Sequence[CollectionInfo]) -> None:
        section = self._sections["collections"]
        section.removeRows(0, section.rowCount())
        library = self._sections["library"]
        for info in collections:
            if info.builtin or info.name == READ_LATER:
                for row in range(library.rowCount()):
                    child = library.child(row)
                    if child is not None and child.data(KEY_ROLE) == READ_LATER:
                        child.setData(info.count, COUNT_ROLE)
                continue
            section.appendRow(self._entry(info.name, "collection", info.name, info.count))
        if section.rowCount() == 0:
            hint = self._entry(self.tr("Press S to save an article"), "hint")
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            section.appendRow(hint)
        self.tree.expand(section.index())

    @contextmanager
    def _keeping_choice(self) -> Iterator[None]:
        """Rebuild part of the tree; the place chosen stays chosen, and no list reloads."""
        chosen = self.current()
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        try:
            yield
        finally:
            selection.blockSignals(False)
        if chosen is not None:
            self.select(*chosen, quiet=True)

    def set_sources(self, sources: Sequence[SourceRow]) -> None:
        with self._keeping_choice():
            self._fill_sources(sources)

    def _fill_sources(self, sources: Sequence[SourceRow]) -> None:
        section = self._sections["sources"]
        section.removeRows(0, section.rowCount())
        folders: dict[str, QStandardItem] = {}
        for source in sources:
            parent = section
            if source.folder:
                if source.folder not in folders:
                    folder = self._entry(source.folder, "folder", source.folder)
                    folders[source.folder] = folder
                    section.appendRow(folder)
                parent = folders[source.folder]
            item = self._entry(source.title, "source", source.key, source.unread or None)
            item.setData(source.error, ERROR_ROLE)
            if source.error:
                item.setToolTip(f"{source.title}\n{source.error}")
            parent.appendRow(item)
        for folder in folders.values():
            folder.setData(
                sum(s.unread for s in sources if s.folder == folder.data(KEY_ROLE)) or None,
                COUNT_ROLE,
            )
        if not sources:
            hint = self._entry(self.tr("Add a source with Ctrl+N"), "hint")
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            section.appendRow(hint)
        self.tree.expandAll()

    def set_unread(self, unread: dict[str, int]) -> None:
        """Update the unread badges in place (sources by key; folders sum theirs)."""
        section = self._sections["sources"]
        for item in _walk(section):
            kind = item.data(KIND_ROLE)
            if kind == "source":
                count = unread.get(str(item.data(KEY_ROLE)), 0)
            elif kind == "folder":
                count = sum(
                    unread.get(str(child.data(KEY_ROLE)), 0)
                    for child in _walk(item)
                    if child.data(KIND_ROLE) == "source"
                )
            else:
                continue
            if item.data(COUNT_ROLE) != (count or None):
                item.setData(count or None, COUNT_ROLE)

    def select(self, kind: str, key: str = "", *, quiet: bool = False) -> bool:
        """Choose a place in the tree (False if it is not there). ``quiet``: only show
        it chosen, without asking for its list (already shown)."""
        for section in self._sections.values():
            for item in _walk(section):
                if item.data(KIND_ROLE) == kind and (item.data(KEY_ROLE) or "") == key:
                    selection = self.tree.selectionModel()
                    selection.blockSignals(quiet)
                    self.tree.setCurrentIndex(item.index())
                    selection.blockSignals(False)
                    self.tree.viewport().update()
                    return True
        return False

    def select_headline(self, row: int, *, centre: bool = False) -> None:
        """Show headline ``row`` as the current one without opening it again
        (``centre``: in the middle of the list, with what surrounds it, as on reopening)."""
        view = self.headlines
        model = view.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        selection = view.selectionModel()
        selection.blockSignals(True)
        view.setCurrentIndex(model.index(row, 0))
        selection.blockSignals(False)
        hint = QAbstractItemView.ScrollHint
        view.scrollTo(model.index(row, 0), hint.PositionAtCenter if centre else hint.EnsureVisible)
        view.viewport().update()

    def current_title(self) -> str:
        """The name of the place chosen in the tree ("" when none)."""
        index = self.tree.currentIndex()
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "") if index.isValid() else ""

    def current(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        kind = index.data(KIND_ROLE)
        if not index.isValid() or kind in (None, "section", "hint"):
            return None
        return str(kind), str(index.data(KEY_ROLE) or "")

    # ------------------------------------------------------------ signals

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        kind = current.data(KIND_ROLE)
        if kind in (None, "section", "hint"):
            return
        self.view_selected.emit(str(kind), str(current.data(KEY_ROLE) or ""))

    @Slot(QPoint)
    def _menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        kind = index.data(KIND_ROLE)
        key = str(index.data(KEY_ROLE) or "")
        if kind == "source":
            self.source_menu.emit(key, self.tree.viewport().mapToGlobal(pos))
            return
        menu = QMenu(self)
        if kind in ("all", "unread", "starred", "collection", "folder"):
            menu.addAction(
                self.tr("Mark All as Read"), lambda: self.mark_all_requested.emit(kind, key)
            )
            menu.addSeparator()
        if kind == "collection" and key != READ_LATER:
            menu.addAction(self.tr("Rename…"), lambda: self.collection_rename.emit(key))
            menu.addAction(self.tr("Delete…"), lambda: self.collection_delete.emit(key))
            menu.addSeparator()
        menu.addAction(self.tr("New collection…"), self.collection_new.emit)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


def _walk(item: QStandardItem) -> list[QStandardItem]:
    found = []
    for row in range(item.rowCount()):
        child = item.child(row)
        if child is not None:
            found.append(child)
            found.extend(_walk(child))
    return found


class CountDelegate(QStyledItemDelegate):
    """Draws a muted count (and a warning badge for failing sources) at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        count = index.data(COUNT_ROLE)
        error = index.data(ERROR_ROLE)
        suffix = ("⚠ " if error else "") + (str(count) if isinstance(count, int) and count else "")
        rect: QRect = option.rect
        metrics = QFontMetrics(option.font)
        reserved = metrics.horizontalAdvance(suffix) + 12 if suffix else 0
        if reserved:
            option.rect = rect.adjusted(0, 0, -reserved, 0)
        if index.data(KIND_ROLE) == "hint":
            option.palette.setColor(
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.PlaceholderText),
            )
        super().paint(painter, option, index)
        if not suffix:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(colour)
        painter.drawText(
            rect.adjusted(0, 0, -8, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            suffix,
        )
        painter.restore()
