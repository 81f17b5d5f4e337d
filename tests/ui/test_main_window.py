"""The window shell: three panes, menus, persistence, safe article view, clean quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.models import RelatedLink
from reader.ui import theme
from reader.ui.article_view import ArticleView
from reader.ui.main_window import MainWindow

IMAGE = QTextDocument.ResourceType.ImageResource.value


def png(width: int = 1, height: int = 1) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide wants str
    return bytes(buffer.data().data())


PNG_1PX = png()


def make_window(qtbot: QtBot, state: Path) -> MainWindow:
    window = MainWindow(state, theme.THEMES["light"])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_window_has_the_three_parts_and_a_welcome(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "window.ini")
    assert window.windowTitle() == "Kabar"
    panes = [window.splitter.widget(i) for i in range(window.splitter.count())]
    assert panes == [window.sources, window.article, window.related]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "View", "Go", "Article", "Help"]
    assert "Welcome to Kabar" in window.article.toPlainText()
    assert window.statusBar().currentMessage() == "Ready"


def test_first_window_fits_the_screen(qtbot: QtBot, tmp_path: Path) -> None:
    """No saved state: the window must not spill off a small (laptop) screen."""
    window = make_window(qtbot, tmp_path / "window.ini")
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert screen.contains(window.frameGeometry().center())


def test_geometry_and_splitters_survive_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    state = tmp_path / "window.ini"
    first = make_window(qtbot, state)
    first.resize(790, 540)
    first.splitter.setSizes([170, 450, 160])
    sizes = first.splitter.sizes()
    first.close()
    second = make_window(qtbot, state)
    assert second.size().width() == 790
    assert second.splitter.sizes() == sizes


def test_ctrl_q_closes_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "window.ini")
    # Offscreen, activateWindow() does nothing; the platform window must ask.
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    with qtbot.waitSignal(window.closing, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_article_view_reads_no_local_files(qtbot: QtBot, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG_1PX)
    asked: list[str] = []

    def provider(url: str) -> bytes | None:
        asked.append(url)
        return None

    view = ArticleView(image_provider=provider)
    qtbot.addWidget(view)
    view.show_html(f'<p>x</p><img src="file://{secret}"><img src="{secret}">')
    # An empty answer, not None: None would let Qt read the file itself.
    assert view.loadResource(IMAGE, QUrl(f"file://{secret}")).isNull()
    assert view.loadResource(IMAGE, QUrl(str(secret))).isNull()
    stylesheet = QTextDocument.ResourceType.StyleSheetResource.value
    assert view.loadResource(stylesheet, QUrl("file:///etc/hosts")) == ""
    assert asked == []


def test_article_view_serves_library_images_and_remembers_misses(qtbot: QtBot) -> None:
    asked: list[str] = []

    def provider(url: str) -> bytes | None:
        asked.append(url)
        return PNG_1PX if url.endswith("/a.png") else None

    view = ArticleView(image_provider=provider)
    qtbot.addWidget(view)
    image = view.loadResource(IMAGE, QUrl("https://example.org/a.png"))
    assert image is not None and image.width() == 1
    for _ in range(5):
        assert view.loadResource(IMAGE, QUrl("https://example.org/missing.png")).isNull()
    assert asked.count("https://example.org/missing.png") == 1


def test_only_web_links_leave_the_article_view(qtbot: QtBot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    seen: list[tuple[str, bool]] = []
    view.link_activated.connect(lambda url, external: seen.append((url, external)))
    # Shift is read from the application's last input event: a key pressed without it
    # makes these plain clicks even after a test that held Shift (Shift+Space).
    qtbot.keyClick(view, Qt.Key.Key_Control)
    for url in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "smb://host/share",
        "https://a.example/x",
    ):
        view.anchorClicked.emit(QUrl(url))
    assert seen == [("https://a.example/x", False)]


def test_related_panel_reports_the_clicked_link(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "window.ini")
    links = [
        RelatedLink("https://a.example/1", "Harga beras turun", "Warta", "block"),
        RelatedLink("https://b.example/2", "Banjir di pesisir", "Nusa", "inline"),
    ]
    window.related.set_links(links)
    # Grouped: teasers found in the text first, then the page's related list.
    assert window.related.links() == ["https://b.example/2", "https://a.example/1"]
    item_list = window.related.list_widget
    item = window.related.item_for("https://b.example/2")
    assert item is not None
    rect = item_list.visualItemRect(item)
    with qtbot.waitSignal(window.related.link_activated, timeout=2000) as blocker:
        qtbot.mouseClick(item_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["https://b.example/2", "Banjir di pesisir"]
