"""The page's visible text in reading order, and where its headline is in it.

Publication dates and bylines are printed beside the headline ("Oleh Adrianus
Mandey | Jum'at, 19 Juni 2015 | 13:12 WIB") or in a credit line after the story
("Penulis: ... Editor: ..."), often split over several elements. One walk over
the parsed page gives both readers the text nodes they need, each with the
element that shows it and its distance from the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from reader.core.page.siterules import elements

#: Elements whose text a reader never sees as part of the page.
SKIP_TAGS = frozenset(
    {
        *("script", "style", "noscript", "template", "select", "option", "button", "svg"),
        *("head", "title", "textarea", "iframe", "object"),
    }
)
#: Headings longer than this are not headlines.
MAX_HEADLINE_CHARS = 400
_SPACE_RE = re.compile(r"\s+")
_HEADINGS = etree.XPath("//h1")
_OTHER_HEADINGS = etree.XPath(
    "//h2 | //h3 | //*[@itemprop='headline' or contains(@class,'title')"
    " or contains(@class,'headline')]"
)


_PUNCTUATION = str.maketrans("–—‐‘’“”„«»\u00a0", '---\'\'""""" ')


def norm(text: str) -> str:
    """Whitespace-collapsed, case-folded text with one kind of dash and quote, for
    comparing headings with titles ("Januar – Mai" in the h1, "Januar - Mai" in og:title)."""
    return _SPACE_RE.sub(" ", text.translate(_PUNCTUATION)).strip().casefold()


def same_headline(text: str, title: str) -> bool:
    """``text`` (a heading) shows ``title``: equal, or one holding most of the other."""
    text, title = norm(text), norm(title)
    if not text or not title:
        return False
    if text == title:
        return True
    shorter, longer = sorted((text, title), key=len)
    return len(shorter) >= 12 and shorter in longer and len(shorter) >= 0.6 * len(longer)


def headline_element(doc: HtmlElement, title: str) -> HtmlElement | None:
    """The element showing the headline: an h1 (else another heading, or an element
    marked as a title) whose text is ``title``; else the first h1 of three words or more."""
    fallback: HtmlElement | None = None
    close: HtmlElement | None = None
    wanted = norm(title)
    for xpath in (_HEADINGS, _OTHER_HEADINGS):
        for el in elements(xpath(doc))[:60]:
            text = el.text_content()
            if len(text) > MAX_HEADLINE_CHARS * 2 or not text.strip():
                continue
            if wanted and norm(text) == wanted:
                return el
            if close is None and title and same_headline(text, title):
                close = el
            if fallback is None and el.tag == "h1" and len(text.split()) >= 3:
                fallback = el
        if close is not None:
            return close
    return fallback


@dataclass(slots=True)
class PageText:
    """Visible text nodes in reading order (whitespace collapsed), each with the
    element that contains it, and the range of them inside the headline."""

    chunks: list[str] = field(default_factory=list)
    owners: list[HtmlElement] = field(default_factory=list)
    #: characters of text before each chunk
    offsets: list[int] = field(default_factory=list)
    #: index of each element's first chunk (elements with no text of their own too)
    first: dict[HtmlElement, int] = field(default_factory=dict)
    headline: HtmlElement | None = None
    #: elements whose class or id matched the ``marks`` given to :func:`page_text`,
    #: or marked rel="author" / itemprop="author"
    marked: list[HtmlElement] = field(default_factory=list)
    #: chunks[head_start:head_end] are the headline's own text
    head_start: int = 0
    head_end: int = 0

    def after_headline(self, chars: int) -> list[str]:
        """Chunks after the headline, up to about ``chars`` characters."""
        out: list[str] = []
        total = 0
        for text in self.chunks[self.head_end :]:
            if total > chars:
                break
            out.append(text)
            total += len(text)
        return out

    def before_headline(self, chars: int) -> list[str]:
        """Chunks before the headline, nearest first, up to about ``chars`` characters."""
        out: list[str] = []
        total = 0
        for text in reversed(self.chunks[: self.head_start]):
            if total > chars:
                break
            out.append(text)
            total += len(text)
        return out

    def distance(self, index: int) -> int:
        """Characters between chunk ``index`` and the headline (0 inside it); text
        above the headline counts double: the byline and date are usually below."""
        if not self.chunks or self.headline is None:
            return self.offsets[index] if index < len(self.offsets) else 0
        if index >= self.head_end:
            last = self.head_end - 1
            end = self.offsets[last] + len(self.chunks[last]) if last >= 0 else 0
            return max(0, self.offsets[index] - end)
        if index < self.head_start:
            start = self.offsets[self.head_start] if self.head_start < len(self.offsets) else 0
            return 2 * (start - self.offsets[index])
        return 0


#: A link to a writer's page ("/author/jane-doe/", "/autoren/max", "/penulis/ani").
AUTHOR_PAGE_RE = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|penulis|reporter|journalist|writer)s?/[^/?#]", re.I
)


def visible_text(el: HtmlElement) -> str:
    """The text ``el`` shows (without scripts and styles), whitespace collapsed."""
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
                walker.skip_subtree()
                continue
            parts.append(node.text or "")
        elif node is not el:
            parts.append(node.tail or "")
    return _SPACE_RE.sub(" ", " ".join(parts)).strip()


def page_text(
    doc: HtmlElement, headline: HtmlElement | None, marks: re.Pattern[str] | None = None
) -> PageText:
    """One walk over ``doc``: every visible text node, in reading order, and the
    elements ``marks`` finds in a class or id (bylines: see :mod:`bylines`)."""
    page = PageText(headline=headline)
    total = 0
    walker = etree.iterwalk(doc, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
                walker.skip_subtree()  # its "end" still comes, and reads its tail
                continue
            page.first[el] = len(page.chunks)
            if marks is not None and (
                marks.search(f"{el.get('class', '')} {el.get('id', '')}")
                or el.get("rel") == "author"
                or el.tag == "author"
                or el.get("itemprop") in ("author", "creator")
                or (el.tag == "a" and AUTHOR_PAGE_RE.search(el.get("href") or ""))
            ):
                page.marked.append(el)
            if el is headline:
                page.head_start = len(page.chunks)
            text, owner = el.text, el
        else:
            if el is headline:
                page.head_end = len(page.chunks)
            text, owner = el.tail, el.getparent()
        if not text or owner is None:
            continue
        text = _SPACE_RE.sub(" ", text).strip()
        if text:
            page.chunks.append(text)
            page.owners.append(owner)
            page.offsets.append(total)
            total += len(text) + 1
    if headline is None or headline not in page.first:
        page.headline = None
        page.head_start = page.head_end = 0
    return page
