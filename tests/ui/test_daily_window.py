"""A day of reading: shortcuts, the saved theme, one face per article, badges, small screens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton, QToolButton
from pytestqt.qtbot import QtBot

from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.dialogs.shortcuts import ShortcutSheet
from reader.ui.gui import Gui, configure_app
from reader.ui.headlines import HeadlineDelegate, Row, relative_time
from reader.ui.main_window import MIN_ARTICLE_WIDTH
from reader.ui.related_panel import LINK_ROLE
from tests.ui.pages import Item, paragraphs, serve_feed
from tests.ui.windows import badge, source_key, start
from tests.web import TestWeb

TIMEOUT = 30_000


def activate(qtbot: QtBot, gui: Gui) -> None:
    gui.window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is gui.window, timeout=TIMEOUT)


def open_article(qtbot: QtBot, gui: Gui, url: str) -> None:
    with qtbot.waitSignal(
        gui.controller.article_shown, timeout=TIMEOUT, check_params_cb=lambda shown: shown == url
    ):
        gui.controller.open_url(url)


def stop(gui: Gui) -> None:
    gui.window.close()  # saves the window's state, as quitting does
    gui.shutdown()


# ------------------------------------------------------------ keys


def test_alt_left_and_alt_right_go_back_and_forward(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    first, second = web.article_urls("harbor")[:2]
    open_article(qtbot, gui, first)
    open_article(qtbot, gui, second)
    activate(qtbot, gui)
    gui.window.article.setFocus()
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as back:
        qtbot.keyClick(gui.window.article, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert back.args == [first]
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as forward:
        qtbot.keyClick(gui.window.article, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert forward.args == [second]
    sheet = ShortcutSheet(gui.window.shortcut_groups(), gui.window)
    qtbot.addWidget(sheet)
    lines = sheet.view.toPlainText().splitlines()
    keys_of_back = lines[lines.index("Back") - 1]
    assert keys_of_back.split(" or ").count("Alt+Left") == 1, keys_of_back
    assert "Shift+Space" in lines


def test_the_shortcut_sheet_follows_the_theme(qtbot: QtBot, gui: Gui) -> None:
    gui.wiring.set_theme("dark")
    try:
        sheet = ShortcutSheet(gui.window.shortcut_groups(), gui.window)
        qtbot.addWidget(sheet)
        sheet.resize(500, 560)
        image = sheet.view.viewport().grab().toImage()
        corner = lightness(image, image.width() - 5, image.height() - 5)
        ink = max(
            lightness(image, x, y) for x in range(0, image.width(), 3) for y in range(0, 120, 2)
        )
        assert corner < 80, f"a light sheet ({corner}) over a dark window"
        assert ink > 150, "its text is light on the dark page"
    finally:
        gui.wiring.set_theme("light")


def test_shift_space_pages_up_then_opens_the_previous_article(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    urls = web.article_urls("nusa")[:2]
    for url in urls:
        open_article(qtbot, gui, url)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.headlines.reload()
    view = gui.window.sources.headlines
    rows = [gui.headlines.row_at(i) for i in range(gui.headlines.rowCount())]
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
        view.setCurrentIndex(gui.headlines.index(1, 0))
    gui.window.resize(1100, 500)  # a short window: the article is longer than one screen
    bar = gui.window.article.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=TIMEOUT)
    bar.setValue(bar.maximum())
    activate(qtbot, gui)
    gui.window.article.setFocus()
    qtbot.keyClick(gui.window.article, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert 0 < bar.value() < bar.maximum(), "Shift+Space scrolls one screen up"
    bar.setValue(0)
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT) as shown:
        qtbot.keyClick(gui.window.article, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert shown.args == [rows[0].url]  # type: ignore[union-attr]


def test_o_without_a_browser_says_so(qtbot: QtBot, gui: Gui, web: TestWeb) -> None:
    # The offscreen platform has no browser to hand links to (openUrl fails).
    open_article(qtbot, gui, web.article_urls("harbor")[0])
    activate(qtbot, gui)
    gui.window.article.setFocus()
    qtbot.keyClick(gui.window.article, Qt.Key.Key_O)
    assert "No web browser" in gui.window.statusBar().currentMessage()


# ------------------------------------------------------------ theme


def lightness(image: QImage, x: int, y: int) -> int:
    return QColor(image.pixel(x, y)).lightness()


def test_a_saved_dark_theme_is_whole_after_a_restart(
    qtbot: QtBot, tmp_path: Path, restartable: list[Gui]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_app(app)  # the real app's style sheet: what made the restart half-dark
    try:
        first = start(qtbot, tmp_path, restartable)
        first.wiring.set_theme("dark")
        stop(first)
        app.setPalette(app.style().standardPalette())  # a new process starts light
        again = start(qtbot, tmp_path, restartable)
        w = again.window
        for pane in (w.sources.tree, w.sources.headlines, w.related, w.article):
            image = pane.grab().toImage()
            corner = lightness(image, image.width() - 5, image.height() - 5)
            assert corner < 80, f"{pane.objectName()} is light ({corner}) in the dark theme"
        selected = w.sources.tree.currentIndex()
        rect = w.sources.tree.visualRect(selected)
        tree = w.sources.tree.viewport().grab().toImage()
        assert lightness(tree, rect.right() - 3, rect.center().y()) < 140, "a light-blue selection"
        button = next(
            b for b in w.findChildren(QToolButton) if b.defaultAction() is w.act_add_source
        )
        text = button.palette().color(QPalette.ColorRole.ButtonText).lightness()
        face = button.palette().color(QPalette.ColorRole.Button).lightness()
        assert text - face > 100, "toolbar text must stand out from its dark background"
    finally:
        app.setStyleSheet("")


# ------------------------------------------------------------ one face per article


def rows_of(gui: Gui) -> dict[str, Row]:
    found = {}
    for number in range(gui.headlines.rowCount()):
        row = gui.headlines.row_at(number)
        if row is not None:
            found[row.url] = row
    return found


def shown_text(gui: Gui, row: Row) -> tuple[str, str, str]:
    """Title, outlet and time as the list draws them."""
    return row.title, row.outlet, relative_time(row.when)


def test_one_article_shows_one_title_date_and_outlet_in_every_list(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    items = [
        Item("tanpa-tanggal", "Banjir di Hulu (judul umpan)", "Banjir di Hulu Sungai",
             feed_date="Mon, 02 Mar 2026 08:00:00 +0700"),  # page: no date, no site name
        Item("bertanggal", "Gempa (judul umpan)", "Gempa Kecil di Pesisir",
             feed_date="Tue, 03 Mar 2026 09:00:00 +0700", page_date="2026-03-03T10:30:00+07:00",
             site_name="Kabar Pesisir"),
    ]  # fmt: skip
    feed, urls = serve_feed(web, "oneface", "Warta Daerah — Berita Terkini", items)
    with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT):
        gui.controller.add_source(feed)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.headlines.reload()  # "All articles", chosen at start
    everything = rows_of(gui)
    key = source_key(gui)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.window.sources.select("source", key)
    by_source = rows_of(gui)
    assert set(urls) <= set(everything) and set(urls) == set(by_source)
    for url in urls:
        assert shown_text(gui, everything[url]) == shown_text(gui, by_source[url])
    dateless, dated = (everything[u] for u in urls)
    assert dateless.title == "Banjir di Hulu Sungai"
    assert dateless.outlet == "Warta Daerah — Berita Terkini", "the feed names it, not an IP"
    assert dateless.when.isoformat().startswith("2026-03-02T01:00"), "the feed's date"
    assert dated.outlet == "Kabar Pesisir" and dated.when.isoformat().startswith(
        "2026-03-03T03:30"
    ), "the page's own date and site name win"
    ordered = [r.url for r in (gui.headlines.row_at(i) for i in range(2)) if r]
    assert ordered == [urls[1], urls[0]], "sorted by the one date"
    tip = str(gui.headlines.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert "Kabar Pesisir" in tip and urls[1] in tip
    if datetime.now().astimezone().utcoffset() != timedelta(hours=7):
        assert "(10:30 UTC+07:00 on the page)" in tip, "local time, with the page's clock beside"


def test_a_source_badge_falls_as_its_articles_are_read(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    titles = [
        "Harga Cabai Naik Jelang Panen",
        "Jembatan Gantung Baru Dibuka",
        "Festival Kopi Digelar",
    ]
    items = [Item(f"baca-{n}", title, title) for n, title in enumerate(titles)]
    feed, _urls = serve_feed(web, "badges", "Badge Daily", items)
    with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT) as finished:
        gui.controller.add_source(feed)
    assert "3 new headlines" in gui.window.statusBar().currentMessage(), finished.args
    key = source_key(gui)
    qtbot.waitUntil(lambda: badge(gui, key) == 3, timeout=TIMEOUT)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.window.sources.select("source", key)
    with qtbot.waitSignal(gui.controller.article_shown, timeout=TIMEOUT):
        gui.window.sources.headlines.setCurrentIndex(gui.headlines.index(0, 0))
    qtbot.waitUntil(lambda: badge(gui, key) == 2, timeout=TIMEOUT)


# ------------------------------------------------------------ small screens, preferences


def test_at_1024_the_article_keeps_its_width_and_hidden_panes_stay_hidden(
    qtbot: QtBot, tmp_path: Path, restartable: list[Gui]
) -> None:
    gui = start(qtbot, tmp_path, restartable)
    w = gui.window
    w.resize(1024, 700)
    qtbot.waitUntil(lambda: w.width() == 1024, timeout=TIMEOUT)
    assert w.article.width() >= MIN_ARTICLE_WIDTH
    assert w.sources.isVisible() and w.related.isVisible()
    w.act_show_related.trigger()
    assert not w.related.isVisible()
    # The article takes the room (the splitter lays out on the next event round).
    qtbot.waitUntil(lambda: w.article.width() > MIN_ARTICLE_WIDTH + 150, timeout=TIMEOUT)
    stop(gui)
    again = start(qtbot, tmp_path, restartable)
    assert not again.window.related.isVisible() and not again.window.act_show_related.isChecked()
    assert again.window.sources.isVisible()
    again.window.act_show_sources.trigger()  # both hidden: the article has the window
    splitter = again.window.splitter
    qtbot.waitUntil(lambda: again.window.article.width() >= splitter.width() - 2, timeout=TIMEOUT)
    stop(again)
    third = start(qtbot, tmp_path, restartable)
    assert not third.window.sources.isVisible() and not third.window.related.isVisible()
    third.window.act_show_sources.trigger()
    assert third.window.sources.isVisible()


def test_text_size_reads_as_people_write_it(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences(font_size=15.0))
    qtbot.addWidget(dialog)
    assert dialog.size_box.text() == "15 pt"
    dialog.size_box.setValue(12.5)
    assert dialog.size_box.text() == "12.5 pt"


def test_a_read_starred_row_has_no_blank_band(qtbot: QtBot, gui: Gui) -> None:
    """Rows are measured with a bold title; a read one that needs a line less is centred."""
    view = gui.window.sources.headlines
    font = view.font()
    bold = QFont(font)
    bold.setBold(True)
    title = "Warga desa menyambut jembatan baru"
    regular_width = QFontMetrics(font).horizontalAdvance(title)
    bold_width = QFontMetrics(bold).horizontalAdvance(title)
    assert bold_width > regular_width + 4
    row = Row("https://example.invalid/a", title, "Kabar Desa", datetime.now(UTC), True, True)
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.headlines.set_loader(lambda after, offset, limit: [row] if after is None else [])
    # A list just wide enough for the regular title on one line, too narrow for the bold one.
    padding = 2 * HeadlineDelegate.PADDING
    chrome = view.width() - view.viewport().width()
    gui.window.act_show_related.setChecked(False)
    gui.window.splitter.setSizes([(regular_width + bold_width) // 2 + padding + chrome, 800, 0])
    qtbot.waitUntil(
        lambda: regular_width + padding < view.viewport().width() < bold_width + padding,
        timeout=TIMEOUT,
    )
    view.clearSelection()
    rect = view.visualRect(gui.headlines.index(0, 0))
    image = view.viewport().grab().toImage()
    background = QColor(image.pixel(rect.right() - 2, rect.top() + 2)).lightness()
    inked = [
        y
        for y in range(rect.top(), rect.bottom())
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - background) > 60
            for x in range(rect.left() + 8, min(rect.right(), rect.left() + 200))
        )
    ]
    above, below = inked[0] - rect.top(), rect.bottom() - inked[-1]
    assert abs(above - below) <= 4, f"{above} px above the text, {below} px below it"


def ink_rows(image: QImage, left: int, right: int, top: int, bottom: int) -> list[int]:
    background = QColor(image.pixel(right - 2, top + 2)).lightness()
    return [
        y
        for y in range(top, bottom)
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - background) > 60 for x in range(left, right)
        )
    ]


def test_a_long_list_has_no_blank_band_above_its_titles(qtbot: QtBot, gui: Gui) -> None:
    """With a scroll bar, rows are measured as wide as they are drawn: a title never
    gets a line more room than it takes (a blank band above and below it)."""
    view = gui.window.sources.headlines
    bold = QFont(view.font())
    bold.setBold(True)
    title = "Rekapitulasi Suara Pilkada Sekar Wangi: Petahana Unggul Tipis 1,8 Persen"
    metrics = QFontMetrics(bold)

    def lines(width: int) -> int:
        rect = metrics.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), title)
        return round(rect.height() / metrics.lineSpacing())

    two_lines = next(w for w in range(150, 800) if lines(w) == 2)  # narrowest width for 2
    now = datetime.now(UTC)
    rows = [
        Row(f"https://example.invalid/{n}", title, "Kabar", now, False, False) for n in range(40)
    ]
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.headlines.set_loader(lambda after, offset, limit: rows if after is None else [])
    padding = 2 * HeadlineDelegate.PADDING
    gui.window.resize(1200, 700)
    gui.window.act_show_related.setChecked(False)
    qtbot.waitUntil(view.verticalScrollBar().isVisible, timeout=TIMEOUT)  # 40 rows need one
    chrome = view.width() - view.viewport().width()
    gui.window.splitter.setSizes([two_lines + padding + chrome + 4, 800, 0])
    qtbot.waitUntil(
        lambda: two_lines + padding < view.viewport().width() <= two_lines + padding + 12,
        timeout=TIMEOUT,
    )
    view.clearSelection()
    image = view.viewport().grab().toImage()
    for number in range(3):
        rect = view.visualRect(gui.headlines.index(number, 0))
        inked = ink_rows(image, rect.left() + 8, rect.left() + 200, rect.top(), rect.bottom())
        above, below = inked[0] - rect.top(), rect.bottom() - inked[-1]
        assert above <= HeadlineDelegate.PADDING + 5, f"{above} px above the title"
        assert below <= HeadlineDelegate.PADDING + 6, f"{below} px below the line under it"


def origin(url: str) -> str:
    return url.split("/", 3)[2]


def test_one_outlet_is_named_one_way_in_the_list_the_article_and_read_more(
    qtbot: QtBot, gui: Gui, web: TestWeb
) -> None:
    """A page's "read further" list calls NusaKini "Nusa Kini"; Kabar's lists call it by
    its site name: the panel uses the lists' name, as do the byline and the status bar."""
    with qtbot.waitSignal(gui.controller.refresh_finished, timeout=TIMEOUT):
        gui.controller.add_source(web.feed_urls("nusa")[0])
    with qtbot.waitSignal(gui.headlines.page_loaded, timeout=TIMEOUT):
        gui.headlines.reload()
    rows = rows_of(gui)
    nusa = {row.outlet for row in rows.values()}
    assert len(nusa) == 1 and all(nusa)
    [name] = nusa
    first, second = list(rows)[:2]
    links = "".join(
        f"<li><a href='{url}'><span>{rows[url].title}</span><br><span>Nusa Kini</span></a></li>"
        for url in (first, second)
    )
    page_url = web.outlet("warta").url("/daily-outlet/pesisir.html")
    web.serve(
        page_url,
        "<html><head><title>Rob di Pesisir</title>"
        "<meta property='og:site_name' content='WartaKilat'></head><body><article>"
        "<h1>Rob di Pesisir Utara Belum Surut</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs("outlet", 4))
        + f"<div><h3>Baca Lebih Lanjut</h3><ul>{links}</ul></div></article></body></html>",
    )
    open_article(qtbot, gui, page_url)
    panel = gui.window.related.list_widget
    shown = [
        link for i in range(panel.count()) if (link := panel.item(i).data(LINK_ROLE)) is not None
    ]
    assert {first, second} <= {link.url for link in shown}
    assert {link.source for link in shown if origin(link.url) == origin(first)} == {name}
    assert "WartaKilat" in gui.window.article.toPlainText().splitlines()[1], "the byline"
    assert gui.window.statusBar().currentMessage().startswith("WartaKilat · ")


def test_an_unchecked_box_can_be_seen_in_the_dark_theme(qtbot: QtBot, gui: Gui) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_app(app)  # the application's style
    gui.wiring.set_theme("dark")
    try:
        box = QCheckBox("Show pictures in articles")
        qtbot.addWidget(box)
        box.setChecked(False)
        box.show()
        qtbot.waitExposed(box)
        image = box.grab().toImage()
        around = lightness(image, 1, 1)
        indicator = box.style().subElementRect(
            QStyle.SubElement.SE_CheckBoxIndicator, QStyleOptionButton(), box
        )
        edge = max(
            abs(lightness(image, x, y) - around)
            for x in range(indicator.left(), indicator.right() + 1)
            for y in range(max(0, indicator.top()), min(image.height(), indicator.bottom() + 1))
        )
        assert edge > 60, f"the box stands out from the window by {edge} only"
    finally:
        gui.wiring.set_theme("light")
        app.setStyleSheet("")
