"""Fixture vaults built once per pytest session and copied for each test.

Building a vault costs an Argon2id run for the admin's slot, one for the recovery slot and one for each
added user, plus the schema, the starter directory and a dozen fsyncs. A closed vault is just a folder,
so each kind of fixture vault is built once per session (once per pytest-xdist worker) into a
``tmp_path_factory`` folder, and every test gets its own copy of that folder to do anything it likes
with. The template itself is never handed to a test, and the session ends with a check that no test
changed it.

Copies keep the vault's owner-only permissions (``shutil.copytree`` copies each file's and folder's
mode), so a copy is what ``create_vault`` would have left on disk, down to the 0700 folder and 0600 files.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from safecase.crypto.kdf import FLOOR_PARAMS
from safecase.services import access
from safecase.vault import keyfile as keyfiles
from safecase.vault.paths import VaultPaths

T = TypeVar("T")


@dataclass(frozen=True)
class _Template:
    root: Path
    build: Callable[[Path], Any]
    info: Any  # what the builder returned (a recovery key, the ids of seeded records)
    digest: dict[str, str]


def _digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


class VaultTemplates:
    """Builds each named template on first use and copies it for every test that asks for one."""

    def __init__(self, base: Path) -> None:
        self._base = base
        self._built: dict[str, _Template] = {}

    def copy(self, name: str, build: Callable[[Path], T], dest: Path) -> T:
        """Copy template ``name`` (built by ``build(folder)`` the first time) to ``dest``; returns what
        ``build`` returned. ``build`` must leave the vault closed: no session, no open connection."""
        template = self._built.get(name)
        if template is None:
            template = self._build(name, build)
        assert template.build is build, f"two builders for vault template {name!r}"
        shutil.copytree(template.root, dest)
        return template.info  # type: ignore[no-any-return]

    def _build(self, name: str, build: Callable[[Path], T]) -> _Template:
        root = self._base / name / "vault"
        # The same cost the autouse ``fast_kdf`` fixture gives every test, whichever fixture comes first.
        access.set_default_kdf_params(FLOOR_PARAMS)
        info = build(root)
        paths = VaultPaths(root)
        assert not any(p.exists() for p in paths.wal_files()), f"template {name!r} was left open"
        keyfile = keyfiles.load(paths.keyfile)
        for slot in (*keyfile.slots, keyfile.recovery):
            assert slot.locked.params == FLOOR_PARAMS, f"template {name!r} has a slot above the test floor"
        template = _Template(root, build, info, _digest(root))
        self._built[name] = template
        return template

    def check_untouched(self) -> None:
        """Fail loudly if any test wrote into a template instead of its own copy."""
        for name, template in self._built.items():
            assert _digest(template.root) == template.digest, f"vault template {name!r} was changed by a test"
