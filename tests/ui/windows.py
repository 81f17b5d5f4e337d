"""Helpers for the window tests: the real window built as the app builds it, and what its
source list shows (keys and unread badges)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtGui import QStandardItem
from pytestqt.qtbot import QtBot

from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.ui.gui import Gui, build_gui
from reader.ui.source_list import COUNT_ROLE, KEY_ROLE, KIND_ROLE, _walk


def data_services(tmp_path: Path) -> Services:
    """The services on the test's own data directory (``tmp_path/data``)."""
    return Services(paths=resolve_data_dir(tmp_path / "data"), library_check=False)


def show_window(qtbot: QtBot, services: Services) -> Gui:
    """The window for ``services``, shown and exposed; the caller shuts it down."""
    gui = build_gui(services)
    qtbot.addWidget(gui.window)
    gui.window.show()
    qtbot.waitExposed(gui.window)
    return gui


def start(qtbot: QtBot, tmp_path: Path, made: list[Gui]) -> Gui:
    """One more window on the same data directory (a restart); ``restartable`` ends it."""
    gui = show_window(qtbot, data_services(tmp_path))
    made.append(gui)
    return gui


def source_items(gui: Gui) -> Iterator[QStandardItem]:
    """The source rows of the source list, folders walked."""
    for item in _walk(gui.window.sources._sections["sources"]):
        if item.data(KIND_ROLE) == "source":
            yield item


def source_key(gui: Gui, title: str | None = None) -> str:
    """The key of the source called ``title`` (the first source when ``None``)."""
    for item in source_items(gui):
        if title is None or item.text() == title:
            return str(item.data(KEY_ROLE))
    raise AssertionError(f"no source {title!r}")


def badge(gui: Gui, key: str) -> object:
    """The unread count shown beside source ``key`` (None when there is none)."""
    for item in source_items(gui):
        if str(item.data(KEY_ROLE)) == key:
            return item.data(COUNT_ROLE)
    raise AssertionError(f"no source {key}")
