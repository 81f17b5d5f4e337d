"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with :mod:`json`.

feedparser 6 does not read JSON Feed. The document is untrusted, so every value
is type-checked before use (a string where a list belongs is skipped, not a
crash), nesting is bounded by :mod:`json` itself (``RecursionError`` caught),
integers with thousands of digits are refused by Python (``ValueError``), and
the byte cap is applied before parsing (bad-inputs.md F17).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from reader.core.errors import FeedError
from reader.core.feeds.feedfields import (
    MAX_ENTRIES,
    MAX_FEED_TEXT,
    RawEntry,
    finish_entries,
    one_line,
)
from reader.core.models import ParsedFeed
from reader.core.urls import absolutize

VERSION_PREFIXES = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
#: Items read from the document at most (the newest :data:`MAX_ENTRIES` are kept).
MAX_ITEMS_READ = 20_000


def parse_json_feed(
    text: str, url: str, now: datetime, max_entries: int = MAX_ENTRIES
) -> ParsedFeed:
    """Parse a decoded JSON Feed document; raises :class:`FeedError` for anything else."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise FeedError(url, f"{url} is JSON nested too deeply to be a feed.") from None
    except ValueError as error:  # JSONDecodeError and over-long integers
        raise FeedError(url, f"{url} is not valid JSON ({error}).") from None
    if not isinstance(document, dict):
        raise FeedError(url, f"{url} is JSON, but not a JSON Feed.")
    version = _string(document.get("version"))
    if not version.startswith(VERSION_PREFIXES):
        raise FeedError(url, f"{url} is JSON, but not a JSON Feed.")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedError(url, f"{url} is a JSON Feed without an item list.")

    raws = [_raw_item(item, url) for item in items[:MAX_ITEMS_READ] if isinstance(item, dict)]
    entries, warnings = finish_entries(raws, url, now, max_entries)
    skipped = sum(1 for item in items[:MAX_ITEMS_READ] if not isinstance(item, dict))
    if skipped:
        warnings.append(f"{skipped} items were not objects and were skipped")
    number = version.rstrip("/").rsplit("/", 1)[-1].replace(".", "")
    return ParsedFeed(
        url=url,
        kind="json",
        version="json" + (number + "0" if len(number) == 1 else number)[:4],
        title=one_line(_string(document.get("title")), 500),
        entries=entries,
        site_url=absolutize(_string(document.get("home_page_url")), url),
        description=one_line(_string(document.get("description")), MAX_FEED_TEXT),
        language=one_line(_string(document.get("language")), 35) or None,
        icon=absolutize(_string(document.get("icon")) or _string(document.get("favicon")), url),
        total_entries=len(items),
        warnings=tuple(warnings),
    )


def _string(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _date(value: Any) -> datetime | None:
    text = _string(value).strip()
    if not text or len(text) > 64:
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _author(item: Mapping[str, Any]) -> str | None:
    authors = item.get("authors")
    candidates = authors if isinstance(authors, list) else [item.get("author")]
    names = [
        _string(author.get("name")).strip()
        for author in candidates[:10]
        if isinstance(author, dict) and _string(author.get("name")).strip()
    ]
    return ", ".join(names) or None


def _raw_item(item: Mapping[str, Any], feed_url: str) -> RawEntry:
    content_html = _string(item.get("content_html"))
    content_text = _string(item.get("content_text"))
    summary = _string(item.get("summary"))
    tags = item.get("tags")
    link = _string(item.get("url")) or _string(item.get("external_url"))
    return RawEntry(
        guid=_string(item.get("id")) or None,
        link=link or None,
        # Relative URLs in the item's HTML resolve against the item's page.
        base=absolutize(link, feed_url) or feed_url,
        title=_string(item.get("title")),
        title_is_html=False,
        summary=summary or None,
        summary_is_html=False,
        content=content_html or content_text or None,
        content_is_html=bool(content_html),
        author=_author(item),
        published=_date(item.get("date_published")),
        updated=_date(item.get("date_modified")),
        image=_string(item.get("image")) or _string(item.get("banner_image")) or None,
        categories=[t for t in tags[:50] if isinstance(t, str)] if isinstance(tags, list) else [],
    )
