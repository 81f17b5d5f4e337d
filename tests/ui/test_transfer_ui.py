"""File → Import… and Export… in the real window: progress in the status bar, the new
collections in the source list, the report of what failed, and a book written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.ui.gui import Gui
from tests.core.transfer.files import import_file
from tests.web.server import TestWeb

pytestmark = pytest.mark.gui


def test_import_shows_progress_collections_and_what_failed(
    qtbot: QtBot, gui: Gui, web: TestWeb, tmp_path: Path
) -> None:
    export = tmp_path / "pocket-export.csv"
    export.write_bytes(import_file(web, "pocket.csv"))
    wiring = gui.wiring.transfer_ui
    window = gui.window
    labels: list[str] = []
    wiring.start_import(str(export))
    assert window.transfer_label.isVisible() and window.act_stop_transfer.isEnabled()

    def finished() -> bool:
        labels.append(window.transfer_label.text())
        return not wiring.running

    qtbot.waitUntil(finished, timeout=60_000)
    assert any("Importing pocket-export.csv" in text for text in labels)
    assert not window.transfer_label.isVisible()
    report = wiring.last_report
    assert report is not None and report[0]["fetched"] == 4 and len(report[0]["failed"]) == 1
    box = window.findChild(QMessageBox, "importReport")
    assert box is not None and "could not be fetched" in box.informativeText()
    assert "halaman-yang-sudah-hilang" in box.detailedText()
    qtbot.waitUntil(lambda: "berita" in wiring.collection_names(), timeout=10_000)


def test_export_writes_a_book(qtbot: QtBot, gui: Gui, web: TestWeb, tmp_path: Path) -> None:
    url = web.article_urls("harbor")[0]
    gui.services.library.save_to_collection(url, ["Harbor"])
    book = tmp_path / "harbor.epub"
    wiring = gui.wiring.transfer_ui
    wiring.start_export(["Harbor"], "epub", str(book))
    qtbot.waitUntil(lambda: not wiring.running, timeout=60_000)
    assert wiring.last_report is not None and wiring.last_report[-1]["articles"] == 1
    with zipfile.ZipFile(book) as archive:
        assert archive.read("mimetype") == b"application/epub+zip"
    assert "Exported 1 articles" in gui.window.statusBar().currentMessage()
