"""Same story, many outlets: grouping articles into stories as they arrive.

An online, single-pass grouping (TDT-style "first story detection"): each arriving article
joins the most similar recent story or starts a new one, and nothing already grouped is ever
regrouped. ``text`` turns an article into weighted terms; ``index`` keeps the idf statistics,
the stories' centroids and a term index in SQLite (the library's tables, or an in-memory copy
for :func:`group_stories`) and makes the one decision per arrival.

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
