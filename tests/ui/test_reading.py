"""Reading in the real window against the test web: open, follow related links, go back,
save, search, read offline with images, and see clear errors. Waits are on signals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.ui.gui import Gui
from reader.ui.related_panel import URL_ROLE
from tests.web import TestWeb

TIMEOUT = 20_000
IMAGE = QTextDocument.ResourceType.ImageResource.value


def open_and_wait(qtbot: QtBot, gui: Gui, url: str) -> None:
    with qtbot.waitSignal(
        gui.controller.article_shown, timeout=TIMEOUT, check_params_cb=lambda u: u == url
    ):
        gui.controller.open_url(url)


def related_with_links(web: TestWeb) -> str:
    """An article of the Indonesian outlet with both inline teasers and a related block."""
    for url in web.article_urls("nusa"):
        truth = web.truth(url)
        if truth.inline_related and truth.block_related and truth.pages == 1:
            return url
    raise AssertionError("the test web has no article with related links")


def test_an_article_opens_clean_with_its_related_links(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    url = related_with_links(web)
    truth = web.truth(url)
    open_and_wait(qtbot, gui, url)
    text = gui.window.article.toPlainText()
    assert truth.title in text
    assert truth.paragraphs[0][:60] in " ".join(text.split())
    assert "Baca juga" not in text
    shown = set(gui.window.related.links())
    expected = {u for u, _ in truth.inline_related} | {u for u, _, _ in truth.block_related}
    assert expected <= shown


def test_one_click_on_a_related_link_brings_the_next_article(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    first = related_with_links(web)
    open_and_wait(qtbot, gui, first)
    panel = gui.window.related.list_widget
    target = next(
        panel.item(i) for i in range(panel.count()) if panel.item(i).data(URL_ROLE) in
        web.article_urls()
    )  # fmt: skip
    second = target.data(URL_ROLE)
    panel.scrollToItem(target)
    rect = panel.visualItemRect(target)
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as shown:
        qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [second]
    truth = web.truth(second)
    assert truth.title in gui.window.article.toPlainText()
    # The panel now lists the second article's links (which links a page offers
    # is the extractor's business, tested in tests/core).
    current = gui.controller.current
    assert current is not None
    assert gui.window.related.links() == [link.url for link in current.article.related]
    expected = {u for u, _, _ in truth.block_related}
    assert len(expected & set(gui.window.related.links())) >= len(expected) - 1

    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as back:
        gui.window.act_back.trigger()
    assert back.args == [first]
    assert web.truth(first).title in gui.window.article.toPlainText()


def test_saved_article_reads_offline_with_its_images(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    url = related_with_links(web)
    open_and_wait(qtbot, gui, url)
    with qtbot.waitSignal(gui.controller.saved, timeout=TIMEOUT) as saved:
        gui.controller.save(["Favorit"])
    assert saved.args == [url, ["Favorit"]]
    qtbot.waitUntil(
        lambda: any(c.name == "Favorit" and c.count == 1 for c in gui.collections), timeout=TIMEOUT
    )

    gui.window.act_offline.trigger()
    assert gui.controller.offline and gui.window.network_label.text() == "Offline"
    hits = web.hits(url)
    other = web.article_urls("harbor")[0]
    with qtbot.waitSignal(gui.controller.article_failed, timeout=TIMEOUT):
        gui.controller.open_url(other)  # never fetched: not available offline
    assert "offline" in gui.window.article.toPlainText().lower()
    with qtbot.waitSignal(  # every picture, not only the first ones
        gui.controller.images_shown, timeout=TIMEOUT, check_params_cb=lambda u: u == url
    ):
        gui.controller.open_url(url)
    assert web.hits(url) == hits, "offline reading touched the network"
    images = web.truth(url).images
    assert images
    loaded = [gui.window.article.loadResource(IMAGE, _qurl(src)) for src in images]
    assert all(image is not None and image.width() > 1 for image in loaded)


def test_search_finds_an_opened_article(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    url = related_with_links(web)
    open_and_wait(qtbot, gui, url)
    word = max(web.truth(url).title.split(), key=len)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.window.search_field.setText(word)
        qtbot.keyClick(gui.window.search_field, Qt.Key.Key_Return)
    assert gui.headlines.find(url) >= 0
    row = gui.headlines.row_at(gui.headlines.find(url))
    assert row is not None and row.snippet


def test_a_dead_link_says_so_in_place(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    dead = web.fault_url("not_found")
    with qtbot.waitSignal(gui.controller.article_failed, timeout=TIMEOUT) as failed:
        gui.controller.open_url(dead)
    assert failed.args[0] == dead
    text = gui.window.article.toPlainText()
    assert "no longer exists" in text
    assert "Open in browser" in text and "Try again" not in text


def test_a_slow_page_is_dropped_when_another_is_opened(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    url = related_with_links(web)
    open_and_wait(qtbot, gui, url)  # now in the library: it opens within milliseconds
    slower = next(u for u in web.article_urls("harbor") if u != url)  # not yet fetched
    shown: list[str] = []
    failed: list[str] = []
    gui.controller.article_shown.connect(shown.append)
    gui.controller.article_failed.connect(lambda u, _detail: failed.append(u))
    gui.controller.open_url(slower)
    gui.controller.open_url(url)
    # Both tasks have delivered (or been dropped) once the runner has nothing left.
    qtbot.waitUntil(lambda: gui.runner.pending == 0, timeout=TIMEOUT)
    assert shown == [url]
    assert failed == []
    assert gui.controller.current_url == url
    assert web.truth(url).title in gui.window.article.toPlainText()


def _qurl(url: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QUrl

    return QUrl(url)
