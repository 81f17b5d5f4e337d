"""A completely full disk (issue 13 §4): reading keeps working, saving says the disk is full.

SQLite cannot create the WAL index a reader needs on a full disk and says only "disk I/O
error"; the library must still open for reading. The test fills a real file system: a
small tmpfs mounted in a private mount namespace (``unshare``), so nothing outside the
child process sees it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent(
    """
    import contextlib, io, os, sys
    from pathlib import Path
    from reader.app import main
    from reader.core.errors import DiskFull
    from tests.core.libkit import article, open_library

    disk = Path(sys.argv[1])
    root = disk / "data"
    library = open_library(root)
    for n in range(5):
        library.store_article(article(n), collections=["Arsip"])
    library.close()
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    with contextlib.suppress(OSError):
        while True:
            os.write(fd, b"\\0" * 4096)
    os.close(fd)
    assert os.statvfs(disk).f_bavail == 0, "the disk is not full"

    def kabar(*args):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--data-dir", str(root), *args])
        return code, out.getvalue(), err.getvalue()

    code, out, err = kabar("read", "--offline", "https://nusa.example/berita/1")
    assert code == 0 and "Berita nomor 1" in out, (code, err)
    code, out, err = kabar("search", "harga")
    assert code == 0 and "Judul berita" in out, (code, err)
    code, out, err = kabar("collections", "Arsip")
    assert code == 0 and out.count("Judul berita") == 5, (code, err)
    code, out, err = kabar("save", "--offline", "https://nusa.example/berita/2", "--to", "Lain")
    assert code == 1 and "disk is full" in err, (code, err)
    library = open_library(root, check=False)
    try:
        assert library.open_article("https://nusa.example/berita/3", offline=True).from_cache
        try:
            library.set_starred("https://nusa.example/berita/3")
        except DiskFull as error:
            assert "disk is full" in str(error)
        else:
            raise AssertionError("saving on a full disk did not say so")
    finally:
        library.close()
    print("ok")
    """
)


def test_reading_works_on_a_completely_full_disk_and_saving_says_so(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        pytest.skip("needs Linux unshare to mount a small file system")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "child.py"
    script.write_text(CHILD, "utf-8")
    command = (
        f"mount -t tmpfs -o size=2m tmpfs {disk} && cd {REPO} && {sys.executable} {script} {disk}"
    )
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {disk}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({probe.stderr.strip()[:80]})")
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", command],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
