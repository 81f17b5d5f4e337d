"""Related links: teasers leave the body and show up in ``Article.related``."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.models import Article, RelatedLink
from reader.core.page.extraction import extract
from reader.core.page.siterules import SiteRules

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
URL = "https://www.kabarkita.example/daerah/2025/05/14/warga-lembah-kenanga-panen-raya-jagung-manis"


@pytest.fixture(scope="module")
def article() -> Article:
    return extract((PAGES / "id-article.html").read_text("utf-8"), URL)


def by_title(article: Article) -> dict[str, RelatedLink]:
    return {link.title: link for link in article.related}


def test_baca_juga_teaser_leaves_the_body_and_becomes_an_inline_link(article: Article) -> None:
    assert "Baca juga" not in article.text
    assert "Harga Pupuk Turun" not in article.text
    link = by_title(article)["Harga Pupuk Turun Menjelang Musim Tanam Kedua"]
    assert link == RelatedLink(
        url="https://www.kabarkita.example/ekonomi/2025/05/13/harga-pupuk-turun-menjelang-musim-tanam",
        title="Harga Pupuk Turun Menjelang Musim Tanam Kedua",
        source="KabarKita",  # same site: the page's own outlet name
        kind="inline",
    )


def test_bullet_teaser_without_a_label_is_recognised(article: Article) -> None:
    assert "Irigasi Tetes" not in article.text
    assert by_title(article)["Irigasi Tetes Bantu Petani Hemat Air hingga Separuh"].kind == "inline"


def test_teaser_in_running_text_is_cut_and_the_rest_of_the_paragraph_stays(
    article: Article,
) -> None:
    assert "Jalan Desa Menuju" not in article.text
    assert "Pemerintah desa berencana membuka lumbung bersama" in article.text
    link = by_title(article)["Jalan Desa Menuju Sentra Pertanian Diperbaiki Bulan Ini"]
    assert link.kind == "inline"
    assert link.source == "beritasemesta.example"  # unknown outlet: the host


def test_related_block_items_with_title_and_outlet(article: Article) -> None:
    links = by_title(article)
    assert "Baca Lebih Lanjut" not in article.text and "Berita Terkait" not in article.text
    assert links["Ekspor Jagung Nasional Naik pada Kuartal Pertama"].source == "Warta Nusantara"
    detik = links["Musim Kemarau Datang Lebih Awal di Pulau Jawa"]
    assert (detik.source, detik.kind) == ("Detik", "block")  # known-outlet table by domain
    assert links["Pasar Tani Dibuka Setiap Sabtu di Alun-Alun"].kind == "block"


def test_never_the_page_itself_never_javascript_never_site_wide_lists(article: Article) -> None:
    urls = [link.url for link in article.related]
    assert all(u.startswith("https://") for u in urls)
    assert not any("warga-lembah-kenanga-panen-raya" in u for u in urls)
    assert "Tautan Palsu yang Tidak Boleh Muncul" not in by_title(article)
    assert not any("jadwal-kereta" in u or "cara-cek-bansos" in u for u in urls)
    assert len(urls) == len(set(urls))


def test_english_read_more_and_related_stories() -> None:
    article = extract(
        (PAGES / "en-article.html").read_text("utf-8"),
        "https://coastal-courier.example/news/lighthouse-keepers-return",
    )
    links = by_title(article)
    assert "Read more" not in article.text and "Related stories" not in article.text
    assert links["Harbour trust budget approved after long debate"].kind == "inline"
    assert (
        links["Storm season forecast to be the wettest in a decade"].source == "The Coastal Courier"
    )
    assert links["Cornwall lighthouse gets a new lens"].source == "BBC"
    assert "Ferry fares rise again in the new year" not in links  # "Most read"


def test_heading_and_list_directly_in_the_body_container() -> None:
    html = """<html><body><div class="konten">
      <p>Paragraf pertama berita ini cukup panjang untuk dianggap isi artikel
         oleh pembaca kita semua.</p>
      <p>Paragraf kedua juga berisi kalimat yang panjang supaya pembaca mengenali
         isi berita yang utama.</p>
      <h3>Artikel Terkait</h3>
      <ul><li><a href="/berita/2025/05/12/judul-satu">Judul Artikel Terkait yang Pertama</a></li>
          <li><a href="/berita/2025/05/13/judul-dua">Judul Artikel Terkait yang Kedua</a></li></ul>
    </div></body></html>"""
    article = extract(html, "https://situs.example/berita/utama")
    assert "Artikel Terkait" not in article.text and "Judul Artikel" not in article.text
    assert [(r.title, r.kind) for r in article.related] == [
        ("Judul Artikel Terkait yang Pertama", "block"),
        ("Judul Artikel Terkait yang Kedua", "block"),
    ]


def test_user_rules_add_teaser_phrases_in_other_languages() -> None:
    html = """<html><body><article>
      <p>Un párrafo largo de la noticia principal para que el lector lo reconozca
         como artículo.</p>
      <p>Véase además:
         <a href="/2025/05/14/otra-noticia">Otra noticia relacionada con el tema</a></p>
      <p>Otro párrafo largo de la noticia principal para que el lector lo reconozca
         como artículo.</p>
    </article></body></html>"""
    url = "https://diario.example/noticia"
    assert "Véase además" in extract(html, url).text
    rules = SiteRules.from_toml('[phrases]\nteaser = ["Véase además"]')
    article = extract(html, url, rules=rules)
    assert "Véase además" not in article.text
    assert article.related[0].title == "Otra noticia relacionada con el tema"
