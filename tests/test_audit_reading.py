"""Accountability: why a reveal happened, reading the log filtered and with names, and repeated list views
folded at write time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from casework_data import TODAY, case_fields, contact
from clock_support import frozen
from safecase.domain.audit import AuditAction, AuditFilter, AuditQuery
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository
from vault_support import COUNSELOR, SUPERVISOR, TeamVault

REVEALED = AuditAction.CASE_REVEALED.value
LISTED = AuditAction.CASES_LISTED.value


def _reveals(session: VaultSession) -> list[dict[str, str]]:
    return [e.details for e in AuditRepository(session.conn).page(1000) if e.action == REVEALED]


# --- the reason of a reveal ---------------------------------------------------------------------------


def test_a_reveal_records_the_reason_on_one_line(counselor: VaultSession) -> None:
    cases = CaseService(frozen(counselor, TODAY))
    case = cases.create(case_fields())
    cases.reveal(case.id, "  경찰 진술\n동행   일정  ")
    cases.reveal(case.id)
    assert _reveals(counselor) == [{}, {"reason": "경찰 진술 동행 일정"}]


def test_a_reason_too_long_reveals_nothing(counselor: VaultSession) -> None:
    cases = CaseService(frozen(counselor, TODAY))
    case = cases.create(case_fields())
    with pytest.raises(InputError, match="too long"):
        cases.reveal(case.id, "가" * 201)
    assert _reveals(counselor) == []


# --- reading the log filtered ---------------------------------------------------------------------------


@pytest.fixture
def revealed(counselor: VaultSession, supervisor: VaultSession) -> tuple[str, str]:
    """Two cases of the counselor: she reveals the first on 11-20; the supervisor reveals the first (with a
    reason) and the second on 11-21, and the counselor logs a contact in the first. Returns the numbers."""
    mine = CaseService(frozen(counselor, TODAY))
    first, second = mine.create(case_fields()), mine.create(case_fields(alias="지현"))
    mine.reveal(first.id)
    frozen(supervisor, TODAY + timedelta(days=1))
    frozen(counselor, TODAY + timedelta(days=1))
    theirs = CaseService(supervisor)
    theirs.reveal(first.id, "보호자 연락")
    theirs.reveal(second.id)
    ContactService(counselor).log(contact(first.id))
    return first.number, second.number


def test_who_revealed_the_identity_in_a_case(supervisor: VaultSession, revealed: tuple[str, str]) -> None:
    first, _second = revealed
    rows = AuditService(supervisor).rows(AuditFilter(action=REVEALED, case_number=first))
    assert [(r.entry.actor, r.actor_name, r.case_number, r.entry.details) for r in rows] == [
        (SUPERVISOR, "Choi", first, {"reason": "보호자 연락"}),
        (COUNSELOR, "Park", first, {}),
    ]
    assert AuditService(supervisor).count(AuditFilter(action=REVEALED, case_number=first)) == 2


def test_a_case_filter_finds_the_rows_of_its_records_too(supervisor: VaultSession, revealed: tuple[str, str]) -> None:
    first, second = revealed
    rows = AuditService(supervisor).rows(AuditFilter(case_number=first))
    assert {"case.created", REVEALED, "contact.logged"} <= {r.entry.action for r in rows}
    logged = next(r for r in rows if r.entry.action == "contact.logged")
    assert logged.entry.target_type == "contact" and logged.case_number == first
    assert all(r.case_number == first for r in rows)
    assert second not in {r.case_number for r in rows}


def test_filters_by_person_and_days(supervisor: VaultSession, revealed: tuple[str, str]) -> None:
    audit = AuditService(supervisor)
    by_counselor = audit.rows(AuditFilter(actor=COUNSELOR, action=REVEALED))
    assert [r.entry.actor for r in by_counselor] == [COUNSELOR]
    first_day = audit.rows(AuditFilter(action=REVEALED, from_day=TODAY, to_day=TODAY))
    assert [r.entry.actor for r in first_day] == [COUNSELOR]
    later = audit.rows(AuditFilter(action=REVEALED, from_day=TODAY + timedelta(days=1)))
    assert [r.entry.actor for r in later] == [SUPERVISOR, SUPERVISOR]
    assert audit.rows(AuditFilter(action=REVEALED, to_day=TODAY - timedelta(days=1))) == []


def test_paging_keeps_the_filter(supervisor: VaultSession, revealed: tuple[str, str]) -> None:
    audit = AuditService(supervisor)
    newest = audit.rows(AuditFilter(action=REVEALED), limit=2)
    older = audit.rows(AuditFilter(action=REVEALED), limit=2, before_seq=newest[-1].entry.seq)
    assert len(newest) == 2 and [r.entry.actor for r in older] == [COUNSELOR]


def test_a_filtered_read_is_logged_with_the_filters_named(supervisor: VaultSession, revealed: tuple[str, str]) -> None:
    AuditService(supervisor).rows(AuditFilter(action=REVEALED, case_number=revealed[0], from_day=TODAY))
    viewed = AuditRepository(supervisor.conn).newest()
    assert viewed is not None and viewed.action == AuditAction.AUDIT_VIEWED
    assert viewed.details == {"filters": "action,case,from"}


def test_an_unknown_case_number_is_refused(supervisor: VaultSession, revealed: tuple[str, str]) -> None:
    with pytest.raises(InputError, match="2019-0001"):
        AuditService(supervisor).rows(AuditFilter(case_number="2019-0001"))


def test_only_those_who_read_the_log_filter_it(counselor: VaultSession, revealed: tuple[str, str]) -> None:
    with pytest.raises(PermissionDeniedError):
        AuditService(counselor).rows(AuditFilter(case_number=revealed[0]))
    with pytest.raises(PermissionDeniedError):
        AuditService(counselor).people()


def test_the_repository_filters_in_sql(team_vault: TeamVault) -> None:
    """A row whose details are not JSON (a damaged log) does not break a case filter."""
    conn = team_vault.admin.conn
    at = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    with team_vault.admin.write():
        AuditRepository(conn).append(at, "x", "case.viewed", "case", "7")
        AuditRepository(conn).append(at, "x", "contact.logged", "contact", "3", {"case": "7"})
        AuditRepository(conn).append(at, "x", "contact.logged", "contact", "4", {"case": "8"})
    found = AuditRepository(conn).page(10, query=AuditQuery(case_id=7))
    assert [(e.target_type, e.target_id) for e in found] == [("contact", "3"), ("case", "7")]
    assert AuditRepository(conn).count(AuditQuery(case_id=7, actor="x", action="case.viewed")) == 1
    day = datetime.combine(date(2026, 11, 20), time.min, UTC)
    assert AuditRepository(conn).count(AuditQuery(actor="x", since=day, until=day + timedelta(days=1))) == 3
    assert AuditRepository(conn).count(AuditQuery(actor="x", since=day + timedelta(days=1))) == 0
