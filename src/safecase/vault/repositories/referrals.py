"""Organizations (the referral directory), consents and referrals."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from safecase.domain.referrals import (
    AWAITING_STATUSES,
    Consent,
    ConsentGiver,
    ConsentPurpose,
    Organization,
    OrganizationType,
    Referral,
    ReferralOutcome,
    ReferralStatus,
)
from safecase.vault.connection import Connection
from safecase.vault.repositories._rows import date_or_none, date_text, placeholders
from safecase.vault.repositories._time import to_text

_ORG_COLUMNS = "id, name, org_type, contact, notes, active"
_CONSENT_COLUMNS = "id, case_id, purpose, organization_id, given_by, given_on, scope, withdrawn_on"
_REFERRAL_COLUMNS = (
    "id, case_id, organization_id, reason, status, sent_on, consent_id, follow_up_due, outcome, outcome_code"
)


def _org(row: tuple[Any, ...]) -> Organization:
    return Organization(int(row[0]), str(row[1]), OrganizationType(row[2]), str(row[3]), str(row[4]), bool(row[5]))


def _consent(row: tuple[Any, ...]) -> Consent:
    return Consent(
        id=int(row[0]),
        case_id=int(row[1]),
        purpose=ConsentPurpose(row[2]),
        organization_id=None if row[3] is None else int(row[3]),
        given_by=ConsentGiver(row[4]),
        given_on=date.fromisoformat(row[5]),
        scope=str(row[6]),
        withdrawn_on=date_or_none(row[7]),
    )


def _referral(row: tuple[Any, ...]) -> Referral:
    return Referral(
        id=int(row[0]),
        case_id=int(row[1]),
        organization_id=int(row[2]),
        reason=str(row[3]),
        status=ReferralStatus(row[4]),
        sent_on=date_or_none(row[5]),
        consent_id=None if row[6] is None else int(row[6]),
        follow_up_due=date_or_none(row[7]),
        outcome=str(row[8]),
        outcome_code=ReferralOutcome(row[9]),
    )


class OrganizationRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, org: Organization, at: datetime) -> int:
        cursor = self._conn.execute(
            "INSERT INTO organizations (name, org_type, contact, notes, active, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (org.name, org.org_type.value, org.contact, org.notes, int(org.active), to_text(at), to_text(at)),
        )
        return int(cursor.lastrowid or 0)

    def update(self, org: Organization, at: datetime) -> None:
        self._conn.execute(
            "UPDATE organizations SET name = ?, org_type = ?, contact = ?, notes = ?, active = ?, updated_at = ? "
            "WHERE id = ?",
            (org.name, org.org_type.value, org.contact, org.notes, int(org.active), to_text(at), org.id),
        )

    def get(self, org_id: int) -> Organization | None:
        row = self._conn.execute(f"SELECT {_ORG_COLUMNS} FROM organizations WHERE id = ?", (org_id,)).fetchone()
        return None if row is None else _org(row)

    def by_name(self, name: str) -> Organization | None:
        row = self._conn.execute(f"SELECT {_ORG_COLUMNS} FROM organizations WHERE name = ?", (name,)).fetchone()
        return None if row is None else _org(row)

    def all(self, include_inactive: bool = False) -> list[Organization]:
        sql = f"SELECT {_ORG_COLUMNS} FROM organizations"
        if not include_inactive:
            sql += " WHERE active = 1"
        return [_org(r) for r in self._conn.execute(sql + " ORDER BY org_type, name").fetchall()]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM organizations").fetchone()[0])


class ConsentRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, consent: Consent, by: str, at: datetime) -> Consent:
        """Record ``consent`` (its id is ignored); returns it as stored."""
        row = self._conn.execute(
            "INSERT INTO consents (case_id, purpose, organization_id, given_by, given_on, scope, withdrawn_on, "
            f"created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_CONSENT_COLUMNS}",
            (
                consent.case_id,
                consent.purpose.value,
                consent.organization_id,
                consent.given_by.value,
                consent.given_on.isoformat(),
                consent.scope,
                date_text(consent.withdrawn_on),
                to_text(at),
                by,
            ),
        ).fetchone()
        return _consent(row)

    def withdraw(self, consent_id: int, on: date) -> None:
        self._conn.execute("UPDATE consents SET withdrawn_on = ? WHERE id = ?", (on.isoformat(), consent_id))

    def get(self, consent_id: int) -> Consent | None:
        row = self._conn.execute(f"SELECT {_CONSENT_COLUMNS} FROM consents WHERE id = ?", (consent_id,)).fetchone()
        return None if row is None else _consent(row)

    def for_case(self, case_id: int) -> list[Consent]:
        rows = self._conn.execute(
            f"SELECT {_CONSENT_COLUMNS} FROM consents WHERE case_id = ? ORDER BY given_on, id", (case_id,)
        )
        return [_consent(r) for r in rows.fetchall()]


class ReferralRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def insert(self, referral: Referral, by: str, at: datetime) -> Referral:
        """Record ``referral`` (its id is ignored); returns it as stored."""
        row = self._conn.execute(
            "INSERT INTO referrals (case_id, organization_id, reason, status, sent_on, consent_id, follow_up_due, "
            f"outcome, outcome_code, created_at, updated_at, created_by) VALUES ({placeholders(12)}) "
            f"RETURNING {_REFERRAL_COLUMNS}",
            (
                referral.case_id,
                referral.organization_id,
                referral.reason,
                referral.status.value,
                date_text(referral.sent_on),
                referral.consent_id,
                date_text(referral.follow_up_due),
                referral.outcome,
                referral.outcome_code.value,
                to_text(at),
                to_text(at),
                by,
            ),
        ).fetchone()
        return _referral(row)

    def update(self, referral: Referral, at: datetime) -> None:
        self._conn.execute(
            "UPDATE referrals SET organization_id = ?, reason = ?, status = ?, sent_on = ?, consent_id = ?, "
            "follow_up_due = ?, outcome = ?, outcome_code = ?, updated_at = ? WHERE id = ?",
            (
                referral.organization_id,
                referral.reason,
                referral.status.value,
                date_text(referral.sent_on),
                referral.consent_id,
                date_text(referral.follow_up_due),
                referral.outcome,
                referral.outcome_code.value,
                to_text(at),
                referral.id,
            ),
        )

    def get(self, referral_id: int) -> Referral | None:
        row = self._conn.execute(f"SELECT {_REFERRAL_COLUMNS} FROM referrals WHERE id = ?", (referral_id,)).fetchone()
        return None if row is None else _referral(row)

    def for_case(self, case_id: int) -> list[Referral]:
        rows = self._conn.execute(
            f"SELECT {_REFERRAL_COLUMNS} FROM referrals WHERE case_id = ? ORDER BY id", (case_id,)
        )
        return [_referral(r) for r in rows.fetchall()]

    def overdue(self, today: date, visible_to: str | None) -> list[Referral]:
        """Referrals still waiting for an answer after their follow-up date."""
        sql = (
            f"SELECT {_REFERRAL_COLUMNS} FROM referrals WHERE status IN ({placeholders(len(AWAITING_STATUSES))}) "
            "AND follow_up_due < ?"
        )
        params: list[Any] = [*sorted(s.value for s in AWAITING_STATUSES), today.isoformat()]
        if visible_to is not None:
            sql += " AND case_id IN (SELECT case_id FROM case_counselors WHERE user_name = ?)"
            params.append(visible_to)
        return [_referral(r) for r in self._conn.execute(sql + " ORDER BY follow_up_due", params).fetchall()]
