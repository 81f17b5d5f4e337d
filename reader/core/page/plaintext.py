"""Plain text of an HTML fragment: paragraphs separated by blank lines.

Used for :attr:`Article.text` (search, word counts, copying as text). A table
row becomes one line with its cells joined by `` | ``. Invisible break hints (soft
hyphens, zero-width spaces, word joiners) are dropped, so that a word a page hyphenates
invisibly is still found by search. The walk is iterative so that deeply nested input
cannot exhaust the Python stack.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

PARAGRAPH_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "caption", "center", "dd", "details"),
        *("div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5"),
        *("h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary"),
        *("table", "ul"),
    }
)
CELL_TAGS = frozenset({"td", "th"})
SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript"})
_BREAK = "\x00"  # paragraph boundary
_CELL = "\x01"  # end of a table cell
_SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0]+")
#: Soft hyphen, zero-width space, word joiner, BOM (not ZWJ/ZWNJ: they shape scripts).
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u2060\ufeff]")
#: ``huge_tree``: libxml2's default parser drops text nested deeper than ~255 levels.
_PARSER = lxml.html.HTMLParser(huge_tree=True)


def html_to_text(html: str) -> str:
    """Visible text with one blank line between paragraphs and ``<br>`` as a line break."""
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div", parser=_PARSER)
    except (etree.ParserError, ValueError):
        return ""
    return element_text(root)


def element_text(root: etree._Element) -> str:
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            if tag in PARAGRAPH_TAGS:
                parts.append(_BREAK)
            elif tag in CELL_TAGS:
                parts.append(_CELL)
            elif tag == "tr":
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
            continue
        if not tag or tag in SKIP_TAGS:
            if el.tail:
                parts.append(el.tail)
            continue
        if tag == "br":
            parts.append("\n")
            if el.tail:
                parts.append(el.tail)
            continue
        if tag in PARAGRAPH_TAGS:
            parts.append(_BREAK)
        elif tag == "tr":
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    paragraphs = []
    for block in _INVISIBLE_RE.sub("", "".join(parts)).split(_BREAK):
        lines = [_line(line) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _line(raw: str) -> str:
    if _CELL not in raw:
        return " ".join(_SPACES_RE.sub(" ", raw).split())
    cells = (" ".join(cell.split()) for cell in raw.split(_CELL))
    return " | ".join(cell for cell in cells if cell)
