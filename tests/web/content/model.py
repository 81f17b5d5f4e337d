"""The fictional news web as plain data: outlets, articles made of blocks, truth.

Articles are lists of blocks. Outlet templates render the blocks to HTML and
``truth.truth_of`` reads the very same blocks, so page and ground truth cannot
drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
EDT = timezone(timedelta(hours=-4), "EDT")

#: Inline keyword links inside paragraph text: ``{tag:Banjir Rob}``.
TAG_RE = re.compile(r"\{tag:([^}]+)\}")


def plain(text: str) -> str:
    """Paragraph text as a reader sees it (markup syntax removed)."""
    return TAG_RE.sub(lambda m: m.group(1), text)


def slugify(text: str) -> str:
    """ASCII URL slug, the way news CMSs make them."""
    text = unicodedata.normalize("NFKD", plain(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def words(text: str) -> int:
    return len(plain(text).split())


@dataclass(frozen=True)
class OutletInfo:
    """Static facts about one fictional outlet."""

    name: str
    display_name: str
    site_name: str  # how the site names itself in text, e.g. "NusaKini.com"
    language: str
    tz: timezone
    dateline_sep: str = " - "
    byline_joiner: str = ", "


# -- body blocks --------------------------------------------------------------
@dataclass(frozen=True)
class Para:
    """A body paragraph; ``dateline`` is rendered bold before the text."""

    text: str
    dateline: str = ""


@dataclass(frozen=True)
class Subhead:
    text: str


@dataclass(frozen=True)
class Quote:
    """A block quote; each string is one paragraph inside it."""

    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    image: str  # image name, served as /img/{image}.png by the outlet
    caption: str
    credit: str


@dataclass(frozen=True)
class Teaser:
    """An inline "Baca juga" / "Read more" link to another article (by key)."""

    target: str
    style: str = ""  # outlet-specific form; "" = the outlet's default


@dataclass(frozen=True)
class Video:
    title: str
    video_id: str
    kind: str = "youtube"  # or "gambas" (Detik-style placeholder)


@dataclass(frozen=True)
class Widget:
    """Non-content furniture the template places inside the body (ads, forms...)."""

    kind: str


@dataclass(frozen=True)
class PageBreak:
    """Where the CMS splits a long article into pages."""


Block = Para | Subhead | Quote | Items | Table | Figure | Teaser | Video | Widget | PageBreak


@dataclass(frozen=True)
class Article:
    """One article of one outlet. ``key`` is ``outlet/slug``."""

    outlet: str
    slug: str
    path: str  # canonical path, e.g. /regional/2026/03/12/slug
    section: str
    title: str
    summary: str
    authors: tuple[str, ...]
    editor: str
    published: datetime
    body: tuple[Block, ...]
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # "Berita Terkait" / "Related" block (keys)
    further: tuple[str, ...] = ()  # "Baca Lebih Lanjut" / "More on this story" (keys)
    modified: datetime | None = None
    syndicated_from: str | None = None  # key of the original article
    desk: str = ""  # sign-off initials, e.g. "(nsk/nsk)"

    @property
    def key(self) -> str:
        return f"{self.outlet}/{self.slug}"

    @property
    def updated(self) -> datetime:
        return self.modified or self.published

    @property
    def pages(self) -> list[tuple[Block, ...]]:
        """Body blocks per page (one entry when the article is not split)."""
        pages: list[list[Block]] = [[]]
        for block in self.body:
            if isinstance(block, PageBreak):
                pages.append([])
            else:
                pages[-1].append(block)
        return [tuple(p) for p in pages]

    @property
    def figures(self) -> list[Figure]:
        return [b for b in self.body if isinstance(b, Figure)]

    @property
    def lead_image(self) -> str:
        return self.figures[0].image

    def word_count(self) -> int:
        total = 0
        for b in self.body:
            if isinstance(b, Para | Subhead):
                total += words(b.text)
            elif isinstance(b, Quote):
                total += sum(words(p) for p in b.paragraphs)
            elif isinstance(b, Items):
                total += sum(words(i) for i in b.items)
        return total


@dataclass(frozen=True)
class ArticleTruth:
    """What a perfect extractor returns for one article (all pages joined).

    ``paragraphs`` holds the text blocks in order: paragraphs (dateline kept),
    subheadings, each block-quote paragraph and each list item; teasers, ads,
    captions, share/follow prompts, syndication lines and desk codes are absent.
    Tables are in ``tables`` (rows of cells, header first), not in paragraphs.
    ``images`` are the article's own pictures (lead image first, full size);
    logos, thumbnails and tracking pixels are not.
    """

    url: str
    outlet: str
    language: str
    title: str
    byline: str
    authors: list[str]
    published: str
    paragraphs: list[str]
    inline_related: list[tuple[str, str]]
    block_related: list[tuple[str, str, str]]
    pages: int
    page_urls: list[str]
    images: list[str]
    tables: list[list[list[str]]]
    tags: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)
