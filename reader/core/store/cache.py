"""Cache accounting and eviction queries.

Eviction deletes ``articles`` rows only (bodies, text, related links and image
links cascade); it never reads or writes the user-state tables except to ask
"is this pinned?". An article is pinned while its URL is in any collection or
starred.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

PINNED_SQL = """(
    EXISTS (SELECT 1 FROM collection_items ci WHERE ci.url = a.url)
    OR EXISTS (SELECT 1 FROM article_state s WHERE s.url = a.url AND s.starred = 1)
)"""


@dataclass(frozen=True, slots=True)
class Totals:
    articles: int
    pinned_articles: int
    article_bytes: int
    images: int
    image_bytes: int

    @property
    def cache_bytes(self) -> int:
        return self.article_bytes + self.image_bytes


#: Counted from the rows themselves: a full scan of ``articles`` and ``images``.
_COUNTED_SQL = """SELECT
    (SELECT count(*) FROM articles), (SELECT coalesce(sum(size_bytes), 0) FROM articles),
    (SELECT count(*) FROM images), (SELECT coalesce(sum(size_bytes), 0) FROM images)"""
#: Articles saved in a collection or starred that the cache holds: from the (few) saved and
#: starred addresses to the articles, never a scan of every article.
_PINNED_COUNT_SQL = """SELECT count(*) FROM articles WHERE url IN (
    SELECT url FROM collection_items UNION SELECT url FROM article_state WHERE starred = 1)"""


def totals(conn: sqlite3.Connection) -> Totals:
    """The cache's size from ``cache_totals`` (kept by triggers, see migration 0012): one row,
    however large the library; counted from the rows only if that row is missing."""
    row = conn.execute(
        "SELECT articles, article_bytes, images, image_bytes FROM cache_totals WHERE id = 1"
    ).fetchone()
    if row is None:
        row = conn.execute(_COUNTED_SQL).fetchone()
    articles, article_bytes, images, image_bytes = (int(v) for v in row)
    pinned = int(conn.execute(_PINNED_COUNT_SQL).fetchone()[0])
    return Totals(articles, pinned, article_bytes, images, image_bytes)


def recount(conn: sqlite3.Connection) -> None:
    """Count ``cache_totals`` again from the rows (a full scan), after rows arrived without
    the triggers that keep it: a library rebuilt from the copy of user state, a backup."""
    conn.execute(
        "INSERT OR REPLACE INTO cache_totals (id, articles, article_bytes, images, image_bytes)"
        f" SELECT 1, * FROM ({_COUNTED_SQL})"
    )


def starred_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM article_state WHERE starred = 1").fetchone()[0])


def candidates(conn: sqlite3.Connection, limit: int) -> list[tuple[int, int]]:
    """Unpinned articles, least recently read (else fetched) first: (id, bytes freed)."""
    rows = conn.execute(
        f"""
        SELECT a.id, a.size_bytes + coalesce((
            SELECT sum(i.size_bytes) FROM article_images ai JOIN images i ON i.id = ai.image_id
            WHERE ai.article_id = a.id AND NOT EXISTS (
                SELECT 1 FROM article_images o WHERE o.image_id = ai.image_id
                AND o.article_id <> a.id)
        ), 0)
        FROM articles a
        WHERE NOT {PINNED_SQL}
        ORDER BY coalesce(a.last_read_at, a.fetched_at), a.id
        LIMIT ?
        """,
        (limit,),
    ).fetchall()
    return [(int(r[0]), int(r[1])) for r in rows]


def delete_articles(conn: sqlite3.Connection, ids: list[int]) -> None:
    conn.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in ids])


def drop_orphan_images(conn: sqlite3.Connection) -> list[tuple[bytes, int]]:
    """Delete image rows no article links to; returns (sha256, size) for file removal."""
    rows = conn.execute(
        "SELECT id, sha256, size_bytes FROM images i WHERE NOT EXISTS"
        " (SELECT 1 FROM article_images ai WHERE ai.image_id = i.id)"
    ).fetchall()
    conn.executemany("DELETE FROM images WHERE id = ?", [(r[0],) for r in rows])
    return [(bytes(r[1]), int(r[2])) for r in rows]


def known_images(conn: sqlite3.Connection) -> set[bytes]:
    return {bytes(r[0]) for r in conn.execute("SELECT sha256 FROM images")}


def reclaim(conn: sqlite3.Connection, pages: int = 0) -> None:
    """Give free pages back to the file system (0 = all); outside any transaction."""
    conn.execute(f"PRAGMA incremental_vacuum({int(pages)})").fetchall()
