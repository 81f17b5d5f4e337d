"""Bad input gives a sensible article or an ExtractError, quickly, and never a crash.

Budgets are generous wall-clock limits (the CI machine is small and shared); the
point is "bounded", not "fast". See bad-inputs.md §4.2 (C1-C6, C24) and N20.
"""

from __future__ import annotations

import gzip
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ExtractError
from reader.core.models import Article
from reader.core.page.extraction import extract
from tests.budget import cpu_within

URL = "https://news.example/berita/2025/01/01/judul"
PARAGRAPH = (
    "<p>Warga kota berkumpul di alun-alun untuk menyaksikan pawai budaya tahunan yang "
    "diikuti sekolah, kelompok seni, dan pedagang pasar dari seluruh kecamatan.</p>"
)
ARTICLE = (
    f"<html><head><title>Pawai</title></head><body><article>{PARAGRAPH * 6}</article></body></html>"
)


def refused(body: str | bytes, fragment: str) -> None:
    with pytest.raises(ExtractError) as info:
        extract(body, URL)
    assert fragment in str(info.value)
    assert info.value.url == URL


@pytest.mark.parametrize("body", ["", "   \n\t ", b"", b"\xef\xbb\xbf", "<!-- only a comment -->"])
def test_empty_pages(body: str | bytes) -> None:
    with pytest.raises(ExtractError):
        extract(body, URL)


def test_binary_bodies_are_refused_with_what_they_are() -> None:
    refused(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj", "PDF")
    refused(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "PNG")
    refused(b"PK\x03\x04" + b"\x00" * 100, "ZIP")
    refused(gzip.compress(ARTICLE.encode()), "gzip")
    refused(bytes(range(256)) * 400, "binary")
    refused("%PDF-1.4 as text", "PDF")


def test_feeds_and_json_given_as_pages_are_refused() -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>a</title></item></channel></rss>"
    )
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        "<entry><title>a</title></entry></feed>"
    )
    refused(rss, "feed")
    refused(rss.encode("utf-8"), "feed")
    refused(atom, "feed")
    refused('{"version": "https://jsonfeed.org/version/1.1", "items": []}', "JSON")
    refused("User-agent: *\nDisallow: /\n", "plain text")


def test_a_front_page_is_not_an_article() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "data" / "pages" / "front-page.html").read_text()
    with pytest.raises(ExtractError, match="front page"):
        extract(page, "https://www.kabarkita.example/")


def test_the_home_page_of_a_one_text_site_is_read_as_its_text() -> None:
    """A small site whose front page is its one text (a practice, a club) shows no wall of
    linked headlines: the reader gets the text, not "a front page"."""
    page = ARTICLE.replace("<article>", '<nav><a href="/kontak">Kontak</a></nav><article>')
    article = extract(page, "https://sanggar-tari.example/")
    assert "pawai budaya tahunan" in article.text


def test_soft_hyphens_do_not_split_words_in_the_text() -> None:
    """Pages hyphenate long words with invisible soft hyphens; search must still find them."""
    page = ARTICLE.replace("kecamatan", "keca\u00adma\u00adtan").replace("pawai", "pa\u200bwai")
    text = extract(page, URL).text
    assert "seluruh kecamatan" in text
    assert "pawai budaya" in text
    assert "\u00ad" not in text


def test_malformed_and_truncated_html_still_gives_the_article() -> None:
    broken = ARTICLE.replace("</p>", "").replace("</article>", "") + "</html></body><div><p>junk"
    assert "pawai budaya" in extract(broken, URL).text
    truncated = ARTICLE[: len(ARTICLE) * 3 // 4]
    assert "pawai budaya" in extract(truncated, URL).text


def test_wrong_and_missing_charsets() -> None:
    page = ARTICLE.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "Pawai", "Pawai café"
    )
    assert "café" in extract(page.encode("utf-8"), URL).title
    page = ARTICLE.replace("<head>", '<head><meta charset="x-nonsense">').replace("kota", "kotà")
    assert "kotà" in extract(page.encode("cp1252"), URL).text


def test_control_characters_and_nul_bytes() -> None:
    page = ARTICLE.replace("alun-alun", "alun\x00-alun\x1b").replace("Pawai", "Pa\x00wai")
    article = extract(page, URL)
    assert "\x00" not in article.text and "\x1b" not in article.text
    assert "alun-alun" in article.text and article.title == "Pawai"


@pytest.mark.parametrize("depth", [300, 3_000, 10_000, 100_000])
def test_deep_nesting_keeps_the_text_in_bounded_time(depth: int) -> None:
    page = "<html><body>" + "<div>" * depth + PARAGRAPH * 3 + "</div>" * depth + "</body></html>"
    with cpu_within(20):
        article = extract(page, URL)
    assert "pawai budaya" in article.text


@pytest.mark.parametrize("depth", [300, 1_000, 20_000])
def test_text_nested_deeper_than_the_limit_is_kept_beside_shallow_text(depth: int) -> None:
    """libxml2 silently drops text nested deeper than ~255 levels; with shallower text
    beside it nothing else noticed (issue 13 §4). It must be in the text, the stored
    HTML and the page the view shows."""
    from reader.core.page import render_article

    deep = "<div>" * depth + "<p>Kalimat yang tersembunyi paling dalam tetap dibaca.</p>"
    page = f"<html><body><article>{PARAGRAPH * 3}{deep}{'</div>' * depth}</article></body></html>"
    article = extract(page, URL)
    assert "pawai budaya" in article.text
    assert "tersembunyi paling dalam" in article.text
    assert "tersembunyi paling dalam" in article.html
    assert "tersembunyi paling dalam" in render_article(article)


def test_ten_megabyte_page_in_bounded_time() -> None:
    filler = "<div class='x'><span>filler text that is not the article</span></div>\n" * 140_000
    scripts = "<script>var x = '" + "a" * 2_000_000 + "';</script>"
    page = f"<html><body>{scripts}<main>{PARAGRAPH * 20}</main>{filler}</body></html>"
    assert len(page) > 10_000_000
    with cpu_within(30):
        article = extract(page.encode("utf-8"), URL)
    assert "pawai budaya" in article.text


def test_many_unterminated_tags_as_bytes_without_charset() -> None:
    with cpu_within(10), pytest.raises(ExtractError):
        extract(b"<" * 400_000, URL)


def test_bytes_input_is_decoded_like_the_fetcher_would() -> None:
    article = extract(ARTICLE.replace("kota", "kota—").encode("utf-16"), URL)
    assert "kota—" in article.text


# ------------------------------------------------------------------------ property tests

BLOCKS = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<a href='/x'>",
    "</a>",
    "<script>",
    "</script>",
    "<style>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<img src=",
    "<br>",
    "<h2>",
    "</h2>",
    "&amp;",
    "&#0;",
    "<iframe src='//x.example'>",
    "<noscript>",
    "<svg><g>",
    "<math>",
    "<?xml version='1.0'?>",
    "<meta charset='utf-16'>",
    "<base href='javascript:x'>",
    "Baca juga:",
    "\x00",
    "\ufeff",
    "<rss>",
    "<",
    ">",
    '"',
    "'",
]


def _check(body: str | bytes) -> None:
    try:
        with cpu_within(10):
            article = extract(body, URL)
    except ExtractError:
        pass
    else:
        assert isinstance(article, Article)
        assert "<script" not in article.html.lower()
        assert all(link.url.startswith(("http://", "https://")) for link in article.related)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(BLOCKS), st.text(max_size=40)), max_size=60))
def test_property_random_tag_soup(parts: list[str]) -> None:
    _check("".join(parts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(ARTICLE)), st.integers(0, 50), st.sampled_from(BLOCKS)),
        max_size=8,
    )
)
def test_property_mutated_article(edits: list[tuple[int, int, str]]) -> None:
    page = ARTICLE
    for position, cut, insert in edits:
        page = page[:position] + insert + page[position + cut :]
    _check(page)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_property_random_bytes(body: bytes) -> None:
    _check(body)


def test_zlib_and_gzip_bombs_are_not_decompressed() -> None:
    bomb = zlib.compress(b"\x00" * 10_000_000)
    with cpu_within(5), pytest.raises(ExtractError):
        extract(bomb, URL)
    # Compressed articles: decompressing them would give a readable page, so only
    # "not decompressed" explains an ExtractError here.
    assert "pawai budaya" in extract(ARTICLE, URL).text
    page = ARTICLE.encode("utf-8")
    for packed in (zlib.compress(page), gzip.compress(page, mtime=0)):
        with cpu_within(5), pytest.raises(ExtractError):
            extract(packed, URL)
    with cpu_within(5), pytest.raises(ExtractError):
        extract(gzip.compress(b"\x00" * 10_000_000, mtime=0), URL)


def test_oversized_pages_of_unclosed_comments_and_scripts() -> None:
    for filler in ("<!--", "<script>", "<style>"):
        page = ARTICLE.replace("</article>", "</article>" + filler * 1_000_000)
        with cpu_within(20):
            article = extract(page, URL)
        assert "pawai budaya" in article.text
