"""Reads off the UI thread and the one change signal: stale answers dropped, nothing delivered after the
vault locked, views following changes made elsewhere, tabs keeping their selection."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
import sqlcipher3
from gui_cases_support import seed
from gui_support import COUNSELOR, COUNSELOR_PASSWORD, Gui, settle
from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safecase.domain.cases import CaseFields, CaseFilter, RiskLevel, SurvivorProfile
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.domain.errors import SafeCaseError
from safecase.services.accounts import AccountService
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.session import VaultSession
from safecase.ui.case.case_contacts import CaseContactsTab
from safecase.ui.case.case_history import CaseHistoryTab, HistoryRead
from safecase.ui.case.case_window import CaseWindow
from safecase.ui.pages.cases_model import CasesModel
from safecase.ui.shell.main_window import CASES
from safecase.ui.tasks import Changes, TaskManager, _ReadConnections
from vault_support import COUNSELOR as TEAM_COUNSELOR
from vault_support import TeamVault

WAIT_S = 10


@pytest.fixture
def tasks(counselor: VaultSession) -> Iterator[TaskManager]:
    """A manager reading the counselor's vault, deleted by Qt (as the app's is)."""
    manager = TaskManager()
    manager.begin_reads(counselor)
    yield manager
    manager.end_reads()
    assert manager.wait_for_done(WAIT_S * 1000), "a read did not stop"
    manager.deleteLater()
    QCoreApplication.processEvents()


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _on_ui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_a_query_reads_on_a_worker_over_its_own_connection(
    qtbot: QtBot, tasks: TaskManager, owner: QWidget, counselor: VaultSession
) -> None:
    case = CaseService(counselor).create(CaseFields(profile=SurvivorProfile(alias="민지")))
    seen: list[tuple[bool, bool]] = []
    results: list[tuple[list[int], bool]] = []

    def op(reader: VaultSession) -> list[int]:
        seen.append((_on_ui_thread(), reader.conn is counselor.conn))
        return CaseService(reader).list_ids(CaseFilter(), log=False)

    tasks.query(op, lambda ids: results.append((ids, _on_ui_thread())), owner=owner)
    assert tasks.querying and not tasks.busy, "a read never makes the app busy (auto-lock is not held off)"
    settle(qtbot, tasks)
    assert seen == [(False, False)]
    assert results == [([case.id], True)]


def test_only_the_newest_query_of_an_owner_and_key_delivers(
    qtbot: QtBot, tasks: TaskManager, owner: QWidget, counselor: VaultSession
) -> None:
    release = threading.Event()
    delivered: list[str] = []

    def slow(_reader: VaultSession) -> str:
        assert release.wait(WAIT_S)
        return "first"

    tasks.query(slow, delivered.append, owner=owner, key="search")
    tasks.query(lambda _reader: "second", delivered.append, owner=owner, key="search")
    tasks.query(lambda _reader: "other key", delivered.append, owner=owner, key="other")
    qtbot.waitUntil(lambda: len(delivered) == 2)
    release.set()
    settle(qtbot, tasks)
    assert sorted(delivered) == ["other key", "second"]

    # Nothing reaches an owner that is gone.
    gone = QWidget()
    tasks.query(lambda _reader: "late", delivered.append, owner=gone)
    shiboken6.delete(gone)  # the window closed while its read was on its way
    settle(qtbot, tasks)
    assert "late" not in delivered


def test_end_reads_drops_answers_interrupts_reads_and_closes_connections(
    qtbot: QtBot, tasks: TaskManager, owner: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    started = threading.Event()
    release = threading.Event()
    readers: list[VaultSession] = []
    delivered: list[object] = []
    failed: list[SafeCaseError] = []

    def waiting(reader: VaultSession) -> int:
        readers.append(reader)
        started.set()
        assert release.wait(WAIT_S)
        return int(reader.conn.execute("SELECT count(*) FROM cases").fetchone()[0])

    def endless(reader: VaultSession) -> int:
        readers.append(reader)
        assert release.wait(WAIT_S)  # starts only after the reads were ended
        query = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        return int(reader.conn.execute(query).fetchone()[0])  # runs until stopped

    tasks.query(waiting, delivered.append, owner=owner, on_failed=failed.append)
    tasks.query(endless, delivered.append, owner=owner, on_failed=failed.append)
    assert started.wait(WAIT_S)
    qtbot.waitUntil(lambda: len(readers) == 2)
    with caplog.at_level(logging.ERROR):
        tasks.end_reads()  # as locking does: nothing waits
        release.set()
        settle(qtbot, tasks)
        assert tasks.wait_for_done(WAIT_S * 1000)
    assert delivered == [] and failed == [], "nothing read before the lock is delivered"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "an interrupted read is no error"
    for reader in readers:
        with pytest.raises(sqlcipher3.ProgrammingError, match="closed"):
            reader.conn.execute("SELECT 1")

    # Until the next sign-in, queries are dropped at once.
    tasks.query(lambda _reader: 1, delivered.append, owner=owner)
    assert not tasks.querying and delivered == []


def test_end_reads_interrupts_a_statement_already_running(
    qtbot: QtBot, tasks: TaskManager, owner: QWidget, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A read deep inside one long statement when the vault locks stops at once (conn.interrupt()),
    and its answer, or its failure, is never delivered."""
    # Only interrupt() can stop it: the progress check that stops statements begun after the lock
    # would come only after billions of steps.
    monkeypatch.setattr("safecase.ui.tasks.PROGRESS_STEPS", 2**31 - 1)
    running = threading.Event()
    stopped: list[float] = []
    delivered: list[object] = []
    failed: list[SafeCaseError] = []

    def long_count(reader: VaultSession) -> int:
        reader.conn.create_function("running", 0, lambda: running.set() or 1)
        query = (
            "WITH RECURSIVE n(i) AS (SELECT running() UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
            "SELECT count(*) FROM n"
        )
        try:
            return int(reader.conn.execute(query).fetchone()[0])
        finally:
            stopped.append(time.monotonic())

    tasks.query(long_count, delivered.append, owner=owner, on_failed=failed.append)
    assert running.wait(WAIT_S)
    time.sleep(0.05)  # well inside the statement
    assert not stopped
    with caplog.at_level(logging.ERROR):
        ended = time.monotonic()
        tasks.end_reads()
        assert tasks.wait_for_done(WAIT_S * 1000)
        settle(qtbot, tasks)
    assert stopped and stopped[0] - ended < 1.0, "the running statement was interrupted, not finished"
    assert delivered == [] and failed == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "an interrupted read is no error"


def test_a_stale_search_never_replaces_a_newer_one(
    gui: Gui, qtbot: QtBot, center_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.cases is not None
    window.show_page(CASES)
    page = window.cases
    gui.settle(app.tasks)

    release = threading.Event()
    original = CaseService.list_ids

    def slow_for_the_first_word(service: CaseService, flt: CaseFilter, log: bool = True) -> list[int]:
        if flt.text == "텔레그램":
            assert release.wait(WAIT_S)
        return original(service, flt, log=log)

    monkeypatch.setattr(CaseService, "list_ids", slow_for_the_first_word)
    page.search_edit.setText("텔레그램")
    page.apply_filters()  # the debounce fired: the first search is on its way, and slow
    page.search_edit.setText("당함")
    page.apply_filters()
    qtbot.waitUntil(lambda: page.count_label.text() == "1 case matches")
    aliases = [page.model.data(page.model.index(r, CasesModel.ALIAS)) for r in range(page.model.rowCount())]
    assert aliases == ["상병A"]
    release.set()
    gui.settle(app.tasks)
    aliases = [page.model.data(page.model.index(r, CasesModel.ALIAS)) for r in range(page.model.rowCount())]
    assert aliases == ["상병A"], "the older search's answer arrived last and was dropped"


def test_lock_does_not_wait_for_reads_and_nothing_arrives_after_it(
    gui: Gui, qtbot: QtBot, center_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.cases is not None
    gui.settle(app.tasks)
    started = threading.Event()
    release = threading.Event()
    original = CaseService.list_ids

    def slow(service: CaseService, flt: CaseFilter, log: bool = True) -> list[int]:
        started.set()
        assert release.wait(WAIT_S)
        return original(service, flt, log=log)

    monkeypatch.setattr(CaseService, "list_ids", slow)
    window.show_page(CASES)  # the Cases list starts reading
    assert started.wait(WAIT_S)
    assert app.tasks.querying and not app.tasks.busy
    with qtbot.waitSignal(app.locked, timeout=2_000):
        app.request_lock()  # at once: a read does not hold the lock off
    assert app.session is None and app.main_window is None
    release.set()
    settle(qtbot, app.tasks)
    assert app.tasks.wait_for_done(WAIT_S * 1000)

    # Signing in again reads afresh, over new connections.
    monkeypatch.setattr(CaseService, "list_ids", original)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    window = app.main_window
    assert window is not None and window.cases is not None
    window.show_page(CASES)
    gui.settle(app.tasks)
    assert window.cases.model.rowCount() == 2


def test_a_save_in_a_case_window_refreshes_today_and_cases(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    work = seed(center_vault)
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    main = app.main_window
    assert main is not None and main.today is not None and main.cases is not None
    main.show_page(CASES)
    gui.settle(app.tasks)
    main.show_page("today")
    gui.settle(app.tasks)
    today, cases = main.today, main.cases
    assert today.urgent.list.topLevelItemCount() == 1
    due = today.due.list.topLevelItemCount()
    changes: list[Changes] = []
    app.tasks.changed.connect(changes.append)

    window = main.open_case(work.minji)
    assert isinstance(window, CaseWindow)
    qtbot.waitExposed(window)
    window.overview.risk_combo.setCurrentIndex(window.overview.risk_combo.findData(RiskLevel.HIGH.value))
    assert window.save()
    assert changes == [Changes(cases=True, case_ids=frozenset({work.minji}))]
    gui.settle(app.tasks)
    assert today.urgent.list.topLevelItemCount() == 0, "Today (on screen) read again by itself"

    # A follow-up marked done in the case window's Tasks tab leaves Today too.
    window.show_tab(CaseWindow.TASKS)
    gui.settle(app.tasks)
    window.tasks.select_task("민지 님께 안부 전화 (19시 이후)")
    window.tasks.toggle_done()
    gui.settle(app.tasks)
    assert today.due.list.topLevelItemCount() == due - 1

    # The Cases list was hidden: it reads again when shown, and shows the new risk.
    main.show_page(CASES)
    gui.settle(app.tasks)
    row = cases.model.row_of(work.minji)
    assert cases.model.data(cases.model.index(row, CasesModel.RISK)) == "High"
    assert cases.model.data(cases.model.index(row, CasesModel.OVERDUE)) == "1"


def _contact(case_id: int, summary: str, at: datetime) -> Contact:
    return Contact(0, case_id, at, Channel.PHONE, Direction.INBOUND, 10, CallerType.SURVIVOR, "", summary, False, None)


def test_a_tab_keeps_its_selection_by_record_across_refreshes(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    session = app.session
    assert session is not None
    case = CaseService(session).create(CaseFields(profile=SurvivorProfile(alias="민지")))
    now = datetime.now(UTC)
    contacts = ContactService(session)
    older = contacts.log(_contact(case.id, "첫 상담", now - timedelta(days=3)))
    contacts.log(_contact(case.id, "두 번째 상담", now - timedelta(days=1)))
    tab = CaseContactsTab(session, case.id, app.tasks)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    gui.settle(app.tasks)
    tab.select_contact(older.id)
    assert tab.table.currentIndex().row() == 1

    # A newer contact (logged elsewhere) comes first: the same record stays selected, one row further down.
    contacts.log(_contact(case.id, "세 번째 상담", now))
    app.tasks.notify(Changes(contacts=True).about(case.id))
    gui.settle(app.tasks)
    assert tab.model.rowCount() == 3
    selected = tab.selected_contact()
    assert selected is not None and selected.id == older.id
    assert tab.table.selectionModel().selectedRows()[0].row() == 2

    # Changes to another case, or to something this tab does not show, read nothing.
    queries = 0
    original = tab.read

    def counting(reader: VaultSession) -> list[Contact]:
        nonlocal queries
        queries += 1
        return original(reader)

    tab.read = counting  # type: ignore[method-assign]
    app.tasks.notify(Changes(contacts=True).about(case.id + 1))
    app.tasks.notify(Changes(incidents=True).about(case.id))
    gui.settle(app.tasks)
    assert queries == 0
    # Hidden, a relevant change is read when the tab is shown again.
    tab.hide()
    app.tasks.notify(Changes(contacts=True).about(case.id))
    gui.settle(app.tasks)
    assert queries == 0
    tab.show()
    gui.settle(app.tasks)
    assert queries == 1


def test_history_says_when_nothing_is_recorded(gui: Gui, qtbot: QtBot, center_vault: Path) -> None:
    app = gui.app(center_vault)
    gui.sign_in(app, COUNSELOR, COUNSELOR_PASSWORD)
    assert app.session is not None
    tab = CaseHistoryTab(app.session, 1, app.tasks)
    qtbot.addWidget(tab)
    tab.show_result(HistoryRead([], {}, {}))
    assert tab.table.isHidden() and not tab.empty_label.isHidden()
    assert "No change is recorded" in tab.empty_label.text()


def test_reads_follow_a_rekey(qtbot: QtBot, team_vault: TeamVault, owner: QWidget) -> None:
    """Disabling a user re-keys the database; connections opened under the old key cannot read it."""
    admin = team_vault.admin
    tasks = TaskManager()
    try:
        tasks.begin_reads(admin)
        names: list[list[str]] = []
        failed: list[SafeCaseError] = []

        def read_names(reader: VaultSession) -> list[str]:
            return sorted(u.name for u in AccountService(reader).list_users() if u.enabled)

        tasks.query(read_names, names.append, owner=owner, on_failed=failed.append)
        settle(qtbot, tasks)
        AccountService(admin).disable_user(TEAM_COUNSELOR)
        tasks.query(read_names, names.append, owner=owner, on_failed=failed.append)
        settle(qtbot, tasks)
        assert failed == []
        assert TEAM_COUNSELOR in names[0] and TEAM_COUNSELOR not in names[1]
    finally:
        tasks.end_reads()
        assert tasks.wait_for_done(WAIT_S * 1000), "a read did not stop"
        tasks.deleteLater()
        QCoreApplication.processEvents()


def test_a_connection_opened_while_the_vault_is_rekeyed_is_not_kept(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-key landing while a read connection opens (after it took the old data key, before it was
    tagged) must not leave a connection under the old key in the pool: every later read would fail."""
    admin = team_vault.admin
    reads = _ReadConnections(admin)
    opened = admin.worker_connection

    @contextlib.contextmanager
    def rekeyed_meanwhile() -> Iterator[object]:
        with opened() as conn:  # keyed with the old data key
            AccountService(admin).disable_user(TEAM_COUNSELOR)  # re-keys: new key file, then new data key
            yield conn

    try:
        monkeypatch.setattr(admin, "worker_connection", rekeyed_meanwhile)
        with reads.reader():
            pass
        monkeypatch.undo()
        with reads.reader() as reader:
            names = [u.name for u in AccountService(reader).list_users() if u.enabled]
        assert TEAM_COUNSELOR not in names
    finally:
        reads.close()
