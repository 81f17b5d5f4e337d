"""``group_stories``: the product's grouping, run over a list (for measurement and tests)."""

from __future__ import annotations

import importlib.resources
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from reader.core.models import parse_time
from reader.core.stories.index import StoryIndex, StoryParams
from reader.core.stories.text import features


def _schema() -> str:
    """The stories migration's SQL, as the library runs it (read, not imported)."""
    folder = importlib.resources.files("reader.core.store") / "migrations"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith("_stories.sql"):
            return entry.read_text("utf-8")
    raise RuntimeError("the stories migration is missing")


def memory_index(params: StoryParams | None = None) -> StoryIndex:
    """A :class:`StoryIndex` on a fresh in-memory database with the library's tables."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    # What the migration refers to: the articles it groups, the user-state registry.
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE user_state_tables (name TEXT PRIMARY KEY, columns TEXT)")
    conn.executescript(_schema())
    return StoryIndex(conn, params)


def _field(item: Any, name: str) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def group_stories(articles: Iterable[Any], params: StoryParams | None = None) -> list[int]:
    """One story key per article, same order: what the library does as they arrive one by one.

    Each article is an object or a dict with ``title``, ``description`` (the lead, may be
    None), ``text``, ``outlet``, ``published`` (ISO 8601 or None) and ``url``; an optional
    ``arrived`` (ISO 8601) stands in for a missing date, as the library's fetch time does.
    """
    index = memory_index(params)
    keys = []
    conn = index.conn
    conn.execute("BEGIN")
    for number, item in enumerate(articles, start=1):
        conn.execute("INSERT INTO articles (id) VALUES (?)", (number,))
        feats = features(
            _field(item, "title"),
            _field(item, "description"),
            _field(item, "text"),
            _field(item, "published"),
            parse_time(_field(item, "arrived")),
        )
        keys.append(index.add(number, feats, flush=False).story_id)
    index.flush()
    conn.execute("COMMIT")
    conn.close()
    return keys
