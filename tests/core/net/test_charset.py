"""Decoding fetched bytes: BOM, header, <meta>, mislabels, detection; never an exception."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.net.charset import decode_html, detect_encoding

TEXT = "Berita: café, naïve, “kutipan” — 10 €"
PAGE = f"<html><head><title>t</title></head><body><p>{TEXT}</p></body></html>"


def test_bom_wins_over_everything() -> None:
    body = codecs.BOM_UTF8 + PAGE.encode("utf-8")
    assert decode_html(body, "text/html; charset=iso-8859-1") == PAGE
    assert decode_html(codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le")) == PAGE
    assert decode_html(codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be")) == PAGE


def test_http_header_charset() -> None:
    body = PAGE.encode("cp1252")
    assert decode_html(body, 'text/html; charset="windows-1252"') == PAGE
    assert decode_html(PAGE.encode("koi8-r", "replace"), "text/html; charset=koi8-r").startswith(
        "<html>"
    )


def test_meta_charset_and_http_equiv() -> None:
    for meta in (
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ):
        page = PAGE.replace("<head>", "<head>" + meta)
        assert decode_html(page.encode("cp1252"), "text/html") == page


def test_declared_latin1_but_really_utf8() -> None:
    body = PAGE.encode("utf-8")
    assert decode_html(body, "text/html; charset=ISO-8859-1") == PAGE
    page = PAGE.replace("<head>", '<head><meta charset="latin1">')
    assert decode_html(page.encode("utf-8")) == page


def test_no_declaration() -> None:
    assert decode_html(PAGE.encode("utf-8")) == PAGE
    assert decode_html(PAGE.encode("cp1252")) == PAGE
    assert decode_html(PAGE.encode("utf-16-le")) == PAGE  # UTF-16 without BOM


def test_unknown_or_dangerous_labels_are_ignored() -> None:
    assert decode_html(PAGE.encode("utf-8"), "text/html; charset=x-foo") == PAGE
    assert decode_html(PAGE.encode("utf-8"), "text/html; charset=utf-7") == PAGE
    assert detect_encoding(PAGE.encode("utf-8"), "text/html; charset=utf-16") == "utf-8"


def test_a_few_bad_bytes_in_a_utf8_page_become_replacement_characters() -> None:
    body = PAGE.encode("utf-8").replace("naïve".encode(), b"na\xffve")
    assert body.count(b"\xff") == 1  # the replacement took: a stray byte inside the text
    text = decode_html(body + b"<p>\xff</p>")
    assert "café" in text and "\ufffd" in text
    assert "na\ufffdve" in text and text.count("\ufffd") == 2


def test_truncated_multibyte_character_at_the_end() -> None:
    body = PAGE.encode("utf-8") + "é".encode()[:1]
    assert decode_html(body).startswith(PAGE)


def test_empty() -> None:
    assert decode_html(b"") == ""


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.one_of(st.none(), st.text(max_size=60)))
def test_property_never_raises(body: bytes, content_type: str | None) -> None:
    assert isinstance(decode_html(body, content_type), str)
