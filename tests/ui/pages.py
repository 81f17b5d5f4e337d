"""Small feeds and pages written for the window tests, served on the test web at run time.

Each call serves under its own path (a ``tag``), so tests sharing the session's
test web never see each other's routes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from tests.web import TestWeb

PARAGRAPH = (
    "Warga di tepi sungai {n} mengungsi ke balai desa setelah hujan deras turun sejak sore. "
    "Petugas menyiapkan dapur umum, perahu karet dan tenda, sementara relawan mendata "
    "keluarga yang rumahnya terendam. Kepala desa meminta warga tetap waspada karena air "
    "diperkirakan masih naik sampai tengah malam."
)


@dataclass(frozen=True)
class Item:
    """One feed item and the page it links to."""

    slug: str
    feed_title: str
    page_title: str
    feed_date: str | None = None  # RFC 822, as RSS writes it
    page_date: str | None = None  # ISO 8601, in the page's <meta> and <time>
    site_name: str | None = None
    words: str = ""  # an extra sentence in the body (for rules and search)


def page(item: Item) -> str:
    meta = ""
    if item.page_date:
        meta += f'<meta property="article:published_time" content="{item.page_date}">'
    if item.site_name:
        meta += f'<meta property="og:site_name" content="{html.escape(item.site_name)}">'
    body = "".join(f"<p>{PARAGRAPH.format(n=n)}</p>" for n in range(1, 7))
    extra = f"<p>{html.escape(item.words)}</p>" if item.words else ""
    return (
        f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>{html.escape(item.page_title)}</title>{meta}</head><body>"
        f"<article><h1>{html.escape(item.page_title)}</h1>{extra}{body}</article>"
        "</body></html>"
    )


def serve_feed(web: TestWeb, tag: str, title: str, items: list[Item]) -> tuple[str, list[str]]:
    """Serve an RSS feed ``title`` listing ``items`` and their pages; (feed URL, page URLs)."""
    base = web.outlet("warta").url(f"/daily-{tag}")
    urls = []
    entries = []
    for item in items:
        url = f"{base}/{item.slug}.html"
        web.serve(url, page(item))
        urls.append(url)
        date = f"<pubDate>{item.feed_date}</pubDate>" if item.feed_date else ""
        entries.append(
            f"<item><title>{html.escape(item.feed_title)}</title><link>{url}</link>"
            f"<guid>{url}</guid>{date}<description>{html.escape(item.words)}</description></item>"
        )
    feed = (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{html.escape(title)}</title>"
        f"<link>{base}/</link>{''.join(entries)}</channel></rss>"
    )
    feed_url = f"{base}/feed.xml"
    web.serve(feed_url, feed, content_type="application/rss+xml; charset=utf-8")
    return feed_url, urls
