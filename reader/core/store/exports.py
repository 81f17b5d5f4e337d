"""Typed queries for exports: what a saved article consists of besides its row."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.core.store.articles import image_url_key


@dataclass(frozen=True, slots=True)
class StoredPicture:
    sha256: bytes
    mime: str
    size: int
    width: int | None
    height: int | None


def saved_urls(conn: sqlite3.Connection, collection_ids: list[int] | None) -> list[str]:
    """Addresses saved in the given collections (in that order, newest first in each),
    or, with None, in every collection and every starred article."""
    if collection_ids is None:
        rows = conn.execute(
            "SELECT url FROM (SELECT ci.url, max(ci.added_at) AS at FROM collection_items ci"
            " GROUP BY ci.url UNION ALL SELECT s.url, s.starred_at FROM article_state s"
            " WHERE s.starred = 1) GROUP BY url ORDER BY max(at) DESC, url"
        ).fetchall()
        return [str(r[0]) for r in rows]
    found: dict[str, None] = {}
    for collection_id in collection_ids:
        for row in conn.execute(
            "SELECT url FROM collection_items WHERE collection_id = ?"
            " ORDER BY added_at DESC, url DESC",
            (collection_id,),
        ):
            found.setdefault(str(row[0]), None)
    return list(found)


def memberships(conn: sqlite3.Connection, url: str) -> list[tuple[str, float, str, str]]:
    """(collection name, added_at, title, outlet) of every collection holding ``url``."""
    return [
        (str(r[0]), float(r[1]), str(r[2]), str(r[3]))
        for r in conn.execute(
            "SELECT c.name, ci.added_at, ci.title, ci.outlet FROM collection_items ci"
            " JOIN collections c ON c.id = ci.collection_id WHERE ci.url = ?"
            " ORDER BY c.builtin IS NULL, c.name_key",
            (url,),
        )
    ]


def aliases(conn: sqlite3.Connection, article_id: int) -> list[str]:
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT url FROM article_urls WHERE article_id = ? ORDER BY url", (article_id,)
        )
    ]


def pictures(
    conn: sqlite3.Connection, article_id: int, urls: list[str]
) -> dict[str, StoredPicture]:
    """The stored picture behind each of ``urls`` the article shows (missing ones left out)."""
    found: dict[str, StoredPicture] = {}
    for url in urls:
        row = conn.execute(
            "SELECT i.sha256, i.mime, i.size_bytes, i.width, i.height FROM article_images ai"
            " JOIN images i ON i.id = ai.image_id WHERE ai.article_id = ? AND ai.url_key = ?",
            (article_id, image_url_key(url)),
        ).fetchone()
        if row is not None:
            found[url] = StoredPicture(bytes(row[0]), str(row[1]), int(row[2]), row[3], row[4])
    return found


def row_facts(conn: sqlite3.Connection, article_id: int) -> tuple[str, float]:
    """(outlet, fetched_at) of a cached article."""
    row = conn.execute(
        "SELECT outlet, fetched_at FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return str(row[0]), float(row[1])
