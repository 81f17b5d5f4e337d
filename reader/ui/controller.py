"""The window's presenter: turns what the user does into core calls and back.

Panes emit intents (open this URL, show that view, save); the controller runs
the matching core service through :class:`TaskRunner` and routes the outcome
to the panes. Each kind of request has a key (``article``, ``headlines``...),
so a newer request supersedes an older one and late results are dropped.
Everything heavy — fetching, extracting, rendering the HTML, reading and
decoding images — happens in the task, off the GUI thread; the GUI thread only
swaps in the finished document.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypedDict

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDateTime,
    QIODevice,
    QLocale,
    QObject,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QImage,
    QImageIOHandler,
    QImageReader,
)

from reader.core.errors import ReaderError
from reader.core.models import ArticleResult, RefreshReport, RelatedLink
from reader.core.services import Services
from reader.core.urls import is_http_url, typed_address
from reader.ui import errors
from reader.ui.headlines import HeadlineModel, Row, page_time
from reader.ui.history import History
from reader.ui.refresh_process import refresh_command, run_refresh
from reader.ui.source_list import collection_label
from reader.ui.workers import TaskHandle, TaskRunner, TaskToken

if TYPE_CHECKING:
    from reader.core.library import Library

log = logging.getLogger(__name__)


def is_web_url(url: str) -> bool:
    """An http(s) link, to open in Kabar: a malformed one then fails with its reason
    in the view (``is_http_url`` is the stricter check for what may leave Kabar)."""
    return QUrl(url).scheme() in ("http", "https")


#: Images wider than this are scaled down in the worker (the view never needs more).
MAX_IMAGE_WIDTH = 1600
#: Pictures decoded before an article is shown; the rest follow in the background
#: (decoding takes 5-20 ms per picture, and a page may have dozens).
EAGER_IMAGES = 2
#: A cached article is revalidated (conditional GET) only when older than this,
#: and only after the reader has stayed on it this long.
REVALIDATE_AFTER_SECONDS = 15 * 60
REVALIDATE_DELAY_MS = 1500
#: A "loading" page appears only when an article takes longer than this.
LOADING_DELAY_MS = 150
#: How a nested folder path is written in a view key.
FOLDER_SEPARATOR = " / "


def folder_label(path: Sequence[str]) -> str:
    """A folder path as shown and typed: "Berita / Daerah"."""
    return FOLDER_SEPARATOR.join(path)


def folder_path(label: str) -> tuple[str, ...] | None:
    """The folder path a label names (blank parts dropped), or None for no folder."""
    parts = tuple(" ".join(p.split()) for p in label.split(FOLDER_SEPARATOR))
    return tuple(p for p in parts if p) or None


@dataclass(frozen=True)
class OpenedArticle:
    """Everything the view needs, prepared off the GUI thread."""

    result: ArticleResult
    html: str
    #: Pictures decoded before showing (the first ones, at the top of the page).
    images: dict[str, QImage] = field(default_factory=dict)
    in_library: frozenset[str] = frozenset()
    #: The other pictures' bytes, decoded after the text is on screen.
    pending_images: dict[str, bytes] = field(default_factory=dict)
    #: Other outlets' tellings of the same story ("Also reported by"), all in the library.
    also: tuple[RelatedLink, ...] = ()


@dataclass(frozen=True)
class Labels:
    """The words a rendered page needs, translated (the translators are thread-safe)."""

    minutes: Callable[[int], str]
    by: Callable[[str], str]
    original: str
    pages: Callable[[int], str]
    format_date: Callable[[str], str]
    date_tip: Callable[[str], str] = lambda iso: ""


@dataclass(frozen=True)
class ViewSpec:
    """What the headline list shows: a smart view, a source, a collection or a search.

    ``unread_only`` and ``oldest_first`` are the list's switches; a search may be
    narrowed to the place chosen before it (``within``).
    """

    kind: str  # "all" | "unread" | "starred" | "collection" | "source" | "folder" | "search"
    key: str = ""
    unread_only: bool = False
    oldest_first: bool = False
    within: ViewSpec | None = None

    @property
    def place(self) -> tuple[str, str]:
        """Kind and key alone: the same place whatever its switches."""
        return self.kind, self.key


class Controller(QObject):
    """Routes user intents to core services and results to the panes."""

    #: The article view now shows ``url`` (rendered, its first pictures ready).
    article_shown = Signal(str)
    #: Every picture of the article at ``url`` is now in the view.
    images_shown = Signal(str)
    #: Opening ``url`` failed; the view shows ``message`` in place.
    article_failed = Signal(str, str)
    #: Something in the library changed (counts, collections, marks).
    library_changed = Signal()
    #: An article was saved to collections (url, names).
    saved = Signal(str, list)
    #: A related link was fetched into the library in the background.
    prefetched = Signal(str)
    offline_changed = Signal(bool)
    #: Sources changed (added, removed, refreshed, renamed).
    sources_changed = Signal()
    #: Adding ``url`` found several feeds; the user picks one (url, candidates).
    feeds_to_choose = Signal(str, list)
    #: Refresh progress (a RefreshProgress) and the final report (a RefreshReport).
    refresh_progress = Signal(object)
    refresh_finished = Signal(object)
    #: A search found this many articles (query, count; count > cap means "more").
    search_counted = Signal(str, int)
    #: Articles were marked read all at once (how many); the last batch can be undone.
    marked_all_read = Signal(int)
    #: A link was kept to read when online (url); links kept so were fetched (urls).
    queued = Signal(str)
    saved_fetched = Signal(list)
    #: The reader split or merged stories: the shown article's "Also reported by" is now
    #: this (url of the article shown, tuple of RelatedLink).
    also_changed = Signal(str, object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        headlines: HeadlineModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.headlines = headlines
        headlines.page_failed.connect(self.report_error)
        self.history = History()
        self.current: ArticleResult | None = None
        self.current_url: str | None = None
        #: The title of the link that just failed to open (shown, and kept for later).
        self.failed_title = ""
        self.show_images = True
        self.view = ViewSpec("all")
        #: The last "mark all as read", as identity URLs: what Undo sets unread again.
        self.undo_marked: list[str] = []
        self._pending_url: str | None = None
        self._handle: TaskHandle | None = None
        self._revalidate_timer = QTimer(self)
        self._revalidate_timer.setSingleShot(True)
        self._revalidate_timer.setInterval(REVALIDATE_DELAY_MS)
        self._revalidate_timer.timeout.connect(self._revalidate_current)
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_DELAY_MS)
        self._loading_timer.timeout.connect(lambda: None)
        # Set by the window: how to show things. Kept as callables so the
        # controller never builds or reaches into widgets.
        self.show_loading: Callable[[str, str], None] = lambda url, title: None
        self.show_document: Callable[[OpenedArticle], None] = lambda opened: None
        self.add_images: Callable[[dict[str, QImage]], None] = lambda images: None
        self.show_problem: Callable[[str, errors.Problem, str], None] = lambda url, p, t: None
        self.show_status: Callable[[str], None] = lambda text: None
        #: Width of the reading column, so pictures are sized in the worker.
        self.column_width: Callable[[], float] = lambda: 640.0

    # ------------------------------------------------------------ properties

    @property
    def offline(self) -> bool:
        return self.services.offline

    @property
    def library(self):  # type: ignore[no-untyped-def]
        return self.services.library

    # ------------------------------------------------------------ opening articles

    @Slot(str)
    def open_url(self, url: str, title: str = "", *, from_history: bool = False) -> None:
        """Show ``url``: from the library if there, else fetched in the background."""
        if not is_web_url(url):
            return
        self._revalidate_timer.stop()
        if self._pending_url == url and self._handle is not None and not self._handle.finished:
            return  # a double click on the same link: one request is enough
        self._pending_url = url
        # Cached articles arrive within milliseconds: say "loading" only if it takes a while.
        self._loading_timer.stop()
        self._loading_timer.timeout.disconnect()
        self._loading_timer.timeout.connect(lambda: self.show_loading(url, title))
        self._loading_timer.start()
        offline = self.offline
        show_images = self.show_images
        labels = self._labels()
        column = self.column_width()

        def work(cancel: threading.Event) -> OpenedArticle:
            result = self.library.open_article(url, offline=offline, cancel=cancel)
            return prepare(self.services, result, labels, show_images, cancel, column=column)

        def done(opened: OpenedArticle) -> None:
            self._show(url, opened, from_history=from_history)

        def failed(error: BaseException) -> None:
            self._loading_timer.stop()
            self._pending_url = None
            problem = errors.describe(error)
            if problem is None:
                return
            if not isinstance(error, ReaderError):
                log.error("opening %s failed", url, exc_info=error)
            self.current_url = url
            self.current = None
            self.failed_title = title
            if not from_history:
                self.history.visit(url)
            self.show_problem(url, problem, title)
            self.article_failed.emit(url, problem.detail)

        self._handle = self.runner.submit(work, on_done=done, on_error=failed, key="article")

    def _show(self, url: str, opened: OpenedArticle, *, from_history: bool) -> None:
        self._loading_timer.stop()
        self._pending_url = None
        self.current = opened.result
        self.current_url = url
        if not from_history:
            self.history.visit(url)
        self._display(url, opened)
        if not opened.result.from_cache and self.view.kind == "all" and not self.view.unread_only:
            article = opened.result.article
            result = opened.result
            when = result.sort_at or result.fetched_at
            self.headlines.insert_dated(
                Row(url, article.title, result.outlet, when, True, published=article.published),
                oldest_first=self.view.oldest_first,
            )
        self.headlines.update_row(url, read=True)
        self.article_shown.emit(url)
        if not opened.result.state.read:
            state = replace(opened.result.state, read=True)
            self.current = replace(opened.result, state=state)
            self._in_background(
                lambda c: self.library.set_read(url, True, story=True), self._changed
            )
        if opened.result.from_cache and not self.offline and _stale(opened.result):
            # Only once the reader stays on the article: a check started while they
            # flick through cached articles would compete with showing the next one.
            self._revalidate_timer.start()

    def _display(self, url: str, opened: OpenedArticle) -> None:
        """Show the article at once, then decode its other pictures in the background."""
        self.show_document(opened)
        pending = opened.pending_images
        if not pending:
            self.runner.cancel("article-images")
            self.images_shown.emit(url)
            return

        def work(cancel: threading.Event) -> dict[str, QImage]:
            images: dict[str, QImage] = {}
            for source, data in pending.items():
                if cancel.is_set():
                    break
                if (image := decode_image(data)) is not None:
                    images[source] = image
            return images

        def done(images: dict[str, QImage]) -> None:
            if self.current_url == url:
                self.add_images(images)
                self.images_shown.emit(url)

        self.runner.submit(work, on_done=done, on_error=self.report_error, key="article-images")

    def _revalidate_current(self) -> None:
        if self.current_url and not self.offline:
            self._revalidate(self.current_url)

    def _revalidate(self, url: str) -> None:
        labels, show_images, column = self._labels(), self.show_images, self.column_width()

        def work(cancel: threading.Event) -> OpenedArticle | None:
            fresh = self.library.revalidate(url, cancel=cancel)
            if fresh is None:
                return None
            return prepare(self.services, fresh, labels, show_images, cancel, column=column)

        def done(opened: OpenedArticle | None) -> None:
            if opened is not None and self.current_url == url:
                self.current = opened.result
                self._display(url, opened)
                self.show_status(self.tr("This article was updated."))

        # A failed revalidation is not worth bothering the reader: the cached copy stands.
        self.runner.submit(work, on_done=done, on_error=lambda error: None, key="revalidate")

    def retry(self) -> None:
        if self.current_url:
            self._pending_url = None
            self.open_url(self.current_url, from_history=True)

    def back(self) -> None:
        url = self.history.back()
        if url:
            self.open_url(url, from_history=True)

    def forward(self) -> None:
        url = self.history.forward()
        if url:
            self.open_url(url, from_history=True)

    def open_in_browser(self, url: str | None = None) -> bool:
        """Hand the link to the system's browser; say so when there is none."""
        target = url or self.current_url
        if not target or not is_http_url(target):
            return False
        if QDesktopServices.openUrl(QUrl(target)):
            return True
        copied = self.copy_link(target)
        self.show_status(
            self.tr("No web browser is available to open the link; it was copied to the clipboard.")
            if copied
            else self.tr("No web browser is available to open {0}.").format(target)
        )
        return False

    def copy_link(self, url: str | None = None) -> bool:
        target = url or self.current_url
        clipboard = QGuiApplication.clipboard()
        if not target or clipboard is None:
            return False
        clipboard.setText(target)
        return True

    def keep_for_later(self, url: str | None = None, title: str = "") -> None:
        """ "Read when online": save the link now (Read later), fetch it once online."""
        target = url or self.current_url
        if not target:
            return
        name = title or (self.failed_title if target == self.current_url else "")
        services = self.services

        def done(_result: object) -> None:
            self.queued.emit(target)
            self.show_status(
                self.tr("Saved to Read later; Kabar will fetch it when you are back online.")
            )
            self.library_changed.emit()

        self._in_background(lambda cancel: services.library.keep_for_later(target, name), done)

    def fetch_saved(self, urls: Sequence[str]) -> None:
        """Fetch links kept while offline; ``saved_fetched`` reports those that came."""
        if self.offline or not urls:
            return
        services = self.services
        wanted = list(urls)

        def work(cancel: threading.Event) -> list[str]:
            fetched = []
            for url in wanted:
                if cancel.is_set():
                    break
                try:
                    services.library.fetch_saved(url, cancel=cancel)
                except ReaderError as error:
                    log.info("kept link %s not fetched yet: %s", url, error)
                    continue
                fetched.append(url)
            return fetched

        def done(fetched: list[str]) -> None:
            self.saved_fetched.emit(fetched)
            if fetched:
                self.show_status(
                    self.tr("Links kept while offline are now in Read later: {0}.").format(
                        len(fetched)
                    )
                )
                self.library_changed.emit()

        self.runner.submit(work, on_done=done, on_error=self.report_error, key="fetch-saved")

    def prefetch(self, url: str) -> None:
        """Fetch a link into the library without showing it (middle-click)."""
        if not is_http_url(url) or self.offline:
            return

        def work(cancel: threading.Event) -> str:
            self.library.open_article(url, offline=False, cancel=cancel)
            return url

        def done(fetched: str) -> None:
            self.show_status(self.tr("Kept in the library; find it under All articles."))
            self.prefetched.emit(fetched)
            self.library_changed.emit()

        self.runner.submit(work, on_done=done, on_error=self.report_error)

    # ------------------------------------------------------------ user state

    def save(self, names: list[str], url: str | None = None) -> None:
        target = url or self.current_url
        if not target or not names:
            return
        offline = self.offline

        def work(cancel: threading.Event) -> list[str]:
            result = self.library.save_to_collection(target, names, offline=offline, cancel=cancel)
            return list(result.collections)

        def done(saved_to: list[str]) -> None:
            self.headlines.update_row(target, saved=True)
            labels = ", ".join(collection_label(name) for name in saved_to)
            self.show_status(self.tr("Saved to {0}.").format(labels))
            self.saved.emit(target, saved_to)
            self.library_changed.emit()

        self.runner.submit(work, on_done=done, on_error=self.report_error)

    def toggle_read(self) -> None:
        if self.current is not None:
            self._toggle("read", not self.current.state.read)

    def toggle_star(self) -> None:
        if self.current is not None:
            starred = not self.current.state.starred
            message = self.tr("Starred.") if starred else self.tr("Star removed.")
            self._toggle("starred", starred, message)

    def _toggle(self, mark: str, value: bool, message: str = "") -> None:
        """Set the current article's read or starred mark in the background."""
        url = self.current_url
        if not url:
            return
        services = self.services

        def work(cancel: threading.Event) -> object:
            library = services.library
            if mark == "read":
                return library.set_read(url, value, story=True)
            return library.set_starred(url, value)

        def done(state: object) -> None:
            if self.current is not None and self.current_url == url:
                self.current = replace(self.current, state=state)  # type: ignore[arg-type]
            self.headlines.update_row(url, **{mark: value})
            if message:
                self.show_status(message)
            self.library_changed.emit()

        self._in_background(work, done)

    # ------------------------------------------------------------ stories

    def split_story(self, url: str) -> None:
        """Show ``url``'s article apart from its story (the library keeps the choice)."""
        self._regroup(lambda library: library.split_story(url), self.tr("Shown apart."))

    def merge_stories(self, url: str, into_url: str) -> None:
        """Show ``url``'s story and ``into_url``'s as one (the library keeps the choice)."""
        self._regroup(
            lambda library: library.merge_stories(url, into_url), self.tr("Shown as one story.")
        )

    def _regroup(self, change: Callable[[Library], object], message: str) -> None:
        services = self.services
        shown = self.current_url if self.current is not None else None

        def work(cancel: threading.Event) -> tuple[RelatedLink, ...]:
            library = services.library
            change(library)
            if shown is None:
                return ()
            return tuple(
                RelatedLink(v.url, v.title, v.outlet, "block") for v in library.also_reported(shown)
            )

        def done(also: object) -> None:
            self.headlines.reload()
            self.show_status(message)
            if shown is not None and self.current_url == shown:
                self.also_changed.emit(shown, also)
            self.library_changed.emit()

        self._in_background(work, done)

    # ------------------------------------------------------------ headline views

    def show_view(self, spec: ViewSpec) -> None:
        self.view = spec
        services = self.services
        unread, oldest = spec.unread_only or spec.kind == "unread", spec.oldest_first

        def load(after: Row | None, offset: int, limit: int) -> list[Row]:
            # Runs on a worker: the library opens (and may migrate) on first use.
            library = services.library
            cursor = after.cursor if after is not None else None
            if spec.kind in ("source", "folder"):
                entries = services.sources.headlines(
                    source=int(spec.key) if spec.kind == "source" else None,
                    folder=(folder_path(spec.key) or ()) if spec.kind == "folder" else None,
                    limit=limit, offset=offset, by_story=True, unread_only=unread,
                    oldest_first=oldest,
                )  # fmt: skip
                return [Row.from_headline(item) for item in entries]
            if spec.kind == "search":
                hits = library.search(
                    spec.key, limit=limit, offset=offset, **_scope(services, spec)
                )
                return [Row.from_hit(hit) for hit in hits]
            items = library.headlines(
                collection=spec.key if spec.kind == "collection" else None,
                starred_only=spec.kind == "starred", unread_only=unread,
                after=cursor, limit=limit, oldest_first=oldest,
                by_story=spec.kind in ("all", "unread"),
            )  # fmt: skip
            return [Row.from_headline(item) for item in items]

        self.headlines.set_loader(load)

    def search(self, query: str, within: ViewSpec | None = None) -> None:
        """Show what ``query`` finds (in ``within``, else everywhere), and count it."""
        text = query.strip()
        if not text:
            return
        spec = ViewSpec("search", text, within=within)
        self.show_view(spec)
        services = self.services

        def work(cancel: threading.Event) -> int:
            return services.library.search_count(
                text, cap=SEARCH_COUNT_CAP, **_scope(services, spec)
            )

        self.runner.submit(
            work, on_done=lambda n: self.search_counted.emit(text, n),
            on_error=self.report_error, key="search-count", lane="io",
        )  # fmt: skip

    # ------------------------------------------------------------ mark all as read

    def mark_all_read(self, spec: ViewSpec | None = None) -> None:
        """Mark every unread article of a place read (the current one by default)."""
        place = spec or self.view
        if place.kind == "search":
            return
        services = self.services

        def work(cancel: threading.Event) -> list[str]:
            if place.kind == "source":
                return services.sources.mark_all_read(int(place.key))
            if place.kind == "folder":
                return services.sources.mark_all_read(folder=folder_path(place.key) or ())
            return services.library.mark_all_read(
                collection=place.key if place.kind == "collection" else None,
                starred_only=place.kind == "starred",
            )

        def done(keys: list[str]) -> None:
            self.undo_marked = keys
            if self.view.unread_only or self.view.kind == "unread":
                self.headlines.reload()  # they leave the list
            else:
                self.headlines.mark_read(set(keys), True)
            self.marked_all_read.emit(len(keys))
            self.library_changed.emit()

        self.runner.submit(work, on_done=done, on_error=self.report_error, lane="io")

    def undo_mark_all_read(self) -> None:
        keys, self.undo_marked = self.undo_marked, []
        if not keys:
            return
        services = self.services

        def done(_count: object) -> None:
            if self.view.unread_only or self.view.kind == "unread":
                self.headlines.reload()  # they come back
            else:
                self.headlines.mark_read(set(keys), False)
            self.show_status(self.tr("Marked unread again."))
            self.library_changed.emit()

        self._in_background(lambda cancel: services.library.set_read_many(keys, False), done)

    # ------------------------------------------------------------ sources

    def add_source(self, url: str, folder: str | None = None, pick: int | None = None) -> None:
        """Subscribe to a feed or a site; several feeds on a site → ``feeds_to_choose``."""
        from reader.core.errors import NotAFeed  # noqa: PLC0415

        address = typed_address(url)
        services = self.services

        def work(cancel: threading.Event) -> tuple[int, int]:
            from reader.core.sources import subscribe  # noqa: PLC0415

            path = folder_path(folder) if folder else None
            source = subscribe(services.sources, services.fetcher, address, folder=path,
                               pick=pick, cancel=cancel)  # fmt: skip
            return source.id, source.entries

        def done(added: tuple[int, int]) -> None:
            source_id, headlines = added
            self.show_status(self.tr("Source added."))
            self.sources_changed.emit()
            # Subscribing read the feed already: its items are this refresh's news too.
            self.refresh([source_id], seeded=headlines)

        def failed(error: BaseException) -> None:
            if isinstance(error, NotAFeed) and error.candidates:
                self.feeds_to_choose.emit(address, list(error.candidates))
                return
            self.report_error(error)

        self.runner.submit(work, on_done=done, on_error=failed, key="add-source")

    def refresh(
        self, sources: list[int] | None = None, *, force: bool = True, seeded: int = 0
    ) -> None:
        """Bring new headlines and their full articles home, in the background.

        ``seeded``: headlines already stored for these sources just before (when
        subscribing), counted as new in the report the reader sees.
        """
        if self.offline:
            self.show_status(self.tr("Working offline: refresh is off."))
            return
        command = refresh_command(self.services.paths.root, sources, force=force)

        def work(token: TaskToken) -> object:
            # A separate process: its parsing never competes with the window for the GIL.
            return run_refresh(command, token, token.report)

        def done(report: object) -> None:
            if seeded and isinstance(report, RefreshReport):
                report = replace(report, new_entries=report.new_entries + seeded)
            self.refresh_finished.emit(report)
            self.sources_changed.emit()
            self.library_changed.emit()
            if self.view.kind in ("all", "unread", "source", "folder"):
                self.headlines.reload()

        def failed(error: BaseException) -> None:
            self.refresh_finished.emit(None)
            self.report_error(error)

        self.runner.submit(
            work, on_done=done, on_error=failed, on_progress=self.refresh_progress.emit,
            key="refresh",
        )  # fmt: skip

    def cancel_refresh(self) -> None:
        self.runner.cancel("refresh")
        self.refresh_finished.emit(None)
        self.show_status(self.tr("Refresh stopped."))

    def source_call(self, call: Callable[[object], object], message: str = "") -> None:
        """Run a quick change on the source list in the background, then reload it."""
        services = self.services

        def work(cancel: threading.Event) -> object:
            return call(services.sources)

        def done(_result: object) -> None:
            if message:
                self.show_status(message)
            self.sources_changed.emit()

        self.runner.submit(work, on_done=done, on_error=self.report_error, lane="io")

    # ------------------------------------------------------------ network mode

    def set_offline(self, offline: bool) -> None:
        if offline == self.services.offline:
            return
        self.services.set_offline(offline)
        self.offline_changed.emit(offline)
        self.show_status(
            self.tr("Working offline: only the library is used.")
            if offline
            else self.tr("Back online.")
        )

    # ------------------------------------------------------------ helpers

    def _labels(self) -> Labels:
        """Translated words for the page; called on the GUI thread, used in the worker."""
        locale = QLocale()

        def format_date(iso: str) -> str:
            moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
            if not moment.isValid():
                return iso[:10]
            if len(iso.strip()) <= 10:  # a day, no time: no zone to convert from
                return locale.toString(moment.date(), "d MMMM yyyy")
            return locale.toString(moment.toLocalTime(), "d MMMM yyyy, HH:mm")

        def date_tip(iso: str) -> str:
            moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
            if not moment.isValid():
                return ""
            theirs = page_time(iso, datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC))
            return (
                self.tr("{0} on the page; shown in this computer's time").format(theirs)
                if theirs
                else ""
            )

        return Labels(
            minutes=lambda n: self.tr("%n min read", "", n),
            by=lambda name: self.tr("By {0}").format(name),
            original=self.tr("Read the original on the web"),
            pages=lambda n: self.tr("%n pages", "", n),
            format_date=format_date,
            date_tip=date_tip,
        )

    def _in_background(
        self, work: Callable[[threading.Event], object], done: Callable[[object], None]
    ) -> None:
        self.runner.submit(work, on_done=done, on_error=self.report_error, lane="io")

    def _changed(self, _result: object) -> None:
        self.library_changed.emit()

    def report_error(self, error: BaseException) -> None:
        """Say what went wrong in the status bar (never a dialog storm)."""
        problem = errors.describe(error)
        if problem is not None:
            self.show_status(f"{problem.headline}: {problem.detail}")


#: Search results are counted up to this many ("more than 1000").
SEARCH_COUNT_CAP = 1000


class Scope(TypedDict, total=False):
    """How a search is narrowed (keyword arguments of ``Library.search``)."""

    collection: str
    source_ids: list[int] | None
    unread_only: bool
    starred_only: bool


def _scope(services: Services, spec: ViewSpec) -> Scope:
    """The narrowing of a search to the place it was started from (on a worker)."""
    place = spec.within
    if place is None:
        return {}
    if place.kind == "source":
        return {"source_ids": [int(place.key)]}
    if place.kind == "folder":
        return {"source_ids": services.sources.ids(folder=folder_path(place.key) or ())}
    if place.kind == "collection":
        return {"collection": place.key}
    if place.kind == "unread":
        return {"unread_only": True}
    if place.kind == "starred":
        return {"starred_only": True}
    return {}


def prepare(
    services: Services,
    result: ArticleResult,
    labels: Labels,
    show_images: bool,
    cancel: threading.Event,
    *,
    column: float = 640.0,
) -> OpenedArticle:
    """Load and size the pictures, then render the document; runs on a worker thread."""
    # Imported here: lxml loads on a worker thread, not while the window starts.
    from reader.core.page import RenderLabels, RenderOptions, document_images, render_article  # noqa: PLC0415

    images: dict[str, QImage] = {}
    pending: dict[str, bytes] = {}
    sizes: dict[str, tuple[int, int]] = {}
    if show_images:
        for url in document_images(result.article):
            if cancel.is_set():
                break
            data = services.library.image_bytes(url)
            size = image_size(data) if data else None
            if data is None or size is None:
                continue
            if len(images) < EAGER_IMAGES:
                image = decode_image(data)
                if image is None:
                    continue
                images[url] = image
            else:
                pending[url] = data
            width = min(size[0], MAX_IMAGE_WIDTH, int(column))
            sizes[url] = (width, max(1, round(width * size[1] / size[0])))
    words = RenderLabels(
        minutes=labels.minutes, by=labels.by, original=labels.original, pages=labels.pages
    )
    opts = RenderOptions(
        show_images=show_images, labels=words, format_date=labels.format_date,
        image_sizes=sizes, date_tip=labels.date_tip, outlet=result.outlet or None,
    )  # fmt: skip
    html = render_article(result.article, opts)
    related = [link.url for link in result.article.related]
    in_library = frozenset(url for url in related if services.library.contains(url))
    names = services.library.outlet_names(related)
    if names:  # each outlet named as the lists name it
        links = [
            replace(link, source=names.get(link.url, link.source))
            for link in result.article.related
        ]
        result = replace(result, article=replace(result.article, related=links))
    shown = result.article.url or result.article.canonical_url
    also = tuple(
        RelatedLink(v.url, v.title, v.outlet, "block")
        for v in services.library.also_reported(shown)
    )
    in_library |= {link.url for link in also}
    return OpenedArticle(result, html, images, in_library, pending, also)


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    """A reader over ``data``; the buffer is returned so that it outlives the reader."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader, buffer


def image_size(data: bytes) -> tuple[int, int] | None:
    """A picture's size from its header, without decoding it."""
    reader, _buffer = _reader(data)
    size = reader.size()
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        size.transpose()
    return (size.width(), size.height()) if size.width() > 0 and size.height() > 0 else None


def decode_image(data: bytes) -> QImage | None:
    """Decode a picture, at most ``MAX_IMAGE_WIDTH`` wide (scaled while decoding)."""
    reader, _buffer = _reader(data)
    size = reader.size()
    if size.width() > MAX_IMAGE_WIDTH:
        height = max(1, round(MAX_IMAGE_WIDTH * size.height() / size.width()))
        reader.setScaledSize(QSize(MAX_IMAGE_WIDTH, height))
    image = reader.read()
    return None if image.isNull() or image.width() < 1 else image


def _stale(result: ArticleResult) -> bool:
    """Worth a conditional GET: fetched long enough ago that the page may have changed."""
    fetched = (
        result.fetched_at if result.fetched_at.tzinfo else result.fetched_at.replace(tzinfo=UTC)
    )
    return (datetime.now(UTC) - fetched).total_seconds() > REVALIDATE_AFTER_SECONDS
