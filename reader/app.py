"""Kabar's composition root: the one place that builds and connects everything.

``kabar`` with a subcommand runs it headless (no Qt is imported); without one
it opens the window. No module keeps a global instance of anything: objects
made here are passed to whoever needs them.

Every ``kabar`` command starts a fresh interpreter, so this module imports
only what the command line needs to be parsed; the core loads when a command
runs, and then only the parts that command uses (``tests/test_startup.py``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    import argparse
    import logging

    from reader.core.services import Services


def configure_logging(verbosity: int) -> None:
    import logging  # noqa: PLC0415 (a dozen modules: only once a command runs)

    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


def build_services(args: argparse.Namespace) -> Services:
    from reader.core.paths import resolve_data_dir  # noqa: PLC0415
    from reader.core.services import Services  # noqa: PLC0415

    return Services(paths=resolve_data_dir(args.data_dir), offline=bool(args.offline))


def main(argv: Sequence[str] | None = None) -> int:
    from reader.cli import parse_args  # noqa: PLC0415

    args = parse_args(argv)
    configure_logging(args.verbose)
    if args.command is None:
        return run_gui(args)
    return run_command(args)


def main_gui() -> int:
    """Entry point for desktop launchers (no console window on Windows)."""
    return main([])


def run_command(args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError  # noqa: PLC0415

    services = build_services(args)
    try:
        result: int = args.handler(args, services)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return result
    except BrokenPipeError:
        # The reader of our output went away (`kabar headlines | head`): end quietly,
        # as any Unix tool does, and keep the interpreter's exit flush from complaining.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except ReaderError as error:
        print(f"kabar: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kabar: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # one clear line, the traceback only with -v
        _log().debug("unexpected failure", exc_info=True)
        print(f"kabar: unexpected error: {error} (run with -v for details)", file=sys.stderr)
        return 1
    finally:
        services.close()


def _log() -> logging.Logger:
    import logging  # noqa: PLC0415

    return logging.getLogger("reader")


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(args: argparse.Namespace) -> int:
    if not _has_display():
        print(
            "kabar: no display found. Start Kabar from a desktop session, use a "
            "subcommand (kabar --help), or run it under Xvfb: xvfb-run -a kabar",
            file=sys.stderr,
        )
        return 2
    # Qt is imported only here, so headless subcommands never load it.
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from reader.core.errors import ReaderError  # noqa: PLC0415
    from reader.core.instance import InstanceLock  # noqa: PLC0415
    from reader.ui import i18n  # noqa: PLC0415
    from reader.ui.gui import build_gui, configure_app  # noqa: PLC0415
    from reader.ui.single_instance import RaiseServer  # noqa: PLC0415
    from reader.ui.unix_signals import SignalQuitter  # noqa: PLC0415

    services = build_services(args)
    services.library_check = False  # the window verifies the library in the background
    lock = InstanceLock(services.paths.lock)
    try:
        lock.acquire()
    except ReaderError as error:
        from reader.ui.single_instance import ask_running_window_to_raise  # noqa: PLC0415

        raised = ask_running_window_to_raise(services.paths.root)
        print(f"kabar: {error}" + (" Its window was brought forward." if raised else ""),
              file=sys.stderr)  # fmt: skip
        return 1

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain(".".join(reversed(APP_ID.split(".")[:-1])))  # kabar.org
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    configure_app(app)
    translators = i18n.install(app)

    gui = build_gui(services)
    gui.window.closing.connect(gui.shutdown)
    raiser = RaiseServer(services.paths.root, gui.window.bring_forward, gui.window)
    if not raiser.listening:
        _log().info("second launches cannot reach this window (local socket unavailable)")
    quitter = SignalQuitter(gui.window.close)
    gui.window.show()
    _log().info("Kabar window shown (data in %s)", services.paths.root)
    status = app.exec()
    quitter.restore()
    lock.release()
    del translators
    return status
