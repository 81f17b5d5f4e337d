"""HTML link lists: browser bookmarks (Netscape format) and Pocket's older HTML export.

Netscape bookmark files (Firefox, Chrome, Safari, Edge export them) are not
well-formed HTML: ``<DT>`` is never closed and folders are an ``<H3>`` followed
by a ``<DL>`` list. An event parser that keeps a stack of open folders reads
them reliably, with the line of every link. Firefox adds its built-in queries
(``place:sort=8…`` "Most Visited", "Recent Tags") to every export: they are no one's
saved link and are passed over without a word. Pocket's HTML export is a list per
``<h1>`` heading (``Unread``, then ``Read Archive``) of
``<a href=… time_added=… tags=…>``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reader.core.transfer.formats.common import check_count, check_url, clean_tags, epoch
from reader.core.transfer.items import ImportItem, ImportProblem

_NETSCAPE = re.compile(r"<!DOCTYPE\s+NETSCAPE-Bookmark-file", re.IGNORECASE)
_DL_ADD_DATE = re.compile(r"<DL\b.*?\bADD_DATE\s*=", re.IGNORECASE | re.DOTALL)
_POCKET_A = re.compile(r"<a\s[^>]*\btime_added\s*=", re.IGNORECASE)
_POCKET_H1 = re.compile(r"<h1>\s*(Unread|Read Archive)\s*</h1>", re.IGNORECASE)


def is_bookmarks(text: str) -> bool:
    head = text[:4096]
    return bool(_NETSCAPE.search(head)) or bool(_DL_ADD_DATE.search(text[:65536]))


def is_pocket_html(text: str) -> bool:
    return bool(_POCKET_A.search(text)) and bool(_POCKET_H1.search(text))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[ImportItem] = []
        self.problems: list[ImportProblem] = []
        self.folders: list[str | None] = []  # one per open <DL>
        self.heading: str | None = None  # text of the <h1>/<h3> being read
        self.heading_tag = ""
        self.pending_folder: str | None = None
        self.section = ""  # Pocket's current <h1>
        self.link: dict[str, str | None] | None = None
        self.link_line = 0
        self.link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h3"):
            self.heading, self.heading_tag = "", tag
        elif tag == "dl":
            self.folders.append(self.pending_folder)
            self.pending_folder = None
        elif tag == "a":
            self.link = {name.lower(): value for name, value in attrs}
            self.link_line = self.getpos()[0]
            self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == self.heading_tag and self.heading is not None:
            text = " ".join(self.heading.split())
            if tag == "h1":
                self.section = text.lower()
            else:
                self.pending_folder = text or None
            self.heading = None
        elif tag == "dl" and self.folders:
            self.folders.pop()
        elif tag == "a" and self.link is not None:
            self._add_link()

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading += data
        elif self.link is not None:
            self.link_text.append(data)

    def _add_link(self) -> None:
        attrs, self.link = self.link or {}, None
        check_count(len(self.items) + len(self.problems) + 1)
        url = (attrs.get("href") or "").strip()
        if url[:6].lower() == "place:":
            return  # Firefox's own queries ("Most Visited", "Recent Tags"), not the user's links
        problem = check_url(url)
        if problem:
            self.problems.append(ImportProblem(self.link_line, problem))
            return
        title = " ".join("".join(self.link_text).split())
        archived = "archive" in self.section
        self.items.append(
            ImportItem(
                url=url,
                title="" if title == url else title,
                added_at=epoch(attrs.get("time_added") or attrs.get("add_date")),
                tags=clean_tags((attrs.get("tags") or "").split(",")),
                folder=tuple(f for f in self.folders if f),
                read=archived,
                archived=archived,
                line=self.link_line,
            )
        )

    def close(self) -> None:
        super().close()
        if self.link is not None:  # an <a> never closed at the end of the file
            self._add_link()


def read_links(text: str) -> tuple[list[ImportItem], list[ImportProblem]]:
    """Every ``<a href>`` of a bookmark file or Pocket HTML export, with its folder path."""
    parser = _Links()
    parser.feed(text)
    parser.close()
    return parser.items, parser.problems
