"""pytest fixture ``web``: one started TestWeb shared by the whole session.

Tests that override routes with ``web.serve`` should ``web.unserve`` them (or
use unique paths) because the instance is shared.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.server import TestWeb


@pytest.fixture(scope="session")
def web() -> Iterator[TestWeb]:
    """The fictional news web on 127.0.0.1 (ephemeral ports), stopped at the end."""
    with TestWeb() as started:
        yield started
        assert not started.errors, "test web internal errors:\n" + "\n".join(started.errors)
