"""The library database: opening (with migrations and repair), transactions, checks.

One writer connection, used under a lock with ``BEGIN IMMEDIATE``, so writes from
any thread are serialised and never hit SQLITE_BUSY_SNAPSHOT; one read-only
connection per thread for everything else (WAL lets them read while a write is
in progress). No threads are started here; the caller decides where work runs.

Several processes may share a library (the window and ``kabar`` commands): WAL
gives each reader a consistent snapshot, writers take turns through SQLite's
own file lock, and ``busy_timeout`` makes a writer wait for the other's (short)
transaction instead of failing. Only the window takes the single-instance lock.

User state is also written, in the same transactions, to a second file (the
copy, :mod:`reader.core.store.userstate`); a damaged library is rebuilt from
it, a damaged copy from the library. Opening reads only the two 100-byte
headers; ``quick_check`` runs where it matters (:meth:`Store.quick_check`).
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

from reader.core.errors import (
    Cancelled,
    DiskFull,
    StoreCorrupt,
    StoreError,
    StoreReadOnly,
    StoreTooNew,
)
from reader.core.models import StoreRecovery
from reader.core.store import backup, cache, userstate
from reader.core.store.db import (
    Migration,
    apply_migrations,
    bundled_migrations,
    connect,
    enable_wal,
    header_problem,
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
    #: Opened read-only because the disk is full: reading works, saving says why not.
    disk_full: bool = False
    #: The attached copy of user state; None until the first write, or without one.
    _mirror: userstate.Mirror | None = field(default=None, repr=False)
    _mirror_tried: bool = False

    @property
    def copy_path(self) -> Path:
        """The copy of user state beside the library (``library.userstate.sqlite3``)."""
        return userstate.mirror_path(self.path)

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

        A damaged file (unreadable, empty, cut short, a foreign header; with
        ``check`` also damage inside) is moved aside and rebuilt from the copy of
        user state, else from the newest healthy backup, else a new library is
        started; :attr:`recovery` then says what came back and what did not. A
        damaged copy is rebuilt from the library the same way. ``check`` runs
        ``PRAGMA quick_check`` now (it reads the whole file, about a second per
        2 GB; the window runs :meth:`quick_check` in the background instead).

        Raises :class:`StoreTooNew`, :class:`StoreReadOnly`, :class:`DiskFull`,
        :class:`StoreBusy`, or :class:`StoreCorrupt` if even repair failed.
        """
        chain = migrations if migrations is not None else bundled_migrations()
        try:
            store = cls._open(path, backups, chain, check=check, clock=clock)
        except StoreCorrupt as error:
            reason = str(error)
        else:
            store._check_copy_header()
            return store
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
        problem = header_problem(path)
        if problem:
            raise StoreCorrupt(f"The library file {path} is damaged: {problem}.")
        if not _writable(path):
            return cls._open_read_only(path, backups, chain, check=check, clock=clock)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise translate(error, path.parent) from error
        if not path.exists():
            _create(path, chain)
        try:
            writer = connect(path, same_thread=False)
        except DiskFull:
            return cls._open_disk_full(path, backups, chain, check=check, clock=clock)
        store = cls(path, backups, chain, read_only=False, writer=writer, clock=clock)
        try:
            enable_wal(writer, path)
            store._migrate(writer)
            if check:
                store.quick_check()
        except DiskFull:
            store.close()
            return cls._open_disk_full(path, backups, chain, check=check, clock=clock)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_disk_full(
        cls,
        path: Path,
        backups: Path,
        chain: list[Migration],
        *,
        check: bool,
        clock: Callable[[], float],
    ) -> Store:
        """A completely full disk: SQLite cannot even create the WAL index a normal
        reader needs. Read the file as it is (``immutable``); saving raises DiskFull."""
        store = cls._open_read_only(
            path, backups, chain, check=check, clock=clock, why="the disk is full"
        )
        store.disk_full = True
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
        why: str = "its folder is read-only",
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
        log.warning("library %s opened read-only: %s", path, why)
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
        """Move a damaged library aside and rebuild it: from the copy of user state if it
        is healthy, else from the newest healthy backup, else as a new library."""
        copy = userstate.mirror_path(path)
        try:
            moved = backup.move_aside(path, now)
        except OSError as error:
            raise StoreCorrupt(f"{reason} Repair failed: {error}") from error
        if header_problem(copy) is None and copy.exists():
            try:
                restored = _restore_from_copy(path, copy, chain)
            except (sqlite3.Error, OSError) as error:
                log.error("the copy of user state %s could not be read: %s", copy, error)
                Path(f"{path}.restore").unlink(missing_ok=True)
            else:
                log.error("library %s damaged (%s); moved to %s, rebuilt from %s",
                          path, reason, moved, copy)  # fmt: skip
                return _recovery(reason, moved, str(copy), None, "copy", restored=restored)
        try:
            found = backup.restore_newest(backups, path, chain[-1].version)
        except (OSError, sqlite3.Error) as error:
            raise StoreCorrupt(f"{reason} Repair failed: {error}") from error
        log.error("library %s damaged (%s); moved to %s, restored %s", path, reason, moved,
                  found.path if found else None)  # fmt: skip
        if found is None:
            return _recovery(reason, moved, None, None, "none", restored=None)
        return _recovery(
            reason, moved, str(found.path), found.created, "backup", restored=_counted(path)
        )

    # ---------------------------------------------------------------- the copy of user state

    def _check_copy_header(self) -> None:
        """At open: a copy that is empty, cut short or not a database is rebuilt now."""
        if self.read_only:
            return
        problem = header_problem(self.copy_path)
        if problem is None:
            return
        with self._lock:
            self._replace_copy(f"The copy of user state {self.copy_path} is damaged: {problem}.")

    def _replace_copy(self, reason: str) -> None:
        """Move a damaged copy aside, write a new one from the library and say so."""
        if self._mirror is not None and self.writer is not None:
            with suppress(sqlite3.Error):
                userstate.detach(self.writer)
        self._mirror, self._mirror_tried = None, False
        moved = backup.move_aside(self.copy_path, self.clock())
        log.error("%s Moved to %s; rebuilding it from the library.", reason, moved)
        self._attach_copy()
        if self._mirror is None:
            raise StoreCorrupt(f"{reason} Kabar could not write a new copy.")
        with self._lock:
            counted = userstate.counts(self.reader())
        self.recovery = StoreRecovery(
            reason=_short(reason), moved_to=str(moved), restored_from=str(self.path),
            backup_time=None, damaged="copy", source="library",
            saved=counted[0], saved_with_text=counted[1], starred=counted[2], read=counted[3],
        )  # fmt: skip

    def _attach_copy(self) -> None:
        """Attach the copy to the writer (first write of this store); never twice."""
        if self._mirror_tried or self.writer is None:
            return
        self._mirror_tried = True
        try:
            self._mirror = userstate.Mirror.attach(
                self.writer, self.copy_path, schema_version=user_version(self.writer)
            )
        except (sqlite3.Error, OSError) as error:
            if isinstance(error, sqlite3.Error) and is_corruption(error):
                self._replace_copy(f"The copy of user state {self.copy_path} is damaged: {error}.")
                return
            # A copy that cannot be written (disk full, permissions) must not stop saving;
            # the next start tries again and rebuilds it from the library.
            log.warning("the copy of user state %s is not written: %s", self.copy_path, error)

    def check_copy(self) -> StoreRecovery | None:
        """``quick_check`` the copy (in the background, with the library's); a damaged copy
        is moved aside and rebuilt from the library. Returns what was done, if anything."""
        if self.read_only or self.writer is None:
            return None
        with self._lock:
            before = self.recovery
            self._attach_copy()  # a copy too damaged to attach is replaced right here
            if self.recovery is not before:
                return self.recovery
            if self._mirror is None:
                return None
            try:
                problem = userstate.check(self.writer)
            except sqlite3.Error as error:
                problem = str(error)
            if problem is None:
                return None
            self._replace_copy(f"The copy of user state {self.copy_path} is damaged ({problem}).")
            return self.recovery

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
            if self.disk_full:
                raise DiskFull(
                    f"The disk is full ({self.path}); Kabar can show what is in the library but "
                    "cannot save anything. Free some space and try again."
                )
            raise StoreReadOnly(
                f"The library {self.path} is read-only; Kabar can show what is there "
                "but cannot save."
            )
        with self._lock:
            conn = self.writer
            if conn.in_transaction:  # nested: the outer block commits
                yield conn
                return
            self._attach_copy()
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                if self._mirror is not None:
                    self._mirror.before_commit(conn)
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


def _create(path: Path, chain: list[Migration]) -> None:
    """Create a new library atomically (built aside, then linked into place), so a
    library file that exists is never legitimately empty: a 0-byte file is damage."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.new")
    try:
        conn = connect(tmp)
        try:
            enable_wal(conn, tmp)
            apply_migrations(conn, chain)
        finally:
            conn.close()
        with suppress(FileExistsError):  # another process made it first: use theirs
            os.link(tmp, path)
        backup.fsync_dir(path.parent)
    except (sqlite3.Error, OSError) as error:
        raise translate(error, path) from error
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _restore_from_copy(path: Path, copy: Path, chain: list[Migration]) -> userstate.Restored:
    """A new library at ``path``, filled from the copy of user state."""
    tmp = Path(f"{path}.restore")
    tmp.unlink(missing_ok=True)
    conn = connect(tmp)
    try:
        enable_wal(conn, tmp)
        apply_migrations(conn, chain)
        restored = userstate.restore(conn, copy)
        cache.recount(conn)  # the restored rows came in with the counting triggers off
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    backup.finish(tmp, path)
    return restored


def _counted(path: Path) -> userstate.Restored | None:
    """What a restored backup holds (for the message); None if it cannot be read."""
    try:
        conn = connect(path, read_only=True)
    except StoreError:
        return None
    try:
        return userstate.Restored({}, *userstate.counts(conn))
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _recovery(
    reason: str,
    moved: Path,
    restored_from: str | None,
    backup_time: datetime | None,
    source: str,
    *,
    restored: userstate.Restored | None,
) -> StoreRecovery:
    rows = restored.rows if restored else {}
    return StoreRecovery(
        reason=_short(reason),
        moved_to=str(moved),
        restored_from=restored_from,
        backup_time=backup_time,
        source=source,  # type: ignore[arg-type]
        saved=restored.saved if restored else 0,
        saved_with_text=restored.saved_with_text if restored else 0,
        starred=restored.starred if restored else 0,
        read=restored.read if restored else 0,
        sources=rows.get("sources", 0),
        folders=rows.get("folders", 0),
        collections=max(0, rows.get("collections", 0) - 1),  # "Read later" is built in
        other=tuple((name, n) for name, n in sorted(rows.items()) if n and name not in _TOLD_APART),
    )


def _short(reason: str) -> str:
    """What is wrong, without the sentence around it ("it is cut short")."""
    if "damaged: " in reason:
        return reason.split("damaged: ", 1)[1].rstrip(".")
    if "damaged (" in reason:
        return reason.split("damaged (", 1)[1].rsplit(")", 1)[0]
    return reason.rstrip(".")


#: Tables the recovery message counts by name; other user-state tables are listed with rows.
_TOLD_APART = frozenset({"article_state", "collections", "collection_items", "folders", "sources"})


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
