"""Plain, immutable values that cross layer and thread boundaries.

Library objects (``requests.Response``, feedparser dicts, lxml trees) never
leave the module that uses them; they are converted to these types at the
boundary so the UI and the store depend on nothing but the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from reader.core.errors import PRIVATE_REFUSAL

RelatedKind = Literal["inline", "block"]


#: The built-in collection every save goes to unless the reader names others.
READ_LATER = "Read later"


def parse_time(value: str | None) -> float | None:
    """Unix seconds from an ISO 8601 string (naive means UTC); None if absent or unreadable.

    How the library and the story grouping read ``Article.published`` alike."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A "read more" link offered by an article page.

    ``kind`` is ``"inline"`` for teasers inside the body ("Baca juga: ...") and
    ``"block"`` for related lists around it ("Baca Lebih Lanjut", "Related").
    ``source`` is the outlet's display name (from the block, else a known-outlet
    table by domain, else the host name).
    """

    url: str
    title: str
    source: str
    kind: RelatedKind


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article, ready to store and render.

    ``html`` has been through the one sanitiser (:mod:`reader.core.page.sanitize`);
    ``text`` is plain text with paragraphs separated by blank lines.
    ``published`` is an ISO 8601 string (with offset when the page gives one).
    ``authors`` are the writers' names, one each; ``byline`` shows them as one line.
    """

    url: str
    canonical_url: str
    title: str
    html: str
    text: str
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    lead_image: str | None = None
    description: str | None = None
    related: list[RelatedLink] = field(default_factory=list)
    next_page: str | None = None
    pages: int = 1
    images: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Validators:
    """HTTP cache validators kept with a fetched document for conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one HTTP GET produced, after redirects and decoding of transfer encodings.

    ``not_modified`` is true for a 304 answer to a conditional request; ``body``
    is then empty and the caller keeps its cached copy.
    """

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    validators: Validators = Validators()
    not_modified: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    #: Every redirect followed was permanent (301/308): ``final_url`` is the address
    #: to use from now on (a feed that moved to https or a new domain).
    moved_permanently: bool = False
    #: The answer came from a private address (loopback, LAN...): what it names on its
    #: own origin may be fetched automatically (``reader.core.net.reach``).
    private_peer: bool = False


@dataclass(frozen=True, slots=True)
class FetchedArticle:
    """An article fetched from the web, all its pages merged into one.

    ``validators`` are those of the first page fetched, for a later conditional
    GET. When the server answered 304 to that GET, ``not_modified`` is true and
    ``article`` is None: the caller's stored copy is still current.
    """

    article: Article | None
    final_url: str
    validators: Validators = Validators()
    not_modified: bool = False
    #: The first page came from a private address (see ``FetchResult.private_peer``).
    private_peer: bool = False


# -- feeds and sources (parsed types; the store converts them to its rows) ------------

FeedKind = Literal["rss", "atom", "json", "sitemap"]
CandidateVia = Literal["self", "link", "anchor", "path", "sitemap"]


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One item of a feed after every guard and normalisation.

    ``guid`` is never empty (guid, else link, else a hash of title and text).
    ``url`` is an absolute http(s) article link, or None when the feed gave no
    usable one. ``title`` and ``summary`` are plain text (escape them to show as
    HTML); ``summary_html`` and ``content_html`` went through the one sanitiser.
    ``published``/``updated`` are ISO 8601 in UTC, None when missing or
    unparseable (the store then uses the time it first saw the item); dates in
    the future are clamped to the time of parsing.
    """

    guid: str
    url: str | None
    title: str
    summary: str = ""
    summary_html: str = ""
    content_html: str = ""
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    image: str | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed or news sitemap) as Kabar keeps it.

    ``version`` is the precise format (feedparser's names: ``rss20``, ``atom10``,
    ``rss10``...; ``json10``/``json11``; ``sitemap``). ``entries`` hold at most
    the newest N items; ``total_entries`` counts what the document had.
    ``warnings`` say what was wrong but survivable (not well-formed XML,
    entries dropped, links pointing at the home page...).
    """

    url: str
    kind: FeedKind
    version: str
    title: str
    entries: tuple[ParsedEntry, ...]
    site_url: str | None = None
    description: str = ""
    language: str | None = None
    icon: str | None = None
    ttl_minutes: int | None = None
    total_entries: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedCandidate:
    """A feed found for a site, offered to the user to choose from.

    ``via`` says how it was found: the URL itself was a feed (``self``), a
    ``<link rel=alternate>`` (``link``), a feed-looking ``<a href>`` on the page
    (``anchor``), a common path that answered with a feed (``path``), or a news
    sitemap (``sitemap``). ``kind`` is None when the feed was not fetched.
    """

    url: str
    title: str
    kind: FeedKind | None
    via: CandidateVia


# -- the offline library (reader.core.library) ---------------------------------


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the user marked on one article (user state: never evicted).

    Times are aware UTC datetimes.
    """

    url: str
    read: bool = False
    starred: bool = False
    read_at: datetime | None = None
    starred_at: datetime | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """An article as the library hands it to a view.

    ``from_cache`` is true when it came from the library without touching the
    network; ``images`` counts the pictures available offline; ``collections``
    names the collections it is saved in. ``outlet`` and ``sort_at`` are the
    name and date every list shows for it (the site's name, else its feed's
    title; the page's date, else the feed's, else when first seen).
    """

    article: Article
    from_cache: bool
    fetched_at: datetime
    state: ArticleState
    collections: tuple[str, ...] = ()
    validators: Validators = Validators()
    images: int = 0
    outlet: str = ""
    sort_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Headline:
    """One row of an article list.

    ``sort_at`` is the publication time (else when it was fetched); in a
    collection's list ``added_at`` is when it was saved there. ``in_library`` is
    false for a collection item whose cached copy is gone.
    """

    url: str
    title: str
    outlet: str
    sort_at: datetime
    read: bool = False
    starred: bool = False
    published: str | None = None
    lead_image: str | None = None
    words: int = 0
    in_library: bool = True
    added_at: datetime | None = None
    article_id: int | None = None
    story: int | None = None  # the story it belongs to (stable id), None before grouping
    story_size: int = 1  # articles in that story
    story_outlets: int = 1  # distinct outlets telling it ("+N outlets" shows N = this - 1)
    #: A rule asked for this item to stand out.
    highlighted: bool = False


@dataclass(frozen=True, slots=True)
class CollectionInfo:
    """A collection with its item count; ``builtin`` is true for "Read later"."""

    id: int
    name: str
    builtin: bool
    count: int
    created_at: datetime
    last_added_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class LibraryCounts:
    articles: int
    unread: int
    starred: int
    saved: int


@dataclass(frozen=True, slots=True)
class Outlet:
    """A site the library has articles from (for filters)."""

    name: str
    host: str
    articles: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; ``highlights`` are (start, end) spans in ``snippet``."""

    url: str
    title: str
    outlet: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    sort_at: datetime
    published: str | None = None
    read: bool = False
    starred: bool = False
    score: float = 0.0
    story: int | None = None
    story_size: int = 1  # results of one story are shown once, the best-ranked one
    #: A rule asked for this article to stand out.
    highlighted: bool = False

    def marked(self, start: str = "[", end: str = "]") -> str:
        """The snippet with each highlight wrapped in ``start``/``end`` (no escaping)."""
        out, last = [], 0
        for a, b in self.highlights:
            out += [self.snippet[last:a], start, self.snippet[a:b], end]
            last = b
        out.append(self.snippet[last:])
        return "".join(out)

    @property
    def snippet_html(self) -> str:
        """The snippet, HTML-escaped, highlights in ``<b>``."""
        import html  # noqa: PLC0415 (its entity table: only for the window, not every command)

        out, last = [], 0
        for a, b in self.highlights:
            out += [
                html.escape(self.snippet[last:a]),
                "<b>",
                html.escape(self.snippet[a:b]),
                "</b>",
            ]
            last = b
        out.append(html.escape(self.snippet[last:]))
        return "".join(out)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """Outcome of saving an article: ``fetched`` is true if it had to be downloaded."""

    url: str
    title: str
    collections: tuple[str, ...]
    fetched: bool


@dataclass(frozen=True, slots=True)
class CacheStats:
    """Sizes in bytes. ``cache_bytes`` (articles + images) is what the budget limits."""

    articles: int
    pinned_articles: int
    images: int
    article_bytes: int
    image_bytes: int
    cache_bytes: int
    budget_bytes: int
    file_bytes: int
    collections: int
    starred: int


@dataclass(frozen=True, slots=True)
class PruneResult:
    """What eviction removed; ``over_budget`` means saved/starred content alone exceeds it."""

    evicted_articles: int
    evicted_images: int
    freed_bytes: int
    cache_bytes: int
    budget_bytes: int
    over_budget: bool


@dataclass(frozen=True, slots=True)
class StoreRecovery:
    """A damaged file was found and repaired; the UI and the CLI tell the user exactly what
    came back and what did not.

    ``damaged`` says which file: the library, or the copy of user state beside it
    (``reader.core.store.userstate``). ``source`` is what the library was rebuilt
    from: the copy (everything the user saved, up to the last change), a backup
    (as it was at ``backup_time``), nothing (a new, empty library); for a damaged
    copy it is the library itself. The counts describe the repaired library.
    """

    reason: str
    moved_to: str
    restored_from: str | None
    backup_time: datetime | None
    damaged: Literal["library", "copy"] = "library"
    source: Literal["copy", "backup", "none", "library"] = "backup"
    saved: int = 0
    saved_with_text: int = 0
    starred: int = 0
    read: int = 0
    sources: int = 0
    folders: int = 0
    collections: int = 0
    #: Other user-state tables (sync accounts, pending changes, import jobs...) with rows.
    other: tuple[tuple[str, int], ...] = ()

    @property
    def came_back(self) -> str:
        """One sentence of what the repaired library holds of the user's things."""
        parts = [_saved_phrase(self.saved, self.saved_with_text)]
        for count, one, many in (
            (self.starred, "starred article", "starred articles"),
            (self.read, "read mark", "read marks"),
            (self.collections, "collection of your own", "collections of your own"),
            (self.sources, "source", "sources"),
            (self.folders, "folder", "folders"),
        ):
            if count:
                parts.append(f"{count} {one if count == 1 else many}")
        parts += [_rows_phrase(name, n) for name, n in self.other]
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]

    @property
    def message(self) -> str:
        kept = f"The damaged file was kept as {self.moved_to}."
        if self.damaged == "copy":
            return (
                f"The copy of your saved things beside the library was damaged ({self.reason}); "
                f"Kabar wrote a new one from the library, which holds {self.came_back}. "
                f"Nothing was lost. {kept}"
            )
        if self.source == "copy":
            return (
                f"The library was damaged ({self.reason}). Kabar rebuilt it from the copy of "
                f"your saved things: {self.came_back} came back. Not recovered: articles you "
                f"had not saved or starred and the sources' headlines; Kabar fetches them "
                f"again as you read and refresh. {kept}"
            )
        if self.source == "none":
            return (
                f"The library was damaged ({self.reason}) and neither a copy of your saved "
                f"things nor a backup was found; Kabar started a new, empty library. {kept}"
            )
        when = self.backup_time.strftime("%Y-%m-%d %H:%M UTC") if self.backup_time else "?"
        return (
            f"The library was damaged ({self.reason}); Kabar restored the backup from {when}: "
            f"{self.came_back} came back. Not recovered: what you saved, starred or read after "
            f"{when}, and articles you had not saved. {kept}"
        )


#: How the recovery message names rows of other user-state tables (else "N rows of name").
_ROW_NOUNS = {
    "sync_accounts": ("sync account", "sync accounts"),
    "sync_feeds": ("synced feed", "synced feeds"),
    "sync_changes": ("change waiting to sync", "changes waiting to sync"),
    "import_jobs": ("import", "imports"),
    "import_items": ("imported link", "imported links"),
}


def _rows_phrase(table: str, count: int) -> str:
    one, many = _ROW_NOUNS.get(table, ("row of " + table, "rows of " + table))
    return f"{count} {one if count == 1 else many}"


def _saved_phrase(saved: int, with_text: int) -> str:
    if saved == with_text:
        noun = "saved article" if saved == 1 else "saved articles"
        return f"all {saved} {noun} with their text" if saved > 1 else f"{saved} {noun}"
    return f"{saved} saved articles ({with_text} with their text, {saved - with_text} without)"


# -- sources, folders and refresh (reader.core.sources, reader.core.refresh) -------------

SourceStatus = Literal["new", "ok", "failing", "waiting", "gone"]
OutcomeStatus = Literal[
    "updated", "unchanged", "not-modified", "failed", "skipped", "cancelled", "synced"
]


@dataclass(frozen=True, slots=True)
class Folder:
    """A folder of sources; ``path`` is its name and its parents' names, outermost first."""

    id: int
    name: str
    parent_id: int | None
    path: tuple[str, ...]
    position: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    """A subscribed feed or news sitemap, with what the user sees of its health.

    ``status``: ``new`` (never read), ``ok``, ``failing`` (the last attempt failed;
    ``last_error`` says why), ``waiting`` (the server asked Kabar to come back
    later: ``retry_after_until``) or ``gone`` (410: no longer polled).
    ``entries`` counts the items kept from it; ``refused`` those whose page or
    pictures pointed into a private network and were not fetched.
    """

    id: int
    url: str
    title: str
    site_url: str | None = None
    folder_id: int | None = None
    folder: tuple[str, ...] = ()
    position: int = 0
    kind: FeedKind | None = None
    language: str | None = None
    full_text: bool = True
    interval_seconds: int = 1800
    status: SourceStatus = "new"
    failures: int = 0
    last_error: str | None = None
    last_error_at: datetime | None = None
    last_checked_at: datetime | None = None
    last_success_at: datetime | None = None
    next_due: datetime | None = None
    retry_after_until: datetime | None = None
    entries: int = 0
    #: The user allowed automatic fetches for this source to reach private addresses.
    allow_private: bool = False
    #: Items whose page or pictures the private-address policy refused (``refused_line``).
    refused: int = 0

    @property
    def refused_line(self) -> str | None:
        """The status line for refused fetches, or None when there were none."""
        if not self.refused:
            return None
        items = "1 item" if self.refused == 1 else f"{self.refused} items"
        return f"{PRIVATE_REFUSAL} ({items})"


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    """A snapshot of a running refresh, passed to the progress callback.

    ``articles_total`` grows as feeds are read and new items queued for their
    full text; ``articles_done`` counts items finished (stored or failed).
    ``current`` names the source that just finished, if any.
    """

    sources_total: int
    sources_done: int = 0
    articles_total: int = 0
    articles_done: int = 0
    articles_failed: int = 0
    new_entries: int = 0
    current: str | None = None
    finished: bool = False
    cancelled: bool = False
    #: What the sync with the reader's server (before the feeds) is doing, if one runs.
    sync: str | None = None


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """What refreshing one source did."""

    source_id: int
    title: str
    status: OutcomeStatus
    new_entries: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """The result of a whole refresh (``outcomes`` in the order sources finished)."""

    outcomes: tuple[SourceOutcome, ...]
    new_entries: int = 0
    articles_fetched: int = 0
    articles_failed: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    #: The sync with the reader's server that ran first: its summary, or why it failed.
    sync: str | None = None
    sync_failed: bool = False


@dataclass(frozen=True, slots=True)
class StoryVersion:
    """One outlet's telling of a story ("Also reported by")."""

    url: str
    title: str
    outlet: str
    sort_at: datetime
    read: bool = False


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """A story: the same event told by one or more outlets, earliest telling first."""

    story: int
    title: str
    url: str
    first_at: datetime
    last_at: datetime
    size: int
    outlets: tuple[str, ...]
    versions: tuple[StoryVersion, ...] = ()


# -- rules: mute and highlight (reader.core.rules) ------------------------------

RuleMatch = Literal["words", "pattern"]
RuleField = Literal["title", "text"]
RuleAction = Literal["hide", "read", "highlight"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One of the reader's rules (user state).

    When the title (``field="title"``) or the title or text (``"text"``) of an item
    arriving from ``source_id`` (None: any source) contains any of the comma-separated
    words or phrases in ``text`` (``match="words"``) or matches the regular expression
    ``text`` (``"pattern"``), the item is hidden, marked read, or highlighted.
    """

    id: int | None
    match: RuleMatch
    text: str
    field: RuleField = "title"
    action: RuleAction = "hide"
    source_id: int | None = None
    name: str = ""
    enabled: bool = True
