"""Display names: one look-up of every account, which every screen and printed record uses for who did what."""

from __future__ import annotations

from datetime import UTC, datetime

from casework_data import case_fields
from safecase.domain.audit import AuditAction, AuditFilter
from safecase.domain.evidence import HandOver
from safecase.domain.users import DisplayNames
from safecase.reports.document import Table
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.evidence_manifest import PacketEntry, PacketHeader, manifest_document
from safecase.services.people import display_names
from safecase.services.session import VaultSession
from vault_support import ADMIN, COUNSELOR, SUPERVISOR, TeamVault


def test_every_account_is_named_even_a_disabled_one(team_vault: TeamVault) -> None:
    AccountService(team_vault.admin).disable_user(SUPERVISOR)
    session = team_vault.sign_in(COUNSELOR, "quiet river under the bridge 7")
    try:
        names = display_names(session)
    finally:
        session.close()
    assert names.of(ADMIN) == "Admin Kim"
    assert names.of(COUNSELOR) == "Park"
    assert names.of(SUPERVISOR) == "Choi", "records of someone who left still name her"


def test_an_unknown_or_unnamed_person_reads_as_the_sign_in_name() -> None:
    names = DisplayNames({"park": "박민지", "lee": ""})
    assert names.of("park") == "박민지"
    assert names.of("lee") == "lee"
    assert names.of("typo") == "typo"
    assert names.join(["park", "typo"]) == "박민지, typo"
    assert names.join([], " · ") == ""


def test_the_audit_log_names_the_account_an_entry_concerns(team_vault: TeamVault) -> None:
    AccountService(team_vault.admin).disable_user(SUPERVISOR)
    rows = AuditService(team_vault.admin).rows(AuditFilter(action=AuditAction.USER_DISABLED.value))
    assert [(r.actor_name, r.entry.target_id, r.target_name) for r in rows] == [("Admin Kim", SUPERVISOR, "Choi")]


def test_the_printed_custody_log_names_people_by_display_name(counselor: VaultSession) -> None:
    case = CaseService(counselor).create(case_fields())
    evidence = EvidenceService(counselor)
    item = evidence.add_url(case.id, "https://t.me/somechannel/12").item
    evidence.hand_over(item.id, HandOver("김수사 경위"))
    header = PacketHeader(
        case.number, datetime.now(UTC), "Park (counselor)", HandOver("김수사 경위"), names=display_names(counselor)
    )
    document = manifest_document(header, [PacketEntry(1, evidence.get(item.id), "")])
    custody = [block for block in document.blocks if isinstance(block, Table)][-1]
    by = {row[2].text for row in custody.rows}
    assert by == {"Park"}
