"""Cheap string-level guards that run before any HTML parser sees hostile input.

* :func:`strip_controls` removes C0 control characters (NUL included) that
  parsers either reject or turn into garbage.
* :func:`limit_nesting` flattens absurdly deep nesting. libxml2 silently drops
  everything nested deeper than about 255 levels (2048 with ``huge_tree``), and
  nh3 is quadratic in depth (bad-inputs.md §1.1, §3), so depth is capped before
  either runs. Text is kept; only the surplus tags go. The cap is below
  libxml2's default limit, so HTML that went through it (everything stored is
  sanitised) reads whole with *any* lxml parser later, not only with
  ``huge_tree``: deep text next to shallow text never silently disappears.
* :func:`sniff_text` recognises decoded bodies that are not web pages (binary
  garbage, feeds, JSON), so that they get a clear error instead of a garbage
  "article".
"""

from __future__ import annotations

import re
from collections import Counter

#: Below libxml2's default depth limit (~255) with room for wrappers added later.
MAX_DEPTH = 200

_CONTROLS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^>]*)?>",
    re.DOTALL | re.IGNORECASE,
)
VOID_TAGS = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta"),
        *("param", "source", "track", "wbr"),
    }
)
# Tags whose start implicitly closes an open sibling of these names (a rough
# copy of the HTML parsing rules, enough to keep depth estimates honest).
_IMPLIED_CLOSE = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "option": {"option"},
}


def strip_controls(text: str) -> str:
    """Remove C0 control characters except tab, newline and carriage return."""
    return _CONTROLS_RE.sub("", text) if _CONTROLS_RE.search(text) else text


def limit_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """Drop start/end tags nested deeper than ``max_depth``, keeping their content.

    Linear in the input; returns ``html`` itself when it cannot be that deep.
    """
    if html.count("<") <= max_depth:
        return html
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    out: list[str] = []
    pos = 0
    for match in _TAG_RE.finditer(html):
        name = match.group(3)
        if name is None:
            continue
        name = name.lower()
        raw = match.group(0)
        if name in VOID_TAGS or raw.endswith("/>"):
            continue
        drop = False
        if not match.group(2):  # start tag
            implied = _IMPLIED_CLOSE.get(name)
            if implied and stack and stack[-1] in implied:
                open_names[stack.pop()] -= 1
            if len(stack) >= max_depth:
                dropped[name] += 1
                drop = True
            else:
                stack.append(name)
                open_names[name] += 1
        elif dropped[name]:
            dropped[name] -= 1
            drop = True
        elif open_names[name] > 0:
            while stack:
                top = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
        if drop:
            out.append(html[pos : match.start()])
            out.append(" ")
            pos = match.end()
    if not out:
        return html
    out.append(html[pos:])
    return "".join(out)


_BULKY_START_RE = re.compile(r"<(script|style|svg|noscript|template)\b|<!--", re.IGNORECASE)


def strip_bulky(html: str) -> str:
    """Remove scripts, styles, SVG, templates and comments (JSON-LD scripts stay).

    Used on oversized pages before they are cut to size, so that the cut keeps
    text rather than code. Linear even on hostile input (unclosed comments).
    """
    lower = html.lower()
    out: list[str] = []
    pos = 0
    while True:
        match = _BULKY_START_RE.search(lower, pos)
        if match is None:
            out.append(html[pos:])
            break
        out.append(html[pos : match.start()])
        if match.group(1) is None:  # a comment
            end = lower.find("-->", match.end())
            pos = len(html) if end < 0 else end + 3
            continue
        tag = match.group(1).lower()
        close = lower.find(f"</{tag}", match.end())
        close_end = lower.find(">", close) + 1 if close >= 0 else 0
        if close < 0 or close_end <= 0:
            break  # unclosed: the rest is code
        opening = lower[match.start() : lower.find(">", match.start()) + 1]
        if tag == "script" and "ld+json" in opening:
            out.append(html[match.start() : close_end])
        pos = close_end
    return "".join(out)


# ------------------------------------------------------------------ content sniffing

_ANY_TAG_RE = re.compile(r"<[a-zA-Z!/]")
_FEED_RE = re.compile(r"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_RE = re.compile(r"<(html|body|head|div|p|article|main|!doctype\s+html)\b", re.IGNORECASE)


_CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sniff_text(text: str) -> str | None:
    """What decoded ``text`` is when it is clearly not a web page (binary garbage,
    a feed, JSON, plain text), else None. Bytes are sniffed by :mod:`reader.core.net.sniff`."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    if head.startswith("%PDF-"):
        return "a PDF document"
    sample = text[:8192]
    if sample:
        bad = sample.count("\x00") + sample.count("\ufffd")
        bad += len(_CONTROL_CHAR_RE.findall(sample))
        if bad > max(8, len(sample) // 10):
            return "binary data"
    if head.startswith(("{", "[")):
        return "JSON data"
    if not _ANY_TAG_RE.search(text, 0, 65_536):
        return "plain text"
    if (head.startswith("<?xml") or _FEED_RE.match(head)) and _FEED_RE.search(head):
        root = _FEED_RE.search(head)
        html = _HTML_RE.search(head)
        if root and (html is None or html.start() > root.start()):
            return "a news feed"
    return None
