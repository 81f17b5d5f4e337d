"""Find the feeds a web page points to (pure; no network).

``<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`` in the
page comes first, in document order; then ``<a href>`` links on the same site
whose address looks like a feed (``/feed``, ``/rss``, ``….xml``...), for the
many news sites that list their feeds on a page instead of declaring them.
"""

from __future__ import annotations

import re

from lxml import etree, html

from reader.core.models import FeedCandidate, FeedKind
from reader.core.urls import absolutize, canonicalize, host_of, site_key

#: Only the start of a page is scanned for links (feed links sit in the head or nav).
SCAN_CHARS = 1_000_000
MAX_ANCHORS = 20
MAX_CANDIDATES = 40

FEED_TYPES: dict[str, FeedKind] = {
    "application/rss+xml": "rss",
    "application/rdf+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",
    "application/x.atom+xml": "atom",
    "application/x-atom+xml": "atom",
    "text/xml": "rss",
    "application/xml": "rss",
}
_FEEDISH_PATH_RE = re.compile(
    r"(?:^|/)(?:rss|feeds?|atom|index\.xml|rss\.xml|atom\.xml|feed\.json|feed\.xml)"
    r"(?:/|\.xml|\.json|\.rss|$)|\.rss$|/rss/|\brss\d?\.\d?\b",
    re.IGNORECASE,
)
_TITLE_SPACE_RE = re.compile(r"\s+")


def _clean_title(text: str | None) -> str:
    return _TITLE_SPACE_RE.sub(" ", text or "").strip()[:300]


def _kind_for_href(href: str) -> FeedKind | None:
    lower = href.lower()
    if lower.endswith(".json") or "json" in lower.rsplit("/", 1)[-1]:
        return "json"
    if "atom" in lower:
        return "atom"
    return None


def _parse(page: str) -> html.HtmlElement | None:
    try:
        return html.fromstring(page[:SCAN_CHARS])
    except (etree.ParserError, ValueError, TypeError):
        return None


def find_feed_links(page: str, base_url: str) -> list[FeedCandidate]:
    """Feeds declared or linked by an HTML page, best first, de-duplicated."""
    root = _parse(page)
    if root is None:
        return []
    base = base_url
    for element in root.iter("base"):
        href = absolutize(element.get("href"), base_url)
        if href:
            base = href
        break
    page_title = ""
    for element in root.iter("title"):
        page_title = _clean_title(element.text_content())
        break

    found: list[FeedCandidate] = []
    seen: set[str] = set()

    def add(candidate: FeedCandidate) -> None:
        key = canonicalize(candidate.url)
        if key not in seen and len(found) < MAX_CANDIDATES:
            seen.add(key)
            found.append(candidate)

    for element in root.iter("link"):
        rel = {token.lower() for token in (element.get("rel") or "").split()}
        media = (element.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rel and "feed" not in rel:
            continue
        kind = FEED_TYPES.get(media)
        if kind is None and not ("feed" in rel and not media):
            continue
        url = absolutize(element.get("href"), base)
        if not url:
            continue
        if media in ("text/xml", "application/xml", "application/json") and not (
            _FEEDISH_PATH_RE.search(url) or "feed" in rel
        ):
            continue
        title = _clean_title(element.get("title")) or page_title or url
        add(FeedCandidate(url=url, title=title, kind=kind or _kind_for_href(url), via="link"))

    site = site_key(host_of(base_url))
    anchors = 0
    for element in root.iter("a"):
        if anchors >= MAX_ANCHORS:
            break
        url = absolutize(element.get("href"), base)
        if not url or not _FEEDISH_PATH_RE.search(url.split("?", 1)[0].split("#", 1)[0]):
            continue
        if not site or site_key(host_of(url)) != site:
            continue
        anchors += 1
        title = _clean_title(element.text_content()) or _clean_title(element.get("title")) or url
        add(FeedCandidate(url=url, title=title, kind=_kind_for_href(url), via="anchor"))
    return found
