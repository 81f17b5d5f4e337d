"""SQLite connections, pragmas, error mapping and migrations for the library file.

Pragmas, and why:

* ``journal_mode=WAL``: readers never block the writer and vice versa, so the
  window, a background refresh and a ``kabar`` command can share one library.
* ``synchronous=FULL``: in WAL mode NORMAL may roll back the last commits after
  a power cut (bad-inputs.md §1.7). "Nothing the user saved is ever lost" wins
  over the ~1 ms fsync per commit; bulk work batches commits anyway.
* ``foreign_keys=ON``: cache rows cascade from ``articles`` (eviction relies on it).
* ``busy_timeout``: wait for another process' transaction instead of failing at once.
* ``auto_vacuum=INCREMENTAL`` (new files only): eviction can hand pages back to the
  file system with ``incremental_vacuum`` instead of a full VACUUM.

Writes use ``isolation_level=None`` and an explicit ``BEGIN IMMEDIATE``: a deferred
transaction that reads then writes fails with SQLITE_BUSY_SNAPSHOT without ever
calling the busy handler.
"""

from __future__ import annotations

import errno
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import DiskFull, StoreBusy, StoreCorrupt, StoreError, StoreReadOnly

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
_MIGRATION_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def bundled_migrations() -> list[Migration]:
    """The numbered ``migrations/NNNN_name.sql`` files shipped with the package.

    Read at every open, so from the folder beside this module when there is one (a
    checkout, a wheel, the PyInstaller build); only a zipped package needs
    :mod:`importlib.resources`, whose imports cost more than reading the files.
    """
    folder: Traversable = Path(__file__).with_name("migrations")
    if not folder.is_dir():
        import importlib.resources  # noqa: PLC0415

        folder = importlib.resources.files("reader.core.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_RE.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbers have a gap before {migration.name}")
    return found


def _uri(path: Path, *, read_only: bool, immutable: bool = False) -> str:
    mode = "ro" if read_only else "rwc"
    return f"{path.absolute().as_uri()}?mode={mode}" + ("&immutable=1" if immutable else "")


def connect(
    path: Path, *, read_only: bool = False, same_thread: bool = True, immutable: bool = False
) -> sqlite3.Connection:
    """A configured connection; raises a :class:`StoreError` subclass on failure.

    ``immutable`` is for a library in a folder nobody can write to: SQLite then
    cannot create the WAL index it needs for a normal read-only open.
    """
    try:
        conn = sqlite3.connect(
            _uri(path, read_only=read_only, immutable=immutable),
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=same_thread,
            cached_statements=256,
        )
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.Error as error:
        conn.close()
        raise translate(error, path) from error
    return conn


def enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    try:
        if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # only possible before any table
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.Error as error:
        raise translate(error, path) from error
    if str(mode).lower() != "wal":
        raise StoreError(f"The library {path} cannot use write-ahead logging (mode {mode}).")


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (triggers' inner ``;`` included)."""
    found, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                found.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()
    ):
        raise ValueError(f"incomplete SQL statement: {buffer.strip()[:80]!r}")
    return found


def apply_migrations(conn: sqlite3.Connection, migrations: list[Migration]) -> int:
    """Bring the file up to the newest of ``migrations``; returns the version found.

    The version is read again *after* ``BEGIN IMMEDIATE`` (the write lock), so two
    processes opening an old library at once cannot both migrate it. All pending
    steps and the version bump are one transaction: either everything lands or
    nothing does (a crash or an error leaves the old schema and data as they were).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(conn)
        pending = [m for m in migrations if m.version > version]
        for migration in pending:
            for statement in statements(migration.sql):
                conn.execute(statement)
        if pending:
            conn.execute(f"PRAGMA user_version = {pending[-1].version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return version


def has_sqlite_header(path: Path) -> bool:
    """False for a non-empty file that does not start with SQLite's magic string."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return head in (b"", SQLITE_HEADER)


def header_problem(path: Path) -> str | None:
    """What is wrong with the file at ``path`` judging by its size and 100-byte header,
    or None (also when it does not exist: a new library). Reads 100 bytes: cheap enough
    for every start, and it catches what a crash, a full disk or a bad copy leaves most
    often (a 0-byte file, a cut-short file, a foreign or garbage header) without the
    full ``quick_check``. Damage inside pages needs ``quick_check``."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"
    if size == 0:
        return "it is empty (0 bytes)"
    if head[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        return "it is not a SQLite database (its header is damaged)"
    if len(head) < 100:
        return "it is cut short"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    declared = int.from_bytes(head[28:32], "big")
    declared_valid = head[24:28] == head[92:96]
    if size % page_size or (declared_valid and size < declared * page_size):
        return "it is cut short"
    return None


_CORRUPT = ("file is not a database", "malformed", "database corruption", "SQLITE_CORRUPT",
            "SQLITE_NOTADB")  # fmt: skip


def is_corruption(error: BaseException) -> bool:
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or any(s in text for s in _CORRUPT)


#: Free bytes under which an I/O error is taken for a full disk (SQLite says only "disk
#: I/O error" when it cannot create or grow the WAL index on a full disk).
FULL_DISK_BYTES = 256 * 1024


def disk_is_full(path: Path | None) -> bool:
    """True when the file system holding ``path`` has (almost) no free space left."""
    if path is None:
        return False
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < FULL_DISK_BYTES
    except OSError:
        return False


def translate(error: BaseException, path: Path | None = None) -> StoreError:
    """Map sqlite3/OS errors to our typed store errors (one plain sentence each)."""
    where = f" ({path})" if path else ""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    if isinstance(error, StoreError):
        return error
    os_errno = error.errno if isinstance(error, OSError) else None
    if (
        os_errno == errno.ENOSPC
        or name == "SQLITE_FULL"
        or "database or disk is full" in text
        or ((name.startswith("SQLITE_IOERR") or "disk I/O error" in text) and disk_is_full(path))
    ):
        return DiskFull(
            f"The disk is full{where}; nothing was saved. Free some space and try again."
        )
    if name.startswith("SQLITE_BUSY") or "database is locked" in text:
        return StoreBusy("The library is busy in another Kabar process; try again in a moment.")
    if (
        name.startswith("SQLITE_READONLY")
        or "readonly database" in text
        or os_errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    ):
        return StoreReadOnly(
            f"The library{where} is read-only; Kabar can show what is there but cannot save."
        )
    if is_corruption(error):
        return StoreCorrupt(f"The library file{where} is damaged: {text}.")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return StoreReadOnly(f"Kabar cannot open or create the library{where}: {text}.")
    return StoreError(f"The library{where} failed: {text}.")
