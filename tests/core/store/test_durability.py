"""Nothing the user saved is lost to damage of one file (issue 13 §2).

A library with 50 saved articles (text and a picture each), starred and read
marks, collections, sources in folders, a sync account with a change waiting,
and cached articles nobody saved. Each kind of damage to the library file
(in the middle, cut short, a garbage header, 0 bytes) must bring all 50 back
with their text and pictures, and the message must say so; damage to the copy
of user state beside it must lose nothing either.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.paths import DataPaths
from reader.core.sources import SourceList
from reader.core.store import ImageRef, userstate
from tests.core.libkit import article, open_library, png

SAVED = 50
URL = "https://nusa.example/berita/{}"
PAGE = 4096


def _text(n: int) -> str:
    return (
        f"Artikel tersimpan nomor {n} tentang pasar ikan di pelabuhan.\n\n"
        f"Paragraf kedua artikel {n}: nelayan pulang membawa tangkapan yang lebih sedikit."
    )


def build(root: Path) -> None:
    """The library of the issue: 50 saved articles and everything else the user has."""
    library = open_library(root)
    try:
        for n in range(SAVED):
            picture = png(40, 30, seed=n)
            sha = library.images.put(picture)
            ref = ImageRef(
                f"https://nusa.example/img/{n}.png", sha, len(picture), "image/png", 40, 30
            )
            library.store_article(
                article(n, text=_text(n), images=[ref.url]),
                images=[ref],
                collections=["Read later" if n % 2 else "Pelabuhan"],
            )
        for n in range(SAVED, SAVED + 20):  # cached, never saved
            library.store_article(article(n))
        for n in range(0, 10, 2):
            library.set_starred(URL.format(n))
        for n in range(SAVED, SAVED + 7):
            library.set_read(URL.format(n))
        sources = SourceList(library)
        sources.add("https://nusa.example/rss", folder="Berita/Daerah", allow_private=True)
        sources.add("https://warta.example/feed", folder="Berita")
        sources.add("https://harbor.example/atom.xml")
        with library.store.write() as conn:
            conn.execute(
                "INSERT INTO sync_accounts (name, api_url, username, token_store, created_at)"
                " VALUES ('ana@rss.example', 'https://rss.example/api/greader.php', 'ana',"
                " 'file', 0)"
            )
        library.set_read(URL.format(1))  # with an account, this is a change waiting to sync
    finally:
        library.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("durability") / "data"
    build(root)
    return root


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built library (building it once per module saves seconds)."""
    made = tmp_path / "data"
    shutil.copytree(template, made)
    return made


def _damage_library(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "middle":
        path.write_bytes(data[: 2 * PAGE] + b"\xa5" * (len(data) - 3 * PAGE) + data[-PAGE:])
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 2 + 100])
    elif how == "garbage-header":
        path.write_bytes(b"\x13\x37 not a database, sorry " * 4 + data[100:])
    elif how == "zero-bytes":
        path.write_bytes(b"")
    else:
        raise AssertionError(how)


DAMAGE = ["middle", "truncated", "garbage-header", "zero-bytes"]


def assert_everything_came_back(library: Library) -> None:
    for n in range(SAVED):
        result = library.get(URL.format(n))
        assert result is not None, f"saved article {n} lost"
        assert result.article.text == _text(n)
        assert result.images == 1
        assert library.image_bytes(f"https://nusa.example/img/{n}.png") == png(40, 30, seed=n)
    assert len(library.headlines(collection="Pelabuhan", limit=100)) == SAVED // 2
    assert len(library.headlines(collection="Read later", limit=100)) == SAVED // 2
    assert {h.url for h in library.headlines(starred_only=True, limit=100)} == {
        URL.format(n) for n in range(0, 10, 2)
    }
    assert all(library.state(URL.format(n)).read for n in range(SAVED, SAVED + 7))
    assert library.search("nelayan tangkapan", limit=100)[0].title.startswith("Judul berita")
    sources = SourceList(library)
    by_url = {s.url: s for s in sources.all()}
    assert set(by_url) == {
        "https://nusa.example/rss", "https://warta.example/feed", "https://harbor.example/atom.xml"
    }  # fmt: skip
    assert by_url["https://nusa.example/rss"].folder == ("Berita", "Daerah")
    assert by_url["https://nusa.example/rss"].allow_private
    conn = library.store.reader()
    assert conn.execute("SELECT name FROM sync_accounts").fetchall() == [("ana@rss.example",)]
    pending = conn.execute("SELECT url, kind FROM sync_changes").fetchall()
    assert pending == [(URL.format(1), "read")], "restoring must not invent changes to sync"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_library_brings_back_all_50_saved_articles_and_says_so(
    root: Path, how: str
) -> None:
    paths = DataPaths(root)
    _damage_library(paths.library, how)
    library = open_library(root)  # check=True: quick_check finds damage in the middle
    try:
        recovery = library.recovery
        assert recovery is not None and recovery.damaged == "library"
        assert recovery.source == "copy"
        assert (recovery.saved, recovery.saved_with_text) == (SAVED, SAVED)
        message = recovery.message
        assert "all 50 saved articles with their text" in message
        assert "5 starred articles" in message and "3 sources" in message
        assert "1 sync account" in message and "1 change waiting to sync" in message
        assert "Not recovered: articles you had not saved or starred" in message
        assert Path(recovery.moved_to).exists() and "damaged" in recovery.moved_to
        assert_everything_came_back(library)
        assert library.get(URL.format(SAVED + 1)) is None  # cache only: said, not restored
    finally:
        library.close()


def _damage_copy(path: Path, how: str) -> None:
    if how == "middle":
        data = path.read_bytes()
        path.write_bytes(data[:PAGE] + b"\x5a" * (len(data) - 2 * PAGE) + data[-PAGE:])
    else:
        _damage_library(path, how)


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_copy_is_rebuilt_from_the_library_and_nothing_is_lost(
    root: Path, how: str
) -> None:
    paths = DataPaths(root)
    copy = userstate.mirror_path(paths.library)
    _checkpoint(copy)
    _damage_copy(copy, how)
    library = open_library(root)
    try:
        recovery = library.recovery or library.verify()  # middle damage: the background check
        assert recovery is not None and recovery.damaged == "copy"
        assert "Nothing was lost" in recovery.message
        assert "all 50 saved articles with their text" in recovery.message
        assert_everything_came_back(library)
    finally:
        library.close()
    # The new copy is complete: the library can now be lost as well.
    _damage_library(paths.library, "zero-bytes")
    library = open_library(root)
    try:
        assert library.recovery is not None and library.recovery.source == "copy"
        assert_everything_came_back(library)
    finally:
        library.close()


def _checkpoint(path: Path) -> None:
    """Fold the copy's WAL into the file, so damage to the file is damage to its content."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _change_then_lose_library(root: Path, change: Callable[[Library], None]) -> Library:
    library = open_library(root)
    try:
        change(library)
    finally:
        library.close()
    _damage_library(DataPaths(root).library, "zero-bytes")
    return open_library(root)


def test_every_change_is_in_the_copy_at_once(root: Path) -> None:
    def change(library: Library) -> None:
        library.remove_from_collection(URL.format(0), "Pelabuhan")
        library.set_starred(URL.format(0), False)
        library.set_starred(URL.format(SAVED + 3))  # a cached article becomes kept
        library.rename_collection("Pelabuhan", "Laut")
        SourceList(library).rename("https://warta.example/feed", "Warta Kilat")

    library = _change_then_lose_library(root, change)
    try:
        assert library.recovery is not None
        assert library.recovery.saved == SAVED - 1
        assert library.get(URL.format(0)) is None  # no longer saved nor starred
        kept = library.get(URL.format(SAVED + 3))
        assert kept is not None and kept.state.starred
        assert len(library.headlines(collection="Laut", limit=100)) == SAVED // 2 - 1
        assert "Warta Kilat" in {s.title for s in SourceList(library).all()}
    finally:
        library.close()


def test_a_copy_that_fell_behind_is_rebuilt_before_it_is_needed(root: Path) -> None:
    """A write the copy did not see (another program, a crash between the two files'
    commits) is noticed by the generation count and the copy is rewritten."""
    raw = sqlite3.connect(DataPaths(root).library)
    try:
        raw.execute("UPDATE collections SET name = 'Dermaga', name_key = 'dermaga'"
                    " WHERE name = 'Pelabuhan'")  # fmt: skip
        raw.execute("UPDATE user_state_generation SET generation = generation + 1")
        raw.commit()
    finally:
        raw.close()

    def touch(library: Library) -> None:
        library.set_read(URL.format(2))  # any write attaches the copy, which catches up

    library = _change_then_lose_library(root, touch)
    try:
        assert [c.name for c in library.collections()] == ["Read later", "Dermaga"]
        assert len(library.headlines(collection="Dermaga", limit=100)) == SAVED // 2
    finally:
        library.close()


def test_an_empty_library_file_without_any_copy_is_damage_and_said_so(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    paths.library.write_bytes(b"")
    library = open_library(tmp_path)
    try:
        recovery = library.recovery
        assert recovery is not None and recovery.source == "none"
        assert "empty (0 bytes)" in recovery.message
        assert "new, empty library" in recovery.message
    finally:
        library.close()


def test_a_new_library_is_never_an_empty_file(tmp_path: Path) -> None:
    library = open_library(tmp_path)
    try:
        assert library.recovery is None
        assert DataPaths(tmp_path).library.stat().st_size > 0
        assert not list(tmp_path.glob(".*.new*"))
    finally:
        library.close()
