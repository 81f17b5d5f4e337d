"""The test web itself: every route answers as documented, pages match their truth.

Only the standard library talks to the server here (``http.client``), so these
tests do not depend on the project's fetcher. Sockets always carry timeouts;
nothing sleeps.
"""

from __future__ import annotations

import email.utils
import gzip
import http.client
import json
import re
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest

from tests.web import CHARSET_TEXT, FAULT_PATHS, TestWeb
from tests.web.content.generated import make_article

TIMEOUT = 5.0
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
}
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


# -- a tiny client -----------------------------------------------------------------------------
@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@contextmanager
def connect(url: str, timeout: float = TIMEOUT) -> Iterator[http.client.HTTPConnection]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
    try:
        yield conn
    finally:
        conn.close()


def target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Reply:
    """One request, no redirects followed, no decoding."""
    with connect(url) as conn:
        conn.request(method, target(url), headers=headers or {})
        resp = conn.getresponse()
        body = resp.read()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, body)


def head_only(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
    """Status and headers of a GET whose body we do not want to read."""
    with connect(url) as conn:
        conn.request("GET", target(url), headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}


# -- HTML helpers ------------------------------------------------------------------------------
BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "br",
    "td",
    "th",
    "tr",
    "figcaption",
    "blockquote",
    "section",
    "article",
    "aside",
    "ul",
    "ol",
}


class Page(HTMLParser):
    """Links, resource URLs, visible-ish text and JSON-LD of one HTML page."""

    def __init__(self, html: str, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.links: list[str] = []
        self.resources: list[str] = []
        self.meta: dict[str, str] = {}
        self.jsonld: list[object] = []
        self._chunks: list[str] = []
        self._skip = 0
        self._ld = False
        self.feed(html)
        self.close()
        self.text = re.sub(r"\s+", " ", "".join(self._chunks))

    def _abs(self, value: str) -> str:
        return urljoin(self.url, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "style"):
            self._skip += 1
            self._ld = a.get("type") == "application/ld+json"
        if tag in BLOCKS:
            self._chunks.append(" ")
        if tag == "a" and "href" in a:
            self.links.append(self._abs(a["href"]))
        if tag == "link" and "href" in a:
            self.resources.append(self._abs(a["href"]))
        if tag in ("img", "script", "iframe", "source"):
            for key in ("src", "data-src"):
                if a.get(key) and not a[key].startswith("data:"):
                    self.resources.append(self._abs(a[key]))
            for key in ("srcset", "data-srcset"):
                for part in a.get(key, "").split(","):
                    if part.strip() and not part.strip().startswith("data:"):
                        self.resources.append(self._abs(part.split()[0]))
        if tag == "meta":
            name = a.get("name") or a.get("property")
            if name:
                self.meta[name] = a.get("content", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
            self._ld = False
        if tag in BLOCKS:
            self._chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self._ld:
            self.jsonld.append(json.loads(data))
        elif not self._skip:
            self._chunks.append(data)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page(url: str) -> tuple[Reply, Page]:
    reply = get(url)
    assert reply.status == 200, url
    return reply, Page(reply.text, url)


def is_test_web(web: TestWeb, url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme == "http"
        and parts.hostname == "127.0.0.1"
        and any(parts.port == o.port for o in (*web.outlets.values(), web.gen))
    )


# -- origins -----------------------------------------------------------------------------------
def test_each_outlet_is_its_own_origin(web: TestWeb) -> None:
    outlets = web.outlets
    assert set(outlets) == {"nusa", "warta", "harbor"}
    ports = {o.port for o in outlets.values()} | {web.faults.port, web.gen.port}
    assert len(ports) == 5
    assert outlets["nusa"].language == outlets["warta"].language == "id"
    assert outlets["harbor"].language == "en"
    assert outlets["harbor"].display_name == "The Daily Harbor"
    assert web.outlet("nusa").url("/rss") == outlets["nusa"].base + "/rss"
    assert web.faults.url("/404").startswith("http://127.0.0.1:")
    with pytest.raises(ValueError):
        web.outlet("nusa").url("rss")


def test_article_and_feed_lists(web: TestWeb) -> None:
    for name in web.outlets:
        urls = web.article_urls(name)
        assert 5 <= len(urls) <= 7
        assert all(u.startswith(web.outlet(name).base + "/") for u in urls)
    assert len(web.article_urls()) == sum(len(web.article_urls(n)) for n in web.outlets)
    assert web.feed_urls("nusa")[0].endswith("/rss")
    assert {urlsplit(u).path for u in web.feed_urls("warta")} == {"/rss", "/feed.json"}
    assert [urlsplit(u).path for u in web.feed_urls("harbor")] == ["/atom.xml"]
    assert all(u.endswith("sitemap-news.xml") for u in web.sitemap_urls("nusa"))


# -- every route -------------------------------------------------------------------------------
def test_every_static_route_answers_with_validators(web: TestWeb) -> None:
    urls = web.page_urls()
    assert len(urls) > 100
    for url in urls:
        reply = get(url)
        assert reply.status == 200, url
        assert reply.headers["content-type"], url
        assert reply.headers["etag"].startswith('"'), url
        assert email.utils.parsedate_to_datetime(reply.headers["last-modified"]), url
        assert int(reply.headers["content-length"]) == len(reply.body) > 0, url
        ctype = reply.headers["content-type"]
        if ctype.startswith("text/html"):
            assert reply.text.lstrip().lower().startswith("<!doctype html"), url
            Page(reply.text, url)
        elif "json" in ctype:
            json.loads(reply.body)
        elif "xml" in ctype:
            ET.fromstring(reply.body)


def test_every_local_link_and_resource_resolves(web: TestWeb) -> None:
    """Crawl every page: no dangling same-web link, image, script or stylesheet."""
    seen: dict[str, int] = {}
    todo = [u for u in web.page_urls() if not u.endswith((".png", ".ico", ".js", ".css", ".txt"))]
    for url in todo:
        reply = get(url)
        if not reply.headers["content-type"].startswith("text/html"):
            continue
        parsed = Page(reply.text, url)
        for found in parsed.links + parsed.resources:
            link = found.split("#")[0]
            if is_test_web(web, link) and link not in seen:
                seen[link] = get(link, method="HEAD").status
    broken = {u: s for u, s in seen.items() if s != 200}
    assert not broken
    assert len(seen) > 150


def test_head_requests_have_no_body(web: TestWeb) -> None:
    url = web.article_urls("harbor")[0]
    reply = get(url, method="HEAD")
    assert reply.status == 200
    assert reply.body == b""
    assert int(reply.headers["content-length"]) > 1000


def test_unknown_paths_are_outlet_styled_404s(web: TestWeb) -> None:
    for name, phrase in (
        ("nusa", "tidak ditemukan"),
        ("warta", "tidak ditemukan"),
        ("harbor", "find that page"),
    ):
        reply = get(web.outlet(name).url("/no/such/page"))
        assert reply.status == 404
        assert phrase in reply.text
        assert "etag" not in reply.headers
    assert get(web.gen.url("/nope")).status == 404
    assert get(web.outlet("nusa").url("/img/unknown-picture.png")).status == 404


def test_static_assets_robots_favicon_and_pixel(web: TestWeb) -> None:
    nusa = web.outlet("nusa")
    css = get(nusa.url("/assets/css/nusa.css"))
    assert css.headers["content-type"].startswith("text/css")
    js = get(nusa.url("/assets/js/nusa.js"))
    assert js.headers["content-type"].startswith("application/javascript")
    robots = get(nusa.url("/robots.txt")).text
    assert "User-agent: *" in robots
    assert "sitemap-news.xml" in robots
    ico = get(nusa.url("/favicon.ico"))
    assert ico.headers["content-type"] == "image/x-icon"
    assert ico.body[:4] == b"\x00\x00\x01\x00"
    pixel = get(nusa.url("/px.gif?p=article"))
    assert pixel.body.startswith(b"GIF89a")
    assert struct.unpack("<HH", pixel.body[6:10]) == (1, 1)
    assert "no-store" in pixel.headers["cache-control"]
    assert "etag" not in pixel.headers


def test_article_images_are_distinct_pngs_in_three_sizes(web: TestWeb) -> None:
    seen: set[bytes] = set()
    for url in web.article_urls():
        truth = web.truth(url)
        assert len(truth.images) >= 2
        for image in truth.images:
            for suffix, size in (("", (640, 360)), ("-320", (320, 180)), ("-160", (160, 90))):
                reply = get(image.replace(".png", f"{suffix}.png"))
                assert reply.headers["content-type"] == "image/png"
                assert reply.body[:8] == b"\x89PNG\r\n\x1a\n"
                assert struct.unpack(">II", reply.body[16:24]) == size
                assert "content-encoding" not in reply.headers
                if not suffix:
                    seen.add(reply.body)
    names = {urlsplit(i).path for u in web.article_urls() for i in web.truth(u).images}
    assert len(seen) == len(names), "same picture only where an article was syndicated"


# -- pages against truth -----------------------------------------------------------------------
def _article_text(web: TestWeb, url: str) -> tuple[str, list[Page]]:
    truth = web.truth(url)
    pages = [page(u)[1] for u in truth.page_urls]
    return " ".join(p.text for p in pages), pages


BOILERPLATE = (
    "Baca juga",
    "ADVERTISEMENT",
    "Advertisement",
    "Artikel ini telah tayang",
    "Simak berita lainnya",
    "Pewarta:",
    "Copyright",
    "Read more:",
    "Also read:",
    "Laporan Wartawan",
    "Ikuti kami",
    "Gambas",
    "SCROLL TO RESUME",
    "Dilarang keras",
    "Subscribers can listen",
    "free articles left",
)


def test_truth_matches_every_article_page(web: TestWeb) -> None:
    for url in web.article_urls():
        truth = web.truth(url)
        text, pages = _article_text(web, url)
        assert truth.url == url
        assert truth.pages == len(truth.page_urls) == len(pages)
        assert truth.title and norm(truth.title) in text
        for name in truth.authors:
            assert name in text
        assert re.fullmatch(r"2026-\d\d-\d\dT\d\d:\d\d:00[+-]0[47]:00", truth.published)
        assert any(truth.published in p.meta.values() for p in pages) or truth.published in str(
            pages[0].jsonld
        )
        for paragraph in truth.paragraphs:
            assert norm(paragraph) in text, (url, paragraph)
            assert not any(phrase in paragraph for phrase in BOILERPLATE), paragraph
            assert not re.fullmatch(r"\(\w{2,4}/\w{2,4}\)", paragraph)
        links = {link for p in pages for link in p.links}
        resources = {r for p in pages for r in p.resources}
        for link, title in truth.inline_related:
            assert link in links
            assert norm(title) in text
        for link, _title, source in truth.block_related:
            assert link in links
            assert source in text
        for image in truth.images:
            assert image in resources
        for table in truth.tables:
            for row in table:
                assert all(cell in text for cell in row)
        words = sum(len(p.split()) for p in truth.paragraphs)
        assert 100 <= words <= 1000, (url, words)


def test_every_truth_excludes_chrome_but_page_contains_it(web: TestWeb) -> None:
    """The page has boilerplate the truth leaves out (else extraction is trivial)."""
    for url in web.article_urls():
        text, _ = _article_text(web, url)
        truth_text = web.truth(url).text
        extra = [phrase for phrase in BOILERPLATE if phrase in text and phrase not in truth_text]
        assert len(extra) >= 2, url
    lengths: dict[str, list[int]] = {name: [] for name in web.outlets}
    for url in web.article_urls():
        truth = web.truth(url)
        lengths[truth.outlet].append(sum(len(p.split()) for p in truth.paragraphs))
    for found in lengths.values():
        assert min(found) < 200, "each outlet has a short article"
        assert max(found) >= 300


def test_truth_lookup_accepts_page_urls_and_rejects_others(web: TestWeb) -> None:
    nusa_long = next(u for u in web.article_urls("nusa") if web.truth(u).pages == 3)
    warta_long = next(u for u in web.article_urls("warta") if web.truth(u).pages == 3)
    assert web.truth(nusa_long + "?page=2") == web.truth(nusa_long)
    assert web.truth(nusa_long + "?page=all").url == nusa_long
    assert web.truth(warta_long + "/3").url == warta_long
    assert web.truth(warta_long + "?utm_source=rss").url == warta_long
    with pytest.raises(KeyError):
        web.truth(web.outlet("nusa").url("/"))
    with pytest.raises(ValueError):
        web.truth("http://example.com/a")
    first = web.truth(nusa_long)
    first.paragraphs.append("mutated")
    assert "mutated" not in web.truth(nusa_long).paragraphs


# -- NusaKini (Tribunnews-like) ----------------------------------------------------------------
def _find(web: TestWeb, outlet: str, word: str) -> str:
    return next(u for u in web.article_urls(outlet) if word in u)


def test_nusa_article_markup(web: TestWeb) -> None:
    url = _find(web, "nusa", "harga-cabai")
    reply, parsed = page(url)
    html = reply.text
    assert '<html lang="id"' in html
    assert '<div class="side-article txt-article multi-fontsize editcontent">' in html
    assert re.search(r'<h1 id="arttitle"[^>]*>Harga Cabai Rawit', html)
    assert re.search(r'<div id="penulis">Penulis: <a href="[^"]+">Siti Rahmawati</a>', html)
    assert re.search(r'<div id="editor">Editor: <a href="[^"]+">Wulan Sari</a>', html)
    assert (
        '<time datetime="2026-03-10T14:20:00+07:00">Selasa, 10 Maret 2026 14:20 WIB</time>' in html
    )
    assert "<p><strong>Laporan Wartawan NusaKini.com, Siti Rahmawati</strong></p>" in html
    assert "<p><strong>NUSAKINI.COM, JAKARTA</strong> - Harga " in html
    assert re.search(r'<p class="baca"><strong>Baca juga: <a href="http[^"]+"', html)
    assert re.search(r'<p class="baca"><strong>• <a href="[^"]+" title="[^"]+">', html)
    assert '<div id="div-Inside-MediumRectangle" class="ads-placeholder">' in html
    assert "ADVERTISEMENT" in html
    for share in ("api.whatsapp.com/send", "facebook.com/sharer", "x.com/intent/post"):
        assert share in html
    assert "Ikuti kami di" in html
    assert "Google News" in html
    assert "Simak berita lainnya di" in html
    assert "<p><strong>(nsk/nsk)</strong></p>" in html
    assert "Berita Terkait :" in html
    assert 'class="fbo2"' in html
    assert "Terpopuler" in html
    assert '<h5 class="tagcloud3">' in html
    assert 'data-src="' + web.outlet("nusa").url("/img/cabai-1.png") + '"' in html
    assert 'src="data:image/gif;base64,' in html
    assert "srcset=" in html
    assert "(NUSAKINI/Rizky Ramadhan)</figcaption>" in html
    assert '<img src="/px.gif?p=article" width="1" height="1"' in html
    assert "px.gif?js=1" in html  # inside a script that must never run
    # "Baca Lebih Lanjut": title, then the outlet's name on its own line, across outlets
    section = html[
        html.index("Baca Lebih Lanjut") : html.index("</section>", html.index("Baca Lebih Lanjut"))
    ]
    items = re.findall(
        r'href="([^"]+)">([^<]+)</a>\s*<div class="lanjut-src">([^<]+)</div>', section
    )
    assert {source for _, _, source in items} == {"WartaKilat", "The Daily Harbor", "NusaKini"}
    assert {urlsplit(href).port for href, _, _ in items} == {o.port for o in web.outlets.values()}
    # metadata
    ld = next(d for d in parsed.jsonld if isinstance(d, dict) and d.get("@type") == "NewsArticle")
    assert ld["headline"] == web.truth(url).title
    assert ld["datePublished"] == "2026-03-10T14:20:00+07:00"
    assert ld["publisher"]["name"] == "NusaKini.com"
    assert ld["author"]["name"] == "Siti Rahmawati"
    assert ld["image"]["url"] == web.truth(url).images[0]
    assert parsed.meta["og:url"] == url
    assert parsed.meta["og:type"] == "article"
    rss = [r for r in parsed.resources if r.endswith("/rss")]
    assert len(rss) == 2


def test_nusa_syndicated_copy_names_its_source(web: TestWeb) -> None:
    url = _find(web, "nusa", "gempa-magnitudo")
    html = get(url).text
    original = _find(web, "warta", "gempa-m-48")
    assert f'Artikel ini telah tayang di WartaKilat.com dengan judul <a href="{original}">' in html
    assert web.truth(url).paragraphs[1:] == web.truth(original).paragraphs[1:]
    assert web.truth(url).paragraphs[0].startswith("NUSAKINI.COM, BANDUNG - Gempa")


def test_nusa_multipage_article(web: TestWeb) -> None:
    url = _find(web, "nusa", "banjir-rob")
    truth = web.truth(url)
    assert truth.pages == 3
    assert truth.page_urls == [url, url + "?page=2", url + "?page=3"]
    texts = {}
    for suffix in ("", "?page=1", "?page=2", "?page=3", "?page=all"):
        reply, parsed = page(url + suffix)
        assert parsed.meta["og:url"] == url
        assert f'<link rel="canonical" href="{url}">' in reply.text
        texts[suffix] = (reply.text, parsed.text)
    assert texts[""][0] == texts["?page=1"][0]
    first, second, last, whole = (texts[s][1] for s in ("", "?page=2", "?page=3", "?page=all"))
    assert norm(truth.paragraphs[0]) in first
    assert norm(truth.paragraphs[0]) not in second
    assert norm(truth.paragraphs[-1]) in last
    assert norm(truth.paragraphs[-1]) not in first
    assert all(norm(p) in whole for p in truth.paragraphs)
    html1 = texts[""][0]
    assert '<div class="paging" id="paginganchor">' in html1
    assert '<span class="total-page">Halaman 1/3</span>' in html1
    assert f'href="{url}?page=2"' in html1
    assert f'href="{url}?page=3"' in html1
    assert f'<a class="allpage" href="{url}?page=all">' in html1
    assert f'<a class="btn-next-page" href="{url}?page=2">Halaman selanjutnya' in html1
    assert "Halaman selanjutnya" not in texts["?page=3"][0]
    assert "paginganchor" not in texts["?page=all"][0]
    assert get(url + "?page=9").status == 404
    assert get(url + "?page=2&utm_source=x").body == get(url + "?page=2").body


# -- WartaKilat (Detik/Antara-like) ------------------------------------------------------------
def test_warta_article_markup(web: TestWeb) -> None:
    html = get(_find(web, "warta", "rekapitulasi")).text
    body = html[html.index('<div class="detail__body-text itp_bodycontent">') :]
    assert re.match(
        r'<div class="detail__body-text itp_bodycontent">\s*<strong>Sekar Wangi</strong> - Komisi',
        body,
    ), "bare dateline before the first <p>"
    assert '<h1 class="detail__title">' in html
    assert '<div class="detail__author">Bagus Prakoso - wkNews</div>' in html
    assert '<div class="detail__date">Senin, 16 Mar 2026 23:10 WIB</div>' in html
    assert '<meta name="publishdate" content="2026/03/16 23:10:00">' in html
    assert '<meta name="author" content="Bagus Prakoso">' in html
    assert '<table class="linksisip">' in html
    assert "<strong>Baca juga: </strong>" in html
    assert '<p id="para_caption">ADVERTISEMENT</p>' in html
    assert '<p id="para_caption2">SCROLL TO RESUME CONTENT</p>' in html
    assert "<blockquote><p>Kami memahami selisihnya tipis" in html
    assert "<th>Pasangan Calon</th>" in html
    assert "<td>165.872</td>" in html
    assert "Pewarta: Bagus Prakoso<br>Editor: Agus Priyanto<br>Copyright © WartaKilat 2026" in html
    assert "<strong>(bgp/agp)</strong>" in html
    assert '<h2 class="box__title">Berita Terkait</h2>' in html
    truth = web.truth(_find(web, "warta", "rekapitulasi"))
    assert truth.tables[0][0] == ["No.", "Pasangan Calon", "Perolehan Suara", "Persentase"]
    assert any(p.startswith("Kami memahami selisihnya tipis") for p in truth.paragraphs)


def test_warta_video_and_span_teaser(web: TestWeb) -> None:
    html = get(_find(web, "warta", "gajah")).text
    assert '<p><span class="baca-juga">Baca juga: <a href="' in html
    assert "[Gambas:Video wkTV]" in html
    assert '<span id="aevp_title">Detik-detik Gajah Liar Masuk Kebun Warga</span>' in html
    assert (
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/wkGajah2026"' in html
    )


def test_warta_multipage_has_only_next_links(web: TestWeb) -> None:
    url = _find(web, "warta", "kereta")
    truth = web.truth(url)
    assert truth.page_urls == [url, url + "/2", url + "/3"]
    pages = [page(u) for u in truth.page_urls]
    for n, (reply, parsed) in enumerate(pages, start=1):
        assert parsed.meta["og:url"] == url
        if n < 3:
            assert (
                f'href="{url}/{n + 1}" class="detail__long-nav-next" rel="next">Halaman selanjutnya'
                in reply.text
            )
        else:
            assert "Halaman selanjutnya" not in reply.text
    assert norm(truth.paragraphs[-1]) not in pages[0][1].text
    # no show-all variant: the usual tricks return page 1 unchanged
    for trick in ("?single=1", "?page=all", "?showpage=all"):
        assert get(url + trick).body == pages[0][0].body
    assert get(url + "/4").status == 404


# -- The Daily Harbor (English) ----------------------------------------------------------------
def test_harbor_article_markup(web: TestWeb) -> None:
    url = _find(web, "harbor", "solar")
    reply, parsed = page(url)
    html = reply.text
    assert '<html lang="en-US"' in html
    assert '<article class="story"' in html
    assert '<h1 class="headline" itemprop="headline">Port Ellery approves' in html
    assert (
        '<p class="byline">By <a rel="author" href="/staff/grace-lindqvist">Grace Lindqvist</a></p>'
        in html
    )
    assert '<time datetime="2026-04-03T07:30:00-04:00"' in html
    assert '<p class="read-more"><strong>Read more:</strong> <a href="/city/' in html
    assert '<aside class="related-inline" aria-label="Related">' in html
    assert '<h2 id="more-heading">More on this story</h2>' in html
    assert 'id="cookie-consent"' in html
    assert '<p class="audio-promo" hidden>' in html
    assert 'style="display:none"' in html
    assert '<form class="newsletter-form" action="/newsletter/subscribe" method="post">' in html
    assert 'class="share-tools"' in html
    assert "<picture>" in html
    assert 'srcset="/img/solar-1-320.png 320w, /img/solar-1.png 640w"' in html
    assert "<ol>" in html
    assert '<blockquote class="pull-quote">' in html
    assert parsed.meta["og:site_name"] == "The Daily Harbor"
    truth = web.truth(url)
    assert truth.block_related[0][0] == web.outlet("harbor").url(
        "/city/2026/04/01/council-delays-bike-lane-vote-after-seven-hour-hearing"
    )
    assert len({link for link, _, _ in truth.block_related}) == len(truth.block_related)
    assert "What the plan includes" in truth.paragraphs
    thanks = get(web.outlet("harbor").url("/newsletter/subscribe"), method="POST")
    assert thanks.status == 200


def test_harbor_author_array_video_and_also_read(web: TestWeb) -> None:
    reply, parsed = page(_find(web, "harbor", "bike-lane"))
    ld = next(d for d in parsed.jsonld if isinstance(d, dict) and d.get("@type") == "NewsArticle")
    assert [a["name"] for a in ld["author"]] == ["Maya Okafor", "Daniel Reyes"]
    assert 'src="https://www.youtube.com/embed/hbrCncl2026?rel=0"' in reply.text
    assert web.truth(_find(web, "harbor", "bike-lane")).byline == "Maya Okafor and Daniel Reyes"
    ferry = get(_find(web, "harbor", "ferry")).text
    assert '<p class="also-read"><em>Also read:</em> <a href="/culture/' in ferry
    assert '<span class="dateline-place">PORT ELLERY</span> — Bayline' in ferry


# -- front and listing pages -------------------------------------------------------------------
def test_front_pages_list_articles_but_are_not_articles(web: TestWeb) -> None:
    for name, outlet in web.outlets.items():
        reply, parsed = page(outlet.home)
        for url in web.article_urls(name):
            assert url in parsed.links
        assert 'id="arttitle"' not in reply.text
        assert "detail__body-text" not in reply.text
        assert "story-body" not in reply.text
        with pytest.raises(KeyError):
            web.truth(outlet.home)
    nusa = Page(get(web.outlet("nusa").home).text, web.outlet("nusa").home)
    feeds = [r for r in nusa.resources if r.endswith("/rss")]
    assert len(feeds) == len(web.feed_urls("nusa")) >= 5
    warta = get(web.outlet("warta").home).text
    assert 'type="application/feed+json"' in warta
    assert 'type="application/rss+xml"' in warta


# -- feeds -------------------------------------------------------------------------------------
def test_nusa_rss_and_section_feeds(web: TestWeb) -> None:
    main = get(web.outlet("nusa").url("/rss"))
    assert main.headers["content-type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(main.body).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == web.article_urls("nusa")
    for item in items:
        link = item.findtext("link") or ""
        truth = web.truth(link)
        assert item.findtext("title") == truth.title
        guid = item.find("guid")
        assert guid is not None
        assert guid.get("isPermaLink") == "true"
        assert guid.text == link
        pub = email.utils.parsedate_to_datetime(item.findtext("pubDate") or "")
        assert pub.isoformat() == truth.published
        assert item.findtext("dc:creator", namespaces=NS) == truth.authors[0]
        encoded = item.findtext("content:encoded", namespaces=NS) or ""
        assert "<img src=" in encoded
        assert norm(truth.paragraphs[1]) not in encoded, "teaser only"
        enclosure = item.find("enclosure")
        assert enclosure is not None
        image = get(enclosure.get("url") or "")
        assert int(enclosure.get("length") or 0) == len(image.body)
    section_items = 0
    for feed in web.feed_urls("nusa")[1:]:
        section = ET.fromstring(get(feed).body).find("channel")
        assert section is not None
        section_items += len(section.findall("item"))
    assert section_items == len(items)
    for sitemap in web.sitemap_urls("nusa"):
        root = ET.fromstring(get(sitemap).body)
        for url in root.findall("sm:url", NS):
            loc = url.findtext("sm:loc", namespaces=NS) or ""
            assert loc in web.article_urls("nusa")
            assert (
                url.findtext("news:news/news:publication/news:name", namespaces=NS)
                == "NusaKini.com"
            )
            assert (url.findtext("news:news/news:publication_date", namespaces=NS) or "").endswith(
                "+07:00"
            )


def test_warta_json_feed_and_rss(web: TestWeb) -> None:
    reply = get(web.outlet("warta").url("/feed.json"))
    assert reply.headers["content-type"].startswith("application/feed+json")
    doc = json.loads(reply.body)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["url"] for i in doc["items"]] == web.article_urls("warta")
    for item in doc["items"]:
        truth = web.truth(item["url"])
        assert item["date_published"] == truth.published
        assert item["authors"] == [{"name": a} for a in truth.authors]
        assert item["image"] == truth.images[0]
    rss = ET.fromstring(get(web.outlet("warta").url("/rss")).body)
    links = [i.findtext("link") or "" for i in rss.iter("item")]
    assert all("utm_source=rss" in link for link in links)
    assert [web.truth(link).url for link in links] == web.article_urls("warta")


def test_harbor_atom_links_resolve_through_xml_base(web: TestWeb) -> None:
    reply = get(web.outlet("harbor").url("/atom.xml"))
    assert reply.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(reply.body)
    feed_base = root.get(XML_BASE) or ""
    assert feed_base == web.outlet("harbor").base + "/"
    resolved, entry_bases = [], 0
    for entry in root.findall("atom:entry", NS):
        base = urljoin(feed_base, entry.get(XML_BASE) or "")
        entry_bases += entry.get(XML_BASE) is not None
        link = entry.find("atom:link[@rel='alternate']", NS)
        assert link is not None
        href = link.get("href") or ""
        assert not href.startswith(("http", "/")), "relative on purpose"
        resolved.append(urljoin(base, href))
        assert entry.findtext("atom:author/atom:name", namespaces=NS)
        assert entry.findtext("atom:published", namespaces=NS)
    assert resolved == web.article_urls("harbor")
    assert entry_bases >= 1
    assert [get(u).status for u in resolved] == [200] * len(resolved)


def test_opml_lists_every_outlet_feed(web: TestWeb) -> None:
    root = ET.fromstring(get(web.opml_url()).body)
    urls = [o.get("xmlUrl") or "" for o in root.iter("outline") if o.get("xmlUrl")]
    assert sorted(urls) == sorted(web.feed_urls())


# -- HTTP behaviour ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["article", "feed", "image"])
def test_conditional_get(web: TestWeb, kind: str) -> None:
    url = {
        "article": web.article_urls("warta")[0],
        "feed": web.feed_urls("harbor")[0],
        "image": web.truth(web.article_urls("nusa")[0]).images[0],
    }[kind]
    first = get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = get(url, {"If-None-Match": etag})
    assert again.status == 304
    assert again.body == b""
    assert again.headers["etag"] == etag
    assert get(url, {"If-None-Match": f'"nope", {etag}'}).status == 304
    assert get(url, {"If-None-Match": '"nope"'}).status == 200
    assert get(url, {"If-Modified-Since": modified}).status == 304
    assert get(url, {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}).status == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110)
    assert get(url, {"If-None-Match": '"nope"', "If-Modified-Since": modified}).status == 200


def test_gzip_when_asked(web: TestWeb) -> None:
    for url in (web.article_urls("nusa")[0], web.feed_urls("nusa")[0]):
        plain = get(url)
        packed = get(url, {"Accept-Encoding": "gzip, deflate"})
        assert "content-encoding" not in plain.headers
        assert packed.headers["content-encoding"] == "gzip"
        assert packed.headers["vary"] == "Accept-Encoding"
        assert gzip.decompress(packed.body) == plain.body
        assert len(packed.body) < len(plain.body)
        assert packed.headers["etag"] != plain.headers["etag"]
        revalidated = get(url, {"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]})
        assert revalidated.status == 304
        assert "content-encoding" not in get(url, {"Accept-Encoding": "gzip;q=0"}).headers
    image = web.truth(web.article_urls("nusa")[0]).images[0]
    assert "content-encoding" not in get(image, {"Accept-Encoding": "gzip"}).headers


def test_request_log_and_hits(web: TestWeb) -> None:
    nusa = web.outlet("nusa")
    web.reset_log()
    get(nusa.url("/rss?a=1"), {"X-Probe": "yes"})
    get(nusa.url("/rss?a=2"))
    get(web.outlet("warta").url("/rss"))
    assert web.hits(nusa.url("/rss")) == 2
    assert web.hits(nusa.url("/rss?a=1")) == 1
    assert web.hits("/rss") == 3
    assert web.hits("/rss?a=2") == 1
    probe = [r for r in web.requests if r.path == "/rss?a=1"]
    assert len(probe) == 1
    method, path, headers = probe[0]
    assert (method, path, headers["X-Probe"]) == ("GET", "/rss?a=1", "yes")
    assert [r.path for r in web.requests_for("warta")] == ["/rss"]
    web.reset_log()
    assert web.requests == []


def test_serve_overrides_and_restores_routes(web: TestWeb) -> None:
    feed = web.feed_urls("nusa")[0]
    original = get(feed)
    web.serve(
        feed,
        "<rss version='2.0'><channel><title>Baru</title></channel></rss>",
        content_type="application/rss+xml",
    )
    try:
        changed = get(feed)
        assert changed.text.startswith("<rss")
        assert changed.headers["content-type"] == "application/rss+xml"
        assert changed.headers["etag"] != original.headers["etag"]
        assert get(feed, {"If-None-Match": original.headers["etag"]}).status == 200
        assert get(feed, {"If-None-Match": changed.headers["etag"]}).status == 304
    finally:
        web.unserve(feed)
    assert get(feed).body == original.body

    web.serve("/flaky", "down", status=503, headers={"Retry-After": "5"}, times=2)
    web.serve(web.outlet("warta").url("/flaky"), "up", times=None)
    try:
        harbor = web.outlet("harbor").url("/flaky")
        assert [get(harbor).status for _ in range(3)] == [503, 503, 404]
        assert get(web.outlet("warta").url("/flaky")).text == "up"
        assert get(web.outlet("nusa").url("/flaky")).headers["retry-after"] == "5"
    finally:
        web.unserve("/flaky")
    assert get(web.outlet("warta").url("/flaky")).status == 404
    with pytest.raises(ValueError):
        web.serve("http://example.com/x", "nope")


# -- generated feeds ---------------------------------------------------------------------------
def test_generated_feed_and_articles(web: TestWeb) -> None:
    url = web.generated_feed_url(7, items=4)
    assert url.endswith("/gen/7.xml?items=4")
    assert web.generated_feed_url(7).endswith("/gen/7.xml")
    reply = get(url)
    assert reply.headers["content-type"].startswith("application/rss+xml")
    assert get(url, {"If-None-Match": reply.headers["etag"]}).status == 304
    items = ET.fromstring(reply.body).findall("channel/item")
    assert len(items) == 4
    assert len(ET.fromstring(get(web.generated_feed_url(7)).body).findall("channel/item")) == 30
    for item in items:
        link = item.findtext("link") or ""
        truth = web.truth(link)
        assert truth.language == "en"
        text = Page(get(link).text, link).text
        assert norm(truth.title) in text
        assert all(norm(p) in text for p in truth.paragraphs)
        assert 400 <= sum(len(p.split()) for p in truth.paragraphs) <= 800
        assert truth.inline_related[0][0] in Page(get(link).text, link).links
        pictures = [get(i) for i in truth.images]
        assert all(p.body.startswith(b"\x89PNG") for p in pictures)
        assert pictures[0].body != pictures[1].body
    indonesian = web.truth(web.gen.url("/gen/8/0"))
    assert indonesian.language == "id"
    assert indonesian.paragraphs[0].split(" - ")[0].isupper()
    assert make_article(8, 0).paragraphs == tuple(indonesian.paragraphs), "deterministic"
    with pytest.raises(ValueError):
        web.generated_feed_url(-1)
    opml = ET.fromstring(get(web.generated_opml_url(3)).body)
    assert [o.get("xmlUrl") for o in opml.iter("outline") if o.get("xmlUrl")] == [
        web.generated_feed_url(n) for n in range(3)
    ]


def test_generated_feeds_under_concurrent_clients(web: TestWeb) -> None:
    urls = [web.generated_feed_url(n, items=3) for n in range(200, 240)]
    urls += [web.gen.url(f"/gen/{n}/{i}") for n in range(200, 210) for i in range(3)]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda u: get(u).status, urls * 2))
    assert statuses == [200] * len(urls) * 2
    assert time.monotonic() - started < 15


# -- fault routes ------------------------------------------------------------------------------
STATUS_FAULTS = [
    ("not_found", 404),
    ("gone", 410),
    ("server_error", 500),
    ("unavailable", 503),
    ("challenge", 403),
]


def fault(web: TestWeb, name: str) -> str:
    return web.fault_url(name)


@pytest.mark.parametrize(("name", "status"), STATUS_FAULTS)
def test_fault_statuses(web: TestWeb, name: str, status: int) -> None:
    reply = get(fault(web, name))
    assert reply.status == status
    assert "etag" not in reply.headers


def test_fault_429_has_retry_after(web: TestWeb) -> None:
    reply = get(fault(web, "too_many_requests"))
    assert reply.status == 429
    assert reply.headers["retry-after"] == "120"


def test_fault_challenge_page(web: TestWeb) -> None:
    reply = get(fault(web, "challenge"))
    assert "Just a moment..." in reply.text
    assert reply.headers["cache-control"] == "no-store"


def test_fault_redirects(web: TestWeb) -> None:
    loop = get(fault(web, "redirect_loop"))
    assert loop.status == 302
    assert loop.headers["location"] == "/redirect/loop"
    url, hops = fault(web, "redirect_chain"), 0
    while (reply := get(url)).status == 302:
        url = urljoin(url, reply.headers["location"])
        hops += 1
        assert hops <= 20
    assert (hops, reply.status) == (11, 200)
    assert get(fault(web, "redirect_file")).headers["location"] == "file:///etc/passwd"
    assert get(fault(web, "redirect_ftp")).headers["location"].startswith("ftp://")
    assert get(fault(web, "redirect_javascript")).headers["location"].startswith("javascript:")
    assert get(fault(web, "redirect_data")).headers["location"].startswith("data:text/html")
    feed = web.feed_urls("nusa")[0]
    moved = get(fault(web, "redirect_to") + f"?url={feed}&status=301")
    assert (moved.status, moved.headers["location"]) == (301, feed)


def test_fault_slow_trickles(web: TestWeb) -> None:
    started = time.monotonic()
    with connect(fault(web, "slow"), timeout=3) as conn:
        conn.request("GET", FAULT_PATHS["slow"])
        resp = conn.getresponse()
        assert resp.status == 200
        assert "content-length" not in {k.lower() for k, _ in resp.getheaders()}
        first = resp.read1(4096)
        second = resp.read1(4096)
        assert b"Bagian 0" in first + second
    assert time.monotonic() - started < 3


def test_fault_hang_never_answers(web: TestWeb) -> None:
    with connect(fault(web, "hang"), timeout=0.3) as conn:
        conn.request("GET", FAULT_PATHS["hang"])
        with pytest.raises(TimeoutError):
            conn.getresponse()


def test_fault_big_body_streams(web: TestWeb) -> None:
    with connect(fault(web, "big_body")) as conn:
        conn.request("GET", FAULT_PATHS["big_body"])
        resp = conn.getresponse()
        assert resp.getheader("Content-Length") == str(50 * 1024 * 1024)
        assert resp.read(1 << 20).startswith(b"<p>Paragraf pengisi")


def test_fault_gzip_bomb(web: TestWeb) -> None:
    reply = get(fault(web, "gzip_bomb"))
    assert reply.headers["content-encoding"] == "gzip"
    assert 900_000 < len(reply.body) < 1_200_000
    assert struct.unpack("<I", reply.body[-4:])[0] == (1 << 30) % (1 << 32), "ISIZE says 1 GiB"
    inflater = zlib.decompressobj(31)
    sample = inflater.decompress(reply.body[:100_000], 64 << 20)
    assert len(sample) == 64 << 20
    assert sample.count(0) == len(sample)


def test_fault_charsets(web: TestWeb) -> None:
    header = get(fault(web, "charset_header_mismatch"))
    assert header.headers["content-type"] == "text/html; charset=iso-8859-1"
    assert CHARSET_TEXT in header.body.decode("utf-8")
    assert CHARSET_TEXT not in header.body.decode("iso-8859-1")
    meta = get(fault(web, "charset_meta_mismatch"))
    assert "charset" not in meta.headers["content-type"]
    assert b'<meta charset="utf-8">' in meta.body
    assert CHARSET_TEXT in meta.body.decode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        meta.body.decode("utf-8")
    none = get(fault(web, "charset_none"))
    assert none.headers["content-type"] == "text/html"
    assert b"charset" not in none.body.lower()
    assert CHARSET_TEXT in none.body.decode("utf-8")


def test_fault_binaries_served_as_html(web: TestWeb) -> None:
    random_bytes = get(fault(web, "binary_as_html"))
    assert random_bytes.headers["content-type"].startswith("text/html")
    assert len(random_bytes.body) == 100_000
    with pytest.raises(UnicodeDecodeError):
        random_bytes.body.decode("utf-8")
    pdf = get(fault(web, "pdf_as_html"))
    assert pdf.headers["content-type"].startswith("text/html")
    assert pdf.body.startswith(b"%PDF-1.7")


def test_fault_empty_and_short_bodies(web: TestWeb) -> None:
    empty = get(fault(web, "empty"))
    assert (empty.status, empty.headers["content-length"], empty.body) == (200, "0", b"")
    with connect(fault(web, "short_body")) as conn:
        conn.request("GET", FAULT_PATHS["short_body"])
        resp = conn.getresponse()
        assert resp.getheader("Content-Length") == "100000"
        with pytest.raises(http.client.IncompleteRead) as info:
            resp.read()
        assert len(info.value.partial) == 2048


def test_fault_bad_gzip(web: TestWeb) -> None:
    reply = get(fault(web, "bad_gzip"), {"Accept-Encoding": "gzip"})
    assert reply.headers["content-encoding"] == "gzip"
    with pytest.raises(gzip.BadGzipFile):
        gzip.decompress(reply.body)


def test_fault_feeds_that_are_html(web: TestWeb) -> None:
    page_ = get(fault(web, "feed_is_html"))
    assert page_.headers["content-type"].startswith("text/html")
    parsed = Page(page_.text, web.fault_url("feed_is_html"))
    assert web.feed_urls("nusa")[0] in parsed.resources
    mislabelled = get(fault(web, "feed_is_html_mislabelled"))
    assert mislabelled.headers["content-type"].startswith("application/rss+xml")
    assert mislabelled.body.lstrip().startswith(b"<!DOCTYPE html>")


def test_fault_huge_and_deep_pages(web: TestWeb) -> None:
    huge = get(fault(web, "huge_html"))
    assert len(huge.body) >= 10 * 1024 * 1024
    assert b"<h1>Laporan Khusus" in huge.body[:2000]
    assert huge.body.rstrip().endswith(b"</html>")
    deep = get(fault(web, "deep_nesting"))
    assert deep.body.count(b'<div class="wrap">') == 10_000


def test_faults_index_lists_every_route(web: TestWeb) -> None:
    index = get(web.faults.home).text
    for path in web.fault_paths.values():
        assert f'href="{path}"' in index
    assert web.fault_paths == FAULT_PATHS


def test_every_fault_route_is_exercised() -> None:
    """Every documented fault route has a test in this module (checked statically)."""
    source = Path(__file__).read_text(encoding="utf-8")
    tested = set(re.findall(r'fault\(web, "(\w+)"\)', source)) | {n for n, _ in STATUS_FAULTS}
    assert set(FAULT_PATHS) - tested == set()


# -- life cycle --------------------------------------------------------------------------------
def _new_web_threads(before: set[threading.Thread]) -> list[str]:
    return [
        t.name for t in threading.enumerate() if t not in before and t.name.startswith("testweb-")
    ]


def test_stop_is_prompt_mid_fault_and_leaks_no_threads() -> None:
    before = set(threading.enumerate())
    web = TestWeb().start()
    sockets: list[socket.socket] = []
    try:
        for name in ("hang", "slow", "big_body", "gzip_bomb"):
            sock = socket.create_connection(("127.0.0.1", web.faults.port), timeout=5)
            sock.sendall(f"GET {FAULT_PATHS[name]} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            sockets.append(sock)
        idle = socket.create_connection(("127.0.0.1", web.outlet("nusa").port), timeout=5)
        idle.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n")
        assert idle.recv(100).startswith(b"HTTP/1.1 200")
        sockets.append(idle)  # keep-alive connection left open
        assert sockets[1].recv(20).startswith(b"HTTP/1.1 200")  # the trickle has begun
        started = time.monotonic()
        web.stop()
        assert time.monotonic() - started < 10  # liveness: the open trickles last ~60 s
    finally:
        for sock in sockets:
            sock.close()
    assert _new_web_threads(before) == []


def test_context_manager_and_restart_errors() -> None:
    before = set(threading.enumerate())
    with TestWeb() as web:
        assert get(web.outlet("harbor").home).status == 200
        with pytest.raises(RuntimeError):
            web.start()
    assert _new_web_threads(before) == []
    fresh = TestWeb()
    with pytest.raises(RuntimeError):
        _ = fresh.outlets


def test_latency_is_seeded_and_applied() -> None:
    a, b = TestWeb(latency=(0.01, 0.05), seed=3), TestWeb(latency=(0.01, 0.05), seed=3)
    first = [a.delay("nusa") for _ in range(5)]
    assert first == [b.delay("nusa") for _ in range(5)]
    assert all(0.01 <= d <= 0.05 for d in first)
    assert a.delay("faults") == 0.0
    with TestWeb(latency=(0.2, 0.2)) as slow:
        started = time.monotonic()
        assert get(slow.outlet("nusa").url("/robots.txt")).status == 200
        assert time.monotonic() - started >= 0.2
