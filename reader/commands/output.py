"""Printing helpers shared by the subcommands: JSON, plain lines, terminal checks."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import datetime
from typing import Any, TextIO


def json_option() -> argparse.ArgumentParser:
    """A parent parser giving a subcommand the common ``--json`` flag."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def to_jsonable(value: Any) -> Any:
    """Dataclasses, lists and dicts to plain JSON values (dates ISO 8601, others ``str``)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def print_json(value: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    json.dump(to_jsonable(value), out, ensure_ascii=False, indent=2)
    out.write("\n")


def is_terminal(stream: TextIO | None = None) -> bool:
    return bool(getattr(stream or sys.stderr, "isatty", lambda: False)())
