"""The extraction metric: 4-token shingles with repeats, scored per page and per corpus.

Written to the letter of ``corpus/dev-extraction/README.md`` ("How to evaluate") so
that numbers here compare with the team's published baselines.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import lxml.html
from lxml import etree

TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4

#: Elements that start a new line when HTML is turned into text.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
DROP_TAGS = frozenset({"script", "style", "head", "noscript", "template"})


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment; block elements and ``<br>`` start new lines."""
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    # Iterative walk: extracted HTML can be deeply nested.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
            continue
        if tag in DROP_TAGS or not isinstance(el.tag, str):
            if el.tail:
                parts.append(el.tail)
            continue
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN_RE.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's score; ``precision`` is None when the output was empty."""

    precision: float | None
    recall: float

    @property
    def empty(self) -> bool:
        return self.precision is None

    @property
    def f1(self) -> float:
        p = self.precision or 0.0
        return 2 * p * self.recall / (p + self.recall) if p + self.recall else 0.0


def score_page(predicted: str, truth: str) -> PageScore:
    pred = shingles(predicted)
    true = shingles(truth)
    n_pred = sum(pred.values())
    n_true = sum(true.values())
    tp = sum((pred & true).values())
    recall = tp / n_true if n_true else 0.0
    if not n_pred:
        return PageScore(None, recall)
    return PageScore(tp / n_pred, recall)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    pages: int
    precision: float
    recall: float
    f1: float
    macro_f1: float
    empty: int
    median_ms: float
    p95_ms: float


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def score_corpus(scores: Iterable[PageScore], times_ms: Iterable[float]) -> CorpusScore:
    page_scores = list(scores)
    times = list(times_ms)
    precisions = [s.precision for s in page_scores if s.precision is not None]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(s.recall for s in page_scores) if page_scores else 0.0
    return CorpusScore(
        pages=len(page_scores),
        precision=p,
        recall=r,
        f1=2 * p * r / (p + r) if p + r else 0.0,
        macro_f1=statistics.fmean(s.f1 for s in page_scores) if page_scores else 0.0,
        empty=sum(s.empty for s in page_scores),
        median_ms=statistics.median(times) if times else 0.0,
        p95_ms=percentile(times, 0.95),
    )
