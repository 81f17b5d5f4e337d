"""Parse a page once and clean it before readability-lxml looks for the article.

readability scores blocks of text; anything we can recognise *for sure* as not
being the article (hidden elements, consent banners, share bars, ad slots,
forms, navigation) only misleads it, and lazy images and embeds would be lost
by it. This module:

* parses with lxml (``huge_tree`` and a string-level depth guard so deep
  nesting is flattened, never silently dropped);
* removes invisible and non-content elements, by tag, by attribute, by the
  generic selectors and class words of the rules and by the site's own rules;
* resolves lazy images (``data-src``, ``srcset``, ``<noscript>`` fallbacks);
* turns iframes, embeds and media elements into plain links;
* crops to the site's known body container when the rules name one.
"""

from __future__ import annotations

import re
import threading
from copy import deepcopy
from urllib.parse import parse_qs, urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from reader.core.page.htmlguard import limit_nesting
from reader.core.page.siterules import SiteRule, SiteRules, elements
from reader.core.urls import absolutize, host_of

#: Elements removed with their content before anything else.
JUNK_TAGS = frozenset(
    {
        *("script", "style", "link", "meta", "template", "svg", "canvas", "map", "area"),
        *("noembed", "noframes", "frameset", "frame", "applet", "param", "track", "dialog"),
        *("input", "select", "textarea", "button", "option", "optgroup", "datalist"),
        *("output", "progress", "meter"),
    }
)
EMBED_TAGS = frozenset({"iframe", "embed", "object", "video", "audio"})
#: An element whose class/id names junk is kept anyway if it holds this much text.
JUNK_TEXT_LIMIT = 400

_HIDDEN_STYLE_RE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I
)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_LAZY_SRC_ATTRS = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-image",
    "data-img-src",
    "data-echo",
    "data-orig-file",
)
_LAZY_SRCSET_ATTRS = ("data-srcset", "data-lazy-srcset", "srcset")
_PLACEHOLDER_RE = re.compile(
    r"placeholder|blank|spacer|transparent|lazy|loading|pixel|grey\.gif|1x1", re.I
)
_AD_HOST_RE = re.compile(
    r"doubleclick|googlesyndication|googleadservices|adnxs|adservice|amazon-adsystem|criteo|"
    r"taboola|outbrain|facebook\.com/plugins|platform\.twitter\.com/widgets|about:blank",
    re.I,
)

_local = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread: lxml parser objects must not be shared between threads."""
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = lxml.html.HTMLParser(
            encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True
        )
        # Every element is a plain HtmlElement, chosen in C: lxml.html's default lookup
        # calls Python for each element proxy (~10% of extraction time), only to pick
        # form/input classes that nothing here uses.
        parser.set_element_class_lookup(
            etree.ElementDefaultClassLookup(
                element=lxml.html.HtmlElement,
                comment=lxml.html.HtmlComment,
                pi=lxml.html.HtmlProcessingInstruction,
                entity=lxml.html.HtmlEntity,
            )
        )
    return parser


def parse_html(text: str) -> HtmlElement:
    """Parse a page; raises ``etree.ParserError`` when there is no document at all."""
    text = _XML_DECL_RE.sub("", text, count=1)
    data = text.encode("utf-8", "replace")
    parser = _parser()
    doc = lxml.html.document_fromstring(data, parser=parser)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stopped at its depth limit and dropped the rest: flatten and retry.
        data = limit_nesting(text).encode("utf-8", "replace")
        doc = lxml.html.document_fromstring(data, parser=parser)
    return doc


# ---------------------------------------------------------------------------- removal


_JUNK_XPATH = etree.XPath(
    " | ".join(f"//{tag}" for tag in sorted(JUNK_TAGS))
    + " | //*[@hidden] | //*[@style] | //processing-instruction() | //comment()"
)
_CLASSED_XPATH = etree.XPath("//body//*[@class or @id]")


def _words_regex(words: frozenset[str]) -> re.Pattern[str]:
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:^|[\s_\-])(?:{alternation})(?=$|[\s_\-])")


def _is_hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def _protected(el: HtmlElement) -> bool:
    """Containers that may hold the article itself are never removed by class words."""
    if el.tag in ("html", "body", "main", "article"):
        return True
    return bool(
        el.xpath(
            "boolean(descendant::h1 | descendant::article | descendant::main"
            " | descendant::*[@itemprop='articleBody'])"
        )
    )


def _text_len(el: HtmlElement, limit: int) -> int:
    """Length of the text of ``el``, exact up to ``limit`` (cheap for huge elements)."""
    total = 0
    for chunk in el.itertext():
        total += len(chunk) - chunk.count(" ") - chunk.count("\n")
        if total > limit:
            break
    return total


def drop(el: etree._Element) -> None:
    """Remove an element (or comment) and its content, keeping its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    if isinstance(el, HtmlElement):
        el.drop_tree()
        return
    tail, previous = el.tail, el.getprevious()
    parent.remove(el)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def remove_hidden_and_junk_tags(doc: HtmlElement) -> None:
    """Scripts, styles, form controls, hidden elements: never part of what a reader sees."""
    found = _JUNK_XPATH(doc)
    for el in found if isinstance(found, list) else []:
        if not isinstance(el, etree._Element):
            continue
        tag = el.tag
        if (
            isinstance(tag, str)
            and tag not in JUNK_TAGS
            and (tag in ("html", "body") or not _is_hidden(el))
        ):
            continue
        drop(el)


def remove_by_rules(
    doc: HtmlElement, rules: SiteRules, site: SiteRule, page_text: str = ""
) -> None:
    """Generic and site-specific selectors, then elements whose class names junk."""
    for selectors in (rules.remove, site.remove):
        for el in rules.select(selectors, doc, page_text):
            if el.tag not in ("html", "body"):
                drop(el)
    if not rules.remove_class_words:
        return
    any_words = _cached_regex(rules.remove_class_words_any_size)
    short_words = _cached_regex(rules.remove_class_words - rules.remove_class_words_any_size)
    doomed = []
    for el in elements(_CLASSED_XPATH(doc)):
        if el.tag in ("p", "a", "body"):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower().replace("_", "-")
        junk = any_words.search(names) or (
            short_words.search(names) and _text_len(el, JUNK_TEXT_LIMIT) <= JUNK_TEXT_LIMIT
        )
        if junk and not _protected(el):
            doomed.append(el)
    for el in doomed:
        drop(el)


_REGEX_CACHE: dict[frozenset[str], re.Pattern[str]] = {}


def _cached_regex(words: frozenset[str]) -> re.Pattern[str]:
    pattern = _REGEX_CACHE.get(words)
    if pattern is None:
        pattern = _REGEX_CACHE[words] = _words_regex(words) if words else re.compile(r"(?!x)x")
    return pattern


def base_url(doc: HtmlElement, url: str) -> str:
    """The URL relative links resolve against (``<base href>`` counts), and drop ``<base>``."""
    base = url
    for el in list(doc.iter("base")):
        href = el.get("href")
        if href and base == url:
            resolved = absolutize(href, url)
            if resolved:
                base = resolved
        drop(el)
    return base


# ---------------------------------------------------------------------------- images


def _best_from_srcset(srcset: str) -> str | None:
    best: tuple[float, str] | None = None
    for part in srcset.split(","):
        bits = part.strip().split()
        if not bits:
            continue
        url = bits[0]
        size = 1.0
        if len(bits) > 1:
            descriptor = bits[1].lower()
            try:
                size = float(descriptor[:-1]) if descriptor[-1] in "wx" else 1.0
            except (ValueError, IndexError):
                size = 1.0
            if descriptor.endswith("w") and size > 2000:
                size = 1.0  # very large renditions: prefer a reasonable one
        if best is None or size > best[0]:
            best = (size, url)
    return best[1] if best else None


def _needs_src(src: str | None) -> bool:
    if not src or not src.strip():
        return True
    src = src.strip()
    return src.startswith("data:") or bool(_PLACEHOLDER_RE.search(src))


def resolve_lazy_images(doc: HtmlElement) -> None:
    """Give every image its real source; the lazy-loading script will never run."""
    for noscript in list(doc.iter("noscript")):
        img = next(noscript.iter("img"), None)
        if img is not None and img.get("src"):
            prev = noscript.getprevious()
            target = None
            if prev is not None:
                target = prev if prev.tag == "img" else next(prev.iter("img"), None)
            if target is None:
                noscript.addprevious(deepcopy(img))
            elif _needs_src(target.get("src")):
                target.set("src", img.get("src", ""))
                if img.get("alt") and not target.get("alt"):
                    target.set("alt", img.get("alt", ""))
        drop(noscript)
    for img in doc.iter("img"):
        src = img.get("src")
        if _needs_src(src):
            for attr in _LAZY_SRC_ATTRS:
                value = img.get(attr)
                if value and not value.startswith("data:"):
                    img.set("src", value.strip())
                    break
            else:
                for attr in _LAZY_SRCSET_ATTRS:
                    value = img.get(attr) or _picture_srcset(img)
                    if (
                        value
                        and (best := _best_from_srcset(value))
                        and not best.startswith("data:")
                    ):
                        img.set("src", best)
                        break


def _picture_srcset(img: HtmlElement) -> str | None:
    """The ``srcset`` of a ``<source>`` in the image's ``<picture>`` (libxml2 may
    even nest the image inside the ``<source>``)."""
    picture = next((a for a in img.iterancestors("picture")), None)
    if picture is None:
        return None
    for source in picture.iter("source"):
        srcset = source.get("srcset") or source.get("data-srcset")
        if srcset:
            return str(srcset)
    return None


# ---------------------------------------------------------------------------- embeds


def _embed_url(el: HtmlElement, base: str) -> str | None:
    if "flash" in (el.get("type") or "").lower():
        return None
    src = el.get("src") or el.get("data-src") or el.get("data")
    if src and src.split("?")[0].lower().endswith(".swf"):
        return None
    if not src and el.tag in ("video", "audio"):
        source = el.find(".//source")
        src = source.get("src") if source is not None else None
    url = absolutize(src, base)
    if url is None or _AD_HOST_RE.search(url):
        return None
    parts = urlsplit(url)
    host = host_of(url)
    youtube = host.endswith(("youtube.com", "youtube-nocookie.com"))
    if youtube and parts.path.startswith("/embed/") and (video := parts.path.split("/")[2]):
        return f"https://www.youtube.com/watch?v={video}"
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    if "facebook.com" in host and "href" in parse_qs(parts.query):
        target = absolutize(parse_qs(parts.query)["href"][0], base)
        return target
    return url


def _tiny(el: HtmlElement) -> bool:
    for attr in ("width", "height"):
        value = (el.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= 2:
            return True
    return False


def embeds_to_links(doc: HtmlElement, base: str) -> None:
    """Replace iframes, embeds and media players by a paragraph with a plain link."""
    for el in list(doc.iter(*EMBED_TAGS)):
        if el.getparent() is None:
            continue
        url = None if _tiny(el) else _embed_url(el, base)
        if url is None:
            drop(el)
            continue
        # Short link text: the embed's own title, else just where it leads.
        label = "▶ " + (" ".join((el.get("title") or "").split())[:120] or host_of(url))
        link = lxml.html.Element("a", href=url)
        link.text = label
        parent = el.getparent()
        inline_parent = parent is not None and parent.tag in (
            "p",
            "span",
            "a",
            "li",
            "figure",
            "td",
        )
        replacement = link if inline_parent else lxml.html.Element("p")
        if replacement is not link:
            replacement.append(link)
        replacement.tail = el.tail
        el.getparent().replace(el, replacement)


# ---------------------------------------------------------------------------- body crop


def crop_to_body(
    doc: HtmlElement, rules: SiteRules, site: SiteRule, page_text: str = "", min_chars: int = 200
) -> HtmlElement | None:
    """The site's known article container(s), if the rules name one and it holds text."""
    for selector in site.body:
        found = rules.select((selector,), doc, page_text)
        # Outermost matches only, in document order.
        found = [el for el in found if not any(a in found for a in el.iterancestors())]
        if found and sum(_text_len(el, 10**6) for el in found) >= min_chars:
            html = lxml.html.Element("html")
            body = lxml.html.Element("body")
            html.append(body)
            article = lxml.html.Element("article")
            body.append(article)
            for el in found:
                article.append(deepcopy(el))
            return html
    return None


# ---------------------------------------------------------------------------- content lists


#: Average text per item of a list that is content (shorter: menus, tags).
MIN_LIST_ITEM_CHARS = 30
#: A list of shorter items is text only when almost none of it is links.
MIN_SHORT_ITEM_CHARS = 4
MAX_SHORT_LIST_LINKS = 0.1
#: More picture boxes than this in one article: a gallery, not illustrations.
MAX_PICTURE_BOXES = 8
_GALLERY_RE = re.compile(r"slide|gallery|carousel|slider|ticker|galeri|foto", re.I)


def _link_chars(el: HtmlElement) -> int:
    return sum(len(a.text_content().strip()) for a in el.iter("a"))


def _prose_sibling(el: HtmlElement, *, before: bool) -> bool:
    sib = el.getprevious() if before else el.getnext()
    while sib is not None and not (sib.text_content() or "").strip():
        sib = sib.getprevious() if before else sib.getnext()
    return sib is not None and sib.tag == "p" and len(sib.text_content().strip()) >= 60


def is_content_list(el: HtmlElement) -> bool:
    """A list that belongs to the text: items with words of their own, or a list of
    headlines introduced by a paragraph (a round-up), rather than navigation."""
    items = [li for li in el if li.tag == "li"]
    if len(items) < 2 or _GALLERY_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return False
    if sum(1 for li in items if li.find(".//img") is not None) * 2 >= len(items):
        return False  # a gallery or slideshow, not text
    text = sum(len(li.text_content().strip()) for li in items)
    density = _link_chars(el) / max(1, text)
    if text < MIN_LIST_ITEM_CHARS * len(items):
        # Short items (ingredients, tools, steps) are text when nothing in them links away.
        return text >= MIN_SHORT_ITEM_CHARS * len(items) and density <= MAX_SHORT_LIST_LINKS
    return density <= 0.5 or _prose_sibling(el, before=True)


def _in_gallery(el: HtmlElement, node: HtmlElement) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is node:
            return False
        if _GALLERY_RE.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return True
    return False


def is_data_table(el: HtmlElement) -> bool:
    """A table of data (not a layout table): rows and columns, few links, no nesting."""
    if el.find(".//table") is not None:
        return False
    rows = [tr for tr in el.iter("tr") if len(tr) >= 2]
    if len(rows) < 2:
        return False
    text = len(el.text_content().strip())
    return text > 0 and _link_chars(el) <= 0.3 * text


def is_picture_box(el: HtmlElement) -> bool:
    """A wrapper holding an article picture (and perhaps its caption): readability
    drops such boxes for having "no content", which loses figures."""
    images = [img for img in el.iter("img") if img.get("src")]
    linked = any(next(img.iterancestors("a"), None) is not None for img in images)
    if not 1 <= len(images) <= 2 or linked:
        return False
    if any(True for _ in el.iter("p", "ul", "ol", "table", "h2", "h3")):
        return False
    return len(el.text_content().strip()) < 400


def content_lists_and_tables(node: HtmlElement) -> list[HtmlElement]:
    """Lists, tables and picture boxes inside an article that readability must not
    drop, plus the wrappers that hold little else."""
    boxes = [
        el
        for el in node.iter("div", "figure", "section")
        if el is not node and is_picture_box(el) and not _in_gallery(el, node)
    ]
    kept: list[HtmlElement] = boxes if len(boxes) <= MAX_PICTURE_BOXES else []
    for el in node.iter("ul", "ol", "table"):
        if _in_gallery(el, node):
            continue
        if is_data_table(el) if el.tag == "table" else is_content_list(el):
            kept.append(el)
            size = len(el.text_content().strip())
            parent = el.getparent()
            while parent is not None and parent is not node:
                if len(parent.text_content().strip()) > 1.3 * size:
                    break
                kept.append(parent)
                parent = parent.getparent()
    return kept


# ---------------------------------------------------------------------------- comments

_COMMENT_HINT_RE = re.compile(r"comment|respond|reply|replies|discuss|komentar", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def remove_comment_threads(doc: HtmlElement, rules: SiteRules) -> None:
    """A comments heading ("Comments", "12 Responses to ...", "Komentar") and
    everything after it in its container: a comment thread, not the article.

    Headings are ``<h1>``-``<h6>``, or short elements whose class or id says
    "comment"; the removal stops at anything holding the page's ``<h1>``,
    ``<article>`` or ``<main>``.
    """
    pattern = rules.phrases.comments_heading
    for el in list(doc.iter(*_HEADINGS, "div", "p", "span", "strong", "b")):
        if el.getparent() is None or len(el) > 3:
            continue
        if el.tag not in _HEADINGS and not _COMMENT_HINT_RE.search(
            f"{el.get('class') or ''} {el.get('id') or ''}"
        ):
            continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > 200 or not pattern.fullmatch(text):
            continue
        if el.find(".//a[@href]") is not None:
            continue  # "12 Comments" as a link is post metadata, not the thread's heading
        start = el
        parent = el.getparent()
        while (
            parent is not None
            and parent.tag not in ("body", "html")
            and (" ".join(parent.text_content().split()) == text)
        ):
            start, parent = parent, parent.getparent()
        if parent is None:
            continue
        doomed = [start]
        for sibling in start.itersiblings():
            if sibling.xpath(
                "boolean(descendant-or-self::h1 | descendant-or-self::article"
                " | descendant-or-self::main)"
            ):
                break
            doomed.append(sibling)
        for node in doomed:
            drop(node)


# ---------------------------------------------------------------------------- math


def math_to_text(doc: HtmlElement) -> None:
    """MathML as readable text: the sanitiser keeps no MathML (a known mXSS vector),
    so each formula becomes its TeX annotation or its plain characters."""
    for math in list(doc.iter("math")):
        if math.getparent() is None:
            continue
        tex = next(
            (
                a.text_content()
                for a in math.iter("annotation")
                if "tex" in (a.get("encoding") or "").lower()
            ),
            None,
        )
        text = (
            tex
            or math.get("alttext")
            or "".join(t for el in math.iter() if el.tag != "annotation" for t in (el.text or "",))
        )
        span = lxml.html.Element("span")
        span.text = " ".join(text.split())
        span.tail = math.tail
        math.getparent().replace(math, span)
