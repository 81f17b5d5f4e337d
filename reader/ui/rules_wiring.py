"""Preferences → Rules, connected: load the rules, try one on the library, save on OK.

Every library call runs on a worker (the rules' patterns may take a moment over
thousands of articles); the dialogs only hold values. After saving, the lists and
the badges are shown again, since what a rule hides or highlights changed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject

from reader.core.errors import RuleError
from reader.core.models import Rule
from reader.ui.controller import Controller
from reader.ui.dialogs.rules import RuleDialog, RulesBox


class RulesWiring(QObject):
    """Connects a Preferences' :class:`RulesBox` to the library's rule book."""

    def __init__(
        self,
        controller: Controller,
        sources: Callable[[], list[tuple[int, str]]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sources = sources

    def load(self, box: RulesBox) -> None:
        services = self.controller.services
        names = self.sources()

        def work(cancel: threading.Event) -> list[Rule]:
            return services.rule_book.all()

        box.preview_requested.connect(self.preview)
        self.controller.runner.submit(
            work, on_done=lambda rules: box.set_rules(rules, names),
            on_error=self.controller.report_error, lane="io",
        )  # fmt: skip

    def preview(self, dialog: RuleDialog, rule: Rule) -> None:
        """How many articles ``rule`` would catch; a rule that cannot work says why."""
        services = self.controller.services

        def work(cancel: threading.Event) -> tuple[int | None, str]:
            try:
                return services.rule_book.preview(rule), ""
            except RuleError as error:
                return None, str(error)

        def done(answer: tuple[int | None, str]) -> None:
            dialog.show_preview(rule, *answer)

        self.controller.runner.submit(
            work, on_done=done, on_error=self.controller.report_error, key="rule-preview",
            lane="io",
        )  # fmt: skip

    def save(self, box: RulesBox) -> None:
        """Save what the reader changed (OK in Preferences), then show the lists again."""
        changed, removed = box.edits()
        if not changed and not removed:
            return
        services = self.controller.services

        def work(cancel: threading.Event) -> int:
            book = services.rule_book
            for rule_id in removed:
                book.delete(rule_id)
            for rule in changed:
                book.save(rule)
            return len(changed) + len(removed)

        def done(_count: int) -> None:
            self.controller.show_status(self.tr("Rules saved and applied to the library."))
            self.controller.library_changed.emit()
            self.controller.headlines.reload()

        self.controller.runner.submit(
            work, on_done=done, on_error=self.controller.report_error, lane="io"
        )
