"""NusaKini's page templates: Tribunnews-shaped markup and its nuisances.

Selectors and phrases follow docs/indonesian-news.md section 1.1 and 5: body
``div.side-article.txt-article``, ``h1#arttitle``, ``#penulis a``/``#editor a``,
``p.baca`` teasers (labelled and bullet-only), ``div#div-Inside-MediumRectangle``
ads, ``div.paging`` with ``?page=N`` / ``?page=all``, lazy images, "Baca Lebih
Lanjut" cross-outlet list, "Terpopuler" sidebar.
"""

# HTML templates keep one real-world tag per line, attributes and all.
# ruff: noqa: E501

from __future__ import annotations

from typing import ClassVar
from urllib.parse import parse_qs, quote

from tests.web.content import feeds, nusa_articles
from tests.web.content.htmlkit import (
    PLACEHOLDER,
    analytics,
    esc,
    id_date,
    inline,
    iso,
    json_ld,
    pixel,
)
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

GOOGLE_NEWS = "https://news.google.com/publications/CAAqBwgKMKz3wQswxLXZAw?hl=id&gl=ID&ceid=ID:id"
WA_CHANNEL = "https://whatsapp.com/channel/0029VaNusaKiniCom2026"


class NusaSite(Site):
    info = nusa_articles.INFO
    articles = nusa_articles.ARTICLES
    sections = nusa_articles.SECTIONS
    tag_prefix = "/tag/"
    author_prefix = "/penulis/"
    info_pages: ClassVar[dict[str, tuple[str, tuple[str, ...]]]] = {
        "/redaksi": (
            "Redaksi",
            (
                "NusaKini.com adalah media daring fiktif yang dibuat untuk menguji aplikasi "
                "pembaca berita. Seluruh nama, tempat, dan peristiwa di situs ini rekaan.",
                "Pemimpin Redaksi: Bambang Sutrisno. Redaktur Pelaksana: Wulan Sari.",
            ),
        ),
        "/pedoman-media-siber": (
            "Pedoman Pemberitaan Media Siber",
            (
                "Kemerdekaan berpendapat, kemerdekaan berekspresi, dan kemerdekaan pers adalah "
                "hak asasi manusia yang dilindungi.",
                "Setiap berita harus melalui verifikasi. Berita yang merugikan pihak lain "
                "memerlukan verifikasi pada berita yang sama untuk memenuhi prinsip akurasi "
                "dan keberimbangan.",
            ),
        ),
    }

    # -- routing ------------------------------------------------------------------
    def route_key(self, path: str, query: str) -> str:
        page = parse_qs(query).get("page", [""])[0]
        if page == "all" or page.isdigit():
            return f"{path}?page={page}"
        return path

    def page_urls(self, article: Article) -> list[str]:
        url = self.ctx.url(article.key)
        count = len(article.pages)
        return [url] + [f"{url}?page={n}" for n in range(2, count + 1)]

    def article_pages(self, article: Article) -> dict[str, str]:
        count = len(article.pages)
        if count == 1:
            return {article.path: self._article(article, None)}
        pages = {article.path: self._article(article, 1)}
        for n in range(1, count + 1):
            pages[f"{article.path}?page={n}"] = self._article(article, n)
        pages[f"{article.path}?page=all"] = self._article(article, None)
        return pages

    # -- feeds --------------------------------------------------------------------
    def feeds(self) -> dict[str, Resource]:
        out = {"/rss": self._rss("Berita Terkini", "/rss", self.ctx.of("nusa"))}
        for section, label in self.sections.items():
            found = [a for a in self.ctx.of("nusa") if a.section == section]
            if found:
                out[f"/{section}/rss"] = self._rss(label, f"/{section}/rss", found)
        return out

    def sitemaps(self) -> dict[str, Resource]:
        out = {}
        for section in self.sections:
            found = [self.feed_item(a) for a in self.ctx.of("nusa") if a.section == section]
            if found:
                body = feeds.news_sitemap(publication="NusaKini.com", language="id", items=found)
                out[f"/{section}/sitemap-news.xml"] = Resource(
                    body, "application/xml; charset=utf-8", modified=max(i.updated for i in found)
                )
        return out

    def _rss(self, label: str, path: str, found: list[Article]) -> Resource:
        body = feeds.rss(
            title=f"NusaKini.com - {label}",
            link=self.base + "/",
            self_url=self.base + path,
            description=f"Berita {label.lower()} hari ini dari NusaKini.com",
            language="id",
            items=[self.feed_item(a) for a in found],
            image_url=self.u("/img/nusa-logo.png"),
        )
        modified = max(a.updated for a in found)
        return Resource(body, "application/rss+xml; charset=utf-8", modified=modified)

    # -- shared chrome ----------------------------------------------------------------
    def u(self, path: str) -> str:
        return self.base + path

    def _feed_links(self, section: str | None) -> str:
        links = [("NusaKini.com - Berita Terkini", "/rss")]
        if section is None:
            links += [(f"NusaKini.com - {v}", f"/{k}/rss") for k, v in self.sections.items()]
        else:
            links.append((f"NusaKini.com - {self.sections[section]}", f"/{section}/rss"))
        return "\n".join(
            f'<link rel="alternate" type="application/rss+xml" title="{esc(t)}" href="{self.u(h)}">'
            for t, h in links
        )

    def _head(
        self, title: str, description: str, canonical: str, extra: str, section: str | None
    ) -> str:
        return f"""<!DOCTYPE html>
<html lang="id" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{esc(description)}">
<meta name="robots" content="index, follow, max-image-preview:large">
<meta name="googlebot-news" content="index,follow">
<meta name="theme-color" content="#0a4c8b">
<link rel="canonical" href="{esc(canonical)}">
{self._feed_links(section)}
<link rel="icon" href="{self.u("/favicon.ico")}">
<link rel="stylesheet" href="{self.u("/assets/css/nusa.css")}?v=20260301">
<style>
  .side-article p {{ margin: 0 0 18px; }}
  #div-Inside-MediumRectangle {{ text-align: center; margin: 20px 0; }}
  .tapp-banner {{ position: fixed; bottom: 0; }}
</style>
{extra}
<script async src="{self.u("/assets/js/nusa.js")}"></script>
<script>var googletag = googletag || {{}}; googletag.cmd = googletag.cmd || [];</script>
</head>"""

    def _header(self, active: str | None) -> str:
        nav = "\n".join(
            f'    <li class="{"active" if key == active else "menu"}">'
            f'<a href="{self.u("/" + key)}">{esc(label)}</a></li>'
            for key, label in self.sections.items()
        )
        return f"""<body class="{"article-page" if active else "home"}">
<noscript>{pixel("ns=1")}</noscript>
<!-- Header NusaKini -->
<div id="top-bar" class="tapp-banner"><a href="{self.u("/")}">Baca lebih nyaman di aplikasi NusaKini</a></div>
<header id="header" class="header">
  <div class="logo"><a href="{self.u("/")}" title="NusaKini.com"><img src="{self.u("/img/nusa-logo-160.png")}" alt="NusaKini.com" width="160" height="90"></a></div>
  <div class="header-date">Senin, 16 Maret 2026</div>
  <form class="search" action="{self.u("/search")}" method="get"><input type="search" name="q" placeholder="Cari berita..."></form>
</header>
<nav id="menu" class="main-nav" aria-label="Menu utama">
  <ul>
    <li><a href="{self.u("/")}">Home</a></li>
{nav}
  </ul>
</nav>"""

    def _sidebar(self) -> str:
        popular = self.ctx.of("nusa")[:5]
        items = "\n".join(
            f'      <li><a href="{self.ctx.url(a.key)}"><img src="{self.ctx.thumb(a.key)}" '
            f'width="160" height="90" alt="" loading="lazy"><span class="num">{n}</span>'
            f"<h4>{esc(a.title)}</h4></a></li>"
            for n, a in enumerate(sorted(popular, key=lambda a: a.slug), start=1)
        )
        return f"""<aside id="sidebar" class="fr w300">
  <div class="box-terpopuler">
    <h3 class="title-section">Terpopuler</h3>
    <ol class="populer">
{items}
    </ol>
  </div>
  <div class="ads-sidebar"><div class="ads-label">ADVERTISEMENT</div><div id="div-gpt-ad-sidebar-1"></div></div>
</aside>"""

    def _footer(self, page_type: str) -> str:
        return f"""<footer id="footer">
  <ul class="footer-links">
    <li><a href="{self.u("/redaksi")}">Redaksi</a></li>
    <li><a href="{self.u("/pedoman-media-siber")}">Pedoman Media Siber</a></li>
    <li><a href="{self.u("/rss")}">RSS</a></li>
  </ul>
  <p class="copyright">Copyright &copy; 2026 NusaKini.com. All Right Reserved.</p>
</footer>
{pixel("p=" + page_type)}
{analytics("G-NUSA2026", page_type)}
</body>
</html>
"""

    # -- article ---------------------------------------------------------------------------
    def _article(self, a: Article, page: int | None) -> str:
        pages = a.pages
        count = len(pages)
        blocks = [b for p in pages for b in p] if page is None else list(pages[page - 1])
        first = page in (None, 1)
        last = page is None or page == count
        url = self.ctx.url(a.key)
        suffix = "" if page in (None, 1) else f" Halaman {page}"
        if page is None and count > 1:
            suffix = " Halaman all"
        lead = self.u(f"/img/{a.lead_image}.png")
        section = self.sections[a.section]
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": a.title,
            "description": a.summary,
            "image": {"@type": "ImageObject", "url": lead, "width": 640, "height": 360},
            "datePublished": iso(a.published),
            "dateModified": iso(a.updated),
            "author": [
                {"@type": "Person", "name": n, "url": self._author_url(n)} for n in a.authors
            ]
            if len(a.authors) > 1
            else {"@type": "Person", "name": a.authors[0], "url": self._author_url(a.authors[0])},
            "editor": {"@type": "Person", "name": a.editor},
            "publisher": {
                "@type": "Organization",
                "name": "NusaKini.com",
                "logo": {"@type": "ImageObject", "url": self.u("/img/nusa-logo.png")},
            },
            "articleSection": section,
            "keywords": ", ".join(a.tags),
            "inLanguage": "id-ID",
        }
        meta = f"""<meta name="keywords" content="{esc(", ".join(a.tags))}">
<meta name="news_keywords" content="{esc(", ".join(a.tags))}">
<meta name="author" content="{esc(", ".join(a.authors))}">
<meta name="content_PublishedDate" content="{a.published:%Y-%m-%d %H:%M:%S}">
<meta name="content_Category" content="{esc(section)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="NusaKini.com">
<meta property="og:locale" content="id_ID">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:description" content="{esc(a.summary)}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:image" content="{esc(lead)}">
<meta property="og:image:width" content="640">
<meta property="og:image:height" content="360">
<meta property="article:published_time" content="{iso(a.published)}">
<meta property="article:modified_time" content="{iso(a.updated)}">
<meta property="article:section" content="{esc(section)}">
{
            "".join(f'<meta property="article:tag" content="{esc(t)}">' + chr(10) for t in a.tags)
        }<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@nusakinicom">
<meta name="twitter:title" content="{esc(a.title)}">
<meta name="twitter:image" content="{esc(lead)}">
<script>var nsk_section = "{a.section}"; var nsk_page = "{page or "all"}";</script>
{json_ld(ld)}
{
            json_ld(
                {
                    "@context": "https://schema.org",
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "Home", "item": self.u("/")},
                        {
                            "@type": "ListItem",
                            "position": 2,
                            "name": section,
                            "item": self.u("/" + a.section),
                        },
                    ],
                }
            )
        }"""
        body: list[str] = []
        if first and not a.authors[0].startswith("Tim "):
            body.append(
                f"<p><strong>Laporan Wartawan NusaKini.com, {esc(a.authors[0])}</strong></p>"
            )
        ads = 0
        for block in blocks:
            if isinstance(block, Widget) and block.kind == "ad":
                ads += 1
            body.append(self._block(block, ads))
        if last:
            body.extend(self._trailer(a))
        byline = "\n".join(
            f'    <div id="penulis">Penulis: <a href="{self._author_url(n)}">{esc(n)}</a></div>'
            for n in a.authors
        )
        share = self._share(url, a.title)
        tags = " ".join(
            f'<a class="rd2" href="{self.u(self.tag_prefix + slugify(t))}">#{esc(t)}</a>'
            for t in a.tags
        )
        terkait = "\n".join(
            f'      <tr><th><a class="fbo2" href="{self.ctx.url(k)}">{esc(self.ctx.article(k).title)}</a></th></tr>'
            for k in a.related
        )
        lanjut = "\n".join(
            f'      <li class="lanjut-item"><a class="lanjut-title" href="{self.ctx.url(k)}">'
            f'{esc(self.ctx.article(k).title)}</a>\n        <div class="lanjut-src">{esc(self.ctx.source(k))}</div></li>'
            for k in a.further
        )
        return f"""{self._head(f"{a.title}{suffix} - NusaKini.com", a.summary, url, meta, a.section)}
{self._header(a.section)}
<div class="main container">
<div id="breadcrumb" class="breadcrumb"><a href="{self.u("/")}">Home</a> &raquo; <a href="{self.u("/" + a.section)}">{esc(section)}</a></div>
<div id="article" class="fl w677">
  <h1 id="arttitle" class="f50 black2 f400 crimson">{esc(a.title)}</h1>
  <div class="credit mt10">
{byline}
    <div id="editor">Editor: <a href="{self.u("/redaksi")}">{esc(a.editor)}</a></div>
  </div>
  <div class="grey bdr3 pb10 pt10"><span>Tayang: </span><time datetime="{iso(a.published)}">{id_date(a.published)}</time></div>
  {share}
  <div class="side-article txt-article multi-fontsize editcontent">
{chr(10).join(body)}
  </div>
  <!-- /side-article txt-article -->
{self._paging(a, page)}
  <div class="ikuti">
    <span>Ikuti kami di</span>
    <a class="gnews" href="{GOOGLE_NEWS}" target="_blank" rel="noopener">Google News</a>
    <a class="wachannel" href="{WA_CHANNEL}" target="_blank" rel="noopener">WhatsApp Channel</a>
  </div>
  <div class="side-article mb5">
    <h5 class="tagcloud3">{tags}</h5>
    <div class="berita-terkait">
      <h3 class="title-section">Berita Terkait :</h3>
      <table class="pb15">
{terkait}
      </table>
    </div>
  </div>
  {share}
  <section id="baca-lebih-lanjut" class="lanjut">
    <h3 class="title-section">Baca Lebih Lanjut</h3>
    <ul>
{lanjut}
    </ul>
  </section>
  <div id="komentar" class="komentar"><button class="btn-komentar">Tulis Komentar</button></div>
</div>
{self._sidebar()}
</div>
{self._footer("article")}"""

    def _author_url(self, name: str) -> str:
        return self.u(self.author_prefix + slugify(name))

    def _share(self, url: str, title: str) -> str:
        text = quote(f"{title} {url}")
        return f"""<div class="share-box" data-url="{esc(url)}">
    <a class="sh-wa" href="https://api.whatsapp.com/send?text={text}" rel="nofollow noopener" target="_blank" aria-label="Bagikan ke WhatsApp">WhatsApp</a>
    <a class="sh-fb" href="https://www.facebook.com/sharer/sharer.php?u={quote(url)}" rel="nofollow noopener" target="_blank">Facebook</a>
    <a class="sh-x" href="https://x.com/intent/post?url={quote(url)}&amp;text={quote(title)}" rel="nofollow noopener" target="_blank">X</a>
    <button class="sh-copy" type="button" onclick="navigator.clipboard.writeText(this.parentNode.dataset.url)">Salin Link</button>
  </div>"""

    def _block(self, block: Block, ads: int) -> str:
        if isinstance(block, Para):
            text = inline(block.text, self.u(self.tag_prefix) + "{slug}")
            if block.dateline:
                return f"<p><strong>{esc(block.dateline)}</strong> - {text}</p>"
            return f"<p>{text}</p>"
        if isinstance(block, Subhead):
            return f"<h2>{esc(block.text)}</h2>"
        if isinstance(block, Figure):
            src = self.u(f"/img/{block.image}.png")
            small = self.u(f"/img/{block.image}-320.png")
            return f"""<figure class="art-img">
  <a href="{src}" class="glightbox" data-glightbox="title: {esc(block.caption)}; description: (NUSAKINI/{esc(block.credit)})">
    <img class="lazyload imgfull" src="{PLACEHOLDER}" data-src="{src}" srcset="{small} 320w, {src} 640w" sizes="(max-width: 677px) 100vw, 677px" width="640" height="360" alt="{esc(block.caption)}">
  </a>
  <figcaption>{esc(block.caption)} (NUSAKINI/{esc(block.credit)})</figcaption>
</figure>"""
        if isinstance(block, Teaser):
            target = self.ctx.article(block.target)
            href = self.ctx.url(block.target)
            if block.style == "bullet":
                return f'<p class="baca"><strong>• <a href="{href}" title="{esc(target.title)}">{esc(target.title)}</a></strong></p>'
            return f'<p class="baca"><strong>Baca juga: <a href="{href}" class="blue">{esc(target.title)}</a></strong></p>'
        if isinstance(block, Widget) and block.kind == "ad":
            return f"""<div id="div-Inside-MediumRectangle" class="ads-placeholder">
  <div class="ads-label">ADVERTISEMENT</div>
  <div id="div-gpt-ad-1613620170{ads:03d}-0" style="min-width:300px;min-height:250px"></div>
  <script>googletag.cmd.push(function () {{ googletag.display('div-gpt-ad-1613620170{ads:03d}-0'); }});</script>
</div>"""
        if isinstance(block, Items):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{esc(i)}</li>" for i in block.items)
            return f"<{tag}>{items}</{tag}>"
        if isinstance(block, Quote):
            return (
                "<blockquote>"
                + "".join(f"<p>{esc(p)}</p>" for p in block.paragraphs)
                + "</blockquote>"
            )
        if isinstance(block, Table | Video | Widget):
            raise ValueError(f"NusaKini articles do not use {block!r}")
        raise TypeError(block)

    def _trailer(self, a: Article) -> list[str]:
        lines = []
        if a.syndicated_from:
            orig = self.ctx.url(a.syndicated_from)
            source = self.ctx.infos[self.ctx.article(a.syndicated_from).outlet].site_name
            title = self.ctx.article(a.syndicated_from).title
            lines.append(
                f"<p>Artikel ini telah tayang di {esc(source)} dengan judul "
                f'<a href="{orig}">{esc(title)}</a>, <a href="{orig}">{orig}</a></p>'
            )
        if a.desk:
            lines.append(f"<p><strong>{esc(a.desk)}</strong></p>")
        lines.append(
            f'<p><em>Simak berita lainnya di <a href="{self.u("/")}">NusaKini.com</a> dan ikuti '
            f'<a href="{GOOGLE_NEWS}">Google News</a> kami.</em></p>'
        )
        return lines

    def _paging(self, a: Article, page: int | None) -> str:
        count = len(a.pages)
        if count == 1 or page is None:
            return ""
        url = self.ctx.url(a.key)
        links = []
        for n in range(1, count + 1):
            href = url if n == 1 else f"{url}?page={n}"
            current = ' id="pagecurrent" class="pagecurrent"' if n == page else ""
            links.append(f'<a href="{href}"{current}>{n}</a>')
        nxt = (
            f'\n  <a class="btn-next-page" href="{url}?page={page + 1}">Halaman selanjutnya &rarr;</a>'
            if page < count
            else ""
        )
        return f"""  <div class="paging" id="paginganchor">
    <span class="total-page">Halaman {page}/{count}</span>
    <div class="pagination"><span class="lbl">Halaman</span> {" ".join(links)} <a class="allpage" href="{url}?page=all">Tampilkan Semua</a></div>
  </div>{nxt}"""

    # -- other pages -----------------------------------------------------------------------------
    def _card(self, a: Article) -> str:
        return f"""    <li class="art-list">
      <a href="{self.ctx.url(a.key)}" class="thumb"><img src="{self.ctx.thumb(a.key)}" width="160" height="90" alt="{esc(a.title)}" loading="lazy"></a>
      <div class="mr140">
        <a class="section-label" href="{self.u("/" + a.section)}">{esc(self.sections[a.section])}</a>
        <h3><a href="{self.ctx.url(a.key)}">{esc(a.title)}</a></h3>
        <div class="grey"><time datetime="{iso(a.published)}">{id_date(a.published)}</time></div>
        <p class="sub-title">{esc(a.summary)}</p>
      </div>
    </li>"""

    def front(self) -> str:
        latest = self.ctx.of("nusa")
        top = latest[0]
        cards = "\n".join(self._card(a) for a in latest[1:])
        ld = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": "NusaKini.com",
            "url": self.u("/"),
        }
        return f"""{self._head("NusaKini.com - Berita Terkini Hari Ini", "Berita terkini dan terpercaya hari ini dari NusaKini.com.", self.u("/"), json_ld(ld), None)}
{self._header(None)}
<div class="main container">
  <section class="headline">
    <a href="{self.ctx.url(top.key)}"><img src="{self.ctx.thumb(top.key, 320)}" width="320" height="180" alt="{esc(top.title)}"></a>
    <h2 class="headline-title"><a href="{self.ctx.url(top.key)}">{esc(top.title)}</a></h2>
    <p>{esc(top.summary)}</p>
  </section>
  <section class="latest">
    <h3 class="title-section">Berita Terkini</h3>
    <ul class="lsi">
{cards}
    </ul>
    <a class="more" href="{self.u("/nasional")}">Indeks Berita</a>
  </section>
{self._sidebar()}
</div>
{self._footer("home")}"""

    def listing(self, path: str, title: str, articles: list[Article]) -> str:
        cards = "\n".join(self._card(a) for a in articles)
        section = path.strip("/") if path.strip("/") in self.sections else None
        return f"""{self._head(f"Berita {title} Terbaru Hari Ini - NusaKini.com", f"Kumpulan berita {title} terbaru.", self.u(path), "", section)}
{self._header(section)}
<div class="main container">
  <h1 class="title-section">{esc(title)}</h1>
  <ul class="lsi">
{cards}
  </ul>
{self._sidebar()}
</div>
{self._footer("list")}"""

    def info_page(self, path: str, title: str, paragraphs: tuple[str, ...]) -> str:
        text = "\n".join(f"  <p>{esc(p)}</p>" for p in paragraphs)
        return f"""{self._head(f"{title} - NusaKini.com", title, self.u(path), "", None)}
{self._header(None)}
<div class="main container static-page">
  <h1>{esc(title)}</h1>
{text}
</div>
{self._footer("static")}"""

    def not_found(self) -> str:
        return f"""{self._head("Halaman Tidak Ditemukan - NusaKini.com", "404", self.u("/"), '<meta name="robots" content="noindex">', None)}
{self._header(None)}
<div class="main container error-page">
  <h1>404</h1>
  <p>Maaf, halaman yang Anda cari tidak ditemukan atau sudah dipindahkan.</p>
  <p><a href="{self.u("/")}">Kembali ke beranda</a></p>
</div>
{self._footer("404")}"""
