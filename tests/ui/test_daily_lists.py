"""The headline list as a daily driver: search as you type, mark all read, unread only, order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.gui import Gui
from reader.ui.source_list import _walk
from tests.ui.pages import Item, serve_feed
from tests.ui.windows import badge, source_key, start
from tests.web import TestWeb

TIMEOUT = 30_000

ITEMS = [
    Item("satu", "Satu", "Banjir Rob di Pesisir Utara",
         feed_date="Mon, 02 Mar 2026 08:00:00 +0700",
         words="Air laut pasang merendam permukiman nelayan."),
    Item("dua", "Dua", "Harga Cabai Naik Jelang Ramadan",
         feed_date="Tue, 03 Mar 2026 08:00:00 +0700",
         words="Pedagang pasar mengeluhkan pasokan yang seret."),
    Item("tiga", "Tiga", "Banjir Bandang Terjang Desa di Hulu",
         feed_date="Wed, 04 Mar 2026 08:00:00 +0700",
         words="Jembatan desa putus diterjang arus."),
]  # fmt: skip


def titles(gui: Gui) -> list[str]:
    rows = (gui.headlines.row_at(n) for n in range(gui.headlines.rowCount()))
    return [row.title for row in rows if row is not None]


def add(qtbot: QtBot, gui: Gui, web: TestWeb, feed: tuple[str, str, list[Item]]) -> str:
    tag, title, items = feed
    url, _ = serve_feed(web, tag, title, items)
    with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT):
        gui.controller.add_source(url)
    qtbot.waitUntil(lambda: any(i.text() == title for i in _walk(
        gui.window.sources._sections["sources"])), timeout=TIMEOUT)  # fmt: skip
    return source_key(gui, title)


def show(qtbot: QtBot, gui: Gui, kind: str, key: str = "") -> None:
    """Choose a place in the tree (or show it afresh if it is the one chosen)."""
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        if gui.window.sources.current() == (kind, key):
            gui.headlines.reload()
        else:
            gui.window.sources.select(kind, key)


def header_text(gui: Gui) -> str:
    return gui.window.sources.header.title.text()


@pytest.fixture
def two_sources(qtbot: QtBot, gui: Gui, web: TestWeb) -> tuple[str, str]:
    pesisir = add(qtbot, gui, web, ("lists-a", "Kabar Pesisir", ITEMS))
    other = [Item("lain", "Lain", "Banjir Kiriman Sampai di Kota", words="Air dari hulu.")]
    kota = add(qtbot, gui, web, ("lists-b", "Kabar Kota", other))
    return pesisir, kota


def test_search_runs_as_you_type_and_says_how_many_match(
    qtbot: QtBot, gui: Gui, two_sources: tuple[str, str]
) -> None:
    field = gui.window.search_field
    field.setFocus()
    searches: list[str] = []
    gui.controller.search_counted.connect(lambda query, n: searches.append(query))
    with qtbot.waitSignal(gui.controller.search_counted, timeout=TIMEOUT):
        qtbot.keyClicks(field, "banjir")  # no Enter
    assert searches == ["banjir"], "one search after the pause, not one per key"
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 3, timeout=TIMEOUT)
    assert header_text(gui) == "3 articles match “banjir”"
    assert not gui.window.sources.header.unread.isVisible(), "a search finds read ones too"
    assert all("Banjir" in title for title in titles(gui))
    with qtbot.waitSignal(gui.controller.search_counted, timeout=TIMEOUT):
        qtbot.keyClicks(field, "xq")
    assert header_text(gui) == "No articles match “banjirxq”"
    assert gui.headlines.rowCount() == 0
    field.clear()
    qtbot.waitUntil(lambda: gui.controller.view.kind == "all", timeout=TIMEOUT)
    assert header_text(gui) == "All articles"


def test_search_within_the_selected_source(
    qtbot: QtBot, gui: Gui, two_sources: tuple[str, str]
) -> None:
    pesisir, _kota = two_sources
    show(qtbot, gui, "source", pesisir)
    header = gui.window.sources.header
    with qtbot.waitSignal(gui.controller.search_counted, timeout=TIMEOUT):
        gui.window.search_field.setText("banjir")
    assert header.scope.isVisible() and header.scope.text() == "Everywhere"
    assert header_text(gui) == "3 articles match “banjir”"
    with qtbot.waitSignal(gui.controller.search_counted, timeout=TIMEOUT):
        header.scope.click()
    assert header.scope.text() == "In Kabar Pesisir"
    assert header_text(gui) == "2 articles match “banjir”"
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 2, timeout=TIMEOUT)
    assert "Banjir Kiriman Sampai di Kota" not in titles(gui)


def test_mark_all_as_read_and_undo(qtbot: QtBot, gui: Gui, two_sources: tuple[str, str]) -> None:
    pesisir, kota = two_sources
    show(qtbot, gui, "source", pesisir)
    qtbot.waitUntil(lambda: badge(gui, pesisir) == 3 and badge(gui, kota) == 1, timeout=TIMEOUT)
    gui.window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is gui.window, timeout=TIMEOUT)
    gui.window.article.setFocus()
    with qtbot.waitSignal(gui.controller.marked_all_read, timeout=TIMEOUT) as marked:
        qtbot.keyClick(gui.window.article, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert marked.args == [3]
    rows = [gui.headlines.row_at(n) for n in range(gui.headlines.rowCount())]
    assert all(row is not None and row.read for row in rows), "every row shows read"
    qtbot.waitUntil(lambda: badge(gui, pesisir) is None, timeout=TIMEOUT)
    assert badge(gui, kota) == 1, "only that source"
    assert "Marked 3 as read" in gui.window.statusBar().currentMessage()
    gui.window.article.setFocus()
    with qtbot.waitSignal(gui.controller.library_changed, timeout=TIMEOUT):
        qtbot.keyClick(gui.window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: badge(gui, pesisir) == 3, timeout=TIMEOUT)
    assert not any(gui.headlines.row_at(n).read for n in range(3))  # type: ignore[union-attr]
    assert not gui.window.act_undo_mark.isEnabled()


def test_mark_all_read_from_the_context_of_all_articles(
    qtbot: QtBot, gui: Gui, two_sources: tuple[str, str]
) -> None:
    show(qtbot, gui, "all")
    with qtbot.waitSignal(gui.controller.marked_all_read, timeout=TIMEOUT) as marked:
        gui.window.sources.mark_all_requested.emit("all", "")
    assert marked.args == [4]
    assert gui.services.library.counts().unread == 0


def test_unread_only_and_oldest_first_are_kept_per_view(
    qtbot: QtBot, tmp_path: Path, web: TestWeb, restartable: list[Gui]
) -> None:
    gui = start(qtbot, tmp_path, restartable)
    key = add(qtbot, gui, web, ("lists-keep", "Kabar Arsip", ITEMS))
    show(qtbot, gui, "source", key)
    assert titles(gui)[0] == "Banjir Bandang Terjang Desa di Hulu", "newest first"
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
        gui.window.sources.headlines.setCurrentIndex(gui.headlines.index(0, 0))
    header = gui.window.sources.header
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        header.unread.click()
    qtbot.waitUntil(lambda: len(titles(gui)) == 2, timeout=TIMEOUT)
    assert "Banjir Bandang Terjang Desa di Hulu" not in titles(gui), "the read one is hidden"
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        header.order.click()
    assert header.order.text() == "Oldest first"
    assert titles(gui) == ["Banjir Rob di Pesisir Utara", "Harga Cabai Naik Jelang Ramadan"]
    show(qtbot, gui, "all")
    assert len(titles(gui)) == 3 and not header.unread.isChecked(), "other views keep theirs"
    gui.window.close()
    gui.shutdown()
    again = start(qtbot, tmp_path, restartable)
    qtbot.waitUntil(lambda: source_key(again, "Kabar Arsip") == key, timeout=TIMEOUT)
    show(qtbot, again, "source", key)
    assert again.window.sources.header.unread.isChecked()
    assert again.window.sources.header.order.text() == "Oldest first"
    assert titles(again) == ["Banjir Rob di Pesisir Utara", "Harga Cabai Naik Jelang Ramadan"]


def test_mark_all_read_in_a_folder_leaves_other_sources_alone(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    for tag, title, items in (
        ("folder-a", "Kabar Hulu", ITEMS[:2]),
        ("folder-b", "Kabar Hilir", ITEMS[2:]),
    ):
        url, _ = serve_feed(web, tag, title, items)
        with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT):
            gui.controller.add_source(url, folder="Daerah")
    outside = add(qtbot, gui, web, ("folder-c", "Kabar Kota", [Item("luar", "L", "Pasar Malam")]))
    qtbot.waitUntil(lambda: gui.services.library.counts().unread == 4, timeout=TIMEOUT)
    with qtbot.waitSignal(gui.controller.marked_all_read, timeout=TIMEOUT) as marked:
        gui.window.sources.mark_all_requested.emit("folder", "Daerah")
    assert marked.args == [3]
    qtbot.waitUntil(lambda: badge(gui, outside) == 1, timeout=TIMEOUT)
    assert gui.services.library.counts().unread == 1
    with qtbot.waitSignal(gui.controller.library_changed, timeout=TIMEOUT):
        gui.window.act_undo_mark.trigger()
    assert gui.services.library.counts().unread == 4
