"""The article's headline, without the site's name around it.

Pages name themselves in ``<title>`` and often in ``og:title`` too: "Judul Berita -
Kompas.com", "Site | Title", "Title › Blog name". The headline readers see is the
page's h1; when it shows the same headline as the metadata, its wording (dashes,
quotes, the full text) is the one kept.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from reader.core.page.pagetext import headline_element, norm, same_headline, visible_text

#: Between a headline and the site's name in ``<title>``.
SEPARATORS_RE = re.compile(r"\s+(?:[|·»›~:]{1,2}|[-–—]{1,2}|//)\s+")
#: A trailing part this short (words) is a site or section name, not the headline's end.
MAX_AFFIX_WORDS = 4
_SPACE_RE = re.compile(r"\s+")


def clean_title(text: str | None) -> str:
    """Plain text: entities decoded ("&#8216;" → "‘"), whitespace collapsed."""
    if not text:
        return ""
    return _SPACE_RE.sub(" ", html.unescape(text)).strip()


def alnum_key(text: str) -> str:
    """Letters and digits only, case-folded: "Warta.com" and "WARTA com" compare equal."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _is_site(part: str, sites: Sequence[str], host_label: str) -> bool:
    key = alnum_key(part)
    if not key:
        return True
    for site in sites:
        other = alnum_key(site)
        if len(other) >= 3 and (key == other or (len(key) >= 4 and (key in other or other in key))):
            return True
    label = alnum_key(host_label)
    return len(label) >= 4 and label in key


def strip_site(
    title: str, sites: Sequence[str], host_label: str = "", *, guess: bool = True
) -> str:
    """``title`` without the site's name (and section) before or after it; ``guess``:
    also a short last part when no part names the site (not for the visible h1)."""
    parts = SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return title
    seps = SEPARATORS_RE.findall(title)
    start, end = 0, len(parts)

    def strip_named() -> None:
        nonlocal start, end
        while end - start > 1 and _is_site(parts[end - 1], sites, host_label):
            end -= 1
        while end - start > 1 and _is_site(parts[start], sites, host_label):
            start += 1

    strip_named()
    # "Headline | petri-heil.ch | Dein Schweizer Fischereimagazin": the site's name
    # and its slogan after it
    end = next((i for i in range(start + 1, end) if _is_site(parts[i], sites, host_label)), end)
    if guess and (start, end) == (0, len(parts)):
        # No part names the site: a short last part after a longer headline is one
        # ("... | Bibliothek 2.0 und mehr", "... - EJW"), and may hide one that does.
        tail = parts[-1].split()
        head = " ".join(parts[:-1]).split()
        if len(tail) <= MAX_AFFIX_WORDS and len(head) > len(tail):
            end -= 1
            strip_named()
    kept = parts[start]
    for index in range(start + 1, end):
        kept += seps[index - 1] + parts[index]
    return kept.strip()


def site_without_headline(site: str | None, title: str) -> str | None:
    """A site name that is really the page's ``<title>`` ("Headline :: Okezone News"
    in og:site_name) cut to the part that is not the headline."""
    if not site or not title or norm(title) not in norm(site) or norm(title) == norm(site):
        return site
    rest = [p for p in SEPARATORS_RE.split(site) if norm(p) != norm(title)]
    return " ".join(rest).strip() or site


def choose_title(
    doc: HtmlElement,
    candidates: Sequence[str | None],
    sites: Sequence[str],
    host_label: str = "",
) -> tuple[str, HtmlElement | None]:
    """(The headline, the element showing it). ``candidates`` are the page's titles
    in order of trust (JSON-LD headline, og:title, twitter:title, ``<title>``)."""
    full = [clean_title(c) for c in candidates]
    full = [t for t in full if t]
    titles = [strip_site(t, sites, host_label) for t in full]
    best = titles[0] if titles else ""
    headline = headline_element(doc, best)
    if headline is None:
        # The h1 may be one part of "Headline | Site | Section" that the rules kept too much of.
        pieces = [p.strip() for t in full for p in SEPARATORS_RE.split(t) if len(p.split()) > 1]
        headline = next((h for p in pieces if (h := headline_element(doc, p)) is not None), None)
    if headline is not None:
        shown = strip_site(clean_title(visible_text(headline)), sites, host_label, guess=False)
        parts = [p for t in full for p in SEPARATORS_RE.split(t)]
        kicked = [t for t in titles if _after_a_kicker(shown, t)]
        if kicked:
            return kicked[0], headline
        if shown and (
            not best
            or any(same_headline(shown, t) for t in titles)
            or any(norm(shown) == norm(p) for p in parts)
        ):
            return shown, headline
    return best, headline


def _after_a_kicker(shown: str, title: str) -> bool:
    """The h1 is ``title`` with a few words before it: a kicker or a date in the same
    element ("Open Progress Why collaborative thinking ...", "Jun 17 Das ..."), not
    the headline's own first half ("Nutzerbasierte Abrechnung: Musik-Stars ...",
    "„Abgebrochene Forschung“ – Eine neue Studie ...")."""
    whole, end = norm(shown), norm(title)
    if len(title.split()) < 3 or whole == end or not whole.endswith(end):
        return False
    kicker = shown.split()[: len(shown.split()) - len(title.split())]
    if not 0 < len(kicker) <= MAX_AFFIX_WORDS:
        return False
    last = kicker[-1]
    return not (last in ("-", "–", "—") or (len(last) > 1 and last.endswith(":")))
