"""Publication date, writers and headline as the page shows them (issue 12).

Pages are written here: dates printed under the headline in Indonesian, German and
French with no machine-readable date, bylines with and without labels, handles and
publisher names that are not writers, titles with the site's name around them.
"""

from __future__ import annotations

import lxml.html
import pytest

from reader.core.page.extraction import extract
from reader.core.page.metadata import Metadata, read_metadata

BODY = " ".join(
    f"Kalimat nomor {n} dari berita ini menjelaskan keadaan di lapangan dengan rinci."
    for n in range(30)
)


def page(
    head: str = "", header: str = "", h1: str = "Judul Berita Hari Ini", footer: str = ""
) -> str:
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/news'>Berita</a></nav>"
        f"<article><h1>{h1}</h1>{header}<p>{BODY}</p>{footer}</article>"
        "<footer><p>Hak cipta 2026 Warta Contoh</p></footer></body></html>"
    )


def meta_of(html: str, url: str = "https://warta.example/berita/2016/judul") -> Metadata:
    return read_metadata(lxml.html.document_fromstring(html), url)


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Selasa, 23 Februari 2016 | 14:20 WIB", "2016-02-23T14:20:00+07:00"),
        ("Jum'at, 19 Juni 2015 - 11:58 wita", "2015-06-19T11:58:00+08:00"),
        ("pada 20 Des 2021, 09:59 WIT", "2021-12-20T09:59:00+09:00"),
        ("Kamis, 05 November 2015 11:52", "2015-11-05T11:52:00"),
        ("Veröffentlicht am 3. März 2021, 08:15 Uhr", "2021-03-03T08:15:00"),
        ("Publié le 12 janvier 2020 à 09h30", "2020-01-12T09:30:00"),
        ("Rabu, 17 Juni 2015", "2015-06-17"),
        ("Aktualisiert 4. 2. 2022 | 10:15", "2022-02-04T10:15:00"),
    ],
)
def test_date_printed_under_the_headline_is_read(line: str, published: str) -> None:
    """No JSON-LD, no <meta>, no <time>: only the line under the headline has the date,
    in the page's language, with its time zone kept as an offset."""
    html = page(header=f"<div class='info'><span>Oleh Ani Rahma</span> <span>{line}</span></div>")
    assert meta_of(html, "https://warta.example/berita/judul").published == published


def test_todays_date_in_the_site_header_is_not_the_articles() -> None:
    """The site's own "today" in its top bar is further from the headline than the
    article's line below it."""
    html = page(
        header="<p class='date'>Rabu, 17 Juni 2015 | 22:26 WIB</p>",
    ).replace("<nav>", "<div class='top'>Kamis, 18 Juni 2015</div><nav>")
    assert meta_of(html, "https://warta.example/b/x").published == "2015-06-17T22:26:00+07:00"


def test_a_date_in_the_storys_sentences_is_not_its_publication_date() -> None:
    """A date inside a sentence is an event's; the short line after it is the article's."""
    prose = (
        "<p>Peraturan yang berlaku sejak 15 Januari 2022 itu mengubah banyak hal bagi warga"
        " desa yang selama ini mengandalkan hasil panen dan ternak untuk hidup sehari-hari.</p>"
        "<p>Kamis, 20 Januari 2022 10:05 WIB</p>"
    )
    published = meta_of(page(header=prose), "https://warta.example/b/x").published
    assert published == "2022-01-20T10:05:00+07:00"


def test_structured_utc_time_takes_the_offset_the_page_prints() -> None:
    """The page's JSON-LD says UTC; the line under the headline shows the same moment in
    local time: the local time is kept, with the offset it implies."""
    ld = '{"@type": "NewsArticle", "datePublished": "2022-05-04T00:25:56Z"}'
    html = page(
        head=f"<script type='application/ld+json'>{ld}</script>",
        header="<p>3 de mayo de 2022 21:25</p>",
    )
    assert meta_of(html, "https://diario.example/x").published == "2022-05-03T21:25:56-03:00"


def test_structured_date_stays_when_the_page_prints_none() -> None:
    head = "<meta property='article:published_time' content='2024-11-02T07:15:00+00:00'>"
    assert meta_of(page(head=head)).published == "2024-11-02T07:15:00+00:00"


def test_a_date_in_the_address_is_the_last_resort() -> None:
    html = page(h1="Catatan dari perjalanan panjang ke timur")
    assert meta_of(html, "https://blog.example/2019/08/02/catatan/").published == "2019-08-02"


# ---------------------------------------------------------------------------- writers


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        # labels, alone in their own element or before the name
        ("<div>Oleh : </div><div><a href='/p/a'>Adrianus Mandey</a></div>", ["Adrianus Mandey"]),
        ("<p>Pewarta: Ani Rahma | Editor: Budi Santoso</p>", ["Ani Rahma"]),
        ("<p>Penulis: Ani Rahma</p><p>Editor: Budi Santoso</p>", ["Ani Rahma"]),
        (
            "<p>Reporter : <b>Ramadhian Fadillah</b> | Jumat, 19 Juni 2015 03:40</p>",
            ["Ramadhian Fadillah"],
        ),
        ("<p class='byline'>By Jane Doe and John Roe, Staff Writer</p>", ["Jane Doe", "John Roe"]),
        # several writers in one structured value, a byline element without a label
        ("<div class='author'>Bagus Kurniawan - wartaNews</div>", ["Bagus Kurniawan"]),
        ("<p class='post-byline'>von Limespacer · 22. Oktober 2019</p>", ["Limespacer"]),
    ],
)
def test_writers_are_names_without_labels_dates_or_desks(header: str, authors: list[str]) -> None:
    meta = meta_of(page(header=header), "https://www.warta.example/berita/judul")
    assert list(meta.authors) == authors
    assert meta.byline == ", ".join(authors)


def test_several_writers_in_structured_data_are_several_names() -> None:
    ld = (
        '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Dewi Anggraini"},'
        ' {"@type": "Person", "name": "Bayu Setiadi"}]}'
    )
    meta = meta_of(page(head=f"<script type='application/ld+json'>{ld}</script>"))
    assert list(meta.authors) == ["Dewi Anggraini", "Bayu Setiadi"]


def test_handles_and_publishers_are_not_writers_the_byline_below_is() -> None:
    """ "@detikinet" (a social handle), "Kompas Cyber Media" and "PT. VIVA MEDIA BARU"
    (the publisher) are not writers; the labelled byline on the page names the writer."""
    head = (
        "<meta name='twitter:creator' content='@wartainet'>"
        "<meta name='author' content='Warta Cyber Media'>"
        "<meta property='og:site_name' content='Warta.com'>"
    )
    html = page(head=head, header="<p>Oleh : <a href='/u/1'>Adrianus Mandey</a></p>")
    meta = meta_of(html, "https://www.warta.com/read/2015/judul")
    assert list(meta.authors) == ["Adrianus Mandey"]


@pytest.mark.parametrize(
    "value",
    ["@wartainet", "Warta Cyber Media", "PT. WARTA MEDIA BARU - WARTA.co.id", "Warta.com"],
)
def test_a_byline_naming_only_the_outlet_or_a_handle_gives_no_writer(value: str) -> None:
    html = page(head=f"<meta name='author' content='{value}'>")
    assert meta_of(html, "https://www.warta.com/read/judul").authors == ()


def test_the_writers_link_to_a_social_profile_is_not_their_name() -> None:
    header = (
        "<p class='author'><a href='https://social.example/warta'>Follow us</a></p>"
        "<p>Penulis: Glery Lazuardi</p>"
    )
    assert list(meta_of(page(header=header)).authors) == ["Glery Lazuardi"]


# ---------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Judul Berita Hari Ini - Warta.com", "Judul Berita Hari Ini", "Judul Berita Hari Ini"),
        ("Warta | Judul Berita Hari Ini", "Judul Berita Hari Ini", "Judul Berita Hari Ini"),
        # the h1's own wording (its dash) is kept when it shows the same headline
        ("Harga Cabai Naik - Turun di Pasar Induk", "Harga Cabai Naik – Turun di Pasar Induk",
         "Harga Cabai Naik – Turun di Pasar Induk"),
        # the h1 shows the headline in full where the title cut it
        ("Banjir Rob di Pesisir Utara – Warta", "Banjir Rob di Pesisir Utara – Hari Ketiga",
         "Banjir Rob di Pesisir Utara – Hari Ketiga"),
        ("Gempa M 4,8 Guncang Pantai Selatan &#8216;Tak Berpotensi Tsunami&#8217; | Warta",
         "", "Gempa M 4,8 Guncang Pantai Selatan ‘Tak Berpotensi Tsunami’"),
        # the site's name in the middle, its slogan after it
        ("Judul Berita Hari Ini | Warta.com | Portal berita terpercaya dan terkini se-Indonesia",
         "", "Judul Berita Hari Ini"),
    ],
)  # fmt: skip
def test_title_is_the_headline_without_the_sites_name(title: str, h1: str, expected: str) -> None:
    head = f"<title>{title}</title><meta property='og:site_name' content='Warta.com'>"
    assert meta_of(page(head=head, h1=h1), "https://www.warta.com/read/x").title == expected


@pytest.mark.parametrize(
    ("h1", "og_title", "expected"),
    [
        # a kicker or a date in the h1 before the headline is not part of it
        ("<span class='kicker'>Open Progress</span> Why teams beat lone geniuses",
         "Why teams beat lone geniuses", "Why teams beat lone geniuses"),
        ("<time>27.01.2022</time> Harga Cabai Naik di Pasar Induk",
         "Harga Cabai Naik di Pasar Induk", "Harga Cabai Naik di Pasar Induk"),
        # ... but the headline's own first half is ("X: Y", "X – Y")
        ("Banjir Rob: Warga Pesisir Utara Mengungsi", "Warga Pesisir Utara Mengungsi",
         "Banjir Rob: Warga Pesisir Utara Mengungsi"),
        ("„Banjir Rob“ – Warga Pesisir Utara Mengungsi", "Warga Pesisir Utara Mengungsi",
         "„Banjir Rob“ – Warga Pesisir Utara Mengungsi"),
    ],
)  # fmt: skip
def test_a_kicker_before_the_headline_in_the_h1_is_left_out(
    h1: str, og_title: str, expected: str
) -> None:
    head = f"<meta property='og:title' content='{og_title}'>"
    assert meta_of(page(head=head, h1=h1), "https://www.warta.com/read/x").title == expected


# ---------------------------------------------------------------------------- the whole page


def test_extract_gives_authors_and_the_printed_date() -> None:
    html = page(
        head="<title>Judul Berita Hari Ini - Warta.com</title>",
        header="<p>Oleh Ani Rahma dan Budi Santoso | Selasa, 23 Februari 2016 | 14:20 WIB</p>",
    )
    article = extract(html, "https://www.warta.com/read/2016/02/23/judul")
    assert article.title == "Judul Berita Hari Ini"
    assert article.authors == ["Ani Rahma", "Budi Santoso"]
    assert article.byline == "Ani Rahma, Budi Santoso"
    assert article.published == "2016-02-23T14:20:00+07:00"


def test_a_site_name_that_is_the_pages_title_is_cut_to_the_site() -> None:
    """og:site_name holding the whole <title>, and a logo h1 repeating it, above the
    article's own h1: the headline is the article's h1, the site is what is left."""
    title = "Judul Berita Hari Ini :: Warta News"
    head = (
        f"<title>{title}</title><meta property='og:site_name' content='{title}'>"
        "<meta property='og:title' content='Judul Berita Hari Ini'>"
    )
    html = page(head=head).replace("<nav>", f"<h1 class='logo'>{title}</h1><nav>")
    meta = meta_of(html, "http://127.0.0.1:8000/berita/judul")
    assert meta.title == "Judul Berita Hari Ini"
    assert meta.site_name == "Warta News"


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000/berita/judul", "http://[::1]:8000/berita/judul", "http://10.0.0.7/x"],
)
def test_a_page_that_names_no_site_is_never_shown_as_from_an_address(url: str) -> None:
    """A page served from an IP with no name of its own: the header shows no outlet
    rather than "127.0.0.1"; from a named host the host stands in."""
    assert not meta_of(page(), url).site_name
    assert meta_of(page(), "https://warta.example/berita/judul").site_name == "warta.example"
