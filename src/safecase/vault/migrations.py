"""Versioned schema migrations, tracked in ``PRAGMA user_version``.

Like Vorta's store migrations: an ordered list, each step run once in its own transaction. Before an
existing database is migrated it is copied aside (still encrypted) into ``pre-migration/``, so a
failed or unwanted upgrade can be undone by hand. A database from a newer SafeCase is refused.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from safecase.domain.errors import NewerVersionError
from safecase.i18n import tr
from safecase.vault.atomic import make_private_dir
from safecase.vault.connection import Connection, transaction


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


SCHEMA_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at TEXT NOT NULL,
    disabled_at TEXT
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

MIGRATIONS: tuple[Migration, ...] = (Migration(1, "users, settings and the audit log", SCHEMA_V1),)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    version = current_version(conn)
    if version > latest_version(migrations):
        raise NewerVersionError(
            tr("This vault's database was written by a newer version of SafeCase. Update SafeCase to open it.")
        )
    return version


def copy_aside(conn: Connection, db_path: Path, version: int) -> Path:
    """Copy the (encrypted) database into ``pre-migration/`` before it is changed."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = db_path.parent / "pre-migration"
    make_private_dir(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{db_path.name}.v{version}.{stamp}"
    shutil.copy2(db_path, target)
    target.chmod(0o600)
    return target


def migrate(conn: Connection, db_path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the database to the latest version; returns the versions applied (empty when current)."""
    version = check_not_newer(conn, migrations)
    pending = [m for m in migrations if m.version > version]
    if not pending:
        return []
    if version > 0:
        copy_aside(conn, db_path, version)
    for migration in pending:
        with transaction(conn):
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
    return [m.version for m in pending]


def _statements(sql: str) -> list[str]:
    """Split a script into statements (trigger bodies kept whole).

    ``executescript`` would commit on its own; splitting lets each migration and its version bump share
    one transaction, so a killed process leaves the database at the old version or the new one.
    """
    statements: list[str] = []
    buffer = ""
    for line in sql.strip().splitlines():
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
