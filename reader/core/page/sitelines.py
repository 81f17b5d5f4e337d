"""Site lines inside an article body: links to the site, not to further reading.

Two shapes, both recognised by where their links lead (see
:mod:`reader.core.page.linkfilter`), in any language:

* a short line whose links all lead to the site's listing pages (the home page, a
  section, tags, a topic) with at most a short label beside them: "Tags: <a>…</a>
  <a>…</a>", "<a>More Alabama news</a>"; or to one of its pages through a logo
  ("According to the criteria of <a><img></a>");
* a promotion box: a short block with a link to a newsletter or subscription
  page ("Every day our editors send out … sign up here"), with the box's heading.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from reader.core.page.linkfilter import (
    is_article_url,
    is_listing_url,
    is_media_url,
    is_share_or_ad,
)
from reader.core.page.nodes import (
    anchors,
    attached,
    non_link_text,
    norm,
    remove,
)
from reader.core.urls import absolutize, host_of, same_page, site_key

#: Text outside links that a line of site links may carry (a "Tags:" label).
MAX_LABEL_CHARS = 40
#: A line longer than this is prose with links in it.
MAX_LINE_CHARS = 300
#: A promotion box holds at most this much text.
MAX_PROMO_CHARS = 600
_LINE_TAGS = (
    *("p", "div", "li", "ul", "ol", "dl", "section", "aside", "footer", "blockquote"),
    *("h2", "h3", "h4", "h5", "h6"),
)
#: How a label before a list of site links ends ("Tags:", "Topik |").
_LABEL_ENDS = (":", "：", "|", "»", ">")
_PROMO_RE = re.compile(
    r"(?:^|[/_.\-?=&])(?:newsletters?|subscribe|subscription|signup|sign-up|abonnement|"
    r"abonnieren|langganan|berlangganan|suscripcion|suscribete|assinatura|prenumerata|"
    r"nieuwsbrief)(?:$|[/_.\-?=&])",
    re.IGNORECASE,
)


def remove_site_lines(root: HtmlElement, base_url: str) -> None:
    """Remove lines of links to this site's listing pages and newsletter boxes."""
    site = site_key(host_of(base_url))
    doomed: list[HtmlElement] = []
    for el in root.iter(*_LINE_TAGS):
        if el is root or any(d in el.iterancestors() for d in doomed):
            continue
        links = anchors(el)
        if not links or len(norm(el.text_content())) > MAX_LINE_CHARS:
            continue
        if el.find(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6") is not None:
            continue  # a heading with an "edit" or anchor link is the text's own
        label = non_link_text(el)
        if len(label) > MAX_LABEL_CHARS:
            continue
        if any(next(img.iterancestors("a"), None) is None for img in el.iter("img")):
            continue  # a picture of the article's own
        badges = all(not norm(a.text_content()) for a in links)
        if label and not badges and len(links) < 2 and not label.endswith(_LABEL_ENDS):
            continue  # "History <a>[edit]</a>", "Photo by <a>name</a>": the text's own
        if _all_site_listings(links, base_url, site):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            remove(el)
    remove_promotions(root, base_url)


def remove_promotions(root: HtmlElement, base_url: str) -> None:
    """Remove boxes that promote a newsletter or a subscription."""
    for a in list(root.iter("a")):
        if not attached(a, root) or not _promotes(a, base_url):
            continue
        box = _promo_box(a, root)
        if box is not None:
            remove(box)


def _all_site_listings(links: list[HtmlElement], base_url: str, site: str) -> bool:
    """Do all ``links`` lead to this site's listing pages (home, sections, tags, site
    pages), or are they the site's badges (a logo linking to a page of the site that
    is not an article: "According to the criteria of <a><img></a>")? An embedded
    video's link, a post or a mail address is the text's own."""
    for a in links:
        href = (a.get("href") or "").strip()
        if href.startswith("#"):
            return False  # a link within the page (a table of contents, a footnote)
        url = absolutize(href, base_url)
        if url is None or is_share_or_ad(url) or is_media_url(url):
            return False  # a mail address, a video, a post, a picture: the text's own
        if site_key(host_of(url)) != site or same_page(url, base_url):
            return False
        badge = not norm(a.text_content()) and a.find(".//img") is not None
        if not is_listing_url(url) and not (badge and not is_article_url(url)):
            return False
    return True


def _promotes(a: HtmlElement, base_url: str) -> bool:
    href = a.get("href")
    if not href or not _PROMO_RE.search(href):
        return False
    url = absolutize(href, base_url)
    if url is None:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_PROMO_RE.search(unquote(parts.path)) or _PROMO_RE.search(parts.query))


def _promo_box(a: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    """The block around a promotion link: its line, and the wrappers around that
    line whose other children are short, link-less lines (the box's heading). Never
    more than a box's text, never anything holding a page heading."""
    node = a.getparent()
    while node is not None and node is not root and node.tag not in _LINE_TAGS:
        node = node.getparent()
    if node is None or node is root or not _boxed(node):
        return None
    line = node
    while True:
        parent = node.getparent()
        if parent is None or parent is root or not _boxed(parent):
            break
        others = [c for c in parent if c is not node and isinstance(c.tag, str)]
        if norm(parent.text) or any(
            norm(c.tail) or c.find(".//a") is not None or len(norm(c.text_content())) > 100
            for c in others
        ):
            break
        node = parent
    # a line of the article that mentions a subscription in passing is not a promotion:
    # the link must be much of the line, or the line sit in a box of its own
    if node is line and len(norm(a.text_content())) * 3 < len(norm(line.text_content())):
        return None
    return node


def _boxed(el: HtmlElement) -> bool:
    """Short enough for a box, and no page heading in it."""
    return (
        len(norm(el.text_content())) <= MAX_PROMO_CHARS
        and el.find(".//h1") is None
        and el.find(".//h2") is None
    )
