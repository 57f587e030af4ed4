"""What the statistics reports rely on, recorded through the casework services: a case left out of
statistics, a referral's outcome category, and the administrator's smallest count."""

from __future__ import annotations

import dataclasses

import pytest

from casework_data import TODAY, case_fields, referral
from clock_support import frozen
from safecase.domain.audit import AuditAction
from safecase.domain.errors import InputError, PermissionDeniedError
from safecase.domain.referrals import Consent, ConsentGiver, ConsentPurpose, ReferralOutcome, ReferralStatus
from safecase.domain.settings import DEFAULT_REPORT_MIN_CELL, MAX_REPORT_MIN_CELL, MIN_REPORT_MIN_CELL
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.session import VaultSession
from safecase.services.settings import REPORT_MIN_CELL_KEY, SettingsService
from safecase.vault.repositories.settings import SettingsRepository
from vault_support import TeamVault


def _today(session: VaultSession) -> VaultSession:
    return frozen(session, TODAY)


def test_opting_a_case_out_of_statistics_is_stored_with_its_history(counselor: VaultSession) -> None:
    cases = CaseService(_today(counselor))
    case = cases.create(case_fields())
    assert not case.statistics_opt_out
    updated = cases.update(case.id, dataclasses.replace(cases.fields(case.id), statistics_opt_out=True))
    assert updated.statistics_opt_out and cases.fields(case.id).statistics_opt_out
    changes = [(h.field, h.old_value, h.new_value) for h in cases.history(case.id)]
    assert ("statistics_opt_out", "no", "yes") in changes
    opted_in = cases.update(case.id, dataclasses.replace(cases.fields(case.id), statistics_opt_out=False))
    assert not opted_in.statistics_opt_out
    # A new case may be opted out from the start (an intake where the survivor says so at once).
    fresh = cases.create(dataclasses.replace(case_fields(alias="지현"), statistics_opt_out=True))
    assert cases.get(fresh.id).statistics_opt_out


def _sent_referral(session: VaultSession, case_id: int) -> int:
    org = next(o for o in OrganizationService(session).all() if o.org_type.value == "takedown")
    referrals = ReferralService(session)
    referrals.record_consent(
        Consent(0, case_id, ConsentPurpose.SHARE, org.id, ConsentGiver.SURVIVOR, TODAY, "삭제지원에 필요한 범위", None)
    )
    return referrals.mark_sent(referrals.create(referral(case_id, org.id)).id).id


def test_outcome_category_is_kept_apart_from_the_outcome_text(counselor: VaultSession) -> None:
    session = _today(counselor)
    case = CaseService(session).create(case_fields())
    referrals = ReferralService(session)
    sent_id = _sent_referral(session, case.id)
    sent = next(r for r in referrals.for_case(case.id) if r.id == sent_id)
    assert sent.outcome_code is ReferralOutcome.NOT_RECORDED
    done = referrals.update(
        dataclasses.replace(
            sent,
            status=ReferralStatus.COMPLETED,
            outcome="12건 삭제 확인",
            outcome_code=ReferralOutcome.CONTENT_REMOVED,
        )
    )
    assert (done.outcome_code, done.outcome) == (ReferralOutcome.CONTENT_REMOVED, "12건 삭제 확인")
    history = [(h.field, h.old_value, h.new_value) for h in CaseService(session).history(case.id)]
    assert ("outcome_code", "not_recorded", "content_removed") in history


def test_a_draft_has_no_outcome_and_an_unknown_category_is_refused(counselor: VaultSession) -> None:
    session = _today(counselor)
    case = CaseService(session).create(case_fields())
    org = OrganizationService(session).all()[0]
    referrals = ReferralService(session)
    with pytest.raises(InputError, match="only for a referral that was sent"):
        referrals.create(dataclasses.replace(referral(case.id, org.id), outcome_code=ReferralOutcome.HELP_GIVEN))
    draft = referrals.create(referral(case.id, org.id))
    with pytest.raises(InputError, match="only for a referral that was sent"):
        referrals.update(dataclasses.replace(draft, outcome_code=ReferralOutcome.LEGAL_ACTION))
    sent_id = _sent_referral(session, case.id)
    sent = next(r for r in referrals.for_case(case.id) if r.id == sent_id)
    with pytest.raises(InputError, match="Unknown referral outcome"):
        referrals.update(dataclasses.replace(sent, outcome_code="made_up"))  # type: ignore[arg-type]
    # Marking a referral sent keeps a category already given (none can be, before: see above).
    assert referrals.for_case(case.id)[0].outcome_code is ReferralOutcome.NOT_RECORDED


def test_smallest_count_setting_has_a_floor_and_a_ceiling(team_vault: TeamVault, supervisor: VaultSession) -> None:
    settings = SettingsService(team_vault.admin)
    assert settings.current().report_min_cell == DEFAULT_REPORT_MIN_CELL == 5
    settings.set_report_min_cell(MIN_REPORT_MIN_CELL)
    assert settings.current().report_min_cell == 3
    settings.set_report_min_cell(MAX_REPORT_MIN_CELL)
    assert settings.current().report_min_cell == 20
    for bad in (0, 1, 2, 21, 1000):
        with pytest.raises(InputError, match="between 3 and 20"):
            settings.set_report_min_cell(bad)
    with pytest.raises(PermissionDeniedError):
        SettingsService(supervisor).set_report_min_cell(7)
    entries = [e for e in AuditService(team_vault.admin).entries(50) if e.action == AuditAction.SETTING_CHANGED]
    assert [e.details for e in entries[:2]] == [{"report_min_cell": "20"}, {"report_min_cell": "3"}]
    assert {e.target_id for e in entries[:2]} == {REPORT_MIN_CELL_KEY}


def test_a_value_written_around_the_service_never_lowers_the_floor(team_vault: TeamVault) -> None:
    """Every account knows the data key, so the stored text is not trusted: below 3 reads as 3."""
    session = team_vault.admin
    with session.write():
        SettingsRepository(session.conn).set(REPORT_MIN_CELL_KEY, "1", "someone", session.clock.now())
    assert SettingsService(session).current().report_min_cell == MIN_REPORT_MIN_CELL
    with session.write():
        SettingsRepository(session.conn).set(REPORT_MIN_CELL_KEY, "not a number", "someone", session.clock.now())
    assert SettingsService(session).current().report_min_cell == DEFAULT_REPORT_MIN_CELL
