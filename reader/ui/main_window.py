"""The main window: layout, actions, menus, toolbar, status bar, window state.

A thin coordinator: it builds the three panes and the actions, shows what the
controller hands it, and forwards what the user does to the controller.
Decisions live in :mod:`reader.ui.controller` and the core services.
"""

from __future__ import annotations

import html as htmllib
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader import APP_NAME
from reader.ui import assets
from reader.ui.article_view import ACTION_SCHEME, ArticleView
from reader.ui.errors import Problem
from reader.ui.headlines import HeadlineDelegate
from reader.ui.related_panel import RelatedPanel
from reader.ui.source_list import SourceList
from reader.ui.theme import Theme

DEFAULT_FONT_SIZE = 12.5
FONT_SIZES = (9.0, 10.0, 11.0, 12.0, 12.5, 13.5, 15.0, 17.0, 19.0, 22.0, 26.0)
#: First-start window size (width, height), shrunk to fit smaller screens.
DEFAULT_SIZE = (1320, 820)
#: The article column never gets narrower than this (about 60 characters): when
#: the window narrows, the side panes yield first (and can be hidden from the
#: View menu). All three together still fit an 800-pixel screen.
MIN_ARTICLE_WIDTH = 480
MIN_SOURCES_WIDTH = 160
MIN_RELATED_WIDTH = 140


def distinct_keys(*shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The key sequences of ``shortcuts``, each once, in order.

    A platform's standard key often repeats an explicit one (``StandardKey.Back``
    is Alt+Left on X11): Qt treats one sequence registered twice as an ambiguous
    shortcut and runs neither.
    """
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys.extend(QKeySequence.keyBindings(shortcut))
        else:
            keys.append(QKeySequence(shortcut))
    seen: set[str] = set()
    distinct = []
    for key in keys:
        name = key.toString(QKeySequence.SequenceFormat.PortableText)
        if name and name not in seen:
            seen.add(name)
            distinct.append(key)
    return distinct


class MainWindow(QMainWindow):
    """Source list | article view | related links, in one horizontal splitter."""

    #: Emitted once the window has saved its state and is really closing.
    closing = Signal()

    def __init__(self, state_file: Path, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._theme = theme
        self._state = QSettings(str(state_file), QSettings.Format.IniFormat)

        self.sources = SourceList()
        self.sources.headlines.setItemDelegate(HeadlineDelegate(self.sources.headlines))
        self.article = ArticleView()
        self.related = RelatedPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.sources, self.article, self.related):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.sources.setMinimumWidth(MIN_SOURCES_WIDTH)
        self.related.setMinimumWidth(MIN_RELATED_WIDTH)
        self.article.setMinimumWidth(MIN_ARTICLE_WIDTH)
        self.splitter.setSizes([320, 700, 290])
        self.setCentralWidget(self.splitter)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search the library"))
        self.search_field.setAccessibleName(self.tr("Search the library"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMaximumWidth(320)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.show_welcome()
        self._restore_state()
        # Mouse back/forward buttons anywhere in the window.
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    # ------------------------------------------------------------ actions

    def _action(
        self, text: str, *shortcuts: QKeySequence | QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(distinct_keys(*shortcuts))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.act_add_source = self._action(self.tr("&Add Source…"), "Ctrl+N")
        self.act_open_link = self._action(self.tr("&Open Link…"), "Ctrl+L")
        self.act_import_opml = self._action(self.tr("&Import Sources (OPML)…"))
        self.act_export_opml = self._action(self.tr("&Export Sources (OPML)…"))
        self.act_import = self._action(self.tr("Import Saved Ar&ticles…"), "Ctrl+Shift+I")
        self.act_export = self._action(self.tr("E&xport Articles…"), "Ctrl+Shift+E")
        self.act_stop_transfer = self._action(self.tr("Stop Import or Export"))
        self.act_stop_transfer.setIconText(self.tr("Stop"))
        self.act_stop_transfer.setEnabled(False)
        self.act_offline = self._action(self.tr("Work O&ffline"), "Ctrl+Shift+O")
        self.act_offline.setCheckable(True)
        self.act_preferences = self._action(self.tr("&Preferences…"), "Ctrl+,")
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_quit = self._action(self.tr("&Quit"), "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.act_quit.triggered.connect(self.close)

        self.act_refresh = self._action(self.tr("&Refresh All"), "R", "F5")
        self.act_refresh_source = self._action(self.tr("Refresh S&ource"), "Shift+R")
        self.act_cancel = self._action(self.tr("S&top Refreshing"))
        self.act_cancel.setEnabled(False)
        self.act_find = self._action(self.tr("&Search Library"), std.Find, "/")
        self.act_find.triggered.connect(self.focus_search)
        self.act_bigger = self._action(self.tr("&Bigger Text"), "Ctrl++", "Ctrl+=")
        self.act_smaller = self._action(self.tr("S&maller Text"), "Ctrl+-")
        self.act_normal_size = self._action(self.tr("&Normal Text Size"), "Ctrl+0")
        self.act_bigger.triggered.connect(lambda: self.step_font(+1))
        self.act_smaller.triggered.connect(lambda: self.step_font(-1))
        self.act_normal_size.triggered.connect(lambda: self.set_font_size(DEFAULT_FONT_SIZE))
        self.act_images = self._action(self.tr("Show &Images"))
        self.act_images.setCheckable(True)
        self.act_images.setChecked(True)
        self.act_show_sources = self._action(self.tr("So&urces"))
        self.act_show_related = self._action(self.tr("R&ead More"))
        for action, pane in (
            (self.act_show_sources, self.sources),
            (self.act_show_related, self.related),
        ):
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(pane.setVisible)
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in (
            ("system", self.tr("Follow the &System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
            ("sepia", self.tr("S&epia")),
        ):
            action = QAction(label, self.theme_group)
            action.setCheckable(True)
            action.setData(key)
            self.theme_actions[key] = action

        self.act_next = self._action(self.tr("&Next Article"), "J")
        self.act_previous = self._action(self.tr("&Previous Article"), "K")
        self.act_next_unread = self._action(self.tr("Next &Unread"), "N")
        self.act_page_down = self._action(self.tr("Page Down, then Next"), "Space")
        self.act_page_up = self._action(self.tr("Page Up, then Previous"), "Shift+Space")
        self.act_back = self._action(self.tr("&Back"), "Alt+Left", std.Back)
        self.act_forward = self._action(self.tr("&Forward"), "Alt+Right", std.Forward)

        self.act_save = self._action(self.tr("&Save to Collection…"), "S")
        self.act_star = self._action(self.tr("S&tar"), "*", "F")
        self.act_toggle_read = self._action(self.tr("Mark &Read/Unread"), "M")
        self.act_mark_all_read = self._action(self.tr("Mark &All as Read"), "Shift+A")
        self.act_undo_mark = self._action(self.tr("&Undo Mark All as Read"), std.Undo)
        self.act_open_browser = self._action(self.tr("Open in &Browser"), "O")
        self.act_copy_link = self._action(self.tr("&Copy Link"), "Ctrl+Shift+C")
        self.act_shortcuts = self._action(self.tr("&Keyboard Shortcuts"), "?", "F1")
        self.act_about = self._action(self.tr("&About Kabar"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_add_source, self.act_open_link])
        file_menu.addSeparator()
        file_menu.addActions([self.act_import_opml, self.act_export_opml])
        file_menu.addActions([self.act_import, self.act_export])
        file_menu.addSeparator()
        file_menu.addActions([self.act_offline, self.act_preferences])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.act_refresh, self.act_refresh_source, self.act_cancel])
        view_menu.addSeparator()
        view_menu.addAction(self.act_find)
        view_menu.addSeparator()
        view_menu.addActions([self.act_show_sources, self.act_show_related])
        view_menu.addSeparator()
        view_menu.addActions([self.act_bigger, self.act_smaller, self.act_normal_size])
        view_menu.addAction(self.act_images)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        theme_menu.addActions(list(self.theme_actions.values()))
        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addActions(
            [
                self.act_next,
                self.act_previous,
                self.act_next_unread,
                self.act_page_down,
                self.act_page_up,
            ]
        )
        go_menu.addSeparator()
        go_menu.addActions([self.act_back, self.act_forward])
        article_menu = bar.addMenu(self.tr("&Article"))
        article_menu.addActions([self.act_save, self.act_star, self.act_toggle_read])
        article_menu.addActions([self.act_mark_all_read, self.act_undo_mark])
        article_menu.addSeparator()
        article_menu.addActions([self.act_open_browser, self.act_copy_link])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.act_refresh, self.act_add_source])
        toolbar.addSeparator()
        toolbar.addActions([self.act_back, self.act_forward])
        toolbar.addSeparator()
        toolbar.addActions([self.act_save, self.act_star, self.act_open_browser])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_field)
        toolbar.addAction(self.act_offline)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setObjectName("refreshProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(self.act_cancel)
        self.cancel_button.setText(self.tr("Stop"))
        self.cancel_button.hide()
        self.network_label = QLabel(self.tr("Online"))
        self.network_label.setObjectName("networkIndicator")
        self.network_label.setAccessibleName(self.tr("Network status"))
        # Imports and exports have their own progress: they can run beside a refresh.
        self.transfer_label = QLabel()
        self.transfer_label.setObjectName("transferProgressLabel")
        self.transfer_label.hide()
        self.transfer_progress = QProgressBar()
        self.transfer_progress.setObjectName("transferProgress")
        self.transfer_progress.setMaximumWidth(140)
        self.transfer_progress.setTextVisible(False)
        self.transfer_progress.hide()
        self.transfer_stop = QToolButton()
        self.transfer_stop.setDefaultAction(self.act_stop_transfer)
        self.transfer_stop.setText(self.tr("Stop"))
        self.transfer_stop.hide()
        status.addPermanentWidget(self.transfer_label)
        status.addPermanentWidget(self.transfer_progress)
        status.addPermanentWidget(self.transfer_stop)
        status.addPermanentWidget(self.progress_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.network_label)
        status.showMessage(self.tr("Ready"))

    def shortcut_groups(self) -> list[tuple[str, list[QAction]]]:
        """Each menu's title and actions, in menu order (for the shortcut sheet)."""
        groups = []
        for entry in self.menuBar().actions():
            menu = entry.menu()
            if not isinstance(menu, QMenu):
                continue
            actions = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
            groups.append((entry.text(), actions))
        return groups

    # ------------------------------------------------------------ showing things

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def article_style(self) -> str:
        t = self._theme
        return (
            assets.style("article.css")
            .replace("@text", t.text)
            .replace("@muted", t.muted)
            .replace("@link", t.link)
            .replace("@rule", t.rule)
        )

    def show_welcome(self) -> None:
        html = assets.template("welcome.html").safe_substitute(
            title=self.tr("Welcome to Kabar"),
            lead=self.tr(
                "Clean articles, related reading one click away, and everything kept for offline."
            ),
            step_source=self.tr(
                "Add a news source with <b>Ctrl+N</b>, or pick from the starter list."
            ),
            step_link=self.tr("Paste any article link with <b>Ctrl+L</b> to read it cleaned."),
            step_save=self.tr("Press <b>S</b> to keep an article in a collection forever."),
            start_starter=self.tr("Start with well-known news outlets"),
            start_add=self.tr("Add your own source"),
        )
        self.article.show_html(html, self.article_style())
        self.related.set_links([])

    def show_loading(self, url: str, title: str) -> None:
        esc = htmllib.escape
        heading = esc(title) if title else esc(self.tr("Opening the article…"))
        opening = esc(self.tr("Opening…"))
        page = (
            f"<html><body><h1>{heading}</h1>"
            f'<p class="notice">{opening} {esc(url)}</p></body></html>'
        )
        self.article.show_html(page, self.article_style())
        self.statusBar().showMessage(self.tr("Opening {0}…").format(url))

    def show_problem(self, url: str, problem: Problem, title: str = "") -> None:
        """Say what went wrong in place of the article, and what can be done.

        The link's title heads the page when Kabar knows it; the related links of
        the article read before stay in their panel, so reading can go on.
        """
        esc = htmllib.escape
        actions = []
        if problem.queue:
            actions.append((ACTION_SCHEME + ":queue", self.tr("Read when online")))
        if problem.retry:
            actions.append((ACTION_SCHEME + ":retry", self.tr("Try again")))
        if problem.browser:
            actions.append((ACTION_SCHEME + ":browser", self.tr("Open in browser")))
        links = " &#160;&#160;·&#160;&#160; ".join(
            f'<a href="{href}">{esc(text)}</a>' for href, text in actions
        )
        heading = title or problem.headline
        lead = f"{problem.headline}. {problem.detail}" if title else problem.detail
        page = (
            f"<html><body><h1>{esc(heading)}</h1>"
            f'<p class="lead">{esc(lead)}</p>'
            f'<p class="meta">{esc(url)}</p>'
            f"<p>{links}</p></body></html>"
        )
        self.article.show_html(page, self.article_style())
        self.statusBar().showMessage(problem.headline)

    def set_offline(self, offline: bool) -> None:
        self.act_offline.setChecked(offline)
        self.network_label.setText(self.tr("Offline") if offline else self.tr("Online"))

    def bring_forward(self) -> None:
        """Another launch of Kabar asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # ------------------------------------------------------------ text size

    def set_font_size(self, points: float) -> None:
        self.article.set_font_size(points)
        self._state.setValue("reading/font_size", points)

    def step_font(self, step: int) -> None:
        current = self.article.font_size()
        sizes = sorted(FONT_SIZES)
        if step > 0:
            bigger = [s for s in sizes if s > current + 0.01]
            self.set_font_size(bigger[0] if bigger else sizes[-1])
        else:
            smaller = [s for s in sizes if s < current - 0.01]
            self.set_font_size(smaller[-1] if smaller else sizes[0])

    # ------------------------------------------------------------ headline navigation

    def move_headline(self, step: int) -> bool:
        """Select the next (+1) or previous (-1) headline; False at either end."""
        view = self.sources.headlines
        model = view.model()
        if model is None or model.rowCount() == 0:
            return False
        row = view.currentIndex().row()
        target = 0 if row < 0 else row + step
        if target >= model.rowCount() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        if not 0 <= target < model.rowCount():
            return False
        view.setCurrentIndex(model.index(target, 0))
        return True

    # ------------------------------------------------------------ state

    @property
    def state(self) -> QSettings:
        return self._state

    def _first_size(self) -> None:
        """Comfortable on a desktop monitor, never larger than a small laptop screen."""
        width, height = DEFAULT_SIZE
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, int(room.width() * 0.92))
            height = min(height, int(room.height() * 0.92))
            self.resize(width, height)
            frame = self.frameGeometry()
            frame.moveCenter(room.center())
            self.move(frame.topLeft())
        else:
            self.resize(width, height)

    def _restore_state(self) -> None:
        geometry = self._state.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._first_size()
        for key, splitter in (
            ("window/main_splitter", self.splitter),
            ("window/source_splitter", self.sources.splitter),
        ):
            value = self._state.value(key)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        for key, action in (
            ("window/show_sources", self.act_show_sources),
            ("window/show_related", self.act_show_related),
        ):
            action.setChecked(self._state.value(key, True) not in (False, "false", "0"))
            action.toggled.connect(lambda shown, k=key: self._state.setValue(k, shown))
            action.toggled.emit(action.isChecked())  # the pane follows even when unchanged
        size = self._state.value("reading/font_size")
        try:
            points = float(size) if size is not None else DEFAULT_FONT_SIZE
        except (TypeError, ValueError):
            points = DEFAULT_FONT_SIZE
        self.article.set_font_size(points)
        family = self._state.value("reading/font_family")
        if isinstance(family, str) and family:
            self.article.set_font_family(family)

    def save_state(self) -> None:
        self._state.setValue("window/geometry", self.saveGeometry())
        self._state.setValue("window/main_splitter", self.splitter.saveState())
        self._state.setValue("window/source_splitter", self.sources.splitter.saveState())
        self._state.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and self.isActiveWindow():
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.BackButton:
                self.act_back.trigger()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.act_forward.trigger()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.save_state()
        self.closing.emit()
        super().closeEvent(event)
