"""The bar above the headline list: what is shown, how many, and how.

It names the place being read ("NusaKini · 12 unread") or the search ("12
articles match “banjir”", "No articles match “xyz”"), and carries the list's
switches: *Unread only* and the sort order (kept per view by the window), and
while searching, whether the search covers the place just read or everything.
It only shows state and reports clicks; the window decides what they mean.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget


class ListHeader(QWidget):
    """Title and count on the left; Unread only, sort order and search scope on the right."""

    unread_only_toggled = Signal(bool)
    oldest_first_toggled = Signal(bool)
    #: True: search only the place chosen before searching; False: everywhere.
    scope_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listHeader")
        self.title = QLabel()
        self.title.setObjectName("listTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setAccessibleName(self.tr("Headline list"))
        self.unread = self._switch(self.tr("Unread"), self.tr("Show only unread articles"))
        self.unread.toggled.connect(self.unread_only_toggled)
        self.order = self._switch("", self.tr("Newest or oldest first"))
        self.order.setObjectName("orderButton")  # an order, not a filter: looks the same either way
        self.order.toggled.connect(self._order_text)
        self.order.toggled.connect(self.oldest_first_toggled)
        self.scope = self._switch("", self.tr("Search only here, or the whole library"))
        self.scope.toggled.connect(self._scope_text)
        self.scope.toggled.connect(self.scope_toggled)
        self._place = ""
        self._order_text(False)
        self._scope_text(False)
        self.scope.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title, 1)
        for button in (self.scope, self.unread, self.order):
            layout.addWidget(button)

    def _switch(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _order_text(self, oldest: bool) -> None:
        self.order.setText(self.tr("Oldest first") if oldest else self.tr("Newest first"))

    def _scope_text(self, here: bool) -> None:
        self.scope.setText(self.tr("In {0}").format(self._place) if here else self.tr("Everywhere"))

    # ------------------------------------------------------------ state

    def show_view(
        self, title: str, *, unread_only: bool, oldest_first: bool, can_filter: bool = True
    ) -> None:
        """A place is shown: its name, and its switches as kept for it."""
        self.title.setText(title)
        self.title.setToolTip(title)
        self.scope.hide()
        for button, on in ((self.unread, unread_only), (self.order, oldest_first)):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
            button.setVisible(can_filter)
        self._order_text(oldest_first)

    def show_search(self, text: str, place: str, here: bool) -> None:
        """A search is shown: its count follows with :meth:`set_count`."""
        self._place = place
        self.title.setText(self.tr("Searching for “{0}”…").format(text))
        self.scope.blockSignals(True)
        self.scope.setChecked(here and bool(place))
        self.scope.blockSignals(False)
        self._scope_text(self.scope.isChecked())
        self.scope.setVisible(bool(place))
        self.order.hide()  # best matches first
        self.unread.hide()  # a search finds read and unread alike

    def set_count(self, text: str, count: int, capped: bool = False) -> None:
        """How many articles the search found ("No articles match" when none)."""
        if count == 0:
            shown = self.tr("No articles match “{0}”").format(text)
        elif capped:
            shown = self.tr("More than {0} articles match “{1}”").format(count, text)
        elif count == 1:
            shown = self.tr("1 article matches “{0}”").format(text)
        else:
            shown = self.tr("{0} articles match “{1}”").format(count, text)
        self.title.setText(shown)
        self.title.setToolTip(shown)
