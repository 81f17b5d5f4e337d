"""Sync benchmark against a real FreshRSS: 50 feeds, 5,000 items.

Starts FreshRSS (``../shared/servers/start-freshrss.sh``) and the test web, has FreshRSS
subscribe to and read 50 generated feeds of 100 items each, then times Kabar's sync into a
fresh library and counts its HTTP requests:

1. the first sync (5,000 unread items arrive: ids, then contents in batches);
2. an unchanged sync (target < 1 s);
3. a sync after 100 flag changes made on the server (50 read, 50 starred; target < 2 s).

Baseline, measured in the same run: a per-feed client that asks for each feed's stream
contents (``stream/contents/feed/ID``), the pattern server authors ask clients not to use.

Usage: ``python benchmarks/sync.py [--feeds 50] [--items 100] [--json]``.
Needs PHP (see ../shared/servers/README.md); without it the benchmark says so and stops.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.paths import resolve_data_dir  # noqa: E402
from reader.core.services import Services  # noqa: E402
from tests.sync.freshrss import FreshRSS, Phone, php_available  # noqa: E402
from tests.web.server import TestWeb  # noqa: E402

READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"


def per_feed_baseline(phone: Phone) -> tuple[float, int]:
    """What a client that reads every feed's stream contents costs (time, requests)."""
    started = time.perf_counter()
    requests = 1
    feeds = phone.subscriptions()
    for feed in feeds:
        continuation = ""
        while True:
            params = {"n": "1000", "output": "json"}
            if continuation:
                params["c"] = continuation
            answer = phone.http.get(
                f"{phone.api}/reader/api/0/stream/contents/{feed['id']}", params=params, timeout=120
            )
            requests += 1
            data = answer.json()
            continuation = data.get("continuation", "")
            if not continuation:
                break
    return time.perf_counter() - started, requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not php_available():
        print("sync benchmark skipped: PHP is not installed (see ../shared/servers/README.md)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="kabar-sync-bench-"))
    server = FreshRSS.start(work / "server")
    results: dict[str, Any] = {}
    try:
        with TestWeb() as web:
            user, password = server.new_user()
            phone = Phone(server.api, user, password)
            started = time.perf_counter()
            for n in range(args.feeds):
                phone.subscribe(web.generated_feed_url(n, items=args.items), label=f"G{n % 5}")
            server.fetch_feeds(user)
            total = len(phone.ids("user/-/state/com.google/reading-list", n=100_000))
            print(f"FreshRSS: {args.feeds} feeds, {total} items (set up in "
                  f"{time.perf_counter() - started:.1f} s)")  # fmt: skip
            services = Services(paths=resolve_data_dir(work / "kabar"))
            try:
                services.sync.add_account(server.api, user, password)
                rows = []
                for name in ("first sync", "unchanged sync"):
                    t0 = time.perf_counter()
                    report = services.sync.sync()
                    rows.append((name, time.perf_counter() - t0, report.requests,
                                 report.new_items))  # fmt: skip
                links = phone.items()
                ids = sorted(links.values())[:100]
                phone.tag(ids[:50], add=READ)
                phone.tag(ids[50:], add=STARRED)
                t0 = time.perf_counter()
                report = services.sync.sync()
                rows.append(("after 100 flag changes", time.perf_counter() - t0, report.requests,
                             report.flags_here))  # fmt: skip
                assert report.flags_here == 100, report
            finally:
                services.close()
            base_seconds, base_requests = per_feed_baseline(phone)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    targets = {"first sync": None, "unchanged sync": 1.0, "after 100 flag changes": 2.0}
    print(f"{'':26}{'seconds':>9}{'requests':>10}{'changes':>9}   target")
    for name, seconds, requests, changes in rows:
        target = targets[name]
        mark = "" if target is None else (f"< {target:g} s " + ("ok" if seconds < target
                                                                 else "MISSED"))  # fmt: skip
        print(f"{name:26}{seconds:9.2f}{requests:10d}{changes:9d}   {mark}")
        results[name] = {"seconds": seconds, "requests": requests, "changes": changes}
    print(f"{'baseline: per-feed contents':26}{base_seconds:9.2f}{base_requests:10d}"
          f"{'':9}   (every sync, changed or not)")  # fmt: skip
    results["baseline per-feed"] = {"seconds": base_seconds, "requests": base_requests}
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
