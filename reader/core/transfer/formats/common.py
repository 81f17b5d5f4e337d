"""Helpers every import format shares: text decoding, dates, tags, duplicate merging."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime

from reader.core.net import decode_html
from reader.core.transfer.items import ImportFormatError, ImportItem
from reader.core.urls import canonicalize, is_http_url

#: Links one file may hold. The largest real accounts hold tens of thousands; past this
#: it is a zip bomb or not an export, and every link costs memory until it is saved.
MAX_LINKS = 500_000

#: Unix seconds before this are taken as nonsense (a zero or a day count), not a date.
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC).timestamp()


def decode_text(data: bytes) -> str:
    """The file's text in whatever encoding it was saved in; never raises.

    Exports are UTF-8 in practice, but a spreadsheet program that re-saved a CSV
    writes UTF-16 or the system's code page (Windows-1251, Shift_JIS, GBK...), and
    old bookmark files declare theirs in a ``<meta>``. The pages' own decoder does
    all of that (byte-order mark, ``<meta charset>``, UTF-8, then detection).
    """
    return decode_html(data)


def epoch(value: object) -> float | None:
    """Unix seconds from a number or digits (seconds, milli- or microseconds); None if not."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        return None
    if not math.isfinite(number) or number <= 0:
        return None
    while number > 1e11:  # milliseconds or microseconds
        number /= 1000.0
    return number if number >= EARLIEST else None


def iso_time(value: object) -> float | None:
    """Unix seconds from an ISO 8601 string (``Z`` and offsets; naive means UTC)."""
    if not isinstance(value, str) or not value.strip():
        return epoch(value)
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    if " " in text and "T" not in text:
        text = text.replace(" ", "T", 1)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return epoch(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def clean_tags(values: Iterable[object]) -> tuple[str, ...]:
    """Tags as the user wrote them, stripped, empty ones and repeats dropped."""
    seen: dict[str, str] = {}
    for raw in values:
        value = (
            raw.get("label") or raw.get("name") or raw.get("slug") if isinstance(raw, dict) else raw
        )
        if not isinstance(value, str):
            continue
        tag = " ".join(value.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def check_url(url: str) -> str | None:
    """Why ``url`` cannot be imported, or None when it is a usable http(s) address."""
    if not url.strip():
        return "no address"
    if not is_http_url(url.strip()):
        return f"not a web address: {url.strip()[:120]!r}"
    return None


def merge(items: Iterable[ImportItem]) -> tuple[tuple[ImportItem, ...], int]:
    """One item per canonical address, first position kept; returns (items, duplicates).

    Copies are merged the way the user would expect: all tags and folders, the
    earliest date, read/starred/archived if any copy was, the first non-empty title
    and content.
    """
    merged: dict[str, ImportItem] = {}
    duplicates = 0
    for item in items:
        key = canonicalize(item.url)
        old = merged.get(key)
        if old is None:
            merged[key] = item
            continue
        duplicates += 1
        dates = [d for d in (old.added_at, item.added_at) if d is not None]
        merged[key] = replace(
            old,
            title=old.title or item.title,
            added_at=min(dates) if dates else None,
            tags=clean_tags((*old.tags, *item.tags)),
            folder=old.folder or item.folder,
            read=old.read or item.read,
            starred=old.starred or item.starred,
            archived=old.archived or item.archived,
            content_html=old.content_html or item.content_html,
            published=old.published or item.published,
            author=old.author or item.author,
        )
    return tuple(merged.values()), duplicates


def check_count(count: int, part: str = "") -> None:
    """Refuse a file once it has shown more than :data:`MAX_LINKS` links."""
    if count > MAX_LINKS:
        where = f"{part} holds" if part else "The file holds"
        raise ImportFormatError(
            f"{where} more than {MAX_LINKS:,} links; Kabar imports at most that many from"
            " one file (split the export)."
        )
