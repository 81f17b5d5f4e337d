"""File → Import… and File → Export…: dialogs, a child process each, progress in the status bar.

Imports fetch and clean hundreds of articles and exports write whole books: that Python
work runs in a ``kabar import|export --progress-json`` child (as refresh does, see
:mod:`reader.ui.refresh_process`), so the window never stalls. The links of an import
are saved before any article is fetched, and their collections appear at once; a quit
in the middle leaves the rest pending, and the next start resumes them.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.errors import ReaderError
from reader.ui.controller import Controller
from reader.ui.dialogs.transfer import ExportDialog, ImportDialog
from reader.ui.main_window import MainWindow
from reader.ui.refresh_process import follow_child, kabar_command
from reader.ui.workers import TaskToken

KEY = "transfer"


class TransferWiring(QObject):
    """Connects the import/export actions of one window to child processes."""

    def __init__(
        self, window: MainWindow, controller: Controller, collections: Any, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.controller = controller
        self.collection_names = collections  # () -> list[str]
        self.running = ""
        self.last_report: list[dict[str, Any]] | None = None
        window.act_import.triggered.connect(self.import_dialog)
        window.act_export.triggered.connect(self.export_dialog)
        window.act_stop_transfer.triggered.connect(self.stop)

    # ------------------------------------------------------------ import

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import Saved Articles"),
            "",
            self.tr(
                "Exports of Pocket, Instapaper, wallabag, Omnivore, bookmarks, Kabar "
                "(*.csv *.zip *.html *.htm *.json);;All files (*)"
            ),
        )
        if path:
            self.ask_import(path)

    def ask_import(self, path: str) -> None:
        """How the links of ``path`` should land; the choice of collections is the setting."""
        library = self.controller.services.library
        before = library.import_tags_as_collections
        dialog = ImportDialog(path, before, self.window)
        accepted = dialog.exec()
        tags, collection = dialog.values()
        dialog.deleteLater()  # one dialog per import, not one more child of the window each time
        if accepted:
            if tags != before:  # the choice is the setting, kept for the next import
                self.controller.runner.submit(
                    lambda cancel: library.set_import_tags_as_collections(tags),
                    on_error=self.controller.report_error, lane="io",
                )  # fmt: skip
            self.start_import(path, tags_as_collections=tags, collection=collection)

    def start_import(
        self, path: str | None, *, tags_as_collections: bool = True, collection: str | None = None
    ) -> None:
        """Import ``path`` (None: resume what an earlier session left pending)."""
        arguments = ["import", "--progress-json"]
        if path is None:
            arguments.append("--resume")
        else:
            arguments += [
                path,
                "--tags-as-collections" if tags_as_collections else "--one-collection",
            ]
            if collection:
                arguments += ["--to", collection]
        if self.controller.offline:
            arguments.append("--offline")
        name = Path(path).name if path else self.tr("the earlier import")
        self._run(arguments, self.tr("Importing {0}").format(name), self._imported)

    def resume_pending(self) -> None:
        """At start: finish imports a quit interrupted (checked in the background)."""
        services = self.controller.services

        def work(cancel: threading.Event) -> int:
            from reader.core.transfer import Importer  # noqa: PLC0415

            importer: Importer = services.importer()
            return len(importer.pending_jobs())

        def done(pending: object) -> None:
            if pending and not self.controller.offline and not self.running:
                self.start_import(None)

        self.controller.runner.submit(work, on_done=done, key="transfer-pending", lane="io")

    def _imported(self, reports: list[dict[str, Any]]) -> None:
        self.controller.library_changed.emit()
        self.controller.headlines.reload()
        if not reports:
            return
        fetched = sum(int(r.get("fetched", 0)) + int(r.get("from_export", 0)) for r in reports)
        failed = [f for r in reports for f in r.get("failed", ())]
        problems = [p for r in reports for p in r.get("problems", ())]
        added = sum(int(r.get("added", 0)) for r in reports)
        pending = sum(int(r.get("pending", 0)) for r in reports)
        text = self._links_saved(added) + " " + self._articles_kept(fetched)
        if pending:
            text += " " + self.tr("{0} still to fetch; Kabar continues next time.").format(pending)
        if not failed and not problems:
            self.window.statusBar().showMessage(text, 10_000)
            return
        box = QMessageBox(self.window)
        box.setObjectName("importReport")
        box.setWindowTitle(self.tr("Import finished"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(text)
        info = []
        if failed:
            info.append(self._not_fetched(len(failed)))
        if problems:
            info.append(self._rows_not_imported(len(problems)))
        box.setInformativeText("\n".join(info))
        details = [f"{f.get('url', '')}\n    {f.get('reason', '')}" for f in failed]
        details += [str(p) for p in problems]
        box.setDetailedText("\n".join(details))
        box.open()

    # Counted phrases: English has no translator, so the singular is its own string; a
    # translation gives every plural form of its language (%n, Qt's numerus forms).

    def _links_saved(self, n: int) -> str:
        if n == 1:
            return self.tr("1 link saved;")
        return self.tr("%n links saved;", "", n)

    def _articles_kept(self, n: int) -> str:
        if n == 1:
            return self.tr("1 article kept for offline reading.")
        return self.tr("%n articles kept for offline reading.", "", n)

    def _not_fetched(self, n: int) -> str:
        if n == 1:
            return self.tr("1 article could not be fetched; its link is saved.")
        return self.tr("%n articles could not be fetched; their links are saved.", "", n)

    def _rows_not_imported(self, n: int) -> str:
        if n == 1:
            return self.tr("1 row of the file was not imported.")
        return self.tr("%n rows of the file were not imported.", "", n)

    # ------------------------------------------------------------ export

    def export_dialog(self) -> None:
        last = self.window.state.value("transfer/export_path")
        dialog = ExportDialog(self.collection_names(), str(last) if last else None, self.window)
        accepted = dialog.exec()
        names, fmt, path = dialog.values()
        dialog.deleteLater()
        if not accepted:
            return
        self.window.state.setValue("transfer/export_path", path)
        self.start_export(names, fmt, path)

    def start_export(self, names: list[str], fmt: str, path: str) -> None:
        arguments = ["export", *names, "--format", fmt, "-o", path, "--progress-json"]
        self._run(arguments, self.tr("Exporting"), self._exported)

    def _exported(self, reports: list[dict[str, Any]]) -> None:
        if reports:
            report = reports[-1]
            count, path = int(report.get("articles", 0)), str(report.get("path", ""))
            if count == 1:
                text = self.tr("Exported 1 article to {0}.").format(path)
            else:
                text = self.tr("Exported %n articles to {0}.", "", count).format(path)
            self.window.statusBar().showMessage(text, 10_000)

    # ------------------------------------------------------------ the child

    def _run(self, arguments: list[str], label: str, finished: Any) -> None:
        if self.running:
            self.window.statusBar().showMessage(
                self.tr("Wait for the current import or export to finish."), 5000
            )
            return
        command = kabar_command(self.controller.services.paths.root, *arguments)
        self.running = label
        self._show(label, None)

        def work(token: TaskToken) -> list[dict[str, Any]]:
            reports: list[dict[str, Any]] = []

            def message(value: dict[str, object]) -> None:
                if "report" in value and isinstance(value["report"], dict):
                    reports.append(value["report"])
                else:
                    token.report(value)

            errors, code = follow_child(command, token, message)
            if not reports:
                detail = errors[-1].removeprefix("kabar: ") if errors else f"exit {code}"
                raise ReaderError(detail)
            return reports

        def done(reports: object) -> None:
            self._hide()
            self.last_report = reports  # type: ignore[assignment]
            finished(reports)

        def failed(error: BaseException) -> None:
            self._hide()
            self.controller.library_changed.emit()
            self.controller.report_error(error)

        self.controller.runner.submit(
            work, on_done=done, on_error=failed, on_progress=self._progress, key=KEY
        )

    @Slot(object)
    def _progress(self, message: object) -> None:
        if not isinstance(message, dict):
            return
        if "saved" in message:
            self.controller.library_changed.emit()  # the new collections show at once
            return
        step = message.get("progress")
        if isinstance(step, dict):
            self._show(self.running, step)

    def _show(self, label: str, step: dict[str, Any] | None) -> None:
        w = self.window
        w.act_stop_transfer.setEnabled(True)
        for widget in (w.transfer_label, w.transfer_progress, w.transfer_stop):
            widget.show()
        if step is None:
            w.transfer_progress.setRange(0, 0)  # busy until the first count
            w.transfer_label.setText(label + "…")
            return
        total, done = int(step.get("total", 0)), int(step.get("done", 0))
        w.transfer_progress.setRange(0, max(1, total))
        w.transfer_progress.setValue(done)
        if total == 1:
            text = self.tr("{0}: {1} of 1 article").format(label, done)
        else:
            text = self.tr("{0}: {1} of %n articles", "", total).format(label, done)
        failed = int(step.get("failed", 0))
        if failed:
            text += " " + self.tr("({0} failed)").format(failed)
        w.transfer_label.setText(text)

    def _hide(self) -> None:
        self.running = ""
        w = self.window
        w.act_stop_transfer.setEnabled(False)
        for widget in (w.transfer_label, w.transfer_progress, w.transfer_stop):
            widget.hide()

    def stop(self) -> None:
        if self.running:
            self.controller.runner.cancel(KEY)
            self._hide()
            self.window.statusBar().showMessage(
                self.tr("Stopped. Links already saved stay; the rest is fetched next time."), 8000
            )
