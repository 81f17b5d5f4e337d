"""Typed queries for folders, sources and feed entries (schema: ``0002_sources.sql``).

Like the sibling modules, functions take the connection to run on (a reader, or
the one from ``with store.write()``), and rows never leave this module: models do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.models import (
    FeedKind,
    Folder,
    Headline,
    ParsedEntry,
    Source,
    SourceStatus,
    parse_time,
)
from reader.core.store.articles import settle, ts
from reader.core.store.rules import HIDDEN, HIGHLIGHTED
from reader.core.store.stories import HEADLINE_STORY_COLUMNS, HEADLINE_STORY_JOIN
from reader.core.urls import canonicalize

#: Columns a refresh may update on a source (whitelist for :func:`update_source`).
UPDATABLE = frozenset(
    {"url", "url_key", "title", "custom_title", "site_url", "folder_id", "position", "kind",
     "language", "full_text", "interval_s", "etag", "last_modified", "content_hash",
     "next_due", "retry_after_until", "failures", "last_error", "last_error_at",
     "last_checked_at", "last_success_at", "gone", "allow_private"}
)  # fmt: skip


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


# -- folders -----------------------------------------------------------------------------


def folders(conn: sqlite3.Connection) -> list[Folder]:
    """Every folder with its path, parents before children, then by position and name."""
    rows = conn.execute(
        "SELECT id, parent_id, name, position FROM folders ORDER BY position, name_key"
    ).fetchall()
    by_id = {r[0]: r for r in rows}

    def path(folder_id: int) -> tuple[str, ...]:
        names: list[str] = []
        seen: set[int] = set()
        current: int | None = folder_id
        while current is not None and current in by_id and current not in seen:
            seen.add(current)
            names.append(by_id[current][2])
            current = by_id[current][1]
        return tuple(reversed(names))

    result = [Folder(r[0], r[2], r[1], path(r[0]), r[3]) for r in rows]
    result.sort(key=lambda f: (tuple(n.casefold() for n in f.path), f.position))
    return result


def folder_id(conn: sqlite3.Connection, name: str, parent_id: int | None) -> int | None:
    row = conn.execute(
        "SELECT id FROM folders WHERE coalesce(parent_id, 0) = ? AND name_key = ?",
        (parent_id or 0, name_key(name)),
    ).fetchone()
    return None if row is None else int(row[0])


def create_folder(conn: sqlite3.Connection, name: str, parent_id: int | None, now: float) -> int:
    position = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM folders WHERE coalesce(parent_id, 0) = ?",
        (parent_id or 0,),
    ).fetchone()[0]
    row = conn.execute(
        "INSERT INTO folders (parent_id, name, name_key, position, created_at)"
        " VALUES (?, ?, ?, ?, ?) RETURNING id",
        (parent_id, name, name_key(name), position, now),
    ).fetchone()
    return int(row[0])


def ensure_path(conn: sqlite3.Connection, path: Sequence[str], now: float) -> int | None:
    """The folder at ``path`` (outermost first), created as needed; None for the root."""
    parent: int | None = None
    for name in path:
        found = folder_id(conn, name, parent)
        parent = found if found is not None else create_folder(conn, name, parent, now)
    return parent


def descendants(conn: sqlite3.Connection, root_id: int) -> list[int]:
    rows = conn.execute(
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT f.id FROM folders f"
        " JOIN sub ON f.parent_id = sub.id) SELECT id FROM sub",
        (root_id,),
    ).fetchall()
    return [int(r[0]) for r in rows]


# -- sources -------------------------------------------------------------------------------

_SOURCE_COLUMNS = """s.id, s.url, s.title, s.site_url, s.folder_id, s.position, s.kind,
    s.language, s.full_text, s.interval_s, s.failures, s.last_error, s.last_error_at,
    s.last_checked_at, s.last_success_at, s.next_due, s.retry_after_until, s.gone,
    (SELECT count(*) FROM entries e WHERE e.source_id = s.id), s.allow_private,
    (SELECT count(*) FROM entries e WHERE e.source_id = s.id AND e.fetch_error LIKE 'refused:%')"""


def _status(row: Any, now: float) -> SourceStatus:
    if row[17]:
        return "gone"
    retry = row[16]
    if isinstance(retry, float | int) and retry > now:
        return "waiting"
    if row[10]:
        return "failing"
    return "ok" if row[14] is not None or row[13] is not None else "new"


def _source(row: Any, paths: Mapping[int, tuple[str, ...]], now: float) -> Source:
    folder = row[4]
    return Source(
        id=int(row[0]),
        url=str(row[1]),
        title=str(row[2]),
        site_url=row[3],
        folder_id=folder,
        folder=paths.get(folder, ()) if isinstance(folder, int) else (),
        position=int(row[5]),
        kind=row[6],
        language=row[7],
        full_text=bool(row[8]),
        interval_seconds=int(row[9]),
        status=_status(row, now),
        failures=int(row[10]),
        last_error=row[11],
        last_error_at=ts(row[12]),
        last_checked_at=ts(row[13]),
        last_success_at=ts(row[14]),
        next_due=ts(row[15]),
        retry_after_until=ts(row[16]),
        entries=int(row[18]),
        allow_private=bool(row[19]),
        refused=int(row[20]),
    )


def sources(
    conn: sqlite3.Connection,
    now: float,
    *,
    ids: Iterable[int] | None = None,
    folder_ids: Iterable[int] | None = None,
) -> list[Source]:
    """Sources in display order (folder path, then position, then title)."""
    where, params = "", []
    if ids is not None:
        wanted = list(ids)
        where += f" AND s.id IN ({','.join('?' * len(wanted))})" if wanted else " AND 0"
        params += wanted
    if folder_ids is not None:
        chosen = list(folder_ids)
        where += f" AND s.folder_id IN ({','.join('?' * len(chosen))})" if chosen else " AND 0"
        params += chosen
    paths = {f.id: f.path for f in folders(conn)}
    rows = conn.execute(
        f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE 1 {where}"
        " ORDER BY s.position, s.title COLLATE NOCASE, s.id",
        params,
    ).fetchall()
    found = [_source(r, paths, now) for r in rows]
    found.sort(
        key=lambda s: (tuple(n.casefold() for n in s.folder), s.position, s.title.casefold())
    )
    return found


def source_by_key(conn: sqlite3.Connection, url_key: str) -> int | None:
    row = conn.execute("SELECT id FROM sources WHERE url_key = ?", (url_key,)).fetchone()
    return None if row is None else int(row[0])


def insert_source(
    conn: sqlite3.Connection,
    *,
    url: str,
    title: str,
    folder_id: int | None,
    now: float,
    site_url: str | None = None,
    kind: FeedKind | None = None,
    custom_title: bool = False,
    full_text: bool = True,
    interval_s: int = 1800,
) -> int:
    position = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM sources WHERE coalesce(folder_id, 0) = ?",
        (folder_id or 0,),
    ).fetchone()[0]
    row = conn.execute(
        "INSERT INTO sources (url, url_key, title, custom_title, site_url, folder_id, position,"
        " kind, full_text, interval_s, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING id",
        (url, canonicalize(url), title, int(custom_title), site_url, folder_id, position, kind,
         int(full_text), interval_s, now),
    ).fetchone()  # fmt: skip
    return int(row[0])


def update_source(conn: sqlite3.Connection, source_id: int, **fields: object) -> None:
    unknown = set(fields) - UPDATABLE
    if unknown:
        raise ValueError(f"not source columns: {sorted(unknown)}")
    if not fields:
        return
    assignments = ", ".join(f"{name} = ?" for name in fields)
    conn.execute(f"UPDATE sources SET {assignments} WHERE id = ?", [*fields.values(), source_id])


@dataclass(frozen=True, slots=True)
class RefreshState:
    """What a refresh needs to know about a source (validators, hash, schedule)."""

    id: int
    url: str
    title: str
    custom_title: bool
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    interval_s: int
    failures: int
    next_due: float
    retry_after_until: float | None
    gone: bool
    full_text: bool
    has_entries: bool
    allow_private: bool = False


def refresh_states(
    conn: sqlite3.Connection, ids: Iterable[int] | None = None
) -> list[RefreshState]:
    where, params = "", []
    if ids is not None:
        wanted = list(ids)
        where = f" WHERE s.id IN ({','.join('?' * len(wanted))})" if wanted else " WHERE 0"
        params = wanted
    rows = conn.execute(
        "SELECT s.id, s.url, s.title, s.custom_title, s.etag, s.last_modified, s.content_hash,"
        " s.interval_s, s.failures, s.next_due, s.retry_after_until, s.gone, s.full_text,"
        " EXISTS (SELECT 1 FROM entries e WHERE e.source_id = s.id), s.allow_private"
        f" FROM sources s{where} ORDER BY s.next_due, s.id",
        params,
    ).fetchall()
    return [
        RefreshState(
            id=r[0], url=r[1], title=r[2], custom_title=bool(r[3]), etag=r[4],
            last_modified=r[5], content_hash=r[6], interval_s=r[7], failures=r[8],
            next_due=r[9], retry_after_until=r[10], gone=bool(r[11]), full_text=bool(r[12]),
            has_entries=bool(r[13]), allow_private=bool(r[14]),
        )
        for r in rows
    ]  # fmt: skip


# -- entries -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewEntry:
    """An entry seen for the first time, with the link to fetch in full (if any)."""

    id: int
    url: str | None
    article_url: str | None


def merge_entries(
    conn: sqlite3.Connection,
    source_id: int,
    entries: Sequence[ParsedEntry],
    now: float,
    *,
    full_text: bool,
) -> list[NewEntry]:
    """Add new entries, refresh known ones; never delete. Returns the new ones.

    An entry is known by its GUID, else (feeds whose GUIDs change on every fetch)
    by its canonical link within the same source. Entries are inserted oldest
    first so that, among items with the same time, the newest gets the highest id.
    """
    new: list[NewEntry] = []
    seen: list[str] = []
    for entry in reversed(entries):
        article_url = canonicalize(entry.url) if entry.url else None
        if article_url is not None:
            seen.append(article_url)
        published = parse_time(entry.published)
        row = conn.execute(
            "SELECT id FROM entries WHERE source_id = ? AND guid = ?", (source_id, entry.guid)
        ).fetchone()
        if row is None and article_url is not None:
            row = conn.execute(
                "SELECT id FROM entries WHERE source_id = ? AND article_url = ?",
                (source_id, article_url),
            ).fetchone()
        if row is not None:
            conn.execute(
                "UPDATE entries SET guid = ?, url = ?, article_url = ?, title = ?, summary = ?,"
                " author = ?, image = ?, published = coalesce(?, published),"
                " sort_at = coalesce(?, sort_at), updated_at = ? WHERE id = ?",
                (entry.guid, entry.url, article_url, entry.title, entry.summary, entry.author,
                 entry.image, entry.published, published, now, row[0]),
            )  # fmt: skip
            continue
        state = "pending" if full_text and entry.url else "skipped"
        inserted = conn.execute(
            "INSERT INTO entries (source_id, guid, url, article_url, title, summary, author,"
            " image, published, sort_at, first_seen, updated_at, fetch_state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (source_id, entry.guid, entry.url, article_url, entry.title, entry.summary,
             entry.author, entry.image, entry.published,
             published if published is not None else now, now, now, state),
        ).fetchone()  # fmt: skip
        new.append(NewEntry(int(inserted[0]), entry.url, article_url))
    new.reverse()
    settle(conn, stored_articles(conn, seen))
    return new


def settle_source(conn: sqlite3.Connection, source_id: int) -> None:
    """Settle every stored article a source lists (after it was renamed)."""
    urls = [
        str(r[0])
        for r in conn.execute(
            "SELECT article_url FROM entries WHERE source_id = ? AND article_url IS NOT NULL",
            (source_id,),
        )
    ]
    settle(conn, stored_articles(conn, urls))


def stored_articles(conn: sqlite3.Connection, article_urls: Sequence[str]) -> list[int]:
    """Ids of the stored articles these canonical item links lead to."""
    found: list[int] = []
    for start in range(0, len(article_urls), 500):
        chunk = article_urls[start : start + 500]
        found += [
            int(r[0])
            for r in conn.execute(
                f"SELECT DISTINCT article_id FROM article_urls WHERE url IN"
                f" ({','.join('?' * len(chunk))})",
                chunk,
            )
        ]
    return found


def to_fetch(
    conn: sqlite3.Connection, source_id: int, *, max_attempts: int, limit: int
) -> list[NewEntry]:
    """Entries of a source still waiting for their full text, newest first."""
    rows = conn.execute(
        "SELECT id, url, article_url FROM entries WHERE source_id = ?"
        " AND fetch_state IN ('pending', 'failed') AND fetch_attempts < ? AND url IS NOT NULL"
        " ORDER BY sort_at DESC, id DESC LIMIT ?",
        (source_id, max_attempts, limit),
    ).fetchall()
    return [NewEntry(int(r[0]), r[1], r[2]) for r in rows]


def set_fetch_state(
    conn: sqlite3.Connection, article_url: str, state: str, error: str | None = None
) -> None:
    """Record the full-text outcome on every entry (of any source) naming ``article_url``."""
    attempted = 1 if state in ("done", "failed") else 0
    conn.execute(
        "UPDATE entries SET fetch_state = ?, fetch_error = ?,"
        " fetch_attempts = fetch_attempts + ? WHERE article_url = ?",
        (state, error, attempted, article_url),
    )


def retry_refused(conn: sqlite3.Connection, source_id: int) -> int:
    """Entries of a source refused by the private-address policy go back to the queue
    (the user has just allowed private addresses for it); returns how many."""
    cursor = conn.execute(
        "UPDATE entries SET fetch_state = 'pending', fetch_error = NULL, fetch_attempts = 0"
        " WHERE source_id = ? AND fetch_error LIKE 'refused:%'",
        (source_id,),
    )
    return cursor.rowcount


def entry_count(conn: sqlite3.Connection, source_id: int) -> int:
    row = conn.execute("SELECT count(*) FROM entries WHERE source_id = ?", (source_id,)).fetchone()
    return int(row[0])


def unread_keys(conn: sqlite3.Connection, source_ids: Sequence[int]) -> list[str]:
    """Identity URLs (user-state keys) of the unread items these sources list."""
    ids = list(source_ids)
    if not ids:
        return []
    rows = conn.execute(
        f"""
        SELECT DISTINCT coalesce(a.url, e.article_url)
        FROM entries e
        LEFT JOIN article_urls au ON au.url = e.article_url
        LEFT JOIN articles a ON a.id = au.article_id
        LEFT JOIN article_state st ON st.url = coalesce(a.url, e.article_url)
        WHERE e.source_id IN ({",".join("?" * len(ids))}) AND e.article_url IS NOT NULL
          AND coalesce(st.read, 0) = 0
        """,
        ids,
    )
    return [str(r[0]) for r in rows]


def unread_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Entries not yet read, per source (read state is the library's, by article URL)."""
    rows = conn.execute(
        f"""
        SELECT e.source_id, count(*)
        FROM entries e
        LEFT JOIN article_urls au ON au.url = e.article_url
        LEFT JOIN articles a ON a.id = au.article_id
        LEFT JOIN article_state st ON st.url = coalesce(a.url, e.article_url)
        WHERE coalesce(st.read, 0) = 0
          AND NOT {HIDDEN.format(url="coalesce(a.url, e.article_url)")}
        GROUP BY e.source_id
        """
    )
    return {int(r[0]): int(r[1]) for r in rows}


def headlines(
    conn: sqlite3.Connection,
    *,
    source_ids: Sequence[int] | None = None,
    limit: int = 200,
    offset: int = 0,
    by_story: bool = False,
    unread_only: bool = False,
    oldest_first: bool = False,
) -> list[Headline]:
    """Entries newest first, one row per article across sources (the first source wins).

    An article in the library shows its own title, date and outlet (see
    :func:`reader.core.store.articles.settle`), as in the library's lists; the
    feed's are used until then. ``in_library`` says whether the full article is
    stored (readable offline); read/starred come from the library's user state.
    ``by_story`` shows each story once: its earliest entry among those listed.
    """
    where, params = "", []
    if source_ids is not None:
        ids = list(source_ids)
        where = f" AND e.source_id IN ({','.join('?' * len(ids))})" if ids else " AND 0"
        params = ids
    story_where, story_params = "", []
    if by_story:  # an earlier entry in scope tells the same story: this one is folded in
        story_where = f"""
        AND (sa.story_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM story_articles sb
            JOIN article_urls ub ON ub.article_id = sb.article_id
            JOIN entries eb ON eb.article_url = ub.url
            WHERE sb.story_id = sa.story_id AND (eb.sort_at, eb.id) < (e.sort_at, e.id)
              AND NOT {
            HIDDEN.format(url="(SELECT x.url FROM articles x WHERE x.id = sb.article_id)")
        }{where.replace("e.source_id", "eb.source_id")}))"""
        story_params = list(params)
    order = "ASC" if oldest_first else "DESC"
    rows = conn.execute(
        f"""
        SELECT e.id, coalesce(a.url, e.url, ''), coalesce(nullif(a.title, ''), e.title),
               coalesce(nullif(a.outlet, ''), s.title), e.sort_at,
               coalesce(a.published, e.published), coalesce(a.lead_image, e.image),
               coalesce(a.words, 0), coalesce(st.read, 0), coalesce(st.starred, 0), a.id,
               {HEADLINE_STORY_COLUMNS},
               {HIGHLIGHTED.format(url="coalesce(a.url, e.article_url)")}
        FROM entries e
        JOIN sources s ON s.id = e.source_id
        LEFT JOIN article_urls au ON au.url = e.article_url
        LEFT JOIN articles a ON a.id = au.article_id{HEADLINE_STORY_JOIN}
        LEFT JOIN article_state st ON st.url = coalesce(a.url, e.article_url)
        WHERE (e.article_url IS NULL OR e.id = (
            SELECT min(e2.id) FROM entries e2 WHERE e2.article_url = e.article_url{
            where.replace("e.source_id", "e2.source_id")
        }))
        {where}{story_where}{" AND coalesce(st.read, 0) = 0" if unread_only else ""}
        AND NOT {HIDDEN.format(url="coalesce(a.url, e.article_url)")}
        ORDER BY e.sort_at {order}, e.id {order} LIMIT ? OFFSET ?
        """,
        [*params, *params, *story_params, limit, offset],
    ).fetchall()
    return [
        Headline(
            url=r[1], title=r[2] or "", outlet=r[3] or "",
            sort_at=datetime.fromtimestamp(r[4], UTC), published=r[5], lead_image=r[6],
            words=r[7], read=bool(r[8]), starred=bool(r[9]), in_library=r[10] is not None,
            article_id=r[10], story=r[11], story_size=r[12] or 1, story_outlets=r[13] or 1,
            highlighted=bool(r[14]),
        )
        for r in rows
    ]  # fmt: skip
