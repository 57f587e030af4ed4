"""Key slots: one per person (and one for the recovery key), each able to recover the vault's keys.

A slot holds an X25519 key pair. The private key is sealed ("locked") with AES-256-GCM under a key
derived from the person's password with Argon2id; what the slot grants is sealed to the public key
(X25519 + HKDF-SHA256 + AES-256-GCM, the construction of age and HPKE's base mode). Every seal binds
``binding`` (which vault, which slot, ...) as associated data, so a slot cannot be moved elsewhere.

Why a key pair rather than sealing the data key directly under the password key: when a user is
disabled the database is re-keyed and the new data key must reach every *remaining* slot without
knowing those people's passwords. Sealing to public keys allows exactly that, while nothing the
disabled user knew (old data key, old key file) opens the new one. The flip side, which the key file
format relies on knowing: *anyone* who has a slot's public key can seal something to it, so what a
slot receives proves nothing about who sealed it. Only the password lock is the owner's own work.

:func:`create_slot`, :func:`open_slot` and :func:`rewrap_slot` are the version-1 slot (the data key
alone in the envelope), kept to read and upgrade key files written before version 2.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safecase.crypto.aead import NONCE_LENGTH, open_sealed, seal
from safecase.crypto.encoding import canonical_json
from safecase.crypto.errors import CryptoError
from safecase.crypto.kdf import SALT_LENGTH, Argon2Params, derive_key

DATA_KEY_LENGTH = 32
PRIVATE_KEY_LENGTH = 32
_TAG_LENGTH = 16
# nonce || AES-GCM(private key) || tag: the length of every locked private key.
LOCKED_PRIVATE_LENGTH = NONCE_LENGTH + PRIVATE_KEY_LENGTH + _TAG_LENGTH
_ENVELOPE_INFO = b"safecase/slot-envelope/v1"
_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw


@dataclass(frozen=True)
class LockedKey:
    """An X25519 key pair whose private half is sealed under a password-derived key."""

    params: Argon2Params
    salt: bytes
    public_key: bytes
    sealed_private: bytes


@dataclass(frozen=True)
class UnlockedKey:
    """What a password opened: the private key, which binding it was sealed under, and the password key.

    ``password_key`` lets the caller re-lock the same private key under another binding without a
    second Argon2id run (the owner's password is known at that moment).
    """

    private_key: bytes
    binding_index: int
    password_key: bytes


@dataclass(frozen=True)
class SealedSlot:
    """A version-1 slot: a locked key pair and the data key sealed to it."""

    params: Argon2Params
    salt: bytes
    public_key: bytes
    sealed_private: bytes
    envelope: bytes

    @property
    def locked(self) -> LockedKey:
        return LockedKey(self.params, self.salt, self.public_key, self.sealed_private)


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_LENGTH)


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw bytes: (private, public)."""
    private = X25519PrivateKey.generate()
    return (
        private.private_bytes(_RAW, _RAW_PRIVATE, serialization.NoEncryption()),
        private.public_key().public_bytes(_RAW, _RAW_PUBLIC),
    )


def public_key_of(private_key: bytes) -> bytes:
    """The X25519 public key of a raw private key; CryptoError when it is not one."""
    try:
        private = X25519PrivateKey.from_private_bytes(private_key)
    except ValueError as exc:
        raise CryptoError("bad private key") from exc
    return private.public_key().public_bytes(_RAW, _RAW_PUBLIC)


def _private_aad(binding: bytes, public_key: bytes, params: Argon2Params, salt: bytes) -> bytes:
    return canonical_json(
        {"binding": binding.hex(), "public": public_key.hex(), "kdf": params.as_dict(), "salt": salt.hex()}
    )


def lock_private_key_with(
    password_key: bytes, salt: bytes, private_key: bytes, binding: bytes, params: Argon2Params
) -> LockedKey:
    """Seal ``private_key`` under an already derived ``password_key`` (same password, same salt)."""
    public_key = public_key_of(private_key)
    sealed_private = seal(password_key, private_key, _private_aad(binding, public_key, params, salt))
    return LockedKey(params=params, salt=salt, public_key=public_key, sealed_private=sealed_private)


def lock_private_key(secret: str, private_key: bytes, binding: bytes, params: Argon2Params) -> LockedKey:
    """Seal ``private_key`` under ``secret`` (password or normalized recovery key) with a fresh salt."""
    salt = os.urandom(SALT_LENGTH)
    return lock_private_key_with(derive_key(secret, salt, params), salt, private_key, binding, params)


def unlock_private_key(locked: LockedKey, secret: str, bindings: Sequence[bytes]) -> UnlockedKey:
    """The private key, trying each of ``bindings`` in turn (one Argon2id run whatever their number).

    CryptoError for a wrong secret, a binding not among ``bindings`` or a slot that was edited.
    """
    return unlock_with_key(locked, derive_key(secret, locked.salt, locked.params), bindings)


def unlock_with_key(locked: LockedKey, password_key: bytes, bindings: Sequence[bytes]) -> UnlockedKey:
    """:func:`unlock_private_key` with the password key already derived (no Argon2id run)."""
    for index, binding in enumerate(bindings):
        aad = _private_aad(binding, locked.public_key, locked.params, locked.salt)
        try:
            private_key = open_sealed(password_key, locked.sealed_private, aad)
        except CryptoError:
            continue
        if public_key_of(private_key) != locked.public_key:
            raise CryptoError("public key does not match")
        return UnlockedKey(private_key=private_key, binding_index=index, password_key=password_key)
    raise CryptoError("authentication failed")


def relock(secret: str, unlocked: UnlockedKey, binding: bytes, params: Argon2Params) -> tuple[LockedKey, UnlockedKey]:
    """Lock an unlocked private key afresh (new salt, ``params``); returns the lock and its new unlocked form."""
    salt = os.urandom(SALT_LENGTH)
    password_key = derive_key(secret, salt, params)
    locked = lock_private_key_with(password_key, salt, unlocked.private_key, binding, params)
    return locked, UnlockedKey(private_key=unlocked.private_key, binding_index=0, password_key=password_key)


def decoy_locked_key(params: Argon2Params) -> LockedKey:
    """Something shaped like a locked key that no password opens (random bytes look like AES-GCM output)."""
    _, public_key = new_key_pair()
    return LockedKey(
        params=params,
        salt=os.urandom(SALT_LENGTH),
        public_key=public_key,
        sealed_private=os.urandom(LOCKED_PRIVATE_LENGTH),
    )


def _envelope_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=_ENVELOPE_INFO
    ).derive(shared)


def seal_to_public_key(public_key: bytes, plaintext: bytes, binding: bytes) -> bytes:
    """ephemeral public key (32) || AES-GCM sealed ``plaintext``. Needs no secret of the recipient's."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    except ValueError as exc:
        raise CryptoError("bad public key") from exc
    key = _envelope_key(shared, ephemeral_public, public_key)
    return ephemeral_public + seal(key, plaintext, binding)


def open_envelope(private_key: bytes, envelope: bytes, binding: bytes) -> bytes:
    """Reverse of :func:`seal_to_public_key`; CryptoError when the key, envelope or binding differ."""
    if len(envelope) < 32:
        raise CryptoError("envelope too short")
    ephemeral_public, sealed = envelope[:32], envelope[32:]
    try:
        private = X25519PrivateKey.from_private_bytes(private_key)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:
        raise CryptoError("bad envelope") from exc
    public_key = private.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    return open_sealed(_envelope_key(shared, ephemeral_public, public_key), sealed, binding)


# --- version-1 slots ----------------------------------------------------------------------------------


def create_slot(secret: str, data_key: bytes, binding: bytes, params: Argon2Params) -> SealedSlot:
    """A new version-1 slot for ``secret`` that yields ``data_key``."""
    private_key, _ = new_key_pair()
    locked = lock_private_key(secret, private_key, binding, params)
    return SealedSlot(
        params=params,
        salt=locked.salt,
        public_key=locked.public_key,
        sealed_private=locked.sealed_private,
        envelope=seal_to_public_key(locked.public_key, data_key, binding),
    )


def open_slot(slot: SealedSlot, secret: str, binding: bytes) -> bytes:
    """The data key of a version-1 slot, or CryptoError for a wrong secret or an edited or moved slot."""
    unlocked = unlock_private_key(slot.locked, secret, [binding])
    data_key = open_envelope(unlocked.private_key, slot.envelope, binding)
    if len(data_key) != DATA_KEY_LENGTH:
        raise CryptoError("bad data key length")
    return data_key


def rewrap_slot(slot: SealedSlot, data_key: bytes, binding: bytes) -> SealedSlot:
    """The same version-1 slot (same password) now yielding a new ``data_key``; needs no password."""
    return SealedSlot(
        params=slot.params,
        salt=slot.salt,
        public_key=slot.public_key,
        sealed_private=slot.sealed_private,
        envelope=seal_to_public_key(slot.public_key, data_key, binding),
    )
