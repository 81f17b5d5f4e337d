"""The main window: layout, actions, menus, toolbar, status bar, window state.

A thin coordinator: it builds the three panes, wires their signals to the
controller and remembers geometry and splitter sizes. Decisions live in the
controller and the core services.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QToolBar, QWidget

from reader import APP_NAME
from reader.ui import assets
from reader.ui.article_view import ArticleView
from reader.ui.related_panel import RelatedPanel
from reader.ui.source_list import SourceList
from reader.ui.theme import Theme


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
        self.splitter.setSizes([300, 760, 280])
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.network_label = QLabel(self.tr("Online"))
        self.network_label.setObjectName("networkIndicator")
        self.statusBar().addPermanentWidget(self.network_label)
        self.statusBar().showMessage(self.tr("Ready"))
        self.show_welcome()
        self._restore_state()

    # ------------------------------------------------------------ actions

    def _action(self, text: str, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.act_add_source = self._action(self.tr("&Add Source…"), "Ctrl+N")
        self.act_open_link = self._action(self.tr("&Open Link…"), "Ctrl+L")
        self.act_refresh = self._action(self.tr("&Refresh All"), "R")
        self.act_quit = self._action(self.tr("&Quit"), "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.act_quit.triggered.connect(self.close)
        self.act_back = self._action(self.tr("&Back"), "Alt+Left")
        self.act_forward = self._action(self.tr("&Forward"), "Alt+Right")
        self.act_save = self._action(self.tr("&Save to Collection…"), "S")
        self.act_open_browser = self._action(self.tr("Open in &Browser"), "O")
        self.act_find = self._action(self.tr("&Search Library"), std.Find)
        self.act_shortcuts = self._action(self.tr("&Keyboard Shortcuts"), "?")
        self.act_about = self._action(self.tr("&About Kabar"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_add_source, self.act_open_link, self.act_refresh])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addActions([self.act_back, self.act_forward])
        article_menu = bar.addMenu(self.tr("&Article"))
        article_menu.addActions([self.act_save, self.act_open_browser])
        bar.addMenu(self.tr("&View"))
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
        toolbar.addActions([self.act_save, self.act_open_browser])
        self.addToolBar(toolbar)

    # ------------------------------------------------------------ content

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
        )
        self.article.show_html(html, self.article_style())

    def article_style(self) -> str:
        t = self._theme
        return (
            assets.style("article.css")
            .replace("@text", t.text)
            .replace("@muted", t.muted)
            .replace("@link", t.link)
            .replace("@rule", t.rule)
        )

    # ------------------------------------------------------------ state

    def _restore_state(self) -> None:
        geometry = self._state.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for key, splitter in (
            ("window/main_splitter", self.splitter),
            ("window/source_splitter", self.sources.splitter),
        ):
            value = self._state.value(key)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)

    def save_state(self) -> None:
        self._state.setValue("window/geometry", self.saveGeometry())
        self._state.setValue("window/main_splitter", self.splitter.saveState())
        self._state.setValue("window/source_splitter", self.sources.splitter.saveState())
        self._state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.closing.emit()
        super().closeEvent(event)
