"""Repeated list views are folded at write time: the same view by the same person within a minute of the
newest row is not appended again; the chain is never changed to fold it."""

from __future__ import annotations

from datetime import timedelta

from casework_data import TODAY, case_fields
from clock_support import frozen
from safecase.domain.audit import FOLD_WINDOW, AuditAction
from safecase.domain.cases import CaseFilter, CaseStatus
from safecase.services.cases import CaseService
from safecase.services.clock import FrozenClock
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository

LISTED = AuditAction.CASES_LISTED.value


def _listed(session: VaultSession) -> int:
    return [e.action for e in AuditRepository(session.conn).page(1000)].count(LISTED)


def test_the_same_list_view_within_a_minute_is_written_once(counselor: VaultSession) -> None:
    cases = CaseService(frozen(counselor, TODAY))
    cases.create(case_fields())
    clock = counselor.clock
    assert isinstance(clock, FrozenClock)
    cases.list_ids(CaseFilter())
    clock.advance(timedelta(seconds=30))
    cases.list_ids(CaseFilter())
    clock.advance(FOLD_WINDOW - timedelta(seconds=31))
    cases.list_ids(CaseFilter())
    assert _listed(counselor) == 1, "folded: same person, same view, under a minute after the first row"

    clock.advance(timedelta(seconds=1))
    cases.list_ids(CaseFilter())
    assert _listed(counselor) == 2, "a minute after the row it repeats, a view is written again"

    cases.list_ids(CaseFilter(statuses=frozenset({CaseStatus.OPEN})))
    assert _listed(counselor) == 3, "another filter is another view"

    cases.get(cases.list_ids(CaseFilter(), log=False)[0])
    cases.list_ids(CaseFilter(statuses=frozenset({CaseStatus.OPEN})))
    assert _listed(counselor) == 4, "only the newest row of the chain is folded into"
    assert AuditRepository(counselor.conn).check_chain().ok


def test_another_persons_same_view_is_written(counselor: VaultSession, supervisor: VaultSession) -> None:
    CaseService(frozen(counselor, TODAY)).create(case_fields())
    CaseService(frozen(counselor, TODAY)).list_ids(CaseFilter())
    CaseService(frozen(supervisor, TODAY)).list_ids(CaseFilter())
    assert _listed(counselor) == 2


def test_other_actions_are_never_folded(counselor: VaultSession) -> None:
    cases = CaseService(frozen(counselor, TODAY))
    case = cases.create(case_fields())
    cases.get(case.id)
    cases.get(case.id)
    views = [e for e in AuditRepository(counselor.conn).page(1000) if e.action == AuditAction.CASE_VIEWED]
    assert len(views) == 2
