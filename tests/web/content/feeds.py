"""Feed and sitemap writers: RSS 2.0, Atom 1.0 (with xml:base), JSON Feed 1.1,
Google-News sitemaps and OPML.

All feeds are teaser-only, as the Indonesian outlets' real feeds are; readers
must fetch the article page for the text.
"""

from __future__ import annotations

import email.utils
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from tests.web.content.htmlkit import iso


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str  # absolute
    published: datetime
    updated: datetime
    summary: str
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    image_url: str
    image_length: int
    guid: str = ""  # defaults to url


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rfc822(moment: datetime) -> str:
    return email.utils.format_datetime(moment)


def teaser_html(item: FeedItem) -> str:
    return (
        f'<p><img src={quoteattr(item.image_url)} width="640" height="360" '
        f"alt={quoteattr(item.title)}></p><p>{escape(item.summary)}</p>"
    )


def rss(
    *,
    title: str,
    link: str,
    self_url: str,
    description: str,
    language: str,
    items: Iterable[FeedItem],
    image_url: str,
    link_override: str | None = None,
) -> bytes:
    """RSS 2.0 with content:encoded teasers, enclosures and dc:creator.

    ``link_override`` reproduces feeds whose every item links to the homepage.
    """
    items = list(items)
    built = max(i.updated for i in items)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:media="http://search.yahoo.com/mrss/">',
        "<channel>",
        f"  <title>{escape(title)}</title>",
        f"  <link>{escape(link)}</link>",
        f"  <description>{escape(description)}</description>",
        f"  <language>{language}</language>",
        f"  <lastBuildDate>{rfc822(built)}</lastBuildDate>",
        "  <ttl>15</ttl>",
        f'  <atom:link href={quoteattr(self_url)} rel="self" type="application/rss+xml"/>',
        "  <image>",
        f"    <url>{escape(image_url)}</url>",
        f"    <title>{escape(title)}</title>",
        f"    <link>{escape(link)}</link>",
        "  </image>",
    ]
    for item in items:
        guid = item.guid or item.url
        parts += [
            "  <item>",
            f"    <title>{escape(item.title)}</title>",
            f"    <link>{escape(link_override or item.url)}</link>",
            f'    <guid isPermaLink="{"true" if guid == item.url else "false"}">'
            f"{escape(guid)}</guid>",
            f"    <pubDate>{rfc822(item.published)}</pubDate>",
            *(f"    <dc:creator>{escape(a)}</dc:creator>" for a in item.authors),
            *(f"    <category>{escape(c)}</category>" for c in item.categories),
            f"    <description>{escape(item.summary)}</description>",
            f"    <content:encoded>{_cdata(teaser_html(item))}</content:encoded>",
            f'    <enclosure url={quoteattr(item.image_url)} length="{item.image_length}"'
            ' type="image/png"/>',
            f'    <media:content url={quoteattr(item.image_url)} medium="image" width="640"'
            ' height="360"/>',
            "  </item>",
        ]
    parts += ["</channel>", "</rss>", ""]
    return "\n".join(parts).encode("utf-8")


def atom(
    *,
    title: str,
    subtitle: str,
    base: str,
    feed_id: str,
    items: Iterable[tuple[FeedItem, str, str]],
    language: str,
) -> bytes:
    """Atom 1.0 whose links are relative and resolved through ``xml:base``.

    ``items`` are (item, entry xml:base or "", href relative to the effective base).
    """
    items = list(items)
    updated = max(i.updated for i, _, _ in items)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base={quoteattr(base + "/")}'
        f' xml:lang="{language}">',
        f"  <title>{escape(title)}</title>",
        f'  <subtitle type="text">{escape(subtitle)}</subtitle>',
        f"  <id>{escape(feed_id)}</id>",
        f"  <updated>{iso(updated)}</updated>",
        '  <link rel="self" type="application/atom+xml" href="atom.xml"/>',
        '  <link rel="alternate" type="text/html" href="./"/>',
        "  <icon>favicon.ico</icon>",
        '  <generator uri="https://example.invalid/press" version="4.2">HarborPress</generator>',
    ]
    for item, entry_base, href in items:
        attr = f" xml:base={quoteattr(entry_base)}" if entry_base else ""
        parts += [
            f"  <entry{attr}>",
            f"    <title>{escape(item.title)}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(href)}/>',
            f"    <id>{escape(item.guid or item.url)}</id>",
            f"    <published>{iso(item.published)}</published>",
            f"    <updated>{iso(item.updated)}</updated>",
            *(f"    <author><name>{escape(a)}</name></author>" for a in item.authors),
            *(f"    <category term={quoteattr(c)}/>" for c in item.categories),
            f'    <summary type="html">{escape(teaser_html(item))}</summary>',
            f'    <link rel="enclosure" type="image/png" length="{item.image_length}"'
            f" href={quoteattr(item.image_url)}/>",
            "  </entry>",
        ]
    parts += ["</feed>", ""]
    return "\n".join(parts).encode("utf-8")


def json_feed(
    *,
    title: str,
    home: str,
    feed_url: str,
    description: str,
    language: str,
    icon: str,
    items: Iterable[FeedItem],
) -> bytes:
    """JSON Feed 1.1."""
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home,
        "feed_url": feed_url,
        "description": description,
        "icon": icon,
        "favicon": home.rstrip("/") + "/favicon.ico",
        "language": language,
        "authors": [{"name": f"Redaksi {title}"}],
        "items": [
            {
                "id": item.guid or item.url,
                "url": item.url,
                "title": item.title,
                "summary": item.summary,
                "content_html": teaser_html(item),
                "image": item.image_url,
                "date_published": iso(item.published),
                "date_modified": iso(item.updated),
                "authors": [{"name": a} for a in item.authors],
                "tags": list(item.categories),
            }
            for item in items
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def news_sitemap(*, publication: str, language: str, items: Iterable[FeedItem]) -> bytes:
    """Google News sitemap (urlset with news: and image: extensions)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
        ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
    ]
    for item in items:
        parts += [
            "  <url>",
            f"    <loc>{escape(item.url)}</loc>",
            f"    <lastmod>{iso(item.updated)}</lastmod>",
            "    <news:news>",
            "      <news:publication>",
            f"        <news:name>{escape(publication)}</news:name>",
            f"        <news:language>{language}</news:language>",
            "      </news:publication>",
            f"      <news:publication_date>{iso(item.published)}</news:publication_date>",
            f"      <news:title>{escape(item.title)}</news:title>",
            f"      <news:keywords>{escape(', '.join(item.categories))}</news:keywords>",
            "    </news:news>",
            f"    <image:image><image:loc>{escape(item.image_url)}</image:loc></image:image>",
            "  </url>",
        ]
    parts += ["</urlset>", ""]
    return "\n".join(parts).encode("utf-8")


def opml(title: str, groups: Iterable[tuple[str, Iterable[tuple[str, str, str]]]]) -> bytes:
    """OPML 2.0; ``groups`` are (folder, [(title, xml_url, html_url)])."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{escape(title)}</title>",
        "    <dateCreated>Mon, 16 Mar 2026 08:00:00 +0000</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for folder, feeds in groups:
        parts.append(f"    <outline text={quoteattr(folder)} title={quoteattr(folder)}>")
        for name, xml_url, html_url in feeds:
            parts.append(
                f'      <outline type="rss" text={quoteattr(name)} title={quoteattr(name)}'
                f" xmlUrl={quoteattr(xml_url)} htmlUrl={quoteattr(html_url)}/>"
            )
        parts.append("    </outline>")
    parts += ["  </body>", "</opml>", ""]
    return "\n".join(parts).encode("utf-8")
