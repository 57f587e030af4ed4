"""No text written through SafeCase appears in the clear in any file of the vault or in temp files.

Canary strings go into every text the vault holds now: display names, settings, audit details (user
names are recorded there), then we read every byte on disk. Casework will extend the list of fields.
"""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import date
from pathlib import Path

from casework_data import contact, incident, referral
from safecase.domain.cases import CaseFields, CaseFilter, SensitiveContact, SurvivorProfile
from safecase.domain.referrals import Consent, ConsentGiver, ConsentPurpose, OrganizationType
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.backups import create_backup
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.drafts import DraftService
from safecase.services.incidents import IncidentService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.settings import SettingsService
from safecase.services.tasks import TaskService
from safecase.services.verify import verify_vault
from vault_support import ADMIN, ADMIN_PASSWORD
from vaultfiles import vault_bytes

CANARIES = {
    "display name": "캐너리표시이름QZX",
    "latin display name": "CanaryDisplayNameQZX",
    "user name": "canaryuserqzx",
    "center name": "캐너리센터ZQX",
}
PASSWORD = "a canary pass phrase for testing"


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def test_no_canary_on_disk(vault_dir: Path, tmp_path: Path) -> None:
    temp_before = set(Path(tempfile.gettempdir()).iterdir())
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, display_name=CANARIES["latin display name"])
    session = created.session
    accounts = AccountService(session)
    accounts.add_user(
        CANARIES["user name"], frozenset({Role.COUNSELOR}), PASSWORD, display_name=CANARIES["display name"]
    )
    SettingsService(session).set_center_name(CANARIES["center name"])
    session.close()
    # Sign in and out again so the WAL and shm hold fresh pages, then exercise read paths.
    session = access.sign_in(vault_dir, CANARIES["user name"], PASSWORD)
    session.close()
    session = access.sign_in(vault_dir, ADMIN, ADMIN_PASSWORD)
    assert {u.display_name for u in AccountService(session).list_users()} >= {CANARIES["display name"]}
    AuditService(session).entries()
    verify_vault(session)
    backup = tmp_path / "backup.tar"
    create_backup(session, backup)

    files = vault_bytes(vault_dir)
    assert {"safecase.db", "safecase.db-wal", "safecase.db-shm", "keys.json"} <= set(files)
    files["backup.tar"] = backup.read_bytes()
    new_temp = [p for p in set(Path(tempfile.gettempdir()).iterdir()) - temp_before if p.is_file()]
    files.update({f"tmp:{p.name}": p.read_bytes() for p in new_temp})
    session.close()

    for label, canary in CANARIES.items():
        for encoded in _encodings(canary):
            for name, content in files.items():
                assert encoded not in content, f"{label} found in the clear in {name}"
    # The sanity side: the same search does find a string we know is stored in plain text.
    assert b"argon2id" in files["keys.json"]


CASE_CANARIES = {
    "alias": "캐너리별칭QZX",
    "real name": "캐너리실명QZX",
    "phone": "010-5550-9137",
    "risk reason": "캐너리위험사유QZX",
    "safe channels": "캐너리안전채널QZX",
    "safe-contact notes": "캐너리안전메모QZX",
    "contact summary": "캐너리상담요약QZX",
    "incident description": "캐너리사건설명QZX",
    "free platform": "캐너리플랫폼QZX",
    "referral reason": "캐너리의뢰사유QZX",
    "referral outcome": "캐너리의뢰결과QZX",
    "consent scope": "캐너리동의범위QZX",
    "organization notes": "캐너리기관메모QZX",
    "task title": "캐너리할일QZX",
    "draft": "캐너리임시저장QZX",
}


def test_no_case_canary_on_disk(vault_dir: Path, tmp_path: Path) -> None:
    """Every free-text field of casework (and the search index built from them) stays encrypted."""
    temp_before = set(Path(tempfile.gettempdir()).iterdir())
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD)
    AccountService(created.session).add_user("worker", frozenset({Role.COUNSELOR, Role.SUPERVISOR}), PASSWORD)
    created.session.close()
    session = access.sign_in(vault_dir, "worker", PASSWORD)
    c = CASE_CANARIES
    case = CaseService(session).create(
        CaseFields(
            risk_reason=c["risk reason"],
            profile=SurvivorProfile(
                alias=c["alias"], safe_channels=c["safe channels"], safe_contact_notes=c["safe-contact notes"]
            ),
            sensitive=SensitiveContact(c["real name"], c["phone"]),
        )
    )
    ContactService(session).log(contact(case.id, c["contact summary"], follow_up=True))
    inc = incident(case.id, c["incident description"])
    IncidentService(session).add(dataclasses.replace(inc, platforms=(c["free platform"],)))
    org = OrganizationService(session).add("캐너리기관", OrganizationType.OTHER, "", c["organization notes"])
    referrals = ReferralService(session)
    referrals.record_consent(
        Consent(0, case.id, ConsentPurpose.SHARE, org.id, ConsentGiver.SURVIVOR, date.today(), c["consent scope"], None)
    )
    made = referrals.create(
        dataclasses.replace(referral(case.id, org.id, c["referral reason"]), outcome=c["referral outcome"])
    )
    referrals.mark_sent(made.id)
    TaskService(session).create(case.id, c["task title"], date.today())
    DraftService(session).save("quick_intake", {"summary": c["draft"]})
    CaseService(session).reveal(case.id)
    assert CaseService(session).list_ids(CaseFilter(text=c["alias"])) == [case.id]

    files = vault_bytes(vault_dir)
    assert {"safecase.db", "safecase.db-wal", "keys.json"} <= set(files)
    new_temp = [p for p in set(Path(tempfile.gettempdir()).iterdir()) - temp_before if p.is_file()]
    files.update({f"tmp:{p.name}": p.read_bytes() for p in new_temp})
    session.close()
    files.update({f"after close:{k}": v for k, v in vault_bytes(vault_dir).items()})

    for label, canary in CASE_CANARIES.items():
        for encoded in _encodings(canary):
            for name, content in files.items():
                assert encoded not in content, f"{label} found in the clear in {name}"
