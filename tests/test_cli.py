"""The ``kabar`` command: version, help and global options, run as a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import reader
from reader.cli import parse_args


def kabar(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_version_is_printed_and_exits_zero() -> None:
    result = kabar("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Kabar {reader.__version__}"


def test_help_lists_the_global_options() -> None:
    result = kabar("--help")
    assert result.returncode == 0
    for option in ("--data-dir", "--offline", "--version", "--verbose"):
        assert option in result.stdout


def test_window_without_a_display_explains_instead_of_crashing(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KABAR_DATA_DIR": str(tmp_path)}
    result = kabar(env=env)
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_dir_option_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen, from_env = tmp_path / "x", tmp_path / "y"
    monkeypatch.setenv("KABAR_DATA_DIR", str(from_env))
    args = parse_args(["--data-dir", str(chosen)])
    assert args.data_dir == str(chosen)
    assert args.offline is False and args.verbose == 0
    # A real command opens the library where --data-dir says, not where the environment does.
    result = kabar("--data-dir", str(chosen), "--offline", "collections", "--json")
    assert result.returncode == 0, result.stderr
    assert (chosen / "library.sqlite3").is_file()
    assert not (from_env / "library.sqlite3").exists()
