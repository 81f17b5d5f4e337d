"""The ``kabar`` command line: global options and the subcommand table.

Every core capability is scriptable without a display through a subcommand;
with no subcommand Kabar opens its window. Subcommands live in
:mod:`reader.commands` (one module per area) and register themselves here.
Global options are accepted both before and after the subcommand
(``kabar --offline read URL`` and ``kabar read URL --offline``).

Only the parsers of the module that owns the subcommand named on the command
line are built (:data:`reader.commands.COMMANDS`), and none for ``--version``
or the window: importing and building all of them costs more than some
commands take to answer.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.commands import COMMANDS, MODULES, command_modules

#: Global options that take a value (the next argument, unless given as ``--opt=value``).
_VALUE_OPTIONS = ("--data-dir",)


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


def build_parser(modules: Sequence[str] = MODULES) -> argparse.ArgumentParser:
    """The ``kabar`` parser with the subcommands of the command ``modules`` (default: all)."""
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
    for module in command_modules(modules):
        module.register(commands, common)
    return parser


def modules_needed(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules whose parsers ``argv`` needs.

    A known subcommand: its module. No subcommand at all (``--version``, the window):
    none. Anything else (help before the subcommand, ``--``, an unknown word): all of
    them, so argparse answers exactly as it always would.
    """
    takes_value = False
    for arg in argv:
        if takes_value:
            takes_value = False
        elif arg in ("-h", "--help", "--"):
            return MODULES
        elif arg.startswith("-"):
            # argparse accepts unambiguous abbreviations: --data for --data-dir.
            takes_value = "=" not in arg and any(
                len(arg) > 2 and option.startswith(arg) for option in _VALUE_OPTIONS
            )
        else:
            return (COMMANDS[arg],) if arg in COMMANDS else MODULES
    return ()


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    args = list(sys.argv[1:] if argv is None else argv)
    return build_parser(modules_needed(args)).parse_args(args)
