"""The related-links panel: the "read more" links of the current article.

It only displays links and reports what the user does with them; fetching is
the controller's business. Other outlets' tellings of the same story come first
("Also reported by"), then the page's own links. Links are grouped as the page offered them —
teasers found in the text, then the related lists around it — each with its
title and outlet, and a mark when it is already in the library (it will open
instantly, even offline). The link being opened shows a progress mark in place.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import RelatedLink

URL_ROLE = Qt.ItemDataRole.UserRole
LINK_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # "" | "cached" | "loading"
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3
ALSO_ROLE = Qt.ItemDataRole.UserRole + 4  # another outlet's telling of the shown story
AnyIndex = QModelIndex | QPersistentModelIndex


class RelatedPanel(QWidget):
    """Lists related links and reports clicks, middle-clicks and menu choices."""

    #: One click or Enter: open this link in the article view.
    link_activated = Signal(str, str)  # url, title
    #: Middle-click or Ctrl+click: fetch into the library in the background.
    link_prefetch = Signal(str)
    #: Context menu actions.
    open_in_browser = Signal(str)
    save_requested = Signal(str)
    #: "Not the same story": show this telling apart from the shown article's story.
    split_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self._heading = QLabel(self.tr("Read more"))
        self._heading.setObjectName("paneHeading")
        self._list = QListWidget()
        self._list.setObjectName("relatedList")
        self._list.setFrameShape(QListWidget.Shape.NoFrame)
        self._list.setAccessibleName(self.tr("Related links"))
        self._list.setWordWrap(True)
        self._list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self._list.setItemDelegate(RelatedDelegate(self._list))
        self._list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._list.customContextMenuRequested.connect(self._menu)
        self._list.itemActivated.connect(self._activate)
        self._list.viewport().installEventFilter(self)
        self._empty = QLabel(self.tr("Links the article offers for further reading appear here."))
        self._empty.setObjectName("emptyHint")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._heading)
        layout.addWidget(self._stack)

    # ------------------------------------------------------------ content

    def set_links(
        self,
        links: Sequence[RelatedLink],
        in_library: Collection[str] = (),
        also: Sequence[RelatedLink] = (),
    ) -> None:
        """Show the page's links; ``also``, the other outlets' tellings of its story, on top."""
        self._list.clear()
        inline = [link for link in links if link.kind == "inline"]
        block = [link for link in links if link.kind != "inline"]
        groups = (
            (self.tr("Also reported by"), list(also)),
            (self.tr("In the text"), inline),
            (self.tr("From this page"), block),
        )
        for number, (header, group) in enumerate(groups):
            if not group:
                continue
            head = QListWidgetItem(header)
            head.setData(HEADER_ROLE, True)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            self._list.addItem(head)
            for link in group:
                item = QListWidgetItem(link.title)
                item.setData(URL_ROLE, link.url)
                item.setData(LINK_ROLE, link)
                item.setData(STATE_ROLE, "cached" if link.url in in_library else "")
                item.setData(ALSO_ROLE, number == 0)
                item.setToolTip(link.url)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{link.title}, {link.source}")
                self._list.addItem(item)
        self._stack.setCurrentWidget(self._list if links or also else self._empty)

    def links(self) -> list[str]:
        return [url for url in (self._item_url(i) for i in range(self._list.count())) if url]

    def mark(self, url: str, state: str) -> None:
        """Show ``url`` as ``"loading"``, ``"cached"`` or plain (``""``)."""
        for number in range(self._list.count()):
            item = self._list.item(number)
            if item.data(URL_ROLE) == url:
                item.setData(STATE_ROLE, state)
            elif state == "loading" and item.data(STATE_ROLE) == "loading":
                item.setData(STATE_ROLE, "")

    def item_for(self, url: str) -> QListWidgetItem | None:
        for number in range(self._list.count()):
            item = self._list.item(number)
            if item.data(URL_ROLE) == url:
                return item
        return None

    @property
    def list_widget(self) -> QListWidget:
        return self._list

    def _item_url(self, number: int) -> str | None:
        value = self._list.item(number).data(URL_ROLE)
        return value if isinstance(value, str) else None

    # ------------------------------------------------------------ interaction

    @Slot(QListWidgetItem)
    def _activate(self, item: QListWidgetItem) -> None:
        url = item.data(URL_ROLE)
        if not isinstance(url, str):
            return
        if QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
            self.link_prefetch.emit(url)
            return
        self.mark(url, "loading")
        self.link_activated.emit(url, item.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """One click opens (not a double click); middle-click fetches in the background."""
        if watched is self._list.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            item = self._list.itemAt(event.position().toPoint())
            if item is not None and isinstance(item.data(URL_ROLE), str):
                url = item.data(URL_ROLE)
                ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                if event.button() == Qt.MouseButton.MiddleButton or (
                    event.button() == Qt.MouseButton.LeftButton and ctrl
                ):
                    self.link_prefetch.emit(url)
                    return True
                if event.button() == Qt.MouseButton.LeftButton:
                    self.mark(url, "loading")
                    self.link_activated.emit(url, item.text())
                    return True
        return super().eventFilter(watched, event)

    @Slot(QPoint)
    def _menu(self, position: QPoint) -> None:
        item = self._list.itemAt(position)
        menu = self.link_menu(item) if item is not None else None
        if menu is not None:
            menu.exec(self._list.viewport().mapToGlobal(position))

    def link_menu(self, item: QListWidgetItem) -> QMenu | None:
        """The menu for one link (None for a header)."""
        if not isinstance(item.data(URL_ROLE), str):
            return None
        url: str = item.data(URL_ROLE)
        menu = QMenu(self)
        title = item.text()
        actions: list[tuple[QAction, object]] = [
            (menu.addAction(self.tr("Open")), lambda: self.link_activated.emit(url, title)),
            (
                menu.addAction(self.tr("Keep for offline reading")),
                lambda: self.link_prefetch.emit(url),
            ),
            (menu.addAction(self.tr("Open in browser")), lambda: self.open_in_browser.emit(url)),
            (
                menu.addAction(self.tr("Copy link")),
                lambda: QGuiApplication.clipboard().setText(url),
            ),
            (menu.addAction(self.tr("Save to collection…")), lambda: self.save_requested.emit(url)),
        ]
        if item.data(ALSO_ROLE):
            menu.addSeparator()
            split = menu.addAction(self.tr("Not the same story"))
            split.setObjectName("splitFromStory")
            actions.append((split, lambda: self.split_requested.emit(url)))
        for action, callback in actions:
            action.triggered.connect(callback)
        return menu


class RelatedDelegate(QStyledItemDelegate):
    """Title over outlet; group headers in small caps; marks for cached/loading."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        width = max(100, option.rect.width() - 2 * self.PADDING)
        if index.data(HEADER_ROLE):
            return QSize(width, metrics.lineSpacing() + 2 * self.PADDING + 4)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = metrics.boundingRect(
            QRect(0, 0, width - 18, 10_000), int(Qt.TextFlag.TextWordWrap), title
        )
        return QSize(width, bounds.height() + metrics.lineSpacing() + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        painter.save()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        inner = rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        if index.data(HEADER_ROLE):
            small = QFont(font)
            small.setCapitalization(QFont.Capitalization.AllUppercase)
            small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(
                inner.adjusted(0, 4, 0, 0), int(Qt.AlignmentFlag.AlignLeft), str(index.data())
            )
            painter.restore()
            return
        widget = option.widget
        if widget is not None:
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        state = index.data(STATE_ROLE)
        link = index.data(LINK_ROLE)
        source = link.source if isinstance(link, RelatedLink) else ""
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title_rect = metrics.boundingRect(
            QRect(inner.left(), inner.top(), inner.width() - 18, 10_000),
            int(Qt.TextFlag.TextWordWrap),
            title,
        )
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), title)
        mark = {"cached": "✓", "loading": "…"}.get(str(state or ""), "")
        if mark:
            painter.setPen(muted if not selected else text)
            painter.drawText(
                QRect(inner.right() - 14, inner.top(), 14, metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignRight),
                mark,
            )
        detail = source
        if state == "loading":
            opening = QCoreApplication.translate("RelatedPanel", "opening…")
            detail = f"{source} · {opening}" if source else opening
        painter.setPen(muted if not selected else text)
        painter.drawText(
            QRect(inner.left(), title_rect.bottom() + 2, inner.width(), metrics.lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft),
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()
