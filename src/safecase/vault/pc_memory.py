"""What this computer remembers of each vault it opened, to notice a vault put back to an older state.

Kept outside the vault, in the user's state folder (``$SAFECASE_STATE_DIR``; else on Windows
``%LOCALAPPDATA%\\SafeCase``, elsewhere ``$XDG_STATE_HOME/safecase`` or ``~/.local/state/safecase``),
so that copying an old vault folder over the current one does not also put back what this computer
had seen. Per vault id: the highest key file generation and the highest audit head (row number and
hash) seen here. No case data, no names: only those ids, numbers and hashes.

The folder is 0700, the file 0600, written atomically under an exclusive lock (two windows, a
script). A missing or unreadable file counts as empty; a folder that cannot be written is ignored:
remembering is a warning aid, never a reason to refuse a sign-in.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safecase.domain.audit import AuditHead
from safecase.vault.atomic import atomic_write_bytes, exclusive_lock, make_private_dir

ENV_STATE_DIR = "SAFECASE_STATE_DIR"
FILE_NAME = "seen-vaults.json"
VERSION = 1


@dataclass(frozen=True)
class Seen:
    """The highest generation and audit head this computer has seen of one vault."""

    generation: int
    head: AuditHead | None


def state_dir() -> Path:
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "SafeCase"
    xdg = os.environ.get("XDG_STATE_HOME")
    base_dir = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "state"
    return base_dir / "safecase"


def _path() -> Path:
    return state_dir() / FILE_NAME


def _load_all(path: Path) -> dict[str, Seen]:
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        found: dict[str, Seen] = {}
        for vault_id, entry in data.get("vaults", {}).items():
            head = None
            if entry.get("head_seq") is not None:
                head = AuditHead(int(entry["head_seq"]), str(entry["head_hash"]))
            found[str(vault_id)] = Seen(int(entry["generation"]), head)
        return found
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _save_all(path: Path, seen: dict[str, Seen]) -> None:
    vaults = {
        vault_id: {
            "generation": entry.generation,
            "head_seq": None if entry.head is None else entry.head.seq,
            "head_hash": None if entry.head is None else entry.head.hash,
        }
        for vault_id, entry in sorted(seen.items())
    }
    atomic_write_bytes(path, json.dumps({"version": VERSION, "vaults": vaults}, sort_keys=True).encode("utf-8"))


def seen(vault_id: str) -> Seen | None:
    """What this computer remembers of ``vault_id``, None when it never saw it."""
    return _load_all(_path()).get(vault_id)


def _merged(old: Seen | None, generation: int, head: AuditHead | None) -> Seen:
    if old is None:
        return Seen(generation, head)
    if head is None or (old.head is not None and old.head.seq > head.seq):
        head = old.head
    return Seen(max(old.generation, generation), head)


def _update(vault_id: str, make: Callable[[Seen | None], Seen]) -> None:
    path = _path()
    with contextlib.suppress(OSError):
        make_private_dir(path.parent)
        with exclusive_lock(path.with_name(path.name + ".lock")):
            everything = _load_all(path)
            everything[vault_id] = make(everything.get(vault_id))
            _save_all(path, everything)


def remember(vault_id: str, generation: int, head: AuditHead | None) -> None:
    """Raise what is remembered of ``vault_id`` to at least this generation and head (never lower it)."""
    _update(vault_id, lambda old: _merged(old, generation, head))


def forget_and_remember(vault_id: str, generation: int, head: AuditHead | None) -> None:
    """Remember exactly this state (after a restore someone confirmed), lower than before or not."""
    _update(vault_id, lambda _old: Seen(generation, head))
