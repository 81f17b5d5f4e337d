"""One feed or list of sources -> parsed items: RSS, Atom, JSON Feed, sitemaps, OPML, discovery.

Every XML byte passes `xmlguard` first; item HTML is cleaned by the page sanitiser.

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader), so importing
this face costs nothing until a name is used: start-up never pays for parsers it has not needed.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
