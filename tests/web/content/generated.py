"""The ``gen`` origin: endless deterministic feeds and articles for benchmarks.

``/gen/{n}.xml?items=K`` is an RSS feed of K articles ``/gen/{n}/{i}``; each
article is 400-700 words (Indonesian for even ``n``, English for odd), has a
teaser link, a related block and two small images ``/gen/img/{n}/{i}.png`` and
``/gen/img/{n}/{i}-2.png``. Rendered bytes are cached (LRU) so 500 feeds x 30
items under concurrent clients stay cheap.
"""

from __future__ import annotations

import random
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from tests.web import images
from tests.web.content import feeds, gen_text
from tests.web.content.htmlkit import analytics, esc, iso, json_ld, pixel
from tests.web.content.model import WIB, ArticleTruth
from tests.web.resource import Resource, html

MAX_FEEDS = 100_000
MAX_ITEMS = 1000
FEED_RE = re.compile(r"/gen/(\d{1,6})\.xml")
ARTICLE_RE = re.compile(r"/gen/(\d{1,6})/(\d{1,4})")
IMAGE_RE = re.compile(r"/gen/img/(\d{1,6})/(\d{1,4})(-2)?\.png")
OPML_RE = re.compile(r"/gen/opml/(\d{1,6})\.xml")
NEWEST = datetime(2026, 3, 16, 12, 0, tzinfo=WIB)


class LRU:
    """A small thread-safe LRU cache of Resources."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[str, Resource] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, make: Callable[[], Resource]) -> Resource:
        with self._lock:
            found = self._data.get(key)
            if found is not None:
                self._data.move_to_end(key)
                return found
        made = make()  # outside the lock: rendering may take a millisecond
        with self._lock:
            self._data[key] = made
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return made


@dataclass(frozen=True)
class GenArticle:
    n: int
    i: int
    language: str
    title: str
    author: str
    published: datetime
    paragraphs: tuple[str, ...]


def _bank(n: int) -> gen_text.Bank:
    return gen_text.ID if n % 2 == 0 else gen_text.EN


def _slots(rng: random.Random, bank: gen_text.Bank, fixed: dict[str, str]) -> dict[str, str]:
    """Slot values for one headline or paragraph: the article's fixed ones plus fresh picks."""
    values = dict(fixed)
    for slot in ("person", "day", "agency"):
        values.setdefault(slot, rng.choice(bank.slot(slot)))
    number = f"{rng.randint(12, 950):,}"
    values["number"] = number.replace(",", ".") if bank.language == "id" else number
    topic = values["topic"]
    values["Topic"] = topic.title() if bank.language == "id" else topic[:1].upper() + topic[1:]
    return values


def _headline(n: int, i: int) -> tuple[str, dict[str, str]]:
    bank = _bank(n)
    rng = random.Random(f"title:{n}:{i}")
    fixed = {k: rng.choice(bank.slot(k)) for k in ("place", "topic", "role")}
    return rng.choice(bank.headline).format(**_slots(rng, bank, fixed)), fixed


def title_of(n: int, i: int) -> str:
    return _headline(n, i)[0]


def _paragraphs(n: int, i: int, fixed: dict[str, str]) -> Iterator[str]:
    """The body, paragraph by paragraph (lazy, so feeds can take just the lede)."""
    bank = _bank(n)
    rng = random.Random(f"body:{n}:{i}")
    target = rng.randint(400, 700)
    count = 0
    order: list[str] = []
    while count < target:
        if not order:
            order = rng.sample(bank.sentences, len(bank.sentences))
        take = [order.pop() for _ in range(min(len(order), rng.randint(2, 4)))]
        values = _slots(rng, bank, fixed)
        text = " ".join(s.format(**values) for s in take)
        if count == 0 and bank.language == "id":
            text = f"{fixed['place'].upper()} - {text}"
        count += len(text.split())
        yield text


def _author(n: int, i: int) -> str:
    return random.Random(f"author:{n}:{i}").choice(_bank(n).author)


def lede(n: int, i: int) -> str:
    """First paragraph of article ``i`` of feed ``n``."""
    return next(_paragraphs(n, i, _headline(n, i)[1]))


def make_article(n: int, i: int) -> GenArticle:
    """Article ``i`` of generated feed ``n`` (pure function of n and i)."""
    title, fixed = _headline(n, i)
    return GenArticle(
        n=n,
        i=i,
        language=_bank(n).language,
        title=title,
        author=_author(n, i),
        published=published(n, i),
        paragraphs=tuple(_paragraphs(n, i, fixed)),
    )


def published(n: int, i: int) -> datetime:
    return NEWEST - timedelta(minutes=37 * i + n % 60)


class GenSite:
    """Router and renderer of the ``gen`` origin."""

    def __init__(
        self, base: str, outlet_feeds: list[tuple[str, list[tuple[str, str, str]]]]
    ) -> None:
        self.base = base
        self._outlet_feeds = outlet_feeds
        self._pages = LRU(8192)
        self._feeds = LRU(2048)
        self._images = LRU(4096)

    # -- URLs ------------------------------------------------------------------------
    def feed_url(self, n: int, items: int = 30) -> str:
        if not (0 <= n < MAX_FEEDS and 1 <= items <= MAX_ITEMS):
            raise ValueError(f"generated feed {n} with {items} items is out of range")
        return f"{self.base}/gen/{n}.xml" + ("" if items == 30 else f"?items={items}")

    def article_url(self, n: int, i: int) -> str:
        return f"{self.base}/gen/{n}/{i}"

    def image_url(self, n: int, i: int, second: bool = False) -> str:
        return f"{self.base}/gen/img/{n}/{i}{'-2' if second else ''}.png"

    # -- routing -----------------------------------------------------------------------
    def lookup(self, path: str, query: str) -> Resource | None:
        if m := ARTICLE_RE.fullmatch(path):
            n, i = int(m[1]), int(m[2])
            if n < MAX_FEEDS and i < MAX_ITEMS:
                return self._pages.get(path, lambda: self._page(n, i))
        elif m := FEED_RE.fullmatch(path):
            n = int(m[1])
            items = 30
            if query.startswith("items=") and query[6:].isdigit():
                items = int(query[6:])
            if n < MAX_FEEDS and 1 <= items <= MAX_ITEMS:
                return self._feeds.get(f"{n}/{items}", lambda: self._feed(n, items))
        elif m := IMAGE_RE.fullmatch(path):
            n, i, second = int(m[1]), int(m[2]), bool(m[3])
            if n < MAX_FEEDS and i < MAX_ITEMS:
                return self._images.get(path, lambda: self._image(n, i, second))
        elif m := OPML_RE.fullmatch(path):
            count = int(m[1])
            if 1 <= count <= 10_000:
                return self._opml(count)
        elif path == "/opml.xml":
            body = feeds.opml("Kabar test web: all outlets", self._outlet_feeds)
            return Resource(body, "text/x-opml; charset=utf-8")
        elif path == "/":
            return html(self._index())
        return None

    def truth(self, path: str) -> ArticleTruth | None:
        m = ARTICLE_RE.fullmatch(path)
        if not m or int(m[1]) >= MAX_FEEDS or int(m[2]) >= MAX_ITEMS:
            return None
        a = make_article(int(m[1]), int(m[2]))
        nxt, rel = self._links(a)
        return ArticleTruth(
            url=self.article_url(a.n, a.i),
            outlet="gen",
            language=a.language,
            title=a.title,
            byline=a.author,
            authors=[a.author],
            published=iso(a.published),
            paragraphs=list(a.paragraphs),
            inline_related=[(self.article_url(a.n, nxt), title_of(a.n, nxt))],
            block_related=[(self.article_url(a.n, j), title_of(a.n, j), "GenWarta") for j in rel],
            pages=1,
            page_urls=[self.article_url(a.n, a.i)],
            images=[self.image_url(a.n, a.i), self.image_url(a.n, a.i, True)],
            tables=[],
            tags=[],
        )

    # -- rendering ------------------------------------------------------------------------
    @staticmethod
    def _links(a: GenArticle) -> tuple[int, list[int]]:
        return (a.i + 1) % MAX_ITEMS, [(a.i + 2) % MAX_ITEMS, (a.i + 3) % MAX_ITEMS]

    def _image(self, n: int, i: int, second: bool) -> Resource:
        """One of 64 drawn pictures, made unique by a tEXt chunk (drawing is the slow part)."""
        variant = (n * 7919 + i * 2 + second) % 64
        drawn = images.picture(f"gen-{variant}", 320)
        png = images.with_text(drawn, "Comment", f"gen {n}/{i}{second:d}")
        return Resource(png, "image/png", compress=False)

    def _page(self, n: int, i: int) -> Resource:
        a = make_article(n, i)
        bank = _bank(n)
        nxt, rel = self._links(a)
        url = self.article_url(n, i)
        body: list[str] = []
        second = min(5, len(a.paragraphs) - 1)
        for k, text in enumerate(a.paragraphs):
            body.append(f"<p>{esc(text)}</p>")
            if k == 2:
                body.append(
                    f'<p class="teaser"><strong>{bank.teaser}</strong> '
                    f'<a href="/gen/{n}/{nxt}">{esc(title_of(n, nxt))}</a></p>'
                )
            if k == 4:
                body.append(
                    '<div class="ad"><span>ADVERTISEMENT</span><div id="ad-slot-2"></div></div>'
                )
            if k == second:
                body.append(
                    f'<figure><img src="/gen/img/{n}/{i}-2.png" width="320" height="180" alt="">'
                    f"<figcaption>{bank.caption}</figcaption></figure>"
                )
        related = "".join(f'<li><a href="/gen/{n}/{j}">{esc(title_of(n, j))}</a></li>' for j in rel)
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": iso(a.published),
            "author": {"@type": "Person", "name": a.author},
            "image": self.image_url(n, i),
            "publisher": {"@type": "Organization", "name": "GenWarta"},
        }
        byline = "Penulis" if a.language == "id" else "By"
        page = f"""<!DOCTYPE html>
<html lang="{a.language}">
<head>
<meta charset="utf-8">
<title>{esc(a.title)} - GenWarta</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{esc(a.paragraphs[0][:150])}">
<link rel="canonical" href="{url}">
<link rel="alternate" type="application/rss+xml" href="/gen/{n}.xml">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{self.image_url(n, i)}">
<meta property="og:site_name" content="GenWarta">
{json_ld(ld)}
<style>body{{font-family:sans-serif;max-width:720px;margin:auto}}.ad{{min-height:120px}}</style>
</head>
<body>
<header><a href="/">GenWarta</a> <nav><a href="/gen/{n}.xml">RSS</a></nav></header>
<main>
<article>
<h1>{esc(a.title)}</h1>
<p class="byline">{byline}: <span class="author">{esc(a.author)}</span> ·
<time datetime="{iso(a.published)}">{a.published:%d/%m/%Y %H:%M}</time></p>
<figure><img src="/gen/img/{n}/{i}.png" width="320" height="180" alt="{esc(a.title)}"></figure>
<div class="article-body">
{chr(10).join(body)}
</div>
<section class="related"><h2>{bank.related}</h2><ul>{related}</ul></section>
</article>
</main>
<footer>© 2026 GenWarta (generated)</footer>
{pixel("gen=" + str(n))}
{analytics("G-GEN", "article")}
</body>
</html>
"""
        return html(page, modified=a.published)

    def _feed(self, n: int, items: int) -> Resource:
        entries = [
            feeds.FeedItem(
                title=title_of(n, i),
                url=self.article_url(n, i),
                published=published(n, i),
                updated=published(n, i),
                summary=lede(n, i)[:200].rsplit(" ", 1)[0] + " …",
                authors=(_author(n, i),),
                categories=("gen",),
                image_url=self.image_url(n, i),
                image_length=0,
            )
            for i in range(items)
        ]
        body = feeds.rss(
            title=f"GenWarta feed {n}",
            link=self.base + "/",
            self_url=self.feed_url(n, items),
            description=f"Generated feed {n} with {items} items",
            language=_bank(n).language,
            items=entries,
            image_url=self.image_url(n, 0),
        )
        return Resource(body, "application/rss+xml; charset=utf-8", modified=published(n, 0))

    def _opml(self, count: int) -> Resource:
        group = [(f"GenWarta feed {n}", self.feed_url(n), self.base + "/") for n in range(count)]
        body = feeds.opml(f"{count} generated feeds", [("Generated", group)])
        return Resource(body, "text/x-opml; charset=utf-8")

    def _index(self) -> str:
        links = "".join(f'<li><a href="/gen/{n}.xml">Feed {n}</a></li>' for n in range(5))
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>GenWarta - generated feeds</title></head>
<body><h1>GenWarta</h1><p>Generated feeds for benchmarks: /gen/N.xml?items=K.</p>
<ul>{links}</ul><p><a href="/opml.xml">All outlets (OPML)</a></p></body></html>
"""
