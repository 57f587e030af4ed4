"""SHA-256 hash chain for the audit log.

Each row's hash covers its own canonical encoding and the previous row's hash, so editing, deleting or
re-ordering any row breaks every link after it; the first broken link names the tampered row.
"""

from __future__ import annotations

import hashlib
from typing import Any

from safecase.crypto.encoding import canonical_json

GENESIS = "0" * 64


def link_hash(prev_hash: str, record: dict[str, Any]) -> str:
    """Hash of one row given the previous row's hash."""
    return hashlib.sha256(canonical_json({"prev": prev_hash, "row": record})).hexdigest()
