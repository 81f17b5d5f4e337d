"""Where the library lives: --data-dir beats $KABAR_DATA_DIR beats the platform default."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.paths import ENV_DATA_DIR, default_data_dir, resolve_data_dir


def test_explicit_directory_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "cli").root == tmp_path / "cli"


def test_environment_is_used_without_an_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    paths = resolve_data_dir(None)
    assert paths.root == tmp_path / "env"
    assert paths.library.parent == paths.root


def test_platform_default_is_a_kabar_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    assert resolve_data_dir(None).root == default_data_dir()
    assert default_data_dir().name == "Kabar"
