"""Fuzzing the core with Hypothesis (issue 13, "Must show"): generated HTML, feeds, OPML,
search queries and addresses thrown at the code that reads untrusted input.

Each example must end in a result or one of Kabar's own errors (never another
exception: a crash), within 5 seconds of CPU (no hang), and without the process's peak
memory growing by more than 500 MB (no blow-up; the kernel's high-water mark is
reset before each example through ``/proc/self/clear_refs``).

The test command runs a bounded number of examples (about 30 s in all). A longer
run: ``KABAR_FUZZ_SCALE=50 .venv/bin/python -m pytest -p no:cacheprovider
tests/fuzz -q`` (scales every target's example count).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.errors import ReaderError
from reader.core.feeds import parse_feed, parse_opml
from reader.core.library import Library
from reader.core.net import is_private_address
from reader.core.page import extract, html_to_text, render_article, sanitize_html
from reader.core.paths import DataPaths
from reader.core.urls import absolutize, canonicalize, origin_of, typed_address
from tests.core.libkit import article

pytestmark = pytest.mark.fuzz

SCALE = max(1, int(os.environ.get("KABAR_FUZZ_SCALE", "1")))
HANG_SECONDS = 5.0
BLOWUP_BYTES = 500 * 1024 * 1024
URL = "https://fuzz.example/berita/2026/01/01/artikel"
NOW = datetime(2026, 1, 5, tzinfo=UTC)


def _examples(n: int) -> Callable[..., object]:
    return settings(
        max_examples=n * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _kilobytes(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@contextmanager
def bounded(what: object, *, memory: bool = True) -> Iterator[None]:
    """No hang (> 5 s) and no memory blow-up (> 500 MB over the start) in the block."""
    if memory:
        with suppress(OSError):
            Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    before = _kilobytes("VmRSS:") if memory else 0
    # CPU time, not wall time: the targets are pure computation, and on a machine shared
    # with other work wall time grows for nothing (a blocked call is caught by pytest-timeout).
    started = time.process_time()
    yield
    elapsed = time.process_time() - started
    assert elapsed < HANG_SECONDS, f"took {elapsed:.1f} s of CPU on {str(what)[:300]!r}"
    if not memory:
        return
    grown = _kilobytes("VmHWM:") - before
    assert grown < BLOWUP_BYTES, f"memory grew {grown >> 20} MB on {str(what)[:300]!r}"


# -- generated documents ---------------------------------------------------------------------

TAGS = ("p", "div", "span", "a", "img", "table", "tr", "td", "ul", "li", "h1", "h2", "figure",
        "figcaption", "script", "style", "svg", "math", "noscript", "iframe", "article", "main",
        "section", "br", "b", "i", "blockquote", "pre", "code", "template", "object", "embed",
        "form", "input", "link", "meta", "base", "title", "head", "body", "html",
        "xmp")  # fmt: skip
ATTRIBUTES = ("href", "src", "style", "class", "id", "onload", "onerror", "width", "height",
              "srcset", "background", "rel", "content", "http-equiv", "xml:base",
              "lang")  # fmt: skip
WEIRD = st.sampled_from([
    "javascript:alert(1)", "file:///etc/passwd", "/dev/zero", "data:text/html,<b>x</b>",
    "http://127.0.0.1:1/", "//evil.example/x", "../../x", "\x00", "&amp;&lt;&#0;&#x110000;",
    "url(/etc/hosts)", "expression(alert(1))", "<!--", "]]>", "<![CDATA[", "\ufeff", "\u202e",
    "1", "0", "99999999999999999999", "",
])  # fmt: skip
TEXT = st.one_of(st.text(max_size=80), WEIRD)


def _attributes() -> st.SearchStrategy[str]:
    pair = st.tuples(st.sampled_from(ATTRIBUTES), TEXT)
    return st.lists(pair, max_size=3).map(
        lambda pairs: "".join(
            f' {name}="{value.replace(chr(34), "&quot;")}"' for name, value in pairs
        )
    )


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attrs: str, inner: list[str], close: bool) -> str:
        return f"<{tag}{attrs}>{''.join(inner)}" + (f"</{tag}>" if close else "")

    return st.builds(
        build, st.sampled_from(TAGS), _attributes(), st.lists(children, max_size=4), st.booleans()
    )


HTML = st.recursive(TEXT, _element, max_leaves=40)
DEEP = st.integers(1, 3000).map(lambda n: "<div>" * n + "<p>dalam</p>" + "</div>" * (n // 2))
PAGES = st.one_of(
    st.builds(lambda body: f"<html><head><title>T</title></head><body>{body}</body></html>", HTML),
    HTML,
    DEEP,
    st.binary(max_size=2000),
)


ACTIVE_TAGS = frozenset({"script", "style", "iframe", "object", "embed", "form", "input", "link",
                         "meta", "base", "svg", "math", "template", "frame", "applet"})  # fmt: skip


def assert_inert(html: str) -> None:
    """Nothing active in sanitised HTML: no active element, no event or style attribute,
    no address with a scheme other than http(s)."""
    if not html.strip():
        return
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        assert tag.lower() not in ACTIVE_TAGS, html
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on") and name.lower() != "style", html
            if name.lower() in ("href", "src"):
                assert value.lower().startswith(("http://", "https://")), (name, value)


@_examples(40)
@given(page=PAGES)
def test_extraction_sanitising_and_rendering_never_crash(page: str | bytes) -> None:
    with bounded(page):
        try:
            result = extract(page, URL)
        except ReaderError:
            return
        render_article(result)
        html_to_text(result.html)
        assert_inert(result.html)


@_examples(60)
@given(fragment=HTML)
@example(fragment="<C>\ufeff")  # a BOM left first was dropped by the next pass
def test_the_sanitiser_is_safe_and_stable_on_any_fragment(fragment: str) -> None:
    with bounded(fragment):
        cleaned = sanitize_html(fragment, URL)
        assert_inert(cleaned)
        assert sanitize_html(cleaned, URL) == cleaned


def _rss(items: list[tuple[str, str, str]], title: str, prolog: str) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description></item>"
        for t, link, d in items
    )
    return f"{prolog}<rss version='2.0'><channel><title>{title}</title>{body}</channel></rss>"


def _atom(items: list[tuple[str, str, str]], title: str, prolog: str) -> str:
    body = "".join(
        f"<entry><title type='html'>{t}</title><link href='{link}'/><id>{link}</id>"
        f"<content type='html'>{d}</content></entry>"
        for t, link, d in items
    )
    return f"{prolog}<feed xmlns='http://www.w3.org/2005/Atom'><title>{title}</title>{body}</feed>"


PROLOGS = st.sampled_from([
    "", "<?xml version='1.0' encoding='utf-8'?>", "<?xml version='1.0' encoding='koi8-r'?>",
    "<!DOCTYPE rss [<!ENTITY e 'x'>]>", "<!DOCTYPE rss [<!ENTITY big '" + "y" * 5000 + "'>]>",
    "<!DOCTYPE rss SYSTEM 'file:///etc/passwd'>", "\ufeff",
])  # fmt: skip
ITEMS = st.lists(st.tuples(TEXT, st.one_of(WEIRD, st.just(URL)), st.one_of(TEXT, HTML)), max_size=6)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=30,
)


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["rss", "atom", "json", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=3000))
    if kind == "json":
        import json

        items = draw(st.lists(JSON_VALUES, max_size=5))
        document = {"version": "https://jsonfeed.org/version/1.1", "title": draw(TEXT),
                    "items": items}  # fmt: skip
        text = json.dumps(document)
    else:
        make = _rss if kind == "rss" else _atom
        text = make(draw(ITEMS), draw(TEXT), draw(PROLOGS))
    data = text.encode("utf-8", "surrogatepass")
    cut = draw(st.integers(0, len(data)))
    noise = draw(st.binary(max_size=40))
    return data[:cut] + noise + data[cut:] if draw(st.booleans()) else data


@_examples(60)
@given(data=feeds())
def test_feed_parsing_never_crashes(data: bytes) -> None:
    with bounded(data), suppress(ReaderError):
        parse_feed(data, "https://fuzz.example/feed.xml", {}, now=NOW)


OUTLINE = st.recursive(
    st.builds(
        lambda text, url: f'<outline text="{text}" type="rss" xmlUrl="{url}"/>',
        TEXT.map(lambda t: t.replace('"', "")), st.one_of(WEIRD, st.just(URL)),
    ),
    lambda inner: st.builds(
        lambda text, kids: f'<outline text="{text}">{"".join(kids)}</outline>',
        TEXT.map(lambda t: t.replace('"', "")), st.lists(inner, max_size=4),
    ),
    max_leaves=25,
)  # fmt: skip


@st.composite
def opml_documents(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2000))
    body = "".join(draw(st.lists(OUTLINE, max_size=6)))
    head = "<opml version='2.0'><head><title>x</title></head>"
    text = f"{draw(PROLOGS)}{head}<body>{body}</body></opml>"
    data = text.encode("utf-8", "surrogatepass")
    cut = draw(st.integers(0, len(data)))
    return data[:cut] if draw(st.booleans()) else data


@_examples(60)
@given(data=opml_documents())
def test_opml_reading_never_crashes_and_counts_add_up(data: bytes) -> None:
    with bounded(data):
        try:
            document = parse_opml(data)
        except ReaderError:
            return
        assert len(document.feeds) + document.skipped == document.outlines


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    opened = Library.open(DataPaths(tmp_path_factory.mktemp("fuzz-library")), check=False)
    for n in range(40):
        opened.store_article(article(n, text=f'Harga beras naik {n}. Kopí "manis" OR NEAR(x).'))
    try:
        yield opened
    finally:
        opened.close()


QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(['"', "*", "^", "(", ")", "OR", "AND", "NOT", "NEAR", ":", "-",
                              "+", "harga", "beras", "kop", "title:", "{", "}", "\x00", "'"]),
             max_size=12).map(" ".join),
)  # fmt: skip


@_examples(150)
@given(query=QUERIES)
def test_any_search_query_gives_results_or_a_clear_error(library: Library, query: str) -> None:
    with bounded(query), suppress(ReaderError):
        library.search(query, limit=10)


@_examples(300)
@given(text=st.one_of(st.text(max_size=200), WEIRD, st.from_regex(r"https?://[^\s]{0,80}")))
def test_address_helpers_never_raise(text: str) -> None:
    with bounded(text, memory=False):
        canonicalize(text)
        typed_address(text)
        absolutize(text, URL)
        origin = origin_of(text)
        if origin is not None:
            is_private_address(origin[1])
