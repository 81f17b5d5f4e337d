"""Typed queries for collections (user state: never touched by eviction)."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import UTC, datetime
from typing import Any

from reader.core.errors import CollectionError
from reader.core.models import CollectionInfo, Headline
from reader.core.store.articles import ts
from reader.core.store.rules import HIGHLIGHTED

MAX_NAME = 200


def name_key(name: str) -> str:
    """Case- and width-insensitive identity of a collection name."""
    return unicodedata.normalize("NFKC", " ".join(name.split())).casefold()


def clean_name(name: str) -> str:
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned or not cleaned.isprintable():
        raise CollectionError(f"{name!r} is not a usable collection name.")
    if len(cleaned) > MAX_NAME:
        raise CollectionError(f"A collection name can have at most {MAX_NAME} characters.")
    return cleaned


def _info(row: Any) -> CollectionInfo:
    return CollectionInfo(
        id=int(row[0]),
        name=str(row[1]),
        builtin=row[2] is not None,
        count=int(row[3]),
        created_at=datetime.fromtimestamp(float(row[4]), UTC),
        last_added_at=ts(row[5]),
    )


_INFO_SQL = """
    SELECT c.id, c.name, c.builtin, count(ci.url), c.created_at, max(ci.added_at)
    FROM collections c LEFT JOIN collection_items ci ON ci.collection_id = c.id
"""


def all_collections(conn: sqlite3.Connection) -> list[CollectionInfo]:
    """Built-in first, then by name."""
    rows = conn.execute(
        _INFO_SQL + " GROUP BY c.id ORDER BY c.builtin IS NULL, c.name_key"
    ).fetchall()
    return [_info(r) for r in rows]


def find(conn: sqlite3.Connection, name: str) -> CollectionInfo | None:
    row = conn.execute(
        _INFO_SQL + " WHERE c.name_key = ? GROUP BY c.id", (name_key(name),)
    ).fetchone()
    return None if row is None else _info(row)


def require(conn: sqlite3.Connection, name: str) -> CollectionInfo:
    found = find(conn, name)
    if found is None:
        raise CollectionError(f"There is no collection called {name!r}.")
    return found


def create(conn: sqlite3.Connection, name: str, now: float) -> CollectionInfo:
    cleaned = clean_name(name)
    if find(conn, cleaned) is not None:
        raise CollectionError(f"A collection called {cleaned!r} already exists.")
    conn.execute(
        "INSERT INTO collections (name, name_key, created_at) VALUES (?, ?, ?)",
        (cleaned, name_key(cleaned), now),
    )
    return require(conn, cleaned)


def ensure(conn: sqlite3.Connection, name: str, now: float) -> CollectionInfo:
    return find(conn, name) or create(conn, name, now)


def rename(conn: sqlite3.Connection, old: str, new: str) -> CollectionInfo:
    current = require(conn, old)
    if current.builtin:
        raise CollectionError(f"{current.name!r} is built in and cannot be renamed.")
    cleaned = clean_name(new)
    other = find(conn, cleaned)
    if other is not None and other.id != current.id:
        raise CollectionError(f"A collection called {cleaned!r} already exists.")
    conn.execute(
        "UPDATE collections SET name = ?, name_key = ? WHERE id = ?",
        (cleaned, name_key(cleaned), current.id),
    )
    return require(conn, cleaned)


def delete(conn: sqlite3.Connection, name: str) -> int:
    """Delete a collection and its items (not the articles); returns the item count."""
    current = require(conn, name)
    if current.builtin:
        raise CollectionError(f"{current.name!r} is built in and cannot be deleted.")
    conn.execute("DELETE FROM collections WHERE id = ?", (current.id,))
    return current.count


def add_item(
    conn: sqlite3.Connection, collection_id: int, url: str, *, title: str, outlet: str, now: float
) -> bool:
    """Save ``url`` in a collection; False if it was already there (keeps the first date)."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO collection_items (collection_id, url, added_at, title, outlet)"
        " VALUES (?, ?, ?, ?, ?)",
        (collection_id, url, now, title, outlet),
    )
    return cursor.rowcount > 0


def remove_item(conn: sqlite3.Connection, collection_id: int, url: str) -> bool:
    cursor = conn.execute(
        "DELETE FROM collection_items WHERE collection_id = ? AND url = ?", (collection_id, url)
    )
    return cursor.rowcount > 0


def items(
    conn: sqlite3.Connection,
    collection_id: int,
    *,
    unread_only: bool = False,
    starred_only: bool = False,
    after: Headline | None = None,
    limit: int = 200,
    offset: int = 0,
    oldest_first: bool = False,
) -> list[Headline]:
    """A collection's articles, most recently added first, or first added first
    (keyset paging with ``after``). Each keeps the title it was saved (or imported)
    with; the outlet is the library's name for it once the article is stored."""
    where = ""
    params: list[object] = [collection_id]
    if unread_only:
        where += " AND coalesce(s.read, 0) = 0"
    if starred_only:
        where += " AND s.starred = 1"
    if after is not None and after.added_at is not None:
        where += f" AND (ci.added_at, ci.url) {'>' if oldest_first else '<'} (?, ?)"
        params += [after.added_at.timestamp(), after.url]
    order = "ASC" if oldest_first else "DESC"
    rows = conn.execute(
        f"""
        SELECT ci.url, ci.title,
               coalesce(nullif(a.outlet, ''), ci.outlet), ci.added_at, a.id, a.sort_at, a.published,
               a.lead_image, a.words, coalesce(s.read, 0), coalesce(s.starred, 0),
               {HIGHLIGHTED.format(url="ci.url")}
        FROM collection_items ci
        LEFT JOIN articles a ON a.url = ci.url
        LEFT JOIN article_state s ON s.url = ci.url
        WHERE ci.collection_id = ? {where}
        ORDER BY ci.added_at {order}, ci.url {order} LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    ).fetchall()
    return [
        Headline(
            url=r[0], title=r[1], outlet=r[2], added_at=datetime.fromtimestamp(r[3], UTC),
            sort_at=datetime.fromtimestamp(r[5] if r[5] is not None else r[3], UTC),
            published=r[6], lead_image=r[7], words=r[8] or 0, read=bool(r[9]),
            starred=bool(r[10]), in_library=r[4] is not None, article_id=r[4],
            highlighted=bool(r[11]),
        )
        for r in rows
    ]  # fmt: skip
