"""Typed queries on the stories tables (schema: ``0009_stories.sql``) for lists and choices.

The grouping itself (statistics, centroids, postings) is written by
:mod:`reader.core.stories.index`; this module reads what lists need and keeps the reader's
splits and merges (user state, by article URL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.core.models import StoryInfo, StoryVersion

#: Columns for a headline row: story id, its size, its distinct outlets (article alias ``a``).
HEADLINE_STORY_COLUMNS = """sa.story_id,
    (SELECT count(*) FROM story_articles sx WHERE sx.story_id = sa.story_id),
    (SELECT count(DISTINCT bx.outlet) FROM story_articles sx
        JOIN articles bx ON bx.id = sx.article_id WHERE sx.story_id = sa.story_id)"""
HEADLINE_STORY_JOIN = " LEFT JOIN story_articles sa ON sa.article_id = a.id"


@dataclass(frozen=True, slots=True)
class StoredText:
    """What the grouping reads of a stored article."""

    article_id: int
    url: str
    title: str
    description: str | None
    text: str
    published: str | None
    fetched_at: float
    sort_at: float = 0.0


def _dt(value: float | None) -> datetime:
    return datetime.fromtimestamp(value or 0.0, UTC)


def story_of(conn: sqlite3.Connection, article_id: int) -> int | None:
    row = conn.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def member_ids(conn: sqlite3.Connection, story_id: int) -> list[int]:
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id",
            (story_id,),
        )
    ]


def versions(conn: sqlite3.Connection, story_id: int) -> list[StoryVersion]:
    """Every telling of a story, earliest first (one row per article)."""
    return [
        StoryVersion(url=r[0], title=r[1], outlet=r[2], sort_at=_dt(r[3]), read=bool(r[4]))
        for r in conn.execute(
            """
            SELECT a.url, a.title, a.outlet, a.sort_at, coalesce(s.read, 0)
            FROM story_articles sa JOIN articles a ON a.id = sa.article_id
            LEFT JOIN article_state s ON s.url = a.url
            WHERE sa.story_id = ? ORDER BY a.sort_at, a.id
            """,
            (story_id,),
        )
    ]


def recent(conn: sqlite3.Connection, *, limit: int = 50, min_outlets: int = 1) -> list[StoryInfo]:
    """Stories by their latest telling, newest first (ties: the later story first)."""
    if min_outlets <= 1:
        chosen = _latest(conn, limit)
    else:  # every story's outlets are counted: stories told by several can be rare
        chosen = [
            int(r[0])
            for r in conn.execute(
                """
                SELECT sa.story_id, max(a.sort_at) AS last, count(DISTINCT a.outlet) AS outlets
                FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                GROUP BY sa.story_id HAVING outlets >= ?
                ORDER BY last DESC, sa.story_id DESC LIMIT ?
                """,
                (min_outlets, limit),
            )
        ]
    found = []
    for story_id in chosen:
        told = versions(conn, story_id)
        if not told:
            continue
        found.append(
            StoryInfo(
                story=story_id, title=told[0].title, url=told[0].url,
                first_at=told[0].sort_at, last_at=max(v.sort_at for v in told), size=len(told),
                outlets=tuple(dict.fromkeys(v.outlet for v in told)), versions=tuple(told),
            )
        )  # fmt: skip
    return found


def _latest(conn: sqlite3.Connection, limit: int) -> list[int]:
    """The ``limit`` stories told last, from a walk over the articles newest first
    (``articles_sort``) that stops once they are found: the first article met of a story
    is its latest telling. (Grouping every story of the library to sort them took a
    second at 100,000 articles.)"""
    found: dict[int, float] = {}
    cutoff: float | None = None
    walk = conn.execute(
        "SELECT sa.story_id, a.sort_at FROM articles a"
        " JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.sort_at DESC, a.id DESC"
    )
    for story, at in walk:
        if cutoff is not None and at < cutoff:
            break  # every story not met yet was last told earlier than those found
        if story not in found:
            found[int(story)] = float(at)
            if len(found) == limit:
                cutoff = at  # read on through ties, which the story id orders
    walk.close()
    return sorted(found, key=lambda story: (found[story], story), reverse=True)[:limit]


def stories_of_urls(conn: sqlite3.Connection, urls: Sequence[str]) -> dict[str, tuple[int, int]]:
    """article URL -> (story id, story size) for the given URLs that are grouped."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return {}
    marks = ",".join("?" * len(urls))
    return {
        str(r[0]): (int(r[1]), int(r[2]))
        for r in conn.execute(
            f"SELECT a.url, sa.story_id,"
            f" (SELECT count(*) FROM story_articles sx WHERE sx.story_id = sa.story_id)"
            f" FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
            f" WHERE a.url IN ({marks})",
            urls,
        )
    }


def ungrouped(
    conn: sqlite3.Connection, limit: int, after: tuple[float, int] | None = None
) -> list[StoredText]:
    """Stored articles not in any story yet, in publication order (a migrated library).

    Asked before every story list: when every article is in a story (as usual), two counts
    say so without a walk over the library; the texts are read for the chosen ones only.
    ``after``: the (sort_at, id) of the last one seen, so that each batch starts where the
    previous one ended instead of walking past every article grouped so far.
    """
    articles, grouped = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_articles)"
    ).fetchone()
    if grouped >= articles:
        return []
    since, params = "", list[object]([limit])
    if after is not None:
        since, params = " AND (x.sort_at, x.id) > (?, ?)", [after[0], after[1], limit]
    return _texts(
        conn,
        " WHERE a.id IN (SELECT x.id FROM articles x"
        " LEFT JOIN story_articles sa ON sa.article_id = x.id WHERE sa.article_id IS NULL"
        f"{since} ORDER BY x.sort_at, x.id LIMIT ?) ORDER BY a.sort_at, a.id",
        params,
    )


def texts(conn: sqlite3.Connection, article_ids: Sequence[int]) -> list[StoredText]:
    ids = list(article_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return _texts(conn, f" WHERE a.id IN ({marks}) ORDER BY a.id", ids)


def _texts(conn: sqlite3.Connection, tail: str, params: Sequence[object]) -> list[StoredText]:
    return [
        StoredText(int(r[0]), r[1], r[2], r[3], r[4] or "", r[5], float(r[6]), float(r[7]))
        for r in conn.execute(
            "SELECT a.id, a.url, a.title, a.description, substr(f.body, 1, 2000), a.published,"
            " a.fetched_at, a.sort_at"
            " FROM articles a LEFT JOIN article_fts f ON f.rowid = a.id" + tail,
            params,
        )
    ]


# -- the reader's choices (user state) ------------------------------------------------------


def choice(conn: sqlite3.Connection, url: str) -> tuple[str, str | None] | None:
    row = conn.execute(
        "SELECT choice, other_url FROM story_choices WHERE url = ?", (url,)
    ).fetchone()
    return None if row is None else (str(row[0]), row[1])


def set_choice(
    conn: sqlite3.Connection, url: str, kind: str, other_url: str | None, now: float
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO story_choices (url, choice, other_url, at) VALUES (?, ?, ?, ?)",
        (url, kind, other_url, now),
    )
