"""Ctrl+L locks from anywhere in SafeCase, including from inside a dialog.

The main window's Lock action carries the shortcut, but Qt blocks a window's shortcuts while a modal
dialog covers it, and "lock now" must work precisely when someone is half-way through a form and has
to step away. The input watch (:class:`safecase.ui.shell.idle.IdleWatcher`), which sees every key
press as it reaches a SafeCase window, hands each one to :meth:`LockShortcut.take`, which catches the
key press that the blocked shortcut leaves to the dialog. (When no dialog is open the action's
shortcut consumes the key before it reaches the window, so it never fires twice.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence


def lock_key_sequence() -> QKeySequence:
    """Ctrl+L (Cmd+L on macOS), translatable in case a locale needs another key."""
    return QKeySequence(QCoreApplication.translate("MainWindow", "Ctrl+L"))


class LockShortcut(QObject):
    activated = Signal()

    def __init__(self, sequence: QKeySequence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sequence = sequence

    def take(self, event: QKeyEvent) -> bool:
        """If ``event`` (a key press) is the lock key, emit :attr:`activated` and return True."""
        if self._matches(event):
            self.activated.emit()
            return True
        return False

    def _matches(self, event: QKeyEvent) -> bool:
        if self._sequence.isEmpty():
            return False
        pressed = QKeySequence(event.keyCombination())
        return self._sequence.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
