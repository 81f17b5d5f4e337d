"""The bundled starter sources, offered on first run by language.

``resources/starter/starter-sources.opml`` is a normal OPML 2.0 file (so it can
also be imported with ``kabar opml import``) whose top-level outlines are
language groups with a ``language`` attribute. It is Kabar's own file, read
with ElementTree; a test checks its shape and that every address is http(s).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from reader.core.feeds.opml import OpmlFeed, feed_url
from reader.core.resources import read_bytes

STARTER_FILE = ("starter", "starter-sources.opml")


@dataclass(frozen=True, slots=True)
class StarterSet:
    """A group of starter sources in one language (``language`` is a BCP 47 code)."""

    language: str
    label: str
    feeds: tuple[OpmlFeed, ...]


def _attr(element: ET.Element, name: str) -> str:
    for key, value in element.attrib.items():
        if key.lower() == name.lower():
            return value.strip()
    return ""


def starter_sets(data: bytes | None = None) -> tuple[StarterSet, ...]:
    """The starter groups, in file order; ``data`` replaces the bundled file (tests)."""
    root = ET.fromstring(data if data is not None else read_bytes(*STARTER_FILE))
    body = root.find("body")
    sets: list[StarterSet] = []
    for group in body if body is not None else []:
        label = _attr(group, "text") or _attr(group, "title")
        feeds: list[OpmlFeed] = []
        for outline in group.iter("outline"):
            url = feed_url(_attr(outline, "xmlUrl"))
            if url is None:
                continue
            title = _attr(outline, "text") or _attr(outline, "title")
            site = feed_url(_attr(outline, "htmlUrl"))
            feeds.append(OpmlFeed(url=url, title=title, folder=(label,), site_url=site))
        if feeds:
            sets.append(StarterSet(_attr(group, "language") or "und", label, tuple(feeds)))
    return tuple(sets)
