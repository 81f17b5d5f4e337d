"""Adding a source that is not a readable feed says why, precisely (issue 13 §4): too
large, a feed header followed by binary, JSON nested too deep. Nothing is added."""

from __future__ import annotations

import os

import pytest

from reader.core.errors import FeedError
from reader.core.net import Fetcher
from reader.core.sources import SourceList, subscribe
from tests.web.server import TestWeb


def _item(n: int) -> bytes:
    return (
        f"<item><title>Berita {n}</title><link>https://news.example/{n}</link>"
        f"<description>{'kata ' * 400}</description></item>"
    ).encode()


HUGE = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Besar</title>" + b"".join(
    _item(n) for n in range(7100)
)
ATOM_THEN_BINARY = (
    b"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
    b"<title>Rusak</title>" + bytes(range(256)) * 40 + os.urandom(4096)
)
DEEP_JSON = b'{"version": "https://jsonfeed.org/version/1.1", "items": ' + b"[" * 100_000


CASES = {
    "huge": (HUGE + b"</channel></rss>", "application/rss+xml", "larger than the 10 MB"),
    "binary": (ATOM_THEN_BINARY, "application/atom+xml", "damaged"),
    "deep": (DEEP_JSON, "application/feed+json", "nested too deeply"),
}


@pytest.mark.parametrize("name", CASES)
def test_adding_what_is_not_a_readable_feed_says_exactly_why(
    web: TestWeb, sources: SourceList, name: str
) -> None:
    body, content_type, words = CASES[name]
    if name == "huge":
        assert 14 * 1024 * 1024 < len(body) < 15 * 1024 * 1024
    url = web.outlet("gen").url(f"/guard-feed-message-{name}")
    web.serve(url, body, content_type=content_type)
    try:
        with Fetcher() as fetcher, pytest.raises(FeedError) as caught:
            subscribe(sources, fetcher, url)
    finally:
        web.unserve(url)
    assert words in str(caught.value)
    assert "No feed was found" not in str(caught.value)
    assert sources.all() == []


def test_character_references_beyond_unicode_do_not_crash_the_parser() -> None:
    """Found by tests/fuzz: feedparser's loose parser raised ValueError from chr()."""
    from reader.core.feeds import parse_feed

    data = (
        b"<rss version='2.0'><channel><title>x</title><item><title>&#x110000; &#0; &#55296;"
        b"</title><link>https://a.example/1</link></item></channel></rss>"
    )
    feed = parse_feed(data, "https://a.example/feed")
    assert feed.entries[0].url == "https://a.example/1"
