"""Typed queries for cached articles and per-article user state.

Functions take the connection to use: ``Store.reader()`` for reads, the one
from ``with store.write()`` for writes, so a caller can group several writes
into one transaction. Rows never leave this module; models do.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

from reader.core.models import (
    Article,
    ArticleState,
    Headline,
    RelatedLink,
    Validators,
    parse_time,
)
from reader.core.store.rules import HIDDEN, HIGHLIGHTED
from reader.core.store.stories import HEADLINE_STORY_COLUMNS, HEADLINE_STORY_JOIN
from reader.core.urls import is_address

#: zlib level for article HTML: level 6 is within a few % of 9 at a third of the time.
ZLIB_LEVEL = 6
#: Bytes a stored article costs beyond its body and text (row, indexes, FTS postings).
ROW_OVERHEAD = 512
#: Markers snippet() puts around matches; removed from stored text so they stay unique.
MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A downloaded image as the database records it."""

    url: str
    sha256: bytes
    size_bytes: int
    mime: str
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One article row with what the library needs besides the ``Article``."""

    id: int
    key: str
    article: Article
    fetched_at: float
    checked_at: float
    validators: Validators
    content_hash: str
    images: int
    outlet: str = ""
    sort_at: float = 0.0


def ts(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def image_url_key(url: str) -> int:
    """64-bit key of an image URL, tolerant of percent-encoding differences.

    Qt hands ``loadResource`` a ``QUrl.toString()`` that may decode what the HTML
    had encoded (or the reverse), so both sides are fully percent-decoded first.
    """
    import hashlib  # noqa: PLC0415 (OpenSSL: only when pictures are stored or looked up)

    norm = unquote(url.strip())
    digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def content_hash(article: Article) -> str:
    import hashlib  # noqa: PLC0415

    data = f"{article.title}\x00{article.html}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def named_host(host: str) -> str:
    """A host as an outlet's name ("kompas.com"), or "" for an IP address (no name at all)."""
    return "" if is_address(host) else host.removeprefix("www.")


def site_named(site_name: str | None, host: str) -> str:
    """The site's own name, or "" when all the page gave is its host or an address."""
    name = (site_name or "").strip()
    bare = host.lower().removeprefix("www.")
    if not name or name.lower().removeprefix("www.") == bare or not named_host(name):
        return ""
    return name


def outlet_of(article: Article, url: str) -> str:
    """The outlet as the page alone names it: its site name, else its host (never an IP)."""
    host = host_of(url)
    return site_named(article.site_name, host) or named_host(host)


def _clean_text(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


# -- writing ----------------------------------------------------------------------------


def put_article(
    conn: sqlite3.Connection,
    *,
    key: str,
    final_url: str,
    aliases: Iterable[str],
    article: Article,
    validators: Validators,
    now: float,
    images: Sequence[ImageRef] = (),
) -> int:
    """Insert or replace the cached article ``key``; returns its id.

    Keeps ``last_read_at`` and the id of an existing row, so user state, FTS rowid
    and collection items stay attached. Must run inside a write transaction.
    """
    body = zlib.compress(article.html.encode("utf-8", "surrogatepass"), ZLIB_LEVEL)
    text = _clean_text(article.text)
    url = final_url or article.url or key
    outlet = outlet_of(article, url)
    size = len(body) + len(text.encode("utf-8", "surrogatepass")) + ROW_OVERHEAD
    published_at = parse_time(article.published)
    row = conn.execute(
        """
        INSERT INTO articles (url, canonical_url, final_url, title, outlet, host, byline,
            published, site_name, language, lead_image, description, next_page, pages, words,
            sort_at, fetched_at, checked_at, etag, last_modified, content_hash, size_bytes,
            authors, first_seen)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET
            first_seen = coalesce(articles.first_seen, articles.fetched_at),
            canonical_url = excluded.canonical_url, final_url = excluded.final_url,
            title = excluded.title, outlet = excluded.outlet, host = excluded.host,
            byline = excluded.byline, published = excluded.published,
            site_name = excluded.site_name, language = excluded.language,
            lead_image = excluded.lead_image, description = excluded.description,
            next_page = excluded.next_page, pages = excluded.pages, words = excluded.words,
            sort_at = excluded.sort_at, fetched_at = excluded.fetched_at,
            checked_at = excluded.checked_at, etag = excluded.etag,
            last_modified = excluded.last_modified, content_hash = excluded.content_hash,
            size_bytes = excluded.size_bytes, authors = excluded.authors
        RETURNING id
        """,
        (
            key, article.canonical_url or key, url, article.title, outlet, host_of(url),
            article.byline, article.published, article.site_name, article.language,
            article.lead_image, article.description, article.next_page, article.pages,
            article.word_count, published_at if published_at is not None else now, now, now,
            validators.etag, validators.last_modified, content_hash(article), size,
            json.dumps(article.authors, ensure_ascii=False) if article.authors else None, now,
        ),
    ).fetchone()  # fmt: skip
    article_id = int(row[0])
    conn.executemany(
        "INSERT OR REPLACE INTO article_urls (url, article_id) VALUES (?, ?)",
        [(alias, article_id) for alias in {key, *aliases} if alias],
    )
    outlet = settle(conn, [article_id], fts=False).get(article_id, outlet)
    conn.execute("DELETE FROM article_fts WHERE rowid = ?", (article_id,))
    conn.execute(
        "INSERT INTO article_fts (rowid, title, outlet, body) VALUES (?, ?, ?, ?)",
        (article_id, article.title, outlet, text),
    )
    conn.execute(
        "INSERT OR REPLACE INTO article_bodies (article_id, html) VALUES (?, ?)",
        (article_id, body),
    )
    conn.execute("DELETE FROM article_related WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO article_related (article_id, position, url, title, source, kind)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, i, r.url, r.title, r.source, r.kind) for i, r in enumerate(article.related)],
    )
    link_images(conn, article_id, images, now)
    return article_id


def settle(
    conn: sqlite3.Connection, article_ids: Iterable[int], *, fts: bool = True
) -> dict[int, str]:
    """Give each article one date and one outlet, whichever list shows it.

    The date is the page's own, else the earliest a feed gave the item, else when
    Kabar first saw it; it is written to the article and to every feed item that
    leads to it, so the library's lists and the sources' lists sort it alike. The
    outlet is the site's name, else the (first) feed's title, else the host (never
    an IP address). Returns each article's outlet. Runs inside a write transaction.
    """
    outlets: dict[int, str] = {}
    for article_id in dict.fromkeys(article_ids):
        row = conn.execute(
            "SELECT published, site_name, host, coalesce(first_seen, fetched_at), sort_at,"
            " outlet FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            continue
        items = conn.execute(
            "SELECT e.id, e.published, e.first_seen, e.sort_at, s.title FROM article_urls au"
            " JOIN entries e ON e.article_url = au.url JOIN sources s ON s.id = e.source_id"
            " WHERE au.article_id = ? ORDER BY e.id",
            (article_id,),
        ).fetchall()
        fed = [t for t in (parse_time(i[1]) for i in items) if t is not None]
        when = parse_time(row[0])
        if when is None:
            when = min(fed) if fed else min([row[3], *(i[2] for i in items)])
        outlet = site_named(row[1], row[2]) or (items[0][4] if items else "") or named_host(row[2])
        outlets[article_id] = outlet
        if (when, outlet) != (row[4], row[5]):
            conn.execute(
                "UPDATE articles SET sort_at = ?, outlet = ? WHERE id = ?",
                (when, outlet, article_id),
            )
            if fts and outlet != row[5]:
                conn.execute(
                    "UPDATE article_fts SET outlet = ? WHERE rowid = ?", (outlet, article_id)
                )
        stale = [(when, i[0]) for i in items if i[3] != when]
        if stale:
            conn.executemany("UPDATE entries SET sort_at = ? WHERE id = ?", stale)
    return outlets


def link_images(
    conn: sqlite3.Connection, article_id: int, images: Sequence[ImageRef], now: float
) -> None:
    conn.execute("DELETE FROM article_images WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO images (sha256, size_bytes, mime, width, height, stored_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(i.sha256, i.size_bytes, i.mime, i.width, i.height, now) for i in images],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO article_images (article_id, url_key, image_id)"
        " SELECT ?, ?, id FROM images WHERE sha256 = ?",
        [(article_id, image_url_key(i.url), i.sha256) for i in images],
    )


def mark_checked(
    conn: sqlite3.Connection, article_id: int, validators: Validators, now: float
) -> None:
    """A conditional GET said "not modified": remember when, and any new validators."""
    conn.execute(
        "UPDATE articles SET checked_at = ?, etag = coalesce(?, etag),"
        " last_modified = coalesce(?, last_modified) WHERE id = ?",
        (now, validators.etag, validators.last_modified, article_id),
    )


def touch(conn: sqlite3.Connection, read_times: Mapping[int, float]) -> None:
    """Record when articles were last opened (eviction order)."""
    conn.executemany(
        "UPDATE articles SET last_read_at = max(coalesce(last_read_at, 0), ?) WHERE id = ?",
        [(when, article_id) for article_id, when in read_times.items()],
    )


# -- reading ------------------------------------------------------------------------------


def find_id(conn: sqlite3.Connection, urls: Iterable[str]) -> int | None:
    """The id of the article any of ``urls`` (canonicalised) led to, if cached."""
    for url in urls:
        row = conn.execute("SELECT article_id FROM article_urls WHERE url = ?", (url,)).fetchone()
        if row:
            return int(row[0])
    return None


def key_of(conn: sqlite3.Connection, article_id: int) -> str | None:
    row = conn.execute("SELECT url FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def get(conn: sqlite3.Connection, article_id: int) -> StoredArticle | None:
    """Load one cached article with its text, related links and image count."""
    row = conn.execute(
        """
        SELECT a.url, a.canonical_url, a.final_url, a.title, a.byline, a.published,
               a.site_name, a.language, a.lead_image, a.description, a.next_page, a.pages,
               a.fetched_at, a.checked_at, a.etag, a.last_modified, a.content_hash, b.html,
               f.body,
               (SELECT count(*) FROM article_images i WHERE i.article_id = a.id), a.authors,
               a.outlet, a.sort_at
        FROM articles a
        JOIN article_bodies b ON b.article_id = a.id
        JOIN article_fts f ON f.rowid = a.id
        WHERE a.id = ?
        """,
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    related = [
        RelatedLink(url=r[0], title=r[1], source=r[2], kind=r[3])
        for r in conn.execute(
            "SELECT url, title, source, kind FROM article_related WHERE article_id = ?"
            " ORDER BY position",
            (article_id,),
        )
    ]
    article = Article(
        url=row[2], canonical_url=row[1], title=row[3],
        html=zlib.decompress(row[17]).decode("utf-8", "surrogatepass"), text=row[18],
        byline=row[4], published=row[5], site_name=row[6], language=row[7],
        lead_image=row[8], description=row[9], related=related, next_page=row[10],
        pages=row[11], authors=_authors(row[20]),
    )  # fmt: skip
    return StoredArticle(
        id=article_id, key=row[0], article=article, fetched_at=row[12], checked_at=row[13],
        validators=Validators(row[14], row[15]), content_hash=row[16], images=row[19],
        outlet=row[21], sort_at=row[22],
    )  # fmt: skip


def _authors(stored: str | None) -> list[str]:
    """The JSON array of names in ``articles.authors`` (NULL before migration 0006)."""
    if not stored:
        return []
    try:
        names = json.loads(stored)
    except ValueError:
        return []
    return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []


def image_sha(conn: sqlite3.Connection, url: str) -> bytes | None:
    row = conn.execute(
        "SELECT i.sha256 FROM article_images ai JOIN images i ON i.id = ai.image_id"
        " WHERE ai.url_key = ? LIMIT 1",
        (image_url_key(url),),
    ).fetchone()
    return None if row is None else bytes(row[0])


# -- user state ---------------------------------------------------------------------------


def get_state(conn: sqlite3.Connection, url: str) -> ArticleState:
    row = conn.execute(
        "SELECT read, read_at, starred, starred_at, note FROM article_state WHERE url = ?",
        (url,),
    ).fetchone()
    if row is None:
        return ArticleState(url)
    return ArticleState(url, bool(row[0]), bool(row[2]), ts(row[1]), ts(row[3]), row[4])


def set_read(conn: sqlite3.Connection, url: str, read: bool, now: float) -> None:
    conn.execute(
        "INSERT INTO article_state (url, read, read_at) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET read = excluded.read, read_at = excluded.read_at",
        (url, int(read), now if read else None),
    )


def set_starred(conn: sqlite3.Connection, url: str, starred: bool, now: float) -> None:
    conn.execute(
        "INSERT INTO article_state (url, starred, starred_at) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET starred = excluded.starred,"
        " starred_at = excluded.starred_at",
        (url, int(starred), now if starred else None),
    )


def set_note(conn: sqlite3.Connection, url: str, note: str | None) -> None:
    conn.execute(
        "INSERT INTO article_state (url, note) VALUES (?, ?)"
        " ON CONFLICT (url) DO UPDATE SET note = excluded.note",
        (url, note or None),
    )


def collections_of(conn: sqlite3.Connection, url: str) -> tuple[str, ...]:
    return tuple(
        r[0]
        for r in conn.execute(
            "SELECT c.name FROM collection_items ci JOIN collections c ON c.id = ci.collection_id"
            " WHERE ci.url = ? ORDER BY c.builtin IS NULL, c.name_key",
            (url,),
        )
    )


# -- lists ----------------------------------------------------------------------------------

_HEADLINE_COLUMNS = f"""a.id, a.url, a.title, a.outlet, a.sort_at, a.published, a.lead_image,
    a.words, coalesce(s.read, 0), coalesce(s.starred, 0), {HIGHLIGHTED.format(url="a.url")}"""


def source_clause(source: str | None, alias: str = "a") -> tuple[str, list[object]]:
    """SQL matching an outlet by host (with or without www.) or by its display name."""
    if not source:
        return "", []
    value = source.strip().lower()
    host = host_of(value) if "://" in value else value
    return (
        f" AND ({alias}.host IN (?, ?) OR {alias}.outlet = ? COLLATE NOCASE)",
        [host.removeprefix("www."), "www." + host.removeprefix("www."), source.strip()],
    )


def headlines(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    unread_only: bool = False,
    starred_only: bool = False,
    after: Headline | None = None,
    limit: int = 200,
    offset: int = 0,
    by_story: bool = False,
    oldest_first: bool = False,
) -> list[Headline]:
    """Newest first (or oldest first) by the article's date; keyset paging with ``after``.

    ``by_story`` shows each story once: its earliest telling among the rows listed.
    Articles a rule hid are left out.
    """

    def scope(article: str, state: str) -> tuple[str, list[object]]:
        where, params = source_clause(source, article)
        where += f" AND NOT {HIDDEN.format(url=article + '.url')}"
        if unread_only:
            where += f" AND coalesce({state}.read, 0) = 0"
        if starred_only:
            where += f" AND {state}.starred = 1"
        return where, params

    where, params = scope("a", "s")
    if after is not None and after.article_id is not None:
        where += f" AND (a.sort_at, a.id) {'>' if oldest_first else '<'} (?, ?)"
        params += [after.sort_at.timestamp(), after.article_id]
    if by_story:
        inner, inner_params = scope("b", "bs")
        where += (
            " AND (sa.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM story_articles sb"
            " JOIN articles b ON b.id = sb.article_id LEFT JOIN article_state bs ON bs.url = b.url"
            f" WHERE sb.story_id = sa.story_id AND (b.sort_at, b.id) < (a.sort_at, a.id){inner}))"
        )
        params += inner_params
    order = "ASC" if oldest_first else "DESC"
    rows = conn.execute(
        f"SELECT {_HEADLINE_COLUMNS}, {HEADLINE_STORY_COLUMNS} FROM articles a"
        f" LEFT JOIN article_state s ON s.url = a.url{HEADLINE_STORY_JOIN} WHERE 1 {where}"
        f" ORDER BY a.sort_at {order}, a.id {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [
        Headline(
            url=r[1], title=r[2], outlet=r[3], sort_at=datetime.fromtimestamp(r[4], UTC),
            published=r[5], lead_image=r[6], words=r[7], read=bool(r[8]), starred=bool(r[9]),
            article_id=r[0], highlighted=bool(r[10]), story=r[11], story_size=r[12] or 1,
            story_outlets=r[13] or 1,
        )
        for r in rows
    ]  # fmt: skip


def outlet_at(conn: sqlite3.Connection, origin: str) -> str | None:
    """The outlet name of stored articles whose address starts with ``origin``
    ("https://www.kompas.com/"), if any: one name per site in every pane."""
    row = conn.execute(
        "SELECT outlet FROM articles WHERE url >= ? AND url < ? AND outlet != ''"
        " ORDER BY url LIMIT 1",
        (origin, origin + "\U0010ffff"),
    ).fetchone()
    return None if row is None else str(row[0])


def unread_keys(
    conn: sqlite3.Connection, *, starred_only: bool = False, collection_id: int | None = None
) -> list[str]:
    """Identity URLs of the unread articles of the library (or its starred, or a collection)."""
    where, params = "", []
    if starred_only:
        where += " AND s.starred = 1"
    if collection_id is not None:
        where += " AND a.url IN (SELECT url FROM collection_items WHERE collection_id = ?)"
        params.append(collection_id)
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT a.url FROM articles a LEFT JOIN article_state s ON s.url = a.url"
            f" WHERE coalesce(s.read, 0) = 0 {where}",
            params,
        )
    ]


def set_read_many(conn: sqlite3.Connection, urls: Sequence[str], read: bool, now: float) -> None:
    conn.executemany(
        "INSERT INTO article_state (url, read, read_at) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET read = excluded.read, read_at = excluded.read_at",
        [(url, int(read), now if read else None) for url in urls],
    )


def counts(conn: sqlite3.Connection) -> tuple[int, int, int, int]:
    """(articles, unread articles, starred, saved distinct URLs); articles a rule hid are
    not counted (they are not listed)."""
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    read = conn.execute(
        "SELECT count(*) FROM article_state s JOIN articles a ON a.url = s.url WHERE s.read = 1"
    ).fetchone()[0]
    hidden, hidden_read = conn.execute(
        "SELECT count(*), coalesce(sum(coalesce(s.read, 0)), 0) FROM"
        " (SELECT DISTINCT url FROM rule_hits WHERE action = 'hide') h"
        " JOIN articles a ON a.url = h.url LEFT JOIN article_state s ON s.url = h.url"
    ).fetchone()
    total -= hidden
    read -= hidden_read
    starred = conn.execute("SELECT count(*) FROM article_state WHERE starred = 1").fetchone()[0]
    saved = conn.execute("SELECT count(DISTINCT url) FROM collection_items").fetchone()[0]
    return int(total), int(total - read), int(starred), int(saved)


def outlets(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    return [
        (r[0], r[1], int(r[2]))
        for r in conn.execute(
            "SELECT outlet, host, count(*) FROM articles GROUP BY outlet, host"
            " ORDER BY count(*) DESC, outlet"
        )
    ]
