"""Each case's own key, sealed to the people who may open the case, and what it encrypts.

A case key is 32 random bytes. It is sealed (X25519 + AES-256-GCM, :func:`seal_to_public_key`) to the
key-slot public key of each person who may open the case, with vault id, case id and holder as
associated data, so an envelope moved to another case or holder does not open. The identity (real name
and phone) is AES-256-GCM under the case key, bound to vault id and case id the same way, and so is the
key of each evidence file (:mod:`safecase.crypto.blobs`), bound to vault id, case id and blob id: a
wrapped key moved to another case or item does not open.

Repeat-caller matching needs to compare phone numbers across cases without decrypting them: a keyed
hash (HMAC-SHA256) of the normalized number under a random key the whole vault shares, cut to
:data:`PHONE_MATCH_BITS` bits. Whoever holds the data key also holds that key, and a Korean mobile
number has only 10^8 possible values, so a full hash would give every number away to a search of
minutes. Cut to 20 bits, each stored value fits about a hundred mobile numbers: a search narrows a
number down to those, never to one. The price is a rare false match (about one lookup in ten at
100,000 cases with numbers), which the counselor sees as a possible repeat caller and checks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os

from safecase.crypto.aead import open_sealed, seal
from safecase.crypto.blobs import BLOB_KEY_LENGTH
from safecase.crypto.errors import CryptoError
from safecase.crypto.keyslots import open_envelope, seal_to_public_key

CASE_KEY_LENGTH = 32
PHONE_MATCH_KEY_LENGTH = 32
PHONE_MATCH_BITS = 20

_SEAL_BINDING = b"safecase/case-key/v1"
_IDENTITY_BINDING = b"safecase/case-identity/v1"
_EVIDENCE_KEY_BINDING = b"safecase/evidence-key/v1"


def new_case_key() -> bytes:
    return os.urandom(CASE_KEY_LENGTH)


def new_phone_match_key() -> bytes:
    return os.urandom(PHONE_MATCH_KEY_LENGTH)


def _binding(purpose: bytes, vault_id: str, case_id: int, subject: str = "") -> bytes:
    """What an envelope or ciphertext is bound to: its purpose, vault, case and holder or blob."""
    return b"\x00".join((purpose, vault_id.encode(), str(case_id).encode(), subject.encode()))


def seal_case_key(vault_id: str, case_id: int, holder: str, public_key: bytes, case_key: bytes) -> bytes:
    """An envelope only ``holder``'s private key opens, and only for this case."""
    return seal_to_public_key(public_key, case_key, _binding(_SEAL_BINDING, vault_id, case_id, holder))


def open_case_key(vault_id: str, case_id: int, holder: str, private_key: bytes, envelope: bytes) -> bytes:
    """The case key from ``holder``'s envelope; CryptoError for another key, case, holder or an edit."""
    case_key = open_envelope(private_key, envelope, _binding(_SEAL_BINDING, vault_id, case_id, holder))
    if len(case_key) != CASE_KEY_LENGTH:
        raise CryptoError("bad case key length")
    return case_key


def encrypt_identity(vault_id: str, case_id: int, case_key: bytes, real_name: str, phone: str) -> bytes:
    plaintext = json.dumps({"real_name": real_name, "phone": phone}, ensure_ascii=False).encode()
    return seal(case_key, plaintext, _binding(_IDENTITY_BINDING, vault_id, case_id))


def decrypt_identity(vault_id: str, case_id: int, case_key: bytes, sealed: bytes) -> tuple[str, str]:
    """(real name, phone); CryptoError when the key or case differ or the bytes were changed."""
    plaintext = open_sealed(case_key, sealed, _binding(_IDENTITY_BINDING, vault_id, case_id))
    try:
        values = json.loads(plaintext)
        return str(values["real_name"]), str(values["phone"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CryptoError("bad identity") from exc


def wrap_evidence_key(vault_id: str, case_id: int, blob_id: str, case_key: bytes, blob_key: bytes) -> bytes:
    """An evidence file's own key, encrypted under its case's key."""
    return seal(case_key, blob_key, _binding(_EVIDENCE_KEY_BINDING, vault_id, case_id, blob_id))


def unwrap_evidence_key(vault_id: str, case_id: int, blob_id: str, case_key: bytes, wrapped: bytes) -> bytes:
    """The evidence file's key; CryptoError for another case key, case or blob, or an edit."""
    blob_key = open_sealed(case_key, wrapped, _binding(_EVIDENCE_KEY_BINDING, vault_id, case_id, blob_id))
    if len(blob_key) != BLOB_KEY_LENGTH:
        raise CryptoError("bad evidence key length")
    return blob_key


def phone_match(match_key: bytes, digits: str) -> str:
    """The keyed hash that repeat-caller matching compares; empty for no number."""
    if not digits:
        return ""
    digest = hmac.new(match_key, b"safecase/phone-match/v1\x00" + digits.encode(), hashlib.sha256).digest()
    return format(int.from_bytes(digest[:4], "big") >> (32 - PHONE_MATCH_BITS), "05x")
