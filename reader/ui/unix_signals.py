"""Let SIGINT and SIGTERM quit the Qt event loop cleanly.

Python runs signal handlers only when the interpreter gets control, which a
blocked Qt event loop never gives it. ``signal.set_wakeup_fd`` writes a byte
to a socket when a signal arrives; a ``QSocketNotifier`` on the other end
wakes the event loop, and the Python handler then asks the window to close.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, Slot


class SignalQuitter(QObject):
    """Calls ``on_quit`` on the GUI thread when SIGINT or SIGTERM arrives."""

    def __init__(self, on_quit: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {
            sig: signal.signal(sig, self._handle) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._requested = False

    def _handle(self, signum: int, frame: object) -> None:
        self._requested = True

    @Slot()
    def _drain(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass
        if self._requested:
            self._requested = False
            self._on_quit()

    def restore(self) -> None:
        """Put the previous handlers back (tests create several windows)."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._reader.close()
        self._writer.close()
