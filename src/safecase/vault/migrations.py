"""Versioned schema migrations, tracked in ``PRAGMA user_version``.

Like Vorta's store migrations: an ordered list, each step run once in its own transaction together
with its version bump, so a failed or killed step leaves the old version. A step is SQL (a script of
statements) or, as in Vorta and Electrum, a Python function given the connection, for changes SQL
alone cannot make (re-encoding values, moving data between tables). A Python step runs inside the
transaction: it must not commit, roll back or open one itself. Before an existing database is
migrated it is copied aside (still encrypted) into ``pre-migration/``, so a failed or unwanted
upgrade can be undone by hand. A database from a newer SafeCase is refused.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from safecase.crypto.case_keys import encrypt_identity, new_phone_match_key, phone_match
from safecase.domain.cases import normalize_phone
from safecase.domain.errors import NewerVersionError, VaultFormatError
from safecase.i18n import tr
from safecase.vault.atomic import make_private_dir
from safecase.vault.case_sealing import give_new_key
from safecase.vault.connection import Connection, OperationalError
from safecase.vault.keyfile import AccountList
from safecase.vault.repositories.meta import MetaRepository
from safecase.vault.unit_of_work import transaction


@dataclass(frozen=True)
class MigrationContext:
    """What a Python step may need beyond the database: the vault's id and, asked for only when a step
    needs public keys, the account list the administrators signed, already checked by the caller."""

    vault_id: str
    accounts: Callable[[], AccountList]


def _no_account_list() -> AccountList:
    raise MigrationError("this migration needs the signed account list, and none was given")


@dataclass(frozen=True)
class Migration:
    """One schema version: ``step`` is a SQL script, or a function changing the database through the
    connection it is given (inside the migration's transaction)."""

    version: int
    description: str
    step: str | Callable[[Connection, MigrationContext], None]


class MigrationError(RuntimeError):
    """A Python migration step ended the transaction it was run in."""


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

SCHEMA_V2 = """
CREATE TABLE case_numbers (
    year INTEGER PRIMARY KEY,
    last_serial INTEGER NOT NULL
);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    risk TEXT NOT NULL,
    risk_rank INTEGER NOT NULL,
    risk_reason TEXT NOT NULL DEFAULT '',
    alias TEXT NOT NULL DEFAULT '',
    age_band TEXT NOT NULL DEFAULT 'unknown',
    gender TEXT NOT NULL DEFAULT 'unknown',
    branch TEXT NOT NULL DEFAULT '',
    service_status TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    preferred_channel TEXT NOT NULL DEFAULT '',
    safe_channels TEXT NOT NULL DEFAULT '',
    safe_to_leave_message INTEGER,
    safe_contact_notes TEXT NOT NULL DEFAULT '',
    real_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    phone_digits TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX cases_opened ON cases (opened_on);
CREATE INDEX cases_status ON cases (status, opened_on);
CREATE INDEX cases_risk ON cases (risk_rank, opened_on);
CREATE INDEX cases_status_risk ON cases (status, risk, opened_on);
CREATE INDEX cases_updated ON cases (updated_at);
CREATE INDEX cases_phone ON cases (phone_digits) WHERE phone_digits != '';
CREATE INDEX cases_alias ON cases (alias COLLATE NOCASE);
CREATE TABLE case_counselors (
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    user_name TEXT NOT NULL,
    PRIMARY KEY (case_id, user_name)
) WITHOUT ROWID;
CREATE INDEX case_counselors_user ON case_counselors (user_name, case_id);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases (id),
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    duration_minutes INTEGER,
    caller_type TEXT NOT NULL,
    counselor TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    follow_up_needed INTEGER NOT NULL DEFAULT 0,
    follow_up_due TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contacts_case ON contacts (case_id, at);
CREATE INDEX contacts_unattached ON contacts (counselor, at) WHERE case_id IS NULL;
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    perpetrator_relation TEXT NOT NULL DEFAULT 'unknown',
    date_precision TEXT NOT NULL DEFAULT 'unknown',
    date_value TEXT NOT NULL DEFAULT '',
    place_type TEXT NOT NULL DEFAULT 'unknown',
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX incidents_case ON incidents (case_id);
CREATE TABLE incident_types (
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    case_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (incident_id, code)
) WITHOUT ROWID;
CREATE INDEX incident_types_code ON incident_types (code, case_id);
CREATE INDEX incident_types_case ON incident_types (case_id, code);
CREATE TABLE incident_platforms (
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    PRIMARY KEY (incident_id, platform)
) WITHOUT ROWID;
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    org_type TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    purpose TEXT NOT NULL,
    organization_id INTEGER REFERENCES organizations (id),
    given_by TEXT NOT NULL,
    given_on TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    withdrawn_on TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX consents_case ON consents (case_id);
CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    sent_on TEXT,
    consent_id INTEGER REFERENCES consents (id),
    follow_up_due TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_waiting ON referrals (status, follow_up_due);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    owner TEXT NOT NULL,
    done_at TEXT,
    referral_id INTEGER REFERENCES referrals (id),
    contact_id INTEGER REFERENCES contacts (id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX tasks_open ON tasks (owner, due_on) WHERE done_at IS NULL;
CREATE INDEX tasks_case ON tasks (case_id);
CREATE INDEX tasks_open_case ON tasks (case_id, due_on) WHERE done_at IS NULL;
CREATE TABLE case_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
);
CREATE INDEX case_history_case ON case_history (case_id, id);
CREATE TABLE drafts (
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (owner, kind)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE case_text_trigram USING fts5 (
    body, content = '', contentless_delete = 1, tokenize = 'trigram'
);
CREATE VIRTUAL TABLE case_text_bigram USING fts5 (
    body, content = '', contentless_delete = 1, tokenize = 'unicode61'
);
"""

SCHEMA_V3 = """
CREATE TABLE audit_checkpoints (
    id INTEGER PRIMARY KEY,
    head_seq INTEGER NOT NULL,
    head_hash TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL,
    signer TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
"""

CASE_KEYS_SCHEMA = 4
PHONE_MATCH_KEY = "phone_match_key"

_CASE_KEYS_TABLES = """
CREATE TABLE case_keys (
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    holder TEXT NOT NULL,
    holder_public_key BLOB NOT NULL,
    envelope BLOB NOT NULL,
    PRIMARY KEY (case_id, holder)
) WITHOUT ROWID;
CREATE INDEX case_keys_holder ON case_keys (holder, case_id);
ALTER TABLE cases ADD COLUMN identity BLOB;
ALTER TABLE cases ADD COLUMN phone_match TEXT NOT NULL DEFAULT '';
"""

_PLAINTEXT_IDENTITY_DROPPED = """
DROP INDEX cases_phone;
ALTER TABLE cases DROP COLUMN real_name;
ALTER TABLE cases DROP COLUMN phone;
ALTER TABLE cases DROP COLUMN phone_digits;
CREATE INDEX cases_phone_match ON cases (phone_match) WHERE phone_match != '';
"""


def seal_identities_per_case(conn: Connection, context: MigrationContext) -> None:
    """Version 4: every case with a real name or phone gets its own key, sealed to the people on the
    case, the supervisors and the recovery slot; the identity moves under it and the plaintext columns
    go (``secure_delete`` overwrites the freed pages). Phone numbers are matched by a keyed hash."""
    for statement in _statements(_CASE_KEYS_TABLES):
        conn.execute(statement)
    match_key = new_phone_match_key()
    MetaRepository(conn).set(PHONE_MATCH_KEY, match_key.hex())
    rows = conn.execute(
        "SELECT id, real_name, phone FROM cases WHERE real_name != '' OR phone != '' ORDER BY id"
    ).fetchall()
    if rows:
        accounts = context.accounts()
        counselors: dict[int, list[str]] = {}
        for case_id, name in conn.execute("SELECT case_id, user_name FROM case_counselors"):
            counselors.setdefault(int(case_id), []).append(str(name))
        for case_id, real_name, phone in rows:
            case_key = give_new_key(conn, context.vault_id, int(case_id), accounts, counselors.get(int(case_id), ()))
            conn.execute(
                "UPDATE cases SET identity = ?, phone_match = ? WHERE id = ?",
                (
                    encrypt_identity(context.vault_id, int(case_id), case_key, str(real_name), str(phone)),
                    phone_match(match_key, normalize_phone(str(phone))),
                    int(case_id),
                ),
            )
    for statement in _statements(_PLAINTEXT_IDENTITY_DROPPED):
        conn.execute(statement)


EVIDENCE_SCHEMA = 5

# Evidence items and their custody logs, and the take-down requests made for the links they hold.
# An item's file, when kept, is blobs/<blob_id> under its own key; blob_key is that key encrypted
# under the case's key (NULL once destroyed: crypto-shredding). Custody events and take-down status
# changes are only ever added (triggers refuse changes). custody_head is the hash of the item's newest
# custody event, so cutting the newest events off is noticed too.
SCHEMA_V5 = """
CREATE TABLE evidence_items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL DEFAULT '',
    urls TEXT NOT NULL DEFAULT '[]',
    channel TEXT NOT NULL DEFAULT '',
    original_name TEXT NOT NULL DEFAULT '',
    size INTEGER,
    media_type TEXT NOT NULL DEFAULT '',
    captured_by TEXT NOT NULL DEFAULT '',
    captured_at TEXT,
    received_at TEXT,
    received_from TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    file_modified_at TEXT,
    file_changed_at TEXT,
    file_created_at TEXT,
    blob_id TEXT UNIQUE,
    blob_key BLOB,
    perceptual_hash TEXT,
    destroyed_at TEXT,
    custody_head TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((blob_id IS NULL) = (blob_key IS NULL))
);
CREATE INDEX evidence_items_case ON evidence_items (case_id, id);
CREATE INDEX evidence_items_sha256 ON evidence_items (sha256) WHERE sha256 != '';
CREATE INDEX evidence_items_perceptual ON evidence_items (perceptual_hash) WHERE perceptual_hash IS NOT NULL;
CREATE TABLE evidence_custody (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES evidence_items (id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    event TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (item_id, seq)
);
CREATE TRIGGER evidence_custody_no_update BEFORE UPDATE ON evidence_custody
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER evidence_custody_no_delete BEFORE DELETE ON evidence_custody
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TABLE takedowns (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    evidence_id INTEGER REFERENCES evidence_items (id),
    url TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL DEFAULT '',
    reported_to TEXT NOT NULL,
    reported_on TEXT,
    reference TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    status_on TEXT NOT NULL,
    recheck_on TEXT,
    reappeared_from INTEGER REFERENCES takedowns (id),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (url != '' OR evidence_id IS NOT NULL)
);
CREATE INDEX takedowns_case ON takedowns (case_id, id);
CREATE INDEX takedowns_evidence ON takedowns (evidence_id) WHERE evidence_id IS NOT NULL;
CREATE INDEX takedowns_recheck ON takedowns (recheck_on) WHERE recheck_on IS NOT NULL;
CREATE TABLE takedown_statuses (
    id INTEGER PRIMARY KEY,
    takedown_id INTEGER NOT NULL REFERENCES takedowns (id),
    status TEXT NOT NULL,
    status_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX takedown_statuses_takedown ON takedown_statuses (takedown_id, id);
CREATE TRIGGER takedown_statuses_no_update BEFORE UPDATE ON takedown_statuses
BEGIN SELECT RAISE(ABORT, 'take-down history is append-only'); END;
CREATE TRIGGER takedown_statuses_no_delete BEFORE DELETE ON takedown_statuses
BEGIN SELECT RAISE(ABORT, 'take-down history is append-only'); END;
"""

STATISTICS_SCHEMA = 6

# Anonymized statistics: a case whose survivor declined statistical use is left out of every report
# (the report says how many), and a referral's outcome gets a category the reports count; the free-text
# outcome stays as it was and is never exported. No index is added for the reports: on 100 000 cases
# (tests/benchmarks/bench_reports.py) indexes on contacts.at, referrals.sent_on and takedowns.reported_on
# saved 5 % of a quarter's report and cost 10-15 % on a year's or more (the planner walks the index and
# fetches each row apart where a scan reads the table once), and covering indexes for the case and
# contact counts did no better; every insert would have paid for them.
SCHEMA_V6 = """
ALTER TABLE cases ADD COLUMN statistics_opt_out INTEGER NOT NULL DEFAULT 0 CHECK (statistics_opt_out IN (0, 1));
ALTER TABLE referrals ADD COLUMN outcome_code TEXT NOT NULL DEFAULT 'not_recorded';
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "users, settings and the audit log", SCHEMA_V1),
    Migration(2, "casework: cases, contacts, incidents, consent, referrals, tasks, history, search", SCHEMA_V2),
    Migration(3, "audit checkpoints", SCHEMA_V3),
    Migration(CASE_KEYS_SCHEMA, "identities sealed per case", seal_identities_per_case),
    Migration(EVIDENCE_SCHEMA, "evidence items, their custody logs, take-down requests", SCHEMA_V5),
    Migration(STATISTICS_SCHEMA, "statistics opt-out of cases, outcome categories of referrals", SCHEMA_V6),
)


def latest_version(migrations: Sequence[Migration] | None = None) -> int:
    migrations = MIGRATIONS if migrations is None else migrations
    return migrations[-1].version if migrations else 0


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: Connection, migrations: Sequence[Migration] | None = None) -> int:
    version = current_version(conn)
    if version > latest_version(migrations):
        raise NewerVersionError(
            tr("This vault's database was written by a newer version of SafeCase. Update SafeCase to open it.")
        )
    return version


def forget_plaintext_identities(conn: Connection, db_path: Path) -> None:
    """After the database reached :data:`CASE_KEYS_SCHEMA`: leave no readable identity behind.

    The copies taken before it (``pre-migration/``) and the old pages still in the write-ahead log
    hold real names and phones under the data key alone, which every account knows. The copies are
    deleted, and the log is checkpointed into the database file (``secure_delete`` has overwritten the
    old rows there) and truncated. Should another connection keep the log from being truncated, its
    frames are overwritten by later writes.
    """
    folder = db_path.parent / "pre-migration"
    if folder.is_dir():
        for copy in folder.glob(f"{db_path.name}.v*.*"):
            version = copy.name[len(db_path.name) + 2 :].split(".", 1)[0]
            if version.isdigit() and int(version) < CASE_KEYS_SCHEMA:
                copy.unlink()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()


def copy_aside(conn: Connection, db_path: Path, version: int) -> Path:
    """Copy the (encrypted) database into ``pre-migration/`` before it is changed.

    The copy is of the database file alone, so every change in the write-ahead log must be in it first;
    when another connection keeps the checkpoint from finishing, nothing is copied or changed.
    """
    busy, log, checkpointed = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy or log != checkpointed:
        raise VaultFormatError(
            tr(
                "The vault is busy in another SafeCase window or command, so it cannot be upgraded now. "
                "Close the others and try again. Nothing was changed."
            )
        )
    folder = db_path.parent / "pre-migration"
    make_private_dir(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{db_path.name}.v{version}.{stamp}"
    shutil.copy2(db_path, target)
    target.chmod(0o600)
    return target


def migrate(
    conn: Connection,
    db_path: Path,
    migrations: Sequence[Migration] | None = None,
    after_step: Callable[[Connection, int], None] | None = None,
    context: MigrationContext | None = None,
) -> list[int]:
    """Bring the database to the latest version; returns the versions applied (empty when current).

    ``migrations`` defaults to :data:`MIGRATIONS` (looked up when called). ``after_step(conn, version)``
    runs after each step, inside its transaction, before the version bump commits: data a version needs
    (a seeded table, an audit row) then commits with it or not at all. ``context`` is handed to Python
    steps; without one, a step that asks for the signed account list fails (and changes nothing).
    """
    migrations = MIGRATIONS if migrations is None else migrations
    version = check_not_newer(conn, migrations)
    pending = [m for m in migrations if m.version > version]
    if not pending:
        return []
    if version > 0:
        copy_aside(conn, db_path, version)
    for migration in pending:
        with transaction(conn):
            if current_version(conn) >= migration.version:
                continue  # another process (the app and the CLI) applied it while we waited for the lock
            _run_step(conn, migration, context)
            if after_step is not None:
                after_step(conn, migration.version)
                _check_still_in_transaction(conn, migration)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
    return [m.version for m in pending]


def _vault_id(conn: Connection) -> str:
    try:
        return MetaRepository(conn).get("vault_id") or ""
    except OperationalError:
        return ""  # no meta table before version 1


def _run_step(conn: Connection, migration: Migration, context: MigrationContext | None) -> None:
    if isinstance(migration.step, str):
        for statement in _statements(migration.step):
            conn.execute(statement)
        return
    migration.step(conn, context or MigrationContext(_vault_id(conn), _no_account_list))
    _check_still_in_transaction(conn, migration)


def _check_still_in_transaction(conn: Connection, migration: Migration) -> None:
    if not conn.in_transaction:
        # Committed (or rolled back) half-way: the version bump would no longer go with the change.
        raise MigrationError(
            f"migration {migration.version} ({migration.description}) ended its transaction; a Python step "
            "must leave committing to migrate()"
        )


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
