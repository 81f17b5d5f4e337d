"""What a reader sees of a cleaned article: metadata, body, and what must be gone.

The pages are small fictional fixtures in ``tests/data/pages`` (no third-party text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.models import Article
from reader.core.page.extraction import extract

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
ID_URL = "https://www.kabarkita.example/daerah/2025/05/14/warga-lembah-kenanga-panen-raya-jagung-manis?page=all"
EN_URL = "https://coastal-courier.example/news/lighthouse-keepers-return"


@pytest.fixture(scope="module")
def id_article() -> Article:
    return extract((PAGES / "id-article.html").read_text("utf-8"), ID_URL)


@pytest.fixture(scope="module")
def en_article() -> Article:
    return extract((PAGES / "en-article.html").read_bytes(), EN_URL)


def test_metadata_comes_from_json_ld_and_opengraph(id_article: Article) -> None:
    assert id_article.title == "Warga Lembah Kenanga Panen Raya Jagung Manis"
    assert id_article.byline == "Dewi Anggraini, Bayu Setiadi"
    assert id_article.published == "2025-05-14T08:30:00+07:00"
    assert id_article.site_name == "KabarKita"
    assert id_article.language == "id-ID"
    assert id_article.lead_image == "https://www.kabarkita.example/img/jagung-besar.jpg"
    assert id_article.description and id_article.description.startswith("Petani di Lembah")
    assert id_article.url == ID_URL
    assert id_article.canonical_url == ID_URL.split("?", maxsplit=1)[0]


def test_metadata_from_meta_tags_and_title(en_article: Article) -> None:
    assert en_article.title == "Lighthouse keepers return to Gull Point"
    assert en_article.byline == "Imogen Hart"  # "By " dropped
    assert en_article.published == "2024-11-02T07:15:00+00:00"
    assert en_article.site_name == "The Coastal Courier"
    assert en_article.language == "en-GB"
    assert (
        en_article.next_page == "https://coastal-courier.example/news/lighthouse-keepers-return/2"
    )


def test_dateline_is_kept_as_the_start_of_the_lead(id_article: Article) -> None:
    assert id_article.text.startswith("KABARKITA.COM, LEMBAH KENANGA - Ratusan petani")


def test_figure_caption_list_table_quote_and_subheading_are_kept(id_article: Article) -> None:
    html, text = id_article.html, id_article.text
    assert "<figcaption>Petani memanen jagung manis" in html
    assert "<ul>" in html and "membagi benih unggul" in text
    assert "<table>" in html and "Sukasari | 12 | 96" in text
    assert "<blockquote>" in html and "menanam lagi pada akhir Juni" in text
    assert "<h2>Rencana musim tanam berikutnya</h2>" in html


def test_boilerplate_is_gone(id_article: Article) -> None:
    text = id_article.text
    for gone in (
        "ADVERTISEMENT",
        "Artikel ini telah tayang",
        "Simak berita dan artikel lainnya",
        "(dwi/bys)",
        "Kami memakai kuki",  # consent banner
        "Terpopuler",
        "Jadwal Kereta Tambahan",  # site-wide most-popular list
        "Beranda",
        "Hak cipta",
    ):
        assert gone not in text, gone


def test_paragraphs_are_separated_by_blank_lines(id_article: Article) -> None:
    paragraphs = id_article.text.split("\n\n")
    assert len(paragraphs) > 8
    assert all(p.strip() == p and p for p in paragraphs)


def test_nothing_active_survives(id_article: Article) -> None:
    html = id_article.html.lower()
    for bad in ("<script", "<style", "<iframe", "<form", "<button", "onclick", "javascript:"):
        assert bad not in html
    assert "document.write" not in id_article.text


def test_lazy_image_resolved_and_every_url_absolute(id_article: Article) -> None:
    assert id_article.images == ["https://www.kabarkita.example/img/panen-jagung.jpg"]
    assert 'src="data:' not in id_article.html
    assert "px.gif" not in id_article.html  # tracking pixel outside the body
    for attr in ('href="/', 'src="/'):
        assert attr not in id_article.html


def test_embed_becomes_a_plain_link(id_article: Article) -> None:
    assert '<a href="https://www.youtube.com/watch?v=abc123XYZ"' in id_article.html
    assert "▶ Video panen jagung di Lembah Kenanga" in id_article.text


def test_hidden_elements_newsletter_share_and_comments_are_gone(en_article: Article) -> None:
    text = en_article.text
    for gone in (
        "hidden paragraph",
        "Neither must this one",
        "morning newsletter",
        "Tweet",
        "lovely story",
        "Most read",
        "Ferry fares",
    ):
        assert gone not in text, gone
    assert "For the first time in forty years" in text
    assert "The first shift begins on Monday." in text


def test_picture_srcset_and_noscript_fallback_images(en_article: Article) -> None:
    assert en_article.images == [
        "https://coastal-courier.example/images/keepers-1024.jpg",
        "https://coastal-courier.example/images/lantern.jpg",
        "https://coastal-courier.example/images/map-full.jpg",
    ]


@pytest.mark.parametrize(
    ("page", "next_href", "expected"),
    [
        ("/berita/judul/2", "/berita/judul/3", True),  # path-suffix pages
        ("/berita/judul", "/berita/judul?page=2", True),
        ("/read/x-part2", "/read/x-part3", True),
        ("/blog/2024/05/post-a", "/blog/2024/05/post-b", False),  # the next *post*
        ("/berita/12345", "/berita/12346", False),  # article ids are not page numbers
    ],
)
def test_next_page_continues_this_article_only(page: str, next_href: str, expected: bool) -> None:
    html = (
        f'<html><head><link rel="next" href="{next_href}"></head><body><article>'
        "<p>Isi berita yang cukup panjang untuk dibaca sebagai artikel.</p></article></body></html>"
    )
    article = extract(html, "https://news.example" + page)
    assert (article.next_page == "https://news.example" + next_href) is expected
