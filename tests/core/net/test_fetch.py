"""The fetcher against the test web's fault routes: every fault is a typed error, in bounded time.

Long faults (a 60 s trickle, a hang, 50 MiB and 1 GiB bodies) are cut short
with small deadlines and caps, and each test asserts how long it took.
"""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import quote

import pytest

from reader.core.errors import (
    BadRedirect,
    Cancelled,
    ConnectFailed,
    EmptyResponse,
    FetchError,
    HTTPStatus,
    InvalidURL,
    Offline,
    Timeout,
    TooLarge,
    TooManyRedirects,
    UnsupportedContent,
)
from reader.core.models import Validators
from reader.core.net.charset import decode_html
from reader.core.net.fetch import DEFAULT_USER_AGENT, Fetcher
from reader.core.net.neterrors import parse_retry_after
from reader.core.net.reach import Reach
from tests.core.libkit import png
from tests.web.content.fault_pages import CHARSET_TEXT, CHARSET_TITLE
from tests.web.server import TestWeb

MiB = 1024 * 1024


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(connect_timeout=2.0, read_timeout=3.0, deadline=5.0) as f:
        yield f


def fault(web: TestWeb, name: str) -> str:
    return web.faults.url(web.fault_paths[name])


def last_headers(web: TestWeb, origin: str) -> dict[str, str]:
    return web.requests_for(origin)[-1].headers


# -- a good page -----------------------------------------------------------------
def test_an_ordinary_article_is_fetched_with_validators(web: TestWeb, fetcher: Fetcher) -> None:
    url = web.outlet("nusa").url("/")
    result = fetcher.get(url, reach=Reach.USER)
    assert result.status == 200
    assert result.final_url == url
    assert b"<html" in result.body.lower()
    assert result.content_type.startswith("text/html")
    assert result.validators.etag or result.validators.last_modified
    assert not result.not_modified


def test_user_agent_is_browser_like_and_names_kabar(web: TestWeb, fetcher: Fetcher) -> None:
    url = web.outlet("nusa").url("/")
    fetcher.get(url, reach=Reach.USER)
    agent = last_headers(web, "nusa")["User-Agent"]
    assert agent == DEFAULT_USER_AGENT
    assert agent.startswith("Mozilla/5.0") and "Kabar/" in agent


def test_conditional_get_answers_not_modified(web: TestWeb, fetcher: Fetcher) -> None:
    url = web.outlet("nusa").url("/")
    first = fetcher.get(url, reach=Reach.USER)
    second = fetcher.get(url, validators=first.validators, reach=Reach.USER)
    assert second.not_modified and second.body == b""
    assert second.validators == first.validators or second.validators.etag
    assert last_headers(web, "nusa").get("If-None-Match") == first.validators.etag


def test_gzip_encoding_is_decoded(web: TestWeb, fetcher: Fetcher) -> None:
    url = web.outlet("nusa").url("/")
    result = fetcher.get(url, reach=Reach.USER)
    assert result.headers.get("content-encoding") == "gzip"
    assert result.body.lstrip().lower().startswith(b"<!doctype html")


# -- offline and bad addresses --------------------------------------------------------
def test_offline_raises_without_a_request(web: TestWeb) -> None:
    url = web.outlet("nusa").url("/")
    before = web.hits(url)
    with pytest.raises(Offline):
        Fetcher(offline=True).get(url, reach=Reach.USER)
    assert web.hits(url) == before


@pytest.mark.parametrize(
    "url",
    [
        "ftp://127.0.0.1/feed.xml",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://user:secret@127.0.0.1/",
        "http://127.0.0.1/\x00evil",
        "http://" + "a" * 5000 + ".example/",
        "not a url",
        "",
    ],
)
def test_addresses_kabar_will_not_fetch(url: str, fetcher: Fetcher) -> None:
    with pytest.raises(InvalidURL) as caught:
        fetcher.get(url, reach=Reach.USER)
    assert "\n" not in str(caught.value)


def test_connection_refused() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(ConnectFailed) as caught:
        Fetcher(connect_timeout=2).get(f"http://127.0.0.1:{port}/", reach=Reach.USER)
    assert "refused" in str(caught.value)


# -- statuses ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "status", "words"),
    [
        ("not_found", 404, "no longer exists"),
        ("gone", 410, "removed"),
        ("server_error", 500, "problem"),
        ("unavailable", 503, "problem"),
        ("challenge", 403, "refused access"),
    ],
)
def test_error_statuses(web: TestWeb, fetcher: Fetcher, name: str, status: int, words: str) -> None:
    with pytest.raises(HTTPStatus) as caught:
        fetcher.get(fault(web, name), reach=Reach.USER)
    assert caught.value.status == status
    assert words in str(caught.value) and f"({status})" in str(caught.value)


def test_429_carries_retry_after(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(HTTPStatus) as caught:
        fetcher.get(fault(web, "too_many_requests"), reach=Reach.USER)
    assert caught.value.status == 429
    assert caught.value.retry_after == 120
    assert "2 minutes" in str(caught.value)


def test_retry_after_forms() -> None:
    assert parse_retry_after("30") == 30
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 60) == 60
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 + 60) == 0
    for garbage in ("", None, "soon", "-5", "1.5e9x", "Wed, 99 Foo"):
        assert parse_retry_after(garbage) is None


def test_empty_200_is_an_error(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(EmptyResponse):
        fetcher.get(fault(web, "empty"), reach=Reach.USER)


# -- time and size limits -------------------------------------------------------------------
def test_trickle_is_cut_by_the_deadline(web: TestWeb) -> None:
    with pytest.raises(Timeout) as caught:
        Fetcher(read_timeout=5, deadline=1.5).get(fault(web, "slow"), reach=Reach.USER)
    assert "more than 1.5 seconds" in str(caught.value)  # the deadline, not the read timeout


def test_a_server_that_never_answers_times_out(web: TestWeb) -> None:
    with pytest.raises(Timeout) as caught:
        Fetcher(read_timeout=1.0, deadline=10).get(fault(web, "hang"), reach=Reach.USER)
    assert "more than" not in str(caught.value)  # the read timeout fired, not the deadline


def test_the_deadline_also_bounds_a_hang(web: TestWeb) -> None:
    with pytest.raises(Timeout) as caught:
        Fetcher(read_timeout=30, deadline=1.0).get(fault(web, "hang"), reach=Reach.USER)
    assert "more than 1 seconds" in str(caught.value)


def test_50_mib_body_is_refused_by_its_length(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(TooLarge) as caught:
        fetcher.get(fault(web, "big_body"), reach=Reach.USER)
    assert "15 MB" in str(caught.value)


@pytest.fixture
def patient_fetcher() -> Iterator[Fetcher]:
    """Timeouts no loaded test machine reaches: these tests are about the size cap, not time."""
    with Fetcher(connect_timeout=30.0, read_timeout=60.0, deadline=120.0) as f:
        yield f


def test_gzip_bomb_stops_at_the_decoded_cap(web: TestWeb, patient_fetcher: Fetcher) -> None:
    with pytest.raises(TooLarge):
        patient_fetcher.get(
            fault(web, "gzip_bomb"), kind="any", max_bytes=2 * MiB, reach=Reach.USER
        )


def test_gzip_bomb_as_a_page_is_refused_quickly(web: TestWeb, patient_fetcher: Fetcher) -> None:
    # 1 GiB of zeros: refused as binary after the first kilobyte, or by the cap.
    with pytest.raises((TooLarge, UnsupportedContent)):
        patient_fetcher.get(fault(web, "gzip_bomb"), reach=Reach.USER)


def test_cancel_token_stops_a_trickle(web: TestWeb) -> None:
    cancel = threading.Event()
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    try:
        with pytest.raises(Cancelled):
            Fetcher(deadline=30).get(fault(web, "slow"), cancel=cancel, reach=Reach.USER)
    finally:
        timer.cancel()


# -- broken bodies ------------------------------------------------------------------------------
def test_short_body_is_an_error(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.get(fault(web, "short_body"), reach=Reach.USER)
    assert "broke off" in str(caught.value)


def test_bad_gzip_is_an_error(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.get(fault(web, "bad_gzip"), reach=Reach.USER)
    assert "damaged" in str(caught.value)


@pytest.mark.parametrize(("name", "what"), [("binary_as_html", "binary"), ("pdf_as_html", "PDF")])
def test_binary_served_as_html_is_refused(
    web: TestWeb, fetcher: Fetcher, name: str, what: str
) -> None:
    with pytest.raises(UnsupportedContent) as caught:
        fetcher.get(fault(web, name), reach=Reach.USER)
    assert what in str(caught.value)


def test_an_image_fetch_refuses_html(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(UnsupportedContent) as caught:
        fetcher.get(web.outlet("nusa").url("/"), kind="image", reach=Reach.USER)
    assert "not an image" in str(caught.value)


# -- redirects ----------------------------------------------------------------------------------
def test_redirect_loop_is_refused(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(TooManyRedirects) as caught:
        fetcher.get(fault(web, "redirect_loop"), reach=Reach.USER)
    assert "loop" in str(caught.value)


def test_eleven_hops_are_too_many_but_ten_are_fine(web: TestWeb, fetcher: Fetcher) -> None:
    with pytest.raises(TooManyRedirects):
        fetcher.get(fault(web, "redirect_chain"), reach=Reach.USER)
    ten = web.faults.url("/redirect/chain/10")
    result = fetcher.get(ten, reach=Reach.USER)
    assert result.final_url == web.faults.url("/redirect/chain/0")
    assert result.url == ten


@pytest.mark.parametrize(
    ("name", "scheme"),
    [
        ("redirect_file", "file:"),
        ("redirect_ftp", "ftp:"),
        ("redirect_javascript", "javascript:"),
        ("redirect_data", "data:"),
    ],
)
def test_redirects_to_other_schemes_are_refused(
    web: TestWeb, fetcher: Fetcher, name: str, scheme: str
) -> None:
    with pytest.raises(BadRedirect) as caught:
        fetcher.get(fault(web, name), reach=Reach.USER)
    assert scheme in str(caught.value)


def test_redirect_with_credentials_is_refused(web: TestWeb, fetcher: Fetcher) -> None:
    target = web.outlet("nusa").url("/").replace("http://", "http://user:pw@")
    url = web.faults.url("/redirect/to") + "?url=" + target
    with pytest.raises(BadRedirect):
        fetcher.get(url, reach=Reach.USER)


def test_redirect_to_another_origin_is_followed(web: TestWeb, fetcher: Fetcher) -> None:
    target = web.outlet("nusa").url("/")
    result = fetcher.get(
        web.faults.url("/redirect/to") + f"?url={target}&status=301", reach=Reach.USER
    )
    assert result.final_url == target and result.status == 200


@pytest.mark.parametrize(
    "statuses, moved",
    [((301,), True), ((308, 301), True), ((301, 302), False), ((307,), False), ((), False)],
)
def test_a_move_is_permanent_only_when_every_hop_says_so(
    web: TestWeb, fetcher: Fetcher, statuses: tuple[int, ...], moved: bool
) -> None:
    url = web.outlet("nusa").url("/")
    for status in reversed(statuses):
        url = web.faults.url("/redirect/to") + f"?url={quote(url, safe='')}&status={status}"
    result = fetcher.get(url, reach=Reach.USER)
    assert result.status == 200 and result.moved_permanently is moved


# -- charsets ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name", ["charset_header_mismatch", "charset_meta_mismatch", "charset_none"]
)
def test_mislabelled_charsets_decode_to_the_right_text(
    web: TestWeb, fetcher: Fetcher, name: str
) -> None:
    result = fetcher.get(fault(web, name), reach=Reach.USER)
    text = decode_html(result.body, result.content_type)
    assert CHARSET_TITLE in text
    assert " ".join(CHARSET_TEXT.split()) in " ".join(text.split())
    assert "\ufffd" not in text and "Ã" not in text


def test_validators_survive_a_304_without_them(web: TestWeb, fetcher: Fetcher) -> None:
    # A run-time route that is not conditional: its 304 carries no ETag/Last-Modified.
    url = web.outlet("nusa").url("/kabar-test/304-without-validators")
    etag, modified = '"x"', "Mon, 05 Jan 2026 08:00:00 GMT"
    web.serve(url, b"", status=304)
    try:
        result = fetcher.get(
            url, validators=Validators(etag=etag, last_modified=modified), reach=Reach.USER
        )
    finally:
        web.unserve(url)
    assert web.hits(url) >= 1
    assert result.status == 304
    assert "etag" not in result.headers and "last-modified" not in result.headers
    assert result.not_modified and result.validators.etag == etag
    assert result.validators.last_modified == modified


# -- pictures -----------------------------------------------------------------------------------
class _ImageCDN(BaseHTTPRequestHandler):
    """Negotiates like image CDNs do: the smallest format the client names."""

    bodies: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        accept = self.headers.get("Accept", "")
        kind = next((k for k in ("avif", "webp") if f"image/{k}" in accept), "png")
        body = self.bodies[kind]
        self.send_response(200)
        self.send_header("Content-Type", f"image/{kind}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_an_image_cdn_sends_a_picture_kabar_keeps(fetcher: Fetcher) -> None:
    # CDNs send AVIF to whoever names it in Accept; Kabar can neither keep nor show AVIF,
    # so a picture fetched for an article must come back in a format the store keeps.
    from PIL import Image

    from reader.core.store import images as imagelib

    webp = io.BytesIO()
    Image.new("RGB", (64, 36), (30, 90, 160)).save(webp, "WEBP")
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + bytes(200)
    _ImageCDN.bodies = {"avif": avif, "webp": webp.getvalue(), "png": png(64, 36)}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ImageCDN)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/foto/gempa.jpg?w=800"
        result = fetcher.get(url, kind="image", reach=Reach.USER)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    kept = imagelib.keepable(result.body)
    assert kept is not None and (kept.width, kept.height) == (64, 36)
    assert kept.mime == "image/webp"  # asked for: a third smaller than JPEG, and Qt shows it
