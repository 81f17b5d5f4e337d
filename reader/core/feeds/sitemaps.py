"""News sitemaps as sources, and the sitemap hints of ``robots.txt``.

Some outlets publish a better list of new articles in a Google News sitemap
(``<urlset>`` with ``news:`` elements) than in their RSS: Tribunnews' RSS items
all link to its home page, while ``/{section}/sitemap-news.xml`` lists the
real articles (indonesian-news.md §2). A sitemap becomes a :class:`ParsedFeed`
of kind ``"sitemap"``: titles from ``news:title`` (else from the URL slug),
dates from ``news:publication_date`` or ``lastmod``.

A ``<sitemapindex>`` is not a feed: :func:`parse_sitemap` raises
:class:`NotAFeed` with its child sitemaps as candidates, news ones first.

Parsed with lxml after :mod:`reader.core.feeds.xmlguard` (no DTD loading, no network,
no entity resolution, no huge-tree mode).
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from reader.core.errors import FeedError, NotAFeed
from reader.core.feeds.feedfields import MAX_ENTRIES, RawEntry, finish_entries
from reader.core.models import FeedCandidate, ParsedFeed
from reader.core.urls import absolutize, host_of

MAX_INDEX_CANDIDATES = 20
_ROBOTS_SITEMAP_RE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _date(text: str) -> datetime | None:
    text = text.strip()
    if not text or len(text) > 64:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        text += "T00:00:00+00:00"
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


def sitemap_root(text: str) -> str | None:
    """``"urlset"`` or ``"sitemapindex"`` when the document's root is one, else None."""
    match = re.search(r"<(?!\?|!)(?:[\w.-]+:)?([\w.-]+)", text[:4096])
    if match and match.group(1).lower() in ("urlset", "sitemapindex"):
        return match.group(1).lower()
    return None


def parse_sitemap(
    data: bytes, url: str, now: datetime, max_entries: int = MAX_ENTRIES
) -> ParsedFeed:
    """A news (or plain) sitemap as a feed; ``data`` has been through xmlguard."""
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise FeedError(url, f"{url} is a sitemap Kabar cannot read ({error}).") from None
    if root is None:
        raise FeedError(url, f"{url} is an empty sitemap.")
    name = _local(root.tag)
    if name == "sitemapindex":
        raise NotAFeed(
            url,
            f"{url} is a list of sitemaps; choose one of them.",
            tuple(index_candidates(root, url)),
        )
    if name != "urlset":
        raise FeedError(url, f"{url} is not a sitemap.")

    raws: list[RawEntry] = []
    news_items = 0
    publication = ""
    for element in root:
        if _local(element.tag) != "url":
            continue
        loc = _child_text(element, "loc")
        if not loc:
            continue
        raw = RawEntry(guid=None, link=loc, base=url, title="", title_is_html=False)
        raw.published = _date(_child_text(element, "lastmod"))
        for child in element:
            kind = _local(child.tag)
            if kind == "news":
                news_items += 1
                if not publication:
                    for part in child:
                        if _local(part.tag) == "publication":
                            publication = _child_text(part, "name")
                raw.title = _child_text(child, "title")
                raw.published = _date(_child_text(child, "publication_date")) or raw.published
                keywords = _child_text(child, "keywords")
                raw.categories = [k.strip() for k in keywords.split(",")[:20] if k.strip()]
            elif kind == "image" and raw.image is None:
                raw.image = _child_text(child, "loc") or None
        raws.append(raw)
    entries, warnings = finish_entries(raws, url, now, max_entries)
    parts = urlsplit(url)
    return ParsedFeed(
        url=url,
        kind="sitemap",
        version="sitemap-news" if news_items else "sitemap",
        title=_title(publication or host_of(url), parts.path, news=bool(news_items)),
        entries=entries,
        site_url=f"{parts.scheme}://{parts.netloc}/",
        total_entries=len(raws),
        warnings=tuple(warnings),
    )


def _title(name: str, path: str, *, news: bool) -> str:
    """The outlet and the section the file sits in: ``NusaKini – nasional (news sitemap)``."""
    segments = [s for s in path.split("/") if s]
    section = f" – {segments[-2]}" if len(segments) >= 2 else ""
    return f"{name[:200]}{section} ({'news sitemap' if news else 'sitemap'})"


def index_candidates(root: etree._Element, url: str) -> list[FeedCandidate]:
    """Child sitemaps of a sitemap index, the ones named like news first."""
    found: list[str] = []
    for element in root:
        if _local(element.tag) == "sitemap":
            loc = absolutize(_child_text(element, "loc"), url)
            if loc and loc not in found:
                found.append(loc)
    found.sort(key=lambda loc: "news" not in loc.lower())
    return [
        FeedCandidate(url=loc, title=loc, kind="sitemap", via="sitemap")
        for loc in found[:MAX_INDEX_CANDIDATES]
    ]


def robots_sitemaps(text: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, absolute, in order, de-duplicated."""
    found: list[str] = []
    for match in _ROBOTS_SITEMAP_RE.finditer(text[: 512 * 1024]):
        url = absolutize(match.group(1), base_url)
        if url and url not in found:
            found.append(url)
    return found
