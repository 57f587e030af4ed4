"""What the statistics reports need from the screens: a case left out of statistics (the overview), a
referral's outcome category (the answer dialog), and the smallest count reports show (administration)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gui_cases_support import seed
from gui_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casework_data import referral
from safecase.domain.audit import AuditAction
from safecase.domain.referrals import Consent, ConsentGiver, ConsentPurpose, ReferralOutcome, ReferralStatus
from safecase.domain.settings import MIN_REPORT_MIN_CELL
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.settings import SettingsService
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.case.referral_dialogs import ReferralStatusDialog


def test_overview_leaves_a_case_out_of_statistics(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.main_window is not None and app.session is not None
    window = app.main_window.open_case(work.minji)
    assert window is not None
    qtbot.waitExposed(window)
    gui.settle(app.tasks)
    overview = window.overview
    check = overview.statistics_opt_out_check
    assert check.text() == "Leave this case out of statistics (the survivor declined)"
    assert not check.isChecked() and not overview.save_button.isEnabled()

    check.setChecked(True)
    assert overview.is_dirty() and overview.save_button.isEnabled()
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    assert overview.message.text() == "Saved."
    assert CaseService(app.session).fields(work.minji).statistics_opt_out

    window.show_tab(CaseWindow.HISTORY)
    gui.settle(app.tasks)
    change = next(r for r in window.history.rows() if r[3] == "Left out of statistics")
    assert change[4] == "no → yes"


def test_answer_dialog_records_the_outcome_category(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    assert session is not None
    org = next(o for o in OrganizationService(session).all() if o.org_type.value == "takedown")
    referrals = ReferralService(session)
    referrals.record_consent(
        Consent(0, work.sangbyeong, ConsentPurpose.SHARE, org.id, ConsentGiver.SURVIVOR, date.today(), "URL", None)
    )
    made = referrals.mark_sent(referrals.create(referral(work.sangbyeong, org.id)).id)

    dialog = ReferralStatusDialog(session, made, org.name)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.outcome_code_combo.code() == ReferralOutcome.NOT_RECORDED
    labels = [dialog.outcome_code_combo.itemText(i) for i in range(dialog.outcome_code_combo.count())]
    assert "Content removed" in labels and "Declined by the survivor" in labels
    dialog.status_combo.set_code(ReferralStatus.COMPLETED)
    dialog.outcome_code_combo.set_code(ReferralOutcome.CONTENT_REMOVED)
    dialog.outcome_edit.setPlainText("게시물 3건 삭제 확인")
    dialog.save()
    stored = next(r for r in referrals.for_case(work.sangbyeong) if r.id == made.id)
    assert (stored.status, stored.outcome_code, stored.outcome) == (
        ReferralStatus.COMPLETED,
        ReferralOutcome.CONTENT_REMOVED,
        "게시물 3건 삭제 확인",
    )
    gui.screenshot(dialog, "referral-outcome")
    dialog.close()


def test_admin_sets_the_smallest_count_reports_show(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, ADMIN, ADMIN_PASSWORD)
    window = app.main_window
    assert window is not None and window.admin is not None and window.admin.settings is not None
    panel = window.admin.settings
    assert panel.min_cell_spin.value() == 5
    assert panel.min_cell_spin.minimum() == MIN_REPORT_MIN_CELL  # never below 3, even by typing
    panel.min_cell_spin.setValue(8)
    panel.save()
    assert panel.message.text() == "Settings saved."
    assert app.session is not None
    assert SettingsService(app.session).current().report_min_cell == 8

    def changes() -> list[dict[str, str]]:
        assert app.session is not None
        return [e.details for e in AuditService(app.session).entries(20) if e.action == AuditAction.SETTING_CHANGED]

    assert changes()[0] == {"report_min_cell": "8"}
    before = len(changes())
    panel.save()  # nothing changed: nothing more is recorded
    assert len(changes()) == before
