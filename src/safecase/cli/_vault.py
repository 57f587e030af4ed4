"""Whole-vault commands: init, verify, audit, backup and restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from safecase.domain.audit import AuditEntry, AuditHead
from safecase.domain.errors import InputError, PermissionDeniedError, SafeCaseError, VaultExistsError
from safecase.domain.user_names import normalize_user_name
from safecase.i18n import tr, trn
from safecase.services import access
from safecase.services.audit import AuditService
from safecase.services.backups import TargetState, create_backup, preview_restore, restore_backup, state_label
from safecase.services.locations import vault_exists
from safecase.services.verify import verify_vault

from ._base import (
    acting_user,
    auth_options,
    echo_json,
    echo_recovery_key,
    echo_table,
    human_size,
    local_time,
    pad,
    read_new_password,
    read_password,
    read_recovery_key,
    recovery_key_stdin_option,
    reject_two_stdin_secrets,
    signed_in,
    vault_option,
    vault_path,
)
from ._labels import action_word, audit_details, target_word

DEFAULT_AUDIT_LIMIT = 100


@click.command(
    "init",
    short_help=tr("Create a new vault."),
    help=tr("Create a new vault with its first administrator and print its recovery key."),
)
@click.option(
    "--admin", "admin_name", required=True, metavar="NAME", help=tr("Sign-in name of the first administrator.")
)
@click.option("--display-name", default="", help=tr("The administrator's name as shown in the app."))
@vault_option
@click.pass_context
def init_vault(ctx: click.Context, admin_name: str, display_name: str) -> None:
    root = vault_path(ctx)
    if vault_exists(root):
        raise VaultExistsError(tr("{path} already holds a SafeCase vault; it was left untouched.").format(path=root))
    name = access.check_new_user_name(admin_name)
    password = read_new_password(ctx, name)
    created = access.create_vault(root, admin_name, password, display_name)
    try:
        click.echo(tr("Created a SafeCase vault at {path} with the administrator {name}.").format(path=root, name=name))
        click.echo()
        echo_recovery_key(
            tr("RECOVERY KEY (shown only this once):"), created.recovery_key, created.recovery_fingerprint
        )
        click.echo()
        click.echo(
            tr(
                "Write it and its fingerprint on paper now and keep the paper locked away, apart from this "
                "computer. “safecase verify” shows the fingerprint of the recovery key the vault expects."
            )
        )
        click.echo(
            tr(
                "Whoever holds it can open the vault and reset any password. If every administrator "
                "forgets their password and this key is lost, the case files cannot be recovered."
            )
        )
    finally:
        created.session.close()


@click.command(
    "verify",
    short_help=tr("Check that the vault is intact."),
    help=tr("Check the encryption, the structure, the key file and the audit chain."),
)
@auth_options
@click.pass_context
def verify(ctx: click.Context) -> None:
    with signed_in(ctx) as session:
        report = verify_vault(session)
    for check in report.checks:
        status = tr("OK") if check.ok else tr("FAILED")
        click.echo(f"{pad(status, 6)}  {check.name}: {check.detail}")
    click.echo(tr("Audit head: {head}").format(head=_head(report.head)))
    failed = sum(1 for check in report.checks if not check.ok)
    if failed:
        raise SafeCaseError(
            trn(
                "{count} check failed: restore the vault from a backup and keep the damaged copy for inspection.",
                "{count} checks failed: restore the vault from a backup and keep the damaged copy for inspection.",
                failed,
            ).format(count=failed)
        )


def _made_at(created_at: str) -> str:
    """A backup's creation time (ISO 8601 in its manifest) as every time in the CLI is shown."""
    try:
        return local_time(datetime.fromisoformat(created_at))
    except ValueError:
        return created_at  # a manifest from elsewhere: shown as written rather than hidden


def _head(head: AuditHead | None) -> str:
    return tr("none (the audit log is empty)") if head is None else head.short()


def _entry_json(entry: AuditEntry) -> dict[str, object]:
    # Codes, in every language: --json is for scripts, which match on them. The table is for people.
    return {
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "details": entry.details,
    }


@click.command(
    "audit",
    short_help=tr("Show the audit log."),
    help=tr("Show the audit log, newest first (supervisors and administrators)."),
)
@click.option("--json", "as_json", is_flag=True, help=tr("Print JSON instead of a table."))
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=DEFAULT_AUDIT_LIMIT,
    show_default=True,
    help=tr("How many of the newest entries to show."),
)
@auth_options
@click.pass_context
def audit(ctx: click.Context, as_json: bool, limit: int) -> None:
    with signed_in(ctx) as session:
        entries = AuditService(session).entries(limit=limit)
    if as_json:
        echo_json([_entry_json(entry) for entry in entries])
        return
    echo_table(
        [tr("SEQ"), tr("TIME"), tr("ACTOR"), tr("ACTION"), tr("TARGET"), tr("DETAILS")],
        [
            [
                str(e.seq),
                local_time(e.at),
                e.actor,
                action_word(e.action),
                target_word(e.target_type, e.target_id),
                audit_details(e.action, e.details),
            ]
            for e in entries
        ],
    )


@click.command(
    "backup",
    short_help=tr("Write an encrypted backup file."),
    help=tr("Write an encrypted backup of the vault to a file (administrators)."),
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help=tr("The backup file to write."),
)
@click.option("--overwrite", is_flag=True, help=tr("Replace FILE if it already exists."))
@auth_options
@click.pass_context
def backup(ctx: click.Context, out: Path, overwrite: bool) -> None:
    out = out.expanduser().absolute()
    if out.exists() and not overwrite:
        raise InputError(tr("{path} already exists; choose another file name or add --overwrite.").format(path=out))
    with signed_in(ctx) as session:
        manifest = create_backup(session, out)
    click.echo(tr("Backup written to {path}: {size}.").format(path=out, size=human_size(out.stat().st_size)))
    head = None if manifest.checkpoint is None else manifest.checkpoint.head
    click.echo(
        tr("Audit head: {head} (signed into the backup; key generation {generation}).").format(
            head=_head(head), generation=manifest.generation
        )
    )
    click.echo(tr("It opens with the same passwords and recovery key as the vault; store it somewhere safe."))


@click.command(
    "restore",
    short_help=tr("Restore a backup file."),
    help=tr(
        "Restore a backup file as the vault at --vault (administrator or recovery key). Where no readable "
        "vault is at --vault (nothing there, keys.json missing or damaged, the database missing), only the "
        "recovery key can restore. Shows the backup's date and key generation and asks first."
    ),
)
@click.argument("backup_file", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--replace", is_flag=True, help=tr("Overwrite a vault already at the target folder."))
@click.option("--yes", "assume_yes", is_flag=True, help=tr("Restore without asking for confirmation."))
@recovery_key_stdin_option(tr("Prove the right to restore with the recovery key, read from standard input."))
@auth_options
@click.pass_context
def restore(ctx: click.Context, backup_file: Path, replace: bool, assume_yes: bool, recovery_key_stdin: bool) -> None:
    reject_two_stdin_secrets(ctx, recovery_key_stdin)
    target = vault_path(ctx)
    if vault_exists(target) and not replace:
        raise VaultExistsError(
            tr("{path} already holds a vault; use --replace to overwrite it. Nothing was changed.").format(path=target)
        )
    preview = preview_restore(backup_file, target)
    manifest = preview.summary.manifest
    click.echo(
        tr("Backup made {created}, key generation {generation}, audit head {head}.").format(
            created=_made_at(manifest.created_at), generation=preview.summary.generation, head=_head(preview.head)
        )
    )
    if preview.target is not TargetState.INTACT:
        click.echo(tr("At {path}: {state}.").format(path=target, state=state_label(preview.target)))
    for warning in preview.warnings:
        click.echo(tr("safecase: warning: {message}").format(message=warning), err=True)
    if not recovery_key_stdin and preview.target is not TargetState.INTACT:
        # Refused before anyone types a password: the service would refuse it too.
        raise PermissionDeniedError(
            tr(
                "There is no readable vault at {path} ({state}), so it cannot show who its administrators are: "
                "restoring there needs the recovery key (--recovery-key-stdin). Nothing was changed."
            ).format(path=target, state=state_label(preview.target))
        )
    if not assume_yes and not click.confirm(tr("Restore this backup into {path}?").format(path=target), err=True):
        raise SafeCaseError(tr("Nothing was restored."))
    if recovery_key_stdin:
        result = restore_backup(backup_file, target, recovery_key=read_recovery_key(ctx), replace=replace)
    else:
        # The backup's own key file is checked, so the name is normalized here as sign-in does.
        name = normalize_user_name(acting_user(ctx))
        password = read_password(ctx, name)
        result = restore_backup(backup_file, target, user_name=name, password=password, replace=replace)
    click.echo(
        tr("Restored the backup made {created} into {path}. Run “safecase verify” after signing in.").format(
            created=_made_at(result.manifest.created_at), path=target
        )
    )
    if result.replaced_copy is not None:
        click.echo(
            tr("The vault it replaced was kept, still encrypted, at {path}; delete it once you are sure.").format(
                path=result.replaced_copy
            )
        )
