"""Shared test set-up: Qt runs offscreen, and every test gets its own data dir."""

from __future__ import annotations

import os

# Before pytest-qt creates the QApplication (it does so lazily on first use).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from pathlib import Path

import pytest
from hypothesis import settings

from tests.web.fixtures import web  # noqa: F401

# CI explores the same examples every run (a red CI run must be reproducible);
# on a developer's machine Hypothesis keeps looking for new ones.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh Kabar data directory, also exported as ``KABAR_DATA_DIR``."""
    path = tmp_path / "kabar-data"
    monkeypatch.setenv("KABAR_DATA_DIR", str(path))
    return path
