"""No text written through SafeCase appears in the clear in any file of the vault or in temp files.

Canary strings go into every text the vault holds now: display names, settings, audit details (user
names are recorded there), then we read every byte on disk. Casework will extend the list of fields.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import ADMIN, ADMIN_PASSWORD
from safecase.domain.roles import Role
from safecase.services import access
from safecase.services.accounts import AccountService
from safecase.services.audit import AuditService
from safecase.services.backups import create_backup
from safecase.services.settings import SettingsService
from safecase.services.verify import verify_vault
from vaultfiles import vault_bytes

CANARIES = {
    "display name": "캐너리표시이름QZX",
    "latin display name": "CanaryDisplayNameQZX",
    "user name": "canaryuserqzx",
    "center name": "캐너리센터ZQX",
}
PASSWORD = "a canary pass phrase for testing"


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def test_no_canary_on_disk(vault_dir: Path, tmp_path: Path) -> None:
    temp_before = set(Path(tempfile.gettempdir()).iterdir())
    created = access.create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, display_name=CANARIES["latin display name"])
    session = created.session
    accounts = AccountService(session)
    accounts.add_user(
        CANARIES["user name"], frozenset({Role.COUNSELOR}), PASSWORD, display_name=CANARIES["display name"]
    )
    SettingsService(session).set_center_name(CANARIES["center name"])
    session.close()
    # Sign in and out again so the WAL and shm hold fresh pages, then exercise read paths.
    session = access.sign_in(vault_dir, CANARIES["user name"], PASSWORD)
    session.close()
    session = access.sign_in(vault_dir, ADMIN, ADMIN_PASSWORD)
    assert {u.display_name for u in AccountService(session).list_users()} >= {CANARIES["display name"]}
    AuditService(session).entries()
    verify_vault(session)
    backup = tmp_path / "backup.tar"
    create_backup(session, backup)

    files = vault_bytes(vault_dir)
    assert {"safecase.db", "safecase.db-wal", "safecase.db-shm", "keys.json"} <= set(files)
    files["backup.tar"] = backup.read_bytes()
    new_temp = [p for p in set(Path(tempfile.gettempdir()).iterdir()) - temp_before if p.is_file()]
    files.update({f"tmp:{p.name}": p.read_bytes() for p in new_temp})
    session.close()

    for label, canary in CANARIES.items():
        for encoded in _encodings(canary):
            for name, content in files.items():
                assert encoded not in content, f"{label} found in the clear in {name}"
    # The sanity side: the same search does find a string we know is stored in plain text.
    assert b"argon2id" in files["keys.json"]
