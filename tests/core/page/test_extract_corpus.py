"""Whole pages: the synthetic Indonesian corpus and the fictional test web.

The synthetic corpus lives outside the repository (``../shared/corpus``) and is
skipped when absent. The test web is served on 127.0.0.1 by ``tests.web``; pages
are fetched with the standard library so these tests depend only on ``extract``.
"""

from __future__ import annotations

import os
import re
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from reader.core.models import Article, RelatedLink
from reader.core.net import decode_html
from reader.core.page.extraction import extract
from reader.core.page.plaintext import html_to_text
from reader.core.urls import canonicalize
from tests.web import TestWeb


def _corpus_root() -> Path:
    """``KABAR_CORPUS_DIR``, else the nearest ``shared/corpus`` above the checkout (a
    worktree in ``/work/wt/<name>`` finds ``/work/shared/corpus`` as ``/work/main`` does)."""
    if env := os.environ.get("KABAR_CORPUS_DIR"):
        return Path(env)
    checkout = Path(__file__).resolve().parents[3]
    found = (p / "shared" / "corpus" for p in checkout.parents)
    return next((c for c in found if c.is_dir()), checkout.parent / "shared" / "corpus")


CORPUS = _corpus_root()
SYNTHETIC = CORPUS / "synthetic-id"
LABELS = re.compile(
    r"baca juga|baca lebih lanjut|berita terkait|terpopuler|read more|related", re.I
)


def recall(found: str, truth: str) -> float:
    """Share of the truth's 4-token shingles present in ``found``."""

    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = re.findall(r"\w+", text)
        return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))

    want = shingles(truth)
    return sum((shingles(found) & want).values()) / max(1, sum(want.values()))


# ---------------------------------------------------------------------------- synthetic-id


def synthetic_pages() -> list[Path]:
    if not SYNTHETIC.is_dir():
        return []
    return sorted(p for p in SYNTHETIC.iterdir() if (p / "source.html").is_file())


@pytest.mark.skipif(not SYNTHETIC.is_dir(), reason="shared synthetic-id corpus not present")
@pytest.mark.parametrize("page", synthetic_pages(), ids=lambda p: p.name)
def test_synthetic_page_body_and_related(page: Path) -> None:
    url = f"https://warta-sukamaju.example/berita/{page.name}"
    article = extract((page / "source.html").read_text("utf-8"), url)
    truth = html_to_text((page / "expected.html").read_text("utf-8"))
    assert not LABELS.search(article.text), article.text
    assert recall(article.text, truth) > 0.98
    assert recall(truth, article.text) > 0.98  # nothing else in the body
    inline = [r for r in article.related if r.kind == "inline"]
    block = {r.title: r.source for r in article.related if r.kind == "block"}
    assert {r.title for r in inline} == {
        "Dua Pasar Tradisional di Sukamaju Direnovasi Tahun Ini",
        "Warga Keluhkan Angkot yang Berhenti Sembarangan di Jalan Merdeka",
    } or page.name == "02-short-article"
    assert block["Harga Cabai Rawit Turun Menjelang Musim Panen Raya"] == "Kabar Sukamaju"
    assert block["Jembatan Gantung di Desa Cibening Akhirnya Diperbaiki"] == "Warta Priangan"
    assert len(block) == 6
    assert not any("populer" in r.url for r in article.related)


# ---------------------------------------------------------------------------- test web


def fetch_article(url: str) -> Article:
    with urllib.request.urlopen(url, timeout=10) as reply:
        return extract(decode_html(reply.read(), reply.headers.get("content-type")), url)


@pytest.fixture(scope="module")
def web_articles(web: TestWeb) -> list[tuple[str, list[Article]]]:
    return [
        (url, [fetch_article(page) for page in web.truth(url).page_urls])
        for url in web.article_urls()
    ]


def test_test_web_bodies_match_their_truth(
    web: TestWeb, web_articles: list[tuple[str, list[Article]]]
) -> None:
    for url, pages in web_articles:
        truth = web.truth(url)
        text = "\n\n".join(a.text for a in pages)
        assert recall(text, truth.text) > 0.97, url
        assert truth.paragraphs[0] in text, url  # the lead, dateline kept
        for _, title in truth.inline_related:
            assert title not in text, (url, title)
        for _, title, _ in truth.block_related:
            assert title not in text, (url, title)
        assert not LABELS.search(text), url
        assert "<script" not in "".join(a.html for a in pages)


def test_test_web_metadata(web: TestWeb, web_articles: list[tuple[str, list[Article]]]) -> None:
    for url, pages in web_articles:
        truth, first = web.truth(url), pages[0]
        assert first.title == truth.title, url
        assert first.published == truth.published, url
        assert (first.language or "").split("-")[0] == truth.language, url
        assert first.byline and truth.authors[0] in first.byline, url
        assert canonicalize(first.canonical_url) == canonicalize(url), url
        assert first.lead_image == truth.images[0], url
        images = [img for a in pages for img in a.images]
        assert images and set(images) <= set(truth.images), url  # no logos, thumbnails, pixels


def test_test_web_related_links(
    web: TestWeb, web_articles: list[tuple[str, list[Article]]]
) -> None:
    for url, pages in web_articles:
        truth = web.truth(url)
        found: dict[str, list[RelatedLink]] = {}
        for link in (r for a in pages for r in a.related):
            found.setdefault(canonicalize(link.url), []).append(link)
        for href, title in truth.inline_related:
            assert (title, "inline") in [(r.title, r.kind) for r in found[canonicalize(href)]], url
        for href, title, source in truth.block_related:
            # (a page's block item may have come first as an inline teaser of that page)
            for got in found[canonicalize(href)]:
                assert got.title == title, url
                if got.kind == "block":
                    # the item's own source line, the page's outlet name, or the host
                    assert got.source.startswith(source) or got.source == "127.0.0.1", (url, got)
        slug = url.rsplit("/", 1)[-1]
        assert not any(key.split("?")[0].endswith(slug) for key in found), url
