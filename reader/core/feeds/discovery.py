"""Autodiscovery: from the address a user typed to the feeds they can subscribe to.

:func:`discover` fetches the address once. A feed (or news sitemap) is the
answer itself. An HTML page is searched for ``<link rel=alternate>`` feeds and
feed-looking links (:mod:`reader.core.feeds.feedlinks`); when it declares none, the
common feed paths of the site are tried (``/feed``, ``/rss``, ``/rss.xml``,
``/atom.xml``, ``/feed.json``, ``/index.xml``...). News sitemaps are looked for
in every case (``Sitemap:`` lines of ``robots.txt``, ``/sitemap-news.xml`` and
the same name under the page's section), because for some outlets they are the
better source (indonesian-news.md §2, Tribunnews).

Probes run a few at a time, each with a short deadline, and every probed
address must parse as a feed to be offered. Candidates come back best first,
de-duplicated by canonical URL; the user chooses when there are several. The
address typed is the user's choice; probes are automatic fetches named by the
page it answered with (private-address policy, ``reader.core.net.reach``;
``allow_private`` lifts it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from reader.core.errors import Cancelled, FeedError, FetchError, NotAFeed
from reader.core.feeds.parse import parse_feed
from reader.core.feeds.sitemaps import robots_sitemaps
from reader.core.feeds.xmlguard import decode_xml
from reader.core.models import FeedCandidate, FetchResult, ParsedFeed
from reader.core.net import Fetcher, Reach
from reader.core.urls import canonicalize

COMMON_FEED_PATHS = (
    "/feed",
    "/rss",
    "/feed/",
    "/rss/",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/index.xml",
    "/feed.json",
    "/feeds/posts/default",
    "/?feed=rss2",
)
NEWS_SITEMAP_PATHS = ("/sitemap-news.xml", "/sitemap_news.xml", "/news-sitemap.xml")
PROBE_DEADLINE = 10.0
PROBE_WORKERS = 4
MAX_ROBOTS_SITEMAPS = 6


def discover(
    fetcher: Fetcher,
    url: str,
    *,
    cancel: threading.Event | None = None,
    probe_paths: bool = True,
    probe_sitemaps: bool = True,
    allow_private: bool = False,
) -> list[FeedCandidate]:
    """Feeds for ``url`` (a feed, or a site's page), best first.

    Raises the fetch error when ``url`` itself cannot be fetched; probes that
    fail are silently skipped. An empty list means nothing was found.
    """
    return discover_reading(
        fetcher, url, cancel=cancel, probe_paths=probe_paths, probe_sitemaps=probe_sitemaps,
        allow_private=allow_private,
    ).candidates  # fmt: skip


@dataclass(frozen=True, slots=True)
class Discovery:
    """What :func:`discover_reading` found; ``feed`` and ``result`` are set when
    ``url`` was itself a feed, already fetched and parsed (no need to read it again).
    ``page`` is what ``url`` answered with: the content that named the candidates;
    ``problem`` why it was not a feed itself (too large, nested too deep...), the
    reason to give when nothing else is found either."""

    candidates: list[FeedCandidate]
    result: FetchResult | None = None
    feed: ParsedFeed | None = None
    page: FetchResult | None = None
    problem: FeedError | None = None


def discover_reading(
    fetcher: Fetcher,
    url: str,
    *,
    cancel: threading.Event | None = None,
    probe_paths: bool = True,
    probe_sitemaps: bool = True,
    allow_private: bool = False,
) -> Discovery:
    """:func:`discover`, keeping the feed it read when ``url`` is a feed."""
    result = fetcher.get(url, reach=Reach.USER, kind="any", cancel=cancel)
    final = result.final_url
    problem: FeedError | None = None
    try:
        feed = parse_feed(result.body, final, result.headers)
    except NotAFeed as error:
        found = list(error.candidates)
    except FeedError as error:
        found, problem = [], error
    else:
        itself = FeedCandidate(url=final, title=feed.title or final, kind=feed.kind, via="self")
        return Discovery([itself], result, feed, result)

    named = Reach.named_by(result, allow_private=allow_private)
    declared = any(c.via == "link" for c in found)
    probes: list[tuple[str, str]] = []
    if probe_paths and not declared:
        probes += [(_on_site(final, path), "path") for path in COMMON_FEED_PATHS]
    if probe_sitemaps:
        probes += [(u, "sitemap") for u in _sitemap_guesses(fetcher, final, named, cancel)]
    found += _probe(fetcher, probes, named, cancel)
    return Discovery(_unique(found), page=result, problem=problem)


def _on_site(url: str, path: str) -> str:
    parts = urlsplit(url)
    path, _, query = path.partition("?")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def _section(url: str) -> str | None:
    """The first path segment (``/nasional``), where outlets keep section sitemaps."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments or "." in segments[0]:
        return None
    return "/" + segments[0]


def _sitemap_guesses(
    fetcher: Fetcher, url: str, reach: Reach, cancel: threading.Event | None
) -> list[str]:
    guesses: list[str] = []
    try:
        robots = fetcher.get(
            _on_site(url, "/robots.txt"), reach=reach, kind="any", deadline=PROBE_DEADLINE,
            cancel=cancel, max_bytes=512 * 1024,
        )  # fmt: skip
    except Cancelled:
        raise
    except FetchError:
        pass
    else:
        listed = robots_sitemaps(decode_xml(robots.body, robots.content_type), robots.final_url)
        news_first = sorted(listed, key=lambda u: "news" not in u.lower())
        guesses += news_first[:MAX_ROBOTS_SITEMAPS]
    section = _section(url)
    for path in NEWS_SITEMAP_PATHS:
        guesses.append(_on_site(url, path))
        if section:
            guesses.append(_on_site(url, section + path))
    return guesses


def _probe(
    fetcher: Fetcher,
    probes: list[tuple[str, str]],
    reach: Reach,
    cancel: threading.Event | None,
) -> list[FeedCandidate]:
    if not probes:
        return []
    unique: dict[str, tuple[str, str]] = {}
    for probe_url, via in probes:
        unique.setdefault(canonicalize(probe_url), (probe_url, via))

    def check(probe: tuple[str, str]) -> FeedCandidate | None:
        return _check(fetcher, probe[0], probe[1], reach, cancel)

    with ThreadPoolExecutor(PROBE_WORKERS, thread_name_prefix="kabar-discover") as pool:
        results = list(pool.map(check, unique.values()))
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    return [r for r in results if r is not None]


def _check(
    fetcher: Fetcher,
    url: str,
    via: str,
    reach: Reach,
    cancel: threading.Event | None,
    *,
    depth: int = 0,
) -> FeedCandidate | None:
    """The candidate at ``url`` if it answers with a feed (a news sitemap for sitemaps).

    A sitemap index (common in robots.txt) is followed one level down, to its
    first few children named like news sitemaps.
    """
    try:
        result = fetcher.get(url, reach=reach, kind="feed", deadline=PROBE_DEADLINE, cancel=cancel)
        feed = parse_feed(result.body, result.final_url, result.headers, max_entries=50)
    except NotAFeed as error:
        if via != "sitemap" or depth > 0:
            return None
        index = Reach.named_by(result, allow_private=reach.allow_private)
        for child in [c for c in error.candidates if "news" in c.url.lower()][:3]:
            found = _check(fetcher, child.url, via, index, cancel, depth=depth + 1)
            if found is not None:
                return found
        return None
    except (FetchError, FeedError, Cancelled):
        return None
    if via == "sitemap":
        if feed.version != "sitemap-news":
            return None
        return FeedCandidate(result.final_url, feed.title, "sitemap", "sitemap")
    if feed.kind == "sitemap":
        return None
    return FeedCandidate(result.final_url, feed.title or result.final_url, feed.kind, "path")


def _unique(candidates: Iterable[FeedCandidate]) -> list[FeedCandidate]:
    seen: set[str] = set()
    out: list[FeedCandidate] = []
    for candidate in candidates:
        key = canonicalize(candidate.url)
        if key not in seen:
            seen.add(key)
            out.append(candidate)
    return out
