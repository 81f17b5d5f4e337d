"""Preferences → Accounts: log in, show the account and its sync, remove it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.core.models import RefreshProgress
from reader.ui.dialogs.accounts import AccountsBox
from reader.ui.gui import Gui
from tests.sync.recorded import RecordedServer
from tests.sync.test_app_pair import APP_ID, APP_KEY, inoreader_with_app
from tests.sync.test_recorded import miniflux_routes


def test_accounts_box_logs_in_syncs_and_removes(qtbot: QtBot, gui: Gui) -> None:
    server = RecordedServer(miniflux_routes([]))  # type: ignore[arg-type]
    try:
        box = AccountsBox()
        qtbot.addWidget(box)
        gui.wiring.wire_accounts(box)
        qtbot.waitUntil(lambda: "No account" in box.summary.text(), timeout=10_000)
        assert not box.sync_button.isEnabled()

        box.add_requested.emit(server.base, "alice", "pw", "", "")
        qtbot.waitUntil(lambda: "alice@127.0.0.1" in box.summary.text(), timeout=10_000)
        assert "Last sync: —" in box.summary.text()
        assert "pw" not in box.summary.text().replace("pwd", "")
        assert box.sync_button.isEnabled()

        box.sync_requested.emit()
        qtbot.waitUntil(lambda: box.status.text().startswith("Synced with"), timeout=10_000)
        assert "3 new items" in box.status.text()
        assert "Last sync: —" not in box.summary.text()

        box.remove_requested.emit(box.account.name if box.account else "")
        qtbot.waitUntil(lambda: "No account" in box.summary.text(), timeout=10_000)
        assert gui.services.sync.account() is None
    finally:
        server.stop()


def test_the_box_logs_in_to_inoreader_with_its_application_pair(qtbot: QtBot, gui: Gui) -> None:
    server = inoreader_with_app()
    try:
        box = AccountsBox()
        qtbot.addWidget(box)
        gui.wiring.wire_accounts(box)
        qtbot.waitUntil(lambda: "No account" in box.summary.text(), timeout=10_000)
        box.add_requested.emit(server.base, "reader@example.org", "pw", "", "")
        qtbot.waitUntil(lambda: "AppId and AppKey" in box.status.text(), timeout=10_000)
        assert box.account is None

        box.add_requested.emit(server.base, "reader@example.org", "pw", APP_ID, APP_KEY)
        qtbot.waitUntil(lambda: f"AppId {APP_ID}" in box.summary.text(), timeout=10_000)
        assert APP_KEY not in box.summary.text() + box.status.text()
        box.sync_requested.emit()
        qtbot.waitUntil(lambda: box.status.text().startswith("Synced with"), timeout=10_000)
        assert "2 new items" in box.status.text()
    finally:
        server.stop()


def test_a_refused_login_is_shown_in_the_box(qtbot: QtBot, gui: Gui) -> None:
    routes = miniflux_routes([])
    routes["/accounts/ClientLogin"] = (401, "Unauthorized")
    server = RecordedServer(routes)  # type: ignore[arg-type]
    try:
        box = AccountsBox()
        qtbot.addWidget(box)
        gui.wiring.wire_accounts(box)
        box.add_requested.emit(server.base, "alice", "wrong", "", "")
        qtbot.waitUntil(lambda: "refused" in box.status.text(), timeout=10_000)
        assert box.account is None and box.add_button.isEnabled()
    finally:
        server.stop()


def test_the_windows_refresh_syncs_first_with_progress(qtbot: QtBot, gui: Gui) -> None:
    server = RecordedServer(miniflux_routes([]))  # type: ignore[arg-type]
    try:
        gui.services.sync.add_account(server.base, "alice", "pw")
        seen: list[str] = []

        def note(progress: RefreshProgress) -> None:
            if progress.sync:
                seen.append(progress.sync)

        gui.controller.refresh_progress.connect(note)
        with qtbot.waitSignal(gui.controller.refresh_finished, timeout=60_000) as finished:
            gui.controller.refresh(None, force=True)
        report = finished.args[0]
        assert report is not None and report.sync.startswith("Synced with alice@127.0.0.1")
        assert any(text.startswith("Syncing with alice@") for text in seen)
        assert [o.status for o in report.outcomes] == ["synced"]
        assert gui.services.sync.account().synced_at is not None  # type: ignore[union-attr]
    finally:
        server.stop()
