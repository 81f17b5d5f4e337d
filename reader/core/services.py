"""The set of long-lived core objects one Kabar process uses, built lazily.

:mod:`reader.app` (the composition root) creates exactly one ``Services`` per
process and hands it to the CLI handlers or the window. Nothing here is
global: tests build their own with a temporary data directory.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.core.paths import DataPaths

if TYPE_CHECKING:  # the heavy modules load on first use, so `kabar --help` stays instant
    from reader.core.library import Library
    from reader.core.models import FetchedArticle
    from reader.core.net import Fetcher
    from reader.core.page import SiteRules
    from reader.core.refresh import Refresher
    from reader.core.rules import RuleBook
    from reader.core.sources import SourceList
    from reader.core.sync import SyncService
    from reader.core.transfer import Importer

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Owns the core objects and closes them in the right order."""

    paths: DataPaths
    offline: bool = False
    _closers: list[Any] = field(default_factory=list, repr=False)
    _fetcher: Fetcher | None = field(default=None, repr=False)
    _rules: SiteRules | None = field(default=None, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    #: Run ``quick_check`` (seconds on a large library) when the library opens. Off:
    #: opening checks the two files' headers only; the window calls
    #: ``library.verify()`` in the background at every start, ``kabar check`` on demand.
    library_check: bool = False
    _library: Library | None = field(default=None, repr=False)
    _sources: SourceList | None = field(default=None, repr=False)
    _sync: SyncService | None = field(default=None, repr=False)

    def set_offline(self, offline: bool) -> None:
        """Switch work-offline mode for everything already built and built later."""
        with self._lock:
            self.offline = offline
            if self._fetcher is not None:
                self._fetcher.offline = offline
            if self._library is not None:
                self._library.offline = offline

    @property
    def library(self) -> Library:
        """The offline library (opened, migrated or repaired on first use)."""
        with self._lock:
            if self._library is None:
                from reader.core.library import Library  # noqa: PLC0415

                self._library = Library.open(
                    self.paths,
                    fetcher=lambda: self.fetcher,
                    rules=lambda: self.rules,
                    offline=self.offline,
                    check=self.library_check,
                )
                self._closers.append(self._library.close)
            return self._library

    @property
    def sources(self) -> SourceList:
        """Sources and folders, kept in the library file."""
        with self._lock:
            if self._sources is None:
                from reader.core.sources import SourceList  # noqa: PLC0415

                self._sources = SourceList(self.library)
            return self._sources

    @property
    def sync(self) -> SyncService:
        """Sync accounts and two-way sync with a Google Reader API server."""
        with self._lock:
            if self._sync is None:
                from reader.core.sync import SyncService, TokenStore  # noqa: PLC0415

                self._sync = SyncService(
                    self.library, self.sources, lambda: self.fetcher,
                    TokenStore(self.paths.accounts),
                )  # fmt: skip
            return self._sync

    @property
    def rule_book(self) -> RuleBook:
        """The reader's own rules (mute, highlight), kept in the library file (not to be
        confused with :attr:`rules`, the site rules for extraction)."""
        from reader.core.rules import RuleBook  # noqa: PLC0415

        return RuleBook(lambda: self.library.store)

    def refresher(self, config: Any = None) -> Refresher:
        """A refresh engine over :attr:`sources` (``config``: a ``RefreshConfig``)."""
        from reader.core.refresh import Refresher  # noqa: PLC0415

        return Refresher(self.sources, self.fetcher, rules=lambda: self.rules, config=config)

    def importer(self, config: Any = None) -> Importer:
        """Imports of export files over :attr:`library` (``config``: an ``ImportConfig``)."""
        from reader.core.transfer import Importer  # noqa: PLC0415

        return Importer(self.library, lambda: self.fetcher, rules=lambda: self.rules, config=config)

    @property
    def fetcher(self) -> Fetcher:
        """The process's one HTTP client (raises ``Offline`` on use when offline)."""
        with self._lock:
            if self._fetcher is None:
                from reader.core.net import Fetcher  # noqa: PLC0415

                self._fetcher = Fetcher(offline=self.offline)
                self._closers.append(self._fetcher.close)
            return self._fetcher

    @property
    def rules(self) -> SiteRules:
        """Bundled site rules plus the user's own file."""
        with self._lock:
            if self._rules is None:
                from reader.core.page import SiteRules  # noqa: PLC0415

                self._rules = SiteRules.load(self.paths.user_rules)
                for problem in self._rules.problems:
                    log.warning("site rules: %s", problem)
            return self._rules

    def read_article(self, url: str, *, cancel: threading.Event | None = None) -> FetchedArticle:
        """The article at ``url``: from the library if there, else fetched and stored.

        Offline, an article not in the library raises ``NotInLibrary``.
        """
        from reader.core.models import FetchedArticle  # noqa: PLC0415

        result = self.library.open_article(url, offline=self.offline, cancel=cancel)
        return FetchedArticle(
            article=result.article,
            final_url=result.article.url or url,
            validators=result.validators,
        )

    def interrupt(self) -> None:
        """Abort long library reads on other threads, so quitting is quick."""
        library = self._library
        if library is not None:
            library.interrupt()

    def close(self) -> None:
        """Release everything (library last, so pending writes land first)."""
        while self._closers:
            closer = self._closers.pop()
            try:
                closer()
            except Exception:  # closing must never hide the real outcome
                log.exception("error while closing %r", closer)
