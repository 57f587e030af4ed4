"""The audit chain notices an edited, a deleted and a re-ordered row, and names the first bad one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from safecase.services import access
from safecase.services.verify import verify_vault
from safecase.vault.connection import Connection
from safecase.vault.repositories.audit import AuditRepository
from vault_support import COUNSELOR, COUNSELOR_PASSWORD, TeamVault, build_team_vault
from vault_templates import VaultTemplates
from vaultfiles import raw_connection


def _drop_append_only_guards(conn: Connection) -> None:
    """What someone holding the data key could do: remove the triggers, then edit."""
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")


def build_busy_vault(root: Path) -> str:
    """The team's vault after the counselor signed in and locked three times: a chain of a dozen rows
    (a template builder; returns the recovery key)."""
    recovery_key = build_team_vault(root)
    for _ in range(3):
        access.sign_in(root, COUNSELOR, COUNSELOR_PASSWORD).lock()
    return recovery_key


@pytest.fixture
def busy_vault(vault_dir: Path, vault_templates: VaultTemplates) -> Iterator[TeamVault]:
    """This test's own copy of the busy vault (built once per session), the admin signed in."""
    team = TeamVault.open(vault_dir, vault_templates.copy("busy", build_busy_vault, vault_dir))
    yield team
    team.admin.close()


def test_untouched_chain_verifies(busy_vault: TeamVault) -> None:
    check = AuditRepository(busy_vault.admin.conn).check_chain()
    assert check.ok and check.rows_checked >= 10
    assert verify_vault(busy_vault.admin).ok


def test_triggers_refuse_edits_and_deletes(busy_vault: TeamVault) -> None:
    conn = raw_connection(busy_vault.admin)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    conn.close()


def test_edited_row_is_named(busy_vault: TeamVault) -> None:
    conn = raw_connection(busy_vault.admin)
    _drop_append_only_guards(conn)
    conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5")
    conn.close()
    check = AuditRepository(busy_vault.admin.conn).check_chain()
    assert check.first_bad_seq == 5
    report = verify_vault(busy_vault.admin)
    assert not report.ok
    assert "#5" in next(c.detail for c in report.checks if not c.ok)


def test_deleted_row_is_named(busy_vault: TeamVault) -> None:
    conn = raw_connection(busy_vault.admin)
    _drop_append_only_guards(conn)
    conn.execute("DELETE FROM audit_log WHERE seq = 4")
    conn.close()
    check = AuditRepository(busy_vault.admin.conn).check_chain()
    assert check.first_bad_seq == 5


def test_reordered_rows_are_named(busy_vault: TeamVault) -> None:
    """Swap the contents of rows 6 and 7 (keeping their places): the chain breaks at 6."""
    conn = raw_connection(busy_vault.admin)
    _drop_append_only_guards(conn)
    columns = "at, actor, action, target_type, target_id, details, prev_hash, hash"
    six = conn.execute(f"SELECT {columns} FROM audit_log WHERE seq = 6").fetchone()
    seven = conn.execute(f"SELECT {columns} FROM audit_log WHERE seq = 7").fetchone()
    assignments = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
    conn.execute(f"UPDATE audit_log SET {assignments} WHERE seq = 6", seven)
    conn.execute(f"UPDATE audit_log SET {assignments} WHERE seq = 7", six)
    conn.close()
    assert AuditRepository(busy_vault.admin.conn).check_chain().first_bad_seq == 6


def test_renumbered_rows_are_caught(busy_vault: TeamVault) -> None:
    """Moving a row to a new sequence number (a re-order by renumbering) breaks the chain too."""
    conn = raw_connection(busy_vault.admin)
    _drop_append_only_guards(conn)
    conn.execute("UPDATE audit_log SET seq = 1000 WHERE seq = 3")
    conn.close()
    assert AuditRepository(busy_vault.admin.conn).check_chain().first_bad_seq == 4
