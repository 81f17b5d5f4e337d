"""Find a server's Google Reader API from the address a reader types.

People give the server's home page (``https://rss.example.org/i/``), its base
(``https://rss.example.org``) or the API base itself (``…/api/greader.php``,
``…/reader/api/0``). Kabar reads the page once for a link to a ``greader`` API
(FreshRSS's API page names it), then tries the usual places in order —
FreshRSS's ``api/greader.php`` under the address and its parents, then the
address itself and its parents (Miniflux, Inoreader, The Old Reader, BazQux
and CommaFeed serve the API at their root) — with the real login, which both
proves the API is there and gives the token.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from reader.core.errors import FetchError, HTTPStatus, InvalidURL, SyncAuthError, SyncError
from reader.core.net import Reach
from reader.core.sync.protocol import AppPair, login

if TYPE_CHECKING:
    from reader.core.net import Fetcher

log = logging.getLogger(__name__)

_SUFFIXES = ("/accounts/clientlogin", "/reader/api/0", "/reader/api")
_GREADER_LINK = re.compile(r"""https?:[^"'\s<>]*?greader\.php|[^"'\s<>=]*?greader\.php""", re.I)


def candidates(url: str, page: str = "") -> list[str]:
    """API bases to try for ``url``, most likely first (``page``: its HTML, if read)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidURL(url)
    path = parts.path.rstrip("/")
    for suffix in _SUFFIXES:
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)]
    path = re.sub(r"/(index\.php|i|p|p/i)$", "", path) if not path.endswith(".php") else path

    def at(p: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, p, "", "")).rstrip("/")

    found: list[str] = []
    for match in _GREADER_LINK.findall(page or ""):
        link = urljoin(url, match.replace("\\/", "/"))
        if urlsplit(link).netloc == parts.netloc:
            found.append(link.rstrip("/"))
    if path.endswith(".php"):
        found.append(at(path))
    parents = [path]
    while parents[-1]:
        parents.append(parents[-1].rsplit("/", 1)[0])
    found += [at(p + "/api/greader.php") for p in parents if not p.endswith(".php")]
    found += [at(p) for p in parents if not p.endswith(".php")]
    return list(dict.fromkeys(found))


def find_api(
    fetcher: Fetcher,
    url: str,
    user: str,
    password: str,
    *,
    app: AppPair | None = None,
    cancel: threading.Event | None = None,
) -> tuple[str, str]:
    """(API base, Auth token) for ``url``; :class:`SyncAuthError` when the password was refused.

    Raises :class:`SyncError` when no address answered like a Google Reader API, and
    the fetcher's error when the server cannot be reached at all.
    """
    page = ""
    try:
        result = fetcher.get(url, reach=Reach.USER, kind="page", cancel=cancel)
        page = result.body[:200_000].decode("utf-8", "replace")
    except FetchError as error:
        if not isinstance(error, HTTPStatus):
            raise  # down, refused, timed out: say so instead of trying a dozen addresses
    refused: SyncAuthError | None = None
    for base in candidates(url, page):
        try:
            return base, login(fetcher, base, user, password, app=app, cancel=cancel)
        except SyncAuthError as error:
            refused = refused or error
        except (HTTPStatus, SyncError) as error:
            log.debug("no API at %s: %s", base, error)
    if refused is not None:
        raise refused
    raise SyncError(
        f"No Google Reader API was found at {url}. Give the API address (FreshRSS: "
        "…/api/greader.php) and check that the server has its API enabled."
    )
