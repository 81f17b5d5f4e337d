"""Deprecated: use ``reader.core.page.extract``; this re-export stays for one release only."""

from reader.core.page import extract

__all__ = ["extract"]
