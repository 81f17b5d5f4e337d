"""The offline library: the Qt-free service the CLI and the window use.

Everything the user opens is stored (article, related links, pictures) and opens
from here afterwards without the network. Cached content and user state are
separate tables (see ``store/migrations/0001_library.sql``); eviction and cache
clearing touch only the cache and never a saved or starred article.

Thread-safe: call any method from any thread. Reads use a per-thread read-only
connection; writes go through the store's one writer connection, one
``BEGIN IMMEDIATE`` transaction at a time. Network work (the page, its pictures)
always happens *before* the write transaction, so a slow server never holds the
database. Pictures download on a small internal pool (4 threads) because one
article has many of them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader.core.errors import Cancelled, FetchError, NotInLibrary, StoreCorrupt, StoreError
from reader.core.models import (
    READ_LATER,
    Article,
    ArticleResult,
    ArticleState,
    CacheStats,
    CollectionInfo,
    FetchedArticle,
    Headline,
    LibraryCounts,
    Outlet,
    PruneResult,
    SaveResult,
    SearchHit,
    StoreRecovery,
    StoryInfo,
    StoryVersion,
    Validators,
)
from reader.core.paths import DataPaths
from reader.core.settings import Settings
from reader.core.settings import load as load_settings
from reader.core.settings import save as save_settings
from reader.core.store import ImageStore, Store, fulltext
from reader.core.store import articles as q
from reader.core.store import cache as cq
from reader.core.store import collections as cols
from reader.core.store import images as imagelib
from reader.core.store import search as fts_search
from reader.core.store import stories as sq
from reader.core.urls import canonicalize, is_http_url

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from reader.core.net import Fetcher, Reach
    from reader.core.page import SiteRules
    from reader.core.stories import Features

log = logging.getLogger(__name__)

#: Opened-article times are written in batches (they only order eviction).
TOUCH_BATCH = 64
#: Eviction deletes this many articles per transaction (short write locks).
EVICT_BATCH = 200
#: Articles grouped per transaction when a library is grouped after the upgrade.
GROUP_BATCH = 500
#: The setting that makes reading one telling of a story mark the whole story read.
STORY_READ_SETTING = "story_read_together"
#: Does an import put each tag and folder in a collection of its name? (else one collection)
IMPORT_TAGS_SETTING = "import_tags_as_collections"
#: Image files not in the database are removed by prune only when older than this:
#: a store in progress writes its files before its transaction commits.
ORPHAN_GRACE_SECONDS = 3600.0


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def _dt(value: float) -> datetime:
    return datetime.fromtimestamp(value, UTC)


class Library:
    """Cache-first articles, collections, read/starred state, search, eviction."""

    def __init__(
        self,
        store: Store,
        image_store: ImageStore,
        *,
        fetcher: Fetcher | Callable[[], Fetcher] | None = None,
        rules: SiteRules | Callable[[], SiteRules] | None = None,
        settings: Settings | None = None,
        settings_path: str | None = None,
        offline: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.images = image_store
        self.offline = offline
        self.clock = clock
        self._fetcher_source = fetcher
        self._rules_source = rules
        self._settings = settings or Settings()
        self._settings_path = settings_path
        self._touch_lock = threading.Lock()
        self._touched: dict[int, float] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        fetcher: Fetcher | Callable[[], Fetcher] | None = None,
        rules: SiteRules | Callable[[], SiteRules] | None = None,
        offline: bool = False,
        check: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> Library:
        """Open the library in ``paths`` (creating, upgrading or repairing it).

        ``check=True`` runs ``quick_check`` (and a rolling backup when one is due)
        before returning; the window passes False and calls :meth:`verify` in the
        background so a large library still opens in milliseconds.
        """
        store = Store.open(paths.library, paths.backups, check=check, clock=clock)
        library = cls(
            store,
            ImageStore(paths.images),
            fetcher=fetcher,
            rules=rules,
            settings=load_settings(paths.settings),
            settings_path=str(paths.settings),
            offline=offline,
            clock=clock,
        )
        if check:
            library._backup_if_due()
        return library

    @property
    def recovery(self) -> StoreRecovery | None:
        """Set when the file was damaged at start and repaired (tell the user)."""
        return self.store.recovery

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def verify(self) -> StoreRecovery | None:
        """``quick_check`` the library and the copy of user state now; repair whichever is
        damaged; back up if due. Returns any repair.

        Meant for the start of a session, before other threads use the library.
        """
        try:
            self.store.quick_check()
        except StoreCorrupt as error:
            # Only a damaged file is repaired; busy, interrupted or other failures
            # say nothing about the file and must never move it aside.
            if self.read_only:
                raise
            reason = str(error)
            old = self.store
            old.close()
            recovery = Store.repair(old.path, old.backups, old.migrations, reason, self.clock())
            self.store = Store.open(old.path, old.backups, check=True, clock=self.clock)
            self.store.recovery = recovery
            return recovery
        copy = self.store.check_copy()  # the copy of user state, checked the same way
        self._backup_if_due()
        return copy

    def _backup_if_due(self) -> None:
        if self.read_only or not self.store.backup_due() or not self._has_user_data():
            return
        try:
            self.store.make_backup()
        except StoreError as error:  # a missed backup must not stop reading
            log.warning("rolling backup skipped: %s", error)

    def _has_user_data(self) -> bool:
        conn = self.store.reader()
        return any(
            conn.execute(sql).fetchone()
            for sql in (
                "SELECT 1 FROM article_state LIMIT 1",
                "SELECT 1 FROM collection_items LIMIT 1",
                "SELECT 1 FROM collections WHERE builtin IS NULL LIMIT 1",
            )
        )

    def interrupt(self) -> None:
        """Abort long reads running on other threads (the app is quitting)."""
        self.store.interrupt()

    def close(self) -> None:
        """Flush pending read times, stop picture downloads, close the database."""
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with contextlib.suppress(StoreError):
            self._flush_touches()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing

    def _fetcher(self) -> Fetcher | None:
        source = self._fetcher_source
        if source is None or self.offline:
            return None
        fetcher = source if not callable(source) or hasattr(source, "get") else source()
        self._fetcher_source = fetcher
        return fetcher  # type: ignore[return-value]

    def _rules(self) -> SiteRules | None:
        source = self._rules_source
        if source is not None and callable(source) and not hasattr(source, "sites"):
            self._rules_source = source = source()
        return source  # type: ignore[return-value]

    def _online(self, offline: bool) -> Fetcher | None:
        if offline:
            return None
        fetcher = self._fetcher()
        return None if fetcher is None or getattr(fetcher, "offline", False) else fetcher

    def _lookup_urls(self, url: str) -> list[str]:
        canon = canonicalize(url)
        return [canon] if canon == url else [canon, url]

    def _find(self, url: str) -> int | None:
        return q.find_id(self.store.reader(), self._lookup_urls(url))

    def state_key(self, url: str) -> str:
        """The URL user state is kept under: the cached article's identity, else canonical."""
        article_id = self._find(url)
        if article_id is not None:
            key = q.key_of(self.store.reader(), article_id)
            if key:
                return key
        return canonicalize(url)

    def _result(self, stored: q.StoredArticle, *, from_cache: bool) -> ArticleResult:
        conn = self.store.reader()
        return ArticleResult(
            article=stored.article,
            from_cache=from_cache,
            fetched_at=_dt(stored.fetched_at),
            state=q.get_state(conn, stored.key),
            collections=q.collections_of(conn, stored.key),
            validators=stored.validators,
            images=stored.images,
            outlet=stored.outlet,
            sort_at=_dt(stored.sort_at),
        )

    def _touch(self, article_id: int) -> None:
        with self._touch_lock:
            self._touched[article_id] = self.clock()
            due = len(self._touched) >= TOUCH_BATCH
        if due and not self.read_only:
            with contextlib.suppress(StoreError):
                self._flush_touches()

    def _flush_touches(self) -> None:
        if not self._touched:
            return
        if self.read_only or self.store.writer is None:
            with self._touch_lock:
                self._touched = {}  # nowhere to write them
            return
        with self.store.write() as conn:
            self._flush_pending(conn)

    # ------------------------------------------------------------------ articles

    def contains(self, url: str) -> bool:
        return self._find(url) is not None

    def get(self, url: str) -> ArticleResult | None:
        """The cached article for ``url`` (no network, no bookkeeping), or None."""
        article_id = self._find(url)
        stored = None if article_id is None else q.get(self.store.reader(), article_id)
        return None if stored is None else self._result(stored, from_cache=True)

    def open_article(
        self, url: str, *, offline: bool = False, cancel: threading.Event | None = None
    ) -> ArticleResult:
        """Cache first: from the library if there, else fetched, stored and returned.

        Raises :class:`NotInLibrary` when it is not cached and we are offline.
        """
        _check(cancel)
        article_id = self._find(url)
        if article_id is not None:
            stored = q.get(self.store.reader(), article_id)
            if stored is not None:
                self._touch(article_id)
                return self._result(stored, from_cache=True)
        fetched = self._fetch(url, offline, cancel)
        result = self.store_fetched(url, fetched, cancel=cancel)
        if result.article is not None:
            article_id = self._find(url)
            if article_id is not None:
                self._touch(article_id)
        return result

    def revalidate(
        self, url: str, *, cancel: threading.Event | None = None
    ) -> ArticleResult | None:
        """Conditional GET for a cached article; the new version only if it changed.

        None when the article is not cached, we are offline, the server said
        "not modified", or the content is the same. Network errors propagate
        (the caller, usually a background task, decides whether to show them).
        """
        article_id = self._find(url)
        fetcher = self._online(False)
        if article_id is None or fetcher is None:
            return None
        conn = self.store.reader()
        stored = q.get(conn, article_id)
        if stored is None:
            return None
        from reader.core.net import Reach  # noqa: PLC0415
        from reader.core.page import fetch_article  # noqa: PLC0415

        # The reader opened this article (or refresh stored it under the policy).
        fetched = fetch_article(
            fetcher, stored.article.url or url, reach=Reach.USER, rules=self._rules(),
            validators=stored.validators, cancel=cancel,
        )  # fmt: skip
        new = fetched.article
        if new is None or q.content_hash(new) == stored.content_hash:
            with self.store.write() as wconn:
                q.mark_checked(wconn, article_id, fetched.validators, self.clock())
            return None
        return self.store_fetched(url, fetched, cancel=cancel)

    def store_fetched(
        self, requested_url: str, fetched: FetchedArticle, *, cancel: threading.Event | None = None
    ) -> ArticleResult:
        """Store what :func:`reader.core.page.multipage.fetch_article` returned (with pictures)."""
        if fetched.article is None:
            raise ValueError("nothing to store: the fetch was 'not modified'")
        from reader.core.net import Reach  # noqa: PLC0415

        return self.store_article(
            fetched.article,
            requested_url=requested_url,
            final_url=fetched.final_url,
            validators=fetched.validators,
            picture_reach=Reach.named_by(fetched),
            cancel=cancel,
        )

    def store_article(
        self,
        article: Article,
        *,
        requested_url: str | None = None,
        final_url: str | None = None,
        validators: Validators | None = None,
        images: Sequence[q.ImageRef] | None = None,
        collections: Iterable[str] = (),
        picture_reach: Reach | None = None,
        cancel: threading.Event | None = None,
        arrived: bool = False,
    ) -> ArticleResult:
        """Store ``article`` and its related links and pictures in one transaction.

        Pictures are downloaded first (unless ``images`` is given) into the
        content-addressed store, as automatic fetches under ``picture_reach``
        (``Reach.named_by`` the page's fetch result; by default named by the
        article's address as if served publicly); if anything fails before the commit, the library
        is unchanged (left-over picture files are swept by :meth:`prune`).
        ``collections`` are joined in the same transaction (created if missing),
        so the article is pinned the moment it exists: a concurrent prune can
        never evict it in between. ``arrived``: it came from a feed (refresh), so the
        reader's rules read its title and text in the same transaction.
        """
        final = final_url or article.url or requested_url or article.canonical_url
        key = canonicalize(final)
        aliases = {canonicalize(u) for u in (requested_url, final, article.url) if u}
        if _same_site(article.canonical_url, final):
            aliases.add(canonicalize(article.canonical_url))
        if images is not None:
            refs = list(images)
        else:
            refs = self._download_images(article, cancel, picture_reach or self._reach_of(final))
        _check(cancel)
        with self.store.write() as conn:
            self._flush_pending(conn)
            article_id = q.put_article(
                conn, key=key, final_url=final, aliases=aliases, article=article,
                validators=validators or Validators(), now=self.clock(), images=refs,
            )  # fmt: skip
            self.group_arrival(conn, article_id, key, article)
            self._add_items(conn, key, article, collections, create=True)
            if arrived:
                from reader.core.rules import Arrival, apply_rules  # noqa: PLC0415

                apply_rules(conn, [Arrival(key, article.title, article.text)], self.clock())
            stored = q.get(conn, article_id)
        assert stored is not None
        return self._result(stored, from_cache=False)

    def _add_items(
        self, conn: Any, key: str, article: Article, names: Iterable[str], *, create: bool
    ) -> list[str]:
        row = conn.execute("SELECT outlet FROM articles WHERE url = ?", (key,)).fetchone()
        outlet = row[0] if row else q.outlet_of(article, article.url or key)
        saved = []
        for name in dict.fromkeys(names):
            info = cols.ensure(conn, name, self.clock()) if create else cols.require(conn, name)
            cols.add_item(conn, info.id, key, title=article.title, outlet=outlet, now=self.clock())
            saved.append(info.name)
        return saved

    def _flush_pending(self, conn: object) -> None:
        with self._touch_lock:
            pending, self._touched = self._touched, {}
        if pending:
            q.touch(conn, pending)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ pictures

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

                self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kabar-images")
            return self._pool

    @staticmethod
    def _reach_of(url: str) -> Reach:
        from reader.core.net import Reach  # noqa: PLC0415

        return Reach.named_by(url)

    def _download_images(
        self, article: Article, cancel: threading.Event | None, reach: Reach
    ) -> list[q.ImageRef]:
        """The article's pictures: automatic fetches named by its page (``reach``)."""
        fetcher = self._online(False)
        urls = imagelib.wanted_images(article)
        if fetcher is None or not urls:
            return []

        def fetch(url: str) -> tuple[str, bytes] | None:
            if cancel is not None and cancel.is_set():
                return None
            try:
                result = fetcher.get(
                    url, reach=reach, kind="image", max_bytes=imagelib.MAX_IMAGE_BYTES,
                    cancel=cancel,
                )  # fmt: skip
            except (FetchError, Cancelled) as error:
                log.debug("picture %s skipped: %s", url, error)
                return None
            return (url, result.body) if not result.not_modified else None

        refs: list[q.ImageRef] = []
        total = 0
        for item in self._executor().map(fetch, urls):
            if item is None:
                continue
            url, data = item
            info = imagelib.keepable(data)
            if info is None or total + len(data) > imagelib.MAX_ARTICLE_IMAGE_BYTES:
                continue
            total += len(data)
            sha = self.images.put(data)
            refs.append(q.ImageRef(url, sha, len(data), info.mime, info.width, info.height))
        _check(cancel)
        return refs

    def image_bytes(self, url: str) -> bytes | None:
        """A stored picture by the URL the article HTML names; None if not kept.

        Never touches the network: this is what the article view's
        ``loadResource`` calls.
        """
        try:
            sha = q.image_sha(self.store.reader(), url)
        except StoreError:
            return None
        return None if sha is None else self.images.read(sha)

    # ------------------------------------------------------------------ user state

    def state(self, url: str) -> ArticleState:
        return q.get_state(self.store.reader(), self.state_key(url))

    def set_read(self, url: str, read: bool = True, *, story: bool = False) -> ArticleState:
        """Mark read or unread. ``story``: the reader read it, so with the setting on
        (:attr:`story_read_together`) the other outlets' tellings are marked read too;
        marks that come from elsewhere (sync, ``kabar mark``) touch only this article."""
        key = self.state_key(url)
        together = read and story and self.story_read_together
        others = [v.url for v in self.also_reported(key)] if together else []
        with self.store.write() as conn:
            q.set_read(conn, key, read, self.clock())
            for other in others:
                q.set_read(conn, other, True, self.clock())
        return self.state(key)

    def set_starred(self, url: str, starred: bool = True) -> ArticleState:
        key = self.state_key(url)
        with self.store.write() as conn:
            q.set_starred(conn, key, starred, self.clock())
        return self.state(key)

    def set_read_many(self, urls: Sequence[str], read: bool = True) -> int:
        """Set the read mark of many articles at once, by their identity URLs (as
        :meth:`mark_all_read` returns them: undoing one is ``set_read_many(urls, False)``)."""
        with self.store.write() as conn:
            q.set_read_many(conn, list(urls), read, self.clock())
        return len(urls)

    def mark_all_read(
        self, *, collection: str | None = None, starred_only: bool = False
    ) -> list[str]:
        """Mark every unread article of the library (or its starred, or a collection) read.

        Returns the identity URLs that changed, so the caller can undo exactly that.
        """
        with self.store.write() as conn:
            collection_id = cols.require(conn, collection).id if collection else None
            keys = q.unread_keys(conn, starred_only=starred_only, collection_id=collection_id)
            q.set_read_many(conn, keys, True, self.clock())
        return keys

    def set_note(self, url: str, note: str | None) -> ArticleState:
        key = self.state_key(url)
        with self.store.write() as conn:
            q.set_note(conn, key, note)
        return self.state(key)

    # ------------------------------------------------------------------ collections

    def collections(self) -> list[CollectionInfo]:
        """Every collection, "Read later" first, with item counts."""
        return cols.all_collections(self.store.reader())

    def collection(self, name: str) -> CollectionInfo:
        return cols.require(self.store.reader(), name)

    def create_collection(self, name: str) -> CollectionInfo:
        with self.store.write() as conn:
            return cols.create(conn, name, self.clock())

    def rename_collection(self, name: str, new_name: str) -> CollectionInfo:
        with self.store.write() as conn:
            return cols.rename(conn, name, new_name)

    def delete_collection(self, name: str) -> int:
        """Delete a collection (the UI asks first); returns how many items it held.

        The articles stay in the cache, unpinned unless saved elsewhere or starred.
        """
        with self.store.write() as conn:
            return cols.delete(conn, name)

    def save_to_collection(
        self,
        url: str,
        names: Iterable[str] = (READ_LATER,),
        *,
        offline: bool = False,
        create: bool = True,
        cancel: threading.Event | None = None,
    ) -> SaveResult:
        """Save an article to one or more collections, fetching it first if needed.

        A saved article is pinned: complete offline (text and pictures) and never
        evicted. Missing collections are created when ``create`` is true.
        """
        wanted = [n for n in dict.fromkeys(names) if n.strip()] or [READ_LATER]
        for _attempt in range(3):
            result = self.get(url)
            if result is None:
                return self._fetch_and_save(url, wanted, offline=offline, cancel=cancel)
            if result.images == 0 and self._online(offline) is not None:
                result = self._complete_pictures(url, result, cancel)
            with self.store.write() as conn:
                article_id = q.find_id(conn, self._lookup_urls(url))
                if article_id is None:  # evicted since we looked: go round again
                    continue
                key = q.key_of(conn, article_id) or canonicalize(url)
                saved = self._add_items(conn, key, result.article, wanted, create=create)
            return SaveResult(
                url=key, title=result.article.title, collections=tuple(saved), fetched=False
            )
        raise NotInLibrary(url)

    def _fetch(self, url: str, offline: bool, cancel: threading.Event | None) -> FetchedArticle:
        """Fetch (all pages of) an article; :class:`NotInLibrary` when offline."""
        fetcher = self._online(offline)
        if fetcher is None:
            raise NotInLibrary(url)
        from reader.core.net import Reach  # noqa: PLC0415
        from reader.core.page import fetch_article  # noqa: PLC0415 (heavy: lxml, readability)

        fetched = fetch_article(fetcher, url, reach=Reach.USER, rules=self._rules(), cancel=cancel)
        if fetched.article is None:  # a 304 to a request without validators: a broken server
            raise FetchError(url, f"The server did not send {url} (not modified).")
        return fetched

    def _fetch_and_save(
        self, url: str, names: list[str], *, offline: bool, cancel: threading.Event | None
    ) -> SaveResult:
        """Fetch an article and store it already saved in ``names`` (one transaction)."""
        page = self._fetch(url, offline, cancel)
        assert page.article is not None
        from reader.core.net import Reach  # noqa: PLC0415

        stored = self.store_article(
            page.article, requested_url=url, final_url=page.final_url,
            validators=page.validators, collections=names, picture_reach=Reach.named_by(page),
            cancel=cancel,
        )  # fmt: skip
        conn = self.store.reader()
        return SaveResult(
            url=self.state_key(url), title=stored.article.title,
            collections=tuple(cols.require(conn, n).name for n in names), fetched=True,
        )  # fmt: skip

    def _complete_pictures(
        self, url: str, result: ArticleResult, cancel: threading.Event | None
    ) -> ArticleResult:
        """Download the pictures of an article stored without them (before pinning it)."""
        refs = self._download_images(
            result.article, cancel, self._reach_of(result.article.url or url)
        )
        article_id = self._find(url)
        if not refs or article_id is None:
            return result
        with self.store.write() as conn:
            q.link_images(conn, article_id, refs, self.clock())
        return self.get(url) or result

    def keep_for_later(self, url: str, title: str = "", name: str = READ_LATER) -> SaveResult:
        """Save a link that cannot be fetched now (offline) with the title Kabar knows.

        The collection item waits, complete enough to list; :meth:`fetch_saved`
        brings its article home once the network is back.
        """
        key = self.state_key(url)
        with self.store.write() as conn:
            info = cols.ensure(conn, name, self.clock())
            outlet = q.named_host(q.host_of(key))
            cols.add_item(conn, info.id, key, title=title or key, outlet=outlet, now=self.clock())
        return SaveResult(url=key, title=title or key, collections=(info.name,), fetched=False)

    def fetch_saved(self, url: str, *, cancel: threading.Event | None = None) -> SaveResult:
        """Fetch a link saved by :meth:`keep_for_later`; its collection entries move to the
        article's own address if the page lives elsewhere (a redirect)."""
        waiting = self.state_key(url)
        names = list(q.collections_of(self.store.reader(), waiting)) or [READ_LATER]
        result = self.save_to_collection(url, names, cancel=cancel)
        if result.url != waiting:
            with self.store.write() as conn:
                for name in names:
                    cols.remove_item(conn, cols.require(conn, name).id, waiting)
        return result

    def remove_from_collection(self, url: str, name: str) -> bool:
        key = self.state_key(url)
        with self.store.write() as conn:
            return cols.remove_item(conn, cols.require(conn, name).id, key)

    # ------------------------------------------------------------------ stories

    def group_arrival(
        self, conn: Any, article_id: int, key: str, article: Article, at: float | None = None
    ) -> None:
        """The one grouping step of every arrival path (refresh, open, sync, import).

        Call it right after ``put_article``, inside the same transaction; ``at`` is when it
        arrived (now by default), standing in for a missing date. An article already in a
        story stays there (a re-fetch never regroups); the reader's split or merge for its
        URL is honoured before any similarity.
        """
        from reader.core.stories import StoryIndex  # noqa: PLC0415 (lazy face)

        if sq.story_of(conn, article_id) is not None:
            return
        feats = _features(
            article.title, article.description, article.text, article.published,
            self.clock() if at is None else at,
        )  # fmt: skip
        index = StoryIndex(conn)
        decision = index.add(article_id, feats)
        chosen = sq.choice(conn, key)
        if chosen is None:
            return
        kind, other = chosen
        target = None
        if kind == "with" and other:
            other_id = q.find_id(conn, [other])
            target = None if other_id is None else sq.story_of(conn, other_id)
        if kind == "with" and target is None:  # the other telling is not in the library
            return
        if target == decision.story_id or (kind == "alone" and decision.new):
            return
        self._move(conn, index, [article_id], decision.story_id, target)

    def _move(
        self, conn: Any, index: Any, article_ids: list[int], source: int, target: int | None
    ) -> int:
        """Move articles from story ``source`` to ``target`` (a new story when None)."""
        moving = set(article_ids)
        staying = [a for a in sq.member_ids(conn, source) if a not in moving]
        if target is None:
            target = index.new_story_id()
        joined = sorted(set(sq.member_ids(conn, target)) | moving)
        texts = {t.article_id: t for t in sq.texts(conn, sorted(set(staying) | set(joined)))}

        def features_of(article_id: int) -> Features:
            t = texts[article_id]
            return _features(t.title, t.description, t.text, t.published, t.fetched_at)

        index.regroup({source: staying, target: joined}, features_of)
        return int(target)

    def group_pending(
        self, *, limit: int | None = None, cancel: threading.Event | None = None
    ) -> int:
        """Group stored articles that are in no story yet (a library from before stories).

        Publication order, :data:`GROUP_BATCH` per transaction; returns how many were grouped.
        """
        from reader.core.stories import StoryIndex  # noqa: PLC0415 (lazy face)

        done = 0
        after: tuple[float, int] | None = None
        while limit is None or done < limit:
            _check(cancel)
            batch = GROUP_BATCH if limit is None else min(GROUP_BATCH, limit - done)
            pending = sq.ungrouped(self.store.reader(), batch, after)
            if not pending and after is not None:  # once more from the start: late arrivals
                after = None
                pending = sq.ungrouped(self.store.reader(), batch)
            if not pending:
                break
            after = (pending[-1].sort_at, pending[-1].article_id)
            feats = [
                _features(t.title, t.description, t.text, t.published, t.fetched_at)
                for t in pending
            ]
            with self.store.write() as conn:
                index = StoryIndex(conn)
                for t, f in zip(pending, feats, strict=True):
                    if sq.story_of(conn, t.article_id) is None:
                        index.add(t.article_id, f, flush=False)
                index.flush()
            done += len(pending)
        return done

    def story_versions(self, url: str) -> list[StoryVersion]:
        """Every telling of the story ``url`` belongs to, earliest first (itself included)."""
        conn = self.store.reader()
        article_id = self._find(url)
        story = None if article_id is None else sq.story_of(conn, article_id)
        return [] if story is None else sq.versions(conn, story)

    def also_reported(self, url: str) -> list[StoryVersion]:
        """The other outlets' tellings of this article's story ("Also reported by")."""
        key = self.state_key(url)
        return [v for v in self.story_versions(url) if v.url != key]

    def stories(self, *, limit: int = 50, min_outlets: int = 1) -> list[StoryInfo]:
        """Recent stories with their outlets, the latest told first."""
        return sq.recent(self.store.reader(), limit=limit, min_outlets=min_outlets)

    def split_story(self, url: str) -> int:
        """Take ``url``'s article out of its story (kept across refreshes); its new story id."""
        from reader.core.stories import StoryIndex  # noqa: PLC0415 (lazy face)

        key = self.state_key(url)
        with self.store.write() as conn:
            article_id = q.find_id(conn, self._lookup_urls(url))
            story = None if article_id is None else sq.story_of(conn, article_id)
            if article_id is None or story is None:
                raise NotInLibrary(url)
            sq.set_choice(conn, key, "alone", None, self.clock())
            if sq.member_ids(conn, story) == [article_id]:
                return story
            return self._move(conn, StoryIndex(conn), [article_id], story, None)

    def merge_stories(self, url: str, into_url: str) -> int:
        """Put ``url``'s whole story into ``into_url``'s (kept across refreshes); the story id."""
        from reader.core.stories import StoryIndex  # noqa: PLC0415 (lazy face)

        into_key = self.state_key(into_url)
        with self.store.write() as conn:
            source_id = q.find_id(conn, self._lookup_urls(url))
            target_id = q.find_id(conn, self._lookup_urls(into_url))
            if source_id is None:
                raise NotInLibrary(url)
            if target_id is None:
                raise NotInLibrary(into_url)
            source, target = sq.story_of(conn, source_id), sq.story_of(conn, target_id)
            if source is None or target is None:
                raise NotInLibrary(url if source is None else into_url)
            if source == target:
                return target
            moving = sq.member_ids(conn, source)
            for member in sq.texts(conn, moving):
                sq.set_choice(conn, member.url, "with", into_key, self.clock())
            return self._move(conn, StoryIndex(conn), moving, source, target)

    # ------------------------------------------------------------------ lists, search

    def headlines(
        self,
        *,
        collection: str | None = None,
        source: str | None = None,
        unread_only: bool = False,
        starred_only: bool = False,
        after: Headline | None = None,
        limit: int = 200,
        offset: int = 0,
        by_story: bool = False,
        oldest_first: bool = False,
    ) -> list[Headline]:
        """Newest first; in a collection, most recently saved first (``oldest_first``
        turns either round).

        Page with ``after=last_headline_of_previous_page`` (keyset: stable and fast
        however deep) or with ``offset``. ``by_story`` lists each story once (its earliest
        telling, with ``story_outlets`` saying how many outlets told it).
        """
        conn = self.store.reader()
        if collection is not None:
            info = cols.require(conn, collection)
            return cols.items(
                conn, info.id, unread_only=unread_only, starred_only=starred_only,
                after=after, limit=limit, offset=offset, oldest_first=oldest_first,
            )  # fmt: skip
        return q.headlines(
            conn, source=source, unread_only=unread_only, starred_only=starred_only,
            after=after, limit=limit, offset=offset, by_story=by_story,
            oldest_first=oldest_first,
        )  # fmt: skip

    def outlet_names(self, urls: Iterable[str]) -> dict[str, str]:
        """The outlet name the library's lists use for each address's site, where known.

        Related links name their outlet as the linking page wrote it ("NusaKini");
        the lists call it by its own site name ("NusaKini.com"): one name everywhere.
        """
        conn = self.store.reader()
        names: dict[str, str] = {}
        by_origin: dict[str, str | None] = {}
        for url in urls:
            parts = urlsplit(canonicalize(url))
            origin = f"{parts.scheme}://{parts.netloc}/"
            if origin not in by_origin:
                by_origin[origin] = q.outlet_at(conn, origin)
            if by_origin[origin]:
                names[url] = by_origin[origin]  # type: ignore[assignment]
        return names

    def counts(self) -> LibraryCounts:
        return LibraryCounts(*q.counts(self.store.reader()))

    def outlets(self) -> list[Outlet]:
        return [Outlet(name, host, n) for name, host, n in q.outlets(self.store.reader())]

    def search(
        self,
        query: str,
        *,
        source: str | None = None,
        collection: str | None = None,
        source_ids: Sequence[int] | None = None,
        unread_only: bool = False,
        starred_only: bool = False,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Full-text search (title, outlet, body), best first, with highlighted snippets.

        Narrowed to an outlet (``source``: name or host), a collection, the articles
        some subscriptions list (``source_ids``), or the unread or starred ones. Hits
        telling the same story are shown once (the best-ranked, with ``story_size``), so
        ``limit`` and ``offset`` count stories: a page is full whenever more exist, and a
        story on one page never comes back on the next.
        """
        conn = self.store.reader()
        collection_id = cols.require(conn, collection).id if collection else None
        wanted, chunk = offset + limit, max(offset + limit, 50)
        found: list[SearchHit] = []
        seen: set[int] = set()
        start = 0
        while len(found) < wanted:
            hits = fts_search(
                conn, query, source=source, collection_id=collection_id, source_ids=source_ids,
                unread_only=unread_only, starred_only=starred_only, limit=chunk, offset=start,
            )  # fmt: skip
            stories = sq.stories_of_urls(conn, [h.url for h in hits])
            found += _one_per_story(hits, stories, seen)
            if len(hits) < chunk:
                break
            start += chunk
        return found[offset:wanted]

    def search_count(
        self,
        query: str,
        *,
        collection: str | None = None,
        source_ids: Sequence[int] | None = None,
        unread_only: bool = False,
        starred_only: bool = False,
        cap: int = 1000,
    ) -> int:
        """How many articles :meth:`search` finds with the same narrowing (at most ``cap``
        + 1, meaning "more than ``cap``")."""
        conn = self.store.reader()
        collection_id = cols.require(conn, collection).id if collection else None
        return fulltext.count(
            conn, query, collection_id=collection_id, source_ids=source_ids,
            unread_only=unread_only, starred_only=starred_only, cap=cap,
        )  # fmt: skip

    # ------------------------------------------------------------------ cache

    @property
    def settings(self) -> Settings:
        return self._settings

    def set_cache_budget(self, budget_bytes: int) -> None:
        self._save_setting(cache_budget_bytes=int(budget_bytes))

    @property
    def story_read_together(self) -> bool:
        """Does reading one telling of a story mark the whole story read? (default: yes)"""
        return bool(self._settings.get(STORY_READ_SETTING, True))

    def set_story_read_together(self, together: bool) -> None:
        self._save_setting(**{STORY_READ_SETTING: bool(together)})

    @property
    def import_tags_as_collections(self) -> bool:
        """Do an import's tags and folders become collections? (default: yes)"""
        return self._settings.get(IMPORT_TAGS_SETTING, True) is not False

    def set_import_tags_as_collections(self, by_tags: bool) -> None:
        self._save_setting(**{IMPORT_TAGS_SETTING: bool(by_tags)})

    def _save_setting(self, **changes: object) -> None:
        self._settings = self._settings.replace(**changes)
        if self._settings_path:
            from pathlib import Path  # noqa: PLC0415

            save_settings(Path(self._settings_path), self._settings)

    def cache_stats(self) -> CacheStats:
        conn = self.store.reader()
        totals = cq.totals(conn)
        return CacheStats(
            articles=totals.articles,
            pinned_articles=totals.pinned_articles,
            images=totals.images,
            article_bytes=totals.article_bytes,
            image_bytes=totals.image_bytes,
            cache_bytes=totals.cache_bytes,
            budget_bytes=self._settings.cache_budget_bytes,
            file_bytes=self.store.file_bytes(),
            collections=len(cols.all_collections(conn)),
            starred=cq.starred_count(conn),
        )

    def prune(self, budget: int | None = None) -> PruneResult:
        """Evict least-recently-read cached articles until the cache fits ``budget``.

        Saved (in any collection) and starred articles are never evicted; user
        state is never touched. Also removes pictures no article uses and picture
        files the database does not know, then returns free pages to the disk.
        """
        limit = self._settings.cache_budget_bytes if budget is None else max(0, int(budget))
        before = cq.totals(self.store.reader()).cache_bytes
        cache = before
        evicted = images = 0
        while True:
            with self.store.write() as conn:
                self._flush_pending(conn)
                chosen: list[int] = []
                if cache > limit:
                    for article_id, size in cq.candidates(conn, EVICT_BATCH):
                        if cache <= limit:
                            break
                        chosen.append(article_id)
                        cache -= size
                    cq.delete_articles(conn, chosen)
                orphans = cq.drop_orphan_images(conn)
            for sha, _ in orphans:  # after the commit: a crash leaves files, never dangling rows
                self.images.delete(sha)
            images += len(orphans)
            evicted += len(chosen)
            if not chosen or cache <= limit:
                break
        self._sweep_files()
        self._reclaim()
        after = cq.totals(self.store.reader())
        return PruneResult(
            evicted_articles=evicted,
            evicted_images=images,
            freed_bytes=max(0, before - after.cache_bytes),
            cache_bytes=after.cache_bytes,
            budget_bytes=limit,
            over_budget=after.cache_bytes > limit,
        )

    def _sweep_files(self) -> None:
        known = cq.known_images(self.store.reader())
        cutoff = time.time() - ORPHAN_GRACE_SECONDS
        for sha, path in self.images.files():
            if sha in known:
                continue
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

    def _reclaim(self) -> None:
        writer = self.store.writer
        if writer is None:
            return
        with contextlib.suppress(Exception), self.store._lock:  # best effort
            cq.reclaim(writer)


def _one_per_story(
    hits: list[SearchHit], stories: dict[str, tuple[int, int]], seen: set[int]
) -> list[SearchHit]:
    """The hits whose story is not in ``seen`` yet (which they join), with its size."""
    out = []
    for hit in hits:
        story = stories.get(hit.url)
        if story is None:
            out.append(hit)
        elif story[0] not in seen:
            seen.add(story[0])
            out.append(dataclasses.replace(hit, story=story[0], story_size=story[1]))
    return out


def _features(
    title: str | None, lead: str | None, text: str | None, published: str | None, at: float
) -> Features:
    from reader.core.stories import features  # noqa: PLC0415 (lazy face)

    return features(title, lead, text, published, at)


def _same_site(canonical: str | None, final: str) -> bool:
    """Use the page's canonical URL as an alias only when it is a real article URL
    on the same host (some sites put their home page there)."""
    if not canonical or not is_http_url(canonical):
        return False

    a, b = urlsplit(canonical), urlsplit(final)
    return (a.hostname or "") == (b.hostname or "") and a.path.strip("/") != ""
