"""The three news outlets assembled: route tables, URL lists and truth lookup.

Built once per TestWeb start, when every origin's port is known (cross-outlet
links are absolute and include the other origin's port).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from tests.web.content import harbor_articles, nusa_articles, warta_articles
from tests.web.content.harbor_pages import HarborSite
from tests.web.content.model import ArticleTruth
from tests.web.content.nusa_pages import NusaSite
from tests.web.content.site import Ctx, Site
from tests.web.content.warta_pages import WartaSite

MODULES = (nusa_articles, warta_articles, harbor_articles)


class Catalog:
    """All outlet sites plus the indexes the TestWeb API needs."""

    def __init__(self, bases: Mapping[str, str]) -> None:
        infos = {m.INFO.name: m.INFO for m in MODULES}
        self.ctx = Ctx(bases, infos, [a for m in MODULES for a in m.ARTICLES])
        self.sites: dict[str, Site] = {
            "nusa": NusaSite(self.ctx),
            "warta": WartaSite(self.ctx),
            "harbor": HarborSite(self.ctx),
        }
        self._page_keys: dict[tuple[str, str], str] = {}
        for name, site in self.sites.items():
            for article in site.articles:
                for url in site.page_urls(article):
                    self._page_keys[(name, urlsplit(url).path)] = article.key

    def _names(self, outlet: str | None) -> list[str]:
        if outlet is None:
            return list(self.sites)
        if outlet not in self.sites:
            raise KeyError(f"no such news outlet: {outlet}")
        return [outlet]

    def article_urls(self, outlet: str | None = None) -> list[str]:
        return [self.ctx.url(a.key) for n in self._names(outlet) for a in self.ctx.of(n)]

    def feed_urls(self, outlet: str | None = None) -> list[str]:
        return [
            self.sites[n].base + p for n in self._names(outlet) for p in self.sites[n].feed_paths
        ]

    def sitemap_urls(self, outlet: str | None = None) -> list[str]:
        return [
            self.sites[n].base + p
            for n in self._names(outlet)
            for p in self.sites[n].routes
            if p.endswith("sitemap-news.xml")
        ]

    def all_urls(self, outlet: str | None = None) -> list[str]:
        return sorted(
            self.sites[n].base + p for n in self._names(outlet) for p in self.sites[n].routes
        )

    def truth(self, origin: str, path: str) -> ArticleTruth | None:
        key = self._page_keys.get((origin, path))
        if key is None:
            return None
        return self.sites[origin].truth(self.ctx.article(key))

    def opml_groups(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        groups: dict[str, list[tuple[str, str, str]]] = {}
        for site in self.sites.values():
            folder = "Indonesia" if site.info.language == "id" else "English"
            for path in site.feed_paths:
                title = f"{site.info.display_name} ({path})"
                groups.setdefault(folder, []).append((title, site.base + path, site.base + "/"))
        return list(groups.items())
