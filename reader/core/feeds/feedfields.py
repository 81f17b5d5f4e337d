"""Turn raw feed items from any format into capped, sanitised :class:`ParsedEntry` values.

RSS/Atom (feedparser), JSON Feed and news sitemaps each produce
:class:`RawEntry` objects cheaply; :func:`finish_entries` then applies the rules
every format shares (bad-inputs.md F8–F16):

* keep the newest ``max_entries`` items (a 20 000-item feed costs the sanitiser
  only what is kept);
* dates in UTC ISO 8601; unparseable, pre-1990 and missing dates become None
  (the store falls back to first-seen), future dates are clamped to ``now``;
* links resolved against the item's base, http(s) only; links that point at the
  site's home page, or that many different items share, are not article links
  (Tribunnews' RSS does this, indonesian-news.md §2);
* GUID fallback guid → link → hash of title and text; a repeated GUID is
  collapsed (same link) or replaced by the link-based id (different link);
* every length capped; HTML fields through :func:`sanitize_html`; text fields
  kept as text (escaped when turned into HTML).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from reader.core.models import ParsedEntry
from reader.core.page import sanitize_html
from reader.core.urls import absolutize, canonicalize, is_http_url

MAX_ENTRIES = 500
MAX_TITLE = 500
MAX_SUMMARY_TEXT = 600
MAX_AUTHOR = 200
MAX_CATEGORY = 100
MAX_CATEGORIES = 20
MAX_GUID = 512
#: Raw HTML accepted into the sanitiser, per field.
MAX_SUMMARY_HTML = 256 * 1024
MAX_CONTENT_HTML = 1024 * 1024
MAX_FEED_TEXT = 2000
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)

_TAG_RE = re.compile(r"<[^>]*>?")
_DROP_RE = re.compile(r"<(script|style|template)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.S)
_BLOCK_RE = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.IGNORECASE)
_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINES_RE = re.compile(r"\s*\n\s*")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SLUG_ID_RE = re.compile(r"^[\d_-]+$")


@dataclass
class RawEntry:
    """An item as a format parser saw it, before any cap or sanitising."""

    guid: str | None = None
    link: str | None = None
    base: str = ""
    title: str = ""
    title_is_html: bool = False
    summary: str | None = None
    summary_is_html: bool = True
    content: str | None = None
    content_is_html: bool = True
    author: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    image: str | None = None
    categories: list[str] = field(default_factory=list)


# -- text ------------------------------------------------------------------------------
def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


def one_line(text: str | None, limit: int) -> str:
    """Plain text on one line: controls removed, whitespace collapsed, capped."""
    if not text:
        return ""
    text = _CONTROL_RE.sub("", text[: limit * 4])
    return clip(" ".join(text.split()), limit)


def html_to_text(fragment: str | None, limit: int) -> str:
    """Readable plain text of an HTML fragment (cheap: regex, not a parser).

    Used for titles and summaries only, where the cost of a real parser for
    thousands of items is not worth it; the input is capped first.
    """
    if not fragment:
        return ""
    fragment = _DROP_RE.sub(" ", fragment[: limit * 8])
    fragment = _BLOCK_RE.sub("\n", fragment)
    text = html.unescape(_TAG_RE.sub("", fragment))
    text = _CONTROL_RE.sub("", text.replace("\r", ""))
    text = _LINES_RE.sub("\n", _SPACE_RE.sub(" ", text)).strip()
    return clip(text, limit)


def summary_text(fragment: str | None) -> str:
    """An item's teaser as plain text, the way feed entries keep it (sync uses it too)."""
    return html_to_text(fragment, MAX_SUMMARY_TEXT)


def text_to_html(text: str) -> str:
    """Escaped paragraphs for a field the feed declared as plain text (F16)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        f"<p>{html.escape(p, quote=False).replace(chr(10), '<br>')}</p>" for p in paragraphs
    )


def html_field(value: str | None, is_html: bool, base: str, limit: int) -> str:
    """A sanitised HTML fragment from a feed field, whatever its declared type."""
    if not value:
        return ""
    if not is_html:
        return text_to_html(_CONTROL_RE.sub("", value[:limit]))
    return sanitize_html(value[:limit], base)


# -- dates ---------------------------------------------------------------------------------
def clamp_date(moment: datetime | None, now: datetime) -> datetime | None:
    """UTC, None before 1990, ``now`` when in the future (F8)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    if moment < EARLIEST:
        return None
    return min(moment, now)


def iso(moment: datetime | None) -> str | None:
    return moment.replace(microsecond=0).isoformat() if moment else None


# -- links and ids -----------------------------------------------------------------------
def resolve_link(href: str | None, base: str, fallback_base: str) -> str | None:
    """Absolute http(s) URL for ``href``; a non-http base falls back to the feed URL."""
    if not href:
        return None
    href = href.strip()
    if len(href) > 4096:
        return None
    good_base = base if is_http_url(base) else fallback_base
    return absolutize(href, good_base)


def is_home_page(url: str) -> bool:
    """True for a site's root (``/``, ``/index.html``...), which is never one article."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    path = parts.path.rstrip("/").lower()
    return not parts.query and path in ("", "/index.html", "/index.php", "/index.htm", "/home")


def hashed_guid(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()
    return f"sha256:{digest[:40]}"


def _guid(raw_guid: str | None) -> str | None:
    guid = _CONTROL_RE.sub("", raw_guid or "").strip()
    if not guid:
        return None
    return guid if len(guid) <= MAX_GUID else hashed_guid(guid)


def title_from_slug(url: str) -> str:
    """A readable stand-in title from an article URL's last path segment."""
    try:
        segments = [s for s in urlsplit(url).path.split("/") if s]
    except ValueError:
        return ""
    for segment in reversed(segments):
        stem = re.sub(r"\.(html?|php|aspx?)$", "", segment, flags=re.IGNORECASE)
        if _SLUG_ID_RE.match(stem) or len(stem) < 4:
            continue
        words = [w for w in re.split(r"[-_+]+", stem) if w and not w.isdigit()]
        if len(words) >= 2:
            text = " ".join(words)
            return clip(text[:1].upper() + text[1:], MAX_TITLE)
    return ""


# -- the shared pipeline -------------------------------------------------------------------
def newest(raws: Sequence[RawEntry], limit: int) -> list[RawEntry]:
    """At most ``limit`` items, newest first by date; undated ones keep document order.

    Document order is kept among what is returned, so a feed listed newest-first
    stays that way.
    """
    if len(raws) <= limit:
        return list(raws)
    epoch = datetime.min.replace(tzinfo=UTC)
    ranked = sorted(
        range(len(raws)),
        key=lambda i: (raws[i].published is not None, raws[i].published or epoch, -i),
        reverse=True,
    )
    if all(raws[i].published is None for i in ranked[:limit]):
        return list(raws[:limit])
    keep = sorted(ranked[:limit])
    return [raws[i] for i in keep]


def _shared_links(raws: Iterable[RawEntry]) -> set[str]:
    """Links shared by several differently-titled items: not article links."""
    titles: dict[str, set[str]] = {}
    for raw in raws:
        if raw.link:
            titles.setdefault(raw.link, set()).add(raw.title)
    return {link for link, seen in titles.items() if len(seen) >= 3}


def finish_entries(
    raws: Sequence[RawEntry],
    feed_url: str,
    now: datetime,
    max_entries: int = MAX_ENTRIES,
) -> tuple[tuple[ParsedEntry, ...], list[str]]:
    """Apply the shared rules; returns the entries and warnings worth showing."""
    warnings: list[str] = []
    if len(raws) > max_entries:
        warnings.append(f"kept the newest {max_entries} of {len(raws)} items")
    kept = newest(raws, max_entries)
    for raw in kept:
        raw.link = resolve_link(raw.link, raw.base, feed_url)
    shared = _shared_links(kept)
    dropped_home = 0
    for raw in kept:
        if raw.link and (is_home_page(raw.link) or raw.link in shared):
            raw.link = None
            dropped_home += 1
    if dropped_home:
        warnings.append(f"{dropped_home} items link to the home page, not to an article")

    entries: list[ParsedEntry] = []
    seen_guids: dict[str, str | None] = {}
    duplicates = 0
    for raw in kept:
        entry = _finish(raw, feed_url, now)
        if entry.guid in seen_guids:
            if entry.url is None or seen_guids[entry.guid] == entry.url:
                duplicates += 1
                continue
            replacement = canonicalize(entry.url)
            if replacement in seen_guids:
                duplicates += 1
                continue
            entry = _with_guid(entry, replacement)
        seen_guids[entry.guid] = entry.url
        entries.append(entry)
    if duplicates:
        warnings.append(f"{duplicates} duplicate items collapsed")
    return tuple(entries), warnings


def _with_guid(entry: ParsedEntry, guid: str) -> ParsedEntry:
    return ParsedEntry(
        guid=guid,
        url=entry.url,
        title=entry.title,
        summary=entry.summary,
        summary_html=entry.summary_html,
        content_html=entry.content_html,
        author=entry.author,
        published=entry.published,
        updated=entry.updated,
        image=entry.image,
        categories=entry.categories,
    )


def _finish(raw: RawEntry, feed_url: str, now: datetime) -> ParsedEntry:
    base = raw.base if is_http_url(raw.base) else feed_url
    link = raw.link
    title = (
        html_to_text(raw.title, MAX_TITLE).replace("\n", " ")
        if raw.title_is_html
        else one_line(raw.title, MAX_TITLE)
    )
    if not title and link:
        title = title_from_slug(link)
    summary_html = html_field(raw.summary, raw.summary_is_html, base, MAX_SUMMARY_HTML)
    content_html = html_field(raw.content, raw.content_is_html, base, MAX_CONTENT_HTML)
    summary = html_to_text(summary_html or content_html, MAX_SUMMARY_TEXT)
    guid = _guid(raw.guid) or (canonicalize(link) if link else None)
    if guid is None:
        guid = hashed_guid(title, summary or html_to_text(content_html, 2000))
    published = clamp_date(raw.published, now)
    updated = clamp_date(raw.updated, now)
    image = resolve_link(raw.image, raw.base, feed_url) if raw.image else None
    categories: list[str] = []
    for category in raw.categories:
        text = one_line(category, MAX_CATEGORY)
        if text and text not in categories:
            categories.append(text)
        if len(categories) >= MAX_CATEGORIES:
            break
    return ParsedEntry(
        guid=guid,
        url=link,
        title=title,
        summary=summary,
        summary_html=summary_html,
        content_html=content_html,
        author=html_to_text(raw.author, MAX_AUTHOR).replace("\n", " ") or None,
        published=iso(published or None),
        updated=iso(updated),
        image=image,
        categories=tuple(categories),
    )
