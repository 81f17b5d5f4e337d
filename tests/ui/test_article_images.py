"""An article shows as soon as its text and first pictures are ready; the other
pictures are decoded in the background and painted in place."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from reader.ui.controller import EAGER_IMAGES
from reader.ui.gui import Gui
from tests.web import TestWeb

TIMEOUT = 20_000
IMAGE = QTextDocument.ResourceType.ImageResource


def many_pictures(web: TestWeb) -> str:
    for outlet in ("nusa", "warta", "harbor"):
        for url in web.article_urls(outlet):
            truth = web.truth(url)
            if len(truth.images) > EAGER_IMAGES:
                return url
    raise AssertionError("the test web has no article with more pictures than are decoded first")


def test_later_pictures_arrive_after_the_text_and_are_painted_in_place(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    url = many_pictures(web)
    events: list[str] = []
    gui.controller.article_shown.connect(lambda u: events.append(f"shown {u}"))
    with qtbot.waitSignal(
        gui.controller.images_shown, timeout=TIMEOUT, check_params_cb=lambda u: u == url
    ):
        gui.controller.open_url(url)
    events.append(f"pictures {url}")
    assert events[-2:] == [f"shown {url}", f"pictures {url}"]

    view = gui.window.article
    text = view.toPlainText()
    assert web.truth(url).title in text
    for src in web.truth(url).images:
        resource = view.document().resource(IMAGE, QUrl(src))
        assert isinstance(resource, QImage) and resource.width() > 1, src
