"""Fetch an article that may be split over several pages, and return it as one.

Indonesian outlets split long articles over pages (indonesian-news.md §0, §1.11).
The cheapest and most faithful way to read them is the site's "show all"
variant (``?page=all``, ``?single=1`` ...), known from the site rules: one
request, no stitching. Otherwise the pages are followed through the
``next_page`` link the extractor finds, on the article's own origin only
(scheme, host and port), without cycles and at most ``max_pages`` of them,
each an automatic fetch named by the page before it (private-address policy,
``reader.core.net.reach``), and merged: body blocks and paragraphs
already seen are skipped (pages often repeat the lead or a teaser), related
links are de-duplicated in order, and the metadata of page 1 is kept.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from contextlib import AbstractContextManager, nullcontext

from lxml import etree
from lxml.html import HtmlElement, fragments_fromstring

from reader.core.errors import Cancelled, ExtractError, FetchError, Offline
from reader.core.models import Article, FetchedArticle, FetchResult, RelatedLink, Validators
from reader.core.net import Fetcher, Reach, decode_html
from reader.core.page.extraction import extract
from reader.core.page.sanitize import sanitize_html
from reader.core.page.siterules import SiteRules, default_rules
from reader.core.urls import canonicalize, is_http_url, same_origin

log = logging.getLogger(__name__)

MAX_PAGES = 20
_WRAPPERS = frozenset({"div", "article", "section", "main"})


def fetch_article(
    fetcher: Fetcher,
    url: str,
    *,
    reach: Reach,
    rules: SiteRules | None = None,
    validators: Validators | None = None,
    cancel: threading.Event | None = None,
    max_pages: int = MAX_PAGES,
    cpu: AbstractContextManager[object] | None = None,
) -> FetchedArticle:
    """Fetch ``url`` (show-all variant first, else following next-page links) and extract it.

    ``reach`` is who chose ``url`` (``Reach.USER`` for what the reader opened,
    ``Reach.named_by(feed_result, ...)`` for a feed's item): it applies to the
    first page; later pages are fetched as named by the page that links them.

    Raises the typed errors of :mod:`reader.core.errors`: a failure of the first
    page is the caller's error; a failure of a later page ends the article
    there (what was read is kept, ``next_page`` points at the page missed).
    ``cpu``, if given, is held around the CPU-heavy parts (extraction, merging)
    and released while waiting on the network, so a caller running many fetches
    in threads can bound how many compete for the interpreter at once.
    """
    gate = cpu if cpu is not None else nullcontext()
    rules = rules if rules is not None else default_rules()
    first, used_show_all = _first_page(
        fetcher, url, reach=reach, rules=rules, validators=validators, cancel=cancel
    )
    if first.not_modified:
        return FetchedArticle(
            None, first.final_url, first.validators, not_modified=True,
            private_peer=first.private_peer,
        )  # fmt: skip
    with gate:
        article = _extract(first, rules)
    merger = _Merger(article)
    seen = {_key(url), _key(first.url), _key(first.final_url)}
    next_url = article.next_page
    named_by = first
    while next_url and merger.pages < max_pages:
        if not _followable(next_url, first.final_url, seen):
            log.debug("not following next page %s", next_url)
            next_url = None
            break
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        seen.add(_key(next_url))
        try:
            result = fetcher.get(
                next_url, reach=Reach.named_by(named_by, allow_private=reach.allow_private),
                cancel=cancel,
            )  # fmt: skip
            if _key(result.final_url) in seen - {_key(next_url)}:
                next_url = None  # the "next" page redirected back to one we have
                break
            seen.add(_key(result.final_url))
            with gate:
                page = _extract(result, rules)
        except (Cancelled, Offline):
            raise
        except (FetchError, ExtractError) as error:
            log.info("page %d of %s not read: %s", merger.pages + 1, url, error)
            break
        with gate:
            added = merger.add(page)
        if not added and used_show_all:
            next_url = None  # the show-all page already had everything
            break
        next_url = page.next_page
        named_by = result
    with gate:
        merged = merger.article(url, first, next_url, show_all=used_show_all)
    return FetchedArticle(
        merged, first.final_url, first.validators, private_peer=first.private_peer
    )


def _first_page(
    fetcher: Fetcher,
    url: str,
    *,
    reach: Reach,
    rules: SiteRules,
    validators: Validators | None,
    cancel: threading.Event | None,
) -> tuple[FetchResult, bool]:
    """Page 1: the show-all variant if the site has one and it answers, else ``url``."""
    show_all = rules.for_url(url).show_all_url(url)
    if show_all and _key(show_all) != _key(url):
        try:
            return fetcher.get(show_all, reach=reach, validators=validators, cancel=cancel), True
        except (Cancelled, Offline):
            raise
        except FetchError as error:
            log.info("show-all page %s failed (%s); reading %s", show_all, error, url)
    return fetcher.get(url, reach=reach, validators=validators, cancel=cancel), False


def _extract(result: FetchResult, rules: SiteRules) -> Article:
    text = decode_html(result.body, result.content_type or None)
    return extract(text, result.final_url, rules=rules)


def _key(url: str) -> str:
    """Identity of a page URL for cycle detection (fragment and tracking dropped)."""
    return canonicalize(url).split("#", 1)[0].rstrip("/")


def _followable(next_url: str, base: str, seen: set[str]) -> bool:
    """Only on the article's own origin: scheme, host *and* port."""
    return is_http_url(next_url) and same_origin(next_url, base) and _key(next_url) not in seen


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _blocks(html: str) -> list[HtmlElement]:
    """Top-level body blocks, looking through single wrapper elements."""
    if not html.strip():
        return []
    try:
        nodes = [n for n in fragments_fromstring(html) if isinstance(n, HtmlElement)]
    except (etree.ParserError, ValueError, TypeError):
        return []
    while len(nodes) == 1 and nodes[0].tag in _WRAPPERS and len(nodes[0]):
        nodes = [n for n in nodes[0] if isinstance(n, HtmlElement)]
    return nodes


def _block_key(node: HtmlElement) -> str:
    text = _norm(node.text_content())
    if text:
        return text
    sources = " ".join(str(s) for s in node.xpath(".//img/@src"))
    return "img " + sources if sources else etree.tostring(node, encoding="unicode")


class _Merger:
    """Accumulates pages: page-1 metadata, unseen blocks and paragraphs, related links."""

    def __init__(self, first: Article) -> None:
        self.first = first
        self.pages = 1
        self.extra_html: list[str] = []
        self.block_keys = {_block_key(b) for b in _blocks(first.html)}
        self.paragraphs = [p for p in first.text.split("\n\n") if p.strip()]
        self.paragraph_keys = {_norm(p) for p in self.paragraphs}
        self.related: list[RelatedLink] = []
        self.related_keys: set[str] = set()
        self.images: list[str] = []
        self._add_related(first)

    def _add_related(self, page: Article) -> None:
        for link in page.related:
            key = _key(link.url)
            if key not in self.related_keys:
                self.related_keys.add(key)
                self.related.append(link)
        for image in page.images:
            if image not in self.images:
                self.images.append(image)

    def add(self, page: Article) -> bool:
        """Merge a later page; True if it contributed any new body text."""
        self.pages += 1
        added = False
        for block in _blocks(page.html):
            key = _block_key(block)
            if key in self.block_keys:
                continue
            self.block_keys.add(key)
            self.extra_html.append(etree.tostring(block, encoding="unicode", method="html"))
        for paragraph in page.text.split("\n\n"):
            key = _norm(paragraph)
            if key and key not in self.paragraph_keys:
                self.paragraph_keys.add(key)
                self.paragraphs.append(paragraph.strip())
                added = True
        self._add_related(page)
        return added

    def article(
        self, url: str, first: FetchResult, next_page: str | None, *, show_all: bool
    ) -> Article:
        page1 = self.first
        html = page1.html
        if self.extra_html:
            html = sanitize_html(page1.html + "\n" + "\n".join(self.extra_html), first.final_url)
        canonical = page1.canonical_url
        if not canonical or (show_all and _key(canonical) == _key(first.final_url)):
            canonical = url  # the show-all address is not the article's identity
        return dataclasses.replace(
            page1,
            url=url,
            canonical_url=canonical,
            html=html,
            text="\n\n".join(self.paragraphs),
            # One page's links come inline teasers first, then its related blocks;
            # the merged article keeps that order across its pages.
            related=sorted(self.related, key=lambda link: link.kind != "inline"),
            images=self.images,
            next_page=next_page,
            pages=self.pages,
        )
