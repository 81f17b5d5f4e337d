"""Small feeds and pages written for the window tests, served on the test web at run time.

Each call serves under its own path (a ``tag``), so tests sharing the session's
test web never see each other's routes.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

from tests.web import TestWeb

#: Words the pages are written with: each page draws its own sentences from them (seeded
#: by its address), so no two pages tell the same story (Kabar groups look-alike stories).
_VOCABULARY = (
    "pasar petani nelayan sekolah guru murid jalan jembatan kereta bandara pelabuhan kapal "
    "harga beras cabai minyak gula kopi teh sawah kebun hutan sungai danau gunung pantai "
    "kota desa kampung kecamatan provinsi gubernur bupati wali menteri presiden dewan rapat "
    "anggaran pajak listrik air gas internet telepon aplikasi data server pabrik buruh gaji "
    "bank kredit saham rupiah ekspor impor festival musik film buku museum pameran lukisan "
    "sepak bola pelatih pemain stadion juara liga turnamen dokter rumah sakit obat vaksin "
    "puskesmas bidan pasien polisi hakim sidang jaksa saksi kebakaran gempa angin hujan "
    "kemarau panen pupuk traktor irigasi bendungan tambang batu bara nikel hilirisasi "
    "wisata hotel kuliner batik tenun kerajinan koperasi usaha mikro pedagang pembeli "
    "ojek angkot bus terminal tol parkir sampah daur ulang taman hijau udara polusi laut "
    "karang penyu burung gajah harimau orangutan satwa cagar alam peneliti kampus mahasiswa"
)
WORDS = _VOCABULARY.split()


def paragraphs(seed: str, count: int = 6) -> list[str]:
    rng = random.Random(seed)
    own = rng.sample(WORDS, 20)  # a page's own few words: pages share hardly any
    out = []
    for _ in range(count):
        sentences = [
            " ".join(rng.choice(own) for _ in range(rng.randint(9, 14))).capitalize() + "."
            for _ in range(4)
        ]
        out.append(" ".join(sentences))
    return out


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
    body = "".join(f"<p>{text}</p>" for text in paragraphs(item.slug + item.page_title))
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
