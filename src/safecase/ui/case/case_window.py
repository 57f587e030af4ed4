"""One window per open case: Overview, Contacts, Incidents, Referrals, Evidence, Tasks, History.

A case window is a top-level window owned by the main window, so locking closes and deletes it with
everything else. Its tabs read their records off the UI thread when first shown and follow every
change announced through the TaskManager; the window itself reads the case again (header, Overview)
when a change concerns the case's own fields or incidents. Opening goes through :meth:`CaseService.get`, which checks the person may see the
case and records the view in the audit log. Edits on the Overview are never lost silently: closing
asks Save / Discard / Cancel, and when SafeCase locks (which cannot wait for an answer) the unsaved
values are kept as a draft inside the vault and offered back the next time the case is opened.
"""

from __future__ import annotations

import contextlib
import dataclasses

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.audit import AuditAction, AuditFilter
from safecase.domain.cases import Case, RiskLevel
from safecase.domain.errors import SafeCaseError
from safecase.domain.users import DisplayNames
from safecase.services.cases import CaseService
from safecase.services.casework_access import reassigns_cases
from safecase.services.drafts import DraftService
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from safecase.ui.case.case_contacts import CaseContactsTab
from safecase.ui.case.case_evidence import CaseEvidenceTab
from safecase.ui.case.case_history import CaseHistoryTab
from safecase.ui.case.case_incidents import CaseIncidentsTab
from safecase.ui.case.case_overview import CaseOverview
from safecase.ui.case.case_referrals import CaseReferralsTab
from safecase.ui.case.case_tasks import CaseTasksTab
from safecase.ui.case.reassign_dialog import ReassignDialog
from safecase.ui.common.lazy_widget import LazyWidget
from safecase.ui.common.taxonomy_labels import risk_label, status_label
from safecase.ui.common.widgets import heading, help_text
from safecase.ui.pages.cases_model import RISK_BACKGROUND, RISK_TEXT
from safecase.ui.shell.placement import place_window
from safecase.ui.tasks import Changes, TaskManager


def close_key_sequences(always: QKeySequence) -> list[QKeySequence]:
    """``always`` (Ctrl+W) and every key the platform binds to Close, each once.

    The platform's keys differ (xcb: Ctrl+W; Windows and offscreen: Ctrl+F4 first, then Ctrl+W), and
    a key given twice to one action makes Qt refuse it as an "ambiguous shortcut overload": the window
    did not close at all on Linux.
    """
    keys = [always]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Close):
        if key not in keys:
            keys.append(key)
    return keys


def draft_kind(case_id: int) -> str:
    return f"case_overview:{case_id}"


def reread(reader: VaultSession, case: Case) -> tuple[Case, DisplayNames] | None:
    """On a worker thread: ``case`` as it is now, without a second "viewed" entry in the audit log, and
    people's display names."""
    service = CaseService(reader)
    summaries = service.summaries([case.id])
    if not summaries:
        return None
    fields = service.fields(case.id)
    summary = summaries[0]
    return dataclasses.replace(
        case,
        status=fields.status,
        opened_on=fields.opened_on or case.opened_on,
        closed_on=fields.closed_on,
        risk=fields.risk,
        risk_reason=fields.risk_reason,
        profile=fields.profile,
        counselors=summary.counselors,
        incident_types=summary.incident_types,
        updated_at=summary.updated_at,
    ), display_names(reader)


class CaseWindow(QMainWindow):
    closed = Signal(int)
    audit_requested = Signal(object)
    """Someone asked for this case's entries in the audit log (an AuditFilter); the main window shows them."""

    OVERVIEW, CONTACTS, INCIDENTS, REFERRALS, EVIDENCE, TASKS, HISTORY = range(7)

    def __init__(self, session: VaultSession, case: Case, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._session = session
        self._tasks = tasks
        self._drafts = DraftService(session)
        self.case_id = case.id
        self._closing = False
        self._box: QMessageBox | None = None
        self.setMinimumSize(760, 520)
        place_window(self, QSize(980, 700), parent)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        title_row = QHBoxLayout()
        self.title_label = heading("", 1, central)
        self.title_label.setWordWrap(False)
        title_row.addWidget(self.title_label)
        self.risk_chip = QLabel(central)
        self.risk_chip.setContentsMargins(8, 2, 8, 2)
        title_row.addWidget(self.risk_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        column.addLayout(title_row)
        self.subtitle = help_text("", central)
        column.addWidget(self.subtitle)

        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.overview = CaseOverview(session, case, self.tabs)
        case_id = case.id
        # The other tabs are built when first shown (or asked for): building them all made opening a
        # case take a third of a second on the UI thread.
        self._contacts = LazyWidget(lambda parent: CaseContactsTab(session, case_id, tasks, parent), self.tabs)
        self._incidents = LazyWidget(lambda parent: CaseIncidentsTab(session, case_id, tasks, parent), self.tabs)
        self._referrals = LazyWidget(lambda parent: CaseReferralsTab(session, case_id, tasks, parent), self.tabs)
        self._evidence = LazyWidget(
            lambda parent: CaseEvidenceTab(session, case_id, tasks, parent, case_number=case.number), self.tabs
        )
        self._tasks_tab = LazyWidget(lambda parent: CaseTasksTab(session, case_id, tasks, parent), self.tabs)
        self._history = LazyWidget(lambda parent: CaseHistoryTab(session, case_id, tasks, parent), self.tabs)
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self._contacts, self.tr("&Contacts"))
        self.tabs.addTab(self._incidents, self.tr("&Incidents"))
        self.tabs.addTab(self._referrals, self.tr("&Referrals"))
        self.tabs.addTab(self._evidence, self.tr("&Evidence"))
        self.tabs.addTab(self._tasks_tab, self.tr("&Tasks"))
        self.tabs.addTab(self._history, self.tr("&History"))
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.overview.saved.connect(self._overview_saved)
        self.overview.dirty_changed.connect(self._update_title)
        self.overview.reassign_requested.connect(self.open_reassign)
        self.overview.reveals_requested.connect(self._show_reveals)
        self.overview.restore_draft_button.clicked.connect(self.restore_draft)
        self.overview.discard_draft_button.clicked.connect(self.discard_draft)
        tasks.changed.connect(self._changed)
        self._show_case(case)
        self._offer_draft()

    @classmethod
    def open_case(
        cls, session: VaultSession, case_id: int, tasks: TaskManager, parent: QWidget | None = None
    ) -> CaseWindow:
        """Read the case (audit-logged as a view) and build its window; raises SafeCaseError if refused."""
        case = CaseService(session).get(case_id)
        return cls(session, case, tasks, parent)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Ca&se"))
        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.reveal_action = QAction(self.tr("Re&veal identifying details"), self)
        self.reveal_action.triggered.connect(self._reveal)
        self.reassign_action = QAction(self.tr("Reassi&gn…"), self)
        self.reassign_action.setVisible(reassigns_cases(self._session))
        self.reassign_action.triggered.connect(self.open_reassign)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setShortcuts(close_key_sequences(QKeySequence(self.tr("Ctrl+W"))))
        self.close_action.triggered.connect(self.request_close)
        for action in (self.save_action, self.reveal_action, self.reassign_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.close_action)

    # --- showing ----------------------------------------------------------------------------------------

    def _show_case(self, case: Case) -> None:
        self._case = case
        profile = case.profile
        self.title_label.setText(self.tr("Case {number}").format(number=case.number))
        self.risk_chip.setText(self.tr("{risk} risk").format(risk=risk_label(case.risk)))
        background = RISK_BACKGROUND.get(case.risk)
        style = "border-radius: 4px; padding: 2px 8px;"
        if background is not None:
            style += f" background: {background.name()}; color: {RISK_TEXT.name()};"
        else:
            style += " border: 1px solid palette(mid);"
        if case.risk is RiskLevel.URGENT:
            style += " font-weight: 600;"
        self.risk_chip.setStyleSheet(style)
        parts = [profile.alias or self.tr("no alias"), status_label(case.status)]
        parts.append(self.tr("opened {date}").format(date=case.opened_on.isoformat()))
        self.subtitle.setText(" · ".join(parts))
        self._update_title()

    def _update_title(self, _dirty: bool = False) -> None:
        mark = "*" if self.overview.is_dirty() else ""
        alias = self._case.profile.alias
        title = self.tr("Case {number}").format(number=self._case.number)
        if alias:
            title = self.tr("{title} — {alias}").format(title=title, alias=alias)
        self.setWindowTitle(f"{mark}{title}")  # Qt adds the application name (see safecase.ui)

    @property
    def case(self) -> Case:
        return self._case

    @property
    def contacts(self) -> CaseContactsTab:
        return self._contacts.widget()

    @property
    def incidents(self) -> CaseIncidentsTab:
        return self._incidents.widget()

    @property
    def referrals(self) -> CaseReferralsTab:
        return self._referrals.widget()

    @property
    def evidence(self) -> CaseEvidenceTab:
        return self._evidence.widget()

    @property
    def tasks(self) -> CaseTasksTab:
        return self._tasks_tab.widget()

    @property
    def history(self) -> CaseHistoryTab:
        return self._history.widget()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    # --- changes ----------------------------------------------------------------------------------------

    def save(self) -> bool:
        return self.overview.save()

    def _reveal(self) -> None:
        self.tabs.setCurrentWidget(self.overview)
        self.overview.ask_reveal()

    def _show_reveals(self) -> None:
        self.audit_requested.emit(AuditFilter(action=AuditAction.CASE_REVEALED.value, case_number=self._case.number))

    def _overview_saved(self, case: Case) -> None:
        self._show_case(case)
        self._drafts_clear()
        self._tasks.notify(Changes(cases=True).about(self.case_id))

    def _changed(self, changes: Changes) -> None:
        """A change of the case's own fields or incidents, or of accounts (the counselors' names): read the
        case again for the header and Overview."""
        if (changes.concerns(self.case_id) and (changes.cases or changes.incidents)) or changes.accounts:
            case = self._case
            self._tasks.query(
                lambda reader: reread(reader, case),
                self._reread,
                owner=self,
                key="case",
                on_failed=lambda _error: None,  # no longer visible to this person: the window stays as it was
            )

    def _reread(self, read: tuple[Case, DisplayNames] | None) -> None:
        if read is not None:
            case, names = read
            self.overview.show_case(case, names)
            self._show_case(case)

    def open_reassign(self) -> ReassignDialog:
        dialog = ReassignDialog(self._session, self._case, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._reassigned)
        dialog.open()
        return dialog

    def _reassigned(self, case: Case) -> None:
        self.overview.show_case(case)
        self._show_case(case)
        self.overview.message.show_success(self.tr("Reassigned."))
        # Reassigning hands the case's open follow-ups over to the counselors now on it.
        self._tasks.notify(Changes(cases=True, tasks=True).about(self.case_id))

    # --- drafts -----------------------------------------------------------------------------------------

    def _offer_draft(self) -> None:
        try:
            self._draft = self._drafts.load(draft_kind(self.case_id))
        except SafeCaseError:
            self._draft = None
        self.overview.draft_bar.setVisible(self._draft is not None)

    def restore_draft(self) -> None:
        if self._draft is not None and self.overview.apply_draft(self._draft):
            self._draft = None
            self.overview.draft_bar.hide()
            self._drafts_clear()

    def discard_draft(self) -> None:
        self._draft = None
        self.overview.draft_bar.hide()
        self._drafts_clear()

    def _drafts_clear(self) -> None:
        with contextlib.suppress(SafeCaseError):
            self._drafts.clear(draft_kind(self.case_id))

    def _keep_draft(self) -> None:
        with contextlib.suppress(SafeCaseError):
            self._drafts.save(draft_kind(self.case_id), self.overview.draft_values())

    # --- closing ----------------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.overview.is_dirty()

    def request_close(self) -> None:
        """Close as a person asked (Ctrl+W, the window's close button): ask first about unsaved changes."""
        if not self.has_unsaved_changes():
            self.force_close()
            return
        self.ask_about_changes()

    def ask_about_changes(self) -> QMessageBox:
        if self._box is not None:
            self._box.raise_()
            return self._box
        self.tabs.setCurrentWidget(self.overview)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to case {number}?").format(number=self._case.number),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("If you don't save, the changes on the Overview are lost."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._answered)
        self._box = box
        box.open()
        return box

    def _answered(self, result: int) -> None:
        self._box = None
        if result == QMessageBox.StandardButton.Save:
            if self.save():
                self.force_close()
        elif result == QMessageBox.StandardButton.Discard:
            self.force_close()

    def force_close(self) -> None:
        """Close without asking (after the person answered, or nothing is unsaved)."""
        self._closing = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc closes the window as it closes a dialog (asking first about unsaved changes); it arrives
        # here only when no field, list or popup used it for itself (cancelling an edit, closing a list).
        if event.matches(QKeySequence.StandardKey.Cancel):
            event.accept()
            self.request_close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and self.has_unsaved_changes():
            if event.spontaneous():
                # The window's own close button: ask, and stay open until answered.
                event.ignore()
                self.ask_about_changes()
                return
            # Closed by SafeCase itself (locking): nobody can be asked, so keep the edits in the vault.
            self._keep_draft()
        self._closing = True
        event.accept()
        self.closed.emit(self.case_id)
        super().closeEvent(event)
