"""``kabar cache stats`` reads the cache's size from one row that triggers keep up to date
(migration 0012), not from a scan of every article and picture: its figures must stay exactly
what the rows add up to through storing, storing again, eviction, repair and upgrade."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from reader.core.paths import DataPaths
from reader.core.store import ImageRef, Store
from reader.core.store.db import bundled_migrations
from tests.core.libkit import article, open_library, png

URL = "https://nusa.example/berita/{}"


def counted(library: Library) -> tuple[int, int, int, int]:
    """(articles, their bytes, pictures, their bytes), added up from the rows themselves."""
    conn = library.store.reader()
    articles, article_bytes = conn.execute(
        "SELECT count(*), coalesce(sum(size_bytes), 0) FROM articles"
    ).fetchone()
    images, image_bytes = conn.execute(
        "SELECT count(*), coalesce(sum(size_bytes), 0) FROM images"
    ).fetchone()
    return articles, article_bytes, images, image_bytes


def shown(library: Library) -> tuple[int, int, int, int]:
    stats = library.cache_stats()
    return stats.articles, stats.article_bytes, stats.images, stats.image_bytes


def fill(library: Library, count: int) -> None:
    """``count`` articles with a picture of their own each, every third also a shared one."""
    shared = png(20, 20, seed=999)
    shared_ref = ImageRef("https://nusa.example/img/logo.png", library.images.put(shared),
                          len(shared), "image/png", 20, 20)  # fmt: skip
    for n in range(count):
        picture = png(30 + n, 20, seed=n)
        own = ImageRef(f"https://nusa.example/img/{n}.png", library.images.put(picture),
                       len(picture), "image/png", 30 + n, 20)  # fmt: skip
        refs = [own, shared_ref] if n % 3 == 0 else [own]
        library.store_article(
            article(n, images=[r.url for r in refs]),
            images=refs,
            collections=["Arsip"] if n % 5 == 0 else (),
        )


def test_stats_match_the_rows_through_storing_restoring_and_eviction(tmp_path: Path) -> None:
    library = open_library(tmp_path / "data")
    try:
        assert shown(library) == counted(library) == (0, 0, 0, 0)
        fill(library, 12)
        assert shown(library) == counted(library)
        assert shown(library)[0] == 12 and shown(library)[2] == 13
        # The same article stored again, longer: its size changes, the count does not.
        before = shown(library)
        library.store_article(article(4, text="Teks yang jauh lebih panjang. " * 300))
        assert shown(library) == counted(library)
        assert shown(library)[0] == 12 and shown(library)[1] > before[1]
        library.set_starred(URL.format(7))
        stats = library.cache_stats()
        assert (stats.pinned_articles, stats.starred) == (4, 1)  # 0, 5, 10 saved; 7 starred
        library.prune(budget=stats.cache_bytes // 2)
        assert shown(library) == counted(library)
        assert 4 <= shown(library)[0] < 12
        library.prune(budget=0)  # everything not saved or starred goes, and their pictures
        assert shown(library) == counted(library)
        assert shown(library)[0] == 4 and library.cache_stats().pinned_articles == 4
    finally:
        library.close()


def test_stats_match_the_rows_after_a_damaged_library_is_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "data"
    library = open_library(root)
    try:
        fill(library, 10)  # 0 and 5 saved, the rest only cached
        library.set_starred(URL.format(3))
        library.store.make_backup()  # a rolling backup keeps the saved and starred only
        copy = library.store.copy_path
    finally:
        library.close()
    paths = DataPaths(root)
    paths.library.write_bytes(b"")  # damage: rebuilt from the copy of user state
    library = open_library(root)
    try:
        assert library.recovery is not None and library.recovery.source == "copy"
        assert shown(library) == counted(library)
        assert shown(library)[0] == 3  # saved 0 and 5, starred 3
    finally:
        library.close()
    copy.unlink()
    paths.library.write_bytes(b"")  # and without a copy: rebuilt from the backup
    library = open_library(root)
    try:
        assert library.recovery is not None and library.recovery.source == "backup"
        assert shown(library) == counted(library)
        assert shown(library)[0] == 3
        # ... and kept from here on (one row read by cache stats, not a count of every row).
        library.set_starred(URL.format(3), False)
        library.prune(budget=0)
        assert shown(library) == counted(library)
        assert shown(library)[0] == 2
        kept = library.store.reader().execute("SELECT count(*) FROM cache_totals").fetchone()
        assert kept == (1,)
    finally:
        library.close()


def test_an_upgraded_library_counts_what_it_already_held(tmp_path: Path) -> None:
    chain = bundled_migrations()
    totals = next(m.version for m in chain if m.name.endswith("_cache_totals.sql"))
    paths = DataPaths(tmp_path / "data")
    old = Store.open(paths.library, paths.backups, migrations=chain[: totals - 1])
    try:
        with old.write() as conn:  # rows as the schema before the totals has them
            for n in range(5):
                conn.execute(
                    "INSERT INTO articles (url, canonical_url, final_url, title, outlet, host,"
                    " sort_at, fetched_at, checked_at, content_hash, size_bytes)"
                    " VALUES (?1, ?1, ?1, 'Judul', 'NusaKini', 'nusa.example', 0, 0, 0, 'h', ?2)",
                    (URL.format(n), 1000 + n),
                )
                conn.execute(
                    "INSERT INTO images (sha256, size_bytes, mime, stored_at)"
                    " VALUES (?, ?, 'image/png', 0)",
                    (bytes([n]) * 32, 500),
                )
    finally:
        old.close()
    library = Library.open(paths)
    try:
        assert shown(library) == counted(library) == (5, 5010, 5, 2500)
    finally:
        library.close()
