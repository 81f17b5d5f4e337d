"""Accounts and two-way sync with a Google Reader API server: the service the CLI, the
refresh child and the window share.

One sync, in the order server authors ask of clients:

1. **Read the server** (a handful of GETs, whatever the number of feeds): the subscription
   list, the label list, the ids of unread items, of starred items and of each label
   (capped at :data:`ID_CAP`), then contents only for ids Kabar does not have yet (POSTs
   of :data:`~.protocol.CONTENTS_BATCH` ids).
2. **Compare three states** per subscription, flag and label: the server now, the library
   now, and the base both agreed on at the last sync (``0003_sync.sql``). A change on one
   side is carried to the other. When both sides changed the same flag the later change
   wins: the reader's changes are dated (queued by triggers), the server's are not (the
   API has no such dates), so a server change is dated at the last sync, the earliest it
   can have been made, and a change made here since then wins.
3. **Send Kabar's changes** (subscribe/unsubscribe/edit, one ``edit-tag`` per flag and
   value for all items at once).
4. **Apply the server's changes and the new base in one transaction.** A sync killed at
   any point leaves the library as it was or fully updated, never half; what was already
   sent is found equal on both sides next time, and the next sync completes the rest.

Nothing is deleted because the server stopped listing it: an item that is no longer unread
or starred there is marked read here; its entry, its article and its collections stay.
Items arrive as feed entries (the server's content as the summary) and the refresh that
follows fetches and cleans each full article and its pictures, as for Kabar's own feeds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.core.errors import Cancelled, HTTPStatus, SyncAuthError, SyncError
from reader.core.models import READ_LATER, ParsedEntry
from reader.core.rules import apply_rules, feed_arrivals
from reader.core.store import articles as q
from reader.core.store import collections as cols
from reader.core.store import sources as sq
from reader.core.store import syncstate as ss
from reader.core.sync.discover import find_api
from reader.core.sync.ids import wire_id
from reader.core.sync.protocol import (
    READ,
    READING_LIST,
    STARRED,
    AppPair,
    Counter,
    GReaderClient,
    RemoteFeed,
    RemoteItem,
    RemoteTag,
)
from reader.core.sync.secrets import TokenStore
from reader.core.urls import canonicalize, is_http_url

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.net import Fetcher
    from reader.core.sources import SourceList

log = logging.getLogger(__name__)

#: At most this many ids are read per list (unread, starred, each label). An item beyond
#: it is treated as read there: keep it above the unread count a reader lets pile up.
ID_CAP = 20_000
LABEL = "user/-/label/"
SUMMARY_CHARS = 1000

ProgressCallback = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Account:
    """A sync account as the reader sees it (no secret in it: safe to print and log)."""

    name: str
    server: str
    username: str
    token_store: str
    created_at: datetime
    synced_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    pending_changes: int = 0
    #: The application id sent with every request (Inoreader); its key is never here.
    app_id: str | None = None


@dataclass
class SyncReport:
    """What one sync did; ``requests`` counts the HTTP requests it made."""

    account: str
    requests: int = 0
    seconds: float = 0.0
    feeds_added_here: int = 0
    feeds_removed_here: int = 0
    feeds_changed_here: int = 0
    feeds_added_there: int = 0
    feeds_removed_there: int = 0
    feeds_changed_there: int = 0
    new_items: int = 0
    flags_here: int = 0
    flags_there: int = 0
    labels_here: int = 0
    labels_there: int = 0
    unread: int = 0
    starred: int = 0
    requests_by_path: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [_count(self.new_items, "new item")]
        here = self.flags_here + self.labels_here
        there = self.flags_there + self.labels_there
        if here or there:
            parts.append(f"{_count(here, 'mark')} taken from the server, {there} sent")
        feeds_here = self.feeds_added_here + self.feeds_removed_here + self.feeds_changed_here
        feeds_there = self.feeds_added_there + self.feeds_removed_there + self.feeds_changed_there
        if feeds_here or feeds_there:
            parts.append(f"{_count(feeds_here, 'subscription change')} taken, {feeds_there} sent")
        text = (
            f"Synced with {self.account}: " + "; ".join(parts)
            + f" ({_count(self.requests, 'request')}, {self.seconds:.1f} s)."
        )  # fmt: skip
        return " ".join([text, *self.problems])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _dt(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def _account(row: ss.AccountRow, pending: int) -> Account:
    return Account(
        name=row.name, server=row.api_url, username=row.username, token_store=row.token_store,
        created_at=datetime.fromtimestamp(row.created_at, UTC), synced_at=_dt(row.synced_at),
        last_error=row.last_error, last_error_at=_dt(row.last_error_at),
        pending_changes=pending, app_id=row.app_id,
    )  # fmt: skip


def account_name(user: str, api_url: str) -> str:
    parts = urlsplit(api_url)
    host = parts.hostname or api_url
    return f"{user}@{host}" + (f":{parts.port}" if parts.port else "")


def _folder_label(path: Iterable[str]) -> str:
    return "/".join(path)


def _folder_path(label: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in label.split("/") if p.strip())


def _at(change: ss.Change | None) -> float | None:
    return None if change is None else change.changed_at


def _resolve(
    base: bool, remote: bool, local: bool, touched_at: float | None, base_at: float
) -> bool:
    """The value both sides get (see the module docstring: the later change wins)."""
    local_changed = touched_at is not None or local != base
    remote_changed = remote != base
    if local_changed and remote_changed:
        return local if (touched_at if touched_at is not None else base_at) > base_at else remote
    if local_changed:
        return local
    return remote


class SyncService:
    """Accounts (one per library) and sync, over the library, its sources and the fetcher."""

    def __init__(
        self,
        library: Library,
        sources: SourceList,
        fetcher: Fetcher | Callable[[], Fetcher],
        tokens: TokenStore,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.library = library
        self.sources = sources
        self._fetcher = fetcher
        self.tokens = tokens
        self.clock = clock

    @property
    def fetcher(self) -> Fetcher:
        source = self._fetcher
        if callable(source) and not hasattr(source, "get"):
            self._fetcher = source = source()
        return source  # type: ignore[return-value]

    # ------------------------------------------------------------------ accounts

    def accounts(self) -> list[Account]:
        conn = self.library.store.reader()
        pending = ss.pending_count(conn)
        return [_account(row, pending) for row in ss.accounts(conn)]

    def account(self) -> Account | None:
        found = self.accounts()
        return found[0] if found else None

    def add_account(
        self,
        url: str,
        user: str,
        password: str,
        *,
        app_id: str | None = None,
        app_key: str | None = None,
        cancel: threading.Event | None = None,
    ) -> Account:
        """Find the API at ``url``, log in, keep the token (never the password).

        ``app_id``/``app_key``: the application pair a server such as Inoreader wants on
        every request. Logging in again with the account's ``app_id`` and no key keeps
        the key already kept; the key is kept like the token.
        """
        user = user.strip()
        app_id = (app_id or "").strip() or None
        app_key = (app_key or "").strip() or None
        if not user or not password:
            raise SyncError("An account needs a user name and a password.")
        existing = self.account()
        if existing is not None and existing.username != user:
            raise SyncError(
                f"Kabar already syncs with {existing.name}; remove that account first "
                "(one library syncs with one server)."
            )
        if app_key and not app_id:
            raise SyncError("An AppKey goes with its AppId: give both (--app-id).")
        if app_id and not app_key and existing is not None and existing.app_id == app_id:
            row = ss.accounts(self.library.store.reader())[0]
            app_key = self.tokens.load_app_key(row.name, row.token_store)  # type: ignore[arg-type]
        if app_id and not app_key:
            raise SyncError(f"The AppId {app_id} needs its AppKey (--app-key-stdin).")
        app = AppPair(app_id, app_key) if app_id and app_key else None
        base, auth = find_api(self.fetcher, url, user, password, app=app, cancel=cancel)
        name = account_name(user, base)
        if existing is not None and existing.name != name:
            raise SyncError(f"Kabar already syncs with {existing.name}; remove it first.")
        where = self.tokens.save(name, auth)
        if app is not None:
            self.tokens.save_app_key(name, app.app_key)
        else:
            self.tokens.delete_app_key(name)
        with self.library.store.write() as conn:
            rows = {row.name: row for row in ss.accounts(conn)}
            if name in rows:  # logging in again: a new token for the same account
                ss.update_login(conn, rows[name].id, api_url=base, token_store=where, app_id=app_id)
            else:
                ss.insert_account(
                    conn, name=name, api_url=base, username=user, token_store=where,
                    now=self.clock(), app_id=app_id,
                )  # fmt: skip
        log.info("account %s added (token kept in the %s)", name, where)
        found = self.account()
        assert found is not None
        return found

    def remove_account(self, name: str | None = None) -> Account:
        """Forget the account, its token and the sync base; the library keeps everything."""
        found = self.account()
        if found is None or (name is not None and name not in (found.name, found.username)):
            raise SyncError(f"There is no account {name!r}." if name else "There is no account.")
        self.tokens.delete(found.name)
        with self.library.store.write() as conn:
            for row in ss.accounts(conn):
                if row.name == found.name:
                    ss.delete_account(conn, row.id)
        return found

    def synced_sources(self) -> set[int]:
        """Sources the server reads for Kabar (a refresh does not poll their feeds)."""
        return ss.synced_source_ids(self.library.store.reader())

    # ------------------------------------------------------------------ sync

    def sync(
        self,
        *,
        cancel: threading.Event | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> SyncReport:
        """One two-way sync (see the module docstring). Raises :class:`SyncError`
        (including :class:`SyncAuthError`), a ``FetchError`` when the server cannot be
        reached, or ``Cancelled``; the library is unchanged in every such case."""
        conn = self.library.store.reader()
        rows = ss.accounts(conn)
        if not rows:
            raise SyncError("There is no sync account; add one with: kabar account add URL")
        row = rows[0]
        auth = self.tokens.load(row.name, row.token_store)  # type: ignore[arg-type]
        if auth is None:
            raise SyncAuthError(
                f"Kabar has no login for {row.name} any more (the {row.token_store} holding it "
                "was cleared); add the account again."
            )
        app = None
        if row.app_id:
            key = self.tokens.load_app_key(row.name, row.token_store)  # type: ignore[arg-type]
            if key is None:
                raise SyncAuthError(
                    f"Kabar has no AppKey for {row.name} any more (the {row.token_store} "
                    "holding it was cleared); add the account again."
                )
            app = AppPair(row.app_id, key)
        started = time.monotonic()
        counter = Counter()
        client = GReaderClient(
            self.fetcher, row.api_url, auth, app=app, cancel=cancel, counter=counter
        )
        run = _Run(self, row, client, cancel, on_progress or (lambda _text: None))
        try:
            report = run.go()
        except (Cancelled, KeyboardInterrupt):
            raise
        except Exception as error:
            message = str(error) or type(error).__name__
            try:
                with self.library.store.write() as wconn:
                    ss.record_result(wconn, row.id, self.clock(), error=message)
            except Exception:  # recording the error must not hide it
                log.debug("could not record the sync error", exc_info=True)
            raise
        report.requests = counter.requests
        report.requests_by_path = dict(counter.by_path)
        report.seconds = time.monotonic() - started
        log.info("%s", report.summary())
        return report


@dataclass
class _Plan:
    """What one sync will change here (applied in one transaction)."""

    add_sources: list[RemoteFeed] = field(default_factory=list)
    delete_sources: list[int] = field(default_factory=list)
    rename_sources: list[tuple[int, str]] = field(default_factory=list)
    move_sources: list[tuple[int, str]] = field(default_factory=list)
    feed_base: dict[str, ss.FeedBase] = field(default_factory=dict)
    #: state key -> (read, starred) to write here
    flags: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    saves: list[tuple[str, str]] = field(default_factory=list)  # (collection, state key)
    unsaves: list[tuple[str, str]] = field(default_factory=list)
    delete_collections: list[str] = field(default_factory=list)


class _Run:
    """One sync in progress (not thread-safe; one at a time per library)."""

    def __init__(
        self,
        service: SyncService,
        row: ss.AccountRow,
        client: GReaderClient,
        cancel: threading.Event | None,
        progress: ProgressCallback,
    ) -> None:
        self.service = service
        self.row = row
        self.client = client
        self.cancel = cancel
        self.progress = progress
        self.store = service.library.store
        self.report = SyncReport(account=row.name)
        self.plan = _Plan()
        self.base_at = row.synced_at if row.synced_at is not None else 0.0

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()

    # ------------------------------------------------------------------ the steps

    def go(self) -> SyncReport:
        client = self.client
        self.progress(f"Syncing with {self.row.name}: subscriptions")
        remote_feeds = client.subscriptions()
        tags = client.tags()
        self.check()
        self.progress(f"Syncing with {self.row.name}: unread and starred items")
        unread = client.item_ids(READING_LIST, exclude=READ, cap=ID_CAP)
        starred = client.item_ids(STARRED, cap=ID_CAP)
        if unread is None or starred is None:
            raise SyncError(
                f"The server at {self.row.name} does not list item ids (stream/items/ids); "
                "Kabar cannot sync read and starred marks with it."
            )
        labels = self._read_labels(tags)
        self.check()
        conn = self.store.reader()
        up_to, changes = ss.changes(conn)
        self._subscriptions(conn, remote_feeds)
        base_items = ss.items(conn, self.row.id)
        unread_set, starred_set = set(unread), set(starred)
        wanted = unread_set | starred_set | {k for keys in (labels or {}).values() for k in keys}
        # Items known from an earlier sync whose entry is gone (the library was rebuilt
        # from its user-state copy, which keeps no feed cache) are asked for again.
        self.refill = ss.items_without_entries(conn, self.row.id) & wanted
        missing = [
            k
            for k in dict.fromkeys([*unread, *starred, *wanted])
            if k not in base_items or k in self.refill
        ]
        if missing:
            self.progress(f"Syncing with {self.row.name}: {len(missing)} new items")
        fetched = client.contents(missing) if missing else []
        # Items the server has no contents or no link for are remembered without an
        # article (never asked for again, at every sync, for nothing).
        answered = {item.key for item in fetched if is_http_url(item.url)}
        self.unusable = [
            ss.ItemBase(key, "", None, key not in unread_set, key in starred_set)
            for key in missing
            if key not in base_items and key not in answered
        ]
        self.check()
        items = self._items(conn, base_items, fetched, unread_set, starred_set, labels, changes)
        self._push_flags()
        self._push_subscriptions()
        self.progress(f"Syncing with {self.row.name}: saving")
        self.check()
        self._apply(items, fetched, labels, up_to)
        self.report.unread = len(unread)
        self.report.starred = len(starred)
        return self.report

    def _read_labels(self, tags: list[RemoteTag] | None) -> dict[str, set[str]] | None:
        """Item ids per label the server calls a tag; None when it has no tags at all
        (Miniflux: categories only), and then collections are not synced."""
        if tags is None or (tags and not any(t.kind is not None for t in tags)):
            return None
        names = [t.name for t in tags if t.kind == "tag"]
        found: dict[str, set[str]] = {}
        for name in names:
            ids = self.client.item_ids(LABEL + name, cap=ID_CAP)
            if ids is not None:
                found[name] = set(ids)
        return found

    # ------------------------------------------------------------------ subscriptions

    def _subscriptions(self, conn: ss.Connection, remote: list[RemoteFeed]) -> None:
        plan, report = self.plan, self.report
        base = {b.stream_id: b for b in ss.feeds(conn, self.row.id)}
        local = {s.id: s for s in sq.sources(conn, self.service.clock())}
        local_by_key = {canonicalize(s.url): s for s in local.values()}
        linked: set[int] = set()
        self.subscribe_there: list[tuple[str, str, str]] = []  # (url, title, folder)
        self.unsubscribe_there: list[str] = []
        self.edits_there: list[tuple[str, str | None, str | None, str | None]] = []
        remote_streams = {r.stream_id for r in remote}
        for feed in remote:
            key = canonicalize(feed.url)
            folder = feed.folders[0] if feed.folders else ""
            old = base.get(feed.stream_id)
            source = None
            if old is not None and old.source_id is not None:
                source = local.get(old.source_id)
            if old is None:
                source = local_by_key.get(key)
                if source is None or source.id in linked:
                    plan.add_sources.append(feed)
                    report.feeds_added_here += 1
                    plan.feed_base[feed.stream_id] = ss.FeedBase(
                        feed.stream_id, key, None, feed.title, folder, feed.title, folder
                    )
                    continue
                linked.add(source.id)
                plan.feed_base[feed.stream_id] = ss.FeedBase(
                    feed.stream_id, key, source.id, feed.title, folder, source.title,
                    _folder_label(source.folder),
                )  # fmt: skip
                continue
            if source is None:  # removed here since the last sync
                self.unsubscribe_there.append(feed.stream_id)
                report.feeds_removed_there += 1
                continue
            linked.add(source.id)
            title, local_title = feed.title, source.title
            here_folder = _folder_label(source.folder)
            new_title = new_label = old_label = None
            if source.title != old.local_title:
                new_title = source.title  # renamed here: tell the server
                title = source.title
            elif feed.title != old.title:
                plan.rename_sources.append((source.id, feed.title))
                local_title = feed.title
                report.feeds_changed_here += 1
            if here_folder != old.local_folder:
                new_label, old_label = here_folder, folder  # moved here
                folder = here_folder
            elif folder != old.folder:
                plan.move_sources.append((source.id, folder))
                here_folder = folder
                report.feeds_changed_here += 1
            if new_title is not None or new_label is not None:
                self.edits_there.append((feed.stream_id, new_title, new_label, old_label))
                report.feeds_changed_there += 1
            plan.feed_base[feed.stream_id] = ss.FeedBase(
                feed.stream_id, key, source.id, title, folder, local_title, here_folder
            )
        for stream, old in base.items():
            if stream in remote_streams:
                continue
            # Unsubscribed on the server, unless the same feed came back there under a
            # new stream id (subscribed again on the phone): then it is linked above.
            if old.source_id is not None and old.source_id in local and old.source_id not in linked:
                plan.delete_sources.append(old.source_id)
                linked.add(old.source_id)
                report.feeds_removed_here += 1
        for source in local.values():
            if source.id in linked:
                continue
            if any(b.source_id == source.id for b in base.values()):
                continue
            self.subscribe_there.append((source.url, source.title, _folder_label(source.folder)))
            report.feeds_added_there += 1

    def _push_subscriptions(self) -> None:
        client = self.client
        by_folder: dict[str, list[tuple[str, str]]] = {}
        for url, title, folder in self.subscribe_there:
            by_folder.setdefault(folder, []).append((url, title))
        for folder, feeds in by_folder.items():
            try:
                client.subscribe([u for u, _ in feeds], folder=folder, titles=dict(feeds))
            except HTTPStatus as error:
                if error.status != 400:
                    raise
                # The server refused one of them (it could not read that feed): one by one,
                # so the others still go; the refused ones are tried again next sync.
                for url, title in feeds:
                    try:
                        client.subscribe([url], folder=folder, titles={url: title})
                    except HTTPStatus as refused:
                        if refused.status != 400:
                            raise
                        self.report.problems.append(
                            f"The server could not subscribe to {url}; Kabar will try again."
                        )
        if self.unsubscribe_there:
            client.unsubscribe(self.unsubscribe_there)
        for stream, new_title, new_label, old_label in self.edits_there:
            client.edit_subscription(
                stream, title=new_title, add=new_label or None,
                remove=old_label if new_label is not None and old_label else None,
            )  # fmt: skip
        if self.subscribe_there:
            # The server named the new subscriptions: link them now (else the next sync).
            conn = self.store.reader()
            local_by_key = {canonicalize(s.url): s for s in sq.sources(conn, self.service.clock())}
            for feed in self.client.subscriptions():
                key = canonicalize(feed.url)
                source = local_by_key.get(key)
                if source is None or feed.stream_id in self.plan.feed_base:
                    continue
                folder = feed.folders[0] if feed.folders else ""
                self.plan.feed_base[feed.stream_id] = ss.FeedBase(
                    feed.stream_id, key, source.id, feed.title, folder, source.title,
                    _folder_label(source.folder),
                )  # fmt: skip

    # ------------------------------------------------------------------ items

    def _items(  # noqa: PLR0917 (one call site; the parts of one snapshot)
        self,
        conn: ss.Connection,
        base: dict[str, ss.ItemBase],
        fetched: list[RemoteItem],
        unread: set[str],
        starred: set[str],
        labels: dict[str, set[str]] | None,
        changes: dict[tuple[str, str], ss.Change],
    ) -> list[ss.ItemBase]:
        plan, report = self.plan, self.report
        new: dict[str, ss.ItemBase] = {}
        self.new_keys: set[str] = set()
        for item in fetched:
            if item.key in base:
                if item.key in self.refill and item.url is not None:
                    self.new_keys.add(item.key)  # its entry comes back; its marks stay
                continue
            if item.url is None or not is_http_url(item.url):
                continue
            new[item.key] = ss.ItemBase(
                item.key, item.stream_id, canonicalize(item.url), item.key not in unread,
                item.key in starred,
            )  # fmt: skip
            self.new_keys.add(item.key)
        # Only items that can have changed on either side are compared: listed there now,
        # unread/starred/labelled at the last sync, or touched here since. The rest (read
        # long ago on both sides) stay as agreed, so a sync costs what changed, not what
        # the library has accumulated.
        agreed_labels = ss.item_labels(conn, self.row.id)
        listed = unread | starred | {k for keys in (labels or {}).values() for k in keys}
        labelled = {k for keys in agreed_labels.values() for k in keys}
        touched = ss.item_keys_for_urls(conn, self.row.id, {url for url, _kind in changes})
        relevant = {
            key: known
            for key, known in base.items()
            if key in listed or not known.read or known.starred or key in labelled
            or key in touched
        }  # fmt: skip
        everything = {**relevant, **new}
        urls = [i.article_url for i in everything.values() if i.article_url]
        keys = ss.state_keys(conn, urls)
        local_flags = ss.flags(conn, keys.values())
        self.state_key = keys
        final: list[ss.ItemBase] = []
        self.push_read: list[str] = []
        self.push_unread: list[str] = []
        self.push_star: list[str] = []
        self.push_unstar: list[str] = []
        for key, known in everything.items():
            if known.article_url is None:
                continue
            state = keys[known.article_url]
            here_read, here_star = local_flags.get(state, (False, False))
            there_read, there_star = key not in unread, key in starred
            read_change = changes.get((state, "read"))
            star_change = changes.get((state, "starred"))
            if key in new:  # first seen: a mark on either side counts
                read = there_read or here_read
                star = there_star or here_star
                if read_change is not None:
                    read = read_change.value
                if star_change is not None:
                    star = star_change.value
            else:
                read = _resolve(known.read, there_read, here_read, _at(read_change), self.base_at)
                star = _resolve(
                    known.starred, there_star, here_star, _at(star_change), self.base_at
                )
            if read != there_read:
                (self.push_read if read else self.push_unread).append(key)
                report.flags_there += 1
            if star != there_star:
                (self.push_star if star else self.push_unstar).append(key)
                report.flags_there += 1
            if (read, star) != (here_read, here_star):
                plan.flags[state] = (read, star)
                report.flags_here += (read != here_read) + (star != here_star)
            final.append(ss.ItemBase(key, known.stream_id, known.article_url, read, star))
        self.label_base: dict[str, set[str]] | None = None
        self.push_labels: list[tuple[str, str, bool]] = []  # (label, key, add)
        self.disable_tags: list[str] = []
        if labels is not None:
            self._labels(conn, everything, labels, agreed_labels, changes, set(new))
        return final

    def _labels(  # noqa: PLR0917 (one call site; the parts of one snapshot)
        self,
        conn: ss.Connection,
        items: dict[str, ss.ItemBase],
        remote: dict[str, set[str]],
        base: dict[str, set[str]],
        changes: dict[tuple[str, str], ss.Change],
        new: set[str],
    ) -> None:
        plan, report = self.plan, self.report
        members = ss.collection_members(conn)
        names = set(remote) | set(base) | {n for n, urls in members.items() if urls}
        final: dict[str, set[str]] = {}
        for label in sorted(names):
            there = remote.get(label, set())
            agreed = base.get(label, set())
            here_urls = members.get(label, set())
            result: set[str] = set()
            for key, item in items.items():
                if item.article_url is None:
                    continue
                state = self.state_key[item.article_url]
                is_there, is_agreed, is_here = key in there, key in agreed, state in here_urls
                if not (is_there or is_agreed or is_here):
                    continue
                change = changes.get((state, ss.label_kind(label)))
                if key in new:
                    value = is_there or is_here
                else:
                    value = _resolve(is_agreed, is_there, is_here, _at(change), self.base_at)
                if value:
                    result.add(key)
                if value != is_there:
                    self.push_labels.append((label, key, value))
                    report.labels_there += 1
                if value != is_here:
                    (plan.saves if value else plan.unsaves).append((label, state))
                    report.labels_here += 1
            final[label] = result
            if result or not agreed:
                continue
            # A label that had items and now has none on either side: the collection or
            # the tag was deleted (or renamed) on one side; remove the other's copy.
            unsaved = {state for name, state in plan.unsaves if name == label}
            if label not in remote:  # the tag is gone from the server
                left = members.get(label, set()) - unsaved
                if label in members and not left and label.casefold() != READ_LATER.casefold():
                    plan.delete_collections.append(label)
                    report.labels_here += 1
            elif label not in members:  # the collection is gone from here
                self.disable_tags.append(label)
                report.labels_there += 1
        self.label_base = final

    def _push_flags(self) -> None:
        client = self.client
        edits: list[tuple[list[str], str | None, str | None]] = [
            (self.push_read, READ, None), (self.push_unread, None, READ),
            (self.push_star, STARRED, None), (self.push_unstar, None, STARRED),
        ]  # fmt: skip
        for keys, add_tag, remove_tag in edits:
            if keys:
                client.edit_tag(keys, add=add_tag, remove=remove_tag)
        grouped: dict[tuple[str, bool], list[str]] = {}
        for label, key, add in self.push_labels:
            grouped.setdefault((label, add), []).append(key)
        for (label, add), keys in grouped.items():
            stream = LABEL + label
            client.edit_tag(keys, add=stream if add else None, remove=None if add else stream)
        for label in self.disable_tags:
            client.disable_tag(label)

    # ------------------------------------------------------------------ apply

    def _apply(
        self,
        items: list[ss.ItemBase],
        fetched: list[RemoteItem],
        labels: dict[str, set[str]] | None,
        up_to: int,
    ) -> None:
        from reader.core.feeds import summary_text  # noqa: PLC0415 (feed text helpers)

        plan, report, account = self.plan, self.report, self.row.id
        now = self.service.clock()
        entries: dict[str, list[ParsedEntry]] = {}
        for item in fetched:
            if item.key not in self.new_keys or item.url is None:
                continue
            entry = ParsedEntry(
                guid=wire_id(item.key), url=item.url,
                title=item.title or item.url,
                summary=summary_text(item.content_html),
                author=item.author, published=item.published,
            )  # fmt: skip
            entries.setdefault(item.stream_id, []).append(entry)
        with self.store.write() as conn:
            ss.begin_applying(conn, now)
            stream_sources: dict[str, int] = {}
            for feed in plan.add_sources:
                folder_id = sq.ensure_path(conn, _folder_path(feed.folders[0]), now) if (
                    feed.folders) else None  # fmt: skip
                key = canonicalize(feed.url)
                existing = sq.source_by_key(conn, key)
                source_id = existing if existing is not None else sq.insert_source(
                    conn, url=feed.url, title=feed.title[:300] or feed.url, folder_id=folder_id,
                    now=now, site_url=feed.site_url if is_http_url(feed.site_url) else None,
                )  # fmt: skip
                old = plan.feed_base[feed.stream_id]
                plan.feed_base[feed.stream_id] = ss.FeedBase(
                    old.stream_id, old.url_key, source_id, old.title, old.folder,
                    old.local_title, old.local_folder,
                )  # fmt: skip
            for source_id, title in plan.rename_sources:
                sq.update_source(conn, source_id, title=title[:300] or "?", custom_title=0)
            for source_id, label in plan.move_sources:
                folder_id = sq.ensure_path(conn, _folder_path(label), now)
                sq.update_source(conn, source_id, folder_id=folder_id)
            for source_id in plan.delete_sources:
                conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
            for stream, base in plan.feed_base.items():
                if base.source_id is not None:
                    stream_sources[stream] = base.source_id
            ss.replace_feeds(conn, account, plan.feed_base.values())
            full_text = {
                int(r[0]): bool(r[1]) for r in conn.execute("SELECT id, full_text FROM sources")
            }
            for stream, batch in entries.items():
                target = stream_sources.get(stream)
                if target is None:
                    continue
                added = sq.merge_entries(
                    conn, target, batch, now, full_text=full_text.get(target, True)
                )
                apply_rules(conn, feed_arrivals(target, batch, added), now)  # mute, highlight
                report.new_items += len(added)
            for state, (read, star) in plan.flags.items():
                q.set_read(conn, state, read, now)
                q.set_starred(conn, state, star, now)
            for label, state in plan.saves:
                info = cols.ensure(conn, label, now)
                title, outlet = _title_of(conn, state)
                cols.add_item(conn, info.id, state, title=title or state, outlet=outlet, now=now)
            for label, state in plan.unsaves:
                found = cols.find(conn, label)
                if found is not None:
                    cols.remove_item(conn, found.id, state)
            for label in plan.delete_collections:
                found = cols.find(conn, label)
                if found is not None and not found.builtin:
                    cols.delete(conn, found.name)
            ss.put_items(conn, account, [*items, *self.unusable])
            if labels is not None and self.label_base is not None:
                ss.replace_item_labels(conn, account, self.label_base)
            ss.drop_changes(conn, up_to)
            ss.record_result(conn, account, now, error=None)
            ss.end_applying(conn)


def _title_of(conn: ss.Connection, state: str) -> tuple[str, str]:
    """Title and outlet to copy into a collection item (article, else its entry)."""
    row = (
        conn.execute("SELECT title, outlet FROM articles WHERE url = ?", (state,)).fetchone()
        or conn.execute(
            "SELECT e.title, s.title FROM entries e JOIN sources s ON s.id = e.source_id"
            " WHERE e.article_url = ? LIMIT 1",
            (state,),
        ).fetchone()
    )
    if row is not None:
        return str(row[0]), str(row[1])
    return state, urlsplit(state).hostname or ""
