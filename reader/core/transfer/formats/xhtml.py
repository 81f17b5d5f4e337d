"""Sanitised article HTML -> strict XHTML that e-book readers and ``epubcheck`` accept.

The sanitiser's output is safe but not always *valid*: pages put a ``<div>`` in a
``<p>``, an ``<li>`` outside any list, text straight inside a ``<table>``, a
``<figcaption>`` in the middle of a figure. A browser forgives all of that; EPUB
content documents must follow the HTML content models, and readers that parse
XML refuse a chapter that does not. :func:`to_xhtml` repairs the tree the way a
browser would render it (a block inside phrasing content becomes a ``<span>``,
stray list items get a list, table cells get a row...), keeps only attributes
with valid values, points pictures at their files in the book (pictures not in
the library are dropped: a book must not load anything from the network) and
serialises as XML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import quote, urlsplit

import lxml.html
from lxml import etree

PHRASING = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr", "ruby", "rt", "rp",
})  # fmt: skip
# <time> becomes <span>: without a datetime attribute its text must itself be a valid date.
#: Elements whose content must be phrasing only.
PHRASING_ONLY = frozenset(
    {*PHRASING, "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "summary", "dt", "caption"}
) - {"ruby"}
KNOWN = frozenset({
    *(PHRASING - {"time"}),
    "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
SECTIONS = frozenset({"thead", "tbody", "tfoot"})

_LANG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")
_INT = re.compile(r"^\d{1,6}$")
_ATTRS: Mapping[str, Callable[[str, str], bool]] = {
    "lang": lambda tag, v: bool(_LANG.match(v)),
    "dir": lambda tag, v: v in ("ltr", "rtl", "auto"),
    "title": lambda tag, v: True,
    "alt": lambda tag, v: tag == "img",
    "src": lambda tag, v: tag == "img",
    "href": lambda tag, v: tag == "a",
    "width": lambda tag, v: tag == "img" and bool(_INT.match(v)),
    "height": lambda tag, v: tag == "img" and bool(_INT.match(v)),
    "start": lambda tag, v: tag == "ol" and bool(re.match(r"^-?\d{1,6}$", v)),
    "reversed": lambda tag, v: tag == "ol",
    "type": lambda tag, v: tag == "ol" and v in ("1", "a", "A", "i", "I"),
    "colspan": lambda tag, v: tag in ("td", "th") and bool(_INT.match(v)) and int(v) > 0,
    "rowspan": lambda tag, v: tag in ("td", "th") and bool(_INT.match(v)),
    "scope": lambda tag, v: tag == "th" and v in ("row", "col", "rowgroup", "colgroup"),
}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def xml_text(text: str) -> str:
    """``text`` without the control characters XML 1.0 forbids (a reader refuses the file)."""
    return _XML_BAD.sub("", text)


def safe_href(url: str) -> str | None:
    """An http(s) address percent-encoded the way XML and EPUB checkers accept, or None.

    A ``%`` that does not start an escape (``100%-diskon``, ``%zz``) is encoded itself.
    """
    url = xml_text(url.strip())
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(_STRAY_PERCENT.sub("%25", url), safe=":/?#[]@!$&'()*+,;=%~-._")


def _never(tag: str, value: str) -> bool:
    return False


def _rename(element: etree._Element, tag: str) -> None:
    """Give ``element`` the name ``tag`` and keep only attributes valid on it."""
    element.tag = tag
    for name in list(element.attrib):
        check = _ATTRS.get(str(name), _never)
        if not check(tag, str(element.get(name, ""))):
            del element.attrib[name]


def _wrap(element: etree._Element, tag: str) -> etree._Element:
    """Put ``element`` (and its tail text) inside a new ``tag`` element in its place."""
    parent = element.getparent()
    assert parent is not None
    wrapper = etree.Element(tag)
    parent.replace(element, wrapper)
    wrapper.tail, element.tail = element.tail, None
    wrapper.append(element)
    return wrapper


def _wrap_text(parent: etree._Element, tag: str) -> None:
    """Move loose text directly inside ``parent`` (a list, a table part) into ``tag``s."""
    if parent.text and parent.text.strip():
        holder = etree.Element(tag)
        holder.text, parent.text = parent.text, None
        parent.insert(0, holder)
    for child in list(parent):
        if child.tail and child.tail.strip():
            holder = etree.Element(tag)
            holder.text, child.tail = child.tail, None
            child.addnext(holder)
        else:
            child.tail = None if child.tail is not None and not child.tail.strip() else child.tail


class _Fixer:
    def __init__(self, pictures: Mapping[str, str]) -> None:
        self.pictures = pictures

    def fix(self, element: etree._Element, *, phrasing: bool, in_link: bool) -> None:
        for child in list(element):
            if not isinstance(child.tag, str):  # comments, processing instructions
                self._drop(child)
                continue
            tag = child.tag.lower()
            if tag not in KNOWN:
                tag = "span" if phrasing else "div"
            if tag == "img":
                if not self._picture(child):
                    continue
            elif tag == "hr" and phrasing:
                self._drop(child)
                continue
            elif (
                (tag == "a" and in_link)
                or (phrasing and tag not in PHRASING)
                or (tag in ("rt", "rp") and element.tag != "ruby")
            ):
                tag = "span"
            _rename(child, tag)
            if tag == "a" and child.get("href") is not None:
                href = safe_href(child.get("href", ""))
                if href is None:
                    del child.attrib["href"]
                else:
                    child.set("href", href)
            self.fix(
                child, phrasing=phrasing or tag in PHRASING_ONLY, in_link=in_link or tag == "a"
            )
        self._content_model(element)

    def _drop(self, child: etree._Element) -> None:
        parent = child.getparent()
        if parent is None:
            return
        if child.tail:
            previous = child.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + child.tail
            else:
                parent.text = (parent.text or "") + child.tail
        parent.remove(child)

    def _picture(self, img: etree._Element) -> bool:
        local = self.pictures.get(img.get("src", ""))
        if local is None:
            self._drop(img)
            return False
        alt = img.get("alt", "")
        _rename(img, "img")
        img.set("src", local)
        img.set("alt", alt)
        return True

    def _content_model(self, element: etree._Element) -> None:
        tag = element.tag
        if tag in ("ul", "ol"):
            _wrap_text(element, "li")
            for child in list(element):
                if child.tag != "li":
                    _wrap(child, "li")
        elif tag == "dl":
            _wrap_text(element, "dd")
            for child in list(element):
                if child.tag not in ("dt", "dd"):
                    _wrap(child, "dd")
        elif tag == "table":
            self._table(element)
        elif tag in SECTIONS:
            _wrap_text(element, "tr")
            for child in list(element):
                if child.tag != "tr":
                    _wrap(child, "tr")
            for row in element:
                self._row(row)
        elif tag == "figure":
            captions = [c for c in element if c.tag == "figcaption"]
            for extra in captions[1:]:
                _rename(extra, "div")
            if captions and element.index(captions[0]) not in (0, len(element) - 1):
                element.append(captions[0])  # moves it to the end, with its tail left in place
        elif tag == "details":
            summaries = [c for c in element if c.tag == "summary"]
            for extra in summaries[1:]:
                _rename(extra, "p")
            if summaries and element.index(summaries[0]) != 0:
                element.insert(0, summaries[0])
        for child in element:
            if (
                (child.tag == "li" and tag not in ("ul", "ol"))
                or (child.tag in ("dt", "dd") and tag != "dl")
                or (
                    child.tag in ("tr", "td", "th", *SECTIONS)
                    and tag
                    not in (
                        "table",
                        *SECTIONS,
                        "tr",
                    )
                )
                or (child.tag == "figcaption" and tag != "figure")
            ):
                _rename(child, "div")
            elif (child.tag == "summary" and tag != "details") or (
                child.tag == "caption" and tag != "table"
            ):
                _rename(child, "p")

    def _table(self, table: etree._Element) -> None:
        for child in list(table):
            if child.tag in ("td", "th"):
                _wrap(child, "tr")
        _wrap_text(table, "tr")
        caption_seen = False
        for child in list(table):
            if child.tag == "caption":
                if caption_seen:
                    _rename(child, "tr")
                    child.text = None
                else:
                    table.insert(0, child)
                    caption_seen = True
            elif child.tag not in ("tr", *SECTIONS):
                _wrap(_wrap(child, "td"), "tr")
        for child in table:
            if child.tag == "tr":
                self._row(child)
        # HTML puts rows in a <tbody> anyway; tbody/tr mixed at one level is not allowed.
        rows = [c for c in table if c.tag == "tr"]
        if rows and any(c.tag in SECTIONS for c in table):
            body = etree.SubElement(table, "tbody")
            for row in rows:
                body.append(row)
        head = [c for c in table if c.tag == "thead"]
        foot = [c for c in table if c.tag == "tfoot"]
        for part in head[:1]:
            table.insert(1 if caption_seen else 0, part)
        for part in foot[:1]:
            table.append(part)
        for extra in head[1:] + foot[1:]:
            extra.tag = "tbody"
        if len(table) == (1 if caption_seen else 0):
            self._drop(table)  # a table with no rows is not allowed; its text was loose

    def _row(self, row: etree._Element) -> None:
        _wrap_text(row, "td")
        for child in list(row):
            if child.tag not in ("td", "th"):
                _wrap(child, "td")


def to_xhtml(html: str, pictures: Mapping[str, str]) -> str:
    """Valid XHTML body content for ``html``; ``pictures`` maps image URLs to book paths."""
    html = _XML_BAD.sub("", html)
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    _Fixer(pictures).fix(root, phrasing=False, in_link=False)
    parts = [_escape(root.text or "")] if root.text and root.text.strip() else []
    if parts:
        parts = [f"<p>{parts[0]}</p>"]
    for child in root:
        tail = child.tail
        child.tail = None
        parts.append(etree.tostring(child, encoding="unicode", method="xml"))
        if tail and tail.strip():
            parts.append(f"<p>{_escape(tail)}</p>")
    return "\n".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
