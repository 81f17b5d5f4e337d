"""Inline teasers in their many shapes leave the text and appear in the panel "In the text"."""

from __future__ import annotations

import pytest

from reader.core.models import Article
from reader.core.page.extraction import extract

URL = "https://www.kabarkita.example/daerah/2025/05/14/panen-garam-melimpah-di-pantai-timur"
P1 = """<p>Petani garam di pantai timur memanen hasil melimpah pada musim kemarau tahun ini,
jauh lebih banyak daripada musim lalu yang diwarnai hujan hampir setiap pekan.</p>"""
P2 = """<p>Harga garam di tingkat petani tercatat stabil, sehingga banyak keluarga berharap dapat
menabung untuk biaya sekolah anak-anak mereka pada tahun ajaran baru nanti.</p>"""
P3 = """<p>Dinas kelautan berjanji membantu pengeringan dengan membangun gudang baru di dekat
tambak agar garam tidak rusak ketika hujan turun mendadak pada sore hari.</p>"""


def body(middle: str, end: str = "") -> str:
    return (
        "<html><head><title>Panen Garam Melimpah</title></head><body><article>"
        f"<div class='isi'>{P1}{middle}{P2}{P3}{end}</div></article></body></html>"
    )


def inline(article: Article) -> list[str]:
    return [link.title for link in article.related if link.kind == "inline"]


def test_a_label_line_then_a_run_of_link_lines() -> None:
    html = body(
        "",
        end="""<p><strong>Baca juga:</strong></p>
        <p><a href="/daerah/2025/05/10/gudang-garam-baru-dibangun">Gudang Garam Baru Dibangun di
          Dekat Tambak Pantai Timur</a></p>
        <p><a href="/daerah/2025/05/09/harga-garam-stabil">Harga Garam Stabil Sepanjang Musim
          Kemarau</a></p>""",
    )
    article = extract(html, URL)
    assert inline(article) == [
        "Gudang Garam Baru Dibangun di Dekat Tambak Pantai Timur",
        "Harga Garam Stabil Sepanjang Musim Kemarau",
    ]
    assert "Baca juga" not in article.text and "Gudang Garam Baru" not in article.text


def test_a_heading_label_then_links_separated_by_line_breaks() -> None:
    html = body(
        "",
        end="""<h2>Jangan Lewatkan!</h2>
        <a href="/daerah/2025/05/10/gudang-garam-baru-dibangun">Gudang Garam Baru Dibangun di
          Dekat Tambak</a><br>
        <a href="/daerah/2025/05/09/harga-garam-stabil">Harga Garam Stabil Sepanjang Musim
          Kemarau</a><br>""",
    )
    article = extract(html, URL)
    assert len(inline(article)) == 2
    assert "Jangan Lewatkan" not in article.text and "Harga Garam Stabil" not in article.text


@pytest.mark.parametrize(
    "label",
    ["Czytaj też:", "Seguir leyendo:", "Leggi anche:", "Lire aussi", "MIRA |", "Read more:"],
)
def test_teaser_labels_of_many_languages(label: str) -> None:
    html = body(
        f"""<p><b>{label}</b> <a href="/daerah/2025/05/10/gudang-garam-baru-dibangun">Gudang
        Garam Baru Dibangun di Dekat Tambak</a></p>"""
    )
    article = extract(html, URL)
    assert inline(article) == ["Gudang Garam Baru Dibangun di Dekat Tambak"]
    assert label.rstrip(":| ") not in article.text
    assert "Petani garam di pantai timur" in article.text


def test_a_card_whose_link_holds_the_label_and_the_title() -> None:
    html = body(
        """<div><a class="inline-post" href="/daerah/2025/05/10/gudang-garam-baru-dibangun">
          <div class="cta">Baca Juga :</div><div class="post-title">Gudang Garam Baru Dibangun
          di Dekat Tambak</div></a></div>"""
    )
    article = extract(html, URL)
    assert inline(article) == ["Gudang Garam Baru Dibangun di Dekat Tambak"]
    assert "Baca Juga" not in article.text


def test_a_list_of_headline_links_between_paragraphs() -> None:
    html = body(
        """<ul><li><a href="/daerah/2025/05/10/gudang-garam-baru-dibangun">Gudang Garam Baru
          Dibangun di Dekat Tambak</a></li>
        <li>VIDEO: <a href="/video/2025/05/09/cara-petani-memanen-garam">Cara Petani Memanen
          Garam di Tambak</a></li></ul>"""
    )
    article = extract(html, URL)
    assert inline(article) == [
        "Gudang Garam Baru Dibangun di Dekat Tambak",
        "Cara Petani Memanen Garam di Tambak",
    ]
    assert "VIDEO" not in article.text


def test_the_articles_own_list_stays() -> None:
    html = body(
        """<ul><li>garam krosok untuk industri pengasinan ikan,</li>
        <li>garam halus untuk dapur rumah tangga,</li>
        <li>dan garam beryodium untuk dijual ke koperasi.</li></ul>"""
    )
    article = extract(html, URL)
    assert article.related == []
    assert "garam halus untuk dapur rumah tangga" in article.text


def test_teaser_cards_between_paragraphs() -> None:
    html = body(
        """<figure class="teaser"><a href="/daerah/2025/05/10/gudang-garam-baru-dibangun">
          <img src="/img/gudang.jpg" alt=""><figcaption><div class="kicker">Pantai timur</div>
          <h3>Gudang Garam Baru Dibangun di Dekat Tambak</h3>
          <p>Gudang itu akan selesai sebelum musim hujan.</p></figcaption></a></figure>
        <aside class="rich-card"><h2>Harga Garam Stabil Sepanjang Musim Kemarau</h2>
          <a class="overlay" href="/daerah/2025/05/09/harga-garam-stabil"></a></aside>"""
    )
    article = extract(html, URL)
    assert inline(article) == [
        "Gudang Garam Baru Dibangun di Dekat Tambak",
        "Harga Garam Stabil Sepanjang Musim Kemarau",
    ]
    assert "Gudang itu akan selesai" not in article.text
    assert "Harga garam di tingkat petani" in article.text


def test_a_bullet_teaser_needs_an_article_address() -> None:
    html = body(
        """<p>• <a href="/daerah/2025/05/10/gudang-garam-baru-dibangun">Gudang Garam Baru
        Dibangun di Dekat Tambak</a></p>"""
    )
    article = extract(html, URL)
    assert inline(article) == ["Gudang Garam Baru Dibangun di Dekat Tambak"]


def test_continue_reading_markers_leave_the_text() -> None:
    html = body(
        """<div class="break">Scroll down untuk melanjutkan membaca</div>
        <figure><img src="/img/tambak.jpg" alt="Tambak garam"><figcaption>Tambak garam di
        pantai timur.</figcaption></figure>""",
        end="<div class='more'>Lanjutkan Membaca ↓</div>",
    )
    article = extract(html, URL)
    assert "Scroll down" not in article.text and "Lanjutkan Membaca" not in article.text
    assert "Tambak garam di pantai timur" in " ".join(article.text.split())


def test_a_caption_that_is_only_a_credit_goes_a_caption_with_text_keeps_it() -> None:
    html = body(
        """<figure><img src="/img/tambak.jpg" alt=""><figcaption><span class="photo-credit">
        AGENSI-KBR</span></figcaption></figure>
        <figure><img src="/img/gudang.jpg" alt=""><figcaption>Gudang garam di tepi tambak.
        <span class="credit">Foto Dewi Anggraini</span></figcaption></figure>"""
    )
    text = " ".join(extract(html, URL).text.split())
    assert "AGENSI-KBR" not in text
    assert "Gudang garam di tepi tambak. Foto Dewi Anggraini" in text


def test_one_label_for_several_links_with_separators() -> None:
    html = body(
        """<p><strong>Baca juga ➤</strong> <a href="/daerah/2025/05/10/gudang-garam-baru">Gudang
        Garam Baru Dibangun di Dekat Tambak</a> | <a href="/daerah/2025/05/09/harga-garam">Harga
        Garam Stabil Sepanjang Musim Kemarau</a></p>"""
    )
    article = extract(html, URL)
    assert inline(article) == [
        "Gudang Garam Baru Dibangun di Dekat Tambak",
        "Harga Garam Stabil Sepanjang Musim Kemarau",
    ]
    assert "Baca juga" not in article.text
