"""Keeping the reader's place: through a new look, across a restart, and offline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from reader.core.models import READ_LATER
from reader.ui.article_view import ACTION_SCHEME
from reader.ui.gui import Gui
from reader.ui.related_panel import URL_ROLE
from tests.ui.windows import start
from tests.web import TestWeb

TIMEOUT = 30_000


def open_article(qtbot: QtBot, gui: Gui, url: str) -> None:
    with qtbot.waitSignal(
        gui.controller.article_shown, timeout=TIMEOUT, check_params_cb=lambda shown: shown == url
    ):
        gui.controller.open_url(url)


def top_line(gui: Gui) -> str:
    """The text of the paragraph at the top of the article view."""
    view = gui.window.article
    block = view.document().findBlock(view.reading_position())
    return block.text()


def scroll_into_the_middle(qtbot: QtBot, gui: Gui) -> str:
    gui.window.resize(1100, 560)
    bar = gui.window.article.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 400, timeout=TIMEOUT)
    bar.setValue(bar.maximum() // 2)
    line = top_line(gui)
    assert line and bar.value() > 0
    return line


def longest(web: TestWeb) -> str:
    return max(web.article_urls("harbor"), key=lambda url: len(web.truth(url).paragraphs))


def test_a_new_theme_or_text_size_keeps_the_reading_position(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    open_article(qtbot, gui, longest(web))
    line = scroll_into_the_middle(qtbot, gui)
    gui.wiring.set_theme("sepia")
    assert top_line(gui) == line, "the theme changed under the reader, not the place"
    gui.window.step_font(+1)
    gui.window.step_font(+1)
    assert top_line(gui) == line, "bigger text, same paragraph at the top"
    assert gui.window.article.verticalScrollBar().value() > 0
    gui.wiring.set_theme("light")


def test_kabar_reopens_where_the_reader_left_off(
    qtbot: QtBot, tmp_path: Path, web: TestWeb, restartable: list[Gui]
) -> None:
    gui = start(qtbot, tmp_path, restartable)
    url = longest(web)
    open_article(qtbot, gui, web.article_urls("harbor")[0])
    open_article(qtbot, gui, url)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.window.sources.select("unread")
    line = scroll_into_the_middle(qtbot, gui)
    gui.window.close()
    gui.shutdown()

    again = start(qtbot, tmp_path, restartable)
    qtbot.waitUntil(lambda: again.controller.current_url == url, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: top_line(again) == line, timeout=TIMEOUT)
    assert again.window.sources.current() == ("unread", "")
    assert again.controller.view.kind == "unread"
    assert again.window.sources.header.title.text() == "Unread"


def test_offline_a_link_never_read_can_wait_for_the_network(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    url = next(u for u in web.article_urls("nusa") if web.truth(u).block_related)
    open_article(qtbot, gui, url)
    panel = gui.window.related.list_widget
    item = next(
        panel.item(i)
        for i in range(panel.count())
        if isinstance(panel.item(i).data(URL_ROLE), str)
        and not gui.services.library.contains(panel.item(i).data(URL_ROLE))
    )
    link, title = item.data(URL_ROLE), item.text()
    links_before = gui.window.related.links()
    gui.window.act_offline.trigger()
    assert gui.controller.offline
    with qtbot.waitSignal(gui.controller.article_failed, timeout=TIMEOUT):
        gui.window.related.link_activated.emit(link, title)
    page = gui.window.article.toPlainText()
    assert page.startswith(title), "the link's title heads the page"
    assert page.count(link) == 1, "its address once"
    assert "Read when online" in page and "Try again" not in page
    assert gui.window.related.links() == links_before, "the panel stays"
    with qtbot.waitSignal(gui.controller.queued, timeout=TIMEOUT):
        gui.window.article.anchorClicked.emit(QUrl(f"{ACTION_SCHEME}:queue"))
    saved = gui.services.library.headlines(collection=READ_LATER)
    assert [(h.title, h.in_library) for h in saved] == [(title, False)]
    with qtbot.waitSignal(gui.controller.saved_fetched, timeout=TIMEOUT) as fetched:
        gui.window.act_offline.trigger()  # back online
    assert fetched.args == [[link]]
    assert gui.services.library.contains(link)
    [kept] = gui.services.library.headlines(collection=READ_LATER)
    assert kept.in_library
    assert gui.window.state.value("offline/read_when_online", []) in ([], None, "")
