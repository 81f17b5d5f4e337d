"""File → Import… and Export… in the real window: progress in the status bar, the new
collections in the source list, the report of what failed, and a book written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.library import IMPORT_TAGS_SETTING
from reader.core.settings import load as load_settings
from reader.ui.dialogs.transfer import ExportDialog, ImportDialog
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
    assert box is not None
    assert box.informativeText().splitlines() == [
        "1 article could not be fetched; its link is saved.",  # one: the singular
        "3 rows of the file were not imported.",
    ]
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
    assert "Exported 1 article to" in gui.window.statusBar().currentMessage()


def test_the_import_choice_of_collections_is_kept_for_next_time(
    qtbot: QtBot, gui: Gui, web: TestWeb, tmp_path: Path
) -> None:
    bookmarks = tmp_path / "bookmarks.html"
    url = web.article_urls("harbor")[0]
    bookmarks.write_text(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Kota</H3>\n<DL><p>\n"
        f'<DT><A HREF="{url}" ADD_DATE="1700000000">Harbor</A>\n</DL><p>\n</DL>\n',
        encoding="utf-8",
    )
    wiring = gui.wiring.transfer_ui
    library = gui.services.library
    assert library.import_tags_as_collections  # the default
    seen: list[bool] = []

    def import_dialog() -> ImportDialog:
        """The dialog ``exec`` shows now (closed whatever it is, so a failure cannot hang)."""
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog):
            if isinstance(dialog, QDialog):
                dialog.reject()
            pytest.fail(f"the import dialog is not the modal one: {dialog!r}")
        return dialog

    def answer() -> None:
        dialog = import_dialog()
        seen.append(dialog.tags.isChecked())
        dialog.tags.setChecked(False)  # one collection, named after the import
        dialog.accept()

    QTimer.singleShot(0, answer)
    wiring.ask_import(str(bookmarks))
    qtbot.waitUntil(lambda: not wiring.running, timeout=60_000)
    qtbot.waitUntil(lambda: not library.import_tags_as_collections, timeout=10_000)
    assert seen == [True]
    assert "Bookmarks" in wiring.collection_names() and "Kota" not in wiring.collection_names()
    written = load_settings(gui.services.paths.settings)  # as the next start reads it
    assert written.get(IMPORT_TAGS_SETTING) is False

    def unchecked() -> None:
        dialog = import_dialog()
        seen.append(dialog.tags.isChecked())
        dialog.reject()

    QTimer.singleShot(0, unchecked)
    wiring.ask_import(str(bookmarks))
    assert seen == [True, False]  # the next import starts from the choice made


def test_export_dialog_follows_the_format_and_needs_a_place(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(["Berita", "Ekonomi"], str(tmp_path / "Kabar.epub"))
    qtbot.addWidget(dialog)
    export = dialog.ok
    formats = {dialog.format.itemData(i): i for i in range(dialog.format.count())}
    dialog.format.setCurrentIndex(formats["json"])
    assert dialog.path.text() == str(tmp_path / "Kabar.json")
    dialog.format.setCurrentIndex(formats["markdown"])
    assert dialog.path.text() == str(tmp_path / "Kabar")  # a folder of notes
    dialog.format.setCurrentIndex(formats["epub"])
    assert dialog.path.text() == str(tmp_path / "Kabar.epub")
    assert export.isEnabled()
    dialog.path.clear()
    assert not export.isEnabled()  # nowhere to write: nothing to press
    dialog.path.setText(str(tmp_path / "buku"))
    dialog.format.setCurrentIndex(formats["json"])
    assert export.isEnabled() and dialog.path.text() == str(tmp_path / "buku.json")
    assert dialog.values() == ([], "json", str(tmp_path / "buku.json"))
    dialog.format.setCurrentIndex(formats["epub"])
    dialog.path.setText(str(tmp_path / "bacaan"))  # typed without its suffix
    assert dialog.hint.text() == "Nothing checked: every saved and starred article."
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.hint.text() == "The articles of the checked collection."
    dialog.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.hint.text() == "The articles of the 2 checked collections."
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    export.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.path.text() == str(tmp_path / "bacaan.epub")  # shown as it is written
    assert dialog.values() == (["Berita"], "epub", str(tmp_path / "bacaan.epub"))
