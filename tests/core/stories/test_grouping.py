"""``group_stories``: the same event from several outlets together, look-alikes apart."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reader.core.stories import features, group_stories
from reader.core.stories.text import dateline
from tests.core.stories.berita import items


def _clusters(labels: list[str], keys: list[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for label, key in zip(labels, keys, strict=True):
        found[key].add(label)
    return found


def test_each_event_is_one_story_and_look_alike_events_stay_apart() -> None:
    berita = items()
    keys = group_stories(berita)
    labels = [b["event"] for b in berita]
    by_event: dict[str, set[int]] = defaultdict(set)
    for label, key in zip(labels, keys, strict=True):
        by_event[label].add(key)
    assert all(len(stories) == 1 for stories in by_event.values()), by_event
    assert all(len(events) == 1 for events in _clusters(labels, keys).values())
    # The two earthquakes and the two rehab stories sound alike but are different events.
    assert by_event["gempa-cianjur"] != by_event["gempa-maluku"]
    assert by_event["rehab-rina"] != by_event["rehab-dimas"]


def test_grouping_is_deterministic_and_incremental() -> None:
    berita = items()
    keys = group_stories(berita)
    assert group_stories(berita) == keys
    for cut in (1, 5, 9):  # what arrived later never changes what was decided before
        assert group_stories(berita[:cut]) == keys[:cut]


@dataclass
class _Obj:
    title: str
    description: str | None
    text: str
    outlet: str
    published: str | None
    url: str


def test_objects_and_dicts_group_alike() -> None:
    berita = items()
    objects = [
        _Obj(b["title"], b["description"], b["text"], b["outlet"], b["published"], b["url"])
        for b in berita
    ]
    assert group_stories(objects) == group_stories(berita)


def test_the_same_words_months_apart_are_different_stories() -> None:
    first = items()[0]
    later = dict(first, published="2026-09-01T08:00:00+07:00", url="https://x.example/2")
    keys = group_stories([first, dict(first, url="https://y.example/1"), later])
    assert keys[0] == keys[1] != keys[2]


def test_undated_articles_take_a_dateline_or_their_arrival_time() -> None:
    assert dateline("Gempa Cianjur", "Senin, 2 Maret 2026 08:10 WIB\nGempa...") is not None
    assert dateline("May 2, 2013, 1: 12 PM", "") is not None
    late = "Teks yang panjang tanpa tanggal di awalnya, lalu baru kemudian menyebut"
    assert dateline("Judul", late + " 2 Maret 2026 sebagai hari kejadian.") is None
    arrived = features("Judul", None, "Teks.", None, arrived=1_800_000_000.0)
    assert arrived.when == 1_800_000_000.0


def test_names_are_told_from_ordinary_words() -> None:
    f = features(
        "Gempa Guncang Cianjur",  # Title Case says nothing about names
        None,
        "Warga Cugenang berhamburan. Menurut warga, gempa terasa kuat di Cugenang.",
    )
    from reader.core.stories.text import term_id

    assert term_id("cugenang") in f.names
    assert term_id("warga") not in f.names  # written in lower case too
    assert term_id("guncang") not in f.names


def test_empty_and_odd_input_still_get_a_story_each() -> None:
    odd = [
        {"title": "", "description": None, "text": "", "outlet": "a", "published": None},
        {"title": "?!", "description": "", "text": "—", "outlet": "b", "published": "bogus"},
        {"title": "日本で地震", "description": None, "text": "東京", "outlet": "c",
         "published": None},
    ]  # fmt: skip
    keys = group_stories(odd)
    assert len(keys) == 3 and keys[0] != keys[1]
