"""Parse a fetched feed into :class:`ParsedFeed`, whatever the format and however hostile.

:func:`parse_feed` takes the *bytes* the fetcher got (never a ``str``: given a
string, feedparser may open it as a URL or a file, bad-inputs.md F5) and:

1. refuses documents over the byte cap, empty ones, and garbage;
2. decodes them once (:mod:`reader.core.feeds.xmlguard`) and sniffs the format:
   JSON Feed (:mod:`reader.core.feeds.jsonfeed`), a sitemap
   (:mod:`reader.core.feeds.sitemaps`), an HTML page (→ :class:`NotAFeed` carrying the
   feeds the page links to, so the UI can offer them), or RSS/Atom/RDF;
3. runs feedparser on UTF-8 bytes whose entity declarations are within
   budget, with its own sanitiser and URI rewriting off (the one sanitiser,
   :func:`reader.core.page.sanitize.sanitize_html`, does both, once), ``xml:base``
   values with a non-http scheme removed, and person fields (``author``,
   ``dc:creator``...) cut short: feedparser 6.0.14 runs a quadratic e-mail regex
   over them (a 20 KB ``<author>`` took 6 s, 100 KB 88 s, measured here);
4. hands the items to :func:`reader.core.feeds.feedfields.finish_entries` for caps,
   dates, links, GUIDs and sanitising.

A document feedparser cannot read at all is a :class:`FeedError`; one it reads
with complaints (``bozo``) keeps its items and gets a warning instead, so a
feed with one stray ampersand is not lost (F7).
"""

from __future__ import annotations

import calendar
import io
import logging
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser

from reader.core.errors import FeedError, NotAFeed
from reader.core.feeds.feedfields import (
    MAX_ENTRIES,
    MAX_FEED_TEXT,
    RawEntry,
    finish_entries,
    html_to_text,
    one_line,
)
from reader.core.feeds.feedlinks import find_feed_links
from reader.core.feeds.jsonfeed import parse_json_feed
from reader.core.feeds.sitemaps import parse_sitemap, sitemap_root
from reader.core.feeds.xmlguard import MAX_XML_BYTES, decode_xml, prepare_text
from reader.core.models import FeedKind, ParsedFeed
from reader.core.urls import absolutize, is_http_url

log = logging.getLogger(__name__)

MAX_FEED_BYTES = MAX_XML_BYTES
#: Items converted at most; feedparser has already read them all by then.
MAX_ITEMS_READ = 20_000

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_HTML_START_RE = re.compile(
    r"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
#: ``xml:base`` with a scheme other than http(s): dropped so links resolve against the feed URL.
_FOREIGN_BASE_RE = re.compile(
    r"""\sxml:base\s*=\s*(["'])\s*(?!https?:)[A-Za-z][A-Za-z0-9+.-]*:[^"']*\1"""
)
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
#: Elements whose text feedparser scans with a quadratic e-mail regex
#: (``_sync_author_detail``: a 20 KB ``<author>`` takes 6 s, 100 KB 88 s).
MAX_PERSON_CHARS = 80
_PERSON_TEXT_RE = re.compile(
    r"(<(?:[\w.-]+:)?(?:author|creator|managingEditor|webMaster|publisher|contributor|name|email)"
    rf"\b[^<>]*>(?:\s*<!\[CDATA\[)?)([^<\]]{{{MAX_PERSON_CHARS}}})[^<\]]*",
    re.IGNORECASE,
)
_ROOT_RE = re.compile(r"<(?![?!/])(?:[\w.-]+:)?([\w.-]+)")


def parse_feed(
    data: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    now: datetime | None = None,
    max_entries: int = MAX_ENTRIES,
) -> ParsedFeed:
    """Parse the bytes fetched from ``url`` (its final URL, after redirects).

    ``headers`` are the response headers (``content-type``, ``content-language``).
    Raises :class:`NotAFeed` for an HTML page or sitemap index (with candidate
    feeds), :class:`FeedError` for anything else that is not a feed.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("parse_feed takes the fetched bytes, never a str (it could be a path)")
    data = bytes(data)
    if len(data) > MAX_FEED_BYTES:
        size = len(data) / (1024 * 1024)
        raise FeedError(
            url,
            f"{url} is {size:.1f} MB, larger than the {MAX_FEED_BYTES // (1024 * 1024)} MB "
            "Kabar reads as a feed.",
        )
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    now = (now or datetime.now(UTC)).astimezone(UTC)
    text = decode_xml(data, lowered.get("content-type"))
    start = text.lstrip()[:1]
    if not start:
        raise FeedError(url, f"{url} sent an empty document, not a feed.")
    if start == "{":
        return parse_json_feed(text, url, now, max_entries)
    if start != "<":
        raise FeedError(url, f"{url} is not a feed (it does not look like XML or JSON).")
    if _HTML_START_RE.match(text):
        raise not_a_feed(text, url)
    guarded = prepare_text(text)
    if sitemap_root(guarded):
        return parse_sitemap(guarded.encode("utf-8"), url, now, max_entries)
    return _parse_xml_feed(guarded, url, lowered, now, max_entries)


def not_a_feed(page: str, url: str) -> NotAFeed:
    candidates = tuple(find_feed_links(page, url))
    if candidates:
        message = f"{url} is a web page, not a feed; it links to {len(candidates)} feed(s)."
    else:
        message = f"{url} is a web page, not a feed."
    return NotAFeed(url, message, candidates)


def _parse_xml_feed(
    text: str, url: str, headers: Mapping[str, str], now: datetime, max_entries: int
) -> ParsedFeed:
    response_headers = {
        "content-type": "application/xml; charset=utf-8",
        "content-location": url,
    }
    if headers.get("content-language"):
        response_headers["content-language"] = headers["content-language"]
    text = _cap_person_fields(_FOREIGN_BASE_RE.sub("", text))
    if "&#" in text:
        text = _CHARREF_RE.sub(_charref, text)
    try:
        parsed = feedparser.parse(
            io.BytesIO(text.encode("utf-8")),
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except _LIBRARY_FAILURES as error:  # feedparser's loose parser on hostile input
        log.warning("feedparser failed on %s", url, exc_info=error)
        raise FeedError(
            url, f"{url} is not a feed Kabar can read ({type(error).__name__})."
        ) from None
    version = str(parsed.get("version") or "")
    raw_entries = parsed.get("entries") or []
    if not version:
        root = _ROOT_RE.search(text[:4096])
        name = root.group(1).lower() if root else ""
        if name in ("html", "head", "body") or "<body" in text[:100_000].lower():
            raise not_a_feed(text, url)
        reason = parsed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        raise FeedError(url, f"{url} is not a feed Kabar can read{detail}.")

    if parsed.get("bozo") and not raw_entries and _looks_binary(text):
        # A feed's header followed by binary: feedparser names the version but reads
        # no items. Nothing usable; never "a feed with 0 items".
        reason = parsed.get("bozo_exception")
        raise FeedError(
            url, f"{url} starts like a feed but is damaged ({reason}); it holds no items."
        )
    info: Mapping[str, Any] = parsed.get("feed") or {}
    atom = version.startswith("atom")
    raws = [_raw_entry(entry, url, atom=atom) for entry in raw_entries[:MAX_ITEMS_READ]]
    entries, warnings = finish_entries(raws, url, now, max_entries)
    if parsed.get("bozo"):
        warnings.insert(0, f"the feed is not well-formed ({parsed.get('bozo_exception')})")
    return ParsedFeed(
        url=url,
        kind=_kind(version),
        version=version or "unknown",
        title=_feed_text(info, "title", 500),
        entries=entries,
        site_url=_site_url(info, url),
        description=_feed_text(info, "subtitle", MAX_FEED_TEXT),
        language=one_line(str(info.get("language") or ""), 35) or None,
        icon=_icon(info, url),
        ttl_minutes=_ttl(info.get("ttl")),
        total_entries=len(raw_entries),
        warnings=tuple(warnings),
    )


_BINARY_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _looks_binary(text: str) -> bool:
    """Undecodable bytes and control characters in more than 1% of the document."""
    return len(_BINARY_CHARS_RE.findall(text)) > max(16, len(text) // 100)


#: Numeric character references; feedparser's loose parser calls ``chr()`` on them and
#: raises ValueError for ``&#x110000;`` (found by tests/fuzz).
_CHARREF_RE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,12})|([0-9]{1,12}));")
#: What a parser library may raise on hostile input besides its own errors.
_LIBRARY_FAILURES = (ValueError, TypeError, KeyError, IndexError, AttributeError,
                     UnicodeError, RecursionError, OverflowError)  # fmt: skip


def _charref(match: re.Match[str]) -> str:
    """A reference to a code point that cannot exist becomes U+FFFD."""
    value = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "&#xFFFD;"
    return match.group(0)


def _cap_person_fields(text: str) -> str:
    """Cut person fields to 80 characters before feedparser's e-mail regex sees them."""
    return _PERSON_TEXT_RE.sub(r"\1\2", text)


def _kind(version: str) -> FeedKind:
    return "atom" if version.startswith("atom") else "rss"


def _is_html(detail: Mapping[str, Any] | None) -> bool:
    kind = str((detail or {}).get("type") or "text/html").lower()
    return kind.startswith(_HTML_TYPES)


def _feed_text(info: Mapping[str, Any], key: str, limit: int) -> str:
    value = str(info.get(key) or "")
    if _is_html(info.get(f"{key}_detail")):
        return html_to_text(value, limit).replace("\n", " ")
    return one_line(value, limit)


def _site_url(info: Mapping[str, Any], url: str) -> str | None:
    link = absolutize(str(info.get("link") or ""), url)
    return link if link and is_http_url(link) else None


def _icon(info: Mapping[str, Any], url: str) -> str | None:
    image = info.get("image")
    href = image.get("href") if isinstance(image, Mapping) else None
    return absolutize(str(href or info.get("icon") or info.get("logo") or ""), url)


def _ttl(value: object) -> int | None:
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return minutes if 0 < minutes <= 7 * 24 * 60 else None


def _when(value: object) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _image(entry: Mapping[str, Any]) -> str | None:
    for key in ("media_thumbnail", "media_content"):
        for media in _get(entry, key) or []:
            if isinstance(media, Mapping) and media.get("url"):
                medium = str(media.get("medium") or media.get("type") or "image")
                if medium.startswith("image"):
                    return str(media["url"])
    for link in _get(entry, "links") or []:
        if (
            isinstance(link, Mapping)
            and link.get("rel") == "enclosure"
            and str(link.get("type") or "").startswith("image/")
        ):
            return str(link.get("href") or "") or None
    image = _get(entry, "image")
    if isinstance(image, Mapping) and image.get("href"):
        return str(image["href"])
    imglink = _get(entry, "imglink")  # Okezone's own element
    return str(imglink) if isinstance(imglink, str) and imglink else None


def _content(entry: Mapping[str, Any]) -> tuple[str | None, bool, str]:
    """The richest content block: (value, is HTML, base)."""
    best: Mapping[str, Any] | None = None
    for block in _get(entry, "content") or []:
        if not isinstance(block, Mapping):
            continue
        if best is None or (_is_html(block) and not _is_html(best)):
            best = block
    if best is None:
        return None, True, ""
    return str(best.get("value") or "") or None, _is_html(best), str(best.get("base") or "")


def _get(entry: Mapping[str, Any], key: str) -> Any:
    """A key as stored, bypassing FeedParserDict's legacy aliases (and their warnings)."""
    return dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)


def _raw_entry(entry: Mapping[str, Any], feed_url: str, *, atom: bool = False) -> RawEntry:
    """One feedparser entry as a :class:`RawEntry` (no sanitising yet).

    RSS titles are text by the book but carry markup in the wild; unless the
    feed is Atom (whose ``type`` attribute is explicit), a title that contains
    tags is read as HTML and reduced to its text.
    """
    title_detail = _get(entry, "title_detail") or {}
    summary_detail = _get(entry, "summary_detail") or {}
    content, content_is_html, content_base = _content(entry)
    summary = str(_get(entry, "summary") or "") or None
    title = str(_get(entry, "title") or "")
    title_is_html = _is_html(title_detail) if title_detail else False
    if not atom and _TAG_RE.search(title):
        title_is_html = True
    if summary and content and summary.strip() == content.strip():
        summary = None
    base = str(summary_detail.get("base") or title_detail.get("base") or content_base or "")
    return RawEntry(
        guid=str(_get(entry, "id") or "") or None,
        link=str(_get(entry, "link") or "") or None,
        base=base if is_http_url(base) else feed_url,
        title=title,
        title_is_html=title_is_html,
        summary=summary,
        summary_is_html=_is_html(summary_detail),
        content=content,
        content_is_html=content_is_html,
        author=str(_get(entry, "author") or "") or None,
        published=_when(_get(entry, "published_parsed")) or _when(_get(entry, "updated_parsed")),
        updated=_when(_get(entry, "updated_parsed")),
        image=_image(entry),
        categories=[
            str(tag.get("term") or tag.get("label") or "")
            for tag in (_get(entry, "tags") or [])[:50]
            if isinstance(tag, Mapping)
        ],
    )
