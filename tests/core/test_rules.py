"""Rules: mute (hide, mark read) and highlight, at refresh and on what is already there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import RuleError
from reader.core.models import ParsedEntry, Rule
from reader.core.paths import DataPaths, resolve_data_dir
from reader.core.rules import Matcher, RuleBook, apply_rules, feed_arrivals
from reader.core.services import Services
from reader.core.sources import SourceList
from reader.core.store import sources as sq
from tests.core.libkit import RefreshKit, open_library
from tests.sync.recorded import RecordedServer, Request
from tests.sync.test_recorded import FEED, miniflux_routes
from tests.ui.pages import Item, serve_feed
from tests.web import TestWeb


def catches(rule: Rule, title: str, text: str = "") -> bool:
    return Matcher(rule).matches(title, text)


def test_words_are_whole_words_any_of_them_case_and_accents_folded() -> None:
    rule = Rule(None, "words", "gosip, Piala Dunia; selebriti")
    assert catches(rule, "GOSIP terbaru pekan ini")
    assert catches(rule, "Jadwal piala   dunia 2026")
    assert catches(rule, "Kabar sélébriti ibu kota")
    assert not catches(rule, "Bergosip itu tidak baik"), "whole words only"
    assert not catches(rule, "Harga cabai", "gosip di pasar"), "the title only"
    anywhere = Rule(None, "words", "gosip", field="text")
    assert catches(anywhere, "Harga cabai", "Ada gosip di pasar.")


def test_patterns_ignore_case_and_a_slow_one_gives_up() -> None:
    assert catches(Rule(None, "pattern", r"^live:|\blive\s+update"), "LIVE: Banjir Jakarta")
    assert not catches(Rule(None, "pattern", r"^live:"), "Banjir live: Jakarta")
    slow = Rule(None, "pattern", r"(a+)+$")
    assert not catches(slow, "a" * 40 + "!"), "a runaway pattern counts as no match"
    with pytest.raises(RuleError, match="pattern does not work"):
        Matcher(Rule(None, "pattern", "(unclosed"))
    with pytest.raises(RuleError, match="at least one word"):
        Matcher(Rule(None, "words", " , ;"))


class Kit(RefreshKit):
    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.book = RuleBook(lambda: self.library.store)

    def titles(self, source: int | None = None) -> list[str]:
        if source is None:
            return [h.title for h in self.library.headlines()]
        return [h.title for h in self.sources.headlines(source)]


@pytest.fixture
def kit(tmp_path: Path) -> Iterator[Kit]:
    made = Kit(tmp_path)
    try:
        yield made
    finally:
        made.close()


ITEMS = [
    Item("gosip", "Gosip", "Gosip Selebriti Pekan Ini", words="Kabar artis."),
    Item("banjir", "Banjir", "Banjir Rob di Pesisir", words="Air laut pasang."),
    Item("live", "Live", "LIVE: Rapat Paripurna DPR", words="Siaran langsung."),
    Item("cabai", "Cabai", "Harga Cabai Naik", words="Pedagang mengeluh soal cuaca ekstrem."),
]


def test_rules_apply_at_refresh_to_their_source_and_their_field(web: TestWeb, kit: Kit) -> None:
    feed_a, _ = serve_feed(web, "rules-a", "Kabar A", ITEMS)
    feed_b, _ = serve_feed(web, "rules-b", "Kabar B", [Item("gosip-b", "G", "Gosip dari B")])
    a = kit.sources.add(feed_a)
    b = kit.sources.add(feed_b)
    kit.book.save(Rule(None, "words", "gosip", action="hide", source_id=a.id))
    kit.book.save(Rule(None, "pattern", r"^live:", action="read"))
    # Only in the article's text, not in the feed's summary: caught when the article arrives.
    kit.book.save(Rule(None, "words", "cuaca ekstrem", field="text", action="highlight"))
    kit.refresher.refresh()

    assert "Gosip Selebriti Pekan Ini" not in kit.titles(a.id), "hidden in its source"
    assert "Gosip Selebriti Pekan Ini" not in kit.titles(), "and in All articles"
    assert kit.titles(b.id) == ["Gosip dari B"], "a rule for source A leaves B alone"
    by_title = {h.title: h for h in kit.sources.headlines(a.id)}
    assert by_title["LIVE: Rapat Paripurna DPR"].read
    assert by_title["Harga Cabai Naik"].highlighted
    assert not by_title["Banjir Rob di Pesisir"].highlighted
    assert kit.sources.unread_counts()[a.id] == 2, "hidden and read ones are not unread"
    counts = kit.library.counts()
    assert (counts.articles, counts.unread) == (4, 3)
    assert not kit.library.search("gosip selebriti"), "hidden from search too"


def test_a_new_rule_applies_to_what_is_there_and_deleting_it_gives_it_back(
    web: TestWeb, kit: Kit
) -> None:
    feed, _ = serve_feed(web, "rules-later", "Kabar Nanti", ITEMS)
    source = kit.sources.add(feed)
    kit.refresher.refresh()
    assert len(kit.titles(source.id)) == 4
    assert kit.book.preview(Rule(None, "words", "banjir, cabai")) == 2
    rule = kit.book.save(Rule(None, "words", "banjir, cabai", name="Mute"))
    assert rule.id is not None and kit.book.all() == [rule]
    assert sorted(kit.titles(source.id)) == [
        "Gosip Selebriti Pekan Ini",
        "LIVE: Rapat Paripurna DPR",
    ]
    off = kit.book.save(Rule(rule.id, "words", "banjir, cabai", name="Mute", enabled=False))
    assert len(kit.titles(source.id)) == 4, "switched off: shown again"
    kit.book.save(Rule(rule.id, "words", "banjir", name="Mute", enabled=True))
    assert len(kit.titles(source.id)) == 3, "changed: catches what it says now"
    kit.book.delete(off.id)  # type: ignore[arg-type]
    assert len(kit.titles(source.id)) == 4 and kit.book.all() == []


def test_the_entry_point_for_other_arrival_paths(kit: Kit) -> None:
    """What sync calls after merging a server's items: one call, in its transaction."""
    source = kit.sources.add("https://example.invalid/feed.xml")
    kit.book.save(Rule(None, "words", "gosip", action="hide"))
    entries = (
        ParsedEntry(guid="1", url="https://example.invalid/a?utm_source=x", title="Gosip hari ini"),
        ParsedEntry(guid="2", url="https://example.invalid/b", title="Berita biasa"),
    )
    with kit.library.store.write() as conn:
        new = sq.merge_entries(conn, source.id, entries, 1.0, full_text=False)
        applied = apply_rules(conn, feed_arrivals(source.id, entries, new), 1.0)
    assert applied.hidden == ("https://example.invalid/a",)
    assert kit.titles(source.id) == ["Berita biasa"]


def test_rules_survive_damage_to_the_library_file(tmp_path: Path) -> None:
    """Rules are user state: registered with the copy kept beside the library."""
    library = open_library(tmp_path)
    try:
        source = SourceList(library).add("https://example.invalid/feed.xml")
        book = RuleBook(lambda: library.store)
        rule = book.save(Rule(None, "words", "gosip", action="hide", source_id=source.id))
        entries = (ParsedEntry(guid="1", url="https://example.invalid/a", title="Gosip lagi"),)
        with library.store.write() as conn:
            new = sq.merge_entries(conn, source.id, entries, 1.0, full_text=False)
            apply_rules(conn, feed_arrivals(source.id, entries, new), 1.0)
    finally:
        library.close()
    DataPaths(tmp_path).library.write_bytes(b"")  # the library file is lost
    again = open_library(tmp_path)
    try:
        assert again.recovery is not None
        assert RuleBook(lambda: again.store).all() == [rule]
        count = again.store.reader().execute("SELECT count(*) FROM rule_hits").fetchone()[0]
        assert count == 1, "what the rule hid stays hidden"
    finally:
        again.close()


def test_rules_apply_to_what_a_sync_brings(data_dir: Path) -> None:
    """Items merged from a Google Reader server meet the same rules as a refresh's."""
    core = Services(paths=resolve_data_dir(data_dir))
    edits: list[Request] = []
    server = RecordedServer(miniflux_routes(edits))  # type: ignore[arg-type]
    try:
        core.rule_book.save(Rule(None, "words", "102", action="hide"))
        core.rule_book.save(Rule(None, "words", "103", action="highlight"))
        core.sync.add_account(server.base + "/", "alice", "pw")
        assert core.sync.sync().new_items == 3
        rows = core.sources.headlines(core.sources.get(FEED).id)
        assert sorted(h.title for h in rows) == ["Berita 101", "Berita 103"]
        assert [h.title for h in rows if h.highlighted] == ["Berita 103"]
    finally:
        server.stop()
        core.close()
