"""Subcommands of ``kabar``, one module per area.

Each module exposes ``register(subparsers, common)``: it adds its parsers
(with ``parents=[common]`` so global options work after the subcommand) and
sets ``handler=function(args, services) -> int`` on them. Handlers import the
heavy parts of the core lazily so ``kabar --help`` stays instant.

Every ``kabar`` run is a fresh process, so :data:`COMMANDS` says which module
registers each subcommand: ``kabar search`` imports and builds the parsers of
:mod:`reader.commands.library` only; ``kabar --help`` (or a name not in the
table) builds them all. A new subcommand goes in the table too; a test checks
the table against what the modules register.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from types import ModuleType

#: The command modules, in the order ``kabar --help`` lists their subcommands.
MODULES = ("read", "library", "sources", "stories", "sync", "transfer")

_SOURCES = ("add", "sources", "refresh", "headlines", "opml", "remove", "rename", "move",
            "folders", "starter")  # fmt: skip

#: Subcommand name -> the module in :data:`MODULES` that registers it.
COMMANDS: dict[str, str] = {
    "read": "read",
    **dict.fromkeys(("save", "collections", "search", "cache", "check"), "library"),
    **dict.fromkeys(_SOURCES, "sources"),
    "stories": "stories",
    **dict.fromkeys(("account", "sync", "mark"), "sync"),
    **dict.fromkeys(("import", "export"), "transfer"),
}


def command_modules(names: Iterable[str] = MODULES) -> list[ModuleType]:
    """The command modules called ``names`` (default: all), imported."""
    return [importlib.import_module(f"{__name__}.{name}") for name in names]
