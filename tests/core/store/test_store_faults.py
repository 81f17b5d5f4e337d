"""Faults: a full disk, kill -9 in the middle of writes, a second instance, a busy library,
threads writing at once. Nothing the user saved is ever lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core.errors import DiskFull, StoreBusy
from reader.core.instance import InstanceLock
from reader.core.library import Library
from reader.core.paths import DataPaths
from reader.core.store import db as store_db
from tests.core.libkit import article, open_library

REPO = Path(__file__).resolve().parents[3]
URL = "https://nusa.example/berita/{}"


def _rows(library: Library) -> dict[str, int]:
    conn = library.store.reader()
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in (
            "articles",
            "article_bodies",
            "article_fts",
            "article_related",
            "article_urls",
        )
    }


def test_disk_full_while_saving_writes_nothing_and_the_library_still_opens(tmp_path: Path) -> None:
    library = open_library(tmp_path)
    try:
        library.store_article(article(1, title="Sudah tersimpan"))
        library.save_to_collection(URL.format(1), ["Arsip"], offline=True)
        before = _rows(library)
        pages = library.store.reader().execute("PRAGMA page_count").fetchone()[0]
        library.store.limit_pages(pages + 3)
        huge = "\n\n".join(f"Paragraf {i} " + os.urandom(600).hex() for i in range(300))
        with pytest.raises(DiskFull, match="disk is full"):
            library.store_article(article(2, title="Terlalu besar", text=huge))
        assert _rows(library) == before  # no half-written article
        assert not library.contains(URL.format(2))
        # Small writes still work where they fit; reading goes on.
        assert library.open_article(URL.format(1), offline=True).article.title == "Sudah tersimpan"
    finally:
        library.close()
    library = open_library(tmp_path)
    try:
        assert library.recovery is None
        assert library.store.reader().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [h.title for h in library.headlines(collection="Arsip")] == ["Sudah tersimpan"]
    finally:
        library.close()


# -- kill -9 in the middle of writing -----------------------------------------------------


def _writer(root: Path, start: int, out: int) -> None:
    """The child: store, save and star articles forever, reporting each commit."""
    from reader.core.store.articles import content_hash

    library = Library.open(DataPaths(root), check=False)
    n = start
    while True:
        a = article(n, title=f"Artikel {n}", text=f"Isi artikel {n}. " + "kata " * (n % 7 * 300))
        library.store_article(a)
        library.save_to_collection(a.url, ["Arsip"], offline=True)
        if n % 3 == 0:
            library.set_starred(a.url)
        os.write(out, f"{n} {content_hash(a)}\n".encode())
        n += 1


def _spawn_writer(root: Path, start: int) -> tuple[int, object]:
    """Fork a writer (no interpreter start-up, so many rounds fit in a few seconds)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            os.close(read_end)
            _writer(root, start, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, os.fdopen(read_end, "r")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_kill_9_during_writes_never_damages_or_loses_committed_articles(tmp_path: Path) -> None:
    from reader.core.store.articles import content_hash

    rng = random.Random(4)
    committed: dict[int, str] = {}
    next_n = 0
    started = time.monotonic()
    rounds = 0
    while rounds < 20 and time.monotonic() - started < 15:
        rounds += 1
        pid, lines = _spawn_writer(tmp_path, next_n)
        wanted = rng.randint(1, 6)  # kill after this many commits, somewhere in the next
        for _ in range(wanted):
            line = lines.readline()  # type: ignore[attr-defined]
            if not line:
                break
            n, digest = line.split()
            committed[int(n)] = digest
            next_n = int(n) + 1
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines.close()  # type: ignore[attr-defined]
    assert rounds >= 10 and len(committed) >= 10
    library = Library.open(DataPaths(tmp_path), check=True)
    try:
        assert library.recovery is None
        conn = library.store.reader()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        saved = {h.url for h in library.headlines(collection="Arsip", limit=10_000)}
        starred = {h.url for h in library.headlines(starred_only=True, limit=10_000)}
        for n, digest in committed.items():
            result = library.get(URL.format(n))
            assert result is not None, f"committed article {n} lost"
            assert content_hash(result.article) == digest
            assert result.article.title == f"Artikel {n}"
            assert URL.format(n) in saved
            assert (URL.format(n) in starred) == (n % 3 == 0)
        with library.store.write() as wconn:  # the FTS index agrees with its content
            wconn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        # The cache's kept totals (cache stats) still add up to the rows the kills left.
        stats = library.cache_stats()
        rows = conn.execute("SELECT count(*), coalesce(sum(size_bytes), 0) FROM articles")
        assert (stats.articles, stats.article_bytes) == tuple(rows.fetchone())
    finally:
        library.close()


# -- a second instance ------------------------------------------------------------------------

HOLDER = """
import sys
from pathlib import Path
from reader.core.instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_second_instance_is_refused_and_a_killed_ones_lock_is_recovered(tmp_path: Path) -> None:
    lock_path = DataPaths(tmp_path).lock
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        second = InstanceLock(lock_path)
        with pytest.raises(StoreBusy, match="already running"):
            second.acquire()
        assert not second.held
    finally:
        os.kill(child.pid, signal.SIGKILL)  # no clean-up: the kernel drops the lock
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    with InstanceLock(lock_path) as recovered:
        assert recovered.held
        with pytest.raises(StoreBusy):
            InstanceLock(lock_path).acquire()  # even from the same process
    with InstanceLock(lock_path):
        pass


def test_a_second_window_says_so_and_exits_non_zero(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KABAR_DATA_DIR": str(tmp_path)}
    with InstanceLock(DataPaths(tmp_path).lock):
        result = subprocess.run(
            [sys.executable, "-m", "reader"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            cwd=REPO,
            check=False,
        )
    assert result.returncode == 1
    assert "already running with this library" in result.stderr


# -- busy, threads ------------------------------------------------------------------------------


def test_a_library_locked_by_another_process_gives_a_clear_busy_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    library = open_library(tmp_path)
    try:
        library.store_article(article(1))
        other = sqlite3.connect(DataPaths(tmp_path).library, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreBusy, match="busy"):
                library.set_starred(URL.format(1))
            assert library.open_article(URL.format(1), offline=True)  # reading still works
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert library.set_starred(URL.format(1)).starred
    finally:
        library.close()


def test_threads_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    library = open_library(tmp_path)
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for i in range(15):
                n = worker * 100 + i
                library.store_article(article(n), collections=[f"W{worker}"])
                library.save_to_collection(URL.format(n), [f"W{worker}"], offline=True)
                library.set_starred(URL.format(n), i % 2 == 0)
                library.open_article(URL.format(n), offline=True)
                library.search("harga")
                if i % 5 == 0:
                    library.prune(budget=0)
        except BaseException as error:  # collected and re-raised in the test thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    try:
        assert errors == []
        for worker in range(4):
            items = library.headlines(collection=f"W{worker}", limit=100)
            assert len(items) == 15 and all(h.in_library for h in items)
        assert library.counts().starred == 4 * 8
        assert library.counts().articles == 60
    finally:
        library.close()
