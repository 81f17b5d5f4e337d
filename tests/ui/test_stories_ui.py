"""Stories in the window: one row per story with "+N outlets", and "Also reported by"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.ui.gui import Gui
from reader.ui.headlines import Row
from reader.ui.related_panel import HEADER_ROLE, URL_ROLE, RelatedPanel
from tests.core.stories.berita import items
from tests.core.stories.test_library_stories import _article
from tests.ui.windows import data_services, show_window


@pytest.fixture
def gui(qtbot: QtBot, tmp_path: Path) -> Iterator[Gui]:
    services = data_services(tmp_path)
    for item in items():
        services.library.store_article(_article(item), images=[])
    window = show_window(qtbot, services)
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


def _rows(gui: Gui) -> list[Row]:
    model = gui.headlines
    return [r for r in (model.row_at(n) for n in range(model.rowCount())) if r is not None]


def _row_of(gui: Gui, url: str) -> int:
    return next(n for n, r in enumerate(_rows(gui)) if r.url == url)


def test_the_reader_splits_and_merges_stories_from_the_headline_menu(
    gui: Gui, qtbot: QtBot
) -> None:
    """Corrections from the list's menu show at once, in the open article's panel too,
    and hold when a refresh stores the articles again."""
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 6)
    cianjur = [i for i in items() if i["event"] == "gempa-cianjur"]
    rina = [i for i in items() if i["event"] == "rehab-rina"]
    gui.controller.open_url(cianjur[0]["url"])
    related = gui.window.related.list_widget
    qtbot.waitUntil(lambda: related.count() == 3)  # the header and two other outlets

    view = gui.window.sources.headlines
    menu = view.story_menu(_row_of(gui, cianjur[0]["url"]))
    assert menu is not None
    split = menu.findChild(QAction, "splitStory")
    assert split is not None and split.isEnabled()
    split.trigger()
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 7)
    rows = {r.url: r for r in _rows(gui)}
    assert rows[cianjur[0]["url"]].story_note == ""  # alone now
    assert rows[cianjur[1]["url"]].story_note == "+1 outlet"  # the other two stay together
    qtbot.waitUntil(lambda: related.count() == 0)  # no "Also reported by" any more
    alone = view.story_menu(_row_of(gui, cianjur[0]["url"]))
    split = alone.findChild(QAction, "splitStory") if alone is not None else None
    assert split is not None and not split.isEnabled()

    # Rina's rehab told twice, merged by hand with the Cianjur earthquake's telling.
    menu = view.story_menu(_row_of(gui, rina[0]["url"]))
    assert menu is not None
    same = menu.findChild(QMenu, "mergeStory")
    assert same is not None
    choices = {a.data(): a for a in same.actions()}
    assert rina[0]["url"] not in choices and cianjur[1]["url"] in choices
    choices[cianjur[1]["url"]].trigger()
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 6)
    merged = next(r for r in _rows(gui) if r.url in (cianjur[1]["url"], rina[0]["url"]))
    assert merged.story_size == 2 + len(rina)

    # A refresh stores them again: the reader's choices stay.
    for item in (cianjur[0], rina[0]):
        gui.services.library.store_article(_article(item), images=[])
    gui.headlines.reload()
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 6)
    rows = {r.url: r for r in _rows(gui)}
    assert rows[cianjur[0]["url"]].story_size == 1
    assert merged.url in rows and rows[merged.url].story_size == 2 + len(rina)


def test_another_outlets_telling_is_split_off_from_the_panel(gui: Gui, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 6)
    cianjur = [i for i in items() if i["event"] == "gempa-cianjur"]
    gui.controller.open_url(cianjur[0]["url"])
    panel: RelatedPanel = gui.window.related
    related = panel.list_widget
    qtbot.waitUntil(lambda: related.count() == 3)
    header = panel.link_menu(related.item(0))
    assert header is None
    last = related.item(2)
    assert last.data(URL_ROLE) == cianjur[2]["url"]
    menu = panel.link_menu(last)
    split = menu.findChild(QAction, "splitFromStory") if menu is not None else None
    assert split is not None
    split.trigger()
    qtbot.waitUntil(lambda: related.count() == 2)  # the header and the one other outlet left
    assert related.item(1).data(URL_ROLE) == cianjur[1]["url"]
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 7)  # the split telling has its own row


def test_search_results_show_a_story_once(gui: Gui, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: gui.headlines.rowCount() == 6)
    gui.window.search_field.setText("gempa")  # the search runs once typing pauses
    qtbot.waitUntil(lambda: gui.controller.view.kind == "search" and gui.headlines.rowCount() > 0)
    qtbot.waitUntil(lambda: len({r.story for r in _rows(gui)}) == 2)
    rows = _rows(gui)
    assert len(rows) == 2  # two earthquakes, three tellings each: two rows
    assert all(r.story_note == "+2 more" for r in rows)
