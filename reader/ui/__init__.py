"""Kabar's PySide6 user interface.

It talks to :mod:`reader.core` services only; it never imports requests,
readability, feedparser, sqlite3 or platformdirs (import-linter enforces it).
Threads live in :mod:`reader.ui.workers` and nowhere else.
"""
