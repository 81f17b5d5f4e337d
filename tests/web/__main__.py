"""Browse the test web by hand: ``python -m tests.web [--port-base N]``.

Origins get fixed ports (base, base+1, ...) so bookmarks survive restarts.
Serves until Ctrl+C.
"""

from __future__ import annotations

import argparse
import threading

from tests.web.server import ORIGINS, TestWeb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.web", description=__doc__)
    parser.add_argument("--port-base", type=int, default=8700, help="first port (default 8700)")
    parser.add_argument(
        "--latency",
        type=float,
        nargs=2,
        metavar=("MIN", "MAX"),
        help="add a random delay in seconds to every response",
    )
    args = parser.parse_args(argv)
    ports = {name: args.port_base + k for k, name in enumerate(ORIGINS)}
    web = TestWeb(latency=tuple(args.latency) if args.latency else None, ports=ports)
    web.start()
    try:
        for name in ORIGINS:
            outlet = web.outlet(name)
            print(f"{outlet.display_name:<18} {outlet.home}")
            if name in web.outlets:
                for feed in web.feed_urls(name):
                    print(f"{'':<18}   feed {feed}")
        print(f"{'':<18} OPML {web.opml_url()}")
        print(f"{'':<18} generated feed example {web.generated_feed_url(0)}")
        print("Serving; press Ctrl+C to stop.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        print("\nStopping.")
    finally:
        web.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
