"""Related links: found on the page before readability throws them away, then removed.

Two kinds (see :class:`reader.core.models.RelatedLink`):

* ``inline`` teasers inside the body: a short block that is only a teaser label
  ("Baca juga:", "Read more", "Lihat juga" ... in many languages, from the rules)
  or a bullet, plus link(s); or a label in running text right before a link
  (Sindonews-style ``Baca Juga: <a>…</a><br>``); or an element matched by a
  teaser selector of the rules.
* ``block`` lists of related articles, recognised by a heading phrase ("Baca
  Lebih Lanjut", "Berita Terkait", "Related", "More on this story" ...) or by a
  related selector of the site's rules. Each item's title and outlet are read
  from its lines (a title line plus a source line, as such widgets show them).

Site-wide lists ("Terpopuler", "Most popular", tags) are removed from the page
but never become related links. Links are absolute http(s), de-duplicated, and
never the page itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from reader.core.models import RelatedKind, RelatedLink
from reader.core.page.siterules import SiteRule, SiteRules
from reader.core.urls import absolutize, canonicalize, host_of, same_page

BLOCK_TAGS = frozenset(
    {
        *("p", "div", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("blockquote", "section", "aside", "table", "tbody", "tr", "ul", "ol", "figure"),
        *("header", "footer", "center", "article", "nav", "dl", "form"),
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that end a line when an item's text is split into title and source lines.
LINE_TAGS = BLOCK_TAGS | {"br", "small", "cite", "time"}
TITLE_WORDS = frozenset({"title", "judul", "headline", "heading", "tit", "hed"})
SOURCE_WORDS = frozenset(
    {
        *("src", "source", "sumber", "outlet", "publisher", "site", "sitename", "penerbit"),
        *("provider", "brand", "domain", "portal"),
    }
)
BULLETS = "•·●▪■►▶→»*–—-"
MAX_TEASER_CHARS = 600
MAX_TEASER_LINKS = 8
#: More label-less "• <a>" lines than this in one container: a list, not teasers.
MAX_BULLET_TEASERS = 3
MAX_BLOCK_LINKS = 40
#: Text per linked item of a related block (title, source, date): more is prose.
MAX_ITEM_CHARS = 160
MAX_HEADING_CHARS = 80
LONG_PARAGRAPH_CHARS = 160
MAX_TITLE_CHARS = 300
MIN_TITLE_CHARS = 8

_WORD_SPLIT_RE = re.compile(r"[\s_\-]+")
_MORE_LINK_RE = re.compile(
    r"\W*(lihat semua|selengkapnya|lainnya|see all|view all|more|show more|index|indeks|"
    r"next|previous|sebelumnya|selanjutnya|load more|muat lebih banyak)\W*",
    re.IGNORECASE,
)
_OUTLET_SUFFIX_RE = re.compile(r"(.+?)\s+[-–—|·•]\s+([^-–—|·•]{2,40})")


def norm(text: str | None) -> str:
    """Whitespace-normalised text."""
    return " ".join(text.split()) if text else ""


def _class_words(el: HtmlElement) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return {w for w in _WORD_SPLIT_RE.split(raw) if w}


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Is ``el`` inside ``root`` (or ``root`` itself)? Also: not yet removed together
    with an ancestor."""
    node: HtmlElement | None = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def _remove(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()
    # A paragraph or list item emptied by the removal goes too.
    while (
        parent is not None
        and parent.tag in ("p", "li", "div", "span", "strong", "b", "em")
        and not norm(parent.text_content())
        and not list(parent.iter("img"))
    ):
        grand = parent.getparent()
        if grand is None:
            break
        parent.drop_tree()
        parent = grand


def _anchors(el: HtmlElement) -> list[HtmlElement]:
    return [a for a in el.iter("a") if a.get("href")]


def _non_link_text(el: HtmlElement) -> str:
    """The text of ``el`` outside its links."""
    parts: list[str] = []

    def walk(node: HtmlElement, inside_link: bool) -> None:
        here = inside_link or node.tag == "a"
        if node.text and not here:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child, here)
            if child.tail and not here:
                parts.append(child.tail)

    walk(el, False)
    return norm(" ".join(parts))


def _lines(item: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """Split an item into lines at block elements, ``<br>`` and classed elements."""
    lines: list[tuple[str, HtmlElement]] = []
    current: list[str] = []
    owner: list[HtmlElement] = [item]

    def flush() -> None:
        text = norm(" ".join(current))
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
        if _class_words(node) & words:
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

    # ---------------------------------------------------------------- helpers

    def source_for(self, url: str) -> str:
        """Outlet name for a link whose item names none: the page's own site name for
        links to the same site, else the known-outlet table, else the host."""
        if self.site_name and _site_key(url) == _site_key(self.page_url):
            return self.site_name
        return self.rules.outlet_name(url) or host_of(url)

    def add(self, href: str | None, title: str, source: str | None, kind: RelatedKind) -> bool:
        url = absolutize(href, self.base_url or self.page_url)
        title = norm(title)[:MAX_TITLE_CHARS]
        if url is None or len(title) < MIN_TITLE_CHARS or _MORE_LINK_RE.fullmatch(title):
            return False
        if same_page(url, self.page_url) or (
            self.canonical_url and same_page(url, self.canonical_url)
        ):
            return False
        key = canonicalize(url)
        if key in self._seen:
            return False
        self._seen.add(key)
        self.links.append(
            RelatedLink(
                url=url, title=title, source=norm(source) or self.source_for(url), kind=kind
            )
        )
        return True

    def _split_outlet_suffix(self, title: str) -> tuple[str, str | None]:
        """ "Some headline - Antaranews" → ("Some headline", "Antaranews") for known outlets."""
        match = _OUTLET_SUFFIX_RE.fullmatch(title)
        if match:
            names = self.rules.outlet_names()
            name = names.get(match.group(2).lower())
            if name and len(match.group(1)) >= MIN_TITLE_CHARS:
                return match.group(1), name
        return title, None

    # ---------------------------------------------------------------- inline teasers

    def _teaser_block(self, el: HtmlElement) -> bool:
        """Is ``el`` (already known to be short) nothing but a teaser label or bullet
        plus link(s)?"""
        anchors = _anchors(el)
        if not anchors or len(anchors) > MAX_TEASER_LINKS:
            return False
        if any(True for _ in el.iter(*HEADING_TAGS)):
            return False  # a headed list is a related block, not a teaser
        rest = _non_link_text(el)
        if not rest or not self.rules.phrases.teaser_label.fullmatch(rest):
            return False
        return any(ch.isalnum() or ch in BULLETS for ch in rest)

    def _collect_teaser(self, el: HtmlElement) -> None:
        for a in _anchors(el):
            title = (
                norm(a.text_content())
                or a.get("title")
                or next((img.get("alt") or "" for img in a.iter("img")), "")
            )
            title, outlet = self._split_outlet_suffix(norm(title))
            self.add(a.get("href"), title, outlet, "inline")

    def teasers_by_selector(self, root: HtmlElement) -> None:
        for el in self.rules.select(self.site.teaser + self.rules.teaser, root, self.page_text):
            if not _attached(el, root) or el.tag in ("html", "body"):
                continue
            if not _anchors(el) and len(el.text_content()) > 2000:
                continue
            self._collect_teaser(el)
            _remove(el)

    def teasers_by_phrase(self, root: HtmlElement) -> None:
        """Short blocks made of a teaser label (or bullet) plus link(s)."""
        length: dict[HtmlElement, int] = {}
        verdict: dict[HtmlElement, bool] = {}
        chosen: dict[HtmlElement, None] = {}
        for a in root.iter("a"):
            if not a.get("href"):
                continue
            best = None
            node = _block_parent(a, root)
            levels = 0
            while node is not None and levels < 4:
                size = length.get(node)
                if size is None:
                    size = length[node] = len(node.text_content().strip())
                if size > MAX_TEASER_CHARS:
                    break
                ok = verdict.get(node)
                if ok is None:
                    ok = verdict[node] = self._teaser_block(node)
                if ok:
                    best = node
                node = _block_parent(node, root)
                levels += 1
            if best is not None:
                chosen[best] = None
        outermost = [el for el in chosen if not any(a in chosen for a in el.iterancestors())]
        outermost = self._without_bullet_lists(outermost)
        for el in outermost:
            if _attached(el, root):
                self._collect_teaser(el)
                _remove(el)
        self._label_then_list(root)

    def _without_bullet_lists(self, blocks: list[HtmlElement]) -> list[HtmlElement]:
        """Bullet lines without a teaser label are teasers only when they are few in
        their container: a run of them is the article's own list (a round-up)."""
        label = self.rules.phrases.teaser_label
        bullets_only: dict[HtmlElement | None, list[HtmlElement]] = {}
        for el in blocks:
            rest = _non_link_text(el)
            if not any(ch.isalnum() for ch in rest) and label.fullmatch(rest):
                bullets_only.setdefault(el.getparent(), []).append(el)
        too_many = {
            el for group in bullets_only.values() if len(group) > MAX_BULLET_TEASERS for el in group
        }
        return [el for el in blocks if el not in too_many]

    def _label_then_list(self, root: HtmlElement) -> None:
        """A block holding only a teaser label, followed by a block of only links."""
        label_re = self.rules.phrases.teaser_label
        for el in list(root.iter("p", "div", "strong", "b", "span", "h4", "h5", "h6")):
            if len(el) > 2:
                continue
            head = (el.text or "") + ((el[0].text or "") + (el[0].tail or "") if len(el) else "")
            if ":" not in head and "：" not in head:
                continue
            if not _attached(el, root):
                continue
            text = norm(el.text_content())
            if not text or len(text) > 40 or not any(ch.isalpha() for ch in text):
                continue
            if (
                not text.rstrip().endswith((":", "："))
                or not label_re.fullmatch(text)
                or _anchors(el)
            ):
                continue
            nxt = el.getnext()
            if nxt is None or nxt.tag not in ("ul", "ol", "p", "div") or norm(el.tail):
                continue
            if _anchors(nxt) and not _non_link_text(nxt).strip(BULLETS + " ,|;"):
                self._collect_teaser(nxt)
                _remove(nxt)
                _remove(el)

    def teasers_in_running_text(self, root: HtmlElement) -> None:
        """``… Baca Juga: <a>title</a><br> …`` inside a longer block (no wrapper)."""
        prefix = self.rules.phrases.teaser_prefix
        label_re = self.rules.phrases.teaser_label
        for a in list(root.iter("a")):
            if not a.get("href") or not _attached(a, root):
                continue
            if norm(a.tail) and not re.fullmatch(r"[\s.,;:)\]]*", a.tail or ""):
                nxt_ok = False
            else:
                nxt = a.getnext()
                nxt_ok = nxt is None or nxt.tag == "br"
            if not nxt_ok:
                continue
            prev = a.getprevious()
            parent = a.getparent()
            if parent is None:
                continue
            if (
                prev is not None
                and prev.tag in ("strong", "b", "em", "span", "i")
                and not norm(prev.tail)
            ):
                label = norm(prev.text_content())
                if (
                    label
                    and any(ch.isalpha() for ch in label)
                    and label_re.fullmatch(label)
                    and self._line_start(prev)
                ):
                    self._collect_teaser_anchor(a)
                    _drop_keep_tail(prev)
                    _drop_keep_tail(a)
                continue
            text = (prev.tail if prev is not None else parent.text) or ""
            if not text.strip():
                continue
            offset = max(0, len(text) - 80)
            match = prefix.search(text, offset)
            if not match:
                continue
            before = text[: match.start()]
            at_line_start = (
                not before.strip() and (prev is None or prev.tag == "br")
            ) or before.rstrip().endswith((".", "!", "?", "\u201d", '"'))
            if not at_line_start:
                continue
            self._collect_teaser_anchor(a)
            if prev is not None:
                prev.tail = before
            else:
                parent.text = before
            _drop_keep_tail(a)

    def _line_start(self, el: HtmlElement) -> bool:
        prev = el.getprevious()
        text = (
            prev.tail
            if prev is not None
            else el.getparent().text
            if el.getparent() is not None
            else ""
        ) or ""
        if not text.strip():
            return prev is None or prev.tag == "br"
        return text.rstrip().endswith((".", "!", "?", "\u201d", '"'))

    def _collect_teaser_anchor(self, a: HtmlElement) -> None:
        title, outlet = self._split_outlet_suffix(norm(a.text_content()) or a.get("title") or "")
        self.add(a.get("href"), title, outlet, "inline")

    # ---------------------------------------------------------------- blocks

    def blocks_by_selector(self, root: HtmlElement) -> None:
        for el in self.rules.select(self.site.related, root, self.page_text):
            if _attached(el, root) and el.tag not in ("html", "body"):
                self._collect_block(el, None)
                _remove(el)

    def blocks_by_heading(self, root: HtmlElement) -> None:
        related_re = self.rules.phrases.related_heading
        site_list_re = self.rules.phrases.site_list_heading
        for heading in list(self._headings(root, related_re, site_list_re)):
            if not _attached(heading, root):
                continue
            text = norm(heading.text_content())
            is_related = bool(related_re.fullmatch(text))
            members = self._block_of(heading, root)
            if not members:
                # A lone heading with nothing to list: still not article text.
                if is_related or heading.tag in HEADING_TAGS:
                    _remove(heading)
                continue
            if is_related and not site_list_re.fullmatch(text):
                for member in members:
                    self._collect_block(member, heading)
            for member in members:
                if _attached(member, root):
                    _remove(member)
            if _attached(heading, root):
                _remove(heading)

    def _headings(self, root: HtmlElement, *patterns: re.Pattern[str]) -> Iterator[HtmlElement]:
        """Outermost elements whose whole text is a related or site-list heading."""
        seen: set[HtmlElement] = set()
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag in ("a", "html", "body"):
                continue
            raw = el.text
            if not raw or len(raw) > 4 * MAX_HEADING_CHARS or raw.isspace():
                continue
            own = norm(raw)
            if len(own) > MAX_HEADING_CHARS:
                continue
            if not any(p.fullmatch(own) for p in patterns):
                continue
            whole = norm(el.text_content())
            if whole != own and not any(p.fullmatch(whole) for p in patterns):
                continue
            if any(a.get("href") for a in el.iterancestors("a")):
                continue
            if next(el.iterancestors("nav"), None) is not None:
                continue  # navigation is never related links
            node = el
            while True:
                parent = node.getparent()
                if parent is None or parent is root or parent.tag in ("body", "html"):
                    break
                if norm(parent.text_content()) != whole:
                    break
                node = parent
            if node not in seen:
                seen.add(node)
                yield node

    def _block_of(self, heading: HtmlElement, root: HtmlElement) -> list[HtmlElement]:
        """The list that a heading introduces: its container, or the siblings after it."""
        container = heading.getparent()
        if (
            container is not None
            and container is not root
            and container.tag not in ("body", "html")
            and _starts_with(container, heading)
            and _list_like(container, heading)
            and not self._holds_article(container, heading)
        ):
            return [container]
        members: list[HtmlElement] = []
        node = heading.getnext()
        while node is not None:
            if node.tag in HEADING_TAGS or self._holds_article(node, None):
                break
            if self.rules.phrases.related_heading.fullmatch(norm(node.text_content())):
                break
            if _anchors(node):
                if not _list_like(node, None):
                    break
                members.append(node)
            elif norm(node.text_content()):
                break
            node = node.getnext()
        if sum(len(_anchors(m)) for m in members) > MAX_BLOCK_LINKS:
            return []
        return members

    @staticmethod
    def _holds_article(el: HtmlElement, heading: HtmlElement | None) -> bool:
        """Does ``el`` contain running article text (a long paragraph outside links)?"""
        if el.tag in ("body", "html", "article", "main") or el.find(".//h1") is not None:
            return True
        for p in el.iter("p", "div", "td", "blockquote"):
            if heading is not None and _attached(p, heading):
                continue
            own = norm(" ".join(t for t in [p.text, *(c.tail for c in p)] if t))
            if len(own) >= LONG_PARAGRAPH_CHARS and next(p.iterancestors("a"), None) is None:
                return True
        return False

    def _collect_block(self, block: HtmlElement, heading: HtmlElement | None) -> None:
        groups: dict[str, list[HtmlElement]] = {}
        keys: dict[HtmlElement, str] = {}
        for a in _anchors(block):
            if heading is not None and _attached(a, heading):
                continue
            url = absolutize(a.get("href"), self.base_url or self.page_url)
            if url is not None:
                keys[a] = canonicalize(url)
                groups.setdefault(keys[a], []).append(a)
        for anchors in groups.values():
            item = self._item_of(anchors[0], block, keys)
            title, source = self._title_and_source(item, anchors)
            self.add(anchors[0].get("href"), title, source, "block")

    def _item_of(
        self, a: HtmlElement, block: HtmlElement, keys: dict[HtmlElement, str]
    ) -> HtmlElement:
        """The largest ancestor of ``a`` inside ``block`` that links to one URL only."""
        item = a
        node = a.getparent()
        while node is not None and node is not block:
            targets = {keys[x] for x in _anchors(node) if x in keys}
            if len(targets) > 1:
                break
            item = node
            node = node.getparent()
        return item

    def _title_and_source(
        self, item: HtmlElement, anchors: list[HtmlElement]
    ) -> tuple[str, str | None]:
        """Split an item into its headline and its outlet name (if the item shows one).

        The headline is the line in a heading or a title-classed element, else the
        longest linked line, else the longest line. The outlet is a line in a
        source-classed element (or ``<small>``/``<cite>``), else a line naming a
        known outlet, else a short leftover line that cannot be a date.
        """
        lines = _lines(item)
        outlet_names = self.rules.outlet_names()
        title = next(
            (t for t, o in lines if _is_heading(o, item) or _has_word(o, item, TITLE_WORDS)), None
        )
        if title is None:
            linked = [
                t for t, o in lines if any(True for _ in o.iterancestors("a")) or o.tag == "a"
            ]
            title = max(linked or [t for t, _ in lines] or [""], key=len) or None
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
        if source is None:
            # A short extra line beside the headline names the outlet in such widgets.
            source = next((t for t, _ in rest if _looks_like_outlet(t)), None)
        if title is None:
            title = next((a.get("title") for a in anchors if a.get("title")), None) or next(
                (img.get("alt") for a in anchors for img in a.iter("img") if img.get("alt")), ""
            )
        title = title or ""
        if source is None:
            title, source = self._split_outlet_suffix(title)
        return title, source


_NOT_OUTLET_RE = re.compile(
    r"\d|^(kemarin|hari ini|baru saja|yesterday|today|just now|video|foto|photo|live|"
    r"advertisement|iklan|sponsored|promoted|ads?)$",
    re.IGNORECASE,
)


def _looks_like_outlet(text: str) -> bool:
    return 2 <= len(text) <= 40 and len(text.split()) <= 4 and not _NOT_OUTLET_RE.search(text)


def _site_key(url: str) -> str:
    """Host and port (``www.`` dropped): what makes two URLs the same site."""
    try:
        netloc = urlsplit(url).netloc.lower()
    except ValueError:
        return ""
    return netloc.rpartition("@")[2].removeprefix("www.")


def _starts_with(container: HtmlElement, heading: HtmlElement) -> bool:
    """Is ``heading`` the first thing with text in ``container``?"""
    if norm(container.text):
        return False
    for el in container.iter():
        if el is heading:
            return True
        if el is container:
            continue
        if norm(el.text) or (el.tail and norm(el.tail) and not _attached(heading, el)):
            return False
    return False


def _list_like(el: HtmlElement, heading: HtmlElement | None) -> bool:
    """Links with little text around them: titles, sources, dates, not paragraphs."""
    urls = {a.get("href") for a in _anchors(el) if heading is None or not _attached(a, heading)}
    if not urls or len(urls) > MAX_BLOCK_LINKS:
        return False
    text = len(norm(el.text_content()))
    if heading is not None:
        text -= len(norm(heading.text_content()))
    return text <= MAX_ITEM_CHARS * len(urls) and text <= MAX_ITEM_CHARS * MAX_BLOCK_LINKS


def _block_parent(el: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    """The nearest block-level ancestor of ``el`` below ``root``."""
    node = el.getparent()
    while node is not None and node is not root:
        if node.tag in BLOCK_TAGS:
            return node
        node = node.getparent()
    return None


def _drop_keep_tail(el: HtmlElement) -> None:
    """Remove ``el``; its tail text stays; a directly following ``<br>`` goes too."""
    nxt = el.getnext()
    if nxt is not None and nxt.tag == "br" and not norm(el.tail):
        nxt.drop_tree()
    el.drop_tree()


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
    """Find and remove teasers and related blocks in ``doc``; returns the collector.

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
    )
    collector.teasers_by_selector(doc)
    collector.blocks_by_selector(doc)
    collector.teasers_by_phrase(doc)
    collector.teasers_in_running_text(doc)
    collector.blocks_by_heading(doc)
    return collector
