"""OPML import (listparser, guarded) and export (ElementTree), with files shaped like
other readers' exports (tests/data/opml; each file says which reader it imitates)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.core.errors import FeedError
from reader.core.feeds.opml import MAX_FEEDS, OpmlFeed, feed_url, parse_opml, write_opml
from reader.core.feeds.starter import starter_sets
from reader.core.resources import read_bytes
from tests.budget import cpu_within

DATA = Path(__file__).resolve().parents[2] / "data" / "opml"


def _load(name: str) -> list[tuple[str, str, tuple[str, ...]]]:
    document = parse_opml((DATA / name).read_bytes(), name)
    return [(f.url, f.title, f.folder) for f in document.feeds]


def test_feedly_export() -> None:
    assert _load("feedly.opml") == [
        ("https://www.antaranews.com/rss/terkini.xml", "ANTARA News", ("Berita",)),
        ("https://news.detik.com/rss", "detikNews", ("Berita",)),
        ("https://feeds.arstechnica.com/arstechnica/index", "Ars Technica", ("Tech",)),
    ]


def test_site_addresses_are_kept() -> None:
    """listparser drops ``htmlUrl``; Kabar keeps it (shown, and exported again)."""
    document = parse_opml((DATA / "feedly.opml").read_bytes())
    assert [f.site_url for f in document.feeds] == [
        "https://www.antaranews.com",
        "https://news.detik.com",
        "https://arstechnica.com",
    ]
    again = parse_opml(write_opml(document.feeds))
    assert [f.site_url for f in again.feeds] == [f.site_url for f in document.feeds]


def test_inoreader_export_keeps_a_feed_in_two_folders_once() -> None:
    document = parse_opml((DATA / "inoreader.xml").read_bytes())
    assert [(f.title, f.folder) for f in document.feeds] == [
        ("CNN Indonesia", ("Indonesia",)),
        ("Tempo", ("Indonesia",)),
    ]
    assert document.title.startswith("Subscriptions of Rina")


def test_netnewswire_export_with_nested_folders() -> None:
    assert _load("netnewswire.opml") == [
        ("https://daringfireball.net/feeds/json", "Daring Fireball", ()),
        ("https://feeds.bbci.co.uk/indonesia/rss.xml", "BBC News Indonesia", ("Dunia",)),
        ("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera", ("Dunia", "Asia")),
    ]


def test_rssguard_export_skips_local_script_sources() -> None:
    document = parse_opml((DATA / "rssguard.opml").read_bytes())
    assert [(f.title, f.folder) for f in document.feeds] == [
        ("Republika", ("Berita Nasional",)),
        ("Liputan6", ("Berita Nasional",)),
    ]
    assert document.skipped == 1


def test_thunderbird_export_with_title_only_folders() -> None:
    assert _load("thunderbird.opml") == [
        ("https://sindikasi.okezone.com/index.php/rss/1/RSS2.0", "Okezone", ("Indonesia",)),
        ("https://www.sindonews.com/feed", "SINDOnews", ()),
    ]


def test_odd_but_common_file() -> None:
    document = parse_opml((DATA / "odd-but-common.opml").read_bytes())
    assert [(f.url, f.folder) for f in document.feeds] == [
        ("https://case.example/rss?a=1&b=2", ("Campur",)),
        ("https://variant.example/feed", ("Campur",)),
        ("http://scheme.example/rss", ("Campur",)),
        ("https://secure.example/atom.xml", ("Campur",)),
        ("https://deep.example/feed", ("Campur", "Dalam")),
        ("https://cat.example/feed", ("Sains",)),
        ("https://old.example/feed.xml", ()),
    ]
    assert document.feeds[-1].site_url == "https://old.example/"
    # file:, javascript:, two duplicates (tracking parameter, host case), a site without a
    # feed and a bookmark: every outline is counted once, imported or skipped.
    assert document.skipped == 6
    assert document.outlines == 13 == len(document.feeds) + document.skipped


def test_latin1_export_keeps_accents() -> None:
    assert _load("latin1.opml") == [("https://cafe.example/rss", "Le Café", ("Actualités",))]


def test_entity_bomb_is_defused() -> None:
    with cpu_within(1.0):
        document = parse_opml((DATA / "entity-bomb.opml").read_bytes())
    assert [f.url for f in document.feeds] == ["https://bomb.example/feed"]
    assert len(document.feeds[0].title) <= 500


def test_thousands_of_feeds_are_capped() -> None:
    outlines = "".join(
        f'<outline text="F{i}" xmlUrl="https://many{i}.example/feed"/>'
        for i in range(MAX_FEEDS + 50)
    )
    data = f"<opml version='2.0'><body><outline text='Many'>{outlines}</outline></body></opml>"
    with cpu_within(5.0):
        document = parse_opml(data.encode())
    assert len(document.feeds) == MAX_FEEDS and document.truncated


@pytest.mark.parametrize(
    "data",
    [b"", b"not xml at all", b"<opml><body></body></opml>", b"<html><body>hi</body></html>"],
)
def test_files_without_feeds_are_an_error(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_opml(data)


def test_a_string_is_refused_because_listparser_would_fetch_it() -> None:
    with pytest.raises(TypeError):
        parse_opml("https://127.0.0.1:9/list.opml")  # type: ignore[arg-type]


def test_feed_url_normalisation() -> None:
    assert feed_url("feed://a.example/rss") == "http://a.example/rss"
    assert feed_url("FEED:https://a.example/rss") == "https://a.example/rss"
    assert feed_url(" https://a.example/x ") == "https://a.example/x"
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "place:folder=1", "", None):
        assert feed_url(bad) is None


def test_export_is_valid_opml2_with_nested_folders_and_round_trips() -> None:
    feeds = [
        OpmlFeed(
            "https://a.example/rss", "A & <friends>", ("Berita", "Daerah"), "https://a.example/"
        ),
        OpmlFeed("https://b.example/feed?x=1&y=2", "B", ("Berita",)),
        OpmlFeed("https://c.example/atom.xml", "", ()),
    ]
    data = write_opml(feeds, folders=[("Kosong",)])
    root = ET.fromstring(data)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "Kabar sources"
    body = root.find("body")
    assert body is not None
    names = [o.get("text") for o in body]
    assert names == ["Kosong", "Berita", "https://c.example/atom.xml"]
    nested = body.find("outline[@text='Berita']/outline[@text='Daerah']/outline")
    assert nested is not None and nested.get("xmlUrl") == "https://a.example/rss"
    assert nested.get("type") == "rss" and nested.get("htmlUrl") == "https://a.example/"
    back = parse_opml(data)
    assert [(f.url, f.folder) for f in back.feeds] == [(f.url, f.folder) for f in feeds]
    assert back.feeds[0].title == "A & <friends>"


def test_starter_sources_are_well_formed() -> None:
    sets = starter_sets()
    assert [s.language for s in sets] == ["id", "en"]
    indonesian = sets[0]
    hosts = " ".join(f.url for f in indonesian.feeds)
    for outlet in (
        "antaranews", "detik", "kompas", "tribunnews", "cnnindonesia",
        "tempo", "republika", "liputan6", "okezone", "sindonews",
    ):  # fmt: skip
        assert outlet in hosts, outlet
    assert "tribunnews.com/nasional/sitemap-news.xml" in hosts, "Tribun RSS links to its home page"
    assert all(f.url.startswith("https://") for s in sets for f in s.feeds)
    assert len(sets[1].feeds) >= 4
    # The same file imports as ordinary OPML.
    document = parse_opml(read_bytes("starter", "starter-sources.opml"))
    assert len(document.feeds) == sum(len(s.feeds) for s in sets)


def test_the_counts_of_an_import_add_up_to_the_outlines_in_the_file(tmp_path: Path) -> None:
    """Seven outlines: three feeds, one listed twice, one javascript:, one without any
    address, one site without a feed; imported + already there + skipped == 7."""
    from reader.core.library import Library
    from reader.core.paths import DataPaths
    from reader.core.sources import SourceList

    data = b"""<opml version="2.0"><body>
      <outline text="A" type="rss" xmlUrl="https://a.example/feed"/>
      <outline text="Berita">
        <outline text="B" type="rss" xmlUrl="https://b.example/feed"/>
        <outline text="A again" type="rss" xmlUrl="https://a.example/feed?utm_source=x"/>
      </outline>
      <outline text="C" type="rss" xmlUrl="https://c.example/rss"/>
      <outline text="Script" type="rss" xmlUrl="javascript:alert(1)"/>
      <outline text="No address" type="rss"/>
      <outline text="Only a site" htmlUrl="https://d.example/"/>
    </body></opml>"""
    document = parse_opml(data)
    assert document.outlines == 7
    library = Library.open(DataPaths(tmp_path), check=False)
    try:
        sources = SourceList(library)
        sources.add("https://c.example/rss")
        result = sources.import_opml(document)
    finally:
        library.close()
    assert (len(result.added), result.existing, result.skipped) == (2, 1, 4)
    assert len(result.added) + result.existing + result.skipped == document.outlines
