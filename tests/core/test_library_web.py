"""The library against the test web: cache-first opening, pictures, revalidation, saving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import NotInLibrary
from reader.core.library import Library
from reader.core.net import Fetcher
from reader.core.paths import DataPaths
from reader.core.store import images
from tests.web.server import TestWeb


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher() as f:
        yield f


def _open(root: Path, fetcher: Fetcher | None) -> Library:
    return Library.open(DataPaths(root), fetcher=fetcher)


def _image_hits(web: TestWeb, library: Library, url: str) -> int:
    result = library.get(url)
    assert result is not None
    return sum(
        web.hits(src) for src in [result.article.lead_image or "", *result.article.images] if src
    )


def test_an_opened_article_reopens_from_the_library_without_the_network(
    web: TestWeb, fetcher: Fetcher, tmp_path: Path
) -> None:
    url = web.article_urls("nusa")[0]
    library = _open(tmp_path, fetcher)
    try:
        first = library.open_article(url)
        assert not first.from_cache
        assert first.images >= 1
        page_hits = web.hits(url)
        image_hits = _image_hits(web, library, url)
        again = library.open_article(url)
        assert again.from_cache and again.article.html == first.article.html
        assert web.hits(url) == page_hits  # not a single request
        assert _image_hits(web, library, url) == image_hits
    finally:
        library.close()
    # A later session, offline: text and pictures come from the data directory.
    offline = _open(tmp_path, None)
    try:
        result = offline.open_article(url, offline=True)
        assert result.article.title == first.article.title
        pictures = [src for src in [result.article.lead_image, *result.article.images] if src]
        shown = [offline.image_bytes(src) for src in pictures]
        assert any(shown)
        for data in filter(None, shown):
            info = images.sniff(data)
            assert info is not None and info.width > 1 and info.height > 1
        assert web.hits(url) == page_hits
    finally:
        offline.close()


def test_tracking_pixels_and_logos_from_the_page_are_not_downloaded(
    web: TestWeb, fetcher: Fetcher, tmp_path: Path
) -> None:
    url = web.article_urls("nusa")[1]
    before = web.hits("/px.gif")
    library = _open(tmp_path, fetcher)
    try:
        library.open_article(url)
        assert web.hits("/px.gif") == before
        conn = library.store.reader()
        sizes = conn.execute("SELECT width, height FROM images").fetchall()
        assert sizes and all(w > 1 and h > 1 for w, h in sizes)
    finally:
        library.close()


def test_revalidation_is_conditional_and_reports_only_changes(
    web: TestWeb, fetcher: Fetcher, tmp_path: Path
) -> None:
    url = web.article_urls("warta")[0]
    library = _open(tmp_path, fetcher)
    try:
        first = library.open_article(url)
        web.reset_log()
        assert library.revalidate(url) is None  # 304: nothing new
        asked = [r for r in web.requests if url.endswith(r.path)]
        assert len(asked) == 1
        assert {k.lower() for k in asked[0].headers} & {"if-none-match", "if-modified-since"}
        changed = web.truth(url)
        body = (
            "<html><head><title>Judul yang diperbarui</title></head><body><article>"
            "<h1>Judul yang diperbarui</h1>"
            + "".join(f"<p>{p} (diperbarui)</p>" for p in changed.paragraphs)
            + "</article></body></html>"
        )
        web.serve(url, body)
        try:
            updated = library.revalidate(url)
        finally:
            web.unserve(url)
        assert updated is not None
        assert "diperbarui" in updated.article.text
        assert library.open_article(url, offline=True).article.text == updated.article.text
        assert first.article.text != updated.article.text
    finally:
        library.close()


def test_save_fetches_a_new_article_complete_with_pictures(
    web: TestWeb, fetcher: Fetcher, tmp_path: Path
) -> None:
    url = web.article_urls("harbor")[0]
    library = _open(tmp_path, fetcher)
    try:
        saved = library.save_to_collection(url, ["Long reads", "Read later"])
        assert saved.fetched and saved.collections == ("Long reads", "Read later")
        result = library.open_article(url, offline=True)
        assert result.collections == ("Read later", "Long reads")
        assert result.images >= 1
        library.prune(budget=0)
        assert library.open_article(url, offline=True).images == result.images
    finally:
        library.close()


def test_offline_save_of_an_unknown_article_is_refused(web: TestWeb, tmp_path: Path) -> None:
    library = _open(tmp_path, None)
    try:
        with pytest.raises(NotInLibrary):
            library.save_to_collection(web.article_urls("nusa")[2])
    finally:
        library.close()


def test_a_full_disk_while_saving_pictures_leaves_no_article_and_no_temp_files(
    web: TestWeb, fetcher: Fetcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from reader.core.errors import DiskFull

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    url = web.article_urls("warta")[1]
    library = _open(tmp_path, fetcher)
    try:
        monkeypatch.setattr(os, "fsync", no_space)  # the picture files' writes fail
        with pytest.raises(DiskFull, match="disk is full"):
            library.open_article(url)
        monkeypatch.undo()
        assert not library.contains(url)
        assert library.counts().articles == 0
        assert [p for _, p in library.images.files()] == []  # no half-written files
        assert library.open_article(url).images >= 1  # space again: it works
    finally:
        library.close()
