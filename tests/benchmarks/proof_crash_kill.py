"""Proof: a process killed (SIGKILL) at a random moment of a write never loses what it committed.

Run on demand (not part of the test run; ``tests/test_crash_kill.py`` runs a few of these in every run):

    .venv/bin/python tests/benchmarks/proof_crash_kill.py [--runs 250] [--seed 1] [--ops intake,rekey] [--keep DIR]

Runs ``--runs`` times, the operations in turn: quick intake, CSV import, re-key (disabling a user),
backup and restore (``--replace``). Each run copies a fixture vault (the team vault and 150 demo cases,
Argon2id at the test floor), starts ``tests/crash_driver.py`` on it, kills it with SIGKILL after a
random delay (run ``i`` is seeded ``"SEED-i"``, so one run can be repeated alone with ``--first i
--runs 1``), then signs in, runs ``verify`` and looks up everything the child's fsync'd journal reported
committed (``tests/crash_proof.py`` lists every check). Then one run per exact kill point
(``crash_proof.EXACT_POINTS``: right after each rename or re-encryption of a re-key, a restore and a
backup), which a random delay reaches only by luck; ``--no-exact`` leaves them out.

Prints, per operation: runs, kills that landed inside a write (between the journal's ``begin`` and
``end``), writes reported committed, rows looked up, key files staged by a re-key and promoted at the
next sign-in, re-keys left due (finished by disabling again), files a kill left behind (temporary files
SafeCase never reads), seconds, and failures, which must be 0. Folders of failed runs are kept (every
run's with ``--keep DIR``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests folder: crash_proof and its helpers

from crash_proof import OPS, Tally, run_exact, run_many
from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.services import access
from vault_templates import VaultTemplates

HEADER = (
    f"{'operation':<10}{'runs':>6}{'mid-write':>11}{'committed':>11}{'rows checked':>14}"
    f"{'staged/promoted':>17}{'re-key due':>12}{'leftovers':>11}{'seconds':>9}{'failures':>10}"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="index of the first run (to repeat one run)")
    parser.add_argument("--ops", default=",".join(OPS), help="comma-separated operations to run in turn")
    parser.add_argument("--no-exact", action="store_true", help="leave out the runs at exact kill points")
    parser.add_argument("--keep", type=Path, help="keep every run's folder here (default: only failed runs')")
    args = parser.parse_args()
    ops = tuple(args.ops.split(","))
    access.set_default_kdf_params(FLOOR_PARAMS)  # the children's vaults are copies of these templates
    base = args.keep or Path(tempfile.mkdtemp(prefix="safecase-crash-"))
    base.mkdir(parents=True, exist_ok=True)
    templates = VaultTemplates(base / "templates")
    start = time.perf_counter()

    def progress(label: str, op: str, tally: Tally) -> None:
        mark = "FAILED" if tally.failures else ("inside a write" if tally.mid_write else "between writes")
        print(f"  {op:<8} {label:<13} {tally.seconds:5.1f} s  {mark}", flush=True)
        for failure in tally.failures:
            print(f"    {failure}", flush=True)

    keep = args.keep is not None
    random_runs = run_many(args.runs, args.seed, templates, base, ops, progress, keep=keep, first=args.first)
    exact_runs = {} if args.no_exact else run_exact(templates, base, progress=progress, keep=keep)
    failures = _table(f"killed after a random delay (seed {args.seed})", random_runs)
    if exact_runs:
        failures += _table("killed at exact points", exact_runs)
    print(f"wall clock {time.perf_counter() - start:.0f} s; run folders under {base}")
    if failures:
        print(f"{len(failures)} FAILURES:")
        for failure in failures:
            print(f"  {failure}")
        sys.exit(1)
    templates.check_untouched()


def _table(title: str, tallies: dict[str, Tally]) -> list[str]:
    print()
    print(title)
    print(HEADER)
    print("-" * len(HEADER))
    total = Tally()
    for op, tally in tallies.items():
        total.add(tally)
        _row(op, tally)
    print("-" * len(HEADER))
    _row("total", total)
    for op, tally in tallies.items():
        inside = ", ".join(f"{phase} {count}" for phase, count in tally.phases.most_common()) or "nothing"
        done = f"; finished before the kill: {tally.finished}" if tally.finished else ""
        print(f"  {op}: killed inside {inside}{done}")
    return total.failures


def _row(name: str, tally: Tally) -> None:
    print(
        f"{name:<10}{tally.runs:>6}{tally.mid_write:>11}{tally.committed:>11}{tally.rows_checked:>14}"
        f"{f'{tally.staged}/{tally.promoted}':>17}{tally.rekey_due:>12}{tally.leftovers:>11}"
        f"{tally.seconds:>9.0f}{len(tally.failures):>10}"
    )


if __name__ == "__main__":
    main()
