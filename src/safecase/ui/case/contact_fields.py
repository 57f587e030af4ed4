"""Form pieces shared by the contact dialog and the quick intake: code pickers, the contact fields, follow-up.

Every picker holds codes (what the services store) and shows labels (what people read). Fields are
plain widgets added to the caller's layout, so each form keeps its own arrangement and tab order.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.services.contacts import MAX_DURATION_MINUTES
from safecase.ui.common.taxonomy_labels import caller_type_label, channel_label, choices, direction_label

DATE_FORMAT = "yyyy-MM-dd"
DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"


class CodeCombo(QComboBox):
    """A drop-down of (code, label) pairs; :meth:`code` is the chosen code ("" for the empty choice)."""

    def __init__(
        self, items: list[tuple[str, str]], parent: QWidget | None = None, empty_label: str | None = None
    ) -> None:
        super().__init__(parent)
        if empty_label is not None:
            self.addItem(empty_label, "")
        for code, label in items:
            self.addItem(label, code)

    def code(self) -> str:
        value = self.currentData()
        return str(value) if value is not None else ""

    def set_code(self, code: str) -> None:
        """Select ``code``; a code this version does not know is added as it is rather than lost."""
        index = self.findData(code)
        if index < 0 and code:
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


def notes_edit(parent: QWidget, placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    """Multi-line notes where Tab moves on to the next field (as everywhere else in a form)."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    height = edit.fontMetrics().lineSpacing() * lines + 2 * edit.frameWidth() + 12
    edit.setMinimumHeight(height)
    return edit


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def edit_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def plain_text(edit: QPlainTextEdit) -> str:
    return edit.toPlainText()


class ContactFields(QObject):
    """Channel, direction, caller type, duration and summary of one contact; ``changed`` on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget, with_time: bool = True) -> None:
        super().__init__(parent)
        self.at_edit: QDateTimeEdit | None = None
        if with_time:
            self.at_edit = QDateTimeEdit(QDateTime.currentDateTime(), parent)
            self.at_edit.setDisplayFormat(DATE_TIME_FORMAT)
            self.at_edit.setCalendarPopup(True)
            self.at_edit.dateTimeChanged.connect(self.changed)
        self.channel_combo = CodeCombo(choices(Channel, channel_label), parent)
        self.direction_combo = CodeCombo(choices(Direction, direction_label), parent)
        self.caller_combo = CodeCombo(choices(CallerType, caller_type_label), parent)
        self.duration_spin = QSpinBox(parent)
        self.duration_spin.setRange(0, MAX_DURATION_MINUTES)
        self.duration_spin.setSpecialValueText(self.tr("not recorded"))
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setAccessibleName(self.tr("Duration in minutes"))
        self.summary_edit = notes_edit(parent, self.tr("What the call was about, what was agreed…"))
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        for combo in (self.channel_combo, self.direction_combo, self.caller_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.duration_spin.valueChanged.connect(self.changed)
        self.summary_edit.textChanged.connect(self.changed)
        self.reset()

    def reset(self) -> None:
        self.channel_combo.set_code(Channel.PHONE)
        self.direction_combo.set_code(Direction.INBOUND)
        self.caller_combo.set_code(CallerType.SURVIVOR)
        self.duration_spin.setValue(0)
        self.summary_edit.clear()

    def widgets(self) -> list[QWidget]:
        """The fields in tab order."""
        first: list[QWidget] = [self.at_edit] if self.at_edit is not None else []
        return [
            *first,
            self.channel_combo,
            self.direction_combo,
            self.caller_combo,
            self.duration_spin,
            self.summary_edit,
        ]

    def at(self) -> datetime:
        """The moment of the contact, in local time with its offset (stored as UTC by the vault)."""
        if self.at_edit is None:
            return datetime.now().astimezone()
        value: datetime = self.at_edit.dateTime().toPython()  # type: ignore[assignment]
        return value.astimezone()

    def duration(self) -> int | None:
        value = self.duration_spin.value()
        return value or None

    def set_contact(self, contact: Contact) -> None:
        if self.at_edit is not None:
            local = contact.at.astimezone()
            self.at_edit.setDateTime(
                QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
            )
        self.channel_combo.set_code(contact.channel)
        self.direction_combo.set_code(contact.direction)
        self.caller_combo.set_code(contact.caller_type)
        self.duration_spin.setValue(contact.duration_minutes or 0)
        self.summary_edit.setPlainText(contact.summary)

    def contact(self, base: Contact | None, case_id: int | None, follow_up: FollowUpFields) -> Contact:
        """A Contact from the fields; ``base`` keeps the id and counselor of the contact being edited."""
        return Contact(
            id=base.id if base else 0,
            case_id=case_id,
            at=self.at(),
            channel=Channel(self.channel_combo.code()),
            direction=Direction(self.direction_combo.code()),
            duration_minutes=self.duration(),
            caller_type=CallerType(self.caller_combo.code()),
            counselor=base.counselor if base else "",
            summary=plain_text(self.summary_edit),
            follow_up_needed=follow_up.needed(),
            follow_up_due=follow_up.due(),
        )

    def values(self) -> dict[str, object]:
        """What a draft keeps (JSON-friendly)."""
        return {
            "channel": self.channel_combo.code(),
            "direction": self.direction_combo.code(),
            "caller_type": self.caller_combo.code(),
            "duration": self.duration_spin.value(),
            "summary": plain_text(self.summary_edit),
        }

    def restore(self, values: dict[str, object]) -> None:
        self.channel_combo.set_code(str(values.get("channel") or Channel.PHONE))
        self.direction_combo.set_code(str(values.get("direction") or Direction.INBOUND))
        self.caller_combo.set_code(str(values.get("caller_type") or CallerType.SURVIVOR))
        duration = values.get("duration")
        self.duration_spin.setValue(duration if isinstance(duration, int) else 0)
        self.summary_edit.setPlainText(str(values.get("summary") or ""))


class FollowUpFields(QWidget):
    """ "Follow-up needed" and the day it is due (tomorrow unless changed); the date is off until checked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.needed_check = QCheckBox(self.tr("Follow-up needed, due"), self)
        self.due_edit = date_edit(self, self._today + timedelta(days=1))
        self.due_edit.setAccessibleName(self.tr("Follow-up due"))
        row.addWidget(self.needed_check)
        row.addWidget(self.due_edit)
        row.addStretch(1)
        self.needed_check.toggled.connect(self._toggled)
        self.due_edit.dateChanged.connect(self.changed)
        self._toggled(False)

    def _toggled(self, checked: bool) -> None:
        self.due_edit.setEnabled(checked)
        self.changed.emit()

    def needed(self) -> bool:
        return self.needed_check.isChecked()

    def due(self) -> date | None:
        return edit_date(self.due_edit) if self.needed() else None

    def set_values(self, needed: bool, due: date | None) -> None:
        self.needed_check.setChecked(needed)
        if due is not None:
            self.due_edit.setDate(QDate(due.year, due.month, due.day))

    def reset(self) -> None:
        self.set_values(False, self._today + timedelta(days=1))

    def widgets(self) -> list[QWidget]:
        return [self.needed_check, self.due_edit]

    def values(self) -> dict[str, object]:
        return {"follow_up": self.needed(), "follow_up_due": edit_date(self.due_edit).isoformat()}

    def restore(self, values: dict[str, object]) -> None:
        due: date | None = None
        try:
            due = date.fromisoformat(str(values.get("follow_up_due") or ""))
        except ValueError:
            due = None
        self.set_values(bool(values.get("follow_up")), due)
