"""Fixtures shared by the core tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.paths import DataPaths
from reader.core.sources import SourceList


@pytest.fixture
def sources(tmp_path: Path) -> Iterator[SourceList]:
    """The source list of a fresh library on ``tmp_path`` (no fetcher: no network)."""
    library = Library.open(DataPaths(tmp_path), check=False)
    try:
        yield SourceList(library)
    finally:
        library.close()
