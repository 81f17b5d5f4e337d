"""Reading without a mouse: j/k, n, m, *, s, Ctrl+F, font size, middle-click prefetch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.gui import Gui
from reader.ui.related_panel import URL_ROLE
from tests.web import TestWeb

TIMEOUT = 20_000


def activate(qtbot: QtBot, gui: Gui) -> None:
    gui.window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is gui.window, timeout=TIMEOUT)


@pytest.fixture
def three_read(qtbot: QtBot, gui: Gui, web: TestWeb) -> list[str]:
    """Three articles in the library, listed newest first in "All articles"."""
    urls = web.article_urls("harbor")[:3]
    for url in urls:
        with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
            gui.controller.open_url(url)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.headlines.reload()
    assert gui.headlines.rowCount() == 3
    return urls


def key(qtbot: QtBot, gui: Gui, name: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key pressed while reading (the article view has the focus)."""
    target = gui.window.article
    target.setFocus()
    if modifier is None:
        qtbot.keyClick(target, name)
    else:
        qtbot.keyClick(target, name, modifier)


def test_j_and_k_move_through_the_headlines(qtbot: QtBot, gui: Gui, three_read: list[str]) -> None:
    activate(qtbot, gui)
    rows = [gui.headlines.row_at(i) for i in range(3)]
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as first:
        key(qtbot, gui, Qt.Key.Key_J)
    assert first.args == [rows[0].url]  # type: ignore[union-attr]
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as second:
        key(qtbot, gui, Qt.Key.Key_J)
    assert second.args == [rows[1].url]  # type: ignore[union-attr]
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as back:
        key(qtbot, gui, Qt.Key.Key_K)
    assert back.args == [rows[0].url]  # type: ignore[union-attr]


def test_m_marks_unread_and_n_finds_it(qtbot: QtBot, gui: Gui, three_read: list[str]) -> None:
    activate(qtbot, gui)
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
        key(qtbot, gui, Qt.Key.Key_J)
    first = gui.headlines.row_at(0)
    assert first is not None and first.read
    with qtbot.waitSignal(gui.controller.library_changed, timeout=TIMEOUT):
        key(qtbot, gui, Qt.Key.Key_M)
    assert not gui.headlines.row_at(0).read  # type: ignore[union-attr]
    # From the last headline, "next unread" wraps to nothing; from the top it finds row 0.
    view = gui.window.sources.headlines
    view.setCurrentIndex(gui.headlines.index(2, 0))
    key(qtbot, gui, Qt.Key.Key_N)
    assert "No more unread" in gui.window.statusBar().currentMessage()
    assert view.currentIndex().row() == 2
    unread_url = gui.headlines.row_at(0).url  # type: ignore[union-attr]
    view.setCurrentIndex(QModelIndex())  # nothing chosen yet: N searches from the top
    assert view.currentIndex().row() == -1
    with qtbot.waitSignal(
        gui.controller.article_shown,
        timeout=TIMEOUT,
        check_params_cb=lambda url: url == unread_url,
    ):
        key(qtbot, gui, Qt.Key.Key_N)
    assert view.currentIndex().row() == 0


def test_star_and_text_size_and_search_focus(qtbot: QtBot, gui: Gui, three_read: list[str]) -> None:
    activate(qtbot, gui)
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
        key(qtbot, gui, Qt.Key.Key_J)
    with qtbot.waitSignal(gui.controller.library_changed, timeout=TIMEOUT):
        key(qtbot, gui, Qt.Key.Key_Asterisk)
    assert gui.headlines.row_at(0).starred  # type: ignore[union-attr]
    before = gui.window.article.font_size()
    key(qtbot, gui, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert gui.window.article.font_size() > before
    key(qtbot, gui, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert gui.window.article.font_size() == before
    key(qtbot, gui, Qt.Key.Key_Slash)
    assert gui.window.search_field.hasFocus()


def test_middle_click_keeps_a_related_link_for_later(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    url = next(u for u in web.article_urls("nusa") if web.truth(u).block_related)
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
        gui.controller.open_url(url)
    panel = gui.window.related.list_widget
    item = next(
        panel.item(i)
        for i in range(panel.count())
        if panel.item(i).data(URL_ROLE) in web.article_urls()
        and not gui.services.library.contains(panel.item(i).data(URL_ROLE))
    )
    target = item.data(URL_ROLE)
    shown: list[str] = []
    gui.controller.article_shown.connect(shown.append)
    center: QPoint = panel.visualItemRect(item).center()
    with qtbot.waitSignal(gui.controller.prefetched, timeout=TIMEOUT) as fetched:
        qtbot.mouseClick(panel.viewport(), Qt.MouseButton.MiddleButton, pos=center)
    assert fetched.args == [target]
    assert shown == [], "a middle-click must not leave the current article"
    assert "find it under All articles" in gui.window.statusBar().currentMessage()
    assert gui.services.library.contains(target)
    assert item.data(Qt.ItemDataRole.UserRole + 2) == "cached"
