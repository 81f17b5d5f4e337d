"""One window per library: an exclusive lock on ``DataPaths.lock``.

The lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows)
held for the life of the window process. The kernel drops it when the process
dies, however it dies, so a stale lock after ``kill -9`` needs no clean-up.

``kabar`` commands do not take it: they share the library with a running window
safely through SQLite (WAL snapshots for readers, the database write lock plus a
busy timeout for writers; see :mod:`reader.core.store.store`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType

from reader.core.errors import StoreBusy, StoreReadOnly


class InstanceLock:
    """``with InstanceLock(paths.lock): ...`` or ``acquire()``/``release()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`StoreBusy` (another Kabar holds it)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreReadOnly(
                f"Kabar cannot use the data folder {self.path.parent}: {error.strerror}."
            ) from error
        try:
            _lock(fd)
        except OSError as error:
            os.close(fd)
            raise StoreBusy(
                f"Kabar is already running with this library ({self.path.parent})."
            ) from error
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
