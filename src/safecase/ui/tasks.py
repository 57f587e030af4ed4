"""Background work: the one way the app runs slow service calls off the UI thread.

Argon2id (sign-in, every new password), re-keying the database and writing a backup take from half a
second to minutes; on the UI thread they would freeze the window and look like a crash. A caller hands
:meth:`TaskManager.run` a callable and two callbacks; the callable runs on a pool thread and the
callbacks run on the UI thread, so they may touch widgets. Failures arrive as a
:class:`~safecase.domain.errors.SafeCaseError` whose message is fit to show; anything unexpected is
logged and replaced by a generic message, so no stack trace or internal detail reaches the screen.

While a task runs the manager is *busy*; the app does not lock then (a lock would pull the session
from under the worker) and locks as soon as it becomes idle. Work that uses the session's own
connection shows a window-modal progress dialog, so nothing else in that window touches the database
until the work is done. The shape follows Anki's ``aqt.operations`` and ``aqt.taskman``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from safecase.domain.errors import SafeCaseError

T = TypeVar("T")

ProgressCallback = Callable[[int, int], None]
"""Called by work with (done, total) in any unit, from the worker thread."""

_log = logging.getLogger(__name__)


class _Outcome:
    """A result or error in a box, so no bare Python value crosses a Signal.

    A ``Signal(object)`` converts some values (booleans, None) on the way; PySide6 6.12.0 leaked a
    reference on that path (see the pin in pyproject.toml). A box crosses unchanged, whatever the
    work returned.
    """

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


# A determinate dialog counts in thousandths: byte totals overflow the int a QProgressBar holds.
_SCALE = 1000


@dataclass(frozen=True)
class Busy:
    """Ask for a modal progress dialog over ``parent`` while the task runs.

    ``determinate`` shows a bar filled by the task's progress callback; otherwise a busy indicator.
    """

    label: str
    parent: QWidget
    determinate: bool = False


class _BusyDialog(QProgressDialog):
    """A progress dialog that cannot be dismissed: the work it stands for cannot be cancelled half-way."""

    def __init__(self, busy: Busy) -> None:
        super().__init__(busy.label, "", 0, _SCALE if busy.determinate else 0, busy.parent)
        self.setWindowTitle(QCoreApplication.translate("Tasks", "Please wait"))
        self.setCancelButton(None)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(360)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._may_close = False

    def report(self, done: int, total: int) -> None:
        if self.maximum() and total > 0:
            self.setValue(min(_SCALE, done * _SCALE // total))

    def finish(self) -> None:
        self._may_close = True
        self.close()
        self.deleteLater()

    def reject(self) -> None:
        if self._may_close:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()


class _Relay(QObject):
    """Created on the UI thread and emitted from the worker, so Qt queues each signal to the UI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[ProgressCallback], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._relay.progressed.emit)
        except SafeCaseError as exc:
            self._relay.failed.emit(_Outcome(exc))
        except Exception:
            # The traceback goes to the log for whoever supports the center; the person sees a plain message.
            _log.exception("background task failed")
            message = QCoreApplication.translate(
                "Tasks", "Something unexpected went wrong and the operation was not completed."
            )
            self._relay.failed.emit(_Outcome(SafeCaseError(message)))
        else:
            self._relay.succeeded.emit(_Outcome(result))


class Task(QObject):
    """One piece of background work. Its signals are emitted on the UI thread."""

    finished = Signal(object)
    """The work returned; carries an object whose ``value`` is the result."""
    failed = Signal(object)
    """The work raised; carries an object whose ``value`` is a SafeCaseError."""
    progressed = Signal(int, int)

    def __init__(self, manager: TaskManager, busy: Busy | None) -> None:
        super().__init__(manager)
        self._manager = manager
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self._relay.progressed.connect(self._on_progressed)
        self._dialog = _BusyDialog(busy) if busy is not None else None

    def _start(self, work: Callable[[ProgressCallback], object], pool: QThreadPool) -> None:
        if self._dialog is not None:
            self._dialog.open()
        pool.start(_Runnable(work, self._relay))

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.report(done, total)
        self.progressed.emit(done, total)

    @Slot(object)
    def _on_succeeded(self, outcome: _Outcome) -> None:
        self._close_dialog()
        try:
            self.finished.emit(outcome)
        finally:
            self._manager._task_done(self)

    @Slot(object)
    def _on_failed(self, outcome: _Outcome) -> None:
        self._close_dialog()
        try:
            self.failed.emit(outcome)
        finally:
            self._manager._task_done(self)

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.finish()
            self._dialog = None


class TaskManager(QObject):
    """Runs work on its own thread pool and knows whether any is still running."""

    idle = Signal()
    """Emitted on the UI thread once the last running task has delivered its result."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._active: set[Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[SafeCaseError], None],
        *,
        busy: Busy | None = None,
    ) -> Task:
        """Run ``work()`` on a worker thread; call ``on_done(result)`` or ``on_failed(error)`` on the UI thread."""
        return self.run_reporting(lambda _report: work(), on_done, on_failed, busy=busy)

    def run_reporting(
        self,
        work: Callable[[ProgressCallback], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[SafeCaseError], None],
        *,
        busy: Busy | None = None,
    ) -> Task:
        """Like :meth:`run`, but ``work`` receives a progress callback it may call from the worker."""
        task = Task(self, busy)
        task.finished.connect(lambda outcome: on_done(cast(T, outcome.value)))
        task.failed.connect(lambda outcome: on_failed(cast(SafeCaseError, outcome.value)))
        self._active.add(task)
        task._start(work, self._pool)
        return task

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every worker thread has returned (shutdown and tests); results still need the event loop."""
        return self._pool.waitForDone(msecs)

    def _task_done(self, task: Task) -> None:
        self._active.discard(task)
        task.deleteLater()
        if not self._active:
            self.idle.emit()
