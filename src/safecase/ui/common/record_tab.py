"""The skeleton of a case window's record tabs: read lazily off the UI thread, refresh on changes.

A tab lists records of one case (contacts, incidents, referrals, follow-ups, history). A subclass says
what to read (:meth:`RecordTab.read`, on a worker thread), how to show it (:meth:`RecordTab.show_result`,
usually through a :class:`~safecase.ui.common.record_list.RecordList`) and which changes concern it
(:meth:`RecordTab.concerns`). The base does the rest the same way for every tab:

* the first read happens when the tab is first shown (a case window opens on its Overview);
* a change announced anywhere in the app (:attr:`TaskManager.changed`) that concerns this case and the
  tab is read again at once while the tab is on screen, otherwise when it is next shown;
* only the newest read's answer is shown, and none after the vault locked;
* what the tab itself writes is announced with :meth:`RecordTab.announce` (or run by
  :meth:`RecordTab.write`), so the Cases list, Today, the case's other tabs and windows follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from safecase.domain.errors import SafeCaseError
from safecase.services.session import VaultSession
from safecase.ui.common.widgets import MessageLine
from safecase.ui.tasks import Changes, TaskManager

R = TypeVar("R")
T = TypeVar("T")


class RecordTab(QWidget, Generic[R]):
    """A tab of one case's records; ``R`` is what one read returns."""

    def __init__(self, session: VaultSession, case_id: int, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self._tasks = tasks
        self._stale = True
        self._reading = False
        self.message = MessageLine(self)
        """Errors and confirmations under the list; subclasses place it in their layout."""
        tasks.changed.connect(self._changed)

    @property
    def case_id(self) -> int:
        return self._case_id

    @property
    def reading(self) -> bool:
        """A read is on its way."""
        return self._reading

    # --- for subclasses -----------------------------------------------------------------------------------

    def read(self, reader: VaultSession) -> R:
        """Read what the tab shows, through services over ``reader``. Runs on a worker thread: use plain
        values only (``self.case_id``), never a widget."""
        raise NotImplementedError

    def show_result(self, result: R) -> None:
        """Show what :meth:`read` returned (on the UI thread)."""
        raise NotImplementedError

    def concerns(self, changes: Changes) -> bool:
        """Whether ``changes`` (already known to concern this case) change what the tab shows."""
        raise NotImplementedError

    # --- reading ------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read again, off the UI thread; the answer to an older read still on its way is dropped."""
        self._stale = False
        self._reading = True
        self._tasks.query(self.read, self._arrived, owner=self, key="records", on_failed=self._failed)

    def _arrived(self, result: R) -> None:
        self._reading = False
        self.show_result(result)

    def _failed(self, error: SafeCaseError) -> None:
        self._reading = False
        self.message.show_error(error.message)

    def _changed(self, changes: Changes) -> None:
        if not changes.concerns(self._case_id) or not self.concerns(changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # --- writing ------------------------------------------------------------------------------------------

    def announce(self, changes: Changes) -> None:
        """Tell the app what a write of this tab (or of a dialog it opened) changed in this case."""
        self._tasks.notify(changes.about(self._case_id))

    def write(self, work: Callable[[], T], changes: Changes) -> T:
        """Run a quick write and announce ``changes`` to this case; a SafeCaseError reaches the caller."""
        return self._tasks.write(work, changes.about(self._case_id))
