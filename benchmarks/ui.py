"""Window benchmark (offscreen): start-up, opening cached articles, GUI stalls during refresh.

Prints Kabar's figures beside a baseline measured in the same run:

* **start**: wall time from spawning ``python -c`` running ``reader.app.main(["--data-dir",
  D])`` -- the same entry as ``python -m reader --data-dir D``: instance lock, translators,
  window, single-instance server, signal handling -- until the "Kabar window shown" log
  line has been emitted *and* the first page of headlines has arrived in the list (a hook
  on ``HeadlineModel.page_loaded``). The library holds ``--articles`` synthetic articles
  (default 100,000, built once with ``benchmarks/library.py``'s text generator and kept in
  ``--dir``). Baseline: a bare QMainWindow with an empty list, shown (the floor Qt itself
  sets). Kabar and baseline runs alternate.
* **open**: click-to-rendered for cached articles (``open_url`` → ``article_shown``, then
  one ``processEvents`` for the paint): load from the library, read each picture file from
  the content-addressed image store, decode the first ones, render, lay out; and, printed
  below it, until ``images_shown`` (every picture decoded in the background and painted).
  Every article names
  20 pictures; they point at a pool of 40 real files (JPEG and PNG, 800x500 and 1200x675,
  50-160 KB) stored the way the product stores downloads (``images/ab/<sha256>``,
  ``images``/``article_images`` rows), so many articles share files. ``--samples``
  articles spread evenly over the whole library (ids), after one untimed warm-up open
  (its time is printed). Baseline: the stored HTML put straight into a bare QTextBrowser
  (no pictures: it cannot load them). Kabar and baseline alternate which goes first for
  each article, so neither always finds a warmer cache.
* **stall**: the longest event-loop lag seen by a 5 ms timer while the window
  refreshes ``--sources`` feeds (default 500, ``--items`` each) from the test web,
  served by a separate process (16 origins) with 50–150 ms of added latency. Baseline: the
  same timer with the window idle.

Targets (issue 6): start under 1 s, cached article p95 under 50 ms, no stall over 50 ms.

Usage: ``python benchmarks/ui.py [--articles N] [--dir DIR] [--runs N] [--samples N]
[--sources N] [--items N] [--skip-stall]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from measure import pct  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KABAR_LANGUAGE", "en")
CACHE = Path(tempfile.gettempdir()) / "kabar-bench-ui"


# ----------------------------------------------------------------- library


PICTURES = 40  # distinct picture files in the library; every article names 20 of them
PICTURES_VERSION = "pictures-1"  # bump when the library format below changes


def make_pictures(count: int) -> list[bytes]:
    """``count`` distinct photo-like JPEGs and flat PNG graphics, 800x500 or 1200x675."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # kept while painting
    rng = random.Random(20261127)
    out = []
    for n in range(count):
        png = n % 5 == 4  # one in five: a chart-like PNG
        width, height = (1200, 675) if n % 3 == 1 else (800, 500)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        gradient = QLinearGradient(0, 0, width, height)
        gradient.setColorAt(0, QColor.fromHsv(rng.randrange(360), 90, 230))
        gradient.setColorAt(1, QColor.fromHsv(rng.randrange(360), 160, 90))
        painter.fillRect(image.rect(), gradient)
        painter.setPen(Qt.PenStyle.NoPen)
        for _ in range(12 if png else 60):
            hue, sat = rng.randrange(360), rng.randrange(40, 200)
            painter.setBrush(
                QColor.fromHsv(hue, sat, rng.randrange(60, 255), rng.randrange(60, 200))
            )
            shape = QRectF(rng.uniform(-100, width), rng.uniform(-100, height),
                           rng.uniform(20, width / 2), rng.uniform(20, height / 2))  # fmt: skip
            if png:
                painter.drawRect(shape)
            else:
                painter.drawEllipse(shape)
        if not png:  # grain, so the JPEG is as large as a photo's
            nw, nh = width // 2, height // 2
            grain = QImage(rng.randbytes(nw * nh), nw, nh, nw, QImage.Format.Format_Grayscale8)
            painter.setOpacity(0.18)
            painter.drawImage(QRectF(image.rect()), grain.copy())
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        kind = "PNG" if png else "JPEG"  # a str: PySide6's stubs say bytes, it wants str
        if not image.save(buffer, kind, -1 if png else 85):  # type: ignore[call-overload]
            raise SystemExit("Qt could not encode a benchmark picture (image plugins missing?)")
        out.append(bytes(buffer.data().data()))
    return out


def build_library(folder: Path, count: int) -> float:
    """``benchmarks/library.py``'s articles, but with real picture files behind them.

    Stored as the product stores downloads: ``ImageStore.put`` (``images/ab/<sha256>``)
    and ``ImageRef`` rows from the file's own header, linked per article URL.
    """
    from library import IMAGES_PER_ARTICLE, Corpus  # benchmarks/library.py

    from reader.core.models import Validators
    from reader.core.paths import DataPaths
    from reader.core.store import ImageRef, ImageStore, Store, keepable, put_article

    started = time.perf_counter()
    paths = DataPaths(folder)
    files = ImageStore(paths.images)
    pool = []
    for data in make_pictures(PICTURES):
        info = keepable(data)
        assert info is not None
        pool.append((files.put(data), len(data), info))
    assert IMAGES_PER_ARTICLE <= PICTURES
    corpus = Corpus()
    store = Store.open(paths.library, paths.backups)
    now = 1_780_000_000.0
    batch = 2000
    try:
        for first in range(0, count, batch):
            with store.write() as conn:
                for n in range(first, min(count, first + batch)):
                    article, urls = corpus.article(n)
                    refs = []
                    for i, url in enumerate(urls):  # 20 distinct files per article
                        sha, size, info = pool[(n * 11 + i * 3) % PICTURES]
                        refs.append(ImageRef(url, sha, size, info.mime, info.width, info.height))
                    put_article(
                        conn,
                        key=article.url,
                        final_url=article.url,
                        aliases=(),
                        article=article,
                        validators=Validators(f'"{n}"'),
                        now=now + n,
                        images=refs,
                    )
            print(f"  {min(count, first + batch)}/{count}", end="\r", file=sys.stderr)
        with store.write() as conn:
            for n in range(0, count, 997):  # some user state, as a real library has
                conn.execute(
                    "INSERT INTO article_state (url, read, starred) VALUES (?, 1, ?)",
                    (corpus.article(n)[0].url, n % 2),
                )
        store.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        store.close()
    print(file=sys.stderr)
    return time.perf_counter() - started


def ensure_library(folder: Path, count: int) -> Path:
    """A library of ``count`` synthetic articles with real pictures, built once and reused."""
    marker = folder / f"built-{count}-{PICTURES_VERSION}"
    if marker.exists():
        return folder
    if folder.exists():  # an older build (e.g. image rows without files): start over
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    print(f"building a library of {count:,} articles in {folder} (once)…", file=sys.stderr)
    seconds = build_library(folder, count)
    print(f"built in {seconds:.0f} s", file=sys.stderr)
    marker.write_text("ok")
    return folder


def sample_urls(data: Path, samples: int) -> list[str]:
    """A warm-up URL, then up to ``samples`` stored articles spread evenly over the ids."""
    conn = sqlite3.connect(f"file:{data / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        low, high = conn.execute("SELECT min(id), max(id) FROM articles").fetchone()
        urls: dict[str, None] = {}
        for k in range(samples + 1):
            target = low + (high - low) * k // max(1, samples)
            row = conn.execute(
                "SELECT url FROM articles WHERE id >= ? ORDER BY id LIMIT 1", (target,)
            ).fetchone()
            urls[row[0]] = None
    finally:
        conn.close()
    ordered = list(urls)
    warm = ordered.pop(len(ordered) // 2)  # the middle one warms up, the rest are timed
    return [warm, *ordered]


# ----------------------------------------------------------------- children


#: Runs in the start-up child: Kabar's real entry (``reader.app.main``, what ``python -m
#: reader`` calls) with two hooks that only listen -- the "Kabar window shown" log line and
#: the first ``page_loaded`` of the headline list -- then prints READY and closes the window.
START_KABAR = """
import logging, sys
import reader.ui.gui as gui_module
from reader.app import main

seen, guis = set(), []

def ready(what):
    seen.add(what)
    if seen == {"shown", "page"}:
        print("READY", flush=True)
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, guis[0].window.close)

class Shown(logging.Handler):
    def emit(self, record):
        if record.getMessage().startswith("Kabar window shown"):
            ready("shown")

real_build_gui = gui_module.build_gui

def build_gui(services):
    gui = real_build_gui(services)
    guis.append(gui)
    gui.headlines.page_loaded.connect(lambda rows: ready("page"))
    return gui

gui_module.build_gui = build_gui
logging.getLogger("reader").setLevel(logging.INFO)
logging.getLogger("reader").addHandler(Shown())
sys.exit(main(["--data-dir", sys.argv[1]]))
"""

START_BASELINE = """
from PySide6.QtWidgets import QApplication, QListView, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QListView())
window.show()
app.processEvents()
print("READY", flush=True)
"""


def start_once(kind: str, data: Path) -> float:
    """Seconds from spawning the process to READY on its stdout."""
    code = START_KABAR if kind == "kabar" else START_BASELINE
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(data)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            cwd=ROOT,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        seconds = time.perf_counter() - started
        status = proc.wait(60)
        if not line.startswith("READY") or status:
            errors.seek(0)
            raise SystemExit(f"{kind} start-up child failed ({status}): {errors.read()[-3000:]}")
    return seconds


def measure_start(data: Path, runs: int) -> tuple[list[float], list[float]]:
    """Kabar and baseline start-ups, alternating (which goes first alternates too)."""
    ours: list[float] = []
    bare: list[float] = []
    for run in range(runs):
        order = ("kabar", "baseline") if run % 2 == 0 else ("baseline", "kabar")
        for kind in order:
            (ours if kind == "kabar" else bare).append(start_once(kind, data))
    return ours, bare


def child_open(data: str, samples: int) -> None:
    """Click-to-rendered for cached articles, ours and a bare QTextBrowser, interleaved."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from reader.core.page import document_images
    from reader.core.paths import resolve_data_dir
    from reader.core.services import Services
    from reader.ui.controller import OpenedArticle
    from reader.ui.gui import build_gui, configure_app

    warm, *urls = sample_urls(Path(data), samples)
    app = QApplication(sys.argv[:1])
    configure_app(app)
    gui = build_gui(Services(paths=resolve_data_dir(data), library_check=False))
    gui.window.resize(1300, 850)
    gui.window.show()
    loop = QEventLoop()
    gui.headlines.page_loaded.connect(loop.quit)
    loop.exec()
    browser = QTextBrowser()
    browser.resize(700, 850)
    browser.show()
    library = gui.services.library
    controller = gui.controller

    pictures: list[int] = []  # decoded pictures handed to the view, per open
    show_document = controller.show_document

    def counting(opened: OpenedArticle) -> None:
        pictures.append(sum(1 for image in opened.images.values() if not image.isNull()))
        show_document(opened)

    controller.show_document = counting
    add_images = controller.add_images

    def counting_later(images: dict[str, QImage]) -> None:
        pictures[-1] += sum(1 for image in images.values() if not image.isNull())
        add_images(images)

    controller.add_images = counting_later
    all_in: list[float] = []  # open_url → every picture painted (images_shown)

    def open_ours(url: str) -> float:
        """Milliseconds to the article on screen (text and first pictures); the time
        until its last picture is painted goes to ``all_in``."""
        marks: dict[str, float] = {}
        done = QEventLoop()

        def shown(which: str) -> None:
            if which == url:
                app.processEvents()  # the paint
                marks["shown"] = time.perf_counter()

        def pictured(which: str) -> None:
            if which == url:
                app.processEvents()
                marks["all"] = time.perf_counter()
                done.quit()

        controller.article_shown.connect(shown)
        controller.images_shown.connect(pictured)
        QTimer.singleShot(10_000, done.quit)
        started = time.perf_counter()
        controller.open_url(url)
        done.exec()
        controller.article_shown.disconnect(shown)
        controller.images_shown.disconnect(pictured)
        if "shown" not in marks or "all" not in marks:
            raise SystemExit(f"{url} was not shown within 10 s")
        all_in.append((marks["all"] - started) * 1000)
        return (marks["shown"] - started) * 1000

    def open_bare(url: str) -> float:
        started = time.perf_counter()
        result = library.get(url)
        assert result is not None
        browser.setHtml(result.article.html)
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    first = {"ours": open_ours(warm), "bare": open_bare(warm)}  # imports, first layout
    warm_pictures = pictures.pop()
    all_in.clear()
    ours: list[float] = []
    bare: list[float] = []
    for n, url in enumerate(urls):
        if n % 2 == 0:
            ours.append(open_ours(url))
            bare.append(open_bare(url))
        else:
            bare.append(open_bare(url))
            ours.append(open_ours(url))
    referenced = []  # what the rendered page names, i.e. what Kabar should have decoded
    for url in urls:
        result = library.get(url)
        referenced.append(len(document_images(result.article)) if result is not None else 0)
    gui.shutdown()
    print(
        json.dumps(
            {
                "ours": ours,
                "all_in": all_in,
                "bare": bare,
                "first": first,
                "pictures": pictures,
                "warm_pictures": warm_pictures,
                "referenced": referenced,
            }
        ),
        flush=True,
    )


def child_stall(data: str, feeds_file: str, idle_seconds: float) -> None:
    """Event-loop lag while idle, then during a full refresh of every source."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.feeds import OpmlFeed
    from reader.core.paths import resolve_data_dir
    from reader.core.services import Services
    from reader.ui.gui import build_gui, configure_app

    app = QApplication(sys.argv[:1])
    configure_app(app)
    services = Services(paths=resolve_data_dir(data), library_check=False)
    urls = json.loads(Path(feeds_file).read_text())
    services.sources.import_feeds([OpmlFeed(url, f"Feed {n}") for n, url in enumerate(urls)])
    gui = build_gui(services)
    gui.window.resize(1300, 850)
    gui.window.show()

    lags: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        lags.append(max(0.0, clock.restart() - 5.0))

    settled = QEventLoop()  # let start-up work finish before measuring "idle"
    QTimer.singleShot(2000, settled.quit)
    settled.exec()
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    idle = QEventLoop()
    QTimer.singleShot(int(idle_seconds * 1000), idle.quit)
    idle.exec()
    idle_lags, lags[:] = list(lags), []
    finished = QEventLoop()
    report: list[object] = []

    def done(result: object) -> None:
        report.append(result)
        finished.quit()

    gui.controller.refresh_finished.connect(done)
    started = time.perf_counter()
    gui.controller.refresh(None, force=True)
    finished.exec()
    seconds = time.perf_counter() - started
    timer.stop()
    outcome = report[0] if report else None
    gui.shutdown()
    print(
        json.dumps(
            {
                "idle": idle_lags,
                "refresh": lags,
                "seconds": seconds,
                "articles": getattr(outcome, "articles_fetched", 0),
                "entries": getattr(outcome, "new_entries", 0),
            }
        ),
        flush=True,
    )


def run_child(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode or not lines:
        raise SystemExit(f"child {args[0]} failed:\n{out.stderr[-3000:]}")
    result: dict[str, object] = json.loads(lines[-1])
    return result


# ----------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=CACHE)
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--items", type=int, default=10, help="articles per feed")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--skip-stall", action="store_true")
    args = parser.parse_args()

    library = ensure_library(args.dir / f"lib-{args.articles}", args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "lib"
        # A copy per run, so the benchmark never changes the cached library.
        subprocess.run(["cp", "-r", str(library), str(work)], check=True)
        ours_start, bare_start = measure_start(work, args.runs)
        opened = run_child("--child-open", str(work), str(args.samples))

    ours_open = list(map(float, opened["ours"]))  # type: ignore[call-overload]
    bare_open = list(map(float, opened["bare"]))  # type: ignore[call-overload]
    first: dict[str, float] = opened["first"]  # type: ignore[assignment]
    pictures = list(map(int, opened["pictures"]))  # type: ignore[call-overload]
    referenced = list(map(int, opened["referenced"]))  # type: ignore[call-overload]
    print(f"\nWindow benchmark, {args.articles:,} articles (offscreen, {os.cpu_count()} cores)\n")
    print(f"{'':38}{'Kabar':>14}{'baseline':>14}{'target':>10}")
    print(f"{'start to window + headlines, median':38}{statistics.median(ours_start):>12.2f} s"
          f"{statistics.median(bare_start):>12.2f} s{'< 1 s':>10}")  # fmt: skip
    print(f"{'start, worst of ' + str(args.runs):38}{max(ours_start):>12.2f} s"
          f"{max(bare_start):>12.2f} s")  # fmt: skip
    print(f"{'open cached article, median':38}{statistics.median(ours_open):>11.1f} ms"
          f"{statistics.median(bare_open):>11.1f} ms")  # fmt: skip
    print(f"{'open cached article, p95':38}{pct(ours_open, 95):>11.1f} ms"
          f"{pct(bare_open, 95):>11.1f} ms{'< 50 ms':>10}")  # fmt: skip
    all_in = list(map(float, opened["all_in"]))  # type: ignore[call-overload]
    print(f"{'  ... every picture painted, median':38}{statistics.median(all_in):>11.1f} ms")
    print(f"{'  ... every picture painted, p95':38}{pct(all_in, 95):>11.1f} ms")
    print(f"{'first open after start (not in p95)':38}{first['ours']:>11.1f} ms"
          f"{first['bare']:>11.1f} ms")  # fmt: skip
    print(
        "\nstart: `python -c` running reader.app.main(['--data-dir', D]) until the window is"
        " shown and the first headlines page is in the list; baseline: a bare QMainWindow."
    )
    print(f"open: {len(ours_open)} cached articles (of {args.samples} asked), spread over the"
          f" library, Kabar and baseline alternating; Kabar decoded {sum(pictures)} pictures"
          f" from disk ({min(pictures, default=0)}-{max(pictures, default=0)} per article,"
          f" {sum(referenced)} referenced); baseline shows no pictures.")  # fmt: skip
    if len(pictures) != len(ours_open) or sum(pictures) < sum(referenced):
        print("WARNING: some referenced pictures were not decoded", file=sys.stderr)

    if args.skip_stall:
        return 0
    from refresh import Server  # benchmarks/refresh.py: test webs in a child process

    server = Server(16, (0.05, 0.15))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            feeds = Path(tmp) / "feeds.json"
            urls = [server.feed_url(n, args.items) for n in range(args.sources)]
            feeds.write_text(json.dumps(urls))
            stall = run_child("--child-stall", str(Path(tmp) / "data"), str(feeds), "3")
    finally:
        server.close()
    idle = list(map(float, stall["idle"]))  # type: ignore[call-overload]
    busy = list(map(float, stall["refresh"]))  # type: ignore[call-overload]
    print(f"\nRefresh of {args.sources} sources from the test web "
          f"(50-150 ms latency): {float(stall['seconds']):.1f} s, "  # type: ignore[arg-type]
          f"{stall['entries']} headlines, {stall['articles']} articles\n")  # fmt: skip
    print(f"{'':38}{'refreshing':>14}{'idle':>14}{'target':>10}")
    print(f"{'longest GUI-thread stall':38}{max(busy, default=0):>11.1f} ms"
          f"{max(idle, default=0):>11.1f} ms{'< 50 ms':>10}")  # fmt: skip
    print(f"{'p99 event-loop lag':38}{pct(busy, 99) if busy else 0:>11.1f} ms"
          f"{pct(idle, 99) if idle else 0:>11.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-open":
        child_open(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-stall":
        child_stall(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        sys.exit(main())
