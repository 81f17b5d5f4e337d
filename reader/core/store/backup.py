"""Backups of the library file, and recovery from a damaged one.

Two kinds of backup live in ``DataPaths.backups``:

* ``premigrate``: a full online copy (SQLite backup API) taken before a schema
  migration, so an upgrade can always be undone by hand.
* ``rolling``: taken at most once a day, a few kept. It holds *everything the
  user cannot get back*: all user-state tables (read/starred, collections, and any
  table added later) plus the cached content of saved and starred articles. The
  rest of the cache is left out: it is re-fetchable, and copying gigabytes of it
  daily would cost more disk than it protects. Images are content-addressed files
  outside the database, so a damaged database never takes them along.

File names sort by time: ``library-20261127T183000123456Z-v1-rolling.sqlite3``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.core.store.cache import recount
from reader.core.store.db import Migration, apply_migrations, connect, has_sqlite_header, translate

ROLLING_KEEP = 3
PREMIGRATE_KEEP = 2

#: Rows of cache tables that a rolling backup keeps (all other tables are copied whole).
_PINNED = (
    "url IN (SELECT url FROM src.collection_items)"
    " OR url IN (SELECT url FROM src.article_state WHERE starred = 1)"
)
_OF_KEPT_ARTICLES = "article_id IN (SELECT id FROM main.articles)"
CACHE_FILTERS = {
    "articles": _PINNED,
    "article_urls": _OF_KEPT_ARTICLES,
    "article_bodies": _OF_KEPT_ARTICLES,
    "article_related": _OF_KEPT_ARTICLES,
    "article_images": _OF_KEPT_ARTICLES,
    "images": "id IN (SELECT image_id FROM main.article_images)",
    "article_fts": "rowid IN (SELECT id FROM main.articles)",
    # Story grouping state is derived from the cache: a restored library groups again.
    # (story_choices, the reader's splits and merges, is user state and copied whole.)
    "story_stats": "0",
    "story_terms": "0",
    "stories": "0",
    "story_postings": "0",
    "story_articles": "0",
    # The cache's size is counted again from the rows this backup keeps (cache.recount).
    "cache_totals": "0",
}
#: Copy order where it matters (filters read tables copied before them).
_FIRST = ("articles", "article_urls", "article_bodies", "article_related", "article_images")


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    created: datetime
    version: int
    kind: str


def _stamp(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y%m%dT%H%M%S%fZ")


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform/file system allows it
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def list_backups(folder: Path, kind: str | None = None) -> list[BackupFile]:
    """Backups in ``folder``, newest first."""
    found = []
    if not folder.is_dir():
        return []
    for path in folder.glob("library-*-v*-*.sqlite3"):
        try:
            _, stamp, version, rest = path.stem.split("-", 3)
            created = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
            found.append(BackupFile(path, created, int(version.removeprefix("v")), rest))
        except ValueError:
            continue
    found.sort(key=lambda b: b.created, reverse=True)
    return [b for b in found if kind is None or b.kind == kind]


def _prune(folder: Path, kind: str, keep: int) -> None:
    for old in list_backups(folder, kind)[keep:]:
        old.path.unlink(missing_ok=True)


def _target(folder: Path, version: int, kind: str, now: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"library-{_stamp(now)}-v{version}-{kind}.sqlite3"


def finish(tmp: Path, target: Path) -> None:
    _fsync_file(tmp)
    tmp.replace(target)
    fsync_dir(target.parent)


def full_copy(conn: sqlite3.Connection, folder: Path, version: int, now: float) -> Path:
    """A consistent copy of the whole database (safe while others read or write)."""
    target = _target(folder, version, "premigrate", now)
    tmp = target.with_suffix(".tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        finish(tmp, target)
    except (sqlite3.Error, OSError) as error:
        tmp.unlink(missing_ok=True)
        raise translate(error, target) from error
    _prune(folder, "premigrate", PREMIGRATE_KEEP)
    return target


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA main.table_info("{table}")')]


def rolling_backup(
    source: Path, folder: Path, migrations: list[Migration], now: float | None = None
) -> Path:
    """Copy user state and pinned cached content of ``source`` into a new backup file."""
    moment = time.time() if now is None else now
    version = migrations[-1].version
    target = _target(folder, version, "rolling", moment)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    try:
        dest = connect(tmp)
        try:
            dest.execute("PRAGMA auto_vacuum = INCREMENTAL")
            apply_migrations(dest, migrations)
            _copy_tables(dest, source)
        finally:
            dest.close()
        finish(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _prune(folder, "rolling", ROLLING_KEEP)
    return target


def _copy_tables(dest: sqlite3.Connection, source: Path) -> None:
    dest.execute("PRAGMA foreign_keys = OFF")  # rows arrive in whatever order suits the filters
    dest.execute("ATTACH DATABASE ? AS src", (f"{source.absolute().as_uri()}?mode=ro",))
    rows = dest.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if str(sql).upper().startswith("CREATE VIRTUAL")]
    shadow = {name for name, _ in rows if any(name.startswith(v + "_") for v in virtual)}
    tables = [name for name, _ in rows if name not in shadow]
    tables.sort(key=lambda t: (_FIRST.index(t) if t in _FIRST else len(_FIRST), t in virtual))
    dest.execute("BEGIN IMMEDIATE")
    for table in tables:  # rows the migrations seeded (built-in collection...) come from src
        dest.execute(f'DELETE FROM main."{table}"')
    for table in tables:
        columns = _columns(dest, table)
        names = ", ".join(f'"{c}"' for c in columns)
        if table in virtual:
            names = "rowid, " + names
        where = f" WHERE {CACHE_FILTERS[table]}" if table in CACHE_FILTERS else ""
        dest.execute(
            f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"{where}'
        )
    recount(dest)
    dest.execute("COMMIT")
    dest.execute("DETACH DATABASE src")


def is_healthy(path: Path) -> bool:
    """True if ``path`` is a readable SQLite file that passes ``quick_check``."""
    if not path.is_file() or not has_sqlite_header(path):
        return False
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def move_aside(path: Path, now: float) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; return the new name."""
    aside = path.with_name(f"{path.stem}-damaged-{_stamp(now)}{path.suffix}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    fsync_dir(path.parent)
    return aside


def restore_newest(folder: Path, target: Path, max_version: int) -> BackupFile | None:
    """Copy the newest healthy backup this code can read over ``target``."""
    for backup in list_backups(folder):
        if backup.version > max_version or not is_healthy(backup.path):
            continue
        tmp = target.with_name(target.name + ".restore")
        src = sqlite3.connect(f"{backup.path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        finish(tmp, target)
        return backup
    return None
