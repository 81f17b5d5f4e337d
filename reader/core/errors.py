"""Every failure the core reports, as typed exceptions with a plain-language message.

The hierarchy::

    ReaderError
    ├── InvalidURL               the address is not an http(s) URL we will fetch
    ├── FetchError               anything between us and the server
    │   ├── Offline              work-offline mode, or no network at all
    │   ├── ConnectFailed        DNS failure, refused or unreachable
    │   ├── TLSFailed            certificate or handshake problem
    │   ├── Timeout              connect/read timeout or the overall deadline
    │   ├── HTTPStatus           4xx/5xx (``status``, ``retry_after``)
    │   ├── TooManyRedirects
    │   ├── BadRedirect          redirect to a scheme other than http(s)
    │   ├── PrivateAddress       automatic fetch refused: it points into a private network
    │   ├── TooLarge             decoded body above the cap (gzip bombs included)
    │   ├── EmptyResponse        200 with no body
    │   └── UnsupportedContent   binary, PDF, image... where a page was expected
    ├── ExtractError             the page has no readable article
    ├── FeedError                not a feed, or a feed we refuse to parse
    │   └── NotAFeed             a web page (``candidates``: the feeds it offers)
    ├── StoreError               the library on disk
    │   ├── DiskFull
    │   ├── StoreBusy            another Kabar holds the library
    │   ├── StoreCorrupt         damaged file (moved aside, backup restored)
    │   ├── StoreTooNew          written by a newer Kabar
    │   └── StoreReadOnly
    ├── CollectionError          no such collection, name taken, built-in one
    ├── SourceError              no such source/folder, already subscribed, folder cycle
    ├── NotInLibrary             offline read of something never stored
    ├── SyncError                a sync server's answer or an account problem
    │   └── SyncAuthError        wrong password, or a login the server no longer accepts
    └── Cancelled                the caller gave up; never shown to the user

``str(error)`` is one sentence a reader understands (the CLI prints it); the UI
maps types to translated text and actions in ``reader.ui.errors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.models import FeedCandidate


class ReaderError(Exception):
    """Base of every error Kabar reports on purpose."""


class InvalidURL(ReaderError):
    def __init__(self, url: str, reason: str = "not an http(s) address") -> None:
        super().__init__(f"Cannot open {url!r}: {reason}.")
        self.url = url
        self.reason = reason


class FetchError(ReaderError):
    """A network failure; ``url`` is the address that was being fetched."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


class Offline(FetchError):
    def __init__(self, url: str, message: str | None = None) -> None:
        super().__init__(url, message or f"Kabar is working offline; {url} is not in the library.")


class ConnectFailed(FetchError):
    pass


class TLSFailed(FetchError):
    pass


class Timeout(FetchError):
    pass


class HTTPStatus(FetchError):
    """The server answered with an error status."""

    def __init__(
        self, url: str, status: int, message: str, retry_after: float | None = None
    ) -> None:
        super().__init__(url, message)
        self.status = status
        self.retry_after = retry_after


class TooManyRedirects(FetchError):
    pass


class BadRedirect(FetchError):
    pass


class PrivateAddress(FetchError):
    """An automatic fetch refused by the private-address policy (``reader.core.net.reach``).

    ``str(error)`` starts with :data:`PRIVATE_REFUSAL`, the line a source's status shows.
    """

    def __init__(self, url: str) -> None:
        super().__init__(url, f"{PRIVATE_REFUSAL} ({url[:200]})")


#: How a fetch refused by the private-address policy is reported (source status, entries).
PRIVATE_REFUSAL = "refused: points into a private network"


class TooLarge(FetchError):
    def __init__(self, url: str, limit: int) -> None:
        super().__init__(
            url, f"{url} is larger than {limit // (1024 * 1024)} MB; Kabar stopped reading it."
        )
        self.limit = limit


class EmptyResponse(FetchError):
    pass


class UnsupportedContent(FetchError):
    def __init__(self, url: str, content_type: str, message: str | None = None) -> None:
        super().__init__(
            url, message or f"{url} is not a web page ({content_type or 'unknown type'})."
        )
        self.content_type = content_type


class ExtractError(ReaderError):
    def __init__(self, url: str, message: str | None = None) -> None:
        super().__init__(message or f"No readable article found at {url}.")
        self.url = url


class FeedError(ReaderError):
    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


class NotAFeed(FeedError):
    """A page (or sitemap index) was given where a feed was expected.

    ``candidates`` are the feeds it points to, so the caller can offer them.
    """

    def __init__(self, url: str, message: str, candidates: tuple[FeedCandidate, ...] = ()) -> None:
        super().__init__(url, message)
        self.candidates = candidates


class StoreError(ReaderError):
    pass


class DiskFull(StoreError):
    pass


class StoreBusy(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreReadOnly(StoreError):
    pass


class CollectionError(ReaderError):
    """A collection operation the library refuses (unknown name, duplicate, built-in)."""


class SourceError(ReaderError):
    """A source or folder operation Kabar refuses (unknown, ambiguous, duplicate, a cycle)."""


class NotInLibrary(ReaderError):
    def __init__(self, url: str) -> None:
        super().__init__(f"{url} is not in the library (Kabar is offline).")
        self.url = url


class SyncError(ReaderError):
    """Sync with a feed-reader server failed: no account, no API found, a malformed answer."""


class SyncAuthError(SyncError):
    """The server refused the user name and password, or no longer accepts Kabar's login."""


class RuleError(ReaderError):
    """A rule that cannot work as written (an empty word list, a broken pattern)."""


class Cancelled(ReaderError):
    def __init__(self) -> None:
        super().__init__("Cancelled.")
