"""Who may see and change which case: the one rule every casework service applies.

Counselors work the cases they are assigned to; supervisors see and work every case; admins (unless
they also hold a casework role) see none. A case a person may not see is reported as not found, so
its existence is not revealed either.
"""

from __future__ import annotations

from safecase.domain.errors import InputError
from safecase.domain.roles import Permission
from safecase.i18n import tr
from safecase.services.session import VaultSession
from safecase.vault.repositories.cases import CaseRepository


def visible_to(session: VaultSession) -> str | None:
    """None when the user sees every case, else the user name whose assigned cases they see."""
    session.require(Permission.WORK_OWN_CASES)
    return None if session.can(Permission.VIEW_ALL_CASES) else session.user.name


def require_case(session: VaultSession, case_id: int) -> None:
    """Raise unless the case exists and the user may work on it."""
    owner = visible_to(session)
    repo = CaseRepository(session.conn)
    if repo.get(case_id) is None or (owner is not None and not repo.is_assigned(case_id, owner)):
        raise InputError(tr("That case does not exist or is not assigned to you."))
