"""Which printed date is the article's, when a page shows several or writes one
ambiguously, and dates read only from the paragraph's dateline or the address;
writers that WordPress's structured data names by reference (issue 12).

Pages are written here, in German, English and Indonesian.
"""

from __future__ import annotations

import lxml.html

from reader.core.page import dates
from reader.core.page.metadata import Metadata, read_metadata

BODY = " ".join(
    f"Satz Nummer {n} dieses Berichts beschreibt die Lage vor Ort ausführlich." for n in range(30)
)


def page(head: str = "", header: str = "", lead: str = "", lang: str = "de") -> str:
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Start</a> <a href='/news'>Nachrichten</a></nav>"
        f"<article><h1>Neue Brücke über den Fluss eröffnet</h1>{header}"
        f"<p>{lead}{BODY}</p></article>"
        "<footer><p>Impressum und Datenschutz</p></footer></body></html>"
    )


def ld(obj: str) -> str:
    return f"<script type='application/ld+json'>{obj}</script>"


def meta_of(html: str, url: str = "https://zeitung.example/lokales/bruecke") -> Metadata:
    return read_metadata(lxml.html.document_fromstring(html), url)


def test_structured_data_picks_the_published_date_among_the_printed_ones() -> None:
    """Updated and published dates both under the headline: the one structured data
    names is the publication's, not the first one printed."""
    head = "<meta property='article:published_time' content='2022-12-30T07:00:40+01:00'>"
    header = "<p>Aktualisiert: 2. Januar 2023</p><p>Veröffentlicht: 30. Dezember 2022</p>"
    assert meta_of(page(head=head, header=header)).published == "2022-12-30T07:00:40+01:00"


def test_a_printed_date_structured_data_does_not_name_still_wins() -> None:
    head = "<meta property='article:published_time' content='2019-06-17T00:00:00+00:00'>"
    header = "<p>Zuletzt aktualisiert 4. Juni 2020</p>"
    assert meta_of(page(head=head, header=header)).published == "2020-06-04"


def test_an_ambiguous_numeric_date_is_read_as_structured_data_confirms() -> None:
    """ "11/01/2021" on a German page would be 11 January; the page's structured data
    says 1 November, and that reading of the same line is the one kept."""
    head = "<meta property='article:published_time' content='2021-11-01T05:00:14'>"
    html = page(head=head, header="<p>11/01/2021</p>")
    assert meta_of(html).published == "2021-11-01T05:00:14"


def test_an_address_holding_the_month_keeps_structured_data_over_other_posts_dates() -> None:
    """The dates printed around the headline belong to a list of other posts; the
    article's address holds the month structured data names."""
    head = "<meta property='article:published_time' content='2019-10-01'>"
    others = "".join(
        f"<li><a href='/p{n}'>Ein anderer Beitrag {n}</a> <span>{n}. Oktober 2018</span></li>"
        for n in (22, 25)
    )
    html = page(head=head, header=f"<ul>{others}</ul>")
    assert meta_of(html, "https://blog.example/2019/10/bruecke/").published == "2019-10-01"


def test_the_dateline_opening_the_first_paragraph_is_the_date() -> None:
    html = page(lead="27.1.2022 - ")
    assert meta_of(html).published == "2022-01-27"


def test_a_date_inside_a_sentence_is_still_no_dateline() -> None:
    html = page(lead="Seit dem 27.1.2022 ist die Straße gesperrt. ")
    assert meta_of(html).published is None


def test_a_day_month_year_address_is_read_when_nothing_else_dates_the_page() -> None:
    url = "https://verein.example/meldungen/29-10-2021"
    assert meta_of(page(), url).published == "2021-10-29"


def test_a_writer_named_by_reference_in_the_graph_is_found() -> None:
    """WordPress writes the article's author as {"@id": ...} and the person elsewhere
    in its @graph."""
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "Article", "headline": "Neue Brücke", '
        '"author": {"@id": "https://blog.example/#/schema/person/1"}},'
        '{"@type": "Person", "@id": "https://blog.example/#/schema/person/1",'
        ' "name": "Doris Schuppe"}]}'
    )
    assert list(meta_of(page(head=ld(graph))).authors) == ["Doris Schuppe"]


def test_an_indonesian_page_is_dated_without_every_languages_month_names() -> None:
    """Its own language's names read "23 Februari 2016"; the tables of all other
    languages (a third of a second to load) are not needed."""
    dates._common_months.cache_clear()
    html = page(header="<p>Selasa, 23 Februari 2016 | 14:20 WIB</p>", lang="id")
    assert meta_of(html).published == "2016-02-23T14:20:00+07:00"
    assert dates._common_months.cache_info().currsize == 0


def test_a_page_without_a_language_reads_month_names_of_any_language() -> None:
    html = page(header="<p>Rabu, 17 Juni 2015 22:26</p>").replace(" lang='de'", "")
    assert meta_of(html).published == "2015-06-17T22:26:00"


def test_a_second_structured_source_naming_more_writers_gives_them_all() -> None:
    """JSON-LD names the first writer only; <meta name=author> names her and her
    co-writer."""
    head = ld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ana Rahma"}}')
    head += "<meta name='author' content='Ana Rahma, Bayu Setiadi'>"
    assert list(meta_of(page(head=head)).authors) == ["Ana Rahma", "Bayu Setiadi"]


def test_links_to_writers_pages_in_the_byline_are_each_a_writer() -> None:
    """After the first writer only names count, not their titles ("Redakteurin"); a
    link to a writer's page is a name."""
    header = (
        "<div class='byline'><span class='author'><a href='/autor/ana-rahma'>Ana Rahma</a>"
        "</span> <span class='role'>Redakteurin</span>, "
        "<a href='/autor/bayu-setiadi'>Bayu Setiadi</a></div>"
    )
    assert list(meta_of(page(header=header)).authors) == ["Ana Rahma", "Bayu Setiadi"]


def test_the_date_line_under_the_headline_names_its_writer_without_a_label() -> None:
    header = "<p class='text-muted'>11.12.2019 - Amelie Loevenich</p>"
    assert list(meta_of(page(header=header)).authors) == ["Amelie Loevenich"]


def test_a_place_or_one_word_beside_the_date_is_no_writer() -> None:
    for line in ("11.12.2019 - Berlin", "11.12.2019 | Lokales", "11.12.2019 - Warta Contoh"):
        html = page(
            header=f"<p>{line}</p>", head="<meta property='og:site_name' content='Warta Contoh'>"
        )
        assert meta_of(html).authors == (), line


def test_the_text_after_a_byline_does_not_cost_its_last_writer() -> None:
    """ "... y José Miguel Wilson Hace 13 horas Tiempo de lectura: 8 minutos": the
    whole byline reads fewer names than its linked names; those are kept."""
    header = (
        "<div class='author'><div class='byline'>"
        "<a href='/autor/ana-rahma'>Ana Rahma</a>, <a href='/autor/bayu-setiadi'>Bayu Setiadi</a>"
        " y <a href='/autor/citra-dewi'>Citra Dewi</a></div>"
        "<time>Hace 13 horas</time> <span>Tiempo de lectura: 8 minutos</span></div>"
    )
    assert list(meta_of(page(header=header)).authors) == [
        "Ana Rahma",
        "Bayu Setiadi",
        "Citra Dewi",
    ]
