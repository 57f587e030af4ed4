"""Defects found in review of the casework services, each pinned by a test."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from casework_data import TODAY, case_fields, contact, incident, referral
from clock_support import frozen
from safecase.domain.cases import CaseFilter
from safecase.domain.errors import InputError
from safecase.domain.referrals import Consent, ConsentGiver, ConsentPurpose, OrganizationType, ReferralStatus
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.demo import add_demo_cases
from safecase.services.intake import IntakeForm, IntakeService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from vault_support import SECOND, SUPERVISOR, TeamVault


def _today(session: VaultSession) -> VaultSession:
    return frozen(session, TODAY)


def _org(session: VaultSession, name: str = "리뷰 테스트 지원기관") -> int:
    return OrganizationService(session).add(name, OrganizationType.VICTIM_SUPPORT).id


def _share(session: VaultSession, case_id: int, org_id: int) -> Consent:
    return ReferralService(_today(session)).record_consent(
        Consent(0, case_id, ConsentPurpose.SHARE, org_id, ConsentGiver.SURVIVOR, TODAY, "연계", None)
    )


def test_a_contact_cannot_be_moved_into_another_counselors_case(counselor: VaultSession, second: VaultSession) -> None:
    theirs = CaseService(_today(second)).create(case_fields(alias="다른사람"))
    contacts = ContactService(_today(counselor))
    mine = contacts.log(contact(None, summary="익명 전화"))
    with pytest.raises(InputError, match="not assigned"):
        contacts.update(dataclasses.replace(mine, case_id=theirs.id))
    with pytest.raises(InputError, match="not assigned"):
        contacts.attach(mine.id, theirs.id)
    assert ContactService(_today(second)).for_case(theirs.id) == []
    assert all(h.record_type == "case" for h in CaseService(_today(second)).history(theirs.id))


def test_a_contact_names_a_real_counselor(counselor: VaultSession) -> None:
    contacts = ContactService(_today(counselor))
    with pytest.raises(InputError, match="not an active counselor"):
        contacts.log(dataclasses.replace(contact(None), counselor="nobody"))
    logged = contacts.log(contact(None))
    with pytest.raises(InputError, match="not an active counselor"):
        contacts.update(dataclasses.replace(logged, counselor="nobody"))


def test_a_referral_cannot_name_another_cases_consent(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    one, other = cases.create(case_fields()), cases.create(case_fields(alias="지현"))
    org = _org(counselor)
    foreign = _share(counselor, other.id, org)
    referrals = ReferralService(_today(counselor))
    with pytest.raises(InputError, match="not on record for this case"):
        referrals.create(dataclasses.replace(referral(one.id, org), consent_id=foreign.id))
    draft = referrals.create(referral(one.id, org))
    with pytest.raises(InputError, match="not on record for this case"):
        referrals.update(dataclasses.replace(draft, consent_id=foreign.id))


def test_the_outcome_of_a_sent_referral_can_be_recorded_after_consent_is_withdrawn(counselor: VaultSession) -> None:
    case = CaseService(_today(counselor)).create(case_fields())
    org = _org(counselor)
    consent = _share(counselor, case.id, org)
    referrals = ReferralService(_today(counselor))
    sent = referrals.mark_sent(referrals.create(referral(case.id, org)).id)
    assert sent.consent_id == consent.id
    referrals.withdraw_consent(consent.id)
    with pytest.raises(InputError, match="already withdrawn"):
        referrals.withdraw_consent(consent.id)
    done = referrals.update(dataclasses.replace(sent, status=ReferralStatus.COMPLETED, outcome="삭제 완료"))
    assert (done.status, done.consent_id, done.sent_on) == (ReferralStatus.COMPLETED, consent.id, sent.sent_on)
    # Sending again, or to another organization, still needs consent in force.
    back = referrals.update(dataclasses.replace(done, status=ReferralStatus.DRAFT))
    with pytest.raises(InputError, match="cannot be marked sent"):
        referrals.update(dataclasses.replace(back, status=ReferralStatus.SENT))
    other_org = _org(counselor, "리뷰 테스트 경찰서")
    with pytest.raises(InputError, match="cannot be marked sent"):
        referrals.update(dataclasses.replace(done, organization_id=other_org))


def test_reassigning_hands_open_tasks_to_the_new_counselor(
    counselor: VaultSession, second: VaultSession, supervisor: VaultSession
) -> None:
    case = CaseService(_today(counselor)).create(case_fields())
    org = _org(counselor)
    _share(counselor, case.id, org)
    referrals = ReferralService(_today(counselor))
    referrals.mark_sent(referrals.create(referral(case.id, org)).id, sent_on=TODAY - timedelta(days=10))
    ContactService(_today(counselor)).log(contact(case.id, follow_up=True))
    TaskService(_today(counselor)).create(case.id, "민지 씨에게 다시 전화", TODAY)
    CaseService(_today(supervisor)).reassign(case.id, [SECOND])
    later = TODAY + timedelta(days=30)
    assert TaskService(frozen(counselor, later)).today().due == []
    handed = TaskService(frozen(second, later)).today().due
    assert sorted(row.task.kind.value for row in handed) == ["contact_follow_up", "manual", "referral_follow_up"]
    open_tasks = [t for t in TaskService(_today(second)).for_case(case.id) if not t.done]
    assert {t.owner for t in open_tasks} == {SECOND}


def test_a_task_goes_only_to_someone_who_works_the_case(counselor: VaultSession, second: VaultSession) -> None:
    case = CaseService(_today(counselor)).create(case_fields())
    tasks = TaskService(_today(counselor))
    with pytest.raises(InputError, match="does not work on this case"):
        tasks.create(case.id, "연락하기", TODAY, owner=SECOND)
    with pytest.raises(InputError, match="not an active counselor"):
        tasks.create(None, "연락하기", TODAY, owner="nobody")
    assert TaskService(_today(second)).today().due == []
    assert tasks.create(case.id, "연락하기", TODAY, owner=SUPERVISOR).owner == SUPERVISOR


def test_intake_refuses_an_incident_without_a_case(counselor: VaultSession) -> None:
    with pytest.raises(InputError, match="incident belongs to a case"):
        IntakeService(_today(counselor)).save(IntakeForm(contact=contact(None), incident=incident(0)))
    assert ContactService(_today(counselor)).unattached() == []


def test_search_matches_full_width_and_decomposed_text(counselor: VaultSession) -> None:
    import unicodedata

    cases = CaseService(_today(counselor))
    case = cases.create(case_fields(reason="ＴＥＬＥＧＲＡＭ " + unicodedata.normalize("NFD", "가해자가")))
    for query in ("telegram", "가해자", "ＴＥＬ"):
        assert cases.list_ids(CaseFilter(text=query)) == [case.id], query


def test_demo_stops_when_a_real_case_appears_meanwhile(
    team_vault: TeamVault, counselor: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safecase.services.demo as demo

    monkeypatch.setattr(demo, "BATCH_SIZE", 2)
    calls = {"n": 0}

    def progress(done: int, total: int) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            CaseService(_today(counselor)).create(case_fields(alias="실제"))

    with pytest.raises(InputError, match="meanwhile"):
        add_demo_cases(_today(team_vault.admin), 6, seed=1, progress=progress)
    assert CaseService(_today(counselor)).list_ids(CaseFilter(), log=False)  # the real case is there
    assert demo.demo_case_count(team_vault.admin) == 2


def test_task_changes_appear_in_the_case_history(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    tasks = TaskService(_today(counselor))
    task = tasks.create(case.id, "서류 챙기기", TODAY)
    tasks.reschedule(task.id, TODAY + timedelta(days=2))
    tasks.set_done(task.id)
    rows = [(h.field, h.old_value, h.new_value) for h in cases.history(case.id) if h.record_type == "task"]
    assert rows[:2] == [("done", "no", "yes"), ("due_on", "2026-11-20", "2026-11-22")]
    assert ("title", "", "서류 챙기기") in rows


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "민*", "body:민지", "NEAR(민지 선임)", "민지 OR x", "^민", "-선임", "'", "a\x00b", "ㅁ", "()"],
)
def test_search_syntax_is_never_interpreted(counselor: VaultSession, query: str) -> None:
    cases = CaseService(_today(counselor))
    cases.create(case_fields())
    cases.list_ids(CaseFilter(text=query))  # no FTS5 syntax error, whatever the query


def test_an_imported_note_is_in_the_case_history(supervisor: VaultSession, tmp_path: object) -> None:
    from pathlib import Path

    from safecase.services.case_import import import_cases

    path = Path(str(tmp_path)) / "records.csv"
    path.write_text("opened,alias,notes\n2024-03-05,민지,가해자가 사진을 올림\n", encoding="utf-8")
    report = import_cases(_today(supervisor), path)
    assert report.ok and report.imported == 1
    cases = CaseService(_today(supervisor))
    case_id = cases.id_for_number(report.case_numbers[0])
    summaries = [h.new_value for h in cases.history(case_id) if h.record_type == "contact" and h.field == "summary"]
    assert summaries and summaries[0].endswith("가해자가 사진을 올림")
