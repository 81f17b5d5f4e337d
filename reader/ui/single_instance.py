"""One window per library: a second launch brings the first window forward.

The library lock (:mod:`reader.core.instance`) decides who runs; this adds the
courtesy desktop users expect. The running window listens on a local socket
named after its data directory; a second launch that finds the lock taken
asks it to come to the front, then says so and exits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"kabar-{digest}"


def ask_running_window_to_raise(data_dir: Path, timeout_ms: int = 500) -> bool:
    """True if a running Kabar window for ``data_dir`` got the message."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent


class RaiseServer(QObject):
    """Listens for second launches and calls ``on_raise`` for each."""

    def __init__(self, data_dir: Path, on_raise: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._on_raise = on_raise
        self._server = QLocalServer(self)
        name = server_name(data_dir)
        QLocalServer.removeServer(name)  # a stale socket file after a crash
        self._server.newConnection.connect(self._accept)
        self.listening = self._server.listen(name)

    @Slot()
    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(RAISE.strip()):
            self._on_raise()
