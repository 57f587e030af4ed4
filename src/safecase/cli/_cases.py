"""Casework from the command line: ``case list``, ``case show``, ``import-cases`` and ``demo``.

Thin over the services, which check roles and write the audit log exactly as the app does: listing
logs ``cases.listed``, showing a case ``case.viewed``, ``--reveal`` ``case.revealed``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import click

from safecase.domain.cases import MASKED, Case, CaseFilter, CaseStatus, CaseSummary, RiskLevel, SensitiveContact
from safecase.domain.contacts import Channel, Contact
from safecase.domain.incidents import Incident
from safecase.domain.referrals import Consent, Organization, Referral, ReferralOutcome
from safecase.domain.tasks import Task
from safecase.domain.user_names import normalize_user_name
from safecase.i18n import tr, trn
from safecase.services.case_import import import_cases
from safecase.services.cases import CaseService
from safecase.services.contacts import ContactService
from safecase.services.demo import MAX_CASES, add_demo_cases
from safecase.services.incidents import IncidentService
from safecase.services.referrals import OrganizationService, ReferralService
from safecase.services.tasks import TaskService
from safecase.services.taxonomies import (
    BRANCHES,
    INCIDENT_TYPES,
    PERPETRATOR_RELATIONS,
    PLACE_TYPES,
    PLATFORMS,
    REGIONS,
    SERVICE_STATUSES,
)

from ._base import (
    auth_options,
    display_width,
    echo_json,
    echo_table,
    fail,
    local_time,
    pad,
    signed_in,
    user_option,
    vault_option,
)
from ._labels import enum_word, term, terms, word

STATUS_CHOICE = click.Choice([s.value for s in CaseStatus], case_sensitive=False)
RISK_CHOICE = click.Choice([r.value for r in RiskLevel], case_sensitive=False)
SUMMARY_CHUNK = 500


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _yes_no(value: bool | None) -> str:
    return "" if value is None else (tr("yes") if value else tr("no"))


# --- case list -----------------------------------------------------------------------------------------


@click.group("case", help=tr("List and show cases (the same role rules and audit entries as the app)."))
@vault_option
@user_option
def case_group() -> None:
    pass


def _summary_json(row: CaseSummary) -> dict[str, object]:
    return {
        "case_number": row.number,
        "status": row.status.value,
        "risk": row.risk.value,
        "opened": row.opened_on.isoformat(),
        "counselors": list(row.counselors),
        "alias": row.alias,
        "incident_types": list(row.incident_types),
        "overdue_tasks": row.overdue_tasks,
        "updated_at": row.updated_at.isoformat(),
    }


def _summaries(cases: CaseService, ids: Sequence[int]) -> list[CaseSummary]:
    rows: list[CaseSummary] = []
    for start in range(0, len(ids), SUMMARY_CHUNK):
        rows.extend(cases.summaries(ids[start : start + SUMMARY_CHUNK]))
    return rows


@case_group.command("list", help=tr("List the cases you may see, newest first."))
@click.option("--status", "statuses", type=STATUS_CHOICE, multiple=True, help=tr("Only this status; repeatable."))
@click.option("--risk", "risks", type=RISK_CHOICE, multiple=True, help=tr("Only this risk level; repeatable."))
@click.option("--counselor", default="", metavar="NAME", help=tr("Only cases assigned to NAME."))
@click.option("--search", "text", default="", metavar="TEXT", help=tr("Full-text search over the case notes."))
@click.option("--overdue", is_flag=True, help=tr("Only cases with an overdue follow-up or referral."))
@click.option(
    "--limit", type=click.IntRange(min=0), default=0, show_default=True, help=tr("At most this many (0: all).")
)
@click.option("--json", "as_json", is_flag=True, help=tr("Print JSON instead of a table."))
@auth_options
@click.pass_context
def list_cases(
    ctx: click.Context,
    statuses: tuple[str, ...],
    risks: tuple[str, ...],
    counselor: str,
    text: str,
    overdue: bool,
    limit: int,
    as_json: bool,
) -> None:
    flt = CaseFilter(
        statuses=frozenset(CaseStatus(s.lower()) for s in statuses),
        risks=frozenset(RiskLevel(r.lower()) for r in risks),
        counselor=normalize_user_name(counselor) if counselor.strip() else "",
        overdue_only=overdue,
        text=text,
    )
    with signed_in(ctx) as session:
        cases = CaseService(session)
        ids = cases.list_ids(flt)
        rows = _summaries(cases, ids[:limit] if limit else ids)
    if as_json:
        echo_json([_summary_json(row) for row in rows])
        return
    if not rows:
        click.echo(tr("No cases match."))
        return
    echo_table(
        [
            tr("NUMBER"),
            tr("OPENED"),
            tr("STATUS"),
            tr("RISK"),
            tr("ALIAS"),
            tr("COUNSELORS"),
            tr("TYPES"),
            tr("OVERDUE"),
        ],
        [
            [
                row.number,
                row.opened_on.isoformat(),
                word(row.status),
                word(row.risk),
                row.alias,
                ", ".join(row.counselors),
                terms(INCIDENT_TYPES, row.incident_types),
                str(row.overdue_tasks) if row.overdue_tasks else "",
            ]
            for row in rows
        ],
    )
    if limit and len(ids) > limit:
        click.echo(tr("Showing {shown} of {total} cases.").format(shown=len(rows), total=len(ids)), err=True)


# --- case show -----------------------------------------------------------------------------------------


def _contact_json(c: Contact) -> dict[str, object]:
    return {
        "id": c.id,
        "at": c.at.isoformat(),
        "channel": c.channel.value,
        "direction": c.direction.value,
        "duration_minutes": c.duration_minutes,
        "caller_type": c.caller_type.value,
        "counselor": c.counselor,
        "summary": c.summary,
        "follow_up_needed": c.follow_up_needed,
        "follow_up_due": _day(c.follow_up_due) or None,
    }


def _incident_json(i: Incident) -> dict[str, object]:
    return {
        "id": i.id,
        "types": list(i.types),
        "platforms": list(i.platforms),
        "perpetrator_relation": i.perpetrator_relation,
        "date": i.date_value,
        "date_precision": i.date_precision.value,
        "place_type": i.place_type,
        "description": i.description,
    }


def _consent_json(c: Consent) -> dict[str, object]:
    return {
        "id": c.id,
        "purpose": c.purpose.value,
        "organization_id": c.organization_id,
        "given_by": c.given_by.value,
        "given_on": c.given_on.isoformat(),
        "scope": c.scope,
        "withdrawn_on": _day(c.withdrawn_on) or None,
    }


def _referral_json(r: Referral, orgs: dict[int, Organization]) -> dict[str, object]:
    org = orgs.get(r.organization_id)
    return {
        "id": r.id,
        "organization": org.name if org else "",
        "organization_type": org.org_type.value if org else "",
        "reason": r.reason,
        "status": r.status.value,
        "sent_on": _day(r.sent_on) or None,
        "consent_id": r.consent_id,
        "follow_up_due": _day(r.follow_up_due) or None,
        "outcome": r.outcome,
        "outcome_code": r.outcome_code.value,
    }


def _task_json(t: Task) -> dict[str, object]:
    return {
        "id": t.id,
        "kind": t.kind.value,
        "title": t.title,
        "due_on": t.due_on.isoformat(),
        "owner": t.owner,
        "done": t.done,
        "done_at": t.done_at.isoformat() if t.done_at else None,
    }


def _case_json(case: Case, sensitive: SensitiveContact | None) -> dict[str, object]:
    p = case.profile
    return {
        "case_number": case.number,
        "status": case.status.value,
        "risk": case.risk.value,
        "risk_reason": case.risk_reason,
        "opened": case.opened_on.isoformat(),
        "closed": _day(case.closed_on) or None,
        "counselors": list(case.counselors),
        "alias": p.alias,
        "incident_types": list(case.incident_types),
        "statistics_opt_out": case.statistics_opt_out,
        "profile": {
            "alias": p.alias,
            "age_band": p.age_band.value,
            "gender": p.gender.value,
            "branch": p.branch,
            "service_status": p.service_status,
            "region": p.region,
            "preferred_channel": p.preferred_channel,
            "safe_channels": p.safe_channels,
            "safe_to_leave_message": p.safe_to_leave_message,
            "safe_contact_notes": p.safe_contact_notes,
        },
        "identifying_details": {
            "recorded": case.has_sensitive,
            "revealed": sensitive is not None,
            "real_name": sensitive.real_name if sensitive is not None else None,
            "phone": sensitive.phone if sensitive is not None else None,
        },
        "created_at": case.created_at.isoformat(),
        "updated_at": case.updated_at.isoformat(),
    }


def _field_lines(pairs: Sequence[tuple[str, str]]) -> None:
    width = max(display_width(label) for label, _ in pairs)
    for label, value in pairs:
        click.echo(f"  {pad(label + ':', width + 1)}  {' '.join(value.split())}".rstrip())


def _text_block(text: str, indent: str = "      ") -> None:
    for line in text.splitlines():
        if line.strip():
            click.echo(indent + line.rstrip())


def _show_text(
    case: Case,
    sensitive: SensitiveContact | None,
    contacts: list[Contact],
    incidents: list[Incident],
    consents: list[Consent],
    referrals: list[Referral],
    tasks: list[Task],
    orgs: dict[int, Organization],
) -> None:
    p = case.profile
    click.echo(tr("Case {number}").format(number=case.number))
    if sensitive is not None:
        identity = [(tr("Real name"), sensitive.real_name), (tr("Phone"), sensitive.phone)]
    elif case.has_sensitive:
        identity = [
            (
                tr("Real name, phone"),
                tr("{hidden} (recorded; --reveal shows them and is audit-logged)").format(hidden=MASKED),
            )
        ]
    else:
        identity = [(tr("Real name, phone"), tr("not recorded"))]
    _field_lines(
        [
            (tr("Status"), word(case.status)),
            (tr("Opened"), case.opened_on.isoformat()),
            (tr("Closed"), _day(case.closed_on)),
            (tr("Risk"), word(case.risk)),
            (tr("Risk reason"), case.risk_reason),
            (tr("Counselors"), ", ".join(case.counselors)),
            (tr("Alias"), p.alias),
            (tr("Age band"), word(p.age_band)),
            (tr("Gender"), word(p.gender)),
            (tr("Branch"), term(BRANCHES, p.branch)),
            (tr("Service status"), term(SERVICE_STATUSES, p.service_status)),
            (tr("Region"), term(REGIONS, p.region)),
            (tr("Preferred channel"), enum_word(Channel, p.preferred_channel)),
            (tr("Safe channels"), p.safe_channels),
            (tr("Safe to leave a message"), _yes_no(p.safe_to_leave_message)),
            (tr("Safe-contact notes"), p.safe_contact_notes),
            *identity,
            (tr("Incident types"), terms(INCIDENT_TYPES, case.incident_types)),
            (tr("Left out of statistics"), _yes_no(case.statistics_opt_out)),
        ]
    )
    click.echo()
    click.echo(tr("Contacts ({count})").format(count=len(contacts)))
    for c in contacts:
        parts = [local_time(c.at)[:16], word(c.channel), word(c.direction), word(c.caller_type), c.counselor]
        if c.duration_minutes is not None:
            parts.append(tr("{minutes} min").format(minutes=c.duration_minutes))
        if c.follow_up_needed:
            parts.append(tr("follow-up {day}").format(day=_day(c.follow_up_due)))
        click.echo("  " + "  ".join(parts))
        _text_block(c.summary)
    click.echo()
    click.echo(tr("Incidents ({count})").format(count=len(incidents)))
    for i in incidents:
        when = f"{i.date_value} ({word(i.date_precision)})" if i.date_value else word(i.date_precision)
        click.echo(
            "  "
            + tr(
                "#{id}  types: {types}; platforms: {platforms}; perpetrator: {relation}; when: {when}; place: {place}"
            ).format(
                id=i.id,
                types=terms(INCIDENT_TYPES, i.types),
                platforms=terms(PLATFORMS, i.platforms) or "-",
                relation=term(PERPETRATOR_RELATIONS, i.perpetrator_relation),
                when=when,
                place=term(PLACE_TYPES, i.place_type),
            )
        )
        _text_block(i.description)
    click.echo()
    click.echo(tr("Consents ({count})").format(count=len(consents)))
    for k in consents:
        org = orgs.get(k.organization_id) if k.organization_id is not None else None
        target = tr("to share with {organization}").format(organization=org.name) if org else tr("to record")
        withdrawn = tr("; withdrawn {day}").format(day=_day(k.withdrawn_on)) if k.withdrawn_on else ""
        click.echo(
            "  "
            + tr("#{id}  {purpose}, given by {giver} on {day}{withdrawn}").format(
                id=k.id, purpose=target, giver=word(k.given_by), day=k.given_on.isoformat(), withdrawn=withdrawn
            )
        )
        _text_block(k.scope)
    click.echo()
    click.echo(tr("Referrals ({count})").format(count=len(referrals)))
    for r in referrals:
        org = orgs.get(r.organization_id)
        click.echo(
            "  "
            + tr("#{id}  {organization}  {status}  sent: {sent}  follow-up: {due}").format(
                id=r.id,
                organization=org.name if org else str(r.organization_id),
                status=word(r.status),
                sent=_day(r.sent_on) or "-",
                due=_day(r.follow_up_due) or "-",
            )
        )
        _text_block(r.reason)
        if r.outcome_code is not ReferralOutcome.NOT_RECORDED:
            _text_block(tr("Outcome category: {code}").format(code=r.outcome_code.value))
        if r.outcome:
            _text_block(tr("Outcome: {outcome}").format(outcome=r.outcome))
    click.echo()
    click.echo(tr("Tasks ({count})").format(count=len(tasks)))
    for t in tasks:
        mark = "[x]" if t.done else "[ ]"
        click.echo(f"  {mark} {t.due_on.isoformat()}  {t.owner}  {' '.join(t.title.split())}")


@case_group.command("show", help=tr("Show a case with its contacts, incidents, consents, referrals and tasks."))
@click.argument("number")
@click.option(
    "--reveal", is_flag=True, help=tr("Also show the real name and phone number (recorded in the audit log).")
)
@click.option(
    "--reason",
    default="",
    metavar="TEXT",
    help=tr("With --reveal: why you need them, recorded in the audit log with the reveal (no names)."),
)
@click.option("--json", "as_json", is_flag=True, help=tr("Print JSON instead of text."))
@auth_options
@click.pass_context
def show_case(ctx: click.Context, number: str, reveal: bool, reason: str, as_json: bool) -> None:
    if reason and not reveal:
        raise click.UsageError(tr("--reason goes with --reveal."))
    with signed_in(ctx) as session:
        cases = CaseService(session)
        case_id = cases.id_for_number(number)
        case = cases.get(case_id)
        contacts = ContactService(session).for_case(case_id)
        incidents = IncidentService(session).for_case(case_id)
        referral_service = ReferralService(session)
        referrals = referral_service.for_case(case_id)
        consents = referral_service.consents(case_id)
        tasks = TaskService(session).for_case(case_id)
        orgs = {o.id: o for o in OrganizationService(session).all(include_inactive=True)}
        sensitive = cases.reveal(case_id, reason) if reveal else None
    if as_json:
        body = _case_json(case, sensitive)
        body["contacts"] = [_contact_json(c) for c in contacts]
        body["incidents"] = [_incident_json(i) for i in incidents]
        body["consents"] = [_consent_json(c) for c in consents]
        body["referrals"] = [_referral_json(r, orgs) for r in referrals]
        body["tasks"] = [_task_json(t) for t in tasks]
        echo_json(body)
        return
    _show_text(case, sensitive, contacts, incidents, consents, referrals, tasks, orgs)


# --- import-cases --------------------------------------------------------------------------------------


@click.command(
    "import-cases",
    short_help=tr("Import cases from a CSV file."),
    help=tr(
        "Import a center's existing records from a CSV file (UTF-8 or CP949), all or nothing: when any row is "
        "bad, nothing is imported and every bad row is listed. Supervisors and administrators. The columns are "
        "described in README.md under “Importing existing records”."
    ),
)
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dry-run", is_flag=True, help=tr("Check the file and report, but import nothing."))
@auth_options
@click.pass_context
def import_cases_command(ctx: click.Context, csv_file: Path, dry_run: bool) -> None:
    with signed_in(ctx) as session:
        report = import_cases(session, csv_file.expanduser(), dry_run=dry_run)
    if report.problems:
        fail(
            ctx,
            trn(
                "Nothing was imported: the file has {count} problem.",
                "Nothing was imported: the file has {count} problems.",
                len(report.problems),
            ).format(count=len(report.problems)),
            [str(problem) for problem in report.problems],
        )
    if dry_run:
        click.echo(
            trn(
                "Checked {count} row: it can be imported. This was a dry run; nothing was written.",
                "Checked {count} rows: all can be imported. This was a dry run; nothing was written.",
                report.valid,
            ).format(count=report.valid)
        )
        return
    click.echo(trn("Imported {count} case.", "Imported {count} cases.", report.imported).format(count=report.imported))


# --- demo ----------------------------------------------------------------------------------------------


@click.command(
    "demo",
    short_help=tr("Fill a vault with synthetic demo cases."),
    help=tr(
        "Fill a new vault with realistic synthetic cases (no real people) for trying SafeCase, training and "
        "benchmarks. Administrators; refused in a vault holding real cases unless --force."
    ),
)
@click.option("--cases", "count", type=click.IntRange(1, MAX_CASES), required=True, help=tr("How many cases to add."))
@click.option("--seed", type=int, default=None, help=tr("Seed for the same cases every time (default: random)."))
@click.option("--force", is_flag=True, help=tr("Add demo cases even though the vault holds real cases."))
@auth_options
@click.pass_context
def demo_command(ctx: click.Context, count: int, seed: int | None, force: bool) -> None:
    started = datetime.now()
    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            click.echo(f"\r{done:,}/{total:,}", err=True, nl=done == total)

    with signed_in(ctx) as session:
        added = add_demo_cases(session, count, seed, progress, force=force)
    seconds = (datetime.now() - started).total_seconds()
    click.echo(
        trn("Added {count} demo case in {seconds} s.", "Added {count} demo cases in {seconds} s.", added).format(
            count=f"{added:,}", seconds=f"{seconds:.1f}"
        )
    )
