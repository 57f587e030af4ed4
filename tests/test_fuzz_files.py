"""Fuzzing keys.json, backup files, CSV import files and the database, directly and through the CLI:
nothing but SafeCase's own one-line errors, no hang, nothing written by a refusal (issue 8).

A few hundred examples in every test run, always the same ones; ``SAFECASE_FUZZ_EXAMPLES=10000`` runs
that many random ones, and ``tests/benchmarks/proof_fuzz_files.py`` does so and prints the figures.
``fuzz_support`` describes the mutations and the properties.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz_support import TARGETS, FuzzVaults, run_target
from vault_templates import VaultTemplates


@pytest.mark.parametrize("target", TARGETS)
def test_mutated_files_are_refused_in_one_line(target: str, vault_templates: VaultTemplates, tmp_path: Path) -> None:
    tally = run_target(target, FuzzVaults(tmp_path, vault_templates))
    assert tally.examples > 0
