"""Bundled resources for the UI: icons, style sheets, HTML templates.

Resources are located by :mod:`reader.core.resources` so the same code works
from a checkout, an installed wheel and the PyInstaller build.
"""

from __future__ import annotations

from functools import cache
from string import Template

from PySide6.QtGui import QIcon, QPixmap

from reader import APP_ID
from reader.core import resources


@cache
def template(name: str) -> Template:
    return Template(resources.read_text("templates", name))


@cache
def style(name: str) -> str:
    return resources.read_text("styles", name)


def app_icon() -> QIcon:
    icon = QIcon()
    icons = resources.resource("icons")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if png.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(png.read_bytes())
            icon.addPixmap(pixmap)
    return icon
