"""The window's headline list: which place it shows, with which switches, and search.

Split from :mod:`reader.ui.gui`: it connects the source tree's choice, the bar
above the list (:class:`~reader.ui.list_header.ListHeader`) and the search field
to the controller. Each place keeps its own *Unread only* and sort order (in
the window's state file); the search runs as the reader types (after a short
pause), says how many articles match, and can be narrowed to the place chosen
before it. *Mark all as read* works on any place and can be undone.
"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QObject, QTimer, Slot

from reader.ui.controller import SEARCH_COUNT_CAP, Controller, ViewSpec
from reader.ui.main_window import MainWindow

#: The search runs once the reader pauses typing this long.
SEARCH_DELAY_MS = 250
#: Places whose list can be filtered and sorted (a search is ordered by relevance).
FILTERABLE = ("all", "unread", "starred", "collection", "source", "folder")


class ListWiring(QObject):
    """Connects one window's list header, search field and list actions to its controller."""

    def __init__(self, window: MainWindow, controller: Controller, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.controller = controller
        #: The place chosen in the tree (a search is narrowed to it on request).
        self.place = ViewSpec("all")
        self.place_title = ""
        self.search_here = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        w, c = window, controller
        header = w.sources.header
        w.sources.view_selected.connect(self.select_view)
        w.sources.mark_all_requested.connect(self.mark_all_read_in)
        header.unread_only_toggled.connect(lambda on: self._switch("unread_only", on))
        header.oldest_first_toggled.connect(lambda on: self._switch("oldest_first", on))
        header.scope_toggled.connect(self._scope)
        w.search_field.returnPressed.connect(self.run_search)
        w.search_field.textChanged.connect(self._typed)
        w.act_mark_all_read.triggered.connect(lambda: self.mark_all_read_in(*self.place.place))
        w.act_undo_mark.triggered.connect(self.undo)
        c.search_counted.connect(self._counted)
        c.marked_all_read.connect(self._marked)
        w.act_undo_mark.setEnabled(False)

    # ------------------------------------------------------------ places

    def _key(self, kind: str, key: str, name: str) -> str:
        return f"views/{kind}-{quote(key, safe='')}/{name}"

    def _flag(self, kind: str, key: str, name: str) -> bool:
        return self.window.state.value(self._key(kind, key, name), False) in (True, "true", "1")

    @Slot(str, str)
    def select_view(self, kind: str, key: str, title: str | None = None) -> None:
        """A place was chosen in the tree: show it with the switches kept for it."""
        spec = ViewSpec(
            kind, key,
            unread_only=self._flag(kind, key, "unread_only"),
            oldest_first=self._flag(kind, key, "oldest_first"),
        )  # fmt: skip
        self.place = spec
        self.place_title = title if title is not None else self.window.sources.current_title()
        self.window.sources.header.show_view(
            self.place_title,
            unread_only=spec.unread_only or kind == "unread",
            oldest_first=spec.oldest_first,
            can_filter=kind in FILTERABLE,
        )
        self.window.sources.header.unread.setEnabled(kind != "unread")
        self.window.act_mark_all_read.setEnabled(True)
        self.controller.show_view(spec)

    def _switch(self, name: str, on: bool) -> None:
        kind, key = self.place.place
        self.window.state.setValue(self._key(kind, key, name), on)
        self.select_view(kind, key)

    # ------------------------------------------------------------ search

    def _typed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()  # restarted by every key: runs after a pause
            return
        self._search_timer.stop()
        if self.controller.view.kind == "search":
            self.window.sources.select(*self.place.place)
            if self.controller.view.kind == "search":  # the place was already selected
                self.select_view(*self.place.place)

    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.window.search_field.text().strip()
        if not query:
            return
        here = self.search_here and self.place.kind != "all"
        place_name = self.place_title if self.place.kind != "all" else ""
        self.window.sources.header.show_search(query, place_name, here)
        self.window.act_mark_all_read.setEnabled(False)
        self.window.sources.tree.clearSelection()
        self.controller.search(query, within=self.place if here else None)

    def _scope(self, here: bool) -> None:
        self.search_here = here
        self.run_search()

    def _counted(self, query: str, count: int) -> None:
        view = self.controller.view
        if view.kind == "search" and view.key == query:
            capped = count > SEARCH_COUNT_CAP
            shown = SEARCH_COUNT_CAP if capped else count
            self.window.sources.header.set_count(query, shown, capped)

    # ------------------------------------------------------------ mark all as read

    def mark_all_read_in(self, kind: str, key: str) -> None:
        if kind == "search":
            return
        spec = ViewSpec(kind, key)
        if self.controller.view.place == spec.place:
            spec = self.controller.view  # the list shown: keep its switches
        self.controller.mark_all_read(spec)

    def _marked(self, count: int) -> None:
        w = self.window
        w.act_undo_mark.setEnabled(count > 0)
        if count:
            message = self.tr("Marked {0} as read (Ctrl+Z undoes it).").format(count)
        else:
            message = self.tr("Nothing here was unread.")
        w.statusBar().showMessage(message, 15_000)

    def undo(self) -> None:
        self.window.act_undo_mark.setEnabled(False)
        self.controller.undo_mark_all_read()
