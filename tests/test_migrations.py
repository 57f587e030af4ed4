"""Schema versions: stored fixture vaults open, newer databases are refused, migrations are all or nothing."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from clock_support import frozen
from safecase.domain.audit import AuditAction, CheckpointReason
from safecase.domain.cases import CaseFilter, SensitiveContact
from safecase.domain.errors import NewerVersionError, VaultFormatError
from safecase.domain.referrals import ReferralOutcome, ReferralStatus
from safecase.reports.model import CountTable
from safecase.reports.statistics import ReportPeriod, StatisticsReport
from safecase.services import access
from safecase.services.accounts import AccountService, reset_password_with_recovery_key
from safecase.services.audit import AuditService
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService
from safecase.services.referrals import ReferralService
from safecase.services.reports import Reports
from safecase.services.session import VaultSession
from safecase.services.settings import SettingsService
from safecase.services.tasks import TaskService
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault import migrations as migrations_module
from safecase.vault.connection import OperationalError, connect
from safecase.vault.migrations import MIGRATIONS, Migration, current_version, latest_version, migrate
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.checkpoints import CheckpointRepository
from sqlcipher_pages import decrypted_pages
from vault_support import ADMIN, ADMIN_PASSWORD, TeamVault
from vaultfiles import raw_connection, snapshot

FIXTURES = Path(__file__).parent / "fixtures"


def _copy_fixture(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


def test_vault_from_version_1_opens_and_upgrades(tmp_path: Path) -> None:
    root = _copy_fixture("vault-v1", tmp_path)
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    assert current_version(session.conn) == latest_version()
    names = {u.name: u.display_name for u in AccountService(session).list_users()}
    assert names == {"admin": "관리자", "counselor": "김상담"}
    assert SettingsService(session).current().auto_lock_minutes == 7
    assert verify_vault(session).ok
    session.close()
    recovery_key = (root / "RECOVERY-KEY.txt").read_text().strip()
    reset_password_with_recovery_key(root, recovery_key, "counselor", "a brand new pass phrase here")
    access.sign_in(root, "counselor", "a brand new pass phrase here").close()


def test_database_from_a_newer_safecase_is_refused(team_vault: TeamVault) -> None:
    conn = raw_connection(team_vault.admin)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    team_vault.admin.close()
    before = snapshot(team_vault.root)
    with pytest.raises(NewerVersionError):
        access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    assert snapshot(team_vault.root) == before


def test_migration_copies_the_database_aside_first(team_vault: TeamVault) -> None:
    extra = (*MIGRATIONS, Migration(latest_version() + 1, "a test table", "CREATE TABLE test_extra (x INTEGER);"))
    conn = team_vault.admin.conn
    applied = migrate(conn, team_vault.root / "safecase.db", extra)
    assert applied == [latest_version() + 1]
    assert current_version(conn) == latest_version() + 1
    copies = list((team_vault.root / "pre-migration").iterdir())
    assert len(copies) == 1 and copies[0].name.startswith(f"safecase.db.v{latest_version()}.")
    assert oct(copies[0].stat().st_mode & 0o777) == "0o600"


def test_failed_migration_leaves_the_old_version(team_vault: TeamVault) -> None:
    broken = (
        *MIGRATIONS,
        Migration(
            latest_version() + 1,
            "fails half-way",
            "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);",
        ),
    )
    conn = team_vault.admin.conn
    with pytest.raises(OperationalError, match="no_such_table"):
        migrate(conn, team_vault.root / "safecase.db", broken)
    assert current_version(conn) == latest_version()
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    assert verify_vault(team_vault.admin).ok


def test_migrations_are_numbered_in_order() -> None:
    versions = [m.version for m in MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))


def test_vault_from_version_2_opens_with_its_casework(tmp_path: Path) -> None:
    root = _copy_fixture("vault-v2", tmp_path)
    # Its key file is version 1: an administrator's sign-in upgrades it before a counselor can sign in.
    access.sign_in(root, ADMIN, ADMIN_PASSWORD).close()
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    assert current_version(session.conn) == latest_version()
    cases = CaseService(session)
    [case_id] = cases.list_ids(CaseFilter(), log=False)
    case = cases.get(case_id)
    assert case.number == "2026-0001" and case.profile.alias == "민지"
    assert cases.list_ids(CaseFilter(text="협박"), log=False) == [case_id]
    assert cases.reveal(case_id).real_name == "김민지"
    [sent] = ReferralService(session).for_case(case_id)
    assert sent.status is ReferralStatus.SENT and sent.consent_id is not None
    assert len(TaskService(session).for_case(case_id)) == 3  # contact and referral follow-ups, one by hand
    assert verify_vault(session).ok
    session.close()


def test_vaults_from_versions_1_and_2_get_the_checkpoints_table_and_a_first_checkpoint(tmp_path: Path) -> None:
    for name in ("vault-v1", "vault-v2"):
        root = _copy_fixture(name, tmp_path)
        session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
        try:
            [checkpoint] = CheckpointRepository(session.conn).all()  # the upgrading sign-in's
            assert checkpoint.reason == CheckpointReason.ADMIN_SIGN_IN
            assert checkpoint.head == AuditRepository(session.conn).head()
            found = next(c for c in verify_vault(session).checks if c.name == "Checkpoints")
            assert found.ok, found.detail
        finally:
            session.close()


def test_vault_from_version_3_opens_with_its_checkpoints(tmp_path: Path) -> None:
    root = _copy_fixture("vault-v3", tmp_path)
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    try:
        assert current_version(session.conn) == latest_version()
        cases = CaseService(session)
        [case_id] = cases.list_ids(CaseFilter(), log=False)
        assert cases.get(case_id).number == "2026-0001"
        stored = CheckpointRepository(session.conn).all()
        assert [c.reason for c in stored] == ["admin_sign_in", "backup", "admin_sign_in"]
        report = verify_vault(session)
        assert report.ok, [c for c in report.checks if not c.ok]
        assert report.head is not None and report.head.seq > stored[-1].head.seq
    finally:
        session.close()
    # The carried checkpoint in keys.json is the latest the administrators signed.
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        carried = keyfiles.open_accounts(keyfiles.load(root / "keys.json"), admin.data_key).accounts.checkpoint
        assert carried == CheckpointRepository(admin.conn).latest()
    finally:
        admin.close()
    recovery_key = (root / "RECOVERY-KEY.txt").read_text().strip()
    reset_password_with_recovery_key(root, recovery_key, "counselor", "a brand new pass phrase here")
    access.sign_in(root, "counselor", "a brand new pass phrase here").close()


def test_checkpoints_are_insert_only(team_vault: TeamVault) -> None:
    conn = raw_connection(team_vault.admin)
    try:
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_checkpoints SET reason = 'backup'")
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_checkpoints")
    finally:
        conn.close()


# --- two processes, and the audit log ----------------------------------------------------------------


def test_two_processes_upgrading_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both saw version 1; the second then ran CREATE TABLE on an upgraded database and its sign-in failed."""
    root = tmp_path / "vault-v1"
    shutil.copytree(FIXTURES / "vault-v1", root)
    first = access.sign_in(root, ADMIN, ADMIN_PASSWORD)  # upgrades; now fake a second process at v1
    first.close()
    db = root / "safecase.db"
    shutil.copytree(FIXTURES / "vault-v1", tmp_path / "again")
    shutil.copy(tmp_path / "again" / "safecase.db", db)
    for extra in root.glob("safecase.db-*"):
        extra.unlink()

    keyfile = keyfiles.load(root / "keys.json")
    _, data_key = access.open_user_slot(keyfile, ADMIN, ADMIN_PASSWORD)
    one, two = connect(db, data_key), connect(db, data_key)
    assert current_version(one) == current_version(two) == 1
    real_copy = migrations_module.copy_aside
    raced = False

    def copy_then_the_other_process_migrates(conn, path, version):  # type: ignore[no-untyped-def]
        nonlocal raced
        result = real_copy(conn, path, version)
        if not raced:
            raced = True
            migrate(one, path)
        return result

    monkeypatch.setattr(migrations_module, "copy_aside", copy_then_the_other_process_migrates)
    migrate(two, db)
    assert current_version(two) == latest_version() == len(MIGRATIONS)
    one.close()
    two.close()


def test_schema_upgrade_is_in_the_audit_log(tmp_path: Path) -> None:
    root = tmp_path / "vault-v1"
    shutil.copytree(FIXTURES / "vault-v1", root)
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        assert any(e.action == "vault.migrated" for e in AuditService(session).entries())
    finally:
        session.close()


def test_the_starter_directory_seed_commits_with_the_version_bump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed (here: failing) between seeding and the version bump, the vault stays at the old version,
    so the next sign-in seeds it again rather than leaving the directory empty for good."""
    root = _copy_fixture("vault-v1", tmp_path)

    def seed_fails(conn, at):  # type: ignore[no-untyped-def]
        raise RuntimeError("killed while seeding")

    monkeypatch.setattr(access, "seed_starter_directory", seed_fails)
    with pytest.raises(RuntimeError, match="killed while seeding"):
        access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    # Still at version 1: the next sign-in migrates again, and seeds the directory this time (had the
    # version committed alone, it would find nothing to migrate and leave the directory empty).
    monkeypatch.undo()
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        assert current_version(session.conn) == latest_version()
        assert session.conn.execute("SELECT count(*) FROM organizations").fetchone()[0] > 0
        migrated = [
            e
            for e in AuditService(session).entries(1000)
            if e.action == AuditAction.MIGRATED.value and e.details.get("to") == str(latest_version())
        ]
        assert len(migrated) == 1
    finally:
        session.close()


def test_no_copy_aside_of_a_database_whose_log_cannot_be_checkpointed(team_vault: TeamVault) -> None:
    extra = (*MIGRATIONS, Migration(latest_version() + 1, "a test table", "CREATE TABLE test_extra (x INTEGER);"))
    db = team_vault.root / "safecase.db"
    conn = team_vault.admin.conn
    reader = raw_connection(team_vault.admin)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM users").fetchone()  # holds a snapshot: the log cannot be emptied
        conn.execute("UPDATE meta SET value = value WHERE key = 'vault_id'")  # a frame in the log
        conn.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(VaultFormatError, match="busy"):
            migrate(conn, db, extra)
    finally:
        reader.close()
    assert current_version(conn) == latest_version()
    assert not (team_vault.root / "pre-migration").exists() or not any((team_vault.root / "pre-migration").iterdir())


def test_version_4_seals_the_identities_of_a_version_3_vault(tmp_path: Path) -> None:
    """The counselor's case in the fixture has a real name and phone in plaintext columns (under the data
    key only). After the upgrade they are sealed under the case's key, the columns are gone, and no page
    of the database, its log or a copy taken before the upgrade holds them any more."""
    root = _copy_fixture("vault-v3", tmp_path)
    name, phone = "김민지".encode(), b"010-1234-5678"
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    try:
        assert current_version(session.conn) == latest_version()
        cases = CaseService(session)
        case_id = cases.id_for_number("2026-0001")
        assert cases.reveal(case_id) == SensitiveContact("김민지", "010-1234-5678")
        columns = {str(r[1]) for r in session.conn.execute("PRAGMA table_info(cases)")}
        assert {"real_name", "phone", "phone_digits"}.isdisjoint(columns)
        assert not list((root / "pre-migration").glob("safecase.db.v*"))
        pages = decrypted_pages(root / "safecase.db", session.data_key)
        assert b"SQLite format 3" not in pages[:16] and b"CREATE TABLE" in pages  # really decrypted
        assert name not in pages and phone not in pages and b"01012345678" not in pages
        # Repeat callers are still matched, through the keyed hash.
        assert [m.number for m in cases.possible_repeats(phone="01012345678")] == ["2026-0001"]
        assert verify_vault(session).ok
    finally:
        session.close()


def test_vault_from_version_4_opens_with_its_sealed_identity(tmp_path: Path) -> None:
    root = _copy_fixture("vault-v4", tmp_path)
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    try:
        assert current_version(session.conn) == latest_version()
        cases = CaseService(session)
        assert cases.reveal(cases.id_for_number("2026-0001")) == SensitiveContact("김민지", "010-1234-5678")
        assert verify_vault(session).ok
    finally:
        session.close()


# --- version 5: evidence ---------------------------------------------------------------------------------

FIXTURE_SCREENSHOT_SHA256 = "38b4672cde18fa6ed106e84fb57990a4d0bb7349e47fc0108d060c475f06ea8f"


def test_version_5_adds_evidence_to_a_version_4_vault(tmp_path: Path) -> None:
    """The evidence and take-down tables arrive empty; a first evidence file gives the case a fresh key,
    under which its sealed identity is carried over, and everything verifies."""
    root = _copy_fixture("vault-v4", tmp_path)
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    try:
        assert current_version(session.conn) == latest_version()
        tables = {str(r[0]) for r in session.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"evidence_items", "evidence_custody", "takedowns", "takedown_statuses"} <= tables
        case_id = CaseService(session).id_for_number("2026-0001")
        source = tmp_path / "shot.png"
        source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 5000)
        evidence = EvidenceService(session)
        item = evidence.add_file(case_id, source).item
        assert CaseService(session).reveal(case_id) == SensitiveContact("김민지", "010-1234-5678")
        assert evidence.read(item.id) == source.read_bytes()
        assert evidence.verify(case_id).ok
        assert verify_vault(session).ok
    finally:
        session.close()


def test_vault_from_version_5_opens_with_its_evidence(tmp_path: Path) -> None:
    root = _copy_fixture("vault-v5", tmp_path)
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    try:
        assert current_version(session.conn) == latest_version()
        case_id = CaseService(session).id_for_number("2026-0001")
        evidence = EvidenceService(session)
        shot, export, link = evidence.for_case(case_id)
        assert shot.item.original_name == "단톡방-캡처.png" and shot.item.stored
        assert shot.item.sha256 == FIXTURE_SCREENSHOT_SHA256
        assert [e.kind.value for e in shot.custody] == ["received", "hashed", "stored", "handed_over", "verified"]
        assert export.item.hash_only and export.item.kind.value == "chat_export"
        assert link.item.urls == ("https://x.com/example/status/1234567890",) and not link.item.sha256
        data = evidence.read(shot.item.id)
        assert hashlib.sha256(data).hexdigest() == FIXTURE_SCREENSHOT_SHA256
        assert [m.number for m in CaseService(session).possible_repeats(phone="01012345678")] == ["2026-0001"]
        assert evidence.verify().ok
        assert verify_vault(session).ok
    finally:
        session.close()
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        assert verify_vault(admin).ok  # custody chains and kept files, without the case key
    finally:
        admin.close()


# --- version 6: statistics opt-out, referral outcome categories ---------------------------------------


def _november_report(session: VaultSession) -> StatisticsReport:
    """The report of November 2026 (the fixtures' cases), built on 2 December 2026."""
    return Reports(frozen(session, date(2026, 12, 2))).build(ReportPeriod(date(2026, 11, 1), date(2026, 11, 1)))


def _one_way(report: StatisticsReport, key: str) -> dict[str, int]:
    table = next(t for t in report.tables if t.key == key)
    assert isinstance(table, CountTable)
    return {code: table.value(code) for code in table.rows.codes if table.value(code)}


def test_version_6_adds_statistics_fields_to_a_version_5_vault(tmp_path: Path) -> None:
    """Every case counts and every outcome is uncategorized until someone says otherwise; k is the default."""
    root = _copy_fixture("vault-v5", tmp_path)
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    try:
        assert current_version(session.conn) == latest_version() == 6
        assert list((root / "pre-migration").glob("safecase.db.v5.*"))
        cases = CaseService(session)
        case_id = cases.id_for_number("2026-0001")
        assert not cases.get(case_id).statistics_opt_out
        (referral,) = ReferralService(session).for_case(case_id)
        assert (referral.status, referral.outcome, referral.outcome_code) == (
            ReferralStatus.SENT,
            "",
            ReferralOutcome.NOT_RECORDED,
        )
        assert verify_vault(session).ok
    finally:
        session.close()
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        assert SettingsService(admin).current().report_min_cell == 5
        report = _november_report(admin)
        assert report.excluded_cases == 0 and report.k == 5
        assert _one_way(report, "new_cases_by_month") == {"2026-11": 1}
        assert _one_way(report, "referral_outcomes") == {"not_recorded": 1}
    finally:
        admin.close()


def test_vault_from_version_6_opens_with_its_statistics_fields(tmp_path: Path) -> None:
    root = _copy_fixture("vault-v6", tmp_path)
    session = access.sign_in(root, "counselor", "quiet river under the bridge 7")
    try:
        assert current_version(session.conn) == latest_version()
        cases = CaseService(session)
        minji = cases.id_for_number("2026-0001")
        soldier = cases.get(cases.id_for_number("2026-0002"))
        assert soldier.statistics_opt_out and soldier.profile.alias == "상병B"
        assert not cases.get(minji).statistics_opt_out
        (referral,) = ReferralService(session).for_case(minji)
        assert (referral.status, referral.outcome, referral.outcome_code) == (
            ReferralStatus.COMPLETED,
            "삭제 완료 2건",
            ReferralOutcome.CONTENT_REMOVED,
        )
        assert verify_vault(session).ok
    finally:
        session.close()
    admin = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        assert SettingsService(admin).current().report_min_cell == 4
        report = _november_report(admin)
        assert report.k == 4 and report.excluded_cases == 1  # 2026-0002, whose survivor declined
        assert _one_way(report, "new_cases_by_month") == {"2026-11": 1}
        assert _one_way(report, "referral_outcomes") == {"content_removed": 1}
        assert verify_vault(admin).ok
    finally:
        admin.close()
