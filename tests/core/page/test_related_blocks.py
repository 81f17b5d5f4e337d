"""Related blocks around the article: what the reader's panel lists, and what it never
lists (menus, footers, tags, site-wide latest and popular lists, the page itself)."""

from __future__ import annotations

from reader.core.models import Article
from reader.core.page.extraction import extract

URL = "https://www.kabarkita.example/daerah/2025/05/14/banjir-rob-genangi-pesisir-utara"
HEAD = """<html><head><title>Banjir Rob Genangi Pesisir Utara Kota Lama - KabarKita</title>
<meta property="og:site_name" content="KabarKita">
<meta name="description" content="Banjir rob setinggi lutut menggenangi pesisir utara."></head>"""
BODY = """<h1>Banjir Rob Genangi Pesisir Utara Kota Lama</h1>
<div class="isi">
<p>Banjir rob setinggi lutut orang dewasa menggenangi permukiman di pesisir utara Kota Lama
sejak Rabu pagi, membuat ratusan warga mengungsi ke balai desa terdekat.</p>
<p>Petugas penanggulangan bencana menyiapkan perahu karet dan dapur umum bagi para pengungsi,
sementara pompa air dikerahkan untuk mengurangi genangan di jalan utama.</p>
<p>Menurut prakiraan cuaca, air laut pasang diperkirakan masih tinggi hingga akhir pekan,
sehingga warga diminta tetap waspada dan mengikuti arahan petugas di lapangan.</p>
</div>"""


def page(blocks: str, *, before: str = "", after: str = "") -> str:
    return f"{HEAD}<body>{before}<article>{BODY}{blocks}</article>{after}</body></html>"


def panel(article: Article) -> list[tuple[str, str, str]]:
    return [(link.title, link.source, link.kind) for link in article.related]


def test_footer_menu_and_header_links_never_reach_the_panel() -> None:
    html = page(
        "",
        before="""<header class="site-header"><ul class="menu">
          <li><a href="/nasional">Nasional</a></li>
          <li><a href="/daerah/2025/05/13/jalan-tol-baru-dibuka-untuk-umum">Jalan Tol Baru
          Dibuka untuk Umum</a></li></ul></header>""",
        after="""<footer><p><a href="/about-us">About Us</a> - <a href="/ratecard/">Advertise</a>
          - <a href="/pedoman">Pedoman Media Siber</a> - <a href="/contact-us">Contact Us</a>
          - <a href="/sitemap">Site Map</a></p>
          <p>• <a href="/info/2025/kebijakan-privasi-dan-cookie-situs">Kebijakan Privasi dan
          Cookie Situs Ini</a></p></footer>""",
    )
    article = extract(html, URL)
    assert article.related == []
    assert "Banjir rob setinggi lutut" in article.text


def test_related_heading_wins_over_the_channel_latest_list() -> None:
    html = page(
        """<div class="box"><h3>Berita Rekomendasi</h3><ul>
          <li><a href="/daerah/2025/05/13/tanggul-pesisir-utara-jebol">Tanggul Pesisir Utara
            Jebol Diterjang Banjir Rob</a></li>
          <li><a href="/daerah/2025/05/12/warga-kota-lama-bangun-rumah-panggung">Warga Kota
            Lama Bangun Rumah Panggung Hindari Banjir</a></li></ul></div>
        <div class="box"><h3>Berita Lainnya</h3><ul>
          <li><a href="/olahraga/2025/05/14/tim-voli-putri-juara">Tim Voli Putri Juara Turnamen
            Antarprovinsi</a></li>
          <li><a href="/ekonomi/2025/05/14/harga-cabai-turun">Harga Cabai Turun Menjelang Panen
            Raya</a></li></ul></div>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == [
        "Tanggul Pesisir Utara Jebol Diterjang Banjir Rob",
        "Warga Kota Lama Bangun Rumah Panggung Hindari Banjir",
    ]
    assert "Berita Lainnya" not in article.text and "Harga Cabai" not in article.text


def test_a_recommendation_list_not_about_the_article_is_a_site_list() -> None:
    html = page(
        """<aside><h3>Rekomendasi</h3><ul>
          <li><a href="/olahraga/2025/05/14/tim-voli-putri-juara">Tim Voli Putri Juara Turnamen
            Antarprovinsi</a></li>
          <li><a href="/ekonomi/2025/05/14/harga-cabai-turun">Harga Cabai Turun Menjelang Panen
            Raya</a></li>
          <li><a href="/hiburan/2025/05/14/konser-musik-akhir-pekan">Konser Musik Akhir Pekan
            Dipadati Penonton</a></li></ul></aside>"""
    )
    article = extract(html, URL)
    assert article.related == []
    assert "Harga Cabai" not in article.text


def test_a_block_named_related_by_its_class_and_its_items_kicker_as_source() -> None:
    html = page(
        """<div class="row berita-terkait">
          <div class="card"><a href="/daerah/2025/05/13/pompa-air-dikerahkan"><img
            src="/img/pompa.jpg" alt=""></a>
            <span class="cat"><a href="/daerah/">DAERAH</a></span>
            <h4><a href="/daerah/2025/05/13/pompa-air-dikerahkan">Pompa Air Dikerahkan ke
            Pesisir Utara Kota Lama</a></h4></div>
          <div class="card"><a href="/daerah/2025/05/12/rob-dan-penurunan-tanah"><img
            src="/img/rob.jpg" alt=""></a>
            <span class="cat"><a href="/sains/">SAINS</a></span>
            <h4><a href="/daerah/2025/05/12/rob-dan-penurunan-tanah">Banjir Rob dan Penurunan
            Tanah di Pesisir</a></h4></div></div>"""
    )
    article = extract(html, URL)
    assert panel(article) == [
        ("Pompa Air Dikerahkan ke Pesisir Utara Kota Lama", "DAERAH", "block"),
        ("Banjir Rob dan Penurunan Tanah di Pesisir", "SAINS", "block"),
    ]


def test_tag_topic_and_section_pages_are_not_further_reading() -> None:
    html = page(
        """<div class="tags">Tags: <a href="/tag/banjir-rob">#Banjir Rob</a>
          <a href="/topic/123/penanganan-banjir">#Penanganan Banjir Kota</a></div>
        <div class="related-articles"><h3>Artikel Terkait</h3><ul>
          <li><a href="/daerah/">Berita Daerah Hari Ini</a></li>
          <li><a href="/daerah/2025/05/10/pengungsi-butuh-air-bersih">Pengungsi Banjir Butuh
            Air Bersih dan Selimut</a></li></ul></div>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == [
        "Pengungsi Banjir Butuh Air Bersih dan Selimut"
    ]
    assert "Tags:" not in article.text


def test_a_tab_heading_names_its_panel() -> None:
    html = page(
        """<div class="tabs"><ul class="tabs-nav"><li><a href="#tab-satu">Rekomendasi</a></li>
          </ul><div id="tab-satu"><ul>
          <li><a href="/daerah/2025/05/11/banjir-rob-tahun-lalu">Banjir Rob Tahun Lalu Lebih
            Parah dari Sekarang</a></li>
          <li><a href="/daerah/2025/05/09/pesisir-utara-tenggelam">Pesisir Utara Terancam
            Tenggelam Tiga Dekade Lagi</a></li></ul></div></div>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == [
        "Banjir Rob Tahun Lalu Lebih Parah dari Sekarang",
        "Pesisir Utara Terancam Tenggelam Tiga Dekade Lagi",
    ]
    assert "Rekomendasi" not in article.text


def test_a_heading_with_its_topic_first_and_a_list_that_stops_at_the_next_heading() -> None:
    html = page(
        """<section class="lanjutan"><h2><a href="/topik/banjir"><span>BANJIR ROB:</span>
          <span>BERITA TERKAIT</span></a></h2>
          <div><ul><li><a href="/daerah/2025/05/08/warga-pesisir-minta-tanggul">Warga Pesisir
            Minta Tanggul Laut Segera Dibangun</a></li></ul></div>
          <div><h2>Terpopuler</h2><ul>
          <li><a href="/hiburan/2025/05/14/konser-musik-akhir-pekan">Konser Musik Akhir Pekan
            Dipadati Penonton</a></li></ul></div></section>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == [
        "Warga Pesisir Minta Tanggul Laut Segera Dibangun"
    ]


def test_the_page_itself_its_short_link_and_its_mail_version_are_never_listed() -> None:
    url = "https://news.kabarkita.example/read/2025/05/14/4451133/banjir-rob-genangi"
    html = page(
        """<footer class="article-footer"><h3>Mehr zum Thema</h3><ul>
          <li><a href="https://kabarkita.example/-4451133">Kurzlink: https://kabarkita.example/-4451133</a></li>
          <li><a href="/read/2025/05/14/4451133/banjir-rob-genangi?view=mail">Artikel per
            E-Mail versenden</a></li>
          <li><a href="https://kabarkita.example/r/4451133">Banjir Rob Genangi Pesisir Utara
            Kota Lama</a></li>
          <li><a href="/read/2025/05/12/4451001/air-pasang-tertinggi">Air Pasang Tertinggi Tahun
            Ini Terjadi Pekan Depan</a></li></ul></footer>"""
    )
    article = extract(html, url)
    assert [title for title, _, _ in panel(article)] == [
        "Air Pasang Tertinggi Tahun Ini Terjadi Pekan Depan"
    ]


def test_outlet_names_beside_titles_in_a_read_further_list() -> None:
    html = page(
        """<div><h3>Baca Lebih Lanjut</h3><ul>
          <li><a href="https://www.warta-nusantara.example/daerah/2025/05/14/rob-pesisir">
            <span>Rob Pesisir Utara Belum Surut Hingga Malam</span><br>
            <span>Warta Nusantara</span></a></li>
          <li><a href="https://news.detik.com/berita/d-7000001/pengungsi-rob-bertambah">
            <span>Pengungsi Rob Bertambah Jadi Lima Ratus Orang</span></a></li></ul></div>"""
    )
    article = extract(html, URL)
    assert panel(article) == [
        ("Rob Pesisir Utara Belum Surut Hingga Malam", "Warta Nusantara", "block"),
        ("Pengungsi Rob Bertambah Jadi Lima Ratus Orang", "Detik", "block"),
    ]


def test_more_from_a_section_is_a_site_list() -> None:
    html = page(
        """<div class="box"><h3>More from Daerah</h3><ul>
          <li><a href="/daerah/2025/05/14/pasar-malam-dibuka">Pasar Malam Dibuka Lagi di Alun-Alun
            Kota Lama</a></li></ul></div>"""
    )
    article = extract(html, URL)
    assert article.related == []
    assert "More from Daerah" not in article.text and "Pasar Malam" not in article.text


def test_a_related_list_ends_before_the_authors_note_that_follows_it() -> None:
    html = page(
        """<p><strong>Related:</strong></p><ul>
          <li><a href="/daerah/2025/05/01/cara-memilih-rumah-panggung">Cara Memilih Rumah
            Panggung yang Tahan Banjir Rob</a></li></ul>
        <p><em>Dewi Anggraini menulis tentang pesisir sejak 2010. <a href="https://dewi.example/">
          Laman pribadinya</a> memuat catatan perjalanan dan <a
          href="https://buku.example/3832871">buku pertamanya tentang kampung nelayan</a> yang
          terbit tahun lalu dan dibaca di banyak sekolah di sepanjang pantai utara.</em></p>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == [
        "Cara Memilih Rumah Panggung yang Tahan Banjir Rob"
    ]
    assert "Dewi Anggraini menulis tentang pesisir" in " ".join(article.text.split())


def test_a_block_named_related_needs_one_story_on_the_pages_topic() -> None:
    def cards(*titles: str) -> str:
        items = "".join(
            f'<li><a href="/video/2025/05/1{i}/klip-{i}-hari-ini">{t}</a></li>'
            for i, t in enumerate(titles)
        )
        return f'<div class="video-terkait"><ul>{items}</ul></div>'

    unrelated = cards(
        "Demonstrasi Latihan Tempur Pasukan Khusus",
        "Pameran Mobil Listrik Dibuka Hari Ini",
        "Festival Kuliner Malam Ramai Pengunjung",
    )
    assert extract(page(unrelated), URL).related == []
    one_on_topic = cards(
        "Demonstrasi Latihan Tempur Pasukan Khusus",
        "Warga Pesisir Utara Bersihkan Sisa Banjir Rob",
        "Festival Kuliner Malam Ramai Pengunjung",
    )
    assert len(extract(page(one_on_topic), URL).related) == 3


def test_a_card_summarys_own_links_and_paid_items_are_not_stories_of_the_list() -> None:
    html = page(
        """<h2>Related stories</h2><ul class="cards">
          <li><h3><a href="/daerah/2025/05/10/tanggul-laut-mulai-dibangun">Tanggul Laut Mulai
            Dibangun di Pesisir Utara</a></h3>
            <p>Pekerjaan tanggul dimulai pekan ini; peta rencananya dimuat di <a
            href="https://peta.example/2025/rencana-tanggul-laut-pesisir">laman dinas pekerjaan
            umum</a> bersama jadwal pengerjaan tiap kecamatan di sepanjang garis pantai.</p></li>
          <li><span class="label">Sponsored</span><h3><a
            href="/promo/2025/05/11/asuransi-rumah-banjir-terbaik">Asuransi Rumah Terbaik untuk
            Musim Banjir Rob</a></h3></li>
          <li><h3><a href="/daerah/2025/05/12/pengungsi-rob-bertambah">&raquo; Pengungsi Rob
            Bertambah di Balai Desa</a></h3></li>
        </ul>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == [
        "Tanggul Laut Mulai Dibangun di Pesisir Utara",
        "Pengungsi Rob Bertambah di Balai Desa",
    ]


def test_topic_lists_load_more_buttons_and_feeds_never_reach_the_panel() -> None:
    html = page(
        """<div class="tags tag-related"><h3>Temas relacionados</h3>
          <a href="/noticias/banjir-rob-2025-1">banjir rob 2025</a>
          <a href="/daerah/2025/05/09/musim-hujan-datang-lebih-awal">Musim Hujan Datang Lebih Awal
            Tahun Ini di Pesisir</a></div>
        <div class="noticias-relacionadas"><h3>Otras noticias</h3><ul>
          <li><a href="/daerah/2025/05/13/harga-cabai-naik">Harga Cabai Naik Jelang Hari Raya
            di Pasar Kota Lama</a></li></ul></div>
        <div class="related-posts"><ul>
          <li><a href="/daerah/2025/05/02/pesisir-utara-dulu-dan-kini">Pesisir Utara Dulu dan Kini
            dalam Foto</a></li>
          <li><a href="/a/noticias/ajax/3-noticias-relacionadas">Cargar más noticias</a></li>
          <li><a href="/rss/penulis/5503">RSS berita banjir rob dari penulis ini</a></li>
        </ul></div>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == ["Pesisir Utara Dulu dan Kini dalam Foto"]


def test_popular_headlines_in_a_box_whose_class_says_related_are_a_site_list() -> None:
    html = page(
        "",
        after="""<aside id="recentRelated"><div class="recentPosts"><h2>Popular Headlines</h2><ul>
          <li><a href="/nasional/2025/05/13/harga-cabai-naik-jelang-hari-raya">Harga Cabai Naik
            Jelang Hari Raya di Banyak Pasar</a></li>
          <li><a href="/daerah/2025/05/13/banjir-rob-surut-di-pelabuhan">Banjir Rob Surut di
            Pelabuhan Kota Lama Sore Ini</a></li></ul></div></aside>""",
    )
    article = extract(html, URL)
    assert article.related == []


def test_a_headline_printed_twice_in_its_card_is_not_the_outlet() -> None:
    html = page(
        """<div class="related-posts"><h3>Related Posts</h3><ul><li><a
          class="category-pesisir" href="/daerah/2025/05/02/tanggul-laut-mulai-dibangun"
          title="Tanggul Laut Mulai Dibangun di Pesisir Utara"><img src="/img/tanggul.jpg" alt="">
          <span class="caption">Tanggul Laut Mulai Dibangun di Pesisir Utara</span></a></li>
        </ul></div>"""
    )
    article = extract(html, URL)
    assert panel(article) == [
        ("Tanggul Laut Mulai Dibangun di Pesisir Utara", "KabarKita", "block")
    ]


def test_video_terkait_is_related_and_tag_terkait_is_a_topic_list() -> None:
    html = page(
        """<div class="box"><h3>Tag Terkait</h3><ul>
          <li><a href="/daerah/2025/05/13/banjir-rob-pesisir-utara-kembali">Banjir Rob Pesisir
            Utara Kembali Datang Sore Ini</a></li></ul></div>
        <div class="box"><h3>Video Terkait</h3><ul>
          <li><a href="/video/2025/05/14/detik-detik-air-laut-masuk-permukiman">Detik-detik Air
            Laut Masuk Permukiman Warga</a></li></ul></div>"""
    )
    article = extract(html, URL)
    assert [title for title, _, _ in panel(article)] == [
        "Detik-detik Air Laut Masuk Permukiman Warga"
    ]


def test_a_popular_list_in_a_box_whose_class_says_related_is_not_related() -> None:
    html = page(
        """<section class="portlet video-terkait"><div class="titlebar"><a href="/">
          <div class="text">FOTO TERPOPULER</div></a></div><div class="newslist">
          <div class="list"><a href="/foto/2025/05/13/banjir-rob-di-pelabuhan-kota-lama">
            <h2>Banjir Rob di Pelabuhan Kota Lama dalam Foto</h2></a></div>
          <div class="list"><a href="/foto/2025/05/12/pesisir-utara-dari-udara">
            <h2>Pesisir Utara Kota Lama Dilihat dari Udara</h2></a></div></div></section>"""
    )
    assert extract(html, URL).related == []


def test_similar_articles_named_in_another_language_are_related() -> None:
    html = page(
        """<div class="box"><ul class="tabs"><li><a>Ähnliche Artikel</a></li></ul><div>
          <a href="/daerah/2025/05/02/tanggul-laut-mulai-dibangun"><time>02.05.2025</time>
            <h5>Tanggul Laut Mulai Dibangun di Pesisir Utara</h5></a></div></div>"""
    )
    assert [title for title, _, _ in panel(extract(html, URL))] == [
        "Tanggul Laut Mulai Dibangun di Pesisir Utara"
    ]


def test_cards_whose_headline_is_not_the_link_and_dates_after_titles() -> None:
    html = page(
        """<div class="box"><h2>Related stories</h2>
          <div class="teaser"><h3>Archiv</h3><h2>Tanggul Laut Mulai Dibangun di Pesisir</h2>
            <a class="more" href="/daerah/2025/05/02/tanggul-laut-mulai-dibangun">weiter</a></div>
          <div class="teaser"><h3>Archiv</h3><h2>Pengungsi Rob Bertambah di Balai Desa</h2>
            <a class="more" href="/daerah/2025/05/12/pengungsi-rob-bertambah">weiter</a></div>
        </div>
        <h3>Mehr zum Thema</h3><ul>
          <li><a href="/daerah/2025/04/30/pompa-air-baru-untuk-kota-lama">Pompa Air Baru untuk
            Kota Lama, 30.04.2025</a></li>
          <li><a href="/daerah/2025/05/01/cara-membaca-data-pasang-surut">Cara Membaca Data Pasang
            Surut (Update: 2025/05/01)</a></li>
          <li><a href="https://www.flickr.com/photos/warga/2228603119/">Foto banjir rob oleh warga
            / flickr.com</a></li></ul>"""
    )
    assert [title for title, _, _ in panel(extract(html, URL))] == [
        "Tanggul Laut Mulai Dibangun di Pesisir",
        "Pengungsi Rob Bertambah di Balai Desa",
        "Pompa Air Baru untuk Kota Lama",
        "Cara Membaca Data Pasang Surut (Update: 2025/05/01)",
    ]
