"""Keep Kabar's translations in step with the UI: extract strings, build ``.qm`` files.

Every string the window shows goes through ``self.tr(...)``,
``QCoreApplication.translate("context", ...)`` or, for strings Qt itself shows
(standard buttons, edit menus), ``QT_TRANSLATE_NOOP`` in ``reader/ui/i18n.py``.
The sources of the translations are Qt Linguist ``.ts`` files in
``resources/translations/`` (``kabar_<lang>.ts``); the app loads the compiled
``kabar_<lang>.qm`` beside them, so both are committed (the wheel and the
frozen build ship the ``.qm``).

The workflow, from the repository root::

    # 1. After changing UI strings: pull them into every kabar_*.ts. Existing
    #    translations are kept; strings no longer in the code are dropped.
    .venv/bin/python packaging/translations.py update

    # 2. Translate what is new or changed (type="unfinished") in Qt Linguist
    #    or any text editor. Keep {0}-style placeholders, %n and HTML tags, and
    #    give each menu's & accelerators distinct letters.
    .venv/bin/pyside6-linguist resources/translations/kabar_id.ts

    # 3. Build the .qm files next to the .ts files (unfinished entries are
    #    left out, so the UI falls back to English for them).
    .venv/bin/python packaging/translations.py release

    # 4. Commit the .ts and the .qm together.

``tests/ui/test_i18n.py`` fails when a ``.ts`` has unfinished entries, when a
translation's placeholders or tags differ from its source, when a string in the
code is missing from the ``.ts``, or when a committed ``.qm`` is not what
``release`` builds from its ``.ts``.

To start a new language, e.g. Javanese: ``packaging/translations.py update
--add jv`` creates ``kabar_jv.ts``; ``reader/ui/i18n.py`` picks the ``.qm`` up
from the user's locale (or ``KABAR_LANGUAGE=jv``) with no code change.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "reader" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
PREFIX = "kabar_"


def tool(name: str) -> str:
    """A Qt Linguist tool from this interpreter's environment (the PySide6 wrappers)."""
    scripts = Path(sys.executable).parent
    found = shutil.which(f"pyside6-{name}", path=str(scripts)) or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6 in {scripts.parent}")
    return found


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob(f"{PREFIX}*.ts"))


def update(add: list[str] | None = None) -> int:
    """Run lupdate over ``reader/ui`` into every ``kabar_*.ts`` (plus new languages)."""
    targets = ts_files()
    for language in add or []:
        path = TRANSLATIONS / f"{PREFIX}{language}.ts"
        if path not in targets:
            targets.append(path)
    if not targets:
        print(f"no {PREFIX}*.ts in {TRANSLATIONS}; start one with --add LANG", file=sys.stderr)
        return 1
    command = [
        tool("lupdate"),
        "-extensions",
        "py",
        "-no-obsolete",
        "-locations",
        "absolute",
        str(SOURCES.relative_to(ROOT)),
        "-ts",
        *(str(path.relative_to(ROOT)) for path in targets),
    ]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def release(out: Path | None = None) -> int:
    """Run lrelease on every ``kabar_*.ts``; the ``.qm`` goes beside it (or into ``out``)."""
    status = 0
    for ts in ts_files():
        qm = (out or ts.parent) / ts.with_suffix(".qm").name
        qm.parent.mkdir(parents=True, exist_ok=True)
        command = [tool("lrelease"), "-nounfinished", str(ts), "-qm", str(qm)]
        status = status or subprocess.run(command, cwd=ROOT, check=False).returncode
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Update Kabar's .ts files from the UI code, or build the .qm files."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    update_cmd = commands.add_parser("update", help="extract UI strings into every kabar_*.ts")
    update_cmd.add_argument(
        "--add", metavar="LANG", action="append", help="also create kabar_LANG.ts (repeatable)"
    )
    release_cmd = commands.add_parser("release", help="build kabar_*.qm from kabar_*.ts")
    release_cmd.add_argument(
        "--out", type=Path, help="write the .qm files here instead of beside the .ts files"
    )
    args = parser.parse_args(argv)
    if args.command == "update":
        return update(args.add)
    return release(args.out)


if __name__ == "__main__":
    sys.exit(main())
