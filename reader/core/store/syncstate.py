"""Typed queries for sync accounts and the sync base (schema: ``0003_sync.sql``).

Functions take the connection to run on, like the sibling modules; rows become small
dataclasses here and never leave as rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: The connection type the sync service passes back in (it never imports sqlite3 itself).
Connection = sqlite3.Connection

#: Placeholders per ``IN (...)`` (SQLite's default limit is far higher; this keeps
#: statements small).
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: int
    name: str
    api_url: str
    username: str
    token_store: str
    created_at: float
    synced_at: float | None
    last_error: str | None
    last_error_at: float | None
    app_id: str | None = None


@dataclass(frozen=True, slots=True)
class FeedBase:
    stream_id: str
    url_key: str
    source_id: int | None
    title: str
    folder: str
    local_title: str
    local_folder: str


@dataclass(frozen=True, slots=True)
class ItemBase:
    key: str
    stream_id: str
    article_url: str | None
    read: bool
    starred: bool


@dataclass(frozen=True, slots=True)
class Change:
    """The reader's latest change of one flag, or of one article in one collection."""

    value: bool
    changed_at: float


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


# -- accounts ----------------------------------------------------------------------------


def accounts(conn: sqlite3.Connection) -> list[AccountRow]:
    rows = conn.execute(
        "SELECT id, name, api_url, username, token_store, created_at, synced_at, last_error,"
        " last_error_at, app_id FROM sync_accounts ORDER BY id"
    ).fetchall()
    return [AccountRow(*r) for r in rows]


def insert_account(
    conn: sqlite3.Connection, *, name: str, api_url: str, username: str, token_store: str,
    now: float, app_id: str | None = None,
) -> int:  # fmt: skip
    row = conn.execute(
        "INSERT INTO sync_accounts (name, api_url, username, token_store, created_at, app_id)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (name, api_url, username, token_store, now, app_id),
    ).fetchone()
    return int(row[0])


def update_login(
    conn: sqlite3.Connection, account_id: int, *, api_url: str, token_store: str,
    app_id: str | None,
) -> None:  # fmt: skip
    """A new login for an existing account: its API, token place and application id."""
    conn.execute(
        "UPDATE sync_accounts SET api_url = ?, token_store = ?, app_id = ?, last_error = NULL,"
        " last_error_at = NULL WHERE id = ?",
        (api_url, token_store, app_id, account_id),
    )


def delete_account(conn: sqlite3.Connection, account_id: int) -> None:
    conn.execute("DELETE FROM sync_accounts WHERE id = ?", (account_id,))
    if conn.execute("SELECT 1 FROM sync_accounts LIMIT 1").fetchone() is None:
        conn.execute("DELETE FROM sync_changes")


def record_result(
    conn: sqlite3.Connection, account_id: int, now: float, *, error: str | None
) -> None:
    if error is None:
        conn.execute(
            "UPDATE sync_accounts SET synced_at = ?, last_error = NULL, last_error_at = NULL"
            " WHERE id = ?",
            (now, account_id),
        )
    else:
        conn.execute(
            "UPDATE sync_accounts SET last_error = ?, last_error_at = ? WHERE id = ?",
            (error, now, account_id),
        )


# -- the reader's queued changes -----------------------------------------------------------


def label_kind(collection: str) -> str:
    """The kind under which :func:`changes` keys an article's changes in ``collection``."""
    return f"label:{collection}"


def changes(
    conn: sqlite3.Connection,
) -> tuple[int, dict[tuple[str, str], Change]]:
    """(newest change id, latest change per (url, kind)) of the queue.

    Kinds are ``read``, ``starred`` and one :func:`label_kind` per collection (by its
    name now, so a renamed collection's changes are its new name's): saving an article
    to one collection says nothing about its other labels. A deleted collection's
    changes keep an empty name (the article counts as touched, no label matches)."""
    rows = conn.execute(
        "SELECT sc.id, sc.url, sc.kind, sc.value, sc.changed_at, c.name FROM sync_changes sc"
        " LEFT JOIN collections c ON c.id = sc.collection_id ORDER BY sc.id"
    ).fetchall()
    latest: dict[tuple[str, str], Change] = {}
    for _id, url, kind, value, at, collection in rows:
        key = label_kind(collection or "") if kind == "label" else kind
        latest[(url, key)] = Change(bool(value), float(at))
    return (int(rows[-1][0]) if rows else 0), latest


def drop_changes(conn: sqlite3.Connection, up_to: int) -> None:
    conn.execute("DELETE FROM sync_changes WHERE id <= ?", (up_to,))


def pending_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM sync_changes").fetchone()[0])


def begin_applying(conn: sqlite3.Connection, now: float) -> None:
    """Silence the change triggers for the rest of this transaction."""
    conn.execute("INSERT INTO sync_applying (since) VALUES (?)", (now,))


def end_applying(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM sync_applying")


# -- the base: subscriptions ---------------------------------------------------------------


def feeds(conn: sqlite3.Connection, account_id: int) -> list[FeedBase]:
    rows = conn.execute(
        "SELECT stream_id, url_key, source_id, title, folder, local_title, local_folder"
        " FROM sync_feeds WHERE account_id = ?",
        (account_id,),
    ).fetchall()
    return [FeedBase(*r) for r in rows]


def replace_feeds(conn: sqlite3.Connection, account_id: int, rows: Iterable[FeedBase]) -> None:
    conn.execute("DELETE FROM sync_feeds WHERE account_id = ?", (account_id,))
    conn.executemany(
        "INSERT OR REPLACE INTO sync_feeds (account_id, stream_id, url_key, source_id, title,"
        " folder, local_title, local_folder) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                account_id,
                r.stream_id,
                r.url_key,
                r.source_id,
                r.title,
                r.folder,
                r.local_title,
                r.local_folder,
            )
            for r in rows
        ],
    )


def synced_source_ids(conn: sqlite3.Connection) -> set[int]:
    """Sources whose feed the server reads (Kabar does not poll them itself)."""
    return {
        int(r[0])
        for r in conn.execute("SELECT source_id FROM sync_feeds WHERE source_id IS NOT NULL")
    }


# -- the base: items -------------------------------------------------------------------------


def items(conn: sqlite3.Connection, account_id: int) -> dict[str, ItemBase]:
    rows = conn.execute(
        "SELECT item_key, stream_id, article_url, read, starred FROM sync_items"
        " WHERE account_id = ?",
        (account_id,),
    ).fetchall()
    return {r[0]: ItemBase(r[0], r[1], r[2], bool(r[3]), bool(r[4])) for r in rows}


def put_items(conn: sqlite3.Connection, account_id: int, rows: Iterable[ItemBase]) -> None:
    conn.executemany(
        "INSERT INTO sync_items (account_id, item_key, stream_id, article_url, read, starred)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, item_key) DO UPDATE SET"
        " stream_id = excluded.stream_id, article_url = excluded.article_url,"
        " read = excluded.read, starred = excluded.starred",
        [(account_id, r.key, r.stream_id, r.article_url, int(r.read), int(r.starred))
         for r in rows],
    )  # fmt: skip


def items_without_entries(conn: sqlite3.Connection, account_id: int) -> set[str]:
    """Items of subscribed feeds whose entry the library no longer has."""
    return {
        str(r[0])
        for r in conn.execute(
            "SELECT si.item_key FROM sync_items si JOIN sync_feeds f"
            " ON f.account_id = si.account_id AND f.stream_id = si.stream_id"
            " WHERE si.account_id = ? AND f.source_id IS NOT NULL AND si.article_url IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.article_url = si.article_url"
            " AND e.source_id = f.source_id)",
            (account_id,),
        )
    }


def item_keys_for_urls(conn: sqlite3.Connection, account_id: int, urls: Iterable[str]) -> set[str]:
    """Items whose link is one of ``urls`` (state keys), directly or through the stored
    article's other addresses."""
    wanted = list(dict.fromkeys(urls))
    found: set[str] = set()
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        found.update(
            str(r[0])
            for r in conn.execute(
                f"SELECT item_key FROM sync_items WHERE account_id = ? AND (article_url IN"
                f" ({marks}) OR article_url IN (SELECT au.url FROM article_urls au JOIN articles"
                f" a ON a.id = au.article_id WHERE a.url IN ({marks})))",
                [account_id, *chunk, *chunk],
            )
        )
    return found


def item_labels(conn: sqlite3.Connection, account_id: int) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for label, key in conn.execute(
        "SELECT label, item_key FROM sync_item_labels WHERE account_id = ?", (account_id,)
    ):
        found.setdefault(label, set()).add(key)
    return found


def replace_item_labels(
    conn: sqlite3.Connection, account_id: int, labels: dict[str, set[str]]
) -> None:
    conn.execute("DELETE FROM sync_item_labels WHERE account_id = ?", (account_id,))
    conn.executemany(
        "INSERT INTO sync_item_labels (account_id, label, item_key) VALUES (?, ?, ?)",
        [(account_id, label, key) for label, keys in labels.items() for key in keys],
    )


# -- the library side ------------------------------------------------------------------------


def state_keys(conn: sqlite3.Connection, urls: Iterable[str]) -> dict[str, str]:
    """The URL user state is kept under for each canonical link: the stored article's
    identity when the article is in the library (it may have moved), else the link."""
    wanted = list(dict.fromkeys(urls))
    found = {url: url for url in wanted}
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        for link, key in conn.execute(
            f"SELECT au.url, a.url FROM article_urls au JOIN articles a ON a.id = au.article_id"
            f" WHERE au.url IN ({marks})",
            list(chunk),
        ):
            found[link] = key
    return found


def flags(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, tuple[bool, bool]]:
    """(read, starred) per state key; keys without a row are absent (unread, unstarred)."""
    wanted = list(dict.fromkeys(keys))
    found: dict[str, tuple[bool, bool]] = {}
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        for url, read, starred in conn.execute(
            f"SELECT url, read, starred FROM article_state WHERE url IN ({marks})", list(chunk)
        ):
            found[url] = (bool(read), bool(starred))
    return found


def collection_members(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Every collection's name with the state keys of the articles saved in it."""
    found: dict[str, set[str]] = {
        str(r[0]): set() for r in conn.execute("SELECT name FROM collections")
    }
    for name, url in conn.execute(
        "SELECT c.name, ci.url FROM collection_items ci JOIN collections c"
        " ON c.id = ci.collection_id"
    ):
        found[str(name)].add(str(url))
    return found
