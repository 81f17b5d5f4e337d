"""Who wrote the article: names, one per author, without labels, handles or outlets.

Bylines arrive dressed: "Oleh : Adrianus Mandey", "Pewarta: Ani | Editor: Budi",
"By Jane Doe and John Roe, CNN", "@detikinet", "PT. VIVA MEDIA BARU - VIVA.co.id",
"Limespacer · 22. Oktober 2019". This module reads the candidates a page offers
(structured data first, then the elements marked as bylines and the labelled
credit lines nearest the headline) and keeps only people's (or desks') names.

The label words below are a closed class of grammar in each language ("by",
"oleh", "von"); no library lists them. Nothing here names a site: an outlet is
recognised by the page's own site name, publisher and address.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.page.dates import find_dates, is_weekday
from reader.core.page.pagetext import PageText, visible_text
from reader.core.urls import host_of, is_http_url, site_key

#: A name longer than this (characters or words) is a sentence, not a name.
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 7
#: ... and on the page (not in structured data), a name has at most this many words.
MAX_PAGE_NAME_WORDS = 5
#: Labelled credit lines this far from the headline (characters) are another story's.
MAX_CREDIT_DISTANCE = 12_000
#: Elements marked as bylines that are this long hold more than a byline.
MAX_BYLINE_ELEMENT_CHARS = 200

#: Words that introduce the writer ("By Jane Doe", "Penulis: Ani").
WRITER_LABELS = (
    *("by", "written by", "words by", "story by", "text by", "posted by", "published by"),
    *("view all posts by", "more by", "more from", "author", "authors", "reporter", "reporting by"),
    *("oleh", "penulis", "pewarta", "wartawan", "laporan wartawan", "kontributor", "jurnalis"),
    *("teks", "text", "von", "autor", "autorin", "veröffentlicht von", "geschrieben von"),
    *("erstellt von", "zeige alle beiträge von", "alle beiträge von", "por", "par"),
    *("door", "av", "af", "przez", "autore", "auteur", "escrito por", "publicado por"),
    *("redacción", "tác giả", "penulis artikel", "interview", "artikel von", "mehr artikel von"),
    *("a report by", "reported by", "article by", "posted on behalf of", "eingestellt von"),
    *("gepostet von", "postado por", "pubblicato da", "publié par", "posté par", "ditulis oleh"),
    *("diposting oleh", "dikirim oleh", "opublikowano przez"),
)
#: Words that introduce an editor, photographer or translator: not the writer.
OTHER_LABELS = (
    *("editor", "edited by", "redaktur", "penyunting", "penyelaras", "editing", "fotografer"),
    *("photo", "photos", "foto", "photograph by", "photography", "illustration", "sumber"),
    *("source", "quelle", "translated by", "translator", "penerjemah", "bearbeitet von"),
    *("redigiert von", "editado por", "edición", "updated by", "reviewed by"),
    *("medically reviewed by", "fact checked by", "fact-checked by"),
)
#: Job titles that follow a name ("Fakhrizal Fakhri | Jurnalis", "Jane Doe, Staff Writer").
ROLE_SUFFIXES = (
    *("jurnalis", "reporter", "wartawan", "kontributor", "editor", "redaktur", "staff writer"),
    *("correspondent", "contributor", "columnist", "redakteur", "redakteurin", "journalist"),
    *("autor", "autorin", "chefredakteur", "chefredakteurin", "editor-in-chief", "senior editor"),
    *("staff reporter", "senior writer", "freelance writer", "guest author", "gastautor"),
)
#: Words that introduce a date, not a name ("Posted on", "Veröffentlicht am", "Stand:").
DATE_LABELS = (
    *("posted", "posted on", "published", "published on", "updated", "last updated", "on"),
    *("veröffentlicht", "veröffentlicht am", "publiziert", "publiziert am", "aktualisiert"),
    *("aktualisiert am", "stand", "erstellt", "erstellt am", "am", "diperbarui", "diterbitkan"),
    *("dipublikasikan", "pada", "publié", "publié le", "mis à jour", "le", "publicado", "el"),
    *("actualizado", "pubblicato", "aggiornato", "date", "datum", "tanggal", "created"),
)
#: Lower-case words inside names ("Ursula von der Leyen", "Jose de la Cruz").
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "dos"}
    | {"das", "do", "bin", "binti", "al", "el", "ibn", "ter", "ten", "zu", "y", "e", "mac"}
)
#: Company forms: a name with one of these is a company, not a writer.
_COMPANY_RE = re.compile(
    r"(?<![\w.])(?:pt|tbk|gmbh|ag|se|inc|ltd|llc|plc|corp|co|e\.\s?v|s\.\s?a|s\.\s?l|b\.\s?v"
    r"|n\.\s?v|sdn\.?\s?bhd|bhd|pte|cv)\.?(?![\w])",
    re.I,
)
#: Words that make a name containing the site's own name an organisation
#: ("Kompas Cyber Media", "Liputan6 Network").
_ORGANISATION_WORDS = frozenset(
    {
        *("media", "cyber", "group", "grup", "network", "news", "online", "digital", "press"),
        *("publishing", "corporation", "company", "holdings", "redaksi", "newsroom", "team"),
        *("tim", "redaktion", "redacción", "rédaction", "redazione", "staff", "desk", "tv"),
    }
)
#: Credentials that follow a name after a comma ("Grant Tinsley, PhD").
_CREDENTIAL_RE = re.compile(
    r"(?:ph\.?\s?d|m\.?\s?d|m\.?\s?sc|b\.?\s?sc|mba|mph|msn|rdn?|rn|dds|jr|sr|esq|m\.?\s?a)\.?",
    re.I,
)
_HANDLE_RE = re.compile(r"^@\w|^\w[\w.+-]*@\w[\w.-]+$|\[at\]|https?://|www\.", re.I)
_SEPARATORS_RE = re.compile(r"\s*(?:[|·•/;~\n]|\s[-–—]\s|::|\s{3,})\s*")
_AND_RE = re.compile(r"\s*[,&+]\s*|\s+(?:and|dan|und|y|et|e|og|och|i)\s+", re.I)
#: Buttons and links that sit in bylines ("Alice Wu + FOLLOW", "Mehr"): never names.
_UI_WORDS = frozenset(
    {
        *("follow", "following", "more", "mehr", "share", "teilen", "bagikan", "subscribe"),
        *("abonnieren", "ikuti", "print", "drucken", "comment", "comments", "kommentar"),
        *("kommentare", "komentar", "login", "menu", "home", "search", "suche", "profile"),
        *("profil", "website", "homepage", "email", "e-mail", "contact", "kontakt", "bio"),
        *("read", "lesen", "baca", "view", "posts", "articles", "artikel", "beiträge"),
        *("alle", "all", "twitter", "facebook", "instagram", "linkedin", "youtube", "whatsapp"),
    }
)
#: Placeholders some templates print where a name should be.
_PLACEHOLDER_RE = re.compile(r"admin|^(?:no author|unknown|anonymous|webmaster|guest)$", re.I)
_URL_RE = re.compile(r"(?:https?://|www\.|mailto:)\S*|\S+@\S+\.\w+|(?<!\w)@\w+", re.I)
_NUMBER_RE = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_EDGE_CHARS = " ,;:|-–—~•·*()[]{}\"'“”‘’«»!?→←>+"
_INITIAL_RE = re.compile(r"(?:(?:^|[\s.])[^\W\d_]|\b[JS]r)\.$")
_SPACE_RE = re.compile(r"\s+")


def _label_re(labels: Iterable[str]) -> re.Pattern[str]:
    words = sorted(set(labels), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # "AuthorAndreas Kalt": screen-reader labels run into the name.
    after = r"(?:(?![^\W\d_])|(?=(?-i:[A-ZÀ-ÖØ-Þ])))"
    return re.compile(rf"^(?:{alternation}){after}\s*[:：\-–]?\s*", re.I)


_WRITER_RE = _label_re(WRITER_LABELS)
_OTHER_RE = _label_re(OTHER_LABELS)
_ROLES = "|".join(re.escape(r) for r in sorted(ROLE_SUFFIXES, key=len, reverse=True))
_ROLE_RE = re.compile(rf"(?:\s*,\s*|\s+)(?:{_ROLES})\.?$", re.I)
_ROLE_ONLY_RE = re.compile(rf"(?:{_ROLES})\.?", re.I)
_DATE_LABEL_RE = re.compile(
    rf"(?:{'|'.join(re.escape(w) for w in sorted(DATE_LABELS, key=len, reverse=True))})\W*", re.I
)
#: "Penulis: Ani Editor: Budi" on one line: a word and a colon inside it starts a new part.
_INNER_LABEL_RE = re.compile(r"(?<=\S)\s+(?=[^\W\d_][^\W\d_ ]{2,}(?: [^\W\d_]+)?\s?[:：]\s)")
#: "By | Jane | and | John": a conjunction alone between two parts joins them.
_JOINED_AND_RE = re.compile(r"\s*\|\s*(and|&|dan|und|y|et|e)\s*\|\s*", re.I)
_WEEKDAY_BEFORE_RE = re.compile(r"([^\W\d_]{2,})\.?,?\s*$")


@dataclass(frozen=True, slots=True)
class Outlet:
    """What the page says about its publisher: names and address, to tell a byline
    that only names the outlet ("By Kompas Cyber Media", "Liputan6.com") from a writer."""

    names: tuple[str, ...] = ()
    host_label: str = ""
    #: the page's registrable domain ("kompas.com"): links elsewhere are not bylines
    site: str = ""

    def is_outlet(self, name: str) -> bool:
        key = _key(name)
        if not key:
            return True
        for outlet in self.names:
            other = _key(outlet)
            if _person_like(outlet):
                continue  # a personal site, named after its author
            if other and (key == other or key == _key(outlet.split(".")[0])):
                return True
        label = self.host_label.lower()
        if len(label) >= 3:
            if key == _key(label) or name.lower().startswith(label + "."):
                return True
            words = [w.casefold() for w in re.findall(r"[^\W_]+", name)]
            if label in words and any(w in _ORGANISATION_WORDS for w in words):
                return True
            if any(_desk_word(w, label) for w in re.findall(r"[^\W_]+", name)):
                return True  # "detikNews", "KapanLagicom": a desk named after the site
        return False


def _desk_word(word: str, label: str) -> bool:
    """``word`` is the site's name with a desk or suffix run into it: "detikNews",
    "KapanLagicom", "Liputan6dotcom" (not "Limespacer" on limespace.de)."""
    rest = word[len(label) :]
    if not rest or word[: len(label)].casefold() != label:
        return False
    return rest[0].isupper() or rest.casefold() in ("com", "dotcom", "online", "news", "tv")


def _person_like(name: str) -> bool:
    """ "Andreas Kalt", not "Kompas Cyber Media", "KapanLagi.com" or "POPSUGAR"."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        re.fullmatch(r"[^\W\d_][^\W\d_'’-]*", w)
        and w[0].isupper()
        and not w.isupper()
        and w.casefold() not in _ORGANISATION_WORDS
        for w in words
    )


#: Words that make any name an organisation's ("Kompas Cyber Media", "Tempo Media Group").
_COMPANY_WORDS = frozenset(
    {"media", "cyber", "group", "grup", "network", "corporation", "holdings", "publishing"}
)
#: A domain name ("VIVA.co.id", "Liputan6.com"): the outlet, not a writer.
_DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:[a-z]{2,6})(?:\.[a-z]{2})?$")


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# ---------------------------------------------------------------------------- one candidate


def names_in(
    raw: str, outlet: Outlet, *, labelled_only: bool = False, strict: bool = False
) -> list[str]:
    """The writers' names in one byline text; [] if it names none.

    ``labelled_only``: the text must say it names a writer ("By ...", "Penulis: ...").
    ``strict``: the text is the page's own (not structured data), so each name must
    look like one: capitalised words, not a phrase.
    """
    text = _prepare(raw)
    writers: list[str] = []
    unlabelled: list[str] = []
    others = False
    pending = ""
    for piece in _SEPARATORS_RE.split(text):
        part = piece.strip(_EDGE_CHARS)
        if not part or _DATE_LABEL_RE.fullmatch(part):
            continue
        kind = ""
        if match := _WRITER_RE.match(part):
            kind, part = "writer", part[match.end() :].strip(_EDGE_CHARS)
        elif match := _OTHER_RE.match(part):
            kind, part = "other", part[match.end() :].strip(_EDGE_CHARS)
        if not part:  # a label alone ("Reporter :"): the name is the next part
            pending = kind
            continue
        if _ROLE_ONLY_RE.fullmatch(part):
            continue  # "Natasha Oktalia, | Jurnalis": a job title after the name
        kind, pending = kind or pending, ""
        if kind == "other":
            others = True
        else:
            (writers if kind == "writer" else unlabelled).append(part)
    if labelled_only and not writers:
        return []
    chosen = writers or ([] if others and not unlabelled else unlabelled)
    names: list[str] = []
    for part in chosen:
        for name in _split_names(part):
            if _is_name(name, outlet, strict) and name.casefold() not in map(str.casefold, names):
                names.append(name)
    return names


def _prepare(raw: str) -> str:
    """Plain text with addresses, handles and dates (with their weekday and time) made
    separators, labels inside a line ("... Editor: Budi") starting a new part, and
    "and" between two parts joining them again."""
    text = _SPACE_RE.sub(" ", html.unescape(raw)).strip()
    text = _URL_RE.sub(" | ", text)
    spans = [(found.at, found.end) for found in find_dates(text)]
    for start, end in reversed(spans):
        head = text[:start]
        weekday = _WEEKDAY_BEFORE_RE.search(head)
        if weekday and is_weekday(weekday.group(1)):
            head = head[: weekday.start()]
        text = f"{head} | {text[end:]}"
    text = _INNER_LABEL_RE.sub(" | ", text)
    return _JOINED_AND_RE.sub(r" \1 ", text)


def _split_names(part: str) -> Iterator[str]:
    """Names in one part of a byline, split at "and" and commas, without roles,
    credentials and lower-case words around them ("vom Support Team", "Nesselsetzer
    under")."""
    for piece in _AND_RE.split(part):
        words = _ROLE_RE.sub("", piece.strip()).split()
        if len(words) > 1:
            while words and (_lower(words[-1]) or _DATE_LABEL_RE.fullmatch(words[-1])):
                words.pop()
            while len(words) > 1 and _lower(words[0]) and words[0].casefold() not in _PARTICLES:
                words.pop(0)
        name = _trim(" ".join(words))
        if name and not _CREDENTIAL_RE.fullmatch(name) and not _ROLE_ONLY_RE.fullmatch(name):
            yield name


def _lower(word: str) -> bool:
    """A lower-case word ("under", "am"), not a brand in camel case ("wkNews")."""
    return word[:1].islower() and not any(ch.isupper() for ch in word[1:])


def _trim(piece: str) -> str:
    """Without punctuation around it; a final dot stays after an initial ("Muñoz C.")."""
    piece = piece.strip(_EDGE_CHARS)
    while piece.endswith(".") and not _INITIAL_RE.search(piece):
        piece = piece[:-1].rstrip(_EDGE_CHARS)
    return piece


def _is_name(name: str, outlet: Outlet, strict: bool) -> bool:
    words = name.split()
    if len(name) > MAX_NAME_CHARS or len(words) > MAX_NAME_WORDS:
        return False
    if _HANDLE_RE.search(name) or _TIME_RE.search(name) or _NUMBER_RE.search(name):
        return False
    letters = re.sub(r"[\W\d_]", "", name)
    if len(letters) < 2 or re.fullmatch(r"[a-z]{1,3}", name) or _PLACEHOLDER_RE.search(name):
        return False  # "bgs": a desk's code for a writer, not a name
    if any(word.casefold().strip(_EDGE_CHARS) in _UI_WORDS for word in words):
        return False
    if strict and len(words) > 1:
        if len(words) > MAX_PAGE_NAME_WORDS:
            return False
        if any(_lower(word) and word.casefold() not in _PARTICLES for word in words):
            return False  # "seinem Vorgänger unterscheidet": words of a sentence
    if _DOMAIN_RE.search(name) or any(w.casefold() in _COMPANY_WORDS for w in words):
        return False
    return not (_COMPANY_RE.search(name) or outlet.is_outlet(name))


# ---------------------------------------------------------------------------- the page


#: Class or id words of elements that hold bylines (matched while the page is walked).
BYLINE_MARKS = re.compile(
    r"author|byline|reporter|penulis|writer|journalist|jurnalis|contributor", re.I
)
#: Class or id words of places whose names are not the article's writers.
_NOT_BYLINE_RE = re.compile(
    r"(?<![a-z])(?:comments?|commentlist|avatar|reply|share|sharing|social|follow|related|"
    r"popular|widget|sidebar|login|"
    r"forms?|recentcomments|footer|menu|nav)(?![a-z])",
    re.I,
)
#: WordPress marks posts with their tags and categories ("tag-social-media").
_TOPIC_TOKEN_RE = re.compile(r"^(?:tag|category|categories|post|postid|type|format)-", re.I)


def _marked_not_byline(el: HtmlElement) -> bool:
    tokens = f"{el.get('class', '')} {el.get('id', '')}".split()
    return any(_NOT_BYLINE_RE.search(token) for token in tokens if not _TOPIC_TOKEN_RE.match(token))


def page_authors(doc: HtmlElement, page: PageText, outlet: Outlet) -> list[str]:
    """Writers named on the page itself: the element marked as a byline or the
    labelled credit line ("Penulis: ...") nearest the headline."""
    candidates = list(_marked_bylines(doc, page, outlet))
    candidates += [(page.distance(i), names) for i, names in _credit_lines(page, outlet)]
    candidates = [c for c in candidates if c[0] <= MAX_CREDIT_DISTANCE]
    if not candidates:
        return []
    return min(candidates, key=lambda c: c[0])[1]


def _marked_bylines(
    doc: HtmlElement, page: PageText, outlet: Outlet
) -> Iterator[tuple[int, list[str]]]:
    """Names in the elements marked as bylines. The innermost marked elements hold
    the names ("span.byline > span.author > a"); those inside one outer byline are
    its co-authors, read together."""
    marked = [el for el in page.marked[:120] if el.tag not in ("meta", "link")]
    marked_set = set(marked)
    holders: set[HtmlElement] = set()  # marked elements with a marked one inside
    for el in marked:
        holders.update(a for a in el.iterancestors() if a in marked_set)
    leaves = [el for el in marked if el not in holders]
    shared = set(page.headline.iterancestors()) if page.headline is not None else set()
    groups: dict[HtmlElement, list[HtmlElement]] = {}
    for leaf in leaves:
        outer = leaf
        for node in leaf.iterancestors():
            if node in marked_set:
                outer = node
        groups.setdefault(outer, []).append(leaf)
    for outer, members in groups.items():
        if _inside_other_thing(outer, shared):
            continue
        names: list[str] = []
        for leaf in members:
            if not _links_elsewhere(leaf, outlet.site):
                _add(names, _names_of(leaf, outlet))
        if outer is not members[0]:
            # "Von <a>Robert</a> -" (the name is in no leaf), "<span>Sara</span>
            # <span>Zinnecker</span>" (one name over two leaves): the whole byline
            whole = _names_of(outer, outlet)
            if whole and (not names or len(whole) < len(names)):
                names = whole
        if names:
            yield page.distance(page.first[members[0]]), names


def _names_of(el: HtmlElement, outlet: Outlet) -> list[str]:
    text = visible_text(el)
    if not text or len(text) > MAX_BYLINE_ELEMENT_CHARS:
        return []
    return names_in(text, outlet, strict=True)


def _add(names: list[str], more: Iterable[str]) -> None:
    for name in more:
        if name.casefold() not in map(str.casefold, names):
            names.append(name)


def _links_elsewhere(el: HtmlElement, site: str) -> bool:
    """``el`` is (or only holds) a link to another site: a profile on a social network."""
    links = [el] if el.tag == "a" else el.findall(".//a")
    if len(links) != 1 or not site:
        return False
    href = links[0].get("href") or ""
    if not is_http_url(href):
        return False
    return site_key(host_of(href)) != site


def _inside_other_thing(el: HtmlElement, shared: set[HtmlElement]) -> bool:
    """Inside comments, an author box, a share bar or a list of other stories. Only
    the containers below the ones ``el`` shares with the headline (``shared``) count:
    above those are the page's layout ("one-sidebar", "content-sidebar-wrap")."""
    for node in el.iterancestors():
        if node.tag in ("body", "html") or node in shared:
            break
        if node.tag in ("footer", "aside", "nav", "form") or _marked_not_byline(node):
            return True
    return _marked_not_byline(el)


def _credit_lines(page: PageText, outlet: Outlet) -> Iterator[tuple[int, list[str]]]:
    """Text nodes that begin with a writer's label, with the name in them or in the
    next one or two ("Oleh :" ‖ "Adrianus Mandey")."""
    chunks = page.chunks
    for index, chunk in enumerate(chunks):
        if len(chunk) > MAX_BYLINE_ELEMENT_CHARS or not _WRITER_RE.match(chunk):
            continue
        text = chunk
        end = index + 1
        while end < len(chunks) and end <= index + 2 and len(text) < 40:
            text = f"{text} | {chunks[end]}"
            end += 1
        names = names_in(text, outlet, labelled_only=True, strict=True)
        if not re.match(r"[^:：]{1,30}[:：]", text):  # "By Jane Doe", not "Penulis: ani"
            names = [name for name in names if len(name.split()) > 1]
        if names:
            yield index, names


def find_authors(
    doc: HtmlElement, page: PageText, outlet: Outlet, structured: Iterable[Sequence[str]]
) -> list[str]:
    """The article's writers: from the first structured source that names one (JSON-LD,
    then each ``<meta>``), else from the page. The page's byline wins when it names
    them more fully ("Todd" in ``<meta>``, "By Todd Bates" under the headline) or
    names more of them."""
    names: list[str] = []
    for values in structured:
        if names := structured_authors(values, outlet):
            break
    shown = page_authors(doc, page, outlet)
    if not names:
        return shown
    if len(shown) == len(names) and all(map(_names_same, names, shown)) and shown != names:
        return shown
    return names


def _names_same(structured: str, shown: str) -> bool:
    """``shown`` is ``structured``, or begins with it ("Todd" → "Todd Bates")."""
    a, b = structured.casefold(), shown.casefold()
    return a == b or b.startswith(a + " ")


def structured_authors(values: Sequence[str], outlet: Outlet) -> list[str]:
    """Writers from structured data (JSON-LD names or one ``<meta>`` value)."""
    names: list[str] = []
    for value in values:
        for name in names_in(value, outlet):
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names
