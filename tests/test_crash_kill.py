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
from safecase.services import access
from safecase.services.backups import create_backup, restore_backup
from safecase.vault import backup as backup_files
from safecase.vault.atomic import exchange_paths
from vault_support import ADMIN, ADMIN_PASSWORD, TeamVault
from vault_templates import VaultTemplates

SEED = 8


@pytest.mark.parametrize("op", OPS)
def test_killed_at_a_random_moment_loses_nothing(op: str, vault_templates: VaultTemplates, tmp_path: Path) -> None:
    tally = run_many(1, SEED, vault_templates, tmp_path, ops=(op,))[op]
    assert tally.failures == []
    assert tally.runs == 1 and tally.rows_checked > 0


def test_restore_killed_between_moving_the_old_vault_out_and_the_new_one_in(
    vault_templates: VaultTemplates, tmp_path: Path
) -> None:
    """Killed right after the first rename of ``restore --replace``, the target used to hold nothing: the
    old vault already moved aside, the restored one not yet moved in. Now the two are swapped in one step."""
    tally = run_once("restore", "exact", vault_templates, tmp_path, after_steps=1)
    assert tally.failures == []
    assert tally.mid_write == 1


def test_rekey_killed_after_reencrypting_promotes_the_staged_key_file(
    vault_templates: VaultTemplates, tmp_path: Path
) -> None:
    """The database is under the new key, keys.json still the old one: the next sign-in promotes
    keys.json.next, and everyone still gets in (the admin, the counselor, the supervisor)."""
    tally = run_once("rekey", "exact", vault_templates, tmp_path, after_steps=3)
    assert tally.failures == []
    assert (tally.staged, tally.promoted) == (1, 1)


def test_exchange_paths_swaps_two_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / "name").write_text(folder.name)
    if not exchange_paths(first, second):
        pytest.skip("this system cannot swap two folders in one step")
    assert (first / "name").read_text() == "second" and (second / "name").read_text() == "first"


def test_restore_replaces_with_two_renames_where_folders_cannot_be_swapped(
    team_vault: TeamVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "vault.safecase-backup"
    create_backup(team_vault.admin, backup)
    team_vault.admin.close()
    monkeypatch.setattr(backup_files, "exchange_paths", lambda first, second: False)
    result = restore_backup(backup, team_vault.root, user_name=ADMIN, password=ADMIN_PASSWORD, replace=True)
    assert result.replaced_copy is not None and result.replaced_copy.name.startswith("vault.replaced-")
    access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD).close()
