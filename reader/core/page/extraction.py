"""Turn one web page into a clean :class:`~reader.core.models.Article`. Pure: no network.

The pipeline (each step in its own module)::

    bytes/str ─ charset.decode_html, htmlguard (size, binary, feed, controls)
              ─ htmlprep.parse_html (once; depth-guarded)
              ─ metadata.read_metadata (JSON-LD, OpenGraph, <meta>)
              ─ htmlprep: hidden/junk removal, lazy images, embeds → links
              ─ related.collect_related (related blocks leave the page)
              ─ htmlprep: comment threads, rules and class words (ads, share bars)
              ─ RelatedCollector.collect_teasers (inline teasers leave the page)
              ─ readability-lxml summary(html_partial=True) on the cleaned tree
              ─ related backstop (RelatedCollector.tidy), boilerplate.remove_boilerplate
              ─ sanitize.sanitize_html (the one sanitiser)  ─ plaintext

readability-lxml is the core; everything around it is recognition by structure
and phrases, with site knowledge read from ``resources/rules/sites.toml``.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from html import escape
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement, tostring
from readability import Document
from readability.readability import Unparseable, text_length

from reader.core.errors import ExtractError
from reader.core.models import Article, RelatedLink
from reader.core.net import SNIFF_BYTES, decode_html, sniff_binary
from reader.core.page import boilerplate, htmlprep, second
from reader.core.page.htmlguard import sniff_text, strip_bulky, strip_controls
from reader.core.page.metadata import Metadata, read_metadata
from reader.core.page.plaintext import html_to_text
from reader.core.page.related import RelatedCollector, collect_related
from reader.core.page.sanitize import sanitize_html
from reader.core.page.siterules import SiteRule, SiteRules, default_rules
from reader.core.urls import absolutize, canonicalize, is_http_url

log = logging.getLogger(__name__)

#: Larger documents are cut (after scripts and styles are dropped) before parsing.
MAX_HTML_CHARS = 2_500_000
#: Fewer words than this and there is no article (a front page, an error page).
MIN_ARTICLE_WORDS = 1
#: Below this readability found nothing at all, and the densest block is used.
MIN_FALLBACK_CHARS = 25
MAX_RELATED = 60
#: An <article> this long can take over from readability's choice (see _Readability).
MIN_ARTICLE_CHARS = 500
#: This many linked headlines left on a page that declares no article: an index page.
MIN_LISTING_HEADINGS = 6
#: ... and readability found fewer words than this, on a path this shallow.
MAX_LISTING_WORDS = 50
MAX_LISTING_PATH_DEPTH = 2

_SPACE_RE = re.compile(r"\s+")


def extract(html: str | bytes, url: str, *, rules: SiteRules | None = None) -> Article:
    """Extract the article of a page fetched from ``url``.

    Raises :class:`ExtractError` for empty pages, non-HTML bodies (PDF, images,
    feeds, JSON) and pages with no article.
    """
    rules = rules or default_rules()
    text = _to_text(html, url)
    doc = _parse(text, url)
    site = rules.for_url(url)
    meta = read_metadata(doc, url, rules.outlet_name(url), rules.phrases.next_page)

    base = _clean_page(doc, url)
    # Related lists leave the page before any class-word removal could take them for
    # comments or promotions ("read-comment" tabs hold related lists); teasers after.
    related = collect_related(
        doc,
        base,
        rules,
        site,
        canonical_url=meta.canonical_url,
        site_name=meta.site_name,
        page_url=url,
        page_text=text,
    )
    _remove_non_content(doc, rules, site, text)
    related.collect_teasers(doc)
    teaser_headings = _teaser_headings(doc)
    body = _find_body(doc, url, rules, site, text, lead=meta.description)
    if body is not None:
        _add_standfirst(doc, body, meta.description)
        _tidy_body(body, related, rules, site)
    body_html = sanitize_html(_serialize(body), base) if body is not None else ""
    body_html = _cross_check(body_html, meta, base)
    plain = html_to_text(body_html)
    words = len(plain.split())
    if words < MIN_ARTICLE_WORDS and "<img" not in body_html:
        raise ExtractError(url, f"No readable article found at {url}.")
    if _is_listing(url, meta, teaser_headings, words):
        raise ExtractError(url, f"{url} is a front page or a list of articles, not an article.")
    return _article(url, meta, body_html, plain, related.links[:MAX_RELATED])


# ---------------------------------------------------------------------------- input


def _to_text(html: str | bytes, url: str) -> str:
    """Decode, refuse what is not a web page, and bound the size."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        raw = bytes(html)
        if what := sniff_binary(raw[:SNIFF_BYTES]):
            raise ExtractError(url, f"{url} is {what}, not a web page.")
        text = decode_html(raw, None)
    else:
        text = html
    if not text or not text.strip():
        raise ExtractError(url, f"{url} is an empty page.")
    if what := sniff_text(text):
        raise ExtractError(url, f"{url} is {what}, not a web page.")
    text = strip_controls(text)
    if len(text) > MAX_HTML_CHARS:
        text = strip_bulky(text)
        if len(text) > MAX_HTML_CHARS:
            cut = text.rfind("<", 0, MAX_HTML_CHARS)
            text = text[: cut if cut > 0 else MAX_HTML_CHARS]
    return text


def _parse(text: str, url: str) -> HtmlElement:
    try:
        doc = htmlprep.parse_html(text)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(url, f"{url} has no readable content ({exc}).") from exc
    if doc is None or not isinstance(doc.tag, str):
        raise ExtractError(url, f"{url} has no readable content.")
    return doc


# ---------------------------------------------------------------------------- cleaning


def _clean_page(doc: HtmlElement, url: str) -> str:
    """Remove what is never shown; returns the base URL for relative links."""
    base = htmlprep.base_url(doc, url)
    htmlprep.resolve_lazy_images(doc)
    htmlprep.remove_hidden_and_junk_tags(doc)
    htmlprep.math_to_text(doc)
    htmlprep.embeds_to_links(doc, base)
    return base


def _remove_non_content(doc: HtmlElement, rules: SiteRules, site: SiteRule, text: str) -> None:
    """Remove comment threads, ads, share bars and what the rules name."""
    htmlprep.remove_comment_threads(doc, rules)
    htmlprep.remove_by_rules(doc, rules, site, text)


# ---------------------------------------------------------------------------- body


class _Readability(Document):  # type: ignore[misc]
    """readability-lxml on our already parsed and cleaned tree.

    readability re-parses its input on every pass; here each pass starts from
    the prepared tree instead (its lxml Cleaner copies it), and the chosen
    article element is kept so that it need not be serialised and parsed again.
    """

    html: HtmlElement | None

    def __init__(self, tree: HtmlElement, rules: SiteRules, lead: str | None = None) -> None:
        super().__init__(
            tree,
            url=None,
            positive_keywords=list(rules.positive_classes) or None,
            negative_keywords=list(rules.negative_classes) or None,
        )
        self._tree = tree
        self.article: HtmlElement | None = None
        #: the opening words of the page's own summary (meta description), see _lead_candidate
        self._lead = _lead_pattern(lead)
        self._lead_full = " ".join(_WORD_RE.findall(lead.lower())) if lead else ""

    def _html(self, force: bool = False) -> HtmlElement:
        if force or self.html is None:
            # Our tree is already free of scripts, styles, hidden elements and <base>;
            # readability's own lxml Cleaner pass would only cost time.
            self.html = deepcopy(self._tree)
        return self.html

    def get_clean_html(self) -> str:
        self.article = self.html
        return str(tostring(self.html, encoding="unicode"))

    def select_best_candidate(self, candidates: dict[HtmlElement, Any]) -> Any:
        """readability scores paragraphs, not list items; an ``<article>`` written as
        lists (release notes, round-ups) loses to some small block. Prefer the page's
        main ``<article>`` when it holds far more text than the chosen block."""
        best = super().select_best_candidate(candidates)
        if best is None or self.html is None:
            return best
        best = self._lead_candidate(candidates, best)
        chosen: HtmlElement = best["elem"]
        articles = [
            el
            for el in self.html.iter("article")
            if not el.xpath("ancestor::nav | ancestor::aside | ancestor::form")
        ]
        if not articles:
            return best
        lengths = {el: text_length(el) for el in articles}
        main = max(articles, key=lengths.__getitem__)
        inside = main in set(chosen.iterancestors())  # chosen is a small part of it
        factor = 3 if inside else 2
        if (
            main is not chosen
            and chosen not in set(main.iterancestors())
            and lengths[main] >= max(MIN_ARTICLE_CHARS, factor * text_length(chosen))
            and self.get_link_density(main) < 0.5
        ):
            candidate = candidates.get(main) or self.score_node(main)
            candidates[main] = candidate
            return candidate
        return best

    def _lead_candidate(self, candidates: dict[HtmlElement, Any], best: Any) -> Any:
        """The page's description is often its lead paragraph. When readability's block
        does not hold it but a block of prose elsewhere does (readability chose a sidebar,
        an "about" box, or a press-release box beside a short post), that block is the
        article: the best-scored candidate among the lead paragraph's ancestors."""
        key = self._lead
        if key is None or self.html is None:
            return best
        chosen: HtmlElement = best["elem"]
        if key.search(chosen.text_content()):
            return best
        holder = _deepest_holder(self.html, key)
        if holder is None:
            return best
        # A lead paragraph that the description only begins (a dek line or a teaser
        # that *is* the description may stand anywhere: a header, a list of posts).
        holder_tokens = _token_string(holder)
        if len(holder_tokens) < len(self._lead_full) + MIN_LEAD_EXTRA_CHARS:
            return best
        ancestors = [a for a in holder.iterancestors() if a in candidates]
        if not ancestors:
            return best
        alt = max(ancestors, key=lambda a: float(candidates[a]["content_score"]))
        score = float(candidates[alt]["content_score"])
        if (
            score < LEAD_SCORE_SHARE * float(best["content_score"])
            or self.get_link_density(alt) > 0.4
            or (alt in set(chosen.iterancestors()) and text_length(alt) > 3 * text_length(chosen))
        ):
            return best
        return candidates[alt]

    def get_preserved_elements(self, node: HtmlElement) -> dict[HtmlElement, bool]:
        """Also keep lists and tables that are content, which readability's
        link-density and "more <li>s than <p>s" rules would throw away."""
        allowed: dict[HtmlElement, bool] = super().get_preserved_elements(node)
        for el in htmlprep.content_lists_and_tables(node):
            allowed[el] = True
        return allowed


#: A description this short (in tokens) is a label, not a lead.
MIN_LEAD_TOKENS = 8
#: The element holding the lead must be this much longer than the description.
MIN_LEAD_EXTRA_CHARS = 40
#: ... and the best candidate around it at least this share of readability's best score.
LEAD_SCORE_SHARE = 0.2
_WORD_RE = re.compile(r"\w+")


def _lead_pattern(description: str | None) -> re.Pattern[str] | None:
    """The opening words of a description (up to 12), matched whatever the case, spacing
    and punctuation between them; None for a description too short to be a lead."""
    tokens = _WORD_RE.findall(description) if description else []
    if len(tokens) < MIN_LEAD_TOKENS:
        return None
    words = r"\W+".join(re.escape(t) for t in tokens[:12])
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _token_string(el: HtmlElement) -> str:
    return " ".join(_WORD_RE.findall(el.text_content().lower()))


def _deepest_holder(root: HtmlElement, key: re.Pattern[str]) -> HtmlElement | None:
    """The deepest element whose text holds ``key`` (None if the page does not)."""
    if not key.search(root.text_content()):
        return None
    node = root
    while True:
        for child in node:
            if isinstance(child.tag, str) and key.search(child.text_content()):
                node = child
                break
        else:
            return node


def _readability(
    tree: HtmlElement, rules: SiteRules, lead: str | None = None
) -> HtmlElement | None:
    reader = _Readability(tree, rules, lead)
    try:
        reader.summary(html_partial=True)
    except Unparseable as exc:
        log.debug("readability gave up: %s", exc)
        return None
    return reader.article


def _text_chars(el: HtmlElement | None) -> int:
    if el is None:
        return 0
    return len(_SPACE_RE.sub(" ", el.text_content()).strip())


def _find_body(
    doc: HtmlElement,
    url: str,
    rules: SiteRules,
    site: SiteRule,
    text: str,
    *,
    lead: str | None = None,
) -> HtmlElement | None:
    """readability's article, on the site's known body container when there is one,
    checked against a second reading of the page (see :func:`_second_opinion`)."""
    crop = htmlprep.crop_to_body(doc, rules, site, text)
    if crop is not None:
        chosen = _readability(crop, rules)
        whole = crop.find(".//article")
        # readability may drop parts of a body we know for sure: keep the whole then.
        if _text_chars(chosen) < 0.6 * _text_chars(whole):
            chosen = whole
        return chosen
    chosen = _readability(doc, rules, lead)
    found = _text_chars(chosen) >= MIN_FALLBACK_CHARS
    alt = _second_opinion(doc, url, rules, chosen if found else None, lead)
    if alt is not None:
        return alt
    if found:
        return chosen
    # readability found nothing (it sometimes drops the right block whole).
    fallback = _densest_block(doc)
    return fallback if _prose_chars(fallback) > MIN_FALLBACK_CHARS else chosen


#: The second reading holds this much more of the page's description than readability's:
#: readability chose some other block (a side box, a notice, a comment).
LEAD_GAIN = 0.3
#: The second reading adds this share of readability's words, in lines of prose, around
#: most of readability's text: readability kept only part of an article split in blocks.
EXTEND_GAIN = 0.5
EXTEND_PROSE_SHARE = 0.6
EXTEND_KEPT_SHARE = 0.6


def _second_opinion(
    doc: HtmlElement,
    url: str,
    rules: SiteRules,
    chosen: HtmlElement | None,
    description: str | None,
) -> HtmlElement | None:
    """The body of trafilatura's region of the page, cleaned like readability's, when it
    is clearly the better article; None to keep readability's choice.

    Better means: it holds the page's own summary (its description) where readability's
    block does not, or it holds readability's text and more prose around it. When neither
    can happen (:func:`_beyond_doubt`) trafilatura is not run at all; else a cheap test on
    its text comes first, so most pages run readability only once.
    """
    lead = second.lead_words(description)
    ours = second.Reading.of(chosen)
    if chosen is not None and _beyond_doubt(doc, ours, lead):
        return None
    reading = second.read_text(doc, url)
    if not reading:
        return None
    theirs = second.Reading.of_text(reading)
    if chosen is not None:
        lead_gain = theirs.lead_share(lead) - ours.lead_share(lead)
        more, _ = theirs.extra_over(ours)
        if lead_gain <= LEAD_GAIN / 2 and more <= EXTEND_GAIN * ours.words:
            return None
    region = second.locate(doc, reading)
    if region is None:
        return None
    alt = _readability_in(region, rules)
    if alt is None or chosen is None:
        return alt
    other = second.Reading.of(alt)
    if other.lead_share(lead) - ours.lead_share(lead) > LEAD_GAIN:
        return alt
    extra, prose = other.extra_over(ours)
    if (
        extra > EXTEND_GAIN * ours.words
        and prose > EXTEND_PROSE_SHARE * extra
        and ours.share_in(other) > EXTEND_KEPT_SHARE
    ):
        return alt
    return None


def _beyond_doubt(doc: HtmlElement, ours: second.Reading, lead: frozenset[str]) -> bool:
    """Could no second reading change readability's choice? Then it is not made (it costs
    as much as readability itself on a small page). That is so when readability's block
    holds the description (or there is none) and the page has too little prose outside
    that block for the extension test to pass (words of lines of prose on the whole page,
    less those of the block)."""
    if lead and ours.lead_share(lead) < 1 - LEAD_GAIN:
        return False
    outside = second.prose_words(second.page_lines(doc)) - second.prose_words(ours.lines)
    return outside <= EXTEND_GAIN * EXTEND_PROSE_SHARE * ours.words


def _readability_in(region: HtmlElement, rules: SiteRules) -> HtmlElement | None:
    """readability on one region of the page (a copy); the whole region when readability
    keeps too little of it."""
    html = lxml.html.Element("html")
    body = lxml.html.Element("body")
    html.append(body)
    article = lxml.html.Element("article")
    body.append(article)
    article.append(deepcopy(region))
    chosen = _readability(html, rules)
    if _text_chars(chosen) < 0.6 * _text_chars(article):
        chosen = article
    return chosen if _text_chars(chosen) >= MIN_FALLBACK_CHARS else None


#: A standfirst is a block of its own: at most this many tokens more than the description.
MAX_STANDFIRST_EXTRA_TOKENS = 12
_OUTSIDE_ARTICLE_TAGS = frozenset({"a", "li", "nav", "aside", "footer", "figcaption", "button"})


def _add_standfirst(doc: HtmlElement, body: HtmlElement, description: str | None) -> None:
    """Put the page's standfirst (dek) at the top of the body when readability left it out.

    Many pages print their description as a lead paragraph between the headline and the
    article's container; readability takes only the container. The block counts when it
    repeats the description, stands alone (not a link, a list item or a caption) and comes
    before the body's first paragraph in the page.
    """
    key = _lead_pattern(description)
    if key is None or key.search(body.text_content()):
        return
    words = _WORD_RE.findall(description or "")
    holder = _standfirst_holder(doc, key, words[0], len(words))
    start = _first_chunk(body)
    if holder is None or not start or not _precedes(doc, holder, start):
        return
    standfirst = lxml.html.Element("p")
    standfirst.text = " ".join(holder.text_content().split())
    body.insert(0, standfirst)


def _standfirst_holder(
    doc: HtmlElement, key: re.Pattern[str], first: str, tokens: int
) -> HtmlElement | None:
    """The first element whose own text opens with the description and holds little more."""
    first = first.lower()
    for el in doc.iter():
        own = el.text.lstrip() if isinstance(el.tag, str) and el.text else ""
        if own[: len(first)].lower() != first:
            continue
        text = " ".join(el.text_content().split())
        if not key.match(text):
            continue
        if len(_WORD_RE.findall(text)) > tokens + MAX_STANDFIRST_EXTRA_TOKENS:
            continue
        if el.tag in _OUTSIDE_ARTICLE_TAGS or any(
            a.tag in _OUTSIDE_ARTICLE_TAGS for a in el.iterancestors()
        ):
            return None
        return el
    return None


def _first_chunk(body: HtmlElement) -> str:
    """The opening of the body's first run of prose (40 characters), to find it in the page."""
    for chunk in body.itertext():
        text = " ".join(chunk.split())
        if len(text) >= 40:
            return text[:40]
    return ""


def _precedes(doc: HtmlElement, holder: HtmlElement, chunk: str) -> bool:
    """Does ``holder`` come before the page's text ``chunk`` (the body's opening)?"""
    seen = False
    for el in doc.iter():
        if el is holder:
            seen = True
        if not isinstance(el.tag, str):
            continue
        for piece in (el.text, *(child.tail for child in el)):
            if piece and chunk in " ".join(piece.split()):
                return seen and el is not holder
    return False


def _prose_chars(el: HtmlElement | None) -> int:
    """Characters of paragraph text outside links directly under ``el``."""
    if el is None:
        return 0
    total = 0
    for child in el:
        if child.tag in ("p", "blockquote", "pre"):
            text = len(child.text_content().strip())
            links = sum(len(a.text_content().strip()) for a in child.iter("a"))
            if links < text / 2:
                total += text - links
    return total


def _densest_block(doc: HtmlElement) -> HtmlElement | None:
    """The container with the most prose directly inside it (readability sometimes
    removes the right block whole, e.g. for having many images)."""
    best: HtmlElement | None = None
    best_score = 0
    for el in doc.iter("div", "article", "section", "main", "td", "body"):
        score = _prose_chars(el)
        if score > best_score:
            best, best_score = el, score
    return best


def _tidy_body(
    body: HtmlElement, related: RelatedCollector, rules: SiteRules, site: SiteRule
) -> None:
    """Backstop teaser removal and boilerplate on the chosen article."""
    related.tidy(body)
    boilerplate.remove_boilerplate(body, rules.boilerplate + site.boilerplate)
    boilerplate.remove_repeated_runs(body)


def _serialize(body: HtmlElement) -> str:
    return str(tostring(body, encoding="unicode", method="html"))


def _is_listing(url: str, meta: Metadata, teaser_headings: int, words: int) -> bool:
    """A front page or section page rather than an article.

    Pages that declare an article (JSON-LD article, og:type "article") never are.
    Others are when they sit at the root of a site and show many headlines that
    link elsewhere (a news front page) or little text; or when a shallow path (a
    section or tag page) gives only a scrap (one teaser's summary) while the page
    still shows many headlines (the cards of an index page). The home page of a
    small site that is one text (a practice, a club, a product) is read as one.
    """
    if meta.declares_article:
        return False
    parts = urlsplit(canonicalize(url)) if is_http_url(url) else None
    if parts is None:
        return False
    if not parts.query and parts.path.rstrip("/") in _ROOT_PATHS:
        return teaser_headings >= MIN_LISTING_HEADINGS or words < MAX_LISTING_WORDS
    # Section and tag pages have short paths ("/bisnis", "/tag/gempa"); articles rarely do.
    shallow = len([s for s in parts.path.split("/") if s]) <= MAX_LISTING_PATH_DEPTH
    return shallow and teaser_headings >= MIN_LISTING_HEADINGS and words < MAX_LISTING_WORDS


def _teaser_headings(doc: HtmlElement) -> int:
    """Headings that are links (or links that hold a heading): index-page cards."""
    return len(doc.xpath(_TEASER_HEADING_XPATH))


_ROOT_PATHS = frozenset({"", "/index.html", "/index.htm", "/index.php", "/home"})
_TEASER_HEADING_XPATH = (
    "//*[self::h1 or self::h2 or self::h3 or self::h4][.//a[@href]]"
    " | //a[@href][.//h1 or .//h2 or .//h3 or .//h4]"
)


# ---------------------------------------------------------------------------- cross-check


def _tokens(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _cross_check(body_html: str, meta: Metadata, url: str) -> str:
    """Use JSON-LD ``articleBody`` when the page's own copy is much longer than ours."""
    declared = meta.article_body
    if not declared or not meta.accessible_for_free:
        return body_html
    ours = _tokens(html_to_text(body_html))
    theirs = _tokens(declared)
    if len(theirs) < 40 or len(ours) >= 0.6 * len(theirs):
        return body_html
    overlap = len(set(ours) & set(theirs)) / max(1, len(set(theirs)))
    if ours and overlap > 0.9:
        return body_html
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", declared) if p.strip()]
    html = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return sanitize_html(html, url)


# ---------------------------------------------------------------------------- result


def _images(html: str) -> list[str]:
    found: list[str] = []
    for raw in re.findall(r'<img\b[^>]*?\bsrc="([^"]+)"', html):
        src = raw.replace("&amp;", "&")
        if src not in found:
            found.append(src)
    return found


def _article(
    url: str, meta: Metadata, body_html: str, plain: str, related: list[RelatedLink]
) -> Article:
    canonical = meta.canonical_url or (canonicalize(url) if is_http_url(url) else url)
    images = _images(body_html)
    lead = meta.lead_image or (images[0] if images else None)
    return Article(
        url=url,
        canonical_url=canonical,
        title=meta.title or (plain.split("\n", 1)[0][:120] if plain else ""),
        html=body_html,
        text=plain,
        byline=meta.byline,
        authors=list(meta.authors),
        published=meta.published,
        site_name=meta.site_name,
        language=meta.language,
        lead_image=absolutize(lead, url) if lead else None,
        description=meta.description,
        related=related,
        next_page=meta.next_page,
        images=images,
    )
