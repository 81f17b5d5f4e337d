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

A :class:`StoryIndex` lives for one write transaction and keeps what it read and wrote in
memory meanwhile (document frequencies, recently compared stories as dictionaries): nobody
else can change those tables inside the transaction, so the copies are exact, and a batch of
arrivals (grouping a library after the upgrade) reads and unpacks each story once, not once
per article. ``flush`` writes the counted frequencies before the transaction commits.
"""

from __future__ import annotations

import math
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import mul

from reader.core.stories.text import Features

DAY = 86400.0
#: Stories kept unpacked by one index (about 40 kB each): a month of a busy library's stories.
CACHED_STORIES = 1024


@dataclass(frozen=True, slots=True)
class StoryParams:
    """The grouping's constants (chosen on a training split, checked on held-out stories)."""

    threshold: float = 0.27  # cosine to join a story
    names_boost: float = 2.0  # names and numbers weigh this much more
    title_factor: float = 0.7  # headline-to-headlines cosine, scaled, may stand in
    undated_penalty: float = 0.10  # one side dated, the other not: less sure it is one event
    window_days: float = 60.0  # no member of the story closer than this: not a candidate
    query_terms: int = 30  # an article's strongest terms, used to find candidates
    candidates: int = 16  # at most this many stories compared (32 chose the same everywhere)
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
    view = memoryview(blob)
    return dict(zip(view[:half].cast("I").tolist(), view[half:].cast("f").tolist(), strict=True))


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    """Sparse dot product: only the shared terms are visited (a set intersection, in C)."""
    shared = a.keys() & b.keys()
    return float(sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared))))


def _norm(weights: dict[int, float]) -> float:
    values = list(weights.values())
    return math.sqrt(sum(map(mul, values, values))) or 1.0


def _unit(weights: dict[int, float]) -> dict[int, float]:
    n = _norm(weights)
    return {t: w / n for t, w in weights.items()}


def _strongest(weights: dict[int, float], n: int) -> dict[int, float]:
    """The ``n`` heaviest terms, ties to the smaller term id (in weight order)."""
    if len(weights) <= n:
        return weights
    # A stable sort by weight of the terms in id order: equal weights stay in id order.
    heaviest = sorted(sorted(weights), key=weights.__getitem__, reverse=True)[:n]
    return {t: weights[t] for t in heaviest}


def _day(when: float | None) -> int:
    return -1 if when is None else int(when // DAY)


class StoryIndex:
    """Grouping state on one connection, for one transaction (see the module's docstring)."""

    def __init__(self, conn: sqlite3.Connection, params: StoryParams | None = None) -> None:
        self.conn = conn
        self.params = params or StoryParams()
        self._stories: dict[int, _Story] = {}  # least recently used first
        self._df: dict[int, int] = {}  # document frequencies read or counted so far
        self._counted: Counter[int] = Counter()  # counted, not yet written
        self._documents: int | None = None
        self._documents_counted = 0

    # ---------------------------------------------------------------- idf statistics

    def _count(self, feats: Features) -> tuple[int, dict[int, int]]:
        """Add the article's terms to the statistics; (documents, df of its terms)."""
        documents = self.documents() + 1
        self._documents = documents
        self._documents_counted += 1
        df = {t: n + 1 for t, n in self.frequencies(feats.terms).items()}
        self._counted.update(feats.terms.keys())
        self._df.update(df)
        return documents, df

    def documents(self) -> int:
        if self._documents is None:
            row = self.conn.execute(
                "SELECT value FROM story_stats WHERE name = 'documents'"
            ).fetchone()
            self._documents = int(row[0])
        return self._documents

    def frequencies(self, terms: Iterable[int]) -> dict[int, int]:
        """Document frequency of each term (0 when unseen)."""
        known = self._df
        found = {t: known[t] for t in terms if t in known}
        missing = sorted(t for t in terms if t not in found)
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.conn.execute(
                    f"SELECT term, df FROM story_terms WHERE term IN ({marks})", chunk
                ).fetchall()
            )
        for t in missing:
            found.setdefault(t, 0)
            known[t] = found[t]
        return found

    def flush(self) -> None:
        """Write the counted statistics (before the transaction commits)."""
        if self._documents_counted:
            self.conn.execute(
                "UPDATE story_stats SET value = value + ? WHERE name = 'documents'",
                (self._documents_counted,),
            )
            self._documents_counted = 0
        if self._counted:
            self.conn.executemany(
                "INSERT INTO story_terms (term, df) VALUES (?, ?)"
                " ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                sorted(self._counted.items()),
            )
            self._counted.clear()

    def vectors(
        self, feats: Features, documents: int, df: dict[int, int]
    ) -> tuple[dict[int, float], dict[int, float]]:
        """(body vector, headline vector), both of unit length."""
        boost, names, log, total = self.params.names_boost, feats.names, math.log, documents + 1
        idf = {t: log(total / (df.get(t, 0) + 1)) + 1.0 for t in feats.terms}
        weights = {  # sublinear tf (1 + log) times idf, names and numbers boosted
            t: (1.0 + log(c) if c >= 1 else c) * idf[t] * (boost if t in names else 1.0)
            for t, c in feats.terms.items()
        }
        return _unit(weights), _unit({t: idf[t] for t in feats.title})

    # ---------------------------------------------------------------- deciding

    def add(self, article_id: int, feats: Features, *, flush: bool = True) -> Decision:
        """Group one new article (counting it into the statistics) and record where it went.

        ``flush=False`` leaves the statistics in memory for a batch (then call :meth:`flush`).
        """
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
        if flush:
            self.flush()
        return decision

    def _candidates(self, query: list[int], when: float | None) -> list[_Story]:
        if not query:
            return []
        marks = ",".join("?" * len(query))
        if when is None:
            postings = f"SELECT term, story_id FROM story_postings WHERE term IN ({marks})"
            params: list[object] = list(query)
        else:
            # Two index ranges per term (the window's days, then the undated), not a scan
            # of every day the term was ever posted on.
            day, span = _day(when), math.ceil(self.params.window_days)
            postings = (
                f"SELECT term, story_id FROM story_postings WHERE term IN ({marks})"
                f" AND day BETWEEN ? AND ? UNION ALL"
                f" SELECT term, story_id FROM story_postings WHERE term IN ({marks}) AND day = -1"
            )
            params = [*query, day - span - 1, day + span + 1, *query]
        rows = self.conn.execute(
            f"SELECT story_id, count(DISTINCT term) AS shared FROM ({postings})"
            f" GROUP BY story_id ORDER BY shared DESC, story_id LIMIT ?",
            [*params, self.params.candidates],
        ).fetchall()
        return self._load([r[0] for r in rows])

    def _load(self, ids: Iterable[int]) -> list[_Story]:
        """The stories, in id order: from memory when this index has seen them."""
        ids = sorted(ids)
        cache = self._stories
        missing = [i for i in ids if i not in cache]
        if missing:
            marks = ",".join("?" * len(missing))
            for r in self.conn.execute(
                f"SELECT id, first_at, last_at, size, norm, centroid, title_norm, titles"
                f" FROM stories WHERE id IN ({marks})",
                missing,
            ):
                centroid, titles = _unpack(r[5]), _unpack(r[7])
                cache[r[0]] = _Story(r[0], r[1], r[2], r[3], r[4], centroid, r[6], titles)
        found = []
        for i in ids:
            story = cache.pop(i, None)
            if story is not None:
                cache[i] = story  # now the most recently used
                found.append(story)
        while len(cache) > CACHED_STORIES:
            del cache[next(iter(cache))]
        return found

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
        score = _dot(vector, story.centroid) / story.norm
        title_score = _dot(titles, story.titles) / story.title_norm
        return max(score, p.title_factor * title_score) - penalty

    # ---------------------------------------------------------------- writing

    def _create(
        self, vector: dict[int, float], titles: dict[int, float], when: float | None
    ) -> int:
        centroid = _strongest(vector, self.params.centroid_terms)
        packed, heads = _pack(centroid), _pack(titles)
        norm, title_norm = _norm(centroid), _norm(titles)
        row = self.conn.execute(
            "INSERT INTO stories (first_at, last_at, size, norm, centroid, title_norm, titles)"
            " VALUES (?, ?, 1, ?, ?, ?, ?) RETURNING id",
            (when, when, norm, packed, title_norm, heads),
        ).fetchone()
        story_id = int(row[0])
        # As it would read back: weights stored as 32-bit floats.
        self._stories[story_id] = _Story(
            story_id, when, when, 1, norm, _unpack(packed), title_norm, _unpack(heads)
        )
        return story_id

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
        packed, packed_heads = _pack(centroid), _pack(heads)
        norm, title_norm = _norm(centroid), _norm(heads)
        self.conn.execute(
            "UPDATE stories SET first_at = ?, last_at = ?, size = size + 1, norm = ?,"
            " centroid = ?, title_norm = ?, titles = ? WHERE id = ?",
            (first, last, norm, packed, title_norm, packed_heads, story.id),
        )
        self._stories[story.id] = _Story(
            story.id, first, last, story.size + 1, norm, _unpack(packed), title_norm,
            _unpack(packed_heads),
        )  # fmt: skip

    def _post(self, story_id: int, query: list[int], when: float | None) -> None:
        day = _day(when)
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_postings (term, day, story_id) VALUES (?, ?, ?)",
            [(t, day, story_id) for t in query],
        )

    # ---------------------------------------------------------------- the reader's choices

    def rebuild(self, story_id: int, members: Iterable[tuple[int, Features]]) -> None:
        """Recompute a story from its members (after a split or merge), with today's idf."""
        self.flush()
        self._stories.pop(story_id, None)
        documents = self.documents()
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
            vector, titles = self.vectors(feats, documents, self.frequencies(feats.terms))
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
