"""``keys.json`` as it is on disk now, trusted only as far as the administrators' signature reaches.

Every change to accounts and every seal of a case key starts from here: the key file's MAC under the
data key, its account list opened and its signature checked against the administrators' key the
caller trusts since sign-in (or one reached from it by signed rotations).
"""

from __future__ import annotations

from safecase.crypto.errors import CryptoError
from safecase.domain.errors import VaultFormatError
from safecase.i18n import tr
from safecase.vault import keyfile as keyfiles
from safecase.vault.keyfile import KeyFile, SignedAccounts, open_accounts
from safecase.vault.paths import VaultPaths


def changed_outside() -> VaultFormatError:
    return VaultFormatError(
        tr("The key file (keys.json) changed outside this session. Sign in again; nothing was changed.")
    )


def not_signed() -> VaultFormatError:
    return VaultFormatError(
        tr(
            "The account list in keys.json is not signed by this vault's administrators. Nothing was changed; "
            "restore keys.json from a backup."
        )
    )


def trusted_keys(paths: VaultPaths, vault_id: str, anchor: bytes, data_key: bytes) -> tuple[KeyFile, SignedAccounts]:
    """``keys.json`` on disk now, its MAC and signature checked; call under the database's write lock.

    ``anchor`` is the administrators' key the caller trusts (from its sign-in): the key file's must be
    it or reached from it by signed rotations.
    """
    keyfile = keyfiles.load(paths.keyfile)
    if keyfile.vault_id != vault_id or not keyfile.mac_valid(data_key):
        raise changed_outside()
    try:
        signed = open_accounts(keyfile, data_key)
    except CryptoError:
        raise changed_outside() from None
    if not keyfile.chain_holds_from(anchor) or not signed.signature_holds(keyfile.admin_public_key):
        raise not_signed()
    accounts = signed.accounts
    if not accounts.describes(keyfile):
        raise not_signed()
    return keyfile, signed
