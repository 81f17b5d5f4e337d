"""User settings: a small versioned JSON file in the data directory.

Writes are atomic (temporary file, fsync, rename), so a crash leaves either the
old or the new file. Keys this version does not know are kept as they are, so an
older Kabar never erases a newer one's settings. Upgrades between format
versions go through :data:`UPGRADES` (Picard's idea), one step per version.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import StoreError

log = logging.getLogger(__name__)

VERSION = 1
DEFAULT_CACHE_BUDGET = 2 * 1024**3

#: ``UPGRADES[n]`` turns a version-n dict into a version-(n+1) dict.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """``"500MB"``, ``"2G"``, ``"1.5GiB"``, ``"1048576"`` -> bytes (binary units)."""
    match = _SIZE_RE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a size (try 500MB or 2GB)")
    unit = (match.group(2) or "").lower().rstrip("b").rstrip("i")
    return int(float(match.group(1)) * _UNITS[unit])


def format_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


@dataclass(frozen=True)
class Settings:
    """The settings as a read-only mapping with typed accessors for known keys."""

    values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def cache_budget_bytes(self) -> int:
        value = self.values.get("cache_budget_bytes")
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        return DEFAULT_CACHE_BUDGET

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def replace(self, **changes: Any) -> Settings:
        return Settings({**self.values, **changes})


def load(path: Path) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (logged)."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable settings %s: %s", path, error)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    version = raw.get("version", 1)
    if not isinstance(version, int):
        version = 1
    while version in UPGRADES:
        raw = UPGRADES[version](raw)
        version += 1
    raw.pop("version", None)
    return Settings(raw)


def save(path: Path, settings: Settings) -> None:
    """Write atomically; raises :class:`StoreError` if the folder cannot be written."""
    data = {"version": max(VERSION, _file_version(path)), **settings.values}
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise StoreError(
            f"Kabar could not save its settings to {path}: {error.strerror}."
        ) from error


def _file_version(path: Path) -> int:
    try:
        value = json.loads(path.read_text("utf-8")).get("version", VERSION)
        return value if isinstance(value, int) else VERSION
    except (OSError, ValueError, AttributeError):
        return VERSION
