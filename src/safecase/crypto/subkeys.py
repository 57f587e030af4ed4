"""Purpose-bound keys derived from the data key with HKDF-SHA256, and MACs made with them."""

from __future__ import annotations

import hashlib
import hmac

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEYFILE_MAC = b"safecase/keyfile-mac/v1"
BACKUP_MANIFEST_MAC = b"safecase/backup-manifest-mac/v1"
BLOB_ENCRYPTION = b"safecase/blob-encryption/v1"
ACCOUNT_LIST_ENCRYPTION = b"safecase/account-list-encryption/v1"


def derive_subkey(data_key: bytes, purpose: bytes, salt: bytes | None = None) -> bytes:
    """A 256-bit key for one purpose, so no key is ever used for two things."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(data_key)


def mac(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def mac_matches(key: bytes, message: bytes, expected: str) -> bool:
    return hmac.compare_digest(mac(key, message), expected)
