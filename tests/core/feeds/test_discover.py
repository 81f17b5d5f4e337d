"""Autodiscovery against the test web: link tags, common paths, news sitemaps, choosing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import FeedError, NotAFeed, SourceError
from reader.core.feeds.discovery import COMMON_FEED_PATHS, discover
from reader.core.feeds.feedlinks import find_feed_links
from reader.core.feeds.sitemaps import robots_sitemaps
from reader.core.library import Library
from reader.core.net import Fetcher
from reader.core.paths import DataPaths
from reader.core.sources import SourceList, subscribe
from reader.core.urls import site_key
from tests.web.server import TestWeb

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Probe Feed</title>
<link>{site}</link><item><title>Satu</title><link>{article}</link></item></channel></rss>"""


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher() as f:
        yield f


@pytest.fixture
def sources(tmp_path: Path, fetcher: Fetcher) -> Iterator[SourceList]:
    library = Library.open(DataPaths(tmp_path), fetcher=fetcher, check=False)
    try:
        yield SourceList(library)
    finally:
        library.close()


def test_a_feed_address_is_its_own_answer(web: TestWeb, fetcher: Fetcher) -> None:
    url = web.feed_urls("harbor")[0]
    [candidate] = discover(fetcher, url)
    assert candidate.url == url and candidate.via == "self" and candidate.kind == "atom"
    assert candidate.title == "The Daily Harbor"


def test_a_site_offers_its_declared_feeds_then_news_sitemaps(
    web: TestWeb, fetcher: Fetcher
) -> None:
    found = discover(fetcher, web.outlets["nusa"].home)
    declared = [c for c in found if c.via == "link"]
    assert [c.url for c in declared] == [u for u in web.feed_urls("nusa") if u.endswith("/rss")]
    assert declared[0].title and all(c.kind == "rss" for c in declared)
    sitemaps = [c for c in found if c.via == "sitemap"]
    assert {c.url for c in sitemaps} == set(web.sitemap_urls("nusa"))
    assert all(c.kind == "sitemap" and "news sitemap" in c.title for c in sitemaps)
    assert found.index(declared[-1]) < found.index(sitemaps[0]), "declared feeds come first"


def test_json_and_rss_links_keep_their_kinds(web: TestWeb, fetcher: Fetcher) -> None:
    found = discover(fetcher, web.outlets["warta"].home, probe_sitemaps=False)
    assert [(c.kind, c.via) for c in found] == [("rss", "link"), ("json", "link")]


def test_a_page_without_feed_links_is_probed_at_common_paths(
    web: TestWeb, fetcher: Fetcher
) -> None:
    page = web.faults.url("/kabar-discover/plain-page")
    feed = web.faults.url("/atom.xml")
    site = web.faults.home
    web.serve(page, "<!doctype html><html><head><title>Plain</title></head><body>x</body></html>")
    web.serve(
        feed,
        RSS.format(site=site, article=site + "a"),
        content_type="application/rss+xml",
    )
    # A URL with a query counts only that exact path+query (see TestWeb.hits).
    probes = [web.faults.url(path) for path in COMMON_FEED_PATHS]
    before = {url: web.hits(url) for url in probes}
    try:
        found = discover(fetcher, page, probe_sitemaps=False)
    finally:
        web.unserve(page)
        web.unserve(feed)
    assert [(c.url, c.via, c.title) for c in found] == [(feed, "path", "Probe Feed")]
    # every common path was tried by this call, none twice
    assert {url: web.hits(url) for url in probes} == {url: n + 1 for url, n in before.items()}


def test_an_html_page_at_a_feed_address_points_to_the_real_feed(
    web: TestWeb, fetcher: Fetcher
) -> None:
    """The faults origin's /feed.xml is an HTML page linking to NusaKini's RSS."""
    found = discover(fetcher, web.fault_url("feed_is_html"), probe_sitemaps=False)
    assert [c.url for c in found] == [web.feed_urls("nusa")[0]]


def test_subscribing_to_a_site_with_several_feeds_asks_to_choose(
    web: TestWeb, fetcher: Fetcher, sources: SourceList
) -> None:
    home = web.outlets["warta"].home
    with pytest.raises(NotAFeed) as choice:
        subscribe(sources, fetcher, home)
    assert [c.kind for c in choice.value.candidates[:2]] == ["rss", "json"]
    assert sources.all() == []
    source = subscribe(sources, fetcher, home, pick=2, folder="Berita/Warta")
    assert source.kind == "json" and source.folder == ("Berita", "Warta")
    assert source.entries > 0, "the feed read while subscribing seeds the entries"
    with pytest.raises(SourceError, match="between 1 and"):
        subscribe(sources, fetcher, home, pick=9)
    with pytest.raises(SourceError, match="Already subscribed"):
        subscribe(sources, fetcher, home, pick=2)


def test_subscribing_to_a_feed_address_reads_it_once(
    web: TestWeb, fetcher: Fetcher, sources: SourceList
) -> None:
    feed = web.outlet("harbor").url("/atom.xml")
    before = web.hits(feed)
    source = subscribe(sources, fetcher, feed)
    assert web.hits(feed) - before == 1, "the feed found by discovery is the one stored"
    assert source.entries > 0 and source.kind == "atom"


def test_subscribing_to_a_page_without_any_feed_is_a_clear_error(
    web: TestWeb, fetcher: Fetcher, sources: SourceList
) -> None:
    page = web.gen.url("/kabar-discover/nothing")
    web.serve(page, "<html><head><title>Nothing</title></head><body>no feeds</body></html>")
    try:
        with pytest.raises(FeedError, match="No feed was found"):
            subscribe(sources, fetcher, page)
    finally:
        web.unserve(page)


def test_feed_links_from_html_are_resolved_and_filtered() -> None:
    page = """<html><head><base href="https://news.example/section/">
    <link rel="alternate" type="application/rss+xml" href="rss.xml" title=" Main ">
    <link rel="alternate feed" type="application/atom+xml" href="javascript:alert(1)">
    <link rel="alternate" type="text/html" href="/en/">
    <link rel="alternate" type="application/json" href="/api/data">
    <link rel="alternate" type="application/json" href="/feed.json"></head>
    <body><a href="https://cdn.news.example/rss/sport.xml">Sport RSS</a>
    <a href="https://other.example/feed">Elsewhere</a><a href="/about">About</a></body></html>"""
    found = find_feed_links(page, "https://www.news.example/section/page")
    assert [(c.url, c.via) for c in found] == [
        ("https://news.example/section/rss.xml", "link"),
        ("https://news.example/feed.json", "link"),
        ("https://cdn.news.example/rss/sport.xml", "anchor"),
    ]
    assert found[0].title == "Main"
    assert site_key("news.detik.com") == site_key("rss.detik.com") == "detik.com"
    assert site_key("www.tempo.co.id") == "tempo.co.id"


def test_robots_sitemap_lines() -> None:
    text = (
        "User-agent: *\nDisallow: /x\nSitemap: /sitemap.xml\nsitemap:https://a.example/news.xml\n"
    )
    assert robots_sitemaps(text, "https://a.example/robots.txt") == [
        "https://a.example/sitemap.xml",
        "https://a.example/news.xml",
    ]
