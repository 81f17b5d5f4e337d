"""The real window, built by the same code as the app, on a fresh data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.ui.gui import Gui, build_gui


@pytest.fixture
def gui(qtbot: QtBot, tmp_path: Path) -> Iterator[Gui]:
    services = Services(paths=resolve_data_dir(tmp_path / "data"), library_check=False)
    window = build_gui(services)
    qtbot.addWidget(window.window)
    window.window.show()
    qtbot.waitExposed(window.window)
    yield window
    window.shutdown()
