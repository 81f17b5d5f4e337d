"""Window benchmark (offscreen): start-up, opening cached articles, GUI stalls during refresh.

Prints Kabar's figures beside a baseline measured in the same run:

* **start**: process start to a usable window with its first page of headlines,
  on a library of ``--articles`` synthetic articles (default 100,000, built once
  with ``benchmarks/library.py``'s generator and kept in ``--dir``). Baseline: a
  bare QMainWindow with an empty list (the floor Qt itself sets).
* **open**: click-to-rendered for cached articles (``open_url`` → ``article_shown``:
  load from the library, render, decode pictures, lay out), median and p95.
  Baseline: the stored HTML put straight into a bare QTextBrowser.
* **stall**: the longest event-loop lag seen by a 5 ms timer while the window
  refreshes ``--sources`` feeds (default 500, 30 items each) from the test web,
  served by a separate process (16 origins) with 50–150 ms of added latency. Baseline: the
  same timer with the window idle.

Targets (issue 6): start under 1 s, cached article p95 under 50 ms, no stall over 50 ms.

Usage: ``python benchmarks/ui.py [--articles N] [--dir DIR] [--sources N] [--items N]``
"""

from __future__ import annotations

import argparse
import json
import os
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KABAR_LANGUAGE", "en")
CACHE = Path(tempfile.gettempdir()) / "kabar-bench-ui"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# ----------------------------------------------------------------- library


def ensure_library(folder: Path, count: int) -> Path:
    """A library of ``count`` synthetic articles, built once and reused."""
    marker = folder / f"built-{count}"
    if marker.exists():
        return folder
    from library import Corpus, build_ours  # benchmarks/library.py

    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("library.sqlite3*"):
        stale.unlink()
    print(f"building a library of {count:,} articles in {folder} (once)…", file=sys.stderr)
    seconds = build_ours(folder, Corpus(), count)
    print(f"built in {seconds:.0f} s", file=sys.stderr)
    marker.write_text("ok")
    return folder


# ----------------------------------------------------------------- children


def child_start(kind: str, data: str) -> None:
    """Print READY when the window is usable (run as a fresh process)."""
    from PySide6.QtWidgets import QApplication, QListView, QMainWindow

    app = QApplication(sys.argv[:1])
    if kind == "baseline":
        window = QMainWindow()
        window.setCentralWidget(QListView())
        window.show()
        app.processEvents()
        print("READY", flush=True)
        return
    from reader.core.paths import resolve_data_dir
    from reader.core.services import Services
    from reader.ui.gui import build_gui, configure_app

    configure_app(app)
    gui = build_gui(Services(paths=resolve_data_dir(data), library_check=False))
    gui.window.show()
    gui.headlines.page_loaded.connect(lambda rows: (print("READY", rows, flush=True), app.quit()))
    app.exec()
    gui.shutdown()


def measure_start(kind: str, data: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child-start", kind, str(data)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append(time.perf_counter() - started)
        proc.wait(60)
        if not line.startswith("READY"):
            raise SystemExit(f"start-up child failed: {line!r}")
    return times


def child_open(data: str, samples: int) -> None:
    """Click-to-rendered for cached articles, ours and a bare QTextBrowser."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from reader.core.paths import resolve_data_dir
    from reader.core.services import Services
    from reader.ui.gui import build_gui, configure_app

    app = QApplication(sys.argv[:1])
    configure_app(app)
    gui = build_gui(Services(paths=resolve_data_dir(data), library_check=False))
    gui.window.resize(1300, 850)
    gui.window.show()
    loop = QEventLoop()
    gui.headlines.page_loaded.connect(loop.quit)
    loop.exec()
    urls = [row.url for i in range(samples) if (row := gui.headlines.row_at(i * 3)) is not None]
    ours: list[float] = []
    for url in urls:
        done = QEventLoop()
        gui.controller.article_shown.connect(done.quit)
        QTimer.singleShot(10_000, done.quit)
        started = time.perf_counter()
        gui.controller.open_url(url)
        done.exec()
        app.processEvents()  # the paint
        ours.append((time.perf_counter() - started) * 1000)
        gui.controller.article_shown.disconnect(done.quit)
    browser = QTextBrowser()
    browser.resize(700, 850)
    browser.show()
    library = gui.services.library
    bare: list[float] = []
    for url in urls:
        started = time.perf_counter()
        result = library.get(url)
        assert result is not None
        browser.setHtml(result.article.html)
        app.processEvents()
        bare.append((time.perf_counter() - started) * 1000)
    gui.shutdown()
    print(json.dumps({"ours": ours, "bare": bare}), flush=True)


def child_stall(data: str, feeds_file: str, idle_seconds: float) -> None:
    """Event-loop lag while idle, then during a full refresh of every source."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.opml import OpmlFeed
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
        ours_start = measure_start("kabar", work, args.runs)
        bare_start = measure_start("baseline", work, args.runs)
        opened = run_child("--child-open", str(work), str(args.samples))

    ours_open = list(map(float, opened["ours"]))  # type: ignore[call-overload]
    bare_open = list(map(float, opened["bare"]))  # type: ignore[call-overload]
    print(f"\nWindow benchmark, {args.articles:,} articles (offscreen, 2 cores)\n")
    print(f"{'':38}{'Kabar':>14}{'baseline':>14}{'target':>10}")
    print(f"{'start to usable window, median':38}{statistics.median(ours_start):>12.2f} s"
          f"{statistics.median(bare_start):>12.2f} s{'< 1 s':>10}")  # fmt: skip
    print(f"{'start, worst of ' + str(args.runs):38}{max(ours_start):>12.2f} s"
          f"{max(bare_start):>12.2f} s")  # fmt: skip
    print(f"{'open cached article, median':38}{statistics.median(ours_open):>11.1f} ms"
          f"{statistics.median(bare_open):>11.1f} ms")  # fmt: skip
    print(f"{'open cached article, p95':38}{pct(ours_open, 95):>11.1f} ms"
          f"{pct(bare_open, 95):>11.1f} ms{'< 50 ms':>10}")  # fmt: skip

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
    if len(sys.argv) > 1 and sys.argv[1] == "--child-start":
        child_start(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-open":
        child_open(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-stall":
        child_stall(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        sys.exit(main())
