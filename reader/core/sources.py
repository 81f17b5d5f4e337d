"""Sources and folders: the service the CLI, the window and the refresh engine share.

A source is a feed (RSS, Atom, JSON Feed) or a news sitemap the user follows;
folders nest. Everything lives in the library file (``0002_sources.sql``) and
goes through the library's store: one writer, ``BEGIN IMMEDIATE``, callable
from any thread. Deleting a source removes its entries only; articles, starred
state and collections are never touched ("saved articles stay").

:func:`subscribe` is the "add a source" use case with the network: it resolves
a site address through autodiscovery and, when a site offers several feeds,
raises :class:`NotAFeed` with the candidates so the caller can let the user
choose (``pick``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.errors import FeedError, NotAFeed, SourceError
from reader.core.models import (
    FeedCandidate,
    FeedKind,
    FetchResult,
    Folder,
    Headline,
    ParsedFeed,
    Source,
)
from reader.core.store import articles as aq
from reader.core.store import sources as sq
from reader.core.urls import canonicalize, is_http_url

if TYPE_CHECKING:
    from reader.core.feeds import OpmlDocument, OpmlFeed, StarterSet
    from reader.core.library import Library
    from reader.core.net import Fetcher, Reach
    from reader.core.store import Store

FolderRef = int | str | Sequence[str] | None
MAX_TITLE = 300
DEFAULT_INTERVAL = 30 * 60
MIN_INTERVAL = 5 * 60


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an OPML or starter import did."""

    added: tuple[Source, ...]
    existing: int = 0
    skipped: int = 0


def _path(ref: str | Sequence[str]) -> tuple[str, ...]:
    parts = ref.split("/") if isinstance(ref, str) else list(ref)
    return tuple(" ".join(p.split()) for p in parts if p.strip())


class SourceList:
    """CRUD for sources and folders, plus OPML and starter imports (no network)."""

    def __init__(self, library: Library, *, clock: Callable[[], float] = time.time) -> None:
        self.library = library
        self.clock = clock

    @property
    def store(self) -> Store:
        # Looked up each time: Library.verify() may replace the store after a repair.
        return self.library.store

    # ------------------------------------------------------------------ folders

    def folders(self) -> list[Folder]:
        return sq.folders(self.store.reader())

    def folder(self, ref: int | str | Sequence[str]) -> Folder:
        """A folder by id or by path (``"Berita/Daerah"`` or a tuple of names)."""
        found = self.folders()
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            for folder in found:
                if folder.id == int(ref):
                    return folder
        else:
            wanted = tuple(n.casefold() for n in _path(ref))
            for folder in found:
                if tuple(n.casefold() for n in folder.path) == wanted:
                    return folder
        raise SourceError(f"There is no folder {ref!r}.")

    def _folder_id(self, ref: FolderRef, *, create: bool) -> int | None:
        if ref is None or (not isinstance(ref, int) and not _path(ref)):
            return None
        if create and not isinstance(ref, int):
            with self.store.write() as conn:
                return sq.ensure_path(conn, _path(ref), self.clock())
        return self.folder(ref).id

    def create_folder(self, name: str, parent: FolderRef = None) -> Folder:
        """A new folder in ``parent`` (a parent path that does not exist yet is created)."""
        name = " ".join(name.split())[:MAX_TITLE]
        if not name or "/" in name:
            raise SourceError("A folder needs a name without '/'.")
        parent_id = self._folder_id(parent, create=True)
        with self.store.write() as conn:
            if sq.folder_id(conn, name, parent_id) is not None:
                raise SourceError(f"There is already a folder named {name!r} there.")
            new_id = sq.create_folder(conn, name, parent_id, self.clock())
        return self.folder(new_id)

    def rename_folder(self, ref: int | str | Sequence[str], name: str) -> Folder:
        folder = self.folder(ref)
        name = " ".join(name.split())[:MAX_TITLE]
        if not name or "/" in name:
            raise SourceError("A folder needs a name without '/'.")
        with self.store.write() as conn:
            other = sq.folder_id(conn, name, folder.parent_id)
            if other is not None and other != folder.id:
                raise SourceError(f"There is already a folder named {name!r} there.")
            conn.execute(
                "UPDATE folders SET name = ?, name_key = ? WHERE id = ?",
                (name, sq.name_key(name), folder.id),
            )
        return self.folder(folder.id)

    def move_folder(self, ref: int | str | Sequence[str], parent: FolderRef) -> Folder:
        folder = self.folder(ref)
        parent_id = self._folder_id(parent, create=False)
        with self.store.write() as conn:
            if parent_id is not None and parent_id in sq.descendants(conn, folder.id):
                raise SourceError("A folder cannot move inside itself.")
            if sq.folder_id(conn, folder.name, parent_id) not in (None, folder.id):
                raise SourceError(f"There is already a folder named {folder.name!r} there.")
            conn.execute("UPDATE folders SET parent_id = ? WHERE id = ?", (parent_id, folder.id))
        return self.folder(folder.id)

    def delete_folder(self, ref: int | str | Sequence[str], *, delete_sources: bool = False) -> int:
        """Delete a folder and its subfolders; returns how many sources were in them.

        Their sources move to the folder's parent, or are deleted with
        ``delete_sources`` (their saved articles stay either way).
        """
        folder = self.folder(ref)
        with self.store.write() as conn:
            tree = sq.descendants(conn, folder.id)
            marks = ",".join("?" * len(tree))
            count = int(
                conn.execute(
                    f"SELECT count(*) FROM sources WHERE folder_id IN ({marks})", tree
                ).fetchone()[0]
            )
            if delete_sources:
                conn.execute(f"DELETE FROM sources WHERE folder_id IN ({marks})", tree)
            else:
                conn.execute(
                    f"UPDATE sources SET folder_id = ? WHERE folder_id IN ({marks})",
                    [folder.parent_id, *tree],
                )
            conn.execute("DELETE FROM folders WHERE id = ?", (folder.id,))
        return count

    # ------------------------------------------------------------------ sources

    def all(self, folder: FolderRef = None, *, recursive: bool = True) -> list[Source]:
        """All sources, or those in ``folder`` (and its subfolders when ``recursive``)."""
        conn = self.store.reader()
        if folder is None:
            return sq.sources(conn, self.clock())
        root = self.folder(folder if isinstance(folder, int | str) else tuple(folder))
        ids = sq.descendants(conn, root.id) if recursive else [root.id]
        return sq.sources(conn, self.clock(), folder_ids=ids)

    def get(self, ref: int | str) -> Source:
        """A source by id, by address, or by title (case-insensitive, must be unique)."""
        conn = self.store.reader()
        now = self.clock()
        if isinstance(ref, int) or ref.strip().isdigit():
            found = sq.sources(conn, now, ids=[int(ref)])
            if found:
                return found[0]
        elif is_http_url(ref.strip()):
            source_id = sq.source_by_key(conn, canonicalize(ref.strip()))
            if source_id is not None:
                return sq.sources(conn, now, ids=[source_id])[0]
        else:
            wanted = ref.strip().casefold()
            matches = [s for s in sq.sources(conn, now) if s.title.casefold() == wanted]
            if not matches:
                matches = [s for s in sq.sources(conn, now) if wanted in s.title.casefold()]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                names = ", ".join(f"{s.id} {s.title}" for s in matches[:5])
                raise SourceError(f"{ref!r} matches several sources ({names}); use the number.")
        raise SourceError(f"There is no source {ref!r}.")

    def add(
        self,
        url: str,
        *,
        title: str | None = None,
        folder: FolderRef = None,
        site_url: str | None = None,
        kind: FeedKind | None = None,
        full_text: bool = True,
        interval_seconds: int = DEFAULT_INTERVAL,
        exist_ok: bool = False,
        allow_private: bool = False,
    ) -> Source:
        """Subscribe to a feed address as given (no network; see :func:`subscribe`).

        Folders named by path are created. An address already subscribed (in its
        canonical form) raises :class:`SourceError`, or returns the existing source
        with ``exist_ok``. ``allow_private``: see :meth:`set_allow_private`.
        """
        url = url.strip()
        if not is_http_url(url):
            raise SourceError(f"{url!r} is not an http(s) address.")
        conn = self.store.reader()
        existing = sq.source_by_key(conn, canonicalize(url))
        if existing is not None:
            if exist_ok:
                return self.get(existing)
            raise SourceError(f"Already subscribed to {url} ({self.get(existing).title}).")
        folder_id = self._folder_id(folder, create=True)
        name = " ".join((title or "").split())[:MAX_TITLE]
        with self.store.write() as wconn:
            source_id = sq.insert_source(
                wconn, url=url, title=name or url, folder_id=folder_id, now=self.clock(),
                site_url=site_url if is_http_url(site_url) else None, kind=kind,
                custom_title=False, full_text=full_text,
                interval_s=max(MIN_INTERVAL, int(interval_seconds)),
            )  # fmt: skip
            if allow_private:
                sq.update_source(wconn, source_id, allow_private=1)
        return self.get(source_id)

    def rename(self, ref: int | str, title: str) -> Source:
        source = self.get(ref)
        name = " ".join(title.split())[:MAX_TITLE]
        if not name:
            raise SourceError("A source needs a name.")
        with self.store.write() as conn:
            sq.update_source(conn, source.id, title=name, custom_title=1)
            sq.settle_source(conn, source.id)  # its articles without a site name show it
        return self.get(source.id)

    def move(self, ref: int | str, folder: FolderRef, *, position: int | None = None) -> Source:
        """Move a source to ``folder`` (None: top level), at ``position`` or at the end."""
        source = self.get(ref)
        folder_id = self._folder_id(folder, create=True)
        with self.store.write() as conn:
            siblings = [
                int(r[0])
                for r in conn.execute(
                    "SELECT id FROM sources WHERE coalesce(folder_id, 0) = ? AND id != ?"
                    " ORDER BY position, id",
                    (folder_id or 0, source.id),
                )
            ]
            at = len(siblings) if position is None else max(0, min(position, len(siblings)))
            siblings.insert(at, source.id)
            conn.executemany(
                "UPDATE sources SET position = ? WHERE id = ?",
                [(i, sid) for i, sid in enumerate(siblings)],
            )
            sq.update_source(conn, source.id, folder_id=folder_id)
        return self.get(source.id)

    def delete(self, ref: int | str) -> int:
        """Unsubscribe; returns how many entries went. Articles and saved items stay."""
        source = self.get(ref)
        with self.store.write() as conn:
            count = sq.entry_count(conn, source.id)
            conn.execute("DELETE FROM sources WHERE id = ?", (source.id,))
        return count

    def set_full_text(self, ref: int | str, on: bool) -> Source:
        source = self.get(ref)
        with self.store.write() as conn:
            sq.update_source(conn, source.id, full_text=int(on))
        return self.get(source.id)

    def set_allow_private(self, ref: int | str, on: bool) -> Source:
        """Let automatic fetches for this source (its items, their pictures, redirects,
        next pages) reach loopback and local-network addresses (``reader.core.net.reach``).

        Off by default: a feed from the internet must not make Kabar fetch
        ``http://127.0.0.1/`` or a router's page. Turning it on puts the items
        refused so far back in the queue for the next refresh.
        """
        source = self.get(ref)
        with self.store.write() as conn:
            sq.update_source(conn, source.id, allow_private=int(on))
            if on:
                sq.retry_refused(conn, source.id)
        return self.get(source.id)

    def remember_feed(
        self, source_id: int, feed: ParsedFeed, body: bytes, etag: str | None,
        last_modified: str | None,
    ) -> int:  # fmt: skip
        """Store a feed read while subscribing, so the first refresh is a 304.

        Returns how many entries it added.
        """
        import hashlib  # noqa: PLC0415 (OpenSSL: not for commands that only list)

        now = self.clock()
        with self.store.write() as conn:
            source = sq.refresh_states(conn, [source_id])[0]
            fields: dict[str, object] = {
                "kind": feed.kind, "language": feed.language, "etag": etag,
                "last_modified": last_modified,
                "content_hash": hashlib.sha256(body).hexdigest(),
                "last_checked_at": now, "last_success_at": now,
            }  # fmt: skip
            if feed.site_url:
                fields["site_url"] = feed.site_url
            if feed.title and not source.custom_title:
                fields["title"] = feed.title[:MAX_TITLE]
            sq.update_source(conn, source_id, **fields)
            new = sq.merge_entries(conn, source_id, feed.entries, now, full_text=source.full_text)
        return len(new)

    # ------------------------------------------------------------------ headlines

    def unread_counts(self) -> dict[int, int]:
        """Unread entries per source id (sources with none are absent)."""
        return sq.unread_counts(self.store.reader())

    def ids(self, source: int | str | None = None, folder: FolderRef = None) -> list[int] | None:
        """The source ids ``source`` or ``folder`` (with its subfolders) name; None: all."""
        if source is not None:
            return [self.get(source).id]
        if folder is not None:
            return [s.id for s in self.all(folder)]
        return None

    def headlines(
        self,
        source: int | str | None = None,
        *,
        folder: FolderRef = None,
        limit: int = 200,
        offset: int = 0,
        by_story: bool = False,
        unread_only: bool = False,
        oldest_first: bool = False,
    ) -> list[Headline]:
        """Entries newest (or oldest) first, each article once across sources (each story
        once with ``by_story``)."""
        return sq.headlines(
            self.store.reader(), source_ids=self.ids(source, folder), limit=limit,
            offset=offset, by_story=by_story, unread_only=unread_only, oldest_first=oldest_first,
        )  # fmt: skip

    def mark_all_read(
        self, source: int | str | None = None, *, folder: FolderRef = None
    ) -> list[str]:
        """Mark every unread item of a source (or a folder's, or all sources') read.

        Returns the identity URLs that changed; ``library.set_read_many(urls, False)``
        undoes it.
        """
        ids = self.ids(source, folder)
        with self.store.write() as conn:
            if ids is None:
                ids = [int(r[0]) for r in conn.execute("SELECT id FROM sources")]
            keys = sq.unread_keys(conn, ids)
            aq.set_read_many(conn, keys, True, self.clock())
        return keys

    # ------------------------------------------------------------------ OPML and starters

    def import_feeds(self, feeds: Iterable[OpmlFeed], *, folder: FolderRef = None) -> ImportResult:
        """Subscribe to every feed not yet followed, keeping (nested) folders.

        ``folder`` puts the whole import under one more folder. Runs as one
        transaction, so a large list imports in well under a second.
        """
        base = _path(folder) if folder is not None and not isinstance(folder, int) else ()
        now = self.clock()
        added: list[int] = []
        existing = skipped = 0
        with self.store.write() as conn:
            for feed in feeds:
                if not is_http_url(feed.url):
                    skipped += 1
                    continue
                if sq.source_by_key(conn, canonicalize(feed.url)) is not None:
                    existing += 1
                    continue
                folder_id = sq.ensure_path(conn, (*base, *feed.folder), now)
                title = " ".join((feed.title or "").split())[:MAX_TITLE] or feed.url
                added.append(
                    sq.insert_source(
                        conn,
                        url=feed.url,
                        title=title,
                        folder_id=folder_id,
                        now=now,
                        site_url=feed.site_url if is_http_url(feed.site_url) else None,
                    )
                )
        found = sq.sources(self.store.reader(), now, ids=added)
        return ImportResult(added=tuple(found), existing=existing, skipped=skipped)

    def import_opml(self, document: OpmlDocument, *, folder: FolderRef = None) -> ImportResult:
        result = self.import_feeds(document.feeds, folder=folder)
        return ImportResult(result.added, result.existing, result.skipped + document.skipped)

    def export_opml(self, title: str = "Kabar sources") -> bytes:
        """OPML 2.0 of every source, in folders (empty folders included)."""
        from reader.core.feeds import OpmlFeed, write_opml  # noqa: PLC0415 (listparser)

        feeds = [
            OpmlFeed(url=s.url, title=s.title, folder=s.folder, site_url=s.site_url)
            for s in self.all()
        ]
        return write_opml(feeds, title=title, folders=[f.path for f in self.folders()])

    def starter_sets(self) -> tuple[StarterSet, ...]:
        from reader.core.feeds import starter_sets  # noqa: PLC0415 (OPML parser)

        return starter_sets()

    def add_starter(self, languages: Iterable[str]) -> ImportResult:
        """Subscribe to the bundled starter sources of the given languages (``id``, ``en``)."""
        wanted = {code.lower() for code in languages}
        feeds = [f for s in self.starter_sets() if s.language.lower() in wanted for f in s.feeds]
        return self.import_feeds(feeds)


def subscribe(
    sources: SourceList,
    fetcher: Fetcher,
    url: str,
    *,
    folder: FolderRef = None,
    pick: int | None = None,
    title: str | None = None,
    cancel: threading.Event | None = None,
    allow_private: bool = False,
) -> Source:
    """Add a source from a feed or site address, reading the feed once.

    A site with several feeds raises :class:`NotAFeed` with the candidates
    unless ``pick`` (1-based) chooses one; no feed at all is a :class:`FeedError`.
    The feed read here seeds the source's entries and validators.
    ``allow_private`` is the source's private-address permission
    (:meth:`SourceList.set_allow_private`); it also applies to discovery's probes.
    """
    from reader.core.feeds import discover_reading  # noqa: PLC0415 (network, feed parsing)
    from reader.core.net import Reach  # noqa: PLC0415

    found = discover_reading(fetcher, url, cancel=cancel, allow_private=allow_private)
    candidates = found.candidates
    if not candidates:
        # The address's own problem (too large, nested too deep, damaged) says more.
        raise found.problem or FeedError(url, f"No feed was found at {url}.")
    if pick is not None:
        if not 1 <= pick <= len(candidates):
            raise SourceError(f"Choose a feed between 1 and {len(candidates)}.")
        chosen = candidates[pick - 1]
    elif len(candidates) == 1:
        chosen = candidates[0]
    else:
        raise NotAFeed(url, f"{url} offers {len(candidates)} feeds; choose one.", tuple(candidates))
    read = (found.result, found.feed) if found.result and found.feed else None
    # A feed the page named and the user did not pick from a list is an automatic fetch.
    named = found.page if found.page is not None and pick is None else None
    reach = Reach.named_by(named, allow_private=allow_private) if named else Reach.USER
    return _add_candidate(
        sources, fetcher, chosen, folder=folder, title=title, cancel=cancel, read=read,
        reach=reach, allow_private=allow_private,
    )  # fmt: skip


def _add_candidate(
    sources: SourceList,
    fetcher: Fetcher,
    candidate: FeedCandidate,
    *,
    folder: FolderRef,
    title: str | None,
    cancel: threading.Event | None,
    reach: Reach,
    read: tuple[FetchResult, ParsedFeed] | None = None,
    allow_private: bool = False,
) -> Source:
    """Subscribe to ``candidate``; ``read`` is the feed when discovery already fetched
    and parsed it (the address given was the feed itself)."""
    from reader.core.feeds import parse_feed  # noqa: PLC0415 (feedparser)

    if read is not None:
        result, feed = read
    else:
        result = fetcher.get(candidate.url, reach=reach, kind="feed", cancel=cancel)
        feed = parse_feed(result.body, result.final_url, result.headers)
    source = sources.add(
        candidate.url, title=title or feed.title or candidate.title, folder=folder,
        site_url=feed.site_url, kind=feed.kind, allow_private=allow_private,
    )  # fmt: skip
    if title:
        sources.rename(source.id, title)
    sources.remember_feed(
        source.id, feed, result.body, result.validators.etag, result.validators.last_modified
    )
    return sources.get(source.id)
