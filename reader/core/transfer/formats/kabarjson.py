"""Kabar's own export: every saved article with its text, state, collections and pictures.

One JSON file that ``kabar import`` on another machine turns back into the same
library (the same article rows, read/starred marks with their times, collections
with their dates, picture files). Layout (version 1)::

    {"kabar_export": 1, "exported_at": "...Z", "app": "Kabar 0.x",
     "collections": [{"name", "builtin", "created_at"}],
     "articles": [{"key", "title", "outlet", "fetched_at", "aliases": [...],
                   "article": {url, canonical_url, title, html, text, byline, authors,
                               published, site_name, language, lead_image, description,
                               next_page, pages, related: [{url, title, source, kind}]} | null,
                   "state": {read, read_at, starred, starred_at, note},
                   "collections": [{"name", "added_at", "title", "outlet"}],
                   "pictures": [{"url", "sha256", "mime", "size", "width", "height"}]}],
     "pictures": {"<sha256 hex>": "<base64>"}}

Times are Unix seconds (floats, exactly as stored). It is written one article at
a time, so memory stays flat however large the library; pictures are written
once each however many articles show them. It is read the same way (ijson), in
two passes over the file, pictures then articles: restoring a 396 MB export took
1.56 GB of memory when read whole, and holds one article or picture at a time now
(``benchmarks/export.py --json``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

import ijson

from reader import __version__
from reader.core.models import Article, ArticleState, RelatedLink
from reader.core.transfer.formats.common import check_url
from reader.core.transfer.items import ImportFormatError, ImportProblem
from reader.core.transfer.records import CollectionRecord, ExportRecord, Membership, Picture

VERSION = 1
MARKER = "kabar_export"

_ARTICLE_FIELDS = (
    "url", "canonical_url", "title", "html", "text", "byline", "published", "site_name",
    "language", "lead_image", "description", "next_page", "pages",
)  # fmt: skip


def _dt(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def _article_json(record: ExportRecord) -> dict[str, Any] | None:
    article = record.article
    if article is None:
        return None
    data: dict[str, Any] = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    data["authors"] = list(article.authors)  # as extracted; not the byline fallback
    data["related"] = [
        {"url": r.url, "title": r.title, "source": r.source, "kind": r.kind}
        for r in article.related
    ]
    return data


def record_json(record: ExportRecord) -> dict[str, Any]:
    state = record.state
    return {
        "key": record.key,
        "title": record.title,
        "outlet": record.outlet,
        "fetched_at": record.fetched_at,
        "aliases": list(record.aliases),
        "article": _article_json(record),
        "state": {
            "read": state.read,
            "read_at": _dt(state.read_at),
            "starred": state.starred,
            "starred_at": _dt(state.starred_at),
            "note": state.note,
        },
        "collections": [
            {"name": m.collection, "added_at": m.added_at, "title": m.title, "outlet": m.outlet}
            for m in record.memberships
        ],
        "pictures": [
            {
                "url": p.url,
                "sha256": p.sha256,
                "mime": p.mime,
                "size": p.size,
                "width": p.width,
                "height": p.height,
            }
            for p in record.pictures
        ],
    }


def write_archive(
    out: IO[str],
    collections: Iterable[CollectionRecord],
    records: Iterable[ExportRecord],
    read_picture: Callable[[str], bytes | None],
    *,
    now: float,
    on_record: Callable[[ExportRecord], None] | None = None,
) -> int:
    """Write the archive to ``out``; returns how many articles it holds."""
    dump = json.dumps
    stamp = datetime.fromtimestamp(now, UTC).isoformat().replace("+00:00", "Z")
    out.write(f'{{"{MARKER}": {VERSION}, "exported_at": {dump(stamp)},')
    out.write(f' "app": {dump("Kabar " + __version__)},\n "collections": [')
    out.write(",".join(
        "\n  " + dump({"name": c.name, "builtin": c.builtin, "created_at": c.created_at},
                      ensure_ascii=False)
        for c in collections
    ))  # fmt: skip
    out.write('\n ],\n "articles": [')
    wanted: dict[str, None] = {}
    count = 0
    for record in records:
        out.write(("," if count else "") + "\n  " + dump(record_json(record), ensure_ascii=False))
        wanted.update(dict.fromkeys(p.sha256 for p in record.pictures))
        count += 1
        if on_record is not None:
            on_record(record)
    out.write('\n ],\n "pictures": {')
    first = True
    for sha in wanted:
        data = read_picture(sha)
        if data is None:
            continue
        encoded = base64.b64encode(data).decode("ascii")
        out.write(("" if first else ",") + f"\n  {dump(sha)}: {dump(encoded)}")
        first = False
    out.write("\n }\n}\n")
    return count


# -- reading ------------------------------------------------------------------------------


def _float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _state(key: str, data: object) -> ArticleState:
    data = data if isinstance(data, Mapping) else {}

    def when(name: str) -> datetime | None:
        value = _float(data.get(name))
        return None if value is None else datetime.fromtimestamp(value, UTC)

    return ArticleState(
        url=key,
        read=bool(data.get("read")),
        starred=bool(data.get("starred")),
        read_at=when("read_at"),
        starred_at=when("starred_at"),
        note=_str(data.get("note")),
    )


def _article(data: object) -> tuple[Article | None, tuple[str, ...]]:
    if not isinstance(data, Mapping):
        return None, ()
    fields: dict[str, Any] = {}
    for name in _ARTICLE_FIELDS:
        value = data.get(name)
        if name == "pages":
            fields[name] = value if isinstance(value, int) and value > 0 else 1
        elif name in ("url", "canonical_url", "title", "html", "text"):
            fields[name] = value if isinstance(value, str) else ""
        else:
            fields[name] = value if isinstance(value, str) else None
    related = [
        RelatedLink(
            url=str(r["url"]), title=str(r.get("title") or ""), source=str(r.get("source") or ""),
            kind="inline" if r.get("kind") == "inline" else "block",
        )
        for r in data.get("related") or ()
        if isinstance(r, Mapping) and isinstance(r.get("url"), str)
    ]  # fmt: skip
    authors = tuple(a for a in data.get("authors") or () if isinstance(a, str))
    return Article(**fields, authors=list(authors), related=related), authors


def _record(data: Mapping[str, Any]) -> ExportRecord:
    key = str(data.get("key") or "")
    article, authors = _article(data.get("article"))
    memberships = tuple(
        Membership(
            collection=str(m["name"]),
            added_at=_float(m.get("added_at")) or 0.0,
            title=str(m.get("title") or ""),
            outlet=str(m.get("outlet") or ""),
        )
        for m in data.get("collections") or ()
        if isinstance(m, Mapping) and isinstance(m.get("name"), str)
    )
    pictures = tuple(
        Picture(
            url=str(p["url"]), sha256=str(p["sha256"]), mime=str(p.get("mime") or ""),
            size=int(p.get("size") or 0),
            width=p.get("width") if isinstance(p.get("width"), int) else None,
            height=p.get("height") if isinstance(p.get("height"), int) else None,
        )
        for p in data.get("pictures") or ()
        if isinstance(p, Mapping) and isinstance(p.get("url"), str)
        and isinstance(p.get("sha256"), str)
    )  # fmt: skip
    return ExportRecord(
        key=key,
        title=str(data.get("title") or (article.title if article else "")),
        outlet=str(data.get("outlet") or ""),
        article=article,
        state=_state(key, data.get("state")),
        memberships=memberships,
        pictures=pictures,
        aliases=tuple(a for a in data.get("aliases") or () if isinstance(a, str)),
        fetched_at=_float(data.get("fetched_at")),
        authors=authors,
    )


def is_archive(text: str) -> bool:
    return f'"{MARKER}"' in text[:200]


@contextmanager
def _damage_reported() -> Iterator[None]:
    """ijson's errors (a cut or edited file) as the one sentence the reader sees."""
    try:
        yield
    except ijson.JSONError as error:
        raise ImportFormatError(f"The Kabar export is damaged: {error}.") from error


@dataclass(frozen=True, slots=True)
class KabarArchive:
    """A Kabar export, opened: its collections are read, its articles and pictures are
    streamed from the file on each pass (``open`` gives a fresh binary stream)."""

    open: Callable[[], IO[bytes]]
    collections: tuple[CollectionRecord, ...]

    def pictures(self, problems: list[ImportProblem]) -> Iterator[tuple[str, bytes]]:
        """(sha256 hex, bytes) of each picture whose content matches its name."""
        with self.open() as stream, _damage_reported():
            for sha, encoded in ijson.kvitems(stream, "pictures", use_float=True):
                try:
                    blob = base64.b64decode(str(encoded), validate=True)
                except ValueError:
                    problems.append(ImportProblem(0, f"picture {sha[:12]}…: damaged"))
                    continue
                if hashlib.sha256(blob).hexdigest() != sha:
                    message = f"picture {sha[:12]}…: its content does not match"
                    problems.append(ImportProblem(0, message))
                    continue
                yield sha, blob

    def records(self, problems: list[ImportProblem]) -> Iterator[ExportRecord]:
        """Each article entry in file order; unusable entries become problems."""
        with self.open() as stream, _damage_reported():
            items = ijson.items(stream, "articles.item", use_float=True)
            for index, entry in enumerate(items, start=1):
                if not isinstance(entry, Mapping):
                    problems.append(ImportProblem(0, f"article {index}: not an article entry"))
                    continue
                record = _record(entry)
                problem = check_url(record.key)
                if problem:
                    problems.append(ImportProblem(0, f"article {index}: {problem}"))
                    continue
                yield record


def open_archive(open_stream: Callable[[], IO[bytes]]) -> KabarArchive:
    """Check the export's version and read its collections (the start of the file only)."""
    version: object = None
    found: list[object] = []
    builder: ijson.ObjectBuilder | None = None
    with open_stream() as stream, _damage_reported():
        for prefix, event, value in ijson.parse(stream, use_float=True):
            if builder is not None:
                builder.event(event, value)
                if prefix == "collections.item" and event in ("end_map", "end_array"):
                    found.append(builder.value)
                    builder = None
            elif prefix == "collections.item" and event in ("start_map", "start_array"):
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
            elif prefix == "collections.item":
                found.append(value)  # a scalar where a collection belongs: skipped below
            elif prefix == MARKER:
                version = value
            elif prefix == "" and event == "map_key" and value in ("articles", "pictures"):
                break  # the writer puts the version and the collections first
    if version != VERSION:
        raise ImportFormatError(
            f"This Kabar export has version {version!r}; this Kabar reads version {VERSION}."
        )
    collections = tuple(
        CollectionRecord(
            name=str(c["name"]), builtin=bool(c.get("builtin")),
            created_at=_float(c.get("created_at")) or 0.0,
        )
        for c in found
        if isinstance(c, Mapping) and isinstance(c.get("name"), str)
    )  # fmt: skip
    return KabarArchive(open_stream, collections)
