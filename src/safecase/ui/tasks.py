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

Reads go the same way, through :meth:`TaskManager.query` (Anki's ``QueryOp``): the query callable runs
on a pool thread over a read connection of its own (SQLCipher connections are never shared between
threads at once) and its result is handed to the UI thread. A query names its *owner* widget and
optionally a *key*: only the newest query of an owner and key delivers its result (typing in the
search box, changing filters quickly), and nothing is delivered to a widget that is gone. Queries do
not make the manager busy, so they never hold off auto-lock; locking calls :meth:`TaskManager.end_reads`,
which drops every result still on its way, interrupts the reads still running and closes each read
connection as soon as no thread uses it.

Writes made from the UI are announced once, by :meth:`TaskManager.write` or :meth:`TaskManager.notify`,
with a :class:`Changes` saying what changed; every page and tab listens to :attr:`TaskManager.changed`
and reads again what concerns it (Anki's ``OpChanges``). No view calls another view's refresh.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from safecase.domain.errors import SafeCaseError, VaultLockedError
from safecase.ui.shell.crash_guard import log_unexpected

if TYPE_CHECKING:  # the sign-in screen needs the manager before any session, or its code, exists
    from safecase.services.session import VaultSession

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
    ``on_cancel`` adds a Cancel button (and lets Esc cancel) that calls it on the UI thread: it should
    set a flag the work asks between steps (a ``threading.Event``), and the work then stops by raising
    (a :class:`~safecase.domain.errors.CancelledError`). The dialog stays, saying it is cancelling,
    until the work has returned: nothing half-done is left behind the person's back.
    """

    label: str
    parent: QWidget
    determinate: bool = False
    on_cancel: Callable[[], None] | None = None


class _BusyDialog(QProgressDialog):
    """A progress dialog that cannot be dismissed while its work runs; Cancel, when offered, asks the
    work to stop and waits for it."""

    def __init__(self, busy: Busy) -> None:
        super().__init__(busy.label, "", 0, _SCALE if busy.determinate else 0, busy.parent)
        self.setWindowTitle(QCoreApplication.translate("Tasks", "Please wait"))
        self._on_cancel = busy.on_cancel
        if busy.on_cancel is None:
            self.setCancelButton(None)
        else:
            self.setCancelButtonText(QCoreApplication.translate("Tasks", "Cancel"))
            self.canceled.disconnect(self.cancel)  # which would hide the dialog while the work still runs
            self.canceled.connect(self._cancel_requested)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(360)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._may_close = False
        self.cancel_requested = False

    def _cancel_requested(self) -> None:
        if self._on_cancel is None or self.cancel_requested:
            return
        self.cancel_requested = True
        self.setLabelText(QCoreApplication.translate("Tasks", "Cancelling…"))
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        self._on_cancel()

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
        else:
            self._cancel_requested()  # Esc: cancel when the work can be, else nothing

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
        except Exception as exc:
            # The frames go to the log for whoever supports the center (never the message: it may quote
            # case text); the person sees a plain message.
            log_unexpected(_log, "background task failed", exc)
            self._relay.failed.emit(_Outcome(_unexpected()))
        else:
            self._relay.succeeded.emit(_Outcome(result))


def _unexpected() -> SafeCaseError:
    return SafeCaseError(
        QCoreApplication.translate("Tasks", "Something unexpected went wrong and the operation was not completed.")
    )


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
            self._manager._task_done(self)  # noqa: SLF001 - a collaborator in this module

    @Slot(object)
    def _on_failed(self, outcome: _Outcome) -> None:
        self._close_dialog()
        try:
            self.failed.emit(outcome)
        finally:
            self._manager._task_done(self)  # noqa: SLF001 - a collaborator in this module

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.finish()
            self._dialog = None


# --- reads ----------------------------------------------------------------------------------------------

QUERY_THREADS = 2
"""Reads running at once (each on a read connection of its own); more wait for a free thread."""
SWITCH_INTERVAL_S = 0.0005
"""How long a thread may keep the GIL while another waits for it (Python's default is 5 ms).

A read's Python work (turning rows into records) holds the GIL, and every call from Qt into Python
on the UI thread (a table cell's data, an event filter) must wait for it: by default up to 5 ms each,
and one repaint makes hundreds. With half a millisecond the UI thread keeps answering while reads run
(at 100 000 cases the longest stall while listing fell from about 120 ms to under 50 ms)."""


@dataclass(frozen=True)
class Changes:
    """What a write changed, so that each view can tell whether to read again (Anki's ``OpChanges``).

    ``case_ids`` names the cases concerned; empty means any case may be (an import, the directory).
    """

    cases: bool = False
    """A case's own fields: status, risk, profile, counselors; cases opened or imported."""
    contacts: bool = False
    incidents: bool = False
    referrals: bool = False
    """Referrals and the consents they rest on."""
    tasks: bool = False
    """Follow-ups."""
    evidence: bool = False
    """Evidence items and their custody logs (added, viewed, exported, verified, destroyed)."""
    organizations: bool = False
    """The referral directory."""
    accounts: bool = False
    """Accounts: added, disabled, enabled, their roles or names (who may be picked as a counselor)."""
    takedowns: bool = False
    """Take-down requests: recorded, their status or re-check date changed."""
    case_ids: frozenset[int] = frozenset()

    @classmethod
    def everything(cls) -> Changes:
        return cls(
            cases=True,
            contacts=True,
            incidents=True,
            referrals=True,
            tasks=True,
            evidence=True,
            organizations=True,
            accounts=True,
            takedowns=True,
        )

    def about(self, *case_ids: int) -> Changes:
        """The same changes, concerning only ``case_ids``."""
        return dataclasses.replace(self, case_ids=frozenset(case_ids))

    def concerns(self, case_id: int) -> bool:
        """Whether the changes may concern the case ``case_id``."""
        return not self.case_ids or case_id in self.case_ids

    @property
    def casework(self) -> bool:
        """Whether any record of a case changed (what a case's history lists)."""
        return self.cases or self.contacts or self.incidents or self.referrals or self.tasks or self.takedowns


@dataclass(eq=False)
class _Reader:
    """A pooled read connection with the session over it, tagged with the keys it was opened under."""

    session: VaultSession
    """A reader session over a connection of its own (see VaultSession.reader)."""
    closer: contextlib.ExitStack
    keyfile: object
    """The session's key file when the connection was opened (compared by identity)."""
    data_key: object
    """The session's data key the connection was opened under (compared by identity); None when unsure."""


PROGRESS_STEPS = 20_000
"""SQLite steps between checks whether reads were ended (each check takes the GIL for a moment)."""


class _ReadConnections:
    """The read connections of one signed-in session.

    A query takes a free connection (or opens one) and gives it back when done, so each connection
    is used by one thread at a time and keeps its page cache warm for the next query. :meth:`close`
    refuses new reads, closes the free connections at once, interrupts those in use and closes each
    of them as soon as its query gives it back: no connection is ever closed under a running query.
    """

    def __init__(self, session: VaultSession) -> None:
        self._session = session
        self._lock = threading.Lock()
        self._free: list[_Reader] = []
        self._in_use: list[_Reader] = []
        self._closed = False

    @contextlib.contextmanager
    def reader(self) -> Iterator[VaultSession]:
        reader = self._take()
        try:
            yield reader.session
        finally:
            self._give_back(reader)

    def _take(self) -> _Reader:
        with self._lock:
            if self._closed:
                raise _locked()
            stale = [r for r in self._free if not self._fits(r)]
            self._free = [r for r in self._free if self._fits(r)]
            reader = self._free.pop() if self._free else None
            if reader is not None:
                self._in_use.append(reader)
        for old in stale:
            old.closer.close()
        if reader is not None:
            return reader
        # Opening a connection (keying it, checking the key) takes milliseconds: not under the lock.
        # VaultSession.replace_keys sets the key file first and the data key after it, so the key file
        # is read first here: a re-key between the two reads tags the connection with the old key file,
        # and it is dropped after this read instead of staying in the pool under the new one.
        keyfile = self._session.keyfile
        data_key: bytes | None = self._session.data_key
        closer = contextlib.ExitStack()
        try:
            conn = closer.enter_context(self._session.worker_connection())
        except BaseException:
            closer.close()
            raise
        if self._session_data_key() is not data_key:
            # Re-keyed while opening: which key the connection holds is unknown; use it once, never again.
            data_key = None
        # interrupt() stops only statements already running; this stops any that starts after close().
        conn.set_progress_handler(lambda: int(self._closed), PROGRESS_STEPS)
        reader = _Reader(self._session.reader(conn), closer, keyfile, data_key)
        with self._lock:
            if not self._closed:
                self._in_use.append(reader)
                return reader
        closer.close()
        raise _locked()

    def _session_data_key(self) -> bytes | None:
        try:
            return self._session.data_key
        except VaultLockedError:
            return None

    def _fits(self, reader: _Reader) -> bool:
        """Whether ``reader`` was opened under the session's current keys (a re-key makes older
        connections unable to read the database; a new key file comes with every re-key)."""
        return (
            reader.data_key is not None
            and reader.keyfile is self._session.keyfile
            and reader.data_key is self._session_data_key()
        )

    def _give_back(self, reader: _Reader) -> None:
        with self._lock:
            self._in_use.remove(reader)
            keep = not self._closed and not reader.session.conn.in_transaction and self._fits(reader)
            if keep:
                self._free.append(reader)
        if not keep:
            reader.closer.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            free, self._free = self._free, []
            for reader in self._in_use:
                reader.session.conn.interrupt()  # thread-safe: the query stops at its next step
        for reader in free:
            reader.closer.close()


def _locked() -> VaultLockedError:
    return VaultLockedError(QCoreApplication.translate("Tasks", "The vault is locked. Sign in again."))


@dataclass(frozen=True)
class _Ticket:
    """One query in flight: which it is, of which sign-in (epoch), and what supersedes it."""

    serial: int
    epoch: int
    slot: tuple[int, object] | None
    """(owner, key) when a newer query of the same owner and key supersedes this one."""


READ_NICENESS = 10
"""On Linux, reads run at this nice value, so the UI thread is scheduled first on a busy machine."""


def _yield_to_the_ui() -> None:
    """Lower the calling (pool) thread's scheduling priority, where the system allows it per thread."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), READ_NICENESS)


class _QueryRunnable(QRunnable):
    def __init__(
        self,
        op: Callable[[VaultSession], object],
        reads: _ReadConnections,
        current: Callable[[], bool],
        relay: _Relay,
    ) -> None:
        super().__init__()
        self._op = op
        self._reads = reads
        self._current = current
        self._relay = relay

    def run(self) -> None:
        _yield_to_the_ui()
        if not self._current():  # superseded while waiting for a thread: do not read at all
            self._relay.failed.emit(_Outcome(None))
            return
        try:
            with self._reads.reader() as reader:
                result = self._op(reader)
        except SafeCaseError as exc:
            self._relay.failed.emit(_Outcome(exc))
        except Exception as exc:
            if self._current():  # an interrupted read after locking is no error worth a traceback
                log_unexpected(_log, "background query failed", exc)
            self._relay.failed.emit(_Outcome(_unexpected()))
        else:
            self._relay.succeeded.emit(_Outcome(result))


class _Query(QObject):
    """The UI-thread end of one query: its ticket, its owner and what to call with the result."""

    def __init__(
        self,
        manager: TaskManager,
        ticket: _Ticket,
        owner: QObject,
        on_done: Callable[[object], None],
        on_failed: Callable[[SafeCaseError], None],
    ) -> None:
        super().__init__(manager)
        self.ticket = ticket
        self.owner = owner
        self.on_done = on_done
        self.on_failed = on_failed
        self._manager = manager
        self.relay = _Relay(self)
        self.relay.succeeded.connect(self._succeeded)
        self.relay.failed.connect(self._failed)

    @Slot(object)
    def _succeeded(self, outcome: _Outcome) -> None:
        self._manager._query_done(self, outcome.value, True)  # noqa: SLF001 - a collaborator in this module

    @Slot(object)
    def _failed(self, outcome: _Outcome) -> None:
        self._manager._query_done(self, outcome.value, False)  # noqa: SLF001 - a collaborator in this module


def _log_failure(error: SafeCaseError) -> None:
    _log.info("a read failed: %s", error.message)


class TaskManager(QObject):
    """Runs work and reads on its own thread pools, and announces what writes changed."""

    idle = Signal()
    """Emitted on the UI thread once the last running task has delivered its result (reads do not count)."""
    changed = Signal(object)
    """A write made from the UI committed; carries a :class:`Changes`. Views read again what concerns them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self._pool = QThreadPool(self)
        self._active: set[Task] = set()
        self._query_pool = QThreadPool(self)
        self._query_pool.setMaxThreadCount(QUERY_THREADS)
        self._reads: _ReadConnections | None = None
        self._queries: set[_Query] = set()
        self._serials = itertools.count(1)
        self._guard = threading.Lock()  # ticket state, read by workers
        self._epoch = 0
        self._latest: dict[tuple[int, object], int] = {}

    @property
    def busy(self) -> bool:
        """Whether work that must finish before the vault locks is running (reads never count)."""
        return bool(self._active)

    @property
    def querying(self) -> bool:
        """Whether a read has yet to hand over (or drop) its result."""
        return bool(self._queries)

    @property
    def quiet(self) -> bool:
        """Neither work nor reads are outstanding (tests wait for this)."""
        return not self._active and not self._queries

    # --- reads ------------------------------------------------------------------------------------------

    def begin_reads(self, session: VaultSession) -> None:
        """Let queries read ``session``'s vault (on sign-in)."""
        self.end_reads()
        self._reads = _ReadConnections(session)

    def end_reads(self) -> None:
        """Before the session locks: drop every result on its way, stop running reads, close their connections.

        Nothing waits here: a read still running is interrupted and its connection closed by the
        thread that used it, as soon as it lets go; its result is never delivered.
        """
        with self._guard:
            self._epoch += 1
            self._latest.clear()
        reads, self._reads = self._reads, None
        if reads is not None:
            reads.close()

    def query(
        self,
        op: Callable[[VaultSession], T],
        on_done: Callable[[T], None],
        *,
        owner: QObject,
        key: object = None,
        on_failed: Callable[[SafeCaseError], None] = _log_failure,
    ) -> None:
        """Run the read ``op(reader)`` on a worker thread; call ``on_done(result)`` on the UI thread.

        ``reader`` is the signed-in session bound to a read connection of the worker's own: build the
        services over it. ``op`` runs on another thread, so it must not touch widgets; capture the
        values it needs first. The result is delivered only while ``owner`` exists, and, with a
        ``key``, only if no newer query of the same owner and key was made meanwhile. Results of
        reads begun before the vault locked are never delivered. Reads do not make the manager busy.
        """
        reads = self._reads
        if reads is None:
            _log.debug("a read without a signed-in session was dropped")
            return
        with self._guard:
            serial = next(self._serials)
            slot = None if key is None else (id(owner), key)
            if slot is not None:
                self._latest[slot] = serial
            ticket = _Ticket(serial, self._epoch, slot)
        query = _Query(self, ticket, owner, cast(Callable[[object], None], on_done), on_failed)
        self._queries.add(query)
        runnable = _QueryRunnable(op, reads, lambda: self._current(ticket), query.relay)
        self._query_pool.start(runnable)

    def cancel(self, *, owner: QObject, key: object) -> None:
        """Drop the answer of any query of ``owner`` and ``key`` still on its way."""
        with self._guard:
            self._latest[(id(owner), key)] = next(self._serials)

    def _current(self, ticket: _Ticket) -> bool:
        """Whether the query may still deliver (any thread)."""
        with self._guard:
            if ticket.epoch != self._epoch:
                return False
            return ticket.slot is None or self._latest.get(ticket.slot) == ticket.serial

    def _query_done(self, query: _Query, value: object, ok: bool) -> None:
        self._queries.discard(query)
        query.deleteLater()
        ticket = query.ticket
        if not self._current(ticket):
            return
        if ticket.slot is not None:
            with self._guard:
                del self._latest[ticket.slot]
        if not isValid(query.owner):
            return
        if ok:
            query.on_done(value)
        elif isinstance(value, SafeCaseError):
            query.on_failed(value)

    # --- writes -----------------------------------------------------------------------------------------

    def notify(self, changes: Changes) -> None:
        """Announce a write made from the UI (in a dialog, say) once it has committed."""
        self.changed.emit(changes)

    def write(self, work: Callable[[], T], changes: Changes) -> T:
        """Run a quick write of the UI's own session and announce ``changes`` once it has committed.

        A SafeCaseError reaches the caller, who shows it; then nothing is announced.
        """
        result = work()
        self.notify(changes)
        return result

    # --- work -------------------------------------------------------------------------------------------

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
        task._start(work, self._pool)  # noqa: SLF001 - a collaborator in this module
        return task

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every worker thread has returned (shutdown and tests); results still need the event loop."""
        queries_done = self._query_pool.waitForDone(msecs)
        return self._pool.waitForDone(msecs) and queries_done

    def _task_done(self, task: Task) -> None:
        self._active.discard(task)
        task.deleteLater()
        if not self._active:
            self.idle.emit()
