"""The library file: pragmas, migrations, refusing newer files, repair of damaged ones."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import StoreError, StoreTooNew
from reader.core.paths import DataPaths
from reader.core.store import Store, userstate
from reader.core.store import backup as backups
from reader.core.store.db import Migration, bundled_migrations
from tests.core.libkit import article, open_library


def test_a_new_library_has_the_schema_and_the_durable_pragmas(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "library.sqlite3", tmp_path / "backups", check=True)
    try:
        assert store.writer is not None
        latest = bundled_migrations()[-1].version
        assert store.reader().execute("PRAGMA user_version").fetchone()[0] == latest
        assert store.writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.writer.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store.writer.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.writer.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert store.reader().execute("PRAGMA query_only").fetchone()[0] == 1
        names = {r[0] for r in store.reader().execute("SELECT name FROM sqlite_master")}
        assert {"articles", "article_state", "collections", "collection_items", "images"} <= names
    finally:
        store.close()


def test_a_library_from_a_newer_kabar_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Store.open(path, tmp_path / "backups").close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer Kabar"):
        Store.open(path, tmp_path / "backups")
    assert path.read_bytes() == before
    assert not list((tmp_path / "backups").glob("*"))


def _chain_v1() -> list[Migration]:
    return bundled_migrations()[:1]


def test_a_migration_copies_the_file_aside_and_keeps_the_data(tmp_path: Path) -> None:
    path, folder = tmp_path / "library.sqlite3", tmp_path / "backups"
    store = Store.open(path, folder, migrations=_chain_v1())
    with store.write() as conn:
        conn.execute("INSERT INTO article_state (url, starred) VALUES ('https://a.example/1', 1)")
    store.close()
    step = Migration(2, "0002_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);")
    store = Store.open(path, folder, migrations=[*_chain_v1(), step])
    try:
        conn = store.reader()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("SELECT starred FROM article_state").fetchone()[0] == 1
    finally:
        store.close()
    copies = backups.list_backups(folder, "premigrate")
    assert len(copies) == 1 and copies[0].version == 1
    copy = sqlite3.connect(copies[0].path)
    assert copy.execute("SELECT count(*) FROM article_state").fetchone()[0] == 1
    copy.close()


def test_a_failing_migration_leaves_the_old_library_usable(tmp_path: Path) -> None:
    path, folder = tmp_path / "library.sqlite3", tmp_path / "backups"
    store = Store.open(path, folder, migrations=_chain_v1())
    with store.write() as conn:
        conn.execute("INSERT INTO article_state (url, starred) VALUES ('https://a.example/1', 1)")
    store.close()
    bad = Migration(2, "0002_bad.sql", "CREATE TABLE half (x);\nALTER TABLE nowhere ADD y;")
    with pytest.raises(StoreError):
        Store.open(path, folder, migrations=[*_chain_v1(), bad])
    store = Store.open(path, folder, migrations=_chain_v1(), check=True)
    try:
        conn = store.reader()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'half'"
        ).fetchone() == (0,)
        assert conn.execute("SELECT starred FROM article_state").fetchone()[0] == 1
    finally:
        store.close()


_SLOW_MIGRATION = """
import sys
from pathlib import Path
from reader.core.store import Store
from reader.core.store.db import Migration, bundled_migrations
slow = Migration(2, "0002_slow.sql", '''
CREATE TABLE filler (n INTEGER, pad TEXT);
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000)
INSERT INTO filler SELECT n, hex(randomblob(64)) FROM c;
''')
Store.open(Path(sys.argv[1]), Path(sys.argv[2]), migrations=[*bundled_migrations()[:1], slow])
"""


def test_a_crash_in_the_middle_of_a_migration_leaves_the_old_file_usable(tmp_path: Path) -> None:
    path, folder = tmp_path / "library.sqlite3", tmp_path / "backups"
    store = Store.open(path, folder, migrations=_chain_v1())
    with store.write() as conn:
        conn.execute("INSERT INTO article_state (url, starred) VALUES ('https://a.example/1', 1)")
    store.close()
    child = subprocess.Popen([sys.executable, "-c", _SLOW_MIGRATION, str(path), str(folder)])
    wal = Path(f"{path}-wal")
    # Wait until the migration transaction is visibly writing, then kill it.
    writing = threading.Event()
    deadline = time.monotonic() + 30
    while not writing.wait(0.005) and time.monotonic() < deadline and child.poll() is None:
        if wal.exists() and wal.stat().st_size > 4 * 1024 * 1024:
            writing.set()
    assert child.poll() is None, "the migration finished before it could be interrupted"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    store = Store.open(path, folder, migrations=_chain_v1(), check=True)
    try:
        conn = store.reader()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT starred FROM article_state").fetchone()[0] == 1
    finally:
        store.close()


# -- damaged files --------------------------------------------------------------------------


def _library_with_user_data(root: Path) -> None:
    library = open_library(root)
    try:
        library.store_article(article(1, title="Kept because saved"))
        library.store_article(article(2, title="Kept because starred"))
        library.store_article(article(3, title="Just cache"))
        library.save_to_collection("https://nusa.example/berita/1", ["Kopi"], offline=True)
        library.set_starred("https://nusa.example/berita/2")
        library.set_read("https://nusa.example/berita/3")
        library.store.make_backup()
    finally:
        library.close()


@pytest.mark.parametrize("damage", ["garbage-header", "truncated", "zeroed-pages"])
def test_without_its_copy_a_damaged_library_is_moved_aside_and_the_backup_restored(
    tmp_path: Path, damage: str
) -> None:
    """The fallback when the copy of user state is gone too (tests/core/store/test_durability.py
    covers the usual case, where the copy brings everything back)."""
    _library_with_user_data(tmp_path)
    paths = DataPaths(tmp_path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{userstate.mirror_path(paths.library)}{suffix}").unlink(missing_ok=True)
    data = paths.library.read_bytes()
    if damage == "garbage-header":
        paths.library.write_bytes(b"this is not a database at all" + data[29:])
    elif damage == "truncated":
        paths.library.write_bytes(data[: len(data) // 3])
    else:
        page = 4096
        paths.library.write_bytes(
            data[: 2 * page] + b"\xa5" * (len(data) - 3 * page) + data[-page:]
        )
    library = open_library(tmp_path)
    try:
        recovery = library.recovery
        assert recovery is not None
        assert Path(recovery.moved_to).exists()
        assert "damaged" in Path(recovery.moved_to).name
        assert recovery.restored_from is not None
        assert recovery.source == "backup"
        assert "restored the backup" in recovery.message
        assert "1 saved article" in recovery.message
        assert library.store.reader().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = library.headlines(collection="Kopi")
        assert [h.title for h in saved] == ["Kept because saved"]
        assert library.get("https://nusa.example/berita/1") is not None  # complete offline
        assert library.state("https://nusa.example/berita/2").starred
        assert library.state("https://nusa.example/berita/3").read
        assert library.get("https://nusa.example/berita/3") is None  # cache only: not backed up
        assert library.search("saved")[0].title == "Kept because saved"
    finally:
        library.close()


def test_without_a_backup_a_damaged_library_is_replaced_by_an_empty_one(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    paths.library.write_bytes(b"\x00garbage" * 1000)
    library = open_library(tmp_path)
    try:
        assert library.recovery is not None
        assert library.recovery.restored_from is None
        assert "new, empty library" in library.recovery.message
        assert library.counts().articles == 0
        assert Path(library.recovery.moved_to).read_bytes().startswith(b"\x00garbage")
    finally:
        library.close()


def test_rolling_backups_keep_user_state_and_pinned_articles_only(tmp_path: Path) -> None:
    _library_with_user_data(tmp_path)
    newest = backups.list_backups(tmp_path / "backups", "rolling")[0]
    conn = sqlite3.connect(newest.path)
    try:
        urls = {r[0] for r in conn.execute("SELECT url FROM articles")}
        assert urls == {"https://nusa.example/berita/1", "https://nusa.example/berita/2"}
        assert conn.execute("SELECT count(*) FROM article_state").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM article_fts").fetchone()[0] == 2
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {r[0] for r in conn.execute("SELECT name FROM collections")}
        assert names == {"Read later", "Kopi"}
    finally:
        conn.close()


def test_only_a_few_rolling_backups_are_kept(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "library.sqlite3", tmp_path / "backups")
    try:
        clock = [1_800_000_000.0]
        store.clock = lambda: clock[0]
        for _ in range(backups.ROLLING_KEEP + 3):
            assert store.backup_due()
            store.make_backup()
            assert not store.backup_due()
            clock[0] += 86400 + 1
    finally:
        store.close()
    assert len(backups.list_backups(tmp_path / "backups", "rolling")) == backups.ROLLING_KEEP


# -- read-only data folder ----------------------------------------------------------------

_SETPRIV = shutil.which("setpriv")


def _kabar(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``kabar`` unable to write ``root``.

    As root, file modes do not stop us; ``setpriv`` drops the capabilities that
    bypass them (DAC override), so the read-only modes apply as for a normal user.
    """
    prefix: list[str] = []
    if os.geteuid() == 0:
        if _SETPRIV is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        prefix = [_SETPRIV, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "reader", "--data-dir", str(root), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )


@pytest.fixture
def read_only_library(tmp_path: Path) -> Iterator[Path]:
    base = tmp_path / "ro"
    root = base / "data"
    library = open_library(root)
    library.store_article(article(1, title="Banjir rob di pesisir"))
    library.save_to_collection("https://nusa.example/berita/1", ["Arsip"], offline=True)
    library.close()
    for path in [base, *base.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    yield root
    for path in [base, *base.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_a_read_only_data_folder_can_be_read_but_not_written(read_only_library: Path) -> None:
    listed = _kabar(read_only_library, "collections", "Arsip")
    assert listed.returncode == 0, listed.stderr
    assert "Banjir rob di pesisir" in listed.stdout
    found = _kabar(read_only_library, "search", "banjir", "--json")
    assert found.returncode == 0, found.stderr
    assert "Banjir rob" in found.stdout
    refused = _kabar(read_only_library, "save", "https://nusa.example/berita/1", "--to", "X")
    assert refused.returncode == 1
    assert "read-only" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_library_cannot_be_created_in_a_read_only_folder(read_only_library: Path) -> None:
    result = _kabar(read_only_library / "sub", "cache", "stats")
    assert result.returncode == 1
    assert "read-only" in result.stderr or "cannot" in result.stderr
    assert "Traceback" not in result.stderr
