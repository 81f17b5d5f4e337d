"""Third-party content cannot make Kabar fetch private addresses (issue 13 §1).

The test web runs on 127.0.0.1, a private network, with one port per origin: two
ports are two origins. A feed on origin A that names item pages, pictures,
redirects or next pages on origin B must be refused (B sees no request at all),
with a clear line in the source's status; once the user allows private
addresses for the source, the same things are fetched. Same-origin content (a
self-hosted feed linking its own pages) is always fetched.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import PRIVATE_REFUSAL
from reader.core.models import Source
from tests.core.libkit import RefreshKit, png
from tests.web.server import TestWeb

A, B = "warta", "nusa"  # two origins: same address 127.0.0.1, two ports
_names = itertools.count()


class Kit(RefreshKit):
    def entry(self, source: Source, url: str) -> tuple[str, str | None]:
        row = (
            self.library.store.reader()
            .execute(
                "SELECT fetch_state, fetch_error FROM entries WHERE source_id = ? AND url = ?",
                (source.id, url),
            )
            .fetchone()
        )
        return row[0], row[1]


@pytest.fixture
def kit(tmp_path: Path) -> Iterator[Kit]:
    made = Kit(tmp_path)
    try:
        yield made
    finally:
        made.close()


def page(title: str, *, picture: str | None = None, next_page: str | None = None) -> str:
    """An article page of our own: a headline, five paragraphs, maybe a picture and a pager."""
    paragraphs = "".join(
        f"<p>{title} — paragraf {i}: warga kota membicarakan harga beras, jalan baru dan "
        f"jadwal kereta yang berubah minggu ini, sementara pemerintah daerah berjanji "
        f"memperbaiki layanan sebelum akhir bulan.</p>"
        for i in range(5)
    )
    figure = f'<figure><img src="{picture}" width="640" height="360"></figure>' if picture else ""
    pager = f'<a rel="next" href="{next_page}">Halaman berikutnya</a>' if next_page else ""
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{figure}{paragraphs}{pager}</article></body></html>"
    )


def rss(title: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>{title} {i}</title><link>{link}</link><guid>{title}-{i}</guid></item>"
        for i, link in enumerate(links)
    )
    return f"<rss version='2.0'><channel><title>{title}</title>{items}</channel></rss>"


class Scene:
    """Content on A naming every kind of automatic fetch on B (and one same-origin item)."""

    def __init__(self, web: TestWeb) -> None:
        n = next(_names)
        a, b = web.outlet(A), web.outlet(B)
        self.web = web
        prefix = f"/guard-{n}"
        self.b_item = b.url(f"{prefix}/b-item")
        self.b_picture = b.url(f"{prefix}/b-picture.png")
        self.b_target = b.url(f"{prefix}/b-target")
        self.b_page2 = b.url(f"{prefix}/b-page-2")
        self.a_picture_item = a.url(f"{prefix}/a-with-b-picture")
        self.a_redirect = a.url(f"{prefix}/a-redirect")
        self.a_paged = a.url(f"{prefix}/a-paged")
        self.a_own = a.url(f"{prefix}/a-own")
        self.a_own_picture = a.url(f"{prefix}/a-own-picture.png")
        self.feed = a.url(f"{prefix}/feed.xml")
        self.served: list[tuple[str, bytes | str]] = [
            (self.b_item, page("Berita di B")),
            (self.b_picture, png(64, 48, seed=n)),
            (self.b_target, page("Tujuan pengalihan di B")),
            (self.b_page2, page("Halaman dua di B")),
            (self.a_picture_item, page("Gambar dari B", picture=self.b_picture)),
            (self.a_paged, page("Bersambung ke B", next_page=self.b_page2)),
            (self.a_own, page("Berita A sendiri", picture=self.a_own_picture)),
            (self.a_own_picture, png(64, 48, seed=n + 1000)),
        ]
        for url, body in self.served:
            kind = "image/png" if url.endswith(".png") else "text/html; charset=utf-8"
            web.serve(url, body, content_type=kind)
        web.serve(self.a_redirect, "", status=302, headers={"Location": self.b_target})
        links = [self.b_item, self.a_picture_item, self.a_redirect, self.a_paged, self.a_own]
        web.serve(self.feed, rss(f"Feed {n}", links), content_type="application/rss+xml")

    def b_hits(self) -> int:
        return sum(self.web.hits(url) for url in (self.b_item, self.b_picture, self.b_target))

    def close(self) -> None:
        for url, _ in self.served:
            self.web.unserve(url)
        self.web.unserve(self.a_redirect)
        self.web.unserve(self.feed)


@pytest.fixture
def scene(web: TestWeb) -> Iterator[Scene]:
    made = Scene(web)
    try:
        yield made
    finally:
        made.close()


def test_a_feed_cannot_make_refresh_fetch_another_private_origin(kit: Kit, scene: Scene) -> None:
    source = kit.sources.add(scene.feed)
    report = kit.refresher.refresh()
    assert report.outcomes[0].status == "updated"
    assert scene.b_hits() == 0, "origin B must see no request at all"
    assert scene.web.hits(scene.b_page2) == 0
    # Item page on B and the redirect to B: refused, recorded, not retried.
    for url in (scene.b_item, scene.a_redirect):
        state, error = kit.entry(source, url)
        assert state == "skipped" and error is not None and error.startswith(PRIVATE_REFUSAL)
        assert not kit.library.contains(url)
    # The article on A with a picture on B is kept, without the picture, and says so.
    state, error = kit.entry(source, scene.a_picture_item)
    assert state == "done" and error == f"{PRIVATE_REFUSAL} (1 picture)"
    stored = kit.library.get(scene.a_picture_item)
    assert stored is not None and stored.images == 0
    # The next page on B is not followed: the article stops at its own origin.
    paged = kit.library.get(scene.a_paged)
    assert paged is not None and paged.article.pages == 1
    assert "Halaman dua" not in paged.article.text
    # Same-origin content (a self-hosted feed's own page and picture) is fetched.
    own = kit.library.get(scene.a_own)
    assert own is not None and own.images == 1
    # The source's status says so, in the words the issue asks for.
    after = kit.sources.get(source.id)
    assert after.refused == 3
    assert after.refused_line == "refused: points into a private network (3 items)"
    # A second refresh does not try again behind the user's back.
    kit.refresher.refresh(force=True)
    assert scene.b_hits() == 0


def test_with_the_sources_permission_the_same_fetches_are_made(kit: Kit, scene: Scene) -> None:
    source = kit.sources.add(scene.feed, allow_private=True)
    kit.refresher.refresh()
    for url in (scene.b_item, scene.a_redirect, scene.a_picture_item):
        assert kit.entry(source, url) == ("done", None)
    assert scene.web.hits(scene.b_item) == 1
    assert scene.web.hits(scene.b_target) == 1
    assert scene.web.hits(scene.b_picture) == 1
    stored = kit.library.get(scene.a_picture_item)
    assert stored is not None and stored.images == 1
    assert kit.library.get(scene.a_redirect) is not None
    # Multi-page following stays on the article's own origin even then.
    assert scene.web.hits(scene.b_page2) == 0
    assert kit.sources.get(source.id).refused_line is None


def test_allowing_private_addresses_later_fetches_what_was_refused(kit: Kit, scene: Scene) -> None:
    source = kit.sources.add(scene.feed)
    kit.refresher.refresh()
    assert scene.web.hits(scene.b_item) == 0
    assert kit.sources.set_allow_private(source.id, True).allow_private
    kit.refresher.refresh(force=True)
    assert scene.web.hits(scene.b_item) == 1
    assert kit.entry(source, scene.b_item) == ("done", None)


@pytest.mark.parametrize(
    "spelling",
    [
        "http://localhost:{port}/x",
        "http://2130706433:{port}/x",  # 127.0.0.1 in decimal
        "http://0x7f.0.0.1:{port}/x",  # and in hex
        "http://0177.0.0.1:{port}/x",  # and in octal
        "http://127.1:{port}/x",
        "http://[::1]:{port}/x",
        "http://[::ffff:127.0.0.1]:{port}/x",
        "http://0.0.0.0:{port}/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://224.0.0.1:{port}/x",
    ],
)
def test_every_spelling_of_a_private_address_is_refused_for_items(
    kit: Kit, web: TestWeb, spelling: str
) -> None:
    item = spelling.format(port=web.outlet(B).port)
    feed = web.outlet(A).url(f"/guard-spelling-{next(_names)}.xml")
    web.serve(feed, rss("Spellings", [item]), content_type="application/rss+xml")
    try:
        source = kit.sources.add(feed)
        before = len(web.requests_for(B))
        kit.refresher.refresh()
    finally:
        web.unserve(feed)
    state, error = kit.entry(source, item)
    assert state == "skipped", error
    assert error is not None and error.startswith(PRIVATE_REFUSAL)
    assert len(web.requests_for(B)) == before
