"""What an import file holds once read, before anything is saved.

The parsers in :mod:`reader.core.transfer.formats` turn each file into an
:class:`ImportDocument`: the links with their dates, tags, folders and states,
and the rows that could not be read (with their line). Nothing here touches the
library or the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reader.core.errors import ReaderError

FormatName = Literal[
    "pocket-csv",
    "pocket-html",
    "instapaper-csv",
    "wallabag-json",
    "omnivore-zip",
    "bookmarks-html",
    "kabar-json",
]

#: What each format is called where a person reads it (and the default collection name).
LABELS: dict[str, str] = {
    "pocket-csv": "Pocket",
    "pocket-html": "Pocket",
    "instapaper-csv": "Instapaper",
    "wallabag-json": "wallabag",
    "omnivore-zip": "Omnivore",
    "bookmarks-html": "Bookmarks",
    "kabar-json": "Kabar",
}


class ImportFormatError(ReaderError):
    """The file is none of the formats Kabar imports (or is unreadable as a whole)."""


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One link of an import file.

    ``added_at`` is when the user saved it (Unix seconds, UTC), None when the file
    does not say. ``folder`` is a bookmark folder path or a service's own folder
    (Instapaper); ``tags`` are the service's tags or labels. ``content_html`` is the
    article as the service kept it (wallabag, Omnivore), not sanitised yet: it is
    used when the page itself can no longer be fetched. ``line`` is where the item
    started in the file (0 when the format has no lines).
    """

    url: str
    title: str = ""
    added_at: float | None = None
    tags: tuple[str, ...] = ()
    folder: tuple[str, ...] = ()
    read: bool = False
    starred: bool = False
    archived: bool = False
    content_html: str | None = None
    published: str | None = None
    author: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A row that was not imported, and why (``line`` 0: no line in this format)."""

    line: int
    message: str
    part: str = ""

    def __str__(self) -> str:
        where = f"{self.part}: " if self.part else ""
        return f"{where}line {self.line}: {self.message}" if self.line else where + self.message


@dataclass(frozen=True, slots=True)
class ImportDocument:
    """A whole import file, read.

    ``items`` have one entry per distinct address (duplicates merged: tags joined,
    the earliest date, read/starred if any copy was); ``duplicates`` counts the
    copies merged away. ``archive`` is set for Kabar's own export (a full library
    to restore, streamed from the file when restored; ``items`` is empty).
    """

    format: FormatName
    items: tuple[ImportItem, ...]
    problems: tuple[ImportProblem, ...] = ()
    duplicates: int = 0
    archive: object | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return LABELS[self.format]
