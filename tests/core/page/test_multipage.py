"""Multi-page articles: show-all first, else next-page links, merged into one article."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from reader.core.errors import Cancelled, HTTPStatus
from reader.core.net import Fetcher, Reach
from reader.core.page.multipage import fetch_article
from reader.core.page.siterules import SiteRules
from tests.web.server import TestWeb

#: The test web serves every outlet on 127.0.0.1, so a site rule names that host.
SHOW_ALL = SiteRules.from_toml(
    '[[site]]\nname = "NusaKini"\ndomains = ["127.0.0.1"]\nshow_all = "?page=all"\n'
)
NO_RULES = SiteRules.from_toml("")


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(deadline=10.0) as f:
        yield f


def multipage(web: TestWeb, outlet: str) -> str:
    for url in web.article_urls(outlet):
        if web.truth(url).pages > 1:
            return url
    raise AssertionError(f"{outlet} has no multi-page article")


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def assert_follows_truth(text: str, truth: list[str]) -> None:
    """Every true paragraph is there, in order, exactly once."""
    got = paragraphs(text)
    assert len(got) == len(set(got)), "a paragraph appears twice"
    positions = [got.index(" ".join(p.split())) for p in truth if " ".join(p.split()) in got]
    assert len(positions) >= 0.95 * len(truth), "paragraphs of the article are missing"
    assert positions == sorted(positions), "paragraphs are out of order"


# -- the test web's outlets --------------------------------------------------------------
def test_show_all_outlet_is_read_in_one_request(web: TestWeb, fetcher: Fetcher) -> None:
    url = multipage(web, "nusa")
    truth = web.truth(url)
    before, before_all = web.hits(url), web.hits(url + "?page=all")
    fetched = fetch_article(fetcher, url, rules=SHOW_ALL, reach=Reach.USER)
    assert web.hits(url) - before == 1, "only the show-all page is requested"
    assert web.hits(url + "?page=all") - before_all == 1
    article = fetched.article
    assert article is not None and not fetched.not_modified
    assert article.url == url and article.canonical_url == url
    assert article.title == truth.title
    assert article.pages == 1 and article.next_page is None
    assert fetched.final_url == url + "?page=all"
    assert fetched.validators
    assert_follows_truth(article.text, truth.paragraphs)


def test_an_unknown_site_is_followed_through_its_pagination(web: TestWeb, fetcher: Fetcher) -> None:
    """No site rule and no rel=next: the "Halaman selanjutnya" link of the page's own
    pagination is followed (the default phrases), page by page."""
    url = multipage(web, "nusa")
    truth = web.truth(url)
    later = truth.page_urls[1:]  # ?page=2, ...: hits() of page 1 counts every variant
    before = {page: web.hits(page) for page in later}
    before_all = web.hits(url)
    fetched = fetch_article(
        fetcher, url, reach=Reach.USER
    )  # the bundled rules know nothing of 127.0.0.1
    article = fetched.article
    assert article is not None
    assert article.pages == truth.pages
    for page in later:
        assert web.hits(page) - before[page] == 1, f"{page} fetched once"
    assert web.hits(url) - before_all == truth.pages, "no page fetched twice"
    assert_follows_truth(article.text, truth.paragraphs)
    assert len(article.images) == len(truth.images)


PAGED = """<html><head><title>Judul berita</title></head><body><article><h1>Judul berita</h1>
<p>{text}</p><p>{text}</p><p>{text}</p></article>
<div class="pager">{links}</div></body></html>"""
WORDS = "Warga desa memanen jagung bersama di lereng bukit pada pagi hari yang cerah. " * 4


@pytest.mark.parametrize(
    "links, expected",
    [
        ('<a href="/berita/judul?page=2">Halaman selanjutnya &rarr;</a>', "/berita/judul?page=2"),
        ('<a href="/berita/judul?page=2">2</a> <a href="/berita/judul?page=3">3</a>',
         "/berita/judul?page=2"),
        ('<a href="/berita/judul/2">Next page</a>', "/berita/judul/2"),
        # a link to the next *article* shares the label but not the address
        ('<a href="/berita/lain">Berita selanjutnya</a>'
         '<a href="/berita/lain-lagi">Selanjutnya</a>', None),
        ('<a href="/berita/judul?page=3">3</a>', None),  # not the next number
    ],
    ids=["label", "numbers", "path", "next-article", "skipping"],
)  # fmt: skip
def test_pagination_without_rel_next(links: str, expected: str | None) -> None:
    from reader.core.page.extraction import extract

    page = PAGED.format(text=WORDS, links=links)
    article = extract(page, "https://kabar.example/berita/judul")
    assert article.next_page == (f"https://kabar.example{expected}" if expected else None)


def test_path_suffix_outlet_follows_next_links(web: TestWeb, fetcher: Fetcher) -> None:
    url = multipage(web, "warta")
    truth = web.truth(url)
    before = {page: web.hits(page) for page in truth.page_urls}
    fetched = fetch_article(fetcher, url, reach=Reach.USER)
    article = fetched.article
    assert article is not None
    assert article.pages == truth.pages
    for page in truth.page_urls:
        assert web.hits(page) - before[page] == 1, f"{page} fetched once"
    assert article.title == truth.title
    assert article.next_page is None
    assert_follows_truth(article.text, truth.paragraphs)
    assert fetched.final_url == url  # validators and final URL are page 1's


def test_related_links_of_all_pages_are_merged_without_duplicates(
    web: TestWeb, fetcher: Fetcher
) -> None:
    url = multipage(web, "warta")
    article = fetch_article(fetcher, url, reach=Reach.USER).article
    assert article is not None
    urls = [link.url for link in article.related]
    assert len(urls) == len(set(urls))
    truth = web.truth(url)
    for inline_url, _title in truth.inline_related:
        assert inline_url in urls


def test_show_all_failure_falls_back_to_the_plain_url(web: TestWeb, fetcher: Fetcher) -> None:
    url = multipage(web, "nusa")
    web.serve(url + "?page=all", "<h1>Oops</h1>", status=500)
    try:
        fetched = fetch_article(fetcher, url, rules=SHOW_ALL, reach=Reach.USER)
    finally:
        web.unserve(url + "?page=all")
    assert fetched.article is not None
    assert fetched.final_url == url
    first_paragraph = web.truth(url).paragraphs[0]
    assert " ".join(first_paragraph.split()) in paragraphs(fetched.article.text)


def test_second_fetch_with_validators_is_not_modified(web: TestWeb, fetcher: Fetcher) -> None:
    url = multipage(web, "nusa")
    first = fetch_article(fetcher, url, rules=SHOW_ALL, reach=Reach.USER)
    again = fetch_article(
        fetcher, url, rules=SHOW_ALL, validators=first.validators, reach=Reach.USER
    )
    assert again.not_modified and again.article is None
    assert again.validators.etag == first.validators.etag


def test_a_dead_first_page_is_an_error(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(HTTPStatus):
        fetch_article(fetcher, web.outlet("warta").url("/berita/d-1/tidak-ada"), reach=Reach.USER)


def test_cancelled_before_it_starts(web: TestWeb, fetcher: Fetcher) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        fetch_article(fetcher, multipage(web, "warta"), reach=Reach.USER, cancel=cancel)


# -- pagers served for the test ---------------------------------------------------------------
LEAD = "Ringkasan ini diulang di setiap halaman oleh sistem pengelola konten situs."


def pager_page(n: int, next_href: str | None) -> str:
    body = "\n".join(
        f"<p>Halaman {n}, paragraf {k}: warga kota menunggu keputusan dewan tentang anggaran "
        f"perbaikan jalan yang rusak sejak musim hujan tahun lalu, kata pejabat setempat.</p>"
        for k in range(1, 4)
    )
    link = f'<a rel="next" href="{next_href}">Halaman selanjutnya</a>' if next_href else ""
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Anggaran Jalan Kota</title></head><body><article><h1>Anggaran Jalan Kota</h1>
<p>{LEAD}</p>
{body}
</article><nav>{link}</nav></body></html>"""


def page_hits(web: TestWeb, urls: list[str]) -> list[int]:
    """Requests per pager URL (``hits`` of a URL without a query counts every query)."""
    later = [web.hits(u) for u in urls[1:]]
    return [web.hits(urls[0]) - sum(later), *later]


def serve_pager(web: TestWeb, path: str, count: int, *, loop_to: int | None = None) -> list[str]:
    """``count`` pages ``path?page=N``; the last links back to ``loop_to`` if given."""
    base = web.outlet("harbor").url(path)
    urls = [base] + [f"{base}?page={n}" for n in range(2, count + 1)]
    for n, url in enumerate(urls, start=1):
        if n < count:
            nxt: str | None = urls[n]
        else:
            nxt = urls[loop_to - 1] if loop_to else None
        web.serve(url, pager_page(n, nxt))
    return urls


def test_an_endless_pager_stops_at_twenty_pages(web: TestWeb, fetcher: Fetcher) -> None:
    urls = serve_pager(web, "/pager/endless", 25)
    try:
        article = fetch_article(fetcher, urls[0], rules=NO_RULES, reach=Reach.USER).article
        hits = page_hits(web, urls)
    finally:
        for u in urls:
            web.unserve(u)
    assert article is not None
    assert article.pages == 20
    assert hits[:20] == [1] * 20 and hits[20:] == [0] * 5
    assert article.next_page == urls[20], "the first page not read is reported"
    got = paragraphs(article.text)
    assert got.count(LEAD) == 1, "the repeated lead appears once"
    assert "Halaman 20, paragraf 3" in article.text and "Halaman 21" not in article.text
    assert article.html.count(LEAD) == 1


def test_a_pager_that_loops_back_stops(web: TestWeb, fetcher: Fetcher) -> None:
    urls = serve_pager(web, "/pager/loop", 3, loop_to=1)
    try:
        article = fetch_article(fetcher, urls[0], rules=NO_RULES, reach=Reach.USER).article
        hits = page_hits(web, urls)
    finally:
        for u in urls:
            web.unserve(u)
    assert article is not None
    assert article.pages == 3 and article.next_page is None
    assert hits == [1, 1, 1]


def test_a_missing_later_page_keeps_what_was_read(web: TestWeb, fetcher: Fetcher) -> None:
    urls = serve_pager(web, "/pager/broken", 3)
    web.serve(urls[1], "gone", status=404)
    try:
        article = fetch_article(fetcher, urls[0], rules=NO_RULES, reach=Reach.USER).article
    finally:
        for u in urls:
            web.unserve(u)
    assert article is not None
    assert article.pages == 1
    assert "Halaman 1, paragraf 1" in article.text
    assert article.next_page == urls[1]
