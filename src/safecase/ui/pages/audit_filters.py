"""The filters above the audit log: whose actions, which action, which case, which days.

The bar only collects what the person picked and announces it as an
:class:`~safecase.domain.audit.AuditFilter` through :attr:`AuditFilterBar.changed`; the page reads the
log (the service filters in SQL). Combos and dates apply at once; the case number applies when it is
complete (or on Enter, or when the field is left), so typing "2026-01" reads nothing. The mnemonics
avoid the main window's menus (Alt+V, C, A, H), which an equal one would make ambiguous.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.audit import AuditAction, AuditFilter
from safecase.domain.cases import parse_case_number
from safecase.domain.users import User
from safecase.services.labels import action_label

CASE_DELAY_MS = 400
"""How long typing in the case field pauses before a complete number applies."""


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditFilterBar(QWidget):
    changed = Signal(object)
    """The filter the person picked (an AuditFilter), emitted once per change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._applied = AuditFilter()
        self.person_combo = QComboBox(self)
        self.person_combo.addItem(self.tr("Anyone"), "")
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person_combo.setMinimumContentsLength(16)
        self.action_combo = QComboBox(self)
        self.action_combo.addItem(self.tr("Any action"), "")
        for text, code in sorted((action_label(a.value), a.value) for a in AuditAction):
            self.action_combo.addItem(text, code)
        self.action_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.case_edit = QLineEdit(self)
        self.case_edit.setPlaceholderText(self.tr("e.g. 2026-0115"))
        self.case_edit.setClearButtonEnabled(True)
        self.case_edit.setMaxLength(16)
        self.case_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-000000") + 48)
        self.case_edit.setAccessibleName(self.tr("Case number"))
        today = date.today()
        self.from_check = QCheckBox(self.tr("&from"), self)
        self.from_date = self._date_edit(today - timedelta(days=30))
        self.to_check = QCheckBox(self.tr("t&o"), self)
        self.to_date = self._date_edit(today)
        self.clear_button = QPushButton(self.tr("C&lear filters"), self)

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text, self)
            widget.setBuddy(buddy)
            return widget

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        first = QHBoxLayout()
        first.setSpacing(6)
        for text, field in (
            (self.tr("&Who:"), self.person_combo),
            (self.tr("Wha&t:"), self.action_combo),
            (self.tr("Ca&se:"), self.case_edit),
        ):
            first.addWidget(label(text, field))
            first.addWidget(field)
            first.addSpacing(10)
        first.addStretch(1)
        column.addLayout(first)
        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(label(self.tr("When:"), self.from_check))
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        column.addLayout(second)

        self._case_timer = QTimer(self)
        self._case_timer.setSingleShot(True)
        self._case_timer.setInterval(CASE_DELAY_MS)
        self._case_timer.timeout.connect(self._case_typed)
        self.case_edit.textChanged.connect(lambda _text: self._case_timer.start())
        self.case_edit.editingFinished.connect(self._apply)
        self.person_combo.currentIndexChanged.connect(self._apply)
        self.action_combo.currentIndexChanged.connect(self._apply)
        for check in (self.from_check, self.to_check):
            check.toggled.connect(lambda _on: self._checks_changed())
        self.from_date.dateChanged.connect(self._apply)
        self.to_date.dateChanged.connect(self._apply)
        self.clear_button.clicked.connect(self.clear_filters)
        self._checks_changed(announce=False)

        for before, after in (
            (self.person_combo, self.action_combo),
            (self.action_combo, self.case_edit),
            (self.case_edit, self.from_check),
            (self.from_check, self.from_date),
            (self.from_date, self.to_check),
            (self.to_check, self.to_date),
            (self.to_date, self.clear_button),
        ):
            QWidget.setTabOrder(before, after)

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(_to_qdate(value), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # --- what is picked ---------------------------------------------------------------------------------

    def current(self) -> AuditFilter:
        return AuditFilter(
            actor=str(self.person_combo.currentData() or ""),
            action=str(self.action_combo.currentData() or ""),
            case_number=self.case_edit.text().strip(),
            from_day=_from_qdate(self.from_date.date()) if self.from_check.isChecked() else None,
            to_day=_from_qdate(self.to_date.date()) if self.to_check.isChecked() else None,
        )

    def set_filter(self, flt: AuditFilter) -> None:
        """Show ``flt`` in the fields without announcing it (the caller reads the log for it)."""
        blockers = [
            QSignalBlocker(widget)
            for widget in (
                self.person_combo,
                self.action_combo,
                self.case_edit,
                self.from_check,
                self.from_date,
                self.to_check,
                self.to_date,
            )
        ]
        self._select(self.person_combo, flt.actor)
        self._select(self.action_combo, flt.action)
        self.case_edit.setText(flt.case_number)
        self.from_check.setChecked(flt.from_day is not None)
        if flt.from_day is not None:
            self.from_date.setDate(_to_qdate(flt.from_day))
        self.to_check.setChecked(flt.to_day is not None)
        if flt.to_day is not None:
            self.to_date.setDate(_to_qdate(flt.to_day))
        del blockers
        self._case_timer.stop()
        self._checks_changed(announce=False)
        self._applied = self.current()

    def clear_filters(self) -> None:
        before = self._applied
        self.set_filter(AuditFilter())
        if self._applied != before:
            self.changed.emit(self._applied)

    def set_people(self, people: list[User]) -> None:
        """The accounts to pick from, by display name (the sign-in name in the tooltip), keeping the choice."""
        items = [(user.name, self._person_label(user)) for user in sorted(people, key=lambda u: u.display_name)]
        combo = self.person_combo
        if items == [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]:
            return
        chosen = str(self.person_combo.currentData() or "")
        with QSignalBlocker(self.person_combo):
            while self.person_combo.count() > 1:
                self.person_combo.removeItem(1)
            for name, text in items:
                self.person_combo.addItem(text, name)
                self.person_combo.setItemData(self.person_combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
            self._select(self.person_combo, chosen)

    def _person_label(self, user: User) -> str:
        name = user.display_name or user.name
        return name if user.enabled else self.tr("{name} (disabled)").format(name=name)

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        if index < 0 and code:
            combo.addItem(code, code)  # someone no longer in the list (or not an account): as written
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # --- applying ---------------------------------------------------------------------------------------

    def _checks_changed(self, *, announce: bool = True) -> None:
        self.from_date.setEnabled(self.from_check.isChecked())
        self.to_date.setEnabled(self.to_check.isChecked())
        if announce:
            self._apply()

    def _case_typed(self) -> None:
        text = self.case_edit.text().strip()
        if not text or parse_case_number(text) is not None:
            self._apply()

    def _apply(self) -> None:
        flt = self.current()
        if flt != self._applied:
            self._applied = flt
            self.changed.emit(flt)
