"""Exports: collect saved articles from the library and hand them to a format writer.

What is exported: the named collections (in the order given, most recently saved
first in each), or, with no names, every saved and starred article. Each article
is loaded when its turn comes (one at a time), so a 5,000-article export holds
one article in memory, not the library. Pictures come from the library's files.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reader.core.errors import Cancelled, StoreError
from reader.core.models import READ_LATER, Article
from reader.core.store import articles as q
from reader.core.store import collections as cols
from reader.core.store import exports as xq
from reader.core.store import images as imagelib
from reader.core.transfer.records import CollectionRecord, ExportRecord, Membership, Picture

if TYPE_CHECKING:
    from reader.core.library import Library

ExportFormat = Literal["epub", "markdown", "html", "json"]
FORMATS: tuple[ExportFormat, ...] = ("epub", "markdown", "html", "json")


@dataclass(frozen=True, slots=True)
class ExportProgress:
    total: int
    done: int = 0
    current: str | None = None
    finished: bool = False


@dataclass(frozen=True, slots=True)
class ExportReport:
    format: str
    path: str
    articles: int
    pictures: int
    bytes: int
    seconds: float


def _authors(article: Article) -> tuple[str, ...]:
    """``Article.authors`` where the extractor gives it; else the byline as one name."""
    if article.authors:
        return tuple(article.authors)
    byline = (article.byline or "").strip()
    return (byline,) if byline else ()


class Exporter:
    """Reads what to export from a :class:`Library`; Qt-free, synchronous, cancellable."""

    def __init__(self, library: Library, clock: Callable[[], float] = time.time) -> None:
        self.library = library
        self.clock = clock

    def collections(self, names: Sequence[str] | None) -> list[CollectionRecord]:
        conn = self.library.store.reader()
        infos = [cols.require(conn, n) for n in names] if names else cols.all_collections(conn)
        return [CollectionRecord(i.name, i.builtin, i.created_at.timestamp()) for i in infos]

    def keys(self, names: Sequence[str] | None) -> list[str]:
        conn = self.library.store.reader()
        ids = [cols.require(conn, n).id for n in names] if names else None
        return xq.saved_urls(conn, ids)

    def record(self, key: str) -> ExportRecord:
        """Everything the library knows about one saved address."""
        conn = self.library.store.reader()
        state = q.get_state(conn, key)
        members = tuple(Membership(*m) for m in xq.memberships(conn, key))
        article_id = q.find_id(conn, [key])
        stored = None if article_id is None else q.get(conn, article_id)
        if stored is None or article_id is None:
            first = members[0] if members else None
            return ExportRecord(
                key=key, title=first.title if first else key, outlet=first.outlet if first else "",
                article=None, state=state, memberships=members,
            )  # fmt: skip
        article = stored.article
        wanted = imagelib.wanted_images(article, limit=10_000)
        found = xq.pictures(conn, article_id, wanted)
        pictures = tuple(
            Picture(url, p.sha256.hex(), p.mime, p.size, p.width, p.height)
            for url, p in found.items()
        )
        outlet, fetched_at = xq.row_facts(conn, article_id)
        return ExportRecord(
            key=stored.key, title=article.title, outlet=outlet, article=article, state=state,
            memberships=members, pictures=pictures, aliases=tuple(xq.aliases(conn, article_id)),
            fetched_at=fetched_at, authors=_authors(article),
        )  # fmt: skip

    def records(
        self, keys: Sequence[str], cancel: threading.Event | None = None
    ) -> Iterator[ExportRecord]:
        for key in keys:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            yield self.record(key)

    def read_picture(self, sha_hex: str) -> bytes | None:
        try:
            return self.library.images.read(bytes.fromhex(sha_hex))
        except (ValueError, StoreError):
            return None

    def export(
        self,
        fmt: ExportFormat,
        path: Path,
        names: Sequence[str] | None = None,
        *,
        title: str | None = None,
        on_progress: Callable[[ExportProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> ExportReport:
        """Write the export to ``path`` (a file for EPUB/JSON, a folder for Markdown/HTML).

        An EPUB or JSON file is written to a temporary name and renamed at the end: a
        cancelled or failed export never leaves half a book where the user asked for
        one. Markdown and HTML fill their folder page by page: a cancelled export
        leaves the pages written so far. A second Markdown export into the same
        folder rewrites each article's own note (stable names) and never overwrites a
        note that is not the article's own (see :mod:`.formats.markdown`); HTML
        rewrites its pages and index.
        """
        started = time.monotonic()
        keys = self.keys(names)
        chosen = self.collections(names)
        book_title = title or self._title(names)
        done = [0]
        pictures: set[str] = set()

        def step(record: ExportRecord) -> None:
            done[0] += 1
            pictures.update(p.sha256 for p in record.pictures)
            if on_progress is not None:
                on_progress(ExportProgress(len(keys), done[0], record.title))

        if on_progress is not None:
            on_progress(ExportProgress(len(keys)))
        records = self.records(keys, cancel)
        now = self.clock()
        if fmt in ("epub", "json"):
            temporary = path.with_name(f".{path.name}.part")
            try:
                if fmt == "epub":
                    from reader.core.transfer.formats.epub import write_epub  # noqa: PLC0415

                    with temporary.open("wb") as out:
                        write_epub(out, records, self.read_picture, title=book_title, now=now,
                                   on_record=step)  # fmt: skip
                else:
                    from reader.core.transfer.formats.kabarjson import write_archive  # noqa: PLC0415

                    with temporary.open("w", encoding="utf-8") as text:
                        write_archive(text, chosen, records, self.read_picture, now=now,
                                      on_record=step)  # fmt: skip
                temporary.replace(path)
            finally:
                temporary.unlink(missing_ok=True)
            size = path.stat().st_size
        else:
            if fmt == "markdown":
                from reader.core.transfer.formats.markdown import write_markdown  # noqa: PLC0415

                write_markdown(path, records, self.read_picture, on_record=step)
            else:
                from reader.core.transfer.formats.htmlpages import write_html  # noqa: PLC0415

                write_html(path, records, self.read_picture, title=book_title, on_record=step)
            size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        if on_progress is not None:
            on_progress(ExportProgress(len(keys), done[0], None, finished=True))
        return ExportReport(fmt, str(path), done[0], len(pictures), size,
                            time.monotonic() - started)  # fmt: skip

    def _title(self, names: Sequence[str] | None) -> str:
        if not names:
            return "Kabar: saved articles"
        return "Kabar: " + ", ".join(
            READ_LATER if n.casefold() == READ_LATER.casefold() else n for n in names
        )
