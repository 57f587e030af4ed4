"""Benchmark: building a vault of synthetic demo cases (``safecase demo``), now against a git revision.

Run on demand (not part of the test run):

    .venv/bin/python tests/benchmarks/bench_demo.py [--cases 20000] [--rounds 2] [--against REV] [--seed 7]

Creates a fresh vault in a temporary folder (the cheapest Argon2id cost the format allows, as the
tests do; an admin, a supervisor and six counselors, as bench_cases.py), then times
``add_demo_cases`` for ``--cases`` cases, on the wall clock and in CPU time of the process. With
``--against REV`` (default ``b8ca7c6``, the last commit before the demo went through the services'
public methods inside one unit of work) the same build is timed with that revision's ``src/`` and
``resources/`` (exported with ``git archive`` into a temporary folder and run in a child process),
alternating ``--rounds`` times, and the medians and their ratios are printed. Goal: at most 1.5x.
The builds run one after the other, never at once; other load on the machine still shows in the wall
clock (less in CPU time), so compare figures from one run.

The default is 20 000 cases: 100 000 took over three minutes per build at ``b8ca7c6`` alone. Measured
on the shared two-core development machine (2 rounds): ``b8ca7c6`` 48.9 s (38.5 s CPU), the unit of
work 68.6 s (54.8 s CPU): 1.40x wall clock, 1.42x CPU.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_AGAINST = "b8ca7c6"
ADMIN, ADMIN_PASSWORD = "admin", "copper lanterns drift over quiet harbors 1"
SUPERVISOR, SUPERVISOR_PASSWORD = "supervisor", "seven owls measure the tidal meadow 2"
COUNSELORS = ("park", "lee", "choi", "kang", "yoon", "jang")
COUNSELOR_PASSWORD = "amber kettles whistle beyond the ridge 3"
TODAY = date(2026, 3, 2)


def build_once(cases: int, seed: int) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) ``add_demo_cases`` took for ``cases`` cases in
    a new vault (run with whatever ``safecase`` is on the import path)."""
    from safecase.crypto.kdf import FLOOR_PARAMS
    from safecase.domain.roles import Role
    from safecase.services import access, demo
    from safecase.services.accounts import AccountService

    access.set_default_kdf_params(FLOOR_PARAMS)  # sign-in cost is bench_unlock's business
    with tempfile.TemporaryDirectory(prefix="safecase-bench-demo-") as tmp:
        created = access.create_vault(Path(tmp) / "vault", ADMIN, ADMIN_PASSWORD)
        session = created.session
        try:
            accounts = AccountService(session)
            accounts.add_user(SUPERVISOR, frozenset({Role.SUPERVISOR}), SUPERVISOR_PASSWORD)
            for name in COUNSELORS:
                accounts.add_user(name, frozenset({Role.COUNSELOR}), COUNSELOR_PASSWORD)
            start, cpu = time.perf_counter(), time.process_time()

            def progress(done: int, total: int) -> None:
                if done % 10_000 == 0 or done == total:
                    print(f"  {done:,}/{total:,} cases, {time.perf_counter() - start:.0f} s", flush=True)

            if hasattr(session, "clock"):
                from safecase.services.clock import FrozenClock

                session.clock = FrozenClock.on(TODAY)
                demo.add_demo_cases(session, cases, seed=seed, progress=progress)
            else:  # a revision from before the session had a clock took the day as a parameter
                demo.add_demo_cases(session, cases, seed=seed, progress=progress, today=lambda: TODAY)  # type: ignore[call-arg]
            return time.perf_counter() - start, time.process_time() - cpu
        finally:
            session.close()


def build_at(revision: str, cases: int, seed: int) -> tuple[float, float]:
    """``build_once`` with the ``src/`` of ``revision``, in a child process."""
    with tempfile.TemporaryDirectory(prefix="safecase-bench-rev-") as tmp:
        archive = Path(tmp) / "src.tar"
        # Resources lived beside src/ until they moved into the package; take whichever the revision has.
        listed = subprocess.run(
            ["git", "-C", str(REPO), "ls-tree", "--name-only", revision], check=True, capture_output=True, text=True
        ).stdout.split()
        paths = [p for p in ("src", "resources") if p in listed]
        subprocess.run(["git", "-C", str(REPO), "archive", "-o", str(archive), revision, *paths], check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_demo; "
        code += f"print('SECONDS', *bench_demo.build_once({cases}, {seed}))"
        done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
        sys.stdout.write("".join(line + "\n" for line in done.stdout.splitlines() if not line.startswith("SECONDS")))
        wall, cpu = done.stdout.split("SECONDS", 1)[1].split()[:2]
        return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--against", default=DEFAULT_AGAINST, help="git revision to compare with ('' for none)")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two builds this many times")
    args = parser.parse_args()
    now: list[tuple[float, float]] = []
    then: list[tuple[float, float]] = []
    for round_ in range(1, args.rounds + 1):
        print(f"round {round_}: {args.cases:,} demo cases, this tree", flush=True)
        now.append(build_once(args.cases, args.seed))
        print(f"  this tree: {now[-1][0]:.1f} s ({now[-1][1]:.1f} s CPU)", flush=True)
        if args.against:
            print(f"round {round_}: {args.cases:,} demo cases at {args.against}", flush=True)
            then.append(build_at(args.against, args.cases, args.seed))
            print(f"  {args.against}: {then[-1][0]:.1f} s ({then[-1][1]:.1f} s CPU)", flush=True)
    wall, cpu = statistics.median(w for w, _ in now), statistics.median(c for _, c in now)
    print(f"this tree: {wall:.1f} s, {cpu:.1f} s CPU ({args.cases / wall:,.0f} cases/s), median of {len(now)}")
    if not then:
        return
    wall_then, cpu_then = statistics.median(w for w, _ in then), statistics.median(c for _, c in then)
    print(f"{args.against}: {wall_then:.1f} s, {cpu_then:.1f} s CPU ({args.cases / wall_then:,.0f} cases/s)")
    for name, ratio in (("wall clock", wall / wall_then), ("CPU", cpu / cpu_then)):
        verdict = "met" if ratio <= 1.5 else "MISSED"
        print(f"ratio ({name}, this tree / {args.against}): {ratio:.2f}x — goal at most 1.5x: {verdict}")


if __name__ == "__main__":
    main()
