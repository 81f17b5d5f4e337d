"""Per-origin route tables, and the context that turns article keys into URLs.

``Site`` is the base class of the three outlet templates: it pre-renders every
page once the ports are known, serves images, the tracking pixel and static
assets, and derives each article's ground truth from the same blocks the
template renders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import ClassVar

from tests.web import images
from tests.web.content import assets
from tests.web.content.feeds import FeedItem
from tests.web.content.model import (
    TAG_RE,
    Article,
    ArticleTruth,
    Figure,
    Items,
    OutletInfo,
    Para,
    Quote,
    Subhead,
    Table,
    Teaser,
    Widget,
    plain,
    slugify,
)
from tests.web.resource import Resource, html

IMAGE_RE = re.compile(r"/img/(?P<name>[a-z0-9-]+?)(?:-(?P<width>160|320))?\.png")
PIXEL = Resource(
    images.PIXEL_GIF,
    "image/gif",
    conditional=False,
    compress=False,
    cache_control="no-store, no-cache, must-revalidate, max-age=0",
)


class Ctx:
    """Everything the templates need to link across origins."""

    def __init__(
        self,
        bases: Mapping[str, str],
        infos: Mapping[str, OutletInfo],
        articles: Iterable[Article],
    ) -> None:
        self.bases = dict(bases)
        self.infos = dict(infos)
        self.articles = {a.key: a for a in articles}

    def abs(self, outlet: str, path: str) -> str:
        return self.bases[outlet] + path

    def url(self, key: str) -> str:
        """Canonical absolute URL of an article."""
        article = self.articles[key]
        return self.abs(article.outlet, article.path)

    def article(self, key: str) -> Article:
        return self.articles[key]

    def source(self, key: str) -> str:
        """Display name of the outlet that published ``key``."""
        return self.infos[self.articles[key].outlet].display_name

    def thumb(self, key: str, width: int = 160) -> str:
        """Absolute URL of an article's lead image at a thumbnail width."""
        article = self.articles[key]
        return self.abs(article.outlet, f"/img/{article.lead_image}-{width}.png")

    def of(self, outlet: str) -> list[Article]:
        """An outlet's articles, newest first."""
        found = [a for a in self.articles.values() if a.outlet == outlet]
        return sorted(found, key=lambda a: a.published, reverse=True)


class Site:
    """Base of an outlet template. Subclasses render; this class routes."""

    info: ClassVar[OutletInfo]
    articles: ClassVar[tuple[Article, ...]]
    sections: ClassVar[dict[str, str]]
    tag_prefix: ClassVar[str] = "/tag/"
    author_prefix: ClassVar[str] = "/penulis/"
    info_pages: ClassVar[dict[str, tuple[str, tuple[str, ...]]]] = {}
    #: The article page prints the summary as a standfirst under the headline: it is read
    #: as the article's first paragraph (it is the article's own lead, not a teaser).
    prints_standfirst: ClassVar[bool] = False

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.base = ctx.bases[self.info.name]
        self.routes: dict[str, Resource] = {}
        self.feed_paths: list[str] = []
        self.image_names = {f.image for a in self.articles for f in a.figures}
        self.image_names.add(f"{self.info.name}-logo")
        self._build()

    # -- hooks for subclasses -------------------------------------------------------
    def article_pages(self, article: Article) -> dict[str, str]:
        """Route key (path, plus "?page=N" where significant) -> HTML."""
        raise NotImplementedError

    def front(self) -> str:
        raise NotImplementedError

    def listing(self, path: str, title: str, articles: list[Article]) -> str:
        raise NotImplementedError

    def info_page(self, path: str, title: str, paragraphs: tuple[str, ...]) -> str:
        raise NotImplementedError

    def not_found(self) -> str:
        raise NotImplementedError

    def feeds(self) -> dict[str, Resource]:
        raise NotImplementedError

    def extra_routes(self) -> dict[str, str]:
        """Further HTML pages (path -> HTML) an outlet serves."""
        return {}

    def page_urls(self, article: Article) -> list[str]:
        return [self.ctx.url(article.key)]

    def block_related(self, article: Article) -> list[str]:
        """Keys of the related-article blocks after the body, in page order."""
        return list(dict.fromkeys((*article.related, *article.further)))

    def route_key(self, path: str, query: str) -> str:
        """Which part of the query string selects a different page (none by default)."""
        return path

    def sitemaps(self) -> dict[str, Resource]:
        return {}

    # -- routing ---------------------------------------------------------------------
    def lookup(self, path: str, query: str) -> Resource | None:
        found = self.routes.get(self.route_key(path, query))
        if found is not None:
            return found
        if path == "/px.gif":
            return PIXEL
        match = IMAGE_RE.fullmatch(path)
        if match and match["name"] in self.image_names:
            width = int(match["width"] or images.WIDTH)
            return Resource(images.picture(match["name"], width), "image/png", compress=False)
        return None

    def missing(self) -> Resource:
        return html(self.not_found(), status=404, modified=None)

    # -- truth -------------------------------------------------------------------------
    def truth(self, article: Article) -> ArticleTruth:
        """Ground truth from the article's blocks (see ArticleTruth)."""
        ctx, info = self.ctx, self.info
        paragraphs: list[str] = [plain(article.summary)] if self.prints_standfirst else []
        inline: list[tuple[str, str]] = []
        tables: list[list[list[str]]] = []
        for block in article.body:
            if isinstance(block, Para):
                lead = f"{block.dateline}{info.dateline_sep}" if block.dateline else ""
                paragraphs.append(lead + plain(block.text))
            elif isinstance(block, Subhead):
                paragraphs.append(plain(block.text))
            elif isinstance(block, Quote):
                paragraphs.extend(plain(p) for p in block.paragraphs)
            elif isinstance(block, Items):
                paragraphs.extend(plain(i) for i in block.items)
            elif isinstance(block, Table):
                tables.append([list(block.header), *(list(r) for r in block.rows)])
            elif isinstance(block, Teaser):
                inline.append((ctx.url(block.target), ctx.article(block.target).title))
        return ArticleTruth(
            url=ctx.url(article.key),
            outlet=info.name,
            language=info.language,
            title=article.title,
            byline=info.byline_joiner.join(article.authors),
            authors=list(article.authors),
            published=article.published.isoformat(timespec="seconds"),
            paragraphs=paragraphs,
            inline_related=inline,
            block_related=[
                (ctx.url(k), ctx.article(k).title, ctx.source(k))
                for k in self.block_related(article)
            ],
            pages=len(article.pages),
            page_urls=self.page_urls(article),
            images=[self.ctx.abs(info.name, f"/img/{f.image}.png") for f in article.figures],
            tables=tables,
            tags=list(article.tags),
        )

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        r = self.routes
        for article in self.articles:
            for key, text in self.article_pages(article).items():
                r[key] = html(text, modified=article.updated)
        newest = max(a.updated for a in self.articles)
        r["/"] = html(self.front(), modified=newest)
        by_section: dict[str, list[Article]] = {}
        by_tag: dict[str, tuple[str, list[Article]]] = {}
        by_author: dict[str, tuple[str, list[Article]]] = {}
        for article in self.ctx.of(self.info.name):
            by_section.setdefault(article.section, []).append(article)
            for tag in (*article.tags, *self._inline_tags(article)):
                by_tag.setdefault(slugify(tag), (tag, []))[1].append(article)
            for name in article.authors:
                by_author.setdefault(slugify(name), (name, []))[1].append(article)
        for section, found in by_section.items():
            page = self.listing(f"/{section}", self.sections[section], found)
            r[f"/{section}"] = html(page, modified=max(a.updated for a in found))
        for prefix, groups in ((self.tag_prefix, by_tag), (self.author_prefix, by_author)):
            for slug, (title, tagged) in groups.items():
                unique = list(dict.fromkeys(tagged))
                page = self.listing(prefix + slug, title, unique)
                r[prefix + slug] = html(page, modified=max(a.updated for a in unique))
        for path, (title, paragraphs) in self.info_pages.items():
            r[path] = html(self.info_page(path, title, paragraphs))
        for path, text in self.extra_routes().items():
            r[path] = html(text, modified=newest)
        feeds = self.feeds()
        self.feed_paths = list(feeds)
        r.update(feeds)
        sitemaps = self.sitemaps()
        r.update(sitemaps)
        r.update(assets.static_files(self.info.name, [self.base + p for p in sitemaps]))
        r["/favicon.ico"] = Resource(images.favicon_ico(), "image/x-icon", compress=False)

    @staticmethod
    def _inline_tags(article: Article) -> list[str]:
        found: list[str] = []
        for block in article.body:
            if isinstance(block, Para):
                found.extend(m.group(1) for m in TAG_RE.finditer(block.text))
        return found

    def figure_url(self, figure: Figure, width: int | None = None) -> str:
        suffix = f"-{width}" if width else ""
        return self.ctx.abs(self.info.name, f"/img/{figure.image}{suffix}.png")

    def feed_item(self, article: Article, url: str | None = None) -> FeedItem:
        """The feed view of an article (teaser only)."""
        return FeedItem(
            title=article.title,
            url=url or self.ctx.url(article.key),
            published=article.published,
            updated=article.updated,
            summary=article.summary,
            authors=article.authors,
            categories=(self.sections[article.section], *article.tags),
            image_url=self.ctx.abs(self.info.name, f"/img/{article.lead_image}.png"),
            image_length=len(images.picture(article.lead_image)),
        )

    def has_widget(self, article: Article, kind: str) -> bool:
        return any(isinstance(b, Widget) and b.kind == kind for b in article.body)
