"""Pocket's and Instapaper's CSV exports.

Pocket (2023 on): ``title,url,time_added,tags,status`` (older files also have a
``cursor`` column); tags separated by ``|``; status ``unread`` or ``archive``;
large accounts come as several ``part_000000.csv`` files in a zip.
Instapaper: ``URL,Title,Selection,Folder`` and the newer ``...,Timestamp,Tags``
with Tags a JSON array; Folder is ``Unread``, ``Archive``, ``Starred`` or one of
the user's folders.

Columns are found by name (case-insensitive), so any order works. A row that
cannot be imported becomes an :class:`ImportProblem` with the line it started on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from reader.core.transfer.formats.common import check_count, check_url, clean_tags, epoch
from reader.core.transfer.items import ImportItem, ImportProblem

POCKET_COLUMNS = frozenset({"title", "url", "time_added", "tags", "status"})
INSTAPAPER_COLUMNS = frozenset({"url", "title", "selection", "folder"})
#: A field longer than this is refused (a runaway quote swallowing the rest of the file).
MAX_FIELD = 8 * 1024 * 1024


def header_of(text: str) -> list[str]:
    """The first CSV row, lower-cased and stripped (empty when there is none)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        row = next(csv.reader([first]), [])
    except csv.Error:
        return []
    return [cell.strip().lower() for cell in row]


def is_pocket(header: list[str]) -> bool:
    return set(header) >= POCKET_COLUMNS


def is_instapaper(header: list[str]) -> bool:
    return set(header) >= INSTAPAPER_COLUMNS


def _rows(
    text: str, problems: list[ImportProblem], part: str
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: value}) for each data row; unreadable rows become problems."""
    if csv.field_size_limit() < MAX_FIELD:
        csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff").replace("\x00", ""), newline=""))
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except (StopIteration, csv.Error):
        return
    count = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(ImportProblem(line, f"unreadable CSV ({error})", part))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                ImportProblem(
                    line,
                    f"{len(row)} fields where the header has {len(header)}"
                    " (a comma in a title without quotes?)",
                    part,
                )
            )
            continue
        count += 1
        check_count(count, part)
        yield line, dict(zip(header, row, strict=True))


def read_pocket(text: str, part: str = "") -> tuple[list[ImportItem], list[ImportProblem]]:
    problems: list[ImportProblem] = []
    items = []
    for line, row in _rows(text, problems, part):
        url = row.get("url", "").strip()
        problem = check_url(url)
        if problem:
            problems.append(ImportProblem(line, problem, part))
            continue
        status = row.get("status", "").strip().lower()
        archived = status in ("archive", "archived", "read")
        items.append(
            ImportItem(
                url=url,
                title=_title(row.get("title", ""), url),
                added_at=epoch(row.get("time_added")),
                tags=clean_tags(row.get("tags", "").split("|")),
                read=archived,
                archived=archived,
                line=line,
            )
        )
    return items, problems


def read_instapaper(text: str, part: str = "") -> tuple[list[ImportItem], list[ImportProblem]]:
    problems: list[ImportProblem] = []
    items = []
    for line, row in _rows(text, problems, part):
        url = row.get("url", "").strip()
        problem = check_url(url)
        if problem:
            problems.append(ImportProblem(line, problem, part))
            continue
        folder = " ".join(row.get("folder", "").split())
        special = folder.lower()
        items.append(
            ImportItem(
                url=url,
                title=_title(row.get("title", ""), url),
                added_at=epoch(row.get("timestamp")),
                tags=_json_tags(row.get("tags", "")),
                folder=() if special in ("", "unread", "archive", "starred") else (folder,),
                read=special == "archive",
                archived=special == "archive",
                starred=special == "starred",
                line=line,
            )
        )
    return items, problems


def _title(value: str, url: str) -> str:
    title = " ".join(value.split())
    return "" if title == url else title


def _json_tags(value: str) -> tuple[str, ...]:
    """Instapaper's Tags column: a JSON array (``[]`` or ``["a","b"]``); tolerate a plain list."""
    text = value.strip()
    if not text:
        return ()
    try:
        parsed = json.loads(text)
    except ValueError:
        return clean_tags(text.strip("[]").split(","))
    if isinstance(parsed, list):
        return clean_tags(parsed)
    return clean_tags([parsed]) if isinstance(parsed, str) else ()
