"""Load the user's language: Kabar's own translation and Qt's standard strings.

Every UI string goes through ``tr()``; translations are compiled ``.qm`` files
in ``resources/translations`` (sources in ``.ts`` beside them). The language
follows the system locale unless ``KABAR_LANGUAGE`` names one (tests, and users
who want English on an Indonesian desktop).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core import resources


def wanted_languages() -> list[str]:
    forced = os.environ.get("KABAR_LANGUAGE")
    if forced:
        return [forced]
    return [lang.replace("-", "_") for lang in QLocale.system().uiLanguages()]


def install(app: QCoreApplication) -> list[QTranslator]:
    """Install translators for the first wanted language Kabar has; keep the result alive."""
    installed: list[QTranslator] = []
    folder = resources.resource("translations")
    for language in wanted_languages():
        base = language.split("_")[0]
        if base == "en":
            break
        qm = folder / f"kabar_{base}.qm"
        if not qm.is_file():
            continue
        ours = QTranslator(app)
        if ours.load(qm.read_bytes()):
            app.installTranslator(ours)
            installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{base}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        QLocale.setDefault(QLocale(base))
        break
    return installed
