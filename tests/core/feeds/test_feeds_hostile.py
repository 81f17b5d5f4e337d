"""Hostile feeds bounded in time and memory (bad-inputs.md F1–F5, F13, F14, F17).

The entity blow-ups run in a child process under ``RLIMIT_AS`` so that a
regression fails the test instead of taking the machine down.
"""

from __future__ import annotations

import codecs
import json
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import FeedError
from reader.core.feeds.parse import MAX_FEED_BYTES, parse_feed
from reader.core.feeds.xmlguard import entity_expansion, prepare_xml, prolog_end
from tests.budget import cpu_within

NOW = datetime(2026, 1, 10, tzinfo=UTC)
URL = "https://feeds.example/feed.xml"

BLOWUP_CHILD = textwrap.dedent(
    """
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024, 512 * 1024 * 1024))
    from reader.core.feeds.parse import parse_feed
    refs, size = int(sys.argv[1]), int(sys.argv[2])
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "' + "A" * size + '">]>'
        '<rss version="2.0"><channel><title>' + "&e;" * refs + "</title>"
        "<item><title>x</title><link>http://a.example/1</link></item></channel></rss>"
    ).encode()
    started = time.process_time()  # CPU time: other work on the machine cannot inflate it
    feed = parse_feed(bomb, "http://bomb.example/feed")
    elapsed = time.process_time() - started
    # VmHWM, not ru_maxrss: on Linux ru_maxrss keeps the parent's peak across fork+exec,
    # so a big pytest process would be blamed on this child.
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) // 1024
    print(len(bomb), len(feed.title), len(feed.entries), round(elapsed, 3), peak)
    """
)


@pytest.mark.parametrize(
    ("refs", "size"),
    [(5_000, 5_000), (20_000, 10_000), (50_000, 50_000)],
    ids=["19KB-104MB", "68KB-637MB", "200KB-7GB"],
)
def test_quadratic_blowup_is_defused_in_bounded_memory(refs: int, size: int) -> None:
    """F2: one large entity referenced many times (measured 637 MB / 7 GB unguarded)."""
    child = subprocess.run(
        [sys.executable, "-c", BLOWUP_CHILD, str(refs), str(size)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert child.returncode == 0, child.stderr
    length, title, entries, elapsed, peak_mb = child.stdout.split()
    assert int(length) >= refs * 3
    assert int(title) <= 500, "field length is capped and nothing was expanded"
    assert int(entries) == 1, "the rest of the feed still parses"
    assert float(elapsed) < 2.0
    assert int(peak_mb) < 300


def test_expansion_estimate_counts_value_times_references() -> None:
    text = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "abcd">]><r>&e;&e;&e;</r>'
    assert entity_expansion(text) == (12, False)
    nested = '<!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&a;&a;">]><r>&b;</r>'
    assert entity_expansion(nested)[1] is True
    external = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    assert entity_expansion(external)[1] is True


def test_a_comment_cannot_hide_the_doctype_from_the_scan() -> None:
    """feedparser's prolog ends at the first '<' + letter, even inside a comment."""
    text = '<?xml version="1.0"?><!-- <b --><!DOCTYPE r [<!ENTITY e "' + "A" * 50_000 + '">]>'
    text += "<rss>" + "&e;" * 100 + "</rss>"
    assert prolog_end(text) == text.index("<rss>")
    prepared = prepare_xml(text.encode()).decode()
    assert "<!ENTITY" not in prepared and "<!DOCTYPE" not in prepared
    assert prolog_end("<!-- never closed <rss>") == len("<!-- never closed <rss>")


def _listening_socket() -> Iterator[socket.socket]:
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    try:
        yield server
    finally:
        server.close()


listening = pytest.fixture(_listening_socket)


def _connection_attempted(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


def test_external_entities_and_dtds_are_never_fetched(listening: socket.socket) -> None:
    """F3/F4: SYSTEM entities, parameter entities and external DTDs pointing at a live server."""
    port = listening.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    documents = [
        f'<!DOCTYPE rss [<!ENTITY x SYSTEM "{base}/x">]>'
        "<rss version='2.0'><channel><title>&x;</title></channel></rss>",
        f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{base}/p.dtd"> %p;]>'
        "<rss version='2.0'><channel><title>t</title></channel></rss>",
        f'<!DOCTYPE rss PUBLIC "-//X//DTD RSS//EN" "{base}/rss.dtd">'
        "<rss version='2.0'><channel><title>t</title></channel></rss>",
        f'<!DOCTYPE urlset SYSTEM "{base}/s.dtd"><urlset '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://a.example/x-y-z</loc></url></urlset>',
    ]
    for document in documents:
        feed = parse_feed(('<?xml version="1.0"?>' + document).encode(), URL, now=NOW)
        assert feed.title in ("", "t", "&x;") or feed.kind == "sitemap"
    assert not _connection_attempted(listening), "a parser contacted the network"


def test_local_files_named_by_the_feed_are_never_opened(tmp_path: Path) -> None:
    """F3/F4 with ``file:`` URLs: an audit hook sees every open() in this process."""
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "SECRET">')
    opened: list[str] = []
    watching = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if watching[0] and event == "open" and str(args[0]).startswith(str(tmp_path)):
            opened.append(str(args[0]))

    sys.addaudithook(hook)
    try:
        for doctype in (
            f'<!DOCTYPE rss SYSTEM "file://{secret}">',
            f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>',
            f'<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>',
        ):
            body = "<rss version='2.0'><channel><title>&leak;</title></channel></rss>"
            feed = parse_feed((doctype + body).encode(), URL, now=NOW)
            assert "SECRET" not in feed.title
    finally:
        watching[0] = False
    assert opened == []


def test_a_string_is_refused_because_feedparser_would_open_it() -> None:
    """F5: only bytes reach feedparser; a str could be a path or URL."""
    with pytest.raises(TypeError):
        parse_feed("/etc/passwd", URL)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_feed("http://127.0.0.1:9/feed", URL)  # type: ignore[arg-type]


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _rss(items: int, *, dated: bool = True) -> bytes:
    parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>']
    for i in range(items):
        day = (i % 28) + 1
        month = MONTHS[(i // 28) % 12]
        date = f"<pubDate>{day:02d} {month} 2025 10:00:00 GMT</pubDate>"
        parts.append(
            f"<item><title>Item {i}</title><link>http://big.example/{i}</link>"
            f"<guid isPermaLink='false'>g{i % 10}</guid>{date if dated else ''}"
            f"<description>teaser {i}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def test_huge_feed_keeps_the_newest_entries_within_budget() -> None:
    """F13 + F9: thousands of items, ten distinct GUIDs, dates in random order."""
    data = _rss(3000)
    with cpu_within(5.0):
        feed = parse_feed(data, URL, now=NOW, max_entries=100)
    assert len(feed.entries) == 100 and feed.total_entries == 3000
    assert any("newest 100 of 3000" in w for w in feed.warnings)
    newest = max(e.published or "" for e in feed.entries)
    assert newest == "2025-12-28T10:00:00+00:00"
    assert all(e.published and e.published >= "2025-12-01" for e in feed.entries)
    assert len({e.guid for e in feed.entries}) == 100, "repeated GUIDs fall back to the link"


def test_undated_huge_feed_keeps_document_order() -> None:
    feed = parse_feed(_rss(600, dated=False), URL, now=NOW, max_entries=50)
    assert [e.title for e in feed.entries[:3]] == ["Item 0", "Item 1", "Item 2"]
    assert len(feed.entries) == 50


def test_byte_cap() -> None:
    with pytest.raises(FeedError, match="larger than"):
        parse_feed(b"<rss>" + b" " * MAX_FEED_BYTES + b"</rss>", URL)


def test_absurd_field_lengths_are_capped() -> None:
    title = "T" * 1_000_000
    data = (
        f"<rss version='2.0'><channel><title>{title}</title><item><title>{title}</title>"
        f"<link>http://long.example/{'a' * 10_000}</link><guid>{'g' * 100_000}</guid>"
        f"<author>{'a' * 100_000}</author><category>{'c' * 100_000}</category>"
        f"<description>{'d' * 2_000_000}</description></item></channel></rss>"
    ).encode()
    feed = parse_feed(data, URL, now=NOW)
    entry = feed.entries[0]
    assert len(feed.title) <= 500 and len(entry.title) <= 500
    assert entry.url is None, "a 10 000-character link is not a link"
    assert len(entry.guid) < 100 and entry.guid.startswith("sha256:")
    assert len(entry.author or "") <= 200 and all(len(c) <= 100 for c in entry.categories)
    assert len(entry.summary) <= 600 and len(entry.summary_html) <= 300_000


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", True), ("utf-16-be", True), ("utf-32-le", True),
     ("utf-16-le", False), ("utf-16-be", False)],
)  # fmt: skip
def test_utf16_and_utf32_feeds(codec: str, bom: bool) -> None:
    """F14: wide encodings, with and without a byte-order mark (UTF-32 always has one)."""
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Lebar</title>'
        "<item><title>Berita ünïcödé ✓</title><link>http://wide.example/1</link></item>"
        "</channel></rss>"
    )
    marks = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    marks["utf-32-le"] = codecs.BOM_UTF32_LE
    data = (marks[codec] if bom else b"") + text.encode(codec)
    feed = parse_feed(data, URL, now=NOW)
    assert feed.entries[0].title == "Berita ünïcödé ✓"


def test_http_charset_is_used_when_the_document_declares_none() -> None:
    data = "<rss version='2.0'><channel><title>Ŝablono</title></channel></rss>".encode("iso8859_3")
    feed = parse_feed(data, URL, {"Content-Type": "application/rss+xml; charset=ISO-8859-3"})
    assert feed.title == "Ŝablono"


def test_json_feed_nested_too_deeply() -> None:
    """F17: deep nesting is a FeedError, not a RecursionError escaping."""
    deep = '{"version": "https://jsonfeed.org/version/1.1", "items": ' + "[" * 100_000
    deep += "]" * 100_000 + "}"
    with pytest.raises(FeedError):
        parse_feed(deep.encode(), URL)


def test_json_feed_item_cap() -> None:
    items = [{"id": str(i), "url": f"https://j.example/{i}", "title": f"T{i}"} for i in range(800)]
    data = json.dumps({"version": "https://jsonfeed.org/version/1", "items": items}).encode()
    feed = parse_feed(data, URL, now=NOW)
    assert len(feed.entries) == 500 and feed.total_entries == 800


# -- properties -------------------------------------------------------------------------
FEEDISH = st.sampled_from(
    [
        b"<rss version='2.0'><channel>",
        b"<item>",
        b"</item>",
        b"<title>",
        b"</title>",
        b"<link>http://p.example/",
        b"</link>",
        b"<pubDate>",
        b"<!DOCTYPE rss [<!ENTITY e 'xx'>]>",
        b"&e;",
        b"&amp;",
        b"<![CDATA[<b>x</b>]]>",
        b"<feed xmlns='http://www.w3.org/2005/Atom'>",
        b"<entry>",
        b"{",
        b'"version": "https://jsonfeed.org/version/1.1", "items": [',
        b"<?xml version='1.0' encoding='utf-16'?>",
        b"\xff\xfe",
        b"\x00",
        b"<html>",
        b"<urlset>",
        b"<url><loc>http://p.example/a-b-c</loc></url>",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FEEDISH, st.binary(max_size=40)), max_size=40))
def test_parse_feed_raises_only_feed_errors(chunks: list[bytes]) -> None:
    """Whatever the bytes, the result is a ParsedFeed or a FeedError, quickly."""
    try:
        with cpu_within(2.0):
            feed = parse_feed(b"".join(chunks), URL, now=NOW)
    except FeedError:
        return
    for entry in feed.entries:
        assert entry.guid
        assert entry.url is None or entry.url.startswith(("http://", "https://"))
        assert "<script" not in entry.summary_html + entry.content_html


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_date_string_is_none_or_clamped(value: str) -> None:
    """F8 with Hypothesis date strings: never an exception, never after ``now``."""
    from xml.sax.saxutils import escape

    data = (
        "<rss version='2.0'><channel><item><title>d</title><link>http://d.example/1</link>"
        f"<pubDate>{escape(value)}</pubDate></item></channel></rss>"
    ).encode("utf-8", "surrogatepass")
    try:
        feed = parse_feed(data, URL, now=NOW)
    except FeedError:
        return
    for entry in feed.entries:
        assert entry.published is None or "1990" <= entry.published <= NOW.isoformat()


@pytest.mark.parametrize(
    "element", ["author", "dc:creator", "managingEditor", "webMaster", "dc:publisher"]
)
def test_long_person_fields_do_not_trigger_feedparsers_email_regex(element: str) -> None:
    """feedparser's ``_sync_author_detail`` e-mail regex is quadratic: 100 KB took 88 s."""
    data = (
        "<rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'><channel>"
        f"<{element}>{'a' * 100_000}</{element}><item><title>t</title>"
        f"<{element}><![CDATA[{'b' * 100_000}]]></{element}></item></channel></rss>"
    ).encode()
    with cpu_within(1.0):
        feed = parse_feed(data, URL, now=NOW)
    assert feed.entries[0].title == "t"
