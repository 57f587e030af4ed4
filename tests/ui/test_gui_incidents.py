"""The Incidents tab: several types, known and new platforms, an approximate date, and editing."""

from __future__ import annotations

from pathlib import Path

from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFields, SurvivorProfile
from safecase.domain.incidents import DatePrecision
from safecase.services.cases import CaseService
from safecase.services.incidents import IncidentService
from safecase.ui.case.case_incidents import CaseIncidentsTab, IncidentsModel


def test_record_and_edit_an_incident(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    assert session is not None
    case = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="상병A")))
    tab = CaseIncidentsTab(session, case.id, app.tasks)
    tab.resize(980, 420)
    tab.show()
    qtbot.waitExposed(tab)
    gui.settle(app.tasks)
    assert tab.empty_label.isVisible()

    dialog = tab.open_add()
    qtbot.waitExposed(dialog)
    dialog.save()
    assert "at least one incident type" in dialog.error_line.text(), "the service's refusal is shown in the dialog"
    assert dialog.isVisible()

    dialog.types_list.check("synthetic_images")
    dialog.types_list.check("threat_to_distribute")
    dialog.platforms_list.check("telegram")
    dialog.other_platforms.setText("새 메신저앱, 부대 인트라넷")
    dialog.relation_combo.set_code("superior")
    dialog.date_edit.precision_combo.set_code(DatePrecision.MONTH)
    dialog.date_edit.year_spin.setValue(2025)
    dialog.date_edit.month_combo.set_code("10")
    assert dialog.date_edit.value() == "2025-10"
    dialog.place_combo.set_code("online")
    dialog.description_edit.setPlainText("선임이 텔레그램방에 합성 사진을 올리고 유포하겠다고 협박함")
    gui.screenshot(dialog, "incident-dialog")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)

    [incident] = IncidentService(session).for_case(case.id)
    assert incident.types == ("synthetic_images", "threat_to_distribute")
    assert incident.platforms == ("telegram", "부대 인트라넷", "새 메신저앱")
    assert (incident.date_precision, incident.date_value) == (DatePrecision.MONTH, "2025-10")
    assert incident.perpetrator_relation == "superior" and incident.place_type == "online"
    assert tab.model.data(tab.model.index(0, IncidentsModel.WHEN)) == "2025-10"
    assert "Telegram" in str(tab.model.data(tab.model.index(0, IncidentsModel.PLATFORMS)))

    tab.select_incident(incident.id)
    edit = tab.open_edit()
    assert edit is not None
    assert set(edit.types_list.checked_codes()) == {"synthetic_images", "threat_to_distribute"}
    assert edit.platforms_list.checked_codes() == ("telegram",)
    assert edit.other_platforms.platforms() == ["부대 인트라넷", "새 메신저앱"]
    assert edit.date_edit.value() == "2025-10"
    edit.types_list.check("distribution")
    edit.date_edit.precision_combo.set_code(DatePrecision.UNKNOWN)
    edit.save()
    [updated] = IncidentService(session).for_case(case.id)
    assert updated.types == ("distribution", "synthetic_images", "threat_to_distribute")
    assert (updated.date_precision, updated.date_value) == (DatePrecision.UNKNOWN, "")
    gui.screenshot(tab, "case-incidents-tab")
