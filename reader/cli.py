"""The ``kabar`` command line: global options and the subcommand table.

Every core capability is scriptable without a display through a subcommand;
with no subcommand Kabar opens its window. Subcommands live in
:mod:`reader.commands` (one module per area) and register themselves here.
Global options are accepted both before and after the subcommand
(``kabar --offline read URL`` and ``kabar read URL --offline``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from reader import __version__
from reader.commands import COMMAND_MODULES


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On subparsers the defaults are suppressed so they do not overwrite a value
    # given before the subcommand.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where Kabar keeps its library (default: $KABAR_DATA_DIR, "
        "else the user data directory)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="never touch the network; read only from the library",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0 if top else argparse.SUPPRESS,
        help="log more (repeat for debug output)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kabar",
        description="Kabar, a news reader that keeps clean articles for offline reading. "
        "Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"Kabar {__version__}")
    _add_global_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    _add_global_options(common, top=False)
    for module in COMMAND_MODULES:
        module.register(commands, common)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
