"""The layering rules hold: the core is Qt-free, the UI uses core services only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
UI_FORBIDDEN = {"requests", "urllib3", "readability", "feedparser", "listparser", "sqlite3",
                "platformdirs", "lxml", "nh3"}  # fmt: skip


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in (PACKAGE / "core").rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the core pulled in Qt: {out.stdout}"


def test_headless_commands_do_not_load_qt() -> None:
    code = (
        "import sys\nfrom reader.cli import build_parser\nbuild_parser()\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_core_sources_never_name_qt() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "shiboken6"}
        )
        for path in (PACKAGE / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_ui_never_imports_the_libraries_behind_the_core() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(path) if m.split(".")[0] in UI_FORBIDDEN
        )
        for path in (PACKAGE / "ui").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


THREAD_STARTERS = {"Thread", "ThreadPoolExecutor", "ProcessPoolExecutor", "QThread",
                   "QThreadPool", "start_new_thread", "run"}  # fmt: skip


def starts_threads(path: Path) -> bool:
    """Does the module construct a thread, a pool, or call QtConcurrent.run?"""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(getattr(func, "value", None), "id", "")
            if name in THREAD_STARTERS - {"run"} or (name == "run" and owner == "QtConcurrent"):
                return True
    return False


def test_only_the_workers_module_starts_threads() -> None:
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if starts_threads(path)
    )
    assert users == ["ui/workers.py"]


CORE_PARTS = ("net", "page", "feeds", "store", "sync")


def test_the_core_top_level_is_shared_ground_and_services_beside_four_parts() -> None:
    modules = sorted(p.stem for p in (PACKAGE / "core").glob("*.py") if p.stem != "__init__")
    packages = sorted(p.name for p in (PACKAGE / "core").iterdir() if (p / "__init__.py").exists())
    assert set(CORE_PARTS) <= set(packages)
    assert len(modules) <= 12, modules


def test_other_code_imports_a_core_part_through_its_face() -> None:
    """``from reader.core.page import extract``, never ``reader.core.page.extraction``, outside
    the part itself and its own tests (which may test its internals)."""
    root = PACKAGE.parent
    files = [
        *PACKAGE.rglob("*.py"),
        *(root / "tests").rglob("*.py"),
        *(root / "benchmarks").rglob("*.py"),
    ]
    offenders = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[:2] != ["reader", "core"] or len(parts) < 4 or parts[2] not in CORE_PARTS:
                continue
            if rel.startswith((f"reader/core/{parts[2]}/", f"tests/core/{parts[2]}/")):
                continue
            offenders.append(f"{rel}: {module}")
    assert offenders == []
