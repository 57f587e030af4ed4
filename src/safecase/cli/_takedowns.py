"""Take-downs from the command line: ``takedown list``, ``add``, ``status`` and ``recheck``.

Thin over :mod:`safecase.services.takedowns`, which applies the casework rule (counselors their own
cases, supervisors every case) and writes the history and audit rows exactly as the app does, so a
volunteer can script the weekly round of re-checks.
"""

from __future__ import annotations

from datetime import date, datetime

import click

from safecase.domain.takedowns import SETTABLE_STATUSES, ReportedTo, Takedown, TakedownStatus, TakedownStatusChange
from safecase.i18n import tr, trc
from safecase.services.cases import CaseService
from safecase.services.takedowns import (
    KEEP,
    NewTakedown,
    TakedownService,
    default_recheck,
    status_phrase,
)
from safecase.services.taxonomies import PLATFORMS

from ._base import auth_options, echo_json, echo_table, local_time, pad, signed_in, user_option, vault_option
from ._labels import term, word

REPORTED_TO_CHOICE = click.Choice([r.value for r in ReportedTo], case_sensitive=False)
STATUS_CHOICE = click.Choice([s.value for s in (*SETTABLE_STATUSES, TakedownStatus.REAPPEARED)], case_sensitive=False)
DAY = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


@click.group(
    "takedown",
    short_help=tr("Follow posts and links reported for removal."),
    help=tr(
        "Follow posts and links reported for removal: to the platform, the KCSC (방송통신심의위원회), the Digital "
        "Sex Crime Victim Support Center (디지털성범죄피해자지원센터), the police (the same role rules and audit "
        "entries as the app)."
    ),
)
@vault_option
@user_option
def takedown_group() -> None:
    pass


def _json(
    entry: Takedown, number: str, today: date, history: list[TakedownStatusChange] | None = None
) -> dict[str, object]:
    body: dict[str, object] = {
        "id": entry.id,
        "case_number": number,
        "url": entry.url,
        "platform": entry.platform,
        "reported_to": entry.reported_to.value,
        "reported_on": _text(entry.reported_on),
        "reference": entry.reference,
        "status": entry.status.value,
        "status_on": entry.status_on.isoformat(),
        "recheck_on": _text(entry.recheck_on),
        "open": entry.open,
        "due": entry.due(today),
        "evidence_id": entry.evidence_id,
        "reappeared_from": entry.reappeared_from,
        "notes": entry.notes,
        "added_at": entry.created_at.isoformat(),
        "added_by": entry.created_by,
    }
    if history is not None:
        body["history"] = [
            {
                "status": h.status.value,
                "on": h.on.isoformat(),
                "note": h.note,
                "recorded_at": h.recorded_at.isoformat(),
                "recorded_by": h.recorded_by,
            }
            for h in history
        ]
    return body


def _recheck_cell(entry: Takedown, today: date) -> str:
    if entry.recheck_on is None:
        return ""
    if entry.overdue(today):
        return tr("{day} (overdue)").format(day=entry.recheck_on.isoformat())
    if entry.due(today):
        return tr("{day} (today)").format(day=entry.recheck_on.isoformat())
    return entry.recheck_on.isoformat()


def _table(rows: list[tuple[Takedown, str]], today: date) -> None:
    headers = [tr("ID"), tr("CASE"), tr("RE-CHECK"), trc("take-down", "STATUS"), tr("REPORTED TO"), tr("PLATFORM")]
    headers += [tr("REPORTED"), tr("REFERENCE"), tr("LINK")]
    echo_table(
        headers,
        [
            [
                str(t.id),
                number,
                _recheck_cell(t, today),
                word(t.status),
                word(t.reported_to),
                term(PLATFORMS, t.platform),
                _text(t.reported_on) or "",
                t.reference,
                t.url,
            ]
            for t, number in rows
        ],
    )


@takedown_group.command(
    "list",
    help=tr(
        "List the open take-downs of every case you may see, by re-check date (--due: only those to re-check "
        "today or earlier); with --case, every take-down of one case with its history."
    ),
)
@click.option("--due", is_flag=True, help=tr("Only those whose re-check date is today or earlier."))
@click.option("--case", "case_number", metavar="CASE", default=None, help=tr("Every take-down of this case."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print JSON instead of a table."))
@auth_options
@click.pass_context
def list_takedowns(ctx: click.Context, due: bool, case_number: str | None, as_json: bool) -> None:
    with signed_in(ctx) as session:
        service = TakedownService(session)
        today = session.clock.today()
        if case_number is not None:
            case_id = CaseService(session).id_for_number(case_number)
            entries = [t for t in service.for_case(case_id) if t.due(today) or not due]
            rows = [(t, case_number) for t in entries]
            histories = {t.id: service.history(t.id) for t in entries}
        else:
            listing = service.listing(due_only=due)
            rows = [(r.takedown, r.case_number) for r in listing.rows]
            histories = {}
    if as_json:
        echo_json([_json(t, number, today, histories.get(t.id)) for t, number in rows])
        return
    if not rows:
        if case_number is not None:
            click.echo(tr("Case {case} has no take-down to list.").format(case=case_number))
        else:
            click.echo(tr("No take-down to re-check today.") if due else tr("No open take-down."))
        return
    _table(rows, today)
    for entry, _number in rows:
        if entry.id in histories:
            click.echo()
            click.echo(tr("History of #{id}:").format(id=entry.id))
            for h in histories[entry.id]:
                line = f"  {h.on.isoformat()}  {pad(word(h.status), 12)}  {local_time(h.recorded_at)}  {h.recorded_by}"
                click.echo(f"{line}  {h.note}".rstrip())


@takedown_group.command(
    "add",
    # Help is a plain message (the CLI translates it again at start); “a week” is DEFAULT_RECHECK_DAYS.
    help=tr(
        "Record that a post or link of a case was reported for removal (on --date, default today); it is to be "
        "checked again on --recheck, by default a week after the report."
    ),
)
@click.argument("case_number", metavar="CASE")
@click.argument("url", metavar="URL")
@click.option("--platform", required=True, metavar="P", help=tr("Where the material is (telegram, x, a site…)."))
@click.option("--reported-to", "reported_to", required=True, type=REPORTED_TO_CHOICE, help=tr("Where it was reported."))
@click.option("--reference", default="", metavar="R", help=tr("The number the platform or agency gave the report."))
@click.option("--date", "reported", type=DAY, default=None, help=tr("The day it was reported (YYYY-MM-DD)."))
@click.option("--recheck", type=DAY, default=None, help=tr("The day to check again (YYYY-MM-DD)."))
@click.option("--evidence", "evidence_id", type=int, default=None, metavar="ID", help=tr("The evidence item it is."))
@click.option("--note", default="", metavar="TEXT", help=tr("Notes."))
@auth_options
@click.pass_context
def add_takedown(
    ctx: click.Context,
    case_number: str,
    url: str,
    platform: str,
    reported_to: str,
    reference: str,
    reported: datetime | None,
    recheck: datetime | None,
    evidence_id: int | None,
    note: str,
) -> None:
    with signed_in(ctx) as session:
        case_id = CaseService(session).id_for_number(case_number)
        reported_on = _day(reported) or session.clock.today()
        entry = TakedownService(session).record(
            case_id,
            NewTakedown(
                url=url,
                platform=platform,
                reported_to=ReportedTo(reported_to.lower()),
                reported_on=reported_on,
                reference=reference,
                recheck_on=_day(recheck) or default_recheck(reported_on),
                evidence_id=evidence_id,
                notes=note,
            ),
        )
    click.echo(
        tr("Recorded take-down #{id} for case {case}; re-check on {day}.").format(
            id=entry.id, case=case_number, day=_text(entry.recheck_on)
        )
    )


@takedown_group.command(
    "status",
    help=tr(
        "Record a take-down's new status on --date (default today): found, reported, acknowledged, removed, "
        "refused; “reappeared” records removed material found again as a new take-down linked to this one."
    ),
)
@click.argument("takedown_id", metavar="ID", type=int)
@click.argument("status", metavar="STATUS", type=STATUS_CHOICE)
@click.option("--date", "on", type=DAY, default=None, help=tr("The day of the change (YYYY-MM-DD)."))
@click.option("--note", default="", metavar="TEXT", help=tr("What happened."))
@click.option("--reference", default=None, metavar="R", help=tr("The number the platform or agency gave."))
@click.option("--recheck", type=DAY, default=None, help=tr("The next day to check again (YYYY-MM-DD)."))
@click.option("--url", default="", metavar="URL", help=tr("With reappeared: where it was found again."))
@auth_options
@click.pass_context
def change_takedown_status(
    ctx: click.Context,
    takedown_id: int,
    status: str,
    on: datetime | None,
    note: str,
    reference: str | None,
    recheck: datetime | None,
    url: str,
) -> None:
    new_status = TakedownStatus(status.lower())
    if url and new_status is not TakedownStatus.REAPPEARED:
        raise click.UsageError(tr("--url goes with the status reappeared only."))
    if reference is not None and new_status is TakedownStatus.REAPPEARED:
        raise click.UsageError(tr("Material found again is not reported yet: give --reference when it is."))
    with signed_in(ctx) as session:
        service = TakedownService(session)
        if new_status is TakedownStatus.REAPPEARED:
            entry = service.mark_reappeared(takedown_id, _day(on), url=url, recheck_on=_day(recheck), note=note)
            click.echo(
                tr("Recorded take-down #{id}: the material of #{earlier} reappeared.").format(
                    id=entry.id, earlier=takedown_id
                )
            )
            return
        entry = service.change_status(
            takedown_id,
            new_status,
            _day(on),
            note,
            recheck_on=KEEP if recheck is None else _day(recheck),
            reference=reference,
        )
    click.echo(
        tr("Take-down #{id} is {status} since {day}.").format(
            id=entry.id, status=status_phrase(entry.status), day=entry.status_on.isoformat()
        )
    )


@takedown_group.command("recheck", help=tr("Set the day to check an open take-down again (or “none”)."))
@click.argument("takedown_id", metavar="ID", type=int)
@click.argument("day", metavar="YYYY-MM-DD|none")
@auth_options
@click.pass_context
def recheck_takedown(ctx: click.Context, takedown_id: int, day: str) -> None:
    if day.lower() == "none":
        recheck_on = None
    else:
        try:
            recheck_on = date.fromisoformat(day)
        except ValueError:
            raise click.BadParameter(tr("give a date as YYYY-MM-DD, or none"), param_hint="DAY") from None
    with signed_in(ctx) as session:
        entry = TakedownService(session).set_recheck(takedown_id, recheck_on)
    if entry.recheck_on is None:
        click.echo(tr("Take-down #{id} has no re-check date.").format(id=entry.id))
    else:
        click.echo(tr("Take-down #{id}: re-check on {day}.").format(id=entry.id, day=entry.recheck_on.isoformat()))
