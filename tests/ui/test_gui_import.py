"""The import dialog: a preview of every row, Import only when all are ready, then all rows or none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import COUNSELOR as GUI_COUNSELOR
from gui_support import COUNSELOR_PASSWORD as GUI_COUNSELOR_PASSWORD
from gui_support import SCREENSHOTS, Gui
from gui_support import SUPERVISOR as GUI_SUPERVISOR
from gui_support import SUPERVISOR_PASSWORD as GUI_SUPERVISOR_PASSWORD
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFilter
from safecase.services.case_import import ENCODINGS
from safecase.services.cases import CaseService
from safecase.ui.pages.import_dialog import ImportDialog, encoding_label
from safecase.ui.tasks import TaskManager
from vault_support import SUPERVISOR, SUPERVISOR_PASSWORD, TeamVault

HEADER = "case_number,opened,status,risk,alias,age_band,affiliation,incident_types,counselor,notes\n"
GOOD = '2025-0900,2025-03-02,진행,긴급,민지,20대,육군 부사관,딥페이크;유포협박,supervisor,"가해자가 텔레그램방에 올린다고 협박"\n'
BAD = "2025-0901,2025-13-40,open,low,지현,20s,army/nco,no_such_type,nobody,\n"


@pytest.fixture
def import_dialog(qtbot: QtBot, team_vault: TeamVault) -> Iterator[tuple[ImportDialog, CaseService]]:
    """The dialog over a window of its own, as the main window opens it, with a supervisor's session."""
    session = team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)
    window = QWidget()
    qtbot.addWidget(window)
    tasks = TaskManager(window)
    dialog = ImportDialog(session, tasks, window)
    dialog.show()
    yield dialog, CaseService(session)
    tasks.wait_for_done()
    session.close()


def test_bad_rows_block_the_import(
    qtbot: QtBot, import_dialog: tuple[ImportDialog, CaseService], tmp_path: Path
) -> None:
    dialog, cases = import_dialog
    path = tmp_path / "records.csv"
    path.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    assert not dialog.save_button.isEnabled()
    assert "rows with problems: 1" in dialog.summary_label.text()
    assert "(UTF-8)" in dialog.summary_label.text() and "utf-8-sig" not in dialog.summary_label.text()
    assert dialog.model.index(0, 1).data() == "ready"
    problems = dialog.model.index(1, 1).data()
    assert "2025-13-40" in problems and "nobody" in problems
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "import-preview-problems.png"))
    assert cases.list_ids(CaseFilter(), log=False) == []


def test_good_file_imports_every_row(
    qtbot: QtBot, import_dialog: tuple[ImportDialog, CaseService], tmp_path: Path
) -> None:
    dialog, cases = import_dialog
    path = tmp_path / "records.csv"
    path.write_bytes((HEADER + GOOD).encode("cp949"))
    dialog.load(path)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    assert "1 rows read (CP949 (Korean Excel))" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        dialog.save_button.click()
    assert imported.args == [1]
    [case_id] = cases.list_ids(CaseFilter(), log=False)
    case = cases.get(case_id)
    assert case.number == "2025-0900" and case.profile.alias == "민지"
    assert cases.list_ids(CaseFilter(text="협박"), log=False) == [case_id]


def test_import_is_offered_to_supervisors_not_counselors(gui: Gui, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, GUI_COUNSELOR, GUI_COUNSELOR_PASSWORD)
    assert app.main_window is not None
    assert not app.main_window.import_action.isVisible()
    app.request_lock()
    gui.qtbot.waitUntil(lambda: app.main_window is None, timeout=10_000)
    gui.sign_in(app, GUI_SUPERVISOR, GUI_SUPERVISOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.import_action.isVisible()
    dialog = window.import_cases()
    gui.qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Import cases from a spreadsheet"
    dialog.reject()


def test_every_encoding_the_importer_reads_has_a_name_people_know() -> None:
    for encoding in ENCODINGS:
        assert encoding_label(encoding) != encoding, encoding
