"""Who may see and change which case: the one rule every casework service applies.

Counselors work the cases they are assigned to; supervisors see and work every case; admins (unless
they also hold a casework role) see none. A case a person may not see is reported as not found, so
its existence is not revealed either.

The screens ask the predicates here (:func:`works_cases`, :func:`sees_all_cases`,
:func:`reassigns_cases`) which casework to offer; they never read roles themselves, and the services
check again whatever they offer.
"""

from __future__ import annotations

from safecase.domain.errors import InputError
from safecase.domain.roles import Permission, Role
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services.session import VaultSession
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.users import UserRepository

CASEWORK_ROLES = frozenset({Role.COUNSELOR, Role.SUPERVISOR})


def works_cases(session: VaultSession) -> bool:
    """Whether the person does casework at all (counselors and supervisors; not an administrator alone)."""
    return session.can(Permission.WORK_OWN_CASES)


def sees_all_cases(session: VaultSession) -> bool:
    """Whether the person sees every case of the center rather than only the ones assigned to them."""
    return works_cases(session) and session.can(Permission.VIEW_ALL_CASES)


def reassigns_cases(session: VaultSession) -> bool:
    """Whether the person decides who works a case (supervisors)."""
    return works_cases(session) and session.can(Permission.REASSIGN_CASES)


def visible_to(session: VaultSession) -> str | None:
    """None when the user sees every case, else the user name whose assigned cases they see."""
    session.require(Permission.WORK_OWN_CASES)
    return None if sees_all_cases(session) else session.user.name


def require_case(session: VaultSession, case_id: int) -> None:
    """Raise unless the case exists and the user may work on it."""
    owner = visible_to(session)
    repo = CaseRepository(session.conn)
    if not repo.exists(case_id) or (owner is not None and not repo.is_assigned(case_id, owner)):
        raise InputError(tr("That case does not exist or is not assigned to you."))


def caseworkers(session: VaultSession) -> dict[str, User]:
    """Everyone who may be given casework (enabled counselors and supervisors), by sign-in name.

    Read once per unit of work: a batch of thousands of cases asks for each of them.
    """

    def read() -> dict[str, User]:
        users = UserRepository(session.conn).all()
        return {u.name: u for u in users if u.enabled and CASEWORK_ROLES & u.roles}

    uow = session.unit_of_work
    return uow.fact("caseworkers", read) if uow.active else read()


def require_caseworker(session: VaultSession, name: str) -> User:
    """The enabled counselor or supervisor called ``name``; raise InputError for anyone else."""
    user = caseworkers(session).get(name.strip().casefold())
    if user is None:
        raise InputError(tr("“{name}” is not an active counselor or supervisor.").format(name=name))
    return user
