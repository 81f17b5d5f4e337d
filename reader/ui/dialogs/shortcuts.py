"""The keyboard shortcut sheet (``?``): every action reachable without a mouse."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class ShortcutSheet(QDialog):
    """A two-column table built from the window's own actions, so it never drifts."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setObjectName("shortcutSheet")
        rows = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            keys = [k for k in keys if k]
            if not keys:
                continue
            name = action.text().replace("&", "").rstrip("…")
            rows.append(f"<tr><td><b>{' / '.join(keys)}</b></td><td>{name}</td></tr>")
        view = QTextBrowser()
        view.setOpenLinks(False)
        view.setHtml(f"<table cellpadding='4'>{''.join(rows)}</table>")
        view.setMinimumSize(420, 420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
