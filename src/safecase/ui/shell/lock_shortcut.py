"""Ctrl+L locks from anywhere in SafeCase, including from inside a dialog.

The main window's Lock action carries the shortcut, but Qt blocks a window's shortcuts while a modal
dialog covers it, and "lock now" must work precisely when someone is half-way through a form and has
to step away. This application-wide filter catches the key press that the blocked shortcut leaves to
the dialog. (When no dialog is open the action's shortcut consumes the key first, so it never fires
twice.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence


class LockShortcut(QObject):
    activated = Signal()

    def __init__(self, sequence: QKeySequence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sequence = sequence
        self._installed = False

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._matches(event):
            self.activated.emit()
            return True
        return False

    def _matches(self, event: QKeyEvent) -> bool:
        if self._sequence.isEmpty():
            return False
        pressed = QKeySequence(event.keyCombination())
        return self._sequence.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
