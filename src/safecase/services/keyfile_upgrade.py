"""Upgrading ``keys.json`` from version 1 (roles readable in every slot) to version 2.

Run by the first sign-in of an administrator, or use of the recovery key, on a vault whose key file is
still version 1; see :mod:`safecase.vault.keyfile` for what version 2 holds.
"""

from __future__ import annotations

from safecase.crypto.kdf import Argon2Params
from safecase.crypto.keyslots import new_key_pair
from safecase.crypto.signing import new_signing_key, verifying_key_of
from safecase.domain.audit import AuditAction
from safecase.domain.errors import VaultFormatError
from safecase.domain.roles import Role
from safecase.i18n import tr
from safecase.services.clock import Clock
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import Connection
from safecase.vault.keyfile import (
    RECOVERY_SLOT_ID,
    Account,
    AccountList,
    KeyFile,
    Slot,
    pad_with_decoys,
    seal_keys,
    sign_accounts,
    slot_id_for,
    with_accounts,
)
from safecase.vault.paths import VaultPaths
from safecase.vault.repositories.audit import AuditRepository
from safecase.vault.repositories.users import UserRepository
from safecase.vault.unit_of_work import transaction


def upgrade_key_file(
    paths: VaultPaths, conn: Connection, data_key: bytes, actor: str, params: Argon2Params, clock: Clock
) -> None:
    """Write keys.json as version 2: new administrators' and supervisors' keys, every slot re-sealed.

    The slots' public keys allow re-sealing without anyone's password; each slot keeps its version-1
    lock until its owner next signs in. Accounts and roles are taken from the version-1 vault as it
    stands (where the database and the slot disagree about roles, only the roles both give): version 1
    could not tell an edit by someone holding the data key from the administrators' own work, so the
    administrator who upgrades should look over the list of users afterwards. ``params`` becomes the
    vault's Argon2id cost (calibrated by the caller before the write lock is taken).
    """
    with transaction(conn):
        legacy = keyfiles.load_any(paths.keyfile)
        if isinstance(legacy, KeyFile):
            return  # upgraded by another sign-in meanwhile
        if not legacy.mac_valid(data_key):
            raise VaultFormatError(
                tr(
                    "The key file (keys.json) was edited outside SafeCase. Restore it from a backup; it was not "
                    "changed."
                )
            )
        vault_id = legacy.vault_id
        admin_key = new_signing_key()
        admin_public = verifying_key_of(admin_key)
        supervisor_key, supervisor_public = new_key_pair()
        slots: list[Slot] = []
        accounts: list[Account] = []
        rekey_due = False
        for user in UserRepository(conn).all():
            user_slot_id = slot_id_for(vault_id, user.name)
            old = legacy.find(user_slot_id)
            roles = user.roles & old.roles if old is not None else user.roles
            public_key = None
            if old is not None and user.enabled:
                public_key = old.sealed.public_key
                sealed = seal_keys(
                    vault_id,
                    user_slot_id,
                    public_key,
                    data_key=data_key,
                    admin_key=admin_key if Role.ADMIN in roles else None,
                    supervisor_key=supervisor_key if Role.SUPERVISOR in roles else None,
                )
                slots.append(Slot(user_slot_id, old.sealed.locked, sealed))
            if not user.enabled and user_slot_id not in legacy.disabled:
                rekey_due = True  # disabled, but the re-key that goes with it never finished
            accounts.append(Account(user_slot_id, user.name, public_key, roles, user.enabled))
        recovery = Slot(
            RECOVERY_SLOT_ID,
            legacy.recovery.locked,
            seal_keys(
                vault_id,
                RECOVERY_SLOT_ID,
                legacy.recovery.public_key,
                data_key=data_key,
                admin_key=admin_key,
                supervisor_key=supervisor_key,
            ),
        )
        keyfile = KeyFile(
            vault_id=vault_id,
            generation=legacy.generation,
            admin_public_key=admin_public,
            admin_key_history=(),
            kdf=params,
            slots=tuple(slots),
            recovery=recovery,
            accounts=b"",
        )
        account_list = AccountList(
            vault_id=vault_id,
            generation=legacy.generation,
            admin_public_key=admin_public,
            supervisor_public_key=supervisor_public,
            recovery_public_key=recovery.public_key,
            kdf=params,
            accounts=tuple(accounts),
            decoys=(),
            rekey_due=rekey_due,
        )
        keyfile, account_list = pad_with_decoys(keyfile, account_list)
        keyfile = with_accounts(keyfile, sign_accounts(account_list, admin_key), data_key)
        AuditRepository(conn).append(
            clock.now(), actor, AuditAction.MIGRATED.value, "vault", vault_id, {"key_file": str(keyfiles.VERSION)}
        )
        keyfiles.save(paths.keyfile, keyfile)
