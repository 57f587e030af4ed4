"""Casework services: every record type created, edited, listed and searched, per role."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from casework_data import TODAY, case_fields, contact, incident, referral
from clock_support import frozen
from safecase.domain.cases import CaseFilter, CaseStatus, RiskLevel
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.domain.referrals import Consent, ConsentGiver, ConsentPurpose, OrganizationType, ReferralStatus
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.incidents import IncidentService
from safecase.services.intake import IntakeForm, IntakeService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.tasks import TaskService
from vault_support import COUNSELOR, SECOND, SUPERVISOR, TeamVault


def _today(session: VaultSession) -> VaultSession:
    return frozen(session, TODAY)


def test_case_numbers_follow_the_year(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    first = cases.create(case_fields())
    second = cases.create(case_fields(alias="지현"))
    assert (first.number, second.number) == ("2026-0001", "2026-0002")
    assert first.counselors == (COUNSELOR,)
    assert first.has_sensitive


def test_counselor_sees_only_own_cases(counselor: VaultSession, second: VaultSession, supervisor: VaultSession) -> None:
    mine = CaseService(_today(counselor)).create(case_fields())
    theirs = CaseService(_today(second)).create(case_fields(alias="다른사람"))
    assert CaseService(_today(counselor)).list_ids(CaseFilter()) == [mine.id]
    with pytest.raises(InputError, match="not assigned"):
        CaseService(_today(counselor)).get(theirs.id)
    with pytest.raises(InputError):
        ContactService(_today(counselor)).log(contact(theirs.id))
    with pytest.raises(InputError):
        IncidentService(counselor).add(incident(theirs.id))
    assert CaseService(_today(counselor)).summaries([theirs.id]) == []
    assert sorted(CaseService(_today(supervisor)).list_ids(CaseFilter())) == sorted([mine.id, theirs.id])


def test_admin_without_casework_role_sees_no_cases(team_vault: TeamVault, counselor: VaultSession) -> None:
    CaseService(_today(counselor)).create(case_fields())
    with pytest.raises(PermissionDeniedError):
        CaseService(_today(team_vault.admin)).list_ids(CaseFilter())
    with pytest.raises(PermissionDeniedError):
        CaseService(_today(team_vault.admin)).create(case_fields())


def test_edit_writes_history_and_audit_without_content(counselor: VaultSession, team_vault: TeamVault) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    fields = cases.fields(case.id)
    assert fields.sensitive.real_name == ""  # masked unless revealed
    cases.update(case.id, dataclasses.replace(fields, risk=RiskLevel.URGENT))
    cases.reveal(case.id)
    history = cases.history(case.id)
    risk_rows = [(h.field, h.old_value, h.new_value) for h in history if h.field == "risk"]
    assert risk_rows == [("risk", "medium", "urgent"), ("risk", "", "medium")]  # newest first, then creation
    sensitive = [(h.old_value, h.new_value) for h in history if h.field.startswith("sensitive")]
    assert sensitive and all(values == ("", "•••") for values in sensitive)
    audit = AuditService(team_vault.admin).entries()
    updated = next(e for e in audit if e.action == "case.updated")
    assert updated.details == {"fields": "risk"}
    assert any(e.action == "case.revealed" and e.actor == COUNSELOR for e in audit)


def test_identifying_details_are_masked_until_revealed(counselor: VaultSession, team_vault: TeamVault) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    assert cases.fields(case.id).sensitive.phone == ""
    revealed = cases.reveal(case.id)
    assert (revealed.real_name, revealed.phone) == ("김민지", "010-1234-5678")
    changed = dataclasses.replace(cases.fields(case.id), sensitive=dataclasses.replace(revealed, phone="010-9999-0000"))
    cases.update(case.id, changed, keep_sensitive=False)
    phone_rows = [h for h in cases.history(case.id) if h.field == "sensitive.phone"]
    # Changes to identifying details show only that something was set or changed, never the value.
    assert [(h.old_value, h.new_value) for h in phone_rows] == [("•••", "•••"), ("", "•••")]


def test_saving_masked_fields_keeps_the_identifying_details(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    cases.update(case.id, dataclasses.replace(cases.fields(case.id), risk_reason="changed"))
    assert cases.reveal(case.id).real_name == "김민지"


def test_closing_sets_the_closed_date(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    closed = cases.update(case.id, dataclasses.replace(cases.fields(case.id), status=CaseStatus.CLOSED))
    assert closed.closed_on == TODAY


def test_supervisor_reassigns_and_counselor_cannot(
    counselor: VaultSession, second: VaultSession, supervisor: VaultSession
) -> None:
    case = CaseService(_today(counselor)).create(case_fields())
    with pytest.raises(PermissionDeniedError):
        CaseService(_today(counselor)).reassign(case.id, [SECOND])
    moved = CaseService(_today(supervisor)).reassign(case.id, [SECOND])
    assert moved.counselors == (SECOND,)
    assert CaseService(_today(counselor)).list_ids(CaseFilter()) == []
    assert CaseService(_today(second)).list_ids(CaseFilter()) == [case.id]
    with pytest.raises(InputError):
        CaseService(_today(supervisor)).reassign(case.id, ["admin"])  # an admin-only account cannot work cases


def test_contacts_with_and_without_a_case(counselor: VaultSession) -> None:
    contacts = ContactService(_today(counselor))
    anonymous = contacts.log(contact(None, "익명 전화, 이름 밝히지 않음", follow_up=True))
    assert anonymous.case_id is None and anonymous.counselor == COUNSELOR
    assert anonymous.follow_up_due == TODAY + timedelta(days=1)
    assert [c.id for c in contacts.unattached()] == [anonymous.id]
    case = CaseService(_today(counselor)).create(case_fields())
    attached = contacts.attach(anonymous.id, case.id)
    assert attached.case_id == case.id
    assert contacts.unattached() == []
    assert [t.case_id for t in TaskService(_today(counselor)).for_case(case.id)] == [case.id]
    edited = contacts.update(dataclasses.replace(attached, duration_minutes=40))
    assert edited.duration_minutes == 40
    with pytest.raises(InputError):
        contacts.update(dataclasses.replace(attached, duration_minutes=-5))


def test_incidents_use_the_taxonomy(counselor: VaultSession) -> None:
    case = CaseService(_today(counselor)).create(case_fields())
    incidents = IncidentService(counselor)
    added = incidents.add(incident(case.id))
    assert added.platforms == ("a new app", "telegram")  # a Korean label resolves to its code; free entry kept
    assert added.date_precision.value == "month"
    assert CaseService(_today(counselor)).get(case.id).incident_types == ("distribution", "synthetic_images")
    for bad in (
        dataclasses.replace(incident(case.id), types=("no_such_type",)),
        dataclasses.replace(incident(case.id), types=()),
        dataclasses.replace(incident(case.id), date_value="2026-13"),
        dataclasses.replace(incident(case.id), perpetrator_relation="alien"),
    ):
        with pytest.raises(InputError):
            incidents.add(bad)
    updated = incidents.update(dataclasses.replace(added, types=("rape",)))
    assert updated.types == ("rape",)


def test_referral_needs_consent_to_be_sent(counselor: VaultSession) -> None:
    case = CaseService(_today(counselor)).create(case_fields())
    orgs = OrganizationService(counselor).all()
    takedown = next(o for o in orgs if o.org_type.value == "takedown")
    police = next(o for o in orgs if o.org_type.value == "police")
    referrals = ReferralService(_today(counselor))
    draft = referrals.create(referral(case.id, takedown.id))
    with pytest.raises(InputError, match="consent"):
        referrals.mark_sent(draft.id)
    # Consent to share with another organization does not count.
    referrals.record_consent(
        Consent(0, case.id, ConsentPurpose.SHARE, police.id, ConsentGiver.SURVIVOR, TODAY, "수사 의뢰", None)
    )
    with pytest.raises(InputError, match="consent"):
        referrals.mark_sent(draft.id)
    consent = referrals.record_consent(
        Consent(0, case.id, ConsentPurpose.SHARE, takedown.id, ConsentGiver.SURVIVOR, TODAY, "삭제 요청", None)
    )
    sent = referrals.mark_sent(draft.id)
    assert sent.status is ReferralStatus.SENT and sent.consent_id == consent.id
    assert sent.follow_up_due == TODAY + timedelta(days=7)
    # Withdrawn consent blocks the next referral.
    referrals.withdraw_consent(consent.id)
    second = referrals.create(referral(case.id, takedown.id))
    with pytest.raises(InputError, match="consent"):
        referrals.update(dataclasses.replace(second, status=ReferralStatus.SENT))


def test_overdue_referral_reaches_today_and_the_overdue_filter(counselor: VaultSession) -> None:
    case = CaseService(_today(counselor)).create(case_fields(risk=RiskLevel.URGENT))
    org = OrganizationService(counselor).all()[0]
    referrals = ReferralService(_today(counselor))
    referrals.record_consent(Consent(0, case.id, ConsentPurpose.SHARE, org.id, ConsentGiver.SURVIVOR, TODAY, "", None))
    draft = referrals.create(referral(case.id, org.id))
    referrals.mark_sent(draft.id, sent_on=TODAY - timedelta(days=10))
    today = TaskService(_today(counselor)).today()
    assert [r.case_number for r in today.overdue_referrals] == [case.number]
    assert [t.task.referral_id for t in today.due] == [draft.id]
    assert [c.id for c in today.urgent_cases] == [case.id]
    assert CaseService(_today(counselor)).list_ids(CaseFilter(overdue_only=True)) == [case.id]
    # An answer ends the wait: the follow-up task is done and nothing is overdue any more.
    referrals.update(dataclasses.replace(referrals.for_case(case.id)[0], status=ReferralStatus.ACCEPTED))
    assert TaskService(_today(counselor)).today().overdue_referrals == []
    assert TaskService(_today(counselor)).today().due == []


def test_task_overdue_logic(counselor: VaultSession) -> None:
    tasks = TaskService(_today(counselor))
    yesterday = tasks.create(None, "전화 다시 걸기", TODAY - timedelta(days=1))
    tomorrow = tasks.create(None, "서류 준비", TODAY + timedelta(days=1))
    assert [t.id for t in tasks.mine_due()] == [yesterday.id]
    assert yesterday.is_overdue(TODAY) and not tomorrow.is_overdue(TODAY)
    tasks.set_done(yesterday.id)
    assert tasks.mine_due() == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("가해자", True),  # inside 가해자가
        ("텔레그램", True),  # inside 텔레그램방에서
        ("협박", True),  # two syllables inside 협박당함
        ("유포", True),
        ("딥페이크 협박", True),  # every term must match
        ("딥페이크 스토킹", False),
        ("2026-0001", True),
        ("민지", True),
        ("telegram", True),  # the platform code is indexed
        ("가", False),  # one character is too short to search
        ("없는말", False),
    ],
)
def test_search_finds_korean_word_forms(counselor: VaultSession, query: str, found: bool) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    ContactService(_today(counselor)).log(contact(case.id, "가해자가 텔레그램방에서 사진을 올리겠다고 해서 협박당함"))
    IncidentService(counselor).add(incident(case.id, "딥페이크 영상 유포"))
    cases.create(case_fields(alias="다른 사람"))
    assert (cases.list_ids(CaseFilter(text=query)) == [case.id]) is found


def test_search_follows_edits(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    logged = ContactService(_today(counselor)).log(contact(case.id, "스토킹 피해"))
    assert cases.list_ids(CaseFilter(text="스토킹")) == [case.id]
    ContactService(_today(counselor)).update(dataclasses.replace(logged, summary="불법촬영 피해"))
    assert cases.list_ids(CaseFilter(text="스토킹")) == []
    assert cases.list_ids(CaseFilter(text="불법촬영")) == [case.id]


def test_filters(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    low = cases.create(case_fields(risk=RiskLevel.LOW))
    high = cases.create(case_fields(risk=RiskLevel.HIGH))
    IncidentService(counselor).add(incident(high.id))
    cases.update(low.id, dataclasses.replace(cases.fields(low.id), status=CaseStatus.CLOSED))
    assert cases.list_ids(CaseFilter(risks=frozenset({RiskLevel.HIGH}))) == [high.id]
    assert cases.list_ids(CaseFilter(statuses=frozenset({CaseStatus.CLOSED}))) == [low.id]
    assert cases.list_ids(CaseFilter(incident_type="synthetic_images")) == [high.id]
    assert cases.list_ids(CaseFilter(counselor=COUNSELOR, opened_from=TODAY, opened_to=TODAY)) == [high.id, low.id]
    assert cases.list_ids(CaseFilter(opened_to=TODAY - timedelta(days=1))) == []
    rows = cases.summaries([high.id, low.id])
    assert [r.number for r in rows] == [high.number, low.number]
    assert rows[0].incident_types == ("distribution", "synthetic_images")


def test_possible_repeat_callers(counselor: VaultSession, second: VaultSession) -> None:
    earlier = CaseService(_today(second)).create(case_fields(alias="상병A"))
    matches = CaseService(_today(counselor)).possible_repeats(phone="01012345678")
    assert [(m.number, m.visible, m.alias, m.counselors) for m in matches] == [(earlier.number, False, "", (SECOND,))]
    by_profile = CaseService(_today(counselor)).possible_repeats(
        alias="상병a", age_band="20s", branch="army", service_status="nco"
    )
    assert [m.case_id for m in by_profile] == [earlier.id]
    assert CaseService(_today(counselor)).possible_repeats(alias="상병A", age_band="30s", branch="army") == []


def test_organization_directory(counselor: VaultSession, supervisor: VaultSession) -> None:
    directory = OrganizationService(counselor)
    assert len(directory.all()) >= 10  # seeded with the national hotlines and agencies
    added = directory.add("서울 해바라기센터", directory.all()[0].org_type, "02-000-0000")
    with pytest.raises(InputError):
        directory.add("서울 해바라기센터", added.org_type)
    with pytest.raises(PermissionDeniedError):
        directory.update(dataclasses.replace(added, active=False))
    OrganizationService(supervisor).update(dataclasses.replace(added, active=False))
    assert added.id not in {o.id for o in directory.all()}


def test_search_finds_taxonomy_labels(counselor: VaultSession) -> None:
    """A case whose notes never name the platform or type is found by their Korean or English label."""
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields(alias="J.K."))
    IncidentService(counselor).add(dataclasses.replace(incident(case.id, "사진 관련 상담"), platforms=("kakaotalk",)))
    for query in ("카카오톡", "KakaoTalk", "딥페이크", "deepfake"):
        assert cases.list_ids(CaseFilter(text=query)) == [case.id], query


def test_contact_follow_up_task_follows_edits(counselor: VaultSession) -> None:
    case = CaseService(_today(counselor)).create(case_fields())
    contacts = ContactService(_today(counselor))
    tasks = TaskService(_today(counselor))
    logged = contacts.log(contact(case.id, follow_up=True))
    [task] = tasks.for_case(case.id)
    assert task.due_on == TODAY + timedelta(days=1)
    moved = contacts.update(dataclasses.replace(logged, follow_up_due=TODAY + timedelta(days=5)))
    assert [t.due_on for t in tasks.for_case(case.id) if not t.done] == [TODAY + timedelta(days=5)]
    contacts.update(dataclasses.replace(moved, follow_up_needed=False))
    assert [t for t in tasks.for_case(case.id) if not t.done] == []


def test_reopening_clears_the_closed_date(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    cases.update(case.id, dataclasses.replace(cases.fields(case.id), status=CaseStatus.CLOSED))
    reopened = cases.update(case.id, dataclasses.replace(cases.fields(case.id), status=CaseStatus.ACTIVE))
    assert reopened.closed_on is None


def test_overdue_column_counts_unanswered_referrals(counselor: VaultSession) -> None:
    """The list's overdue count agrees with the overdue filter even when the follow-up task was ticked."""
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    org = OrganizationService(counselor).all()[0]
    referrals = ReferralService(_today(counselor))
    referrals.record_consent(Consent(0, case.id, ConsentPurpose.SHARE, org.id, ConsentGiver.SURVIVOR, TODAY, "", None))
    referrals.mark_sent(referrals.create(referral(case.id, org.id)).id, sent_on=TODAY - timedelta(days=10))
    for task in TaskService(_today(counselor)).for_case(case.id):
        TaskService(_today(counselor)).set_done(task.id)
    assert cases.list_ids(CaseFilter(overdue_only=True)) == [case.id]
    assert cases.summaries([case.id])[0].overdue_tasks == 1


def test_naming_a_hidden_earlier_case_is_audited(
    counselor: VaultSession, second: VaultSession, team_vault: TeamVault
) -> None:
    earlier = CaseService(_today(second)).create(case_fields())
    CaseService(_today(counselor)).possible_repeats(phone="010-1234-5678")
    rows = [e for e in AuditService(team_vault.admin).entries() if e.action == "case.repeat_matched"]
    assert [(r.actor, r.details) for r in rows] == [(COUNSELOR, {"cases": str(earlier.id)})]


# --- what a record may point at, and what follows from it ---------------------------------------------


def _org(session: VaultSession, name: str = "테스트 지원기관") -> int:
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
    other_org = _org(counselor, "테스트 경찰서")
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


def test_search_matches_full_width_and_decomposed_text(counselor: VaultSession) -> None:
    import unicodedata

    cases = CaseService(_today(counselor))
    case = cases.create(case_fields(reason="ＴＥＬＥＧＲＡＭ " + unicodedata.normalize("NFD", "가해자가")))
    for query in ("telegram", "가해자", "ＴＥＬ"):
        assert cases.list_ids(CaseFilter(text=query)) == [case.id], query


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "민*", "body:민지", "NEAR(민지 선임)", "민지 OR x", "^민", "-선임", "'", "a\x00b", "ㅁ", "()"],
)
def test_search_syntax_is_never_interpreted(counselor: VaultSession, query: str) -> None:
    cases = CaseService(_today(counselor))
    cases.create(case_fields())
    cases.list_ids(CaseFilter(text=query))  # no FTS5 syntax error, whatever the query
