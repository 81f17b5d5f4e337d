"""Keeping rules and applying them: :func:`apply_rules` for arrivals, :class:`RuleBook`
for the reader's edits (Preferences, ``kabar`` scripts) and for the library already there."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reader.core.models import ParsedEntry, Rule
from reader.core.store import Store
from reader.core.store import rules as rq
from reader.core.store import sources as sq
from reader.core.urls import canonicalize

#: How many of the newest items a rule is tried on when it is made or changed.
EXISTING_ITEMS = 5000


@dataclass(frozen=True, slots=True)
class Arrival:
    """An item that just arrived: its identity URL (the key user state uses: the stored
    article's, else the item link's canonical form), what a rule reads, and the sources
    that list it (None: look them up)."""

    url: str
    title: str
    text: str = ""
    sources: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class RulesApplied:
    """What :func:`apply_rules` did: identity URLs per action."""

    hidden: tuple[str, ...] = ()
    read: tuple[str, ...] = ()
    highlighted: tuple[str, ...] = ()


def apply_rules(
    conn: sqlite3.Connection,
    arrivals: Iterable[Arrival],
    now: float,
    *,
    rules: Sequence[Rule] | None = None,
) -> RulesApplied:
    """Apply the reader's rules to items that just arrived. **The one entry point.**

    Call it once per arrival path, inside the write transaction that stored the items
    (``conn``): refresh and sync for feed items, refresh again for each full article.
    A rule for one source only looks at items that source lists. Hides and highlights
    are recorded per rule (a rule switched off gives them back); "mark read" marks read
    what the reader has not marked either way. ``rules``: the enabled rules if omitted.
    """
    chosen = list(rules) if rules is not None else rq.rules(conn, enabled_only=True)
    items = list(arrivals)
    if not chosen or not items:
        return RulesApplied()
    from reader.core.rules.match import Matcher  # noqa: PLC0415 (regex: only when rules exist)

    matchers = [(rule, Matcher(rule)) for rule in chosen if rule.id is not None]
    unknown = [a.url for a in items if a.sources is None]
    if unknown and any(rule.source_id is not None for rule, _ in matchers):
        listed = rq.source_ids_of(conn, unknown)
    else:
        listed = {}
    hits: list[tuple[str, int, str]] = []
    for item in items:
        sources = item.sources if item.sources is not None else listed.get(item.url, set())
        for rule, matcher in matchers:
            if rule.source_id is not None and rule.source_id not in sources:
                continue
            if matcher.matches(item.title, item.text):
                hits.append((item.url, rule.id, rule.action))  # type: ignore[arg-type]
    rq.add_hits(conn, hits, now)
    read = [url for url, _, action in hits if action == "read"]
    rq.mark_read_if_new(conn, read, now)
    return RulesApplied(
        hidden=tuple(url for url, _, action in hits if action == "hide"),
        read=tuple(read),
        highlighted=tuple(url for url, _, action in hits if action == "highlight"),
    )


def feed_arrivals(
    source_id: int, entries: Iterable[ParsedEntry], new: Iterable[sq.NewEntry]
) -> list[Arrival]:
    """The new items of a merged feed as :func:`apply_rules` reads them (title and summary)."""
    fresh = {item.article_url for item in new if item.article_url}
    arrivals = []
    for entry in entries:
        key = canonicalize(entry.url) if entry.url else None
        if key is not None and key in fresh:
            fresh.discard(key)
            arrivals.append(Arrival(key, entry.title, entry.summary, frozenset({source_id})))
    return arrivals


class RuleBook:
    """The reader's rules in the library: list, save, delete, try on what is there."""

    def __init__(self, store: Callable[[], Store], *, clock: Callable[[], float] = time.time):
        self._store = store  # looked up each time: a repaired library has a new store
        self.clock = clock

    def all(self) -> list[Rule]:
        return rq.rules(self._store().reader())

    def save(self, rule: Rule, *, existing: bool = True) -> Rule:
        """Add a rule (``rule.id`` None) or change one; with ``existing`` it also applies
        to the newest :data:`EXISTING_ITEMS` items already in the library. What a changed
        rule caught before is forgotten first, so the list shows what it catches now."""
        from reader.core.rules.match import Matcher  # noqa: PLC0415

        Matcher(rule)  # a rule that cannot work is refused before anything changes
        store = self._store()
        with store.write() as conn:
            if rule.id is None:
                saved = replace(rule, id=rq.insert(conn, rule, self.clock()))
            else:
                rq.update(conn, rule)
                rq.clear_hits(conn, rule.id)
                saved = rule
        if existing and saved.enabled:
            self.apply_existing(saved)
        return saved

    def delete(self, rule_id: int) -> None:
        """Delete a rule; what it hid or highlighted shows as before (read marks stay)."""
        with self._store().write() as conn:
            rq.delete(conn, rule_id)

    def preview(self, rule: Rule, limit: int = EXISTING_ITEMS) -> int:
        """How many of the newest ``limit`` items ``rule`` would catch (nothing changes)."""
        from reader.core.rules.match import Matcher  # noqa: PLC0415

        matcher = Matcher(rule)
        return sum(1 for item in self._items(rule, limit) if _caught(matcher, rule, item))

    def apply_existing(self, rule: Rule, limit: int = EXISTING_ITEMS) -> int:
        """Apply ``rule`` to the newest ``limit`` items already there; returns how many."""
        items = self._items(rule, limit)
        arrivals = [Arrival(url, title, text, sources) for url, title, text, sources in items]
        with self._store().write() as conn:
            applied = apply_rules(conn, arrivals, self.clock(), rules=[rule])
        return len(applied.hidden) + len(applied.read) + len(applied.highlighted)

    def _items(self, rule: Rule, limit: int) -> list[tuple[str, str, str, frozenset[int]]]:
        return rq.library_items(
            self._store().reader(), source_id=rule.source_id,
            with_text=rule.field == "text", limit=limit,
        )  # fmt: skip


def _caught(matcher: Any, rule: Rule, item: tuple[str, str, str, frozenset[int]]) -> bool:
    _url, title, text, sources = item
    if rule.source_id is not None and rule.source_id not in sources:
        return False
    return bool(matcher.matches(title, text))
