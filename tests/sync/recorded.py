"""A local stand-in server answering with recorded Google Reader API answers.

The answers are written by us from the servers' documentation (Miniflux's and
Inoreader's API pages): the shapes where they differ from FreshRSS. Each test gives
a ``routes`` table, path -> answer or function of the request; the server records
every request (method, path, query, form) so tests can check what Kabar asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: list[tuple[str, str]]
    form: list[tuple[str, str]]
    headers: dict[str, str]

    def get(self, name: str) -> str | None:
        return next((v for k, v in [*self.query, *self.form] if k == name), None)

    def all(self, name: str) -> list[str]:
        return [v for k, v in [*self.query, *self.form] if k == name]


Answer = tuple[int, str] | str
Route = Answer | Callable[[Request], Answer]


@dataclass
class RecordedServer:
    routes: dict[str, Route]
    requests: list[Request] = field(default_factory=list)
    #: Where a 3xx answer sends the client (its Location header).
    location: str = ""

    def __post_init__(self) -> None:
        recorded = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                request = Request(
                    self.command, parts.path, parse_qsl(parts.query, keep_blank_values=True),
                    parse_qsl(body, keep_blank_values=True), dict(self.headers.items()),
                )  # fmt: skip
                recorded.requests.append(request)
                route = recorded.routes.get(parts.path)
                answer: Answer = (404, "not found")
                if route is not None:
                    answer = route(request) if callable(route) else route
                status, text = (200, answer) if isinstance(answer, str) else answer
                data = text.encode()
                self.send_response(status)
                kind = (
                    "application/json" if text[:1] in "[{"
                    else "text/html; charset=utf-8" if text[:1] == "<"
                    else "text/plain; charset=utf-8"
                )  # fmt: skip
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                if 300 <= status < 400 and recorded.location:
                    self.send_header("Location", recorded.location)
                self.end_headers()
                self.wfile.write(data)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, format: str, *args: object) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # A short poll: stop() waits for the loop to notice (0.5 s by default, per test).
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)
