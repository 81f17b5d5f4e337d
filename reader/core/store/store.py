"""The library database: opening (with migrations and repair), transactions, checks.

One writer connection, used under a lock with ``BEGIN IMMEDIATE``, so writes from
any thread are serialised and never hit SQLITE_BUSY_SNAPSHOT; one read-only
connection per thread for everything else (WAL lets them read while a write is
in progress). No threads are started here; the caller decides where work runs.

Several processes may share a library (the window and ``kabar`` commands): WAL
gives each reader a consistent snapshot, writers take turns through SQLite's
own file lock, and ``busy_timeout`` makes a writer wait for the other's (short)
transaction instead of failing. Only the window takes the single-instance lock.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.core.errors import Cancelled, StoreCorrupt, StoreError, StoreReadOnly, StoreTooNew
from reader.core.models import StoreRecovery
from reader.core.store import backup
from reader.core.store.db import (
    Migration,
    apply_migrations,
    bundled_migrations,
    connect,
    enable_wal,
    has_sqlite_header,
    is_corruption,
    translate,
    user_version,
)

log = logging.getLogger(__name__)

#: A rolling backup is made when the newest one is older than this.
BACKUP_INTERVAL = timedelta(days=1)


@dataclass
class Store:
    """An open library file. Build it with :meth:`Store.open`."""

    path: Path
    backups: Path
    migrations: list[Migration]
    read_only: bool
    writer: sqlite3.Connection | None
    clock: Callable[[], float] = time.time
    recovery: StoreRecovery | None = None
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _readers: list[sqlite3.Connection] = field(default_factory=list, repr=False)
    _immutable: bool = False
    _closed: bool = False

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        path: Path,
        backups: Path,
        *,
        check: bool = False,
        migrations: list[Migration] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> Store:
        """Open (creating or upgrading) the library at ``path``.

        A damaged file is moved aside and the newest healthy backup restored (or a
        new library started); :attr:`recovery` then says what happened. ``check``
        runs ``PRAGMA quick_check`` now (it reads the whole file, about a second
        per 2 GB; the window runs :meth:`quick_check` in the background instead).

        Raises :class:`StoreTooNew`, :class:`StoreReadOnly`, :class:`DiskFull`,
        :class:`StoreBusy`, or :class:`StoreCorrupt` if even repair failed.
        """
        chain = migrations if migrations is not None else bundled_migrations()
        try:
            return cls._open(path, backups, chain, check=check, clock=clock)
        except StoreCorrupt as error:
            reason = str(error)
        recovery = cls.repair(path, backups, chain, reason, clock())
        store = cls._open(path, backups, chain, check=True, clock=clock)
        store.recovery = recovery
        return store

    @classmethod
    def _open(
        cls,
        path: Path,
        backups: Path,
        chain: list[Migration],
        *,
        check: bool,
        clock: Callable[[], float],
    ) -> Store:
        if not has_sqlite_header(path):
            raise StoreCorrupt(f"The library file {path} is not a SQLite database.")
        if not _writable(path):
            return cls._open_read_only(path, backups, chain, check=check, clock=clock)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise translate(error, path.parent) from error
        writer = connect(path, same_thread=False)
        store = cls(path, backups, chain, read_only=False, writer=writer, clock=clock)
        try:
            enable_wal(writer, path)
            store._migrate(writer)
            if check:
                store.quick_check()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_read_only(
        cls,
        path: Path,
        backups: Path,
        chain: list[Migration],
        *,
        check: bool,
        clock: Callable[[], float],
    ) -> Store:
        if not path.exists():
            raise StoreReadOnly(
                f"Kabar cannot create its library in {path.parent}: the folder is read-only."
            )
        store = cls(path, backups, chain, read_only=True, writer=None, clock=clock)
        try:
            conn = store.reader()
            version = _checked_version(conn, path)
            if version > chain[-1].version:
                raise _too_new(path, version, chain[-1].version)
            if version < chain[-1].version:
                raise StoreReadOnly(
                    f"The library {path} needs upgrading, but its folder is read-only."
                )
            if check:
                store.quick_check()
        except BaseException:
            store.close()
            raise
        log.warning("library %s opened read-only", path)
        return store

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = _checked_version(conn, self.path)
        latest = self.migrations[-1].version
        if version > latest:
            raise _too_new(self.path, version, latest)
        if version == latest:
            return
        if version > 0:  # a copy aside first, so an upgrade can always be undone
            backup.full_copy(conn, self.backups, version, self.clock())
        log.info("migrating %s from v%d to v%d", self.path, version, latest)
        try:
            apply_migrations(conn, self.migrations)
        except sqlite3.Error as error:
            raise translate(error, self.path) from error

    @classmethod
    def repair(
        cls, path: Path, backups: Path, chain: list[Migration], reason: str, now: float
    ) -> StoreRecovery:
        """Move a damaged file aside and put the newest healthy backup in its place."""
        try:
            moved = backup.move_aside(path, now)
            restored = backup.restore_newest(backups, path, chain[-1].version)
        except (OSError, sqlite3.Error) as error:
            raise StoreCorrupt(f"{reason} Repair failed: {error}") from error
        log.error("library %s damaged (%s); moved to %s, restored %s", path, reason, moved,
                  restored.path if restored else None)  # fmt: skip
        return StoreRecovery(
            reason=reason.rstrip("."),
            moved_to=str(moved),
            restored_from=str(restored.path) if restored else None,
            backup_time=restored.created if restored else None,
        )

    # ---------------------------------------------------------------- connections

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise StoreError("The library is closed.")
        conn = connect(self.path, read_only=True, same_thread=False, immutable=self._immutable)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            conn.close()
            if not self.read_only or self._immutable or is_corruption(error):
                raise translate(error, self.path) from error
            # A read-only folder without the WAL index files: read the file as it is.
            self._immutable = True
            return self.reader()
        with self._lock:
            self._readers.append(conn)
        self._local.conn = conn
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction on the writer connection, serialised.

        Commits on success, rolls back on any exception; sqlite3/OS errors come out
        as :class:`StoreError` subclasses. Nested use joins the outer transaction.
        """
        if self.writer is None:
            raise StoreReadOnly(
                f"The library {self.path} is read-only; Kabar can show what is there "
                "but cannot save."
            )
        with self._lock:
            conn = self.writer
            if conn.in_transaction:  # nested: the outer block commits
                yield conn
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        log.exception("rollback failed")
                if isinstance(error, sqlite3.Error | OSError):
                    raise translate(error, self.path) from error
                raise

    def interrupt(self) -> None:
        """Abort long reads in progress on any thread (quitting: a quick_check of a
        large library takes seconds). Writes are left to finish: they are short."""
        with self._lock:
            readers = list(self._readers)
        for conn in readers:
            with suppress(sqlite3.Error):
                conn.interrupt()

    def close(self) -> None:
        """Close every connection (idempotent); the last close checkpoints the WAL."""
        with self._lock:
            self._closed = True
            readers, self._readers = self._readers, []
            writer, self.writer = self.writer, None
        for conn in readers:
            conn.close()
        if writer is not None:
            with suppress(sqlite3.Error):
                writer.execute("PRAGMA optimize")
            writer.close()

    # ---------------------------------------------------------------- checks, backups

    def quick_check(self) -> None:
        """Raise :class:`StoreCorrupt` unless ``PRAGMA quick_check`` says ``ok``.

        An interrupted check (the app is quitting, see :meth:`interrupt`) raises
        :class:`Cancelled`: it says nothing about the file.
        """
        try:
            rows = self.reader().execute("PRAGMA quick_check").fetchall()
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                raise Cancelled() from error
            raise translate(error, self.path) from error
        except sqlite3.Error as error:
            raise translate(error, self.path) from error
        if [r[0] for r in rows] != ["ok"]:
            raise StoreCorrupt(f"The library file {self.path} is damaged ({rows[0][0]}).")

    def backup_due(self) -> bool:
        newest = backup.list_backups(self.backups, "rolling")
        if not newest:
            return True
        age = datetime.fromtimestamp(self.clock(), UTC) - newest[0].created
        return age >= BACKUP_INTERVAL or age < timedelta(0)

    def make_backup(self) -> Path:
        """A rolling backup of user state and saved/starred content (see :mod:`.backup`)."""
        try:
            return backup.rolling_backup(self.path, self.backups, self.migrations, self.clock())
        except (sqlite3.Error, OSError) as error:
            raise translate(error, self.backups) from error

    def limit_pages(self, pages: int) -> None:
        """Cap the file at ``pages`` pages (``PRAGMA max_page_count``): a full disk on demand."""
        if self.writer is not None:
            with self._lock:
                self.writer.execute(f"PRAGMA max_page_count = {int(pages)}")

    def file_bytes(self) -> int:
        total = 0
        for suffix in ("", "-wal", "-shm"):
            with suppress(OSError):
                total += Path(f"{self.path}{suffix}").stat().st_size
        return total


def _writable(path: Path) -> bool:
    """Can we write the library (or create it)? False on read-only folders and files."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def _checked_version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        return user_version(conn)
    except sqlite3.Error as error:
        raise translate(error, path) from error


def _too_new(path: Path, version: int, latest: int) -> StoreTooNew:
    return StoreTooNew(
        f"The library {path} was written by a newer Kabar (schema {version}; this one knows "
        f"up to {latest}). Update Kabar to open it; it was left untouched."
    )
