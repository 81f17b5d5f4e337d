"""The one place where Kabar talks HTTP.

:class:`Fetcher` wraps ``requests`` with the limits a reader of untrusted web
pages needs (bad-inputs.md §1.5, §6.1):

* connect/read timeouts *and* an overall monotonic deadline, enforced while the
  body streams in (a server trickling one byte every half second would
  otherwise hold a worker for minutes);
* a cap on *decoded* bytes (gzip bombs), read with ``read1`` so each wait
  returns whatever has arrived and the deadline and cancel token are checked
  between reads;
* a manual redirect loop: every hop is validated (http/https only, no
  credentials, no control characters, bounded length) before it is requested;
* content sniffing by kind: a page fetch refuses PDFs, images and other binary
  bodies, an image fetch refuses HTML;
* conditional GET (``If-None-Match`` / ``If-Modified-Since``);
* every ``requests``/``urllib3``/``OSError`` failure mapped to the typed errors
  of :mod:`reader.core.errors`, with one sentence a reader understands.

Environment policy: sessions use ``trust_env=False`` so ``~/.netrc``
credentials are never attached to feed or page URLs (CVE-2024-47081) and CA
bundle overrides in the environment cannot weaken verification; proxy
variables (``https_proxy``, ``no_proxy`` ...) are still honoured, looked up per
hop. ``verify`` is always on; there is no code path that turns it off.

One ``requests.Session`` per thread: the fetcher is shared by worker threads
and a Session is not guaranteed to be thread-safe (psf/requests#2766).
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import logging
import re
import socket
import ssl
import threading
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Literal, NoReturn
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter

from reader import __version__
from reader.core.errors import (
    BadRedirect,
    Cancelled,
    ConnectFailed,
    EmptyResponse,
    FetchError,
    HTTPStatus,
    InvalidURL,
    Offline,
    ReaderError,
    Timeout,
    TLSFailed,
    TooLarge,
    TooManyRedirects,
    UnsupportedContent,
)
from reader.core.models import FetchResult, Validators

log = logging.getLogger(__name__)

Kind = Literal["page", "feed", "image", "any"]

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
MAX_URL_LENGTH = 4096
CHUNK_SIZE = 64 * 1024
SNIFF_BYTES = 1024

DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/131.0 Safari/537.36 Kabar/{__version__}"
)
_ACCEPT: Mapping[str, str] = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
    "text/html;q=0.5,*/*;q=0.3",
    "image": "image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8",
    "any": "*/*",
}
_NOUN: Mapping[str, str] = {"page": "page", "feed": "feed", "image": "image", "any": "document"}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CONTROL_RE = re.compile("[\x00-\x1f\x7f]")

# Magic numbers of formats a reader never wants to "extract" as an article.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BM", ""),  # BMP only counts together with the binary check below
    (b"\x00\x00\x01\x00", "an icon"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", ""),
    (b"OggS", "an audio or video file"),
    (b"ID3", "an audio file"),
    (b"\x1aE\xdf\xa3", "a video file"),
    (b"wOFF", "a font"),
    (b"wOF2", "a font"),
)
_IMAGE_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"\x00\x00\x01\x00",
)
_FTYP = (b"ftypavif", b"ftypheic", b"ftypmp42", b"ftypisom")
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")
_HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|script|div|p\b)",
    re.IGNORECASE | re.DOTALL,
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


# -- URL checks ---------------------------------------------------------------
def url_problem(url: object) -> str | None:
    """Why ``url`` must not be requested, or None if it is a fetchable http(s) URL."""
    if not isinstance(url, str) or not url.strip():
        return "the address is empty"
    if len(url) > MAX_URL_LENGTH:
        return "the address is too long"
    if _CONTROL_RE.search(url.strip()):
        return "the address contains control characters"
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        _ = parts.port
    except ValueError:
        return "the address is malformed"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return f"{scheme}: addresses are not web pages" if scheme else "not an http(s) address"
    if not host:
        return "the address has no host name"
    if any(ch.isspace() for ch in parts.netloc):
        return "the address is malformed"
    if "@" in parts.netloc:
        return "the address contains a user name or password"
    return None


def _normalise(url: str) -> str:
    """Strip surrounding blanks and encode inner spaces, as browsers do."""
    return url.strip().replace(" ", "%20")


def check_url(url: str) -> str:
    """The URL, cleaned, or :class:`InvalidURL` saying what is wrong with it."""
    problem = url_problem(url)
    if problem:
        raise InvalidURL(str(url)[:200], problem)
    return _normalise(url)


def host_name(url: str) -> str:
    """The host for messages ("example.com"); the URL itself if it has none."""
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


# -- header helpers -------------------------------------------------------------
def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (delta or HTTP-date); None if absent or garbage."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, when.timestamp() - current)


def _content_charset(content_type: str) -> str | None:
    match = re.search(r"""charset\s*=\s*["']?([\w.:-]+)""", content_type, re.IGNORECASE)
    return match.group(1).lower() if match else None


# -- sniffing ---------------------------------------------------------------------
def _looks_utf16(sample: bytes) -> bool:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if len(sample) < 8:
        return False
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return (odd > half * 0.6 and even < half * 0.1) or (even > half * 0.6 and odd < half * 0.1)


def _is_binary(sample: bytes) -> bool:
    """Random or compressed bytes: many control bytes that text never has."""
    if not sample or _looks_utf16(sample):
        return False
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > max(2, len(sample) // 50)


def sniff_binary(sample: bytes) -> str | None:
    """What non-text format ``sample`` starts with ("a PDF document"), or None for text."""
    stripped = sample.lstrip(b" \t\r\n")
    for magic, what in _MAGIC:
        if stripped.startswith(magic) and (what or _is_binary(sample)):
            return what or "a binary file"
    if stripped.startswith(b"RIFF") and stripped[8:12] == b"WEBP":
        return "a WebP image"
    if stripped[4:12] in _FTYP:
        return "an image or video file"
    if _is_binary(sample):
        return "a binary file"
    return None


def _is_image(sample: bytes, content_type: str) -> bool:
    if sample.startswith(_IMAGE_MAGIC) or (sample.startswith(b"RIFF") and sample[8:12] == b"WEBP"):
        return True
    if sample[4:12] in _FTYP[:2]:
        return True
    if _HTML_START_RE.match(sample):
        return False
    return content_type.startswith("image/") and not content_type.startswith("image/svg")


# -- the fetcher --------------------------------------------------------------------
class Fetcher:
    """HTTP GET with timeouts, an overall deadline, size caps and typed errors.

    Thread-safe: each thread gets its own ``requests.Session``. ``offline``
    makes every :meth:`get` raise :class:`Offline` without touching the network.
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
    ) -> None:
        self.offline = offline
        self.user_agent = user_agent
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.accept_language = accept_language
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._closed = False

    # -- lifecycle ------------------------------------------------------------
    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is not None:
            return session
        session = requests.Session()
        session.trust_env = False  # no ~/.netrc, no env CA overrides (see module doc)
        session.verify = True
        session.max_redirects = self.max_redirects
        adapter = HTTPAdapter(max_retries=0, pool_connections=8, pool_maxsize=8)
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

    # -- the request ------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        validators: Validators | None = None,
        kind: Kind = "page",
        max_bytes: int | None = None,
        deadline: float | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchResult:
        """GET ``url`` following at most ``max_redirects`` checked redirects.

        Raises a :class:`~reader.core.errors.FetchError` subclass (or
        :class:`InvalidURL`, :class:`Cancelled`); never a library exception.
        """
        first = check_url(url)
        if self.offline:
            raise Offline(first)
        if self._closed:
            raise Cancelled()
        cap = max_bytes or self.max_bytes or DEFAULT_MAX_BYTES[kind]
        seconds = deadline or self.deadline or DEFAULT_DEADLINES[kind]
        request = _Request(
            self,
            first,
            kind=kind,
            validators=validators,
            cap=cap,
            deadline_at=time.monotonic() + seconds,
            cancel=cancel,
        )
        started = time.monotonic()
        try:
            result = request.run()
        except ReaderError as error:
            log.debug("GET %s failed after %.2fs: %s", url, time.monotonic() - started, error)
            raise
        log.debug(
            "GET %s -> %s %d (%d bytes, %.2fs)",
            url, result.final_url, result.status, len(result.body), time.monotonic() - started,
        )  # fmt: skip
        return result


class _Request:
    """State of one :meth:`Fetcher.get` call (hops, deadline, byte count)."""

    def __init__(
        self,
        fetcher: Fetcher,
        url: str,
        *,
        kind: Kind,
        validators: Validators | None,
        cap: int,
        deadline_at: float,
        cancel: threading.Event | None,
    ) -> None:
        self.fetcher = fetcher
        self.url = url
        self.current = url
        self.kind = kind
        self.noun = _NOUN[kind]
        self.validators = validators or Validators()
        self.cap = cap
        self.deadline_at = deadline_at
        self.seconds = deadline_at - time.monotonic()
        self.cancel = cancel

    # -- checks ---------------------------------------------------------------
    @property
    def host(self) -> str:
        return host_name(self.current)

    def remaining(self) -> float:
        """Seconds left before the deadline; raises Timeout/Cancelled when none."""
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()
        left = self.deadline_at - time.monotonic()
        if left <= 0:
            raise Timeout(
                self.current,
                f"The server at {self.host} took too long to send the {self.noun} "
                f"(more than {self.seconds:.0f} seconds).",
            )
        return left

    def headers(self) -> dict[str, str]:
        headers = {"Accept": _ACCEPT[self.kind]}
        if self.validators.etag:
            headers["If-None-Match"] = self.validators.etag
        if self.validators.last_modified:
            headers["If-Modified-Since"] = self.validators.last_modified
        return headers

    # -- main loop ------------------------------------------------------------
    def run(self) -> FetchResult:
        session = self.fetcher._session()
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
                    log.debug("redirect %d %s -> %s", response.status_code, self.current, target)
                    self.current = target
                    continue
                return self.finish(response)
            finally:
                response.close()
        raise TooManyRedirects(
            self.url,
            f"{host_name(self.url)} redirected more than {self.fetcher.max_redirects} times; "
            "Kabar gave up.",
        )

    def send(self, session: requests.Session) -> requests.Response:
        left = self.remaining()
        timeout = (min(self.fetcher.connect_timeout, left), min(self.fetcher.read_timeout, left))
        try:
            proxies = requests.utils.get_environ_proxies(self.current)
            return session.get(
                self.current,
                headers=self.headers(),
                stream=True,
                allow_redirects=False,
                timeout=timeout,
                proxies=proxies,
                verify=True,
            )
        except ReaderError:
            raise
        except Exception as error:  # everything requests/urllib3/socket can throw
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
        return _normalise(target)

    # -- the final response -------------------------------------------------------
    def finish(self, response: requests.Response) -> FetchResult:
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        content_type = headers.get("content-type", "").strip()
        validators = Validators(headers.get("etag"), headers.get("last-modified"))
        if status == 304 and self.validators:
            return FetchResult(
                url=self.url,
                final_url=self.current,
                status=status,
                content_type=content_type,
                charset=_content_charset(content_type),
                body=b"",
                validators=Validators(
                    validators.etag or self.validators.etag,
                    validators.last_modified or self.validators.last_modified,
                ),
                not_modified=True,
                headers=headers,
            )
        if not 200 <= status < 300:
            raise self.status_error(status, headers.get("retry-after"))
        self.check_declared(headers, content_type)
        body = self.read_body(response, content_type)
        if not body.strip():
            raise EmptyResponse(
                self.current, f"The server at {self.host} sent an empty {self.noun}."
            )
        return FetchResult(
            url=self.url,
            final_url=self.current,
            status=status,
            content_type=content_type,
            charset=_content_charset(content_type),
            body=body,
            validators=validators,
            headers=headers,
        )

    def status_error(self, status: int, retry_after_header: str | None) -> HTTPStatus:
        host, noun = self.host, self.noun
        retry_after = parse_retry_after(retry_after_header)
        if status == 404:
            message = f"This {noun} no longer exists on {host} (404)."
        elif status == 410:
            message = f"This {noun} was removed from {host} for good (410)."
        elif status in (401, 403):
            message = f"{host} refused access to this {noun} ({status})."
        elif status == 429:
            wait = (
                f"try again in {_duration(retry_after)}"
                if retry_after is not None
                else "try again later"
            )
            message = f"{host} is getting too many requests; {wait} (429)."
        elif status == 451:
            message = f"This {noun} is not available for legal reasons (451)."
        elif 500 <= status < 600:
            message = f"The server at {host} has a problem right now ({status}); try again later."
        elif 300 <= status < 400:
            message = f"The server at {host} gave an answer Kabar does not understand ({status})."
        else:
            message = f"The server at {host} refused the request ({status})."
        return HTTPStatus(self.current, status, message, retry_after)

    def check_declared(self, headers: Mapping[str, str], content_type: str) -> None:
        """Refuse by headers alone, before reading: declared size or binary type."""
        lowered = content_type.lower()
        if self.kind in ("page", "feed") and lowered.startswith(_BINARY_TYPES):
            raise UnsupportedContent(self.current, content_type, self.not_a(self.describe(lowered)))
        length = headers.get("content-length", "")
        encoded = headers.get("content-encoding", "identity").lower() not in ("", "identity")
        if length.isdigit() and int(length) > self.cap and not encoded:
            raise TooLarge(self.current, self.cap)

    def not_a(self, what: str) -> str:
        return f"{self.current} is {what}, not a {self.noun} Kabar can read."

    @staticmethod
    def describe(content_type: str) -> str:
        if content_type.startswith("application/pdf"):
            return "a PDF document"
        if content_type.startswith("image/"):
            return "an image"
        if content_type.startswith(("audio/", "video/")):
            return "an audio or video file"
        if content_type.startswith("font/"):
            return "a font"
        return "an archive"

    def sniff(self, sample: bytes, content_type: str) -> None:
        if self.kind == "any":
            return
        if self.kind == "image":
            if not _is_image(sample, content_type.lower()):
                message = (
                    f"{self.current} is a web page, not an image."
                    if _HTML_START_RE.match(sample)
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
            self.remaining()
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
        connection = getattr(raw, "connection", None)
        sock = getattr(connection, "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.settimeout(max(0.01, min(self.fetcher.read_timeout, left)))

    # -- error mapping ------------------------------------------------------------
    def fail(self, error: BaseException, *, connecting: bool) -> NoReturn:
        """Raise the typed error for a library exception (see :func:`map_error`)."""
        mapped = map_error(error, self.current, noun=self.noun, connecting=connecting)
        if isinstance(mapped, Timeout) and self.deadline_at - time.monotonic() <= 0.05:
            mapped = Timeout(
                self.current,
                f"The server at {self.host} took too long to send the {self.noun} "
                f"(more than {self.seconds:.0f} seconds).",
            )
        log.debug("fetch of %s failed", self.current, exc_info=error)
        raise mapped from error


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} seconds"
    if seconds < 5400:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"


def _chain(error: BaseException) -> list[BaseException]:
    """The error, its causes/contexts and exceptions nested in its args."""
    found: list[BaseException] = []
    todo: list[BaseException] = [error]
    while todo and len(found) < 20:
        current = todo.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        for attr in ("reason", "__cause__", "__context__"):
            nested = getattr(current, attr, None)
            if isinstance(nested, BaseException):
                todo.append(nested)
    return found


def _tls_message(host: str, chain: list[BaseException]) -> str:
    text = " ".join(str(e) for e in chain).lower()
    if "hostname mismatch" in text or "doesn't match" in text or "not valid for" in text:
        reason = "its certificate belongs to a different site"
    elif "expired" in text:
        reason = "its certificate has expired"
    elif "self-signed" in text or "self signed" in text:
        reason = "its certificate is self-signed"
    elif "unable to get local issuer" in text or "certificate verify failed" in text:
        reason = "its certificate is not from a trusted authority"
    else:
        reason = "the secure connection could not be set up"
    return f"Kabar could not connect securely to {host}: {reason}."


def map_error(
    error: BaseException, url: str, *, noun: str = "page", connecting: bool = True
) -> ReaderError:
    """The typed Kabar error for an exception raised by requests, urllib3 or the socket layer."""
    host = host_name(url)
    chain = _chain(error)

    def has(*types: type[BaseException]) -> bool:
        return any(isinstance(e, types) for e in chain)

    if isinstance(error, ReaderError):
        return error
    if has(requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema):
        return InvalidURL(url, "not an http(s) address")
    if has(requests.exceptions.InvalidURL, urllib3.exceptions.LocationParseError, UnicodeError):
        return InvalidURL(url, "the address is malformed")
    if has(requests.exceptions.SSLError, ssl.SSLError, urllib3.exceptions.SSLError):
        return TLSFailed(url, _tls_message(host, chain))
    if has(requests.exceptions.ProxyError, urllib3.exceptions.ProxyError):
        return ConnectFailed(url, f"Kabar could not reach {host} through the proxy server.")
    if has(urllib3.exceptions.NameResolutionError, socket.gaierror):
        return ConnectFailed(
            url, f"Kabar could not find the server {host}; check the address and your connection."
        )
    if has(ConnectionRefusedError):
        return ConnectFailed(url, f"The server at {host} refused the connection.")
    # urllib3's NewConnectionError subclasses ConnectTimeoutError; only a real timeout counts.
    if has(requests.exceptions.ConnectTimeout) or any(
        isinstance(e, urllib3.exceptions.ConnectTimeoutError)
        and not isinstance(e, urllib3.exceptions.NewConnectionError)
        for e in chain
    ):
        return Timeout(url, f"The server at {host} did not answer in time.")
    if has(requests.exceptions.ReadTimeout, urllib3.exceptions.ReadTimeoutError, TimeoutError):
        return Timeout(url, f"The server at {host} took too long to answer.")
    if (
        connecting
        and has(urllib3.exceptions.NewConnectionError, OSError)
        and not has(http.client.HTTPException, urllib3.exceptions.ProtocolError)
    ):
        return ConnectFailed(url, f"Kabar could not connect to {host}.")
    if has(requests.exceptions.ContentDecodingError, urllib3.exceptions.DecodeError):
        return FetchError(url, f"The server at {host} sent a damaged compressed {noun}.")
    if has(
        requests.exceptions.ChunkedEncodingError,
        urllib3.exceptions.ProtocolError,
        http.client.IncompleteRead,
        ConnectionResetError,
    ):
        if connecting:
            return FetchError(url, f"The server at {host} closed the connection without answering.")
        return FetchError(
            url, f"The connection to {host} broke off before the {noun} was complete."
        )
    if has(requests.exceptions.TooManyRedirects):
        return TooManyRedirects(url, f"{host} redirected too many times; Kabar gave up.")
    return FetchError(url, f"The server at {host} sent an answer Kabar could not understand.")
