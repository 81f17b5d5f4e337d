"""The Daily Harbor's page templates: a modern English news page.

``<article>`` with ``h1``, "By ..." byline and ``<time>``; "Read more:" and
"Also read:" teasers; an ``<aside>`` "Related" block and a "More on this story"
list; cookie banner, hidden elements, newsletter form, share widget;
``<picture>``/``srcset`` figures; JSON-LD with an author array. Own links are
relative, so readers must resolve them.
"""

# HTML templates keep one real-world tag per line, attributes and all.
# ruff: noqa: E501

from __future__ import annotations

from typing import ClassVar
from urllib.parse import quote

from tests.web.content import feeds, harbor_articles
from tests.web.content.htmlkit import analytics, en_date, esc, inline, iso, json_ld, pixel
from tests.web.content.model import (
    Article,
    Block,
    Figure,
    Items,
    Para,
    Quote,
    Subhead,
    Table,
    Teaser,
    Video,
    Widget,
    slugify,
)
from tests.web.content.site import Site
from tests.web.resource import Resource


class HarborSite(Site):
    info = harbor_articles.INFO
    articles = harbor_articles.ARTICLES
    sections = harbor_articles.SECTIONS
    tag_prefix = "/topic/"
    author_prefix = "/staff/"
    prints_standfirst = True
    info_pages: ClassVar[dict[str, tuple[str, tuple[str, ...]]]] = {
        "/about": (
            "About The Daily Harbor",
            (
                "The Daily Harbor is a fictional newspaper serving the fictional city of Port "
                "Ellery. It exists so that news-reading software has something realistic to read.",
                "Every person, business and event described on this site is invented.",
            ),
        ),
        "/privacy": (
            "Privacy policy",
            (
                "We use cookies to keep you signed in, to count visits and to show advertising. "
                "You can reject non-essential cookies at any time.",
            ),
        ),
        "/newsletter/subscribe": (
            "Thanks for signing up",
            ("Check your inbox to confirm your subscription to the Morning Tide.",),
        ),
    }

    def rel(self, key: str) -> str:
        """Own articles are linked with relative URLs, others absolutely."""
        article = self.ctx.article(key)
        return article.path if article.outlet == "harbor" else self.ctx.url(key)

    def block_related(self, article: Article) -> list[str]:
        return list(dict.fromkeys((*article.related, *article.further)))

    def article_pages(self, article: Article) -> dict[str, str]:
        return {article.path: self._article(article)}

    # -- feeds -----------------------------------------------------------------------------
    def feeds(self) -> dict[str, Resource]:
        found = self.ctx.of("harbor")
        entries = []
        for a in found:
            item = self.feed_item(a)
            item = feeds.FeedItem(
                **{**item.__dict__, "guid": f"tag:dailyharbor.test,2026:{a.slug}"}
            )
            if a.section == "culture":  # entry-level xml:base, href relative to it
                entries.append((item, self.base + "/culture/", a.path.removeprefix("/culture/")))
            else:
                entries.append((item, "", a.path.lstrip("/")))
        body = feeds.atom(
            title="The Daily Harbor",
            subtitle="News from Port Ellery and the bay",
            base=self.base,
            feed_id="tag:dailyharbor.test,2026:feed",
            items=entries,
            language="en",
        )
        modified = max(a.updated for a in found)
        return {
            "/atom.xml": Resource(body, "application/atom+xml; charset=utf-8", modified=modified)
        }

    # -- chrome -----------------------------------------------------------------------------
    def _head(self, title: str, description: str, canonical: str, extra: str) -> str:
        return f"""<!doctype html>
<html lang="en-US" class="no-js">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)}</title>
  <meta name="description" content="{esc(description)}">
  <link rel="canonical" href="{esc(canonical)}">
  <link rel="alternate" type="application/atom+xml" title="The Daily Harbor" href="/atom.xml">
  <link rel="icon" href="/favicon.ico" sizes="any">
  <link rel="preload" href="/assets/css/harbor.css" as="style">
  <link rel="stylesheet" href="/assets/css/harbor.css">
  <meta property="og:site_name" content="The Daily Harbor">
  <meta name="twitter:site" content="@dailyharbor">
{extra}
  <script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');</script>
  <script defer src="/assets/js/harbor.js"></script>
</head>"""

    def _top(self) -> str:
        nav = "".join(f'<li><a href="/{k}">{esc(v)}</a></li>' for k, v in self.sections.items())
        return f"""<body>
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-consent" class="consent-banner" role="dialog" aria-live="polite" aria-label="Cookie consent">
  <p>We use cookies and similar technologies to run this site, measure traffic and show you relevant advertising. You can change your choices at any time under “Privacy settings”.</p>
  <button type="button" id="consent-accept">Accept all</button>
  <button type="button" id="consent-reject">Reject non-essential</button>
  <a href="/privacy">Privacy policy</a>
</div>
<header class="site-header">
  <a class="masthead" href="/"><img src="/img/harbor-logo-320.png" width="320" height="180" alt="The Daily Harbor"></a>
  <nav class="site-nav" aria-label="Sections"><ul>{nav}</ul></nav>
  <a class="subscribe-button" href="/about">Subscribe</a>
</header>"""

    def _rail(self) -> str:
        items = "".join(
            f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in self.ctx.of("harbor")[:4]
        )
        return f"""<aside class="rail" aria-label="Most read">
    <h2>Most read</h2>
    <ol class="most-read">{items}</ol>
    <div class="ad-container ad-rail"><p class="ad-label">Advertisement</p><div id="gpt-rail"></div></div>
  </aside>"""

    def _bottom(self, kind: str) -> str:
        return f"""<footer class="site-footer">
  <p>&copy; 2026 The Daily Harbor, Port Ellery. <a href="/about">About us</a> · <a href="/privacy">Privacy</a> · <a href="/atom.xml">Atom feed</a></p>
</footer>
{pixel("pt=" + kind)}
{analytics("G-HARBOR01", kind)}
</body>
</html>
"""

    # -- article --------------------------------------------------------------------------------
    def _article(self, a: Article) -> str:
        url = self.ctx.url(a.key)
        lead, *rest = a.body
        assert isinstance(lead, Figure)
        authors = [
            {"@type": "Person", "name": n, "url": self.base + self.author_prefix + slugify(n)}
            for n in a.authors
        ]
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "description": a.summary,
            "image": [
                self.base + f"/img/{lead.image}.png",
                self.base + f"/img/{lead.image}-320.png",
            ],
            "datePublished": iso(a.published),
            "dateModified": iso(a.updated),
            "author": authors,
            "publisher": {
                "@type": "NewsMediaOrganization",
                "name": "The Daily Harbor",
                "logo": {"@type": "ImageObject", "url": self.base + "/img/harbor-logo.png"},
            },
            "isAccessibleForFree": True,
            "mainEntityOfPage": url,
        }
        meta = f"""  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(a.title)}">
  <meta property="og:description" content="{esc(a.summary)}">
  <meta property="og:url" content="{esc(url)}">
  <meta property="og:image" content="{self.base}/img/{lead.image}.png">
  <meta property="article:published_time" content="{iso(a.published)}">
  <meta property="article:modified_time" content="{iso(a.updated)}">
  <meta property="article:section" content="{esc(self.sections[a.section])}">
  <meta name="author" content="{esc(" and ".join(a.authors))}">
  <meta name="parsely-title" content="{esc(a.title)}">
  {json_ld(ld)}"""
        byline = " and ".join(
            f'<a rel="author" href="{self.author_prefix}{slugify(n)}">{esc(n)}</a>'
            for n in a.authors
        )
        updated = (
            f' · Updated <time datetime="{iso(a.modified)}">{en_date(a.modified)}</time>'
            if a.modified
            else ""
        )
        body = [self._block(a, b, n) for n, b in enumerate(rest)]
        if a.related and not self.has_widget(a, "related"):
            body.append(self._related_aside(a))
        more = "\n".join(
            f'      <li><a href="{self.rel(k)}"><img src="{self.ctx.thumb(k)}" width="160" height="90" alt="">'
            f'<span class="headline">{esc(self.ctx.article(k).title)}</span></a>'
            f'<span class="source">{esc(self.ctx.source(k))}</span></li>'
            for k in a.further
        )
        more_block = (
            f"""    <section class="more-on-story" aria-labelledby="more-heading">
      <h2 id="more-heading">More on this story</h2>
      <ul class="story-list">
{more}
      </ul>
    </section>"""
            if a.further
            else ""
        )
        return f"""{self._head(f"{a.title} | The Daily Harbor", a.summary, url, meta)}
{self._top()}
<main id="main" class="layout">
  <article class="story" itemscope itemtype="https://schema.org/NewsArticle">
    <header class="story-header">
      <p class="kicker"><a href="/{a.section}">{esc(self.sections[a.section])}</a></p>
      <h1 class="headline" itemprop="headline">{esc(a.title)}</h1>
      <p class="standfirst">{esc(a.summary)}</p>
      <p class="byline">By {byline}</p>
      <p class="dateline"><time datetime="{iso(a.published)}" itemprop="datePublished">{en_date(a.published)}</time>{updated}</p>
      {self._share(url, a.title)}
    </header>
    {self._figure(lead, "lead-figure", eager=True)}
    <div class="story-body" itemprop="articleBody">
{chr(10).join(body)}
    </div>
{more_block}
    <p class="corrections">Spotted an error? <a href="/about">Contact the newsroom</a>.</p>
  </article>
  {self._rail()}
</main>
{self._bottom("article")}"""

    def _share(self, url: str, title: str) -> str:
        return f"""<div class="share-tools" role="group" aria-label="Share this story">
        <button type="button" class="share-copy" data-url="{esc(url)}">Copy link</button>
        <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={quote(url)}" target="_blank" rel="noopener">Facebook</a>
        <a class="share-x" href="https://x.com/intent/post?url={quote(url)}&amp;text={quote(title)}" target="_blank" rel="noopener">X</a>
        <a class="share-email" href="mailto:?subject={quote(title)}&amp;body={quote(url)}">Email</a>
      </div>"""

    def _figure(self, fig: Figure, cls: str, *, eager: bool = False) -> str:
        loading = "eager" if eager else "lazy"
        return f"""<figure class="{cls}">
      <picture>
        <source media="(max-width: 480px)" srcset="/img/{fig.image}-320.png">
        <img src="/img/{fig.image}.png" srcset="/img/{fig.image}-320.png 320w, /img/{fig.image}.png 640w" sizes="(max-width: 700px) 100vw, 700px" width="640" height="360" alt="{esc(fig.caption)}" loading="{loading}" decoding="async">
      </picture>
      <figcaption><span class="caption">{esc(fig.caption)}</span> <span class="credit">Photo: {esc(fig.credit)}</span></figcaption>
    </figure>"""

    def _related_aside(self, a: Article) -> str:
        items = "".join(
            f'<li><a href="{self.rel(k)}">{esc(self.ctx.article(k).title)}</a></li>'
            for k in a.related
        )
        return f"""      <aside class="related-inline" aria-label="Related">
        <h3>Related</h3>
        <ul>{items}</ul>
      </aside>"""

    def _block(self, a: Article, block: Block, n: int) -> str:
        if isinstance(block, Para):
            text = inline(block.text, "/topic/{slug}")
            if block.dateline:
                return f'      <p><span class="dateline-place">{esc(block.dateline)}</span> — {text}</p>'
            return f"      <p>{text}</p>"
        if isinstance(block, Subhead):
            return f"      <h2>{esc(block.text)}</h2>"
        if isinstance(block, Figure):
            return "      " + self._figure(block, "story-figure")
        if isinstance(block, Teaser):
            href = self.rel(block.target)
            title = esc(self.ctx.article(block.target).title)
            if block.style == "also":
                return f'      <p class="also-read"><em>Also read:</em> <a href="{href}">{title}</a></p>'
            return f'      <p class="read-more"><strong>Read more:</strong> <a href="{href}">{title}</a></p>'
        if isinstance(block, Items):
            tag = "ol" if block.ordered else "ul"
            items = "\n".join(f"        <li>{esc(i)}</li>" for i in block.items)
            return f"      <{tag}>\n{items}\n      </{tag}>"
        if isinstance(block, Quote):
            inner = "".join(f"<p>{esc(p)}</p>" for p in block.paragraphs)
            return f'      <blockquote class="pull-quote">{inner}</blockquote>'
        if isinstance(block, Video):
            return f"""      <figure class="embed embed--youtube">
        <div class="embed__frame"><iframe width="560" height="315" src="https://www.youtube.com/embed/{esc(block.video_id)}?rel=0" title="{esc(block.title)}" frameborder="0" allow="encrypted-media; picture-in-picture" allowfullscreen loading="lazy"></iframe></div>
        <figcaption>{esc(block.title)}</figcaption>
      </figure>"""
        if isinstance(block, Widget):
            return self._widget(a, block.kind, n)
        if isinstance(block, Table):
            raise ValueError("The Daily Harbor articles do not use tables")
        raise TypeError(block)

    def _widget(self, a: Article, kind: str, n: int) -> str:
        if kind == "ad":
            return f"""      <div class="ad-container ad-inline" data-ad-slot="article-inline-{n}" aria-hidden="true">
        <p class="ad-label">Advertisement</p>
        <div class="ad-slot" id="gpt-inline-{n}"></div>
        <p class="ad-label">Story continues below advertisement</p>
      </div>"""
        if kind == "newsletter":
            return """      <div class="newsletter-promo" role="complementary">
        <h3>Get the Morning Tide</h3>
        <p>Our free newsletter with the day’s top Port Ellery stories, delivered at 6 a.m.</p>
        <form class="newsletter-form" action="/newsletter/subscribe" method="post">
          <label for="nl-email">Email address</label>
          <input type="email" id="nl-email" name="email" placeholder="you@example.com" required>
          <button type="submit">Sign up</button>
        </form>
      </div>"""
        if kind == "hidden":
            return """      <p class="audio-promo" hidden>Subscribers can listen to an audio version of this story in the app.</p>
      <div class="paywall-note" style="display:none">You have 3 free articles left this month. Subscribe for unlimited access.</div>"""
        if kind == "related":
            return self._related_aside(a)
        raise ValueError(kind)

    # -- other pages -------------------------------------------------------------------------------
    def _card(self, a: Article, *, big: bool = False) -> str:
        width = 320 if big else 160
        return f"""    <article class="card{" card--big" if big else ""}">
      <a href="{a.path}"><img src="{self.ctx.thumb(a.key, width)}" width="{width}" height="{width * 9 // 16}" alt="" loading="lazy"></a>
      <h3 class="card__title"><a href="{a.path}">{esc(a.title)}</a></h3>
      <p class="card__dek">{esc(a.summary)}</p>
      <p class="card__meta">By {esc(" and ".join(a.authors))} · <time datetime="{iso(a.published)}">{en_date(a.published)}</time></p>
    </article>"""

    def front(self) -> str:
        found = self.ctx.of("harbor")
        cards = "\n".join(self._card(a) for a in found[1:])
        ld = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": "The Daily Harbor",
            "url": self.base + "/",
        }
        return f"""{self._head("The Daily Harbor | News from Port Ellery", "Local news from Port Ellery and the bay.", self.base + "/", "  " + json_ld(ld))}
{self._top()}
<main id="main" class="layout front">
  <section class="top-stories" aria-label="Top stories">
{self._card(found[0], big=True)}
  </section>
  <section class="latest" aria-label="Latest">
    <h2>Latest</h2>
{cards}
  </section>
  {self._rail()}
</main>
{self._bottom("front")}"""

    def listing(self, path: str, title: str, articles: list[Article]) -> str:
        cards = "\n".join(self._card(a) for a in articles)
        return f"""{self._head(f"{title} | The Daily Harbor", f"The latest on {title}.", self.base + path, "")}
{self._top()}
<main id="main" class="layout listing">
  <h1>{esc(title)}</h1>
  <section class="latest">
{cards}
  </section>
  {self._rail()}
</main>
{self._bottom("list")}"""

    def info_page(self, path: str, title: str, paragraphs: tuple[str, ...]) -> str:
        text = "\n".join(f"  <p>{esc(p)}</p>" for p in paragraphs)
        return f"""{self._head(f"{title} | The Daily Harbor", title, self.base + path, "")}
{self._top()}
<main id="main" class="layout page">
  <h1>{esc(title)}</h1>
{text}
</main>
{self._bottom("page")}"""

    def not_found(self) -> str:
        return f"""{self._head("Page not found | The Daily Harbor", "Not found", self.base + "/", '  <meta name="robots" content="noindex">')}
{self._top()}
<main id="main" class="layout page"><h1>We can’t find that page</h1><p>It may have moved. Try the <a href="/">front page</a>.</p></main>
{self._bottom("404")}"""
