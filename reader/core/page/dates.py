"""The publication date printed on the page, read when no machine-readable date exists.

Most pages say when they were published in JSON-LD or ``<meta>``; many older
templates (Kompas, Republika, Detik, Okezone...) only print it under the
headline: "Selasa, 23 Februari 2016 | 14:20 WIB". This module finds that line
next to the headline and reads it in the page's language.

Month names come from dateparser's CLDR-derived locale data and time-zone
abbreviations (WIB, WITA, WIT, CET...) from its zone table, so every language
dateparser knows is covered without tables of our own. dateparser is imported
only when a page needs this (about 0.2 s once per process), and only the page's
own language's names are loaded (a millisecond) unless they do not read a word:
the names of every language cost another 0.3-0.5 s on the first page. Its own
parser is not used on page text: it refuses anything around the date ("pada",
"| 14:20", "Jum'at,"), so the date is cut out here and only assembled by us.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from reader.core.page.pagetext import PageText

log = logging.getLogger(__name__)

#: Text read after the end of the headline, and before its start (characters).
AFTER_HEADLINE = 600
BEFORE_HEADLINE = 300
#: Dates kept from below the headline (and as many from above) for structured data to pick.
PRINTED_DATES = 3
#: A text node longer than this is prose: the dates in it are events, not the article's.
PROSE_CHARS = 120
_MONTH_KEYS = (
    *("january", "february", "march", "april", "may", "june", "july"),
    *("august", "september", "october", "november", "december"),
)
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}")
_SPACE_RE = re.compile(r"\s+")
_PATH_SEPARATORS_RE = re.compile(r"[/_,;=&?]+")


@dataclass(frozen=True, slots=True)
class PrintedDate:
    day: date
    time: tuple[int, int, int] | None
    offset: timedelta | None
    #: where the date (with its time) starts and ends in the text it was found in
    at: int = 0
    end: int = 0
    #: the other reading of an ambiguous numeric date ("11/01/2021": 11 January or
    #: 1 November), for the page's structured data to settle
    other_day: date | None = None

    def iso(self) -> str:
        if self.time is None:
            return self.day.isoformat()
        moment = datetime(self.day.year, self.day.month, self.day.day, *self.time)
        if self.offset is not None:
            moment = moment.replace(tzinfo=timezone(self.offset))
        return moment.isoformat()


# ---------------------------------------------------------------------------- language data


def _locales(language: str = "") -> list[Any]:
    """dateparser's locales of ``language`` ("id": id and its regional variants), or
    all of them when ``language`` is empty. One language's data costs about a
    millisecond; all of them (some 200 modules) 0.3-0.5 s, paid once per process,
    and only when a page's own language does not read a word."""
    from dateparser.languages.loader import default_loader  # noqa: PLC0415 (0.2 s: when used)

    if not language:
        return list(default_loader.get_locales())
    try:
        return list(default_loader.get_locales(languages=[language]))
    except ValueError:  # a language dateparser does not know
        return []


def _month_names(locales: list[Any]) -> dict[str, set[int]]:
    """Month names and abbreviations (case-folded, without a final dot) → the months
    they name. One- and two-letter abbreviations ("Ag", "tu") are left out: they are
    ordinary words in too many languages."""
    names: dict[str, set[int]] = {}
    for locale in locales:
        for number, key in enumerate(_MONTH_KEYS, 1):
            for word in locale.info.get(key, []):
                name = str(word).casefold().rstrip(".")
                if len(name) >= 3 and _WORD_RE.fullmatch(name):
                    names.setdefault(name, set()).add(number)
    return names


@lru_cache(maxsize=32)
def _own_months(language: str) -> dict[str, int]:
    """The month names of one language → their number (the first month a name
    has in that language's locales)."""
    own: dict[str, int] = {}
    for locale in _locales(language) if language else []:
        for name, numbers in _month_names([locale]).items():
            own.setdefault(name, min(numbers))
    return own


@lru_cache(maxsize=1)
def _common_months() -> dict[str, int]:
    """Names meaning one month in every language that has them → its number."""
    return {
        name: next(iter(numbers))
        for name, numbers in _month_names(_locales()).items()
        if len(numbers) == 1
    }


@lru_cache(maxsize=32)
def _weekdays(language: str = "") -> frozenset[str]:
    """Names of the days of the week (and abbreviations), case-folded: in
    ``language``, or in every language when it is empty."""
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return frozenset(
        str(word).casefold().rstrip(".")
        for locale in _locales(language)
        for key in days
        for word in locale.info.get(key, [])
        if len(str(word)) >= 2
    )


def is_weekday(word: str, language: str = "") -> bool:
    """``word`` is a day of the week (or its abbreviation): in the page's ``language``
    first, else in any language."""
    name = word.casefold().rstrip(".")
    primary = _language_tag(language).split("-")[0]
    return (bool(primary) and name in _weekdays(primary)) or name in _weekdays()


def _month_number(word: str, language: str) -> int | None:
    """The month ``word`` names: in the page's language first, else in any language
    where it means only one month (those tables are loaded only then)."""
    name = word.casefold().rstrip(".")
    own = _own_months(language)
    if name in own:
        return own[name]
    return _common_months().get(name)


_WORD_RE = re.compile(r"[^\W\d_]+")
_MONTH_WORD = r"(?P<{g}>[^\W\d_]{{3,}})\.?"
_DAY = r"(?P<{g}>[0-3]?\d)"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_WORDED_RE = re.compile(
    rf"(?<![\w.]){_DAY.format(g='d1')}(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+)?"
    rf"{_MONTH_WORD.format(g='m1')},?\s*(?:de\s+|del\s+)?{_YEAR.format(g='y1')}(?!\d)"
    rf"|(?<!\w){_MONTH_WORD.format(g='m2')}\s+{_DAY.format(g='d2')}(?:st|nd|rd|th)?,?\s+"
    rf"{_YEAR.format(g='y2')}(?!\d)"
)
_NUMERIC_RE = re.compile(
    r"(?<![\d./-])(?:"
    r"(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?![\d/]|\.\d)"
    r"|(?P<cy>(?:19|20)\d\d)\s*年\s*(?P<cm>[01]?\d)\s*月\s*(?P<cd>[0-3]?\d)\s*日"
    r"|(?P<ky>(?:19|20)\d\d)\.\s(?P<km>[01]?\d)\.\s(?P<kd>[0-3]?\d)\.?"
    r"|(?P<sd>[0-3]?\d)\.\s(?P<sm>[01]?\d)\.\s(?P<sy>(?:19|20)\d\d)(?!\d)"
    r"|(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/]|\.\d)"
    r")"
)
_TIME_RE = re.compile(
    r"\s*(?:[,|/@·•\-–—]\s*)?(?:(?:um|at|pukul|pkl\.?|à|a\s+las|às|alle|kl\.?|o)\s+)?"
    r"(?P<h>[0-2]?\d)[:.h](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)"
    r"\s*(?P<ampm>(?i:[ap]\.?\s?m\.?)(?!\w))?\s*(?P<uhr>Uhr\b|h\b)?\s*"
    r"(?:\(?(?P<zone>[A-Za-z]{1,5})"
    r"(?:\s?(?P<zsign>[+-])\s?(?P<zoh>\d{1,2})(?::?(?P<zom>\d\d))?)?\)?(?!\w)"
    r"|(?P<sign>[+-])(?P<oh>\d\d):?(?P<om>\d\d)(?!\d))?"
)


@lru_cache(maxsize=1)
def _zones() -> dict[str, timedelta]:
    """Time-zone abbreviations (upper case) → UTC offset, from dateparser's table."""
    from dateparser.timezones import timezone_info_list  # noqa: PLC0415 (see above)

    offsets: dict[str, timedelta] = {}
    for group in timezone_info_list:
        for name, seconds in group["timezones"]:
            offsets.setdefault(name.upper(), timedelta(seconds=seconds))
    return offsets


def _month_first(language: str) -> bool:
    """Numeric dates put the month first in ``language`` (dateparser is loaded only
    for a date that could be read both ways)."""
    return bool(language) and _date_order(language) == "MDY"


@lru_cache(maxsize=64)
def _date_order(language: str) -> str:
    """ "DMY" or "MDY" for numeric dates like 02/10/2020: the locale's order
    ("en" and "en-US" are MDY, "en-GB", "de", "id" DMY), DMY when unknown."""
    from dateparser.languages.loader import default_loader  # noqa: PLC0415 (0.2 s: when used)

    for code in (language, language.split("-", maxsplit=1)[0]):
        try:
            order = str(default_loader.get_locale(code).info.get("date_order", "DMY"))
        except (KeyError, ValueError):
            continue
        return "MDY" if order.startswith("M") else "DMY"
    return "DMY"


# ---------------------------------------------------------------------------- parsing


def _valid_day(year: int, month: int, day: int, today: date) -> date | None:
    if year < 100:
        year += 2000
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found.year < 1990 or found > today + timedelta(days=2):
        return None
    return found


_Clock = tuple[int, int, int]


def _time_after(text: str, start: int) -> tuple[_Clock | None, timedelta | None, int]:
    """(hour, minute, second), the offset the zone names, and where they end."""
    match = _TIME_RE.match(text, start)
    if match is None:
        return None, None, start
    hour, minute = int(match["h"]), int(match["mi"])
    ampm = (match["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None, None, start
    offset: timedelta | None = None
    end = max(match.end("mi"), match.end("s"), match.end("ampm"), match.end("uhr"))
    zone = (match["zone"] or "").upper()
    if zone in ("GMT", "UTC", "UT") and match["zsign"]:
        offset, end = _offset(match["zsign"], match["zoh"], match["zom"]), match.end()
    elif zone and (named := _zones().get(zone)) is not None:
        offset, end = named, match.end()
    elif match["sign"]:
        offset, end = _offset(match["sign"], match["oh"], match["om"]), match.end("om")
    return (hour, minute, int(match["s"] or 0)), offset, end


def _offset(sign: str, hours: str, minutes: str | None) -> timedelta | None:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14):
        return None
    return -delta if sign == "-" else delta


def find_dates(text: str, language: str = "", today: date | None = None) -> Iterator[PrintedDate]:
    """Every date written out in ``text`` (with its time and zone when they follow it);
    ``language`` is a BCP 47 tag ("id", "en-GB") or empty."""
    today = today or datetime.now(UTC).date()
    language = _language_tag(language)
    primary = language.split("-")[0]
    hits: list[tuple[int, int, date, date | None]] = []
    for match in _WORDED_RE.finditer(text):
        month = _month_number(match["m1"] or match["m2"], primary)
        if month is None:
            continue
        year, day_number = int(match["y1"] or match["y2"]), int(match["d1"] or match["d2"])
        if day := _valid_day(year, month, day_number, today):
            hits.append((match.start(), match.end(), day, None))
    for match in _NUMERIC_RE.finditer(text):
        other: date | None = None
        if match["iy"]:
            day = _valid_day(int(match["iy"]), int(match["im"]), int(match["id"]), today)
        elif match["cy"]:
            day = _valid_day(int(match["cy"]), int(match["cm"]), int(match["cd"]), today)
        elif match["ky"]:
            day = _valid_day(int(match["ky"]), int(match["km"]), int(match["kd"]), today)
        elif match["sy"]:  # "4. 2. 2022": day first, wherever it is written so
            day = _valid_day(int(match["sy"]), int(match["sm"]), int(match["sd"]), today)
        else:
            a, b = int(match["a"]), int(match["b"])
            month_first = b > 12 or (a <= 12 and _month_first(language))
            d, m = (b, a) if month_first else (a, b)
            day = _valid_day(int(match["y"]), m, d, today)
            if a != b and a <= 12 and b <= 12:
                other = _valid_day(int(match["y"]), d, m, today)
        if day:
            hits.append((match.start(), match.end(), day, other))
    hits.sort()
    end = -1
    for start, stop, day, other in hits:
        if start < end:
            continue  # "17/6/2015" inside "Rabu, 17 Juni 2015 (17/6/2015)" is one date
        end = stop
        clock, offset, until = _time_after(text, stop)
        yield PrintedDate(day, clock, offset, start, until, other)


# ---------------------------------------------------------------------------- the page


#: Old ISO 639 codes some pages still declare ("in-ID"), and the codes dateparser uses.
_OLD_LANGUAGE_CODES = {"in": "id", "iw": "he", "ji": "yi"}


def _language_tag(language: str | None) -> str:
    """ "id-ID" → "id-ID", "in" → "id", "EN_gb" → "en-GB"; "" when not a language tag."""
    parts = (language or "").replace("_", "-").split("-")
    primary = parts[0].lower()
    if not _LANGUAGE_RE.fullmatch(primary):
        return ""
    primary = _OLD_LANGUAGE_CODES.get(primary, primary)
    region = parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 else ""
    return f"{primary}-{region}" if region else primary


def _dates_in(chunks: list[str], language: str) -> Iterator[PrintedDate]:
    """Dates in ``chunks`` (text nodes in reading order), skipping those inside prose:
    a date in a long sentence is an event's, not the article's; one that opens the
    paragraph is its dateline ("27.1.2022 - Bei der Erinnerung ...")."""
    text = " ".join(chunks)
    bounds: list[tuple[int, int]] = []
    at = 0
    for chunk in chunks:
        bounds.append((at, at + len(chunk)))
        at += len(chunk) + 1
    for found in find_dates(text, language):
        start, end = next((a, b) for a, b in bounds if a <= found.at < b + 1)
        if end - start <= PROSE_CHARS or found.at == start:
            yield found


def printed_dates(page: PageText, language: str | None = None) -> list[PrintedDate]:
    """The dates printed next to the headline, the likeliest first: those below it
    in reading order, then those above it, nearest first. A page often prints two
    (published and updated), and the first is not always the publication's."""
    if page.headline is None:
        return []
    tag = language or ""
    found = list(_dates_in(page.after_headline(AFTER_HEADLINE), tag))[:PRINTED_DATES]
    for chunk in page.before_headline(BEFORE_HEADLINE):  # nearest first
        found += list(_dates_in([chunk], tag))[: PRINTED_DATES * 2 - len(found)]
    return found


def printed_date(page: PageText, language: str | None = None) -> PrintedDate | None:
    """The likeliest date printed next to the headline (see :func:`printed_dates`)."""
    return next(iter(printed_dates(page, language)), None)


def first_date_shown(page: PageText, language: str | None = None) -> str | None:
    """Last resort: the first date the page shows in a short line after its headline
    (or anywhere, without a headline): a post's date at its foot, a line the window
    around the headline did not reach."""
    tag = language or ""
    start = page.head_end if page.headline is not None else 0
    for found in _dates_in(page.chunks[start:], tag):
        return found.iso()
    return None


def choose_published(
    structured: str | None, printed: Sequence[PrintedDate], address: str = ""
) -> str | None:
    """The publication date from the page's structured data and the dates it prints
    (the likeliest first).

    Structured data picks among the printed dates: the one on its day (the
    published, not the updated date; the reading of "11/01/2021" it confirms).
    When it names none of them the likeliest printed date wins, unless the article's
    ``address`` holds the month structured data names and not the printed one's
    ("/2019/10/": the dates near the headline are other posts').

    When both name the same moment, the printed local time is kept with the offset
    it implies ("2022-05-04T00:25:56+00:00" printed as "3 May 2022 21:25" is
    2022-05-03T21:25:56-03:00): readers see the day the page shows. When they name
    different days the printed one wins: it is what the reader sees on the page, and
    structured data is more often a template's stale or crawl-time value.
    """
    if not printed:
        return structured
    if not structured:
        return printed[0].iso()
    try:
        machine = datetime.fromisoformat(structured)
    except ValueError:
        return printed[0].iso()
    shown = _confirmed(printed, machine, timed=len(structured) > 10)
    months = _months_in_address(address)
    if (machine.year, machine.month) in months and (shown.day.year, shown.day.month) not in months:
        return structured
    if len(structured) > 10 and shown.time is not None:
        local = datetime(shown.day.year, shown.day.month, shown.day.day, *shown.time)
        same = _same_moment(machine, local, shown.offset)
        if same is not None:
            return same
    if shown.day == machine.date():
        richer = shown.time is not None and (
            len(structured) <= 10
            or (
                machine.tzinfo is None
                and shown.offset is not None
                and (machine.hour, machine.minute) == shown.time[:2]
            )
        )
        return shown.iso() if richer else structured
    return shown.iso()


def _confirmed(printed: Sequence[PrintedDate], machine: datetime, *, timed: bool) -> PrintedDate:
    """The printed date that structured data names (its day, or with ``timed`` the
    same moment in another zone), read the way it confirms; else the likeliest."""
    for shown in printed:
        for day in (shown.day, shown.other_day):
            if day is None:
                continue
            read = replace(shown, day=day, other_day=None)
            if day == machine.date():
                return read
            if timed and read.time is not None:
                local = datetime(day.year, day.month, day.day, *read.time)
                if _same_moment(machine, local, read.offset) is not None:
                    return read
    return printed[0]


def _same_moment(machine: datetime, local: datetime, offset: timedelta | None) -> str | None:
    """``local`` (with ``offset`` if known) as ISO 8601 if it is the instant ``machine``
    names (to the minute), with the offset it implies; else None."""
    if machine.tzinfo is None:
        return None
    if offset is not None:
        if abs(local.replace(tzinfo=timezone(offset)) - machine) < timedelta(minutes=1):
            return local.replace(second=machine.second, tzinfo=timezone(offset)).isoformat()
        return None
    utc_wall = machine.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    implied = local.replace(second=0) - utc_wall
    if abs(implied) > timedelta(hours=14) or implied % timedelta(minutes=15):
        return None
    return local.replace(second=machine.second, tzinfo=timezone(implied)).isoformat()


def guessed_date(doc: HtmlElement, url: str) -> str | None:
    """A day from htmldate's search of the address, headers and the page's date
    elements, for pages that neither declare nor print a date by their headline.

    Its "extensive" mode is not used: it hands text to dateparser in all 200 locales,
    which costs seconds on the first page and tens of milliseconds on the next ones.
    A year alone comes back as 1 January: that is no publication date, so it is dropped.
    htmldate works on a copy of the tree and never fetches when given one.
    """
    from htmldate import find_date  # noqa: PLC0415 (40 ms: only pages that need it)

    try:
        found = find_date(doc, url=url or None, original_date=True, extensive_search=False)
    except (ValueError, TypeError, AttributeError, IndexError, OverflowError) as error:
        log.debug("htmldate failed on %s: %s", url, error)
        return None
    if not isinstance(found, str) or found.endswith("-01-01"):
        return None
    return found


_ADDRESS_MONTH_RE = re.compile(r"(?<![\d])((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])(?:[/-]|\d\d(?!\d))")


def _months_in_address(url: str) -> set[tuple[int, int]]:
    """(year, month) pairs an address's path holds: "/2019/10/", "/2019-10-01-", "/20191001"."""
    path = urlsplit(url).path if url else ""
    return {(int(y), int(m)) for y, m in _ADDRESS_MONTH_RE.findall(path)}


def date_in_address(url: str) -> str | None:
    """Last resort: a whole date in the article's address ("/meldungen/29-10-2021"),
    in the forms htmldate's address search does not read."""
    path = urlsplit(url).path if url else ""
    for found in find_dates(_PATH_SEPARATORS_RE.sub(" ", path)):
        return found.day.isoformat()
    return None
