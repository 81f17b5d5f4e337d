"""Fixtures of the sync tests: one real FreshRSS per session, a fresh user per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.freshrss import FreshRSS, php_available


@pytest.fixture(scope="session")
def freshrss(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[FreshRSS]:
    if not php_available():
        pytest.skip(
            "PHP is not installed: the FreshRSS sync tests need php-cli php-sqlite3 php-curl "
            "php-xml php-mbstring php-intl php-zip (python3 dev.py test installs them as root)"
        )
    server = FreshRSS.start(tmp_path_factory.mktemp("freshrss"))
    # One user per test that asks for an account, created together up front.
    wanted = sum("account" in getattr(item, "fixturenames", ()) for item in request.session.items)
    server.prepare_users(wanted)
    yield server
    server.stop()


@pytest.fixture
def account(freshrss: FreshRSS) -> tuple[str, str]:
    """A new FreshRSS user for this test: (name, password)."""
    return freshrss.new_user()


@pytest.fixture
def kabar_dir(data_dir: Path) -> Path:
    return data_dir
