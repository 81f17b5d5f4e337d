"""The SQLite library and its picture files: connections, migrations, repair, typed queries.

No threads and no network here. :class:`Store` owns the file (open, migrate, repair, back up,
transactions); the query modules (``articles``, ``cache``, ``collections``, ``sources``) are plain
functions taking the connection to run on; ``images`` keeps pictures as content-addressed files.

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
