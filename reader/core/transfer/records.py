"""Everything Kabar knows about one saved article, as the exporters and the restore see it.

Library rows never leave :mod:`reader.core.transfer.exporter`; these plain values
do. ``article`` is None for an item saved in a collection whose cached copy is
gone (its title and outlet are kept by the collection item).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.models import Article, ArticleState


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture the article shows, as the library holds it (``sha256`` in hex)."""

    url: str
    sha256: str
    mime: str
    size: int
    width: int | None = None
    height: int | None = None

    @property
    def extension(self) -> str:
        return {
            "image/jpeg": "jpg",
            "image/png": "png",
            "image/gif": "gif",
            "image/webp": "webp",
            "image/svg+xml": "svg",
            "image/avif": "avif",
        }.get(self.mime, "bin")

    @property
    def file_name(self) -> str:
        return f"{self.sha256[:20]}.{self.extension}"


@dataclass(frozen=True, slots=True)
class Membership:
    """The article is saved in ``collection`` since ``added_at`` (Unix seconds)."""

    collection: str
    added_at: float
    title: str
    outlet: str


@dataclass(frozen=True, slots=True)
class CollectionRecord:
    name: str
    builtin: bool
    created_at: float


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One article with its state, collections and pictures."""

    key: str
    title: str
    outlet: str
    article: Article | None
    state: ArticleState
    memberships: tuple[Membership, ...] = ()
    pictures: tuple[Picture, ...] = ()
    aliases: tuple[str, ...] = ()
    fetched_at: float | None = None
    authors: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        if self.article is not None:
            return self.article.url or self.article.canonical_url or self.key
        return self.key

    @property
    def saved_at(self) -> float | None:
        return min((m.added_at for m in self.memberships), default=None)
