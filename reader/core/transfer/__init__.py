"""Bring reading in and take it out: imports from read-it-later services and bookmark files,
exports to EPUB, Markdown, HTML and JSON.

``formats/`` holds the pure parts: recognising and reading each import file, and writing
each export format, from plain values (:mod:`.items`, :mod:`.records`), with no library and
no network. :mod:`.importer` and :mod:`.exporter` are the services that save, fetch and
collect through the library.

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
