"""Every ``kabar`` command is a fresh process, so what it imports is most of what it costs.

Commands that only read the library answer without loading the HTTP, HTML, feed, sync,
import/export or GUI libraries (each of which takes longer to import than such a command
takes to answer); and only the parsers of the subcommand asked for are built.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import build_parser, modules_needed
from reader.commands import COMMANDS, MODULES, command_modules
from tests.core.libkit import article, open_library

#: Packages that serve fetching, extraction, feeds, sync, import/export or the window (and
#: platformdirs, needed only without --data-dir or $KABAR_DATA_DIR).
HEAVY = {"requests", "urllib3", "ssl", "lxml", "readability", "feedparser", "listparser", "nh3",
         "charset_normalizer", "chardet", "dateparser", "htmldate", "trafilatura", "keyring",
         "yaml", "ijson", "markdownify", "bs4", "PySide6", "shiboken6", "platformdirs"}  # fmt: skip
URL = "https://nusa.example/berita/1"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("startup") / "data"
    library = open_library(root)
    try:
        for n in range(1, 4):
            library.store_article(article(n), collections=["Arsip"] if n == 1 else ())
    finally:
        library.close()
    return root


def imported_by(data_dir: Path, *args: str) -> set[str]:
    """The top-level packages a real ``kabar`` run imported (``-X importtime`` lists them)."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip(), "the command printed nothing"
    return {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and "self [us]" not in line
    }


@pytest.mark.parametrize(
    "args",
    [
        ("headlines",),
        ("collections",),
        ("collections", "Arsip"),
        ("search", "beras"),
        ("sources",),
        ("cache", "stats"),
        ("--offline", "read", URL),
        ("--offline", "save", URL, "--to", "Lain"),
    ],
    ids=" ".join,
)
def test_library_commands_load_none_of_the_heavy_libraries(
    data_dir: Path, args: tuple[str, ...]
) -> None:
    loaded = imported_by(data_dir, *args)
    assert "sqlite3" in loaded  # it did open the library
    assert loaded & HEAVY == set()


def test_version_loads_no_command_and_no_core(data_dir: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reader", "--version"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and "self [us]" not in line
    }
    assert run.stdout.startswith("Kabar ")
    assert not {m for m in modules if m.startswith(("reader.core", "reader.commands."))}


def test_the_command_table_names_exactly_what_each_module_registers() -> None:
    registered = {}
    for module in command_modules():
        subparsers = argparse.ArgumentParser().add_subparsers()
        module.register(subparsers, argparse.ArgumentParser(add_help=False))
        registered.update(dict.fromkeys(subparsers.choices, module.__name__.rsplit(".", 1)[1]))
    assert registered == COMMANDS
    assert set(COMMANDS.values()) == set(MODULES)


@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        (["search", "banjir"], ("library",)),
        (["--data-dir", "/tmp/x", "-v", "headlines", "--json"], ("sources",)),
        (["--data", "headlines", "import"], ("transfer",)),  # --data: --data-dir abbreviated
        (["--data-dir=import", "sync"], ("sync",)),
        (["--offline", "read", "https://x.example/"], ("read",)),
        (["--version"], ()),
        ([], ()),
        (["--help"], MODULES),
        (["-h", "search"], MODULES),
        (["serch", "banjir"], MODULES),  # a typo: the full parser names every command
        (["--", "search"], MODULES),
    ],
)
def test_only_the_parsers_a_command_line_needs_are_built(
    argv: list[str], needed: tuple[str, ...]
) -> None:
    assert modules_needed(argv) == needed
    if argv and argv[0] not in ("--help", "-h"):  # the same answer as the full parser
        try:
            full = vars(build_parser().parse_args(argv))
        except SystemExit:
            return
        assert vars(build_parser(needed).parse_args(argv)) == full
