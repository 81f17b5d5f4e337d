"""The SQLite layer of the offline library: connections, migrations, typed queries.

No threads and no network here. :class:`Store` owns the file (open, migrate,
repair, back up, transactions); the sibling modules hold the queries, each a
plain function taking the connection to run on.
"""

from __future__ import annotations

from reader.core.store.store import Store

__all__ = ["Store"]
