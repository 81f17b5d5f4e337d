"""Is this an address Kabar may request? Checked before any request, and before the
library opens for ``kabar read URL``: so this module imports no HTTP library (``requests``
and its dependencies take longer to import than most commands take to answer).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reader.core.errors import InvalidURL

MAX_URL_LENGTH = 4096
_CONTROL_RE = re.compile("[\x00-\x1f\x7f]")


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


def normalise_url(url: str) -> str:
    """Strip surrounding blanks and encode inner spaces, as browsers do."""
    return url.strip().replace(" ", "%20")


def check_url(url: str) -> str:
    """The URL, cleaned, or :class:`InvalidURL` saying what is wrong with it."""
    problem = url_problem(url)
    if problem:
        raise InvalidURL(str(url)[:200], problem)
    return normalise_url(url)
