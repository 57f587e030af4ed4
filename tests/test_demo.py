"""Synthetic demo cases: deterministic per seed, searchable, assigned, consistent, and kept out of real vaults."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from casework_data import case_fields
from clock_support import frozen
from safecase.domain.audit import AuditAction
from safecase.domain.cases import CaseFields, CaseFilter, RiskLevel
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.domain.referrals import SHARED_STATUSES, consent_covers
from safecase.domain.roles import Role
from safecase.services import access, demo
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.incidents import IncidentService
from safecase.services.referrals import ReferralService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from safecase.services.taxonomies import INCIDENT_TYPES, PERPETRATOR_RELATIONS, PLATFORMS, taxonomies
from safecase.vault.repositories.cases import CaseRepository
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    TeamVault,
)

TODAY = date(2026, 6, 1)
SEED = 20240829


def today(session: VaultSession) -> VaultSession:
    return frozen(session, TODAY)


@pytest.fixture
def demo_vault(team_vault: TeamVault) -> TeamVault:
    """The team vault with 300 demo cases."""
    assert demo.add_demo_cases(today(team_vault.admin), 300, seed=SEED) == 300
    return team_vault


def dump(session: VaultSession) -> list[tuple[Any, ...]]:
    """Everything a person would see of every case, without ids or creation times."""
    cases = CaseService(today(session))
    rows: list[tuple[Any, ...]] = []
    for case_id in cases.list_ids(CaseFilter(sort=CaseFilter().sort, descending=False), log=False):
        case = cases.get(case_id)
        contacts = ContactService(today(session)).for_case(case_id)
        incidents = IncidentService(session).for_case(case_id)
        referrals = ReferralService(today(session)).for_case(case_id)
        rows.append(
            (
                case.number,
                case.status,
                case.risk,
                case.risk_reason,
                case.opened_on,
                case.closed_on,
                case.counselors,
                case.profile,
                cases.reveal(case_id),
                [(c.at, c.channel, c.caller_type, c.summary, c.follow_up_due) for c in contacts],
                [(i.types, i.platforms, i.perpetrator_relation, i.date_value, i.place_type) for i in incidents],
                [(r.status, r.reason, r.sent_on, r.follow_up_due, r.outcome) for r in referrals],
            )
        )
    return rows


def second_team(root: Path) -> VaultSession:
    """Another vault with the same people, signed in as its admin."""
    created = access.create_vault(root, ADMIN, ADMIN_PASSWORD)
    accounts = AccountService(created.session)
    accounts.add_user(COUNSELOR, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD)
    accounts.add_user(SUPERVISOR, frozenset({Role.SUPERVISOR}), SUPERVISOR_PASSWORD)
    return created.session


def test_the_same_seed_gives_the_same_cases_and_another_seed_others(team_vault: TeamVault, tmp_path: Path) -> None:
    demo.add_demo_cases(today(team_vault.admin), 40, seed=SEED)
    other_admin = second_team(tmp_path / "same")
    third_admin = second_team(tmp_path / "other")
    try:
        demo.add_demo_cases(today(other_admin), 40, seed=SEED)
        demo.add_demo_cases(today(third_admin), 40, seed=SEED + 1)
        sessions = [
            team_vault.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD),
            access.sign_in(tmp_path / "same", SUPERVISOR, SUPERVISOR_PASSWORD),
            access.sign_in(tmp_path / "other", SUPERVISOR, SUPERVISOR_PASSWORD),
        ]
        first, same, other = (dump(s) for s in sessions)
        for s in sessions:
            s.close()
    finally:
        other_admin.close()
        third_admin.close()
    assert len(first) == 40
    assert first == same
    assert first != other


def test_creates_the_cases_in_batches_with_one_audit_row_each(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "BATCH_SIZE", 10)
    calls: list[tuple[int, int]] = []
    added = demo.add_demo_cases(
        today(team_vault.admin), 25, seed=1, progress=lambda done, total: calls.append((done, total))
    )
    assert added == 25
    assert CaseRepository(team_vault.admin.conn).count() == 25
    assert calls == [(10, 25), (20, 25), (25, 25)]
    entries = [e for e in AuditService(team_vault.admin).entries() if e.action == AuditAction.DEMO_DATA_ADDED]
    assert sorted(int(e.details["cases"]) for e in entries) == [5, 10, 10]
    assert {e.details["seed"] for e in entries} == {"1"}
    assert demo.demo_case_count(team_vault.admin) == 25


def test_search_finds_the_demo_words(demo_vault: TeamVault, supervisor: VaultSession) -> None:
    cases = CaseService(today(supervisor))
    contacts = ContactService(today(supervisor))
    for word in ("가해자", "텔레그램방", "협박당함", "유포", "딥페이크", "협박", "텔레그램", "screenshots"):
        found = cases.list_ids(CaseFilter(text=word), log=False)
        assert found, word
        # Every hit really holds the word somewhere in its notes (no false positives from the bigrams).
        for case_id in found[:20]:
            texts = [c.summary for c in contacts.for_case(case_id)]
            texts += [r.reason + r.outcome for r in ReferralService(today(supervisor)).for_case(case_id)]
            case = cases.get(case_id)
            texts += [case.profile.alias, case.risk_reason, case.profile.safe_contact_notes]
            # The labels of the case's incident types and platforms are indexed too.
            tax = taxonomies()
            for inc in IncidentService(supervisor).for_case(case_id):
                texts.append(inc.description)
                texts += [tax[INCIDENT_TYPES].label(code, lang) for code in inc.types for lang in ("en", "ko")]
                texts += [tax[PLATFORMS].label(code, lang) for code in inc.platforms for lang in ("en", "ko")]
            assert any(word.casefold() in t.casefold() for t in texts), (word, case_id)


def test_counselors_see_only_their_own_demo_cases(demo_vault: TeamVault, supervisor: VaultSession) -> None:
    everyone = CaseService(today(supervisor)).list_ids(CaseFilter(), log=False)
    assert len(everyone) == 300
    counselor = demo_vault.sign_in(COUNSELOR, COUNSELOR_PASSWORD)
    try:
        cases = CaseService(today(counselor))
        mine = cases.list_ids(CaseFilter(), log=False)
        assert 0 < len(mine) < len(everyone)
        assert all(COUNSELOR in row.counselors for row in cases.summaries(mine))
        other = next(i for i in everyone if i not in set(mine))
        with pytest.raises(InputError, match="not assigned to you"):
            cases.get(other)
    finally:
        counselor.close()


def test_demo_data_is_realistic_and_consistent(demo_vault: TeamVault, supervisor: VaultSession) -> None:
    tax = taxonomies()
    cases = CaseService(today(supervisor))
    referrals = ReferralService(today(supervisor))
    ids = cases.list_ids(CaseFilter(), log=False)
    rows = cases.summaries(ids)
    assert {r.counselors for r in rows} >= {(COUNSELOR,), (SUPERVISOR,)}
    assert all(date(2024, 1, 1) <= r.opened_on < TODAY for r in rows)
    assert {r.opened_on.year for r in rows} == {2024, 2025, 2026}
    assert len({r.status for r in rows}) == 5
    risks = [r.risk for r in rows]
    assert 0 < risks.count(RiskLevel.URGENT) < len(rows) * 0.1
    now = datetime.combine(TODAY, time(0, 0)).astimezone()
    for case_id in ids[:120]:
        for incident in IncidentService(supervisor).for_case(case_id):
            assert all(tax[INCIDENT_TYPES].get(t) for t in incident.types)
            assert tax[PERPETRATOR_RELATIONS].get(incident.perpetrator_relation)
            assert all(tax[PLATFORMS].get(p) or not p.isascii() for p in incident.platforms)
        assert all(c.at < now for c in ContactService(today(supervisor)).for_case(case_id))
        consents = referrals.consents(case_id)
        for referral in referrals.for_case(case_id):
            if referral.status in SHARED_STATUSES:
                consent = next(c for c in consents if c.id == referral.consent_id)
                assert consent_covers(consent, referral.organization_id)
    # Some referrals were sent and went unanswered past their follow-up date; some follow-ups are due.
    assert referrals.overdue()
    today_view = TaskService(today(supervisor)).today()
    assert today_view.urgent_cases
    assert today_view.due


def test_only_admins_may_add_demo_cases(team_vault: TeamVault, supervisor: VaultSession) -> None:
    with pytest.raises(PermissionDeniedError):
        demo.add_demo_cases(supervisor, 5, seed=1)
    assert CaseRepository(supervisor.conn).count() == 0


def test_demo_data_never_mixes_with_real_cases_unless_forced(team_vault: TeamVault, supervisor: VaultSession) -> None:
    admin = team_vault.admin
    demo.add_demo_cases(today(admin), 5, seed=1)
    demo.add_demo_cases(today(admin), 5, seed=2)  # a vault of demo cases only takes more
    CaseService(today(supervisor)).create(CaseFields())  # a real case
    with pytest.raises(InputError, match="not demo cases"):
        demo.add_demo_cases(today(admin), 5, seed=3)
    assert CaseRepository(admin.conn).count() == 11
    demo.add_demo_cases(today(admin), 5, seed=3, force=True)
    assert CaseRepository(admin.conn).count() == 16
    forced = next(e for e in AuditService(admin).entries() if e.action == AuditAction.DEMO_DATA_ADDED)
    assert forced.details["forced"] == "yes"


def test_a_vault_without_caseworkers_gets_no_demo_cases(tmp_path: Path) -> None:
    created = access.create_vault(tmp_path / "lonely", ADMIN, ADMIN_PASSWORD)
    try:
        with pytest.raises(InputError, match="counselors and supervisors"):
            demo.add_demo_cases(created.session, 5)
        with pytest.raises(InputError, match="between 1 and"):
            demo.add_demo_cases(created.session, 0)
    finally:
        created.session.close()


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("선임", "이가", "선임이"),
        ("동기", "이가", "동기가"),
        ("지인", "을를", "지인을"),
        ("후임", "으로", "후임으로"),
        ("동기", "으로", "동기로"),
        ("텔레그램방", "으로", "텔레그램방으로"),
        ("서울", "으로", "서울로"),
        ("전 연인", "과와", "전 연인과"),
    ],
)
def test_korean_particles_fit_the_word(word: str, particle: str, expected: str) -> None:
    assert demo.with_particle(word, particle) == expected


def test_demo_stops_when_a_real_case_appears_meanwhile(
    team_vault: TeamVault, counselor: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "BATCH_SIZE", 2)
    calls = {"n": 0}

    def progress(done: int, total: int) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            CaseService(today(counselor)).create(case_fields(alias="실제"))

    with pytest.raises(InputError, match="meanwhile"):
        demo.add_demo_cases(today(team_vault.admin), 6, seed=1, progress=progress)
    assert CaseService(today(counselor)).list_ids(CaseFilter(), log=False)  # the real case is there
    assert demo.demo_case_count(team_vault.admin) == 2
