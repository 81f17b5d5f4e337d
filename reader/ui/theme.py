"""Light, dark and sepia looks for the window and the article.

The window follows the system colour scheme unless the user picks one.
Qt's rich-text engine supports only a CSS subset, so the article's look is a
palette (for the widget) plus a small style sheet (for the document).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    text: str
    muted: str
    link: str
    highlight: str
    highlight_text: str
    rule: str
    dark: bool


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light",
        "#f3f3f1",
        "#fdfdfb",
        "#1d1d1b",
        "#6b6b66",
        "#1f5fa8",
        "#2f6db3",
        "#ffffff",
        "#dcdcd6",
        False,
    ),
    "dark": Theme(
        "dark",
        "#1e1f22",
        "#232427",
        "#e4e2dc",
        "#9a9890",
        "#7fb3ef",
        "#3d6ea5",
        "#ffffff",
        "#3a3b3f",
        True,
    ),
    "sepia": Theme(
        "sepia",
        "#ede3cf",
        "#f7efdd",
        "#3b2f20",
        "#7a6a52",
        "#8a4b14",
        "#a2672c",
        "#ffffff",
        "#d9caa9",
        False,
    ),
}


def system_theme_name() -> str:
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve(name: str) -> Theme:
    """``"system"`` (or an unknown name) follows the desktop's colour scheme."""
    return THEMES.get(name) or THEMES[system_theme_name()]


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.window,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.LinkVisited: theme.link,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlight_text,
        QPalette.ColorRole.Mid: theme.rule,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    disabled = QColor(theme.muted)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def apply(theme: Theme) -> None:
    """Give every widget of the application ``theme``'s colours, now and later.

    The style sheet resolves ``palette(...)`` colours when it polishes a widget,
    so it is set again after the palette: widgets built before (or while) the
    palette changes would otherwise keep the colours they were polished with.
    Called before the window is built at start-up and whenever the theme changes.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.setPalette(palette(theme))
    app.setStyleSheet(app.styleSheet())


class ReaderStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons that can be seen on a dark window.

    Fusion outlines them in the window colour made darker, which on a dark theme is
    nearly the colour around them: an unchecked box all but vanished. On a dark
    palette the outline is drawn again in the muted text colour.
    """

    INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    )

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        window = option.palette.color(QPalette.ColorRole.Window)
        if element not in self.INDICATORS or window.lightness() >= 128:
            return
        outline = QColor(option.palette.color(QPalette.ColorRole.PlaceholderText))
        outline.setAlpha(170)
        rect = option.rect.adjusted(0, 0, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(0.5, 0.5)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        else:
            painter.drawRect(rect)
        painter.restore()
