"""Stories in the window: one row per story with "+N outlets", and "Also reported by"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.ui.gui import Gui, build_gui
from reader.ui.related_panel import HEADER_ROLE, URL_ROLE
from tests.core.stories.berita import items
from tests.core.stories.test_library_stories import _article


@pytest.fixture
def gui(qtbot: QtBot, tmp_path: Path) -> Iterator[Gui]:
    paths = resolve_data_dir(tmp_path / "data")
    services = Services(paths=paths, library_check=False)
    for item in items():
        services.library.store_article(_article(item), images=[])
    window = build_gui(services)
    qtbot.addWidget(window.window)
    window.window.show()
    qtbot.waitExposed(window.window)
    yield window
    window.shutdown()


def test_a_story_shows_once_and_opens_with_the_other_outlets_on_top(gui: Gui, qtbot: QtBot) -> None:
    model = gui.headlines
    qtbot.waitUntil(lambda: model.rowCount() == 6)  # six events, fourteen articles
    rows = [model.row_at(n) for n in range(model.rowCount())]
    cianjur = next(r for r in rows if r is not None and "Cianjur" in r.title)
    assert cianjur.story_note == "+2 outlets"
    assert cianjur.outlet == "Warta Nusa"

    gui.controller.open_url(cianjur.url)
    related = gui.window.related.list_widget
    qtbot.waitUntil(lambda: related.count() > 0)
    first = related.item(0)
    assert first.data(HEADER_ROLE) and first.text() == "Also reported by"
    others = [related.item(n).data(URL_ROLE) for n in (1, 2)]
    assert others == [i["url"] for i in items() if i["event"] == "gempa-cianjur"][1:]
