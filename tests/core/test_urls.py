"""URL helpers: only http(s) passes, tracking is stripped, same documents compare equal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.urls import (
    absolutize,
    canonicalize,
    host_of,
    is_http_url,
    same_page,
    typed_address,
)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/a",
        "http://127.0.0.1:8080/x?y=1",
        "HTTPS://NEWS.EXAMPLE/",
        "http://[::1]/",
    ],
)
def test_http_urls_pass(url: str) -> None:
    assert is_http_url(url)


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "/relative",
        "news.example/a",
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "ftp://files.example/",
        "mailto:a@b.example",
        "vbscript:x",
        "https://bank.example@evil.example/",
        "https://news.example/a\nb",
        "https://a\u202eexample/",
        "https://news.example:99999/",
        "https:///nohost",
        "http://" + "a" * 5000 + ".example/",
        "\\\\host\\share\\a.png",
    ],
)
def test_everything_else_is_refused(url: str | None) -> None:
    assert not is_http_url(url)


def test_absolutize() -> None:
    base = "https://news.example/section/story.html?x=1"
    assert absolutize("../img/a.jpg", base) == "https://news.example/img/a.jpg"
    assert absolutize("//cdn.example/a.jpg", base) == "https://cdn.example/a.jpg"
    assert absolutize(" /a b ", base) == "https://news.example/a%20b"
    assert absolutize("#top", base) == "https://news.example/section/story.html?x=1#top"
    assert absolutize("javascript:void(0)", base) is None
    assert absolutize("java\nscript:x", base) is None
    assert absolutize("", base) is None
    assert absolutize(None, base) is None
    assert absolutize("https://other.example/", "not a url") == "https://other.example/"


def test_canonicalize_strips_tracking_fragments_and_amp() -> None:
    assert (
        canonicalize("HTTPS://WWW.News.Example:443/a/b?utm_source=x&id=7&fbclid=abc&gclid=1#frag")
        == "https://www.news.example/a/b?id=7"
    )
    assert canonicalize("https://news.example/read/x/amp") == "https://news.example/read/x"
    assert canonicalize("https://solo.tribun.example/amp/2020/10/09/x") == (
        "https://solo.tribun.example/2020/10/09/x"
    )
    assert canonicalize("https://news.example/x?amp=1&page=2") == "https://news.example/x?page=2"
    assert canonicalize("https://news.example/x?outputType=amp") == "https://news.example/x"
    assert canonicalize("http://news.example:80") == "http://news.example/"
    assert canonicalize("javascript:x") == "javascript:x"  # not ours to change


def test_same_page_ignores_presentation_differences() -> None:
    a = "https://www.news.example/berita/2024/01/01/judul"
    assert same_page(a, "http://news.example/berita/2024/01/01/judul/")
    assert same_page(a, a + "?page=all")
    assert same_page(a, a + "?single=1#page2")
    assert same_page(a, a + "?utm_medium=social")
    assert not same_page(a, "https://www.news.example/berita/2024/01/01/lain")
    assert not same_page(a, "https://other.example/berita/2024/01/01/judul")
    assert not same_page("https://news.example/?id=1", "https://news.example/?id=2")


def test_host_of() -> None:
    assert host_of("https://www.Kompas.example:8080/x") == "kompas.example"
    assert host_of("not a url") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["https://news.example/a/b", "http://x.example/"]))
def test_property_helpers_never_raise_and_never_return_other_schemes(href: str, base: str) -> None:
    out = absolutize(href, base)
    assert out is None or is_http_url(out)
    canon = canonicalize(href)
    assert isinstance(canon, str)
    if is_http_url(canon):
        assert canonicalize(canon) == canon
    same_page(href, base)


@pytest.mark.parametrize(
    "typed, address",
    [
        ("kompas.com", "https://kompas.com"),
        ("  www.antaranews.com/berita/1?x=2 ", "https://www.antaranews.com/berita/1?x=2"),
        ("//detik.com/a", "https://detik.com/a"),
        ("localhost:8700/rss", "http://localhost:8700/rss"),
        ("127.0.0.1:8700/", "http://127.0.0.1:8700/"),
        ("feed://example.org/rss", "http://example.org/rss"),
        ("feed:https://example.org/rss", "https://example.org/rss"),
        ("HTTP://Example.org/a", "HTTP://Example.org/a"),
        # not addresses: left as they are, to fail with their own reason
        ("not a url", "not a url"),
        ("article", "article"),
        ("mailto:someone@example.org", "mailto:someone@example.org"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("ftp://example.org/a", "ftp://example.org/a"),
    ],
)
def test_typed_addresses_read_like_a_browser_address_bar(typed: str, address: str) -> None:
    assert typed_address(typed) == address
