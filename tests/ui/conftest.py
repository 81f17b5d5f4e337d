"""The real window, built by the same code as the app, on a fresh data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.gui import Gui
from tests.ui.windows import data_services, show_window


@pytest.fixture
def gui(qtbot: QtBot, tmp_path: Path) -> Iterator[Gui]:
    window = show_window(qtbot, data_services(tmp_path))
    yield window
    window.shutdown()


@pytest.fixture
def restartable(qtbot: QtBot) -> Iterator[list[Gui]]:
    """Windows built one after the other on the same data directory (a restart) with
    :func:`tests.ui.windows.start`; each is closed and shut down at the end."""
    made: list[Gui] = []
    yield made
    for gui in made:
        if gui.window.isVisible():
            gui.window.close()
        gui.shutdown()
