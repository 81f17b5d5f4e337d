"""``kabar import`` and ``kabar export`` run as real processes against the test web."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.core.transfer.files import import_file
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


def test_import_prints_a_report_and_json(web: TestWeb, tmp_path: Path) -> None:
    export = tmp_path / "export-from-pocket.txt"  # the name says nothing; the content does
    export.write_bytes(import_file(web, "pocket.csv"))
    result = kabar(tmp_path / "data", "import", str(export))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Pocket export, 5 links, 1 duplicates merged" in out
    assert "line 7: 7 fields where the header has 6" in out
    assert "articles: 4 fetched, 1 failed" in out
    assert "/regional/2026/01/01/halaman-yang-sudah-hilang" in out

    again = kabar(tmp_path / "data", "import", str(export), "--json", "--no-fetch")
    report = json.loads(again.stdout)
    assert (report["added"], report["already"], report["format"]) == (0, 5, "pocket-csv")
    assert report["failed"][0]["reason"].endswith("(404).")

    listed = json.loads(kabar(tmp_path / "data", "collections", "--json").stdout)
    assert {c["name"] for c in listed} >= {"berita", "bencana alam", "Pocket"}


def test_import_of_an_unknown_file_is_one_clear_line(tmp_path: Path) -> None:
    other = tmp_path / "notes.csv"
    other.write_text("name,address\nKopi,somewhere\n")
    result = kabar(tmp_path / "data", "import", str(other))
    assert result.returncode == 1
    assert result.stderr.startswith("kabar: Kabar does not recognise this file. It imports Pocket")
    missing = kabar(tmp_path / "data", "import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 1 and "Cannot read" in missing.stderr
