"""Site knowledge as data: loads ``resources/rules/sites.toml`` plus the user's own file.

Nothing about particular sites lives in code. The bundled file holds phrases
(teaser labels, related-block headings, site-wide list headings in many
languages), boilerplate patterns, generic cleaning selectors, a table of known
outlets, and per-site entries (show-all URL, body/teaser/related/remove
selectors). A user's ``site-rules.toml`` has the same layout and is merged in
front of the bundled rules. A broken user entry is skipped and reported in
:attr:`SiteRules.problems`; it never breaks extraction.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector, SelectorError
from lxml.html import HtmlElement

from reader.core.resources import read_text
from reader.core.urls import domain_matches, host_of, is_http_url, set_query

#: How far from the end of a block trailing patterns (desk codes) are looked for.
TRAILING_WINDOW = 80
#: Separators allowed after a teaser label ("Baca juga:", "Read more »").
LABEL_TAIL = r"\s*(?:[:：\-–—»>|!➤›→►▶]+\s*)?"
#: Bullets before a label or a link, and separators between a label's links.
BULLET_CLASS = r"[\s•·●▪■►▶→»›➤*\-–—|,;/]"


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Compiled boilerplate patterns (see ``[boilerplate]`` in sites.toml)."""

    whole: tuple[re.Pattern[str], ...] = ()
    starts: tuple[re.Pattern[str], ...] = ()
    #: compiled as ``\s*(?:pattern)\s*$``: cut from the end of a block's text
    trailing: tuple[re.Pattern[str], ...] = ()
    #: ``whole`` and ``starts`` as one alternation each (one regex call, not dozens)
    _whole: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _starts: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_whole", _combined(self.whole))
        object.__setattr__(self, "_starts", _combined(self.starts))

    def matches(self, text: str) -> bool:
        whole, starts = self._whole, self._starts
        return bool(
            (whole is not None and whole.fullmatch(text))
            or (starts is not None and starts.match(text))
        )

    def cut_trailing(self, text: str) -> str:
        """``text`` without a trailing pattern at its end (only the last characters are
        searched, so long or whitespace-heavy text cannot make the regex slow)."""
        for pattern in self.trailing:
            stripped = text.rstrip()
            start = max(0, len(stripped) - TRAILING_WINDOW)
            match = pattern.search(stripped, start)
            if match:
                text = stripped[: match.start()]
        return text

    def __add__(self, other: Boilerplate) -> Boilerplate:
        return Boilerplate(
            self.whole + other.whole, self.starts + other.starts, self.trailing + other.trailing
        )


def _combined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One alternation for a group of patterns."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SiteRule:
    """What is known about one site (or the merge of every entry matching a URL)."""

    name: str = ""
    domains: tuple[str, ...] = ()
    show_all: str | None = None
    body: tuple[str, ...] = ()
    teaser: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    boilerplate: Boilerplate = Boilerplate()

    def show_all_url(self, url: str) -> str | None:
        """The URL of the whole article on one page, or None if the site has none.

        Idempotent: given a URL that already is the show-all form, returns it.
        """
        if not self.show_all or not is_http_url(url):
            return None
        template = self.show_all
        if template.startswith("?"):
            params = dict(parse_qsl(template[1:], keep_blank_values=True))
            return set_query(url, params)
        parts = urlsplit(url)
        if template.startswith("/"):
            path = parts.path.rstrip("/")
            if not path.endswith(template.rstrip("/")):
                path += template
            return parts._replace(path=path, fragment="").geturl()
        if "{url}" in template:
            candidate = template.replace("{url}", parts._replace(fragment="").geturl())
            return candidate if is_http_url(candidate) else None
        return None

    def merged(self, other: SiteRule) -> SiteRule:
        return SiteRule(
            name=self.name or other.name,
            domains=self.domains + other.domains,
            show_all=self.show_all or other.show_all,
            body=self.body + other.body,
            teaser=self.teaser + other.teaser,
            related=self.related + other.related,
            remove=self.remove + other.remove,
            boilerplate=self.boilerplate + other.boilerplate,
        )


@dataclass(frozen=True, slots=True)
class Phrases:
    """Compiled phrase matchers, built once per rule set."""

    teaser_label: re.Pattern[str]
    teaser_prefix: re.Pattern[str]
    related_heading: re.Pattern[str]
    site_list_heading: re.Pattern[str]
    comments_heading: re.Pattern[str]
    #: The whole text of a link to the next page of the same article.
    next_page: re.Pattern[str]
    #: A teaser label at the start of a link's own text ("Baca Juga : <title>"); a
    #: word may follow the label ("Related photos:") but a separator must.
    teaser_start: re.Pattern[str] = re.compile(r"(?!x)x")
    #: The heading of a list of recommendations: related when they share the topic.
    recommend_heading: re.Pattern[str] = re.compile(r"(?!x)x")
    #: The first word of every teaser label, lower case: a cheap test before the regex.
    teaser_first_words: frozenset[str] = frozenset()
    #: Function words that say nothing about a page's topic (lower case).
    topic_stopwords: frozenset[str] = frozenset()
    #: A class or id that names a related-articles block (None: no such words).
    related_class: re.Pattern[str] | None = None


_FIRST_WORD_RE = re.compile(r"\w+")


def first_word(text: str) -> str:
    """The first word of ``text``, lower case ("" if none)."""
    match = _FIRST_WORD_RE.search(text)
    return match.group(0).lower() if match else ""


def _alternation(phrases: Iterable[str]) -> str:
    unique = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique) or r"(?!x)x"


#: The lists of ``[phrases]`` in sites.toml.
PHRASE_LISTS = (
    *("teaser", "related_heading", "recommend_heading", "site_list_heading"),
    *("comments_heading", "next_page", "related_class", "topic_stopwords"),
)


def _build_phrases(lists: Mapping[str, Sequence[str]]) -> Phrases:
    teaser = lists.get("teaser", ())
    related = lists.get("related_heading", ())
    recommend = lists.get("recommend_heading", ())
    site_list = lists.get("site_list_heading", ())
    comments = lists.get("comments_heading", ())
    next_page = lists.get("next_page", ())
    related_class = lists.get("related_class", ())
    stopwords = lists.get("topic_stopwords", ())
    flags = re.IGNORECASE
    teasers = _alternation(teaser)
    class_words = sorted({re.escape(w.lower()) for w in related_class if w.strip()})
    return Phrases(
        # The whole non-link text of a teaser block: label plus separators (or a bullet).
        teaser_label=re.compile(
            rf"{BULLET_CLASS}*(?:(?:{teasers}){LABEL_TAIL})?{BULLET_CLASS}*", flags
        ),
        # A label at the very end of running text, just before a link.
        teaser_prefix=re.compile(rf"(?:^|(?<=[\s.!?:;>\]\)]))(?:{teasers}){LABEL_TAIL}$", flags),
        # "Related stories", or with the topic before it: "DIAN SASTRO: BERITA TERKAIT".
        related_heading=re.compile(
            rf"\W*(?:[^:：]{{1,60}}[:：]\s*)?(?:{_alternation(related)})\W*", flags
        ),
        # "More from <section>": an entry ending in "…" is followed by a name
        site_list_heading=re.compile(
            rf"\W*(?:{_alternation(p for p in site_list if not p.endswith('…'))}"
            rf"|(?:{_alternation(p[:-1] for p in site_list if p.endswith('…'))})\s+\S.{{0,50}}"
            rf")\W*",
            flags,
        ),
        comments_heading=re.compile(
            rf"\W*(?:\d+\s+)?(?:{_alternation(comments)})(?:\s+(?:to|on|untuk)\b.{{0,200}})?"
            rf"\s*(?:\(\d+\))?\W*",
            flags,
        ),
        next_page=re.compile(rf"[\W_]*(?:{_alternation(next_page)})[\W_]*", flags),
        teaser_start=re.compile(rf"\W*(?:{teasers})(?:\s+\w+)?\s*[:：|»>]+\s*", flags),
        related_class=re.compile("|".join(class_words), flags) if class_words else None,
        topic_stopwords=frozenset(w.lower() for w in stopwords),
        teaser_first_words=frozenset(
            match.group(0).lower() for p in teaser if (match := _FIRST_WORD_RE.search(p))
        ),
        recommend_heading=re.compile(
            rf"\W*(?:[^:：]{{1,60}}[:：]\s*)?(?:{_alternation(recommend)})\W*", flags
        ),
    )


@dataclass(slots=True)
class SiteRules:
    """Every rule Kabar knows: bundled defaults plus the user's additions."""

    sites: list[SiteRule] = field(default_factory=list)
    phrases: Phrases = field(default_factory=lambda: _build_phrases({}))
    boilerplate: Boilerplate = Boilerplate()
    remove: tuple[str, ...] = ()
    remove_class_words: frozenset[str] = frozenset()
    remove_class_words_any_size: frozenset[str] = frozenset()
    #: class/id fragments readability should favour / avoid (``[readability]``)
    positive_classes: tuple[str, ...] = ()
    negative_classes: tuple[str, ...] = ()
    teaser: tuple[str, ...] = ()
    outlets: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    _paths: dict[tuple[str, ...], str] = field(default_factory=dict)
    _outlet_names: dict[str, str] = field(default_factory=dict)
    _local: threading.local = field(default_factory=threading.local)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, user_file: Path | None = None) -> SiteRules:
        """Bundled rules plus ``user_file`` (if given and present)."""
        sources: list[tuple[str, Mapping[str, Any]]] = []
        if user_file is not None and user_file.is_file():
            try:
                sources.append((str(user_file), tomllib.loads(user_file.read_text("utf-8"))))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                bundled = cls._from_sources([("sites.toml", _bundled_data())])
                bundled.problems.append(f"{user_file}: not loaded ({exc})")
                return bundled
        sources.append(("sites.toml", _bundled_data()))
        return cls._from_sources(sources)

    @classmethod
    def from_toml(cls, text: str, *, with_defaults: bool = True) -> SiteRules:
        """Rules from TOML text (tests, previews), optionally on top of the bundled ones."""
        sources: list[tuple[str, Mapping[str, Any]]] = [("<string>", tomllib.loads(text))]
        if with_defaults:
            sources.append(("sites.toml", _bundled_data()))
        return cls._from_sources(sources)

    @classmethod
    def _from_sources(cls, sources: Sequence[tuple[str, Mapping[str, Any]]]) -> SiteRules:
        rules = cls()
        lists: dict[str, list[str]] = {name: [] for name in PHRASE_LISTS}
        whole: list[re.Pattern[str]] = []
        starts: list[re.Pattern[str]] = []
        trailing: list[re.Pattern[str]] = []
        remove: list[str] = []
        words: set[str] = set()
        any_size: set[str] = set()
        teaser_sel: list[str] = []
        for origin, data in sources:
            phrases = _table(data, "phrases")
            for name, values in lists.items():
                values.extend(_strings(phrases.get(name)))
            bp = _table(data, "boilerplate")
            whole += rules._patterns(origin, bp.get("whole"))
            starts += rules._patterns(origin, bp.get("starts"))
            trailing += rules._patterns(origin, bp.get("trailing"), r"\s*(?:{})\s*$")
            cleaning = _table(data, "cleaning")
            remove += rules._selectors(origin, cleaning.get("remove"))
            teaser_sel += rules._selectors(origin, cleaning.get("teaser"))
            words.update(w.lower() for w in _strings(cleaning.get("remove_class_words")))
            any_size.update(
                w.lower() for w in _strings(cleaning.get("remove_class_words_any_size"))
            )
            hints = _table(data, "readability")
            rules.positive_classes += tuple(_strings(hints.get("positive")))
            rules.negative_classes += tuple(_strings(hints.get("negative")))
            for domain, name in _table(data, "outlets").items():
                if isinstance(name, str):
                    rules.outlets.setdefault(domain.lower(), name)
            for entry in data.get("site", []) if isinstance(data.get("site"), list) else []:
                site = rules._site(origin, entry)
                if site is not None:
                    rules.sites.append(site)
                    for domain in site.domains:
                        if site.name:
                            rules.outlets.setdefault(domain.lower(), site.name)
        rules.phrases = _build_phrases(lists)
        rules.boilerplate = Boilerplate(tuple(whole), tuple(starts), tuple(trailing))
        rules.remove = tuple(remove)
        rules.teaser = tuple(teaser_sel)
        rules.remove_class_words = frozenset(words | any_size)
        rules.remove_class_words_any_size = frozenset(any_size)
        return rules

    def _patterns(self, origin: str, values: object, wrap: str = "{}") -> list[re.Pattern[str]]:
        out = []
        for value in _strings(values):
            try:
                out.append(re.compile(wrap.replace("{}", value), re.IGNORECASE))
            except re.error as exc:
                self.problems.append(f"{origin}: bad pattern {value!r} ({exc})")
        return out

    def _selectors(self, origin: str, values: object) -> list[str]:
        out = []
        for value in _strings(values):
            try:
                CSSSelector(value)
            except (SelectorError, etree.XPathError, ValueError) as exc:
                self.problems.append(f"{origin}: bad selector {value!r} ({exc})")
                continue
            out.append(value)
        return out

    def _site(self, origin: str, entry: object) -> SiteRule | None:
        if not isinstance(entry, Mapping):
            self.problems.append(f"{origin}: a [[site]] entry is not a table")
            return None
        domains = tuple(d.lower().strip(".") for d in _strings(entry.get("domains")))
        if not domains:
            self.problems.append(f"{origin}: [[site]] {entry.get('name')!r} has no domains")
            return None
        show_all = entry.get("show_all")
        return SiteRule(
            name=str(entry.get("name", "")),
            domains=domains,
            show_all=show_all if isinstance(show_all, str) and show_all else None,
            body=tuple(self._selectors(origin, entry.get("body"))),
            teaser=tuple(self._selectors(origin, entry.get("teaser"))),
            related=tuple(self._selectors(origin, entry.get("related"))),
            remove=tuple(self._selectors(origin, entry.get("remove"))),
            boilerplate=Boilerplate(
                tuple(self._patterns(origin, entry.get("whole"))),
                tuple(self._patterns(origin, entry.get("starts"))),
                tuple(self._patterns(origin, entry.get("trailing"), r"\s*(?:{})\s*$")),
            ),
        )

    # ------------------------------------------------------------------ queries

    def for_url(self, url: str) -> SiteRule:
        """The merged rule of every entry whose domains match ``url``'s host."""
        host = host_of(url)
        rule = SiteRule()
        for site in self.sites:
            if host and any(domain_matches(host, d) for d in site.domains):
                rule = rule.merged(site)
        return rule

    def outlet_names(self) -> dict[str, str]:
        """Known outlet display names by their lower-case form (computed once)."""
        if not self._outlet_names:
            self._outlet_names.update({name.lower(): name for name in self.outlets.values()})
        return self._outlet_names

    def outlet_name(self, url: str) -> str | None:
        """The display name of the outlet publishing ``url``, if known."""
        host = host_of(url)
        while host:
            if host in self.outlets:
                return self.outlets[host]
            _, _, host = host.partition(".")
        return None

    def select(
        self, selectors: tuple[str, ...], root: etree._Element, page_text: str = ""
    ) -> list[HtmlElement]:
        """Elements under ``root`` matching any of ``selectors``, in document order."""
        xpath = self.xpath(selectors, page_text)
        return elements(xpath(root)) if xpath is not None else []

    def xpath(self, selectors: tuple[str, ...], page_text: str = "") -> etree.XPath | None:
        """One compiled XPath for a group of CSS selectors (cached per thread: lxml's
        XPath evaluators must not be shared between threads).

        With ``page_text`` (the raw page), selectors naming a class, id or attribute
        value that does not occur anywhere in the page are left out: most pages
        match none of a site list's selectors, and skipping them is much cheaper
        than searching the tree for each.
        """
        if page_text:
            selectors = tuple(s for s in selectors if _may_match(s, page_text))
        if not selectors:
            return None
        cache: dict[tuple[str, ...], etree.XPath] | None = getattr(self._local, "xpaths", None)
        if cache is None:
            cache = self._local.xpaths = {}
        compiled = cache.get(selectors)
        if compiled is None:
            path = self._paths.get(selectors)
            if path is None:
                path = self._paths[selectors] = " | ".join(CSSSelector(s).path for s in selectors)
            compiled = cache[selectors] = etree.XPath(path)
        return compiled


def elements(result: object) -> list[HtmlElement]:
    """The HTML elements of an XPath result (lxml types results as a union of everything)."""
    if not isinstance(result, list):
        return []
    return [el for el in result if isinstance(el, HtmlElement)]


_LITERAL_RE = re.compile(r"[.#]([\w-]+)|=\s*['\"]?([\w-]+)")


@cache
def _literals(selector: str) -> tuple[tuple[str, ...], ...]:
    """For each comma-separated part, the names that must occur in the page for it to match."""
    parts = []
    for part in selector.split(","):
        if ":not(" in part:
            parts.append(())  # absence can match: no literal is required
            continue
        names = tuple(a or b for a, b in _LITERAL_RE.findall(part))
        parts.append(names)
    return tuple(parts)


def _may_match(selector: str, page_text: str) -> bool:
    return any(all(name in page_text for name in names) for names in _literals(selector))


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


@cache
def _bundled_data() -> Mapping[str, Any]:
    return tomllib.loads(read_text("rules", "sites.toml"))


@cache
def default_rules() -> SiteRules:
    """The bundled rules, loaded once per process."""
    return SiteRules.load(None)
