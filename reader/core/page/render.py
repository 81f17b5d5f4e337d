"""Turn a stored article into the HTML document the article view shows.

Qt's rich-text engine understands a subset of HTML 4 and CSS: ``<figure>`` and
``<figcaption>`` are inline there (an image would sit on the previous line's
baseline), ``width="100%"`` overlaps text, ``srcset`` is ignored and
``max-width`` works only on images. This module rewrites the sanitised article
body into that subset and adds the header (title, outlet, byline, date, reading
time, lead image). It is pure and Qt-free so it can be tested and benchmarked
without a display; the UI supplies translated labels and a date formatter.
"""

from __future__ import annotations

import html as htmllib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import lxml.html
from lxml.html import HtmlElement

from reader.core.models import Article

#: Words per minute for the reading-time estimate (news prose, adult reader).
WORDS_PER_MINUTE = 200
IMAGE_STYLE = "max-width: 100%"


@dataclass(frozen=True, slots=True)
class RenderLabels:
    """Words the rendered page needs, translated by the caller."""

    minutes: Callable[[int], str] = field(default=lambda n: f"{n} min read")
    by: Callable[[str], str] = field(default=lambda name: f"By {name}")
    original: str = "Read the original"
    pages: Callable[[int], str] = field(default=lambda n: f"{n} pages")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    show_images: bool = True
    labels: RenderLabels = RenderLabels()
    #: Formats an ISO 8601 date for the reader's locale; default: the date part.
    format_date: Callable[[str], str] | None = None
    #: A tooltip for the date (e.g. the page's own clock and zone); "" for none.
    date_tip: Callable[[str], str] | None = None
    #: The outlet's name as the lists show it; default: the page's site name.
    outlet: str | None = None
    #: Display sizes (width, height in pixels) of the pictures the caller has.
    #: When given, pictures not in it are left out (nothing to show offline) and
    #: the others get explicit sizes, so the view lays the page out only once.
    image_sizes: Mapping[str, tuple[int, int]] | None = None


def reading_minutes(text: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    words = len(text.split())
    return max(1, math.ceil(words / words_per_minute)) if words else 0


def render_article(article: Article, options: RenderOptions | None = None) -> str:
    """The complete HTML document for ``article`` (whose ``html`` is already sanitised)."""
    opts = options or RenderOptions()
    body = _body_fragment(article, opts)
    parts = ["<html><body>", _header(article, opts)]
    lead = article.lead_image
    if opts.show_images and lead and lead not in article.html and _available(lead, opts):
        parts.append(_image_block(lead, "", opts.image_sizes))
    parts.append(body)
    link = htmllib.escape(article.canonical_url or article.url, quote=True)
    parts.append(
        f'<hr/><p class="meta"><a href="{link}">{htmllib.escape(opts.labels.original)}</a></p>'
    )
    parts.append("</body></html>")
    return "".join(parts)


def document_images(article: Article) -> list[str]:
    """Every picture the rendered page shows (lead image first), without duplicates."""
    found = [article.lead_image or ""]
    if article.images:
        found.extend(article.images)
    elif "<img" in article.html:
        root = lxml.html.fragment_fromstring(article.html, create_parent="div")
        found.extend(img.get("src", "") for img in root.iter("img"))
    return [url for url in dict.fromkeys(found) if url]


def _header(article: Article, opts: RenderOptions) -> str:
    esc = htmllib.escape
    bits: list[str] = []
    outlet = opts.outlet if opts.outlet is not None else article.site_name
    if outlet:
        bits.append(f"<b>{esc(outlet)}</b>")
    if article.byline:
        bits.append(esc(opts.labels.by(article.byline)))
    if article.published:
        formatted = opts.format_date(article.published) if opts.format_date else None
        date = esc(formatted or article.published[:10])
        tip = opts.date_tip(article.published) if opts.date_tip else ""
        bits.append(f'<span title="{esc(tip, quote=True)}">{date}</span>' if tip else date)
    minutes = reading_minutes(article.text)
    if minutes:
        bits.append(esc(opts.labels.minutes(minutes)))
    if article.pages > 1:
        bits.append(esc(opts.labels.pages(article.pages)))
    meta = " &#183; ".join(bits)
    title = esc(article.title or article.canonical_url or article.url)
    return f'<h1>{title}</h1><p class="meta">{meta}</p>'


def _available(src: str, opts: RenderOptions) -> bool:
    return opts.image_sizes is None or src in opts.image_sizes


def _size_attributes(src: str, sizes: Mapping[str, tuple[int, int]] | None) -> str:
    if sizes is None or src not in sizes:
        return f'style="{IMAGE_STYLE}"'
    width, height = sizes[src]
    return f'width="{width}" height="{height}"'


def _image_block(src: str, caption: str, sizes: Mapping[str, tuple[int, int]] | None) -> str:
    source = htmllib.escape(src, quote=True)
    out = f'<p class="figure"><img src="{source}" {_size_attributes(src, sizes)}/></p>'
    if caption:
        out += f'<p class="caption">{htmllib.escape(caption)}</p>'
    return out


def _body_fragment(article: Article, opts: RenderOptions) -> str:
    if not article.html.strip():
        return "".join(f"<p>{htmllib.escape(p)}</p>" for p in article.text.split("\n\n") if p)
    root = lxml.html.fragment_fromstring(article.html, create_parent="div")
    _drop_repeated_title(root, article.title)
    for figure in list(root.iter("figure")):
        _flatten_figure(figure, opts)
    for img in list(root.iter("img")):
        _fit_image(img, opts)
    for heading in root.iter("h1"):
        heading.tag = "h2"  # the page title is the only h1
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in _children(root))


def _children(root: HtmlElement) -> list[HtmlElement]:
    # Text directly inside the wrapper becomes its own paragraph.
    items: list[HtmlElement] = []
    if root.text and root.text.strip():
        lead = lxml.html.Element("p")
        lead.text = root.text
        items.append(lead)
    items.extend(root)
    return items


def _drop_repeated_title(root: HtmlElement, title: str) -> None:
    """The header shows the title; a first heading that repeats it goes."""
    for element in root.iter("h1", "h2"):
        if element.text_content().strip() == title.strip():
            element.drop_tree()
        break


def _flatten_figure(figure: HtmlElement, opts: RenderOptions) -> None:
    """``<figure><img><figcaption>`` → image paragraph + caption paragraph."""
    caption_el = next(iter(figure.iter("figcaption")), None)
    caption = " ".join(caption_el.text_content().split()) if caption_el is not None else ""
    images = [img.get("src", "") for img in figure.iter("img") if img.get("src")]
    replacement = ""
    if opts.show_images:
        replacement = "".join(
            _image_block(src, "", opts.image_sizes) for src in images if _available(src, opts)
        )
    if caption:
        replacement += f'<p class="caption">{htmllib.escape(caption)}</p>'
    fragments = lxml.html.fragments_fromstring(replacement) if replacement else []
    new = [element for element in fragments if isinstance(element, HtmlElement)]
    parent = figure.getparent()
    if parent is None:
        return
    index = parent.index(figure)
    tail = figure.tail
    parent.remove(figure)
    for offset, element in enumerate(new):
        parent.insert(index + offset, element)
    if tail and tail.strip():
        _append_text(parent, index + len(new) - 1, tail)


def _append_text(parent: HtmlElement, index: int, text: str) -> None:
    if index >= 0:
        previous = parent[index]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _fit_image(img: HtmlElement, opts: RenderOptions) -> None:
    parent = img.getparent()
    src = img.get("src", "")
    if not opts.show_images or not _available(src, opts):
        if parent is not None:
            img.drop_tree()
        return
    for attribute in ("width", "height", "srcset", "sizes", "loading", "style"):
        img.attrib.pop(attribute, None)
    if opts.image_sizes is not None and src in opts.image_sizes:
        width, height = opts.image_sizes[src]
        img.set("width", str(width))
        img.set("height", str(height))
    else:
        img.set("style", IMAGE_STYLE)
    # A bare image between blocks gets its own paragraph, so it does not ride
    # on the previous line's baseline.
    if parent is not None and parent.tag not in {"p", "a", "td", "th", "li"}:
        wrapper = lxml.html.Element("p")
        wrapper.set("class", "figure")
        parent.replace(img, wrapper)
        wrapper.append(img)
        wrapper.tail, img.tail = img.tail, None
