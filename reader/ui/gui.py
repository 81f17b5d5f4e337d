"""Assemble the window: panes, models, controller, and the wiring between them.

:func:`build_gui` is called by the composition root (:mod:`reader.app`) and by
the UI tests, so both run exactly the same window. Dialog flows that need the
user's answer (which collection, which feed, confirm a delete) live here too;
the panes stay unaware of each other and of the core.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from reader import __version__
from reader.core.models import (
    READ_LATER,
    CollectionInfo,
    LibraryCounts,
    StoreRecovery,
)
from reader.core.services import Services
from reader.core.urls import typed_address
from reader.ui import theme as themes
from reader.ui.controller import Controller, OpenedArticle
from reader.ui.dialogs.accounts import AccountsBox
from reader.ui.dialogs.collections import CollectionPicker, ask_name, confirm_delete
from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.dialogs.shortcuts import ShortcutSheet
from reader.ui.headlines import HeadlineModel, Row
from reader.ui.list_wiring import ListWiring
from reader.ui.main_window import MainWindow
from reader.ui.rules_wiring import RulesWiring
from reader.ui.sources_wiring import SourcesWiring
from reader.ui.transfer_wiring import TransferWiring
from reader.ui.workers import TaskRunner

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.sync import Account

log = logging.getLogger(__name__)


@dataclass
class Gui:
    """The window and the objects behind it, for the app and for tests."""

    services: Services
    window: MainWindow
    controller: Controller
    runner: TaskRunner
    headlines: HeadlineModel
    wiring: Wiring
    collections: list[CollectionInfo] = field(default_factory=list)

    def shutdown(self) -> None:
        """Stop background work, then close the library (only if nobody still uses it)."""
        self.runner.cancel_all()
        self.services.interrupt()  # a start-up quick_check of a big library takes seconds
        if self.runner.shutdown():
            self.services.close()
        else:
            # A worker is still inside a call; closing its connection under it could
            # crash. SQLite needs no close to stay consistent: committed is committed.
            log.warning("leaving the library open: a background task did not stop in time")


def configure_app(app: QApplication) -> None:
    """Application-wide set-up shared by the real app, the tests and the benchmarks."""
    import sys  # noqa: PLC0415

    from reader.ui import assets  # noqa: PLC0415

    # Worker threads hand the interpreter back to the GUI thread sooner: with the
    # default 5 ms slice a busy worker delays every paint and every queued result.
    sys.setswitchinterval(0.001)
    app.setStyle(themes.ReaderStyle())
    app.setWindowIcon(assets.app_icon())
    app.setStyleSheet(assets.style("app.qss"))


def build_gui(services: Services) -> Gui:
    """Create the window for ``services`` (not shown yet) and start loading the library."""
    runner = TaskRunner()
    state_file = services.paths.root / "window.ini"
    look = themes.resolve(str(_stored_theme(state_file) or "system"))
    themes.apply(look)  # before any widget exists: each is polished with the saved colours
    window = MainWindow(state_file, look)
    headlines = HeadlineModel(runner, window)
    window.sources.headlines.setModel(headlines)
    controller = Controller(services, runner, headlines, window)
    wiring = Wiring(window, controller)
    gui = Gui(services, window, controller, runner, headlines, wiring)
    wiring.gui = gui
    wiring.start()
    return gui


def _stored_theme(state_file: object) -> str | None:
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    value = QSettings(str(state_file), QSettings.Format.IniFormat).value("reading/theme")
    return value if isinstance(value, str) else None


class Wiring(QObject):
    """Connects the panes and actions of one window to its controller."""

    def __init__(self, window: MainWindow, controller: Controller) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.gui: Gui | None = None
        self.last_opened: OpenedArticle | None = None
        self.cache_budget = 2 * 1024**3
        self.story_read_together = True
        self.sources_ui = SourcesWiring(window, controller, self.refresh_minutes, self)
        self.transfer_ui = TransferWiring(window, controller, self.collection_names, self)
        self.list_ui = ListWiring(window, controller, self)
        self.rules_ui = RulesWiring(
            controller, lambda: [(s.id, s.title) for s in self.sources_ui.sources], self
        )
        self._mark_place: tuple[str, str] | None = None
        self._connect()

    # ------------------------------------------------------------ wiring

    def _connect(self) -> None:
        w, c = self.window, self.controller
        c.show_loading = w.show_loading
        c.show_problem = w.show_problem
        c.show_status = lambda text: w.statusBar().showMessage(text, 8000)
        c.show_document = self.show_document
        c.add_images = self.window.article.add_images
        c.column_width = w.article.column_width
        c.library_changed.connect(self.reload_library_state)
        w.closing.connect(self.remember_reading)
        c.queued.connect(self._queued)
        c.saved_fetched.connect(self._fetched_saved)
        c.offline_changed.connect(lambda offline: None if offline else self._fetch_kept())
        w.sources.model.rowsInserted.connect(self._mark_reopened_place)
        c.offline_changed.connect(w.set_offline)
        c.prefetched.connect(lambda url: w.related.mark(url, "cached"))

        w.related.link_activated.connect(self.open_related)
        w.related.link_prefetch.connect(c.prefetch)
        w.related.open_in_browser.connect(c.open_in_browser)
        w.related.save_requested.connect(self.save_dialog)
        w.article.link_activated.connect(self.open_article_link)
        w.article.action_requested.connect(self.article_action)
        w.sources.save_dropped.connect(self.save_dropped)
        w.sources.collection_new.connect(self.new_collection)
        w.sources.collection_rename.connect(self.rename_collection)
        w.sources.collection_delete.connect(self.delete_collection)
        w.sources.headlines.selectionModel().currentChanged.connect(self.headline_chosen)
        w.sources.headlines.split_requested.connect(c.split_story)
        w.sources.headlines.merge_requested.connect(c.merge_stories)
        w.related.split_requested.connect(c.split_story)
        c.also_changed.connect(self.show_also)

        w.act_back.triggered.connect(c.back)
        w.act_forward.triggered.connect(c.forward)
        w.act_save.triggered.connect(lambda: self.save_dialog(c.current_url or ""))
        w.act_star.triggered.connect(c.toggle_star)
        w.act_toggle_read.triggered.connect(c.toggle_read)
        w.act_open_browser.triggered.connect(c.open_in_browser)
        w.act_copy_link.triggered.connect(self.copy_link)
        w.act_next.triggered.connect(lambda: w.move_headline(+1))
        w.act_previous.triggered.connect(lambda: w.move_headline(-1))
        w.act_next_unread.triggered.connect(self.next_unread)
        w.act_page_down.triggered.connect(self.page_down)
        w.act_page_up.triggered.connect(self.page_up)
        w.act_offline.toggled.connect(c.set_offline)
        w.act_images.toggled.connect(self.set_images)
        w.act_open_link.triggered.connect(self.open_link_dialog)
        w.act_shortcuts.triggered.connect(self.shortcut_sheet)
        w.act_preferences.triggered.connect(self.preferences)
        w.act_about.triggered.connect(self.about)
        for key, action in w.theme_actions.items():
            action.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))

    def start(self) -> None:
        """First paint is the empty window; the library opens in the background."""
        w, c = self.window, self.controller
        w.set_offline(c.offline)
        stored = w.state.value("reading/theme")
        w.theme_actions.get(str(stored or "system"), w.theme_actions["system"]).setChecked(True)
        images = w.state.value("reading/images", True)
        c.show_images = images not in (False, "false", "0")
        w.act_images.setChecked(c.show_images)
        self._update_actions()
        self._reopen()  # first in the io lane: headlines are what the reader waits for
        self.reload_library_state()
        self.sources_ui.start()
        self.transfer_ui.resume_pending()
        self._verify_library()
        self._fetch_kept()

    # ------------------------------------------------------------ where the reader left off

    def _reopen(self) -> None:
        """Show the place, the article and the spot in it where the last session ended.

        The list comes first; the tree is filled in the background, so the place is
        marked in it (quietly) once it appears. The article reopens from the library
        and scrolls back to the same paragraph.
        """
        w, state = self.window, self.window.state
        kind, key, title = (str(state.value(f"reading/last_view_{n}") or "") for n in
                            ("kind", "key", "title"))  # fmt: skip
        if not kind or (kind == "all" and not key):
            w.sources.select("all")
        elif not w.sources.select(kind, key):
            self.list_ui.select_view(kind, key, title)
            self._mark_place = (kind, key)
        url = str(state.value("reading/last_url") or "")
        if not url:
            return
        try:
            position = int(str(state.value("reading/last_position") or 0))
        except ValueError:
            position = 0

        def shown(opened: str) -> None:
            if opened == url:
                w.article.scroll_to_position(position)
            self.controller.article_shown.disconnect(shown)

        def listed(_rows: int) -> None:
            row = self.controller.headlines.find(url)
            if row >= 0:
                w.sources.select_headline(row, centre=True)
            self.controller.headlines.page_loaded.disconnect(listed)

        self.controller.article_shown.connect(shown)
        self.controller.headlines.page_loaded.connect(listed)
        # Once the window has its size: pictures are sized for the column they will fill.
        QTimer.singleShot(0, lambda: self.controller.open_url(url))

    # ------------------------------------------------------------ read when online

    def _kept(self) -> list[str]:
        value = self.window.state.value("offline/read_when_online", [])
        return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []

    def _queued(self, url: str) -> None:
        kept = self._kept()
        if url not in kept:
            self.window.state.setValue("offline/read_when_online", [*kept, url])

    def _fetched_saved(self, urls: list[str]) -> None:
        self.window.state.setValue(
            "offline/read_when_online", [u for u in self._kept() if u not in set(urls)]
        )

    def _fetch_kept(self) -> None:
        """Links kept with "Read when online" come home as soon as Kabar is online."""
        if not self.controller.offline:
            self.controller.fetch_saved(self._kept())

    def _mark_reopened_place(self) -> None:
        if self._mark_place is not None and self.window.sources.select(
            *self._mark_place, quiet=True
        ):
            self._mark_place = None

    def remember_reading(self) -> None:
        """Write where the reader is, for the next start (called as the window closes)."""
        state, place = self.window.state, self.list_ui.place
        state.setValue("reading/last_view_kind", place.kind)
        state.setValue("reading/last_view_key", place.key)
        state.setValue("reading/last_view_title", self.list_ui.place_title)
        url = self.controller.current_url if self.controller.current is not None else None
        state.setValue("reading/last_url", url or "")
        state.setValue(
            "reading/last_position", self.window.article.reading_position() if url else 0
        )
        state.sync()

    # ------------------------------------------------------------ articles

    def show_document(self, opened: OpenedArticle) -> None:
        w = self.window
        self.last_opened = opened
        article = opened.result.article
        w.article.show_document(opened.html, opened.images, w.article_style())
        w.related.set_links(article.related, opened.in_library, also=opened.also)
        w.setWindowTitle(f"{article.title} — Kabar" if article.title else "Kabar")
        source = self.tr("from the library") if opened.result.from_cache else (self.tr("fetched"))
        outlet = opened.result.outlet
        w.statusBar().showMessage(f"{outlet} · {source}" if outlet else source, 5000)
        self._update_actions()

    @Slot(str, object)
    def show_also(self, url: str, also: object) -> None:
        """The shown article's story changed (a split or merge): its "Also reported by" too."""
        opened = self.last_opened
        if opened is None or not isinstance(also, tuple) or self.controller.current_url != url:
            return
        in_library = opened.in_library | {link.url for link in also}
        self.last_opened = replace(opened, also=also, in_library=in_library)
        self.window.related.set_links(opened.result.article.related, in_library, also=also)

    @Slot(str, str)
    def open_related(self, url: str, title: str) -> None:
        self.controller.open_url(url, title)

    @Slot(str, bool)
    def open_article_link(self, url: str, external: bool) -> None:
        if external:
            self.controller.open_in_browser(url)
        else:
            self.controller.open_url(url)

    @Slot(str)
    def article_action(self, name: str) -> None:
        if name == "retry":
            self.controller.retry()
        elif name == "browser":
            self.controller.open_in_browser()
        elif name == "queue":
            self.controller.keep_for_later()
        elif name == "starter":
            self.sources_ui.starter_sources()
        elif name == "add-source":
            self.sources_ui.add_source_dialog()

    @Slot(QModelIndex, QModelIndex)
    def headline_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        row = current.data(HeadlineModel.RowRole)
        if isinstance(row, Row):
            self.controller.open_url(row.url, row.title)

    def next_unread(self) -> None:
        w = self.window
        model = self.controller.headlines
        start = w.sources.headlines.currentIndex().row() + 1
        for number in range(max(0, start), model.rowCount()):
            row = model.row_at(number)
            if row is not None and not row.read:
                w.sources.headlines.setCurrentIndex(model.index(number, 0))
                return
        w.statusBar().showMessage(self.tr("No more unread articles here."), 5000)

    def page_down(self) -> None:
        if not self.window.article.page_down():
            self.window.move_headline(+1)

    def page_up(self) -> None:
        if not self.window.article.page_up():
            self.window.move_headline(-1)

    def copy_link(self) -> None:
        self.controller.copy_link()

    def open_link_dialog(self) -> None:
        text, ok = QInputDialog.getText(
            self.window, self.tr("Open Link"), self.tr("Address of an article to read:")
        )
        url = typed_address(text)
        if ok and url:
            self.controller.open_url(url)

    # ------------------------------------------------------------ collections

    def collection_names(self) -> list[str]:
        names = [info.name for info in (self.gui.collections if self.gui else [])]
        return names if READ_LATER in names else [READ_LATER, *names]

    def save_dialog(self, url: str) -> None:
        if not url:
            return
        names = [info.name for info in (self.gui.collections if self.gui else [])]
        if READ_LATER not in names:
            names.insert(0, READ_LATER)
        current = self.controller.current
        already = (
            list(current.collections) if current and self.controller.current_url == url else []
        )
        title = current.article.title if current and self.controller.current_url == url else ""
        picker = CollectionPicker(names, already, title, self.window)
        if picker.exec():
            chosen = picker.chosen()
            if chosen:
                self.controller.save(chosen, url)

    @Slot(str, list)
    def save_dropped(self, name: str, urls: list[str]) -> None:
        for url in urls:
            self.controller.save([name], url)

    def new_collection(self) -> None:
        name = ask_name(
            self.window, self.tr("New Collection"), self.tr("Name of the new collection:")
        )
        if name:
            self._library_call(lambda lib: lib.create_collection(name))

    def rename_collection(self, name: str) -> None:
        new = ask_name(self.window, self.tr("Rename Collection"), self.tr("New name:"), name)
        if new and new != name:
            self._library_call(lambda lib: lib.rename_collection(name, new))

    def delete_collection(self, name: str) -> None:
        count = next(
            (c.count for c in (self.gui.collections if self.gui else []) if c.name == name), 0
        )
        if confirm_delete(self.window, name, count):
            self._library_call(lambda lib: lib.delete_collection(name))
            if self.controller.view.place == ("collection", name):
                self.window.sources.select("all")

    def _library_call(self, call: Callable[[Library], object]) -> None:
        services = self.controller.services

        def work(cancel: threading.Event) -> object:
            return call(services.library)

        self.controller.runner.submit(
            work,
            on_done=lambda _: self.reload_library_state(),
            on_error=self.controller.report_error,
            lane="io",
        )

    # ------------------------------------------------------------ library state

    def reload_library_state(self) -> None:
        services = self.controller.services

        def work(cancel: threading.Event) -> tuple[LibraryCounts, list[CollectionInfo], int, bool]:
            library = services.library
            budget = library.settings.cache_budget_bytes
            together = library.story_read_together
            return library.counts(), library.collections(), budget, together

        self.controller.runner.submit(
            work,
            on_done=self._library_state,
            on_error=self._library_failed,
            key="library-state",
            lane="io",
        )

    def _library_state(
        self, payload: tuple[LibraryCounts, list[CollectionInfo], int, bool]
    ) -> None:
        counts, collections, self.cache_budget, self.story_read_together = payload
        if self.gui is not None:
            self.gui.collections = collections
        self.window.sources.set_counts(counts)
        self.window.sources.set_collections(collections)

    def _library_failed(self, error: BaseException) -> None:
        self.controller.report_error(error)

    def _verify_library(self) -> None:
        services = self.controller.services

        def work(cancel: threading.Event) -> StoreRecovery | None:
            return services.library.verify()

        def done(recovery: StoreRecovery | None) -> None:
            recovered = recovery or services.library.recovery
            if recovered is not None:
                QMessageBox.warning(
                    self.window, self.tr("Library repaired"), self._repair_text(recovered)
                )
                self.reload_library_state()

        self.controller.runner.submit(work, on_done=done, on_error=self._library_failed, lane="io")

    def _repair_text(self, r: StoreRecovery) -> str:
        """What came back and what did not, in the reader's language."""
        if r.damaged == "copy":
            text = self.tr(
                "The copy of your saved things beside the library was damaged ({0}). Kabar "
                "wrote a new one from the library. Nothing was lost."
            ).format(r.reason)
        elif r.source == "copy":
            text = self.tr(
                "The library was damaged ({0}). Kabar rebuilt it from the copy of your saved "
                "things: {1} of {2} saved articles with their text, {3} starred, {4} read "
                "marks and {5} sources came back. Articles you had not saved or starred are "
                "fetched again as you read."
            ).format(r.reason, r.saved_with_text, r.saved, r.starred, r.read, r.sources)
        elif r.source == "backup":
            when = r.backup_time.strftime("%Y-%m-%d %H:%M UTC") if r.backup_time else "?"
            text = self.tr(
                "The library was damaged ({0}). Kabar restored the backup from {1}: {2} saved "
                "articles came back. What you saved, starred or read after that is lost."
            ).format(r.reason, when, r.saved)
        else:
            text = self.tr(
                "The library was damaged ({0}) and no copy or backup was found; Kabar started "
                "a new, empty library."
            ).format(r.reason)
        return text + " " + self.tr("The damaged file was kept as {0}.").format(r.moved_to)

    # ------------------------------------------------------------ appearance

    def set_theme(self, key: str) -> None:
        look = themes.resolve(key)
        themes.apply(look)
        self.window.set_theme(look)
        self.window.state.setValue("reading/theme", key)
        self._rerender()

    def set_images(self, show: bool) -> None:
        self.controller.show_images = show
        self.window.state.setValue("reading/images", show)
        if self.controller.current_url:
            self.controller.retry()

    def _rerender(self) -> None:
        """Show the article again in a new look, where the reader was in it."""
        if self.last_opened is not None:
            view = self.window.article
            keep = view.reading_position()
            shown = replace(self.last_opened, images=view.loaded_images())  # all, not the first
            self.show_document(shown)
            view.scroll_to_position(keep)
        else:
            self.window.show_welcome()

    def _update_actions(self) -> None:
        w, c = self.window, self.controller
        has_article = c.current is not None
        for action in (
            w.act_save,
            w.act_star,
            w.act_toggle_read,
            w.act_open_browser,
            w.act_copy_link,
        ):
            action.setEnabled(has_article)
        w.act_back.setEnabled(c.history.can_go_back())
        w.act_forward.setEnabled(c.history.can_go_forward())

    # ------------------------------------------------------------ preferences

    def current_preferences(self) -> Preferences:
        state = self.window.state
        return Preferences(
            theme=str(state.value("reading/theme") or "system"),
            font_family=str(state.value("reading/font_family") or ""),
            font_size=self.window.article.font_size(),
            show_images=self.controller.show_images,
            cache_budget_bytes=self.cache_budget,
            refresh_minutes=self.refresh_minutes(),
            story_read_together=self.story_read_together,
        )

    def refresh_minutes(self) -> int:
        value = self.window.state.value("sources/refresh_minutes", 30)
        try:
            return max(5, int(str(value)))
        except ValueError:
            return 30

    def preferences(self) -> None:
        before = self.current_preferences()
        dialog = PreferencesDialog(before, self.window)
        self.wire_accounts(dialog.accounts)
        self.rules_ui.load(dialog.rules)
        if not dialog.exec():
            return
        after = dialog.preferences()
        self.apply_preferences(before, after)
        self.rules_ui.save(dialog.rules)
        if dialog.starter_requested:
            self.sources_ui.starter_sources()

    def wire_accounts(self, box: AccountsBox) -> None:
        """Preferences → Accounts: load the account, and log in, sync, remove on workers."""
        services = self.controller.services
        runner = self.controller.runner
        latest = [0]  # only the newest operation's answer is shown (loading may finish late)

        def begin(text: str) -> int:
            latest[0] += 1
            box.busy(text)
            return latest[0]

        def showing(number: int) -> Callable[[tuple[Account | None, str]], None]:
            def show(result: tuple[Account | None, str]) -> None:
                if number == latest[0]:
                    box.set_account(*result)

            return show

        def failed(error: BaseException) -> None:
            def reload(cancel: threading.Event) -> tuple[Account | None, str]:
                return services.sync.account(), ""

            runner.submit(
                reload, on_done=lambda r: box.set_account(r[0], str(error)), lane="io",
                on_error=lambda _e: box.set_account(box.account, str(error)),
            )  # fmt: skip

        def load(cancel: threading.Event) -> tuple[Account | None, str]:
            return services.sync.account(), ""

        def add(url: str, user: str, password: str, app_id: str, app_key: str) -> None:
            show = showing(begin(self.tr("Logging in…")))

            def work(cancel: threading.Event) -> tuple[Account | None, str]:
                account = services.sync.add_account(
                    url, user, password, app_id=app_id, app_key=app_key, cancel=cancel
                )
                return account, self.tr("Logged in. The next refresh syncs (or Sync Now).")

            runner.submit(work, on_done=show, on_error=failed, key="account")

        def sync_now() -> None:
            show = showing(begin(self.tr("Syncing…")))

            def work(cancel: threading.Event) -> tuple[Account | None, str]:
                report = services.sync.sync(cancel=cancel)
                return services.sync.account(), report.summary()

            def done(result: tuple[Account | None, str]) -> None:
                show(result)
                self.controller.sources_changed.emit()
                self.controller.library_changed.emit()

            runner.submit(work, on_done=done, on_error=failed, key="account")

        def remove(name: str) -> None:
            show = showing(begin(self.tr("Removing…")))

            def work(cancel: threading.Event) -> tuple[Account | None, str]:
                services.sync.remove_account(name)
                return None, self.tr("Removed; the library keeps everything it has.")

            runner.submit(work, on_done=show, on_error=failed, lane="io")

        box.add_requested.connect(add)
        box.sync_requested.connect(sync_now)
        box.remove_requested.connect(remove)
        runner.submit(
            load, on_done=showing(begin(self.tr("Loading…"))), on_error=failed,
            key="account-load", lane="io",
        )  # fmt: skip

    def apply_preferences(self, before: Preferences, after: Preferences) -> None:
        w = self.window
        if after.theme != before.theme:
            w.theme_actions[after.theme].setChecked(True)
            self.set_theme(after.theme)
        if after.font_family != before.font_family:
            w.article.set_font_family(after.font_family)
            w.state.setValue("reading/font_family", after.font_family)
        if abs(after.font_size - before.font_size) > 0.01:
            w.set_font_size(after.font_size)
        if after.show_images != before.show_images:
            w.act_images.setChecked(after.show_images)
        if after.refresh_minutes != before.refresh_minutes:
            w.state.setValue("sources/refresh_minutes", after.refresh_minutes)
        if after.cache_budget_bytes != before.cache_budget_bytes:
            budget = after.cache_budget_bytes
            self._library_call(lambda lib: lib.set_cache_budget(budget))
            self.cache_budget = budget
        if after.story_read_together != before.story_read_together:
            together = after.story_read_together
            self._library_call(lambda lib: lib.set_story_read_together(together))
            self.story_read_together = together

    # ------------------------------------------------------------ help

    def shortcut_sheet(self) -> None:
        ShortcutSheet(self.window.shortcut_groups(), self.window).exec()

    def about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About Kabar"),
            self.tr(
                "<h3>Kabar {0}</h3><p>A calm news reader: clean articles, related reading one "
                "click away, everything kept for offline.</p><p>Your library is in {1}</p>"
            ).format(__version__, self.controller.services.paths.root),
        )
