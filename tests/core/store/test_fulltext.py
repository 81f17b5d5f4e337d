"""Search helpers: the MATCH expression, folding, snippets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.store.fulltext import _highlighter, fold, match_expression, snippet


def test_match_expression_quotes_words_and_makes_the_last_a_prefix() -> None:
    assert match_expression("harga ban") == '"harga" AND "ban"*'
    assert match_expression('"warung kopi" enak') == '"warung kopi" AND "enak"*'
    assert match_expression('enak "warung kopi"') == '"warung kopi" AND "enak"'
    assert match_expression('AND OR NEAR( " * :') == '"AND" AND "OR" AND "NEAR"*'
    assert match_expression("  ") == ""


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_folding_keeps_length_so_offsets_stay_valid(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_snippet_highlights_folded_prefix_matches_in_the_original_text() -> None:
    body = ("Awal berita. " * 30) + "Petani Kopí Gayo menanam kopi arabika. " + ("Akhir. " * 40)
    text, spans = snippet(body, _highlighter("kopi"))
    assert text.startswith("…") and text.endswith("…")
    assert [text[a:b] for a, b in spans] == ["Kopí", "kopi"]
    text, spans = snippet(body, _highlighter("ara"))
    assert [text[a:b] for a, b in spans] == ["arabika"]
    text, spans = snippet("Tanpa kecocokan.", _highlighter("xyz"))
    assert text == "Tanpa kecocokan." and spans == ()
