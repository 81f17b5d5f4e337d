"""Sources in the real window: add a feed, refresh it, read its headlines, see errors."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.ui import sources_wiring
from reader.ui.gui import Gui
from reader.ui.source_list import ERROR_ROLE, KEY_ROLE, KIND_ROLE, _walk
from tests.web import TestWeb

TIMEOUT = 60_000


def source_items(gui: Gui) -> list[tuple[str, str, object]]:
    section = gui.window.sources._sections["sources"]
    return [
        (item.text(), str(item.data(KEY_ROLE)), item.data(ERROR_ROLE))
        for item in _walk(section)
        if item.data(KIND_ROLE) == "source"
    ]


def add_and_refresh(qtbot: QtBot, gui: Gui, url: str) -> None:
    with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT) as finished:
        gui.controller.add_source(url)
    assert finished.args[0] is not None, "the refresh after adding did not finish"


def test_add_a_feed_refresh_and_read_its_headlines(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    feed = web.outlet("harbor").url("/atom.xml")
    progress: list[object] = []
    gui.controller.refresh_progress.connect(progress.append)
    add_and_refresh(qtbot, gui, feed)
    assert progress, "no progress was shown during the refresh"
    qtbot.waitUntil(lambda: len(source_items(gui)) == 1, timeout=TIMEOUT)
    title, key, error = source_items(gui)[0]
    assert "Harbor" in title and error is None

    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.window.sources.select("source", key)
    harbor = set(web.article_urls("harbor"))
    rows = [gui.headlines.row_at(i) for i in range(gui.headlines.rowCount())]
    assert {row.url for row in rows if row} == harbor

    first = gui.headlines.index(0, 0)
    row = gui.headlines.row_at(0)
    assert row is not None
    hits = web.hits(row.url)
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
        gui.window.sources.headlines.setCurrentIndex(first)
    assert web.truth(row.url).title in gui.window.article.toPlainText()
    assert web.hits(row.url) == hits, "the refresh had not brought the full article home"


def test_a_failing_source_shows_its_error_and_keeps_its_headlines(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    feed = web.outlet("warta").url("/feed.json")
    add_and_refresh(qtbot, gui, feed)
    qtbot.waitUntil(lambda: len(source_items(gui)) == 1, timeout=TIMEOUT)
    key = source_items(gui)[0][1]
    web.serve(feed, "<html><body>Maintenance</body></html>", status=200)
    try:
        with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT):
            gui.controller.refresh([int(key)])
        qtbot.waitUntil(lambda: source_items(gui)[0][2] is not None, timeout=TIMEOUT)
    finally:
        web.unserve(feed)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.window.sources.select("source", key)
    assert gui.headlines.rowCount() == len(web.article_urls("warta"))


def test_stopping_a_refresh_ends_it_promptly(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    hanging = web.fault_url("hang")
    source_id = gui.services.sources.add(hanging, title="Never answers").id
    with qtbot.waitSignal(gui.controller.refresh_progress, timeout=TIMEOUT):
        gui.controller.refresh([source_id])
    assert gui.window.act_cancel.isEnabled() and gui.window.progress.isVisible()
    started = time.monotonic()
    with qtbot.waitSignal(gui.runner.task_finished, timeout=TIMEOUT):
        gui.window.act_cancel.trigger()
    assert time.monotonic() - started < 20  # liveness: the hanging server holds a fetch ~60 s
    assert not gui.window.progress.isVisible()
    assert "stopped" in gui.window.statusBar().currentMessage()


def test_the_welcome_page_offers_a_start(qtbot: QtBot, gui: Gui) -> None:
    """First run: the welcome page links to the starter list and to adding a source."""
    opened: list[str] = []
    gui.wiring.sources_ui.starter_sources = lambda: opened.append("starter")  # type: ignore[method-assign]
    gui.wiring.sources_ui.add_source_dialog = lambda: opened.append("add")  # type: ignore[method-assign]
    text = gui.window.article.toPlainText()
    assert "Start with well-known news outlets" in text and "Add your own source" in text
    gui.window.article.anchorClicked.emit(QUrl("kabar-action:starter"))
    gui.window.article.anchorClicked.emit(QUrl("kabar-action:add-source"))
    assert opened == ["starter", "add"]


def test_folder_labels_round_trip_and_typed_spacing_is_forgiven() -> None:
    from reader.ui.controller import folder_label, folder_path

    assert folder_path(folder_label(("Berita", "Daerah"))) == ("Berita", "Daerah")
    assert folder_path("  Berita  /   Daerah  ") == ("Berita", "Daerah")
    assert folder_path("AC/DC") == ("AC/DC",)  # a name with a slash stays one folder
    assert folder_path("   ") is None


def test_refused_private_fetches_show_on_the_source_and_its_menu_allows_them(
    qtbot: QtBot, gui: Gui, web: TestWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A feed on one loopback origin naming an item on another: refused, marked on the
    source; the source's menu turns the per-source permission on and the item comes."""
    item = web.article_urls("nusa")[0]
    feed = web.outlet("warta").url("/guard-ui-feed.xml")
    body = (
        "<rss version='2.0'><channel><title>Elsewhere</title><item><title>Over there</title>"
        f"<link>{item}</link><guid>over-there</guid></item></channel></rss>"
    )
    web.serve(feed, body, content_type="application/rss+xml")
    try:
        add_and_refresh(qtbot, gui, feed)
        qtbot.waitUntil(
            lambda: bool(source_items(gui) and source_items(gui)[0][2]), timeout=TIMEOUT
        )
        _, key, error = source_items(gui)[0]
        assert "private network" in str(error)
        shown: list[QMenu] = []

        class Recorded(QMenu):
            def exec(self, *args: object) -> None:  # type: ignore[override]
                shown.append(self)

        monkeypatch.setattr(sources_wiring, "QMenu", Recorded)
        gui.wiring.sources_ui.source_menu(key, QPoint(0, 0))
        texts = [action.text() for action in shown[0].actions()]
        assert any("private network" in text for text in texts), texts
        [allow] = [a for a in shown[0].actions() if a.text() == "Allow Private Addresses"]
        assert allow.isCheckable() and not allow.isChecked()
        with qtbot.waitSignal(gui.controller.sources_changed, timeout=TIMEOUT):
            allow.setChecked(True)
        assert gui.services.sources.get(int(key)).allow_private
        with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT):
            gui.controller.refresh([int(key)])
        assert gui.services.library.contains(item)
    finally:
        web.unserve(feed)
