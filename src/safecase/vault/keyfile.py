"""``keys.json``: who can open the vault, and the account list the administrators signed.

Version 2. Readable without any key: the vault id, the generation (how often the data key was
replaced), the administrators' Ed25519 public key (the vault's trust anchor) with the history of its
rotations, the vault's Argon2id cost, the recovery slot and a list of key slots that all look alike:
``id`` (a hash of vault id and sign-in name, or random for a decoy), ``kdf``, ``salt``, ``public_key``,
``sealed_private_key`` and ``sealed_keys``. The list is padded with decoys to a multiple of eight, and
nothing in it says which slot is whose or what it may do.

A slot is an X25519 key pair. Its private key is locked under the person's password (Argon2id +
AES-256-GCM) with vault id, slot id, kind and the administrators' public key as associated data.
``sealed_keys`` are three envelopes sealed to the slot's public key, each padded to the same length:
``data`` (the data key, or "disabled"), ``admin`` (the administrators' Ed25519 private key, or nothing)
and ``supervisor`` (the supervisors' X25519 private key, or nothing). They are separate because
different people can write them: whoever re-keys the database writes every ``data`` envelope, only an
administrator can fill an ``admin`` one, and only a supervisor (or the recovery key) a ``supervisor``
one.

``accounts`` is AES-256-GCM under a data-key subkey: the account list (every account's slot id, name,
public key, roles and whether it is enabled, and the salt of a lock an administrator made with a
password they chose; the decoys; the supervisors' and recovery public keys;
the Argon2id cost; the latest signed audit checkpoint, once there is one) and its Ed25519 signature by
the administrators' key. Everyone who can sign in can
read it; only the administrators and the recovery key can sign it. It, not the database's ``users``
table and not the file around it, says who holds which role.

``mac`` (HMAC under another data-key subkey) and ``checksum`` (SHA-256) catch damage and careless edits
early. Neither is a security boundary: anyone who can sign in knows the data key.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from safecase.crypto import aead
from safecase.crypto.encoding import b64d, b64e, canonical_json, pad, unpad
from safecase.crypto.errors import CryptoError
from safecase.crypto.kdf import SALT_LENGTH, Argon2Params, derive_key
from safecase.crypto.keyslots import (
    LOCKED_PRIVATE_LENGTH,
    LockedKey,
    SealedSlot,
    UnlockedKey,
    decoy_locked_key,
    lock_private_key_with,
    new_key_pair,
    open_envelope,
    seal_to_public_key,
)
from safecase.crypto.recovery import recovery_fingerprint
from safecase.crypto.signing import SIGNATURE_LENGTH, sign, signature_valid
from safecase.crypto.subkeys import ACCOUNT_LIST_ENCRYPTION, KEYFILE_MAC, derive_subkey, mac, mac_matches
from safecase.domain.audit import AuditHead, Checkpoint
from safecase.domain.errors import NewerVersionError, VaultFormatError, VaultNotFoundError
from safecase.domain.roles import Role, parse_roles, sorted_roles
from safecase.domain.user_names import normalize_user_name
from safecase.i18n import tr
from safecase.vault.atomic import atomic_write_bytes, fsync_dir

FORMAT = "safecase.keys"
VERSION = 2
LEGACY_VERSION = 1
MAX_KEYFILE_BYTES = 4 * 1024 * 1024

KIND_USER = "user"
KIND_RECOVERY = "recovery"
RECOVERY_SLOT_ID = "recovery"
PART_DATA = "data"
PART_ADMIN = "admin"
PART_SUPERVISOR = "supervisor"
PARTS = (PART_DATA, PART_ADMIN, PART_SUPERVISOR)
# Plaintext length of every envelope; {"key":"<44 characters of base64>"} is 53 bytes.
PART_SIZE = 128
# ephemeral public key || nonce || padded plaintext || tag
ENVELOPE_LENGTH = 32 + aead.NONCE_LENGTH + PART_SIZE + 16
# The slot list is padded with decoys to a multiple of this.
SLOT_MULTIPLE = 8

_ACCOUNT_LIST_SIGNATURE = b"safecase/account-list/v1"
_ADMIN_KEY_ROTATION_SIGNATURE = b"safecase/admin-key-rotation/v1"


# --- the readable file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SealedKeys:
    """The three envelopes of a slot, each sealed to its public key (see the module docstring)."""

    data: bytes
    admin: bytes
    supervisor: bytes

    def part(self, name: str) -> bytes:
        return {PART_DATA: self.data, PART_ADMIN: self.admin, PART_SUPERVISOR: self.supervisor}[name]

    def with_part(self, name: str, envelope: bytes) -> SealedKeys:
        return replace(self, **{name: envelope})


@dataclass(frozen=True)
class Slot:
    slot_id: str
    locked: LockedKey
    sealed_keys: SealedKeys

    @property
    def public_key(self) -> bytes:
        return self.locked.public_key


@dataclass(frozen=True)
class AdminKeyRotation:
    """The administrators' key was replaced by ``successor``; signed with the ``previous`` key."""

    previous: bytes
    successor: bytes
    signature: bytes


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    generation: int
    admin_public_key: bytes
    admin_key_history: tuple[AdminKeyRotation, ...]
    kdf: Argon2Params
    slots: tuple[Slot, ...]
    recovery: Slot
    accounts: bytes
    mac: str = ""

    def find(self, slot_id: str) -> Slot | None:
        return next((slot for slot in self.slots if slot.slot_id == slot_id), None)

    def find_any(self, slot_id: str) -> Slot | None:
        """A person's slot, or the recovery slot for :data:`RECOVERY_SLOT_ID`."""
        return self.recovery if slot_id == RECOVERY_SLOT_ID else self.find(slot_id)

    def without(self, slot_id: str) -> KeyFile:
        return replace(self, slots=tuple(s for s in self.slots if s.slot_id != slot_id))

    def with_slot(self, slot: Slot) -> KeyFile:
        if slot.slot_id == RECOVERY_SLOT_ID:
            return replace(self, recovery=slot)
        return replace(self, slots=(*self.without(slot.slot_id).slots, slot))

    def anchors(self) -> list[bytes]:
        """The administrators' public key now, then every other one the rotations name, newest first.

        A slot's lock may be bound to any of them; :meth:`chain_holds_from` then decides whether the
        current key is reached from that one (a key missing from the chain is reported as a replaced
        key, not as a wrong password).
        """
        found = [self.admin_public_key]
        for step in reversed(self.admin_key_history):
            for key in (step.successor, step.previous):
                if key not in found:
                    found.append(key)
        return found

    def chain_holds_from(self, anchor: bytes) -> bool:
        """Whether the rotations lead from ``anchor`` to the current key, each signed by the key before."""
        current = anchor
        for step in self.admin_key_history:
            if step.previous != current:
                continue
            if not signature_valid(
                step.previous, _ADMIN_KEY_ROTATION_SIGNATURE, _rotation_message(self.vault_id, step), step.signature
            ):
                return False
            current = step.successor
        return current == self.admin_public_key

    def signed(self, data_key: bytes) -> KeyFile:
        """This key file with its MAC recomputed under ``data_key``."""
        return replace(self, mac=mac(_mac_key(data_key), canonical_json(_body(self))))

    def mac_valid(self, data_key: bytes) -> bool:
        return mac_matches(_mac_key(data_key), canonical_json(_body(self)), self.mac)


def slot_id_for(vault_id: str, user_name: str) -> str:
    """Where a user's slot is filed: a hash of vault id and normalized name, not the name itself."""
    text = f"safecase-user-slot:{vault_id}:{normalize_user_name(user_name)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def lock_binding(vault_id: str, slot_id: str, kind: str, admin_public_key: bytes) -> bytes:
    """Associated data of a slot's locked private key: this vault, this slot, these administrators.

    The administrators' public key is bound where only the slot's owner can write (the password lock;
    anyone can seal an envelope to a public key): a key file whose trust anchor was swapped opens for
    nobody who did not re-lock their own slot under the swapped one.
    """
    return canonical_json({"vault": vault_id, "slot": slot_id, "kind": kind, "admin": admin_public_key.hex()})


def part_binding(vault_id: str, slot_id: str, kind: str, part: str) -> bytes:
    """Associated data of one envelope of a slot."""
    return canonical_json({"vault": vault_id, "slot": slot_id, "kind": kind, "part": part})


def kind_of(slot_id: str) -> str:
    return KIND_RECOVERY if slot_id == RECOVERY_SLOT_ID else KIND_USER


def seal_part(vault_id: str, slot_id: str, public_key: bytes, part: str, key: bytes | None) -> bytes:
    """One envelope holding ``key``, or nothing (for ``data``: the account is disabled)."""
    content: dict[str, str] = {} if key is None else {"key": b64e(key)}
    plaintext = pad(canonical_json(content), PART_SIZE)
    return seal_to_public_key(public_key, plaintext, part_binding(vault_id, slot_id, kind_of(slot_id), part))


def open_part(vault_id: str, slot_id: str, private_key: bytes, envelope: bytes, part: str) -> bytes | None:
    """The key in one envelope, None when it holds nothing; CryptoError when it does not open."""
    plaintext = open_envelope(private_key, envelope, part_binding(vault_id, slot_id, kind_of(slot_id), part))
    try:
        content = json.loads(unpad(plaintext).decode("utf-8"))
        return None if "key" not in content else b64d(str(content["key"]))
    except (UnicodeDecodeError, ValueError, TypeError, AttributeError) as exc:
        raise CryptoError("bad envelope content") from exc


def seal_keys(
    vault_id: str,
    slot_id: str,
    public_key: bytes,
    *,
    data_key: bytes | None,
    admin_key: bytes | None,
    supervisor_key: bytes | None,
) -> SealedKeys:
    def part(name: str, key: bytes | None) -> bytes:
        return seal_part(vault_id, slot_id, public_key, name, key)

    return SealedKeys(
        data=part(PART_DATA, data_key),
        admin=part(PART_ADMIN, admin_key),
        supervisor=part(PART_SUPERVISOR, supervisor_key),
    )


def new_slot(
    vault_id: str,
    slot_id: str,
    admin_public_key: bytes,
    secret: str,
    params: Argon2Params,
    *,
    data_key: bytes | None,
    admin_key: bytes | None = None,
    supervisor_key: bytes | None = None,
) -> Slot:
    """A slot with a fresh key pair locked under ``secret`` (one Argon2id run) and its three envelopes."""
    return new_slot_unlocked(
        vault_id,
        slot_id,
        admin_public_key,
        secret,
        params,
        data_key=data_key,
        admin_key=admin_key,
        supervisor_key=supervisor_key,
    )[0]


def new_slot_unlocked(
    vault_id: str,
    slot_id: str,
    admin_public_key: bytes,
    secret: str,
    params: Argon2Params,
    *,
    data_key: bytes | None,
    admin_key: bytes | None = None,
    supervisor_key: bytes | None = None,
) -> tuple[Slot, UnlockedKey]:
    """:func:`new_slot`, and the slot's key as if just unlocked (for a session that starts with it)."""
    private_key, public_key = new_key_pair()
    salt = os.urandom(SALT_LENGTH)
    password_key = derive_key(secret, salt, params)
    binding = lock_binding(vault_id, slot_id, kind_of(slot_id), admin_public_key)
    locked = lock_private_key_with(password_key, salt, private_key, binding, params)
    sealed = seal_keys(
        vault_id, slot_id, public_key, data_key=data_key, admin_key=admin_key, supervisor_key=supervisor_key
    )
    return Slot(slot_id=slot_id, locked=locked, sealed_keys=sealed), UnlockedKey(private_key, 0, password_key)


def _random_envelope() -> bytes:
    return os.urandom(ENVELOPE_LENGTH)


def new_decoy(params: Argon2Params) -> Slot:
    """A slot of the same shape as a real one that no password opens and that holds nothing."""
    slot_id = os.urandom(16).hex()
    return Slot(
        slot_id=slot_id,
        locked=decoy_locked_key(params),
        sealed_keys=SealedKeys(_random_envelope(), _random_envelope(), _random_envelope()),
    )


def refresh_decoy(slot: Slot) -> Slot:
    """New random envelopes, so a re-key changes decoys as it changes real slots."""
    return replace(slot, sealed_keys=SealedKeys(_random_envelope(), _random_envelope(), _random_envelope()))


def _rotation_message(vault_id: str, step: AdminKeyRotation) -> bytes:
    return canonical_json({"vault": vault_id, "previous": b64e(step.previous), "successor": b64e(step.successor)})


def rotation(vault_id: str, previous_private: bytes, previous: bytes, successor: bytes) -> AdminKeyRotation:
    """A rotation of the administrators' key, signed with the key it replaces."""
    unsigned = AdminKeyRotation(previous=previous, successor=successor, signature=b"")
    signature = sign(previous_private, _ADMIN_KEY_ROTATION_SIGNATURE, _rotation_message(vault_id, unsigned))
    return replace(unsigned, signature=signature)


def _mac_key(data_key: bytes) -> bytes:
    return derive_subkey(data_key, KEYFILE_MAC)


def _kdf_to_json(params: Argon2Params) -> dict[str, Any]:
    return {"algorithm": "argon2id", **params.as_dict()}


def _kdf_from_json(data: dict[str, Any]) -> Argon2Params:
    if data.get("algorithm") != "argon2id":
        raise ValueError("unknown kdf")
    return Argon2Params.from_dict(data)


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    return {
        "kdf": _kdf_to_json(slot.locked.params),
        "salt": b64e(slot.locked.salt),
        "public_key": b64e(slot.locked.public_key),
        "sealed_private_key": b64e(slot.locked.sealed_private),
        "sealed_keys": {name: b64e(slot.sealed_keys.part(name)) for name in PARTS},
    }


def _slot_from_json(slot_id: str, data: dict[str, Any]) -> Slot:
    locked = LockedKey(
        params=_kdf_from_json(data["kdf"]),
        salt=b64d(data["salt"]),
        public_key=b64d(data["public_key"]),
        sealed_private=b64d(data["sealed_private_key"]),
    )
    if len(locked.salt) != SALT_LENGTH or len(locked.public_key) != 32:
        raise ValueError("bad slot")
    if len(locked.sealed_private) != LOCKED_PRIVATE_LENGTH:
        raise ValueError("bad slot")
    parts = data["sealed_keys"]
    if not isinstance(parts, dict) or set(parts) != set(PARTS):
        raise ValueError("bad slot")
    sealed = SealedKeys(**{name: b64d(parts[name]) for name in PARTS})
    if any(len(sealed.part(name)) != ENVELOPE_LENGTH for name in PARTS):
        raise ValueError("bad slot")
    return Slot(slot_id=slot_id, locked=locked, sealed_keys=sealed)


def _body(keyfile: KeyFile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": keyfile.vault_id,
        "generation": keyfile.generation,
        "admin_public_key": b64e(keyfile.admin_public_key),
        "admin_key_history": [
            {"previous": b64e(s.previous), "successor": b64e(s.successor), "signature": b64e(s.signature)}
            for s in keyfile.admin_key_history
        ],
        "kdf": _kdf_to_json(keyfile.kdf),
        "slots": [
            {"id": slot.slot_id, **_slot_to_json(slot)} for slot in sorted(keyfile.slots, key=lambda s: s.slot_id)
        ],
        "recovery": _slot_to_json(keyfile.recovery),
        "accounts": b64e(keyfile.accounts),
    }


def serialize(keyfile: KeyFile) -> bytes:
    document = {**_body(keyfile), "mac": keyfile.mac}
    document["checksum"] = hashlib.sha256(canonical_json(document)).hexdigest()
    return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def _damaged() -> VaultFormatError:
    return VaultFormatError(
        tr("The key file (keys.json) is damaged or was edited. Restore it from a backup; it was not changed.")
    )


def _from_document(document: dict[str, Any]) -> KeyFile:
    history = tuple(
        AdminKeyRotation(previous=b64d(s["previous"]), successor=b64d(s["successor"]), signature=b64d(s["signature"]))
        for s in document["admin_key_history"]
    )
    keyfile = KeyFile(
        vault_id=str(document["vault_id"]),
        generation=int(document["generation"]),
        admin_public_key=b64d(document["admin_public_key"]),
        admin_key_history=history,
        kdf=_kdf_from_json(document["kdf"]),
        slots=tuple(_slot_from_json(str(s["id"]), s) for s in document["slots"]),
        recovery=_slot_from_json(RECOVERY_SLOT_ID, document["recovery"]),
        accounts=b64d(document["accounts"]),
        mac=str(document["mac"]),
    )
    ids = [s.slot_id for s in keyfile.slots]
    if len(set(ids)) != len(ids) or RECOVERY_SLOT_ID in ids or len(keyfile.admin_public_key) != 32:
        raise ValueError("bad slots")
    if any(len(s.signature) != SIGNATURE_LENGTH for s in history):
        raise ValueError("bad history")
    return keyfile


def parse_any(raw: bytes) -> KeyFile | LegacyKeyFile:
    """Read a key file of this version or version 1, refusing anything damaged, unknown or newer."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, a number too long to read, nested too deep
        raise _damaged() from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _damaged()
    version = document.get("version")
    if isinstance(version, int) and version > VERSION:
        raise NewerVersionError(
            tr("This vault was written by a newer version of SafeCase. Update SafeCase to open it.")
        )
    checksum = document.pop("checksum", None)
    try:
        intact = checksum == hashlib.sha256(canonical_json(document)).hexdigest()
    except ValueError:  # a lone surrogate ("\udcff") has no UTF-8 form, so no checksum either
        intact = False
    if version not in (VERSION, LEGACY_VERSION) or not intact:
        raise _damaged()
    try:
        return _from_document(document) if version == VERSION else _legacy_from_document(document)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError, CryptoError):
        raise _damaged() from None


def needs_upgrade() -> VaultFormatError:
    return VaultFormatError(
        tr(
            "This vault's key file is from an older SafeCase. Ask an administrator to sign in once to "
            "upgrade it; nothing was changed."
        )
    )


def parse(raw: bytes) -> KeyFile:
    """:func:`parse_any`, refusing a version-1 file (which only an administrator's sign-in upgrades)."""
    keyfile = parse_any(raw)
    if isinstance(keyfile, LegacyKeyFile):
        raise needs_upgrade()
    return keyfile


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_KEYFILE_BYTES + 1)
    except FileNotFoundError:
        raise VaultNotFoundError(tr("No SafeCase vault was found at {path}.").format(path=path.parent)) from None
    if len(raw) > MAX_KEYFILE_BYTES:
        raise _damaged()
    return raw


def load_any(path: Path) -> KeyFile | LegacyKeyFile:
    return parse_any(_read(path))


def load(path: Path) -> KeyFile:
    return parse(_read(path))


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
        if not load_any(path).mac_valid(data_key):
            raise


def discard_next(path: Path) -> None:
    next_path(path).unlink(missing_ok=True)


# --- the signed account list --------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    """One person's entry; ``public_key`` is None for someone disabled before key file version 2."""

    slot_id: str
    name: str
    public_key: bytes | None
    roles: frozenset[Role]
    enabled: bool
    # The salt of the lock an administrator made with a password they chose (a new account, a reset, a
    # re-enable). While the slot is still locked under it, its owner has not chosen a password of their
    # own. Signed, so the owner cannot drop it; naming the salt, so it lapses when they lock the slot
    # under a new password (a new salt) without anyone signing the list again.
    admin_set_salt: bytes | None = None

    def password_set_by_admin(self, slot: Slot) -> bool:
        """Whether ``slot`` (this account's) is still locked under the password an administrator chose."""
        return self.admin_set_salt is not None and self.admin_set_salt == slot.locked.salt


@dataclass(frozen=True)
class Decoy:
    slot_id: str
    public_key: bytes


@dataclass(frozen=True)
class AccountList:
    """What the administrators signed: who may open the vault, with which roles, through which slot."""

    vault_id: str
    generation: int
    admin_public_key: bytes
    supervisor_public_key: bytes
    recovery_public_key: bytes
    kdf: Argon2Params
    accounts: tuple[Account, ...]
    decoys: tuple[Decoy, ...]
    # A disabled account's old data key is not replaced yet (a re-key failed half-way).
    rekey_due: bool = False
    # The latest audit checkpoint the administrators carried into the list (None in lists signed before
    # checkpoints existed): a copy of it that the data key alone cannot forge or drop.
    checkpoint: Checkpoint | None = None

    def account(self, slot_id: str) -> Account | None:
        return next((a for a in self.accounts if a.slot_id == slot_id), None)

    def describes(self, keyfile: KeyFile) -> bool:
        """Whether this list was signed for ``keyfile`` as it stands: same vault, generation, key and cost.

        An older list put back (or one from another vault) fails this even though its signature holds.
        """
        return (
            self.vault_id == keyfile.vault_id
            and self.generation == keyfile.generation
            and self.admin_public_key == keyfile.admin_public_key
            and self.kdf == keyfile.kdf
        )

    def decoy(self, slot_id: str) -> Decoy | None:
        return next((d for d in self.decoys if d.slot_id == slot_id), None)

    def with_account(self, account: Account) -> AccountList:
        others = tuple(a for a in self.accounts if a.slot_id != account.slot_id)
        return replace(self, accounts=(*others, account))

    def holders(self, role: Role) -> list[Account]:
        """Enabled accounts with ``role``."""
        return [a for a in self.accounts if a.enabled and role in a.roles]

    def body(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "generation": self.generation,
            "admin_public_key": b64e(self.admin_public_key),
            "supervisor_public_key": b64e(self.supervisor_public_key),
            "recovery_public_key": b64e(self.recovery_public_key),
            "recovery_fingerprint": recovery_fingerprint(self.recovery_public_key),
            "kdf": _kdf_to_json(self.kdf),
            "accounts": [
                {
                    "slot_id": a.slot_id,
                    "name": a.name,
                    "public_key": None if a.public_key is None else b64e(a.public_key),
                    "roles": sorted_roles(a.roles),
                    "enabled": a.enabled,
                    # Only when present, so lists signed before the mark existed keep their signed bytes.
                    **({} if a.admin_set_salt is None else {"admin_set_salt": b64e(a.admin_set_salt)}),
                }
                for a in sorted(self.accounts, key=lambda a: a.slot_id)
            ],
            "decoys": [
                {"slot_id": d.slot_id, "public_key": b64e(d.public_key)}
                for d in sorted(self.decoys, key=lambda d: d.slot_id)
            ],
            "rekey_due": self.rekey_due,
            # Only when present, so a list signed before checkpoints existed keeps its signed bytes.
            **({} if self.checkpoint is None else {"checkpoint": checkpoint_to_json(self.checkpoint)}),
        }

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> AccountList:
        accounts = cls(
            vault_id=str(body["vault_id"]),
            generation=int(body["generation"]),
            admin_public_key=b64d(body["admin_public_key"]),
            supervisor_public_key=b64d(body["supervisor_public_key"]),
            recovery_public_key=b64d(body["recovery_public_key"]),
            kdf=_kdf_from_json(body["kdf"]),
            accounts=tuple(
                Account(
                    slot_id=str(a["slot_id"]),
                    name=str(a["name"]),
                    public_key=None if a["public_key"] is None else b64d(a["public_key"]),
                    roles=parse_roles(a["roles"]),
                    enabled=bool(a["enabled"]),
                    admin_set_salt=None if a.get("admin_set_salt") is None else b64d(a["admin_set_salt"]),
                )
                for a in body["accounts"]
            ),
            decoys=tuple(Decoy(str(d["slot_id"]), b64d(d["public_key"])) for d in body["decoys"]),
            rekey_due=bool(body["rekey_due"]),
            checkpoint=None if body.get("checkpoint") is None else checkpoint_from_json(body["checkpoint"]),
        )
        if body["recovery_fingerprint"] != recovery_fingerprint(accounts.recovery_public_key):
            raise ValueError("bad fingerprint")
        return accounts


def checkpoint_to_json(checkpoint: Checkpoint) -> dict[str, Any]:
    return {
        "seq": checkpoint.head.seq,
        "hash": checkpoint.head.hash,
        "at": checkpoint.at,
        "reason": checkpoint.reason,
        "signer": b64e(checkpoint.signer),
        "signature": b64e(checkpoint.signature),
    }


def checkpoint_from_json(data: dict[str, Any]) -> Checkpoint:
    return Checkpoint(
        head=AuditHead(int(data["seq"]), str(data["hash"])),
        at=str(data["at"]),
        reason=str(data["reason"]),
        signer=b64d(data["signer"]),
        signature=b64d(data["signature"]),
    )


@dataclass(frozen=True)
class SignedAccounts:
    """The account list, its signature, and one unsigned hint.

    ``waiting`` names slots that should receive the supervisors' key from the next person who holds
    it. It is only a hint (anyone with the data key can edit it): the key is sealed only to slots the
    signed list names as enabled supervisors, or to the recovery slot it names.
    """

    accounts: AccountList
    signature: bytes
    waiting: frozenset[str] = frozenset()

    def signature_holds(self, admin_public_key: bytes) -> bool:
        message = canonical_json(self.accounts.body())
        return signature_valid(admin_public_key, _ACCOUNT_LIST_SIGNATURE, message, self.signature)

    def with_waiting(self, waiting: Iterable[str]) -> SignedAccounts:
        return replace(self, waiting=frozenset(waiting))


def sign_accounts(accounts: AccountList, admin_key: bytes, waiting: Iterable[str] = ()) -> SignedAccounts:
    signature = sign(admin_key, _ACCOUNT_LIST_SIGNATURE, canonical_json(accounts.body()))
    return SignedAccounts(accounts=accounts, signature=signature, waiting=frozenset(waiting))


def _accounts_key(data_key: bytes) -> bytes:
    return derive_subkey(data_key, ACCOUNT_LIST_ENCRYPTION)


def _accounts_aad(vault_id: str) -> bytes:
    return canonical_json({"vault": vault_id, "purpose": "accounts"})


def seal_accounts(signed: SignedAccounts, data_key: bytes) -> bytes:
    plaintext = canonical_json(
        {
            "list": signed.accounts.body(),
            "signature": b64e(signed.signature),
            "waiting": sorted(signed.waiting),
        }
    )
    return aead.seal(_accounts_key(data_key), plaintext, _accounts_aad(signed.accounts.vault_id))


def open_accounts(keyfile: KeyFile, data_key: bytes) -> SignedAccounts:
    """Decrypt the account list (not yet checking its signature); CryptoError when it does not open."""
    plaintext = aead.open_sealed(_accounts_key(data_key), keyfile.accounts, _accounts_aad(keyfile.vault_id))
    try:
        document = json.loads(plaintext.decode("utf-8"))
        return SignedAccounts(
            accounts=AccountList.from_body(document["list"]),
            signature=b64d(document["signature"]),
            waiting=frozenset(str(x) for x in document["waiting"]),
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CryptoError("bad account list") from exc


def with_accounts(keyfile: KeyFile, signed: SignedAccounts, data_key: bytes) -> KeyFile:
    """``keyfile`` carrying ``signed`` (sealed under ``data_key``) and its MAC recomputed."""
    return replace(keyfile, accounts=seal_accounts(signed, data_key)).signed(data_key)


def pad_with_decoys(keyfile: KeyFile, accounts: AccountList) -> tuple[KeyFile, AccountList]:
    """Add or drop decoys so the slot list is a multiple of :data:`SLOT_MULTIPLE` long.

    Account slots (listed accounts whose slot is in the file) are counted; everything else in the
    file that is not a listed decoy is left alone here (verify names it, a re-key drops it).
    """
    real = sum(1 for slot in keyfile.slots if accounts.account(slot.slot_id) is not None)
    wanted = -real % SLOT_MULTIPLE
    kept = [d for d in accounts.decoys if keyfile.find(d.slot_id) is not None][:wanted]
    dropped = {d.slot_id for d in accounts.decoys} - {d.slot_id for d in kept}
    slots = [slot for slot in keyfile.slots if slot.slot_id not in dropped]
    while len(kept) < wanted:
        decoy = new_decoy(keyfile.kdf)
        slots.append(decoy)
        kept.append(Decoy(decoy.slot_id, decoy.public_key))
    return replace(keyfile, slots=tuple(slots)), replace(accounts, decoys=tuple(kept))


# --- version 1, read to upgrade -----------------------------------------------------------------------


@dataclass(frozen=True)
class LegacyUserSlot:
    slot_id: str
    roles: frozenset[Role]
    sealed: SealedSlot


@dataclass(frozen=True)
class LegacyKeyFile:
    """A version-1 key file: roles readable in every slot, an HMAC under the data key as its only guard."""

    vault_id: str
    generation: int
    user_slots: tuple[LegacyUserSlot, ...]
    recovery: SealedSlot
    disabled: frozenset[str] = frozenset()
    mac: str = ""

    def find(self, slot_id: str) -> LegacyUserSlot | None:
        return next((slot for slot in self.user_slots if slot.slot_id == slot_id), None)

    def mac_valid(self, data_key: bytes) -> bool:
        return mac_matches(_mac_key(data_key), canonical_json(_legacy_body(self)), self.mac)


def legacy_user_binding(vault_id: str, slot_id: str, roles: frozenset[Role]) -> bytes:
    """Version 1: vault, user and roles as the associated data of both seals of a slot."""
    return canonical_json({"vault": vault_id, "slot": slot_id, "kind": "user", "roles": sorted_roles(roles)})


def legacy_recovery_binding(vault_id: str) -> bytes:
    return canonical_json({"vault": vault_id, "slot": "recovery", "kind": "recovery"})


def legacy_role_sets() -> list[frozenset[Role]]:
    """Every non-empty set of roles, to open a version-1 lock without keeping its roles readable."""
    roles = list(Role)
    return [frozenset(r for i, r in enumerate(roles) if mask >> i & 1) for mask in range(1, 2 ** len(roles))]


def _legacy_sealed_to_json(sealed: SealedSlot) -> dict[str, Any]:
    return {
        "kdf": _kdf_to_json(sealed.params),
        "salt": b64e(sealed.salt),
        "public_key": b64e(sealed.public_key),
        "sealed_private_key": b64e(sealed.sealed_private),
        "sealed_data_key": b64e(sealed.envelope),
    }


def _legacy_sealed_from_json(data: dict[str, Any]) -> SealedSlot:
    return SealedSlot(
        params=_kdf_from_json(data["kdf"]),
        salt=b64d(data["salt"]),
        public_key=b64d(data["public_key"]),
        sealed_private=b64d(data["sealed_private_key"]),
        envelope=b64d(data["sealed_data_key"]),
    )


def _legacy_body(keyfile: LegacyKeyFile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": LEGACY_VERSION,
        "vault_id": keyfile.vault_id,
        "generation": keyfile.generation,
        "slots": [
            {"id": slot.slot_id, "roles": sorted_roles(slot.roles), **_legacy_sealed_to_json(slot.sealed)}
            for slot in sorted(keyfile.user_slots, key=lambda s: s.slot_id)
        ],
        "recovery": _legacy_sealed_to_json(keyfile.recovery),
        "disabled": sorted(keyfile.disabled),
    }


def _legacy_from_document(document: dict[str, Any]) -> LegacyKeyFile:
    keyfile = LegacyKeyFile(
        vault_id=str(document["vault_id"]),
        generation=int(document["generation"]),
        user_slots=tuple(
            LegacyUserSlot(slot_id=str(s["id"]), roles=parse_roles(s["roles"]), sealed=_legacy_sealed_from_json(s))
            for s in document["slots"]
        ),
        recovery=_legacy_sealed_from_json(document["recovery"]),
        disabled=frozenset(str(x) for x in document["disabled"]),
        mac=str(document["mac"]),
    )
    if len({s.slot_id for s in keyfile.user_slots}) != len(keyfile.user_slots):
        raise ValueError("duplicate slots")
    return keyfile
