"""URL helpers shared by extraction, related links and feed de-duplication.

Everything here is pure and never raises on odd input: web pages and feeds are
full of broken, relative, tracking-laden and hostile addresses, and a helper
that throws would turn one bad link into a failed article.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

MAX_URL_LENGTH = 4096
HTTP_SCHEMES = frozenset({"http", "https"})

# C0 controls, DEL, and invisible characters that browsers strip or that hide the
# real destination (zero-width, bidi overrides).
_CONTROL_RE = re.compile("[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_DEFAULT_PORTS = {"http": 80, "https": 443}

#: Query parameters that only track the reader; dropped by :func:`canonicalize`.
TRACKING_PARAMS = frozenset(
    {
        *("fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid"),
        *("igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok"),
        *("oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid", "s_cid", "ncid", "ocid", "cmpid"),
        *("spm", "__twitter_impression", "ref_src", "ref_url"),
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_")

#: Query parameters that select a page of a split article (same document).
PAGE_PARAMS = frozenset({"page", "single", "showpage", "page_num", "pg", "amp"})


def _clean(url: str) -> str:
    return _CONTROL_RE.sub("", url).strip()


@lru_cache(maxsize=4096)
def is_http_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host, no credentials and sane length.

    Userinfo (``https://bank.example@evil.example/``) is refused because it only
    ever serves to disguise the real host.
    """
    if not url or len(url) > MAX_URL_LENGTH or _CONTROL_RE.search(url) or " " in url.strip():
        return False
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    if parts.scheme.lower() not in HTTP_SCHEMES or not host:
        return False
    return "@" not in parts.netloc


def absolutize(href: str | None, base: str) -> str | None:
    """Resolve ``href`` against ``base``; None unless the result is an http(s) URL."""
    if not href:
        return None
    href = _clean(href)
    if not href or href.startswith("#"):
        return None if not is_http_url(base) else _quote_spaces(_with_fragment(base, href))
    try:
        joined = urljoin(base, href) if base else href
    except ValueError:
        return None
    joined = _quote_spaces(joined)
    return joined if is_http_url(joined) else None


def _with_fragment(base: str, fragment: str) -> str:
    return base.split("#", 1)[0] + fragment


def _quote_spaces(url: str) -> str:
    return url.replace(" ", "%20") if " " in url else url


def host_of(url: str) -> str:
    """Lower-case host without ``www.``; empty for an unparseable URL."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


_NUMERIC_LABEL_RE = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)


def is_address(host: str) -> bool:
    """True when a host is an IP literal: an address, never a name to show a reader."""
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def _ipv4_number(label: str) -> int | None:
    """One label of a legacy IPv4 form: decimal, octal (leading 0) or hex (0x)."""
    if not _NUMERIC_LABEL_RE.match(label):
        return None
    if label[:2].lower() == "0x":
        return int(label[2:] or "0", 16)
    if len(label) > 1 and label.startswith("0"):
        return int(label, 8) if all(c in "01234567" for c in label) else None
    return int(label)


def _legacy_ipv4(host: str) -> str | None:
    """``2130706433``, ``0x7f.1``, ``0177.0.0.1`` ... as dotted quad, the way URL
    parsers and ``inet_aton`` read them; None when ``host`` is not such a form."""
    labels = host.split(".")
    if labels and labels[-1] == "":
        labels.pop()
    if not labels or len(labels) > 4:
        return None
    numbers = [_ipv4_number(label) for label in labels]
    if any(n is None for n in numbers):
        return None
    *head, last = [n for n in numbers if n is not None]
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(labels)):
        return None
    value = last
    for position, n in enumerate(head):
        value += n << (8 * (3 - position))
    return ".".join(str((value >> shift) & 255) for shift in (24, 16, 8, 0))


def origin_of(url: str) -> tuple[str, str, int] | None:
    """The origin of an http(s) URL: scheme, normalised host and port; None if not http(s).

    Hosts compare the way browsers compare them: case, a trailing dot, IDNA,
    legacy IPv4 forms (``2130706433`` is ``127.0.0.1``) and IPv6 spellings are
    normalised; ``localhost`` and ``127.0.0.1`` stay different origins.
    """
    if not is_http_url(url):
        return None
    parts = urlsplit(_clean(url))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    if ":" in host:
        with contextlib.suppress(ValueError):
            host = ipaddress.ip_address(host.split("%", 1)[0]).compressed
    else:
        host = _legacy_ipv4(host) or host
    return scheme, host, parts.port or _DEFAULT_PORTS[scheme]


def same_origin(a: str, b: str) -> bool:
    """True when two URLs share scheme, host and port (see :func:`origin_of`)."""
    first = origin_of(a)
    return first is not None and first == origin_of(b)


def domain_matches(host: str, domain: str) -> bool:
    """True if ``host`` is ``domain`` or one of its subdomains."""
    host = host.lower().rstrip(".")
    domain = domain.lower().lstrip(".")
    return host == domain or host.endswith("." + domain)


def _is_tracking(name: str) -> bool:
    lower = name.lower()
    return lower in TRACKING_PARAMS or lower.startswith(TRACKING_PREFIXES)


def _strip_amp_path(path: str) -> str:
    """Drop AMP markers that are known to map back to the canonical article."""
    if path.endswith(("/amp", "/amp/")):
        path = path[: path.rindex("/amp")] or "/"
    elif path.endswith((".amp", ".amp.html")):
        path = path[: path.rindex(".amp")] + (".html" if path.endswith(".amp.html") else "")
    if path.startswith("/amp/"):
        path = path[4:]
    return path


@lru_cache(maxsize=4096)
def canonicalize(url: str) -> str:
    """A stable form of ``url`` for identity and de-duplication.

    Lower-cases scheme and host, drops default ports, fragments, tracking
    parameters (``utm_*``, ``fbclid``, ``gclid`` ...) and AMP markers
    (``/amp`` suffix, ``/amp/`` prefix, ``amp=1``, ``outputType=amp``).
    Other query parameters keep their order. Returns ``url`` unchanged (cleaned
    of control characters) when it is not an http(s) URL.
    """
    url = _clean(url)
    if not is_http_url(url):
        return url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _strip_amp_path(parts.path or "/")
    path = quote(path, safe="/%:@!$&'()*+,;=-._~")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(k)
        and not (k.lower() == "amp" and v in ("", "1", "true"))
        and not (k.lower() == "outputtype" and v.lower() == "amp")
    ]
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def _identity(url: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    canon = canonicalize(url)
    parts = urlsplit(canon)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = tuple(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in PAGE_PARAMS
        )
    )
    return host, path, query


def same_page(a: str, b: str) -> bool:
    """True when two URLs name the same document.

    Ignores scheme, ``www.``, trailing slashes, fragments, tracking and AMP markers,
    query order, and the page-selection parameters of split articles
    (``?page=all``, ``?single=1``, ``?showpage=all``).
    """
    if not (is_http_url(a) and is_http_url(b)):
        return _clean(a) == _clean(b)
    return _identity(a) == _identity(b)


def set_query(url: str, params: dict[str, str]) -> str:
    """``url`` with ``params`` set (replacing same-named ones) and no fragment."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query.extend(params.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


_BARE_HOST_RE = re.compile(
    r"(?P<local>localhost|\[[0-9a-f:.]+\]|\d{1,3}(?:\.\d{1,3}){3})?"
    r"(?(local)|[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,})"
    r"(?::\d{1,5})?(?:[/?#]|$)",
    re.IGNORECASE,
)


def typed_address(text: str) -> str:
    """What a person typed or pasted, as an address, the way a browser's address bar
    reads it: ``kompas.com/x`` and ``//kompas.com/x`` mean https (``localhost`` and
    IP literals http); ``feed://`` and ``feed:https://`` are http(s). Anything else
    is returned stripped and unchanged, so it fails with its own clear reason."""
    address = text.strip()
    lower = address.lower()
    if lower.startswith("feed://"):
        return "http://" + address[7:]
    if lower.startswith("feed:") and lower[5:].startswith(("http://", "https://")):
        return address[5:]
    if address.startswith("//"):
        return "https:" + address
    if "://" in address or lower.startswith(("http:", "https:")):
        return address
    match = _BARE_HOST_RE.match(address)
    if match and not any(ch.isspace() for ch in address):
        return ("http://" if match.group("local") else "https://") + address
    return address


#: Second-level labels under which sites register (detik.com vs tempo.co.id).
_SECOND_LEVEL = frozenset(
    {"co", "com", "or", "ac", "go", "net", "org", "gov", "web", "sch", "my", "edu", "ne", "mil"}
)


def site_key(host: str) -> str:
    """The registrable part of a host, roughly: ``news.detik.com`` → ``detik.com``."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
