"""Sign-in names: how they compare and which are allowed.

Apart from :mod:`safecase.domain.users` (the account record) because the first screen (sign-in and
create-vault) checks names before any account is read, and so need not create the record classes.
"""

from __future__ import annotations

import unicodedata

MAX_USER_NAME_LENGTH = 64


def normalize_user_name(name: str) -> str:
    """Sign-in names compare case-insensitively after NFKC, with outer spaces dropped."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def is_valid_user_name(name: str) -> bool:
    """A sign-in name is 1–64 printable characters without spaces or control characters."""
    normalized = normalize_user_name(name)
    if not normalized or len(normalized) > MAX_USER_NAME_LENGTH:
        return False
    return all(ch.isprintable() and not ch.isspace() for ch in normalized)
