"""What the screens offer comes from the services' own predicates, and the services act on the same answer."""

from __future__ import annotations

import dataclasses

import pytest

from safecase.domain.errors import PermissionDeniedError
from safecase.domain.referrals import OrganizationType
from safecase.services.casework_access import reassigns_cases, sees_all_cases, visible_to, works_cases
from safecase.services.referrals import OrganizationService, adds_to_directory, edits_directory, reads_directory
from safecase.services.session import VaultSession
from vault_support import TeamVault


def test_who_does_casework(team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession) -> None:
    admin = team_vault.admin
    assert [works_cases(s) for s in (counselor, supervisor, admin)] == [True, True, False]
    assert [sees_all_cases(s) for s in (counselor, supervisor, admin)] == [False, True, False]
    assert [reassigns_cases(s) for s in (counselor, supervisor, admin)] == [False, True, False]
    assert visible_to(counselor) == counselor.user.name and visible_to(supervisor) is None
    with pytest.raises(PermissionDeniedError):
        visible_to(admin)


@pytest.mark.parametrize("who", ["counselor", "supervisor", "admin"])
def test_the_directory_does_what_its_predicates_say(
    who: str, team_vault: TeamVault, counselor: VaultSession, supervisor: VaultSession
) -> None:
    session = {"counselor": counselor, "supervisor": supervisor, "admin": team_vault.admin}[who]
    service = OrganizationService(session)
    assert reads_directory(session) and adds_to_directory(session), "everyone in this team reads and adds"
    org = service.add(f"{who} 기관", OrganizationType.OTHER)
    assert org.id in {o.id for o in service.all()}
    changed = dataclasses.replace(org, contact="02-000-0000")
    if edits_directory(session):
        assert service.update(changed).contact == "02-000-0000"
    else:
        with pytest.raises(PermissionDeniedError):
            service.update(changed)
    assert edits_directory(session) == (who != "counselor")
