"""The Referrals tab and the directory: consent before sending, follow-ups, overdue referrals, and roles."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from gui_support import COUNSELOR, COUNSELOR_PASSWORD, SUPERVISOR, SUPERVISOR_PASSWORD, Gui, settle
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFields, SurvivorProfile
from safecase.domain.referrals import ConsentGiver, ConsentPurpose, OrganizationType, ReferralStatus
from safecase.domain.tasks import TaskKind
from safecase.services.cases import CaseService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from safecase.ui.admin.organizations_dialog import OrganizationsDialog
from safecase.ui.case.case_referrals import CaseReferralsTab, ReferralsModel
from safecase.ui.case.consent_dialog import ConsentDialog
from safecase.ui.case.referral_dialogs import NewReferralDialog
from safecase.ui.shell.controller import SafeCaseApp
from safecase.ui.tasks import Changes


def _message_box(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=5_000,
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


def _accept(box: QMessageBox) -> None:
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


def _signed_in(gui: Gui, vault: Path, name: str, password: str) -> tuple[SafeCaseApp, VaultSession]:
    app = gui.app(vault)
    gui.sign_in(app, name, password)
    assert app.session is not None
    return app, app.session


def _tab(qtbot: QtBot, app: SafeCaseApp, case_id: int) -> CaseReferralsTab:
    assert app.session is not None
    tab = CaseReferralsTab(app.session, case_id, app.tasks)
    tab.resize(1040, 560)
    tab.show()
    qtbot.waitExposed(tab)
    settle(qtbot, app.tasks)
    return tab


def _new_referral(qtbot: QtBot, tab: CaseReferralsTab, search: str, reason: str, due: date) -> int:
    dialog = tab.open_new_referral()
    assert isinstance(dialog, NewReferralDialog)
    qtbot.waitExposed(dialog)
    dialog.picker.type_combo.set_code(OrganizationType.TAKEDOWN)
    dialog.picker.search_edit.setText(search)
    org = dialog.picker.selected()
    assert org is not None and search in org.name
    dialog.reason_edit.setPlainText(reason)
    dialog.follow_up_edit.setDate(QDate(due.year, due.month, due.day))
    rows = tab.model.rowCount()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows + 1)
    referral = tab.selected_referral()
    assert referral is not None and referral.status is ReferralStatus.DRAFT
    return referral.id


def test_referral_needs_consent_before_it_is_sent(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, session = _signed_in(gui, center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    case = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="민지")))
    tab = _tab(qtbot, app, case.id)
    assert tab.empty_label.isVisible() and tab.consents_empty.isVisible()
    changed: list[Changes] = []
    app.tasks.changed.connect(changed.append)

    referral_id = _new_referral(qtbot, tab, "디지털성범죄", "합성사진 삭제지원 요청", date.today() + timedelta(days=7))
    assert tab.model.data(tab.model.index(0, ReferralsModel.CONSENT)) == "No"
    assert tab.sent_button.isEnabled()

    qtbot.mouseClick(tab.sent_button, Qt.MouseButton.LeftButton)
    assert "no consent on record" in tab.message.text(), "the service's refusal is shown plainly"
    box = _message_box(qtbot)
    assert box.windowTitle() == "Consent needed" and "Record the survivor's consent first" in box.text()
    _accept(box)  # "Record consent…"
    qtbot.waitUntil(lambda: bool(tab.findChildren(ConsentDialog)) and tab.findChildren(ConsentDialog)[0].isVisible())
    consent_dialog = tab.findChildren(ConsentDialog)[0]
    assert consent_dialog.purpose_combo.code() == ConsentPurpose.SHARE
    referral = ReferralService(session).for_case(case.id)[0]
    assert consent_dialog.organization_combo.code() == str(referral.organization_id)
    consent_dialog.giver_combo.set_code(ConsentGiver.SURVIVOR)
    consent_dialog.scope_edit.setText("사건 요약과 합성사진 URL (삭제지원 목적)")
    gui.screenshot(consent_dialog, "consent-dialog")
    qtbot.mouseClick(consent_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.consents_model.rowCount() == 1)
    assert tab.model.data(tab.model.index(0, ReferralsModel.CONSENT)) == "Yes"

    # Consent was all Mark sent needed: the referral is sent without pressing Mark sent again.
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(0, ReferralsModel.STATUS)) == "Sent")
    assert not tab.sent_button.isEnabled()
    sent = ReferralService(session).for_case(case.id)[0]
    assert sent.status is ReferralStatus.SENT and sent.sent_on == date.today() and sent.consent_id is not None
    follow_ups = [t for t in TaskService(session).for_case(case.id) if t.kind is TaskKind.REFERRAL_FOLLOW_UP]
    assert [(t.referral_id, t.due_on, t.owner) for t in follow_ups] == [
        (referral_id, date.today() + timedelta(days=7), COUNSELOR)
    ]
    assert "Marked sent" in tab.message.text() and changed

    # The answer comes in: accepted, with what they did.
    tab.select_referral(referral_id)
    status = tab.open_status()
    assert status is not None
    status.status_combo.set_code(ReferralStatus.ACCEPTED)
    status.outcome_edit.setPlainText("삭제지원 접수 완료, 재유포 모니터링 시작")
    status.save()
    assert ReferralService(session).for_case(case.id)[0].status is ReferralStatus.ACCEPTED
    assert not [t for t in TaskService(session).for_case(case.id) if not t.done], "the follow-up is done"


def test_overdue_referral_is_highlighted_and_on_today(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, session = _signed_in(gui, center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    case = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="상병A")))
    tab = _tab(qtbot, app, case.id)
    tab.open_consent(None).save()  # consent to record data, the form's default when none is on record
    past = date.today() - timedelta(days=3)
    referral_id = _new_referral(qtbot, tab, "방송통신심의위원회", "유포 게시물 삭제·차단 요청", past)
    tab.select_referral(referral_id)
    consent = tab.open_consent(tab.selected_referral())
    consent.scope_edit.setText("게시물 URL")
    consent.save()
    settle(qtbot, app.tasks)
    assert ReferralService(session).for_case(case.id)[0].status is ReferralStatus.DRAFT, (
        "consent recorded on its own sends nothing"
    )
    assert "mark the referral sent" in tab.message.text()
    tab.select_referral(referral_id)
    tab.mark_sent()
    settle(qtbot, app.tasks)

    row = tab.model.row_of(referral_id)
    assert tab.model.data(tab.model.index(row, ReferralsModel.FOLLOW_UP)) == f"{past.isoformat()} — overdue"
    assert tab.model.data(tab.model.index(row, ReferralsModel.FOLLOW_UP), Qt.ItemDataRole.ForegroundRole) is not None
    overdue = TaskService(session).today().overdue_referrals
    assert [(r.referral.id, r.case_number) for r in overdue] == [(referral_id, case.number)]
    purposes = {tab.consents_model.consent(r).purpose for r in range(tab.consents_model.rowCount())}
    assert purposes == {ConsentPurpose.RECORD, ConsentPurpose.SHARE}
    gui.screenshot(tab, "case-referrals-tab")

    # Withdrawing consent keeps it on record, marked withdrawn.
    record_row = next(
        r
        for r in range(tab.consents_model.rowCount())
        if tab.consents_model.consent(r).purpose is ConsentPurpose.RECORD
    )
    tab.consents_table.selectRow(record_row)
    assert tab.withdraw_button.isEnabled()
    tab.confirm_withdraw()
    _accept(_message_box(qtbot))
    qtbot.waitUntil(lambda: "withdrawn" in tab.message.text())
    settle(qtbot, app.tasks)
    withdrawn = [c for c in ReferralService(session).consents(case.id) if c.purpose is ConsentPurpose.RECORD]
    assert withdrawn[0].withdrawn_on == date.today()
    assert not tab.withdraw_button.isEnabled()


def test_directory_add_edit_and_deactivate(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, session = _signed_in(gui, center_vault, SUPERVISOR, SUPERVISOR_PASSWORD)
    assert app.main_window is not None
    dialog = OrganizationsDialog(session, app.tasks, app.main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.edit_button.isVisible() and dialog.active_button.isVisible()
    total = dialog.picker.model.rowCount()
    assert total > 5
    dialog.picker.type_combo.set_code(OrganizationType.LEGAL_AID)
    assert 0 < dialog.picker.model.rowCount() < total

    add = dialog.open_add()
    assert add.type_combo.code() == OrganizationType.LEGAL_AID, "the filtered type is the new entry's type"
    add.name_edit.setText("군 성폭력 피해자 국선변호인단")
    add.contact_edit.setText("02-000-0000")
    add.notes_edit.setPlainText("군 사건 피해자 국선변호 연계")
    add.save()
    added = dialog.picker.selected()
    assert added is not None and added.name == "군 성폭력 피해자 국선변호인단"
    assert "was added" in dialog.message.text()

    edit = dialog.open_edit()
    assert edit is not None
    edit.contact_edit.setText("02-123-4567 (평일 9-18시)")
    edit.save()
    assert OrganizationService(session).get(added.id).contact == "02-123-4567 (평일 9-18시)"
    gui.screenshot(dialog, "organizations-dialog")

    dialog.toggle_active()
    _accept(_message_box(qtbot))
    qtbot.waitUntil(lambda: "deactivated" in dialog.message.text())
    assert added.id not in {o.id for o in OrganizationService(session).all()}
    dialog.inactive_check.setChecked(True)
    dialog.picker.select(added.id)
    assert dialog.active_button.text() == "Reactivate"


def test_counselor_adds_to_the_directory_but_does_not_edit_it(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app, session = _signed_in(gui, center_vault, COUNSELOR, COUNSELOR_PASSWORD)
    case = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="J.K.")))
    tab = _tab(qtbot, app, case.id)
    directory = tab.open_directory()
    qtbot.waitExposed(directory)
    assert directory.add_button.isVisible()
    assert not directory.edit_button.isVisible() and not directory.active_button.isVisible()
    directory.close()

    new = tab.open_new_referral()
    qtbot.waitExposed(new)
    new.picker.search_edit.setText("OO구 정신건강복지센터")
    assert new.picker.selected() is None and not new.save_button.isEnabled()
    add = new.open_add_organization()
    assert add.name_edit.text() == "OO구 정신건강복지센터", "what was searched for becomes the name"
    add.type_combo.set_code(OrganizationType.MENTAL_HEALTH)
    add.save()
    chosen = new.picker.selected()
    assert chosen is not None and chosen.name == "OO구 정신건강복지센터" and new.save_button.isEnabled()
    new.reason_edit.setPlainText("불면·불안 호소, 심리상담 연계 희망")
    gui.screenshot(new, "referral-new-dialog")
