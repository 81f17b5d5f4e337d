"""Take the screenshots shown in the README and the AppStream metainfo.

Runs the real window against the test web (fictional outlets on 127.0.0.1):
adds the outlets' feeds, refreshes them, opens an Indonesian article, and
grabs the window in the main states — light, dark, an error, and (with
``--indonesian``) the Indonesian translation. Run it under Xvfb for a real X11 window:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/screenshots.py

Images go to ``resources/screenshots/`` (or ``--out DIR``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.core.paths import resolve_data_dir  # noqa: E402
from reader.core.services import Services  # noqa: E402
from reader.ui import i18n  # noqa: E402
from reader.ui.gui import Gui, build_gui, configure_app  # noqa: E402
from tests.web import TestWeb  # noqa: E402

SIZE = (1360, 860)


def wait(signal: object, action: Callable[[], object], timeout_ms: int = 60_000) -> None:
    """Run ``action`` and spin the event loop until ``signal`` fires."""
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    action()
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(gui: Gui, path: Path) -> None:
    settle()
    gui.window.grab().save(str(path))
    print(f"saved {path}")


def prepare(web: TestWeb, data: Path) -> tuple[Gui, str]:
    services = Services(paths=resolve_data_dir(data), library_check=False)
    gui = build_gui(services)
    gui.window.resize(*SIZE)
    gui.window.move(0, 0)
    gui.window.show()
    c = gui.controller
    for feed in ("/rss", "/feed.json", "/atom.xml"):
        outlet = {"/rss": "nusa", "/feed.json": "warta", "/atom.xml": "harbor"}[feed]
        wait(c.refresh_finished, lambda f=feed, o=outlet: c.add_source(web.outlet(o).url(f)))
    settle(800)
    wait(gui.headlines.page_loaded, lambda: gui.window.sources.select("all"))
    article = next(
        url
        for url in web.article_urls("nusa")
        if web.truth(url).block_related and web.truth(url).inline_related
    )
    return gui, article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KABAR_LANGUAGE", "en")
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Kabar")
    configure_app(app)
    with TestWeb() as web, tempfile.TemporaryDirectory() as tmp:
        gui, article = prepare(web, Path(tmp) / "data")
        c, w = gui.controller, gui.window
        row = gui.headlines.find(article)
        if row >= 0:
            w.sources.headlines.setCurrentIndex(gui.headlines.index(row, 0))
        wait(c.article_shown, lambda: c.open_url(article))
        wait(c.saved, lambda: c.save(["Read later"]))
        shoot(gui, args.out / "main-window.png")
        w.theme_actions["dark"].trigger()
        shoot(gui, args.out / "dark.png")
        w.theme_actions["light"].trigger()
        wait(c.article_failed, lambda: c.open_url(web.fault_url("not_found")))
        shoot(gui, args.out / "error.png")
        gui.shutdown()
        w.close()
    return 0


def indonesian(argv: list[str] | None = None) -> int:
    """The same window in Indonesian (the translation is picked from the locale)."""
    os.environ["KABAR_LANGUAGE"] = "id"
    app = QApplication(sys.argv[:1])
    configure_app(app)
    keep = i18n.install(app)
    out = ROOT / "resources" / "screenshots"
    with TestWeb() as web, tempfile.TemporaryDirectory() as tmp:
        gui, article = prepare(web, Path(tmp) / "data")
        wait(gui.controller.article_shown, lambda: gui.controller.open_url(article))
        shoot(gui, out / "indonesian.png")
        gui.shutdown()
        gui.window.close()
    del keep
    return 0


if __name__ == "__main__":
    if "--indonesian" in sys.argv:
        sys.exit(indonesian([a for a in sys.argv[1:] if a != "--indonesian"]))
    sys.exit(main())
