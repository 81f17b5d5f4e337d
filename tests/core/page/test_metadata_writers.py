"""Writers as real pages name them (issue 12, round two).

Every page here is written for the test: bylines in user names, author boxes at the
foot of long stories, names only in the blog's own comments, the outlet written in
full or in initials, a writer's title or town beside the name, lists of other
stories' bylines, in Indonesian, German, English, Spanish, French and Chinese.
"""

from __future__ import annotations

import lxml.html
import pytest

from reader.core.page.metadata import Metadata, read_metadata

SENTENCE = "Kalimat nomor {n} dari berita ini menjelaskan keadaan di lapangan dengan rinci."


def page(  # noqa: PLR0917 (each part of the page is optional)
    head: str = "",
    header: str = "",
    footer: str = "",
    after: str = "",
    h1: str = "Judul Berita Hari Ini",
    sentences: int = 30,
) -> str:
    body = " ".join(SENTENCE.format(n=n) for n in range(sentences))
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/news'>Berita</a></nav>"
        f"<article><h1>{h1}</h1>{header}<p>{body}</p>{footer}</article>{after}"
        "<footer><p>Hak cipta 2026 Warta Contoh</p></footer></body></html>"
    )


def writers(html: str, url: str = "https://www.warta.example/berita/2016/judul") -> list[str]:
    meta: Metadata = read_metadata(lxml.html.document_fromstring(html), url)
    return list(meta.authors)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a user name is the writer's name on many blogs; a model number is not a name
        ("<p class='byline'>10. Oktober 2019 · von kayu1984 · in Allgemein</p>", ["kayu1984"]),
        ("<p class='byline'>Testbericht: HD7 T9292</p>", []),
        # "Co" is a surname; "& Co" a company
        ("<p class='byline'>by Lena Co</p>", ["Lena Co"]),
        ("<p class='byline'>Müller &amp; Co</p>", []),
        # two labels on one line: the second one's word is not part of the name
        (
            "<p class='article-author'>Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Warta</p>",
            ["Fritz Imhof"],
        ),
        # a screen reader's "| By" after a kicker, the name in the next element
        (
            "<div><span>wow!</span> <span>| By </span><span>Cara Stiles</span></div>",
            ["Cara Stiles"],
        ),
        # the writer's initials or notes in brackets are not the name
        ("<p class='author'>Author: Julia Hitz (eg)</p>", ["Julia Hitz"]),
        # "anonymous" in Spanish is no writer
        ("<p class='author'>Por anónimo</p>", []),
        # Chinese writes the name straight after the label
        ("<p>记者王敬照</p>", ["王敬照"]),
        # a wire agency named as the piece's writer is its writer; the town is not
        (
            "<p class='byline'>Agence France-Presse, CHARLESTON, South Carolina | World"
            " | Fri, June 19 2015, 7:36 AM</p>",
            ["Agence France-Presse"],
        ),
        # the writer's title beside the name ("Warta News, New York") is not a writer
        (
            "<div class='byline'><span class='byline__name'>By Nada Tawfik</span>"
            "<span class='byline__title'>BBC News, New York</span></div>",
            ["Nada Tawfik"],
        ),
        # a byline in the row of share buttons, with the job title after the name
        (
            "<div class='detail-social-share'><div class='nmreporter'><div>Fakhrizal Fakhri"
            "</div><span>Jurnalis</span></div><a href='#'>Bagikan</a></div>",
            ["Fakhrizal Fakhri"],
        ),
        # an <author> element
        (
            "<div><author>Laban Laisila</author> : <b>19 Jun 2015 | 13:06</b></div>",
            ["Laban Laisila"],
        ),
        # "filed under" topics are no byline; "erstellt von" is
        (
            "<nav class='documentByLine'>abgelegt unter: Weltweit Religion</nav>"
            "<div class='documentByLine'>erstellt von Dominique — veröffentlicht 28.01.2022</div>",
            ["Dominique"],
        ),
        # "Ein Artikel von", "Texto de": labels of other languages
        ("<p>Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45</p>", ["Pamela Sladky"]),
        ("<p>Texto de Rodolfo Costa</p>", ["Rodolfo Costa"]),
    ],
)
def test_bylines_on_the_page(header: str, expected: list[str]) -> None:
    assert writers(page(header=header)) == expected


def test_a_name_after_the_outlets_is_the_writer() -> None:
    """ "Laporan Wartawan Warta.com, Ani Rahma": the desk's name, then the writer."""
    header = "<p>Laporan Wartawan Warta.com, Ani Rahma</p>"
    assert writers(page(header=header), "https://www.warta.com/read/1/judul") == ["Ani Rahma"]


def test_credits_in_capitals_are_not_read_as_labels() -> None:
    """ "STYLING PARIS LIBBY" is no "par" ("by" in French) before "IS LIBBY"."""
    credits = "<p>Interview SVEN MICHAELSEN</p><p>STYLING PARIS LIBBY</p>"
    assert writers(page(footer=credits)) == ["SVEN MICHAELSEN"]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # the outlet's name whole is no list of writers ("Kerja", "Karir")
        ("<meta property='og:site_name' content='Kerja &amp; Karir'>"
         "<meta name='author' content='Kerja &amp; Karir'>", ["Sari Dewi"]),
        # the outlet's initials
        ("<meta property='og:site_name' content='Diario Sur'>"
         "<meta name='author' content='DS'>", ["Sari Dewi"]),
        # the outlet's tagline beside its name
        ("<meta name='author' content='WARTA – Das Magazin für Lesende'>", ["Sari Dewi"]),
        # the company and where it sits
        ("<meta name='author' content='Warta Verlag GmbH, Munich, Germany'>", ["Sari Dewi"]),
        # a writer's own spelling in structured data is kept ("hidayat")
        ('<script type="application/ld+json">{"@type": "NewsArticle",'
         ' "author": {"@type": "Person", "name": "Arif hidayat"}}</script>', ["Arif hidayat"]),
        # a user name in structured data, the name the page prints for it
        ("<meta name='author' content='sari_dewi'>", ["Sari Dewi"]),
        # a wire agency as the writer of a piece on another site
        ("<meta name='author' content='Reuters'>", ["Reuters"]),
    ],
)  # fmt: skip
def test_structured_writers(head: str, expected: list[str]) -> None:
    html = page(head=head, header="<p>Oleh Sari Dewi</p>")
    if "Reuters" in head:
        html = page(head=head)
    assert writers(html, "https://www.warta.example/b/1/judul") == expected


def test_the_author_box_after_a_long_story_names_its_writer() -> None:
    """No byline by the headline; the box about the writer after 20 000 characters."""
    box = (
        "<div class='author-box'><p class='author-name'>Jonas Weber</p>"
        "<p class='author-bio'>Jonas schreibt über Verkehr.</p></div>"
    )
    assert writers(page(footer=box, sentences=260)) == ["Jonas Weber"]


@pytest.mark.parametrize(
    ("byline", "box", "expected"),
    [
        ("von Jonas", "Jonas Weber", "Jonas Weber"),
        ("by AW", "Written by Anna Weiss", "Anna Weiss"),
    ],
)
def test_a_first_name_or_initials_are_the_full_name_the_page_gives(
    byline: str, box: str, expected: str
) -> None:
    header = f"<p class='byline'>{byline}</p>"
    footer = f"<div class='author-box'><p class='author-name'>{box}</p></div>"
    assert writers(page(header=header, footer=footer)) == [expected]


def test_a_blogs_own_answers_to_comments_name_its_writer() -> None:
    """No byline at all; WordPress marks the writer's own comments "bypostauthor"."""
    comments = (
        "<ol class='comments'>"
        "<li class='comment byuser comment-author-gast'><div class='comment-author vcard'>"
        "<b class='fn'>Gast</b> sagt:</div><p>Schöner Text!</p></li>"
        "<li class='comment byuser comment-author-lenaschreibt bypostauthor'>"
        "<div class='comment-author vcard'><cite class='fn'>lenaschreibt</cite> sagt:</div>"
        "<p>Danke dir!</p></li></ol>"
    )
    assert writers(page(after=comments)) == ["lenaschreibt"]


def test_bylines_in_a_list_of_other_stories_are_not_the_writers() -> None:
    """Far below the story, "More stories" cards each with a byline."""
    cards = "".join(
        f"<div class='card'><h3>Cerita lain nomor {n}</h3><p>By {name}</p></div>"
        for n, name in enumerate(("Cory Booker", "Larry Brilliant", "Maya Angel"))
    )
    assert writers(page(after=f"<section>{cards}</section>", sentences=40)) == []


def test_a_photo_credit_is_not_the_writer() -> None:
    header = (
        "<figure><img src='/a.jpg'><figcaption><span class='author-name'>Nenad Stojkovic"
        "</span></figcaption></figure><p>Oleh Mark Newton</p>"
    )
    assert writers(page(header=header)) == ["Mark Newton"]
