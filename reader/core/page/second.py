"""A second reading of the cleaned page, by trafilatura, to check readability's choice.

readability-lxml picks the block with the best paragraph score; on some layouts that is
a side box, a comment, a privacy notice, or one section of an article split over sibling
blocks. trafilatura finds the article another way (known body containers, then its own
pruning). Its text is used here only to *locate* its region in our cleaned tree: the body
we show always comes from our tree and our cleaning, so pictures, links and our teaser
and boilerplate rules stay the same whichever reading wins. The choice is made in
:mod:`reader.core.page.extraction` (``_second_opinion``).

trafilatura is imported lazily: it costs ~0.3 s to import, paid on the first page read
in the background, never at start-up.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.page.nodes import norm
from reader.core.page.plaintext import element_text

log = logging.getLogger(__name__)

_WORD_RE = re.compile(r"\w+")
#: Text pieces shorter than this say little about where a text is (labels, dates, names).
MIN_PIECE_CHARS = 25
#: The region is the deepest element holding this share of the matched text.
REGION_SHARE = 0.8
#: A line of at least this many words is prose (not a label, a menu item, a date line).
PROSE_LINE_WORDS = 15


def read_text(doc: HtmlElement, url: str) -> str:
    """trafilatura's text of the page ("" when it finds none or fails)."""
    try:
        import trafilatura  # noqa: PLC0415 - heavy import, paid on first use only
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        return ""
    try:
        # trafilatura works on its own copy of the tree (it prunes as it goes).
        result = trafilatura.bare_extraction(
            doc, url=url, fast=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # a second opinion must never break extraction
        log.debug("trafilatura failed on %s: %s", url, exc)
        return ""
    text = getattr(result, "text", None) if result is not None else None
    return text or ""


def locate(doc: HtmlElement, text: str) -> HtmlElement | None:
    """The deepest element of ``doc`` that holds most of ``text`` (None if little matches).

    Every run of text of our tree (an element's own text and each child's tail) that is
    long enough and occurs in ``text`` counts for its element and all its ancestors.
    """
    wanted = norm(text)
    if len(wanted) < MIN_PIECE_CHARS:
        return None
    held: dict[HtmlElement, int] = {}
    total = 0
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        found = 0
        for piece in (el.text, *(child.tail for child in el)):
            if piece and len(piece) >= MIN_PIECE_CHARS:
                chunk = norm(piece)
                if len(chunk) >= MIN_PIECE_CHARS and chunk in wanted:
                    found += len(chunk)
        if not found:
            continue
        total += found
        node: HtmlElement | None = el
        while node is not None:
            held[node] = held.get(node, 0) + found
            node = node.getparent()
    if total < 0.3 * len(wanted):
        return None
    node = doc
    while True:
        for child in node:
            if held.get(child, 0) >= REGION_SHARE * total:
                node = child
                break
        else:
            return node


@dataclass(frozen=True, slots=True)
class Reading:
    """What a comparison needs of one candidate body: its lines and words."""

    lines: list[str]
    words: int

    @classmethod
    def of(cls, el: HtmlElement | None) -> Reading:
        return cls([], 0) if el is None else cls.of_text(element_text(el))

    @classmethod
    def of_text(cls, text: str) -> Reading:
        lines = [norm(line) for line in text.split("\n")]
        lines = [line for line in lines if line]
        return cls(lines, sum(len(_WORD_RE.findall(line)) for line in lines))

    def joined(self) -> str:
        return " ".join(self.lines)

    def lead_share(self, lead: frozenset[str]) -> float:
        """Share of the page description's words that this text holds."""
        if not lead:
            return 0.0
        words = {w.lower() for w in _WORD_RE.findall(self.joined())}
        return len(lead & words) / len(lead)

    def extra_over(self, other: Reading) -> tuple[int, int]:
        """Words of the lines this text has and ``other`` lacks: (all, in prose lines)."""
        have = other.joined()
        extra = [line for line in self.lines if line not in have]
        counts = [len(_WORD_RE.findall(line)) for line in extra]
        return sum(counts), sum(c for c in counts if c >= PROSE_LINE_WORDS)

    def share_in(self, other: Reading) -> float:
        """Share of this text's words that lie in lines ``other`` also has."""
        if not self.words:
            return 1.0
        have = other.joined()
        inside = sum(len(_WORD_RE.findall(line)) for line in self.lines if line in have)
        return inside / self.words


def prose_words(lines: list[str]) -> int:
    """Words in the lines of prose (lines of :data:`PROSE_LINE_WORDS` words or more)."""
    shortest = 2 * PROSE_LINE_WORDS - 1  # no shorter line holds that many words
    counts = (len(_WORD_RE.findall(line)) for line in lines if len(line) >= shortest)
    return sum(c for c in counts if c >= PROSE_LINE_WORDS)


def page_lines(el: HtmlElement) -> list[str]:
    """The lines of text of ``el`` (as :class:`Reading` splits them, not counted)."""
    return element_text(el).split("\n")


def lead_words(description: str | None) -> frozenset[str]:
    """The description's words, when it is long enough to be a lead (else empty)."""
    words = frozenset(w.lower() for w in _WORD_RE.findall(description or ""))
    return words if len(words) >= 6 else frozenset()
