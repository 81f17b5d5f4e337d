"""Run ``epubcheck`` (Debian package ``epubcheck``) when it is installed; tests skip otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def epubcheck_command() -> list[str] | None:
    found = shutil.which("epubcheck")
    if found is None:
        return None
    real = os.path.realpath(found)
    if real.endswith(".jar"):  # Debian installs the jar itself as /usr/bin/epubcheck
        java = shutil.which("java")
        return [java, "-jar", real] if java else None
    return [real]


def require_epubcheck() -> list[str]:
    command = epubcheck_command()
    if command is None:
        pytest.skip("epubcheck is not installed (Debian package epubcheck)")
    return command


def epubcheck(book: Path) -> tuple[int, str]:
    """(errors + fatals, the report) for one book."""
    result = subprocess.run(
        [*require_epubcheck(), str(book)], capture_output=True, text=True, timeout=300, check=False
    )
    report = result.stdout + result.stderr
    errors = sum(1 for line in report.splitlines() if line.startswith(("ERROR", "FATAL")))
    return (errors if errors or result.returncode == 0 else 1), report
