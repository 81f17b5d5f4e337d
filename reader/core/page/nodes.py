"""Small tree helpers shared by the related-link and teaser finders."""

from __future__ import annotations

from lxml.html import HtmlElement

BLOCK_TAGS = frozenset(
    {
        *("p", "div", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("blockquote", "section", "aside", "table", "tbody", "tr", "ul", "ol", "figure"),
        *("header", "footer", "center", "article", "nav", "dl", "form", "figcaption"),
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Containers removed with a teaser or block when it leaves them empty.
_EMPTIED = frozenset({"p", "li", "div", "span", "strong", "b", "em", "ul", "ol", "aside"})


def norm(text: str | None) -> str:
    """Whitespace-normalised text."""
    return " ".join(text.split()) if text else ""


def attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Is ``el`` inside ``root`` (or ``root`` itself), not removed with an ancestor?"""
    node: HtmlElement | None = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def remove(el: HtmlElement) -> None:
    """Remove ``el`` (its tail text stays) and the containers it leaves empty."""
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()
    while (
        parent is not None
        and parent.tag in _EMPTIED
        and not norm(parent.text_content())
        and parent.find(".//img") is None
    ):
        grand = parent.getparent()
        if grand is None:
            break
        parent.drop_tree()
        parent = grand


def anchors(el: HtmlElement) -> list[HtmlElement]:
    """The links (``<a href>``) in ``el``."""
    return [a for a in el.iter("a") if a.get("href")]


def non_link_text(el: HtmlElement) -> str:
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


def non_link_len(el: HtmlElement, limit: int) -> int:
    """About how many characters of ``el``'s text lie outside its links (stripped
    pieces), counted up to just past ``limit``: cheap on big elements."""
    total = 0

    def walk(node: HtmlElement, inside_link: bool) -> bool:
        nonlocal total
        here = inside_link or node.tag == "a"
        if not here and node.text:
            total += len(node.text.strip())
        for child in node:
            if total > limit:
                return True
            if isinstance(child.tag, str) and walk(child, here):
                return True
            if not here and child.tail:
                total += len(child.tail.strip())
        return total > limit

    walk(el, False)
    return total


def item_of(a: HtmlElement, block: HtmlElement, keys: dict[HtmlElement, str]) -> HtmlElement:
    """The largest ancestor of ``a`` inside ``block`` whose links all lead to one
    address: the item of a list, a card. Links outside ``keys`` (to section or tag
    pages) count when they read like a headline (three words or more), not as a
    kicker ("JABAR") beside one."""
    item = a
    node = a.getparent()
    while node is not None and node is not block:
        targets = set()
        for x in node.iter("a"):
            if x in keys:
                targets.add(keys[x])
            elif x.get("href") and len(x.text_content().split()) >= 3:
                targets.add(x.get("href") or "")
        if len(targets) > 1:
            break
        item = node
        node = node.getparent()
    return item


def block_parent(el: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    """The nearest block-level ancestor of ``el`` below ``root``."""
    node = el.getparent()
    while node is not None and node is not root:
        if node.tag in BLOCK_TAGS:
            return node
        node = node.getparent()
    return None
