"""The second reading (trafilatura's region) and the standfirst above the body.

Fictional fixtures in ``tests/data/pages``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.page import extraction
from reader.core.page.extraction import extract

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


def page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text("utf-8")


FERRY_URL = "https://saltmarsh-gazette.example/2025/10/ferry-winter-timetable"
FERRY_LEAD = "the island ferry will sail only four times a day from the first of November"
NOTICE = "We use your details, such as your name"


def test_the_article_wins_over_a_longer_notice_readability_prefers() -> None:
    """readability scores the six-paragraph data notice above the three-section article;
    the page's description (in other words) is in the article, which the second reading
    finds, so the article is what the reader gets."""
    article = extract(page("en-article-beside-long-notice"), FERRY_URL)
    assert FERRY_LEAD in article.text
    assert "register their interest by the end of December" in article.text
    assert NOTICE not in article.text


def test_without_the_second_reading_the_notice_would_be_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fixture really is a trap for readability alone (so the test above can fail)."""
    monkeypatch.setattr(extraction, "_second_opinion", lambda *args, **kwargs: None)
    article = extract(page("en-article-beside-long-notice"), FERRY_URL)
    assert NOTICE in article.text
    assert FERRY_LEAD not in article.text


STANDFIRST = (
    "Two night bus routes cut in 2023 will run again from March, linking the river towns "
    "to the station until two in the morning."
)


def test_the_standfirst_above_the_body_opens_the_article() -> None:
    """The lead paragraph printed between the headline and the article's column (it repeats
    the description) is part of what the reader reads, once, before the first paragraph."""
    article = extract(page("en-standfirst-above-body"), "https://estuary-courier.example/n/buses")
    assert article.text.startswith(STANDFIRST)
    assert article.text.count("linking the river towns") == 1
    assert "The county transport office said" in article.text
    assert "By Ines Carvalho" not in article.text  # the byline next to it is not the standfirst


def test_a_description_seen_only_in_a_list_of_links_is_no_standfirst() -> None:
    """The same words as a teaser of this article in a "Top stories" list are not a lead."""
    article = extract(
        page("en-description-only-in-a-teaser"),
        "https://estuary-courier.example/news/library-sundays",
    )
    assert article.text.startswith("From the first Sunday in April")
    assert "petition signed by nine hundred readers" not in article.text


def test_a_standfirst_the_body_already_holds_is_not_repeated() -> None:
    body = "".join(
        f"<p>{text} The ferry will keep its summer fares until the end of the month.</p>"
        for text in (STANDFIRST, "Second paragraph with more words.", "Third paragraph.")
    )
    html = (
        f'<html><head><meta name="description" content="{STANDFIRST}"></head>'
        f'<body><h1>Buses</h1><div class="story-text">{body}</div></body></html>'
    )
    article = extract(html, "https://estuary-courier.example/n/buses-2")
    assert article.text.count("linking the river towns") == 1


def test_a_list_of_short_unlinked_items_in_the_article_is_kept() -> None:
    """An ingredients or tools list: items of a few words, no links; part of the text."""
    steps = "".join(
        f"<p>Step {n}: mix the dry things first, then add the wet ones slowly, stirring "
        "all the time so that the batter stays smooth and free of lumps.</p>"
        for n in range(1, 5)
    )
    html = (
        "<html><head><title>Harbour buns</title></head><body><article><h1>Harbour buns</h1>"
        "<p>These buns are sold at the ferry kiosk every Saturday; this is the kiosk's own "
        "recipe, written down by the baker for the parish newsletter.</p>"
        "<h2>You will need</h2><ul><li>Salt</li><li>Oil</li><li>Eggs</li>"
        f"<li>Flour</li><li>Milk</li></ul>{steps}</article>"
        '<div class="links"><ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li>'
        "</ul></div></body></html>"
    )
    article = extract(html, "https://estuary-courier.example/food/harbour-buns")
    assert "Eggs" in article.text.split()
    assert "Flour" in article.text.split()
    assert "News" not in article.text.split()
