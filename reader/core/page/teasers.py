"""Inline teasers: the "read this too" links that interrupt an article's text.

They take several shapes, all recognised by structure and phrases (no site names):

* a short block that is a teaser label plus link(s) ("Baca juga: <a>",
  "Czytaj też: <a>", "MIRA | <a>"), or a bullet plus one link (Tribun's
  ``• <a>``), or one link whose own text starts with the label
  ("<a>Baca Juga : title</a>");
* a label line followed by a run of lines that are only links ("Baca juga:"
  then one ``<p><a>`` per story; "Jangan Lewatkan" then links and ``<br>``s);
* a label in running text right before a link (``… Baca Juga: <a>…</a><br> …``);
* between the paragraphs of the body, a list whose every item is one headline
  link, a card (one link to one article, with a headline element, an
  ``<aside>`` or a label), or a box of article links (it leaves the text; its
  links count only when they share the page's topic);
* an element matched by a teaser selector of the rules.

Each found teaser becomes an ``inline`` related link and leaves the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml.html import HtmlElement

from reader.core.page.linkfilter import NAV_WORDS, class_words, in_chrome
from reader.core.page.nodes import (
    BLOCK_TAGS,
    anchors,
    attached,
    block_parent,
    item_of,
    non_link_len,
    non_link_text,
    norm,
    remove,
)
from reader.core.page.siterules import first_word

if TYPE_CHECKING:
    from reader.core.page.related import RelatedCollector

BULLETS = "•·●▪■►▶→»*–—-"
MAX_TEASER_CHARS = 600
MAX_TEASER_LINKS = 8
#: More label-less "• <a>" lines than this in one container: a list, not teasers.
MAX_BULLET_TEASERS = 3
#: Non-link text of a label line, and text of a card.
MAX_LABEL_CHARS = 60
MAX_CARD_CHARS = 500
#: A paragraph of prose in the body flow has this much text outside links.
PROSE_CHARS = 80
#: Items of a list of headline links between paragraphs.
MAX_LIST_ITEMS = 8
#: A box of links set into the text: at most this much text, at least so many
#: article links, whose titles make at least this share of it.
MAX_BOX_CHARS = 800
MIN_BOX_LINKS = 2
LINKED_SHARE = 0.4
#: A kicker before an item's link ("VIDEO:").
MAX_KICKER_CHARS = 30
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Class words of embedded posts and players: cards of another kind.
EMBED_WORDS = frozenset(
    {
        *("tweet", "twitter", "instagram", "tiktok", "facebook", "youtube", "embed", "video"),
        *("gallery", "galeri", "player", "podcast", "poll", "quiz", "ad", "ads", "advert"),
    }
)
#: Class words of the site's menus and footers (also when set inside the text).
MENU_WORDS = NAV_WORDS | {"footer"}
_END_OF_SENTENCE = (".", "!", "?", "\u201d", '"')
_SENTENCE_END_RE = re.compile(r"\w[.!?。！？]['\"”’)]*(?:\s|$)")


def _own_prose(el: HtmlElement) -> int:
    """Text outside links of a paragraph of prose (a ``<p>``, or a ``<div>`` used as
    one, with a full stop somewhere), counted up to just past :data:`PROSE_CHARS`."""
    if el.tag != "p" and (
        el.tag != "div" or any(child.tag in BLOCK_TAGS for child in el.iterchildren())
    ):
        return 0
    size = non_link_len(el, PROSE_CHARS)
    if size < PROSE_CHARS or not _SENTENCE_END_RE.search(el.text_content()[:MAX_CARD_CHARS]):
        return 0
    return size


def in_body_flow(el: HtmlElement, *, after: bool = False) -> bool:
    """Does ``el`` stand among paragraphs of prose: after at least one (or, with
    ``after``, before one: a box at the top of the text)?"""
    node: HtmlElement | None = el
    for _ in range(3):
        if node is None:
            return False
        for preceding in (True, False) if after else (True,):
            for sibling in node.itersiblings(preceding=preceding):
                if isinstance(sibling.tag, str) and _own_prose(sibling) >= PROSE_CHARS:
                    return True
        node = node.getparent()
    return False


def collect(
    c: RelatedCollector, el: HtmlElement, *, strict: bool = False, ruled: bool = False
) -> int:
    """One inline link per article ``el`` links to; the title from the link itself
    (its headline element when it is a card, without a label inside it)."""
    keys = c.article_targets(el, ruled=ruled)
    added = 0
    done: set[str] = set()
    for a, key in keys.items():
        if key in done:
            continue
        done.add(key)
        group = [x for x, k in keys.items() if k == key]
        title, source = c.title_and_source(_card_of(a, el, keys), group)
        added += c.add(a.get("href"), title, source, "inline", strict=strict, ruled=ruled)
    return added


def _card_of(a: HtmlElement, el: HtmlElement, keys: dict[HtmlElement, str]) -> HtmlElement:
    """The link itself, or the item around it when the link is only its picture
    (a card whose headline is another link or a heading beside it)."""
    if norm(a.text_content()):
        return a
    item = item_of(a, el, keys)
    # an overlay link over the whole card: the card is the item
    return el if item is a and len(set(keys.values())) == 1 else item


# ---------------------------------------------------------------- by selector


def by_selector(c: RelatedCollector, root: HtmlElement) -> None:
    """Elements matched by the teaser selectors of the rules."""
    for el in c.rules.select(c.site.teaser + c.rules.teaser, root, c.page_text):
        if not attached(el, root) or el.tag in ("html", "body"):
            continue
        if not anchors(el) and len(el.text_content()) > 2000:
            continue
        collect(c, el, ruled=True)
        remove(el)


# ---------------------------------------------------------------- label + link blocks


def _verdict(c: RelatedCollector, el: HtmlElement) -> str | None:
    """Is ``el`` (already known to be short) a teaser? "label" (label plus links),
    "bullet" (a bullet and one link), "inside" (one link whose text starts with a
    label), or None."""
    links = anchors(el)
    if not links or len(links) > MAX_TEASER_LINKS:
        return None
    if non_link_len(el, MAX_LABEL_CHARS) > MAX_LABEL_CHARS:
        return None
    rest = non_link_text(el)
    for heading in el.iter(*_HEADINGS):
        if next(heading.iterancestors("a"), None) is None and heading.find(".//a") is None:
            return None  # a headed list is a related block, not a teaser
    phrases = c.rules.phrases
    if rest:
        if not phrases.teaser_label.fullmatch(rest):
            return None
        if any(ch.isalnum() for ch in rest):
            return "label"
        if len({a.get("href") for a in links}) != 1:
            return None
        return "bullet" if norm(el.text_content())[:1] in BULLETS else None
    if len({a.get("href") for a in links}) != 1:
        return None
    text = norm(links[0].text_content())
    match = phrases.teaser_start.match(text)
    return "inside" if match and len(text[match.end() :].split()) >= 3 else None


def by_phrase(c: RelatedCollector, root: HtmlElement) -> None:
    """Short blocks made of a teaser label (or bullet) plus link(s), then label
    lines followed by a run of link lines."""
    length: dict[HtmlElement, int] = {}
    verdicts: dict[HtmlElement, str | None] = {}
    chosen: dict[HtmlElement, str] = {}
    for a in root.iter("a"):
        if not a.get("href"):
            continue
        best: tuple[HtmlElement, str] | None = None
        node = block_parent(a, root)
        levels = 0
        while node is not None and levels < 4:
            size = length.get(node)
            if size is None:
                size = length[node] = len(node.text_content().strip())
            if size > MAX_TEASER_CHARS:
                break
            if node not in verdicts:
                verdicts[node] = _verdict(c, node)
            verdict = verdicts[node]
            if verdict is not None:
                best = (node, verdict)
            node = block_parent(node, root)
            levels += 1
        if best is not None:
            chosen[best[0]] = best[1]
    outermost = [el for el in chosen if not any(a in chosen for a in el.iterancestors())]
    for el in _without_bullet_lists(outermost, chosen):
        if attached(el, root) and not in_chrome(el, root):
            collect(c, el, strict=chosen[el] == "bullet")
            remove(el)
    label_then_run(c, root)


def _without_bullet_lists(
    blocks: list[HtmlElement], verdicts: dict[HtmlElement, str]
) -> list[HtmlElement]:
    """Bullet lines without a teaser label are teasers only when they are few in
    their container: a run of them is the article's own list (a round-up)."""
    bullets: dict[HtmlElement | None, list[HtmlElement]] = {}
    for el in blocks:
        if verdicts[el] == "bullet":
            bullets.setdefault(el.getparent(), []).append(el)
    too_many = {el for group in bullets.values() if len(group) > MAX_BULLET_TEASERS for el in group}
    return [el for el in blocks if el not in too_many]


def _link_line(el: HtmlElement) -> bool:
    """Only link(s), bullets and separators."""
    return (
        bool(anchors(el))
        and not non_link_text(el).strip(BULLETS + " ,|;")
        and len(anchors(el)) <= MAX_TEASER_LINKS * 2
    )


def label_then_run(c: RelatedCollector, root: HtmlElement) -> None:
    """A line holding only a teaser label ("Baca juga:", "Seguir leyendo:", a
    "Jangan Lewatkan" heading), followed by lines that are only links."""
    phrases = c.rules.phrases
    for el in list(root.iter("p", "div", "strong", "b", "span", "em", *_HEADINGS)):
        own = el.text
        # the label is the element's own text ("<strong>Baca juga:</strong>")
        if not own or len(own) > 4 * MAX_LABEL_CHARS or len(el) > 2 or own.isspace():
            continue
        if first_word(own) not in phrases.teaser_first_words:
            continue
        if not phrases.teaser_label.fullmatch(norm(own)):
            continue
        if not attached(el, root):
            continue
        text = norm(el.text_content())
        if not text or len(text) > MAX_LABEL_CHARS or not any(ch.isalpha() for ch in text):
            continue
        if not (text.endswith((":", "：")) or el.tag in _HEADINGS or el.tag in ("strong", "b")):
            continue
        if anchors(el) or not phrases.teaser_label.fullmatch(text):
            continue
        if phrases.related_heading.fullmatch(text) and not text.endswith((":", "：")):
            continue  # a related heading: its list is a block (see related.py)
        node = el
        while (
            (parent := node.getparent()) is not None
            and parent is not root
            and parent.tag not in ("body", "html")
            and norm(parent.text_content()) == text
        ):
            node = parent
        if norm(node.tail) or in_chrome(node, root):
            continue
        run: list[HtmlElement] = []
        sibling = node.getnext()
        while sibling is not None:
            if sibling.tag == "br" or (not norm(sibling.text_content()) and not anchors(sibling)):
                if norm(sibling.tail):
                    break
                sibling = sibling.getnext()
                continue
            if not _link_line(sibling):
                break
            run.append(sibling)
            if norm(sibling.tail):
                break
            sibling = sibling.getnext()
        if not run:
            continue
        for member in run:
            collect(c, member)
            _drop(member)
        remove(node)


def _drop(el: HtmlElement) -> None:
    """Remove an inline member of a run (an ``<a>`` between ``<br>``s) with its ``<br>``."""
    nxt = el.getnext()
    if el.tag == "a" and nxt is not None and nxt.tag == "br" and not norm(el.tail):
        nxt.drop_tree()
    remove(el)


# ---------------------------------------------------------------- running text


def in_running_text(c: RelatedCollector, root: HtmlElement) -> None:
    """``… Baca Juga: <a>title</a><br> …`` inside a longer block (no wrapper)."""
    prefix = c.rules.phrases.teaser_prefix
    label_re = c.rules.phrases.teaser_label
    for a in list(root.iter("a")):
        if not a.get("href") or not attached(a, root):
            continue
        if norm(a.tail) and not re.fullmatch(r"[\s.,;:)\]]*", a.tail or ""):
            continue
        nxt = a.getnext()
        if not norm(a.tail) and nxt is not None and nxt.tag != "br":
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
                and _line_start(prev)
            ):
                _collect_anchor(c, a)
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
        ) or before.rstrip().endswith(_END_OF_SENTENCE)
        if not at_line_start:
            continue
        _collect_anchor(c, a)
        if prev is not None:
            prev.tail = before
        else:
            parent.text = before
        _drop_keep_tail(a)


def _line_start(el: HtmlElement) -> bool:
    prev = el.getprevious()
    parent = el.getparent()
    text = (prev.tail if prev is not None else parent.text if parent is not None else "") or ""
    if not text.strip():
        return prev is None or prev.tag == "br"
    return text.rstrip().endswith(_END_OF_SENTENCE)


def _collect_anchor(c: RelatedCollector, a: HtmlElement) -> None:
    title, outlet = c.split_outlet_suffix(norm(a.text_content()) or a.get("title") or "")
    c.add(a.get("href"), title, outlet, "inline")


def _drop_keep_tail(el: HtmlElement) -> None:
    """Remove ``el``; its tail text stays; a directly following ``<br>`` goes too."""
    nxt = el.getnext()
    if nxt is not None and nxt.tag == "br" and not norm(el.tail):
        nxt.drop_tree()
    el.drop_tree()


# ---------------------------------------------------------------- lists and cards


def _prose_containers(root: HtmlElement) -> list[HtmlElement]:
    """Elements with at least two paragraphs of prose directly inside."""
    found = []
    for el in root.iter("div", "section", "article", "main", "td", "body"):
        count = 0
        for child in el:
            if child.tag == "p" and _own_prose(child) >= PROSE_CHARS:
                count += 1
                if count >= 2:
                    found.append(el)
                    break
    return found


def in_body_flow_lists_and_cards(c: RelatedCollector, root: HtmlElement) -> None:
    """Between paragraphs of prose: lists whose every item is one headline link,
    and teaser cards (one link to one article, with a headline element, an
    ``<aside>`` or a label)."""
    for container in _prose_containers(root):
        if not attached(container, root) or in_chrome(container, root):
            continue
        for child in list(container):
            if not isinstance(child.tag, str) or not in_body_flow(child, after=True):
                continue
            if _has_chrome(child):
                continue  # the site's own menu ("Report an error", "Policies") set in the text
            if child.tag in ("ul", "ol"):
                if _link_list(c, child) and not _headed(c, child):
                    collect(c, child, strict=True)
                    remove(child)
            elif child.tag in ("ul", "ol", "p", "blockquote", "table", "br"):
                continue
            elif _card(c, child):
                if collect(c, child, strict=True):
                    remove(child)
            elif _link_box(c, child):
                # never article text; further reading only when on the page's topic
                # (not a box of company profiles or job ads beside it)
                if c.topic.covers(_titles(c, child)):
                    collect(c, child, strict=True)
                remove(child)


def _headed(c: RelatedCollector, el: HtmlElement) -> bool:
    """Is ``el`` right after a heading of a related or site list (its block, then)?"""
    prev = el.getprevious()
    while prev is not None and not norm(prev.text_content()):
        prev = prev.getprevious()
    return prev is not None and c.heading_kind(norm(prev.text_content())) is not None


def _has_chrome(el: HtmlElement) -> bool:
    """Is ``el`` or anything in it a menu, navigation or footer? (A card's "header" is
    its own.)"""
    return any(
        node.tag in ("nav", "footer") or bool(class_words(node) & MENU_WORDS)
        for node in el.iter()
        if isinstance(node.tag, str) and (node.tag in ("nav", "footer") or node.get("class"))
    )


def _link_list(c: RelatedCollector, el: HtmlElement) -> bool:
    items = [li for li in el if isinstance(li.tag, str)]
    if not items or len(items) > MAX_LIST_ITEMS or any(li.tag != "li" for li in items):
        return False
    for li in items:
        links = anchors(li)
        if len({a.get("href") for a in links}) != 1 or not _kicker_only(li):
            return False
        url = c.url_of(links[0].get("href"))
        if not c.acceptable(url, norm(links[0].text_content()), strict=True):
            return False
    return True


def _link_box(c: RelatedCollector, el: HtmlElement) -> bool:
    """A box of links to other articles set into the text ("from this issue",
    "more on this"): several article links, their titles most of its text."""
    if class_words(el) & EMBED_WORDS:
        return False
    text = len(norm(el.text_content()))
    if not text or text > MAX_BOX_CHARS:
        return False
    keys = c.article_targets(el)
    titles = {k: norm(a.text_content()) for a, k in keys.items()}
    good = [k for k, t in titles.items() if c.acceptable(c.url_of(_href(keys, k)), t, strict=True)]
    if len(good) < MIN_BOX_LINKS or c.has_site_heading(el):
        return False
    linked = sum(len(norm(a.text_content())) for a in keys)
    return linked >= LINKED_SHARE * text


def _titles(c: RelatedCollector, el: HtmlElement) -> list[str]:
    keys = c.article_targets(el)
    return list({k: norm(a.text_content()) for a, k in keys.items()}.values())


def _href(keys: dict[HtmlElement, str], key: str) -> str | None:
    return next((a.get("href") for a, k in keys.items() if k == key), None)


def _kicker_only(li: HtmlElement) -> bool:
    """An item that is only its link, or a short kicker and a colon before it
    ("VIDEO: <a>…</a>", "A SIMPLE GUIDE: <a>…</a>")."""
    rest = non_link_text(li).strip(BULLETS + " ")
    if not rest:
        return True
    before = norm(li.text or "")
    return len(rest) <= MAX_KICKER_CHARS and rest == before and rest.endswith((":", "：", "|"))


def _card(c: RelatedCollector, el: HtmlElement) -> bool:
    if class_words(el) & EMBED_WORDS or len(norm(el.text_content())) > MAX_CARD_CHARS:
        return False
    keys = c.article_targets(el)
    if len(set(keys.values())) != 1:
        return False
    if el.tag == "aside":
        return True
    if any(
        next(h.iterancestors("a"), None) is not None or h.find(".//a") is not None
        for h in el.iter(*_HEADINGS)
    ):
        return True
    first = next((t for t in el.itertext() if t.strip()), "")
    return c.is_label(norm(first))
