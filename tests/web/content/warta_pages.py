"""WartaKilat's page templates: Detik-shaped markup with Antara-style footers.

Per docs/indonesian-news.md 1.2/1.3/5: body ``div.detail__body-text``, a bare
``<strong>Jakarta</strong> -`` dateline before the first ``<p>``, ``table.linksisip``
and ``span.baca-juga`` teasers, ``div.paradetail`` ads, "[Gambas:Video ...]",
"Pewarta/Editor/Copyright" lines, desk codes, and pages as ``/2``, ``/3`` with
"Halaman selanjutnya" links and no show-all variant.
"""

# HTML templates keep one real-world tag per line, attributes and all.
# ruff: noqa: E501

from __future__ import annotations

from typing import ClassVar
from urllib.parse import quote

from tests.web.content import feeds, warta_articles
from tests.web.content.htmlkit import analytics, esc, id_date, inline, iso, json_ld, pixel
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

CHANNELS = warta_articles.CHANNELS
NO_AI = (
    "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI di "
    "situs web ini tanpa izin tertulis dari redaksi WartaKilat."
)


class WartaSite(Site):
    info = warta_articles.INFO
    articles = warta_articles.ARTICLES
    sections = warta_articles.SECTIONS
    tag_prefix = "/tag/"
    author_prefix = "/profil/"
    info_pages: ClassVar[dict[str, tuple[str, tuple[str, ...]]]] = {
        "/redaksi": (
            "Redaksi WartaKilat",
            (
                "WartaKilat.com adalah situs berita fiktif untuk keperluan pengujian. Semua "
                "tokoh dan peristiwa di dalamnya rekaan.",
                "Pemimpin Redaksi: Agus Priyanto. Redaktur: Irma Budiarti, Hendra Nasution.",
            ),
        ),
    }

    def page_urls(self, article: Article) -> list[str]:
        url = self.ctx.url(article.key)
        return [url] + [f"{url}/{n}" for n in range(2, len(article.pages) + 1)]

    def block_related(self, article: Article) -> list[str]:
        return list(article.related)

    def article_pages(self, article: Article) -> dict[str, str]:
        count = len(article.pages)
        out = {article.path: self._article(article, 1)}
        for n in range(2, count + 1):
            out[f"{article.path}/{n}"] = self._article(article, n)
        return out

    # -- feeds -------------------------------------------------------------------------
    def feeds(self) -> dict[str, Resource]:
        found = self.ctx.of("warta")
        modified = max(a.updated for a in found)
        items = [self.feed_item(a) for a in found]
        tracked = [
            self.feed_item(
                a, self.ctx.url(a.key) + "?utm_source=rss&utm_medium=feed&utm_campaign=wk"
            )
            for a in found
        ]
        rss = feeds.rss(
            title="WartaKilat.com - Berita Terbaru",
            link=self.base + "/",
            self_url=self.base + "/rss",
            description="Berita terbaru hari ini dari WartaKilat.com",
            language="id",
            items=tracked,
            image_url=self.base + "/img/warta-logo.png",
        )
        jf = feeds.json_feed(
            title="WartaKilat",
            home=self.base + "/",
            feed_url=self.base + "/feed.json",
            description="Berita terbaru hari ini dari WartaKilat.com",
            language="id",
            icon=self.base + "/img/warta-logo.png",
            items=items,
        )
        return {
            "/rss": Resource(rss, "application/rss+xml; charset=utf-8", modified=modified),
            "/feed.json": Resource(jf, "application/feed+json; charset=utf-8", modified=modified),
        }

    # -- chrome ------------------------------------------------------------------------------
    def _head(self, title: str, description: str, canonical: str, extra: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="description" content="{esc(description)}">
<meta name="platform" content="desktop">
<link rel="canonical" href="{esc(canonical)}">
<link rel="alternate" type="application/rss+xml" title="WartaKilat.com RSS" href="/rss">
<link rel="alternate" type="application/feed+json" title="WartaKilat.com JSON Feed" href="/feed.json">
<link rel="shortcut icon" href="/favicon.ico">
<link rel="stylesheet" href="/assets/css/warta.css">
{extra}
<script type="text/javascript" src="/assets/js/warta.js"></script>
<!-- S:taghead -->
<script>
  var wk_channel = "{esc(title[:20])}";
  window.wkAds = {{ slots: ["parallax", "billboard", "skyscraper"] }};
</script>
<!-- E:taghead -->
</head>"""

    def _header(self) -> str:
        nav = "".join(
            f'<a class="navbar__link" href="/{k}">{esc(v)}</a>' for k, v in self.sections.items()
        )
        return f"""<body>
<!-- S:header -->
<header class="header">
  <div class="container">
    <a href="/" class="header__logo"><img src="/img/warta-logo-160.png" alt="WartaKilat" width="160" height="90"></a>
    <nav class="navbar">{nav}<a class="navbar__link" href="/indeks">Indeks</a></nav>
  </div>
</header>
<div class="ads-billboard"><div id="div-gpt-ad-billboard"></div></div>
<!-- E:header -->"""

    def _mostpop(self) -> str:
        items = "".join(
            f'<li class="list-content__item"><span class="text-list__data">#{n}</span>'
            f'<a href="{self.ctx.url(a.key)}" class="media__link">{esc(a.title)}</a></li>'
            for n, a in enumerate(self.ctx.of("warta")[::-1][:5], start=1)
        )
        return f"""<div class="column-4">
  <div class="box cb-mostpop">
    <div class="box__header"><h2 class="box__title">Terpopuler</h2></div>
    <ul class="list-content">{items}</ul>
  </div>
  <div class="skyscraper"><div id="div-gpt-ad-skyscraper"></div></div>
</div>"""

    def _footer(self, kind: str) -> str:
        return f"""<!-- S:footer -->
<footer class="footer">
  <div class="container">
    <a href="/redaksi">Redaksi</a> | <a href="/rss">RSS</a> | <a href="/feed.json">JSON Feed</a>
    <p>Copyright @ 2026 WartaKilat. All rights reserved.</p>
  </div>
</footer>
<!-- E:footer -->
{pixel("kind=" + kind)}
{analytics("G-WARTA26", kind)}
</body>
</html>
"""

    # -- article ---------------------------------------------------------------------------
    def _article(self, a: Article, page: int) -> str:
        pages = a.pages
        count = len(pages)
        blocks = list(pages[page - 1])
        url = self.ctx.url(a.key)
        channel = CHANNELS[a.section]
        lead: Figure | None = None
        if page == 1 and isinstance(blocks[0], Figure):
            lead = blocks[0]
            del blocks[0]
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": a.title,
            "image": {"@type": "ImageObject", "url": self.base + f"/img/{a.lead_image}.png"},
            "datePublished": iso(a.published),
            "dateModified": iso(a.updated),
            "author": {"@type": "Person", "name": a.authors[0]},
            "publisher": {
                "@type": "Organization",
                "name": "WartaKilat",
                "logo": {"@type": "ImageObject", "url": self.base + "/img/warta-logo.png"},
            },
        }
        meta = f"""<meta name="publishdate" content="{a.published:%Y/%m/%d %H:%M:%S}">
<meta name="createdate" content="{a.published:%Y/%m/%d %H:%M:%S}">
<meta name="author" content="{esc(a.authors[0])}">
<meta name="articleid" content="{a.path.split("/")[2].removeprefix("d-")}">
<meta name="articletype" content="{"multiplepage" if count > 1 else "singlepage"}">
<meta name="keywords" content="{esc(",".join(a.tags))}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:description" content="{esc(a.summary)}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:image" content="{self.base}/img/{a.lead_image}.png">
<meta property="og:site_name" content="{channel}">
<meta name="twitter:card" content="summary_large_image">
{json_ld(ld)}"""
        body: list[str] = []
        ads = 0
        for block in blocks:
            if isinstance(block, Widget):
                ads += 1
            body.append(self._block(block, ads))
        if page == count:
            if a.desk:
                body.append(f"<strong>{esc(a.desk)}</strong>")
            body.append(
                f'<p class="text-muted mt-2 small">Pewarta: {esc(", ".join(a.authors))}<br>'
                f"Editor: {esc(a.editor)}<br>Copyright © WartaKilat 2026</p>"
            )
            body.append(f'<p class="text-muted small">{NO_AI}</p>')
        title = a.title if page == 1 else f"{a.title} - Halaman {page}"
        media = ""
        if lead is not None:
            media = f"""<div class="detail__media">
      <figure class="detail__media-image">
        <img src="/img/{lead.image}.png" alt="{esc(lead.caption)}" title="{esc(lead.caption)}" class="p_img_zoomin img-zoomin" width="640" height="360">
        <figcaption class="detail__media-caption">{esc(lead.caption)} (Foto: {esc(lead.credit)})</figcaption>
      </figure>
    </div>"""
        tags = "".join(
            f'<a class="nav__item" href="/tag/{slugify(t)}">{esc(t)}</a>' for t in a.tags
        )
        terkait = "\n".join(
            f"""      <article class="list-content__item">
        <div class="media media--left">
          <div class="media__image"><a href="{self.ctx.url(k)}" class="media__link"><img src="{self.ctx.thumb(k)}" alt="" width="160" height="90"></a></div>
          <div class="media__text"><h3 class="media__title"><a href="{self.ctx.url(k)}" class="media__link">{esc(self.ctx.article(k).title)}</a></h3>
          <div class="media__date"><span>{esc(self.ctx.source(k))}</span></div></div>
        </div>
      </article>"""
            for k in a.related
        )
        return f"""{self._head(title + " - WartaKilat", a.summary, url, meta)}
{self._header()}
<div class="container">
<div class="grid-row content__bg">
<div class="column-8">
  <article class="detail" id="detail">
    <div class="detail__header">
      <div class="page__breadcrumb"><a href="/">Home</a> <a href="/{a.section}">{esc(self.sections[a.section])}</a></div>
      <h1 class="detail__title">{esc(a.title)}</h1>
      <div class="detail__author">{esc(a.authors[0])} - {channel}</div>
      <div class="detail__date">{id_date(a.published, short_month=True)}</div>
      <div class="detail__share">
        <a href="https://www.facebook.com/sharer.php?u={quote(url)}" class="share-fb">Bagikan ke Facebook</a>
        <a href="https://x.com/intent/post?text={quote(a.title)}&url={quote(url)}" class="share-x">Bagikan ke X</a>
        <a href="https://api.whatsapp.com/send?text={quote(url)}" class="share-wa">Bagikan ke WhatsApp</a>
      </div>
    </div>
    {media}
    <div class="detail__body itp_bodycontent_wrapper">
      <div class="detail__body-text itp_bodycontent">
{chr(10).join(body)}
      </div>
{self._long_nav(a, page)}
      <div class="detail__body-tag mgt-16"><div class="nav">{tags}</div></div>
    </div>
  </article>
  <!--S:Berita Terkait-->
  <div class="box cb-berita-terkait">
    <div class="box__header"><h2 class="box__title">Berita Terkait</h2></div>
    <div class="list-content">
{terkait}
    </div>
  </div>
  <!--E:Berita Terkait-->
</div>
{self._mostpop()}
</div>
</div>
{self._footer("article")}"""

    def _block(self, block: Block, ads: int) -> str:
        if isinstance(block, Para):
            text = inline(block.text, "/tag/{slug}")
            if block.dateline:  # Detik: bare text before the first <p>
                return f"<strong>{esc(block.dateline)}</strong> - {text}"
            return f"<p>{text}</p>"
        if isinstance(block, Subhead):
            return f"<p><strong>{esc(block.text)}</strong></p>"
        if isinstance(block, Figure):
            return f"""<div class="pic_artikel_sisip_table">
  <div class="pic_artikel_sisip" align="center">
    <div class="pic"><img src="/img/{block.image}.png" alt="{esc(block.caption)}" width="640" height="360" title="{esc(block.caption)}"></div>
    <span class="caption">{esc(block.caption)} (Foto: {esc(block.credit)})</span>
  </div>
</div>"""
        if isinstance(block, Teaser):
            href = self.ctx.url(block.target)
            title = esc(self.ctx.article(block.target).title)
            if block.style == "span":
                return (
                    f'<p><span class="baca-juga">Baca juga: <a href="{href}">{title}</a></span></p>'
                )
            return f"""<table class="linksisip"><tbody><tr><td class="linksisip">
  <div class="lihatjg"><strong>Baca juga: </strong><a href="{href}" onclick="_pt(this, 'detail', 'baca juga', 'artikel sisip')">{title}</a></div>
</td></tr></tbody></table>"""
        if isinstance(block, Widget):
            return f"""<!--s:parallaxindetail-->
<div class="clearfix"></div>
<div class="paradetail">
  <p id="para_caption">ADVERTISEMENT</p>
  <div id="div-gpt-ad-1550025390924-{ads}" class="parallaxindetail" style="width:100%;min-height:350px"></div>
  <p id="para_caption2">SCROLL TO RESUME CONTENT</p>
</div>
<!--e:parallaxindetail-->"""
        if isinstance(block, Video):
            if block.kind == "gambas":
                return f"""<p><strong>Simak Video "<span id="aevp_title">{esc(block.title)}</span>"</strong></p>
<a class="embed video20detik" data-video="{esc(block.video_id)}">[Gambas:Video wkTV]</a>"""
            return f"""<div class="video-wrap"><iframe width="560" height="315" src="https://www.youtube.com/embed/{esc(block.video_id)}" title="{esc(block.title)}" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe></div>"""
        if isinstance(block, Table):
            head = "".join(f"<th>{esc(c)}</th>" for c in block.header)
            rows = "\n".join(
                "    <tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            return f"""<table class="table-data" border="1" cellpadding="4">
  <caption>{esc(block.caption)}</caption>
  <thead><tr>{head}</tr></thead>
  <tbody>
{rows}
  </tbody>
</table>"""
        if isinstance(block, Quote):
            return (
                "<blockquote>"
                + "".join(f"<p>{esc(p)}</p>" for p in block.paragraphs)
                + "</blockquote>"
            )
        if isinstance(block, Items):
            tag = "ol" if block.ordered else "ul"
            return f"<{tag}>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + f"</{tag}>"
        raise TypeError(block)

    def _long_nav(self, a: Article, page: int) -> str:
        count = len(a.pages)
        if count == 1:
            return ""
        url = self.ctx.url(a.key)

        def href(n: int) -> str:
            return url if n == 1 else f"{url}/{n}"

        numbers = " ".join(
            f'<a href="{href(n)}" class="detail__anchor-numb{" detail__anchor-numb--active" if n == page else ""}">{n}</a>'
            for n in range(1, count + 1)
        )
        prev = (
            f'<a href="{href(page - 1)}" class="detail__long-nav-prev">Halaman sebelumnya</a>'
            if page > 1
            else ""
        )
        nxt = (
            f'<a href="{href(page + 1)}" class="detail__long-nav-next" rel="next">Halaman selanjutnya</a>'
            if page < count
            else ""
        )
        return f"""      <div class="detail__long-nav">
        {prev}
        <div class="detail__long-nav-numb">{numbers}</div>
        {nxt}
      </div>"""

    # -- other pages -----------------------------------------------------------------------------
    def _item(self, a: Article) -> str:
        return f"""    <article class="list-content__item">
      <div class="media media--left">
        <div class="media__image"><a href="{self.ctx.url(a.key)}"><img src="{self.ctx.thumb(a.key)}" alt="{esc(a.title)}" width="160" height="90"></a></div>
        <div class="media__text">
          <h2 class="media__title"><a href="{self.ctx.url(a.key)}" class="media__link">{esc(a.title)}</a></h2>
          <div class="media__date"><span title="{id_date(a.published, short_month=True)}">{CHANNELS[a.section]} | {id_date(a.published, short_month=True)}</span></div>
          <div class="media__desc">{esc(a.summary)}</div>
        </div>
      </div>
    </article>"""

    def front(self) -> str:
        items = "\n".join(self._item(a) for a in self.ctx.of("warta"))
        return f"""{self._head("WartaKilat - Informasi Berita Terkini dan Terbaru Hari Ini", "Berita terkini hari ini.", self.base + "/", "")}
{self._header()}
<div class="container"><div class="grid-row content__bg">
<div class="column-8">
  <div class="list-content list-content--column">
{items}
  </div>
</div>
{self._mostpop()}
</div></div>
{self._footer("home")}"""

    def listing(self, path: str, title: str, articles: list[Article]) -> str:
        items = "\n".join(self._item(a) for a in articles)
        return f"""{self._head(f"{title} - WartaKilat", f"Berita {title} terkini.", self.base + path, "")}
{self._header()}
<div class="container"><div class="grid-row content__bg">
<div class="column-8">
  <h1 class="page__title">{esc(title)}</h1>
  <div class="list-content">
{items}
  </div>
</div>
{self._mostpop()}
</div></div>
{self._footer("list")}"""

    def info_page(self, path: str, title: str, paragraphs: tuple[str, ...]) -> str:
        text = "\n".join(f"  <p>{esc(p)}</p>" for p in paragraphs)
        return f"""{self._head(title, title, self.base + path, "")}
{self._header()}
<div class="container static">
  <h1>{esc(title)}</h1>
{text}
</div>
{self._footer("static")}"""

    def not_found(self) -> str:
        return f"""{self._head("404 - Halaman tidak ditemukan", "404", self.base + "/", "")}
{self._header()}
<div class="container error404"><h1>Oops! Halaman yang kamu cari tidak ditemukan.</h1><p><a href="/">Kembali ke halaman utama</a></p></div>
{self._footer("404")}"""

    def extra_routes(self) -> dict[str, str]:
        """The "Indeks" page: every article, newest first."""
        return {"/indeks": self.listing("/indeks", "Indeks Berita", self.ctx.of("warta"))}
