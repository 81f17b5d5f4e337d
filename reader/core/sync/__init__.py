"""Sync with feed-reader servers that speak the Google Reader API (FreshRSS, Miniflux,
Inoreader, The Old Reader, BazQux, CommaFeed): accounts, subscriptions, read/starred
marks and collections, both ways.

``protocol`` is the client (HTTP only through :class:`reader.core.net.Fetcher`),
``ids`` the three item-id forms, ``discover`` finds the API from a home page,
``secrets`` keeps the login token, ``service`` combines them with the library's store
(``store/syncstate.py``, ``0003_sync.sql``).

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
