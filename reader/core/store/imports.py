"""Typed queries for import jobs and their links (user state: never evicted)."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.store.articles import ZLIB_LEVEL


@dataclass(frozen=True, slots=True)
class ImportJob:
    id: int
    digest: str
    format: str
    file_name: str
    started_at: float
    finished_at: float | None
    links: int
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportLink:
    """One imported link whose article is still to fetch (or failed)."""

    job_id: int
    url: str
    fetch_url: str
    title: str
    state: str
    attempts: int
    content: str | None
    published: str | None = None
    author: str | None = None


def _job(row: tuple[object, ...]) -> ImportJob:
    problems = str(row[7] or "")
    return ImportJob(
        id=int(row[0]),  # type: ignore[call-overload]
        digest=str(row[1]),
        format=str(row[2]),
        file_name=str(row[3]),
        started_at=float(row[4]),  # type: ignore[arg-type]
        finished_at=None if row[5] is None else float(row[5]),  # type: ignore[arg-type]
        links=int(row[6]),  # type: ignore[call-overload]
        problems=tuple(problems.splitlines()) if problems else (),
    )


_JOB_COLUMNS = "id, digest, format, file_name, started_at, finished_at, links, problems"


def find_job(conn: sqlite3.Connection, digest: str) -> ImportJob | None:
    row = conn.execute(
        f"SELECT {_JOB_COLUMNS} FROM import_jobs WHERE digest = ?", (digest,)
    ).fetchone()
    return None if row is None else _job(row)


def unfinished_jobs(conn: sqlite3.Connection) -> list[ImportJob]:
    rows = conn.execute(
        f"SELECT {_JOB_COLUMNS} FROM import_jobs WHERE finished_at IS NULL ORDER BY id"
    ).fetchall()
    return [_job(r) for r in rows]


def create_job(
    conn: sqlite3.Connection,
    *,
    digest: str,
    fmt: str,
    file_name: str,
    now: float,
    problems: Iterable[str],
) -> ImportJob:
    conn.execute(
        "INSERT INTO import_jobs (digest, format, file_name, started_at, problems)"
        " VALUES (?, ?, ?, ?, ?)",
        (digest, fmt, file_name, now, "\n".join(p.replace("\n", " ") for p in problems)),
    )
    job = find_job(conn, digest)
    assert job is not None
    return job


def set_problems(conn: sqlite3.Connection, job_id: int, problems: Iterable[str]) -> None:
    """The rows of the file that were not imported (known only once it was read through)."""
    conn.execute(
        "UPDATE import_jobs SET problems = ? WHERE id = ?",
        ("\n".join(p.replace("\n", " ") for p in problems), job_id),
    )


def reopen_job(conn: sqlite3.Connection, job_id: int) -> None:
    conn.execute("UPDATE import_jobs SET finished_at = NULL WHERE id = ?", (job_id,))


def finish_job(conn: sqlite3.Connection, job_id: int, now: float) -> None:
    conn.execute(
        "UPDATE import_jobs SET finished_at = ?,"
        " links = (SELECT count(*) FROM import_items WHERE job_id = ?) WHERE id = ?",
        (now, job_id, job_id),
    )


def known_urls(conn: sqlite3.Connection, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` an earlier import already brought (any job)."""
    found: set[str] = set()
    batch: list[str] = []
    for url in urls:
        batch.append(url)
        if len(batch) == 500:
            found |= _known(conn, batch)
            batch = []
    if batch:
        found |= _known(conn, batch)
    return found


def _known(conn: sqlite3.Connection, urls: list[str]) -> set[str]:
    marks = ",".join("?" * len(urls))
    rows = conn.execute(
        f"SELECT DISTINCT url FROM import_items WHERE url IN ({marks})", urls
    ).fetchall()
    return {str(r[0]) for r in rows}


def add_link(
    conn: sqlite3.Connection,
    job_id: int,
    *,
    url: str,
    fetch_url: str,
    title: str,
    content: str | None,
    published: str | None = None,
    author: str | None = None,
) -> None:
    blob = None if not content else zlib.compress(content.encode("utf-8", "replace"), ZLIB_LEVEL)
    conn.execute(
        "INSERT OR IGNORE INTO import_items"
        " (job_id, url, fetch_url, title, content, published, author)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (job_id, url, fetch_url, title, blob, published, author),
    )


def links_to_fetch(conn: sqlite3.Connection, job_id: int, max_attempts: int) -> list[ImportLink]:
    rows = conn.execute(
        "SELECT job_id, url, fetch_url, title, state, attempts, content, published, author"
        " FROM import_items"
        " WHERE job_id = ? AND (state = 'pending' OR (state = 'failed' AND attempts < ?))",
        (job_id, max_attempts),
    ).fetchall()
    return [
        ImportLink(
            job_id=int(r[0]), url=str(r[1]), fetch_url=str(r[2]), title=str(r[3]),
            state=str(r[4]), attempts=int(r[5]),
            content=None if r[6] is None else zlib.decompress(r[6]).decode("utf-8", "replace"),
            published=r[7],
            author=r[8],
        )
        for r in rows
    ]  # fmt: skip


def set_link_state(
    conn: sqlite3.Connection, job_id: int, url: str, state: str, error: str | None
) -> None:
    """Record a fetch outcome; the exported copy is dropped once the article is stored."""
    conn.execute(
        "UPDATE import_items SET state = ?, error = ?, attempts = attempts + 1,"
        " content = CASE WHEN ? IN ('done', 'exported') THEN NULL ELSE content END"
        " WHERE job_id = ? AND url = ?",
        (state, error, state, job_id, url),
    )


def failures(conn: sqlite3.Connection, job_id: int) -> list[tuple[str, str, str]]:
    """(address, title, why) of every link whose article could not be had."""
    rows = conn.execute(
        "SELECT fetch_url, title, coalesce(error, '') FROM import_items"
        " WHERE job_id = ? AND state = 'failed' ORDER BY fetch_url",
        (job_id,),
    ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def counts(conn: sqlite3.Connection, job_id: int) -> dict[str, int]:
    rows = conn.execute(
        "SELECT state, count(*) FROM import_items WHERE job_id = ? GROUP BY state", (job_id,)
    ).fetchall()
    return {str(r[0]): int(r[1]) for r in rows}


def move_user_state(conn: sqlite3.Connection, old: str, new: str) -> None:
    """A link saved under ``old`` turned out to be the article ``new`` (a redirect):
    its collection items, read/starred marks and import rows follow it."""
    if old == new:
        return
    conn.execute(
        "UPDATE OR IGNORE collection_items SET url = ? WHERE url = ?", (new, old)
    )  # an item already saved under ``new`` keeps its own (earlier) row
    conn.execute("DELETE FROM collection_items WHERE url = ?", (old,))
    row = conn.execute(
        "SELECT read, read_at, starred, starred_at, note FROM article_state WHERE url = ?", (old,)
    ).fetchone()
    if row is not None:
        conn.execute(
            "INSERT INTO article_state (url, read, read_at, starred, starred_at, note)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " read = max(read, excluded.read), read_at = coalesce(read_at, excluded.read_at),"
            " starred = max(starred, excluded.starred),"
            " starred_at = coalesce(starred_at, excluded.starred_at),"
            " note = coalesce(note, excluded.note)",
            (new, *row),
        )
        conn.execute("DELETE FROM article_state WHERE url = ?", (old,))
    conn.execute("UPDATE OR IGNORE import_items SET url = ? WHERE url = ?", (new, old))


def mark_imported_state(
    conn: sqlite3.Connection, url: str, *, read: bool, starred: bool, now: float
) -> None:
    """Set read/starred from an import: only ever turns a mark on, never off."""
    if not (read or starred):
        return
    conn.execute(
        "INSERT INTO article_state (url, read, read_at, starred, starred_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
        " read = max(read, excluded.read), read_at = coalesce(read_at, excluded.read_at),"
        " starred = max(starred, excluded.starred),"
        " starred_at = coalesce(starred_at, excluded.starred_at)",
        (url, int(read), now if read else None, int(starred), now if starred else None),
    )


def restore_state(
    conn: sqlite3.Connection,
    url: str,
    *,
    read: bool,
    read_at: float | None,
    starred: bool,
    starred_at: float | None,
    note: str | None,
) -> None:
    """Write read/starred/note exactly as a Kabar export had them (a restore)."""
    conn.execute(
        "INSERT OR REPLACE INTO article_state (url, read, read_at, starred, starred_at, note)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (url, int(read), read_at, int(starred), starred_at, note),
    )


def fill_item_titles(
    conn: sqlite3.Connection,
    url: str,
    *,
    placeholders: Iterable[str],
    host: str,
    title: str,
    outlet: str,
) -> None:
    """Collection items saved with only an address (and the host as outlet) get the
    article's real title and outlet once it is fetched."""
    names = ["", *placeholders]
    marks = ",".join("?" * len(names))
    conn.execute(
        f"UPDATE collection_items SET title = ? WHERE url = ? AND title IN ({marks})",
        (title, url, *names),
    )
    conn.execute(
        "UPDATE collection_items SET outlet = ? WHERE url = ? AND outlet IN ('', ?)",
        (outlet, url, host),
    )
