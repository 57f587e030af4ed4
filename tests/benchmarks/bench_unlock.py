"""Benchmark: the Argon2id parameters SafeCase picks on this machine and what one unlock costs.

Run on demand (not part of the test run):

    .venv/bin/python tests/benchmarks/bench_unlock.py [--rounds 5]

Prints the calibrated parameters, the time of one key derivation, and the time of a whole sign-in
(key file read, slot opened, database opened and checked, audit row written), each as the median of
several rounds, plus the ratio of sign-in to bare derivation (the overhead SafeCase adds).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from safecase.crypto.kdf import calibrate, time_params
from safecase.services import access

PASSWORD = "benchmark pass phrase, long enough"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--target", type=float, default=0.5, help="target seconds for one derivation")
    args = parser.parse_args()

    start = time.perf_counter()
    params = calibrate(args.target)
    calibration = time.perf_counter() - start
    print(f"calibration took        {calibration:6.2f} s")
    print(
        f"argon2id parameters     memory {params.memory_kib // 1024} MiB, "
        f"{params.iterations} passes, {params.lanes} lanes"
    )
    derivations = [time_params(params) for _ in range(args.rounds)]
    derive = statistics.median(derivations)
    print(f"one derivation (median) {derive * 1000:6.0f} ms   (target {args.target * 1000:.0f} ms)")

    access.set_default_kdf_params(params)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "vault"
        access.create_vault(root, "timing", PASSWORD).session.close()
        unlocks = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            access.sign_in(root, "timing", PASSWORD).close()
            unlocks.append(time.perf_counter() - start)
    unlock = statistics.median(unlocks)
    print(f"whole sign-in (median)  {unlock * 1000:6.0f} ms")
    print(f"sign-in / derivation    {unlock / derive:6.2f}x")


if __name__ == "__main__":
    main()
