"""One skeleton for every dialog that is a form: fields above, an error line and Save/Cancel below.

A form dialog does one thing of its own when the person saves: it calls a service. Everything around
that call lives here, so every form looks and behaves the same way:

- :class:`FormFooter`: the error line (red, word-wrapped, hidden while empty, never clipped: the
  window grows when a long message needs the room) above a button box with the save button, whose
  label names the action ("Save contact", "Add user"), and Cancel. Both labels go through ``tr()``.
- :func:`add_save_shortcut`: Ctrl+Enter (either Enter key) saves from any field, including multi-line
  notes where Enter adds a line; Ctrl+S (the platform's Save key) too, as in the case window.
  Esc cancels, as in every QDialog.
- :class:`FormDialog`, the try/accept step: :meth:`~FormDialog.save` (the button, the keys) asks the
  subclass's :meth:`~FormDialog.commit` to call the service. A :class:`SafeCaseError` puts its message
  on the error line and the dialog stays open with everything typed; otherwise the dialog accepts and
  emits :attr:`~FormDialog.saved` with what the service returned.
- Slow work (every password runs Argon2id) returns :class:`InBackground` from ``commit``: the base runs
  it through the :class:`~safecase.ui.tasks.TaskManager` behind a window-modal progress dialog, then
  accepts or shows the error the same way.

A form that is not a QDialog of its own (quick intake, the first page of creating a vault) uses
:class:`FormFooter` and :func:`add_save_shortcut` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safecase.domain.errors import SafeCaseError
from safecase.ui.common.widgets import MessageLine, grow_window_to_fit, heading
from safecase.ui.tasks import Busy, TaskManager


def save_key_sequences() -> list[QKeySequence]:
    """Ctrl+Enter on the main keyboard and the keypad, and the platform's Save key (Ctrl+S, Cmd+S)."""
    return [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"), QKeySequence(QKeySequence.StandardKey.Save)]


def add_save_shortcut(window: QWidget, slot: Callable[[], None]) -> None:
    """Save the form in ``window`` from any of its fields with the keys of :func:`save_key_sequences`."""
    for sequence in save_key_sequences():
        shortcut = QShortcut(sequence, window)
        shortcut.activated.connect(slot)


class FormErrorLine(MessageLine):
    """The error line of a form: like every message line, and it makes its window tall enough to show it.

    A word-wrapped label needs more height the longer its text; a dialog already on screen does not
    grow by itself, so without this a long refusal would be cut off or squeeze the fields above it.
    """

    def _show(self, text: str, color: str) -> None:
        super()._show(text, color)
        self.fit_window()

    def fit_window(self) -> None:
        """Grow the window (never shrink it) until its layout fits at the current width."""
        grow_window_to_fit(self)


class FormFooter(QWidget):
    """The error line above a button box: the save button (default for Enter unless told not) and Cancel.

    The box's ``accepted`` and ``rejected`` signals stand for the two buttons; connect them to the
    form's save and cancel.
    """

    def __init__(
        self,
        save_label: str,
        parent: QWidget,
        *,
        cancel_label: str = "",
        enter_saves: bool = True,
        leading: QWidget | None = None,
    ) -> None:
        """``cancel_label`` replaces the usual "Cancel"; ``leading`` (more fields) goes left of the buttons."""
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.error_line = FormErrorLine(self)
        column.addWidget(self.error_line)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if leading is not None:
            row.addWidget(leading)
            row.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(save_label, self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = QPushButton(cancel_label or QCoreApplication.translate("FormDialog", "Cancel"), self)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Enter in a line edit presses the default button; a form where that would save half-typed work says so.
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(enter_saves)
        self.save_button.setDefault(enter_saves)
        row.addWidget(self.buttons)
        column.addLayout(row)


@dataclass(frozen=True)
class InBackground:
    """What :meth:`FormDialog.commit` returns for slow work: run ``work`` on a worker, ``label`` on the progress dialog.

    ``work`` runs off the UI thread: it must capture plain values (the texts typed), never widgets.
    """

    work: Callable[[], object]
    label: str


class FormDialog(QDialog):
    """A window-modal form that calls one service on Save. Subclasses fill :attr:`body` and implement :meth:`commit`."""

    saved = Signal(object)
    """Emitted after the dialog accepted, with what :meth:`commit` (or its background work) returned."""

    def __init__(
        self,
        title: str,
        save_label: str,
        parent: QWidget | None = None,
        *,
        heading_text: str = "",
        tasks: TaskManager | None = None,
    ) -> None:
        """``title`` is the window's title and, unless ``heading_text`` is given, the heading above the form.

        ``tasks`` is needed only by a form whose :meth:`commit` returns :class:`InBackground`.
        """
        super().__init__(parent)
        self._tasks = tasks
        self._working = False
        self.setWindowTitle(title)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        self.heading = heading(heading_text or title, 2, self)
        column.addWidget(self.heading)
        self.body = QVBoxLayout()
        """Where a subclass puts its explanations and fields; it takes any extra height."""
        self.body.setSpacing(10)
        column.addLayout(self.body, 1)
        self.footer = FormFooter(save_label, self)
        column.addWidget(self.footer)
        self.error_line = self.footer.error_line
        self.save_button = self.footer.save_button
        self.footer.buttons.accepted.connect(self.save)
        self.footer.buttons.rejected.connect(self.reject)
        add_save_shortcut(self, self.save)

    # --- what a subclass provides -------------------------------------------------------------------

    def commit(self) -> object:
        """Call the service with what the form holds and return its result, or :class:`InBackground` work.

        Raise :class:`SafeCaseError` (the services' refusals, or a message of the form's own) to keep the
        dialog open with that message.
        """
        raise NotImplementedError

    def show_failure(self, error: SafeCaseError) -> None:
        """Show why saving failed; a subclass may also clear or focus a field (call this too)."""
        self.error_line.show_error(error.message)

    # --- the try/accept step ------------------------------------------------------------------------

    @property
    def working(self) -> bool:
        """Background work of this form is running."""
        return self._working

    def save(self) -> None:
        """Save, as the save button and the keys do: nothing while the button is disabled or work runs."""
        if self._working or not self.save_button.isEnabled():
            return
        self.error_line.clear_message()
        try:
            outcome = self.commit()
        except SafeCaseError as exc:
            self.show_failure(exc)
            return
        if isinstance(outcome, InBackground):
            self._start(outcome)
        else:
            self._succeeded(outcome)

    def _start(self, background: InBackground) -> None:
        assert self._tasks is not None, "a form whose commit returns InBackground needs the TaskManager"
        self._working = True
        self._tasks.run(background.work, self._finished, self._failed, busy=Busy(background.label, self))

    def _finished(self, result: object) -> None:
        self._working = False
        self._succeeded(result)

    def _failed(self, error: SafeCaseError) -> None:
        self._working = False
        self.show_failure(error)

    def _succeeded(self, result: object) -> None:
        self.accept()
        self.saved.emit(result)
