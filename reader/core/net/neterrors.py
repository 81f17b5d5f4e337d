"""Network failures in words a reader understands (the URL checks before any request
are in :mod:`reader.core.net.addresses`, which needs no HTTP library).

:func:`map_error` turns whatever ``requests``, ``urllib3``, ``ssl`` or the
socket layer raised into one of the typed errors of :mod:`reader.core.errors`;
:func:`status_error` does the same for HTTP error statuses. Messages are one
plain sentence naming the host ("The server at example.com took too long to
answer."), because that is what the CLI prints and what the UI shows.
"""

from __future__ import annotations

import email.utils
import http.client
import socket
import ssl
from datetime import UTC, datetime
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from reader.core.errors import (
    ConnectFailed,
    FetchError,
    HTTPStatus,
    InvalidURL,
    ReaderError,
    Timeout,
    TLSFailed,
    TooManyRedirects,
)


def host_name(url: str) -> str:
    """The host for messages ("example.com"); the URL itself if it has none."""
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


# -- statuses -------------------------------------------------------------------
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


def status_error(url: str, status: int, retry_after_header: str | None, noun: str) -> HTTPStatus:
    """The :class:`HTTPStatus` error for a 4xx/5xx (or unexpected) answer."""
    host = host_name(url)
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
    return HTTPStatus(url, status, message, retry_after)


# -- exceptions -------------------------------------------------------------------
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
