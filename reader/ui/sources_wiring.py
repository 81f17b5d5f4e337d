"""The window's sources side: adding, refreshing, organising and exchanging sources.

Split from :mod:`reader.ui.gui` (which wires everything else): it connects the
source tree, the refresh actions and the status-bar progress to the controller,
and runs the dialogs these need (add a source, choose a feed, starter list,
OPML files, rename/move/delete).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, QPoint, QTimer, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from reader.core.models import FeedCandidate, RefreshProgress, RefreshReport, Source
from reader.ui.controller import Controller, folder_label, folder_path
from reader.ui.dialogs.collections import ask_name
from reader.ui.dialogs.sources import AddSourceDialog, FeedChooser, StarterDialog
from reader.ui.main_window import MainWindow
from reader.ui.source_list import SourceRow


class SourcesWiring(QObject):
    """Connects one window's source list and refresh actions to its controller."""

    def __init__(
        self,
        window: MainWindow,
        controller: Controller,
        refresh_minutes: Callable[[], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.controller = controller
        self.refresh_minutes = refresh_minutes
        self.sources: list[Source] = []
        self._pending_folder: str | None = None
        self._refresh_after_change = False
        self._last_refresh = time.monotonic()
        # Refresh due sources on the user's interval (checked once a minute).
        self._auto_refresh = QTimer(self)
        self._auto_refresh.setInterval(60_000)
        self._auto_refresh.timeout.connect(self._refresh_if_due)
        w, c = window, controller
        c.sources_changed.connect(self.reload_sources)
        c.library_changed.connect(self.reload_unread)
        c.feeds_to_choose.connect(self.choose_feed)
        c.refresh_progress.connect(self.show_progress)
        c.refresh_finished.connect(self.refresh_done)
        w.sources.source_menu.connect(self.source_menu)
        w.act_add_source.triggered.connect(self.add_source_dialog)
        w.act_refresh.triggered.connect(lambda: c.refresh(None, force=True))
        w.act_refresh_source.triggered.connect(self.refresh_current_source)
        w.act_cancel.triggered.connect(c.cancel_refresh)
        w.act_import_opml.triggered.connect(self.import_opml)
        w.act_export_opml.triggered.connect(self.export_opml)

    def start(self) -> None:
        self.reload_sources()
        self._auto_refresh.start()

    def starter_sources(self) -> None:
        from reader.core.feeds import starter_sets  # noqa: PLC0415 (small, pure)

        language = QLocale.system().name().split("_")[0]
        dialog = StarterDialog(starter_sets(), "id" if language != "en" else "en", self.window)
        if not dialog.exec() or not dialog.languages():
            return
        languages = dialog.languages()
        self.controller.source_call(
            lambda sources: sources.add_starter(languages),  # type: ignore[attr-defined]
            self.tr("Starter sources added; refreshing them now."),
        )
        self._refresh_after_change = True

    # ------------------------------------------------------------ sources

    def reload_sources(self) -> None:
        services = self.controller.services

        def work(cancel: threading.Event) -> tuple[list[Source], dict[int, int]]:
            sources = services.sources
            return sources.all(), sources.unread_counts()

        def done(payload: tuple[list[Source], dict[int, int]]) -> None:
            sources, unread = payload
            self.sources = sources
            rows = [
                SourceRow(
                    key=str(source.id),
                    title=source.title,
                    folder=folder_label(source.folder) or None,
                    unread=unread.get(source.id, 0),
                    error=source.last_error
                    if source.status in ("failing", "gone")
                    else self._refused(source),
                )
                for source in sources
            ]
            self.window.sources.set_sources(rows)
            if self._refresh_after_change:
                self._refresh_after_change = False
                self.controller.refresh(None, force=False)

        self.controller.runner.submit(
            work, on_done=done, on_error=self.controller.report_error, key="sources", lane="io"
        )

    def reload_unread(self) -> None:
        """Bring the per-source unread badges up to date (something was read or marked)."""
        services = self.controller.services

        def work(cancel: threading.Event) -> dict[int, int]:
            return services.sources.unread_counts()

        def done(unread: dict[int, int]) -> None:
            self.window.sources.set_unread({str(k): v for k, v in unread.items()})

        self.controller.runner.submit(
            work, on_done=done, on_error=self.controller.report_error, key="unread", lane="io"
        )

    def add_source_dialog(self) -> None:
        folders = self._folders()
        dialog = AddSourceDialog(folders, self.window)
        if dialog.exec():
            url, folder = dialog.values()
            if url:
                self._pending_folder = folder
                self.controller.add_source(url, folder)

    @Slot(str, list)
    def choose_feed(self, url: str, candidates: list[FeedCandidate]) -> None:
        chooser = FeedChooser(url, candidates, self.window)
        if chooser.exec():
            pick = chooser.chosen()
            if pick is not None:
                self.controller.add_source(url, self._pending_folder, pick)

    def refresh_current_source(self) -> None:
        current = self.window.sources.current()
        if current and current[0] == "source":
            self.controller.refresh([int(current[1])])
        else:
            self.controller.refresh(None, force=True)

    def _refresh_if_due(self) -> None:
        if self.controller.offline or self.window.act_cancel.isEnabled():
            return
        if time.monotonic() - self._last_refresh >= self.refresh_minutes() * 60:
            self._last_refresh = time.monotonic()
            self.controller.refresh(None, force=False)

    def show_progress(self, progress: RefreshProgress) -> None:
        w = self.window
        w.act_cancel.setEnabled(True)
        for widget in (w.progress, w.progress_label, w.cancel_button):
            widget.show()
        if progress.sync:  # the sync with the reader's server runs before the feeds
            w.progress.setMaximum(0)  # busy: a sync does not know its length
            w.progress_label.setText(progress.sync)
            return
        w.progress.setMaximum(max(1, progress.sources_total))
        w.progress.setValue(progress.sources_done)
        w.progress_label.setText(
            self.tr("Sources {0} of {1} · articles {2}").format(
                progress.sources_done, progress.sources_total, progress.articles_done
            )
        )

    def refresh_done(self, report: RefreshReport | None) -> None:
        w = self.window
        self._last_refresh = time.monotonic()
        w.act_cancel.setEnabled(False)
        for widget in (w.progress, w.progress_label, w.cancel_button):
            widget.hide()
        if report is None:
            return
        failed = sum(1 for outcome in report.outcomes if outcome.status == "failed")
        message = self.tr("{0} new headlines, {1} articles kept for offline reading.").format(
            report.new_entries, report.articles_fetched
        )
        if failed:
            message += " " + self.tr("{0} sources failed; see the marks in the list.").format(
                failed
            )
        if report.sync_failed and report.sync:
            message += " " + self.tr("Sync failed: {0}").format(report.sync)
        w.statusBar().showMessage(message, 10_000)

    def source_menu(self, key: str, position: QPoint) -> None:
        source = next((s for s in self.sources if str(s.id) == key), None)
        if source is None:
            return
        c = self.controller
        source_id = source.id
        menu = QMenu(self.window)
        menu.addAction(self.tr("Refresh"), lambda: c.refresh([source_id]))
        menu.addAction(
            self.tr("Mark All as Read"),
            lambda: self.window.sources.mark_all_requested.emit("source", str(source_id)),
        )
        menu.addAction(self.tr("Rename…"), lambda: self.rename_source(source))
        menu.addAction(self.tr("Move to Folder…"), lambda: self.move_source(source))
        full = menu.addAction(self.tr("Fetch Full Articles"))
        full.setCheckable(True)
        full.setChecked(source.full_text)
        full.toggled.connect(
            lambda on: c.source_call(lambda s: s.set_full_text(source_id, on))  # type: ignore[attr-defined]
        )
        private = menu.addAction(self.tr("Allow Private Addresses"))
        private.setCheckable(True)
        private.setChecked(source.allow_private)
        private.setToolTip(
            self.tr(
                "Let this source's items, pictures and redirects reach this computer and "
                "the local network (for a feed you host yourself)."
            )
        )
        private.toggled.connect(
            lambda on: c.source_call(lambda s: s.set_allow_private(source_id, on))  # type: ignore[attr-defined]
        )
        if source.site_url:
            site = source.site_url
            menu.addAction(self.tr("Open Site in Browser"), lambda: c.open_in_browser(site))
        refused = self._refused(source)
        if source.last_error or refused:
            menu.addSeparator()
        if source.last_error:
            error = menu.addAction(self.tr("Last error: {0}").format(source.last_error))
            error.setEnabled(False)
        if refused:
            menu.addAction(refused).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete_source(source))
        menu.exec(position)

    def _refused(self, source: Source) -> str | None:
        """The source's line for fetches the private-address policy refused."""
        if not source.refused:
            return None
        if source.refused == 1:
            return self.tr("Refused: 1 item points into a private network.")
        return self.tr("Refused: {0} items point into a private network.").format(source.refused)

    def rename_source(self, source: Source) -> None:
        name = ask_name(self.window, self.tr("Rename Source"), self.tr("New name:"), source.title)
        if name and name != source.title:
            source_id = source.id
            self.controller.source_call(lambda s: s.rename(source_id, name))  # type: ignore[attr-defined]

    def _folders(self) -> list[str]:
        return sorted({folder_label(s.folder) for s in self.sources if s.folder})

    def move_source(self, source: Source) -> None:
        current = folder_label(source.folder)
        folders = self._folders()
        name, ok = QInputDialog.getItem(
            self.window,
            self.tr("Move to Folder"),
            self.tr("Folder (empty for none):"),
            ["", *folders],
            folders.index(current) + 1 if current in folders else 0,
            True,
        )
        if ok:
            path = folder_path(name)
            source_id = source.id
            self.controller.source_call(lambda s: s.move(source_id, path))  # type: ignore[attr-defined]

    def delete_source(self, source: Source) -> None:
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete Source"),
            self.tr(
                "Stop following “{0}”? Articles you saved or starred stay in the library."
            ).format(source.title),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            source_id = source.id
            self.controller.source_call(lambda s: s.delete(source_id), self.tr("Source deleted."))  # type: ignore[attr-defined]
            if self.controller.view.place == ("source", str(source_id)):
                self.window.sources.select("all")

    def import_opml(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import Sources"),
            "",
            self.tr("OPML files (*.opml *.xml);;All files (*)"),
        )
        if not path:
            return

        def call(sources: object) -> object:
            from pathlib import Path  # noqa: PLC0415

            from reader.core.feeds import parse_opml  # noqa: PLC0415

            document = parse_opml(Path(path).read_bytes(), Path(path).name)
            return sources.import_opml(document)  # type: ignore[attr-defined]

        self._refresh_after_change = True
        self.controller.source_call(call, self.tr("Sources imported; refreshing them now."))

    def export_opml(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export Sources"),
            "kabar-sources.opml",
            self.tr("OPML files (*.opml)"),
        )
        if not path:
            return

        def call(sources: object) -> object:
            from pathlib import Path  # noqa: PLC0415

            data = sources.export_opml()  # type: ignore[attr-defined]
            Path(path).write_bytes(data)
            return None

        self.controller.source_call(call, self.tr("Sources exported to {0}.").format(path))
