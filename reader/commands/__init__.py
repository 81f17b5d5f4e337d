"""Subcommands of ``kabar``, one module per area.

Each module exposes ``register(subparsers, common)``: it adds its parsers
(with ``parents=[common]`` so global options work after the subcommand) and
sets ``handler=function(args, services) -> int`` on them. Handlers import the
heavy parts of the core lazily so ``kabar --help`` stays instant.
"""

from __future__ import annotations

from types import ModuleType

from reader.commands import library, read, sources, stories, sync, transfer

COMMAND_MODULES: tuple[ModuleType, ...] = (read, library, sources, stories, sync, transfer)
