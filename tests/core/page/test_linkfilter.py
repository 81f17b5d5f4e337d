"""Which addresses can be further reading, and what a body keeps of the site's own links."""

from __future__ import annotations

import pytest

from reader.core.page.extraction import extract
from reader.core.page.linkfilter import is_article_url, is_listing_url, is_share_or_ad


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/read/2015/06/17/06160098/Batistuta.Sanjung.Messi.",
        "https://www.example.com/news/world-us-canada-52216777",
        "https://www.example.de/wirtschaft/ice-bahn-deutschland-takt-1.4435810",
        "https://www.example.com/peristiwa/kasus-covid-meningkat-di-jateng.html",
        "https://example.com/ragam/tag-populer/kunjungan-artis/tak-menghilang-dari-musik.html",
        "https://example.com/index.php?id=12345",
    ],
)
def test_article_addresses(url: str) -> None:
    assert is_article_url(url)
    assert not is_listing_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/",
        "https://www.example.com/peristiwa/",
        "https://www.example.com/lifestyle/personality",
        "https://www.example.com/tag/banjir-rob",
        "https://www.example.com/topic/23637/jokowi-presiden",
        "https://www.example.com/ragam/tag-populer/film-indonesia-2015.html",
        "https://www.example.com/motcle/trottinette-electrique",
        "https://www.example.com/author/dewi-anggraini-kabarkita",
        "https://www.example.com/indonesia/b/brandon-salim/berita/",
        "https://www.example.com/forum/specials/wissenschaft/forum-43085/comment/",
        "https://www.example.com/about-us",
        "https://www.example.com/img/2025/05/banjir-rob-pesisir.jpg",
    ],
)
def test_listing_and_site_pages(url: str) -> None:
    assert is_listing_url(url)
    assert not is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/sharer/sharer.php?u=https://x.example/a",
        "https://twitter.com/intent/tweet?url=https://x.example/a",
        "https://wa.me/?text=https://x.example/a",
        "https://news.example/2025/05/14/banjir-rob-genangi?view=mail",
        "https://a.popin.cc/popin_redirect/redirect?lp=https%3A%2F%2Foffer.example",
        "http://goo.gl/K5xSPf",
    ],
)
def test_share_dialogs_ads_and_shorteners(url: str) -> None:
    assert is_share_or_ad(url)
    assert not is_article_url(url)


URL = "https://www.kabarkita.example/daerah/2025/05/14/panen-garam-melimpah-di-pantai-timur"
TEXT = """<p>Petani garam di pantai timur memanen hasil melimpah pada musim kemarau tahun ini,
jauh lebih banyak daripada musim lalu yang diwarnai hujan hampir setiap pekan.</p>
<p>Harga garam di tingkat petani tercatat stabil, sehingga banyak keluarga berharap dapat
menabung untuk biaya sekolah anak-anak mereka pada tahun ajaran baru nanti.</p>"""


def test_lines_of_links_to_the_sites_own_pages_leave_the_body() -> None:
    html = f"""<html><body><article><div class="isi">{TEXT}
      <div><a href="/#/0">More Kabar Kita news</a></div>
      <div><span>Tagi:</span> <a href="/tag/garam">garam</a> <a href="/tag/pantai-timur">pantai
        timur</a></div>
      <p>Sumber data: <a href="https://www.bps.example/">Badan Pusat Statistik</a></p>
    </div></article></body></html>"""
    article = extract(html, URL)
    assert "More Kabar Kita news" not in article.text and "Tagi" not in article.text
    assert "Badan Pusat Statistik" in article.text  # another site's page is a reference
    assert article.related == []


def test_a_newsletter_box_leaves_the_body() -> None:
    html = f"""<html><body><article><div class="isi">{TEXT}
      <section class="box"><div class="box-title">Jangan ketinggalan kabar ekonomi</div>
        <div><p>Artikel ini terbit di surat kabar elektronik kami setiap pagi. <a
        href="/account/newsletters?src=box">Daftar di sini</a> untuk menerimanya.</p></div>
      </section></div></article></body></html>"""
    article = extract(html, URL)
    assert "Jangan ketinggalan" not in article.text and "Daftar di sini" not in article.text
    assert "Harga garam di tingkat petani" in article.text


def test_an_embedded_video_stays_as_a_link_and_is_not_further_reading() -> None:
    html = f"""<html><body><article><div class="isi">{TEXT}
      <p><iframe src="https://www.youtube.com/embed/abc123XYZ" title="Panen garam di pantai
        timur dalam video"></iframe></p></div></article></body></html>"""
    article = extract(html, URL)
    assert "Panen garam di pantai timur dalam video" in " ".join(article.text.split())
    assert article.related == []


def test_a_picture_linking_to_its_file_keeps_its_caption() -> None:
    html = f"""<html><body><article><div class="isi">{TEXT}
      <div class="caption-box"><a href="/wp-content/uploads/2025/05/tambak-besar.jpeg"><img
        src="/img/tambak.jpg" alt=""></a><p>Tambak garam saat matahari terbenam.</p></div>
      </div></article></body></html>"""
    text = " ".join(extract(html, URL).text.split())
    assert "Tambak garam saat matahari terbenam." in text


def test_a_tags_line_leaves_the_body_whatever_site_its_links_lead_to() -> None:
    html = f"""<html><body><article><div class="isi">{TEXT}
      <p class="tags"><strong>Tags:</strong> <a href="https://bookmarks.example/u/garam">garam</a>
        <a href="https://bookmarks.example/u/pantai">pantai</a></p></div></article></body></html>"""
    article = extract(html, URL)
    assert "Tags" not in article.text and "pantai\n" not in article.text
