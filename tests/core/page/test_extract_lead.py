"""The page's description as an anchor for the article (``_Readability._lead_candidate``).

Fictional fixtures in ``tests/data/pages``.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from reader.core.page.extraction import extract
from reader.core.page.metadata import read_metadata

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


def test_block_holding_the_lead_paragraph_wins_over_a_longer_box() -> None:
    """readability scores the many-paragraph notice box above the short post; the
    description begins the post's lead paragraph, so the post is the article."""
    html = (PAGES / "en-lead-beside-box.html").read_text("utf-8")
    article = extract(html, "https://tidewater-notes.example/2025/03/harbour-choir-album")
    assert "first pressing of two hundred copies" in article.text
    assert "Harbour choir records its first album" not in article.text  # no headline


def test_description_repeated_in_a_list_of_posts_does_not_move_the_body() -> None:
    """A description that is only a teaser's summary elsewhere (a list of recent
    posts) says nothing about where the article is."""
    html = (PAGES / "en-description-in-recent-posts.html").read_text("utf-8")
    article = extract(html, "https://coast-log.example/2025/05/lamp-turns-anticlockwise")
    assert "clockwork that drove the first lens" in article.text
    assert "sand bar at the river mouth" not in article.text


@pytest.mark.parametrize(
    "url, author, authors",
    [
        ("https://news.detik.com/berita/d-1/judul", "Ari Saputra - detikNews", ["Ari Saputra"]),
        ("https://nasional.kompas.com/read/1/j", "Budi Santoso - Kompas.com", ["Budi Santoso"]),
        ("https://www.example.org/a", "Jane Doe - Reuters", ["Jane Doe", "Reuters"]),
    ],
)
def test_the_outlets_desk_after_a_byline_goes(url: str, author: str, authors: list[str]) -> None:
    """Bylines often end with the outlet's desk; a desk named after the site's domain
    is not part of the name (a news agency credit on another site is kept)."""
    page = f'<html><head><meta name="author" content="{author}"></head><body></body></html>'
    meta = read_metadata(lxml.html.document_fromstring(page), url)
    assert list(meta.authors) == authors
    assert meta.byline == ", ".join(authors)
