"""One clock: services read the time from ``session.clock``; frozen, it shows in every record and audit row."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from casework_data import case_fields, contact
from safecase.domain.audit import AuditAction
from safecase.domain.cases import CaseStatus
from safecase.services import access
from safecase.services.cases import CaseService
from safecase.services.clock import FrozenClock, SystemClock
from safecase.services.contacts import ContactService
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.history import HistoryRepository
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, TeamVault

MOMENT = datetime(2026, 3, 4, 5, 6, 7, 890_000, tzinfo=UTC)
SRC = Path(__file__).parents[1] / "src" / "safecase"


def last_audit(session: VaultSession) -> tuple[str, datetime]:
    [entry] = AuditRepository(session.conn).page(1)
    return entry.action, entry.at


def test_a_frozen_clock_dates_records_history_and_audit_rows(counselor: VaultSession) -> None:
    clock = FrozenClock(MOMENT)
    counselor.clock = clock
    cases = CaseService(counselor)
    case = cases.create(case_fields())
    assert (case.created_at, case.updated_at) == (MOMENT, MOMENT)
    assert case.opened_on == clock.today()  # opened "today" by default
    assert last_audit(counselor) == (AuditAction.CASE_CREATED.value, MOMENT)
    assert {h.at for h in HistoryRepository(counselor.conn).for_case(case.id)} == {MOMENT}

    clock.advance(timedelta(days=40, minutes=5))
    later = MOMENT + timedelta(days=40, minutes=5)
    logged = ContactService(counselor).log(contact(case.id, follow_up=True))
    assert logged.follow_up_due == clock.today() + timedelta(days=1)
    created = counselor.conn.execute("SELECT created_at FROM contacts WHERE id = ?", (logged.id,)).fetchone()[0]
    assert datetime.fromisoformat(created) == later
    closed = cases.update(case.id, dataclasses.replace(cases.fields(case.id), status=CaseStatus.CLOSED))
    assert closed.closed_on == clock.today() and closed.updated_at == later
    assert last_audit(counselor) == (AuditAction.CASE_UPDATED.value, later)


def test_sign_in_and_vault_creation_take_a_clock(tmp_path: Path, team_vault: TeamVault) -> None:
    created = access.create_vault(tmp_path / "other", ADMIN, ADMIN_PASSWORD, clock=FrozenClock(MOMENT))
    try:
        assert created.session.clock.now() == MOMENT
        rows = AuditRepository(created.session.conn).page(10)
        assert {e.at for e in rows} == {MOMENT}  # vault.created and user.added
    finally:
        created.session.close()
    session = access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD, clock=FrozenClock(MOMENT))
    try:
        assert last_audit(session) == (AuditAction.SIGN_IN.value, MOMENT)
    finally:
        session.close()


def test_the_system_clock_is_utc_now_and_the_local_date() -> None:
    clock = SystemClock()
    now = clock.now()
    assert now.tzinfo is UTC and abs(now - datetime.now(UTC)) < timedelta(seconds=5)
    assert clock.today() in (date.today(), date.today() - timedelta(days=1))  # across midnight at most


def test_a_frozen_clock_needs_a_time_zone_and_moves_only_when_told() -> None:
    with pytest.raises(ValueError):
        FrozenClock(datetime(2026, 1, 1, 12, 0))
    clock = FrozenClock.on(date(2026, 1, 31))
    assert clock.today() == date(2026, 1, 31) and clock.now() == clock.now()
    assert clock.now().astimezone().time() == time(12, 0)
    clock.advance(timedelta(days=1))
    assert clock.today() == date(2026, 2, 1)
    clock.set(MOMENT)
    assert clock.now() == MOMENT


def test_services_read_the_time_only_through_the_clock() -> None:
    """No service calls the system clock itself (the sign-in delay's wall-clock timestamps aside)."""
    found = []
    for path in sorted((SRC / "services").glob("*.py")):
        if path.name == "clock.py":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.search(r"datetime\.now\(|date\.today\(|\bnow_utc\(|utcnow\(", line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []
