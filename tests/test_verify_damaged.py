"""verify on a damaged database: each check reports; nothing crashes (issue 8, attack 6)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from safecase.domain.errors import SafeCaseError
from safecase.services import access, demo
from safecase.services.verify import verify_vault
from safecase.vault.paths import VaultPaths
from vault_support import ADMIN, ADMIN_PASSWORD, TeamVault

PAGE = 4096


def _with_cases(team_vault: TeamVault) -> Path:
    demo.add_demo_cases(team_vault.admin, 40, seed=3)
    team_vault.admin.close()
    return team_vault.root


def test_flipped_bytes_are_reported_never_raised(team_vault: TeamVault, tmp_path: Path) -> None:
    root = _with_cases(team_vault)
    db = VaultPaths(root).db
    pages = db.stat().st_size // PAGE
    assert pages > 20
    rng = random.Random(6)
    signed_in = refused = 0
    for trial in range(30):
        copy = tmp_path / f"flip-{trial}"
        shutil.copytree(root, copy)
        target = VaultPaths(copy).db
        offset = rng.randrange(PAGE, pages * PAGE)  # the first page only holds the salt and header
        with target.open("r+b") as handle:
            handle.seek(offset)
            byte = handle.read(1)
            handle.seek(offset)
            handle.write(bytes([byte[0] ^ 0xFF]))
        try:
            session = access.sign_in(copy, ADMIN, ADMIN_PASSWORD)
        except SafeCaseError as exc:  # refused in one sentence, never SQLite's own exception
            assert "\n" not in exc.message
            refused += 1
            continue
        try:
            report = verify_vault(session)
        finally:
            session.close()
        signed_in += 1
        assert not report.ok, f"a flipped byte at {offset} went unnoticed"
        assert not report.checks[0].ok  # every page is authenticated: the encryption check names it
        assert len(report.checks) == 8  # and every other check still ran
    assert signed_in > 0, "no damaged copy could be signed in to, so verify was never exercised"
