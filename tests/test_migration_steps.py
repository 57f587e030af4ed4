"""Migration steps written in Python: run by migrate() in the transaction of their version bump."""

from __future__ import annotations

import pytest

from safecase.services import access
from safecase.services.verify import verify_vault
from safecase.vault.connection import Connection
from safecase.vault.migrations import (
    MIGRATIONS,
    Migration,
    MigrationContext,
    MigrationError,
    current_version,
    latest_version,
    migrate,
)
from vault_support import ADMIN, ADMIN_PASSWORD, TeamVault

NEXT = latest_version() + 1


def copy_aliases(conn: Connection, context: MigrationContext) -> None:
    """A step SQL alone could not make: derives values in Python (here: the length of each user name)."""
    conn.execute("CREATE TABLE name_lengths (name TEXT PRIMARY KEY, length INTEGER NOT NULL)")
    names = [str(row[0]) for row in conn.execute("SELECT name FROM users")]
    conn.executemany("INSERT INTO name_lengths VALUES (?, ?)", [(name, len(name)) for name in names])


def test_a_python_step_runs_with_its_version_bump(team_vault: TeamVault) -> None:
    steps = (*MIGRATIONS, Migration(NEXT, "name lengths, computed in Python", copy_aliases))
    conn = team_vault.admin.conn
    assert migrate(conn, team_vault.root / "safecase.db", steps) == [NEXT]
    assert current_version(conn) == NEXT
    assert dict(conn.execute("SELECT name, length FROM name_lengths")) == {
        "admin": 5,
        "counselor": 9,
        "supervisor": 10,
    }
    assert len(list((team_vault.root / "pre-migration").iterdir())) == 1  # copied aside first, as for SQL
    assert migrate(conn, team_vault.root / "safecase.db", steps) == []  # once only


def test_sql_and_python_steps_run_in_order(team_vault: TeamVault) -> None:
    seen: list[int] = []

    def python_step(conn: Connection, context: MigrationContext) -> None:
        seen.append(current_version(conn))
        conn.execute("INSERT INTO later (x) VALUES (1)")

    steps = (
        *MIGRATIONS,
        Migration(NEXT, "a table", "CREATE TABLE later (x INTEGER);"),
        Migration(NEXT + 1, "a row in it", python_step),
    )
    conn = team_vault.admin.conn
    assert migrate(conn, team_vault.root / "safecase.db", steps) == [NEXT, NEXT + 1]
    assert seen == [NEXT]  # the SQL step and its bump were done before the Python step ran
    assert conn.execute("SELECT count(*) FROM later").fetchone()[0] == 1


def test_a_failing_python_step_rolls_back_with_its_version_bump(team_vault: TeamVault) -> None:
    def half_way(conn: Connection, context: MigrationContext) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        conn.execute("INSERT INTO half_done VALUES (1)")
        raise RuntimeError("the conversion found a value it cannot convert")

    steps = (*MIGRATIONS, Migration(NEXT, "fails half-way", half_way))
    conn = team_vault.admin.conn
    with pytest.raises(RuntimeError, match="cannot convert"):
        migrate(conn, team_vault.root / "safecase.db", steps)
    assert current_version(conn) == latest_version()
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    assert not conn.in_transaction
    assert verify_vault(team_vault.admin).ok


def test_a_python_step_may_not_commit_by_itself(team_vault: TeamVault) -> None:
    def commits(conn: Connection, context: MigrationContext) -> None:
        conn.execute("CREATE TABLE committed_early (x INTEGER)")
        conn.execute("COMMIT")

    steps = (*MIGRATIONS, Migration(NEXT, "commits by itself", commits))
    conn = team_vault.admin.conn
    with pytest.raises(MigrationError, match="ended its transaction"):
        migrate(conn, team_vault.root / "safecase.db", steps)
    assert current_version(conn) == latest_version()  # the bump never went in with a half-step


def test_signing_in_runs_python_steps_of_the_real_list(team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch) -> None:
    """migrate() as sign-in calls it, with the module's own list extended by a Python step."""
    from safecase.vault import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, Migration(NEXT, "python step", copy_aliases)))
    team_vault.admin.close()
    session = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    try:
        assert current_version(session.conn) == NEXT
        assert session.conn.execute("SELECT count(*) FROM name_lengths").fetchone()[0] == 3
    finally:
        session.close()
