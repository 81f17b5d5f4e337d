"""One article, one title, one date and one outlet, in the library's lists and the sources'."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.models import Headline
from reader.core.net import Fetcher
from reader.core.paths import DataPaths
from reader.core.refresh import Refresher
from reader.core.sources import SourceList
from tests.ui.pages import Item, serve_feed
from tests.web import TestWeb


class Clock:
    def __init__(self) -> None:
        self.now = 1_780_000_000.0  # May 2026

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kit(tmp_path: Path) -> Iterator[tuple[Library, SourceList, Refresher, Clock]]:
    clock = Clock()
    fetcher = Fetcher()
    library = Library.open(DataPaths(tmp_path), fetcher=fetcher, check=False, clock=clock)
    sources = SourceList(library, clock=clock)
    refresher = Refresher(sources, fetcher, clock=clock, rng=random.Random(1))
    try:
        yield library, sources, refresher, clock
    finally:
        library.close()
        fetcher.close()


def faces(items: Sequence[Headline]) -> dict[str, tuple[str, str, float]]:
    return {i.url: (i.title, i.outlet, i.sort_at.timestamp()) for i in items}


def test_a_dateless_page_from_a_feed_takes_the_feeds_date_and_name(
    web: TestWeb, kit: tuple[Library, SourceList, Refresher, Clock]
) -> None:
    library, sources, refresher, _clock = kit
    items = [
        Item("a", "Feed title A", "Page Title A", feed_date="Mon, 02 Mar 2026 08:00:00 +0700"),
        Item("b", "Feed title B", "Page Title B", feed_date="Sun, 01 Mar 2026 08:00:00 +0700",
             page_date="2026-03-04T12:00:00+07:00", site_name="Kabar Pesisir"),
        Item("c", "Feed title C", "Page Title C"),  # no date anywhere: when first seen
    ]  # fmt: skip
    feed, urls = serve_feed(web, "face-core", "Warta Daerah", items)
    source = sources.add(feed)
    report = refresher.refresh()
    assert report.articles_fetched == 3
    from_library = faces(library.headlines())
    from_source = faces(sources.headlines(source.id))
    assert from_library == from_source
    a, b, c = (from_source[u] for u in urls)
    assert a == ("Page Title A", "Warta Daerah", 1772413200.0)  # 2026-03-02 01:00 UTC
    assert b == ("Page Title B", "Kabar Pesisir", 1772600400.0)  # the page's own date
    assert c[:2] == ("Page Title C", "Warta Daerah")
    assert c[2] == _clock.now
    assert [h.url for h in library.headlines()] == [urls[2], urls[1], urls[0]]
    [hit] = [h for h in library.search("Page Title A") if h.url == urls[0]]
    assert (hit.outlet, hit.sort_at.timestamp()) == ("Warta Daerah", 1772413200.0)
    sources.rename(source.id, "Warta Kita")
    assert faces(library.headlines())[urls[0]][1] == "Warta Kita"
    assert faces(library.headlines())[urls[1]][1] == "Kabar Pesisir"


def test_an_article_read_before_its_feed_listed_it_settles_when_the_feed_arrives(
    web: TestWeb, kit: tuple[Library, SourceList, Refresher, Clock]
) -> None:
    library, sources, refresher, clock = kit
    items = [
        Item("late", "Late feed title", "Late Page", feed_date="Mon, 02 Mar 2026 08:00:00 +0700")
    ]
    feed, [url] = serve_feed(web, "face-late", "Warta Belakangan", items)
    library.open_article(url)
    [before] = library.headlines()
    assert before.outlet == "" and before.sort_at.timestamp() == clock.now, "no name, no IP"
    clock.now += 3600
    library.revalidate(url)  # stored again later: the day it was first seen stays
    assert library.headlines()[0].sort_at.timestamp() == clock.now - 3600
    source = sources.add(feed)
    refresher.refresh()
    assert faces(library.headlines()) == faces(sources.headlines(source.id))
    assert faces(library.headlines())[url] == ("Late Page", "Warta Belakangan", 1772413200.0)
