"""The Contacts tab: log a contact with a follow-up, edit it, and attach an earlier anonymous call."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFields, SurvivorProfile
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.domain.tasks import TaskKind
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.tasks import TaskService
from safecase.ui.case.case_contacts import CaseContactsTab, ContactsModel
from safecase.ui.tasks import Changes


def test_log_edit_and_attach_contacts(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    assert session is not None
    case = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="민지")))
    tab = CaseContactsTab(session, case.id, app.tasks)
    tab.resize(980, 460)
    tab.show()
    qtbot.waitExposed(tab)
    gui.settle(app.tasks)
    changed: list[Changes] = []
    app.tasks.changed.connect(changed.append)
    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    assert not tab.edit_button.isEnabled()

    dialog = tab.open_add()
    qtbot.waitExposed(dialog)
    dialog.fields.channel_combo.set_code(Channel.MESSENGER)
    dialog.fields.duration_spin.setValue(40)
    dialog.fields.summary_edit.setPlainText("카카오톡으로 상담. 부대 내 단톡방 캡처를 보내옴\n증거 보존 방법 안내")
    due = date.today() + timedelta(days=3)
    dialog.follow_up.needed_check.setChecked(True)
    dialog.follow_up.due_edit.setDate(QDate(due.year, due.month, due.day))
    gui.screenshot(dialog, "contact-dialog")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)

    assert changed == [Changes(contacts=True, tasks=True, case_ids=frozenset({case.id}))]
    assert "logged" in tab.message.text()
    assert tab.selected_contact() is not None, "the contact just logged is selected"
    [contact] = ContactService(session).for_case(case.id)
    assert contact.channel is Channel.MESSENGER and contact.duration_minutes == 40
    assert contact.counselor == COUNSELOR and contact.follow_up_due == due
    assert (
        tab.model.data(tab.model.index(0, ContactsModel.SUMMARY)) == "카카오톡으로 상담. 부대 내 단톡방 캡처를 보내옴"
    )
    assert tab.model.data(tab.model.index(0, ContactsModel.FOLLOW_UP)) == f"due {due.isoformat()}"
    [task] = TaskService(session).for_case(case.id)
    assert task.kind is TaskKind.CONTACT_FOLLOW_UP and task.due_on == due

    tab.select_contact(contact.id)
    edit = tab.open_edit()
    assert edit is not None
    assert edit.fields.summary_edit.toPlainText().startswith("카카오톡으로 상담")
    edit.fields.summary_edit.setPlainText("카카오톡으로 상담. 캡처 원본 보관 안내함")
    edit.save()
    assert ContactService(session).for_case(case.id)[0].summary == "카카오톡으로 상담. 캡처 원본 보관 안내함"

    anonymous = ContactService(session).log(
        Contact(
            0,
            None,
            datetime.now(UTC) - timedelta(days=2),
            Channel.PHONE,
            Direction.INBOUND,
            5,
            CallerType.ANONYMOUS,
            "",
            "익명 문의: 신고하면 부대에 알려지는지",
            False,
            None,
        )
    )
    attach = tab.open_attach()
    qtbot.waitExposed(attach)
    assert attach.list.count() == 1 and "익명 문의" in attach.list.item(0).text()
    qtbot.mouseClick(attach.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert ContactService(session).unattached() == []
    assert {c.id for c in ContactService(session).for_case(case.id)} == {contact.id, anonymous.id}
    gui.screenshot(tab, "case-contacts-tab")
