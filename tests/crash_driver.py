"""The child process of the crash proof (``crash_proof.py``): one kind of write, over and over, until killed.

Run as ``python tests/crash_driver.py OP VAULT WORK SEED``. It signs in (slots use the cheap test
floor of Argon2id, as every fixture vault does), prints ``ready`` on stdout, then repeats OP through
the services, as the app and the CLI call them. Around every write it appends a line to
``WORK/journal`` and fsyncs it: ``begin OP N ...`` before, ``end OP N ...`` once the service returned
(committed). The parent kills it with SIGKILL at a random moment and then checks the vault against
that journal: everything after an ``end`` line must be there, an unfinished write all or nothing.

OP is one of:

* ``intake``: the counselor saves quick intakes (a new case, its contact and an incident, one unit of work);
* ``import``: the supervisor imports CSV files of 5-30 cases each (all or nothing);
* ``rekey``: the admin imports a case, then disables a user (which re-keys the database); the fixture
  vault holds ``PREPARED_USERS`` users to disable, so the kill mostly lands in the re-key, not in the
  Argon2id run of adding one (after them, each round adds one first);
* ``backup``: the admin imports two cases, then writes a backup file;
* ``restore``: the admin restores an older backup over the vault (``--replace``), once.
"""

from __future__ import annotations

import os
import random
import signal
import sys
from pathlib import Path

from casework_data import TODAY, case_fields, contact, incident
from clock_support import frozen
from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services import accounts as accounts_module
from safecase.services.accounts import AccountService
from safecase.services.backups import create_backup, restore_backup
from safecase.services.case_import import import_cases
from safecase.services.intake import IntakeForm, IntakeService
from safecase.services.session import VaultSession
from safecase.vault import backup as backup_files
from safecase.vault.connection import Connection
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
)

OPS = ("intake", "import", "rekey", "backup", "restore")
JOURNAL = "journal"
# The users the re-key loop disables: crash1 … crash12 are in the fixture vault, later ones it adds.
ADDED_PASSWORD = "a crash test pass phrase for the added user"
PREPARED_USERS = 12
RESTORE_BACKUP = "restore-source.safecase-backup"
# Set to N: the child kills itself right after its N-th step once ready (see die_after_steps).
CRASH_AFTER_STEPS = "SAFECASE_CRASH_AFTER_STEPS"
# The years of the case numbers each operation gives its imported cases, apart from the demo cases'.
IMPORT_YEAR, REKEY_YEAR, BACKUP_YEAR = 2011, 2012, 2013


def import_numbers(k: int, rows: int) -> list[str]:
    """The case numbers of import file ``k`` (rows 0..rows-1)."""
    return [f"{IMPORT_YEAR}-{k:03d}{j:03d}" for j in range(rows)]


def rekey_number(k: int) -> str:
    return f"{REKEY_YEAR}-{k:04d}"


def backup_numbers(k: int) -> list[str]:
    return [f"{BACKUP_YEAR}-{k:04d}{j}" for j in range(2)]


def added_user(k: int) -> str:
    return f"crash{k}"


class Journal:
    """Append-only lines, each fsync'd before the call returns (a kill cannot undo what it says)."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def write(self, *words: object) -> None:
        os.write(self._fd, (" ".join(str(w) for w in words) + "\n").encode())
        os.fsync(self._fd)


def csv_file(path: Path, numbers: list[str], opened: str, counselor: str = "") -> Path:
    lines = ["case_number,opened,status,risk,alias,incident_types,counselor,notes"]
    lines += [
        f"{n},{opened},active,high,crash {n},illegal_filming,{counselor},killed while importing {n}" for n in numbers
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(session: VaultSession, path: Path) -> None:
    report = import_cases(session, path)
    if not report.ok:
        raise SystemExit(f"import refused: {[str(p) for p in report.problems]}")


def die_after_steps(count: int) -> None:
    """Kill this process (SIGKILL) right after its ``count``-th step from now on. Steps are what
    separates the states a crash may leave: a rename (``os.replace``, or two folders swapped by
    ``exchange_paths``) and the re-encryption of the database (``rekey``). So a kill lands at an exact point (between moving the old vault aside and the
    restored one in, between re-encrypting and promoting the staged key file), where a random delay
    lands only by luck."""
    calls = 0

    def stepped() -> None:
        nonlocal calls
        calls += 1
        if calls == count:
            os.kill(os.getpid(), signal.SIGKILL)

    real_replace, real_exchange, real_rekey = os.replace, backup_files.exchange_paths, accounts_module.rekey

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        real_replace(src, dst)
        stepped()

    def exchange(first: Path, second: Path) -> bool:
        swapped = real_exchange(first, second)
        if swapped:
            stepped()
        return swapped

    def rekey(conn: Connection, new_data_key: bytes) -> None:
        real_rekey(conn, new_data_key)
        stepped()

    os.replace = replace  # type: ignore[assignment]
    backup_files.exchange_paths = exchange
    accounts_module.rekey = rekey


def ready() -> None:
    if CRASH_AFTER_STEPS in os.environ:
        die_after_steps(int(os.environ[CRASH_AFTER_STEPS]))
    print("ready", flush=True)


def intake(vault: Path, journal: Journal, rng: random.Random) -> None:
    session = frozen(access.sign_in(vault, COUNSELOR, COUNSELOR_PASSWORD), TODAY)
    intakes = IntakeService(session)
    ready()
    for k in range(1, 1_000_000):
        journal.write("begin", "intake", k)
        form = IntakeForm(
            contact=contact(None, summary=f"crash intake {k}", follow_up=rng.random() < 0.5),
            case_fields=case_fields(alias=f"intake{k}"),
            incident=incident(0, description=f"incident of intake {k}"),
        )
        saved = intakes.save(form)
        assert saved.case is not None
        journal.write("end", "intake", k, saved.case.number, saved.contact.id)


def import_op(vault: Path, work: Path, journal: Journal, rng: random.Random) -> None:
    session = frozen(access.sign_in(vault, SUPERVISOR, SUPERVISOR_PASSWORD), TODAY)
    ready()
    for k in range(1, 1000):
        rows = rng.randint(5, 30)
        path = csv_file(work / f"import-{k}.csv", import_numbers(k, rows), f"{IMPORT_YEAR}-03-05", SUPERVISOR)
        journal.write("begin", "import", k, rows)
        _import(session, path)
        journal.write("end", "import", k, rows)


def rekey_op(vault: Path, work: Path, journal: Journal) -> None:
    session = frozen(access.sign_in(vault, ADMIN, ADMIN_PASSWORD), TODAY)
    accounts = AccountService(session)
    existing = {user.name for user in accounts.list_users()}
    ready()
    for k in range(1, 10_000):
        path = csv_file(work / f"case-{k}.csv", [rekey_number(k)], f"{REKEY_YEAR}-03-05", COUNSELOR)
        journal.write("begin", "case", k)
        _import(session, path)
        journal.write("end", "case", k)
        if added_user(k) not in existing:  # the fixture vault has PREPARED_USERS; after them, add one
            journal.write("begin", "add", k)
            accounts.add_user(added_user(k), frozenset({Role.COUNSELOR}), ADDED_PASSWORD)
            journal.write("end", "add", k)
        journal.write("begin", "disable", k)
        accounts.disable_user(added_user(k))
        journal.write("end", "disable", k, session.keyfile.generation)


def backup_op(vault: Path, work: Path, journal: Journal) -> None:
    session = frozen(access.sign_in(vault, ADMIN, ADMIN_PASSWORD), TODAY)
    ready()
    for k in range(1, 10_000):
        path = csv_file(work / f"case-{k}.csv", backup_numbers(k), f"{BACKUP_YEAR}-03-05", COUNSELOR)
        journal.write("begin", "case", k)
        _import(session, path)
        journal.write("end", "case", k)
        journal.write("begin", "backup", k)
        create_backup(session, work / f"backup-{k}.safecase-backup")
        journal.write("end", "backup", k)


def restore_op(vault: Path, work: Path, journal: Journal) -> None:
    ready()
    journal.write("begin", "restore", 1)
    restore_backup(work / RESTORE_BACKUP, vault, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    journal.write("end", "restore", 1)


def main() -> None:
    op, vault, work, seed = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    access.set_default_kdf_params(FLOOR_PARAMS)
    rng = random.Random(seed)
    journal = Journal(work / JOURNAL)
    if op == "intake":
        intake(vault, journal, rng)
    elif op == "import":
        import_op(vault, work, journal, rng)
    elif op == "rekey":
        rekey_op(vault, work, journal)
    elif op == "backup":
        backup_op(vault, work, journal)
    elif op == "restore":
        restore_op(vault, work, journal)
    else:
        raise SystemExit(f"unknown operation {op!r}; one of {', '.join(OPS)}")


if __name__ == "__main__":
    main()
