"""The window tells the reader what came back after the library file was damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.paths import DataPaths, resolve_data_dir
from reader.core.services import Services
from reader.ui.gui import build_gui
from tests.core.libkit import article, open_library


def test_the_window_says_what_came_back_from_a_damaged_library(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    library = open_library(root)
    try:
        for n in range(4):
            library.store_article(article(n), collections=["Arsip"])
        library.set_starred("https://nusa.example/berita/1")
    finally:
        library.close()
    DataPaths(root).library.write_bytes(b"")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text))
    )
    services = Services(paths=resolve_data_dir(root), library_check=False)
    gui = build_gui(services)
    qtbot.addWidget(gui.window)
    try:
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
        title, text = shown[0]
        assert title == "Library repaired"
        assert "4 of 4 saved articles with their text, 1 starred" in text
        assert "kept as" in text and "damaged" in text
        assert [h.title for h in services.library.headlines(collection="Arsip")]
    finally:
        gui.shutdown()
