"""``safecase user …``: add, list, disable, enable, change and reset passwords."""

from __future__ import annotations

import click

from safecase.domain.roles import Permission, Role, parse_roles, sorted_roles
from safecase.domain.users import User
from safecase.i18n import tr, trc
from safecase.services import access
from safecase.services.accounts import AccountService, reset_password_with_recovery_key

from ._base import (
    acting_user,
    auth_options,
    echo_json,
    echo_recovery_key,
    echo_table,
    existing_vault,
    local_time,
    read_new_password,
    read_password,
    read_recovery_key,
    recovery_key_stdin_option,
    reject_two_stdin_secrets,
    signed_in,
    user_option,
    vault_option,
)
from ._labels import roles_word

ROLE_CHOICE = click.Choice([role.value for role in Role], case_sensitive=False)


@click.group("user", help=tr("Manage the accounts of the vault."))
@vault_option
@user_option
def user_group() -> None:
    pass


@user_group.command(
    "add", help=tr("Add a user. Their first password is asked twice, or read from $SAFECASE_NEW_PASSWORD.")
)
@click.argument("name")
@click.option(
    "--role",
    "roles",
    type=ROLE_CHOICE,
    multiple=True,
    required=True,
    help=tr("A role of the new user; repeat for several."),
)
@click.option("--display-name", default="", help=tr("The name shown in the app (default: NAME)."))
@auth_options
@click.pass_context
def add_user(ctx: click.Context, name: str, roles: tuple[str, ...], display_name: str) -> None:
    normalized = access.check_new_user_name(name)
    with signed_in(ctx) as session:
        session.require(Permission.MANAGE_USERS)
        password = read_new_password(ctx, normalized)
        user = AccountService(session).add_user(name, parse_roles(roles), password, display_name)
    click.echo(tr("Added {name} ({roles}).").format(name=user.name, roles=roles_word(user.roles)))


def _user_json(user: User) -> dict[str, object]:
    return {
        "name": user.name,
        "display_name": user.display_name,
        "roles": sorted_roles(user.roles),
        "enabled": user.enabled,
        "created_at": user.created_at.isoformat(),
    }


@user_group.command("list", help=tr("List every account (administrators and supervisors)."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print JSON instead of a table."))
@auth_options
@click.pass_context
def list_users(ctx: click.Context, as_json: bool) -> None:
    with signed_in(ctx) as session:
        users = AccountService(session).list_users()
    if as_json:
        echo_json([_user_json(user) for user in users])
        return
    echo_table(
        [tr("NAME"), tr("DISPLAY NAME"), tr("ROLES"), trc("account", "STATUS"), tr("CREATED")],
        [
            [
                user.name,
                user.display_name,
                roles_word(user.roles),
                tr("enabled") if user.enabled else tr("disabled"),
                local_time(user.created_at),
            ]
            for user in users
        ],
    )


@user_group.command(
    "disable",
    short_help=tr("Disable an account."),
    help=tr(
        "Disable an account: its key slot is emptied and the vault is re-keyed. With --new-recovery-key "
        "the recovery key is replaced too (the new one is printed once)."
    ),
)
@click.argument("name")
@click.option(
    "--new-recovery-key",
    is_flag=True,
    help=tr("Also replace the recovery key, e.g. when the person may have seen the paper one."),
)
@auth_options
@click.pass_context
def disable_user(ctx: click.Context, name: str, new_recovery_key: bool) -> None:
    with signed_in(ctx) as session:
        recovery = AccountService(session).disable_user(name, new_recovery_key=new_recovery_key)
    click.echo(tr("Disabled {name}. The vault was re-keyed; their old password opens nothing.").format(name=name))
    if recovery is not None:
        click.echo()
        echo_recovery_key(
            tr("NEW RECOVERY KEY (shown only this once; the old one no longer opens the vault):"),
            recovery.key,
            recovery.fingerprint,
        )
        click.echo(tr("Write both on paper now, lock the paper away and destroy the old one."))


@user_group.command(
    "roles",
    short_help=tr("Change someone's roles."),
    help=tr(
        "Give an account other roles (administrators). Taking the administrator or supervisor role away "
        "replaces that role's key."
    ),
)
@click.argument("name")
@click.option(
    "--role",
    "roles",
    type=ROLE_CHOICE,
    multiple=True,
    required=True,
    help=tr("A role the user keeps or gets; repeat for several. Roles not given are taken away."),
)
@auth_options
@click.pass_context
def set_roles(ctx: click.Context, name: str, roles: tuple[str, ...]) -> None:
    with signed_in(ctx) as session:
        AccountService(session).set_roles(name, parse_roles(roles))
    click.echo(tr("{name} now has the roles {roles}.").format(name=name, roles=roles_word(parse_roles(roles))))


@user_group.command("enable", help=tr("Enable a disabled account again, with a new password."))
@click.argument("name")
@auth_options
@click.pass_context
def enable_user(ctx: click.Context, name: str) -> None:
    with signed_in(ctx) as session:
        session.require(Permission.MANAGE_USERS)
        password = read_new_password(ctx, name)
        AccountService(session).enable_user(name, password)
    click.echo(tr("Enabled {name}. Ask them to change the password after signing in.").format(name=name))


@user_group.command("passwd", help=tr("Change your own password."))
@auth_options
@click.pass_context
def change_password(ctx: click.Context) -> None:
    existing_vault(ctx)
    name = acting_user(ctx)
    old_password = read_password(ctx, name)
    with signed_in(ctx, old_password) as session:
        new_password = read_new_password(ctx, session.user.name)
        AccountService(session).change_own_password(old_password, new_password)
    click.echo(tr("Your password was changed."))


@user_group.command(
    "reset",
    short_help=tr("Reset someone's password."),
    help=tr(
        "Set a new password for someone who forgot theirs: as an administrator, or with the vault's "
        "recovery key (--recovery-key-stdin; no sign-in needed)."
    ),
)
@click.argument("name")
@recovery_key_stdin_option(
    tr(
        "Read the recovery key from standard input instead of signing in; the new password then comes from $SAFECASE_NEW_PASSWORD or a prompt on the terminal."
    )
)
@auth_options
@click.pass_context
def reset_password(ctx: click.Context, name: str, recovery_key_stdin: bool) -> None:
    reject_two_stdin_secrets(ctx, recovery_key_stdin)
    if recovery_key_stdin:
        root = existing_vault(ctx)
        recovery_key = read_recovery_key(ctx)
        password = read_new_password(ctx, name)
        reset_password_with_recovery_key(root, recovery_key, name, password)
    else:
        with signed_in(ctx) as session:
            session.require(Permission.MANAGE_USERS)
            password = read_new_password(ctx, name)
            AccountService(session).reset_password(name, password)
    click.echo(tr("The password of {name} was reset.").format(name=name))
