"""The recovery key: 200 random bits shown once as eight groups of five characters.

Crockford's base32 alphabet (no I, L, O, U) keeps it easy to copy onto paper and read back; parsing
ignores case, spaces and dashes and maps the look-alikes O→0 and I/L→1.
"""

from __future__ import annotations

import base64
import hashlib
import os

from safecase.crypto.errors import CryptoError

RECOVERY_BYTES = 25
_STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TO_CROCKFORD = str.maketrans(_STANDARD, _CROCKFORD)
_FROM_CROCKFORD = str.maketrans(_CROCKFORD, _STANDARD)
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
GROUP = 5
_FINGERPRINT_DOMAIN = b"safecase/recovery-key-fingerprint/v1\0"


def generate_recovery_key() -> str:
    """A new recovery key, formatted for a person: ``XXXXX-XXXXX-…`` (eight groups)."""
    return format_recovery_key(os.urandom(RECOVERY_BYTES))


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=").translate(_TO_CROCKFORD)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def normalize_recovery_key(text: str) -> str:
    """The canonical form used for key derivation; raises CryptoError when it cannot be a recovery key."""
    compact = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_LOOKALIKES)
    if len(compact) != RECOVERY_BYTES * 8 // 5 or any(ch not in _CROCKFORD for ch in compact):
        raise CryptoError("not a recovery key")
    raw = base64.b32decode(compact.translate(_FROM_CROCKFORD))
    return format_recovery_key(raw)


def recovery_fingerprint(public_key: bytes) -> str:
    """A short name for a recovery slot, ``ABCD-EF01-2345-6789``, to write beside the key on paper.

    SHA-256 (with a domain prefix) of the slot's public key, 64 bits as four groups of four hex digits:
    enough to tell which paper key a vault expects, not a secret (anyone with keys.json can compute it).
    """
    digest = hashlib.sha256(_FINGERPRINT_DOMAIN + public_key).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))
