"""Kabar installs as a desktop application: valid menu/store metadata, one app id, a full wheel.

The validators (``desktop-file-validate``, ``appstreamcli``) are system tools:
``python3 dev.py test`` installs them on Debian, and each test skips with the
package to install where they are absent. The slow end-to-end checks (the wheel
in a fresh virtual environment, the PyInstaller build under Xvfb) are in
``packaging/build.py``, not here.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from configparser import ConfigParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

import reader
from reader import APP_ID

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = RESOURCES / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: apt-get install {package})")
    return path


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


# ------------------------------------------------------------------ validators


def test_desktop_file_is_valid() -> None:
    validator = tool("desktop-file-validate", "desktop-file-utils")
    result = run([validator, str(DESKTOP)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", f"hints or warnings: {result.stdout}"


def test_metainfo_is_valid() -> None:
    # --no-net: URLs and screenshots are checked for form, not fetched.
    appstreamcli = tool("appstreamcli", "appstream")
    result = run([appstreamcli, "validate", "--no-net", "--pedantic", str(METAINFO)])
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert not problems, result.stdout


def test_installed_tree_is_consistent(tmp_path: Path) -> None:
    """Laid out as an install prefix, the metainfo finds its .desktop file and icon."""
    appstreamcli = tool("appstreamcli", "appstream")
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(ICONS / "hicolor", share / "icons" / "hicolor")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ICONS / f"{APP_ID}.svg", scalable)
    result = run([appstreamcli, "validate-tree", "--no-net", str(tmp_path)])
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------ one application id


def test_one_application_id_everywhere() -> None:
    entry = desktop_entry()
    root = metainfo()
    launchable = root.find("launchable[@type='desktop-id']")
    stock_icon = root.find("icon[@type='stock']")
    assert launchable is not None and stock_icon is not None

    # Reverse-DNS, and a valid D-Bus name as the desktop-entry spec asks of file names.
    assert re.fullmatch(r"[a-z][a-z0-9-]*(\.[A-Za-z_][A-Za-z0-9_]*){2,}", APP_ID), APP_ID
    assert DESKTOP.name == f"{APP_ID}.desktop"
    assert METAINFO.name == f"{APP_ID}.metainfo.xml"
    assert root.findtext("id") == APP_ID
    assert launchable.text == f"{APP_ID}.desktop"
    assert entry["Icon"] == APP_ID
    assert stock_icon.text == APP_ID
    assert (ICONS / f"{APP_ID}.svg").is_file()
    names = {p.name for p in (ICONS / "hicolor").rglob("*") if p.is_file()}
    assert names == {f"{APP_ID}.png"}
    # The Qt application announces the same id (Wayland app_id, the menu entry it belongs to).
    app_source = (ROOT / "reader" / "app.py").read_text(encoding="utf-8")
    assert "setDesktopFileName(APP_ID)" in app_source
    assert "setApplicationName(APP_NAME)" in app_source
    assert root.findtext("name") == entry["Name"] == reader.APP_NAME
    # On X11 Qt's WM_CLASS class is the application name; docks match it to the menu entry.
    assert entry["StartupWMClass"] == reader.APP_NAME


def test_desktop_file_starts_the_installed_gui_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entry = desktop_entry()
    command = entry["Exec"].split()[0]
    assert command in project["gui-scripts"]
    assert entry["TryExec"] == command
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].rstrip(";").split(";")
    assert {"Network", "News", "Feed"} <= set(categories)
    assert {"berita", "RSS"} <= set(entry["Keywords"].rstrip(";").split(";"))


def test_metainfo_describes_this_release() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:200]
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == reader.__version__, "add a <release> for the new version"
    assert newest.find("description") is not None, "releases need notes"
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    controls = {c.text for c in root.iterfind("supports/control")}
    assert {"keyboard", "pointing"} <= controls
    categories = {c.text for c in root.iterfind("categories/category")}
    assert {"Network", "News", "Feed"} <= categories
    keywords = {k.text for k in root.iterfind("keywords/keyword")}
    assert {"berita", "RSS"} <= keywords


def test_screenshots_point_at_the_repository_images() -> None:
    images = [i.text or "" for i in metainfo().iterfind("screenshots/screenshot/image")]
    assert images, "the metainfo needs at least one screenshot"
    missing = []
    for url in images:
        parsed = urlparse(url)
        assert parsed.scheme == "https", f"AppStream wants https screenshot URLs: {url}"
        assert "/resources/screenshots/" in parsed.path, url
        name = parsed.path.rsplit("/", 1)[1]
        image = RESOURCES / "screenshots" / name
        if image.is_file():
            assert png_size(image) >= (620, 400), f"{name} is smaller than stores show"
        else:
            missing.append(name)
    if missing:
        pytest.skip(f"resources/screenshots/ lacks {', '.join(missing)} (not taken yet)")


# ------------------------------------------------------------------ icons


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_folder_size(size: int) -> None:
    png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png.is_file(), f"missing {png.relative_to(ROOT)}; run packaging/render_icons.py"
    assert png_size(png) == (size, size)


def test_icon_svg_is_square() -> None:
    svg = ET.parse(ICONS / f"{APP_ID}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    assert width == height


# ------------------------------------------------------------------ the wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """The wheel ``pip install .`` would install, built once per test session."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")  # no download needed
    result = subprocess.run(
        [*command, str(ROOT)], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, f"building the wheel failed:\n{result.stderr}"
    (built,) = out.glob("kabar-*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


def bundled_resources() -> list[str]:
    return sorted(
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and not any(part.startswith(".") for part in p.relative_to(RESOURCES).parts)
    )


def test_wheel_carries_every_resource_inside_the_package(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = bundled_resources()
    assert expected
    missing = [name for name in expected if f"reader/resources/{name}" not in names]
    assert not missing, f"resources missing from the wheel: {missing}"
    stray = [n for n in names if n.startswith("resources/")]
    assert not stray, f"resources outside the package: {stray}"


def test_wheel_carries_the_package_data_files(wheel: zipfile.ZipFile) -> None:
    """Non-Python files inside ``reader/`` (SQL migrations, data lists) ship too."""
    package = ROOT / "reader"
    expected = [
        p.relative_to(ROOT).as_posix()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    ]
    missing = sorted(set(expected) - set(wheel.namelist()))
    assert not missing, f"package data missing from the wheel: {missing}"


def test_wheel_has_no_tests_or_benchmarks(wheel: zipfile.ZipFile) -> None:
    bad = [
        name
        for name in wheel.namelist()
        if name.split("/")[0] in ("tests", "benchmarks")
        or "/tests/" in name
        or name.rsplit("/", 1)[-1].startswith(("test_", "conftest"))
        or name.endswith((".pyc", ".spec"))
    ]
    assert not bad, f"the wheel ships development files: {bad}"


def test_wheel_installs_commands_and_menu_entry(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    (entry_points,) = (n for n in names if n.endswith(".dist-info/entry_points.txt"))
    scripts = wheel.read(entry_points).decode()
    assert "kabar = reader.app:main" in scripts
    assert "kabar-gui = reader.app:main_gui" in scripts
    data = f"kabar-{reader.__version__}.data/data/share"
    for path in (
        f"applications/{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES),
    ):
        assert f"{data}/{path}" in names, f"the wheel lacks share/{path}"
