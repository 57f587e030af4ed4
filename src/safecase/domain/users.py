"""User accounts as the rest of SafeCase sees them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from safecase.domain.roles import Role

if TYPE_CHECKING:
    # Annotations only (no import of datetime where only the class is needed).
    from datetime import datetime


@dataclass(frozen=True)
class User:
    """A person who signs in. ``name`` is the sign-in name; ``display_name`` is shown in the app."""

    id: int
    name: str
    display_name: str
    roles: frozenset[Role]
    enabled: bool
    created_at: datetime
    disabled_at: datetime | None = None

    def has_role(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class DisplayNames:
    """What a person reads for the sign-in names records keep: each account's display name.

    Records name people by sign-in name (``park``), which is what one types; colleagues know each other
    as 박민지. A name no account has (a typo in an old import) or an account without a display name
    reads as itself, so nobody ever shows as blank.
    """

    by_sign_in: Mapping[str, str] = field(default_factory=dict)

    def of(self, user_name: str) -> str:
        return self.by_sign_in.get(user_name) or user_name

    def join(self, user_names: Iterable[str], separator: str = ", ") -> str:
        """Several people, in the order given (a case's counselors)."""
        return separator.join(self.of(name) for name in user_names)
