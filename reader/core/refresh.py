"""Background refresh: new headlines *and* their full, cleaned articles, bounded and cancellable.

One refresh reads the chosen sources and brings every new item's article (text
and pictures) into the library, so it reads offline. It is Qt-free; the CLI
runs it directly and the window runs it from one background task.

How it goes (bad-inputs.md N7–N10, N21, N22, N26; architecture.md §8.4):

* **Two lanes, one budget per host.** Feed checks (small conditional GETs) run
  up to ``feed_concurrency`` at a time; article pages and pictures up to
  ``article_concurrency``; no host ever has more than ``per_host`` requests in
  flight (:mod:`reader.core.net.limits`). Tasks queue per host, so one slow site
  cannot occupy every worker (:mod:`reader.core.net.hostpool`).
* **Unchanged feeds are not re-parsed**: conditional GET (ETag/Last-Modified,
  a 304 costs no parsing) and, for servers without validators, a SHA-256 of
  the body compared with the last one parsed.
* **A bad answer never wipes anything.** Refresh only adds and updates entries.
  An empty body, an HTML page, garbage, or a feed that suddenly lists nothing
  is recorded as the source's error and the old entries stay.
* **Schedule**: each source has an interval; failures back off exponentially
  with jitter (``min_backoff`` × 2^(n-1), capped); a 429 (or 503) with
  ``Retry-After`` is honoured even by a forced refresh; 410 stops polling.
* **Private addresses**: the feed is the user's choice; its items, their
  pictures, redirects and next pages are automatic fetches named by the feed
  (``reader.core.net.reach``): a private address is reached only on the feed's
  own private origin or when the source allows it. A refusal is recorded on the
  entry ("refused: points into a private network") and counted in the source's
  status, never a silent gap.
* **One refresh at a time per library**, across threads and processes (the
  window's refresh child, ``kabar refresh`` from cron): a run takes the
  library's refresh lock (``library.refresh.lock``, an OS file lock the kernel
  drops if the process dies) and a second run waits for it, says so in its
  progress, then reads the sources' state afresh, so nothing is fetched twice.
* **Full text** of each new item (feeds of news outlets are teasers only),
  de-duplicated across feeds by canonical URL (tracking parameters stripped):
  an article already in the library, or being fetched for another feed in the
  same run, is not fetched again. Failed items are retried on later refreshes
  (up to ``max_fetch_attempts``).

Threads: a run owns its worker threads and ends them when it finishes.
``on_progress`` is called **from worker threads** (one call at a time, in
order); a Qt caller must hand the snapshot to the GUI thread (a queued signal),
never touch widgets in the callback. Cancel with :meth:`RefreshRun.cancel` (or
the ``cancel`` event): queued work is dropped, waiting requests give up at once,
requests in flight stop at their next read, and :meth:`RefreshRun.wait`
returns with ``cancelled=True``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from reader.core.errors import (
    PRIVATE_REFUSAL,
    Cancelled,
    EmptyResponse,
    FeedError,
    FetchError,
    HTTPStatus,
    InvalidURL,
    NotAFeed,
    Offline,
    PrivateAddress,
    ReaderError,
    StoreBusy,
    StoreError,
    StoreReadOnly,
)
from reader.core.feeds import parse_feed
from reader.core.instance import InstanceLock
from reader.core.models import (
    Article,
    FetchResult,
    ParsedFeed,
    RefreshProgress,
    RefreshReport,
    Source,
    SourceOutcome,
    Validators,
)
from reader.core.net import HostPool, LimitedFetcher, Reach, RequestLimiter, host_key
from reader.core.rules import apply_rules, feed_arrivals
from reader.core.store import ImageRef, ImageStore
from reader.core.store import images as imagelib
from reader.core.store import sources as sq
from reader.core.urls import canonicalize

if TYPE_CHECKING:
    from reader.core.net import Fetcher
    from reader.core.page import SiteRules
    from reader.core.sources import SourceList

log = logging.getLogger(__name__)

P = TypeVar("P")  # a run's progress snapshot: a frozen dataclass

ProgressCallback = Callable[[RefreshProgress], None]
#: Seconds between tries for the refresh lock while another refresh holds it.
LOCK_POLL = 0.25


@dataclass(frozen=True, slots=True)
class RefreshConfig:
    """Limits and schedule of the refresh engine (defaults suit a desktop)."""

    #: Conditional GETs are tiny: checking 500 feeds at ~100 ms each in under 2 s needs
    #: 30+ in flight (8 would take 6 s). The per-host limit still bounds each server.
    feed_concurrency: int = 40
    #: Pages and pictures: what the machine can extract keeps up with about 8 in flight
    #: (benchmarks/refresh.py: wall/ideal 1.12 at 8 on 2 cores).
    article_concurrency: int = 8
    per_host: int = 4
    #: Threads for article work; more than the request slots, so CPU work (extraction)
    #: and picture downloads of one article do not leave slots idle.
    article_workers: int = 24
    max_articles_per_source: int = 100
    max_fetch_attempts: int = 3
    min_backoff: float = 5 * 60.0
    max_backoff: float = 24 * 3600.0
    jitter: float = 0.2
    default_retry_after: float = 3600.0
    max_retry_after: float = 24 * 3600.0
    #: A 410 source is looked at again after this long (it may come back).
    gone_recheck: float = 7 * 24 * 3600.0
    #: Feed TTLs above this are not honoured (minutes in the feed, seconds here).
    max_ttl: float = 2 * 3600.0
    #: Fetch-state updates are written in batches of this many articles.
    state_batch: int = 50
    #: Threads allowed in CPU-heavy work (feed parsing, extraction) at once. Python
    #: runs one thread at a time anyway; dozens of runnable threads only make a
    #: waiting GUI thread wait longer for the interpreter (see benchmarks/ui.py).
    cpu_slots: int = 1


class Refresher:
    """Builds refresh runs over a :class:`SourceList` and the library behind it."""

    def __init__(
        self,
        sources: SourceList,
        fetcher: Fetcher,
        *,
        rules: Callable[[], SiteRules | None] | None = None,
        config: RefreshConfig | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.sources = sources
        self.fetcher = fetcher
        #: The site rules, built on first use (a refresh of unchanged feeds needs none).
        self.rules: Callable[[], SiteRules | None] = functools.cache(rules or _none)
        self.config = config or RefreshConfig()
        self.clock = clock
        self.rng = rng or random.Random()

    def due(self) -> list[Source]:
        """Sources whose interval (or backoff) has passed and that the server allows now."""
        now = self.clock()
        return [
            s
            for s in self.sources.all()
            if (s.next_due is None or s.next_due.timestamp() <= now)
            and (s.retry_after_until is None or s.retry_after_until.timestamp() <= now)
        ]

    def start(
        self,
        sources: Iterable[int | str] | None = None,
        *,
        force: bool = False,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        synced: Iterable[int] = (),
    ) -> RefreshRun:
        """Start refreshing in the background; returns at once.

        ``sources`` (ids, addresses or titles) are refreshed whatever their
        schedule, even after a 410; without them, every source that is due, or
        with ``force`` every source still alive. A server's Retry-After is
        honoured in every case. ``synced`` sources are read by the reader's sync
        server: their feeds are not fetched again, only their items' articles.
        """
        named = sources is not None
        ids = [self.sources.get(ref).id for ref in sources] if sources is not None else None
        states = sq.refresh_states(self.sources.store.reader(), ids)
        run = RefreshRun(
            self, states, force=force or named, named=named, on_progress=on_progress,
            cancel=cancel, synced=synced, ids=ids,
        )  # fmt: skip
        run.start()
        return run

    def refresh(
        self,
        sources: Iterable[int | str] | None = None,
        *,
        force: bool = False,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        synced: Iterable[int] = (),
    ) -> RefreshReport:
        """:meth:`start` and wait for the report (what the CLI and a UI task call)."""
        return self.start(
            sources, force=force, on_progress=on_progress, cancel=cancel, synced=synced
        ).wait()


class BackgroundRun(Generic[P]):
    """What a refresh and an import's fetch step share (the module docstring's threading).

    One cancel event that drops queued work, wakes requests waiting for a slot and stops
    running ones at their next read; a CPU slot for parsing and extraction; progress
    snapshots handed to ``on_progress`` one call at a time, in order. A subclass builds
    its ``pools`` (with ``on_error=self._crashed``) and changes ``_progress`` under
    ``_lock`` or through :meth:`_update`.
    """

    #: What the log calls this run.
    kind = "background run"

    def __init__(
        self,
        progress: P,
        limiter: RequestLimiter,
        *,
        on_progress: Callable[[P], None] | None,
        cancel: threading.Event | None,
        cpu_slots: int,
    ) -> None:
        self.cancel_event = cancel or threading.Event()
        self.cpu = threading.BoundedSemaphore(max(1, cpu_slots))
        self.on_progress = on_progress
        self.limiter = limiter
        self.pools: tuple[HostPool, ...] = ()
        self._lock = threading.Lock()
        self._emit_lock = threading.RLock()
        self._progress = progress
        self._finished = threading.Event()

    def cancel(self) -> None:
        """Stop: drop queued work, wake waiting requests, let running ones end early."""
        self.cancel_event.set()
        self.limiter.cancel()
        for pool in self.pools:
            pool.drop_queued()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    @property
    def progress(self) -> P:
        with self._lock:
            return self._progress

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def _drain(self, *pools: HostPool) -> None:
        """Wait for ``pools`` to run dry; a cancel event set from outside takes effect."""
        for pool in pools:
            while not pool.join(0.2):
                if self.cancel_event.is_set():
                    self.cancel()

    def _crashed(self, error: BaseException) -> None:
        log.error("%s task failed", self.kind, exc_info=error)

    def _update(self, **changes: Any) -> None:
        """Add the counts (ints) to the progress, set the other fields, tell the caller."""
        with self._lock:
            values = {
                name: getattr(self._progress, name) + value
                if isinstance(value, int) and not isinstance(value, bool)
                else value
                for name, value in changes.items()
            }
            self._progress = replace(self._progress, **values)  # type: ignore[type-var]
        self._emit()

    def _emit(self) -> None:
        if self.on_progress is None:
            return
        with self._emit_lock:  # one call at a time, snapshots in order
            snapshot = self.progress
            try:
                self.on_progress(snapshot)
            except Exception:  # a broken callback must not break the run
                log.exception("%s progress callback failed", self.kind)


class RefreshRun(BackgroundRun[RefreshProgress]):
    """One refresh in progress. Thread-safe; see the module docstring for threading."""

    kind = "refresh"

    def __init__(
        self,
        refresher: Refresher,
        states: Sequence[sq.RefreshState],
        *,
        force: bool,
        named: bool = False,
        on_progress: ProgressCallback | None,
        cancel: threading.Event | None,
        synced: Iterable[int] = (),
        ids: Sequence[int] | None = None,
    ) -> None:
        self.refresher = refresher
        self.named = named
        self.ids = None if ids is None else list(ids)
        self.synced = frozenset(synced)
        self.config = config = refresher.config
        self.library = refresher.sources.library
        self.clock = refresher.clock
        self.force = force
        self.states = list(states)
        super().__init__(
            RefreshProgress(sources_total=len(self.states)),
            RequestLimiter(
                {"feed": config.feed_concurrency, "article": config.article_concurrency},
                config.per_host,
            ),
            on_progress=on_progress, cancel=cancel, cpu_slots=config.cpu_slots,
        )  # fmt: skip
        self.feed_pool = HostPool(
            config.feed_concurrency, config.per_host, name="kabar-feeds", on_error=self._crashed
        )
        self.article_pool = HostPool(
            config.article_workers, config.per_host * 2, name="kabar-articles",
            on_error=self._crashed,
        )  # fmt: skip
        self.pools = (self.feed_pool, self.article_pool)
        self._outcomes: list[SourceOutcome] = []
        self._claimed: set[str] = set()
        self._states_pending: list[tuple[str, str, str | None]] = []
        self._checked_pending: list[tuple[int, dict[str, object]]] = []
        self._fetched = 0
        self._started = 0.0
        self._report: RefreshReport | None = None
        self._monitor: threading.Thread | None = None

    # ------------------------------------------------------------------ control

    def start(self) -> None:
        self._started = time.monotonic()
        self._emit()
        # Load the extractor and the site rules once, here, rather than in every
        # worker at the same moment (a burst that starves other threads of the GIL).
        from reader.core.page import fetch_article  # noqa: F401, PLC0415

        self.refresher.rules()
        self._monitor = threading.Thread(target=self._run, name="kabar-refresh", daemon=True)
        self._monitor.start()

    def _run(self) -> None:
        """Take the library's refresh lock (waiting for another run), then work."""
        lock = InstanceLock(self.library.store.path.with_suffix(".refresh.lock"))
        try:
            if self._take(lock):
                for state in self.states:
                    self.feed_pool.submit(host_key(state.url), partial(self._guarded_source, state))
            self._finish()
        finally:
            lock.release()

    def _take(self, lock: InstanceLock) -> bool:
        """Hold ``lock``; False if cancelled while another refresh held it."""
        waited = False
        while True:
            try:
                lock.acquire()
            except StoreBusy:
                if not waited:
                    waited = True
                    self._update(current="waiting for another refresh to finish")
                if self.cancel_event.wait(LOCK_POLL):
                    return False
                continue
            except StoreReadOnly:  # no lock file possible: nothing can be written anyway
                return True
            if waited:  # the other run changed validators, schedules and fetch states
                self.states = sq.refresh_states(self.library.store.reader(), self.ids)
                with self._lock:
                    self._progress = replace(
                        self._progress, sources_total=len(self.states), current=None
                    )
                self._emit()
            return True

    def wait(self, timeout: float | None = None) -> RefreshReport:
        """Block until the run ends (or ``timeout``; then raises ``TimeoutError``)."""
        if not self._finished.wait(timeout):
            raise TimeoutError("the refresh is still running")
        assert self._report is not None
        return self._report

    def _finish(self) -> None:
        try:
            # A library from before stories is grouped here, off the window, while feeds load.
            with contextlib.suppress(Cancelled):
                self.library.group_pending(cancel=self.cancel_event)
            self._drain(self.feed_pool, self.article_pool)
            self._flush_checked()
            self._flush_states()
        except ReaderError as error:
            log.warning("refresh bookkeeping failed: %s", error)
        finally:
            self.feed_pool.close()
            self.article_pool.close()
            cancelled = self.cancel_event.is_set()
            with self._lock:
                self._progress = replace(self._progress, finished=True, cancelled=cancelled)
                outcomes = tuple(self._outcomes)
                progress = self._progress
            self._report = RefreshReport(
                outcomes=outcomes,
                new_entries=progress.new_entries,
                articles_fetched=self._fetched,
                articles_failed=progress.articles_failed,
                cancelled=cancelled,
                seconds=time.monotonic() - self._started,
            )
            self._emit()
            self._finished.set()

    # ------------------------------------------------------------------ progress

    def _outcome(self, outcome: SourceOutcome) -> None:
        with self._lock:
            self._outcomes.append(outcome)
        self._update(sources_done=1, current=outcome.title, new_entries=outcome.new_entries)

    # ------------------------------------------------------------------ one source

    def _guarded_source(self, state: sq.RefreshState) -> None:
        """Refresh one source; whatever goes wrong, it ends with an outcome."""
        try:
            self._refresh_source(state)
        except ReaderError as error:  # e.g. the library became unwritable mid-run
            log.warning("refreshing %s failed: %s", state.url, error)
            self._outcome(SourceOutcome(state.id, state.title, "failed", error=str(error)))
        except Exception as error:  # a bug: logged with its traceback, the run goes on
            log.exception("refreshing %s failed unexpectedly", state.url)
            message = f"Kabar failed to read this source ({type(error).__name__})."
            self._outcome(SourceOutcome(state.id, state.title, "failed", error=message))

    def _refresh_source(self, state: sq.RefreshState) -> None:
        if self.cancel_event.is_set():
            self._outcome(SourceOutcome(state.id, state.title, "cancelled"))
            return
        now = self.clock()
        if state.retry_after_until is not None and state.retry_after_until > now:
            wait = state.retry_after_until - now
            self._outcome(
                SourceOutcome(
                    state.id, state.title, "skipped",
                    error=f"The server asked Kabar to wait; next try in {_duration(wait)}.",
                )
            )  # fmt: skip
            return
        if state.id in self.synced:  # the sync server read this feed; fetch its articles
            # Its items were named by the feed, which Kabar did not read itself: judged
            # as if served publicly (private addresses only with the source's permission).
            self._queue_articles(
                state, Reach.named_by(state.url, allow_private=state.allow_private)
            )
            self._outcome(SourceOutcome(state.id, state.title, "synced"))
            return
        if (state.gone and not self.named) or (not self.force and state.next_due > now):
            self._outcome(SourceOutcome(state.id, state.title, "skipped"))
            return
        fetcher = LimitedFetcher(self.refresher.fetcher, self.limiter, "feed", self.cancel_event)
        try:
            result = fetcher.get(
                state.url,
                reach=Reach.USER,  # the user subscribed to it
                validators=Validators(state.etag, state.last_modified),
                kind="feed",
                cancel=self.cancel_event,
            )
        except Cancelled:
            self._outcome(SourceOutcome(state.id, state.title, "cancelled"))
            return
        except Offline as error:  # not the source's fault: no error state, no backoff
            self._outcome(SourceOutcome(state.id, state.title, "skipped", error=str(error)))
            return
        except (FetchError, InvalidURL) as error:
            self._failed(state, error)
            return
        validators = result.validators
        items = Reach.named_by(result, allow_private=state.allow_private)
        if result.not_modified:
            self._follow_move(state, result)
            self._unchanged(state, validators, "not-modified", items)
            return
        digest = hashlib.sha256(result.body).hexdigest()
        if digest == state.content_hash:
            self._follow_move(state, result)
            self._unchanged(state, validators, "unchanged", items)
            return
        try:
            with self.cpu:
                feed = parse_feed(result.body, result.final_url, result.headers)
        except FeedError as error:
            self._failed(state, error, items)
            return
        if not feed.entries and state.has_entries:
            self._failed(
                state,
                FeedError(
                    state.url, "The feed listed no items this time; the earlier ones are kept."
                ),
                items,
            )
            return
        self._follow_move(state, result)
        self._updated(state, feed, validators, digest, items)

    def _follow_move(self, state: sq.RefreshState, result: FetchResult) -> None:
        """A feed that moved permanently (301/308) is fetched from its new address
        from now on. Called only once the answer proved to be the same feed (a 304,
        the same bytes, or a feed that parsed), so a redirect to a parking page or a
        login form never rewrites a subscription; never onto another source's address."""
        if not result.moved_permanently:
            return
        new_key = canonicalize(result.final_url)
        if new_key == canonicalize(state.url):
            return
        with self.library.store.write() as conn:
            if sq.source_by_key(conn, new_key) is not None:
                return
            sq.update_source(conn, state.id, url=result.final_url, url_key=new_key)
        log.info("source %s moved permanently to %s", state.url, result.final_url)

    def _schedule(self, state: sq.RefreshState, feed: ParsedFeed | None = None) -> float:
        interval = float(state.interval_s)
        if feed is not None and feed.ttl_minutes:
            interval = max(interval, min(feed.ttl_minutes * 60.0, self.config.max_ttl))
        return self.clock() + interval

    def _unchanged(
        self, state: sq.RefreshState, validators: Validators, status: str, items: Reach
    ) -> None:
        """Nothing new: note the check. Written in batches (hundreds of 304s would
        otherwise be hundreds of fsynced transactions); losing one only means an
        earlier re-check."""
        now = self.clock()
        fields: dict[str, object] = {
            "etag": validators.etag, "last_modified": validators.last_modified,
            "last_checked_at": now, "last_success_at": now, "failures": 0,
            "last_error": None, "next_due": self._schedule(state),
            "retry_after_until": None, "gone": 0,
        }  # fmt: skip
        with self._lock:
            self._checked_pending.append((state.id, fields))
            due = len(self._checked_pending) >= self.config.state_batch
        if due:
            self._flush_checked()
        self._queue_articles(state, items)
        self._outcome(SourceOutcome(state.id, state.title, status))  # type: ignore[arg-type]

    def _updated(
        self,
        state: sq.RefreshState,
        feed: ParsedFeed,
        validators: Validators,
        digest: str,
        items: Reach,
    ) -> None:
        now = self.clock()
        with self.library.store.write() as conn:
            fields: dict[str, object] = {
                "kind": feed.kind, "language": feed.language, "etag": validators.etag,
                "last_modified": validators.last_modified, "content_hash": digest,
                "last_checked_at": now, "last_success_at": now, "failures": 0,
                "last_error": None, "next_due": self._schedule(state, feed),
                "retry_after_until": None, "gone": 0,
            }  # fmt: skip
            if feed.site_url:
                fields["site_url"] = feed.site_url
            title = state.title
            if feed.title and not state.custom_title and state.title in ("", state.url):
                title = fields["title"] = feed.title[:300]
            sq.update_source(conn, state.id, **fields)
            # After the title: items of articles already stored take the feed's name.
            new = sq.merge_entries(conn, state.id, feed.entries, now, full_text=state.full_text)
            apply_rules(conn, feed_arrivals(state.id, feed.entries, new), now)
        self._queue_articles(state, items)
        self._outcome(SourceOutcome(state.id, title, "updated", new_entries=len(new)))

    def _failed(
        self, state: sq.RefreshState, error: ReaderError, items: Reach | None = None
    ) -> None:
        """Record the error and when to try again; entries are left as they were.

        Earlier items still lacking their text are fetched as named by the feed's
        address (``items``, or as if served publicly when the feed did not answer)."""
        config = self.config
        now = self.clock()
        failures = state.failures + 1
        message = str(error)
        fields: dict[str, object] = {
            "failures": failures, "last_error": message, "last_error_at": now,
            "last_checked_at": now,
        }  # fmt: skip
        base = max(config.min_backoff, float(state.interval_s))
        backoff = min(config.max_backoff, base * 2 ** (failures - 1))
        backoff *= 1 + self.refresher.rng.uniform(-config.jitter, config.jitter)
        next_due = now + backoff
        if isinstance(error, HTTPStatus) and (
            error.status == 429 or (error.status == 503 and error.retry_after is not None)
        ):
            wait = error.retry_after
            if wait is None:
                wait = config.default_retry_after
            wait = min(max(wait, 1.0), config.max_retry_after)
            fields["retry_after_until"] = now + wait
            next_due = max(next_due, now + wait)
        if isinstance(error, HTTPStatus) and error.status == 410:
            fields["gone"] = 1
            next_due = now + config.gone_recheck
        fields["next_due"] = next_due
        if isinstance(error, EmptyResponse | NotAFeed):
            log.info("source %s: %s (entries kept)", state.url, message)
        try:
            with self.library.store.write() as conn:
                sq.update_source(conn, state.id, **fields)
        except StoreError as store_error:
            log.warning("could not record the error of %s: %s", state.url, store_error)
        if items is None:
            items = Reach.named_by(state.url, allow_private=state.allow_private)
        self._queue_articles(state, items)  # earlier items may still lack their text
        self._outcome(SourceOutcome(state.id, state.title, "failed", error=message))

    # ------------------------------------------------------------------ articles

    def _queue_articles(self, state: sq.RefreshState, items: Reach) -> None:
        if not state.full_text or self.cancel_event.is_set():
            return
        waiting = sq.to_fetch(
            self.library.store.reader(), state.id,
            max_attempts=self.config.max_fetch_attempts,
            limit=self.config.max_articles_per_source,
        )  # fmt: skip
        queued = 0
        for entry in waiting:
            if entry.url is None or entry.article_url is None:
                continue
            with self._lock:
                if entry.article_url in self._claimed:
                    continue
                self._claimed.add(entry.article_url)
            url, key = entry.url, entry.article_url
            self.article_pool.submit(host_key(url), partial(self._guarded_article, url, key, items))
            queued += 1
        if queued:
            self._update(articles_total=queued)

    def _guarded_article(self, url: str, article_url: str, reach: Reach) -> None:
        """Fetch one article; an unexpected error marks it failed instead of pending forever."""
        try:
            self._fetch_article(url, article_url, reach)
        except Exception as error:
            log.exception("full text of %s failed unexpectedly", url)
            self._article_done(article_url, "failed", f"{type(error).__name__}: {error}"[:500])

    def _fetch_article(self, url: str, article_url: str, reach: Reach) -> None:
        if self.cancel_event.is_set():
            return
        if self.library.contains(url):  # another feed (or the reader) brought it already
            self._article_done(article_url, "done", None)
            return
        fetcher = LimitedFetcher(self.refresher.fetcher, self.limiter, "article", self.cancel_event)
        from reader.core.page import fetch_article  # noqa: PLC0415 (lxml, readability)

        try:
            fetched = fetch_article(
                cast("Fetcher", fetcher), url, reach=reach, rules=self.refresher.rules(),
                cancel=self.cancel_event, cpu=self.cpu,
            )  # fmt: skip
            if fetched.article is None:
                raise FetchError(url, f"The server did not send {url}.")
            pictures = Reach.named_by(fetched, allow_private=reach.allow_private)
            refs, refused = self._download_images(fetcher, fetched.article, pictures)
            self.library.store_article(
                fetched.article, requested_url=url, final_url=fetched.final_url,
                validators=fetched.validators, images=refs, cancel=self.cancel_event,
                arrived=True,
            )  # fmt: skip
        except (Cancelled, Offline):
            return
        except PrivateAddress as error:  # not retried: the source's status says so
            log.info("full text of %s refused: %s", url, error)
            self._article_done(article_url, "skipped", str(error))
            return
        except ReaderError as error:
            log.info("full text of %s not fetched: %s", url, error)
            self._article_done(article_url, "failed", str(error))
            return
        note = None
        if refused:
            what = "1 picture" if refused == 1 else f"{refused} pictures"
            note = f"{PRIVATE_REFUSAL} ({what})"
        self._article_done(article_url, "done", note)

    def _download_images(
        self, fetcher: LimitedFetcher, article: Article, reach: Reach
    ) -> tuple[list[ImageRef], int]:
        """The article's pictures, and how many the private-address policy refused."""
        refused: list[str] = []
        refs = download_pictures(
            fetcher, self.library.images, article, self.cancel_event, reach=reach,
            refused=refused,
        )  # fmt: skip
        return refs, len(refused)

    def _article_done(self, article_url: str, state: str, error: str | None) -> None:
        with self._lock:
            self._states_pending.append((article_url, state, error))
            if state == "done":
                self._fetched += 1
            due = len(self._states_pending) >= self.config.state_batch
        self._update(articles_done=1, articles_failed=1 if state == "failed" else 0)
        if due:
            self._flush_states()

    def _flush_checked(self) -> None:
        with self._lock:
            pending, self._checked_pending = self._checked_pending, []
        if not pending:
            return
        try:
            with self.library.store.write() as conn:
                for source_id, fields in pending:
                    sq.update_source(conn, source_id, **fields)
        except StoreError as error:
            log.warning("could not record source checks: %s", error)

    def _flush_states(self) -> None:
        """Write fetch outcomes in one transaction (a crash before it only costs a re-check:
        an article already in the library is never fetched again)."""
        with self._lock:
            pending, self._states_pending = self._states_pending, []
        if not pending:
            return
        try:
            with self.library.store.write() as conn:
                for article_url, state, error in pending:
                    sq.set_fetch_state(conn, article_url, state, error)
        except StoreError as error:
            log.warning("could not record article fetch states: %s", error)


def download_pictures(
    fetcher: LimitedFetcher,
    images: ImageStore,
    article: Article,
    cancel: threading.Event,
    *,
    reach: Reach,
    refused: list[str] | None = None,
) -> list[ImageRef]:
    """An article's pictures, through the same request slots as its page.

    Same policy as the library's own downloads (``images.wanted_images``,
    ``keepable``, per-article byte cap), but sequential inside the caller's task
    so the request limits cover pictures too. Refresh and imports use it.
    Pictures are automatic fetches: ``reach`` is ``Reach.named_by(page_result)``;
    the addresses the private-address policy refused are added to ``refused``.
    """
    refs: list[ImageRef] = []
    total = 0
    for image_url in imagelib.wanted_images(article):
        if cancel.is_set():
            raise Cancelled()
        try:
            result = fetcher.get(
                image_url, reach=reach, kind="image", max_bytes=imagelib.MAX_IMAGE_BYTES,
                cancel=cancel,
            )  # fmt: skip
        except PrivateAddress as error:
            log.info("picture %s refused: %s", image_url, error)
            if refused is not None:
                refused.append(image_url)
            continue
        except FetchError as error:
            log.debug("picture %s skipped: %s", image_url, error)
            continue
        info = imagelib.keepable(result.body)
        if info is None or total + len(result.body) > imagelib.MAX_ARTICLE_IMAGE_BYTES:
            continue
        total += len(result.body)
        sha = images.put(result.body)
        refs.append(ImageRef(image_url, sha, len(result.body), info.mime, info.width, info.height))
    return refs


def _none() -> None:
    return None


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    if seconds < 5400:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"
