"""TestWeb: the fictional news web on 127.0.0.1, one origin (port) per outlet.

Origins: ``nusa`` (NusaKini, Tribunnews-like), ``warta`` (WartaKilat, Detik/
Antara-like), ``harbor`` (The Daily Harbor, English), ``faults`` (see
``tests.web.faults``) and ``gen`` (generated benchmark feeds). Every later test
and benchmark of Kabar runs against it; it never touches the internet.

    with TestWeb() as web:                       # or the session fixture ``web``
        web.outlets["nusa"].url("/rss")          # Outlet: name, display_name, language, base
        web.article_urls("warta"); web.feed_urls()
        web.truth(url).paragraphs                # ground truth of an article (ArticleTruth)
        web.fault_url("gzip_bomb")               # == web.faults.url(web.fault_paths[...])
        web.generated_feed_url(3, items=30)      # RSS on the gen origin
        web.serve(url, body, status=503, times=2); web.unserve(url)
        web.hits(url); web.requests; web.reset_log()

Pages, feeds and images answer conditional GETs (strong ETag, Last-Modified)
and gzip when asked. ``latency=(lo, hi)`` adds a seeded random delay to every
non-fault response. ``stop()`` joins every thread, even mid-trickle.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import NamedTuple
from urllib.parse import urlsplit

from tests.web.content.catalog import Catalog
from tests.web.content.generated import GenSite
from tests.web.content.model import ArticleTruth
from tests.web.faults import FAULT_PATHS, Faults
from tests.web.httpd import Action, OriginServer
from tests.web.resource import Resource

NEWS = ("nusa", "warta", "harbor")
ORIGINS = (*NEWS, "faults", "gen")
DISPLAY = {
    "nusa": ("NusaKini", "id"),
    "warta": ("WartaKilat", "id"),
    "harbor": ("The Daily Harbor", "en"),
    "faults": ("Fault routes", "en"),
    "gen": ("GenWarta", "id"),
}


@dataclass(frozen=True)
class Outlet:
    """One origin of the test web."""

    name: str
    display_name: str
    language: str
    base: str  # "http://127.0.0.1:PORT", no trailing slash

    def url(self, path: str = "/") -> str:
        """Absolute URL of ``path`` (which must start with "/") on this origin."""
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/': {path!r}")
        return self.base + path

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])

    @property
    def home(self) -> str:
        return self.base + "/"


class RequestRecord(NamedTuple):
    method: str
    path: str  # path with query string, as sent
    headers: dict[str, str]


@dataclass
class _Override:
    resource: Resource
    remaining: int | None


class TestWeb:
    """The whole fictional web. ``start()``/``stop()`` or use it as a context manager."""

    __test__ = False  # not a pytest test class despite the name

    def __init__(
        self,
        latency: tuple[float, float] | None = None,
        *,
        ports: Mapping[str, int] | None = None,
        seed: int = 20260316,
    ) -> None:
        self.latency = latency
        self._ports = dict.fromkeys(ORIGINS, 0) | dict(ports or {})
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._log: list[tuple[str, RequestRecord]] = []
        self._overrides: dict[tuple[str, str], _Override] = {}
        self._servers: dict[str, OriginServer] = {}
        self._by_port: dict[int, str] = {}
        self._outlets: dict[str, Outlet] = {}
        self._errors: list[str] = []
        self.stopping = threading.Event()
        self.catalog: Catalog | None = None
        self.generated: GenSite | None = None
        self.faults_router: Faults | None = None

    # -- life cycle ------------------------------------------------------------------
    def start(self) -> TestWeb:
        if self._servers:
            raise RuntimeError("TestWeb already started")
        self.stopping = threading.Event()
        try:
            for name in ORIGINS:
                self._servers[name] = OriginServer(name, self._ports[name], self)
        except OSError:
            for server in self._servers.values():
                server.server_close()
            self._servers.clear()
            raise
        bases = {n: f"http://127.0.0.1:{s.port}" for n, s in self._servers.items()}
        self._by_port = {s.port: n for n, s in self._servers.items()}
        self._outlets = {n: Outlet(n, *DISPLAY[n], bases[n]) for n in ORIGINS}
        self.catalog = Catalog(bases)
        self.generated = GenSite(bases["gen"], self.catalog.opml_groups())
        self.faults_router = Faults(bases["nusa"] + "/rss")
        for server in self._servers.values():
            server.start()
        return self

    def stop(self) -> None:
        """Stop every origin and join every server thread (promptly, even mid-fault)."""
        self.stopping.set()
        stragglers: list[str] = []
        for server in self._servers.values():
            stragglers += server.close()
        self._servers.clear()
        if stragglers:
            raise RuntimeError(f"test web threads did not stop: {stragglers}")

    def __enter__(self) -> TestWeb:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- where things are ------------------------------------------------------------------
    @property
    def outlets(self) -> dict[str, Outlet]:
        """The three news outlets (not ``faults``/``gen``), by name."""
        self._require()
        return {n: self._outlets[n] for n in NEWS}

    def outlet(self, name: str) -> Outlet:
        """Any origin by name: nusa, warta, harbor, faults or gen."""
        self._require()
        return self._outlets[name]

    @property
    def faults(self) -> Outlet:
        return self.outlet("faults")

    @property
    def gen(self) -> Outlet:
        return self.outlet("gen")

    @property
    def fault_paths(self) -> dict[str, str]:
        """Fault name -> path on the faults origin (see tests.web.faults)."""
        return dict(FAULT_PATHS)

    def fault_url(self, name: str) -> str:
        return self.faults.url(FAULT_PATHS[name])

    def article_urls(self, outlet: str | None = None) -> list[str]:
        """Canonical URL of every article (per outlet newest first)."""
        return self._catalog().article_urls(outlet)

    def feed_urls(self, outlet: str | None = None) -> list[str]:
        """Every feed (RSS, Atom, JSON Feed); the outlet's main feed comes first."""
        return self._catalog().feed_urls(outlet)

    def sitemap_urls(self, outlet: str | None = None) -> list[str]:
        return self._catalog().sitemap_urls(outlet)

    def page_urls(self, outlet: str | None = None) -> list[str]:
        """Every static URL the outlets serve (pages, feeds, assets), sorted."""
        return self._catalog().all_urls(outlet)

    def opml_url(self) -> str:
        """OPML listing every outlet feed."""
        return self.gen.url("/opml.xml")

    def generated_feed_url(self, n: int, items: int = 30) -> str:
        """RSS feed number ``n`` on the gen origin listing ``items`` articles."""
        self._require()
        assert self.generated is not None
        return self.generated.feed_url(n, items)

    def generated_opml_url(self, count: int) -> str:
        """OPML listing generated feeds 0..count-1 (30 items each)."""
        return self.gen.url(f"/gen/opml/{count}.xml")

    def truth(self, url: str) -> ArticleTruth:
        """Ground truth for an article URL (any of its page URLs, query ignored)."""
        origin, path, _ = self._split(url)
        if origin == "gen":
            assert self.generated is not None
            found = self.generated.truth(path)
        else:
            found = self._catalog().truth(origin or "", path)
        if found is None:
            raise KeyError(f"not an article of the test web: {url}")
        return found

    # -- request log ------------------------------------------------------------------------
    @property
    def requests(self) -> list[RequestRecord]:
        with self._lock:
            return [record for _, record in self._log]

    def requests_for(self, origin: str) -> list[RequestRecord]:
        with self._lock:
            return [record for name, record in self._log if name == origin]

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()

    def hits(self, url_or_path: str) -> int:
        """Requests that reached a path.

        A full URL counts only on its origin; a bare path counts on every origin.
        Without a query string every query variant counts; with one, only that
        exact path+query does.
        """
        origin, path, query = self._split(url_or_path)
        wanted = f"{path}?{query}" if query else path
        with self._lock:
            return sum(
                1
                for name, record in self._log
                if (origin is None or name == origin)
                and (record.path == wanted if query else record.path.partition("?")[0] == path)
            )

    @property
    def errors(self) -> list[str]:
        """Tracebacks of bugs inside the test web itself (should stay empty)."""
        with self._lock:
            return list(self._errors)

    # -- run-time routes ---------------------------------------------------------------------
    def serve(
        self,
        url_or_path: str,
        body: bytes | str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str = "text/html; charset=utf-8",
        times: int | None = None,
        conditional: bool = True,
        modified: datetime | None = None,
    ) -> None:
        """Register or override a route at run time.

        A bare path applies to every origin. ``headers`` may override Content-Type;
        a 200 gets an ETag (and Last-Modified when ``modified`` is given) unless
        ``conditional`` is False. ``times`` removes the override after that many hits.
        """
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = dict(headers or {})
        ctype = content_type
        for name in list(extra):
            if name.lower() == "content-type":
                ctype = extra.pop(name)
        resource = Resource(
            data,
            ctype,
            status=status,
            modified=modified,
            headers=tuple(extra.items()),
            conditional=conditional and status == 200,
            compress=not any(n.lower() == "content-encoding" for n in extra),
            cache_control="no-cache",
        )
        with self._lock:
            for key in self._override_keys(url_or_path):
                self._overrides[key] = _Override(resource, times)

    def unserve(self, url_or_path: str) -> None:
        with self._lock:
            for key in self._override_keys(url_or_path):
                self._overrides.pop(key, None)

    # -- App protocol (called from handler threads) --------------------------------------------
    def route(self, origin: str, method: str, path: str, query: str) -> Resource | Action:
        override = self._take_override(origin, path, query)
        if override is not None:
            return override
        found: Resource | Action | None
        if origin == "faults":
            assert self.faults_router is not None
            found = self.faults_router.lookup(path)
            return found if found is not None else self.faults_router.routes["/404"]
        if origin == "gen":
            assert self.generated is not None
            found = self.generated.lookup(path, query)
            return (
                found if found is not None else Resource(b"not found\n", "text/plain", status=404)
            )
        site = self._catalog().sites[origin]
        found = site.lookup(path, query)
        return found if found is not None else site.missing()

    def record(self, origin: str, method: str, target: str, headers: dict[str, str]) -> None:
        with self._lock:
            self._log.append((origin, RequestRecord(method, target, headers)))

    def delay(self, origin: str) -> float:
        if self.latency is None or origin == "faults":
            return 0.0
        with self._lock:
            return self._rng.uniform(*self.latency)

    def error(self, text: str) -> None:
        with self._lock:
            self._errors.append(text)

    # -- helpers -----------------------------------------------------------------------------------
    def _require(self) -> None:
        if not self._outlets:
            raise RuntimeError("TestWeb is not started")

    def _catalog(self) -> Catalog:
        self._require()
        assert self.catalog is not None
        return self.catalog

    def _split(self, url_or_path: str) -> tuple[str | None, str, str]:
        """(origin or None, path, query) of a URL or bare path."""
        parts = urlsplit(url_or_path)
        origin = None
        if parts.scheme:
            if parts.hostname != "127.0.0.1" or parts.port not in self._by_port:
                raise ValueError(f"not a test web URL: {url_or_path}")
            origin = self._by_port[parts.port]
        return origin, parts.path or "/", parts.query

    def _override_keys(self, url_or_path: str) -> Iterator[tuple[str, str]]:
        self._require()
        origin, path, query = self._split(url_or_path)
        target = f"{path}?{query}" if query else path
        for name in [origin] if origin else ORIGINS:
            yield (name, target)

    def _take_override(self, origin: str, path: str, query: str) -> Resource | None:
        with self._lock:
            for key in (
                ((origin, f"{path}?{query}"), (origin, path)) if query else ((origin, path),)
            ):
                found = self._overrides.get(key)
                if found is None:
                    continue
                if found.remaining is not None:
                    found.remaining -= 1
                    if found.remaining <= 0:
                        del self._overrides[key]
                return found.resource
        return None
