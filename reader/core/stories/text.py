"""An article as weighted terms: what the grouping compares.

Words from the title, the lead and the start of the body, case- and accent-folded, each
hashed to a 32-bit term id (the library keeps statistics per id, not per string). Names
(words written with a capital inside a sentence and never in lower case) and numbers are
marked: they tell two look-alike events apart ("Tara Reid" vs "Lindsay Lohan", 5.6 vs 6.1),
so they weigh more. Any language whose words are separated by spaces works the same way.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.core.models import parse_time

#: How much each part of an article counts: the headline says what the event is.
TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
#: Only the start of the body: who/what/where is said first; the rest drifts.
BODY_CHARS = 1500
#: How far into the text a dateline may start ("May 2, 2013 — ...").
DATELINE_CHARS = 60

_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_SENTENCES = re.compile(r"(?<=[.!?\n])\s+|\n")


@dataclass(frozen=True, slots=True)
class Features:
    """What one article brings: term weights, which terms are names/numbers, its time."""

    terms: dict[int, float]  # term id -> field-weighted count
    names: frozenset[int]  # names and numbers among the terms
    title: frozenset[int]  # the headline's terms
    when: float | None  # Unix seconds: published, else a dateline, else arrival


def fold(word: str) -> str:
    """Lower case without accents: "Kopí" and "kopi" are one term."""
    if word.isascii():
        return word.lower()
    return _fold_other(word)


@functools.lru_cache(maxsize=65536)
def _fold_other(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def term_id(token: str) -> int:
    return zlib.crc32(token.encode("utf-8", "surrogatepass"))


@functools.lru_cache(maxsize=1 << 17)
def _term(raw: str) -> tuple[int, bool] | None:
    """(term id, is a number) of a written word; None for a single letter."""
    word = fold(raw)
    if len(word) < 2 and not word.isdigit():
        return None
    return term_id(word), word[:1].isdigit()


def _first_words(text: str) -> Counter[str]:
    """How often each word starts a sentence (its capital says nothing about a name)."""
    found: Counter[str] = Counter()
    for sentence in _SENTENCES.split(text):
        match = _WORD.search(sentence)
        if match:
            found[match.group(0)] += 1
    return found


def features(
    title: str | None,
    lead: str | None,
    text: str | None,
    published: str | None = None,
    arrived: float | None = None,
) -> Features:
    """The grouping's view of an article (a pure function of what it is given).

    Counted per distinct written form (a Counter, in C), not per word in Python, in the
    order the terms first appear.
    """
    counts: dict[int, float] = {}
    capital: set[int] = set()
    lower: set[int] = set()
    headline: set[int] = set()
    numbers: set[int] = set()
    parts = (
        (title or "", TITLE_WEIGHT, False),
        (lead or "", LEAD_WEIGHT, True),
        ((text or "")[:BODY_CHARS], BODY_WEIGHT, True),
    )
    for part, weight, prose in parts:
        written = Counter(_WORD.findall(part))
        initial = _first_words(part) if prose else None
        for raw, n in written.items():
            known = _term(raw)
            if known is None:
                continue
            term, number = known
            counts[term] = counts.get(term, 0.0) + weight * n
            if number:
                numbers.add(term)
            if initial is None:
                headline.add(term)
            elif raw[:1].islower():  # titles are often Title Case: capitals there say nothing
                lower.add(term)
            elif raw[:1].isupper() and n > initial[raw]:
                capital.add(term)
    when = parse_time(published)
    if when is None:
        when = dateline(title, text)
    if when is None:
        when = arrived
    return Features(
        terms=counts,
        names=frozenset((capital - lower) | numbers),
        title=frozenset(headline),
        when=when,
    )


# -- datelines: the date many pages print above the text when their metadata has none ------

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januari", "february feb februari pebruari", "march mar maret",
        "april apr", "may mei", "june jun juni", "july jul juli",
        "august aug agustus agu agt ags", "september sep sept",
        "october oct oktober okt", "november nov nop", "december dec desember des",
    ),
    start=1,
):  # fmt: skip
    for _name in _names.split():
        _MONTHS[_name] = _number
_M = "|".join(sorted(_MONTHS, key=len, reverse=True))
_Y = r"(?P<y>(?:19|20)\d\d)"
_DATES = (
    re.compile(rf"\b(?P<m>{_M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<m>{_M})\.?,?\s+{_Y}\b", re.I),
    re.compile(rf"\b{_Y}-(?P<n>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b(?P<a>\d{1,2})\s*[/.-]\s*(?P<b>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)?\d\d)\b"),
)


def _date_of(match: re.Match[str]) -> datetime | None:
    g = match.groupdict()
    try:
        year = int(g["y"])
        year = year + 2000 if year < 100 else year
        if g.get("m"):
            month, day = _MONTHS[g["m"].lower()], int(g["d"])
        elif g.get("n"):
            month, day = int(g["n"]), int(g["d"])
        else:  # 05/02/2013: only when the order is unambiguous
            a, b = int(g["a"]), int(g["b"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            elif a == b:
                day = month = a
            else:
                return None
        return datetime(year, month, day, 12, tzinfo=UTC)
    except (ValueError, KeyError):
        return None


def dateline(title: str | None, text: str | None) -> float | None:
    """A date printed at the very start of the text (or as the title), as Unix seconds."""
    for part in (title or "", (text or "")[:DATELINE_CHARS]):
        found: tuple[int, datetime] | None = None
        for pattern in _DATES:
            match = pattern.search(part)
            moment = _date_of(match) if match else None
            if match and moment and (found is None or match.start() < found[0]):
                found = (match.start(), moment)
        if found:
            return found[1].timestamp()
    return None
