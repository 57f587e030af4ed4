"""Attacks on the audit log by a colleague who holds the data key: rewriting history is now named.

The attacker is a counselor with a copy of the vault, her own password (so the data key) and Python.
She drops the append-only triggers, deletes, re-orders, relabels or cuts audit rows, and recomputes
the whole hash chain with SafeCase's own ``link_hash``, so the chain check alone sees nothing. What
she cannot do is sign with the administrators' key: the checkpoints made at each administrator's
sign-in and backup (in the database, and the latest in keys.json's signed account list) name the
first checkpointed row that no longer matches. The strongest variant also deletes the checkpoint rows
that would give her away; the copy in keys.json still does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from safecase.crypto.checkpoints import sign_checkpoint
from safecase.crypto.hashchain import GENESIS, link_hash
from safecase.crypto.signing import new_signing_key
from safecase.domain.audit import AuditHead, CheckpointReason
from safecase.services import access
from safecase.services.accounts import reset_password_with_recovery_key
from safecase.services.backups import create_backup
from safecase.services.checkpoints import audit_head
from safecase.services.verify import VerifyReport, verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import Connection, connect
from safecase.vault.keyfile import AccountList, open_accounts
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.checkpoints import CheckpointRepository
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, COUNSELOR_PASSWORD, TeamVault, build_team_vault
from vault_templates import VaultTemplates

Row = dict[str, Any]


# --- the attacker's toolkit ------------------------------------------------------------------------------


def _her_connection(root: Path) -> Connection:
    """The counselor's own password gives her the data key, and so the database."""
    keyfile = keyfiles.load(root / "keys.json")
    _, data_key = access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)
    return connect(root / "safecase.db", data_key)


def _rows(conn: Connection) -> list[Row]:
    columns = ["seq", "at", "actor", "action", "target_type", "target_id", "details"]
    found = conn.execute(f"SELECT {', '.join(columns)} FROM audit_log ORDER BY seq").fetchall()
    return [dict(zip(columns, row, strict=True)) for row in found]


def _rewrite_history(conn: Connection, rows: list[Row]) -> None:
    """Replace the whole log with ``rows``, renumbered 1… and every link recomputed with ``link_hash``."""
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    conn.execute("BEGIN")
    conn.execute("DELETE FROM audit_log")
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        record = {**row, "seq": seq}
        digest = link_hash(prev, record)
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, details, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                row["at"],
                row["actor"],
                row["action"],
                row["target_type"],
                row["target_id"],
                row["details"],
                prev,
                digest,
            ),
        )
        prev = digest
    conn.execute("COMMIT")


def _drop_checkpoints_that_no_longer_match(conn: Connection) -> None:
    """Delete every checkpoint row whose head is no longer in the rewritten chain."""
    conn.execute("DROP TRIGGER IF EXISTS audit_checkpoints_no_delete")
    audit = AuditRepository(conn)
    for row_id, seq, digest in conn.execute("SELECT id, head_seq, head_hash FROM audit_checkpoints").fetchall():
        if audit.row_hash(seq) != digest:
            conn.execute("DELETE FROM audit_checkpoints WHERE id = ?", (row_id,))


def _delete_a_row(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r["seq"] != 3]


def _reorder(rows: list[Row]) -> list[Row]:
    rows = list(rows)
    rows[2], rows[3] = rows[3], rows[2]
    return rows


def _relabel(rows: list[Row]) -> list[Row]:
    return [{**r, "action": "auth.sign_out"} if r["seq"] == 4 else r for r in rows]


def _cut_the_tail(rows: list[Row]) -> list[Row]:
    return rows[:5]


ATTACKS: dict[str, Callable[[list[Row]], list[Row]]] = {
    "delete a row": _delete_a_row,
    "re-order": _reorder,
    "relabel an action": _relabel,
    "cut the tail": _cut_the_tail,
}


def build_checkpointed_vault(root: Path) -> str:
    """The team's vault after two administrator sign-ins with the counselor at work between and after."""
    recovery_key = build_team_vault(root)
    access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD).lock()
    access.sign_in(root, ADMIN, ADMIN_PASSWORD).sign_out()
    access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD).lock()
    access.sign_in(root, ADMIN, ADMIN_PASSWORD).sign_out()
    access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD).lock()
    return recovery_key


@pytest.fixture
def checkpointed(vault_dir: Path, vault_templates: VaultTemplates) -> Iterator[Path]:
    vault_templates.copy("checkpointed", build_checkpointed_vault, vault_dir)
    yield vault_dir


def _verify_as_admin(root: Path) -> VerifyReport:
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        return verify_vault(session)
    finally:
        session.close()


def _check(report: VerifyReport, name: str) -> tuple[bool, str]:
    found = next(c for c in report.checks if c.name == name)
    return found.ok, found.detail


# --- the checkpoints themselves ----------------------------------------------------------------------------


def test_admin_sign_in_backup_and_recovery_key_sign_the_head(team_vault: TeamVault, tmp_path: Path) -> None:
    session = team_vault.admin
    conn = session.conn
    [first] = CheckpointRepository(conn).all()
    assert first.reason == CheckpointReason.ADMIN_SIGN_IN
    assert first.head == AuditRepository(conn).head()  # made in the unit of work of the sign-in row
    assert AuditRepository(conn).page(1)[0].action == "auth.sign_in"

    access.sign_in(team_vault.root, COUNSELOR, COUNSELOR_PASSWORD).close()
    assert len(CheckpointRepository(conn).all()) == 1  # a counselor holds no administrators' key

    manifest = create_backup(session, tmp_path / "b.tar")
    backup = CheckpointRepository(conn).latest()
    assert backup is not None and backup.reason == CheckpointReason.BACKUP
    assert manifest.checkpoint == backup and manifest.generation == session.keyfile.generation
    assert AuditRepository(conn).row_hash(backup.head.seq) == backup.head.hash

    reset_password_with_recovery_key(team_vault.root, team_vault.recovery_key, COUNSELOR, "a fresh pass phrase 4 her")
    recovered = CheckpointRepository(conn).latest()
    assert recovered is not None and recovered.reason == CheckpointReason.RECOVERY_KEY
    assert recovered.signer == session.keyfile.admin_public_key

    ok, detail = _check(verify_vault(session), "Checkpoints")
    assert ok, detail
    assert "3 signed by the administrators" in detail


def test_keys_json_carries_the_latest_checkpoint_under_the_administrators_signature(team_vault: TeamVault) -> None:
    keyfile = keyfiles.load(team_vault.root / "keys.json")
    signed = open_accounts(keyfile, team_vault.admin.data_key)
    assert signed.signature_holds(keyfile.admin_public_key)
    assert signed.accounts.checkpoint == CheckpointRepository(team_vault.admin.conn).latest()


def test_a_list_signed_before_checkpoints_keeps_its_signed_bytes(team_vault: TeamVault) -> None:
    """A version-2 account list without the field: parsing and signing it again gives the same body."""
    keyfile = keyfiles.load(team_vault.root / "keys.json")
    body = open_accounts(keyfile, team_vault.admin.data_key).accounts.body()
    del body["checkpoint"]
    again = AccountList.from_body(json.loads(json.dumps(body)))
    assert again.checkpoint is None
    assert again.body() == body


def test_the_head_service_and_its_short_form(team_vault: TeamVault) -> None:
    head = audit_head(team_vault.admin)
    assert head is not None and head == AuditRepository(team_vault.admin.conn).head()
    assert head.short() == f"#{head.seq} · {head.hash[:8]}"
    assert AuditHead(1234, "3fa9c2d1" + "0" * 56).short() == "#1234 · 3fa9c2d1"
    assert verify_vault(team_vault.admin).head is not None


# --- attack 3: rewrite the log, recompute the chain -----------------------------------------------------


@pytest.mark.parametrize("also_drop_checkpoints", [False, True], ids=["checkpoints left", "checkpoints deleted"])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_rewritten_and_recomputed_history_is_named(
    checkpointed: Path, attack: str, also_drop_checkpoints: bool
) -> None:
    conn = _her_connection(checkpointed)
    try:
        _rewrite_history(conn, ATTACKS[attack](_rows(conn)))
        if also_drop_checkpoints:
            _drop_checkpoints_that_no_longer_match(conn)
        assert AuditRepository(conn).check_chain().ok  # the chain alone no longer tells
    finally:
        conn.close()

    report = _verify_as_admin(checkpointed)
    assert not report.ok
    chain_ok, _ = _check(report, "Audit log chain")
    assert chain_ok
    ok, detail = _check(report, "Checkpoints")
    assert not ok
    assert "audit row " in detail and "made at admin sign-in" in detail
    assert "no longer matches" in detail or "is missing" in detail
    if also_drop_checkpoints:
        assert "which keys.json carries, is missing from the database" in detail


def test_the_first_checkpointed_row_that_no_longer_matches_is_named(checkpointed: Path) -> None:
    conn = _her_connection(checkpointed)
    try:
        first, second = CheckpointRepository(conn).all()
        rows = _rows(conn)
        # Relabel a row after the first checkpoint: that one still holds, the second no longer does.
        target = first.head.seq + 1
        _rewrite_history(conn, [{**r, "action": "auth.lock"} if r["seq"] == target else r for r in rows])
    finally:
        conn.close()
    ok, detail = _check(_verify_as_admin(checkpointed), "Checkpoints")
    assert not ok
    assert detail.startswith(f"audit row {second.head.seq} no longer matches the checkpoint of {second.at[:10]}")
    assert f"rows up to #{first.head.seq} still match" in detail


def test_a_checkpoint_signed_by_another_key_is_named(checkpointed: Path) -> None:
    """She signs the rewritten head with a key of her own, and replaces the checkpoints with hers."""
    conn = _her_connection(checkpointed)
    try:
        _rewrite_history(conn, _relabel(_rows(conn)))
        conn.execute("DROP TRIGGER audit_checkpoints_no_delete")
        conn.execute("DELETE FROM audit_checkpoints")
        vault_id = keyfiles.load(checkpointed / "keys.json").vault_id
        head = AuditRepository(conn).head()
        assert head is not None
        forged = sign_checkpoint(new_signing_key(), vault_id, head, "2026-11-30T10:00:00+00:00", "admin_sign_in")
        conn.execute("BEGIN")
        CheckpointRepository(conn).add(forged)
        conn.execute("COMMIT")
    finally:
        conn.close()
    ok, detail = _check(_verify_as_admin(checkpointed), "Checkpoints")
    assert not ok
    assert (
        f"the checkpoint of 2026-11-30 made at admin sign-in is not signed by this vault's administrators (row #{head.seq})"
        in detail
    )
    assert "which keys.json carries, is missing from the database" in detail


def test_untouched_checkpointed_vault_verifies(checkpointed: Path) -> None:
    report = _verify_as_admin(checkpointed)
    assert report.ok, [c for c in report.checks if not c.ok]


def test_the_next_sign_in_warns_and_the_evidence_in_keys_json_stays(checkpointed: Path) -> None:
    conn = _her_connection(checkpointed)
    try:
        _rewrite_history(conn, _relabel(_rows(conn)))
        _drop_checkpoints_that_no_longer_match(conn)
    finally:
        conn.close()
    before = open_accounts(keyfiles.load(checkpointed / "keys.json"), _data_key(checkpointed)).accounts.checkpoint
    session = access.sign_in(checkpointed, ADMIN, ADMIN_PASSWORD)
    try:
        assert any("no longer matches the checkpoint of" in w for w in session.warnings), session.warnings
        suspected = [e for e in AuditRepository(session.conn).page(20) if e.action == "vault.rollback_suspected"]
        assert suspected and {e.details["kind"] for e in suspected} >= {"checkpoint"}
        # The administrator's sign-in signed the rewritten head, but did not replace the evidence.
        after = open_accounts(keyfiles.load(checkpointed / "keys.json"), session.data_key).accounts.checkpoint
        assert after == before
    finally:
        session.close()


def _data_key(root: Path) -> bytes:
    keyfile = keyfiles.load(root / "keys.json")
    return access.open_user_slot(keyfile, COUNSELOR, COUNSELOR_PASSWORD)[1]
