"""Preferences → Rules: the reader's "mute" and highlight rules, and the dialog for one rule.

The widgets only edit :class:`~reader.core.models.Rule` values; trying a rule on the
library (how many articles it would catch, whether a pattern works) is asked for with
``preview_requested`` and answered with :meth:`RuleDialog.show_preview`, so the window
runs it on a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Rule

RULE_ROLE = Qt.ItemDataRole.UserRole + 1
SERIAL_ROLE = Qt.ItemDataRole.UserRole + 2
#: The preview runs once the reader pauses typing this long.
PREVIEW_DELAY_MS = 300


def describe(rule: Rule, source_names: dict[int, str]) -> str:
    """One line saying what a rule does, as the list shows it."""

    action = {
        "hide": QCoreApplication.translate("RulesBox", "Hide"),
        "read": QCoreApplication.translate("RulesBox", "Mark read"),
        "highlight": QCoreApplication.translate("RulesBox", "Highlight"),
    }[rule.action]
    if rule.field == "title":
        where = QCoreApplication.translate("RulesBox", "the title")
    else:
        where = QCoreApplication.translate("RulesBox", "the title or text")
    if rule.match == "words":
        what = QCoreApplication.translate("RulesBox", "{0} has “{1}”").format(where, rule.text)
    else:
        what = QCoreApplication.translate("RulesBox", "{0} matches /{1}/").format(where, rule.text)
    if rule.source_id is None:
        scope = QCoreApplication.translate("RulesBox", "every source")
    else:
        scope = source_names.get(
            rule.source_id, QCoreApplication.translate("RulesBox", "a source no longer followed")
        )
    line = QCoreApplication.translate("RulesBox", "{0} when {1} · {2}").format(action, what, scope)
    return f"{rule.name} — {line}" if rule.name else line


class RuleDialog(QDialog):
    """Edits one rule; ``preview_requested(rule)`` asks how much of the library it catches."""

    preview_requested = Signal(object)

    def __init__(
        self, rule: Rule | None, sources: Sequence[tuple[int, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rule") if rule is None else self.tr("Edit Rule"))
        self.setObjectName("ruleDialog")
        self._id = rule.id if rule is not None else None
        self._enabled = rule.enabled if rule is not None else True
        self.name = QLineEdit(rule.name if rule else "")
        self.name.setPlaceholderText(self.tr("optional, e.g. “No celebrity gossip”"))
        self.field = QComboBox()
        self.field.addItem(self.tr("the title"), "title")
        self.field.addItem(self.tr("the title or the text"), "text")
        self.match = QComboBox()
        self.match.addItem(self.tr("any of these words"), "words")
        self.match.addItem(self.tr("this pattern (regular expression)"), "pattern")
        self.text = QLineEdit(rule.text if rule else "")
        self.source = QComboBox()
        self.source.addItem(self.tr("every source"), None)
        for source_id, title in sources:
            self.source.addItem(title, source_id)
        self.action = QComboBox()
        self.action.addItem(self.tr("hide the article"), "hide")
        self.action.addItem(self.tr("mark it read"), "read")
        self.action.addItem(self.tr("highlight it"), "highlight")
        if rule is not None:
            for box, value in (
                (self.field, rule.field), (self.match, rule.match),
                (self.source, rule.source_id), (self.action, rule.action),
            ):  # fmt: skip
                box.setCurrentIndex(max(0, box.findData(value)))
        self.preview = QLabel()
        self.preview.setObjectName("rulePreview")
        self.preview.setWordWrap(True)
        self._hint()

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("When:"), self.field)
        form.addRow(self.tr("has:"), self.match)
        form.addRow("", self.text)
        form.addRow(self.tr("in:"), self.source)
        form.addRow(self.tr("then:"), self.action)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._ask_preview)
        self.text.textChanged.connect(self._changed)
        for box in (self.field, self.match, self.source):
            box.currentIndexChanged.connect(self._changed)
        self.match.currentIndexChanged.connect(self._hint)
        self._changed()

    def done(self, result: int) -> None:
        self._timer.stop()  # no question about the library once the dialog is closed
        super().done(result)

    def _hint(self) -> None:
        words = self.match.currentData() == "words"
        self.text.setPlaceholderText(
            self.tr("gossip, celebrity, world cup") if words else self.tr("^LIVE:|\\bbreaking\\b")
        )

    def _changed(self) -> None:
        ok = bool(self.text.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if ok:
            self._timer.start()
        else:
            self.preview.setText(self.tr("Write what the rule should look for."))

    def _ask_preview(self) -> None:
        self.preview.setText(self.tr("Looking through the library…"))
        self.preview_requested.emit(self.rule())

    def show_preview(self, rule: Rule, count: int | None, problem: str = "") -> None:
        """The answer to ``preview_requested`` (dropped if the rule was changed since)."""
        if rule != self.rule():
            return
        ok = not problem
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if problem:
            self.preview.setText(problem)
        elif count:
            self.preview.setText(
                self.tr("Among the newest articles of your sources, {0} match now.").format(count)
            )
        else:
            self.preview.setText(self.tr("No article of your sources matches now."))

    def rule(self) -> Rule:
        return Rule(
            id=self._id,
            match=self.match.currentData(),
            text=self.text.text().strip(),
            field=self.field.currentData(),
            action=self.action.currentData(),
            source_id=self.source.currentData(),
            name=" ".join(self.name.text().split()),
            enabled=self._enabled,
        )


class RulesBox(QWidget):
    """The list of rules with Add, Edit and Remove; changes are kept until OK."""

    #: A rule dialog wants its rule tried on the library: (dialog, rule).
    preview_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesBox")
        intro = QLabel(
            self.tr(
                "Rules hide, mark read or highlight new articles whose title or text has "
                "some words or matches a pattern. They apply as sources are refreshed and "
                "synced, and to what is already in the library when you make them."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("rulesList")
        self.list.setAccessibleName(self.tr("Rules"))
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        self.list.itemChanged.connect(self._toggled)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(self.tr("No rules yet."))
        self.empty.setObjectName("emptyHint")
        self.add_button = QPushButton(self.tr("Add Rule…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.sources: list[tuple[int, str]] = []
        self.removed: list[int] = []
        self.changed: dict[int, Rule] = {}  # new or edited, by the item's serial number
        self._serial = 0
        self.set_rules([], [])

    # ------------------------------------------------------------ content

    def set_rules(self, rules: Sequence[Rule], sources: Sequence[tuple[int, str]]) -> None:
        self.sources = list(sources)
        self.list.blockSignals(True)
        self.list.clear()
        for rule in rules:
            self._append(rule)
        self.list.blockSignals(False)
        self.removed, self.changed = [], {}
        self._update()

    def _append(self, rule: Rule) -> QListWidgetItem:
        item = QListWidgetItem()
        self._serial += 1
        item.setData(SERIAL_ROLE, self._serial)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.list.addItem(item)
        self._show(item, rule)
        return item

    def _show(self, item: QListWidgetItem, rule: Rule) -> None:
        self.list.blockSignals(True)
        item.setData(RULE_ROLE, rule)
        item.setText(describe(rule, dict(self.sources)))
        item.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
        item.setToolTip(self.tr("Untick to switch the rule off without deleting it."))
        self.list.blockSignals(False)

    def _update(self) -> None:
        has = self.list.count() > 0
        self.list.setVisible(has)
        self.empty.setVisible(not has)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def edits(self) -> tuple[list[Rule], list[int]]:
        """(rules to save: new or changed, ids of rules to delete), for OK."""
        return list(self.changed.values()), list(self.removed)

    # ------------------------------------------------------------ editing

    def dialog(self, rule: Rule | None) -> RuleDialog:
        dialog = RuleDialog(rule, self.sources, self)
        dialog.preview_requested.connect(lambda r: self.preview_requested.emit(dialog, r))
        return dialog

    def add(self) -> None:
        dialog = self.dialog(None)
        if dialog.exec():
            self.add_rule(dialog.rule())

    def add_rule(self, rule: Rule) -> None:
        """A new rule in the list, saved with the other changes on OK."""
        item = self._append(rule)
        self.changed[item.data(SERIAL_ROLE)] = rule
        self.list.setCurrentItem(item)
        self._update()

    def edit(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        dialog = self.dialog(item.data(RULE_ROLE))
        if dialog.exec():
            self._show(item, dialog.rule())
            self.changed[item.data(SERIAL_ROLE)] = dialog.rule()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        rule: Rule = item.data(RULE_ROLE)
        if rule.id is not None:
            self.removed.append(rule.id)
        self.changed.pop(item.data(SERIAL_ROLE), None)
        self.list.takeItem(self.list.row(item))
        self._update()

    def _toggled(self, item: QListWidgetItem) -> None:
        rule: Rule = item.data(RULE_ROLE)
        enabled = item.checkState() == Qt.CheckState.Checked
        if enabled != rule.enabled:
            changed = replace(rule, enabled=enabled)
            self._show(item, changed)
            self.changed[item.data(SERIAL_ROLE)] = changed
