"""User state in a second file, written with every change (issue 13 §2).

Why: a library file can be damaged (a bad sector, a truncated copy, a crash of
the disk, a 0-byte file after a full disk). The cache in it is re-fetchable;
what the user saved is not. Daily backups lose the day; salvaging rows from a
damaged file is best effort. So every change to *user state* is also written,
in the same transaction, to a small second SQLite file beside the library
(``library.userstate.sqlite3``, "the copy"), together with the content of every
saved or starred article (its row, HTML, text, related links and picture
references; pictures themselves are content-addressed files outside both).
Damage to either file loses nothing: a damaged library is rebuilt from the
copy, a damaged copy is rebuilt from the library.

How:

* **Registration.** A user-state table is registered once, in the migration
  that creates it (``0007_user_state.sql`` says how)::

      INSERT INTO user_state_tables (name, columns) VALUES ('my_table', NULL);

* **Writing.** The store's one writer connection ATTACHes the copy on its
  first write and creates TEMP triggers on every registered table that repeat
  each insert, update and delete there; the copy's rows change in the same
  transaction as the library's (:meth:`Mirror.before_commit` also copies the
  content of articles that became, or are, saved or starred). A transaction
  that touches no user state does not write the copy at all.
* **Staying in step.** Both files count user-state transactions
  (``user_state_generation``); a copy whose count differs (a crash between the
  two files' commits, a write by another program, a schema upgrade) is
  rebuilt from the library when attached.
* **Restoring.** :func:`restore` builds a new library from the copy: every
  registered table, then the saved and starred articles with their text, with
  the library's triggers off (so sync does not take restored marks for new
  changes).

Cost: nothing on opening or reading (the copy is attached at the first write);
a few index lookups per stored article (is it saved or starred?); a second
small write only when user state changes.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA = "userstate"
#: The cache tables whose rows of saved and starred articles the copy holds, in copy order.
CONTENT = ("articles", "article_urls", "article_bodies", "article_related", "images",
           "article_images")  # fmt: skip
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: TEMP triggers may write other databases' tables only by unqualified names, so every
#: table of the copy has a name of its own: ``copy_<table>``, ``pinned_<table>``.
_DIRTY = "kabar_userstate_dirty"
_PINNED = (
    "(EXISTS (SELECT 1 FROM main.collection_items WHERE url = {u})"
    " OR EXISTS (SELECT 1 FROM main.article_state WHERE url = {u} AND starred = 1))"
)


def _q(name: str) -> str:
    if not _NAME_RE.match(name):
        raise ValueError(f"not a plain SQL name: {name!r}")
    return f'"{name}"'


@dataclass(frozen=True, slots=True)
class Registered:
    """One user-state table: the columns copied and its key."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    all_columns: bool


def _table_info(conn: sqlite3.Connection, schema: str, table: str) -> list[tuple[str, int]]:
    """(column, position in the primary key or 0) of ``schema.table``; [] if absent."""
    rows = conn.execute(f"PRAGMA {schema}.table_info({_q(table)})").fetchall()
    return [(str(r[1]), int(r[5])) for r in rows]


def registry(conn: sqlite3.Connection, schema: str = "main") -> list[Registered]:
    """The registered user-state tables of ``schema`` (empty before migration 0006)."""
    if not _table_info(conn, schema, "user_state_tables"):
        return []
    found = []
    for name, wanted in conn.execute(
        f"SELECT name, columns FROM {schema}.user_state_tables ORDER BY name"
    ):
        info = _table_info(conn, schema, name) if _NAME_RE.match(name) else []
        key = tuple(c for c, pk in sorted(info, key=lambda i: i[1]) if pk)
        if not info or not key:
            log.warning("user-state table %r is not in the library or has no key", name)
            continue
        names = [c for c, _ in info]
        chosen = names if wanted is None else [c for c in names if c in wanted.split()]
        columns = tuple(dict.fromkeys([*key, *chosen]))
        found.append(Registered(name, columns, key, wanted is None))
    return found


def mirror_path(library: Path) -> Path:
    """Where the copy of ``library`` lives: ``library.sqlite3`` → ``library.userstate.sqlite3``."""
    return library.with_name(f"{library.stem}.userstate{library.suffix}")


# -- the copy's schema ---------------------------------------------------------------------


def _create_copy_table(
    conn: sqlite3.Connection, source: str, target: str, columns: Iterable[str], key: Iterable[str]
) -> None:
    cols = ", ".join(_q(c) for c in columns)
    keys = ", ".join(_q(c) for c in key)
    conn.execute(f"CREATE TABLE {SCHEMA}.{_q(target)} ({cols}, PRIMARY KEY ({keys}))")
    log.debug("copy table %s for %s", target, source)


def _content_layout(conn: sqlite3.Connection) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    layout = {}
    for table in CONTENT:
        info = _table_info(conn, "main", table)
        layout[table] = (
            tuple(c for c, _ in info),
            tuple(c for c, pk in sorted(info, key=lambda i: i[1]) if pk),
        )
    return layout


def _ensure_schema(conn: sqlite3.Connection, tables: list[Registered]) -> bool:
    """Create or adapt the copy's tables; True when they changed (a full copy is due)."""
    changed = False
    conn.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.kabar_meta (key TEXT PRIMARY KEY, value)")
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {SCHEMA}.kabar_tables (name TEXT PRIMARY KEY, columns TEXT)"
    )
    wanted: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
        f"copy_{t.name}": (t.columns, t.key) for t in tables
    }
    for table, layout in _content_layout(conn).items():
        wanted[f"pinned_{table}"] = layout
    wanted["pinned_text"] = (("id", "title", "outlet", "body"), ("id",))
    for target, (columns, key) in wanted.items():
        have = _table_info(conn, SCHEMA, target)
        if [c for c, _ in have] == list(columns):
            continue
        if have:
            conn.execute(f"DROP TABLE {SCHEMA}.{_q(target)}")
        _create_copy_table(conn, target, target, columns, key)
        changed = True
    registered = {t.name: " ".join(t.columns) for t in tables}
    recorded = dict(conn.execute(f"SELECT name, columns FROM {SCHEMA}.kabar_tables").fetchall())
    if recorded != registered:
        conn.execute(f"DELETE FROM {SCHEMA}.kabar_tables")
        conn.executemany(
            f"INSERT INTO {SCHEMA}.kabar_tables (name, columns) VALUES (?, ?)",
            registered.items(),
        )
        changed = True
    return changed


def _meta(conn: sqlite3.Connection, key: str) -> object:
    row = conn.execute(f"SELECT value FROM {SCHEMA}.kabar_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def _set_meta(conn: sqlite3.Connection, key: str, value: object) -> None:
    conn.execute(
        f"INSERT OR REPLACE INTO {SCHEMA}.kabar_meta (key, value) VALUES (?, ?)", (key, value)
    )


def _generation(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT generation FROM main.user_state_generation").fetchone()
    return int(row[0]) if row else 0


# -- triggers --------------------------------------------------------------------------------


def _mark(url: str) -> str:
    """A trigger statement noting that ``url`` (``''``: any user state) changed."""
    return (
        f"INSERT INTO {_DIRTY} (url) SELECT {url}"
        f" WHERE NOT EXISTS (SELECT 1 FROM {_DIRTY} WHERE url = {url});"
    )


def _row_triggers(table: Registered) -> list[str]:
    name, t, copy = table.name, _q(table.name), _q(f"copy_{table.name}")
    cols = ", ".join(_q(c) for c in table.columns)
    new = ", ".join(f"NEW.{_q(c)}" for c in table.columns)
    match = " AND ".join(f"{_q(c)} IS OLD.{_q(c)}" for c in table.key)
    dirty = _mark("''")
    # No OR-clauses inside triggers: the outer statement's conflict clause overrides
    # them (an upsert's would turn OR REPLACE into ABORT), so delete, then insert.
    put = (
        f"DELETE FROM {copy} WHERE "
        + " AND ".join(f"{_q(c)} IS NEW.{_q(c)}" for c in table.key)
        + f"; INSERT INTO {copy} ({cols}) VALUES ({new});"
    )
    drop = f"DELETE FROM {copy} WHERE {match};"
    of = "" if table.all_columns else " OF " + ", ".join(_q(c) for c in table.columns)
    head = f'CREATE TEMP TRIGGER "kabar_us_{name}'
    return [
        f'{head}_ins" AFTER INSERT ON main.{t} BEGIN {put} {dirty} END',
        f'{head}_upd" AFTER UPDATE{of} ON main.{t} BEGIN {drop} {put} {dirty} END',
        f'{head}_del" AFTER DELETE ON main.{t} BEGIN {drop} {dirty} END',
    ]


def _content_triggers() -> list[str]:
    """Mark articles whose saved copy must be written (or dropped) at commit."""

    mark = _mark
    by_id = "(SELECT url FROM main.articles WHERE id = NEW.article_id)"
    return [
        f"CREATE TEMP TRIGGER kabar_pin_article_ins AFTER INSERT ON main.articles"
        f" WHEN {_PINNED.format(u='NEW.url')} BEGIN {mark('NEW.url')} END",
        f"CREATE TEMP TRIGGER kabar_pin_article_upd AFTER UPDATE ON main.articles"
        f" WHEN {_PINNED.format(u='NEW.url')} BEGIN {mark('NEW.url')} END",
        f"CREATE TEMP TRIGGER kabar_pin_images AFTER INSERT ON main.article_images"
        f" WHEN {_PINNED.format(u=by_id)} BEGIN {mark(by_id)} END",
        f"CREATE TEMP TRIGGER kabar_pin_item_ins AFTER INSERT ON main.collection_items"
        f" BEGIN {mark('NEW.url')} END",
        f"CREATE TEMP TRIGGER kabar_pin_item_upd AFTER UPDATE OF url ON main.collection_items"
        f" BEGIN {mark('OLD.url')} {mark('NEW.url')} END",
        f"CREATE TEMP TRIGGER kabar_pin_item_del AFTER DELETE ON main.collection_items"
        f" BEGIN {mark('OLD.url')} END",
        f"CREATE TEMP TRIGGER kabar_pin_star_ins AFTER INSERT ON main.article_state"
        f" WHEN NEW.starred = 1 BEGIN {mark('NEW.url')} END",
        f"CREATE TEMP TRIGGER kabar_pin_star_upd AFTER UPDATE OF starred, url ON main.article_state"
        f" WHEN NEW.starred IS NOT OLD.starred OR NEW.url IS NOT OLD.url"
        f" BEGIN {mark('OLD.url')} {mark('NEW.url')} END",
        f"CREATE TEMP TRIGGER kabar_pin_star_del AFTER DELETE ON main.article_state"
        f" WHEN OLD.starred = 1 BEGIN {mark('OLD.url')} END",
    ]


# -- copying articles ------------------------------------------------------------------------


def _drop_article(conn: sqlite3.Connection, url: str, schema: str) -> None:
    row = conn.execute(f"SELECT id FROM {schema}.pinned_articles WHERE url = ?", (url,)).fetchone()
    if row is None:
        return
    for table in ("article_urls", "article_bodies", "article_related", "article_images"):
        conn.execute(f"DELETE FROM {schema}.pinned_{table} WHERE article_id = ?", (row[0],))
    conn.execute(f"DELETE FROM {schema}.pinned_text WHERE id = ?", (row[0],))
    conn.execute(f"DELETE FROM {schema}.pinned_articles WHERE id = ?", (row[0],))


def _copy_articles(conn: sqlite3.Connection, where: str, params: tuple[object, ...] = ()) -> None:
    """Copy the content of the main articles matching ``where`` (on ``a``) into the copy."""
    layout = _content_layout(conn)
    chosen = f"SELECT a.id FROM main.articles a WHERE {where}"
    for table in CONTENT:
        cols = ", ".join(_q(c) for c in layout[table][0])
        if table == "articles":
            filter_ = f"id IN ({chosen})"
        elif table == "images":
            filter_ = (
                f"id IN (SELECT image_id FROM main.article_images WHERE article_id IN ({chosen}))"
            )
        else:
            filter_ = f"article_id IN ({chosen})"
        conn.execute(
            f"INSERT OR REPLACE INTO {SCHEMA}.pinned_{table} ({cols})"
            f" SELECT {cols} FROM main.{table} WHERE {filter_}",
            params,
        )
    conn.execute(
        f"INSERT OR REPLACE INTO {SCHEMA}.pinned_text (id, title, outlet, body)"
        f" SELECT rowid, title, outlet, body FROM main.article_fts WHERE rowid IN ({chosen})",
        params,
    )


def _refresh_article(conn: sqlite3.Connection, url: str) -> None:
    _drop_article(conn, url, SCHEMA)
    pinned = conn.execute(f"SELECT {_PINNED.format(u='?')}", (url, url)).fetchone()[0]
    if pinned:
        _copy_articles(conn, "a.url = ?", (url,))


# -- the attached copy ------------------------------------------------------------------------


class Mirror:
    """The copy attached to the writer connection. Build it with :meth:`attach`."""

    def __init__(self, tables: list[Registered]) -> None:
        self.tables = tables

    @classmethod
    def attach(cls, conn: sqlite3.Connection, path: Path, *, schema_version: int) -> Mirror | None:
        """Attach (creating if needed) the copy at ``path`` to the writer ``conn``.

        Must run outside a transaction. Returns None when the library has no
        registry (an old schema). A copy that fell behind or has another layout
        is rebuilt from the library. Raises ``sqlite3.Error`` / ``OSError``.
        """
        tables = registry(conn)
        if not tables:
            return None
        conn.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (f"{path.absolute().as_uri()}?mode=rwc",))
        try:
            if conn.execute(f"PRAGMA {SCHEMA}.page_count").fetchone()[0] == 0:
                conn.execute(f"PRAGMA {SCHEMA}.auto_vacuum = INCREMENTAL")
            conn.execute(f"PRAGMA {SCHEMA}.journal_mode = WAL").fetchone()
            conn.execute(f"PRAGMA {SCHEMA}.synchronous = FULL")
            mirror = cls(tables)
            conn.execute("BEGIN IMMEDIATE")
            try:
                changed = _ensure_schema(conn, tables)
                stale = (
                    _meta(conn, "generation") != _generation(conn)
                    or _meta(conn, "schema") != schema_version
                )
                if changed or stale:
                    mirror.copy_all(conn, schema_version)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_DIRTY} (url TEXT PRIMARY KEY)")
            for statement in mirror.triggers():
                conn.execute(statement)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                detach(conn)
            raise
        return mirror

    def triggers(self) -> list[str]:
        statements = [s for t in self.tables for s in _row_triggers(t)]
        return statements + _content_triggers()

    def copy_all(self, conn: sqlite3.Connection, schema_version: int) -> None:
        """Make the copy equal to the library (inside the caller's transaction)."""
        log.info("writing the copy of user state from the library")
        for table in self.tables:
            cols = ", ".join(_q(c) for c in table.columns)
            copy = _q(f"copy_{table.name}")
            conn.execute(f"DELETE FROM {SCHEMA}.{copy}")
            conn.execute(
                f"INSERT INTO {SCHEMA}.{copy} ({cols}) SELECT {cols} FROM main.{_q(table.name)}"
            )
        for content in (*CONTENT, "text"):
            conn.execute(f"DELETE FROM {SCHEMA}.pinned_{content}")
        _copy_articles(conn, _PINNED.format(u="a.url"))
        _set_meta(conn, "generation", _generation(conn))
        _set_meta(conn, "schema", schema_version)

    def before_commit(self, conn: sqlite3.Connection) -> None:
        """Copy what this transaction changed about saved articles; advance both counters."""
        dirty = conn.execute(f"SELECT url FROM {_DIRTY}").fetchall()
        if not dirty:
            return
        for (url,) in dirty:
            if url:
                _refresh_article(conn, url)
        conn.execute("UPDATE main.user_state_generation SET generation = generation + 1")
        _set_meta(conn, "generation", _generation(conn))
        conn.execute(f"DELETE FROM {_DIRTY}")


def detach(conn: sqlite3.Connection) -> None:
    """Drop the TEMP triggers and detach the copy (the connection is left as it was)."""
    for (name,) in conn.execute(
        "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'kabar_%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER temp.{_q(name)}")
    conn.execute(f"DETACH DATABASE {SCHEMA}")


# -- checking and restoring --------------------------------------------------------------------


def check(conn: sqlite3.Connection) -> str | None:
    """``quick_check`` of the attached copy: None when healthy, else what is wrong."""
    rows = conn.execute(f"PRAGMA {SCHEMA}.quick_check").fetchall()
    result = [str(r[0]) for r in rows]
    return None if result == ["ok"] else result[0]


@dataclass(frozen=True, slots=True)
class Restored:
    """What :func:`restore` put back: rows per table of the new library."""

    rows: dict[str, int]
    saved: int
    saved_with_text: int
    starred: int
    read: int


def restore(conn: sqlite3.Connection, copy: Path) -> Restored:
    """Fill the fresh library on ``conn`` (migrated, empty) from the copy at ``copy``.

    Every table the copy holds that the library knows, with the columns both
    have; then the saved and starred articles with their text. The library's
    own triggers are dropped for the time and put back after, so restored
    rows are not taken for new changes (sync's pending-changes triggers).
    """
    conn.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (f"{copy.absolute().as_uri()}?mode=ro",))
    triggers = conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'"
    ).fetchall()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER main.{_q(name)}")
        rows: dict[str, int] = {}
        for name, columns in conn.execute(f"SELECT name, columns FROM {SCHEMA}.kabar_tables"):
            known = {c for c, _ in _table_info(conn, "main", name)}
            cols = [c for c in str(columns).split() if c in known]
            if not cols:
                continue
            listed = ", ".join(_q(c) for c in cols)
            conn.execute(f"DELETE FROM main.{_q(name)}")
            conn.execute(
                f"INSERT OR REPLACE INTO main.{_q(name)} ({listed})"
                f" SELECT {listed} FROM {SCHEMA}.{_q('copy_' + name)}"
            )
            rows[name] = conn.execute(f"SELECT count(*) FROM main.{_q(name)}").fetchone()[0]
        for table in CONTENT:
            here = [c for c, _ in _table_info(conn, "main", table)]
            there = {c for c, _ in _table_info(conn, SCHEMA, f"pinned_{table}")}
            listed = ", ".join(_q(c) for c in here if c in there)
            conn.execute(
                f"INSERT OR REPLACE INTO main.{table} ({listed})"
                f" SELECT {listed} FROM {SCHEMA}.pinned_{table}"
            )
        conn.execute(
            "INSERT INTO main.article_fts (rowid, title, outlet, body)"
            f" SELECT id, title, outlet, body FROM {SCHEMA}.pinned_text"
            " WHERE id IN (SELECT id FROM main.articles)"
        )
        generation = conn.execute(
            f"SELECT value FROM {SCHEMA}.kabar_meta WHERE key = 'generation'"
        ).fetchone()
        conn.execute(
            "UPDATE main.user_state_generation SET generation = ?",
            (int(generation[0]) if generation else 0,),
        )
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"DETACH DATABASE {SCHEMA}")
    return Restored(rows, *counts(conn))


def counts(conn: sqlite3.Connection) -> tuple[int, int, int, int]:
    """(saved articles, saved articles with their text, starred, read) in ``conn``'s library."""
    saved, with_text = conn.execute(
        "SELECT count(DISTINCT ci.url), count(DISTINCT CASE WHEN b.article_id IS NOT NULL"
        " AND length(f.body) > 0 THEN ci.url END)"
        " FROM collection_items ci LEFT JOIN articles a ON a.url = ci.url"
        " LEFT JOIN article_bodies b ON b.article_id = a.id"
        " LEFT JOIN article_fts f ON f.rowid = a.id"
    ).fetchone()
    starred = conn.execute("SELECT count(*) FROM article_state WHERE starred = 1").fetchone()[0]
    read = conn.execute("SELECT count(*) FROM article_state WHERE read = 1").fetchone()[0]
    return int(saved), int(with_text), int(starred), int(read)
