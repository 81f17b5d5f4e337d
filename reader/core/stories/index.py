"""The grouping decision for one arriving article, and the state it keeps in SQLite.

For each article: count its terms into the document frequencies (the idf statistics), weigh
its terms by tf-idf (names and numbers count double), look up the stories that share its
strongest terms within the time window, and compare it with each one's centroid (and
headline words). The best story at or above the threshold takes it; otherwise it starts a
story. A candidate's similarity is lowered when only one side has a date, and a story whose
members are all more than ``window_days`` away is no candidate at all.

Everything lives in the tables of migration ``*_stories.sql`` on the connection given: the
library's file in the product, an in-memory copy in :func:`~.grouping.group_stories`. Both run
this same code, in the same order, so both make the same decisions.
"""

from __future__ import annotations

import math
import sqlite3
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.core.stories.text import Features, sublinear

DAY = 86400.0


@dataclass(frozen=True, slots=True)
class StoryParams:
    """The grouping's constants (chosen on a training split, checked on held-out stories)."""

    threshold: float = 0.27  # cosine to join a story
    names_boost: float = 2.0  # names and numbers weigh this much more
    title_factor: float = 0.7  # headline-to-headlines cosine, scaled, may stand in
    undated_penalty: float = 0.10  # one side dated, the other not: less sure it is one event
    window_days: float = 60.0  # no member of the story closer than this: not a candidate
    query_terms: int = 30  # an article's strongest terms, used to find candidates
    candidates: int = 32  # at most this many stories compared
    centroid_terms: int = 300  # a story keeps its strongest terms


@dataclass(frozen=True, slots=True)
class Decision:
    story_id: int
    similarity: float  # to the story joined; 0.0 for a new story
    new: bool


@dataclass(slots=True)
class _Story:
    id: int
    first_at: float | None
    last_at: float | None
    size: int
    norm: float
    centroid: dict[int, float]
    title_norm: float
    titles: dict[int, float]


def _pack(weights: dict[int, float]) -> bytes:
    items = sorted(weights.items())
    return array("I", [t for t, _ in items]).tobytes() + array("f", [w for _, w in items]).tobytes()


def _unpack(blob: bytes) -> dict[int, float]:
    half = len(blob) // 2
    terms, weights = array("I"), array("f")
    terms.frombytes(blob[:half])
    weights.frombytes(blob[half:])
    return dict(zip(terms, weights, strict=True))


def _norm(weights: dict[int, float]) -> float:
    return math.sqrt(sum(w * w for w in weights.values())) or 1.0


def _unit(weights: dict[int, float]) -> dict[int, float]:
    n = _norm(weights)
    return {t: w / n for t, w in weights.items()}


def _strongest(weights: dict[int, float], n: int) -> dict[int, float]:
    if len(weights) <= n:
        return weights
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def _day(when: float | None) -> int:
    return -1 if when is None else int(when // DAY)


class StoryIndex:
    """Grouping state on one connection; every method runs inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, params: StoryParams | None = None) -> None:
        self.conn = conn
        self.params = params or StoryParams()

    # ---------------------------------------------------------------- idf statistics

    def _count(self, feats: Features) -> tuple[int, dict[int, int]]:
        """Add the article's terms to the statistics; (documents, df of its terms)."""
        conn = self.conn
        conn.execute("UPDATE story_stats SET value = value + 1 WHERE name = 'documents'")
        documents = self._documents()
        terms = sorted(feats.terms)
        conn.executemany(
            "INSERT INTO story_terms (term, df) VALUES (?, 1)"
            " ON CONFLICT (term) DO UPDATE SET df = df + 1",
            [(t,) for t in terms],
        )
        return documents, self._df(terms)

    def _documents(self) -> int:
        row = self.conn.execute("SELECT value FROM story_stats WHERE name = 'documents'").fetchone()
        return int(row[0])

    def _df(self, terms: list[int]) -> dict[int, int]:
        found: dict[int, int] = {}
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.conn.execute(
                    f"SELECT term, df FROM story_terms WHERE term IN ({marks})", chunk
                ).fetchall()
            )
        return found

    def vectors(
        self, feats: Features, documents: int, df: dict[int, int]
    ) -> tuple[dict[int, float], dict[int, float]]:
        """(body vector, headline vector), both of unit length."""
        boost = self.params.names_boost

        def idf(term: int) -> float:
            return math.log((documents + 1) / (df.get(term, 0) + 1)) + 1.0

        weights = {
            t: sublinear(c) * idf(t) * (boost if t in feats.names else 1.0)
            for t, c in feats.terms.items()
        }
        return _unit(weights), _unit({t: idf(t) for t in feats.title})

    # ---------------------------------------------------------------- deciding

    def add(self, article_id: int, feats: Features) -> Decision:
        """Group one new article (counting it into the statistics) and record where it went."""
        documents, df = self._count(feats)
        vector, titles = self.vectors(feats, documents, df)
        query = sorted(_strongest(vector, self.params.query_terms))
        best: tuple[float, int] | None = None
        stories = {s.id: s for s in self._candidates(query, feats.when)}
        for story in stories.values():
            score = self._similarity(story, vector, titles, feats.when)
            if score is not None and (best is None or score > best[0]):
                best = (score, story.id)
        if best is not None and best[0] >= self.params.threshold:
            story = stories[best[1]]
            self._join(story, vector, titles, feats.when)
            decision = Decision(story.id, best[0], new=False)
        else:
            decision = Decision(self._create(vector, titles, feats.when), 0.0, new=True)
        self._post(decision.story_id, query, feats.when)
        self.conn.execute(
            "INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?, ?)",
            (article_id, decision.story_id),
        )
        return decision

    def _candidates(self, query: list[int], when: float | None) -> list[_Story]:
        if not query:
            return []
        marks = ",".join("?" * len(query))
        params: list[object] = list(query)
        if when is None:
            window = ""
        else:
            day, span = _day(when), math.ceil(self.params.window_days)
            window = " AND (day = -1 OR day BETWEEN ? AND ?)"
            params += [day - span - 1, day + span + 1]
        rows = self.conn.execute(
            f"SELECT story_id, count(DISTINCT term) AS shared FROM story_postings"
            f" WHERE term IN ({marks}){window} GROUP BY story_id"
            f" ORDER BY shared DESC, story_id LIMIT ?",
            [*params, self.params.candidates],
        ).fetchall()
        return self._load([r[0] for r in rows])

    def _load(self, ids: Iterable[int]) -> list[_Story]:
        ids = sorted(ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return [
            _Story(r[0], r[1], r[2], r[3], r[4], _unpack(r[5]), r[6], _unpack(r[7]))
            for r in self.conn.execute(
                f"SELECT id, first_at, last_at, size, norm, centroid, title_norm, titles"
                f" FROM stories"
                f" WHERE id IN ({marks}) ORDER BY id",
                ids,
            )
        ]

    def _similarity(
        self,
        story: _Story,
        vector: dict[int, float],
        titles: dict[int, float],
        when: float | None,
    ) -> float | None:
        p = self.params
        penalty = 0.0
        if when is not None and story.last_at is not None and story.first_at is not None:
            gap = max(0.0, when - story.last_at, story.first_at - when)
            if gap > p.window_days * DAY:
                return None
        elif (when is None) != (story.last_at is None):
            penalty = p.undated_penalty
        centroid = story.centroid
        score = sum(w * centroid.get(t, 0.0) for t, w in vector.items()) / story.norm
        heads = story.titles
        title_score = sum(w * heads.get(t, 0.0) for t, w in titles.items()) / story.title_norm
        return max(score, p.title_factor * title_score) - penalty

    # ---------------------------------------------------------------- writing

    def _create(
        self, vector: dict[int, float], titles: dict[int, float], when: float | None
    ) -> int:
        centroid = _strongest(vector, self.params.centroid_terms)
        row = self.conn.execute(
            "INSERT INTO stories (first_at, last_at, size, norm, centroid, title_norm, titles)"
            " VALUES (?, ?, 1, ?, ?, ?, ?) RETURNING id",
            (when, when, _norm(centroid), _pack(centroid), _norm(titles), _pack(titles)),
        ).fetchone()
        return int(row[0])

    def _join(
        self,
        story: _Story,
        vector: dict[int, float],
        titles: dict[int, float],
        when: float | None,
    ) -> None:
        centroid = dict(story.centroid)
        for t, w in vector.items():
            centroid[t] = centroid.get(t, 0.0) + w
        centroid = _strongest(centroid, self.params.centroid_terms)
        heads = dict(story.titles)
        for t, w in titles.items():
            heads[t] = heads.get(t, 0.0) + w
        heads = _strongest(heads, self.params.centroid_terms)
        first = story.first_at if when is None else min(story.first_at or when, when)
        last = story.last_at if when is None else max(story.last_at or when, when)
        self.conn.execute(
            "UPDATE stories SET first_at = ?, last_at = ?, size = size + 1, norm = ?,"
            " centroid = ?, title_norm = ?, titles = ? WHERE id = ?",
            (first, last, _norm(centroid), _pack(centroid), _norm(heads), _pack(heads), story.id),
        )

    def _post(self, story_id: int, query: list[int], when: float | None) -> None:
        day = _day(when)
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_postings (term, day, story_id) VALUES (?, ?, ?)",
            [(t, day, story_id) for t in query],
        )

    # ---------------------------------------------------------------- the reader's choices

    def rebuild(self, story_id: int, members: Iterable[tuple[int, Features]]) -> None:
        """Recompute a story from its members (after a split or merge), with today's idf."""
        documents = self._documents()
        members = list(members)
        if not members:
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            self.conn.execute("DELETE FROM story_postings WHERE story_id = ?", (story_id,))
            return
        centroid: dict[int, float] = {}
        heads: dict[int, float] = {}
        times = [f.when for _, f in members if f.when is not None]
        self.conn.execute("DELETE FROM story_postings WHERE story_id = ?", (story_id,))
        for article_id, feats in members:
            vector, titles = self.vectors(feats, documents, self._df(sorted(feats.terms)))
            for t, w in vector.items():
                centroid[t] = centroid.get(t, 0.0) + w
            for t, w in titles.items():
                heads[t] = heads.get(t, 0.0) + w
            self._post(story_id, sorted(_strongest(vector, self.params.query_terms)), feats.when)
            self.conn.execute(
                "INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?, ?)",
                (article_id, story_id),
            )
        centroid = _strongest(centroid, self.params.centroid_terms)
        heads = _strongest(heads, self.params.centroid_terms)
        self.conn.execute(
            "INSERT OR REPLACE INTO stories (id, first_at, last_at, size, norm, centroid,"
            " title_norm, titles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (story_id, min(times, default=None), max(times, default=None), len(members),
             _norm(centroid), _pack(centroid), _norm(heads), _pack(heads)),
        )  # fmt: skip

    def new_story_id(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM stories").fetchone()
        return int(row[0])

    def story_of(self, article_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def members(self, story_id: int) -> list[int]:
        return [
            int(r[0])
            for r in self.conn.execute(
                "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id",
                (story_id,),
            )
        ]

    def regroup(self, moves: dict[int, list[int]], features_of: Callable[[int], Features]) -> None:
        """Set each story in ``moves`` to exactly the given articles, recomputing it."""
        for story_id, article_ids in sorted(moves.items()):
            self.rebuild(story_id, [(a, features_of(a)) for a in article_ids])
