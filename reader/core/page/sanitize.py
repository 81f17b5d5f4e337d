"""The one sanitiser: every piece of untrusted HTML passes here before it is stored or shown.

Built on nh3 (ammonia, an allow-list sanitiser with a browser-grade HTML5 parser;
see bad-inputs.md §3 for why not lxml's Cleaner or bleach). The allow-list is a
narrow reading subset: text structure, links, images, figures, lists, tables,
quotes and code. Nothing active survives: no script, style, form, svg, math,
iframe, object, event attribute, ``style`` attribute, or URL whose scheme is not
http(s). Relative URLs are resolved against ``base_url``; 1×1 tracking pixels
and images without a source are dropped. The output is stable: sanitising it
again returns the same string.

Used for extracted articles, feed content, and again at render time.
"""

from __future__ import annotations

import re

import nh3

from reader.core.page.htmlguard import limit_nesting, strip_controls
from reader.core.urls import is_http_url

ALLOWED_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col"),
        *("colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption"),
        *("figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li"),
        *("mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span"),
        *("strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead"),
        *("time", "tr", "u", "ul", "var", "wbr"),
    }
)
#: Tags removed together with everything inside them.
DROP_WITH_CONTENT = frozenset(
    {
        *("script", "style", "template", "svg", "noscript", "iframe", "frame", "frameset"),
        *("object", "embed", "applet", "noembed", "noframes", "textarea", "select", "button"),
        *("title", "head", "canvas", "audio", "video", "map", "xmp", "plaintext"),
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"lang", "dir", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "time": {"datetime"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https"})

_PIXEL_RE = re.compile(r"""<img\b[^>]*?\b(?:width|height)="\s*[01](?:px)?\s*"[^>]*>""")
_SRCLESS_IMG_RE = re.compile(r"""<img\b(?![^>]*\bsrc=")[^>]*>""")


#: Passes after the first until the output reads back as itself (it takes at most two).
_MAX_REPASSES = 3


def sanitize_html(html: str, base_url: str) -> str:
    """Sanitise an HTML fragment; relative URLs resolve against ``base_url``.

    With a ``base_url`` that is not http(s), relative URLs are removed.
    """
    if not html:
        return ""
    cleaned = _clean_once(limit_nesting(strip_controls(html)), base_url)
    # A U+FEFF that ends up first would be read as a byte-order mark and dropped by the
    # next pass: drop it now, so the output is stable (found by tests/fuzz).
    cleaned = cleaned.lstrip("\ufeff")
    for _ in range(_MAX_REPASSES):
        # Removing a tag can leave a tree that html5ever serialises in a form it reads back
        # differently: a link or table inside a link, an <li> straight inside an <li> once
        # the <article> between them is gone (tests/fuzz found both). Another pass reaches
        # the stable form, so what is stored and what is shown (sanitised again) agree.
        # A pass costs well under a millisecond for an article; checking always is simpler
        # and surer than guessing which nestings need it.
        again = _clean_once(cleaned, base_url)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def _clean_once(html: str, base_url: str) -> str:
    base = base_url if is_http_url(base_url) else None
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        strip_comments=True,
        link_rel="noopener noreferrer",
        url_schemes=set(URL_SCHEMES),
        url_relative=("rewrite_with_base", base) if base else "deny",
    )
    if "<img" in cleaned:
        cleaned = _SRCLESS_IMG_RE.sub("", _PIXEL_RE.sub("", cleaned))
    return cleaned
