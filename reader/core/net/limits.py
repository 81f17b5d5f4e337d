"""Bounded concurrency for background fetching: requests in flight, overall and per host.

:class:`RequestLimiter` hands out *slots* for HTTP requests: at most ``total``
per lane (feed checks and article downloads are separate lanes, so a few
hundred tiny conditional GETs are not queued behind pages and pictures) and at
most ``per_host`` per host across all lanes, so no single server sees more
than a few connections from Kabar (bad-inputs.md N26). Waiting is on a
condition variable; :meth:`RequestLimiter.cancel` wakes every waiter at once.

:class:`LimitedFetcher` is a :class:`~reader.core.net.fetch.Fetcher` look-alike that
takes a slot around each ``get``, so code written against the fetcher (page
extraction, picture downloads) is limited without knowing it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader.core.errors import Cancelled
from reader.core.urls import host_of

if TYPE_CHECKING:
    from reader.core.models import FetchResult
    from reader.core.net.fetch import Fetcher

#: Seconds between checks of an external cancel event while waiting for a slot.
CANCEL_POLL = 0.2


def host_key(url: str) -> str:
    """The per-host key: host and port (what a server sees as one client's connections)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return host_of(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}:{port}" if port else host


class RequestLimiter:
    """Counting slots per lane and per host; thread-safe."""

    def __init__(self, lanes: Mapping[str, int], per_host: int) -> None:
        if per_host < 1 or any(n < 1 for n in lanes.values()):
            raise ValueError("limits must be at least 1")
        self.lanes = dict(lanes)
        self.per_host = per_host
        self._cond = threading.Condition()
        self._lane_use: Counter[str] = Counter()
        self._host_use: Counter[str] = Counter()
        self._cancelled = False
        #: Highest number of requests seen in flight, per host and per lane (for tests).
        self.peak_host: Counter[str] = Counter()
        self.peak_lane: Counter[str] = Counter()

    def cancel(self) -> None:
        """Make every current and future :meth:`slot` raise :class:`Cancelled`."""
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()

    @contextmanager
    def slot(self, url: str, lane: str, cancel: threading.Event | None = None) -> Iterator[None]:
        """Hold one request slot for ``url`` in ``lane`` for the duration of the block."""
        host = host_key(url)
        limit = self.lanes[lane]
        with self._cond:
            while True:
                if self._cancelled or (cancel is not None and cancel.is_set()):
                    raise Cancelled()
                if self._lane_use[lane] < limit and self._host_use[host] < self.per_host:
                    break
                self._cond.wait(CANCEL_POLL if cancel is not None else None)
            self._lane_use[lane] += 1
            self._host_use[host] += 1
            self.peak_lane[lane] = max(self.peak_lane[lane], self._lane_use[lane])
            self.peak_host[host] = max(self.peak_host[host], self._host_use[host])
        try:
            yield
        finally:
            with self._cond:
                self._lane_use[lane] -= 1
                self._host_use[host] -= 1
                if not self._host_use[host]:
                    del self._host_use[host]
                self._cond.notify_all()


class LimitedFetcher:
    """Delegates to a fetcher, holding a limiter slot for each request."""

    def __init__(
        self,
        fetcher: Fetcher,
        limiter: RequestLimiter,
        lane: str,
        cancel: threading.Event | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.limiter = limiter
        self.lane = lane
        self.cancel = cancel

    @property
    def offline(self) -> bool:
        return self.fetcher.offline

    def get(self, url: str, **options: Any) -> FetchResult:
        cancel = options.get("cancel") or self.cancel
        if cancel is not None:
            options["cancel"] = cancel
        with self.limiter.slot(url, self.lane, cancel):
            return self.fetcher.get(url, **options)
