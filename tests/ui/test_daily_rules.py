"""Rules in the window: made in Preferences, tried on the library, kept, and seen in the list."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reader.core.models import Rule
from reader.ui.dialogs.preferences import PreferencesDialog
from reader.ui.gui import Gui
from tests.ui.pages import Item, serve_feed
from tests.ui.windows import source_key
from tests.web import TestWeb

TIMEOUT = 30_000

ITEMS = [
    Item("gosip-1", "G1", "Gosip Selebriti Pekan Ini", words="Kabar artis."),
    Item("gosip-2", "G2", "Gosip Artis dan Mantan", words="Kabar artis lagi."),
    Item("banjir", "B", "Banjir Rob di Pesisir", words="Air laut pasang."),
    Item("pemilu", "P", "Hasil Hitung Cepat Pemilu", words="Suara dihitung."),
]


def titles(gui: Gui) -> list[str]:
    rows = (gui.headlines.row_at(n) for n in range(gui.headlines.rowCount()))
    return [row.title for row in rows if row is not None]


def preferences(qtbot: QtBot, gui: Gui) -> PreferencesDialog:
    """Preferences as the window opens it (not run modally, so the test can drive it)."""
    dialog = PreferencesDialog(gui.wiring.current_preferences(), gui.window)
    qtbot.addWidget(dialog)
    gui.wiring.rules_ui.load(dialog.rules)
    return dialog


def test_rules_made_in_preferences_hide_and_highlight_and_are_kept(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    feed, _ = serve_feed(web, "rules-ui", "Kabar Harian", ITEMS)
    with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT):
        gui.controller.add_source(feed)
    key = source_key(gui)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.window.sources.select("source", key)
    assert len(titles(gui)) == 4

    dialog = preferences(qtbot, gui)
    dialog.show_page("Rules")
    box = dialog.rules
    qtbot.waitUntil(lambda: box.sources != [], timeout=TIMEOUT)
    assert box.empty.isVisible() or box.list.count() == 0
    rule = box.dialog(None)
    qtbot.addWidget(rule)
    rule.show()
    rule.text.setText("gosip")
    qtbot.waitUntil(lambda: "2 match now" in rule.preview.text(), timeout=TIMEOUT)
    rule.text.setText("(unclosed")
    rule.match.setCurrentIndex(rule.match.findData("pattern"))
    qtbot.waitUntil(lambda: "does not work" in rule.preview.text(), timeout=TIMEOUT)
    ok = rule.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled(), "a broken pattern cannot be saved"
    rule.match.setCurrentIndex(rule.match.findData("words"))
    rule.text.setText("gosip")
    rule.name.setText("Tanpa gosip")
    qtbot.waitUntil(ok.isEnabled, timeout=TIMEOUT)
    box.add_rule(rule.rule())
    rule.accept()
    box.add_rule(Rule(None, "words", "pemilu", action="highlight", source_id=int(key)))
    assert "Tanpa gosip" in box.list.item(0).text() and "every source" in box.list.item(0).text()
    assert "Kabar Harian" in box.list.item(1).text()

    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.wiring.rules_ui.save(box)  # OK
    assert sorted(titles(gui)) == ["Banjir Rob di Pesisir", "Hasil Hitung Cepat Pemilu"]
    highlighted = next(
        n
        for n in range(gui.headlines.rowCount())
        if gui.headlines.row_at(n).title == "Hasil Hitung Cepat Pemilu"  # type: ignore[union-attr]
    )
    assert gui.headlines.row_at(highlighted).highlighted  # type: ignore[union-attr]
    view = gui.window.sources.headlines
    view.clearSelection()
    view.setCurrentIndex(view.model().index(-1, -1))
    rect = view.visualRect(gui.headlines.index(highlighted, 0))
    image = view.viewport().grab().toImage()
    bar = QColor(image.pixel(rect.left() + 1, rect.center().y()))
    link = view.palette().color(QPalette.ColorRole.Link)
    assert abs(bar.hue() - link.hue()) < 20 and bar.saturation() > 60, "an accent bar is painted"

    again = preferences(qtbot, gui)
    qtbot.waitUntil(lambda: again.rules.list.count() == 2, timeout=TIMEOUT)
    assert "Tanpa gosip" in again.rules.list.item(0).text(), "rules are kept"
    for shown in (again, dialog):
        shown.reject()
