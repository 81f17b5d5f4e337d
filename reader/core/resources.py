"""Locate Kabar's bundled resources (styles, templates, site rules, starter sources).

In an installed wheel and in the PyInstaller build, ``resources/`` is shipped
inside the package as ``reader/resources`` and found through
:mod:`importlib.resources`. In a source checkout (editable install) it is the
top-level ``resources/`` folder beside the package.
"""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    packaged = importlib.resources.files("reader") / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Traversable:
    """A resource by path components, e.g. ``resource("rules", "sites.json")``."""
    node = resource_root()
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()
