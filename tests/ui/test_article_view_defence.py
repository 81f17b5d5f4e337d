"""The article view holds on its own (issue 13 §3): whatever HTML reaches it, Qt reads no
local file. Canary files named by such HTML (file: URLs, absolute paths, CSS url(), a
stylesheet link, table and body backgrounds) are watched with inotify and must never be
opened; /dev/zero named anywhere must not crash the view."""

from __future__ import annotations

import ctypes
import os
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from reader.ui.article_view import ArticleView, defuse

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="inotify is Linux-only"
)

REPO = Path(__file__).resolve().parents[2]
CANARIES = ("img-file.png", "img-path.png", "css-url.png", "css-path.png", "table-bg.png",
            "cell-bg.png", "body-bg.png", "sheet.css", "import.css", "style-url.png",
            "list.png")  # fmt: skip


def hostile_html(folder: Path | str) -> str:
    d = str(folder)
    return f"""<html><head><link rel="stylesheet" href="{d}/sheet.css">
<style>@import url("{d}/import.css"); p {{ background-image: url("file://{d}/style-url.png") }}
</style></head><body background="{d}/body-bg.png">
<p>Teks artikel.</p><img src="file://{d}/img-file.png"><img src="{d}/img-path.png">
<p style="background-image: url(file://{d}/css-url.png)">satu</p>
<div style='background: url("{d}/css-path.png")'>dua</div>
<ul style="list-style-image: url({d}/list.png)"><li>tiga</li></ul>
<table background="{d}/table-bg.png"><tr><td background="file://{d}/cell-bg.png">empat</td>
</tr></table></body></html>"""


class Inotify:
    """Which files in a folder were opened or read (Linux inotify through ctypes)."""

    IN_ACCESS, IN_OPEN = 0x1, 0x20

    def __init__(self, folder: Path) -> None:
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            pytest.skip("inotify is not available here")
        mask = self.IN_ACCESS | self.IN_OPEN
        if self.libc.inotify_add_watch(self.fd, os.fsencode(folder), mask) < 0:
            pytest.skip("inotify cannot watch the temporary folder")

    def touched(self) -> set[str]:
        names: set[str] = set()
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return names
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = struct.unpack_from("iIII", data, offset)
                raw = data[offset + 16 : offset + 16 + length].rstrip(b"\0")
                names.add(raw.decode())
                offset += 16 + length

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def canaries(tmp_path: Path) -> Iterator[tuple[Path, Inotify]]:
    folder = tmp_path / "canaries"
    folder.mkdir()
    for name in CANARIES:
        (folder / name).write_bytes(b"p { color: red }" if name.endswith(".css") else b"\x89PNG")
    watch = Inotify(folder)
    try:
        yield folder, watch
    finally:
        watch.close()


def _paint(view: QTextBrowser, qtbot: QtBot) -> None:
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # lays out and paints: every image and background is asked for
    view.resize(500, 800)
    view.grab()


def test_the_watch_sees_a_plain_qt_view_read_the_canaries(
    qtbot: QtBot, canaries: tuple[Path, Inotify]
) -> None:
    """Without Kabar's defence Qt opens the files the HTML names: the threat, and proof
    that the watch below would see a read."""
    folder, watch = canaries
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    plain.setHtml(hostile_html(folder))
    _paint(plain, qtbot)
    assert watch.touched() & set(CANARIES), "Qt read nothing: the watch cannot see reads"


def test_no_canary_is_ever_read_by_the_article_view(
    qtbot: QtBot, canaries: tuple[Path, Inotify]
) -> None:
    folder, watch = canaries
    asked: list[str] = []

    def provider(url: str) -> bytes | None:
        asked.append(url)
        return None

    view = ArticleView(image_provider=provider)
    qtbot.addWidget(view)
    view.show_html(hostile_html(folder))
    _paint(view, qtbot)
    view.show_document(hostile_html(folder), {}, "p { margin: 0 }")
    _paint(view, qtbot)
    assert watch.touched() == set()
    assert asked == [], "only http(s) pictures are looked up, in the library"
    assert "teks artikel" in view.toPlainText().lower()


def test_every_resource_is_answered_even_if_html_gets_past_the_defuse(
    qtbot: QtBot, canaries: tuple[Path, Inotify]
) -> None:
    folder, watch = canaries
    view = ArticleView(image_provider=lambda url: None)
    qtbot.addWidget(view)
    for kind in QTextDocument.ResourceType:
        for name in (f"file://{folder}/img-file.png", f"{folder}/sheet.css", "/dev/zero"):
            answer = view.loadResource(kind.value, QUrl(name))
            assert answer is not None, (kind, name)
            if kind == QTextDocument.ResourceType.ImageResource:
                assert isinstance(answer, QImage) and answer.isNull()
    assert watch.touched() == set()


def test_defuse_removes_what_makes_qt_load_things_and_keeps_the_text() -> None:
    cleaned = defuse(hostile_html("/srv/x"))
    lowered = cleaned.lower()
    for gone in ("<link", "<style", "style=", "background=", "@import", "url("):
        assert gone not in lowered, gone
    assert '<img src="file:///srv/x/img-file.png">' in cleaned  # answered by loadResource
    for kept in ("Teks artikel.", "satu", "dua", "tiga", "empat", "<td>", "<table>"):
        assert kept in cleaned
    assert defuse('<img alt="a > b" src="https://x/y.png" width="3"/>') == (
        '<img alt="a > b" src="https://x/y.png" width="3"/>'
    )
    assert defuse("<P STYLE=color:red Title=t>x</P>") == "<P Title=t>x</P>"


DEV_ZERO = """
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from reader.ui.article_view import ArticleView
app = QApplication([])
view = ArticleView(image_provider=lambda url: None)
html = sys.argv[1]
view.show_html(html)
view.resize(800, 600)
view.show()
view.grab()
view.show_document(html, {}, "")
view.grab()
print("ok", flush=True)
"""


def test_dev_zero_named_anywhere_does_not_crash_the_view() -> None:
    html = hostile_html("/dev").replace("/dev/", "/dev/zero#")
    html += (
        '<img src="/dev/zero"><img src="file:///dev/zero"><p style="background: url(/dev/zero)">'
    )
    html += '<link rel="stylesheet" href="/dev/zero"><table background="/dev/zero"><tr><td>x'
    result = subprocess.run(
        [sys.executable, "-c", DEV_ZERO, html],
        capture_output=True, text=True, timeout=60, cwd=REPO, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
