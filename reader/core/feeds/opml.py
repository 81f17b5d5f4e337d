"""OPML subscription lists: import with listparser, export with ElementTree.

Import uses **listparser** (Kurt McKee's, the feedparser author's, maintained
parser) on bytes, never a string (given a string that starts with ``http`` it
fetches it). It already tolerates what other readers write: attribute-name case
(``xmlURL``, ``XMLURL``), missing ``version`` and ``type``, folders named by
``title`` instead of ``text``, ``category`` attributes, unescaped ``&``. Kabar
adds, before and after it:

* :mod:`reader.core.feeds.xmlguard`: the declared encoding honoured (listparser's HTML
  parser would guess), DOCTYPE and entity declarations dropped (F19);
* ``feed://`` and ``feed:https://`` addresses turned into http(s); anything
  else that is not http(s) (``file:``, ``javascript:``, ``place:``) skipped;
* what listparser leaves out, read with lxml in recovery mode: each feed's
  ``htmlUrl`` and feed outlines that give their address as ``url=``;
* duplicates collapsed by canonical URL, the first folder kept;
* at most :data:`MAX_FEEDS` feeds.

Export writes OPML 2.0 with nested folders as nested outlines, the shape every
reader imports.
"""

from __future__ import annotations

import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import listparser
from lxml import etree

from reader.core.errors import FeedError
from reader.core.feeds.feedfields import one_line
from reader.core.feeds.xmlguard import XMLRejected, prepare_xml
from reader.core.urls import canonicalize, is_http_url, typed_address

MAX_FEEDS = 10_000
MAX_OPML_BYTES = 20 * 1024 * 1024
MAX_FOLDER_DEPTH = 8
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One subscription: ``folder`` is the path of folder names, outermost first."""

    url: str
    title: str = ""
    folder: tuple[str, ...] = ()
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class OpmlDocument:
    """What an OPML file held. ``outlines`` counts its entries (outlines naming an address,
    and leaf outlines naming none); ``skipped`` those not imported (no usable address,
    listed twice, beyond the cap), so ``len(feeds) + skipped == outlines``."""

    title: str
    feeds: tuple[OpmlFeed, ...]
    skipped: int = 0
    truncated: bool = False
    outlines: int = 0


def feed_url(value: str | None) -> str | None:
    """An http(s) subscription address from what an OPML file says, or None."""
    url = typed_address(value or "")
    return url if is_http_url(url) else None


def parse_opml(data: bytes, name: str = "the OPML file") -> OpmlDocument:
    """Read a subscription list; raises :class:`FeedError` if it holds no feeds at all."""
    if not isinstance(data, bytes | bytearray):
        raise TypeError("parse_opml takes bytes (listparser fetches URLs given as str)")
    try:
        prepared = prepare_xml(bytes(data), limit=MAX_OPML_BYTES, keep_entities=False)
    except XMLRejected as error:
        raise FeedError(
            name, f"{name} is not a subscription list Kabar can read: {error}."
        ) from None
    result = listparser.parse(prepared)
    extra = _outline_extras(prepared)
    items = [*(result.get("feeds") or []), *extra.feeds]
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    skipped = 0
    truncated = False
    for item in items:
        url = feed_url(item.get("url"))
        if url is None or canonicalize(url) in seen:
            skipped += 1
            continue
        if len(feeds) >= MAX_FEEDS:
            truncated = True
            break
        seen.add(canonicalize(url))
        categories = item.get("categories") or []
        path = categories[0] if categories and isinstance(categories[0], list) else []
        folder = tuple(
            name for name in (one_line(str(p), MAX_NAME) for p in path[:MAX_FOLDER_DEPTH]) if name
        )
        site = extra.sites.get(canonicalize(url))
        feeds.append(
            OpmlFeed(
                url=url,
                title=one_line(item.get("title"), 500),
                folder=folder,
                site_url=site if site and is_http_url(site) else None,
            )
        )
    if not feeds:
        if result.get("bozo") and result.get("bozo_exception"):
            raise FeedError(name, f"{name} is not a subscription list Kabar can read.")
        raise FeedError(name, f"{name} lists no feeds.")
    meta = result.get("meta") or {}
    outlines = max(extra.entries, len(feeds) + skipped)
    return OpmlDocument(
        title=one_line(str(meta.get("title") or ""), 500),
        feeds=tuple(feeds),
        skipped=outlines - len(feeds),
        truncated=truncated,
        outlines=outlines,
    )


@dataclass(frozen=True, slots=True)
class _Extras:
    sites: dict[str, str]
    feeds: list[dict[str, Any]]
    #: Outlines that are entries rather than folders (see ``OpmlDocument.outlines``).
    entries: int = 0


_STRAY_AMPERSAND_RE = re.compile(rb"&(?!#?\w{1,32};)")
_FEED_TYPES = frozenset({"rss", "atom", "feed", "rdf", "json"})


def _outline_extras(prepared: bytes) -> _Extras:
    """What listparser leaves out: each feed's ``htmlUrl`` (its site, shown and
    exported again) and feed outlines that give their address as ``url`` rather
    than ``xmlUrl`` (older exports). Read from the already defused XML with lxml
    in recovery mode (stray ``&``, undefined entities), never loading a DTD."""
    sites: dict[str, str] = {}
    feeds: list[dict[str, Any]] = []
    entries = 0
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False)
    data = _STRAY_AMPERSAND_RE.sub(b"&amp;", prepared.lstrip())
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError):
        return _Extras(sites, feeds)
    if root is None:
        return _Extras(sites, feeds)

    def walk(element: etree._Element, path: list[str]) -> None:
        nonlocal entries
        for outline in element:
            if not isinstance(outline.tag, str) or outline.tag.lower() != "outline":
                if isinstance(outline.tag, str) and outline.tag.lower() == "body":
                    walk(outline, path)
                continue
            attrs = {str(k).lower(): str(v) for k, v in outline.attrib.items()}
            name = attrs.get("text") or attrs.get("title") or ""
            xml_url = attrs.get("xmlurl")
            if "xmlurl" in attrs or "url" in attrs or not len(outline):
                entries += 1  # an entry, not a folder
            if xml_url:
                if attrs.get("htmlurl"):
                    url = feed_url(xml_url)
                    if url:
                        sites.setdefault(canonicalize(url), attrs["htmlurl"].strip())
            elif attrs.get("url") and attrs.get("type", "").lower() in _FEED_TYPES:
                url = feed_url(attrs["url"])
                if url and attrs.get("htmlurl"):
                    sites.setdefault(canonicalize(url), attrs["htmlurl"].strip())
                feeds.append(
                    {"url": attrs["url"], "title": name, "categories": [list(path)] if path else []}
                )
            if len(outline):
                walk(outline, [*path, name] if not xml_url else path)

    walk(root, [])
    return _Extras(sites, feeds[:MAX_FEEDS], entries)


def write_opml(
    feeds: Iterable[OpmlFeed],
    title: str = "Kabar sources",
    folders: Iterable[Sequence[str]] = (),
) -> bytes:
    """OPML 2.0 bytes: folders as nested outlines, feeds in the order given.

    ``folders`` lists folder paths to write even when they hold no feed.
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = email.utils.format_datetime(
        datetime.now(UTC), usegmt=True
    )
    body = ET.SubElement(root, "body")
    elements: dict[tuple[str, ...], ET.Element] = {(): body}
    for path in folders:
        _folder_element(elements, tuple(path))
    for feed in feeds:
        parent = _folder_element(elements, feed.folder)
        attributes = {
            "type": "rss",
            "text": feed.title or feed.url,
            "title": feed.title or feed.url,
            "xmlUrl": feed.url,
        }
        if feed.site_url:
            attributes["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attributes)
    ET.indent(root)
    out: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return out + b"\n"


def _folder_element(folders: dict[tuple[str, ...], ET.Element], path: Sequence[str]) -> ET.Element:
    key = tuple(path)
    if key in folders:
        return folders[key]
    parent = _folder_element(folders, key[:-1])
    element = ET.SubElement(parent, "outline", {"text": key[-1], "title": key[-1]})
    folders[key] = element
    return element
