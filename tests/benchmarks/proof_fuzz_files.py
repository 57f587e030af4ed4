"""Proof: mutated keys.json, backup, CSV and database files are refused in one line, never crash or hang.

Run on demand (not part of the test run; ``tests/test_fuzz_files.py`` runs a few hundred, always the same,
in every run):

    .venv/bin/python tests/benchmarks/proof_fuzz_files.py [--examples 10000] [--targets keys.json,csv]

Runs ``tests/fuzz_support.py``'s targets with ``SAFECASE_FUZZ_EXAMPLES`` set to ``--examples``, shared
out as ``fuzz_support.SHARES`` says (keys.json and the sign-in delay file 30 %, backups 20 %, CSV 35 %,
database 10 %, the CLI in-process 4.5 % and as a real process 0.5 %), Hypothesis drawing new random
examples each time. Every example must end in a one-line ``SafeCaseError`` (or be taken, when the change
was harmless), within ``CASE_SECONDS``; the first one that does not stops the run with Hypothesis's
smallest failing example. Prints, per target: examples, how many SafeCase took and how it refused the
rest, the distinct messages a person would have read, the slowest example and the time; then the
mutation kinds. Nothing escaped when it gets to the end (exit 0).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests folder: fuzz_support and its helpers

from fuzz_support import EXAMPLES_ENV, TARGETS, FuzzTally, FuzzVaults, run_target
from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.services import access
from vault_templates import VaultTemplates

HEADER = f"{'target':<13}{'examples':>10}{'taken':>8}{'refused':>9}{'messages':>10}{'slowest s':>11}{'seconds':>9}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="in total, over every target")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated targets to run")
    args = parser.parse_args()
    os.environ[EXAMPLES_ENV] = str(args.examples)
    access.set_default_kdf_params(FLOOR_PARAMS)  # the fixture vaults' slots; sign-in cost is bench_unlock's
    base = Path(tempfile.mkdtemp(prefix="safecase-fuzz-"))
    vaults = FuzzVaults(base, VaultTemplates(base / "templates"))
    start = time.perf_counter()
    tallies: dict[str, FuzzTally] = {}
    for target in args.targets.split(","):
        print(f"{target} ...", flush=True)
        tallies[target] = run_target(target, vaults)
        tally = tallies[target]
        print(f"  {tally.examples} examples in {tally.seconds:.0f} s, none escaped", flush=True)
    print()
    print(HEADER)
    print("-" * len(HEADER))
    total = FuzzTally()
    for target, tally in tallies.items():
        _row(target, tally)
        total.examples += tally.examples
        total.accepted += tally.accepted
        total.refused.update(tally.refused)
        total.messages |= tally.messages
        total.slowest = max(total.slowest, tally.slowest)
        total.seconds += tally.seconds
    print("-" * len(HEADER))
    _row("total", total)
    print()
    for target, tally in tallies.items():
        refused = ", ".join(f"{name} {count}" for name, count in tally.refused.most_common())
        kinds = ", ".join(
            f"{kind} {count}" + (f" (taken {tally.accepted_kinds[kind]})" if tally.accepted_kinds[kind] else "")
            for kind, count in sorted(tally.kinds.items())
        )
        print(f"{target}: refused as {refused or 'nothing'}")
        print(f"  mutations: {kinds}")
    print(f"wall clock {time.perf_counter() - start:.0f} s; 0 crashes, 0 hangs; files under {base}")


def _row(name: str, tally: FuzzTally) -> None:
    refused = sum(tally.refused.values())
    print(
        f"{name:<13}{tally.examples:>10}{tally.accepted:>8}{refused:>9}{len(tally.messages):>10}"
        f"{tally.slowest:>11.2f}{tally.seconds:>9.0f}"
    )


if __name__ == "__main__":
    main()
