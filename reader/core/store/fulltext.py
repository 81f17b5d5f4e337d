"""Full-text search over cached articles (SQLite FTS5).

Ranking is bm25 (title weighted over outlet over body) among the most recently
stored :data:`CANDIDATES` matches. Scoring every match costs ~250 ms for a common
word at 100,000 articles; walking the index newest-first and scoring the newest
500 costs a few ms, and for news "recent and relevant" is the better answer anyway.

The index folds diacritics (``remove_diacritics 2``), so "kopi" finds "Kopí" and
the reverse. What the user types is never passed to MATCH as syntax: it is cut
into words, each quoted, AND-ed, the last one made a prefix (``"banj"*`` finds
"banjir"); a quoted "two words" stays a phrase.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from reader.core.models import SearchHit
from reader.core.store.articles import source_clause
from reader.core.store.rules import HIDDEN, HIGHLIGHTED

#: Weights of title, outlet and body for bm25 ranking.
WEIGHTS = (8.0, 2.0, 1.0)
SNIPPET_CHARS = 200
#: Matches scored per query (the most recently stored ones).
CANDIDATES = 500
#: A window's first page: with fewer whole-word matches, the last word is a prefix.
COUNT_EXPAND_BELOW = 200
MAX_TERMS = 12
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_PHRASE_RE = re.compile(r'"([^"]*)"')


def match_expression(query: str, *, prefix: bool = True) -> str:
    """An FTS5 MATCH expression for free text; empty if there is nothing to search.

    Words are AND-ed; the last one is a prefix (search as you type: "harga ban"
    finds "harga banjir"), earlier ones match whole words, which keeps long queries
    cheap. A quoted "two words" is a phrase.
    """
    terms: list[str] = []
    for phrase in _PHRASE_RE.findall(query):
        words = _WORD_RE.findall(phrase)
        if words:
            terms.append('"' + " ".join(words) + '"')
    for word in _WORD_RE.findall(_PHRASE_RE.sub(" ", query)):
        terms.append(f'"{word}"')
    terms = terms[:MAX_TERMS]
    if prefix and terms and not query.rstrip().endswith('"'):
        terms[-1] += "*"
    return " AND ".join(terms)


class _FoldTable(dict[int, str]):
    """``str.translate`` table: each character to its lower-case base letter.

    Length-preserving (one character in, one out), so offsets in the folded text
    are offsets in the original: that is what lets us highlight the original.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        folded = base.lower()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        value = folded if code < 128 or len(folded.lower()) == 1 else char
        self[code] = value
        return value


_FOLD = _FoldTable()


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case, diacritics removed, same length as ``text``."""
    if text.isascii():
        return text.lower()
    folded = _NON_ASCII_RE.sub(lambda m: _FOLD[ord(m.group())], text).lower()
    if len(folded) != len(text):  # a character whose lower case is longer (rare)
        folded = text.translate(_FOLD)
    return folded


def _highlighter(query: str) -> re.Pattern[str] | None:
    """A regex over folded text matching what :func:`match_expression` matches."""
    words = [fold(w) for w in _WORD_RE.findall(query)][:MAX_TERMS]
    if not words:
        return None
    prefix_last = not query.rstrip().endswith('"')
    parts = []
    for n, word in enumerate(words):
        tail = r"\w*" if prefix_last and n == len(words) - 1 else r"(?!\w)"
        parts.append(re.escape(word) + tail)
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(set(parts), key=len, reverse=True)) + ")")


def snippet(body: str, pattern: re.Pattern[str] | None) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About :data:`SNIPPET_CHARS` characters of ``body`` around the densest matches."""
    folded = fold(body)
    found = [m.span() for m in pattern.finditer(folded)] if pattern else []
    if found:
        best, most, j = 0, 0, 0
        for i, (a, _) in enumerate(found):  # the window holding the most matches
            while j < len(found) and found[j][0] < a + SNIPPET_CHARS // 2:
                j += 1
            if j - i > most:
                best, most = i, j - i
        start = max(0, found[best][0] - SNIPPET_CHARS // 4)
    else:
        start = 0
    end = min(len(body), start + SNIPPET_CHARS)
    if start > 0:  # begin and end on word boundaries
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < found[0][0] + SNIPPET_CHARS else start
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start else end
    text = " ".join(body[start:end].split("\n"))
    spans = tuple((a - start, b - start) for a, b in found if a >= start and b <= end)
    lead = "…" if start > 0 else ""
    trail = "…" if end < len(body) else ""
    return lead + text + trail, tuple((a + len(lead), b + len(lead)) for a, b in spans)


def _scope(
    source: str | None,
    collection_id: int | None,
    source_ids: Sequence[int] | None,
    unread_only: bool,
    starred_only: bool,
) -> tuple[str, list[object]]:
    """SQL (over ``a``, the articles row) narrowing a search to one place of the library."""
    where, params = source_clause(source)
    where += f" AND NOT {HIDDEN.format(url='a.url')}"
    if collection_id is not None:
        where += " AND a.url IN (SELECT url FROM collection_items WHERE collection_id = ?)"
        params.append(collection_id)
    if source_ids is not None:
        ids = list(source_ids)
        where += (
            " AND a.id IN (SELECT au.article_id FROM entries e"
            " JOIN article_urls au ON au.url = e.article_url"
            f" WHERE e.source_id IN ({','.join('?' * len(ids))}))"
            if ids
            else " AND 0"
        )
        params += ids
    if unread_only:
        where += " AND NOT EXISTS (SELECT 1 FROM article_state r WHERE r.url = a.url AND r.read)"
    if starred_only:
        where += " AND EXISTS (SELECT 1 FROM article_state r WHERE r.url = a.url AND r.starred)"
    return where, params


def count(
    conn: sqlite3.Connection,
    query: str,
    *,
    source: str | None = None,
    collection_id: int | None = None,
    source_ids: Sequence[int] | None = None,
    unread_only: bool = False,
    starred_only: bool = False,
    cap: int = 1000,
) -> int:
    """How many articles :func:`search` finds, counted up to ``cap`` (+1 means "more").

    Whole words first, as :func:`search` does; a last word with too few whole-word
    matches counts as the prefix being typed.
    """
    exact = match_expression(query, prefix=False)
    if not exact:
        return 0
    where, params = _scope(source, collection_id, source_ids, unread_only, starred_only)

    def counted(expression: str) -> int:
        row = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM article_fts JOIN articles a"
            f" ON a.id = article_fts.rowid WHERE article_fts MATCH ? {where} LIMIT ?)",
            [expression, *params, cap + 1],
        ).fetchone()
        return int(row[0])

    found = counted(exact)
    expanded = match_expression(query)
    if found < COUNT_EXPAND_BELOW and expanded != exact:
        found = counted(expanded)
    return found


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    source: str | None = None,
    collection_id: int | None = None,
    source_ids: Sequence[int] | None = None,
    unread_only: bool = False,
    starred_only: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Best matches first (bm25 over title, outlet, body), with highlighted snippets.

    The last word is first matched whole (cheap: the index is read lazily); only
    when that gives fewer than ``limit`` hits is it expanded as a prefix (a partial
    word being typed). A prefix term makes FTS5 merge the postings of every word
    it matches, and bm25 then scans them all again for its IDF (~20 ms each for a
    common prefix at 100,000 articles), so expanded results come newest first,
    unscored. Each MATCH is evaluated once; snippets are cut here from the stored
    text.
    """
    exact = match_expression(query, prefix=False)
    if not exact:
        return []
    where, params = _scope(source, collection_id, source_ids, unread_only, starred_only)
    rows = _ranked(conn, exact, where=where, params=params, limit=limit, offset=offset)
    expanded = match_expression(query)
    if len(rows) < limit and expanded != exact:  # a partial last word: expand it
        rows = _ranked(
            conn, expanded, where=where, params=params, limit=limit, offset=offset, score=False
        )
    pattern = _highlighter(query)
    hits = []
    for r in rows:
        text, spans = snippet(r[7] or "", pattern)
        hits.append(
            SearchHit(
                url=r[0], title=r[1], outlet=r[2], snippet=text, highlights=spans,
                sort_at=datetime.fromtimestamp(r[3], UTC), published=r[4], read=bool(r[5]),
                starred=bool(r[6]), score=-float(r[8]), highlighted=bool(r[9]),
            )
        )  # fmt: skip
    return hits


def _ranked(
    conn: sqlite3.Connection,
    expression: str,
    *,
    where: str,
    params: list[object],
    limit: int,
    offset: int,
    score: bool = True,
) -> list[Any]:
    weights = ", ".join(map(str, WEIGHTS))
    rank = f"bm25(article_fts, {weights})" if score else "0.0"
    return conn.execute(
        f"""
        WITH candidates AS (
            SELECT article_fts.rowid AS id, {rank} AS score
            FROM article_fts JOIN articles a ON a.id = article_fts.rowid
            WHERE article_fts MATCH ? {where}
            ORDER BY article_fts.rowid DESC LIMIT {CANDIDATES}
        )
        SELECT a.url, a.title, a.outlet, a.sort_at, a.published,
               coalesce(s.read, 0), coalesce(s.starred, 0), f.body, c.score,
               {HIGHLIGHTED.format(url="a.url")}
        FROM candidates c
        JOIN articles a ON a.id = c.id
        JOIN article_fts f ON f.rowid = c.id
        LEFT JOIN article_state s ON s.url = a.url
        ORDER BY c.score, c.id DESC LIMIT ? OFFSET ?
        """,
        [expression, *params, limit, offset],
    ).fetchall()
