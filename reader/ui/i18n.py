"""Load the user's language: Kabar's own translation and Qt's standard strings.

Every UI string goes through ``tr()``; translations are compiled ``.qm`` files
in ``resources/translations`` (sources in ``.ts`` beside them; see
``packaging/translations.py`` for the workflow). The language follows the
system locale unless ``KABAR_LANGUAGE`` names one (tests, and users who want
English on an Indonesian desktop). English, the language of the source
strings, is the fallback: no translator is installed for it.

Qt ships no Indonesian translation of its own widgets (there is no
``qtbase_id.qm``), so the few Qt strings Kabar's window shows — standard dialog
buttons and the edit menus of text fields — are listed in :data:`QT_STRINGS`
and translated in Kabar's own ``.ts`` under Qt's contexts. Where Qt does ship
``qtbase_<lang>.qm`` it is installed after Kabar's and wins.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

from reader.core import resources

#: Strings of Qt's own widgets that appear in Kabar, for lupdate to collect.
QT_STRINGS = (
    # QDialogButtonBox / QMessageBox / QInputDialog standard buttons.
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    # The same buttons under GNOME's platform theme.
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    # Context menu of line edits (search field, dialogs).
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    # Context menu of the article view (a read-only QTextBrowser).
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)


class QmTranslator(QTranslator):
    """A translator over compiled ``.qm`` data that it keeps alive.

    ``QTranslator.load(data)`` does not copy the data (Qt requires the caller
    to keep it) and PySide6 keeps no reference to the buffer, so loading a
    temporary ``bytes`` leaves Qt reading freed memory: translations vanish at
    random, or worse. Holding its own bytes (a bytearray is copied) ties their life
    to the translator.
    Reading bytes (not a path) works for a checkout, a wheel and a frozen build.
    """

    def __init__(self, data: bytes | bytearray, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data = bytes(data)
        self.loaded = self.load(self._data)


def language_code(name: str) -> str:
    """The base language of a locale name: ``id-ID``, ``id_ID.UTF-8``, ``in`` → ``id``."""
    base = re.split(r"[-_.@]", name.strip(), maxsplit=1)[0].lower()
    if not base:
        return ""
    known = QLocale(base)
    if known.language() != QLocale.Language.C:
        return known.name().split("_")[0]
    return base


def wanted_languages() -> list[str]:
    """Base language codes in order of preference: ``KABAR_LANGUAGE``, else the system's."""
    forced = os.environ.get("KABAR_LANGUAGE", "").strip()
    names = [forced] if forced else QLocale.system().uiLanguages()
    codes: list[str] = []
    for name in names:
        code = language_code(name)
        if code and code not in codes:
            codes.append(code)
    return codes


def install(app: QCoreApplication) -> list[QTranslator]:
    """Install translators for the first wanted language Kabar has; keep the result alive.

    Call before building any window: widgets translate their text when created.
    Returns nothing installed for English or a language Kabar has no ``.qm`` for.
    """
    installed: list[QTranslator] = []
    folder = resources.resource("translations")
    for base in wanted_languages():
        if base == "en":
            break
        qm = folder / f"kabar_{base}.qm"
        if not qm.is_file():
            continue
        ours = QmTranslator(qm.read_bytes(), app)
        if not ours.loaded:
            continue
        app.installTranslator(ours)
        installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{base}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        QLocale.setDefault(QLocale(base))
        break
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Remove translators :func:`install` returned (tests switch languages with this)."""
    for translator in translators:
        app.removeTranslator(translator)
