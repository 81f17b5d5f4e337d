"""``kabar save / collections / search / cache`` and ``read --offline``, run as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.web.server import TestWeb

REPO = Path(__file__).resolve().parents[1]


def kabar(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )


def test_read_offline_of_something_never_stored_says_so(web: TestWeb, tmp_path: Path) -> None:
    url = web.outlet("nusa").url("/berita/1")  # the test web, never a real host
    result = kabar(tmp_path, "read", url, "--offline")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"kabar: {url} is not in the library (Kabar is offline)."
    ]
    assert web.hits(url) == 0


def test_save_then_read_offline_list_search_and_cache(web: TestWeb, tmp_path: Path) -> None:
    url = web.article_urls("nusa")[0]
    title = web.truth(url).title
    saved = kabar(tmp_path, "save", url, "--to", "Gempa", "--to", "Read later", "--json")
    assert saved.returncode == 0, saved.stderr
    info = json.loads(saved.stdout)
    assert info["fetched"] is True and info["collections"] == ["Gempa", "Read later"]
    hits = web.hits(url)

    offline = kabar(tmp_path, "read", url, "--offline", "--json")
    assert offline.returncode == 0, offline.stderr
    assert json.loads(offline.stdout)["title"] == title
    again = kabar(tmp_path, "read", url)  # online too: cache first, no request
    assert again.returncode == 0 and title in again.stdout
    assert web.hits(url) == hits

    listed = kabar(tmp_path, "collections", "--json")
    assert {c["name"]: c["count"] for c in json.loads(listed.stdout)} == {
        "Read later": 1,
        "Gempa": 1,
    }
    plain = kabar(tmp_path, "collections")
    assert "Gempa" in plain.stdout and "Read later" in plain.stdout
    one = kabar(tmp_path, "collections", "gempa", "--json")
    assert one.returncode == 0, one.stderr
    assert [a["title"] for a in json.loads(one.stdout)["articles"]] == [title]
    assert title in kabar(tmp_path, "collections", "Gempa").stdout

    word = title.split()[0]
    found = kabar(tmp_path, "search", word.lower(), "--json")
    assert found.returncode == 0, found.stderr
    (hit,) = json.loads(found.stdout)
    assert hit["title"] == title and hit["highlights"]
    assert "[" in kabar(tmp_path, "search", word, "--collection", "Gempa").stdout
    assert (
        kabar(tmp_path, "search", word, "--source", "nowhere.example", "--json").stdout.strip()
        == "[]"
    )

    stats = json.loads(kabar(tmp_path, "cache", "stats", "--json").stdout)
    assert stats["articles"] == 1 and stats["pinned_articles"] == 1 and stats["images"] >= 1
    assert stats["budget_bytes"] == 2 * 1024**3
    pruned = kabar(tmp_path, "cache", "prune", "--budget", "0", "--json")
    assert pruned.returncode == 0, pruned.stderr
    assert json.loads(pruned.stdout)["evicted_articles"] == 0  # saved: never evicted
    assert "cache:" in kabar(tmp_path, "cache", "stats").stdout


def test_unknown_collection_and_bad_budget_are_clear_errors(tmp_path: Path) -> None:
    missing = kabar(tmp_path, "collections", "Nope")
    assert missing.returncode == 1
    assert "no collection called 'Nope'" in missing.stderr
    bad = kabar(tmp_path, "cache", "prune", "--budget", "lots")
    assert bad.returncode == 2 and "not a size" in bad.stderr


def test_a_damaged_library_is_rebuilt_and_the_command_says_what_came_back(
    tmp_path: Path,
) -> None:
    from reader.core.paths import DataPaths
    from tests.core.libkit import article, open_library

    library = open_library(tmp_path)
    try:
        for n in range(3):
            library.store_article(article(n), collections=["Arsip"])
    finally:
        library.close()
    DataPaths(tmp_path).library.write_bytes(b"")
    result = kabar(tmp_path, "collections", "Arsip")
    assert result.returncode == 0, result.stderr
    assert "damaged (it is empty (0 bytes))" in result.stderr
    assert "all 3 saved articles with their text" in result.stderr
    assert result.stdout.count("Judul berita") == 3


def test_kabar_check_finds_damage_inside_the_file_and_repairs_it(tmp_path: Path) -> None:
    from reader.core.paths import DataPaths
    from tests.core.libkit import article, open_library

    library = open_library(tmp_path)
    try:
        for n in range(3):
            library.store_article(article(n, text="isi " * 2000), collections=["Arsip"])
    finally:
        library.close()
    path = DataPaths(tmp_path).library
    data = path.read_bytes()
    page = 4096
    path.write_bytes(data[: 2 * page] + b"\xa5" * (len(data) - 3 * page) + data[-page:])
    checked = kabar(tmp_path, "check")
    assert checked.returncode == 0, checked.stderr
    assert "all 3 saved articles with their text" in checked.stdout
    again = kabar(tmp_path, "check", "--json")
    assert json.loads(again.stdout) == {"ok": True, "repaired": None}
