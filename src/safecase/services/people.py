"""The names people read for one another: display names in place of the sign-in names records keep.

Every screen that shows who did something (who logged a contact, whose task it is, who counsels a
case, who handled evidence, who changed what) asks this once per read and shows ``names.of(who)``;
only fields where a name is typed (sign-in, a counselor filter, a CLI option) show sign-in names.
"""

from __future__ import annotations

from safecase.domain.users import DisplayNames
from safecase.services.session import VaultSession
from safecase.vault.repositories.users import UserRepository


def display_names(session: VaultSession) -> DisplayNames:
    """Every account's display name by sign-in name, disabled accounts too (old records still name them).

    Anyone signed in may read them: they are how colleagues already know each other, and no case data.
    """
    return DisplayNames({user.name: user.display_name for user in UserRepository(session.conn).all()})
