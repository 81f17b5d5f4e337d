"""Article metadata from JSON-LD, OpenGraph, ``<meta>`` tags and a few DOM conventions.

Structured data is preferred over guessing from the layout: news CMSs fill
JSON-LD ``NewsArticle`` and OpenGraph far more consistently than their
templates place bylines. Everything returned is plain text or an absolute
http(s) URL; markup in metadata never survives (bad-inputs.md C23).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from reader.core.page.bylines import BYLINE_MARKS, Outlet, find_authors
from reader.core.page.dates import (
    choose_published,
    date_in_address,
    first_date_shown,
    guessed_date,
    printed_dates,
)
from reader.core.page.pagetext import page_text
from reader.core.page.titles import choose_title, site_without_headline
from reader.core.urls import absolutize, host_of, is_address, is_http_url, site_key

ARTICLE_TYPES = frozenset(
    {
        *("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle"),
        *("OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle"),
        *("AskPublicNewsArticle", "LiveBlogPosting", "BlogPosting", "SocialMediaPosting"),
        *("Report", "ScholarlyArticle", "TechArticle", "SatiricalArticle"),
        *("AdvertiserContentArticle",),
    }
)
MAX_JSONLD_CHARS = 2_000_000
MAX_TEXT = 500

_AUTHOR_META = (
    "author",
    "dtk:author",
    "content_author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "article:author",
)
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "dtk:publishdate",
    "pubdate",
    "publish-date",
    "publish_date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "content_publisheddate",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "article_date_original",
)
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str = ""
    byline: str | None = None
    #: the writers' names, one each (``byline`` is them joined for display)
    authors: tuple[str, ...] = ()
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    lead_image: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    next_page: str | None = None
    #: JSON-LD ``articleBody``, used to cross-check the extracted body
    article_body: str | None = None
    #: False when JSON-LD says the article is behind a paywall
    accessible_for_free: bool = True
    #: JSON-LD declares an article, or og:type is "article"
    declares_article: bool = False


def clean_text(value: object, limit: int = MAX_TEXT) -> str:
    """Whitespace-normalised plain text; markup, if any, reduced to its text."""
    if not isinstance(value, str):
        return ""
    text = value
    if "<" in text and ">" in text:
        text = re.sub(r"<[^>]*>", " ", text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text[:limit].rstrip()


# ---------------------------------------------------------------------------- JSON-LD


def _jsonld_objects(doc: HtmlElement) -> Iterator[Mapping[str, Any]]:
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > MAX_JSONLD_CHARS:
            continue
        raw = raw.removeprefix("<!--").removesuffix("-->").strip()
        raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _walk(data, 0)


def _walk(data: object, depth: int) -> Iterator[Mapping[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _walk(item, depth + 1)
    elif isinstance(data, Mapping):
        yield data
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _walk(graph, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, Mapping):
            yield from _walk(main, depth + 1)


def _types(obj: Mapping[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _names(
    value: object, limit: int = 8, nodes: Mapping[str, Mapping[str, Any]] | None = None
) -> list[str]:
    """Names from a JSON-LD Person/Organization value (string, object or list); an
    object that only refers to a node of the graph (``{"@id": ...}``, as WordPress
    writes its authors) is that node."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for value_item in items[:limit]:
        item = value_item
        if isinstance(item, Mapping) and "name" not in item and nodes:
            item = nodes.get(str(item.get("@id")), item)
        name = item.get("name") if isinstance(item, Mapping) else item
        text = clean_text(name, 120)
        if text and not is_http_url(text) and text not in names:
            names.append(text)
    return names


def _image_url(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, Mapping):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) else None


# ---------------------------------------------------------------------------- dates


def normalise_date(value: object) -> str | None:
    """ISO 8601 (with the page's offset when given) or None if unparseable."""
    text = clean_text(value, 80)
    if not text:
        return None
    candidates = [text, text.replace("/", "-"), text.replace(" ", "T", 1)]
    for candidate in candidates:
        try:
            dt = datetime.fromisoformat(candidate.replace("Z", "+00:00"))
        except ValueError:
            continue
        return _iso(dt, date_only=len(candidate) <= 10)
    try:
        return _iso(parsedate_to_datetime(text), date_only=False)
    except (TypeError, ValueError, IndexError):
        return None


def _iso(dt: datetime, *, date_only: bool) -> str | None:
    if not 1990 <= dt.year <= 2100:
        return None
    if date_only:
        return dt.date().isoformat()
    return dt.replace(microsecond=0).isoformat()


# ---------------------------------------------------------------------------- reading


def _meta_map(doc: HtmlElement) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(the first ``<meta>`` value of each lower-case name, every value of the author
    names: one ``citation_author`` per author)."""
    found: dict[str, str] = {}
    authors: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                key = key.strip().lower()
                found.setdefault(key, content.strip())
                if key in _AUTHOR_META:
                    authors.setdefault(key, []).append(content.strip())
    return found, authors


def _language(doc: HtmlElement, meta: Mapping[str, str], jsonld: str | None) -> str | None:
    candidates = [
        doc.get("lang"),
        doc.get("{http://www.w3.org/XML/1998/namespace}lang") or doc.get("xml:lang"),
        meta.get("content-language"),
        meta.get("language"),
        meta.get("og:locale"),
        jsonld,
    ]
    for value in candidates:
        text = clean_text(value, 40).replace("_", "-")
        text = text.split(",")[0].strip()
        if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
            primary, _, rest = text.partition("-")
            region = rest.split("-")[0]
            if region and len(region) == 2:
                return f"{primary.lower()}-{region.upper()}"
            return primary.lower()
    return None


def _canonical(doc: HtmlElement, meta: Mapping[str, str], url: str) -> str | None:
    hrefs: list[str | None] = [
        link.get("href")
        for link in doc.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    hrefs.append(meta.get("og:url"))
    page_path = urlsplit(url).path if is_http_url(url) else ""
    for href in hrefs:
        resolved = absolutize(href, url)
        if resolved is None:
            continue
        # Some sites point every page's canonical at their home page: not an identity.
        if urlsplit(resolved).path in ("", "/") and page_path not in ("", "/"):
            continue
        return resolved
    return None


def _next_page(doc: HtmlElement, url: str, next_label: re.Pattern[str] | None = None) -> str | None:
    """A link that continues *this* article (not the next post): ``rel=next``, else
    (pagination without it) a link labelled "next page" in the page's language
    (``next_label``) or numbered with the next page number."""
    if not is_http_url(url):
        return None
    for el in doc.xpath("//link[@rel] | //a[@rel]"):
        if "next" in (el.get("rel") or "").lower().split():
            target = _continuation(el.get("href"), url)
            if target:
                return target
    following = str(_page_number(url) + 1)
    # Another page of this article names this one's last path segment (or is just a
    # query): a cheap string test that spares most of a page's links the rest.
    segment = urlsplit(url).path.rstrip("/").rpartition("/")[2]
    for el in doc.iter("a"):
        href = el.get("href")
        if not href or not (href.startswith("?") or (segment and segment in href)):
            continue
        text = " ".join(el.text_content().split())
        if len(text) > 40 or not (
            text == following or (next_label is not None and text and next_label.fullmatch(text))
        ):
            continue
        target = _continuation(href, url)
        if target:
            return target
    return None


def _continuation(href: str | None, url: str) -> str | None:
    """``href`` as an absolute URL if it is another page of the article at ``url``:
    the same address with another query, a deeper path, or the next page number."""
    target = absolutize(href, url)
    if target is None:
        return None
    current, nxt = urlsplit(url), urlsplit(target)
    if nxt.hostname != current.hostname or target.split("#")[0] == url.split("#", maxsplit=1)[0]:
        return None
    base_path = current.path.rstrip("/")
    same_path = nxt.path.rstrip("/") == base_path and nxt.query != current.query
    deeper = bool(base_path) and nxt.path.startswith(base_path + "/")
    here, there = _page_of(base_path), _page_of(nxt.path.rstrip("/"))
    following = here[0] == there[0] and there[1] == here[1] + 1
    return target if same_path or deeper or following else None


_PAGE_PARAM_RE = re.compile(
    r"(?:^|&)(?:page|p|pg|hal|halaman|showpage|paged)=(\d{1,2})(?:&|$)", re.I
)


def _page_number(url: str) -> int:
    """This page's number, from a page parameter or a path suffix (1 if none)."""
    parts = urlsplit(url)
    match = _PAGE_PARAM_RE.search(parts.query)
    if match:
        return int(match.group(1))
    return _page_of(parts.path.rstrip("/"))[1]


_PAGE_SUFFIX_RE = re.compile(r"(?:/page/|-part|/)(\d{1,2})$")


def _page_of(path: str) -> tuple[str, int]:
    """(path without a page-number suffix, page number): "/a/2" → ("/a", 2),
    "/x-part3" → ("/x", 3), "/a" → ("/a", 1). Only 1-2 digits: longer numbers
    are article ids, not pages."""
    match = _PAGE_SUFFIX_RE.search(path)
    if match is None:
        return path, 1
    return path[: match.start()], int(match.group(1))


def _dom_date(doc: HtmlElement) -> str | None:
    for el in doc.xpath("//time[@datetime] | //*[@itemprop='datePublished']")[:3]:
        found = normalise_date(el.get("datetime") or el.get("content"))
        if found:
            return found
    return None


def _title_from_doc(doc: HtmlElement) -> tuple[str, str]:
    """(``<title>`` text, first ``<h1>`` text)."""
    title_el = doc.find(".//title")
    title = clean_text(title_el.text_content()) if title_el is not None else ""
    h1 = ""
    for el in doc.iter("h1"):
        h1 = clean_text(el.text_content())
        if h1:
            break
    return title, h1


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


def _site_from_title(html_title: str, *headlines: str | None) -> str | None:
    """ "Headline - Site Name" where the headline is the page's h1/og:title → "Site Name"."""
    for sep in _TITLE_SEPARATORS:
        if sep not in html_title:
            continue
        head, _, tail = html_title.rpartition(sep)
        first, _, rest = html_title.partition(sep)
        for candidate in headlines:
            headline = clean_text(candidate)
            if not headline:
                continue
            if head.strip() == headline and 0 < len(tail.split()) <= 5:
                return tail.strip()
            if rest.strip() == headline and 0 < len(first.split()) <= 5:
                return first.strip()
    return None


def read_metadata(
    doc: HtmlElement,
    url: str,
    outlet: str | None = None,
    next_label: re.Pattern[str] | None = None,
) -> Metadata:
    """Everything the page says about itself; ``outlet`` is the known-outlet name, if
    any; ``next_label`` matches the label of a next-page link (see :func:`_next_page`)."""
    meta, meta_authors = _meta_map(doc)
    article: Mapping[str, Any] = {}
    website_name = ""
    objects = list(_jsonld_objects(doc))
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    for obj in objects:
        types = _types(obj)
        if not article and types & ARTICLE_TYPES:
            article = obj
        elif not website_name and types & {"WebSite", "Organization", "NewsMediaOrganization"}:
            website_name = clean_text(obj.get("name"), 120)

    publisher = _names(article.get("publisher"), 1, nodes)
    # The publisher names the outlet; og:site_name is sometimes a channel ("detikInet").
    site_name = (
        (publisher[0] if publisher else "")
        or clean_text(meta.get("og:site_name"), 120)
        or website_name
        or clean_text(meta.get("application-name"), 120)
        or outlet
        or (None if is_address(host_of(url)) else host_of(url))  # never an IP as the outlet
        or None
    )

    html_title, h1 = _title_from_doc(doc)
    if not site_name or site_name == host_of(url):
        site_name = _site_from_title(html_title, h1, meta.get("og:title")) or site_name

    language = _language(
        doc,
        meta,
        article.get("inLanguage") if isinstance(article.get("inLanguage"), str) else None,
    )
    host_label = site_key(host_of(url)).partition(".")[0] if is_http_url(url) else ""
    outlet_names = (
        *publisher,
        *(clean_text(meta.get(key), 120) for key in ("og:site_name", "application-name")),
        website_name,
        outlet or "",
        site_name or "",
    )
    titles = [article.get("headline"), meta.get("og:title"), meta.get("twitter:title")]
    titles += [html_title or h1]
    sites = [name for name in outlet_names if name]
    title, headline = choose_title(
        doc, [t if isinstance(t, str) else None for t in titles], sites, host_label
    )
    title = title[:MAX_TEXT]
    site_name = site_without_headline(site_name, title)
    page = page_text(doc, headline, BYLINE_MARKS)
    site = site_key(host_of(url)) if is_http_url(url) else ""
    owner = Outlet(tuple(name for name in outlet_names if name), host_label, site, language or "")
    structured = [
        _names(article.get("author"), nodes=nodes),
        *(meta_authors.get(k, []) for k in _AUTHOR_META),
    ]
    authors = find_authors(doc, page, owner, structured)

    published = normalise_date(article.get("datePublished"))
    for key in _DATE_META:
        if published:
            break
        published = normalise_date(meta.get(key))
    published = choose_published(published or _dom_date(doc), printed_dates(page, language), url)
    published = (
        published
        or guessed_date(doc, url)
        or first_date_shown(page, language)
        or date_in_address(url)
    )

    image = (
        _image_url(article.get("image"))
        or meta.get("og:image:secure_url")
        or meta.get("og:image")
        or meta.get("twitter:image")
        or meta.get("twitter:image:src")
    )
    body = article.get("articleBody")
    free = article.get("isAccessibleForFree", True)
    return Metadata(
        title=title,
        byline=", ".join(authors) or None,
        authors=tuple(authors),
        published=published,
        site_name=site_name,
        language=language,
        lead_image=absolutize(image, url),
        description=clean_text(
            meta.get("description") or meta.get("og:description") or article.get("description"),
            1000,
        )
        or None,
        canonical_url=_canonical(doc, meta, url),
        next_page=_next_page(doc, url, next_label),
        article_body=body.strip() if isinstance(body, str) and body.strip() else None,
        accessible_for_free=str(free).lower() not in ("false", "0", "no"),
        declares_article=bool(article) or clean_text(meta.get("og:type"), 40).lower() == "article",
    )


__all__ = ["Metadata", "clean_text", "normalise_date", "read_metadata"]
