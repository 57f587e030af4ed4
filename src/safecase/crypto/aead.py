"""AES-256-GCM with a random 96-bit nonce stored in front of the ciphertext."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from safecase.crypto.errors import CryptoError

NONCE_LENGTH = 12


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    """nonce || ciphertext+tag. ``associated_data`` is authenticated, not stored."""
    nonce = os.urandom(NONCE_LENGTH)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data)


def open_sealed(key: bytes, sealed: bytes, associated_data: bytes) -> bytes:
    """Reverse of :func:`seal`; raises CryptoError when the key, data or associated data differ."""
    if len(sealed) < NONCE_LENGTH + 16:
        raise CryptoError("sealed data too short")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_LENGTH], sealed[NONCE_LENGTH:], associated_data)
    except InvalidTag as exc:
        raise CryptoError("authentication failed") from exc
