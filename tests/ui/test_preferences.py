"""Preferences take effect at once and are remembered."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.gui import Gui

GB = 1024**3


def test_dialog_returns_what_the_reader_chose(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences(theme="light", font_size=12.0, show_images=True))
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("sepia"))
    dialog.size_box.setValue(15.0)
    dialog.images.setChecked(False)
    dialog.budget.setValue(0.5)
    dialog.refresh.setValue(60)
    chosen = dialog.preferences()
    assert (chosen.theme, chosen.font_size, chosen.show_images) == ("sepia", 15.0, False)
    assert chosen.cache_budget_bytes == GB // 2 and chosen.refresh_minutes == 60


def test_an_untouched_font_box_keeps_the_themes_font(qtbot: QtBot) -> None:
    """The font box always shows some font; OK without choosing one must not pin it."""
    dialog = PreferencesDialog(Preferences(font_family=""))
    qtbot.addWidget(dialog)
    assert dialog.preferences().font_family == ""
    dialog.font_box.setCurrentIndex(dialog.font_box.count() - 1)
    chosen = dialog.font_box.currentFont().family()
    assert chosen and dialog.preferences().font_family == chosen


def test_applied_preferences_change_the_window_and_persist(qtbot: QtBot, gui: Gui) -> None:
    wiring = gui.wiring
    before = wiring.current_preferences()
    after = Preferences(
        theme="dark", font_family=before.font_family, font_size=16.0, show_images=False,
        cache_budget_bytes=GB, refresh_minutes=45,
    )  # fmt: skip
    wiring.apply_preferences(before, after)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Base).lightness() < 80, "dark theme applied"
    assert gui.window.article.font_size() == 16.0
    assert gui.controller.show_images is False
    state = gui.window.state
    assert state.value("reading/theme") == "dark"
    assert int(str(state.value("sources/refresh_minutes"))) == 45
    qtbot.waitUntil(lambda: gui.services.library.settings.cache_budget_bytes == GB, timeout=10_000)
    wiring.set_theme("light")
