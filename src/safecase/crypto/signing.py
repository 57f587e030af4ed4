"""Ed25519 signatures (RFC 8032) via `cryptography`, each bound to a purpose.

The purpose is signed in front of the message, so a signature made for one thing (the account list)
can never be passed off as one for another (an administrators' key rotation).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from safecase.crypto.errors import CryptoError

SIGNATURE_LENGTH = 64
_RAW = serialization.Encoding.Raw


def new_signing_key() -> bytes:
    """A fresh Ed25519 private key, raw (32 bytes)."""
    return Ed25519PrivateKey.generate().private_bytes(
        _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _private(private_key: bytes) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(private_key)
    except ValueError as exc:
        raise CryptoError("bad signing key") from exc


def verifying_key_of(private_key: bytes) -> bytes:
    """The raw Ed25519 public key of a raw private key."""
    return _private(private_key).public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def _signed_bytes(purpose: bytes, message: bytes) -> bytes:
    return purpose + b"\0" + message


def sign(private_key: bytes, purpose: bytes, message: bytes) -> bytes:
    return _private(private_key).sign(_signed_bytes(purpose, message))


def signature_valid(public_key: bytes, purpose: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the holder of ``public_key``'s, for this purpose and message."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, _signed_bytes(purpose, message))
    except (InvalidSignature, ValueError):
        return False
    return True
