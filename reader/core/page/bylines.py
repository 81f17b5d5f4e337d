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
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.page.dates import find_dates, is_weekday
from reader.core.page.pagetext import AUTHOR_PAGE_RE, PageText, visible_text
from reader.core.page.titles import alnum_key
from reader.core.urls import host_of, is_http_url, site_key

#: A name longer than this (characters or words) is a sentence, not a name.
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 7
#: ... and on the page (not in structured data), a name has at most this many words.
MAX_PAGE_NAME_WORDS = 5
#: Labelled credit lines this far from the headline (characters) are another story's.
MAX_CREDIT_DISTANCE = 12_000
#: ... and marked bylines: an author box after a long story still names its writer.
MAX_MARKED_DISTANCE = 30_000
#: Beyond this distance (characters), a byline near others' bylines (within
#: ``LIST_SPAN``) belongs to a list of other stories.
LIST_DISTANCE = 1_500
LIST_SPAN = 600
#: Elements marked as bylines that are this long hold more than a byline.
MAX_BYLINE_ELEMENT_CHARS = 200
#: An unlabelled "date - name" line is read only this close under the headline.
DATED_LINE_CHUNKS = 6
DATED_LINE_DISTANCE = 300

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
    *("diposting oleh", "dikirim oleh", "opublikowano przez", "laporan", "ein artikel von"),
    *("ein beitrag von", "beitrag von", "text von", "écrit par", "rédigé par", "texte"),
    *("geschreven door", "tekst", "scritto da", "a cura di", "texto", "texto de", "yazar"),
    *("muhabir", "автор", "текст", "作者", "记者"),
)
#: Words that introduce an editor, photographer or translator: not the writer.
OTHER_LABELS = (
    *("editor", "edited by", "redaktur", "penyunting", "penyelaras", "editing", "fotografer"),
    *("photo", "photos", "foto", "photograph by", "photography", "illustration", "sumber"),
    *("source", "quelle", "translated by", "translator", "penerjemah", "bearbeitet von"),
    *("redigiert von", "editado por", "edición", "updated by", "reviewed by"),
    *("medically reviewed by", "fact checked by", "fact-checked by", "fotos", "bild", "bilder"),
    *("image", "images", "video", "grafik", "camera", "kamera", "videografer", "责任编辑", "编辑"),
    *("editör", "редактор", "фото", "crédits", "credits", "légende"),
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
    r"[&+]\s*co\b|(?<![\w.])(?:pt|tbk|gmbh|ag|se|inc|ltd|llc|plc|corp|e\.\s?v|s\.\s?a|s\.\s?l|b\.\s?v"
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
_AND_RE = re.compile(r"\s*(?:,|[&+](?!\s*co\b))\s*|\s+(?:and|dan|und|y|et|e|og|och|i)\s+", re.I)
#: Buttons and links that sit in bylines ("Alice Wu + FOLLOW", "Mehr"): never names.
_UI_WORDS = frozenset(
    {
        *("follow", "following", "more", "mehr", "share", "teilen", "bagikan", "subscribe"),
        *("abonnieren", "ikuti", "print", "drucken", "comment", "comments", "kommentar"),
        *("kommentare", "komentar", "login", "menu", "home", "search", "suche", "profile"),
        *("profil", "website", "homepage", "email", "e-mail", "contact", "kontakt", "bio"),
        *("read", "lesen", "baca", "view", "posts", "articles", "artikel", "beiträge"),
        *("alle", "all", "twitter", "facebook", "instagram", "linkedin", "youtube", "whatsapp"),
        *("über", "about", "autorenseite", "co-autoren", "co-authors", "autoren", "authors"),
    }
)
#: Placeholders some templates print where a name should be.
_PLACEHOLDER_RE = re.compile(
    r"admin|^(?:no author|unknown|anonymous|an[oó]nimo|anonyme|anonim|webmaster|guest)$", re.I
)
_URL_RE = re.compile(r"(?:https?://|www\.|mailto:)\S*|\S+@\S+\.\w+|(?<!\w)@\w+", re.I)
#: A number standing alone ("12", "2019"), not one inside a user name ("freeman1984", "r23").
_NUMBER_RE = re.compile(r"(?<![^\W_])\d+(?![^\W_])")
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_EDGE_CHARS = " ,;:|-–—~•·*()[]{}\"'“”‘’«»!?→←>+"
_INITIAL_RE = re.compile(r"(?:(?:^|[\s.])[^\W\d_]|\b[JS]r)\.$")
_SPACE_RE = re.compile(r"\s+")


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _label_re(labels: Iterable[str]) -> re.Pattern[str]:
    words = sorted(set(labels), key=len, reverse=True)
    spaced = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words if not _CJK_RE.search(w))
    # Chinese and Japanese write the name straight after the label ("记者王敬照").
    unspaced = "|".join(re.escape(w) for w in words if _CJK_RE.search(w)) or "(?!)"
    # "AuthorAndreas Kalt": screen-reader labels run into the name.
    # Not in capitals: "PARIS LIBBY" is no "par" before "IS LIBBY".
    after = r"(?:(?![^\W\d_])|(?<=(?-i:[a-zß-öø-ÿ]))(?=(?-i:[A-ZÀ-ÖØ-Þ])))"
    return re.compile(rf"^(?:(?:{spaced}){after}|{unspaced})\s*[:：\-–]?\s*", re.I)


_WRITER_RE = _label_re(WRITER_LABELS)
_OTHER_RE = _label_re(OTHER_LABELS)
_ROLES = "|".join(re.escape(r) for r in sorted(ROLE_SUFFIXES, key=len, reverse=True))
_ROLE_RE = re.compile(rf"(?:\s*,\s*|\s+)(?:{_ROLES})\.?$", re.I)
_ROLE_ONLY_RE = re.compile(rf"(?:{_ROLES})\.?", re.I)
_DATE_LABEL_RE = re.compile(
    rf"(?:{'|'.join(re.escape(w) for w in sorted(DATE_LABELS, key=len, reverse=True))})\W*", re.I
)
#: "Penulis: Ani Editor: Budi" on one line: a word and a colon inside it starts a new
#: part; two words only when they are a known label ("Laporan wartawan:"), so that
#: "Autor: Fritz Imhof Quelle: ..." keeps "Imhof" with "Fritz".
_MULTIWORD_LABELS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+")
    for w in sorted({*WRITER_LABELS, *OTHER_LABELS, *DATE_LABELS}, key=len, reverse=True)
    if " " in w
)
_INNER_LABEL_RE = re.compile(
    rf"(?<=\S)\s+(?=(?i:{_MULTIWORD_LABELS})\s?[:：]\s|[^\W\d_][^\W\d_ ]{{2,}}\s?[:：]\s)"
)
#: "By | Jane | and | John": a conjunction alone between two parts joins them.
_JOINED_AND_RE = re.compile(r"\s*\|\s*(and|&|dan|und|y|et|e)\s*\|\s*", re.I)
#: "Julia Hitz (eg)", "Jane Doe (AFP)": initials and notes in brackets are not the name.
_PARENTHESES_RE = re.compile(r"\s*[(\[][^)\]]*(?:[)\]]|$)")
_WEEKDAY_BEFORE_RE = re.compile(r"([^\W\d_]{2,})\.?,?\s*$")


@dataclass(frozen=True, slots=True)
class Outlet:
    """What the page says about its publisher: names and address, to tell a byline
    that only names the outlet ("By Kompas Cyber Media", "Liputan6.com") from a writer."""

    names: tuple[str, ...] = ()
    host_label: str = ""
    #: the page's registrable domain ("kompas.com"): links elsewhere are not bylines
    site: str = ""
    #: the page's language: dates in a byline are read in it first
    language: str = ""

    def is_outlet(self, name: str) -> bool:
        key = alnum_key(name)
        if not key:
            return True
        bare = alnum_key(_ARTICLE_RE.sub("", name))
        initials = _initials(name)
        for outlet in self._names():
            if (name.isupper() and _initials(outlet) == key.upper()) or (
                initials == alnum_key(outlet).upper()
            ):
                return True  # "EC" on El Comercio, "Deutsche Welle" on DW
            other = alnum_key(outlet)
            if _person_like(outlet):
                continue  # a personal site, named after its author
            if other and (
                key == other
                or key == alnum_key(outlet.split(".")[0])
                or bare == alnum_key(_ARTICLE_RE.sub("", outlet))
            ):
                return True
        label = self.host_label.lower()
        if len(label) >= 3:
            if key == alnum_key(label) or name.lower().startswith(label + "."):
                return True
            words = [w.casefold() for w in re.findall(r"[^\W_]+", name)]
            if label in words and any(w in _ORGANISATION_WORDS for w in words):
                return True
            if any(_desk_word(w, label) for w in re.findall(r"[^\W_]+", name)):
                return True  # "detikNews", "KapanLagicom": a desk named after the site
        return False

    def _names(self) -> Iterator[str]:
        """Each name, and its parts when it has several ("LN - Lübecker Nachrichten",
        "Headline | Die FURCHE")."""
        for outlet in self.names:
            yield outlet
            parts = _OUTLET_PARTS_RE.split(outlet)
            if len(parts) > 1:
                yield from (part for part in parts if part)

    def is_name_of(self, value: str) -> bool:
        """``value`` (a whole structured author, before it is split into names) is
        one of the outlet's names ("Jobs & Hire")."""
        key = alnum_key(_ARTICLE_RE.sub("", value))
        return bool(key) and any(
            key == alnum_key(_ARTICLE_RE.sub("", name))
            for name in self._names()
            if not _person_like(name)  # a personal site, named after its author
        )


def _initials(name: str) -> str:
    """ "El Comercio" → "EC" (names of two to five capitalised words), else ""."""
    words = name.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


#: Between the parts of a site name ("LN - Lübecker Nachrichten", "Blog | Site").
_OUTLET_PARTS_RE = re.compile(r"\s+(?:[|·•»–—:-])\s+")
#: A leading article: "The Japan Times" is "Japan Times", "Die FURCHE" is "FURCHE".
_ARTICLE_RE = re.compile(r"^(?:the|die|der|das|la|le|les|el|il|lo|de|het)\s+", re.I)


def _desk_word(word: str, label: str) -> bool:
    """``word`` is the site's name with a desk or suffix run into it: "detikNews",
    "KapanLagicom", "Liputan6dotcom" (not "Limespacer" on limespace.de)."""
    rest = word[len(label) :]
    if not rest or word[: len(label)].casefold() != label:
        return False
    return (
        rest[0].isupper()
        or rest[0] in "_-."  # "larepublica_pe": the site's own account
        or rest.casefold() in ("com", "dotcom", "online", "news", "tv")
    )


def _person_like(name: str) -> bool:
    """ "Andreas Kalt", not "Kompas Cyber Media", "KapanLagi.com" or "POPSUGAR"."""
    words = name.split()
    if _ARTICLE_RE.match(name):
        return False  # "The Japan Times", "Die Zeit"
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


# ---------------------------------------------------------------------------- one candidate


def names_in(
    raw: str, outlet: Outlet, *, labelled_only: bool = False, strict: bool = False
) -> list[str]:
    """The writers' names in one byline text; [] if it names none.

    ``labelled_only``: the text must say it names a writer ("By ...", "Penulis: ...").
    ``strict``: the text is the page's own (not structured data), so each name must
    look like one: capitalised words, not a phrase.
    """
    text = _prepare(raw, outlet.language)
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
    if not strict and len(chosen) > 1 and any(map(outlet.is_outlet, chosen)):
        strict = True  # "L-MAG – Das Magazin für Lesben": beside the outlet, only names
    names: list[str] = []
    for part in chosen:
        found = _names_in_part(_PARENTHESES_RE.sub(" ", part), outlet, strict)
        _add(names, found)
        if found and strict and not writers:
            break  # "Jane Doe | World | Fri, June 19": a section after the name
    return names


def _names_in_part(part: str, outlet: Outlet, strict: bool) -> list[str]:
    """Names in one part; what follows the outlet's name or a place in capitals is
    where they write from ("Nada Tawfik, BBC News, New York", "Süddeutsche.de GmbH,
    Munich, Germany", "Agence France-Presse, CHARLESTON, South Carolina"), but a
    name after the outlet's is the writer ("Laporan Wartawan Warta.com, Ani Rahma")."""
    names: list[str] = []
    after_outlet = False
    for name in _split_names(part, strict):
        if _is_organisation(name, outlet):
            if names:
                break
            after_outlet = True
            continue
        if after_outlet and " " not in name:
            continue  # "..., Munich, Germany": the outlet's address
        if strict and names and name.isupper() and " " not in name and len(name) >= 4:
            break
        if _is_name(name, outlet, strict):
            _add(names, [name])
    return names


def _prepare(raw: str, language: str = "") -> str:
    """Plain text with addresses, handles and dates (with their weekday and time) made
    separators, labels inside a line ("... Editor: Budi") starting a new part, and
    "and" between two parts joining them again."""
    text = _SPACE_RE.sub(" ", html.unescape(raw)).strip()
    text = _URL_RE.sub(" | ", text)
    spans = [(found.at, found.end) for found in find_dates(text, language)]
    for start, end in reversed(spans):
        head = text[:start]
        weekday = _WEEKDAY_BEFORE_RE.search(head)
        if weekday and is_weekday(weekday.group(1), language):
            head = head[: weekday.start()]
        text = f"{head} | {text[end:]}"
    text = _INNER_LABEL_RE.sub(" | ", text)
    return _JOINED_AND_RE.sub(r" \1 ", text)


def _split_names(part: str, strict: bool = True) -> Iterator[str]:
    """Names in one part of a byline, split at "and" and commas, without roles,
    credentials and (in the page's text: ``strict``) lower-case words around them
    ("vom Support Team", "Nesselsetzer under"). Structured data names the writer
    as they write themselves ("Mobasir hassan")."""
    for piece in _AND_RE.split(part):
        words = _ROLE_RE.sub("", piece.strip()).split()
        if strict and len(words) > 1:
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
    if len(words) > 1 and any(ch.isdigit() for ch in name):
        return False  # "HD7 T9292": digits belong in a user name ("freeman1984"), not a name
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
    return not _is_organisation(name, outlet)


def _is_organisation(name: str, outlet: Outlet) -> bool:
    """``name`` is a company, a domain or the outlet itself."""
    if _DOMAIN_RE.search(name) or any(w.casefold() in _COMPANY_WORDS for w in name.split()):
        return True
    return bool(_COMPANY_RE.search(name)) or outlet.is_outlet(name)


# ---------------------------------------------------------------------------- the page


#: Class or id words of elements that hold bylines (matched while the page is walked).
BYLINE_MARKS = re.compile(
    r"author|byline|reporter|penulis|writer|journalist|jurnalis|contributor", re.I
)
#: ... and of elements that hold a name (not the writer's title or photo).
_NAME_MARK_RE = re.compile(
    r"author|name|writer|reporter|penulis|journalist|jurnalis|contributor|\bfn\b", re.I
)
#: Class or id words of places whose names are not the article's writers.
_NOT_BYLINE_WORDS = (
    r"comments?|commentlist|reply|related|popular|widget|sidebar|login|caption|copyright|"
    r"license|licence|forms?|recentcomments|footer|menu|nav"
)
_NOT_BYLINE_RE = re.compile(rf"(?<![a-z])(?:{_NOT_BYLINE_WORDS})(?![a-z])", re.I)
#: ... and of elements that are not bylines themselves ("share" buttons, "follow"
#: links), though a byline may sit in their row ("detail-social-share" > "reporter").
_NOT_BYLINE_SELF_RE = re.compile(
    rf"(?<![a-z])(?:{_NOT_BYLINE_WORDS}|share|sharing|social|follow)(?![a-z])", re.I
)
#: WordPress marks posts with their tags and categories ("tag-social-media").
_TOPIC_TOKEN_RE = re.compile(r"^(?:tag|category|categories|post|postid|type|format)-", re.I)


def _marked_not_byline(el: HtmlElement, pattern: re.Pattern[str] = _NOT_BYLINE_RE) -> bool:
    tokens = f"{el.get('class', '')} {el.get('id', '')}".split()
    return any(pattern.search(token) for token in tokens if not _TOPIC_TOKEN_RE.match(token))


def page_authors(doc: HtmlElement, page: PageText, outlet: Outlet) -> list[list[str]]:
    """Writers named on the page itself, nearest the headline first: in the elements
    marked as bylines (an author box at the story's foot too) and the labelled
    credit lines ("Penulis: ...") near it."""
    every = list(_marked_bylines(doc, page, outlet))
    candidates = [c for c in every if c[0] <= MAX_MARKED_DISTANCE]
    shared = set(page.headline.iterancestors()) if page.headline is not None else set()
    for index, names in _dated_lines(page, outlet):
        candidates.append((page.distance(index), names))
        every.append((page.distance(index), names))
    for index, names in _credit_lines(page, outlet):
        distance = page.distance(index)
        every.append((distance, names))
        # Far from the headline, only a credit line in the story itself ("Von: Götz
        # Warnke" at its end), not one in comments or a sidebar.
        if distance <= MAX_CREDIT_DISTANCE or (
            distance <= MAX_MARKED_DISTANCE and not _inside_other_thing(page.owners[index], shared)
        ):
            candidates.append((distance, names))
    candidates.sort(key=lambda c: c[0])
    return [names for distance, names in candidates if not _in_a_list(distance, names, every)]


def _in_a_list(distance: int, names: list[str], candidates: list[tuple[int, list[str]]]) -> bool:
    """Far from the headline, a byline with other writers' bylines just around it is
    one of a list of other stories ("More from Open Future: ... By Cory Booker")."""
    if distance <= LIST_DISTANCE:
        return False
    return any(
        abs(other - distance) <= LIST_SPAN and set(names) != set(others)
        for other, others in candidates
    )


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
            # After the first name, only elements marked as a name ("byline__name",
            # "author"), not the writer's title beside it ("byline__title": "BBC News,
            # New York")
            if names and not _marks_a_name(leaf):
                continue
            if not _links_elsewhere(leaf, outlet.site):
                _add(names, _names_of(leaf, outlet))
        if outer is not members[0]:
            # "Von <a>Robert</a> -" (the name is in no leaf), "<span>Sara</span>
            # <span>Zinnecker</span>" (one name over two leaves): the whole byline
            whole = _names_of(outer, outlet)
            if whole and (
                not names or (len(whole) < len(names) and not _names_all_in(whole, names))
            ):
                names = whole  # not when it only lost a name to the text after it
        if names:
            yield page.distance(page.first[members[0]]), names


def _marks_a_name(el: HtmlElement) -> bool:
    if el.get("rel") == "author" or el.get("itemprop") in ("author", "name"):
        return True
    if el.tag == "a" and AUTHOR_PAGE_RE.search(el.get("href") or ""):
        return True
    return bool(_NAME_MARK_RE.search(f"{el.get('class', '')} {el.get('id', '')}"))


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


#: Elements whose names are not the article's writers: a picture's credit, menus, forms.
_NOT_BYLINE_TAGS = frozenset({"footer", "aside", "nav", "form", "figure", "figcaption"})


def _inside_other_thing(el: HtmlElement, shared: set[HtmlElement]) -> bool:
    """Inside comments, an author box, a share bar or a list of other stories. Only
    the containers below the ones ``el`` shares with the headline (``shared``) count:
    above those are the page's layout ("one-sidebar", "content-sidebar-wrap")."""
    for node in el.iterancestors():
        if node.tag in ("body", "html") or node in shared:
            break
        if node.tag == "footer" and any(a.tag == "article" for a in node.iterancestors()):
            continue  # the article's own footer: "Posted by ..." under the story
        if node.tag in _NOT_BYLINE_TAGS or _marked_not_byline(node):
            return True
    return el.tag in _NOT_BYLINE_TAGS or _marked_not_byline(el, _NOT_BYLINE_SELF_RE)


def _dated_lines(page: PageText, outlet: Outlet) -> Iterator[tuple[int, list[str]]]:
    """The short line under the headline that gives a date and a full name and
    nothing else ("11.12.2019 - Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta
    Helkenberg", or the date and the name in two nodes): the writer, unlabelled."""
    if page.headline is None:
        return
    end = min(len(page.chunks), page.head_end + DATED_LINE_CHUNKS)
    for index in range(page.head_end, end):
        if page.distance(index) > DATED_LINE_DISTANCE:
            return
        chunk = page.chunks[index]
        if len(chunk) > MAX_NAME_CHARS or not any(find_dates(chunk, outlet.language)):
            continue
        parts = _plain_parts(chunk, outlet.language)
        if not parts and index + 1 < len(page.chunks):  # the date alone: the name follows
            parts = _plain_parts(page.chunks[index + 1], outlet.language)
        if len(parts) == 1 and _full_name(parts[0]) and not outlet.is_outlet(parts[0]):
            key = alnum_key(parts[0])  # a personal site's name is no writer here: unlabelled
            if key != alnum_key(outlet.host_label) and all(
                key != alnum_key(n) for n in outlet.names
            ):
                yield index, [parts[0]]
        return


def _plain_parts(text: str, language: str) -> list[str]:
    """The parts of a short line besides its date, time and separators."""
    if len(text) > MAX_NAME_CHARS:
        return [text]
    parts = (p.strip(_EDGE_CHARS) for p in _SEPARATORS_RE.split(_prepare(text, language)))
    return [p for p in parts if p and p.casefold() not in ("uhr", "h")]


def _full_name(text: str) -> bool:
    """ "Amelie Loevenich", "Boris T. Kaiser": capitalised words and initials."""
    words = [w for w in text.split() if not re.fullmatch(r"[^\W\d_]\.", w)]
    return len(text.split()) >= 2 and _person_like(" ".join(words) if len(words) > 1 else text)


def _credit_lines(page: PageText, outlet: Outlet) -> Iterator[tuple[int, list[str]]]:
    """Text nodes that begin with a writer's label, with the name in them or in the
    next one or two ("Oleh :" ‖ "Adrianus Mandey")."""
    chunks = page.chunks
    for index, chunk in enumerate(chunks):
        # "| By " (a screen reader's label after a kicker) starts a credit line too
        text = chunk.lstrip(_EDGE_CHARS)
        if len(text) > MAX_BYLINE_ELEMENT_CHARS or not _WRITER_RE.match(text):
            continue
        end = index + 1
        while end < len(chunks) and end <= index + 2 and len(text) < 40:
            text = f"{text} | {chunks[end]}"
            end += 1
        names = names_in(text, outlet, labelled_only=True, strict=True)
        if not re.match(r"[^:：]{1,30}[:：]", text):  # "By Jane Doe", not "Penulis: ani"
            names = [name for name in names if len(name.split()) > 1 or _CJK_RE.search(name)]
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
        more = structured_authors(values, outlet)
        if not names:
            names = more
        elif len(more) > len(names) and _names_all_in(names, more):
            names = more  # JSON-LD names one writer, <meta> the same one and another
    found = page_authors(doc, page, outlet)
    shown = found[0] if found else []
    if not names:
        names = shown or _post_author_in_comments(page, outlet)
    elif len(shown) == len(names) and all(map(_names_same, names, shown)):
        names = shown
    fullest: list[str] = []
    _add(fullest, (_fullest(name, found) for name in names))
    return fullest


def _post_author_in_comments(page: PageText, outlet: Outlet) -> list[str]:
    """The writer as the blog marks them when they answer a comment (WordPress's
    "bypostauthor" comments), for posts that show no byline of their own."""
    for el in page.marked:
        if "bypostauthor" not in (el.get("class") or "").split():
            continue
        for mark in ("fn", "author", "comment-author"):  # the name's own element first
            for node in el.iter():
                if node is el or mark not in (node.get("class") or "").split():
                    continue
                text = visible_text(node)
                if 0 < len(text) <= MAX_NAME_CHARS and (names := names_in(text, outlet)):
                    return names[:1]
        return []
    return []


def _fullest(name: str, found: Sequence[Sequence[str]]) -> str:
    """``name`` as the page spells it most fully elsewhere: a first name or user name
    in the byline ("Nils", "DT", "gabor_munier") and the whole name in the author box
    or a credit line ("Nils Pickert", "Donald Townsend", "Gàbor Muniér")."""
    if " " in name.strip():
        return name
    initials = len(name) <= 3 and name.isupper()
    for names in found:
        for other in names:
            words = other.split()
            if len(words) < 2 or len(words) > 4:
                continue
            if _names_same(name, other):
                return other
            if initials and "".join(w[0] for w in words if w[:1].isupper()) == name:
                return other
    return name


def _names_all_in(names: Sequence[str], others: Sequence[str]) -> bool:
    """Each of ``names`` is one of ``others`` (or begins it)."""
    return all(any(_names_same(name, other) for other in others) for name in names)


def _names_same(structured: str, shown: str) -> bool:
    """``shown`` is ``structured``, begins with it ("Todd" → "Todd Bates"), or is the
    name a user name spells ("gabor_munier" → "Gàbor Muniér")."""
    a, b = structured.casefold(), shown.casefold()
    if a == b or b.startswith(a + " "):
        return True
    return " " not in a and " " in b and _plain_key(a) == _plain_key(b)


def _plain_key(text: str) -> str:
    """Letters and digits without accents: "Gàbor Muniér" → "gabormunier"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def structured_authors(values: Sequence[str], outlet: Outlet) -> list[str]:
    """Writers from structured data (JSON-LD names or one ``<meta>`` value)."""
    names: list[str] = []
    for value in values:
        if outlet.is_name_of(clean_value := _SPACE_RE.sub(" ", html.unescape(value)).strip()):
            continue  # "Jobs & Hire", "Deutsche Welle (www.dw.com)": not split into "names"
        for name in names_in(clean_value, outlet):
            if len(words := name.split()) > 2 and _lower(words[0]) and _lower(words[-1]):
                continue  # "staff and news service reports": a phrase, not a name
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names
