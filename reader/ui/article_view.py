"""The article view: a QTextBrowser that runs nothing and loads nothing by itself.

QTextBrowser has no JavaScript and no network stack, but its default
``loadResource`` reads local files named by the HTML (``file:///etc/passwd``,
``/dev/zero``). Ours answers only image requests, only from the library's
image store (through an injected ``image_provider``), and remembers misses,
because Qt asks again on every repaint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

ImageProvider = Callable[[str], bytes | None]

#: Characters per line for a comfortable reading column.
COLUMN_CHARS = 72
MIN_MARGIN = 24


class ArticleView(QTextBrowser):
    """Shows one article; emits ``link_activated(url, external)`` for http(s) links."""

    link_activated = Signal(str, bool)

    def __init__(self, image_provider: ImageProvider | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self._image_provider = image_provider
        self._images: dict[str, QImage | None] = {}
        self.anchorClicked.connect(self._on_anchor)

    # ------------------------------------------------------------ content

    def set_image_provider(self, provider: ImageProvider | None) -> None:
        self._image_provider = provider
        self._images.clear()

    def show_html(self, html: str, style_sheet: str = "") -> None:
        """Replace the document; ``html`` must already be sanitised."""
        self._images.clear()
        document = self.document()
        document.setDefaultStyleSheet(style_sheet)
        self.setHtml(html)
        self._update_column()
        self.verticalScrollBar().setValue(0)

    # ------------------------------------------------------------ safety

    def loadResource(self, type: int, name: QUrl) -> Any:
        if type != QTextDocument.ResourceType.ImageResource.value or self._image_provider is None:
            return None
        key = name.toString()
        if key not in self._images:
            data = self._image_provider(key)
            image = QImage.fromData(data) if data else None
            self._images[key] = image if image is not None and not image.isNull() else None
        return self._images[key]

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https"):
            return
        modifiers = QGuiApplication.keyboardModifiers()
        external = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        self.link_activated.emit(url.toString(), external)

    # ------------------------------------------------------------ layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_column()
        super().resizeEvent(event)

    def _update_column(self) -> None:
        """Keep lines near COLUMN_CHARS long; Qt ignores CSS max-width on blocks.

        The margins go on the document's root frame rather than the viewport,
        so the page background and the scroll bar still span the whole pane.
        """
        metrics = QFontMetricsF(self.document().defaultFont())
        column = metrics.averageCharWidth() * COLUMN_CHARS
        spare = self.viewport().width() - column
        margin = max(MIN_MARGIN, spare / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - margin) < 1:
            return
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setTopMargin(MIN_MARGIN)
        fmt.setBottomMargin(MIN_MARGIN * 2)
        root.setFrameFormat(fmt)
