"""JSON exports: wallabag's and Omnivore's (its zip of ``metadata_*.json`` and ``content/*.html``).

Both are top-level arrays of objects. They are read element by element
(``JSONDecoder.raw_decode``) so a problem can name the line its entry starts on,
like the CSV formats do.

Both carry the article as the service kept it, which becomes the article when the page
is gone. A copy larger than :data:`MAX_CONTENT` is not kept (it would be held in memory
until the links are saved, and no article is that long: it is embedded media or junk);
its link is imported and its page fetched like any other.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

from reader.core.transfer.formats.common import check_count, check_url, clean_tags, iso_time
from reader.core.transfer.items import ImportFormatError, ImportItem, ImportProblem

log = logging.getLogger(__name__)

_SPACE = re.compile(r"[\s,]*")
_DECODER = json.JSONDecoder()

#: Characters of one exported article kept (a fetched page may be 15 MiB of HTML with
#: its scripts and menus; the clean article the services export is a small part of that).
MAX_CONTENT = 4 * 1024**2


def iter_array(text: str, part: str = "") -> Iterator[tuple[int, Any]]:
    """(line, value) for each element of a top-level JSON array."""
    position = _SPACE.match(text, 0)
    index = position.end() if position else 0
    if not text.startswith("[", index):
        raise ImportFormatError(f"{part or 'The file'} is not a JSON list of articles.")
    index += 1
    count = 0
    while True:
        index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
        if index >= len(text):
            raise ImportFormatError(f"{part or 'The file'} ends in the middle of the list.")
        if text[index] == "]":
            return
        line = text.count("\n", 0, index) + 1
        try:
            value, index = _DECODER.raw_decode(text, index)
        except json.JSONDecodeError as error:
            raise ImportFormatError(
                f"{part or 'The file'} is damaged at line {error.lineno}: {error.msg}."
            ) from error
        count += 1
        check_count(count, part)
        yield line, value


def looks_like_wallabag(first: object) -> bool:
    return (
        isinstance(first, Mapping)
        and "url" in first
        and ("is_archived" in first or "is_starred" in first or "reading_time" in first)
    )


def looks_like_omnivore(first: object) -> bool:
    return (
        isinstance(first, Mapping)
        and "url" in first
        and ("savedAt" in first or "slug" in first or "readingProgress" in first)
    )


def _flag(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def exported_copy(value: object, where: str) -> str | None:
    """The service's copy of the article, when there is one worth keeping."""
    if not isinstance(value, str) or not value.strip():
        return None
    if len(value) > MAX_CONTENT:
        log.warning("%s: the exported copy (%d characters) is too large to keep", where, len(value))
        return None
    return value


def _authors(value: object) -> str | None:
    if isinstance(value, str):
        return _text(value) or None
    if isinstance(value, list):
        names = [_text(v) for v in value if isinstance(v, str) and _text(v)]
        return ", ".join(names) or None
    return None


def read_wallabag(text: str) -> tuple[list[ImportItem], list[ImportProblem]]:
    items: list[ImportItem] = []
    problems: list[ImportProblem] = []
    for line, entry in iter_array(text):
        if not isinstance(entry, Mapping):
            problems.append(ImportProblem(line, "not an article entry"))
            continue
        url = entry.get("url") if isinstance(entry.get("url"), str) else ""
        problem = check_url(url or "")
        if problem:
            problems.append(ImportProblem(line, problem))
            continue
        archived = _flag(entry.get("is_archived"))
        published = entry.get("published_at")
        items.append(
            ImportItem(
                url=str(url).strip(),
                title=_text(entry.get("title")),
                added_at=iso_time(entry.get("created_at")),
                tags=clean_tags(entry.get("tags") or ()),
                read=archived,
                archived=archived,
                starred=_flag(entry.get("is_starred")),
                content_html=exported_copy(entry.get("content"), f"line {line}"),
                published=published if isinstance(published, str) and published else None,
                author=_authors(entry.get("published_by")),
                line=line,
            )
        )
    return items, problems


def read_omnivore(
    parts: Mapping[str, str], contents: Mapping[str, str]
) -> tuple[list[ImportItem], list[ImportProblem]]:
    """``parts``: metadata file name -> its text; ``contents``: slug -> exported HTML."""
    items: list[ImportItem] = []
    problems: list[ImportProblem] = []
    for name in sorted(parts, key=_natural):
        for line, entry in iter_array(parts[name], name):
            if not isinstance(entry, Mapping):
                problems.append(ImportProblem(line, "not an article entry", name))
                continue
            url = entry.get("url") if isinstance(entry.get("url"), str) else ""
            problem = check_url(url or "")
            if problem:
                problems.append(ImportProblem(line, problem, name))
                continue
            state = str(entry.get("state") or "").strip().lower()
            progress = entry.get("readingProgress")
            archived = state == "archived"
            done = isinstance(progress, int | float) and progress >= 98
            slug = entry.get("slug") if isinstance(entry.get("slug"), str) else ""
            published = entry.get("publishedAt")
            items.append(
                ImportItem(
                    url=str(url).strip(),
                    title=_text(entry.get("title")),
                    added_at=iso_time(entry.get("savedAt")),
                    tags=clean_tags(entry.get("labels") or ()),
                    read=archived or done,
                    archived=archived,
                    content_html=exported_copy(contents.get(str(slug)), f"{name}: line {line}"),
                    published=published if isinstance(published, str) and published else None,
                    author=_authors(entry.get("author")),
                    line=line,
                )
            )
    return items, problems


def _natural(name: str) -> tuple[object, ...]:
    """metadata_0_to_49.json before metadata_100_to_149.json."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))
