"""One web page -> one clean Article: extraction, related links, metadata, multi-page, sanitising.

Pure HTML work on top of `net`; `render` turns a stored article into what the view shows.

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader), so importing
this face costs nothing until a name is used: start-up never pays for parsers it has not needed.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
