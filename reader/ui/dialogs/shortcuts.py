"""The keyboard shortcut sheet (``?``): every action reachable without a mouse."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

#: Keys of special keyboards (media, browser keys): real, but not what the sheet should teach.
HARDWARE_KEYS = frozenset(
    {
        Qt.Key.Key_Back, Qt.Key.Key_Forward, Qt.Key.Key_Search, Qt.Key.Key_Find,
        Qt.Key.Key_Refresh, Qt.Key.Key_Stop, Qt.Key.Key_Favorites, Qt.Key.Key_HomePage,
    }
)  # fmt: skip

Group = tuple[str, Sequence[QAction]]


def key_names(action: QAction) -> list[str]:
    """The action's shortcuts as the reader types them, each once, hardware keys left out."""
    names: list[str] = []
    for sequence in action.shortcuts():
        if sequence.count() == 1 and sequence[0].key() in HARDWARE_KEYS:  # type: ignore[index]
            continue
        name = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if name and name not in names:
            names.append(name)
    return names


class ShortcutSheet(QDialog):
    """A table per menu, built from the window's own actions, so it never drifts.

    Its colours come from the application palette, so it follows the theme.
    """

    def __init__(self, groups: Iterable[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setObjectName("shortcutSheet")
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        rule = palette.color(QPalette.ColorRole.Mid).name()
        sections = []
        separator = html.escape(self.tr("or"))
        for title, actions in groups:
            rows = []
            for action in actions:
                keys = key_names(action)
                if not keys:
                    continue
                shown = f" <span style='color:{muted}'>{separator}</span> ".join(
                    f"<b>{html.escape(k)}</b>" for k in keys
                )
                name = html.escape(action.text().replace("&", "").rstrip("…"))
                rows.append(f"<tr><td width='45%'>{shown}</td><td>{name}</td></tr>")
            if rows:
                heading = html.escape(title.replace("&", ""))
                sections.append(
                    f"<h3 style='color:{muted}; margin-top:14px; margin-bottom:4px'>{heading}</h3>"
                    f"<table width='100%' cellpadding='3' style='border-color:{rule}'>"
                    f"{''.join(rows)}</table>"
                )
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.view.setHtml("".join(sections))
        self.view.setMinimumSize(460, 520)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
