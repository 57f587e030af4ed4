"""Key slots: one per person (and one for the recovery key), each able to recover the data key.

A slot holds an X25519 key pair. The private key is sealed with AES-256-GCM under a key derived from
the person's password with Argon2id; the data key is sealed to the public key (X25519 + HKDF-SHA256 +
AES-256-GCM, the construction of age and HPKE's base mode). Both seals bind ``binding`` (vault id, user,
roles) as associated data, so a slot cannot be moved to another vault or user or have its roles edited.

Why a key pair rather than sealing the data key directly under the password key: when a user is
disabled the database is re-keyed and the new data key must reach every *remaining* slot without
knowing those people's passwords. Sealing to public keys allows exactly that, while nothing the
disabled user knew (old data key, old key file) opens the new one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safecase.crypto.aead import open_sealed, seal
from safecase.crypto.encoding import canonical_json
from safecase.crypto.errors import CryptoError
from safecase.crypto.kdf import SALT_LENGTH, Argon2Params, derive_key

DATA_KEY_LENGTH = 32
_ENVELOPE_INFO = b"safecase/slot-envelope/v1"
_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw


@dataclass(frozen=True)
class SealedSlot:
    params: Argon2Params
    salt: bytes
    public_key: bytes
    sealed_private: bytes
    envelope: bytes


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_LENGTH)


def _private_aad(binding: bytes, public_key: bytes, params: Argon2Params, salt: bytes) -> bytes:
    return canonical_json(
        {"binding": binding.hex(), "public": public_key.hex(), "kdf": params.as_dict(), "salt": salt.hex()}
    )


def _envelope_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=_ENVELOPE_INFO
    ).derive(shared)


def seal_to_public_key(public_key: bytes, data_key: bytes, binding: bytes) -> bytes:
    """ephemeral public key (32) || AES-GCM sealed data key."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    key = _envelope_key(shared, ephemeral_public, public_key)
    return ephemeral_public + seal(key, data_key, binding)


def _open_envelope(private: X25519PrivateKey, envelope: bytes, binding: bytes) -> bytes:
    if len(envelope) < 32:
        raise CryptoError("envelope too short")
    ephemeral_public, sealed = envelope[:32], envelope[32:]
    public_key = private.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:
        raise CryptoError("bad envelope") from exc
    data_key = open_sealed(_envelope_key(shared, ephemeral_public, public_key), sealed, binding)
    if len(data_key) != DATA_KEY_LENGTH:
        raise CryptoError("bad data key length")
    return data_key


def create_slot(secret: str, data_key: bytes, binding: bytes, params: Argon2Params) -> SealedSlot:
    """A new slot for ``secret`` (password or normalized recovery key) that yields ``data_key``."""
    private = X25519PrivateKey.generate()
    public_key = private.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    salt = os.urandom(SALT_LENGTH)
    password_key = derive_key(secret, salt, params)
    private_raw = private.private_bytes(_RAW, _RAW_PRIVATE, serialization.NoEncryption())
    sealed_private = seal(password_key, private_raw, _private_aad(binding, public_key, params, salt))
    return SealedSlot(
        params=params,
        salt=salt,
        public_key=public_key,
        sealed_private=sealed_private,
        envelope=seal_to_public_key(public_key, data_key, binding),
    )


def open_slot(slot: SealedSlot, secret: str, binding: bytes) -> bytes:
    """The data key, or CryptoError for a wrong secret or a slot that was edited or moved."""
    password_key = derive_key(secret, slot.salt, slot.params)
    private_raw = open_sealed(
        password_key, slot.sealed_private, _private_aad(binding, slot.public_key, slot.params, slot.salt)
    )
    try:
        private = X25519PrivateKey.from_private_bytes(private_raw)
    except ValueError as exc:
        raise CryptoError("bad private key") from exc
    if private.public_key().public_bytes(_RAW, _RAW_PUBLIC) != slot.public_key:
        raise CryptoError("public key does not match")
    return _open_envelope(private, slot.envelope, binding)


def rewrap_slot(slot: SealedSlot, data_key: bytes, binding: bytes) -> SealedSlot:
    """The same slot (same password) now yielding a new ``data_key``; needs no password."""
    return SealedSlot(
        params=slot.params,
        salt=slot.salt,
        public_key=slot.public_key,
        sealed_private=slot.sealed_private,
        envelope=seal_to_public_key(slot.public_key, data_key, binding),
    )
