"""Printing helpers shared by the subcommands: JSON, plain lines, terminal checks."""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any, TextIO


def to_jsonable(value: Any) -> Any:
    """Dataclasses, lists and dicts to plain JSON values (paths and others via ``str``)."""
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
