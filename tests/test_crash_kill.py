"""A process killed (SIGKILL) in the middle of intake, import, re-key, backup or restore loses nothing it
committed, and leaves a vault that opens and passes verify (issue 8).

One seeded run of ``crash_proof`` per operation in every test run, and two exact kill points a random
delay hits only by luck; ``tests/benchmarks/proof_crash_kill.py`` runs hundreds and every exact point,
and prints the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crash_driver import OPS
from crash_proof import run_many, run_once
from vault_templates import VaultTemplates

SEED = 8


@pytest.mark.parametrize("op", OPS)
def test_killed_at_a_random_moment_loses_nothing(op: str, vault_templates: VaultTemplates, tmp_path: Path) -> None:
    tally = run_many(1, SEED, vault_templates, tmp_path, ops=(op,))[op]
    assert tally.failures == []
    assert tally.runs == 1 and tally.rows_checked > 0


def test_rekey_killed_after_reencrypting_promotes_the_staged_key_file(
    vault_templates: VaultTemplates, tmp_path: Path
) -> None:
    """The database is under the new key, keys.json still the old one: the next sign-in promotes
    keys.json.next, and everyone still gets in (the admin, the counselor, the supervisor)."""
    tally = run_once("rekey", "exact", vault_templates, tmp_path, after_steps=4)
    assert tally.failures == []
    assert (tally.staged, tally.promoted) == (1, 1)
