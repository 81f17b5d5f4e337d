"""What the article view is given: a header, and a body in the HTML subset Qt renders well."""

from __future__ import annotations

from reader.core.models import Article
from reader.core.page.render import RenderLabels, RenderOptions, reading_minutes, render_article


def article(html: str, **extra: object) -> Article:
    fields: dict[str, object] = {
        "url": "https://nusa.example/berita/1",
        "canonical_url": "https://nusa.example/berita/1",
        "title": "Harga beras turun di pasar induk",
        "html": html,
        "text": "kata " * 450,
        "site_name": "KabarNusa",
        "byline": "Rina Wulandari",
        "published": "2026-03-04T09:30:00+07:00",
    }
    fields.update(extra)
    return Article(**fields)  # type: ignore[arg-type]


def test_header_shows_title_outlet_byline_date_and_reading_time() -> None:
    page = render_article(article("<p>Isi berita.</p>"))
    assert "<h1>Harga beras turun di pasar induk</h1>" in page
    assert "KabarNusa" in page and "By Rina Wulandari" in page
    assert "2026-03-04" in page and "3 min read" in page


def test_labels_and_dates_come_from_the_caller() -> None:
    labels = RenderLabels(minutes=lambda n: f"{n} menit baca", by=lambda s: f"Oleh {s}")
    options = RenderOptions(labels=labels, format_date=lambda iso: "4 Maret 2026")
    page = render_article(article("<p>x</p>"), options)
    assert "3 menit baca" in page and "Oleh Rina Wulandari" in page and "4 Maret 2026" in page


def test_figures_become_an_image_paragraph_and_a_caption() -> None:
    body = (
        "<p>Sebelum.</p><figure><img src='https://nusa.example/a.png' width='100%'>"
        "<figcaption>Pedagang di pasar (NUSA/Andi)</figcaption></figure><p>Sesudah.</p>"
    )
    page = render_article(article(body))
    assert "<figure" not in page and "figcaption" not in page
    assert '<p class="figure"><img src="https://nusa.example/a.png" style="max-width: 100%"' in page
    assert '<p class="caption">Pedagang di pasar (NUSA/Andi)</p>' in page
    assert (
        page.index("Sebelum") < page.index("a.png") < page.index("Pedagang") < page.index("Sesudah")
    )
    assert 'width="100%"' not in page


def test_images_can_be_turned_off_but_captions_stay() -> None:
    body = "<figure><img src='https://nusa.example/a.png'><figcaption>Foto</figcaption></figure>"
    page = render_article(article(body, lead_image="https://nusa.example/lead.png"),
                          RenderOptions(show_images=False))  # fmt: skip
    assert "<img" not in page and "Foto" in page


def test_lead_image_is_added_once() -> None:
    lead = "https://nusa.example/lead.png"
    assert render_article(article("<p>x</p>", lead_image=lead)).count(lead) == 1
    inside = f"<p><img src='{lead}'></p><p>x</p>"
    assert render_article(article(inside, lead_image=lead)).count(lead) == 1


def test_metadata_is_text_not_markup() -> None:
    page = render_article(article("<p>x</p>", title="<script>alert(1)</script>", byline="<b>x</b>"))
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page


def test_a_repeated_title_heading_is_dropped_and_h1_demoted() -> None:
    body = "<h1>Harga beras turun di pasar induk</h1><p>a</p><h1>Subjudul</h1><p>b</p>"
    page = render_article(article(body))
    assert page.count("Harga beras turun di pasar induk") == 1
    assert "<h2>Subjudul</h2>" in page


def test_reading_time() -> None:
    assert reading_minutes("") == 0
    assert reading_minutes("kata " * 10) == 1
    assert reading_minutes("kata " * 1000) == 5


def test_document_images_lists_lead_and_body_pictures_once() -> None:
    from reader.core.page.render import document_images

    body = "<p><img src='https://n.example/a.png'></p><p><img src='https://n.example/b.png'></p>"
    stored = article(body, lead_image="https://n.example/a.png")
    assert document_images(stored) == ["https://n.example/a.png", "https://n.example/b.png"]
