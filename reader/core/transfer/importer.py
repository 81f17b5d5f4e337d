"""Imports: save every link of an export file, then fetch and clean each article in the background.

Two steps, so nothing the user had is lost even if the network is gone:

1. **Save** (:meth:`Importer.save`, one short transaction per 500 links): every link
   goes to its collections with its original date added, its tags or folders become
   collections (or everything goes to one collection named after the import, a
   setting), read/starred marks are set. The links are recorded as an import job
   (``store/migrations/0004_imports.sql``), identified by the file's SHA-256: the
   same file imported again adds nothing twice, and links an earlier import brought
   are not touched again (a mark the user changed since stays changed).
2. **Fetch** (:class:`ImportRun`): each link's article is fetched, cleaned and stored
   with its pictures by the refresh machinery (host-fair pool, request limiter,
   one CPU slot for extraction, :func:`reader.core.refresh.download_pictures`). A
   failing link is recorded with its reason and never stops the rest; when the page
   is gone and the service exported the article (wallabag, Omnivore), that copy is
   stored instead. A quit leaves the rest ``pending``; :meth:`Importer.resume` (the
   window at start, ``kabar import --resume``) fetches them later.

A Kabar export is restored instead (:meth:`Importer.restore`): the same articles,
pictures, marks with their times and collections with their dates.

``on_progress`` is called from worker threads, one call at a time, in order.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from reader.core.errors import Cancelled, CollectionError, FetchError, Offline, ReaderError
from reader.core.models import Article, CollectionInfo, Validators
from reader.core.net import HostPool, LimitedFetcher, Reach, RequestLimiter, host_key
from reader.core.refresh import BackgroundRun, download_pictures
from reader.core.store import ImageRef
from reader.core.store import articles as q
from reader.core.store import collections as cols
from reader.core.store import images as imagelib
from reader.core.store import imports as iq
from reader.core.transfer.formats.kabarjson import KabarArchive
from reader.core.transfer.formats.sniff import read_import, read_import_file
from reader.core.transfer.items import ImportDocument, ImportItem, ImportProblem
from reader.core.transfer.records import ExportRecord
from reader.core.urls import canonicalize

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.net import Fetcher
    from reader.core.page import SiteRules

log = logging.getLogger(__name__)

#: Links written per transaction while saving (short write locks for the window).
SAVE_BATCH = 500


@dataclass(frozen=True, slots=True)
class ImportConfig:
    """Limits of the fetch step (the refresh engine's defaults for article work)."""

    concurrency: int = 8
    per_host: int = 4
    workers: int = 16
    max_attempts: int = 3
    cpu_slots: int = 1


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """A snapshot of the fetch step; ``total`` counts links to fetch in this run."""

    total: int
    done: int = 0
    failed: int = 0
    current: str | None = None
    finished: bool = False
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """A link whose article could not be had (its title and address stay saved)."""

    url: str
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What step 1 did with a file."""

    job_id: int
    file_name: str
    format: str
    links: int
    added: int
    already: int
    duplicates: int
    collections: tuple[str, ...]
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The whole import, for the end-of-import message."""

    file_name: str
    format: str
    links: int = 0
    added: int = 0
    already: int = 0
    duplicates: int = 0
    collections: tuple[str, ...] = ()
    fetched: int = 0
    from_export: int = 0
    failed: tuple[ImportFailure, ...] = ()
    problems: tuple[str, ...] = ()
    pending: int = 0
    cancelled: bool = False
    seconds: float = 0.0


ProgressCallback = Callable[[ImportProgress], None]


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def collection_names(item: ImportItem, target: str, *, tags_as_collections: bool) -> list[str]:
    """Where one link goes: its tags and folder, else the import's own collection."""
    if not tags_as_collections:
        return [target]
    names = list(item.tags)
    if item.folder:
        names.append(" / ".join(item.folder))
    return names or [target]


class _Collections:
    """Collections by name within one write transaction, each looked up once.

    ``collections.find`` counts a collection's items; asking it once per saved link
    made saving quadratic (20,000 Pocket links: 65 s). The ids are only trusted inside
    the transaction they were read in.
    """

    def __init__(self, conn: Any, now: float) -> None:
        self.conn = conn
        self.now = now
        self.known: dict[str, CollectionInfo] = {}

    def ensure(self, name: str) -> CollectionInfo:
        key = cols.name_key(name)
        info = self.known.get(key)
        if info is None:
            info = self.known[key] = cols.ensure(self.conn, name, self.now)
        return info


class Importer:
    """Reads export files, saves their links and fetches their articles."""

    def __init__(
        self,
        library: Library,
        fetcher: Callable[[], Fetcher | None] | None,
        *,
        rules: Callable[[], SiteRules | None] | None = None,
        config: ImportConfig | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.library = library
        # Built on first use: saving links, or asking what is pending, needs neither.
        self.fetcher: Callable[[], Fetcher | None] = functools.cache(fetcher or _none)
        self.rules: Callable[[], SiteRules | None] = functools.cache(rules or _none)
        self.config = config or ImportConfig()
        self.clock = clock

    @property
    def tags_as_collections(self) -> bool:
        return self.library.import_tags_as_collections

    # ------------------------------------------------------------------ step 1: save

    @staticmethod
    def read(data: bytes) -> ImportDocument:
        """Recognise and read an export file (pure; raises ``ImportFormatError``)."""
        return read_import(data)

    def save(
        self,
        document: ImportDocument,
        *,
        digest: str,
        file_name: str,
        to: str | None = None,
        tags_as_collections: bool | None = None,
    ) -> SaveOutcome:
        """Save every link of ``document`` to its collections (no network)."""
        if document.archive is not None:
            return self.restore(document, digest=digest, file_name=file_name)
        by_tags = self.tags_as_collections if tags_as_collections is None else tags_as_collections
        target = cols.clean_name(to) if to else document.label
        problems = [str(p) for p in document.problems]
        now = self.clock()
        with self.library.store.write() as conn:
            job = iq.find_job(conn, digest)
            if job is None:
                job = iq.create_job(
                    conn, digest=digest, fmt=document.format, file_name=file_name, now=now,
                    problems=problems,
                )  # fmt: skip
            else:
                iq.reopen_job(conn, job.id)  # failed links get another try
        keys = [self.library.state_key(item.url) for item in document.items]
        known = iq.known_urls(self.library.store.reader(), keys)
        added = already = 0
        used: dict[str, None] = {}
        pairs = list(zip(document.items, keys, strict=True))
        for start in range(0, len(pairs), SAVE_BATCH):
            with self.library.store.write() as conn:
                found = _Collections(conn, now)
                for item, key in pairs[start : start + SAVE_BATCH]:
                    if key in known:
                        already += 1
                        continue
                    names = self._save_item(
                        conn, found, job.id, item, key, target=target, by_tags=by_tags,
                        now=now, problems=problems,
                    )  # fmt: skip
                    used.update(dict.fromkeys(names))
                    added += 1
        return SaveOutcome(
            job_id=job.id, file_name=file_name, format=document.format,
            links=len(document.items), added=added, already=already,
            duplicates=document.duplicates, collections=tuple(used), problems=tuple(problems),
        )  # fmt: skip

    def _save_item(
        self,
        conn: Any,
        found: _Collections,
        job_id: int,
        item: ImportItem,
        key: str,
        *,
        target: str,
        by_tags: bool,
        now: float,
        problems: list[str],
    ) -> list[str]:
        title = item.title or item.url
        outlet = q.host_of(item.url).removeprefix("www.")
        added_at = item.added_at if item.added_at is not None else now
        saved: list[str] = []
        for name in collection_names(item, target, tags_as_collections=by_tags):
            try:
                info = found.ensure(name)
            except CollectionError as error:
                where = f"line {item.line}: " if item.line else ""
                problems.append(f"{where}tag {name[:60]!r} not used: {error}")
                info = found.ensure(target)
            cols.add_item(conn, info.id, key, title=title, outlet=outlet, now=added_at)
            saved.append(info.name)
        iq.mark_imported_state(conn, key, read=item.read, starred=item.starred, now=now)
        iq.add_link(
            conn, job_id, url=key, fetch_url=item.url, title=title, content=item.content_html,
            published=item.published, author=item.author,
        )  # fmt: skip
        return saved

    def restore(self, document: ImportDocument, *, digest: str, file_name: str) -> SaveOutcome:
        """Write a Kabar export back: articles, pictures, marks, collections, exactly.

        The file is streamed twice, so any library restores in flat memory: first the
        picture files (a crash leaves files, not rows pointing at nothing), then the
        articles, SAVE_BATCH to a transaction, sanitised before the transaction opens.
        """
        archive = document.archive
        assert isinstance(archive, KabarArchive)
        from reader.core.page import sanitize_html  # noqa: PLC0415

        now = self.clock()
        trouble = list(document.problems)
        stored: dict[str, tuple[int, imagelib.ImageInfo]] = {}  # sha256 hex -> size, kind
        for sha, data in archive.pictures(trouble):
            kind = imagelib.sniff(data)
            if kind is None:  # the archive's word is not enough: only pictures are kept
                trouble.append(ImportProblem(0, f"picture {sha[:12]}…: not a picture"))
                continue
            self.library.images.put(data)
            stored[sha] = (len(data), kind)
        problems: list[str] = []
        with self.library.store.write() as conn:
            job = iq.find_job(conn, digest) or iq.create_job(
                conn, digest=digest, fmt=document.format, file_name=file_name, now=now,
                problems=(),
            )  # fmt: skip
            for collection in archive.collections:
                if collection.builtin or cols.find(conn, collection.name) is not None:
                    continue
                try:
                    cols.create(conn, collection.name, collection.created_at)
                except CollectionError as error:
                    problems.append(f"collection {collection.name[:60]!r}: {error}")
        links = added = already = 0
        used: dict[str, None] = {}
        for batch in _batches(archive.records(trouble), SAVE_BATCH):
            known = iq.known_urls(self.library.store.reader(), [r.key for r in batch])
            clean = {
                r.key: replace(r.article, html=sanitize_html(r.article.html, r.article.url))
                for r in batch
                if r.article is not None
            }
            with self.library.store.write() as conn:
                named = _Collections(conn, now)
                for record in batch:
                    links += 1
                    if record.key in known:
                        already += 1
                    else:
                        added += 1
                    article = clean.get(record.key)
                    if article is not None:
                        arrived = record.fetched_at if record.fetched_at is not None else now
                        article_id = q.put_article(
                            conn, key=record.key, final_url=article.url or record.key,
                            aliases=record.aliases, article=article, validators=Validators(),
                            now=arrived, images=_picture_refs(record, stored),
                        )  # fmt: skip
                        self.library.group_arrival(conn, article_id, record.key, article, arrived)
                    for member in record.memberships:
                        info = named.ensure(member.collection)
                        cols.add_item(
                            conn, info.id, record.key, title=member.title,
                            outlet=member.outlet, now=member.added_at,
                        )  # fmt: skip
                        used[info.name] = None
                    self._restore_state(conn, record.key, record.state)
                    iq.add_link(
                        conn, job.id, url=record.key, fetch_url=record.url,
                        title=record.title, content=None,
                    )  # fmt: skip
                    if article is not None:
                        iq.set_link_state(conn, job.id, record.key, "done", None)
        problems = [str(p) for p in trouble] + problems
        with self.library.store.write() as conn:
            iq.set_problems(conn, job.id, problems)
        return SaveOutcome(
            job_id=job.id, file_name=file_name, format=document.format,
            links=links, added=added, already=already, duplicates=0,
            collections=tuple(used), problems=tuple(problems),
        )  # fmt: skip

    @staticmethod
    def _restore_state(conn: Any, key: str, state: Any) -> None:
        current = q.get_state(conn, key)
        fresh = not (current.read or current.starred or current.note)
        if fresh:
            iq.restore_state(
                conn, key, read=state.read,
                read_at=state.read_at.timestamp() if state.read_at else None,
                starred=state.starred,
                starred_at=state.starred_at.timestamp() if state.starred_at else None,
                note=state.note,
            )  # fmt: skip
        elif state.read or state.starred:
            iq.mark_imported_state(
                conn, key, read=state.read, starred=state.starred, now=time.time()
            )

    # ------------------------------------------------------------------ step 2: fetch

    def pending_jobs(self) -> list[iq.ImportJob]:
        """Imports a quit interrupted (their links still to fetch)."""
        return iq.unfinished_jobs(self.library.store.reader())

    def start(
        self,
        job_ids: Sequence[int] | None = None,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportRun:
        """Fetch the articles of the given jobs (default: every unfinished one)."""
        ids = list(job_ids) if job_ids is not None else [j.id for j in self.pending_jobs()]
        run = ImportRun(self, ids, on_progress=on_progress, cancel=cancel)
        run.start()
        return run

    def report(self, outcome: SaveOutcome, run: ImportRun | None, seconds: float) -> ImportReport:
        """The end-of-import report for one file (after its run, if it had one)."""
        conn = self.library.store.reader()
        counts = iq.counts(conn, outcome.job_id)
        failed = tuple(ImportFailure(*row) for row in iq.failures(conn, outcome.job_id))
        return ImportReport(
            file_name=outcome.file_name, format=outcome.format, links=outcome.links,
            added=outcome.added, already=outcome.already, duplicates=outcome.duplicates,
            collections=outcome.collections,
            fetched=run.fetched if run is not None else 0,
            from_export=run.from_export if run is not None else 0,
            failed=failed, problems=outcome.problems, pending=counts.get("pending", 0),
            cancelled=run.cancelled if run is not None else False, seconds=seconds,
        )  # fmt: skip

    def import_file(
        self,
        data: bytes | Path,
        file_name: str,
        *,
        to: str | None = None,
        tags_as_collections: bool | None = None,
        fetch: bool = True,
        on_saved: Callable[[SaveOutcome], None] | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportReport:
        """Read, save and (unless ``fetch`` is false or offline) fetch: the whole import.

        ``data`` is the file's bytes or its path; from a path, a Kabar export is
        streamed, never held whole.
        """
        started = time.monotonic()
        if isinstance(data, Path):
            with data.open("rb") as stream:
                digest = hashlib.file_digest(stream, "sha256").hexdigest()
            document = read_import_file(data)
        else:
            digest = file_digest(data)
            document = self.read(data)
        outcome = self.save(
            document, digest=digest, file_name=file_name, to=to,
            tags_as_collections=tags_as_collections,
        )  # fmt: skip
        if on_saved is not None:
            on_saved(outcome)
        run = None
        if fetch and self._online():
            run = self.start([outcome.job_id], on_progress=on_progress, cancel=cancel)
            run.wait()
        return self.report(outcome, run, time.monotonic() - started)

    def _online(self) -> bool:
        fetcher = self.fetcher()
        return fetcher is not None and not getattr(fetcher, "offline", False)


class ImportRun(BackgroundRun[ImportProgress]):
    """The fetch step of one or more import jobs, in the background. Thread-safe.

    The refresh machinery (:class:`reader.core.refresh.BackgroundRun`): cancel, progress
    in order from worker threads, one CPU slot, a host-fair pool under a request limiter.
    """

    kind = "import"

    def __init__(
        self,
        importer: Importer,
        job_ids: Sequence[int],
        *,
        on_progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> None:
        config = importer.config
        super().__init__(
            ImportProgress(total=0),
            RequestLimiter({"article": config.concurrency}, config.per_host),
            on_progress=on_progress, cancel=cancel, cpu_slots=config.cpu_slots,
        )  # fmt: skip
        self.importer = importer
        self.library = importer.library
        self.job_ids = list(job_ids)
        self.pool = HostPool(
            config.workers, config.per_host, name="kabar-import", on_error=self._crashed
        )
        self.pools = (self.pool,)
        self.fetched = 0
        self.from_export = 0
        self.failures: list[ImportFailure] = []

    def start(self) -> None:
        fetcher = self.importer.fetcher()
        links: list[iq.ImportLink] = []
        conn = self.library.store.reader()
        for job_id in self.job_ids:
            links += iq.links_to_fetch(conn, job_id, self.importer.config.max_attempts)
        with self._lock:
            self._progress = ImportProgress(total=len(links))
        self._emit()
        if fetcher is not None and links:
            from reader.core.page import fetch_article  # noqa: F401, PLC0415 (load once, here)

            self.importer.rules()
            limited = LimitedFetcher(fetcher, self.limiter, "article", self.cancel_event)
            for link in links:
                self.pool.submit(host_key(link.fetch_url), partial(self._guarded, limited, link))
        threading.Thread(target=self._finish, name="kabar-import", daemon=True).start()

    # cancel(): queued links stay pending (a later resume fetches them).

    def wait(self, timeout: float | None = None) -> ImportProgress:
        if not self._finished.wait(timeout):
            raise TimeoutError("the import is still fetching")
        return self.progress

    def _finish(self) -> None:
        try:
            self._drain(self.pool)
        finally:
            self.pool.close()
            cancelled = self.cancel_event.is_set()
            if not cancelled:
                try:
                    with self.library.store.write() as conn:
                        for job_id in self.job_ids:
                            iq.finish_job(conn, job_id, self.importer.clock())
                except ReaderError as error:
                    log.warning("could not close the import: %s", error)
            with self._lock:
                self._progress = replace(self._progress, finished=True, cancelled=cancelled)
            self._emit()
            self._finished.set()

    # ------------------------------------------------------------------ one link

    def _guarded(self, fetcher: LimitedFetcher, link: iq.ImportLink) -> None:
        try:
            self._fetch(fetcher, link)
        except Exception as error:  # a bug: this link fails, the others go on
            log.exception("importing %s failed unexpectedly", link.fetch_url)
            self._done(link, "failed", f"Kabar failed on this link ({type(error).__name__}).")

    def _fetch(self, fetcher: LimitedFetcher, link: iq.ImportLink) -> None:
        if self.cancel_event.is_set():
            return
        if self.library.contains(link.fetch_url) or self.library.contains(link.url):
            self._adopt(link)
            self._done(link, "done", None)
            return
        from reader.core.page import fetch_article  # noqa: PLC0415

        try:
            # The user's own saved links: their choice. Their pictures are automatic.
            fetched = fetch_article(
                cast("Fetcher", fetcher), link.fetch_url, reach=Reach.USER,
                rules=self.importer.rules(), cancel=self.cancel_event, cpu=self.cpu,
            )  # fmt: skip
            if fetched.article is None:
                raise FetchError(link.fetch_url, f"The server did not send {link.fetch_url}.")
            refs = download_pictures(
                fetcher, self.library.images, fetched.article, self.cancel_event,
                reach=Reach.named_by(fetched),
            )  # fmt: skip
            self.library.store_article(
                fetched.article, requested_url=link.fetch_url, final_url=fetched.final_url,
                validators=fetched.validators, images=refs, cancel=self.cancel_event,
            )  # fmt: skip
        except (Cancelled, Offline):
            return
        except ReaderError as error:
            if link.content and self._store_exported(fetcher, link):
                self._adopt(link)
                self._done(link, "exported", str(error))
                return
            log.info("import: %s not fetched: %s", link.fetch_url, error)
            self._done(link, "failed", str(error))
            return
        self._adopt(link)
        self._done(link, "done", None)

    def _store_exported(self, fetcher: LimitedFetcher, link: iq.ImportLink) -> bool:
        """The page is gone: the service's exported copy becomes the article."""
        from reader.core.page import html_to_text, sanitize_html  # noqa: PLC0415

        assert link.content is not None
        with self.cpu:
            html = sanitize_html(link.content, link.fetch_url)
            text = html_to_text(html)
        if not text.strip():
            return False
        article = Article(
            url=link.fetch_url, canonical_url=link.fetch_url, title=link.title, html=html,
            text=text, byline=link.author, published=link.published,
        )  # fmt: skip
        try:
            refs = download_pictures(
                fetcher, self.library.images, article, self.cancel_event,
                reach=Reach.named_by(link.fetch_url),  # named by the exported copy
            )  # fmt: skip
        except Cancelled:
            refs = []
        self.library.store_article(
            article, requested_url=link.fetch_url, final_url=link.fetch_url, images=refs
        )
        return True

    def _adopt(self, link: iq.ImportLink) -> None:
        """Point the saved link's collection items and marks at the stored article."""
        key = self.library.state_key(link.fetch_url)
        stored = self.library.get(key)
        with self.library.store.write() as conn:
            iq.move_user_state(conn, link.url, key)
            if stored is not None:
                outlet = q.outlet_of(stored.article, stored.article.url or key)
                iq.fill_item_titles(
                    conn, key,
                    placeholders={link.fetch_url, link.url, canonicalize(link.fetch_url)},
                    host=q.host_of(link.fetch_url).removeprefix("www."),
                    title=stored.article.title or link.title, outlet=outlet,
                )  # fmt: skip

    def _done(self, link: iq.ImportLink, state: str, error: str | None) -> None:
        key = self.library.state_key(link.fetch_url) if state != "failed" else link.url
        try:
            with self.library.store.write() as conn:
                iq.set_link_state(conn, link.job_id, key, state, error)
        except ReaderError as store_error:
            log.warning("could not record the import of %s: %s", link.fetch_url, store_error)
        with self._lock:
            if state == "done":
                self.fetched += 1
            elif state == "exported":
                self.from_export += 1
            else:
                self.failures.append(ImportFailure(link.fetch_url, link.title, error or ""))
        self._update(done=1, failed=int(state == "failed"), current=link.title or link.fetch_url)


def _none() -> None:
    return None


def _batches(records: Iterable[ExportRecord], size: int) -> Iterator[list[ExportRecord]]:
    batch: list[ExportRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _picture_refs(
    record: ExportRecord, stored: dict[str, tuple[int, imagelib.ImageInfo]]
) -> list[ImageRef]:
    """The record's pictures that were restored, described by their files, not the archive."""
    refs = []
    for picture in record.pictures:
        found = stored.get(picture.sha256)
        if found is not None:
            size, info = found
            refs.append(
                ImageRef(picture.url, bytes.fromhex(picture.sha256), size, info.mime,
                         info.width, info.height)
            )  # fmt: skip
    return refs
