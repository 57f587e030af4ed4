"""People are named by display name (김상담) wherever someone reads a name, by sign-in name (counselor)
only where one is typed — also for a colleague whose account was disabled since, whose records stay."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from gui_cases_support import PHONE, Casework, seed
from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_DISPLAY,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_DISPLAY,
    SUPERVISOR_PASSWORD,
    Gui,
)
from pytestqt.qtbot import QtBot

from safecase.domain.audit import AuditFilter
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.contacts import ContactService
from safecase.services.evidence import EvidenceService
from safecase.ui.case.case_contacts import ContactsModel
from safecase.ui.case.case_evidence import CustodyModel
from safecase.ui.case.case_history import HistoryModel
from safecase.ui.case.case_tasks import TasksModel
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.case.contact_dialogs import AttachContactDialog
from safecase.ui.pages.audit_model import AuditModel
from safecase.ui.pages.cases_model import CasesModel
from safecase.ui.pages.quick_intake import QuickIntakeDialog
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.shell.main_window import AUDIT, CASES


def _column(model: ContactsModel | TasksModel | CustodyModel | HistoryModel, column: int) -> list[str]:
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]


def _counselor_worked_then_left(vault: Path) -> tuple[Casework, int]:
    """The seeded cases; the counselor logs a call without a case and keeps a link as evidence in 민지's case,
    then an administrator disables her account. Returns the casework and the evidence item's id."""
    work = seed(vault)
    counselor = access.sign_in(vault, COUNSELOR, COUNSELOR_PASSWORD)
    try:
        record = EvidenceService(counselor).add_url(work.minji, "https://t.me/some_channel/12")
        ContactService(counselor).log(
            Contact(
                0,
                None,
                datetime.now(UTC),
                Channel.PHONE,
                Direction.INBOUND,
                5,
                CallerType.ANONYMOUS,
                "",
                "익명 문의",
                False,
                None,
            )
        )
    finally:
        counselor.close()
    admin = access.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        AccountService(admin).disable_user(COUNSELOR)
    finally:
        admin.close()
    return work, record.item.id


def _open(gui: Gui, app: SafeCaseApp, case_id: int) -> CaseWindow:
    assert app.main_window is not None
    window = app.main_window.open_case(case_id)
    assert window is not None
    gui.qtbot.waitExposed(window)
    gui.settle(app.tasks)
    return window


def test_a_case_names_everyone_by_display_name(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work, item_id = _counselor_worked_then_left(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    window = _open(gui, app, work.minji)

    assert window.overview.counselors_label.text() == COUNSELOR_DISPLAY

    window.show_tab(CaseWindow.CONTACTS)
    gui.settle(app.tasks)
    assert _column(window.contacts.model, ContactsModel.COUNSELOR) == [SUPERVISOR_DISPLAY]

    window.show_tab(CaseWindow.TASKS)
    gui.settle(app.tasks)
    owners = _column(window.tasks.model, TasksModel.OWNER)
    assert owners and set(owners) == {COUNSELOR_DISPLAY}
    # Only those who may still be given work are offered: not the disabled counselor.
    offered = [window.tasks.owner_combo.itemData(i) for i in range(window.tasks.owner_combo.count())]
    assert COUNSELOR not in offered

    window.show_tab(CaseWindow.EVIDENCE)
    gui.settle(app.tasks)
    window.evidence.select_item(item_id)
    qtbot.waitUntil(lambda: window.evidence.custody_model.rowCount() > 0)
    assert set(_column(window.evidence.custody_model, CustodyModel.WHO)) == {COUNSELOR_DISPLAY}
    assert window.evidence.details.value("added").endswith(f"by {COUNSELOR_DISPLAY}")

    window.show_tab(CaseWindow.HISTORY)
    gui.settle(app.tasks)
    who = set(_column(window.history.model, HistoryModel.WHO))
    assert {COUNSELOR_DISPLAY, SUPERVISOR_DISPLAY} <= who
    assert not who & {COUNSELOR, SUPERVISOR}
    gui.screenshot(window, "display-names-case-history")


def test_lists_and_look_ups_name_people_by_display_name(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work, _item_id = _counselor_worked_then_left(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, SUPERVISOR, SUPERVISOR_PASSWORD)
    main = app.main_window
    assert main is not None and main.today is not None and main.cases is not None
    gui.settle(app.tasks)

    # Today: the urgent case's counselors.
    urgent = main.today.urgent.list.topLevelItem(0)
    assert urgent is not None and urgent.text(3) == COUNSELOR_DISPLAY

    # Cases: the counselors column (the tooltip keeps the sign-in names, which the filter and CLI take).
    main.show_page(CASES)
    gui.settle(app.tasks)
    model = main.cases.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, CasesModel.NUMBER)) == work.minji_number)
    assert model.data(model.index(row, CasesModel.COUNSELORS)) == COUNSELOR_DISPLAY

    # Quick intake: the cases found by a search, and an earlier case of the same caller.
    assert app.session is not None
    dialog = QuickIntakeDialog(app.session, app.tasks, main)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.search_edit.setText(work.minji_number)
    dialog.search()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 1)
    found = dialog.results_list.item(0).text()
    assert COUNSELOR_DISPLAY in found and COUNSELOR not in found
    dialog.phone_edit.setText(PHONE)
    qtbot.waitUntil(lambda: dialog.repeats_list.count() > 0, timeout=5_000)
    repeat = dialog.repeats_list.item(0).text()
    assert COUNSELOR_DISPLAY in repeat and f": {COUNSELOR}" not in repeat
    dialog.discard()

    # Attaching an earlier call: who logged it.
    attach = AttachContactDialog(app.session, work.minji, main)
    texts = [attach.list.item(r).text() for r in range(attach.list.count())]
    assert any(COUNSELOR_DISPLAY in t and "익명 문의" in t for t in texts)
    attach.reject()


def test_the_audit_log_names_the_account_an_entry_concerns(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    _counselor_worked_then_left(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    main = app.main_window
    assert main is not None and main.audit is not None
    main.show_page(AUDIT)
    main.audit.show_filtered(AuditFilter(action="user.disabled"))
    gui.settle(app.tasks)
    model = main.audit.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, AuditModel.ACTOR)) == "박관리"
    assert model.data(model.index(0, AuditModel.TARGET)) == f"user {COUNSELOR_DISPLAY} ({COUNSELOR})"
