"""Accountability: why a reveal happened, and reading the log filtered and with names."""

from __future__ import annotations

import pytest

from casework_data import TODAY, case_fields
from clock_support import frozen
from safecase.domain.audit import AuditAction
from safecase.domain.errors import InputError
from safecase.services.cases import CaseService
from safecase.services.session import VaultSession
from safecase.vault.repositories.audit import AuditRepository

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
