"""Related links: found on the page before readability throws them away, then removed.

Two kinds (see :class:`reader.core.models.RelatedLink`):

* ``inline`` teasers inside the body (:mod:`reader.core.page.teasers`): "Baca
  juga:", "Read more", "Czytaj też:" lines, lists of headline links and teaser
  cards between the paragraphs.
* ``block`` lists of related articles around the body, recognised by a heading
  phrase ("Berita Terkait", "Baca Lebih Lanjut", "Related stories", "Mehr zum
  Thema" ...; a tab whose panel the heading names counts too), by a class or id
  that says "related" in one of several languages, or by a related selector of
  the site's rules. Each item's title and outlet are read from its lines.

Site-wide lists ("Terpopuler", "Most popular", "Berita Lainnya", tags) are
removed from the page but never become related links; navigation, menus and the
page's own header and footer never give any. A link must lead to another
article (see :mod:`reader.core.page.linkfilter`), never to the page itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from reader.core.models import RelatedKind, RelatedLink
from reader.core.page import sitelines, teasers
from reader.core.page.linkfilter import (
    class_words,
    headline_words,
    in_chrome,
    is_article_url,
    is_listing_url,
    is_share_or_ad,
    long_number,
)
from reader.core.page.nodes import (
    BLOCK_TAGS,
    HEADING_TAGS,
    anchors,
    attached,
    item_of,
    non_link_len,
    non_link_text,
    norm,
    remove,
)
from reader.core.page.siterules import SiteRule, SiteRules
from reader.core.urls import absolutize, canonicalize, host_of, same_page, site_key

#: Elements that end a line when an item's text is split into title and source lines.
#: A link is one too: a label before it ("BACA JUGA: <a>…</a>") is not its title.
LINE_TAGS = BLOCK_TAGS | {"br", "small", "cite", "time", "a"}
TITLE_WORDS = frozenset({"title", "judul", "headline", "heading", "tit", "hed", "titel", "titulo"})
SOURCE_WORDS = frozenset(
    {
        *("src", "source", "sumber", "outlet", "publisher", "site", "sitename", "penerbit"),
        *("provider", "brand", "domain", "portal"),
    }
)
#: Class words of an author line: never the title, never the outlet.
AUTHOR_WORDS = frozenset({"author", "authors", "byline", "penulis", "reporter", "autor", "auteur"})
#: Class words of a kicker: the channel or rubric printed above a headline.
KICKER_WORDS = frozenset(
    {
        *("cat", "category", "kategori", "kicker", "channel", "kanal", "rubric", "rubrik"),
        *("rubrique", "section", "overline", "label", "tag"),
    }
)
MAX_BLOCK_LINKS = 40
#: Text per linked item of a related block (title, kicker, date, summary): more is prose.
MAX_ITEM_CHARS = 400
MAX_HEADING_CHARS = 100
#: Text around a link in its paragraph that makes it a link in running text.
PROSE_AROUND_LINK_CHARS = 80
#: Class words of a list of tags or topics: a class may say "tag-related" there.
TOPIC_CLASS_WORDS = frozenset(
    {"tag", "tags", "tagar", "topic", "topics", "topik", "tema", "temas", "themen", "keywords"}
)
#: A paragraph this long outside any item of a block is article text.
LONG_PARAGRAPH_CHARS = 160
MAX_TITLE_CHARS = 300
MIN_TITLE_CHARS = 8
#: Headline words a title needs (two will do for an article address).
MIN_HEADLINE_WORDS = 3
#: Text beside a site list's label and links in its line ("Tags: a, b, c").
SITE_LINE_EXTRA_CHARS = 10
#: How far up from a heading its block may start.
MAX_HEADING_CLIMB = 5

_MORE_LINK_RE = re.compile(
    r"\W*(lihat semua|selengkapnya|lainnya|see all|view all|more|show more|index|indeks|"
    r"next|previous|sebelumnya|selanjutnya|load more|muat lebih banyak"
    # "Cargar más noticias", "Mehr laden", "Voir plus d'articles": a button, not a story
    r"|(cargar|ver|mostrar|carregar|voir|afficher|charger|carica|mostra|pokaż|lihat|muat)"
    r"\s+(m[aá]s|mais|plus|altri|altre|więcej|lebih banyak|semua)(\s+\w+){0,2}"
    r"|(mehr|weitere)(\s+\w+)?\s+(laden|anzeigen)|alle (artikel )?anzeigen)\W*",
    re.IGNORECASE,
)
#: Bullets and arrows some sites print before each headline of a list.
_LEAD_BULLETS = "›»>•·▪■►▶-–—*| \u00a0"
_OUTLET_SUFFIX_RE = re.compile(r"(.+?)\s+[-–—|·•]\s+([^-–—|·•]{2,40})")
#: Separators between a title and its outlet ("Title - Outlet", "Title | Outlet").
_SEPARATORS = " -–—|·•"
_URL_TEXT_RE = re.compile(r"https?://|\bwww\.\w", re.IGNORECASE)
_DATE_LINE_RE = re.compile(
    r"[\W\d]*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}|\d+\s+\w+\s+\d{4}|"
    r"\w+,?\s+\d{1,2}\s+\w+\s+\d{4}).{0,20}",
    re.IGNORECASE,
)


def _lines(item: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """Split an item into lines at block elements, ``<br>`` and classed elements."""
    lines: list[tuple[str, HtmlElement]] = []
    current: list[str] = []
    owner: list[HtmlElement] = [item]

    def flush() -> None:
        text = norm(" ".join(current)).strip(_SEPARATORS)
        if text:
            lines.append((text, owner[-1]))
        current.clear()

    def walk(node: HtmlElement) -> None:
        boundary = node is not item and (node.tag in LINE_TAGS or bool(node.get("class")))
        if boundary:
            flush()
            owner.append(node)
        if node.text:
            current.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                current.append(child.tail)
        if boundary:
            flush()
            owner.pop()

    walk(item)
    flush()
    return lines


def _has_word(el: HtmlElement, item: HtmlElement, words: frozenset[str]) -> bool:
    node: HtmlElement | None = el
    while node is not None:
        if class_words(node) & words:
            return True
        if node is item:
            break
        node = node.getparent()
    return False


def _is_heading(el: HtmlElement, item: HtmlElement) -> bool:
    node: HtmlElement | None = el
    while node is not None:
        if node.tag in HEADING_TAGS:
            return True
        if node is item:
            break
        node = node.getparent()
    return False


def _linked(el: HtmlElement, item: HtmlElement) -> HtmlElement | None:
    """The link ``el`` is in (or is), within ``item``."""
    node: HtmlElement | None = el
    while node is not None:
        if node.tag == "a":
            return node
        if node is item:
            break
        node = node.getparent()
    return None


@dataclass(slots=True)
class RelatedCollector:
    """Accumulates related links for one page, de-duplicated, never the page itself."""

    page_url: str
    rules: SiteRules
    site: SiteRule
    canonical_url: str | None = None
    site_name: str | None = None
    base_url: str = ""
    #: the raw page, to skip selectors that cannot match (see SiteRules.xpath)
    page_text: str = ""
    links: list[RelatedLink] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)
    _page_number: str | None = None
    _urls: dict[str, str | None] = field(default_factory=dict)
    _targets: dict[str, str | None] = field(default_factory=dict)
    _ruled_targets: dict[str, str | None] = field(default_factory=dict)
    topic: Topic = field(default_factory=lambda: Topic(frozenset()))

    def __post_init__(self) -> None:
        self._page_number = long_number(self.canonical_url or self.page_url) or long_number(
            self.page_url
        )

    # ---------------------------------------------------------------- links

    def url_of(self, href: str | None) -> str | None:
        """``href`` resolved to an absolute http(s) URL (memoised: pages repeat links)."""
        if href is None:
            return None
        if href not in self._urls:
            self._urls[href] = absolutize(href, self.base_url or self.page_url)
        return self._urls[href]

    def _target(self, href: str | None, ruled: bool) -> str | None:
        """The canonical address ``href`` leads to, if it may be a related link
        (another article; with ``ruled``, any other page), else None (memoised)."""
        if href is None:
            return None
        cache = self._ruled_targets if ruled else self._targets
        if href not in cache:
            url = self.url_of(href)
            ok = (
                url is not None
                and not is_share_or_ad(url)
                and not self.is_self(url)
                and (ruled or not is_listing_url(url))
            )
            cache[href] = _identity(url) if ok and url is not None else None
        return cache[href]

    def source_for(self, url: str) -> str:
        """Outlet name for a link whose item names none: the page's own site name for
        links to the same site, else the known-outlet table, else the host."""
        if self.site_name and _site_key(url) == _site_key(self.page_url):
            return self.site_name
        return self.rules.outlet_name(url) or host_of(url)

    def is_self(self, url: str) -> bool:
        """The page itself: its address, its canonical one, or another address on the
        same site carrying the same article id (a short link, a print version)."""
        if same_page(url, self.page_url) or bool(
            self.canonical_url and same_page(url, self.canonical_url)
        ):
            return True
        number = long_number(url)
        return (
            number is not None
            and number == self._page_number
            and site_key(host_of(url)) == site_key(host_of(self.page_url))
        )

    def acceptable(
        self, url: str | None, title: str, *, strict: bool = False, ruled: bool = False
    ) -> bool:
        """Can ``url`` titled ``title`` be further reading? ``strict`` (no label or
        heading says so) asks for an article address; ``ruled`` (a selector of the
        rules says so) asks only for a title and a page that is neither this one nor a
        share dialog or an ad."""
        if url is None or self.is_self(url) or is_share_or_ad(url):
            return False
        title = norm(title)
        if len(title) < MIN_TITLE_CHARS or _MORE_LINK_RE.fullmatch(title):
            return False
        if _URL_TEXT_RE.search(title):
            return False  # "Kurzlink: https://…", "www.example.com": an address, not a title
        if ruled:
            return True
        if is_listing_url(url):
            return False
        words = headline_words(title)
        if strict:
            return words >= MIN_HEADLINE_WORDS and is_article_url(url)
        return words >= MIN_HEADLINE_WORDS or (words >= 2 and is_article_url(url))

    def add(
        self,
        href: str | None,
        title: str,
        source: str | None,
        kind: RelatedKind,
        *,
        strict: bool = False,
        ruled: bool = False,
    ) -> bool:
        url = self.url_of(href)
        title = norm(title).lstrip(_LEAD_BULLETS)[:MAX_TITLE_CHARS]
        if url is None or not self.acceptable(url, title, strict=strict, ruled=ruled):
            return False
        key = _identity(url)
        link = RelatedLink(
            url=url, title=title, source=norm(source) or self.source_for(url), kind=kind
        )
        if key in self._seen:
            if kind == "inline":
                # a teaser in the text, also listed in a block: it belongs to the text
                self.links = [
                    link if _identity(old.url) == key and old.kind != "inline" else old
                    for old in self.links
                ]
            return False
        self._seen.add(key)
        self.links.append(link)
        return True

    def split_outlet_suffix(self, title: str) -> tuple[str, str | None]:
        """ "Some headline - Antaranews" → ("Some headline", "Antaranews") for known outlets."""
        match = _OUTLET_SUFFIX_RE.fullmatch(title)
        if match:
            names = self.rules.outlet_names()
            name = names.get(match.group(2).lower())
            if name and len(match.group(1)) >= MIN_TITLE_CHARS:
                return match.group(1), name
        return title, None

    def is_label(self, text: str) -> bool:
        """A teaser label or a related heading ("Baca juga:", "Lire aussi")."""
        phrases = self.rules.phrases
        return any(ch.isalpha() for ch in text) and bool(
            phrases.teaser_label.fullmatch(text) or phrases.related_heading.fullmatch(text)
        )

    # ---------------------------------------------------------------- items

    def article_targets(
        self, block: HtmlElement, skip: HtmlElement | None = None, *, ruled: bool = False
    ) -> dict[HtmlElement, str]:
        """Each link of ``block`` (outside ``skip``) that can lead to an article (with
        ``ruled``: to any page), with the canonical form of its address."""
        keys: dict[HtmlElement, str] = {}
        for a in anchors(block):
            if skip is not None and attached(a, skip):
                continue
            key = self._target(a.get("href"), ruled)
            if key is not None:
                keys[a] = key
        return keys

    def collect_items(
        self,
        block: HtmlElement,
        kind: RelatedKind,
        *,
        skip: HtmlElement | None = None,
        stop_at: frozenset[HtmlElement] = frozenset(),
        strict: bool = False,
        topical: float = 0.0,
        ruled: bool = False,
    ) -> int:
        """Add one link per article that ``block`` links to (its title and outlet read
        from its item); links after an element of ``stop_at`` (the heading of another
        list) are left out. With ``topical``, the block counts only when that share of its
        stories share the page's topic (see :class:`Topic`). Returns the number added."""
        keys = self.article_targets(block, skip, ruled=ruled)
        if stop_at:
            keys = {a: k for a, k in keys.items() if not _after_any(a, block, stop_at)}
        groups: dict[str, list[HtmlElement]] = {}
        for a, key in keys.items():
            groups.setdefault(key, []).append(a)
        # a link inside a card's summary ("I wrote a <a>simulator</a> to model…") is
        # the summary's reference, not a story of the list
        groups = {
            key: group
            for key, group in groups.items()
            if not all(_in_prose(a, block) for a in group)
        }
        items = []
        for group in groups.values():
            item = item_of(group[0], block, keys)
            if any(_AD_LABEL_RE.fullmatch(text) for text, _ in _lines(item)):
                continue  # a paid placement dressed as a story ("Anzeige", "Sponsored")
            title, source = self.title_and_source(item, group)
            items.append((group[0].get("href"), title, source))
        if topical and not self.topic.covers([title for _, title, _ in items], topical):
            return 0
        return sum(
            self.add(href, title, source, kind, strict=strict, ruled=ruled)
            for href, title, source in items
        )

    def title_and_source(
        self, item: HtmlElement, links: list[HtmlElement]
    ) -> tuple[str, str | None]:
        """Split an item into its headline and its outlet or channel name.

        The headline is the longest line in a heading or a title-classed element,
        else the longest linked line, else the longest line; labels ("Baca juga:")
        and dates are never headlines. The outlet is a line in a source-classed
        element (or ``<small>``/``<cite>``), else a line naming a known outlet, else
        the kicker (a channel-classed line, or a short link to a section page),
        else a short leftover line that cannot be a date.
        """
        lines = [
            (t, o)
            for t, o in _lines(item)
            if not self.is_label(t)
            and not _DATE_LINE_RE.fullmatch(t)
            and not _has_word(o, item, AUTHOR_WORDS)
        ]
        outlet_names = self.rules.outlet_names()
        kicker = next((t for t, o in lines if self._is_kicker(o, item)), None)
        titled = [
            t
            for t, o in lines
            if t != kicker and (_is_heading(o, item) or _has_word(o, item, TITLE_WORDS))
        ]
        title: str | None = max(titled, key=len) if titled else None
        if title is None:
            linked = [t for t, o in lines if t != kicker and _linked(o, item) is not None]
            title = max(linked or [t for t, _ in lines if t != kicker] or [""], key=len) or None
        rest = [(t, o) for t, o in lines if t != title]
        source = next(
            (
                t
                for t, o in rest
                if len(t) <= 60 and (_has_word(o, item, SOURCE_WORDS) or o.tag in ("small", "cite"))
            ),
            None,
        )
        if source is None:
            source = next(
                (outlet_names[t.lower()] for t, _ in rest if t.lower() in outlet_names), None
            )
        if source is None and kicker is not None and kicker != title:
            source = kicker
        if source is None:
            # A short extra line beside the headline names the outlet in such widgets.
            source = next((t for t, _ in rest if _looks_like_outlet(t)), None)
        if title is None:
            title = next((a.get("title") for a in links if a.get("title")), None) or next(
                (img.get("alt") for a in links for img in a.iter("img") if img.get("alt")), ""
            )
        title = title or ""
        dated = _TRAILING_DATE_RE.sub("", title)
        if len(dated) >= MIN_TITLE_CHARS:
            title = dated  # "Rüstung für Saudi-Arabien, 04.12.2018": the date is not the title
        if source is not None and norm(source) == norm(title):
            source = None  # the headline read twice (a caption, an alt text) names no outlet
        if source is None:
            title, source = self.split_outlet_suffix(title)
        return title, source

    def _is_kicker(self, el: HtmlElement, item: HtmlElement) -> bool:
        """A channel or rubric line: a kicker-classed element, or a short link to a
        section page (not an article) inside the item."""
        if _has_word(el, item, KICKER_WORDS) and not _is_heading(el, item):
            return True
        link = _linked(el, item)
        if link is None:
            return False
        url = self.url_of(link.get("href"))
        return url is not None and not is_article_url(url) and len(norm(link.text_content())) <= 30

    # ---------------------------------------------------------------- blocks

    def blocks_by_selector(self, root: HtmlElement) -> None:
        for el in self.rules.select(self.site.related, root, self.page_text):
            if attached(el, root) and el.tag not in ("html", "body"):
                self.collect_items(el, "block", ruled=True)
                remove(el)

    def blocks_by_heading(self, root: HtmlElement) -> None:
        """Lists introduced by a related heading (links kept) or a site-list heading
        (removed, no links)."""
        found = list(self._headings(root))
        heads = frozenset(h for h, _ in found)
        site_heads = frozenset(h for h, kind in found if kind == "site")
        for heading, kind in found:
            is_related = kind not in ("site", "site-line")
            if not attached(heading, root):
                continue
            if kind == "site-line":
                remove(heading)
                continue
            members = self._block_of(heading, root, heads)
            if not members:
                # A lone heading with nothing to list: still not article text.
                if is_related or heading.tag in HEADING_TAGS:
                    remove(heading)
                continue
            if is_related:
                # a label line set into the text ("Baca juga:" then its links) is a
                # teaser; a heading ("Baca Lebih Lanjut", "Related stories") a block
                where: RelatedKind = (
                    "inline" if _label_line(heading) and teasers.in_body_flow(heading) else "block"
                )
                for member in members:
                    if not in_chrome(member, root, nav_only=True):
                        stops = (site_heads - {heading}) | self._sub_headings(member, heading)
                        self.collect_items(
                            member,
                            where,
                            skip=heading,
                            stop_at=stops,
                            topical=TOPICAL_SHARE if kind == "recommend" else 0.0,
                        )
            for member in members:
                if attached(member, root):
                    remove(member)
            if attached(heading, root):
                remove(heading)

    def _headings(self, root: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
        """Outermost elements whose whole text is a heading, with its kind (see
        :meth:`heading_kind`; "site-line" for a line made of a site list's label and
        its links)."""
        seen: set[HtmlElement] = set()
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag in ("html", "body"):
                continue
            raw = el.text
            if not raw or len(raw) > 4 * MAX_HEADING_CHARS or raw.isspace():
                continue
            own = norm(raw)
            if len(own) > MAX_HEADING_CHARS or self.heading_kind(own) is None:
                continue
            text = norm(el.text_content())
            related = self.heading_kind(text)
            if related is None:
                continue
            if not self._heading_not_link(el):
                continue
            if in_chrome(el, root, nav_only=True) and _tab_target(el) is None:
                continue  # a menu item named "Related" is navigation
            node = el
            # Up to the outermost element that still is only the heading
            # ("<h3><a><span>DIAN SASTRO:</span> <span>BERITA TERKAIT</span></a></h3>").
            while True:
                parent = node.getparent()
                if parent is None or parent is root or parent.tag in ("body", "html"):
                    break
                whole = norm(parent.text_content())
                if whole != text:
                    kind = self.heading_kind(whole) if len(whole) <= MAX_HEADING_CHARS else None
                    if kind is None:
                        break
                    text, related = whole, kind
                node = parent
            if node.tag not in BLOCK_TAGS and _in_a_line(node):
                if related != "site":
                    continue  # a teaser label in a line ("<b>Read more:</b> <a>…</a>")
                # "<b>Tags:</b> <a>…</a> <a>…</a>": the whole line is the site list
                line = _line_of(node)
                if line is None:
                    continue
                node, related = line, "site-line"
            if node not in seen:
                seen.add(node)
                yield node, related

    def _sub_headings(self, block: HtmlElement, heading: HtmlElement) -> frozenset[HtmlElement]:
        """Headings inside ``block`` that start another list: of the heading's own
        level or above, not a headline (no link to an article in or around them)."""
        level = _heading_level(heading)
        if level is None:
            return frozenset()
        found = set()
        for el in block.iter(*HEADING_TAGS):
            if attached(el, heading) or attached(heading, el) or int(el.tag[1]) > level:
                continue
            if next(el.iterancestors("a"), None) is not None or self.article_targets(el):
                continue
            card = el.getparent()
            if card is not None and card is not block and len(self.article_targets(card)) == 1:
                continue  # a card's headline, its link a "more" button beside it
            found.add(el)
        return frozenset(found)

    def has_site_heading(self, el: HtmlElement) -> bool:
        """Does ``el`` hold the heading of a site-wide list ("Berita Terpopuler")?"""
        for node in el.iter():
            if not isinstance(node.tag, str) or not node.text or not node.text.strip():
                continue
            text = norm(node.text_content())
            if len(text) <= MAX_HEADING_CHARS and self.heading_kind(text) == "site":
                return True
        return False

    def heading_kind(self, text: str) -> str | None:
        """ "related" ("Berita Terkait"), "recommend" ("Rekomendasi": related when its
        stories share the page's topic), "site" (a site-wide list) or None."""
        phrases = self.rules.phrases
        if phrases.site_list_heading.fullmatch(text):
            return "site"
        if phrases.recommend_heading.fullmatch(text):
            return "recommend"
        if phrases.related_heading.fullmatch(text):
            return "related"
        return None

    @staticmethod
    def _heading_not_link(el: HtmlElement) -> bool:
        """A heading may be a link only as a tab (``href="#panel"``), or inside a real
        heading (a title that links to a topic page); a bare link named "Related" is
        navigation."""
        link = next((a for a in el.iterancestors("a")), None)
        if el.tag == "a":
            link = el
        if link is None or not link.get("href"):
            return True
        href = (link.get("href") or "").strip()
        if href.startswith("#"):
            return True
        for node in link.iterancestors():
            if node.tag in HEADING_TAGS or class_words(node) & {"title", "header", "heading"}:
                return True
            if node.tag in BLOCK_TAGS:
                break
        return False

    def _block_of(
        self, heading: HtmlElement, root: HtmlElement, heads: frozenset[HtmlElement]
    ) -> list[HtmlElement]:
        """The list a heading introduces: its tab panel, the container it heads, or
        the siblings after it."""
        panel = _tab_target(heading)
        if (
            panel is not None
            and attached(panel, root)
            and not attached(heading, panel)
            and self._list_like(panel, None)
        ):
            return [panel]
        node = heading
        for _ in range(MAX_HEADING_CLIMB):
            parent = node.getparent()
            if parent is None or parent is root or parent.tag in ("body", "html"):
                break
            if not _starts_with(parent, heading):
                break
            if self._holds_article(parent, heading):
                break
            if any(not attached(a, heading) for a in anchors(parent)):
                # the heading's own box (if its links are only ads, there is no list)
                return [parent] if self._list_like(parent, heading) else []
            node = parent
        members: list[HtmlElement] = []
        sibling = node.getnext()
        while sibling is not None:
            if sibling in heads or sibling.tag in HEADING_TAGS:
                break
            if any(h is not heading and attached(h, sibling) for h in heads):
                break
            if anchors(sibling):
                if not norm(sibling.text_content()) or not self._list_like(sibling, None):
                    break  # a picture or a card's overlay link is not a list
                members.append(sibling)
            elif norm(sibling.text_content()):
                break
            sibling = sibling.getnext()
        return members

    def _list_like(self, el: HtmlElement, heading: HtmlElement | None) -> bool:
        """Links to articles with little text around them: titles, kickers, dates,
        short summaries; not paragraphs of prose outside the items."""
        keys = self.article_targets(el, heading)
        targets = set(keys.values())
        if not targets or len(targets) > MAX_BLOCK_LINKS:
            return False
        text = len(norm(el.text_content()))
        if heading is not None:
            text -= len(norm(heading.text_content()))
        if text > MAX_ITEM_CHARS * len(targets):
            return False
        return not self._holds_article(el, heading, keys)

    def _holds_article(
        self,
        el: HtmlElement,
        heading: HtmlElement | None,
        keys: dict[HtmlElement, str] | None = None,
    ) -> bool:
        """Does ``el`` contain running article text: a long paragraph that is not part
        of an item (a card's summary is)?"""
        if el.tag in ("body", "html", "main"):
            return True
        long = [
            p
            for p in el.iter("p", "div", "td", "blockquote", "li")
            if _prose_len(p) >= LONG_PARAGRAPH_CHARS
            and (heading is None or not attached(p, heading))
        ]
        if not long:
            return False
        if keys is None:
            keys = self.article_targets(el, heading)
        items = {item_of(a, el, keys) for a in keys}
        return any(not any(node in items for node in (p, *p.iterancestors())) for p in long)

    def blocks_by_class(self, root: HtmlElement) -> None:
        """Lists whose class or id says "related" (in one of several languages)."""
        pattern = self.rules.phrases.related_class
        if pattern is None:
            return
        found: list[HtmlElement] = []
        for el in root.iter("div", "section", "aside", "ul", "ol", "table", "footer", "dl"):
            names = f"{el.get('class') or ''} {el.get('id') or ''}"
            if names.strip() and pattern.search(names):
                found.append(el)
        chosen = set(found)
        for el in found:
            if any(a in chosen for a in el.iterancestors()):
                continue
            if not attached(el, root) or in_chrome(el, root, nav_only=True):
                continue
            if class_words(el) & TOPIC_CLASS_WORDS or not self._list_like(el, None):
                continue
            if self.has_site_heading(el):
                continue  # "Foto Terpopuler" in a box whose class says "video-terkait"
            kind: RelatedKind = "inline" if teasers.in_body_flow(el) else "block"
            heading = next(
                (
                    h
                    for h in el.iter(*HEADING_TAGS)
                    if _starts_with(el, h) and not self.article_targets(h)
                ),
                None,
            )
            # a class says "related" firmly enough: one story on the topic will do
            if self.collect_items(el, kind, skip=heading, topical=ANY_TOPICAL):
                remove(el)

    # ---------------------------------------------------------------- teasers

    def collect_teasers(self, doc: HtmlElement) -> None:
        """Inline teasers of every shape leave ``doc``; so do newsletter boxes."""
        teasers.by_selector(self, doc)
        teasers.by_phrase(self, doc)
        teasers.in_running_text(self, doc)
        teasers.in_body_flow_lists_and_cards(self, doc)
        sitelines.remove_promotions(doc, self.base_url or self.page_url)
        # the reader's panel lists what the text offered first
        self.links.sort(key=lambda link: link.kind != "inline")

    def tidy(self, body: HtmlElement) -> None:
        """The backstop on the chosen article: teasers readability kept in any shape,
        then lines of links to the site's own listing pages and newsletter boxes."""
        teasers.by_phrase(self, body)
        teasers.in_running_text(self, body)
        teasers.in_body_flow_lists_and_cards(self, body)
        sitelines.remove_site_lines(body, self.base_url or self.page_url)


_WORD_RE = re.compile(r"\w+")
#: Words shorter than this say little about a topic.
MIN_TOPIC_WORD = 4
#: Share of a recommendation list's stories that must share the topic for the list
#: to be related; a block whose class says "related" needs only one such story.
TOPICAL_SHARE = 0.3
ANY_TOPICAL = 1e-9


def _words(text: str) -> set[str]:
    return {
        w for w in _WORD_RE.findall(text.lower()) if len(w) >= MIN_TOPIC_WORD and not w.isdigit()
    }


@dataclass(frozen=True, slots=True)
class Topic:
    """The page's topic as words (of its title, summary and keywords), without
    function words ("yang", "with") and the words of the site's name.

    A list of recommendations is about this article when its stories share these
    words; the site's latest or most-read stories mostly do not.
    """

    words: frozenset[str]

    @classmethod
    def of(cls, doc: HtmlElement, site_name: str | None, stopwords: frozenset[str]) -> Topic:
        head: list[str] = []
        for el in doc.iter("title", "meta", "h1"):
            if el.tag == "meta":
                name = (el.get("property") or el.get("name") or "").lower()
                if name in _TOPIC_META:
                    head.append(el.get("content") or "")
            else:
                head.append(el.text_content())
        # the site's name ("Okezone News"), unless what the page calls its name is a title
        name = site_name if site_name and len(site_name.split()) <= 3 else ""
        common = stopwords | _words(name)
        return cls(frozenset(w for line in head for w in _words(line)) - common)

    def covers(self, titles: list[str], share: float = TOPICAL_SHARE) -> bool:
        """Do at least ``share`` of ``titles`` (and at least one) share a word with the
        topic?"""
        if not titles or not self.words:
            return bool(titles) and not self.words
        shared = sum(1 for t in titles if _words(t) & self.words)
        return shared >= max(1.0, share * len(titles))


_TOPIC_META = frozenset(
    {"og:title", "twitter:title", "description", "og:description", "keywords", "news_keywords"}
)

#: A date printed after a headline on the same line.
_TRAILING_DATE_RE = re.compile(
    r"\s*[,|–—-]?\s*\(?(?<![\w./])\d{1,2}[./]\d{1,2}[./](\d{4}|\d{2})\)?\s*$"
)
#: The label of a paid item in a list of stories.
_AD_LABEL_RE = re.compile(
    r"\W*(anzeige|werbung|advertisement|advertorial|ad|ads|sponsored|sponsored content|"
    r"promoted|paid content|paid post|partner content|iklan|konten bersponsor|sponsor|"
    r"publicidad|publicidade|patrocinado|publicité|sponsorisé|pubblicità|reklama|"
    r"artykuł sponsorowany)\W*",
    re.IGNORECASE,
)
_NOT_OUTLET_RE = re.compile(
    r"\d|^(kemarin|hari ini|baru saja|yesterday|today|just now|video|foto|photo|live|"
    r"advertisement|iklan|sponsored|promoted|ads?)$",
    re.IGNORECASE,
)


def _prose_len(el: HtmlElement) -> int:
    """Text outside links of a paragraph (its inline children's too); of a container
    of other blocks, only its own loose text."""
    if el.tag in ("p", "blockquote") or not any(
        isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el
    ):
        return non_link_len(el, LONG_PARAGRAPH_CHARS)
    return len(norm(" ".join(t for t in [el.text, *(c.tail for c in el)] if t)))


def _in_prose(a: HtmlElement, block: HtmlElement) -> bool:
    """Is link ``a`` a few words inside a paragraph of running text (within ``block``)?"""
    node = a.getparent()
    while node is not None and node is not block:
        if node.tag in ("p", "blockquote", "dd"):
            prose = non_link_len(node, PROSE_AROUND_LINK_CHARS)
            return prose >= PROSE_AROUND_LINK_CHARS and prose > len(norm(a.text_content()))
        if node.tag in BLOCK_TAGS:
            return False
        node = node.getparent()
    return False


def _looks_like_outlet(text: str) -> bool:
    """A short name (capitalised, as outlets write theirs) that is not a date or a label."""
    return (
        3 <= len(text) <= 40
        and len(text.split()) <= 4
        and not text[0].islower()
        and not _NOT_OUTLET_RE.search(text)
    )


def _identity(url: str) -> str:
    """What makes two links one: the canonical address without its scheme and ``www.``
    (pages link the same story as http and https)."""
    bare = canonicalize(url).partition("://")[2]
    return bare.removeprefix("www.")


def _site_key(url: str) -> str:
    """Host and port (``www.`` dropped): what makes two URLs the same site."""
    try:
        netloc = urlsplit(url).netloc.lower()
    except ValueError:
        return ""
    return netloc.rpartition("@")[2].removeprefix("www.")


def _label_line(heading: HtmlElement) -> bool:
    """A label ending with a colon, not set as a heading ("<p><b>Baca juga:</b></p>")."""
    text = norm(heading.text_content())
    return text.endswith((":", "：")) and _heading_level(heading) is None


def _line_of(node: HtmlElement) -> HtmlElement | None:
    """The block holding an inline label and its links, when it holds nothing else
    (a "Tags: …" line), else None."""
    block = node.getparent()
    while block is not None and block.tag not in BLOCK_TAGS:
        block = block.getparent()
    if block is None or block.tag in ("body", "html", "article", "main") or not anchors(block):
        return None
    label = norm(node.text_content())
    rest = len(non_link_text(block)) - len(label)
    return block if rest <= SITE_LINE_EXTRA_CHARS else None


def _in_a_line(node: HtmlElement) -> bool:
    """Does an inline ``node`` share its line with other text or links (up to the next
    block element or ``<br>`` on either side)?"""
    if norm(node.tail):
        return True
    for siblings in (node.itersiblings(), node.itersiblings(preceding=True)):
        for sibling in siblings:
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in LINE_TAGS and sibling.tag != "a":
                break
            if norm(sibling.text_content()) or anchors(sibling) or sibling.tag == "a":
                return True
            if norm(sibling.tail):
                return True
    parent = node.getparent()
    return parent is not None and bool(norm(parent.text)) and parent.tag not in BLOCK_TAGS


def _heading_level(heading: HtmlElement) -> int | None:
    """1-6 for a heading that is (or holds, or sits in) an ``<h1>``-``<h6>``."""
    for el in (heading, *heading.iterdescendants()):
        if el.tag in HEADING_TAGS:
            return int(el.tag[1])
    return None


def _tab_target(heading: HtmlElement) -> HtmlElement | None:
    """The panel a tab heading names (``<a href="#panel">Related</a>``), if any."""
    link = heading if heading.tag == "a" else next(heading.iter("a"), None)
    if link is None:
        link = next(heading.iterancestors("a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    if len(href) < 2 or not href.startswith("#"):
        return None
    found = heading.getroottree().getroot().xpath("//*[@id=$id]", id=href[1:])
    return (
        found[0]
        if isinstance(found, list) and found and isinstance(found[0], HtmlElement)
        else None
    )


def _after_any(a: HtmlElement, block: HtmlElement, marks: frozenset[HtmlElement]) -> bool:
    """Does ``a`` come after (or inside) one of ``marks`` within ``block``?"""
    inside = [m for m in marks if attached(m, block)]
    if not inside:
        return False
    for el in block.iter():
        if el is a:
            return False
        if el in inside:
            return True
    return False


def _starts_with(container: HtmlElement, heading: HtmlElement) -> bool:
    """Is ``heading`` the first thing with text in ``container``?"""
    if norm(container.text):
        return False
    for el in container.iter():
        if el is heading:
            return True
        if el is container:
            continue
        if norm(el.text) or (el.tail and norm(el.tail) and not attached(heading, el)):
            return False
    return False


def collect_related(
    doc: HtmlElement,
    url: str,
    rules: SiteRules,
    site: SiteRule,
    *,
    canonical_url: str | None = None,
    site_name: str | None = None,
    page_url: str | None = None,
    page_text: str = "",
) -> RelatedCollector:
    """Find and remove the related blocks of ``doc``; returns the collector, whose
    :meth:`~RelatedCollector.collect_teasers` then takes the inline teasers (once the
    page is cleaned of ads and share bars: a smaller tree to search).

    Blocks come first, on the whole page: a list of related stories may sit in a
    box whose class says "comment" or "promo", which the cleaning would remove.
    ``url`` is the base for relative links (the page URL, or its ``<base href>``);
    ``page_url`` the page's own address when different.
    """
    collector = RelatedCollector(
        page_url or url,
        rules,
        site,
        canonical_url=canonical_url,
        site_name=site_name,
        base_url=url,
        page_text=page_text,
        topic=Topic.of(doc, site_name, rules.phrases.topic_stopwords),
    )
    collector.blocks_by_selector(doc)
    collector.blocks_by_heading(doc)
    collector.blocks_by_class(doc)
    return collector
