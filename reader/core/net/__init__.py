"""Talking HTTP: one fetcher with caps and checked redirects, per-host limits, bytes to text.

Knows nothing of pages, feeds or the library; everything above it reaches the network through here.

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader), so importing
this face costs nothing until a name is used: start-up never pays for parsers it has not needed.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
