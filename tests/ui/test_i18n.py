"""Translations: the Indonesian ``.ts`` is complete and faithful, the shipped ``.qm`` is built
from it, and the real window speaks Indonesian or English as ``KABAR_LANGUAGE`` says."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.ui import i18n
from reader.ui.gui import Gui, build_gui

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
UI = ROOT / "reader" / "ui"
TS_FILES = sorted(TRANSLATIONS.glob("kabar_*.ts"))

#: Strings in the code that lupdate does not see (``tr()`` inside an f-string), so they
#: cannot be translated until the call moves out of the f-string. Remove each entry once
#: its string shows up in the .ts (the test below fails to say so).
KNOWN_LUPDATE_MISSES: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool
    numerus: bool


def messages(ts: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            if numerus:
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            found.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    forms,
                    translation.get("type") in ("unfinished", "obsolete", "vanished"),
                    numerus,
                )
            )
    return found


def ts_id(ts: Path) -> str:
    return ts.stem


# ------------------------------------------------------------ the .ts files


def test_indonesian_is_shipped() -> None:
    assert TRANSLATIONS / "kabar_id.ts" in TS_FILES
    assert (TRANSLATIONS / "kabar_id.qm").is_file()


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_every_string_is_translated(ts: Path) -> None:
    problems = [
        f"{m.context}: {m.source!r}"
        for m in messages(ts)
        if m.unfinished or not m.translations or not all(t.strip() for t in m.translations)
    ]
    assert not problems, f"{ts.name}: unfinished or empty:\n" + "\n".join(problems)


PLACEHOLDER = re.compile(r"\{\d+\}|%n|%L?\d+")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
FILE_PATTERN = re.compile(r"\(\*[^)]*\)")
ACCELERATOR = re.compile(r"&(?![&\s])")


def shape_problems(source: str, translation: str) -> list[str]:
    """What a translation must keep from its source for the code and the layout to work."""
    problems = []
    for label, pattern in (
        ("placeholders", PLACEHOLDER),
        ("HTML tags", TAG),
        ("file patterns", FILE_PATTERN),
    ):
        want, got = Counter(pattern.findall(source)), Counter(pattern.findall(translation))
        if want != got:
            problems.append(f"{label} {sorted(want.elements())} != {sorted(got.elements())}")
    if source.count(";;") != translation.count(";;"):
        problems.append("file filter separators (;;) differ")
    accelerators = len(ACCELERATOR.findall(translation))
    if accelerators != len(ACCELERATOR.findall(source)):
        problems.append(f"{accelerators} accelerators (&) where the source has one per entry")
    if source[:1].isspace() != translation[:1].isspace():
        problems.append("leading space differs")
    if source[-1:].isspace() != translation[-1:].isspace():
        problems.append("trailing space differs")
    for ending in ("…", ":"):
        if source.endswith(ending) != translation.endswith(ending):
            problems.append(f"ending {ending!r} differs")
    return problems


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_translations_keep_placeholders_tags_and_accelerators(ts: Path) -> None:
    problems = [
        f"{m.context}: {m.source!r} -> {t!r}: {problem}"
        for m in messages(ts)
        for t in m.translations
        for problem in shape_problems(m.source, t)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_plural_forms_are_filled(ts: Path) -> None:
    plurals = [m for m in messages(ts) if m.numerus]
    assert plurals, "the %n strings should be numerus messages"
    for message in plurals:
        assert message.translations, message
        assert all("%n" in form for form in message.translations), message
    if ts.stem == "kabar_id":  # Indonesian nouns do not inflect for number: one form
        assert all(len(m.translations) == 1 for m in plurals)


def test_shape_check_catches_broken_translations() -> None:
    assert shape_problems("Saved to {0}.", "Disimpan ke {0}.") == []
    assert shape_problems("Saved to {0}.", "Disimpan.")
    assert shape_problems("Press <b>S</b> now", "Tekan S sekarang")
    assert shape_problems("&Refresh All", "Segarkan Semua")
    assert shape_problems("&Refresh All", "&Segarkan &Semua")
    assert shape_problems("OPML files (*.opml)", "Berkas OPML (*.xml)")
    assert shape_problems(" min", "menit")
    assert shape_problems("Delete…", "Hapus")


def code_strings() -> set[tuple[str, str]]:
    """(context, source) of every literal passed to tr(), translate() or QT_TRANSLATE_NOOP."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, context: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            context = node.name
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if name == "tr" and args and isinstance(args[0], str) and context:
                found.add((context, args[0]))
            elif (
                name in ("translate", "QT_TRANSLATE_NOOP")
                and len(args) >= 2
                and isinstance(args[0], str)
                and isinstance(args[1], str)
            ):
                found.add((args[0], args[1]))
        for child in ast.iter_child_nodes(node):
            visit(child, context)

    for path in sorted(UI.rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_every_string_in_the_code_is_in_the_ts(ts: Path) -> None:
    """lupdate silently skips some calls (inside f-strings, with keyword arguments)."""
    in_code = code_strings()
    in_ts = {(m.context, m.source) for m in messages(ts)}
    missing = in_code - in_ts - KNOWN_LUPDATE_MISSES
    assert not missing, (
        "strings lupdate did not extract (run `packaging/translations.py update`; if they "
        "are still missing, take the tr() call out of the f-string or keyword call):\n"
        + "\n".join(sorted(map(str, missing)))
    )
    fixed = KNOWN_LUPDATE_MISSES & in_ts
    assert not fixed, f"now extracted; remove from KNOWN_LUPDATE_MISSES: {sorted(fixed)}"
    stale = in_ts - in_code
    assert not stale, f"in the .ts but not in the code (run update): {sorted(stale)}"


# ------------------------------------------------------------ the .qm files


def test_committed_qm_files_are_built_from_the_ts(tmp_path: Path) -> None:
    script = ROOT / "packaging" / "translations.py"
    command = [sys.executable, str(script), "release", "--out", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    for ts in TS_FILES:
        built = (tmp_path / ts.with_suffix(".qm").name).read_bytes()
        committed = ts.with_suffix(".qm")
        assert committed.is_file(), (
            f"{committed.name} missing: run packaging/translations.py release"
        )
        assert committed.read_bytes() == built, (
            f"{committed.name} is out of date with {ts.name}: run packaging/translations.py release"
        )


# ------------------------------------------------------------ loading


@pytest.fixture
def use_language(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], list[QTranslator]]]:
    """Switch the app to a language for one test; other tests stay English."""
    locale = QLocale()
    installed: list[QTranslator] = []

    def switch(language: str) -> list[QTranslator]:
        i18n.uninstall(qapp, installed)
        installed.clear()
        monkeypatch.setenv("KABAR_LANGUAGE", language)
        installed.extend(i18n.install(qapp))
        return list(installed)

    yield switch
    i18n.uninstall(qapp, installed)
    QLocale.setDefault(locale)


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


@pytest.mark.parametrize(
    ("name", "code"),
    [("id", "id"), ("id-ID", "id"), ("id_ID.UTF-8", "id"), ("in", "id"), ("EN_us", "en")],
)
def test_language_names_are_reduced_to_their_base_language(name: str, code: str) -> None:
    assert i18n.language_code(name) == code


def test_indonesian_is_loaded(use_language: Callable[[str], list[QTranslator]]) -> None:
    installed = use_language("id_ID")
    assert installed
    assert isinstance(installed[0], i18n.QmTranslator)
    assert tr("MainWindow", "&File") == "&Berkas"
    assert tr("Controller", "%n min read", 5) == "5 menit baca"
    assert tr("QPlatformTheme", "Cancel") == "Batal"
    assert QLocale().language() == QLocale.Language.Indonesian


def test_the_translator_owns_the_data_it_reads() -> None:
    """QTranslator.load(bytes) does not copy: Qt keeps reading the caller's buffer."""
    data = bytearray((TRANSLATIONS / "kabar_id.qm").read_bytes())
    plain = QTranslator()
    assert plain.load(data)
    ours = i18n.QmTranslator(data)
    assert ours.loaded
    data[:] = bytes(len(data))  # what a freed and reused buffer amounts to
    assert plain.translate("MainWindow", "&File") != "&Berkas"
    assert ours.translate("MainWindow", "&File") == "&Berkas"


@pytest.mark.parametrize("language", ["en", "en_GB", "xx"])
def test_english_and_unknown_languages_install_nothing(
    use_language: Callable[[str], list[QTranslator]], language: str
) -> None:
    assert use_language(language) == []
    assert tr("MainWindow", "&File") == "&File"


# ------------------------------------------------------------ the real window


@pytest.fixture
def make_gui(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[], Gui]]:
    built: list[Gui] = []

    def make() -> Gui:
        services = Services(paths=resolve_data_dir(tmp_path / "data"), library_check=False)
        gui = build_gui(services)
        qtbot.addWidget(gui.window)
        built.append(gui)
        return gui

    yield make
    for gui in built:
        gui.shutdown()


def menus(gui: Gui) -> dict[str, QMenu]:
    found = {}
    for action in gui.window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        found[action.text()] = menu
        for sub in menu.actions():
            if isinstance(sub.menu(), QMenu):
                found[sub.text()] = sub.menu()  # type: ignore[assignment]
    return found


def menu_titles(gui: Gui) -> list[str]:
    return [action.text() for action in gui.window.menuBar().actions()]


def accelerator(text: str) -> str | None:
    match = ACCELERATOR.search(text)
    return text[match.end()].casefold() if match else None


def assert_accelerators_unique(gui: Gui) -> None:
    bar = [accelerator(a.text()) for a in gui.window.menuBar().actions()]
    assert len(bar) == len(set(bar)), bar
    for title, menu in menus(gui).items():
        keys = [accelerator(a.text()) for a in menu.actions() if not a.isSeparator()]
        keys = [k for k in keys if k]
        assert len(keys) == len(set(keys)), f"{title}: {keys}"


def source_tree_texts(gui: Gui) -> list[str]:
    model = gui.window.sources.model
    texts = []
    for row in range(model.rowCount()):
        section = model.index(row, 0)
        texts.append(str(section.data()))
        texts.extend(str(model.index(r, 0, section).data()) for r in range(model.rowCount(section)))
    return texts


def test_the_window_speaks_indonesian(
    use_language: Callable[[str], list[QTranslator]], make_gui: Callable[[], Gui]
) -> None:
    use_language("id")
    gui = make_gui()
    w = gui.window
    assert menu_titles(gui) == ["&Berkas", "&Tampilan", "Na&vigasi", "&Artikel", "Ba&ntuan"]
    assert "T&ema" in menus(gui)
    assert w.act_save.text() == "&Simpan ke Koleksi…"
    assert w.act_offline.text() == "Bekerja &Luring"
    assert_accelerators_unique(gui)
    text = w.article.toPlainText()
    assert "Selamat datang di Kabar" in text
    assert "Ctrl+N" in text
    assert "Welcome" not in text
    assert {"Pustaka", "Semua artikel", "Belum dibaca", "Berbintang", "Baca nanti"} <= set(
        source_tree_texts(gui)
    )
    assert w.search_field.placeholderText() == "Cari di pustaka"
    assert w.network_label.text() == "Daring"
    assert w.statusBar().currentMessage() == "Siap"
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"OK", "Batal"}


def test_the_window_speaks_english(
    use_language: Callable[[str], list[QTranslator]], make_gui: Callable[[], Gui]
) -> None:
    use_language("en")
    gui = make_gui()
    w = gui.window
    assert menu_titles(gui) == ["&File", "&View", "&Go", "&Article", "&Help"]
    text = w.article.toPlainText()
    assert "Welcome to Kabar" in text
    assert {"Library", "All articles", "Unread", "Starred", "Read later"} <= set(
        source_tree_texts(gui)
    )
    assert w.network_label.text() == "Online"
