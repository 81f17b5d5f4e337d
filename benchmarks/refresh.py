"""Refresh benchmark: 500 feeds x 30 items, full articles, against the test web with latency.

Serves N generated feeds (default 500 x 30 items; each item is an article page
with two pictures) from the test web with 50-150 ms of added latency per
response, subscribes a fresh library to all of them and times:

1. a full refresh (feeds, then every new item's article and pictures);
2. the ideal for the chosen concurrency: the total added latency of every
   response divided by the number of requests allowed in flight -- feed
   responses over the feed lane's limit plus article/picture responses over
   the article lane's limit -- and the ratio wall / ideal (target < 1.5);
3. a second refresh when nothing changed (every feed answers 304; target < 2 s).

The test web runs in a child process, so its rendering does not compete with
the refresh for this process' GIL (a real server is on another machine). All
generated feeds of one TestWeb share one origin, so the child starts several
TestWeb instances (``--origins``, default 16) and spreads the feeds over them:
with the shipped per-host limit (4) one origin alone would cap the run at 4
requests in flight.

Usage: ``python benchmarks/refresh.py [--feeds 500] [--items 30] [--origins 16]
[--latency 0.05 0.15] [--json]``. ``--quick`` runs 40 feeds x 10 items.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# -- the server side (child process) ------------------------------------------------------


def serve(origins: int, latency: tuple[float, float]) -> int:
    """Run ``origins`` test webs with latency; answer "stats"/"reset"/"quit" on stdin."""
    from tests.web.server import TestWeb

    lock = threading.Lock()
    stats: dict[str, float] = {}
    local = threading.local()

    class MeasuredWeb(TestWeb):
        def record(self, origin: str, method: str, target: str, headers: dict[str, str]) -> None:
            local.kind = "feed" if target.partition("?")[0].endswith(".xml") else "article"
            super().record(origin, method, target, headers)

        def delay(self, origin: str) -> float:
            seconds = super().delay(origin)
            kind = getattr(local, "kind", "article")
            with lock:
                stats[f"{kind}_latency"] = stats.get(f"{kind}_latency", 0.0) + seconds
                stats[f"{kind}_responses"] = stats.get(f"{kind}_responses", 0) + 1
            return seconds

    webs = [MeasuredWeb(latency=latency, seed=20260316 + k).start() for k in range(origins)]
    print(json.dumps({"gen": [w.gen.base for w in webs]}), flush=True)
    try:
        for line in sys.stdin:
            command = line.strip()
            if command == "stats":
                with lock:
                    print(json.dumps(stats), flush=True)
            elif command == "reset":
                with lock:
                    stats.clear()
                for web in webs:
                    web.reset_log()
                print("{}", flush=True)
            elif command == "quit":
                break
    finally:
        for web in webs:
            web.stop()
    return 0


class Server:
    """The child process running the test webs."""

    def __init__(self, origins: int, latency: tuple[float, float]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(origins), str(latency[0]), str(latency[1])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.bases: list[str] = self._ask(None)["gen"]

    def _ask(self, command: str | None) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the test web process ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def stats(self) -> dict[str, float]:
        return self._ask("stats")

    def reset(self) -> None:
        self._ask("reset")

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(30)

    def feed_url(self, n: int, items: int) -> str:
        base = self.bases[n % len(self.bases)]
        return f"{base}/gen/{n}.xml" + ("" if items == 30 else f"?items={items}")


# -- the client side ------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    from reader.core.feeds import OpmlFeed
    from reader.core.paths import DataPaths
    from reader.core.refresh import RefreshConfig
    from reader.core.services import Services

    server = Server(args.origins, (args.latency[0], args.latency[1]))
    config = RefreshConfig()
    try:
        with tempfile.TemporaryDirectory(prefix="kabar-bench-") as folder:
            services = Services(paths=DataPaths(Path(folder)))
            try:
                feeds = [
                    OpmlFeed(server.feed_url(n, args.items), f"Feed {n}") for n in range(args.feeds)
                ]
                services.sources.import_feeds(feeds)
                refresher = services.refresher(config)

                server.reset()
                started = time.monotonic()
                first = refresher.refresh(force=True, on_progress=_progress(args))
                wall = time.monotonic() - started
                served = server.stats()
                _clear()

                server.reset()
                started = time.monotonic()
                second = refresher.refresh(force=True)
                unchanged = time.monotonic() - started
                served_again = server.stats()
            finally:
                services.close()
    finally:
        server.close()

    feed_latency = served.get("feed_latency", 0.0)
    article_latency = served.get("article_latency", 0.0)
    ideal = feed_latency / config.feed_concurrency + article_latency / config.article_concurrency
    statuses: dict[str, int] = {}
    for outcome in second.outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    return {
        "feeds": args.feeds,
        "items": args.items,
        "origins": args.origins,
        "latency": list(args.latency),
        "concurrency": {
            "feeds": config.feed_concurrency,
            "articles": config.article_concurrency,
            "per_host": config.per_host,
        },
        "first": {
            "wall_s": round(wall, 2),
            "responses": int(served.get("feed_responses", 0) + served.get("article_responses", 0)),
            "feed_responses": int(served.get("feed_responses", 0)),
            "total_latency_s": round(feed_latency + article_latency, 1),
            "ideal_s": round(ideal, 2),
            "ratio": round(wall / ideal, 3) if ideal else None,
            "new_entries": first.new_entries,
            "articles_fetched": first.articles_fetched,
            "articles_failed": first.articles_failed,
        },
        "unchanged": {
            "wall_s": round(unchanged, 2),
            "responses": int(
                served_again.get("feed_responses", 0) + served_again.get("article_responses", 0)
            ),
            "outcomes": statuses,
        },
    }


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def show(progress: Any) -> None:
        sys.stderr.write(
            f"\r  {progress.sources_done}/{progress.sources_total} feeds, "
            f"{progress.articles_done}/{progress.articles_total} articles"
        )
        sys.stderr.flush()

    return show


def _clear() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 60 + "\r")


def report(result: dict[str, Any]) -> str:
    first, again, limits = result["first"], result["unchanged"], result["concurrency"]
    lo, hi = result["latency"]
    lines = [
        f"Refresh benchmark: {result['feeds']} feeds x {result['items']} items over "
        f"{result['origins']} origins, {lo * 1000:.0f}-{hi * 1000:.0f} ms added per response",
        f"  concurrency: {limits['feeds']} feed requests, {limits['articles']} article/picture "
        f"requests, {limits['per_host']} per host",
        "",
        "Full refresh (feeds + full articles + pictures)",
        f"  responses             {first['responses']} ({first['feed_responses']} feeds)",
        f"  new items / fetched   {first['new_entries']} / {first['articles_fetched']}"
        f" ({first['articles_failed']} failed)",
        f"  total added latency   {first['total_latency_s']:.1f} s",
        f"  ideal (latency/conc.) {first['ideal_s']:.1f} s",
        f"  wall time             {first['wall_s']:.1f} s",
        f"  ratio wall/ideal      {first['ratio']:.2f}   (target < 1.5)",
        "",
        "Second refresh, nothing changed",
        f"  responses             {again['responses']}  {again['outcomes']}",
        f"  wall time             {again['wall_s']:.2f} s   (target < 2 s)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--origins", type=int, default=16)
    parser.add_argument("--latency", type=float, nargs=2, default=(0.05, 0.15))
    parser.add_argument("--quick", action="store_true", help="40 feeds x 10 items")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--serve", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        return serve(int(args.serve[0]), (float(args.serve[1]), float(args.serve[2])))
    if args.quick:
        args.feeds, args.items = 40, 10
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
