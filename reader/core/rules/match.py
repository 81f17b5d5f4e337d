"""Does a rule catch an item? Words (any of them, whole words, case and accents folded)
or a regular expression (case-insensitive, run with a time limit).

A pattern the reader writes may be slow on some text ("(a+)+$"); the ``regex``
module stops a search after :data:`PATTERN_SECONDS`, so one rule can never hold up
a refresh. Text beyond :data:`MAX_TEXT` characters is not looked at.
"""

from __future__ import annotations

import logging
import re
import unicodedata

import regex

from reader.core.errors import RuleError
from reader.core.models import Rule

log = logging.getLogger(__name__)

#: A pattern search gives up after this long (and counts as "no match").
PATTERN_SECONDS = 0.05
#: How much of an article's text a rule reads (the lead says what it is about).
MAX_TEXT = 20_000
MAX_PATTERN = 500
_SEPARATORS = re.compile(r"[,;\n]+")


def fold(text: str) -> str:
    """Lower case without accents: "Jokowi" and "jokowí" are one word to a rule."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def terms(text: str) -> list[str]:
    """The words and phrases of a "words" rule, as written (comma, semicolon or line apart)."""
    return [" ".join(t.split()) for t in _SEPARATORS.split(text) if t.strip()]


def check(rule: Rule) -> None:
    """Raise :class:`RuleError` with a sentence the reader understands if ``rule`` cannot work."""
    Matcher(rule)


class Matcher:
    """A compiled rule: :meth:`matches` says whether it catches a title and text."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self._folded = rule.match == "words"
        if rule.match == "words":
            words = terms(rule.text)
            if not words:
                raise RuleError("Write at least one word for the rule to look for.")
            alternatives = sorted(
                (r"\s+".join(regex.escape(w) for w in fold(term).split()) for term in words),
                key=len,
                reverse=True,
            )
            self._pattern = regex.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
        else:
            source = rule.text.strip()
            if not source:
                raise RuleError("Write a pattern for the rule to look for.")
            if len(source) > MAX_PATTERN:
                raise RuleError(f"A pattern can be at most {MAX_PATTERN} characters long.")
            try:
                self._pattern = regex.compile(source, regex.IGNORECASE | regex.V0)
            except regex.error as error:
                raise RuleError(f"The pattern does not work: {error}.") from None

    def matches(self, title: str, text: str = "") -> bool:
        """True if the rule's field (the title, or the title and ``text``) has a match."""
        body = title if self.rule.field == "title" else f"{title}\n{text[:MAX_TEXT]}"
        if self._folded:
            body = fold(body)
        try:
            return self._pattern.search(body, timeout=PATTERN_SECONDS) is not None
        except TimeoutError:
            log.info("rule %s took too long on %r; not applied", self.rule.id, title[:80])
            return False
