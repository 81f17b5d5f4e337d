"""The article view: a QTextBrowser that runs nothing and loads nothing by itself.

QTextBrowser has no JavaScript and no network stack, but Qt reads local files
named by the HTML it shows (``file:///etc/passwd``, ``<img src="/dev/zero">``,
a stylesheet ``<link>``, a table ``background``) whenever the view's
``loadResource`` gives no answer: ``QTextDocument`` then falls back to reading
the path itself. This view is the last line of defence and holds on its own,
whatever HTML reaches it:

* every resource Qt asks for is answered here: a picture from the library's
  image store (through an injected ``image_provider``), else an *empty* image;
  an empty text for anything else. An answer, even empty, stops Qt's fallback.
  Answers are remembered, because Qt asks again on every repaint;
* the HTML is defused before Qt parses it (:func:`defuse`): ``<style>``,
  ``<link>``, ``<base>`` and ``<meta>`` elements and ``style`` and
  ``background`` attributes are removed, so CSS ``url()`` and background
  images are never even asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextLength,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

ImageProvider = Callable[[str], bytes | None]

FUZZY = Qt.HitTestAccuracy.FuzzyHit

#: Characters per line for a comfortable reading column.
COLUMN_CHARS = 72
MIN_MARGIN = 24


#: Scheme of the links Kabar itself puts in its own pages (Retry, Open in browser).
ACTION_SCHEME = "kabar-action"

#: Elements removed with their content, and void elements removed, before Qt sees the HTML.
_DROPPED_BLOCKS_RE = re.compile(
    r"<(style|script|title)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL
)
_DROPPED_TAGS = frozenset({"link", "base", "meta"})
#: Attributes through which Qt loads something (CSS url(), background pictures).
_DROPPED_ATTRIBUTES = frozenset({"style", "background"})
_TAG_RE = re.compile(r"""<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE_RE = re.compile(r"""([^\s=/>"']+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']*))?""")


def defuse(html: str) -> str:
    """``html`` without what makes Qt fetch anything but pictures: ``<style>`` (and
    ``<script>``, ``<title>``) with their content, ``<link>``, ``<base>``, ``<meta>``,
    and every ``style`` and ``background`` attribute. Pictures stay: their only source
    is :meth:`ArticleView.loadResource`."""
    html = _DROPPED_BLOCKS_RE.sub("", html)

    def tag(match: re.Match[str]) -> str:
        closing, name, rest = match.groups()
        if name.lower() in _DROPPED_TAGS:
            return ""
        if closing or "=" not in rest:
            return match.group(0)
        kept = [
            attribute.group(0)
            for attribute in _ATTRIBUTE_RE.finditer(rest)
            if attribute.group(1).lower() not in _DROPPED_ATTRIBUTES
        ]
        end = "/" if rest.rstrip().endswith("/") else ""
        return f"<{name}{''.join(' ' + a for a in kept if a != '/')}{end}>"

    return _TAG_RE.sub(tag, html)


class ArticleView(QTextBrowser):
    """Shows one article; emits ``link_activated(url, external)`` for http(s) links.

    Pages Kabar writes itself (loading, errors) may carry ``kabar-action:NAME``
    links, reported as ``action_requested(NAME)``. The sanitiser removes every
    non-http(s) link from article content, so a page cannot forge them.
    """

    link_activated = Signal(str, bool)
    action_requested = Signal(str)

    def __init__(self, image_provider: ImageProvider | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always on: a scroll bar appearing would narrow the page and lay it out again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._fitted_column = 0.0
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(120)
        self._refit.timeout.connect(self._refit_images)
        self.document().setUndoRedoEnabled(False)
        self._image_provider = image_provider
        self._images: dict[str, QImage] = {}
        self.anchorClicked.connect(self._on_anchor)

    # ------------------------------------------------------------ content

    def show_document(self, html: str, images: dict[str, QImage], style_sheet: str) -> None:
        """Show a rendered article whose images were decoded and sized in the background.

        The HTML already carries each picture's display size for the current
        column (see :meth:`column_width`), so the page is laid out once.
        """
        self._images.clear()
        self._images.update(images)
        document = self.document()
        if document.defaultStyleSheet() != style_sheet:
            document.setDefaultStyleSheet(style_sheet)
        self.setHtml(defuse(html))
        self._update_column(force=True, fit=False)
        self._fitted_column = self.column_width()
        self.verticalScrollBar().setValue(0)

    def loaded_images(self) -> dict[str, QImage]:
        """The pictures the page shows now (to show it again in another look)."""
        return {url: image for url, image in self._images.items() if image is not None}

    def add_images(self, images: dict[str, QImage]) -> None:
        """Pictures decoded after the page was shown: their boxes already have the
        right size, so they are painted in place without laying the page out again."""
        document = self.document()
        for url, image in images.items():
            self._images[url] = image
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        self.viewport().update()

    def column_width(self) -> float:
        """Width available to pictures in the reading column, in pixels."""
        return max(80.0, self.viewport().width() - 2 * self._margin() - 4)

    def _margin(self) -> float:
        """Side margin that keeps lines near COLUMN_CHARS long."""
        metrics = QFontMetricsF(self.document().defaultFont())
        column = metrics.averageCharWidth() * COLUMN_CHARS
        return max(MIN_MARGIN, (self.viewport().width() - column) / 2)

    def show_html(self, html: str, style_sheet: str = "") -> None:
        """Replace the document; ``html`` must already be sanitised (it is defused too)."""
        self._images = {}
        document = self.document()
        document.setDefaultStyleSheet(style_sheet)
        self.setHtml(defuse(html))
        self._update_column(force=True)
        self.verticalScrollBar().setValue(0)

    # ------------------------------------------------------------ safety

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Answer every resource Qt asks for, so it never reads one itself (see module).

        Pictures come from the library's image store or are empty; anything else
        (stylesheets, HTML, markdown) is empty text. Never ``None``: a missing
        answer is what makes Qt open the named path on its own.
        """
        if type != QTextDocument.ResourceType.ImageResource.value:
            return ""
        key = name.toString() if isinstance(name, QUrl) else name
        image = self._images.get(key)
        if image is None:
            image = QImage()
            if self._image_provider is not None and key.startswith(("http://", "https://")):
                data = self._image_provider(key)
                decoded = QImage.fromData(data) if data else None
                if decoded is not None and not decoded.isNull():
                    image = decoded
            self._images[key] = image
        return image

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == ACTION_SCHEME:
            self.action_requested.emit(url.path())
            return
        if url.scheme() not in ("http", "https"):
            return
        modifiers = QGuiApplication.keyboardModifiers()
        external = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        self.link_activated.emit(url.toString(), external)

    # ------------------------------------------------------------ reading

    def reading_position(self) -> int:
        """Where the reader is: the document position at the top of the view."""
        bar = self.verticalScrollBar()
        if bar.value() <= 0:
            return 0
        margin = self.document().rootFrame().frameFormat().leftMargin()
        layout = self.document().documentLayout()
        return max(0, layout.hitTest(QPointF(margin + 4, bar.value() + 2), FUZZY))

    def scroll_to_position(self, position: int) -> None:
        """Bring document ``position`` back to the top of the view (after a relayout)."""
        bar = self.verticalScrollBar()
        if position <= 0:
            bar.setValue(0)
            return
        block = self.document().findBlock(position)
        if not block.isValid():
            return
        layout = block.layout()
        top = self.document().documentLayout().blockBoundingRect(block).top()
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(position - block.position())
            if line.isValid():
                top += line.y()
        bar.setValue(int(top))

    def set_font_size(self, points: float) -> None:
        keep = self.reading_position()
        font = self.document().defaultFont()
        font.setPointSizeF(points)
        self.document().setDefaultFont(font)
        self._update_column(force=True)
        self.scroll_to_position(keep)

    def font_size(self) -> float:
        return self.document().defaultFont().pointSizeF()

    def set_font_family(self, family: str) -> None:
        keep = self.reading_position()
        font = self.document().defaultFont()
        if family:
            font.setFamily(family)
        self.document().setDefaultFont(font)
        self._update_column(force=True)
        self.scroll_to_position(keep)

    def page_down(self) -> bool:
        """Scroll one screen; False when already at the end (space then moves on)."""
        bar = self.verticalScrollBar()
        if bar.value() >= bar.maximum():
            return False
        bar.setValue(bar.value() + bar.pageStep() - 40)
        return True

    def page_up(self) -> bool:
        """Scroll one screen back; False when already at the top (then: previous article)."""
        bar = self.verticalScrollBar()
        if bar.value() <= bar.minimum():
            return False
        bar.setValue(bar.value() - bar.pageStep() + 40)
        return True

    # ------------------------------------------------------------ layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_column()
        super().resizeEvent(event)

    def _update_column(self, force: bool = False, fit: bool = True) -> None:
        """Keep lines near COLUMN_CHARS long; Qt ignores CSS max-width on blocks.

        The margins go on the document's root frame rather than the viewport,
        so the page background and the scroll bar still span the whole pane.
        Images get a fixed maximum width equal to the column: Qt resolves
        ``max-width: 100%`` against the page, not the frame's content.
        """
        margin = self._margin()
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if not force and abs(fmt.leftMargin() - margin) < 1:
            return
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setTopMargin(MIN_MARGIN)
        fmt.setBottomMargin(MIN_MARGIN * 2)
        root.setFrameFormat(fmt)
        if fit and self._images and abs(self.column_width() - self._fitted_column) >= 1:
            self._refit.start()  # resizing: fit pictures once the user stops dragging

    def _refit_images(self) -> None:
        column = self.column_width()
        self._fit_images(column)
        self._fitted_column = column

    def _fit_images(self, column: float) -> None:
        """Give every image an explicit size that fits the column, keeping its shape.

        ``maximumWidth`` alone narrows an image but keeps its full height (a
        blank band under it), so width and height are both set from the
        decoded image.
        """
        document = self.document()
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                char_format = fragment.charFormat()
                if char_format.isImageFormat():
                    image_format = char_format.toImageFormat()
                    image = self._images.get(image_format.name())
                    if image is not None and not image.isNull() and image.width() > 0:
                        width = min(float(image.width()), column)
                        image_format.setWidth(width)
                        image_format.setHeight(width * image.height() / image.width())
                    else:
                        image_format.setMaximumWidth(
                            QTextLength(QTextLength.Type.FixedLength, column)
                        )
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(image_format)
                fragments += 1
            block = block.next()
