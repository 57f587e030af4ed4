"""Evidence from the command line: ``evidence add``, ``add-url``, ``list``, ``verify``, ``export``,
``hand-over``, ``return`` and ``destroy``.

Thin over :mod:`safecase.services.evidence`, which checks roles and writes custody events and audit rows
exactly as the app does. ``add`` prints each file's SHA-256 in the form ``sha256sum`` prints and checks
(``HASH  FILE``), so its output doubles as a checksum list of what was handed in.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from safecase.domain.errors import SafeCaseError
from safecase.domain.evidence import CustodyEvent, EvidenceDetails, EvidenceKind, EvidenceRecord, HandOver
from safecase.i18n import tr, trn
from safecase.services.cases import CaseService
from safecase.services.evidence import EvidenceService

from ._base import (
    auth_options,
    echo_json,
    echo_table,
    fail,
    human_size,
    local_time,
    signed_in,
    user_option,
    vault_option,
)
from ._labels import custody_details, word

KIND_CHOICE = click.Choice([k.value for k in EvidenceKind], case_sensitive=False)


@click.group(
    "evidence",
    short_help=tr("Add, list, verify and hand over a case's evidence."),
    help=tr("Add, list and verify a case's evidence (the same role rules, custody log and audit entries as the app)."),
)
@vault_option
@user_option
def evidence_group() -> None:
    pass


def _details(
    kind: str | None, urls: tuple[str, ...], platform: str, description: str, received_from: str
) -> EvidenceDetails:
    return EvidenceDetails(
        kind=EvidenceKind(kind.lower()) if kind else None,
        urls=urls,
        platform=platform,
        description=description,
        received_from=received_from,
    )


def _detail_options(f: click.decorators.FC) -> click.decorators.FC:
    f = click.option("--description", default="", metavar="TEXT", help=tr("What it shows."))(f)
    f = click.option("--received-from", default="", metavar="TEXT", help=tr("Who gave it to the center."))(f)
    f = click.option("--platform", default="", metavar="P", help=tr("Where it was posted or sent (telegram, x, …)."))(f)
    return f


@evidence_group.command("add", help=tr("Add files to a case: each is hashed (SHA-256) and kept encrypted."))
@click.argument("case_number", metavar="CASE")
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=KIND_CHOICE, default=None, help=tr("What the files are (default: from their content)."))
@click.option("--url", "urls", multiple=True, metavar="URL", help=tr("Where the material was found; repeatable."))
@click.option(
    "--hash-only",
    is_flag=True,
    help=tr("Keep only the hash and the details, not the files (the center must not hold them)."),
)
@_detail_options
@auth_options
@click.pass_context
def add_evidence(
    ctx: click.Context,
    case_number: str,
    files: tuple[Path, ...],
    kind: str | None,
    urls: tuple[str, ...],
    hash_only: bool,
    platform: str,
    received_from: str,
    description: str,
) -> None:
    if kind == EvidenceKind.URL_ONLY.value:
        raise click.UsageError(tr("--kind url_only is for links: use “safecase evidence add-url”."))
    paths = [f.expanduser() for f in files]
    for path in paths:  # before any is added: a typo in the last name must not leave half the list in
        if not path.is_file():
            fail(ctx, tr("{path} is not a file. Nothing was added.").format(path=path))
    details = _details(kind, urls, platform, description, received_from)
    show_progress = sys.stderr.isatty()
    added = 0
    with signed_in(ctx) as session:
        case_id = CaseService(session).id_for_number(case_number)
        evidence = EvidenceService(session)
        for path in paths:

            def progress(done: int, total: int, name: str = path.name) -> None:
                if show_progress and total:
                    click.echo(f"\r{name}: {done * 100 // total:3d}%", err=True, nl=False)

            try:
                record = evidence.add_file(case_id, path, details, keep_file=not hash_only, progress=progress)
            except Exception:
                if added:
                    click.echo(
                        trn(
                            "{count} file before this one was added.",
                            "{count} files before this one were added.",
                            added,
                        ).format(count=added),
                        err=True,
                    )
                raise
            finally:
                if show_progress:
                    click.echo("\r\033[K", err=True, nl=False)
            added += 1
            click.echo(f"{record.item.sha256}  {path}")
    message = (
        trn("Added {count} file to case {case} (hash only).", "Added {count} files to case {case} (hash only).", added)
        if hash_only
        else trn(
            "Added {count} file to case {case}, encrypted.", "Added {count} files to case {case}, encrypted.", added
        )
    )
    click.echo(message.format(count=added, case=case_number), err=True)


@evidence_group.command("add-url", help=tr("Add a link (a post, a channel) to a case, without any file."))
@click.argument("case_number", metavar="CASE")
@click.argument("url", metavar="URL")
@click.option(
    "--kind", type=KIND_CHOICE, default=EvidenceKind.URL_ONLY.value, show_default=True, help=tr("What is there.")
)
@_detail_options
@auth_options
@click.pass_context
def add_url_evidence(
    ctx: click.Context, case_number: str, url: str, kind: str, platform: str, received_from: str, description: str
) -> None:
    with signed_in(ctx) as session:
        case_id = CaseService(session).id_for_number(case_number)
        record = EvidenceService(session).add_url(
            case_id, url, _details(kind, (), platform, description, received_from)
        )
    click.echo(tr("Added item #{id} to case {case}.").format(id=record.item.id, case=case_number))


# --- list ----------------------------------------------------------------------------------------------


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _event_json(event: CustodyEvent) -> dict[str, object]:
    return {
        "seq": event.seq,
        "event": event.kind.value,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "details": event.details,
        "hash": event.hash,
    }


def _record_json(record: EvidenceRecord) -> dict[str, object]:
    item = record.item
    return {
        "id": item.id,
        "kind": item.kind.value,
        "description": item.description,
        "platform": item.platform,
        "urls": list(item.urls),
        "channel": item.channel,
        "original_name": item.original_name,
        "size": item.size,
        "media_type": item.media_type,
        "sha256": item.sha256 or None,
        "stored": item.stored,
        "hash_only": item.hash_only,
        "destroyed_at": _time(item.destroyed_at),
        "captured_by": item.captured_by,
        "captured_at": _time(item.captured_at),
        "received_at": _time(item.received_at),
        "received_from": item.received_from,
        "notes": item.notes,
        "file_times": {
            "modified": _time(item.file_times.modified),
            "changed": _time(item.file_times.changed),
            "created": _time(item.file_times.created),
        },
        "perceptual_hash": item.perceptual_hash,
        "added_at": item.created_at.isoformat(),
        "added_by": item.created_by,
        "custody": [_event_json(e) for e in record.custody],
    }


def _keeping(record: EvidenceRecord) -> str:
    item = record.item
    if item.destroyed:
        return tr("destroyed")
    if item.stored:
        return tr("encrypted")
    return tr("hash only") if item.sha256 else tr("link")


@evidence_group.command("list", help=tr("List a case's evidence with hashes and custody events."))
@click.argument("case_number", metavar="CASE")
@click.option("--json", "as_json", is_flag=True, help=tr("Print JSON instead of a table."))
@auth_options
@click.pass_context
def list_evidence(ctx: click.Context, case_number: str, as_json: bool) -> None:
    with signed_in(ctx) as session:
        case_id = CaseService(session).id_for_number(case_number)
        records = EvidenceService(session).for_case(case_id)
    if as_json:
        echo_json({"case_number": case_number, "items": [_record_json(r) for r in records]})
        return
    if not records:
        click.echo(tr("Case {case} has no evidence.").format(case=case_number))
        return
    echo_table(
        [tr("ID"), tr("KIND"), tr("NAME OR LINK"), tr("SIZE"), tr("KEPT"), tr("SHA-256")],
        [
            [
                str(r.item.id),
                word(r.item.kind),
                r.item.original_name or ", ".join(r.item.urls),
                human_size(r.item.size) if r.item.size is not None else "",
                _keeping(r),
                r.item.sha256,
            ]
            for r in records
        ],
    )
    for record in records:
        click.echo()
        click.echo(tr("Custody of #{id}:").format(id=record.item.id))
        for event in record.custody:
            details = custody_details(event.details)
            line = f"  {event.seq:>3}  {local_time(event.at)}  {event.actor:<12}  {word(event.kind)}"
            click.echo(f"{line}  {details}".rstrip())


# --- verify --------------------------------------------------------------------------------------------


@evidence_group.command(
    "verify",
    help=tr(
        "Decrypt and hash every kept evidence file again and check every custody chain, of one case or of every "
        "case you may see. Exits 1 when any item fails, naming it."
    ),
)
@click.argument("case_number", metavar="[CASE]", required=False)
@auth_options
@click.pass_context
def verify_evidence(ctx: click.Context, case_number: str | None) -> None:
    with signed_in(ctx) as session:
        case_id = CaseService(session).id_for_number(case_number) if case_number else None
        report = EvidenceService(session).verify(case_id)
    for check in report.items:
        if not check.ok:
            continue
        what = tr("file and custody hold") if check.content_checked else tr("custody holds")
        click.echo(tr("ok      {name}: {what}").format(name=check.name, what=what))
    for check in report.unchecked:
        click.echo(
            tr("safecase: warning: {name}: file not checked ({reason})").format(
                name=check.name, reason=check.unchecked_reason
            ),
            err=True,
        )
    checked = len(report.items)
    if not report.ok:
        fail(
            ctx,
            trn(
                "{failed} of {count} evidence item failed verification.",
                "{failed} of {count} evidence items failed verification.",
                checked,
            ).format(failed=len(report.problems()), count=checked),
            report.problems(),
        )
    click.echo(
        trn("{count} evidence item verified.", "{count} evidence items verified.", checked).format(count=checked)
    )


# --- export (an evidence packet) -------------------------------------------------------------------------


def _item_id(ctx: click.Context, _param: click.Parameter, text: str) -> int:
    """An ITEM argument: the number ``safecase evidence list`` shows, with or without its ``#``."""
    number = text.strip().lstrip("#")
    if not number.isdigit():
        raise click.BadParameter(tr("give the item's ID, as “safecase evidence list” shows it"), ctx)
    return int(number)


def _item_ids(ctx: click.Context, text: str | None) -> tuple[int, ...] | None:
    if text is None:
        return None
    ids: list[int] = []
    for part in text.split(","):
        part = part.strip().lstrip("#")
        if not part.isdigit():
            raise click.BadParameter(
                tr("give item IDs separated by commas, as “safecase evidence list” shows them"), ctx
            )
        ids.append(int(part))
    return tuple(ids)


@evidence_group.command(
    "export",
    help=tr(
        "Write an evidence packet for the police, a prosecutor or a lawyer into the folder DIR: the original "
        "files, SHA256SUMS (check with “sha256sum -c SHA256SUMS”), manifest.csv and manifest.pdf. Each item "
        "gets a “handed over” custody event. The case is named by its number only unless --include-identity."
    ),
)
@click.argument("case_number", metavar="CASE")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help=tr("An existing folder; the packet is created inside it."),
)
@click.option("--recipient", required=True, metavar="NAME", help=tr("To whom the packet goes."))
@click.option("--purpose", required=True, metavar="TEXT", help=tr("What it is for (a police report, a trial)."))
@click.option("--organization", default="", metavar="ORG", help=tr("The recipient's organization."))
@click.option("--reference", default="", metavar="REF", help=tr("Their reference or case number."))
@click.option(
    "--items", "items", default=None, metavar="ID,...", help=tr("Only these items (default: every item not destroyed).")
)
@click.option("--zip", "as_zip", is_flag=True, help=tr("Write one .zip instead of a folder."))
@click.option(
    "--include-identity",
    is_flag=True,
    help=tr("Also write the survivor's real name and phone into the manifests (logged as a reveal)."),
)
@auth_options
@click.pass_context
def export_evidence(
    ctx: click.Context,
    case_number: str,
    out_dir: Path,
    recipient: str,
    purpose: str,
    organization: str,
    reference: str,
    items: str | None,
    as_zip: bool,
    include_identity: bool,
) -> None:
    # Imported here: the PDF writer loads QtGui, which no other command needs.
    from safecase.pdf import render_pdf
    from safecase.services.evidence_packet import EvidencePacketService, PacketRequest

    request = PacketRequest(
        recipient=recipient,
        purpose=purpose,
        organization=organization,
        reference=reference,
        item_ids=_item_ids(ctx, items),
        as_zip=as_zip,
        include_identity=include_identity,
    )
    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress and total:
            click.echo(f"\r{done * 100 // total:3d}%", err=True, nl=False)

    with signed_in(ctx) as session:
        case_id = CaseService(session).id_for_number(case_number)
        try:
            result = EvidencePacketService(session, render_pdf).export(case_id, out_dir, request, progress=progress)
        finally:
            if show_progress:
                click.echo("\r\033[K", err=True, nl=False)
    click.echo(str(result.path))
    for line in result.checksum_lines():
        click.echo(line)
    click.echo(
        trn(
            "Packet of {count} item written, {files} original files in it; recorded as handed over to {recipient}.",
            "Packet of {count} items written, {files} original files in it; each recorded as handed over to {recipient}.",
            len(result.item_ids),
        ).format(count=len(result.item_ids), files=result.files, recipient=recipient.strip()),
        err=True,
    )


# --- custody: hand-over, return, destroy -----------------------------------------------------------------


def _item_argument(f: click.decorators.FC) -> click.decorators.FC:
    return click.argument("item_id", metavar="ITEM", callback=_item_id)(f)


@evidence_group.command(
    "hand-over",
    help=tr(
        "Record in ITEM's custody log that it (or a copy) was handed over: to whom, their organization, "
        "why and their reference number. Nothing is exported; use “safecase evidence export” for a packet."
    ),
)
@_item_argument
@click.option("--to", "recipient", required=True, metavar="NAME", help=tr("To whom it was handed over."))
@click.option("--organization", default="", metavar="ORG", help=tr("The recipient's organization."))
@click.option("--purpose", required=True, metavar="TEXT", help=tr("What it is for (a police report, a trial)."))
@click.option("--reference", default="", metavar="REF", help=tr("Their reference or case number."))
@auth_options
@click.pass_context
def hand_over_evidence(
    ctx: click.Context, item_id: int, recipient: str, organization: str, purpose: str, reference: str
) -> None:
    if not purpose.strip():
        # The service lets a packet's purpose be empty; here the option is the only record of why.
        raise click.BadParameter(tr("say what it is for"), ctx, param_hint="--purpose")
    with signed_in(ctx) as session:
        service = EvidenceService(session)
        service.hand_over(item_id, HandOver(recipient, organization, purpose, reference))
        label = service.get(item_id).item.label
    click.echo(tr("Recorded: {item} handed over to {recipient}.").format(item=label, recipient=recipient.strip()))


@evidence_group.command("return", help=tr("Record in ITEM's custody log that what was handed over came back."))
@_item_argument
@click.option("--by", "returned_by", required=True, metavar="NAME", help=tr("Who returned it."))
@click.option("--note", default="", metavar="TEXT", help=tr("Anything to note (what came back, in what state)."))
@auth_options
@click.pass_context
def return_evidence(ctx: click.Context, item_id: int, returned_by: str, note: str) -> None:
    with signed_in(ctx) as session:
        service = EvidenceService(session)
        service.record_return(item_id, returned_by, note)
        label = service.get(item_id).item.label
    click.echo(tr("Recorded: {item} returned by {who}.").format(item=label, who=returned_by.strip()))


@evidence_group.command(
    "destroy",
    help=tr(
        "Destroy ITEM's kept file: its key is deleted, then the encrypted file, so it can never be recovered. "
        "The item's SHA-256, details and custody log stay, with a “destroyed” event. Asks first unless --yes."
    ),
)
@_item_argument
@click.option("--reason", required=True, metavar="TEXT", help=tr("Why (recorded in the custody log)."))
@click.option("--yes", "assume_yes", is_flag=True, help=tr("Destroy without asking for confirmation."))
@auth_options
@click.pass_context
def destroy_evidence(ctx: click.Context, item_id: int, reason: str, assume_yes: bool) -> None:
    if not reason.strip():
        raise click.BadParameter(tr("say why it is destroyed"), ctx, param_hint="--reason")
    with signed_in(ctx) as session:
        service = EvidenceService(session)
        item = service.get(item_id).item
        if item.destroyed:
            raise SafeCaseError(tr("Evidence item {item} was destroyed already.").format(item=item.label))
        if item.stored:
            question = tr("Destroy the file of {item}? It can never be recovered; its SHA-256 and custody log stay.")
        else:
            question = tr("No file of {item} is kept. Record it as destroyed? Its details and custody log stay.")
        if not assume_yes and not click.confirm(question.format(item=item.label), err=True):
            raise SafeCaseError(tr("Nothing was destroyed."))
        record = service.destroy(item_id, reason)
    click.echo(
        tr("Destroyed the file of {item}; its SHA-256 and custody log stay.").format(item=record.item.label)
        if item.stored
        else tr("Recorded {item} as destroyed.").format(item=record.item.label)
    )
