"""The set of long-lived core objects one Kabar process uses, built lazily.

:mod:`reader.app` (the composition root) creates exactly one ``Services`` per
process and hands it to the CLI handlers or the window. Nothing here is
global: tests build their own with a temporary data directory.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from reader.core.paths import DataPaths

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Owns the core objects and closes them in the right order."""

    paths: DataPaths
    offline: bool = False
    _closers: list[Any] = field(default_factory=list, repr=False)

    def close(self) -> None:
        """Release everything (library last, so pending writes land first)."""
        while self._closers:
            closer = self._closers.pop()
            try:
                closer()
            except Exception:  # closing must never hide the real outcome
                log.exception("error while closing %r", closer)
