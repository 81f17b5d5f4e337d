"""What every export shows of one article: its header line, its date, its pictures' names.

Shared by the EPUB, HTML and Markdown writers so a chapter, a page and a note say the
same thing: title, outlet, byline (or authors), date, and a link to the original.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from reader.core.transfer.formats.xhtml import xml_text
from reader.core.transfer.records import ExportRecord, Picture

_SLUG_DROP = re.compile(r"[^\w\s-]", re.UNICODE)
_SLUG_SPACE = re.compile(r"[-\s_]+")


def authors_of(record: ExportRecord) -> list[str]:
    if record.authors:
        return list(record.authors)
    byline = (record.article.byline if record.article else None) or ""
    return [byline.strip()] if byline.strip() else []


def day(iso: str | None) -> str:
    """``2026-03-13`` from an ISO 8601 string (empty when there is none)."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.strip().replace("Z", "+00:00"))
    except ValueError:
        return iso.strip()[:10]
    return moment.date().isoformat()


def iso_utc(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")


def meta_line(record: ExportRecord) -> str:
    """``NusaKini · Rina Wulandari · 2026-03-13`` (plain text)."""
    article = record.article
    bits = [record.outlet or (article.site_name if article else "") or ""]
    bits.append(", ".join(authors_of(record)))
    bits.append(day(article.published if article else None))
    return " · ".join(b for b in bits if b)


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe form of a title (letters of any script kept)."""
    value = _SLUG_SPACE.sub("-", _SLUG_DROP.sub("", text.lower())).strip("-")
    return value[:limit].rstrip("-") or "article"


def picture_map(record: ExportRecord, folder: str) -> dict[str, str]:
    """Image URL -> relative path of its file in the export."""
    return {p.url: f"{folder}{p.file_name}" for p in record.pictures}


def lead_picture(record: ExportRecord) -> Picture | None:
    """The lead picture when the body does not show it already."""
    article = record.article
    if article is None or not article.lead_image:
        return None
    shown = (article.lead_image, html.escape(article.lead_image, quote=True))  # &amp; in HTML
    if any(f'"{address}"' in article.html for address in shown):
        return None
    return next((p for p in record.pictures if p.url == article.lead_image), None)


def esc(text: str) -> str:
    """Text for XHTML: escaped, and without the control characters XML forbids."""
    return html.escape(xml_text(text), quote=True)
