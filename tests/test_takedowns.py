"""Take-downs: recording, status history, reappearances, re-check dates and the lists built on them, the
casework role rule, audit rows without content, and the removal counts the reports will use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlcipher3

from casework_data import TODAY, case_fields
from clock_support import frozen
from safecase.domain.audit import AuditAction, AuditEntry
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.domain.takedowns import Period, ReportedTo, TakedownScope, TakedownStatus
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.session import VaultSession
from safecase.services.takedowns import NewTakedown, TakedownService
from safecase.vault.repositories.audit import AuditRepository
from vault_support import TeamVault
from vaultfiles import raw_connection

URL = "https://t.me/deepfake_room/4411"
REFERENCE = "DSC-2026-1187"


def _service(session: VaultSession, day: date = TODAY) -> TakedownService:
    return TakedownService(frozen(session, day))


def _audit(session: VaultSession) -> list[AuditEntry]:
    """The audit log, oldest first."""
    return list(reversed(AuditRepository(session.conn).page()))


def _case(session: VaultSession, alias: str = "민지") -> int:
    return CaseService(frozen(session, TODAY)).create(case_fields(alias)).id


def _report(
    days_ago: int = 3, recheck_in: int | None = 4, url: str = URL, to: ReportedTo = ReportedTo.DSC
) -> NewTakedown:
    reported = TODAY - timedelta(days=days_ago)
    return NewTakedown(
        url=url,
        platform="텔레그램",
        reported_to=to,
        reported_on=reported,
        reference=REFERENCE,
        recheck_on=None if recheck_in is None else TODAY + timedelta(days=recheck_in),
        notes="본인이 링크 전달",
    )


def test_record_a_report_and_change_its_status_with_history(counselor: VaultSession) -> None:
    case_id = _case(counselor)
    service = _service(counselor)
    entry = service.record(case_id, _report())
    assert entry.status is TakedownStatus.REPORTED and entry.status_on == TODAY - timedelta(days=3)
    assert entry.platform == "telegram", "a known platform is stored by its code, whichever label was typed"
    assert entry.reference == REFERENCE and entry.open

    acknowledged = service.change_status(
        entry.id, TakedownStatus.ACKNOWLEDGED, TODAY - timedelta(days=1), "접수번호 받음", recheck_on=TODAY
    )
    assert acknowledged.status is TakedownStatus.ACKNOWLEDGED and acknowledged.recheck_on == TODAY
    removed = service.change_status(entry.id, TakedownStatus.REMOVED, note="삭제 확인")
    assert removed.status_on == TODAY and removed.recheck_on is None, "settled: nothing left to re-check"
    assert not removed.open
    history = service.history(entry.id)
    assert [(h.status, h.on) for h in history] == [
        (TakedownStatus.REPORTED, TODAY - timedelta(days=3)),
        (TakedownStatus.ACKNOWLEDGED, TODAY - timedelta(days=1)),
        (TakedownStatus.REMOVED, TODAY),
    ]
    assert history[2].note == "삭제 확인" and history[2].recorded_by == counselor.user.name

    # The case's history has the content (encrypted); the audit log names no link and no reference.
    rows = [h for h in CaseService(counselor).history(case_id) if h.record_type == "takedown"]
    assert any(h.field == "url" and h.new_value == URL for h in rows)
    assert any(h.field == "status" and h.new_value == "removed" for h in rows)
    audit = [e for e in _audit(counselor) if e.action.startswith("takedown")]
    assert [e.action for e in audit] == [
        AuditAction.TAKEDOWN_ADDED,
        AuditAction.TAKEDOWN_STATUS_CHANGED,
        AuditAction.TAKEDOWN_STATUS_CHANGED,
    ]
    assert audit[2].details == {"case": str(case_id), "from": "acknowledged", "to": "removed"}
    for row in audit:
        assert URL not in str(row.details) and REFERENCE not in str(row.details)


def test_status_rules(counselor: VaultSession) -> None:
    case_id = _case(counselor)
    service = _service(counselor)
    found = service.record(case_id, NewTakedown(URL, "x", ReportedTo.PLATFORM))
    assert found.status is TakedownStatus.FOUND and found.reported_on is None and found.status_on == TODAY
    with pytest.raises(InputError, match="found already"):
        service.change_status(found.id, TakedownStatus.FOUND)
    with pytest.raises(InputError, match="new take-down"):
        service.change_status(found.id, TakedownStatus.REAPPEARED)
    with pytest.raises(InputError, match="in the future"):
        service.change_status(found.id, TakedownStatus.REPORTED, TODAY + timedelta(days=1))
    reported = service.change_status(found.id, TakedownStatus.REPORTED, TODAY - timedelta(days=2), reference="X-1")
    assert reported.reported_on == TODAY - timedelta(days=2), "reporting sets the report date"
    assert reported.reference == "X-1"
    with pytest.raises(InputError, match="before the day the material was reported"):
        service.change_status(found.id, TakedownStatus.REMOVED, TODAY - timedelta(days=5))
    with pytest.raises(InputError, match="not a link"):
        service.record(case_id, NewTakedown("https://x.com/a b", "x", ReportedTo.PLATFORM))
    with pytest.raises(InputError, match="Give the link"):
        service.record(case_id, NewTakedown(" ", "x", ReportedTo.PLATFORM))
    with pytest.raises(InputError, match="platform"):
        service.record(case_id, NewTakedown(URL, "  ", ReportedTo.PLATFORM))
    with pytest.raises(InputError, match="in the future"):
        service.record(case_id, NewTakedown(URL, "x", ReportedTo.KCSC, reported_on=TODAY + timedelta(days=1)))
    with pytest.raises(InputError, match="re-check date cannot be before"):
        service.record(
            case_id, NewTakedown(URL, "x", ReportedTo.KCSC, reported_on=TODAY, recheck_on=TODAY - timedelta(days=1))
        )


def test_history_is_append_only(counselor: VaultSession) -> None:
    case_id = _case(counselor)
    entry = _service(counselor).record(case_id, _report())
    _service(counselor).change_status(entry.id, TakedownStatus.REFUSED, note="플랫폼 거절")
    conn = raw_connection(counselor)
    try:
        for statement in ("UPDATE takedown_statuses SET status = 'removed'", "DELETE FROM takedown_statuses"):
            with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
                conn.execute(statement)
    finally:
        conn.close()
    assert [h.status for h in _service(counselor).history(entry.id)] == [
        TakedownStatus.REPORTED,
        TakedownStatus.REFUSED,
    ]


def test_reappeared_material_is_a_new_entry_linked_to_the_removed_one(counselor: VaultSession) -> None:
    case_id = _case(counselor)
    service = _service(counselor)
    first = service.record(case_id, _report(days_ago=10))
    with pytest.raises(InputError, match="Only removed material can reappear"):
        service.mark_reappeared(first.id)
    service.change_status(first.id, TakedownStatus.REMOVED, TODAY - timedelta(days=5))
    with pytest.raises(InputError, match="before the day it was removed"):
        service.mark_reappeared(first.id, TODAY - timedelta(days=6))
    again = service.mark_reappeared(
        first.id, url="https://t.me/deepfake_room_2/17", recheck_on=TODAY + timedelta(days=2), note="재업로드 발견"
    )
    assert again.id != first.id and again.reappeared_from == first.id
    assert again.status is TakedownStatus.REAPPEARED and again.open and again.status_on == TODAY
    assert again.url == "https://t.me/deepfake_room_2/17"
    assert (again.platform, again.reported_to, again.case_id) == (first.platform, first.reported_to, case_id)
    assert again.reported_on is None and again.reference == "", "to be reported again"
    assert service.get(first.id).status is TakedownStatus.REMOVED, "the removal happened and still counts"
    same_place = service.mark_reappeared(first.id)
    assert same_place.url == URL
    assert [t.id for t in service.for_case(case_id)] == [first.id, again.id, same_place.id]
    added = [e for e in _audit(counselor) if e.action == AuditAction.TAKEDOWN_ADDED]
    assert added[-1].details["reappeared_from"] == str(first.id)


def test_linked_evidence_item_must_be_of_the_case_and_lends_its_link(counselor: VaultSession) -> None:
    case_id, other = _case(counselor), _case(counselor, "수진")
    item = EvidenceService(counselor).add_url(case_id, "https://x.com/someone/status/99").item
    service = _service(counselor)
    entry = service.record(case_id, NewTakedown("", "X", ReportedTo.PLATFORM, evidence_id=item.id))
    assert entry.evidence_id == item.id and entry.url == "https://x.com/someone/status/99"
    with pytest.raises(InputError, match="not in this case"):
        service.record(other, NewTakedown(URL, "X", ReportedTo.PLATFORM, evidence_id=item.id))


def test_open_list_sorted_by_recheck_and_due_filter(counselor: VaultSession, supervisor: VaultSession) -> None:
    case_a, case_b = _case(counselor), _case(counselor, "수진")
    service = _service(counselor)
    later = service.record(case_a, _report(recheck_in=5, url="https://x.com/a/1"))
    overdue = service.record(case_b, _report(recheck_in=-2, url="https://x.com/b/2", to=ReportedTo.KCSC))
    none = service.record(case_a, _report(recheck_in=None, url="https://x.com/a/3"))
    today = service.record(case_a, _report(recheck_in=0, url="https://x.com/a/4", to=ReportedTo.POLICE))
    closed = service.record(case_b, _report(recheck_in=-1, url="https://x.com/b/5"))
    service.change_status(closed.id, TakedownStatus.REMOVED)

    listing = service.listing()
    assert [r.takedown.id for r in listing.rows] == [overdue.id, today.id, later.id, none.id]
    numbers = {r.takedown.id: r.case_number for r in listing.rows}
    assert numbers[overdue.id] == CaseService(counselor).get(case_b, log=False).number
    assert [r.takedown.id for r in listing.due()] == [overdue.id, today.id]
    assert [r.takedown.id for r in service.listing(due_only=True).rows] == [overdue.id, today.id]
    assert [r.takedown.id for r in service.due().rows] == [overdue.id, today.id]
    assert listing.rows[0].takedown.overdue(TODAY) and not listing.rows[1].takedown.overdue(TODAY)
    assert [r.takedown.id for r in service.listing(TakedownScope.CLOSED).rows] == [closed.id]
    assert len(service.listing(TakedownScope.ALL).rows) == 5
    listed = [e for e in _audit(counselor) if e.action == AuditAction.TAKEDOWNS_LISTED]
    assert listed and listed[-1].details["results"] == "5"

    # The next day another one falls due; moving its re-check date takes it off again.
    tomorrow = _service(counselor, TODAY + timedelta(days=1))
    tomorrow.set_recheck(today.id, TODAY + timedelta(days=8))
    assert [r.takedown.id for r in tomorrow.due().rows] == [overdue.id]
    with pytest.raises(InputError, match="nothing to check again"):
        service.set_recheck(closed.id, TODAY)
    # The supervisor sees them too.
    assert len(_service(supervisor).listing().rows) == 4


def test_counselor_works_only_her_cases_supervisor_all_admin_none(
    team_vault: TeamVault, counselor: VaultSession, second: VaultSession, supervisor: VaultSession
) -> None:
    mine = _case(counselor)
    entry = _service(counselor).record(mine, _report())
    theirs = _case(second, "지수")
    other = _service(second).record(theirs, _report(url="https://x.com/theirs/1"))

    service = _service(counselor)
    assert [r.takedown.id for r in service.listing().rows] == [entry.id]
    with pytest.raises(InputError, match="not assigned to you"):
        service.record(theirs, _report())
    for attempt in (
        lambda: service.change_status(other.id, TakedownStatus.REMOVED),
        lambda: service.set_recheck(other.id, TODAY),
        lambda: service.mark_reappeared(other.id),
        lambda: service.history(other.id),
        lambda: service.get(other.id),
    ):
        with pytest.raises(InputError, match="does not exist or is not in a case assigned to you"):
            attempt()
    with pytest.raises(InputError, match="not assigned to you"):
        service.for_case(theirs)

    boss = _service(supervisor)
    assert {r.takedown.id for r in boss.listing().rows} == {entry.id, other.id}
    boss.change_status(other.id, TakedownStatus.ACKNOWLEDGED)
    assert boss.record(theirs, _report(url="https://x.com/theirs/2")).case_id == theirs

    admin = _service(team_vault.admin)
    for call in (
        admin.listing,
        admin.due,
        lambda: admin.record(mine, _report()),
        lambda: admin.change_status(entry.id, TakedownStatus.REMOVED),
        lambda: admin.removal_stats(Period(TODAY, TODAY)),
    ):
        with pytest.raises(PermissionDeniedError):
            call()


def test_removal_stats_count_and_median_days(counselor: VaultSession, second: VaultSession) -> None:
    case_id = _case(counselor)
    month = Period(date(2026, 11, 1), date(2026, 11, 30))

    def removed(reported: date, removed_on: date, to: ReportedTo = ReportedTo.DSC) -> int:
        service = _service(counselor, removed_on)
        entry = service.record(case_id, NewTakedown(URL, "telegram", to, reported_on=reported))
        service.change_status(entry.id, TakedownStatus.REMOVED, removed_on)
        return entry.id

    removed(date(2026, 10, 20), date(2026, 10, 30))  # removed before the period
    removed(date(2026, 10, 28), date(2026, 11, 2))  # 5 days
    removed(date(2026, 11, 3), date(2026, 11, 4), ReportedTo.PLATFORM)  # 1 day
    removed(date(2026, 11, 5), date(2026, 11, 14), ReportedTo.KCSC)  # 9 days
    last = removed(date(2026, 11, 10), date(2026, 11, 12))  # 2 days
    refused = _service(counselor).record(case_id, NewTakedown(URL, "x", ReportedTo.PLATFORM, date(2026, 11, 15)))
    _service(counselor).change_status(refused.id, TakedownStatus.REFUSED, date(2026, 11, 18))
    _service(counselor).mark_reappeared(last, date(2026, 11, 19))
    _service(counselor).record(case_id, NewTakedown(URL, "x", ReportedTo.POLICE, date(2026, 11, 20)))
    # Another counselor's case: not in her counts.
    theirs = _case(second, "지수")
    other = _service(second).record(theirs, NewTakedown(URL, "x", ReportedTo.DSC, date(2026, 11, 1)))
    _service(second).change_status(other.id, TakedownStatus.REMOVED, date(2026, 11, 2))

    stats = _service(counselor).removal_stats(month)
    assert stats.removed == 4 and stats.refused == 1 and stats.reappeared == 1
    assert stats.reported == 5  # Nov 3, 5, 10, 15, 20
    assert stats.days_to_removal == (1, 2, 5, 9)
    assert stats.median_days == 3.5
    assert stats.removed_by_reported_to == {ReportedTo.DSC: 2, ReportedTo.PLATFORM: 1, ReportedTo.KCSC: 1}
    assert _service(counselor).removal_stats(Period(date(2026, 12, 1), date(2026, 12, 31))).median_days is None
    with pytest.raises(InputError, match="ends before it starts"):
        _service(counselor).removal_stats(Period(month.end, month.start))


def test_audit_service_lists_takedown_actions_for_supervisors(team_vault: TeamVault, counselor: VaultSession) -> None:
    entry = _service(counselor).record(_case(counselor), _report())
    _service(counselor).set_recheck(entry.id, None)
    actions = [e.action for e in AuditService(team_vault.admin).entries()]
    assert AuditAction.TAKEDOWN_UPDATED in actions and AuditAction.TAKEDOWN_ADDED in actions
