"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 under Python 3.11 releases a reference to ``None`` on every call
of a method returning nothing; after a few thousand calls the interpreter
aborts ("deallocating None"). This guards against such a release coming back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    item = QStandardItem("x")
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setWindowTitle("Kabar")
        item.setData("value", 300)
        item.data(301)
    assert abs(sys.getrefcount(None) - before) < 50
