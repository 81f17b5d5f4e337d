#!/usr/bin/env python3
"""Build Kabar for installation and prove each build works, as a user would get it.

    .venv/bin/python packaging/build.py              # wheel + standalone build, both checked
    .venv/bin/python packaging/build.py --no-freeze  # only the wheel checks (about a minute)
    .venv/bin/python packaging/build.py --keep       # keep the temporary venv and data dirs

Why a script and not tests: each step takes from tens of seconds to minutes,
which is too slow for ``dev.py test``. What it checks:

1. **The wheel.** ``pip wheel`` builds it; it is installed with its
   dependencies into a fresh virtual environment in a temporary directory
   *outside the checkout*, and run from there: ``kabar --version``; every file
   of ``resources/`` read back through ``reader.core.resources`` (so through
   ``importlib.resources``, from site-packages, byte for byte); ``kabar read``
   against an article page served by a local ``http.server``; and the window,
   started under Xvfb.
2. **The standalone build.** PyInstaller builds ``dist/kabar/`` from
   ``packaging/kabar.spec``; its ``kabar --version`` and ``kabar read`` are run
   the same way, and its window starts under Xvfb with a temporary
   ``KABAR_DATA_DIR``, is shown (waiting for the
   "Kabar window shown" log line, then for the screen to be painted), must
   offer the desktop its icon (``_NET_WM_ICON``, read with ``xprop``), is
   photographed (``build/smoke/*.png``), then SIGTERM must quit it with status 0
   and its window state saved. The wheel's window gets the same check.

It ends with a summary of sizes and timings and exits non-zero if any check
failed. Needs ``xvfb-run`` (Debian: ``xvfb xauth``) for the window checks,
ImageMagick's ``import`` for the screenshots and ``xprop`` (``x11-utils``) for
the icon check; the last two are skipped when missing.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import venv
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kabar.spec"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
DIST = ROOT / "dist"
WORK = ROOT / "build"
SHOTS = WORK / "smoke"
sys.path.insert(0, str(ROOT))

from reader import __version__  # noqa: E402

WINDOW_SHOWN = "Kabar window shown"
SCREEN = "1280x800x24"

# A small news article with the clutter Kabar removes (navigation, share bar,
# teaser, footer) and a related-links list.
ARTICLE_TITLE = "Festival Layang-Layang Pantai Parangkusumo Dipadati Pengunjung"
ARTICLE_MARKER = "seratus dua puluh layang-layang"
ARTICLE = f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{ARTICLE_TITLE} - Warta Contoh</title>
<meta property="og:title" content="{ARTICLE_TITLE}">
<meta name="author" content="Rini Astuti">
</head><body>
<nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/daerah">Daerah</a></nav>
<div class="share">Bagikan: Facebook Twitter WhatsApp</div>
<article>
<h1>{ARTICLE_TITLE}</h1>
<p class="byline">Oleh Rini Astuti — Minggu, 27 November 2026</p>
<p>BANTUL — Sedikitnya {ARTICLE_MARKER} dari berbagai daerah mengudara di atas Pantai
Parangkusumo pada Minggu pagi, ketika festival tahunan itu kembali digelar setelah dua tahun
absen. Panitia memperkirakan lebih dari lima ribu pengunjung datang sejak matahari terbit.</p>
<p>Ketua panitia, Bambang Wicaksono, mengatakan angin laut yang stabil membuat hampir semua
peserta bisa menerbangkan layang-layang mereka tanpa kesulitan. "Tahun ini pesertanya datang
dari Jawa Tengah, Jawa Timur, bahkan Bali," ujarnya kepada wartawan di lokasi acara.</p>
<p class="baca-juga">Baca juga: Harga Cabai di Pasar Beringharjo Turun Menjelang Akhir Tahun</p>
<p>Layang-layang terbesar berbentuk naga sepanjang dua puluh meter, buatan kelompok pemuda dari
Kulon Progo. Mereka membutuhkan waktu tiga bulan untuk merangkai bambu dan kain parasutnya,
dan enam orang untuk menahan talinya ketika angin bertiup kencang.</p>
<p>Pedagang di sekitar pantai ikut merasakan ramainya festival. Warung makan dan penjual
minuman mengaku omzet mereka naik hingga tiga kali lipat dibanding akhir pekan biasa, sementara
lahan parkir di sepanjang jalan menuju pantai penuh sebelum pukul delapan pagi.</p>
<p>Pemerintah kabupaten berencana menjadikan festival ini agenda wisata tetap dan menambah
kategori lomba untuk pelajar pada tahun depan, agar tradisi membuat layang-layang tidak hilang
di kalangan anak muda.</p>
</article>
<aside class="related"><h2>Berita Terkait</h2><ul>
<li><a href="/daerah/pantai-selatan-ramai">Pantai Selatan Ramai saat Libur Panjang</a></li>
<li><a href="/daerah/perajin-layang-layang">Perajin Layang-Layang Kebanjiran Pesanan</a></li>
</ul></aside>
<footer>© 2026 Warta Contoh. Hak cipta dilindungi.</footer>
</body></html>
"""


# ------------------------------------------------------------------ reporting


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def ok(self, what: str) -> None:
        self.lines.append(f"  ok    {what}")
        say(f"ok: {what}")

    def fail(self, what: str) -> None:
        self.lines.append(f"  FAIL  {what}")
        self.failed.append(what)
        say(f"FAILED: {what}")

    def skip(self, what: str) -> None:
        self.lines.append(f"  skip  {what}")
        self.skipped.append(what)
        say(f"skipped: {what}")

    def check(self, condition: bool, what: str, detail: str = "") -> bool:
        if condition:
            self.ok(what)
        else:
            self.fail(f"{what}{': ' + detail if detail else ''}")
        return condition


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def megabytes(path: Path) -> str:
    if path.is_file():
        total = path.stat().st_size
    else:
        total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return f"{total / 1e6:.1f} MB"


@contextlib.contextmanager
def timed(report: Report, what: str) -> Iterator[None]:
    start = time.monotonic()
    yield
    report.lines.append(f"  time  {what}: {time.monotonic() - start:.1f} s")


def run(
    command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=1800
    )


def clean_env(**extra: str) -> dict[str, str]:
    """The environment a user's shell would have: nothing pointing at this checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


# ------------------------------------------------------------------ a local article server


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free local port; yields the base URL."""
    (directory / "berita").mkdir(parents=True, exist_ok=True)
    (directory / "berita" / "festival-layang-layang.html").write_text(ARTICLE, encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# ------------------------------------------------------------------ the wheel


def build_wheel(report: Report, out: Path) -> Path | None:
    say("building the wheel")
    with timed(report, "wheel build"):
        result = run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)]
        )
    wheels = sorted(out.glob("kabar-*.whl"))
    if result.returncode or not wheels:
        report.fail(f"pip wheel failed:\n{result.stderr}")
        return None
    report.ok(f"wheel built: {wheels[0].name} ({megabytes(wheels[0])})")
    return wheels[0]


def install_wheel(report: Report, wheel: Path, target: Path) -> Path | None:
    say(f"installing it into a fresh virtual environment in {target}")
    with timed(report, "fresh venv + pip install of the wheel and its dependencies"):
        venv.EnvBuilder(with_pip=True, clear=True).create(target)
        python = target / "bin" / "python"
        constraints = ["-c", str(CONSTRAINTS)] if CONSTRAINTS.exists() else []
        result = run(
            [str(python), "-m", "pip", "install", "-q", *constraints, str(wheel)],
            cwd=target,
            env=clean_env(),
        )
    if result.returncode:
        report.fail(f"pip install of the wheel failed:\n{result.stderr}")
        return None
    report.ok(f"wheel installed with its dependencies (venv {megabytes(target)})")
    return target / "bin"


RESOURCE_PROBE = """
import hashlib, json, sys, reader
from reader.core import resources
root = resources.resource_root()
files = json.loads(sys.argv[1])
digests = {name: hashlib.sha256(resources.read_bytes(*name.split("/"))).hexdigest()
           for name in files}
print(json.dumps({"package": reader.__file__, "root": str(root), "digests": digests}))
"""


def check_installed_resources(report: Report, bin_dir: Path, cwd: Path) -> None:
    import json  # noqa: PLC0415

    resources = ROOT / "resources"
    files = sorted(
        p.relative_to(resources).as_posix()
        for p in resources.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    result = run(
        [str(bin_dir / "python"), "-c", RESOURCE_PROBE, json.dumps(files)], cwd=cwd, env=clean_env()
    )
    if result.returncode:
        report.fail(f"reading resources from the installed wheel failed:\n{result.stderr}")
        return
    found = json.loads(result.stdout)
    venv_dir = str(bin_dir.parent)
    report.check(
        found["package"].startswith(venv_dir) and not found["package"].startswith(str(ROOT)),
        "the installed package is imported from the fresh venv, not the checkout",
        found["package"],
    )
    report.check(
        found["root"].startswith(venv_dir) and "site-packages" in found["root"],
        "resources are found inside the installed package",
        found["root"],
    )
    expected = {name: hashlib.sha256((resources / name).read_bytes()).hexdigest() for name in files}
    wrong = [name for name in files if found["digests"].get(name) != expected[name]]
    report.check(
        not wrong,
        f"all {len(files)} resource files read back through importlib.resources",
        f"differ: {wrong}",
    )


def check_cli(report: Report, label: str, kabar: Path, cwd: Path, url: str) -> None:
    data_dir = cwd / f"data-cli-{label}"
    result = run([str(kabar), "--version"], cwd=cwd, env=clean_env())
    report.check(
        result.returncode == 0 and result.stdout.strip() == f"Kabar {__version__}",
        f"{label}: kabar --version prints 'Kabar {__version__}'",
        f"status {result.returncode}: {result.stdout.strip()} {result.stderr.strip()}",
    )
    article = f"{url}/berita/festival-layang-layang.html"
    start = time.monotonic()
    result = run(
        [str(kabar), "--data-dir", str(data_dir), "read", article],
        cwd=cwd,
        env=clean_env(KABAR_DATA_DIR=str(data_dir)),
    )
    took = time.monotonic() - start
    text = result.stdout
    report.check(
        result.returncode == 0
        and ARTICLE_MARKER in text
        and "Bagikan: Facebook" not in text
        and "Hak cipta dilindungi" not in text,
        f"{label}: kabar read <local article> prints the clean article ({took:.1f} s)",
        f"status {result.returncode}\nstdout: {text[:800]}\nstderr: {result.stderr[-800:]}",
    )


# ------------------------------------------------------------------ the window under Xvfb


def _painted(shot: Path) -> bool:
    """True once the screenshot shows more than a blank screen."""
    result = run(["/usr/bin/convert", str(shot), "-format", "%k", "info:"])
    return result.returncode == 0 and result.stdout.strip().isdigit() and int(result.stdout) > 64


def window_icon_sizes() -> list[str] | None:
    """Icon sizes the Kabar top-level window offers the desktop; None if xprop is missing."""
    xwininfo, xprop = shutil.which("xwininfo"), shutil.which("xprop")
    if not xwininfo or not xprop:
        return None
    tree = run([xwininfo, "-root", "-children"]).stdout
    for window in re.findall(r"^\s+(0x[0-9a-f]+)", tree, flags=re.MULTILINE):
        props = run([xprop, "-id", window, "WM_CLASS", "_NET_WM_ICON"]).stdout
        if '"Kabar"' in props.split("\n", 1)[0]:
            sizes = re.findall(r"Icon \((\d+ x \d+)\)", props)
            if sizes:
                return [size.replace(" ", "") for size in sizes]
    return []


def smoke_inner(command: list[str], data_dir: Path, shot: Path, log_path: Path) -> int:
    """Runs inside xvfb-run: start Kabar, wait for its window, photograph it, SIGTERM it.

    Exit status: Kabar's own if it was shown and photographed, else 90-93 (see below).
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "KABAR_DATA_DIR": str(data_dir)}
    env.pop("PYTHONPATH", None)
    start = time.monotonic()
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [*command, "-v"], stdout=log, stderr=subprocess.STDOUT, env=env, cwd=data_dir.parent
        )
    try:
        deadline = start + 60
        while WINDOW_SHOWN not in log_path.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                print(f"smoke: the window was never shown (status {proc.poll()})")
                return 90
            time.sleep(0.05)
        shown = time.monotonic() - start
        import_tool = shutil.which("import")
        if import_tool:
            painted = False
            while time.monotonic() < deadline and not painted:
                time.sleep(0.3)
                run([import_tool, "-window", "root", str(shot)])
                painted = shot.exists() and _painted(shot)
            if not painted:
                print("smoke: the screen stayed blank")
                return 91
        print(f"smoke: window shown after {shown:.2f} s")
        icons = window_icon_sizes()
        if icons is not None:
            if not icons:
                print("smoke: the Kabar window has no icon (_NET_WM_ICON)")
                return 94
            print(f"smoke: window icon {', '.join(icons)}")
        if proc.poll() is not None:
            print(f"smoke: Kabar exited on its own with status {proc.returncode}")
            return 92
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        status = proc.wait(timeout=15)
        print(f"smoke: SIGTERM -> exit status {status} after {time.monotonic() - sent:.2f} s")
        return status
    except subprocess.TimeoutExpired:
        print("smoke: Kabar did not quit within 15 s of SIGTERM")
        return 93
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def smoke_window(report: Report, label: str, command: list[str], scratch: Path) -> None:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        report.fail(f"{label}: window not checked, no xvfb-run (apt-get install xvfb xauth)")
        return
    if shutil.which("import") is None:
        say("ImageMagick's import is missing: no screenshot (apt-get install imagemagick)")
    data_dir = scratch / f"data-{label}"
    data_dir.mkdir(parents=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{label}.png"
    shot.unlink(missing_ok=True)
    log_path = scratch / f"{label}.log"
    inner = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--smoke-inner",
        str(data_dir),
        str(shot),
        str(log_path),
        "--",
        *command,
    ]
    say(f"{label}: starting the window under Xvfb")
    result = run([xvfb_run, "-a", "-s", f"-screen 0 {SCREEN}", *inner], cwd=scratch)
    summary = result.stdout.strip().replace("\n", "; ")
    log_text = log_path.read_text(errors="replace") if log_path.exists() else ""
    if not report.check(
        result.returncode == 0,
        f"{label}: window shown, then SIGTERM quit it with status 0 ({summary})",
        f"status {result.returncode}\n{result.stderr[-1500:]}\nKabar's log:\n{log_text[-3000:]}",
    ):
        return
    report.check((data_dir / "window.ini").exists(), f"{label}: window state saved on the way out")
    if shot.exists():
        report.ok(f"{label}: screenshot {shot}")
    warnings = [line for line in log_text.splitlines() if "Traceback" in line or "ERROR" in line]
    report.check(not warnings, f"{label}: no errors in Kabar's log", "\n".join(warnings))


# ------------------------------------------------------------------ the standalone build


def ensure_pyinstaller(report: Report) -> bool:
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)):
        return True
    # The version pinned in constraints.txt (pip install -e '.[build]' does the same).
    constraints = ["-c", str(CONSTRAINTS)] if CONSTRAINTS.exists() else []
    say(f"installing PyInstaller into {Path(sys.executable).parent.parent}")
    result = run([sys.executable, "-m", "pip", "install", "-q", *constraints, "pyinstaller"])
    if result.returncode:
        report.fail(f"cannot install PyInstaller:\n{result.stderr}")
        return False
    return True


def freeze(report: Report) -> Path | None:
    if not ensure_pyinstaller(report):
        return None
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    say("building the standalone app with PyInstaller (takes a few minutes)")
    start = time.monotonic()
    result = run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK / "pyinstaller"),
            str(SPEC),
        ],
        cwd=ROOT,
    )
    took = time.monotonic() - start
    report.lines.append(f"  time  PyInstaller build: {took:.1f} s")
    app = DIST / "kabar" / "kabar"
    if result.returncode or not app.exists():
        report.fail(f"PyInstaller failed:\n{result.stderr[-3000:]}")
        return None
    report.ok(f"standalone app built: {app} (folder {megabytes(app.parent)})")
    bundled = app.parent / "_internal" / "reader" / "resources"
    report.check(
        (bundled / "styles" / "app.qss").is_file(), "resources bundled at reader/resources"
    )
    return app


# ------------------------------------------------------------------ main


def main(argv: list[str]) -> int:
    if argv[:1] == ["--smoke-inner"]:
        data_dir, shot, log_path, dashes, *command = argv[1:]
        assert dashes == "--"
        return smoke_inner(command, Path(data_dir), Path(shot), Path(log_path))

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-wheel", action="store_true", help="skip the wheel checks")
    parser.add_argument("--no-freeze", action="store_true", help="skip the PyInstaller build")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)

    report = Report()
    scratch = Path(tempfile.mkdtemp(prefix="kabar-build-"))
    say(f"scratch directory (outside the checkout): {scratch}")
    try:
        if not args.no_wheel:
            wheel = build_wheel(report, scratch / "wheel")
            bin_dir = install_wheel(report, wheel, scratch / "venv") if wheel else None
            if bin_dir:
                check_installed_resources(report, bin_dir, scratch)
                with serve(scratch / "site") as url:
                    check_cli(report, "wheel", bin_dir / "kabar", scratch, url)
                smoke_window(report, "wheel", [str(bin_dir / "kabar")], scratch)
        if not args.no_freeze:
            app = freeze(report)
            if app:
                with serve(scratch / "site") as url:
                    check_cli(report, "standalone", app, scratch, url)
                smoke_window(report, "standalone", [str(app)], scratch)
    finally:
        if args.keep:
            say(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    print("\nSummary")
    print("\n".join(report.lines))
    verdict = "FAILED: " + "; ".join(f.splitlines()[0] for f in report.failed)
    print(f"\n{verdict if report.failed else 'all checks passed'}", end="")
    print(f" ({len(report.skipped)} skipped)" if report.skipped else "")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
