"""Rules: the reader's "mute" and highlight, applied to what arrives.

A :class:`~reader.core.models.Rule` looks at each item arriving from one source or
from every source, at its title or at its title and text, for any of some words (or
a pattern), and hides it, marks it read, or highlights it. ``match`` compiles rules
(diacritics and case folded; patterns run with a time limit), ``book`` keeps them in
the library (``store/rules.py``, ``0011_rules.sql``) and applies them.

**The one entry point for arrivals** is :func:`apply_rules`: every path that brings
items in calls it once, inside the write transaction that stores them —
``refresh`` for feed items (title and summary) and again for each full article it
stores (title and text); ``sync`` for the items a server hands over. It records what
each rule caught (``rule_hits``) and marks read what a "mark read" rule caught.
:func:`feed_arrivals` turns merged feed entries into its input.

Public names are listed in ``__init__.pyi`` and loaded on first use (lazy_loader).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
