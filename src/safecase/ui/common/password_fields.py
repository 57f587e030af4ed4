"""Choosing a new password: two fields, a strength meter and the policy's verdict, live as one types.

Every screen that sets a password (new vault, new user, re-enable, reset, change my own) uses this,
so the rules are explained the same way everywhere. The verdict comes from
:func:`safecase.services.password_policy.assess_password`, the same check the services enforce; the
meter only helps a person get there without trial and error.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from safecase.services.password_policy import MIN_PASSWORD_LENGTH, PasswordAssessment, assess_password
from safecase.ui.common.widgets import ERROR_COLOR, SUCCESS_COLOR, grow_window_to_fit

# Red, orange, amber, green, deep green for zxcvbn scores 0-4.
_METER_COLORS = ("#b3261e", "#d9622b", "#c99a06", "#2e8540", "#1e6b34")
_DEBOUNCE_MS = 120


class PasswordFields(QObject):
    """The new-password rows of a form. Add them with :meth:`add_rows`; read :meth:`ready`."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.new_edit = QLineEdit(parent)
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_edit.setMaxLength(1024)
        self.new_edit.setPlaceholderText(
            self.tr("At least {count} characters; a few unrelated words work well").format(count=MIN_PASSWORD_LENGTH)
        )
        self.repeat_edit = QLineEdit(parent)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setMaxLength(1024)

        self.meter = QProgressBar(parent)
        self.meter.setRange(0, 4)
        self.meter.setValue(0)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.meter.setAccessibleName(self.tr("Password strength"))
        self.hint_label = QLabel(parent)
        self.problems_label = QLabel(parent)
        self.problems_label.setWordWrap(True)
        # A form layout gives a field that does not grow vertically no more than its size hint, which for a
        # wrapped label is its height at some preferred width, not at the form's: the last lines were cut off.
        self.problems_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        self.problems_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problems_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.match_label = QLabel(parent)

        self._user_name = ""
        self._display_name = ""
        self._assessment: PasswordAssessment | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.new_edit.textChanged.connect(self._schedule)
        self.repeat_edit.textChanged.connect(self._schedule)
        self._paint_meter(0)
        self.refresh()

    def add_rows(self, form: QFormLayout, new_label: str = "", repeat_label: str = "") -> None:
        form.addRow(new_label or self.tr("New password:"), self.new_edit)
        feedback = QWidget(self.new_edit.parentWidget())
        column = QVBoxLayout(feedback)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.meter)
        column.addWidget(self.hint_label)
        column.addWidget(self.problems_label)
        form.addRow("", feedback)
        form.addRow(repeat_label or self.tr("Repeat it:"), self.repeat_edit)
        form.addRow("", self.match_label)

    def set_names(self, user_name: str, display_name: str) -> None:
        """The names the password must not contain; re-checks at once."""
        if (user_name, display_name) != (self._user_name, self._display_name):
            self._user_name, self._display_name = user_name, display_name
            self._schedule()

    def password(self) -> str:
        return self.new_edit.text()

    def ready(self) -> bool:
        """Acceptable under the policy and typed the same twice."""
        self._flush()
        return (
            self._assessment is not None
            and self._assessment.acceptable
            and self.new_edit.text() == self.repeat_edit.text()
        )

    def clear(self) -> None:
        self.new_edit.clear()
        self.repeat_edit.clear()
        self.refresh()

    def refresh(self) -> None:
        """Assess now (normally this runs shortly after typing pauses)."""
        self._debounce.stop()
        text = self.new_edit.text()
        if not text:
            self._assessment = None
            self.meter.setValue(0)
            self.hint_label.setText(
                self.tr("Use at least {count} characters. Length matters more than symbols.").format(
                    count=MIN_PASSWORD_LENGTH
                )
            )
            self.problems_label.clear()
            self.problems_label.hide()
        else:
            assessment = assess_password(text, self._user_name, self._display_name)
            self._assessment = assessment
            self.meter.setValue(assessment.score)
            self._paint_meter(assessment.score)
            self.hint_label.setText(self.tr("Strength: {hint}").format(hint=assessment.hint))
            self.problems_label.setText("\n".join(assessment.problems))
            self.problems_label.setVisible(bool(assessment.problems))
        self._show_match()
        # The policy's verdict can be several wrapped lines; the form must grow to show them all, or they
        # are clipped and drawn over the rows below.
        grow_window_to_fit(self.problems_label)
        self.changed.emit()

    def _schedule(self) -> None:
        self._debounce.start()

    def _flush(self) -> None:
        if self._debounce.isActive():
            self.refresh()

    def _show_match(self) -> None:
        repeat = self.repeat_edit.text()
        if not repeat:
            self.match_label.clear()
            self.match_label.hide()
        elif repeat == self.new_edit.text():
            self.match_label.setText(self.tr("The passwords match."))
            self.match_label.setStyleSheet(f"color: {SUCCESS_COLOR};")
            self.match_label.show()
        else:
            self.match_label.setText(self.tr("The passwords do not match yet."))
            self.match_label.setStyleSheet(f"color: {ERROR_COLOR};")
            self.match_label.show()

    def _paint_meter(self, score: int) -> None:
        color = _METER_COLORS[max(0, min(score, len(_METER_COLORS) - 1))]
        self.meter.setStyleSheet(
            "QProgressBar { border: 1px solid palette(mid); border-radius: 4px; background: palette(base); }"
            f"QProgressBar::chunk {{ background: {color}; border-radius: 3px; }}"
        )
