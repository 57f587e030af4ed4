"""A full disk or a killed process never costs committed data or leaves a half-written file."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from safecase.domain.errors import BackupError
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.backups import create_backup
from safecase.services.verify import verify_vault
from safecase.vault import atomic
from vault_support import ADMIN, ADMIN_PASSWORD, COUNSELOR, TeamVault
from vaultfiles import snapshot


def _disk_full(*_args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_full_disk_while_saving_the_key_file_keeps_the_old_one(
    team_vault: TeamVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(team_vault.root)
    monkeypatch.setattr(atomic.os, "fsync", _disk_full)
    with pytest.raises(OSError, match="No space"):
        AccountService(team_vault.admin).reset_password(COUNSELOR, "a new pass phrase for the night shift")
    monkeypatch.undo()
    assert snapshot(team_vault.root) == before
    assert not [p for p in team_vault.root.iterdir() if p.name.endswith(".tmp")]
    # The audit row written in the same transaction was rolled back with it.
    assert not [e for e in AuditService(team_vault.admin).entries() if e.action == "user.password_reset"]


def test_full_disk_while_writing_a_backup(
    team_vault: TeamVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safecase.vault.backup as backup_module

    monkeypatch.setattr(backup_module.os, "fsync", _disk_full)
    with pytest.raises(BackupError, match="could not be written"):
        create_backup(team_vault.admin, tmp_path / "backup.tar")
    assert list(tmp_path.glob("*backup.tar*")) == []
    monkeypatch.undo()
    # The backup's row and checkpoint came first; the log says the backup came to nothing.
    actions = [e.action for e in AuditService(team_vault.admin).entries(3)]
    assert actions[1:] == ["backup.failed", "backup.created"]


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from safecase.crypto.kdf import FLOOR_PARAMS
    from safecase.services import access
    from safecase.services.settings import SettingsService
    access.set_default_kdf_params(FLOOR_PARAMS)
    session = access.sign_in(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
    settings = SettingsService(session)
    minutes = 1
    while True:
        minutes = minutes % 200 + 1
        settings.set_auto_lock_minutes(minutes)
        print(minutes, flush=True)
    """
)


def test_killed_writer_loses_nothing_committed(team_vault: TeamVault) -> None:
    team_vault.admin.close()
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(team_vault.root), ADMIN, ADMIN_PASSWORD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    committed = [process.stdout.readline() for _ in range(30)]
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        pass
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert all(line.strip() for line in committed)

    session = access.sign_in(team_vault.root, ADMIN, ADMIN_PASSWORD)
    report = verify_vault(session)
    assert report.ok, report
    changes = [e for e in AuditService(session).entries(limit=100_000) if e.action == "settings.changed"]
    assert len(changes) >= len(committed)
    session.close()
