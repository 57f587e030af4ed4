"""``keys.json``: the vault id and one key slot per user plus the recovery slot.

The file carries a SHA-256 checksum of its canonical content (so damage or a careless edit is refused
before any password is tried) and an HMAC under a key derived from the data key (so a deliberate edit
that fixes the checksum, such as swapping in a public key of the attacker's, is refused once unlocked,
before anything is re-wrapped). Slots are found by a hash of the sign-in name, so the file does not
list who works at the center.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from safecase.crypto.encoding import b64d, b64e, canonical_json
from safecase.crypto.errors import CryptoError
from safecase.crypto.kdf import Argon2Params
from safecase.crypto.keyslots import SealedSlot
from safecase.crypto.subkeys import KEYFILE_MAC, derive_subkey, mac, mac_matches
from safecase.domain.errors import NewerVersionError, VaultFormatError, VaultNotFoundError
from safecase.domain.roles import Role, parse_roles, sorted_roles
from safecase.domain.users import normalize_user_name
from safecase.i18n import tr
from safecase.vault.atomic import atomic_write_bytes, fsync_dir

FORMAT = "safecase.keys"
VERSION = 1
MAX_KEYFILE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class UserSlot:
    slot_id: str
    roles: frozenset[Role]
    sealed: SealedSlot


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    generation: int
    user_slots: tuple[UserSlot, ...]
    recovery: SealedSlot
    disabled: frozenset[str] = frozenset()
    mac: str = ""

    def find(self, slot_id: str) -> UserSlot | None:
        return next((slot for slot in self.user_slots if slot.slot_id == slot_id), None)

    def without(self, slot_id: str) -> KeyFile:
        return replace(self, user_slots=tuple(s for s in self.user_slots if s.slot_id != slot_id))

    def with_slot(self, slot: UserSlot) -> KeyFile:
        return replace(self, user_slots=(*self.without(slot.slot_id).user_slots, slot))

    def signed(self, data_key: bytes) -> KeyFile:
        """This key file with its HMAC recomputed under ``data_key``."""
        return replace(self, mac=mac(_mac_key(data_key), canonical_json(_body(self))))

    def mac_valid(self, data_key: bytes) -> bool:
        return mac_matches(_mac_key(data_key), canonical_json(_body(self)), self.mac)


def slot_id_for(vault_id: str, user_name: str) -> str:
    """Where a user's slot is filed: a hash of vault id and normalized name, not the name itself."""
    text = f"safecase-user-slot:{vault_id}:{normalize_user_name(user_name)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def user_binding(vault_id: str, slot_id: str, roles: frozenset[Role]) -> bytes:
    """Associated data that ties a slot to this vault, this user and these roles."""
    return canonical_json({"vault": vault_id, "slot": slot_id, "kind": "user", "roles": sorted_roles(roles)})


def recovery_binding(vault_id: str) -> bytes:
    return canonical_json({"vault": vault_id, "slot": "recovery", "kind": "recovery"})


def _mac_key(data_key: bytes) -> bytes:
    return derive_subkey(data_key, KEYFILE_MAC)


def _sealed_to_json(sealed: SealedSlot) -> dict[str, Any]:
    return {
        "kdf": {"algorithm": "argon2id", **sealed.params.as_dict()},
        "salt": b64e(sealed.salt),
        "public_key": b64e(sealed.public_key),
        "sealed_private_key": b64e(sealed.sealed_private),
        "sealed_data_key": b64e(sealed.envelope),
    }


def _sealed_from_json(data: dict[str, Any]) -> SealedSlot:
    kdf = data["kdf"]
    if kdf.get("algorithm") != "argon2id":
        raise ValueError("unknown kdf")
    return SealedSlot(
        params=Argon2Params.from_dict(kdf),
        salt=b64d(data["salt"]),
        public_key=b64d(data["public_key"]),
        sealed_private=b64d(data["sealed_private_key"]),
        envelope=b64d(data["sealed_data_key"]),
    )


def _body(keyfile: KeyFile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": keyfile.vault_id,
        "generation": keyfile.generation,
        "slots": [
            {"id": slot.slot_id, "roles": sorted_roles(slot.roles), **_sealed_to_json(slot.sealed)}
            for slot in sorted(keyfile.user_slots, key=lambda s: s.slot_id)
        ],
        "recovery": _sealed_to_json(keyfile.recovery),
        "disabled": sorted(keyfile.disabled),
    }


def serialize(keyfile: KeyFile) -> bytes:
    document = {**_body(keyfile), "mac": keyfile.mac}
    document["checksum"] = hashlib.sha256(canonical_json(document)).hexdigest()
    return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def _damaged() -> VaultFormatError:
    return VaultFormatError(
        tr("The key file (keys.json) is damaged or was edited. Restore it from a backup; it was not changed.")
    )


def parse(raw: bytes) -> KeyFile:
    """Read a key file, refusing anything damaged, edited, unknown or newer; never repairs."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged() from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _damaged()
    version = document.get("version")
    if isinstance(version, int) and version > VERSION:
        raise NewerVersionError(
            tr("This vault was written by a newer version of SafeCase. Update SafeCase to open it.")
        )
    checksum = document.pop("checksum", None)
    if version != VERSION or checksum != hashlib.sha256(canonical_json(document)).hexdigest():
        raise _damaged()
    try:
        keyfile = KeyFile(
            vault_id=str(document["vault_id"]),
            generation=int(document["generation"]),
            user_slots=tuple(
                UserSlot(slot_id=str(s["id"]), roles=parse_roles(s["roles"]), sealed=_sealed_from_json(s))
                for s in document["slots"]
            ),
            recovery=_sealed_from_json(document["recovery"]),
            disabled=frozenset(str(x) for x in document["disabled"]),
            mac=str(document["mac"]),
        )
    except (KeyError, TypeError, ValueError, CryptoError):
        raise _damaged() from None
    if len({s.slot_id for s in keyfile.user_slots}) != len(keyfile.user_slots):
        raise _damaged()
    return keyfile


def load(path: Path) -> KeyFile:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_KEYFILE_BYTES + 1)
    except FileNotFoundError:
        raise VaultNotFoundError(tr("No SafeCase vault was found at {path}.").format(path=path.parent)) from None
    if len(raw) > MAX_KEYFILE_BYTES:
        raise _damaged()
    return parse(raw)


def save(path: Path, keyfile: KeyFile) -> None:
    atomic_write_bytes(path, serialize(keyfile))


def next_path(path: Path) -> Path:
    """Where a re-keyed key file waits while the database is being re-encrypted."""
    return path.with_name(path.name + ".next")


def stage_next(path: Path, keyfile: KeyFile) -> None:
    """First step of a re-key: the new key file is written beside the current one.

    If the process dies after the database was re-encrypted but before :func:`promote_next`, the next
    sign-in finds the database opens only with ``keys.json.next`` and promotes it; if it dies earlier,
    the database still opens with ``keys.json`` and the stale ``.next`` is discarded. Either way no
    committed data is lost.
    """
    atomic_write_bytes(next_path(path), serialize(keyfile))


def promote_next(path: Path) -> None:
    os.replace(next_path(path), path)
    fsync_dir(path.parent)


def promote_staged(path: Path, data_key: bytes) -> None:
    """:func:`promote_next`, also when another process (a sign-in, the re-key itself) promoted it first."""
    try:
        promote_next(path)
    except FileNotFoundError:
        if not load(path).mac_valid(data_key):
            raise


def discard_next(path: Path) -> None:
    next_path(path).unlink(missing_ok=True)
