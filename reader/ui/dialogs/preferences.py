"""Preferences: how articles look, how much the library may keep, how often to refresh,
the server Kabar syncs with (Accounts) and the reader's rules (Rules), one tab each.
Another part adds its own page with :meth:`PreferencesDialog.add_page`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.ui.dialogs.accounts import AccountsBox
from reader.ui.dialogs.rules import RulesBox

GB = 1024**3


class PointSizeBox(QDoubleSpinBox):
    """A text size in points as people write it: "15 pt", "12.5 pt" (never "15.00 pt")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setSuffix(" pt")

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(float(value), "g", 4)


@dataclass(frozen=True)
class Preferences:
    theme: str = "system"
    font_family: str = ""
    font_size: float = 12.5
    show_images: bool = True
    cache_budget_bytes: int = 2 * GB
    refresh_minutes: int = 30
    story_read_together: bool = True


class PreferencesDialog(QDialog):
    """Edits a :class:`Preferences`; ``starter_requested`` asks for the starter list."""

    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferences")
        self.starter_requested = False

        self.theme = QComboBox()
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
            ("sepia", self.tr("Sepia")),
        ):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(current.theme)))
        self.font_box = QFontComboBox()
        self.font_box.setFontFilters(QFontComboBox.FontFilter.ScalableFonts)
        if current.font_family:
            self.font_box.setCurrentFont(QFont(current.font_family))
        self._current = current
        self._shown_font = self.font_box.currentFont().family()
        self.size_box = PointSizeBox()
        self.size_box.setRange(8.0, 32.0)
        self.size_box.setValue(current.font_size)
        self.images = QCheckBox(self.tr("Show pictures in articles"))
        self.images.setChecked(current.show_images)
        look = QGroupBox(self.tr("Reading"))
        look_form = QFormLayout(look)
        look_form.addRow(self.tr("Theme:"), self.theme)
        look_form.addRow(self.tr("Font:"), self.font_box)
        look_form.addRow(self.tr("Text size:"), self.size_box)
        look_form.addRow("", self.images)

        self.budget = QDoubleSpinBox()
        self.budget.setRange(0.1, 1024.0)
        self.budget.setDecimals(1)
        self.budget.setSuffix(" GB")
        self.budget.setValue(round(current.cache_budget_bytes / GB, 1))
        self.budget.setToolTip(
            self.tr("Saved and starred articles are kept whatever this limit; others are removed "
                    "oldest-read first when the library grows beyond it.")
        )  # fmt: skip
        self.story_read = QCheckBox(self.tr("Reading one outlet's article marks its story read"))
        self.story_read.setChecked(current.story_read_together)
        library = QGroupBox(self.tr("Library"))
        library_form = QFormLayout(library)
        library_form.addRow(self.tr("Keep up to:"), self.budget)
        library_form.addRow("", self.story_read)

        self.refresh = QSpinBox()
        self.refresh.setRange(5, 24 * 60)
        self.refresh.setSingleStep(5)
        self.refresh.setSuffix(self.tr(" min"))
        self.refresh.setValue(current.refresh_minutes)
        starter = QPushButton(self.tr("Add starter sources…"))
        starter.clicked.connect(self._starter)
        sources = QGroupBox(self.tr("Sources"))
        sources_form = QFormLayout(sources)
        sources_form.addRow(self.tr("Refresh every:"), self.refresh)
        sources_form.addRow("", starter)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.add_page(self.tr("Reading"), look)
        self.add_page(self.tr("Library"), library, sources)
        self.accounts = AccountsBox(self)
        self.add_page(self.tr("Accounts"), self.accounts)
        self.rules = RulesBox(self)
        self.add_page(self.tr("Rules"), self.rules)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def add_page(self, title: str, *parts: QWidget) -> QWidget:
        """A page of Preferences (a tab) holding ``parts`` from top to bottom."""
        page = QWidget()
        column = QVBoxLayout(page)
        for part in parts:
            column.addWidget(part)
        if not any(isinstance(part, RulesBox) for part in parts):
            column.addStretch(1)
        self.pages.addTab(page, title)
        return page

    def show_page(self, title: str) -> None:
        """Open Preferences on the page called ``title``."""
        for number in range(self.pages.count()):
            if self.pages.tabText(number) == title:
                self.pages.setCurrentIndex(number)

    def _starter(self) -> None:
        self.starter_requested = True
        self.accept()

    def _font_family(self) -> str:
        """The chosen font, or the current setting (possibly "the theme's default")
        when the reader left the box alone: the box always shows *some* font."""
        chosen = self.font_box.currentFont().family()
        return chosen if chosen != self._shown_font else self._current.font_family

    def preferences(self) -> Preferences:
        return Preferences(
            theme=str(self.theme.currentData()),
            font_family=self._font_family(),
            font_size=self.size_box.value(),
            show_images=self.images.isChecked(),
            cache_budget_bytes=int(self.budget.value() * GB),
            refresh_minutes=self.refresh.value(),
            story_read_together=self.story_read.isChecked(),
        )
