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
from datetime import UTC, datetime

from reader.core.models import SearchHit
from reader.core.store.articles import MARK_END, MARK_START, source_clause

#: Weights of title, outlet and body for bm25 ranking.
WEIGHTS = (8.0, 2.0, 1.0)
SNIPPET_TOKENS = 20
#: Matches scored per query (the most recently stored ones).
CANDIDATES = 500
MAX_TERMS = 12
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_PHRASE_RE = re.compile(r'"([^"]*)"')


def match_expression(query: str) -> str:
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
    if terms and not query.rstrip().endswith('"'):
        terms[-1] += "*"
    return " AND ".join(terms)


def _spans(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove snippet markers, returning the plain snippet and the highlighted spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for char in marked:
        if char == MARK_START:
            start = length
        elif char == MARK_END:
            if start is not None and start < length:
                spans.append((start, length))
            start = None
        else:
            out.append(char)
            length += 1
    return "".join(out), tuple(spans)


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    source: str | None = None,
    collection_id: int | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Best matches first (bm25 over title, outlet, body), with highlighted snippets."""
    expression = match_expression(query)
    if not expression:
        return []
    where, params = source_clause(source)
    if collection_id is not None:
        where += " AND a.url IN (SELECT url FROM collection_items WHERE collection_id = ?)"
        params.append(collection_id)
    cutoff = conn.execute(
        f"""
        SELECT article_fts.rowid FROM article_fts JOIN articles a ON a.id = article_fts.rowid
        WHERE article_fts MATCH ? {where}
        ORDER BY article_fts.rowid DESC LIMIT 1 OFFSET ?
        """,
        [expression, *params, CANDIDATES - 1],
    ).fetchone()
    if cutoff is not None:
        where += " AND article_fts.rowid >= ?"
        params.append(cutoff[0])
    rows = conn.execute(
        f"""
        SELECT a.url, a.title, a.outlet, a.sort_at, a.published,
               coalesce(s.read, 0), coalesce(s.starred, 0),
               snippet(article_fts, 2, ?, ?, '…', {SNIPPET_TOKENS}), rank
        FROM article_fts
        JOIN articles a ON a.id = article_fts.rowid
        LEFT JOIN article_state s ON s.url = a.url
        WHERE article_fts MATCH ? AND rank MATCH 'bm25({", ".join(map(str, WEIGHTS))})' {where}
        ORDER BY rank LIMIT ? OFFSET ?
        """,
        [MARK_START, MARK_END, expression, *params, limit, offset],
    ).fetchall()
    hits = []
    for r in rows:
        snippet, spans = _spans(r[7] or "")
        hits.append(
            SearchHit(
                url=r[0], title=r[1], outlet=r[2], snippet=snippet, highlights=spans,
                sort_at=datetime.fromtimestamp(r[3], UTC), published=r[4], read=bool(r[5]),
                starred=bool(r[6]), score=-float(r[8]),
            )
        )  # fmt: skip
    return hits
