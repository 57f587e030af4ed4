"""Services inside one another's unit of work: intake, import and demo as plain calls of public methods,
all or nothing; sessions for one operation; and the loose ends of issue 7 (referral task audit rows,
DraftService.clear's permission check)."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta
from pathlib import Path

import pytest

from casework_data import TODAY, case_fields, contact, incident, referral
from clock_support import frozen
from safecase.domain.audit import AuditAction
from safecase.domain.cases import CaseFilter
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.domain.referrals import OrganizationType
from safecase.domain.roles import Permission
from safecase.services import demo
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.drafts import QUICK_INTAKE, DraftService
from safecase.services.intake import IntakeForm, IntakeService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.history import HistoryRepository
from safecase.vault.repositories.search import SearchIndex
from vault_support import TeamVault

SRC = Path(__file__).parents[1] / "src" / "safecase"


class Boom(Exception):
    pass


def actions(session: VaultSession) -> list[str]:
    """Every audit action in the vault, oldest first (read straight from the table)."""
    return [e.action for e in reversed(AuditRepository(session.conn).page(10_000))]


def test_intake_is_all_or_nothing_when_the_contact_step_fails(counselor: VaultSession) -> None:
    session = frozen(counselor, TODAY)
    DraftService(session).save(QUICK_INTAKE, {"summary": "작성 중"})
    before = actions(session)
    bad_contact = dataclasses.replace(contact(None), duration_minutes=-5)  # refused by ContactService.log
    with pytest.raises(InputError, match="duration"):
        IntakeService(session).save(IntakeForm(contact=bad_contact, case_fields=case_fields(), incident=incident(0)))
    assert CaseRepository(session.conn).count() == 0
    assert actions(session) == before  # no case.created row either
    assert DraftService(session).load(QUICK_INTAKE) == {"summary": "작성 중"}  # the draft is kept
    saved = IntakeService(session).save(IntakeForm(contact=contact(None), case_fields=case_fields()))
    assert saved.case is not None and saved.case.number == "2026-0001"  # the failed try used no number
    assert DraftService(session).load(QUICK_INTAKE) is None


def test_intake_is_all_or_nothing_when_the_incident_step_fails(counselor: VaultSession) -> None:
    session = frozen(counselor, TODAY)
    bad_incident = dataclasses.replace(incident(0), types=("no_such_type",))
    with pytest.raises(InputError, match="no_such_type"):
        IntakeService(session).save(IntakeForm(contact=contact(None), case_fields=case_fields(), incident=bad_incident))
    assert CaseRepository(session.conn).count() == 0
    assert ContactService(session).unattached() == []


def test_intake_saves_everything_through_the_services(counselor: VaultSession) -> None:
    session = frozen(counselor, TODAY)
    form = IntakeForm(contact=contact(None, follow_up=True), case_fields=case_fields(), incident=incident(0))
    saved = IntakeService(session).save(form)
    assert saved.case is not None and saved.contact.case_id == saved.case.id
    assert saved.contact.follow_up_due == TODAY + timedelta(days=1)  # ContactService's rule
    assert [t.title for t in TaskService(session).for_case(saved.case.id)] == [
        f"Follow up on the contact of {contact(None).at.date().isoformat()}"
    ]
    assert CaseService(session).list_ids(CaseFilter(text="텔레그램"), log=False) == [saved.case.id]
    tail = actions(session)[-4:]
    assert tail == ["case.created", "task.created", "contact.logged", "incident.added"]


def test_a_caught_failure_of_an_inner_service_keeps_the_outer_work(counselor: VaultSession) -> None:
    session = frozen(counselor, TODAY)
    cases, contacts = CaseService(session), ContactService(session)
    with session.write():
        case = cases.create(case_fields())
        with pytest.raises(InputError):
            contacts.log(dataclasses.replace(contact(case.id), counselor="nobody"))
        contacts.log(contact(case.id, summary="두 번째 시도"))
    assert [c.summary for c in contacts.for_case(case.id)] == ["두 번째 시도"]
    assert cases.list_ids(CaseFilter(text="시도"), log=False) == [case.id]


def test_a_failure_after_services_returned_rolls_all_of_them_back(counselor: VaultSession) -> None:
    session = frozen(counselor, TODAY)
    before = actions(session)
    with pytest.raises(Boom), session.write():
        case = CaseService(session).create(case_fields())
        ContactService(session).log(contact(case.id, follow_up=True))
        TaskService(session).create(case.id, "다시 전화", TODAY)
        raise Boom
    assert CaseRepository(session.conn).count() == 0
    assert actions(session) == before
    assert SearchIndex(session.conn).case_ids("민지") == set()
    assert CaseService(session).create(case_fields()).number == "2026-0001"


def test_the_search_index_is_written_once_when_the_unit_of_work_commits(counselor: VaultSession) -> None:
    session = frozen(counselor, TODAY)
    index = SearchIndex(session.conn)
    with session.write():
        case = CaseService(session).create(case_fields(alias="서연"))
        ContactService(session).log(contact(case.id, summary="텔레그램방 협박"))
        assert index.case_ids("서연") == set()  # not yet: once, at commit
    assert index.case_ids("서연") == {case.id}
    assert index.case_ids("텔레그램방") == {case.id}


def test_closing_referral_follow_ups_is_audit_logged(counselor: VaultSession) -> None:
    session = frozen(counselor, TODAY)
    case = CaseService(session).create(case_fields())
    org = OrganizationService(session).add("감사 테스트 기관", OrganizationType.LEGAL_AID).id
    referrals = ReferralService(session)
    draft = referrals.create(dataclasses.replace(referral(case.id, org), follow_up_due=TODAY + timedelta(days=3)))
    [task] = [t for t in TaskService(session).for_case(case.id) if t.referral_id == draft.id]
    before = len(actions(session))
    moved = referrals.update(dataclasses.replace(draft, follow_up_due=TODAY + timedelta(days=5)))
    closed = referrals.update(dataclasses.replace(moved, follow_up_due=None))
    assert closed.follow_up_due is None
    rows = AuditRepository(session.conn).page(len(actions(session)) - before)
    task_rows = [(e.action, e.target_id, e.details) for e in reversed(rows) if e.target_type == "task"]
    assert task_rows == [
        (AuditAction.TASK_UPDATED.value, str(task.id), {"fields": "due_on"}),
        (AuditAction.TASK_UPDATED.value, str(task.id), {"done": "yes"}),
    ]
    assert all(t.done for t in TaskService(session).for_case(case.id))


def test_clearing_a_draft_needs_casework_permission(team_vault: TeamVault, counselor: VaultSession) -> None:
    DraftService(counselor).save(QUICK_INTAKE, {"summary": "x"})
    with pytest.raises(PermissionDeniedError):
        DraftService(team_vault.admin).clear(QUICK_INTAKE)
    DraftService(counselor).clear(QUICK_INTAKE)
    assert DraftService(counselor).load(QUICK_INTAKE) is None


def test_sessions_for_one_operation_grant_only_themselves(team_vault: TeamVault, counselor: VaultSession) -> None:
    admin = team_vault.admin
    importing = admin.importing()
    assert importing.can(Permission.WORK_OWN_CASES) and importing.can(Permission.VIEW_ALL_CASES)
    assert not admin.can(Permission.WORK_OWN_CASES)  # the admin's own session is unchanged
    assert importing.unit_of_work is admin.unit_of_work  # and shares its transactions
    with pytest.raises(PermissionDeniedError):
        counselor.importing()
    with pytest.raises(PermissionDeniedError):
        counselor.making_demo_data(counselor.clock)


def test_demo_data_goes_through_the_services_without_history(team_vault: TeamVault, supervisor: VaultSession) -> None:
    admin = frozen(team_vault.admin, TODAY)
    before = len(actions(admin))
    demo.add_demo_cases(admin, 30, seed=5)
    assert HistoryRepository(admin.conn).for_case(1) == []  # no person made these changes
    new_rows = actions(admin)[before:]
    assert new_rows == [AuditAction.DEMO_DATA_ADDED.value]  # one summary row for the batch
    [summary] = [e for e in AuditRepository(admin.conn).page(5) if e.action == AuditAction.DEMO_DATA_ADDED.value]
    counted = dict(item.split("=") for item in summary.details["records"].split(","))
    assert counted["case.created"] == "30" and int(counted["contact.logged"]) >= 30
    # Follow-up tasks are the services' own: titled and owned as a counselor's would be.
    cases = CaseService(frozen(supervisor, TODAY))
    titles = {
        t.title
        for case_id in cases.list_ids(CaseFilter(), log=False)
        for t in TaskService(supervisor).for_case(case_id)
    }
    assert any(t.startswith("Follow up on the contact of ") for t in titles)


def test_no_module_calls_another_modules_private_names() -> None:
    """The proof asked for in issue 7: ``x._name`` only for a ``_name`` the module defines itself (its
    own attributes and methods), or a package's private module imported inside that package
    (``vault.repositories._time``)."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text("utf-8")
        own = set(re.findall(r"(?:def |class |self\.|cls\.|^\s*)(_[a-z]\w*)\b\s*[(:=]", text, re.MULTILINE))
        package = "safecase." + ".".join(path.relative_to(SRC).parent.parts)
        for number, line in enumerate(text.splitlines(), 1):
            imported = re.match(r"\s*from ([\w.]+)\._\w+ import ", line)
            if imported and imported.group(1) == package.rstrip("."):
                continue
            for match in re.finditer(r"(\w+)\.(_[a-z]\w*)", line):
                if match.group(1) not in ("self", "cls") and match.group(2) not in own:
                    offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert offenders == []
