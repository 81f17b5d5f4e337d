"""Line-shaped boilerplate inside an extracted body: ad labels, syndication notes,
follow-us prompts, credit lines and desk codes.

Everything is driven by the ``[boilerplate]`` patterns of the rules: a block whose
whole text matches a ``whole`` pattern, or starts with a ``starts`` pattern, goes;
``trailing`` patterns are cut from the end of a block (Detik/CNN desk codes such as
``(mea/mea)``). Datelines ("TRIBUNNEWS.COM - ", "JAKARTA, KOMPAS.com -") are the
start of the lead, not boilerplate, and no pattern touches them.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from reader.core.page.linkfilter import class_words
from reader.core.page.siterules import Boilerplate

#: Blocks tested as a whole.
BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "aside",
    "dd",
    "dt",
    "td",
    "center",
    "header",
    "footer",
    "table",
    "ul",
    "ol",
    "span",
)
#: Inline elements tested when they stand alone on their line.
INLINE_TAGS = ("strong", "b", "em", "i", "small", "span", "font", "a", "u")
#: Emptied elements that are removed afterwards.
CONTAINER_TAGS = frozenset(
    {
        *("p", "div", "span", "li", "ul", "ol", "section", "article", "aside", "blockquote"),
        *("strong", "b", "em", "i", "u", "small", "font", "center", "header", "footer", "h1"),
        *("h2", "h3", "h4", "h5", "h6", "dl", "dd", "dt", "table", "tbody", "thead", "tfoot"),
        *("tr", "td", "th", "figure"),
    }
)
MAX_BLOCK_CHARS = 1200


def _norm(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _alone_on_line(el: HtmlElement) -> bool:
    prev = el.getprevious()
    parent = el.getparent()
    before = (prev.tail if prev is not None else parent.text if parent is not None else "") or ""
    if before.strip() or (prev is not None and prev.tag != "br"):
        return False
    nxt = el.getnext()
    return not _norm(el.tail) and (nxt is None or nxt.tag == "br")


def _has_media(el: HtmlElement) -> bool:
    return el.find(".//img") is not None


#: Class/id words of a picture's credit inside its caption.
CREDIT_WORDS = frozenset({"credit", "credits", "copyright", "owner", "photographer", "fotografer"})


def remove_bare_credits(root: HtmlElement) -> None:
    """A caption that is nothing but the picture's credit ("AKM-GSI") says nothing
    about the picture: it goes. A credit beside a caption's text stays with it."""
    for caption in list(root.iter("figcaption")):
        credits = [
            el for el in caption.iter() if el is not caption and CREDIT_WORDS & class_words(el)
        ]
        if not credits:
            continue
        credited = sum(len(_norm(el.text_content())) for el in credits)
        if credited and credited >= len(_norm(caption.text_content())):
            caption.drop_tree()


def remove_boilerplate(root: HtmlElement, patterns: Boilerplate) -> None:
    """Remove boilerplate blocks and lines from an extracted article in place."""
    remove_bare_credits(root)
    doomed: list[HtmlElement] = []
    for el in root.iter(*BLOCK_TAGS):
        if el is root or len(el) > 8:
            continue
        raw = el.text_content()
        if len(raw) > 3 * MAX_BLOCK_CHARS:
            continue
        text = _norm(raw)
        if not text or len(text) > MAX_BLOCK_CHARS or _has_media(el):
            continue
        if patterns.matches(text):
            doomed.append(el)
    for el in root.iter(*INLINE_TAGS):
        text = _norm(el.text_content())
        if text and len(text) <= MAX_BLOCK_CHARS and _alone_on_line(el) and patterns.matches(text):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for block in list(root.iter("p", "div", "td", "li", "blockquote")):
        if block.getparent() is not None and block.find("br") is not None:
            _remove_lines(block, patterns)
    if patterns.trailing:
        _cut_trailing(root, patterns)
    remove_empty(root)


def _remove_lines(block: HtmlElement, patterns: Boilerplate) -> None:
    """Within a block broken into lines by ``<br>``, remove the boilerplate lines."""
    segments: list[tuple[HtmlElement | None, list[HtmlElement]]] = []
    start: HtmlElement | None = None
    current: list[HtmlElement] = []
    for child in block:
        if child.tag == "br":
            segments.append((start, current))
            start, current = child, []
        else:
            current.append(child)
    segments.append((start, current))
    for opener, children in segments:
        if any(isinstance(c.tag, str) and c.find(".//img") is not None for c in children):
            continue
        lead = (opener.tail if opener is not None else block.text) or ""
        text = _norm(lead + "".join(c.text_content() + (c.tail or "") for c in children))
        if not text or len(text) > MAX_BLOCK_CHARS or not patterns.matches(text):
            continue
        for child in children:
            block.remove(child)
        if opener is not None:
            block.remove(opener)
        else:
            block.text = None


def _cut_trailing(root: HtmlElement, patterns: Boilerplate) -> None:
    for block in root.iter("p", "div", "li"):
        # the last text node of the block
        last_el: HtmlElement | None = None
        attr = "text"
        if len(block):
            last_el, attr = block[-1], "tail"
            if not _norm(last_el.tail):
                inner = last_el
                if inner.tag in INLINE_TAGS and _norm(inner.text_content()) and len(inner) == 0:
                    text = inner.text or ""
                    cut = patterns.cut_trailing(text)
                    if cut != text and not cut.strip():
                        inner.drop_tree()
                continue
        else:
            last_el = block
        value = getattr(last_el, attr) or ""
        cut = patterns.cut_trailing(value)
        if cut != value:
            setattr(last_el, attr, cut)


def remove_empty(root: HtmlElement) -> None:
    """Drop containers left without text or images (bottom-up)."""
    for el in reversed(list(root.iter(*CONTAINER_TAGS))):
        if el is root or el.getparent() is None:
            continue
        if (
            _norm(el.text_content())
            or el.find(".//img") is not None
            or el.find(".//a[@href]") is not None
        ):
            continue
        el.drop_tree()


MIN_REPEAT_CHARS = 100


def remove_repeated_runs(root: HtmlElement) -> None:
    """Drop a second copy of the same passage (a teaser repeated above a paywall, a
    print version beside the screen one): a run of at least two different
    paragraphs of ``MIN_REPEAT_CHARS`` or more that already appeared in that order.
    Identical paragraphs next to each other (a refrain, filler text) are kept."""
    paragraphs = [p for p in root.iter("p") if p.getparent() is not None]
    texts = [_norm(p.text_content()) for p in paragraphs]
    first: dict[tuple[str, str], int] = {}
    doomed: set[int] = set()
    for index in range(len(texts) - 1):
        pair = (texts[index], texts[index + 1])
        if min(len(pair[0]), len(pair[1])) < MIN_REPEAT_CHARS or pair[0] == pair[1]:
            continue
        earlier = first.setdefault(pair, index)
        if earlier + 1 < index:  # a second, separate copy of the pair
            doomed.update((index, index + 1))
    for index in sorted(doomed, reverse=True):
        paragraphs[index].drop_tree()
