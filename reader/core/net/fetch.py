"""The one place where Kabar talks HTTP.

:class:`Fetcher` wraps ``requests`` with the limits a reader of untrusted web
pages needs (bad-inputs.md §1.5, §6.1):

* connect/read timeouts *and* an overall monotonic deadline per request. Per-read
  timeouts alone let a server trickling one byte every half second hold a
  worker for minutes, so the body is read with ``read1`` (each wait returns
  whatever has arrived) and the deadline and cancel token are checked between
  reads; a watchdog timer also shuts the socket when the deadline passes while
  requests is still waiting for the status line or headers;
* a cap on *decoded* bytes (gzip bombs), and a declared ``Content-Length``
  above the cap is refused before reading;
* a manual redirect loop: every hop is validated (http/https only, no
  credentials, no control characters, bounded length) before it is requested;
* the private-address policy (:mod:`reader.core.net.reach`), checked inside the
  connection: the host is resolved once, every address is judged, and the
  socket connects only to one that passed (a kept-alive connection is judged
  again before reuse). Every call says who chose the address: ``reach=``;
* content sniffing by kind (:mod:`reader.core.net.sniff`): a page or feed fetch
  refuses PDFs, images and other binary bodies, an image fetch refuses HTML;
* conditional GET (``If-None-Match`` / ``If-Modified-Since``);
* every library failure mapped to the typed errors of :mod:`reader.core.errors`
  (:mod:`reader.core.net.neterrors`), with one sentence a reader understands.

Environment policy: sessions use ``trust_env=False``, so ``~/.netrc``
credentials are never attached to feed or page URLs (CVE-2024-47081) and CA
bundle variables cannot change verification; proxy variables (``https_proxy``,
``no_proxy`` ...) are still honoured, looked up per hop. ``verify`` is always
on; no code path turns it off.

One ``requests.Session`` per thread: the fetcher is shared by worker threads
and a Session is not guaranteed to be thread-safe (psf/requests#2766).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, NoReturn
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as urllib3_connection

from reader import __version__
from reader.core.errors import (
    BadRedirect,
    Cancelled,
    EmptyResponse,
    Offline,
    PrivateAddress,
    ReaderError,
    Timeout,
    TooLarge,
    TooManyRedirects,
    UnsupportedContent,
)
from reader.core.models import FetchResult, Validators
from reader.core.net.addresses import check_url, normalise_url, url_problem
from reader.core.net.neterrors import host_name, map_error, status_error
from reader.core.net.reach import Reach, is_private_address
from reader.core.net.sniff import HTML_START_RE, SNIFF_BYTES, is_image, sniff_binary
from reader.core.urls import origin_of

log = logging.getLogger(__name__)

Kind = Literal["page", "feed", "image", "any"]
#: ``socket.getaddrinfo``'s shape; a test may give the fetcher its own resolver.
Resolver = Callable[..., list[tuple[Any, Any, Any, Any, Any]]]

MiB = 1024 * 1024
#: Decoded-size caps per kind of fetch.
DEFAULT_MAX_BYTES: Mapping[str, int] = {
    "page": 15 * MiB,
    "feed": 10 * MiB,
    "image": 8 * MiB,
    "any": 15 * MiB,
}
#: Overall seconds per request (all hops, headers and body) per kind.
DEFAULT_DEADLINES: Mapping[str, float] = {"page": 60.0, "feed": 30.0, "image": 30.0, "any": 60.0}
CHUNK_SIZE = 64 * 1024

DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/131.0 Safari/537.36 Kabar/{__version__}"
)
#: Pictures: only the formats the image store keeps (``store.images.sniff``) and the window
#: shows. Image CDNs (Cloudflare, Akamai, imgix) send AVIF to anyone whose Accept names it;
#: Kabar cannot keep AVIF (Qt has no plugin for it), so it is not named. WebP is: Qt's WebP
#: plugin ships in PySide6-Essentials, the files are about a third smaller than JPEG (less
#: data on a phone's connection, a smaller library), many sites send it whatever is asked,
#: and the EPUB export converts it for EPUB 3.2 readers (``transfer.formats.pictures``).
_ACCEPT: Mapping[str, str] = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,"
    "text/xml;q=0.9,text/html;q=0.5,*/*;q=0.3",
    "image": "image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8",
    "any": "*/*",
}
_NOUN: Mapping[str, str] = {"page": "page", "feed": "feed", "image": "image", "any": "document"}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT_REDIRECTS = frozenset({301, 308})
_BINARY_TYPES: Mapping[str, str] = {
    "application/pdf": "a PDF document",
    "image/": "an image",
    "audio/": "an audio file",
    "video/": "a video file",
    "font/": "a font",
    "application/zip": "a ZIP archive",
}


# -- watchdog and address plumbing: the connection knows the request it serves ------------
_current = threading.local()


def _running() -> _Request | None:
    request: _Request | None = getattr(_current, "request", None)
    return request


class _GuardedConnection(HTTPConnection):
    """Tells the running request which connection it got (watchdog), and connects
    only to addresses the request's :class:`Reach` permits (private-address policy)."""

    def _new_conn(self) -> socket.socket:
        request = _running()
        if request is None:
            return super()._new_conn()
        if self.proxy is not None:  # the proxy resolves the target; judge the name here
            request.check_name()
            return super()._new_conn()
        return request.open_socket(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        request = _running()
        if request is not None:
            request.connection = self
            if self.sock is not None and self.proxy is None:
                request.check_reused(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPConnection(_GuardedConnection):
    pass


class _WatchedHTTPSConnection(_GuardedConnection, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _Adapter(HTTPAdapter):
    """An adapter whose pools tell the running request which connection it got."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


# -- the fetcher ---------------------------------------------------------------------------
class Fetcher:
    """HTTP GET with timeouts, an overall deadline, size caps and typed errors.

    Thread-safe: each thread gets its own ``requests.Session``. ``offline``
    makes every :meth:`get` raise :class:`Offline` without touching the network.
    ``deadline`` and ``max_bytes`` override the per-kind defaults. ``resolver``
    (``socket.getaddrinfo`` by default) is what the private-address check and the
    connection use, once per new connection.
    """

    def __init__(
        self,
        *,
        offline: bool = False,
        user_agent: str = DEFAULT_USER_AGENT,
        connect_timeout: float = 5.0,
        read_timeout: float = 15.0,
        deadline: float | None = None,
        max_bytes: int | None = None,
        max_redirects: int = 10,
        accept_language: str = "id-ID,id;q=0.9,en;q=0.8",
        resolver: Resolver = socket.getaddrinfo,
    ) -> None:
        self.offline = offline
        self.user_agent = user_agent
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.accept_language = accept_language
        self.resolver = resolver
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._closed = False

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is not None:
            return session
        session = requests.Session()
        session.trust_env = False  # no ~/.netrc, no CA overrides (see module docstring)
        session.verify = True
        session.max_redirects = self.max_redirects
        adapter = _Adapter(max_retries=0, pool_connections=8, pool_maxsize=8)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers.update(
            {"User-Agent": self.user_agent, "Accept-Language": self.accept_language}
        )
        with self._lock:
            if self._closed:
                session.close()
                raise Cancelled()
            self._sessions.append(session)
        self._local.session = session
        return session

    def close(self) -> None:
        """Close every thread's session; later calls to :meth:`get` raise ``Cancelled``."""
        with self._lock:
            self._closed = True
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        reach: Reach,
        validators: Validators | None = None,
        kind: Kind = "page",
        max_bytes: int | None = None,
        deadline: float | None = None,
        cancel: threading.Event | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> FetchResult:
        """GET ``url``, following at most ``max_redirects`` checked redirects.

        ``headers`` (e.g. an API's ``Authorization``) go only to ``url``'s own origin
        (scheme, host and port) or its https upgrade: a redirect to another host, another
        port or down to plain http never carries them.

        ``reach`` says who chose ``url`` and so which addresses the fetch may
        connect to (:mod:`reader.core.net.reach`): :data:`Reach.USER` for what
        the user typed, clicked or subscribed to; ``Reach.named_by(result)`` for
        anything fetched because content named it (items, pictures, next pages,
        enclosures, favicons, synced or imported items). A refused address
        raises :class:`~reader.core.errors.PrivateAddress` before any request.

        Raises a :class:`~reader.core.errors.FetchError` subclass,
        :class:`~reader.core.errors.InvalidURL` or ``Cancelled``; never a
        library exception. A 304 answer to ``validators`` gives a result with
        ``not_modified=True`` and an empty body.
        """
        return self._run(
            "GET", url, None, reach=reach, validators=validators, kind=kind,
            max_bytes=max_bytes, deadline=deadline, cancel=cancel, headers=headers,
        )  # fmt: skip

    def post(
        self,
        url: str,
        data: Sequence[tuple[str, str]],
        *,
        reach: Reach,
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
        deadline: float | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchResult:
        """POST a form (``data``: name/value pairs, names may repeat) to an API.

        Same limits, errors, header rule and ``reach`` as :meth:`get` (an account's
        server the user added is ``Reach.USER``). A 301/302/303 answer is
        followed as a GET without the form (as browsers do); 307/308 repeat the POST, but
        only to the same origin (or its https upgrade): a form sent on to another server
        would hand it a password, so that redirect is refused (:class:`BadRedirect`).
        The form is never logged (it may hold a password).
        """
        return self._run(
            "POST", url, list(data), reach=reach, validators=None, kind="any",
            max_bytes=max_bytes, deadline=deadline, cancel=cancel, headers=headers,
        )  # fmt: skip

    def _run(
        self,
        method: str,
        url: str,
        data: list[tuple[str, str]] | None,
        *,
        reach: Reach,
        validators: Validators | None,
        kind: Kind,
        max_bytes: int | None,
        deadline: float | None,
        cancel: threading.Event | None,
        headers: Mapping[str, str] | None,
    ) -> FetchResult:
        first = check_url(url)
        if self.offline:
            raise Offline(first)
        if self._closed:
            raise Cancelled()
        seconds = deadline or self.deadline or DEFAULT_DEADLINES[kind]
        request = _Request(
            self,
            first,
            reach=reach,
            kind=kind,
            validators=validators or Validators(),
            cap=max_bytes or self.max_bytes or DEFAULT_MAX_BYTES[kind],
            seconds=seconds,
            cancel=cancel,
            method=method,
            data=data,
            extra_headers=headers,
        )
        started = time.monotonic()
        try:
            result = request.run()
        except ReaderError as error:
            log.debug(
                "%s %s failed after %.2fs: %s", method, url, time.monotonic() - started, error
            )
            raise
        log.debug(
            "%s %s -> %s %d (%d bytes, %.2fs)", method,
            url, result.final_url, result.status, len(result.body), time.monotonic() - started,
        )  # fmt: skip
        return result


class _Request:
    """One :meth:`Fetcher.get` call: hops, deadline, watchdog and byte count."""

    def __init__(
        self,
        fetcher: Fetcher,
        url: str,
        *,
        reach: Reach,
        kind: Kind,
        validators: Validators,
        cap: int,
        seconds: float,
        cancel: threading.Event | None,
        method: str = "GET",
        data: list[tuple[str, str]] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.method = method
        self.data = data
        self.extra_headers = dict(extra_headers or {})
        self.url = url
        self.current = url
        self.kind = kind
        self.noun = _NOUN[kind]
        self.validators = validators
        self.cap = cap
        self.seconds = seconds
        self.deadline_at = time.monotonic() + seconds
        self.cancel = cancel
        self.connection: HTTPConnection | None = None
        self.expired = False
        self.hops = 0
        self.all_permanent = True  # every redirect so far was a 301/308
        self.reach = reach
        #: The redirect that named the current hop: (its URL, served privately); None at first.
        self.via: tuple[str, bool] | None = None
        #: The current hop's answer comes from a private address.
        self.peer_private = False

    # -- limits -----------------------------------------------------------------
    @property
    def host(self) -> str:
        return host_name(self.current)

    def too_slow(self) -> Timeout:
        return Timeout(
            self.current,
            f"The server at {self.host} took too long to send the {self.noun} "
            f"(more than {self.seconds:g} seconds).",
        )

    def remaining(self) -> float:
        """Seconds left before the deadline; raises Cancelled/Timeout when none."""
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()
        left = self.deadline_at - time.monotonic()
        if left <= 0 or self.expired:
            raise self.too_slow()
        return left

    def expire(self) -> None:
        """Watchdog: the deadline passed while blocked in requests; wake the reader."""
        self.expired = True
        sock = getattr(self.connection, "sock", None)
        if isinstance(sock, socket.socket):
            log.debug("deadline passed for %s; closing the connection", self.current)
            with contextlib.suppress(OSError):
                # The plain-socket shutdown, also for TLS: it only wakes the blocked
                # recv and does not touch the SSL object the other thread is using.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    # -- the private-address policy (reader.core.net.reach) -----------------------------
    def _judge(self, addresses: list[str]) -> list[bool]:
        """Which of ``addresses`` are private; raises PrivateAddress if none may be used."""
        private = [is_private_address(a) for a in addresses]
        if all(private) and not self.reach.permits(self.current, via=self.via):
            log.info("refused %s: it resolves to %s", self.current, ", ".join(addresses))
            raise PrivateAddress(self.current)
        return private

    def _resolve(self, host: str, port: int) -> list[tuple[Any, ...]]:
        infos = self.fetcher.resolver(host, port, 0, socket.SOCK_STREAM)
        return [info[4] for info in infos]

    def open_socket(self, conn: HTTPConnection) -> socket.socket:
        """Resolve once, judge every address, connect only to one that passed."""
        try:
            found = self._resolve(conn._dns_host, conn.port)
        except socket.gaierror as error:
            raise NameResolutionError(conn.host, conn, error) from error
        private = self._judge([str(addr[0]) for addr in found])
        permitted = self.reach.permits(self.current, via=self.via) if any(private) else True
        failure: Exception | None = None
        for sockaddr, is_private in zip(found, private, strict=True):
            if is_private and not permitted:
                continue
            try:
                sock = urllib3_connection.create_connection(
                    (str(sockaddr[0]), sockaddr[1]), conn.timeout,
                    source_address=conn.source_address, socket_options=conn.socket_options,
                )  # fmt: skip
            except TimeoutError as error:
                failure = ConnectTimeoutError(conn, f"Connection to {conn.host} timed out.")
                failure.__cause__ = error
            except OSError as error:
                failure = NewConnectionError(conn, f"Failed to establish a new connection: {error}")
                failure.__cause__ = error
            else:
                self.peer_private = is_private
                return sock
        assert failure is not None
        raise failure

    def check_name(self) -> None:
        """Through a proxy: judge what the target's name resolves to here."""
        parts = urlsplit(self.current)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            found = self._resolve(parts.hostname or "", port)
        except socket.gaierror:
            return  # the proxy may know names we do not; it resolves them outside
        private = self._judge([str(addr[0]) for addr in found])
        self.peer_private = any(private)
        if any(private) and not self.reach.permits(self.current, via=self.via):
            raise PrivateAddress(self.current)

    def check_reused(self, sock: socket.socket) -> None:
        """A kept-alive connection: judge the address it is connected to."""
        try:
            peer = str(sock.getpeername()[0])
        except OSError:
            return  # not connected: urllib3 opens a new one through open_socket
        self.peer_private = self._judge([peer])[0]

    # -- main loop ----------------------------------------------------------------
    def run(self) -> FetchResult:
        session = self.fetcher._session()
        watchdog = threading.Timer(self.seconds, self.expire)
        watchdog.daemon = True
        _current.request = self
        watchdog.start()
        try:
            return self.follow(session)
        finally:
            watchdog.cancel()
            _current.request = None

    def follow(self, session: requests.Session) -> FetchResult:
        seen = {self.current}
        for _hop in range(self.fetcher.max_redirects + 1):
            response = self.send(session)
            try:
                if response.status_code in _REDIRECTS and response.headers.get("location"):
                    target = self.redirect_target(session, response)
                    if target in seen:
                        raise TooManyRedirects(
                            self.url, f"{self.host} sends Kabar round in a redirect loop."
                        )
                    seen.add(target)
                    self.hops += 1
                    self.all_permanent &= response.status_code in _PERMANENT_REDIRECTS
                    if self.method != "GET" and response.status_code not in (307, 308):
                        self.method, self.data = "GET", None
                    elif self.data is not None and not self.may_carry(target):
                        raise BadRedirect(
                            self.url,
                            f"{self.host} sent Kabar's form on to another server "
                            f"({host_name(target)}); Kabar did not send it.",
                        )
                    log.debug("redirect %d %s -> %s", response.status_code, self.current, target)
                    self.via = (self.current, self.peer_private)
                    self.current = target
                    self.peer_private = False
                    continue
                return self.finish(response)
            finally:
                response.close()
        raise TooManyRedirects(
            self.url,
            f"{host_name(self.url)} redirected more than {self.fetcher.max_redirects} times; "
            "Kabar gave up.",
        )

    def headers(self) -> dict[str, str]:
        headers = {"Accept": _ACCEPT[self.kind]}
        if self.validators.etag:
            headers["If-None-Match"] = self.validators.etag
        if self.validators.last_modified:
            headers["If-Modified-Since"] = self.validators.last_modified
        if self.extra_headers and self.may_carry(self.current):
            headers.update(self.extra_headers)
        return headers

    def may_carry(self, target: str) -> bool:
        """May ``target`` get the caller's headers and form (an API's login, its token)?
        Only the origin they were meant for, or its https upgrade (the rule of requests'
        ``should_strip_auth``): never another host, another port or plain http."""
        origin, there = origin_of(self.url), origin_of(target)
        if origin is None or there is None:
            return False
        upgrade = origin[0] == "http" and origin[2] == 80 and there == ("https", origin[1], 443)
        return there == origin or upgrade

    def send(self, session: requests.Session) -> requests.Response:
        left = self.remaining()
        timeout = (min(self.fetcher.connect_timeout, left), min(self.fetcher.read_timeout, left))
        self.connection = None
        try:
            return session.request(
                self.method,
                self.current,
                data=self.data,
                headers=self.headers(),
                stream=True,
                allow_redirects=False,
                timeout=timeout,
                proxies=requests.utils.get_environ_proxies(self.current),
                verify=True,
            )
        except Exception as error:  # whatever requests/urllib3/ssl/socket raise
            self.fail(error, connecting=True)

    def redirect_target(self, session: requests.Session, response: requests.Response) -> str:
        location = session.get_redirect_target(response) or ""
        try:
            target = urljoin(self.current, location.strip())
        except ValueError:
            target = location
        problem = url_problem(target)
        if problem:
            raise BadRedirect(
                self.url,
                f"{self.host} redirected to an address Kabar will not open ({problem}).",
            )
        return normalise_url(target)

    # -- the final response -----------------------------------------------------------
    def finish(self, response: requests.Response) -> FetchResult:
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        content_type = headers.get("content-type", "").strip()
        validators = Validators(headers.get("etag"), headers.get("last-modified"))
        not_modified = status == 304 and bool(self.validators)
        if not_modified:
            body = b""
            validators = Validators(
                validators.etag or self.validators.etag,
                validators.last_modified or self.validators.last_modified,
            )
        elif 200 <= status < 300:
            self.check_declared(headers, content_type)
            body = self.read_body(response, content_type)
            if not body.strip():
                raise EmptyResponse(
                    self.current, f"The server at {self.host} sent an empty {self.noun}."
                )
        else:
            raise status_error(self.current, status, headers.get("retry-after"), self.noun)
        return FetchResult(
            url=self.url,
            final_url=self.current,
            status=status,
            content_type=content_type,
            body=body,
            validators=validators,
            not_modified=not_modified,
            headers=headers,
            moved_permanently=self.hops > 0 and self.all_permanent,
            private_peer=self.peer_private,
        )

    def check_declared(self, headers: Mapping[str, str], content_type: str) -> None:
        """Refuse by headers alone, before reading: a binary type or a size above the cap."""
        lowered = content_type.lower()
        if self.kind in ("page", "feed"):
            for prefix, what in _BINARY_TYPES.items():
                if lowered.startswith(prefix):
                    raise UnsupportedContent(self.current, content_type, self.not_a(what))
        length = headers.get("content-length", "").strip()
        encoded = headers.get("content-encoding", "identity").lower() not in ("", "identity")
        if length.isdigit() and int(length) > self.cap and not encoded:
            raise TooLarge(self.current, self.cap)

    def not_a(self, what: str) -> str:
        return f"{self.current} is {what}, not a {self.noun} Kabar can read."

    def sniff(self, sample: bytes, content_type: str) -> None:
        if self.kind == "any":
            return
        if self.kind == "image":
            if not is_image(sample, content_type.lower()):
                message = (
                    f"{self.current} is a web page, not an image."
                    if HTML_START_RE.match(sample)
                    else f"{self.current} is not an image."
                )
                raise UnsupportedContent(self.current, content_type, message)
            return
        binary = sniff_binary(sample)
        if binary:
            raise UnsupportedContent(self.current, content_type, self.not_a(binary))

    def read_body(self, response: requests.Response, content_type: str) -> bytes:
        """Stream the decoded body, enforcing the cap, deadline, cancel token and sniffing."""
        raw = response.raw
        parts: list[bytes] = []
        total = 0
        sniffed = False
        try:
            while True:
                self.set_read_timeout(raw)
                chunk = raw.read1(CHUNK_SIZE, decode_content=True)
                if not chunk:
                    break
                total += len(chunk)
                if total > self.cap:
                    raise TooLarge(self.current, self.cap)
                parts.append(chunk)
                if not sniffed and total >= SNIFF_BYTES:
                    self.sniff(b"".join(parts)[:SNIFF_BYTES], content_type)
                    sniffed = True
            self.remaining()  # a body cut short by the watchdog is not a body
        except ReaderError:
            raise
        except Exception as error:
            self.fail(error, connecting=False)
        body = b"".join(parts)
        if not sniffed and body.strip():
            self.sniff(body[:SNIFF_BYTES], content_type)
        return body

    def set_read_timeout(self, raw: urllib3.BaseHTTPResponse) -> None:
        """Shrink the socket timeout so a single read cannot outlive the deadline."""
        left = self.remaining()
        sock = getattr(getattr(raw, "connection", None), "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.settimeout(max(0.01, min(self.fetcher.read_timeout, left)))

    def fail(self, error: BaseException, *, connecting: bool) -> NoReturn:
        """Raise the typed error for a library exception (see :func:`map_error`)."""
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled() from error
        if self.expired or self.deadline_at - time.monotonic() <= 0.05:
            mapped: ReaderError = self.too_slow()
        else:
            mapped = map_error(error, self.current, noun=self.noun, connecting=connecting)
        log.debug("fetch of %s failed", self.current, exc_info=error)
        raise mapped from error
