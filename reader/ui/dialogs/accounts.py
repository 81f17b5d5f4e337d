"""Preferences → Accounts: the feed-reader server Kabar syncs with.

The box only shows and asks; the wiring (``reader/ui/gui.py``) runs the work (log in,
sync, remove) on the task runner and hands the result back with :meth:`set_account`.
The password (and an AppKey, for servers such as Inoreader) goes from its field straight
into the request and is cleared at once.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.sync import Account


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "—"


class AddAccountDialog(QDialog):
    """Server address, user name and password (shown as dots, never stored), and the
    application pair a server such as Inoreader wants (its key shown as dots)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Account"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://rss.example.org")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.app_id = QLineEdit()
        self.app_id.setPlaceholderText(self.tr("only if the server asks (Inoreader)"))
        self.app_key = QLineEdit()
        self.app_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.app_key.setPlaceholderText(self.tr("goes with the AppId"))
        hint = QLabel(
            self.tr("FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux or CommaFeed: the "
                    "server's home page or its API address. FreshRSS wants its API password; "
                    "Inoreader also wants the AppId and AppKey of an application registered "
                    "with it.")
        )  # fmt: skip
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.url)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("AppId:"), self.app_id)
        form.addRow(self.tr("AppKey:"), self.app_key)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class AccountsBox(QGroupBox):
    """The account with its last sync, and Add / Sync now / Remove."""

    add_requested = Signal(str, str, str, str, str)  # server, user, password, AppId, AppKey
    sync_requested = Signal()
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Accounts"), parent)
        self.setObjectName("accounts")
        self.account: Account | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add Account…"))
        self.sync_button = QPushButton(self.tr("Sync Now"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self._add)
        self.sync_button.clicked.connect(self.sync_requested)
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.set_account(None)

    def set_account(self, account: Account | None, status: str = "") -> None:
        self.account = account
        if account is None:
            self.summary.setText(
                self.tr("No account. Sync subscriptions, read and starred marks and collections "
                        "with a feed-reader server (Google Reader API).")
            )  # fmt: skip
        else:
            where = (
                self.tr("the system keyring")
                if account.token_store == "keyring"
                else self.tr("a file only you can read")
            )
            text = self.tr("<b>{0}</b><br>{1}<br>Last sync: {2} · login kept in {3}").format(
                account.name, account.server, _when(account.synced_at), where
            )
            if account.app_id:
                text += "<br>" + self.tr("AppId {0} (its key kept with the login)").format(
                    account.app_id
                )
            if account.pending_changes:
                text += "<br>" + self.tr("{0} changes wait for the next sync.").format(
                    account.pending_changes
                )
            if account.last_error:
                text += "<br>" + self.tr("Last error: {0}").format(account.last_error)
            self.summary.setText(text)
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.add_button.setText(self.tr("Log In Again…") if account else self.tr("Add Account…"))
        self.add_button.setEnabled(True)
        self.sync_button.setEnabled(account is not None)
        self.remove_button.setEnabled(account is not None)
        self.setEnabled(True)

    def busy(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        for button in (self.add_button, self.sync_button, self.remove_button):
            button.setEnabled(False)

    def _add(self) -> None:
        dialog = AddAccountDialog(self)
        if self.account is not None:
            dialog.url.setText(self.account.server)
            dialog.user.setText(self.account.username)
            if self.account.app_id:
                dialog.app_id.setText(self.account.app_id)
                dialog.app_key.setPlaceholderText(self.tr("kept; type a new one to change it"))
        if dialog.exec() and dialog.url.text().strip() and dialog.user.text().strip():
            password, app_key = dialog.password.text(), dialog.app_key.text()
            dialog.password.clear()
            dialog.app_key.clear()
            self.add_requested.emit(
                dialog.url.text().strip(), dialog.user.text().strip(), password,
                dialog.app_id.text().strip(), app_key.strip(),
            )  # fmt: skip

    def _remove(self) -> None:
        if self.account is not None:
            self.remove_requested.emit(self.account.name)
