"""The headline list: a lazily paged model and a two-line delegate.

Rows arrive a page at a time from a *loader* run on the task runner's ``io``
lane (never on the GUI thread), so a library of 100,000 articles opens with
its first 200 headlines and scrolls by fetching the next page when the view
asks (``canFetchMore``/``fetchMore``). Changing the query supersedes any page
still loading: the runner drops its late result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.models import Headline, SearchHit
from reader.core.urls import canonicalize
from reader.ui.workers import TaskRunner

PAGE_SIZE = 200
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the list, from a headline or a search hit."""

    url: str
    title: str
    outlet: str
    when: datetime
    read: bool = False
    starred: bool = False
    saved: bool = False
    snippet: str = ""
    cursor: Headline | None = None
    #: (start, end) character spans of the search terms in ``snippet``.
    highlights: tuple[tuple[int, int], ...] = ()
    #: "+3 outlets": how many others told this story (the list shows it once).
    story_note: str = ""
    #: The page's (or feed's) date as it gave it, ISO 8601 with its own zone.
    published: str | None = None
    #: A rule asked for this article to stand out.
    highlighted: bool = False
    #: The story it tells (None before grouping) and how many articles tell it.
    story: int | None = None
    story_size: int = 1

    @classmethod
    def from_headline(cls, item: Headline) -> Row:
        return cls(
            item.url,
            item.title,
            item.outlet,
            item.sort_at,
            item.read,
            item.starred,
            item.added_at is not None,
            "",
            item,
            story_note=_more(item.story_outlets - 1, "outlet"),
            published=item.published,
            highlighted=item.highlighted,
            story=item.story,
            story_size=item.story_size,
        )

    @classmethod
    def from_hit(cls, hit: SearchHit) -> Row:
        return cls(
            hit.url, hit.title, hit.outlet, hit.sort_at, hit.read, hit.starred, False,
            hit.snippet, None, hit.highlights, story_note=_more(hit.story_size - 1, "article"),
            published=hit.published, highlighted=hit.highlighted, story=hit.story,
            story_size=hit.story_size,
        )  # fmt: skip


def _more(count: int, what: str) -> str:
    """ "+3 outlets" / "+2 more" (translated; %n forms), or nothing."""
    if count <= 0:
        return ""
    if what == "outlet" and count == 1:
        text = QCoreApplication.translate("HeadlineModel", "+1 outlet")
    elif what == "outlet":
        text = QCoreApplication.translate("HeadlineModel", "+%n outlets", None, count)
    else:
        text = QCoreApplication.translate("HeadlineModel", "+%n more", None, count)
    return text.replace("%n", str(count))


#: ``loader(last_row_or_None, offset, limit) -> rows``; runs on a worker thread.
#: Keyset paging uses the last row, offset paging (search) the offset.
Loader = Callable[[Row | None, int, int], Sequence[Row]]


class HeadlineModel(QAbstractListModel):
    """Rows of the current query, fetched page by page in the background."""

    RowRole = Qt.ItemDataRole.UserRole + 1
    UrlRole = Qt.ItemDataRole.UserRole + 2

    #: Emitted on the GUI thread after a page arrived (total rows so far).
    page_loaded = Signal(int)
    #: Loading a page failed (the error); the list keeps what it has.
    page_failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._rows: list[Row] = []
        self._loader: Loader | None = None
        self._exhausted = True
        self._loading = False
        self._key = f"headlines-{id(self)}"

    # ------------------------------------------------------------ query

    def set_loader(self, loader: Loader | None) -> None:
        """Show a new query (or nothing); loads its first page in the background.
        A page still loading for the previous query is dropped (same runner key)."""
        self._runner.cancel(self._key)
        self.beginResetModel()
        self._rows = []
        self._loader = loader
        self._exhausted = loader is None
        self._loading = False
        self.endResetModel()
        if loader is not None:
            self._load_next()

    def reload(self) -> None:
        self.set_loader(self._loader)

    def _load_next(self) -> None:
        loader = self._loader
        if loader is None or self._loading or self._exhausted:
            return
        self._loading = True
        after = self._rows[-1] if self._rows else None
        offset = len(self._rows)

        def work(cancel: threading.Event) -> Sequence[Row]:
            return loader(after, offset, PAGE_SIZE)

        self._runner.submit(
            work, on_done=self._on_page, on_error=self._on_failed, key=self._key, lane="io"
        )

    def _on_failed(self, error: BaseException) -> None:
        self._loading = False
        self._exhausted = True  # no retry loop; a reload (new view, refresh) tries again
        self.page_failed.emit(error)

    def _on_page(self, rows: Sequence[Row]) -> None:
        self._loading = False
        if len(rows) < PAGE_SIZE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(self._rows))

    # ------------------------------------------------------------ rows

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, url: str) -> int:
        for number, item in enumerate(self._rows):
            if item.url == url:
                return number
        return -1

    def insert_dated(self, row: Row, *, oldest_first: bool = False) -> None:
        """Show a newly stored article where its date puts it, without reloading the list
        (not at all if that is beyond the rows loaded so far: paging brings it)."""
        if self._loader is None or self.find(row.url) >= 0:
            return
        moment = _aware(row.when)
        at = next(
            (
                n
                for n, other in enumerate(self._rows)
                if (_aware(other.when) > moment if oldest_first else _aware(other.when) < moment)
            ),
            len(self._rows),
        )
        if at == len(self._rows) and not self._exhausted:
            return
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, row)
        self.endInsertRows()

    def mark_read(self, urls: set[str], read: bool) -> None:
        """Show many rows read (or unread) at once, without reloading."""
        changed = [
            n
            for n, row in enumerate(self._rows)
            if row.read != read and (row.url in urls or canonicalize(row.url) in urls)
        ]
        for number in changed:
            self._rows[number] = replace(self._rows[number], read=read)
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))

    def update_row(self, url: str, **changes: object) -> None:
        """Change a row in place (read/starred/saved marks) without reloading."""
        number = self.find(url)
        if number < 0:
            return
        self._rows[number] = replace(self._rows[number], **changes)  # type: ignore[arg-type]
        index = self.index(number)
        self.dataChanged.emit(index, index)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: AnyIndex) -> None:
        if not parent.isValid():
            self._load_next()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Dragging headlines carries their URLs (drop them on a collection to save)."""
        data = QMimeData()
        data.setUrls([QUrl(str(i.data(self.UrlRole))) for i in indexes if i.isValid()])
        return data

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.title}, {item.outlet}" + (
                ", " + QCoreApplication.translate("HeadlineModel", "highlighted by a rule")
                if item.highlighted
                else ""
            )
        if role == self.RowRole:
            return item
        if role == self.UrlRole:
            return item.url
        return None


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def local_time(when: datetime, locale: QLocale | None = None) -> str:
    """A moment in this computer's time zone, as the reader's locale writes it."""
    moment = when if when.tzinfo else when.replace(tzinfo=UTC)
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return (locale or QLocale()).toString(local, "d MMMM yyyy, HH:mm")


def page_time(published: str | None, when: datetime, locale: QLocale | None = None) -> str:
    """The page's own clock when its zone differs from ours: "10:46 UTC+07:00"; else ""."""
    if not published or len(published) <= 10:
        return ""
    try:
        stated = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    offset = stated.utcoffset()
    moment = when if when.tzinfo else when.replace(tzinfo=UTC)
    if offset is None or moment.astimezone().utcoffset() == offset:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{stated:%H:%M} {zone}"


def tooltip(row: Row) -> str:
    """Title, outlet and exact local time (with the page's own clock), then the address."""
    when = local_time(row.when)
    theirs = page_time(row.published, row.when)
    if theirs:
        when += " " + QCoreApplication.translate("HeadlineModel", "({0} on the page)").format(
            theirs
        )
    outlet = f"{row.outlet} · " if row.outlet else ""
    return f"{row.title}\n{outlet}{when}\n{row.url}"


def relative_time(
    when: datetime, now: datetime | None = None, locale: QLocale | None = None
) -> str:
    """ "5 min", "3 h", then a short local date: what readers scan for."""
    current = now or datetime.now(UTC)
    moment = when if when.tzinfo else when.replace(tzinfo=UTC)
    seconds = (current - moment).total_seconds()
    translate = QCoreApplication.translate
    if 0 <= seconds < 3600:
        return translate("HeadlineDelegate", "{0} min").format(max(1, int(seconds // 60)))
    if 0 <= seconds < 86400:
        return translate("HeadlineDelegate", "{0} h").format(int(seconds // 3600))
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    same_year = local.date().year() == QDateTime.currentDateTime().date().year()
    return (locale or QLocale()).toString(local.date(), "d MMM" if same_year else "d MMM yyyy")


class HeadlineDelegate(QStyledItemDelegate):
    """Title (bold while unread) over outlet, time and marks; search snippet below."""

    PADDING = 8
    #: Remembered row heights (the list asks again for every row on each change).
    CACHE_LIMIT = 20_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, bool, int, str], QSize] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Measured with the title in bold whatever its read state, so marking an
        article read never changes row heights, and remembered per title and width:
        the list re-asks every row's size after any change to one of them.

        The width is the list's own: a word-wrapping QListView offers a rect one scroll
        bar narrower than the rows it paints, so a title measured there took a line more
        than it drew, and its row showed a blank band."""
        item = index.data(HeadlineModel.RowRole)
        view = option.widget
        available = (
            view.viewport().width()
            if isinstance(view, QAbstractScrollArea) and view.viewport().width() > 0
            else option.rect.width()
        )
        width = max(120, available - 2 * self.PADDING)
        title = item.title if isinstance(item, Row) else ""
        key = (title, bool(isinstance(item, Row) and item.snippet), width, option.font.key())
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        if len(self._sizes) >= self.CACHE_LIMIT:
            self._sizes.clear()
        size = self._measure(option, item, title, width)
        self._sizes[key] = size
        return size

    def _measure(self, option: QStyleOptionViewItem, item: object, title: str, width: int) -> QSize:
        metrics = QFontMetrics(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        title_rect = QFontMetrics(bold).boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), title
        )
        lines = min(title_rect.height(), 3 * QFontMetrics(bold).lineSpacing())
        height = lines + metrics.lineSpacing() + 2 * self.PADDING + 2
        if isinstance(item, Row) and item.snippet:
            height += 2 * metrics.lineSpacing()
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item = index.data(HeadlineModel.RowRole)
        if not isinstance(item, Row):
            return
        style = option.widget.style() if option.widget else None
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if item.highlighted and not selected:
            tint = QColor(palette.color(QPalette.ColorRole.Link))
            tint.setAlpha(28)
            painter.fillRect(rect, tint)
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        if item.highlighted:
            bar = palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link
            )
            painter.fillRect(QRect(rect.left(), rect.top() + 4, 3, rect.height() - 8), bar)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText)
        inner = rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        title_font = QFont(option.font)
        title_font.setBold(not item.read)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        title_metrics = QFontMetrics(title_font)
        title_height = min(
            title_metrics.boundingRect(inner, int(Qt.TextFlag.TextWordWrap), item.title).height(),
            3 * title_metrics.lineSpacing(),
        )
        # The row was measured with a bold title (so reading never changes its height); a
        # read title may need a line less: centre the text instead of leaving a blank band.
        lines = 3 if item.snippet else 1
        used = title_height + 2 + lines * QFontMetrics(option.font).lineSpacing()
        inner.setTop(inner.top() + max(0, (inner.height() - used) // 2))
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), title_height),
            int(Qt.TextFlag.TextWordWrap),
            item.title,
        )
        marks = ("★ " if item.starred else "") + ("● " if item.saved else "")
        outlet = f"{item.outlet} · " if item.outlet else ""
        story = f"{item.story_note} · " if item.story_note else ""
        meta = f"{marks}{outlet}{story}{relative_time(item.when)}"
        painter.setFont(option.font)
        painter.setPen(muted)
        metrics = QFontMetrics(option.font)
        top = inner.top() + title_height + 2
        painter.drawText(
            QRect(inner.left(), top, inner.width(), metrics.lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft),
            metrics.elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        if item.snippet:
            _paint_snippet(
                painter,
                item,
                option.font,
                QRect(
                    inner.left(),
                    top + metrics.lineSpacing(),
                    inner.width(),
                    2 * metrics.lineSpacing(),
                ),
            )
        painter.restore()


def _paint_snippet(painter: QPainter, row: Row, font: QFont, area: QRect) -> None:
    """Two lines of the search snippet with the matched words in bold."""
    layout = QTextLayout(row.snippet, font)
    spans = []
    for start, end in row.highlights:
        span = QTextLayout.FormatRange()
        span.start, span.length = start, max(0, end - start)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        span.format = bold
        spans.append(span)
    layout.setFormats(spans)
    layout.beginLayout()
    y = 0.0
    for _ in range(2):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(area.width())
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    layout.draw(painter, QPointF(area.left(), area.top()))
