"""The crash proof: a child process writes to a vault, SIGKILL stops it at a random moment, and afterwards
the vault opens, ``verify`` passes and every write the child saw committed is there.

Each run copies a fixture vault (the team vault, 150 demo cases, so a re-key or backup has a few hundred
pages to work through, and a dozen users for the re-key loop to disable), starts ``crash_driver.py`` on it for one operation, waits for it to say
``ready`` (signed in), sleeps a random delay drawn from a seeded generator, and kills it. The child's
journal (one fsync'd line before and after every write) says what was committed. Then, in this process:

* the vault must open for the admin (and, after a re-key, for the counselor and the supervisor: with the
  old key set or the new one, whichever the interrupted re-key left, promoting ``keys.json.next`` when
  the database was already re-encrypted), and ``verify`` must pass;
* every case, contact and import file the journal reports committed must be there, and the write that
  was interrupted must be there whole or not at all (all its import rows or none; a case of an intake
  never without its contact and incident);
* re-key: a user whose disabling committed cannot sign in, one still enabled in the database can, and
  the re-key left unfinished ("re-key due") is finished by disabling again;
* backup: the newest finished backup, and the interrupted one if its file exists under its final
  name, restore and hold every case committed before them;
* restore (``--replace``): the target is the old vault, whole, or the restored backup, whole, never a
  mix and never nothing; a finished restore is the backup, and the old vault it replaced is kept beside.

Used by ``test_crash_kill.py`` (a few seeded runs in every test run) and by
``benchmarks/proof_crash_kill.py`` (hundreds, with the figures printed).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import safecase
from crash_driver import (
    ADDED_PASSWORD,
    CRASH_AFTER_STEPS,
    JOURNAL,
    OPS,
    PREPARED_USERS,
    REKEY_YEAR,
    RESTORE_BACKUP,
    added_user,
    backup_numbers,
    csv_file,
    import_numbers,
    rekey_number,
)
from safecase.domain.errors import AuthenticationError, SafeCaseError
from safecase.domain.roles import Role
from safecase.services import access, demo
from safecase.services.accounts import AccountService
from safecase.services.backups import create_backup, restore_backup
from safecase.services.case_import import import_cases
from safecase.services.session import VaultSession
from safecase.services.verify import verify_vault
from safecase.vault import keyfile as keyfiles
from safecase.vault.keyfile import open_accounts
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.users import UserRepository
from vault_support import (
    ADMIN,
    ADMIN_PASSWORD,
    COUNSELOR,
    COUNSELOR_PASSWORD,
    SUPERVISOR,
    SUPERVISOR_PASSWORD,
    build_team_vault,
)
from vault_templates import VaultTemplates

DRIVER = Path(__file__).with_name("crash_driver.py")
DEMO_CASES = 150
# The longest delay after the child is ready, per operation, in seconds: a little longer than a few
# rounds of the operation on the 2-core development machine, so kills land all through it.
WINDOWS = {"intake": 0.5, "import": 1.0, "rekey": 1.5, "backup": 1.0, "restore": 0.9}
# Exact kill points (see crash_driver.die_after_steps): right after the N-th rename or re-encryption.
# Re-key, in its first round: 1 keys.json with the user disabled (the re-key now due), 2 keys.json.next
# staged, 3 the database re-encrypted, 4 keys.json.next promoted; 49 (in the 13th round, after the
# prepared users) keys.json with a user added, before the database has them.
# Restore: 1 the old and the restored vault swapped, 2 the old one renamed to NAME.replaced-TIME.
# Backup: 1 the finished backup file renamed into place.
EXACT_POINTS = {"rekey": (1, 2, 3, 4, 49), "restore": (1, 2), "backup": (1,)}
# Case numbers the restore source holds in its backup, and those added to the vault after the backup.
RESTORE_BEFORE = [f"2014-{n:04d}" for n in range(1, 6)]
RESTORE_AFTER = [f"2015-{n:04d}" for n in range(1, 6)]
# What a vault folder may hold besides what a kill leaves behind.
VAULT_FILES = {
    "safecase.db",
    "safecase.db-wal",
    "safecase.db-shm",
    "keys.json",
    "keys.json.next",  # counted as staged, not as a leftover
    "blobs",
    "sign-in-delays.json",
    "sign-in-delays.json.lock",
}


RECOVERY_KEY_FILE = "recovery-key.txt"


class ProofFailure(AssertionError):
    """The vault after a kill is not what the journal says it must be."""


# --- fixture vaults ------------------------------------------------------------------------------------


def build_crash_vault(root: Path) -> str:
    """The team vault with demo cases and the users the re-key loop disables; returns the recovery key
    (a template builder)."""
    recovery_key = build_team_vault(root)
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    try:
        demo.add_demo_cases(session, DEMO_CASES, seed=8)
        accounts = AccountService(session)
        for k in range(1, PREPARED_USERS + 1):
            accounts.add_user(added_user(k), frozenset({Role.COUNSELOR}), ADDED_PASSWORD)
    finally:
        session.close()
    return recovery_key


def build_restore_source(root: Path) -> Path:
    """A crash vault with a backup of it beside the folder, made before five more cases were added;
    returns the backup's path (a template builder)."""
    build_crash_vault(root)
    session = access.sign_in(root, ADMIN, ADMIN_PASSWORD)
    backup = root.parent / RESTORE_BACKUP
    try:
        _import(session, csv_file(root.parent / "before.csv", RESTORE_BEFORE, "2014-03-05", COUNSELOR))
        create_backup(session, backup)
        _import(session, csv_file(root.parent / "after.csv", RESTORE_AFTER, "2015-03-05", COUNSELOR))
    finally:
        session.close()
    return backup


def _import(session: VaultSession, path: Path) -> None:
    assert import_cases(session, path).ok


# --- what each run found -------------------------------------------------------------------------------


@dataclass
class Tally:
    """The figures of one operation over all its runs."""

    runs: int = 0
    mid_write: int = 0  # killed between a "begin" and its "end": inside a write
    phases: Counter[str] = field(default_factory=Counter)  # which write was interrupted
    finished: int = 0  # the child was done before the kill (a restore faster than its delay)
    committed: int = 0  # writes the journal reported committed
    rows_checked: int = 0  # cases, contacts, incidents, users and import rows looked up afterwards
    staged: int = 0  # keys.json.next left by the kill
    promoted: int = 0  # ... and promoted at the next sign-in (the database was already re-encrypted)
    rekey_due: int = 0  # re-keys left unfinished after the disabling committed, finished in the check
    leftovers: int = 0  # temporary files or folders a kill left (never read by SafeCase)
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("runs", "mid_write", "finished", "committed", "rows_checked", "staged", "promoted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rekey_due += other.rekey_due
        self.leftovers += other.leftovers
        self.seconds += other.seconds
        self.phases.update(other.phases)
        self.failures += other.failures


@dataclass(frozen=True)
class Journal:
    """The child's journal: finished writes by kind, and the one it was inside when killed (if any)."""

    ended: dict[str, list[list[str]]]
    open: list[str] | None  # ["kind", "k", ...] of a "begin" without its "end"

    @classmethod
    def read(cls, path: Path) -> Journal:
        ended: dict[str, list[list[str]]] = {}
        current: list[str] | None = None
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        for line in text.split("\n")[:-1]:  # a line cut by the kill has no newline yet: not written
            what, *rest = line.split()
            if what == "begin":
                current = rest
            else:
                ended.setdefault(rest[0], []).append(rest[1:])
                current = None
        return cls(ended, current)

    def done(self, kind: str) -> list[list[str]]:
        return self.ended.get(kind, [])

    def open_k(self, kind: str) -> int | None:
        return int(self.open[1]) if self.open is not None and self.open[0] == kind else None


# --- running the child ---------------------------------------------------------------------------------


def _child_env(after_steps: int | None) -> dict[str, str]:
    """This process's environment, with this checkout's ``safecase`` and the tests folder importable."""
    src = str(Path(safecase.__file__).resolve().parents[1])
    path = os.pathsep.join([src, str(DRIVER.parent), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env = {**os.environ, "PYTHONPATH": path}
    env.pop(CRASH_AFTER_STEPS, None)
    if after_steps is not None:
        env[CRASH_AFTER_STEPS] = str(after_steps)
    return env


def kill_after(op: str, vault: Path, work: Path, seed: str, delay: float, after_steps: int | None = None) -> bool:
    """Run the driver, kill it ``delay`` seconds after it is ready (or let it kill itself right after its
    ``after_steps``-th rename or re-encryption); False when it finished first."""
    with (work / "stderr").open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(DRIVER), op, str(vault), str(work), seed],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=_child_env(after_steps),
        )
        try:
            assert child.stdout is not None
            if child.stdout.readline().strip() != b"ready":
                child.wait(timeout=60)
                raise ProofFailure(f"the {op} child never got ready: {_stderr(work)}")
            deadline = time.monotonic() + delay
            while child.poll() is None and time.monotonic() < deadline:
                time.sleep(min(0.005, max(0.0, deadline - time.monotonic())))
            finished = child.poll() is not None
            if not finished:
                os.kill(child.pid, signal.SIGKILL)
            code = child.wait(timeout=60)
            if code == -signal.SIGKILL:
                finished = False  # it killed itself (after_steps)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            assert child.stdout is not None
            child.stdout.close()
    if finished and code != 0:
        raise ProofFailure(f"the {op} child failed on its own (exit {code}): {_stderr(work)}")
    return finished


def _stderr(work: Path) -> str:
    lines = (work / "stderr").read_text(errors="replace").strip().splitlines()
    return lines[-1] if lines else "(nothing on stderr)"


# --- checks --------------------------------------------------------------------------------------------


@contextmanager
def signed_in(root: Path, name: str = ADMIN, password: str = ADMIN_PASSWORD) -> Iterator[VaultSession]:
    try:
        session = access.sign_in(root, name, password)
    except SafeCaseError as exc:
        raise ProofFailure(f"{name} cannot sign in to {root.name}: {exc.message}") from None
    try:
        yield session
    finally:
        session.close()


def _verified(session: VaultSession) -> None:
    report = verify_vault(session)
    if not report.ok:
        failed = "; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok)
        raise ProofFailure(f"verify fails on {session.paths.root.name}: {failed}")


def _numbers_present(session: VaultSession, numbers: list[str]) -> set[str]:
    present: set[str] = set()
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = session.conn.execute(f"SELECT number FROM cases WHERE number IN ({marks})", chunk).fetchall()
        present |= {row[0] for row in rows}
    return present


def _require_all(session: VaultSession, numbers: list[str], what: str) -> int:
    missing = sorted(set(numbers) - _numbers_present(session, numbers))
    if missing:
        raise ProofFailure(f"{len(missing)} case(s) of {what} reported committed are missing: {missing[:3]}")
    return len(numbers)


def _all_or_none(session: VaultSession, numbers: list[str], what: str) -> int:
    found = len(_numbers_present(session, numbers))
    if found not in (0, len(numbers)):
        raise ProofFailure(f"{what} was interrupted and left {found} of its {len(numbers)} cases: not all or nothing")
    return len(numbers)


def _leftovers(folder: Path, expected: set[str]) -> int:
    return sum(1 for p in folder.iterdir() if p.name not in expected) if folder.is_dir() else 0


def check_intake(root: Path, work: Path, journal: Journal, tally: Tally) -> None:
    done = journal.done("intake")
    tally.committed += len(done)
    with signed_in(root) as session:
        _verified(session)
        conn = session.conn
        for _k, number, contact_id in done:
            row = conn.execute(
                "SELECT c.id FROM cases c JOIN contacts t ON t.case_id = c.id WHERE c.number = ? AND t.id = ?",
                (number, int(contact_id)),
            ).fetchone()
            if row is None:
                raise ProofFailure(f"intake case {number} or its contact {contact_id} reported committed is missing")
            tally.rows_checked += 2
        # All or nothing: no intake case without its contact and its incident, no stray contact.
        broken = conn.execute(
            "SELECT count(*) FROM cases c WHERE c.alias LIKE 'intake%' AND ("
            " NOT EXISTS (SELECT 1 FROM contacts t WHERE t.case_id = c.id)"
            " OR NOT EXISTS (SELECT 1 FROM incidents i WHERE i.case_id = c.id))"
        ).fetchone()[0]
        stray = conn.execute(
            "SELECT count(*) FROM contacts WHERE summary LIKE 'crash intake %' AND case_id IS NULL"
        ).fetchone()[0]
        if broken or stray:
            raise ProofFailure(f"an interrupted intake was half saved ({broken} cases, {stray} contacts)")
        saved = conn.execute("SELECT count(*) FROM cases WHERE alias LIKE 'intake%'").fetchone()[0]
        if not len(done) <= saved <= len(done) + 1:
            raise ProofFailure(f"{saved} intake cases for {len(done)} reported committed")
        tally.rows_checked += saved


def check_import(root: Path, work: Path, journal: Journal, tally: Tally) -> None:
    done = journal.done("import")
    tally.committed += len(done)
    with signed_in(root) as session:
        _verified(session)
        for k, rows in done:
            tally.rows_checked += _require_all(session, import_numbers(int(k), int(rows)), f"import file {k}")
        if journal.open is not None:
            k, rows = int(journal.open[1]), int(journal.open[2])
            tally.rows_checked += _all_or_none(session, import_numbers(k, rows), f"import file {k}")
            next_k = k + 1
        else:
            next_k = len(done) + 1
        if _numbers_present(session, import_numbers(next_k, 30)):
            raise ProofFailure(f"cases of import file {next_k}, never started, are in the vault")


def _can_sign_in(root: Path, name: str, password: str) -> bool:
    try:
        access.sign_in(root, name, password).close()
    except AuthenticationError:
        return False
    except SafeCaseError as exc:
        raise ProofFailure(f"{name}'s sign-in is refused for another reason: {exc.message}") from None
    return True


def check_rekey(root: Path, work: Path, journal: Journal, tally: Tally) -> None:
    paths = VaultPaths(root)
    staged = keyfiles.next_path(paths.keyfile)
    staged_generation = keyfiles.load(staged).generation if staged.exists() else None
    tally.staged += staged_generation is not None
    cases, added, disabled = journal.done("case"), journal.done("add"), journal.done("disable")
    tally.committed += len(cases) + len(added) + len(disabled)
    with signed_in(root) as session:
        if staged_generation is not None and session.keyfile.generation == staged_generation:
            tally.promoted += 1
        if staged.exists():
            raise ProofFailure("keys.json.next is still there after a sign-in")
        _verified(session)
        tally.rows_checked += _require_all(session, [rekey_number(int(k)) for (k,) in cases], "the re-key loop")
        if (k := journal.open_k("case")) is not None:
            tally.rows_checked += _all_or_none(session, [rekey_number(k)], f"case {k}")
        demo_cases = session.conn.execute(
            "SELECT count(*) FROM cases WHERE number NOT LIKE ?", (f"{REKEY_YEAR}-%",)
        ).fetchone()[0]
        if demo_cases != DEMO_CASES:
            raise ProofFailure(f"{demo_cases} of the {DEMO_CASES} demo cases are left after the re-key")
        tally.rows_checked += DEMO_CASES
        users = {u.name: u for u in UserRepository(session.conn).all()}
        for (k,) in added:
            if added_user(int(k)) not in users:
                raise ProofFailure(f"user {added_user(int(k))} reported added is missing")
            tally.rows_checked += 1
        for k, _generation in disabled:
            if users[added_user(int(k))].enabled:
                raise ProofFailure(f"user {added_user(int(k))} reported disabled is enabled")
            tally.rows_checked += 1
        if disabled and session.keyfile.generation < int(disabled[-1][1]):
            raise ProofFailure(f"key generation {session.keyfile.generation}, {disabled[-1][1]} was reported")
        due = open_accounts(session.keyfile, session.data_key).accounts.rekey_due
        # Who may sign in now: the person being added or disabled when the kill came exactly when the
        # database (restored from the signed list by the admin's sign-in above) says they are enabled.
        pending = journal.open_k("add") or journal.open_k("disable")
        if pending is None and disabled:
            pending = int(disabled[-1][0])
        if pending is not None:
            user = users.get(added_user(pending))
            expected = user is not None and user.enabled
            if _can_sign_in(root, added_user(pending), ADDED_PASSWORD) != expected:
                raise ProofFailure(f"{added_user(pending)} can sign in: {not expected}, enabled: {expected}")
            tally.rows_checked += 1
        if due:
            # Disabling committed, the re-key did not: disabling again finishes it (as the error says).
            tally.rekey_due += 1
            if pending is None:
                raise ProofFailure("a re-key is due, but no disabling was interrupted")
            AccountService(session).disable_user(added_user(pending))
            if open_accounts(session.keyfile, session.data_key).accounts.rekey_due:
                raise ProofFailure("disabling again did not finish the interrupted re-key")
            _verified(session)
    for name, password in ((COUNSELOR, COUNSELOR_PASSWORD), (SUPERVISOR, SUPERVISOR_PASSWORD)):
        with signed_in(root, name, password):
            tally.rows_checked += 1


def _restores_with(backup: Path, target: Path, numbers: list[str], what: str, recovery_key: str) -> int:
    try:
        restore_backup(backup, target, recovery_key=recovery_key)
    except SafeCaseError as exc:
        raise ProofFailure(f"{what} does not restore: {exc.message}") from None
    with signed_in(target) as session:
        _verified(session)
        return _require_all(session, numbers, what)


def check_backup(root: Path, work: Path, journal: Journal, tally: Tally) -> None:
    cases, backups = journal.done("case"), journal.done("backup")
    tally.committed += len(cases) + len(backups)
    numbers_before: dict[int, list[str]] = {}  # backup k -> cases committed before it began
    committed: list[str] = []
    for k in range(1, len(cases) + 1):
        committed += backup_numbers(k)
        numbers_before[k] = list(committed)
    with signed_in(root) as session:
        _verified(session)
        tally.rows_checked += _require_all(session, committed, "the backup loop")
        if (k := journal.open_k("case")) is not None:
            tally.rows_checked += _all_or_none(session, backup_numbers(k), f"case pair {k}")
    tally.leftovers += _leftovers(root, VAULT_FILES)
    to_restore = [int(backups[-1][0])] if backups else []
    if (k := journal.open_k("backup")) is not None and (work / f"backup-{k}.safecase-backup").exists():
        to_restore.append(k)  # renamed into place before the kill: it must be whole
    for k in to_restore:
        backup = work / f"backup-{k}.safecase-backup"
        recovery_key = (work / RECOVERY_KEY_FILE).read_text()
        tally.rows_checked += _restores_with(
            backup, work / f"restored-{k}", numbers_before[k], f"backup {k}", recovery_key
        )
    tally.leftovers += sum(1 for p in work.iterdir() if p.name.endswith(".partial"))


def _vault_state(root: Path) -> str:
    """ "old" (the restore source as it was), "restored" (its backup), else a ProofFailure."""
    if not VaultPaths(root).exists():
        raise ProofFailure(f"nothing is left at {root.name}: neither the old vault nor the restored one")
    with signed_in(root) as session:
        _verified(session)
        before = len(_numbers_present(session, RESTORE_BEFORE))
        after = len(_numbers_present(session, RESTORE_AFTER))
    if before == len(RESTORE_BEFORE) and after == len(RESTORE_AFTER):
        return "old"
    if before == len(RESTORE_BEFORE) and after == 0:
        return "restored"
    raise ProofFailure(f"{root.name} is a mix: {before} cases of the backup, {after} added after it")


def check_restore(root: Path, work: Path, journal: Journal, tally: Tally) -> None:
    state = _vault_state(root)
    tally.rows_checked += len(RESTORE_BEFORE) + len(RESTORE_AFTER)
    if journal.done("restore"):
        tally.committed += 1
        if state != "restored":
            raise ProofFailure("the restore reported success, but the target is still the old vault")
    if state == "restored":
        # The vault it replaced is kept beside it, whole: nothing written after the backup is lost.
        kept = [p for p in root.parent.iterdir() if p != root and p.is_dir() and VaultPaths(p).keyfile.exists()]
        if not any(_is_old(p) for p in kept):
            raise ProofFailure("the restore replaced the vault, and the old vault was not kept")
        tally.rows_checked += len(RESTORE_AFTER)
    expected = {root.name, "work"}
    tally.leftovers += sum(1 for p in root.parent.iterdir() if p.name not in expected and ".replaced-" not in p.name)


def _is_old(folder: Path) -> bool:
    try:
        return _vault_state(folder) == "old"
    except ProofFailure:
        return False


CHECKS: dict[str, Callable[[Path, Path, Journal, Tally], None]] = {
    "intake": check_intake,
    "import": check_import,
    "rekey": check_rekey,
    "backup": check_backup,
    "restore": check_restore,
}


# --- runs ----------------------------------------------------------------------------------------------


def run_once(op: str, seed: str, templates: VaultTemplates, folder: Path, after_steps: int | None = None) -> Tally:
    """One run: a fresh copy of the fixture vault, the child, a kill, the checks. Never raises.

    The kill comes after a delay drawn from ``seed``, or with ``after_steps`` right after the child's
    ``after_steps``-th rename or re-encryption (an exact point; see ``crash_driver.die_after_steps``)."""
    rng = random.Random(seed)
    tally = Tally(runs=1)
    start = time.perf_counter()
    root, work = folder / "vault", folder / "work"
    try:
        if op == "restore":
            backup = templates.copy("crash-restore", build_restore_source, root)
            work.mkdir(parents=True)
            shutil.copyfile(backup, work / RESTORE_BACKUP)
        else:
            recovery_key = templates.copy("crash", build_crash_vault, root)
            work.mkdir(parents=True)
            # Restoring a backup into a new folder needs the recovery key (no vault there vouches for an
            # administrator); the backup check reads it from here.
            (work / RECOVERY_KEY_FILE).write_text(recovery_key)
        delay = rng.uniform(0.0, WINDOWS[op]) if after_steps is None else 60.0
        tally.finished = kill_after(op, root, work, seed, delay, after_steps)
        journal = Journal.read(work / JOURNAL)
        if journal.open is not None:
            tally.mid_write = 1
            tally.phases[journal.open[0]] += 1
        if op not in ("backup", "restore"):
            tally.leftovers += _leftovers(root, VAULT_FILES)
        CHECKS[op](root, work, journal, tally)
    except ProofFailure as exc:
        tally.failures.append(f"{op} run {seed}: {exc}")
    except Exception as exc:  # a crash of the check itself is a failure of the proof too
        tally.failures.append(f"{op} run {seed}: {type(exc).__name__}: {exc}")
    tally.seconds = time.perf_counter() - start
    return tally


def run_many(
    runs: int,
    seed: int,
    templates: VaultTemplates,
    base: Path,
    ops: tuple[str, ...] = OPS,
    progress: Callable[[str, str, Tally], None] | None = None,
    keep: bool = False,
    first: int = 0,
) -> dict[str, Tally]:
    """``runs`` runs from index ``first``, the operations in turn; run ``i`` is seeded ``"{seed}-{i}"``, so
    any run can be repeated alone. Folders of failed runs (every run's with ``keep``) are kept."""
    tallies = {op: Tally() for op in ops}
    for i in range(first, first + runs):
        op = ops[i % len(ops)]
        folder = base / f"run-{i:04d}-{op}"
        tally = run_once(op, f"{seed}-{i}", templates, folder)
        tallies[op].add(tally)
        if progress is not None:
            progress(f"run {i}", op, tally)
        if not keep and not tally.failures:
            shutil.rmtree(folder, ignore_errors=True)
    return tallies


def run_exact(
    templates: VaultTemplates,
    base: Path,
    points: dict[str, tuple[int, ...]] = EXACT_POINTS,
    progress: Callable[[str, str, Tally], None] | None = None,
    keep: bool = False,
) -> dict[str, Tally]:
    """One run per exact kill point (``EXACT_POINTS``): the states a random delay reaches only by luck."""
    tallies = {op: Tally() for op in points}
    for op, steps in points.items():
        for step in steps:
            folder = base / f"exact-{op}-{step}"
            tally = run_once(op, f"exact-{op}-{step}", templates, folder, after_steps=step)
            tallies[op].add(tally)
            if progress is not None:
                progress(f"after step {step}", op, tally)
            if not keep and not tally.failures:
                shutil.rmtree(folder, ignore_errors=True)
    return tallies
