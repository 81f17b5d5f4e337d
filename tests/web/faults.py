"""Fault routes of the ``faults`` origin (docs/bad-inputs.md section 4.1).

Name -> path (also ``TestWeb.fault_paths``; ``web.fault_url(name)``) -> behaviour:

- slow: /slow -- 200, one small chunk every 0.5 s for ~60 s (stops if the client goes)
- hang: /hang -- reads the request, never answers (~60 s, ends at once on stop())
- not_found /404, gone /410, server_error /500, unavailable /503 -- those statuses
- too_many_requests: /429 -- 429 with ``Retry-After: 120``
- redirect_loop: /redirect/loop -- 302 to itself, forever
- redirect_chain: /redirect/chain/11 -- 11 hops (/chain/10 ... /chain/0, which is a 200)
- redirect_file / redirect_ftp / redirect_javascript / redirect_data: /redirect/{file,ftp,
  javascript,data} -- 302 to ``file:///etc/passwd``, ``ftp://...``, ``javascript:...``,
  ``data:text/html;...``
- redirect_to: /redirect/to?url=U&status=301 -- redirect to any U (301/302/303/307/308)
- big_body: /big -- 50 MiB streamed, generated on the fly, Content-Length set
- gzip_bomb: /gzip-bomb -- ~1 MiB of gzip inflating to 1 GiB, ``Content-Encoding: gzip``
- charset_header_mismatch: /charset/header-latin1-body-utf8 -- header iso-8859-1, body UTF-8
- charset_meta_mismatch: /charset/body-cp1252-meta-utf8 -- cp1252 bytes, meta says utf-8
- charset_none: /charset/none -- UTF-8 body, no charset in header or markup
- binary_as_html: /binary/random -- 100 KB random bytes as text/html
- pdf_as_html: /binary/pdf -- a PDF (``%PDF-1.7``) as text/html
- empty: /empty -- 200 with an empty body
- feed_is_html: /feed.xml -- an HTML page (text/html) at a feed-looking URL
- feed_is_html_mislabelled: /feed-mislabelled.xml -- that HTML page as application/rss+xml
- short_body: /short-body -- Content-Length 100000, 2048 bytes sent, connection closed
- bad_gzip: /bad-gzip -- ``Content-Encoding: gzip`` on a plain body
- challenge: /challenge -- 403 bot-challenge ("Just a moment...") page
- huge_html: /huge-article -- a 10 MiB ordinary article page (built once, lazily)
- deep_nesting: /deep-nesting -- text inside 10,000 nested ``<div>`` elements

Every streaming route checks the server's stop event and the client socket, so
``TestWeb.stop()`` returns promptly and nothing keeps the process alive.
"""

from __future__ import annotations

import base64
import struct
import threading
import zlib
from collections.abc import Callable
from urllib.parse import parse_qs

from tests.web.content import fault_pages
from tests.web.httpd import Action, Handler
from tests.web.resource import Resource, html

FAULT_PATHS: dict[str, str] = {
    "slow": "/slow",
    "hang": "/hang",
    "not_found": "/404",
    "gone": "/410",
    "too_many_requests": "/429",
    "server_error": "/500",
    "unavailable": "/503",
    "redirect_loop": "/redirect/loop",
    "redirect_chain": "/redirect/chain/11",
    "redirect_file": "/redirect/file",
    "redirect_ftp": "/redirect/ftp",
    "redirect_javascript": "/redirect/javascript",
    "redirect_data": "/redirect/data",
    "redirect_to": "/redirect/to",
    "big_body": "/big",
    "gzip_bomb": "/gzip-bomb",
    "charset_header_mismatch": "/charset/header-latin1-body-utf8",
    "charset_meta_mismatch": "/charset/body-cp1252-meta-utf8",
    "charset_none": "/charset/none",
    "binary_as_html": "/binary/random",
    "pdf_as_html": "/binary/pdf",
    "empty": "/empty",
    "feed_is_html": "/feed.xml",
    "feed_is_html_mislabelled": "/feed-mislabelled.xml",
    "short_body": "/short-body",
    "bad_gzip": "/bad-gzip",
    "challenge": "/challenge",
    "huge_html": "/huge-article",
    "deep_nesting": "/deep-nesting",
}

TRICKLE_INTERVAL = 0.5
TRICKLE_CHUNKS = 120  # ~60 s
HANG_SECONDS = 60.0
BIG_SIZE = 50 * 1024 * 1024
BOMB_SIZE = 1 << 30
SHORT_CLAIMED = 100_000
SHORT_SENT = 2048
NO_STORE = (("Cache-Control", "no-store"),)


def _plain(status: int, title: str, extra: tuple[tuple[str, str], ...] = ()) -> Resource:
    body = (
        f"<!DOCTYPE html><html><head><title>{status} {title}</title></head>"
        f"<body><h1>{title}</h1></body></html>\n"
    )
    return Resource(body.encode(), status=status, headers=extra, conditional=False, compress=False)


def _redirect(location: str, status: int = 302) -> Resource:
    body = f'<html><body>Moved to <a href="{location}">here</a>.</body></html>\n'
    return Resource(
        body.encode(),
        status=status,
        headers=(("Location", location),),
        conditional=False,
        compress=False,
        cache_control="no-cache",
    )


# -- streaming actions -------------------------------------------------------------------
def _start(h: Handler, status: int, headers: list[tuple[str, str]]) -> None:
    h.send_response(status)
    for name, value in headers:
        h.send_header(name, value)
    h.end_headers()
    h.wfile.flush()


def _slow(h: Handler) -> None:
    h.close_connection = True
    _start(h, 200, [("Content-Type", "text/html; charset=utf-8"), ("Connection", "close")])
    if not h.write(b"<!DOCTYPE html><html><head><title>Lambat</title></head><body>\n"):
        return
    for k in range(TRICKLE_CHUNKS):
        if not h.write(f"<p>Bagian {k}: server ini sengaja lambat.</p>\n".encode()):
            return
        if h.app.stopping.wait(TRICKLE_INTERVAL):
            return


def _hang(h: Handler) -> None:
    h.close_connection = True
    h.app.stopping.wait(HANG_SECONDS)


def _big(h: Handler) -> None:
    h.close_connection = True
    _start(
        h,
        200,
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(BIG_SIZE))],
    )
    line = b"<p>Paragraf pengisi untuk badan respons yang sangat besar. 0123456789</p>\n"
    chunk = (line * (65536 // len(line) + 1))[:65536]
    sent = 0
    while sent < BIG_SIZE and not h.app.stopping.is_set():
        piece = chunk[: BIG_SIZE - sent]
        if not h.write(piece):
            return
        sent += len(piece)


_bomb_lock = threading.Lock()
_bomb: list[bytes] = []


def gzip_bomb() -> bytes:
    """~1 MiB of gzip that inflates to 1 GiB of zeros (built once, lazily).

    Uses compressobj(9, DEFLATED, 31) with full flushes so one compressed 1 MiB
    block can be repeated; the trailer carries the real CRC-32 and length.
    """
    with _bomb_lock:
        if not _bomb:
            block = bytes(1 << 20)
            comp = zlib.compressobj(9, zlib.DEFLATED, 31)
            first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
            middle = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
            end = comp.flush(zlib.Z_FINISH)[:-8]  # final empty block, minus the trailer
            crc = 0
            for _ in range(BOMB_SIZE >> 20):
                crc = zlib.crc32(block, crc)
            trailer = struct.pack("<II", crc & 0xFFFFFFFF, BOMB_SIZE & 0xFFFFFFFF)
            _bomb.append(first + middle * ((BOMB_SIZE >> 20) - 1) + end + trailer)
        return _bomb[0]


def _gzip_bomb(h: Handler) -> None:
    body = gzip_bomb()
    _start(
        h,
        200,
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(body))),
        ],
    )
    for offset in range(0, len(body), 65536):
        if h.app.stopping.is_set() or not h.write(body[offset : offset + 65536]):
            h.close_connection = True
            return


def _short_body(h: Handler) -> None:
    h.close_connection = True
    _start(
        h,
        200,
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(SHORT_CLAIMED))],
    )
    h.write((b"<html><body><p>" + b"terpotong " * 400)[:SHORT_SENT])


def _redirect_to(h: Handler) -> None:
    params = parse_qs(h.query)
    target = params.get("url", ["/"])[0]
    status = int(params.get("status", ["302"])[0])
    if status not in (301, 302, 303, 307, 308):
        status = 302
    h.send_resource(_redirect(target, status))


def _chain(path: str) -> Resource | None:
    rest = path.removeprefix("/redirect/chain/")
    if not rest.isdigit() or int(rest) > 100:
        return None
    hops = int(rest)
    if hops == 0:
        return html("<!DOCTYPE html><html><body><p>Akhir rantai pengalihan.</p></body></html>\n")
    return _redirect(f"/redirect/chain/{hops - 1}")


def _index() -> Resource:
    items = "\n".join(
        f'<li><a href="{p}">{n}</a> <code>{p}</code></li>' for n, p in FAULT_PATHS.items()
    )
    return html(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Fault routes</title></head>"
        f"<body><h1>Fault routes</h1><ul>\n{items}\n</ul></body></html>\n"
    )


class Faults:
    """Router of the faults origin; ``feed_url`` is a real feed the HTML page points to."""

    def __init__(self, feed_url: str) -> None:
        cp1252 = fault_pages.charset_page('<meta charset="utf-8">\n')
        self.routes: dict[str, Resource | Action] = {
            "/": _index(),
            "/slow": _slow,
            "/hang": _hang,
            "/404": _plain(404, "Not Found"),
            "/410": _plain(410, "Gone"),
            "/429": _plain(429, "Too Many Requests", (("Retry-After", "120"),)),
            "/500": _plain(500, "Internal Server Error"),
            "/503": _plain(503, "Service Unavailable"),
            "/redirect/loop": _redirect("/redirect/loop"),
            "/redirect/file": _redirect("file:///etc/passwd"),
            "/redirect/ftp": _redirect("ftp://127.0.0.1/pub/feed.xml"),
            "/redirect/javascript": _redirect("javascript:alert(document.cookie)"),
            "/redirect/data": _redirect(
                "data:text/html;base64,"
                + base64.b64encode(b"<script>alert(1)</script>").decode("ascii")
            ),
            "/redirect/to": _redirect_to,
            "/big": _big,
            "/gzip-bomb": _gzip_bomb,
            "/charset/header-latin1-body-utf8": Resource(
                fault_pages.charset_page().encode("utf-8"), "text/html; charset=iso-8859-1"
            ),
            "/charset/body-cp1252-meta-utf8": Resource(cp1252.encode("cp1252"), "text/html"),
            "/charset/none": Resource(fault_pages.charset_page().encode("utf-8"), "text/html"),
            "/binary/random": Resource(
                fault_pages.binary(100_000, "random"), "text/html; charset=utf-8", compress=False
            ),
            "/binary/pdf": Resource(fault_pages.PDF, "text/html; charset=utf-8", compress=False),
            "/empty": Resource(b"", "text/html; charset=utf-8", conditional=False),
            "/feed.xml": html(fault_pages.FEED_IS_HTML.format(feed=feed_url)),
            "/feed-mislabelled.xml": Resource(
                fault_pages.FEED_IS_HTML.format(feed=feed_url).encode(),
                "application/rss+xml; charset=utf-8",
            ),
            "/short-body": _short_body,
            "/bad-gzip": Resource(
                b"<!DOCTYPE html><html><body><p>Ini bukan gzip.</p></body></html>\n",
                "text/html; charset=utf-8",
                headers=(("Content-Encoding", "gzip"),),
                conditional=False,
            ),
            "/challenge": Resource(
                fault_pages.CHALLENGE.encode(),
                status=403,
                headers=(*NO_STORE, ("cf-mitigated", "challenge")),
                conditional=False,
                cache_control="",
            ),
            "/deep-nesting": html(fault_pages.deep_nesting()),
        }
        self._lazy: dict[str, Callable[[], Resource]] = {
            "/huge-article": lambda: Resource(fault_pages.huge_article()),
        }

    def lookup(self, path: str) -> Resource | Action | None:
        found = self.routes.get(path)
        if found is not None:
            return found
        if path in self._lazy:
            made = self._lazy[path]()
            self.routes[path] = made
            return made
        if path.startswith("/redirect/chain/"):
            return _chain(path)
        return None
