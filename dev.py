#!/usr/bin/env python3
"""Set up everything Kabar needs on this machine, then run it or test it.

    python3 dev.py run  [kabar arguments...]   # install what is missing, start Kabar
    python3 dev.py test [pytest arguments...]  # install what is missing, run every check

Needs only python3 (standard library). It installs the system libraries Qt
needs on Debian/Ubuntu when it may (root or password-less sudo), otherwise it
prints the one command that would; creates ``.venv`` beside this file; installs
the Python packages pinned by ``packaging/constraints.txt``. A second run only
checks stamps, so it is fast and changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"

# Debian/Ubuntu packages Qt needs, from ../shared/docs/qt-environment.md.
APT_QT_OFFSCREEN = [
    "libegl1", "libgl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libfreetype6",
    "libglib2.0-0", "libxkbcommon0", "fonts-dejavu-core",
]  # fmt: skip
APT_QT_WINDOW = [
    "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-glx0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render0", "libxcb-render-util0", "libxcb-shape0",
    "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1",
    "libxkbcommon-x11-0", "fonts-wqy-microhei",
]  # fmt: skip
# epubcheck validates the EPUB exports (tests skip with one line where it is absent).
APT_TEST_TOOLS = ["desktop-file-utils", "appstream", "xvfb", "xauth", "epubcheck"]
# PHP for the real FreshRSS the sync tests run (../shared/servers/start-freshrss.sh).
APT_SYNC_SERVER = [
    "php-cli", "php-sqlite3", "php-curl", "php-xml", "php-mbstring", "php-intl", "php-zip",
]  # fmt: skip

MODES = {
    "run": (APT_QT_OFFSCREEN + APT_QT_WINDOW, ""),
    "test": (APT_QT_OFFSCREEN + APT_TEST_TOOLS + APT_SYNC_SERVER, "test"),
}


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


# ------------------------------------------------------------------ system packages


def missing_debian_packages(packages: Sequence[str]) -> list[str]:
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return []
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *packages],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    installed = {line.split()[0] for line in out.splitlines() if line.endswith(" installed")}
    return [p for p in packages if p not in installed]


def ensure_system_packages(packages: list[str]) -> None:
    """Install missing Debian packages if we may; otherwise say how."""
    if not ensurepip_available():
        packages = [*packages, "python3-venv"]
    missing = missing_debian_packages(packages)
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if (
            shutil.which("sudo")
            and subprocess.run(["sudo", "-n", "true"], check=False).returncode == 0
        ):
            prefix = ["sudo", "-n"]
        else:
            say("Qt (and the sync tests' PHP) need these system packages; install them with:")
            print(f"    sudo apt-get install -y --no-install-recommends {' '.join(missing)}")
            return
    say(f"installing system packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    apt = [*prefix, "apt-get"]
    update = subprocess.run([*apt, "update", "-qq"], env=env, check=False)
    install = subprocess.run(
        [*apt, "install", "-y", "-qq", "--no-install-recommends", *missing], env=env, check=False
    )
    if update.returncode or install.returncode:
        say("could not install every system package; continuing (Qt may fail to start)")


def ensurepip_available() -> bool:
    try:
        import ensurepip  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


# ------------------------------------------------------------------ python environment


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def install_stamp(extra: str) -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", CONSTRAINTS):
        digest.update(path.read_bytes() if path.exists() else b"")
    digest.update(f"{sys.version_info[:2]} {extra}".encode())
    return digest.hexdigest()


def ensure_venv(extra: str) -> Path:
    python = venv_python()
    if not python.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp_file = VENV / f".kabar-installed-{extra or 'app'}"
    stamp = install_stamp(extra)
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return python
    say("installing Python packages (first run, or dependencies changed)")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    target = f".[{extra}]" if extra else "."
    constraints = ["-c", str(CONSTRAINTS)] if CONSTRAINTS.exists() else []
    subprocess.run([*pip, "install", *constraints, "-e", target], check=True, cwd=ROOT)
    stamp_file.write_text(stamp)
    return python


# ------------------------------------------------------------------ commands


def run_app(python: Path, args: list[str]) -> int:
    command = [str(python), "-m", "reader", *args]
    if os.name == "posix":  # become Kabar, so signals and the exit status are its own
        os.execv(command[0], command)
    return subprocess.call(command)


def run_checks(python: Path, pytest_args: list[str]) -> int:
    bin_dir = python.parent
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    steps: list[tuple[str, list[str]]] = [
        ("ruff lint", [str(bin_dir / "ruff"), "check", "."]),
        ("ruff format", [str(bin_dir / "ruff"), "format", "--check", "."]),
        ("mypy", [str(python), "-m", "mypy"]),
        ("import rules", [str(bin_dir / "lint-imports")]),
        ("pytest", [str(python), "-m", "pytest", *pytest_args]),
    ]
    failed = []
    for name, command in steps:
        say(f"--- {name}")
        if subprocess.call(command, cwd=ROOT, env=env) != 0:
            failed.append(name)
    if failed:
        say(f"FAILED: {', '.join(failed)}")
        return 1
    say("all checks passed")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in MODES:
        print(__doc__)
        return 2
    mode, rest = argv[0], argv[1:]
    packages, extra = MODES[mode]
    if sys.platform.startswith("linux"):
        ensure_system_packages(packages)
    python = ensure_venv(extra)
    if mode == "run":
        return run_app(python, rest)
    return run_checks(python, rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
