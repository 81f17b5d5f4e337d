"""HTTP plumbing: one ThreadingHTTPServer per origin, conditional GET and gzip.

Every connection runs in a tracked daemon thread, so ``close()`` can shut the
sockets down (waking threads parked on keep-alive reads) and join them all: the
test web never leaks threads or keeps the process alive.
"""

from __future__ import annotations

import contextlib
import email.utils
import socket
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

from tests.web.resource import Resource

#: A handler that writes its own response (fault routes: trickles, hangs...).
Action = Callable[["Handler"], None]

#: Errors meaning "the client went away"; never worth a traceback.
DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


class App(Protocol):
    """What an origin server needs from the TestWeb that owns it."""

    stopping: threading.Event

    def route(self, origin: str, method: str, path: str, query: str) -> Resource | Action: ...

    def record(self, origin: str, method: str, target: str, headers: dict[str, str]) -> None: ...

    def delay(self, origin: str) -> float: ...

    def error(self, text: str) -> None: ...


def http_date(moment: datetime) -> str:
    """RFC 9110 IMF-fixdate."""
    return email.utils.format_datetime(moment.astimezone(UTC), usegmt=True)


def _accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        token, _, params = part.strip().partition(";")
        if token.strip().lower() in ("gzip", "x-gzip", "*"):
            q = params.strip().lower()
            return q.removeprefix("q=").strip("0.") != "" if q.startswith("q=") else True
    return False


def _etag_matches(header: str, resource: Resource) -> bool:
    """Weak comparison (RFC 9110 13.1.2): either representation's tag matches."""
    if header.strip() == "*":
        return True
    wanted = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return bool(wanted & {resource.etag, resource.etag_gzip})


def _not_modified_since(header: str, resource: Resource) -> bool:
    if resource.modified is None:
        return False
    try:
        since = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        return False
    return resource.modified.replace(microsecond=0) <= since


class Handler(BaseHTTPRequestHandler):
    """Routes every request through the owning App; HTTP/1.1 keep-alive."""

    protocol_version = "HTTP/1.1"
    # Responses go out in several writes; with Nagle on, each request on a kept-alive
    # connection waited ~40 ms for the delayed ACK.
    disable_nagle_algorithm = True
    server_version = "nginx/1.24.0"
    sys_version = ""
    timeout = 30  # idle keep-alive connections give up after this
    server: OriginServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request log is kept in memory instead."""

    # -- entry points -------------------------------------------------------
    def do_GET(self) -> None:
        self._dispatch(head=False)

    def do_HEAD(self) -> None:
        self._dispatch(head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if 0 < length <= 1 << 20:
            self.rfile.read(length)
        self._dispatch(head=False)

    # -- helpers used by routes ----------------------------------------------
    @property
    def app(self) -> App:
        return self.server.app

    @property
    def path_only(self) -> str:
        return self.path.partition("?")[0]

    @property
    def query(self) -> str:
        return self.path.partition("?")[2]

    def write(self, data: bytes) -> bool:
        """Write and flush; False once the client has gone (no exception)."""
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except (*DISCONNECTS, OSError):
            self.close_connection = True
            return False
        return True

    def send_resource(self, resource: Resource, *, head: bool = False) -> None:
        """Send a Resource, honouring If-None-Match/If-Modified-Since and gzip."""
        wait = self.app.delay(self.server.name)
        if wait > 0 and self.app.stopping.wait(wait):
            self.close_connection = True
            return
        body = resource.body
        etag = resource.etag
        encoding = None
        names = {name.lower() for name, _ in resource.headers}
        if (
            resource.compress
            and resource.status == 200
            and len(body) > 200
            and "content-encoding" not in names
            and _accepts_gzip(self.headers.get("Accept-Encoding", ""))
        ):
            body, etag, encoding = resource.gzipped, resource.etag_gzip, "gzip"
        conditional = resource.conditional and resource.status == 200
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if conditional and (
            _etag_matches(inm, resource)
            if inm is not None
            else ims is not None and _not_modified_since(ims, resource)
        ):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._validators(resource, etag)
            self.end_headers()
            return
        self.send_response(resource.status)
        if resource.content_type:
            self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if resource.compress:
            self.send_header("Vary", "Accept-Encoding")
        if conditional:
            self._validators(resource, etag)
        elif resource.cache_control:
            self.send_header("Cache-Control", resource.cache_control)
        for name, value in resource.headers:
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.write(body)

    def _validators(self, resource: Resource, etag: str) -> None:
        names = {name.lower() for name, _ in resource.headers}
        if "etag" not in names:
            self.send_header("ETag", etag)
        if resource.modified is not None and "last-modified" not in names:
            self.send_header("Last-Modified", http_date(resource.modified))
        if resource.cache_control:
            self.send_header("Cache-Control", resource.cache_control)

    # -- core -------------------------------------------------------------------
    def _dispatch(self, *, head: bool) -> None:
        self.app.record(self.server.name, self.command, self.path, dict(self.headers.items()))
        try:
            target = self.app.route(self.server.name, self.command, self.path_only, self.query)
            if isinstance(target, Resource):
                self.send_resource(target, head=head)
            else:
                target(self)
        except DISCONNECTS:
            self.close_connection = True
        except Exception:
            self.close_connection = True
            self.app.error(
                f"{self.server.name} {self.command} {self.path}\n{traceback.format_exc()}"
            )
            try:
                self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "test web bug")
            except (*DISCONNECTS, OSError):
                pass


class OriginServer(ThreadingHTTPServer):
    """One origin (host:port) of the test web, with tracked connection threads."""

    daemon_threads = True
    block_on_close = False  # close() below joins our own tracked threads
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(self, name: str, port: int, app: App) -> None:
        self.name = name
        self.app = app
        self._lock = threading.Lock()
        self._conns: dict[threading.Thread, socket.socket] = {}
        self._serving: threading.Thread | None = None
        super().__init__(("127.0.0.1", port), Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> None:
        self._serving = threading.Thread(
            target=self.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"testweb-{self.name}",
            daemon=True,
        )
        self._serving.start()

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        thread = threading.Thread(
            target=self._handle,
            args=(request, client_address),
            name=f"testweb-{self.name}-conn",
            daemon=True,
        )
        with self._lock:
            self._conns[thread] = request
        thread.start()

    def _handle(self, request: socket.socket, client_address: object) -> None:
        try:
            self.finish_request(request, client_address)
        except OSError:  # the client went away, or stop() shut the socket down
            pass
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            with self._lock:
                self._conns.pop(threading.current_thread(), None)

    def handle_error(self, request: object, client_address: object) -> None:
        self.app.error(f"{self.name}: {traceback.format_exc()}")

    def close(self, timeout: float = 5.0) -> list[str]:
        """Stop accepting, wake and join every connection thread; names of stragglers."""
        if self._serving is not None:
            self.shutdown()
            self._serving.join(timeout)
        with self._lock:
            conns = list(self._conns.items())
        for _, sock in conns:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        stragglers = []
        for thread, _ in conns:
            thread.join(timeout)
            if thread.is_alive():
                stragglers.append(thread.name)
        self.server_close()
        return stragglers
