"""Which links can be further reading, and which parts of a page are site chrome.

A related link leads to another *article*: never to a share dialog, an ad
redirect, a tag, topic, author or search page, a section front or the home
page. Article addresses carry a slug of several words or a long number (an id
or a date); section and tag pages carry one or two plain words. Site chrome
(menus, navigation, page header and footer) is where site-wide links live:
"About us", "Contact", "Privacy policy", channel names.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

#: Path segments (or words of one) of pages that list articles, describe the site or
#: hold discussions: never an article, wherever they stand in the path.
LISTING_SEGMENTS = frozenset(
    {
        *("tag", "tags", "tagged", "topic", "topics", "topik", "tema", "temas", "thema", "themen"),
        *("motcle", "mot-cle", "mots-cles", "keyword", "keywords", "label", "labels", "tagar"),
        *("category", "categories", "kategori", "author", "authors", "autor", "auteur"),
        *("penulis", "profile", "profil", "user", "users", "search", "cari", "pencarian"),
        *("suche", "recherche", "buscar", "busca", "ricerca", "szukaj", "forum", "forums"),
        *("threads", "comment", "comments", "komentar", "login", "register", "subscribe"),
        *("about-us", "contact-us", "privacy-policy", "sitemap", "impressum", "pedoman"),
        *("pedoman-media-siber", "info-iklan", "shop", "store", "toko", "abo", "abonnement"),
        *("job", "jobs", "karriere", "career", "careers", "stellenangebote", "lowongan-kerja"),
        # feeds and the site's scripts' endpoints: not pages to read
        *("rss", "feed", "feeds", "atom", "ajax"),
    }
)
#: Words that mark a listing when they are part of a path segment ("tag-populer").
LISTING_WORDS = frozenset({"tag", "tags", "topic", "topik", "thema", "keyword", "kategori"})
#: Final segments of index pages and site pages ("/news/", "/about", "/contact").
LISTING_LAST = LISTING_SEGMENTS | frozenset(
    {
        *("index", "indeks", "archive", "archives", "arsip", "archiv", "archivo", "feed", "rss"),
        *("about", "contact", "kontak", "privacy", "terms", "redaksi", "karir", "lowongan"),
        *("advertise", "iklan", "news", "berita", "video", "videos", "foto", "photos", "home"),
        *("latest", "terkini", "terbaru", "popular", "populer", "mostpopular", "newsletter"),
    }
)
_SHARE_RE = re.compile(
    r"(facebook\.com/(sharer|share\.php|dialog/share)|twitter\.com/(intent|share)|x\.com/intent"
    r"|^https?://wa\.me/|whatsapp\.com/send|line\.me/R/msg|t\.me/share|telegram\.me/share"
    r"|pinterest\.[a-z.]+/pin/create|linkedin\.com/(shareArticle|sharing)|reddit\.com/submit"
    r"|tumblr\.com/share|getpocket\.com/save|plus\.google\.com/share|vk\.com/share"
    r"|[?&](view|action|output|format|share)=(mail|email|print|pdf|facebook|twitter)\b"
    r"|/(print|email|mail)(/|$)"
    # posts on social networks and video sites: not articles to read in the reader
    r"|^https?://([a-z0-9-]+\.)*(facebook\.com|fb\.com|twitter\.com|x\.com|instagram\.com"
    r"|tiktok\.com|youtube\.com|youtu\.be|linkedin\.com|pinterest\.[a-z.]+|t\.me"
    r"|threads\.net|vk\.com|line\.me|whatsapp\.com)(/|$))",
    re.IGNORECASE,
)
_AD_RE = re.compile(
    r"(popin\.cc|doubleclick\.net|googleadservices|googlesyndication|outbrain\.com|taboola\.com"
    r"|revcontent|mgid\.com|zergnet|clickfrog|adclick|/aclk\?|[?&](lp|adurl|clickurl)=https?"
    # link shorteners: a promotion's disguise in a list of headlines
    r"|^https?://(goo\.gl|bit\.ly|tinyurl\.com|ow\.ly|buff\.ly|t\.co|is\.gd|s\.id)/"
    # picture libraries: a photo's credit, not a story
    r"|^https?://([a-z0-9-]+\.)*(flickr\.com|unsplash\.com|pixabay\.com|pexels\.com"
    r"|shutterstock\.com|gettyimages\.[a-z.]+|istockphoto\.com|stock\.adobe\.com"
    r"|vectorstock\.com|depositphotos\.com|dreamstime\.com|123rf\.com)(/|$))",
    re.IGNORECASE,
)
_MEDIA_EXT_RE = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|bmp|mp3|mp4|m4a|webm|zip|exe|apk|pdf|docx?|xlsx?|pptx?|odt|epub)$",
    re.IGNORECASE,
)
_PAGE_EXT_RE = re.compile(r"\.(s?html?|php\d?|aspx?|jsp|cms|cfm|do)$", re.IGNORECASE)
_TOKEN_SPLIT_RE = re.compile(r"[-_.+,~!]+")
_LONG_NUMBER_RE = re.compile(r"\d{4,}")
_ID_QUERY_RE = re.compile(r"(?:^|&)(?:id|p|aid|article|articleid|story|storyid|newsid|nid)=\d+")

#: Tags, roles and class/id words of site chrome.
CHROME_TAGS = frozenset({"nav", "header", "footer"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "menubar", "menu"})
CHROME_WORDS = frozenset(
    {
        *("nav", "navbar", "navigation", "navi", "menu", "menus", "mainmenu", "submenu"),
        *("megamenu", "dropdown", "footer", "foot", "header", "masthead", "topbar", "bottombar"),
        *("breadcrumb", "breadcrumbs", "sitemap", "copyright", "offcanvas", "sidenav"),
    }
)
#: Navigation proper: links here are never related, whatever heading they sit under.
NAV_WORDS = frozenset(
    {"nav", "navbar", "navigation", "menu", "mainmenu", "submenu", "megamenu", "breadcrumb"}
)
_WORD_SPLIT_RE = re.compile(r"[\s_\-]+")


def class_words(el: HtmlElement) -> set[str]:
    """The words of an element's class and id (split on spaces, hyphens, underscores)."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return {w for w in _WORD_SPLIT_RE.split(raw) if w}


def is_share_or_ad(url: str) -> bool:
    return bool(_SHARE_RE.search(url) or _AD_RE.search(url))


def _segments(url: str) -> tuple[list[str], str] | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return [s for s in unquote(parts.path).split("/") if s], parts.query


def is_media_url(url: str) -> bool:
    """A picture, a sound, a video or a document file rather than a page."""
    found = _segments(url)
    return bool(found and found[0] and _MEDIA_EXT_RE.search(found[0][-1]))


def is_listing_url(url: str) -> bool:
    """A home page, a section front, a tag/topic/author/search/archive page, a site
    page ("about", "contact", "privacy"), or something that is not a page at all."""
    found = _segments(url)
    if found is None:
        return True
    segments, query = found
    if segments and _MEDIA_EXT_RE.search(segments[-1]):
        return True
    if _ID_QUERY_RE.search(query):
        return False  # "/index.php?id=123": a story by its id
    if not segments:
        return True
    stems = [_PAGE_EXT_RE.sub("", s).lower() for s in segments]
    # "/tag/x", "/topic/123/x", "/ragam/tag-populer/x" (but "/tag-populer/x/story-slug"
    # is a story filed under a tag, and a final slug may say "tag")
    if any(stem in LISTING_SEGMENTS for stem in stems[:-1]):
        return True
    if len(stems) > 1 and LISTING_WORDS.intersection(_TOKEN_SPLIT_RE.split(stems[-2])):
        return True
    if stems[-1] in LISTING_LAST:
        return True
    # "/peristiwa/", "/lifestyle/personality": a section front (one plain word under at
    # most one more), unless it names a story
    last = _PAGE_EXT_RE.sub("", segments[-1])
    plain_word = len([t for t in _TOKEN_SPLIT_RE.split(last) if t]) == 1 and not last.isdigit()
    return len(segments) <= 2 and plain_word and not _article_like(segments, query)


def _article_like(segments: list[str], query: str) -> bool:
    """A slug of three or more words, a long number (an id, a date) in the path, or
    an id in the query."""
    path = "/".join(segments)
    if _LONG_NUMBER_RE.search(path) or _ID_QUERY_RE.search(query):
        return True
    return any(
        len([t for t in _TOKEN_SPLIT_RE.split(_PAGE_EXT_RE.sub("", s)) if t]) >= 3 for s in segments
    )


def is_article_url(url: str) -> bool:
    """Does ``url`` look like an article's address: a slug of three or more words, a
    long number (an id, a date) in its path, or an id in its query?"""
    if is_listing_url(url) or is_share_or_ad(url):
        return False
    found = _segments(url)
    return found is not None and _article_like(*found)


def long_number(url: str) -> str | None:
    """The longest run of six or more digits in ``url``'s path: an article id."""
    found = _segments(url)
    if found is None:
        return None
    numbers = re.findall(r"\d{6,}", "/".join(found[0]))
    return max(numbers, key=len) if numbers else None


def headline_words(title: str) -> int:
    """Words in a title; scripts written without spaces count a word per two characters."""
    words = title.split()
    if len(words) <= 2 and len(title) >= 8 and not title.isascii():
        wide = sum(1 for ch in title if ord(ch) >= 0x2E80)  # CJK and friends
        if wide >= 4:
            return wide // 2
    return len(words)


def in_chrome(el: HtmlElement, stop: HtmlElement | None = None, *, nav_only: bool = False) -> bool:
    """Is ``el`` inside site chrome (a menu, navigation, the page header or footer)?

    With ``nav_only``, only navigation and menus count (a page footer may hold a
    block that a related heading introduces). An ``<article>`` between ``el`` and
    the chrome element makes it the article's own header or footer, not chrome.
    """
    node: HtmlElement | None = el
    while node is not None and node is not stop:
        tag = node.tag
        if tag in ("article", "main", "body"):
            return False
        if tag == "nav" or (node.get("role") or "").lower() in ("navigation", "menubar", "menu"):
            return True
        words = class_words(node) if (node.get("class") or node.get("id")) else set()
        if words & NAV_WORDS:
            return True
        if not nav_only and (
            tag in CHROME_TAGS
            or (node.get("role") or "").lower() in CHROME_ROLES
            or words & CHROME_WORDS
        ):
            return True
        node = node.getparent()
    return False
