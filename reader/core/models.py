"""Plain, immutable values that cross layer and thread boundaries.

Library objects (``requests.Response``, feedparser dicts, lxml trees) never
leave the module that uses them; they are converted to these types at the
boundary so the UI and the store depend on nothing but the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RelatedKind = Literal["inline", "block"]


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

    ``html`` has been through the one sanitiser (:mod:`reader.core.sanitize`);
    ``text`` is plain text with paragraphs separated by blank lines.
    ``published`` is an ISO 8601 string (with offset when the page gives one).
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
    charset: str | None
    body: bytes
    validators: Validators = Validators()
    not_modified: bool = False
    headers: dict[str, str] = field(default_factory=dict)


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
