"""The taxonomies bundled in ``resources/taxonomies``, loaded once and checked on load."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import datetime

from safecase.domain.referrals import Organization, OrganizationType
from safecase.domain.taxonomy import Taxonomy, Term
from safecase.services.resources import resource_dir
from safecase.vault.connection import Connection
from safecase.vault.repositories.referrals import OrganizationRepository

INCIDENT_TYPES = "incident_types"
PLATFORMS = "platforms"
PERPETRATOR_RELATIONS = "perpetrator_relations"
PLACE_TYPES = "place_types"
REGIONS = "regions"
BRANCHES = "branches"
SERVICE_STATUSES = "service_statuses"


@dataclass(frozen=True)
class Taxonomies:
    by_name: dict[str, Taxonomy]

    def __getitem__(self, name: str) -> Taxonomy:
        return self.by_name[name]


@functools.cache
def taxonomies() -> Taxonomies:
    """All taxonomies; raises ValueError naming the file if the bundled data is malformed."""
    path = resource_dir() / "taxonomies" / "taxonomies.json"
    data = json.loads(path.read_text("utf-8"))
    if data.get("format") != "safecase.taxonomies":
        raise ValueError(f"{path}: not a SafeCase taxonomy file")
    result: dict[str, Taxonomy] = {}
    for name, body in data["taxonomies"].items():
        terms = tuple(Term(t["code"], t["en"], t["ko"], t.get("group", "")) for t in body["terms"])
        if len({t.code for t in terms}) != len(terms):
            raise ValueError(f"{path}: duplicate code in {name}")
        result[name] = Taxonomy(name, terms, bool(body.get("open_ended", False)))
    return Taxonomies(result)


@functools.cache
def starter_directory() -> list[tuple[str, str, str, str]]:
    """(name, type, contact, notes) of the organizations a new vault starts with."""
    path = resource_dir() / "taxonomies" / "organizations.json"
    data = json.loads(path.read_text("utf-8"))
    return [(o["name"], o["type"], o.get("contact", ""), o.get("notes", "")) for o in data["organizations"]]


def seed_starter_directory(conn: Connection, at: datetime) -> int:
    """Fill an empty organization directory with the bundled starter list, as added ``at``; returns how
    many were added."""
    repo = OrganizationRepository(conn)
    if repo.count():
        return 0
    entries = starter_directory()
    for name, org_type, contact, notes in entries:
        repo.insert(Organization(0, name, OrganizationType(org_type), contact, notes, True), at)
    return len(entries)
