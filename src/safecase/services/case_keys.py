"""Case keys for one session: opening them, sealing content under them, keeping their holders right.

See :mod:`safecase.vault.case_sealing` for who holds a case's key. A person opens a case's key with
their own key slot's private key (unlocked at sign-in), never with the data key: a colleague who copies
the vault and knows the data key still reads only ciphertext for the identity of a case not theirs,
and cannot open its evidence files.

A case's **sealed content** is its identity (real name and phone) and the key of each of its evidence
files (each file has its own key, encrypted under the case's key). A case gets its key the first time
sealed content is stored in it; cases without one hold nothing that needs it. Every write of sealed
identity, and every reassignment that takes someone off the case, gives the case a **fresh key**, never
the one it had: whoever held the old one (a supervisor since demoted, a counselor taken off by someone
who could not replace the key, someone who put old seals back with the data key) must not read what
is written from then on. Everything already sealed (the identity, every evidence key) is encrypted
again under the new key in the same unit of work, which needs the old key: someone without it can
replace an identity only while the case has no evidence files. A new evidence file is the exception:
it goes under the key the case has, if that key opens everything sealed so far (see
:meth:`CaseKeys.seal_evidence_key`). The evidence files themselves keep their own keys.

These are building blocks for the case services, called inside their units of work after their
permission checks; they check nothing themselves beyond holding a seal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from safecase.crypto.case_keys import (
    decrypt_identity,
    encrypt_identity,
    open_case_key,
    phone_match,
    unwrap_evidence_key,
    wrap_evidence_key,
)
from safecase.crypto.errors import CryptoError
from safecase.domain.audit import AuditAction
from safecase.domain.cases import SensitiveContact, normalize_phone
from safecase.domain.errors import InputError, VaultFormatError
from safecase.i18n import tr
from safecase.services.session import VaultSession
from safecase.services.trusted_keys import trusted_keys
from safecase.vault.case_sealing import expected_holders, give_new_key, seal_gaps, seal_to
from safecase.vault.keyfile import AccountList, slot_id_for
from safecase.vault.migrations import PHONE_MATCH_KEY
from safecase.vault.repositories.case_keys import CaseKeyRepository
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.evidence import EvidenceRepository
from safecase.vault.repositories.meta import MetaRepository


def _evidence_keys_changed() -> VaultFormatError:
    return VaultFormatError(
        tr("This case's sealed evidence keys were changed outside SafeCase and cannot be read. Run safecase verify.")
    )


def _no_key_yet() -> InputError:
    return InputError(
        tr(
            "You do not hold this case's key, so its real name and phone and its evidence files stay sealed. "
            "A supervisor gives it to you by confirming the case's counselors (Reassign); a new supervisor "
            "receives it at another supervisor's next sign-in."
        )
    )


@dataclass(frozen=True)
class Resealed:
    cases: int
    seals_added: int
    seals_removed: int


class CaseKeys:
    def __init__(self, session: VaultSession) -> None:
        self._session = session
        self._seals = CaseKeyRepository(session.conn)
        self._cases = CaseRepository(session.conn)
        self._evidence = EvidenceRepository(session.conn)

    @property
    def _vault_id(self) -> str:
        return self._session.keyfile.vault_id

    def _holder(self) -> str:
        return slot_id_for(self._vault_id, self._session.user.name)

    def signed_accounts(self) -> AccountList:
        """The signed account list as keys.json holds it now (read once per unit of work)."""
        session = self._session

        def read() -> AccountList:
            keyfile = session.keyfile
            _, signed = trusted_keys(session.paths, keyfile.vault_id, keyfile.admin_public_key, session.data_key)
            return signed.accounts

        uow = session.unit_of_work
        return uow.fact("signed-accounts", read) if uow.active else read()

    def phone_match(self, phone: str) -> str:
        """The keyed hash repeat-caller matching compares ('' for no number)."""
        digits = normalize_phone(phone)
        if not digits:
            return ""
        stored = MetaRepository(self._session.conn).get(PHONE_MATCH_KEY)
        if stored is None:
            raise VaultFormatError(tr("The vault has no phone-matching key. Run safecase verify."))
        return phone_match(bytes.fromhex(stored), digits)

    def open(self, case_id: int) -> bytes | None:
        """The case's key through this person's own seal; None when they hold none."""
        own = self._session.own_slot
        seal = self._seals.seal(case_id, self._holder())
        if own is None or seal is None:
            return None
        try:
            return open_case_key(self._vault_id, case_id, seal.holder, own.private_key, seal.envelope)
        except CryptoError:
            return None  # sealed to a key pair this person no longer has (a password reset)

    def has_sealed_content(self, case_id: int) -> bool:
        """Whether anything of the case is sealed under its key: its identity or an evidence file's key."""
        return self._cases.identity(case_id) is not None or self._evidence.has_wrapped_keys(case_id)

    def _sealed_so_far(self, case_id: int) -> tuple[SensitiveContact | None, list[tuple[int, str, bytes]]]:
        """Everything the case seals, opened with this person's key: (identity or None, [(item id, blob
        id, file key)]). Raises when they hold no key, or when it does not open what is sealed (a planted
        or swapped key): content is carried over to a new key only from the key it was sealed under."""
        sealed = self._cases.identity(case_id)
        wrapped = self._evidence.wrapped_keys(case_id)
        if sealed is None and not wrapped:
            return None, []
        case_key = self.open(case_id)
        if case_key is None:
            raise _no_key_yet()
        identity = None if sealed is None else self._decrypt(case_id, case_key, sealed)
        return identity, [(item, blob, self._unwrap(case_id, case_key, blob, key)) for item, blob, key in wrapped]

    def ensure_writable(self, case_id: int) -> None:
        """Raise now what sealing new content into the case would raise (before a long file is streamed)."""
        self._sealed_so_far(case_id)

    def seal_evidence_key(self, case_id: int, blob_id: str, blob_key: bytes, counselors: Iterable[str]) -> bytes:
        """An evidence file's key encrypted under the case's key.

        Files are added often, by every counselor on a case, so the key the case has is kept (a fresh
        one would reach only the writer, the supervisors and the recovery slot, and every other
        counselor would lose the case's files until a supervisor confirmed them). It is used only when
        it opens everything already sealed under it, so a planted key never is; a case with nothing
        sealed yet gets a fresh key. The price: someone who kept the case key after leaving the case
        without it being replaced can open files added since, given the data key (see the README).
        """
        if not self.has_sealed_content(case_id):
            case_key = self._replace_key(case_id, counselors, None)
        else:
            self._sealed_so_far(case_id)  # raises unless this person's key opens all of it
            opened = self.open(case_id)
            assert opened is not None  # _sealed_so_far raised otherwise
            case_key = opened
        return wrap_evidence_key(self._vault_id, case_id, blob_id, case_key, blob_key)

    def open_evidence_key(self, case_id: int, blob_id: str, wrapped: bytes) -> bytes:
        """An evidence file's key through this person's seal of the case key."""
        case_key = self.open(case_id)
        if case_key is None:
            raise _no_key_yet()
        return self._unwrap(case_id, case_key, blob_id, wrapped)

    def _unwrap(self, case_id: int, case_key: bytes, blob_id: str, wrapped: bytes) -> bytes:
        try:
            return unwrap_evidence_key(self._vault_id, case_id, blob_id, case_key, wrapped)
        except CryptoError:
            raise _evidence_keys_changed() from None

    def _decrypt(self, case_id: int, case_key: bytes, sealed: bytes) -> SensitiveContact:
        try:
            real_name, phone = decrypt_identity(self._vault_id, case_id, case_key, sealed)
        except CryptoError:
            raise VaultFormatError(
                tr("This case's sealed identity was changed outside SafeCase and cannot be read.")
            ) from None
        return SensitiveContact(real_name, phone)

    def read_identity(self, case_id: int) -> SensitiveContact:
        sealed = self._cases.identity(case_id)
        if sealed is None:
            return SensitiveContact()
        case_key = self.open(case_id)
        if case_key is None:
            raise _no_key_yet()
        return self._decrypt(case_id, case_key, sealed)

    def write_identity(self, case_id: int, identity: SensitiveContact, counselors: Iterable[str]) -> None:
        """Seal ``identity`` under a fresh key for the case; empty clears it.

        A fresh key every time, never the one the case had: whoever held the old one (a supervisor since
        demoted, a counselor taken off by someone who could not replace the key, or someone who put
        old seals back with the data key) must not read what is written now. The new key goes to
        ``counselors`` (named by the caller's explicit act), the supervisors and the recovery slot;
        other counselors get it when a supervisor confirms them.
        """
        if not identity.real_name and not identity.phone:
            if self._cases.identity(case_id) is not None:
                self._cases.set_identity(case_id, None, "")
                if not self._evidence.has_wrapped_keys(case_id):
                    self._seals.remove_case(case_id)  # nothing is sealed under it any more
            return
        self._replace_key(case_id, counselors, identity)

    def _replace_key(self, case_id: int, counselors: Iterable[str], identity: SensitiveContact | None) -> bytes:
        """A new key for the case, sealed to ``counselors``, the supervisors and the recovery slot, with
        everything the case seals encrypted under it in the same unit of work: ``identity`` (None: the
        one it has, if any) and every evidence file's key. Returns the new key."""
        kept, files = self._sealed_so_far(case_id) if identity is None else (None, self._evidence_keys(case_id))
        identity = identity if identity is not None else kept
        case_key = give_new_key(self._session.conn, self._vault_id, case_id, self.signed_accounts(), counselors)
        if identity is not None:
            sealed = encrypt_identity(self._vault_id, case_id, case_key, identity.real_name, identity.phone)
            self._cases.set_identity(case_id, sealed, self.phone_match(identity.phone))
        for item_id, blob_id, blob_key in files:
            self._evidence.set_wrapped_key(
                item_id, wrap_evidence_key(self._vault_id, case_id, blob_id, case_key, blob_key)
            )
        return case_key

    def _evidence_keys(self, case_id: int) -> list[tuple[int, str, bytes]]:
        """The case's evidence file keys, opened with this person's key (none: no need for a key)."""
        wrapped = self._evidence.wrapped_keys(case_id)
        if not wrapped:
            return []
        case_key = self.open(case_id)
        if case_key is None:
            raise _no_key_yet()
        return [(item, blob, self._unwrap(case_id, case_key, blob, key)) for item, blob, key in wrapped]

    def after_reassign(self, case_id: int, old: Iterable[str], new: Iterable[str]) -> bool:
        """Seal the key to the counselors a supervisor just named; when someone left, replace the key.

        Whoever left may have kept the old key, so a new one is made and the identity re-encrypted
        under it. Only this explicit choice (and a case's creation) seals a key to counselors: the
        ``case_counselors`` table can be edited by anyone holding the data key, so nothing seals to
        whoever it lists on its own. When this person holds no seal, the leavers' seals are removed and
        the newcomers wait for a supervisor who holds one. Every evidence key of the case is encrypted
        again under the new key too. Returns whether any seal changed.
        """
        if not self.has_sealed_content(case_id):
            if self._seals.has_key(case_id):
                self._seals.remove_case(case_id)  # nothing sealed under it: the next write makes a fresh key
                return True
            return False
        accounts = self.signed_accounts()
        expected = expected_holders(accounts, new)
        current = {s.holder: s.public_key for s in self._seals.seals(case_id)}
        removed = set(old) - set(new)
        case_key = self.open(case_id)
        conn = self._session.conn
        if case_key is None:
            leavers = [h for h in current if h not in expected]
            self._seals.remove(case_id, leavers)
            return bool(leavers)
        if removed:
            self._replace_key(case_id, new, None)
            return True
        missing = {h: key for h, key in expected.items() if current.get(h) != key}
        seal_to(conn, self._vault_id, case_id, case_key, missing)
        return bool(missing)

    def lacking_key(self, case_id: int, counselors: Iterable[str]) -> list[str]:
        """Those of ``counselors`` (sign-in names) the case's key is not sealed to (when it has sealed content)."""
        if not self.has_sealed_content(case_id):
            return []
        accounts = self.signed_accounts()
        current = {s.holder: s.public_key for s in self._seals.seals(case_id)}
        by_name = {a.name: a for a in accounts.accounts}
        lacking: list[str] = []
        for name in counselors:
            account = by_name.get(name)
            if account is not None and account.enabled and current.get(account.slot_id) != account.public_key:
                lacking.append(name)
        return lacking

    def reconcile(self) -> Resealed:
        """Bring the seals of the cases this person can open in line with the signed list.

        Run after sign-in: it gives keys to supervisors added since (or whose password was reset) and
        to a new recovery key, all named by the signed list; and it removes seals nobody on the list
        should hold. It never adds a counselor: who is on a case is read from a table anyone with the
        data key can edit, so counselors get seals only when a supervisor names them
        (:meth:`after_reassign`). One unit of work, audit-logged when anything changed.
        """
        session = self._session
        with session.write():
            accounts = self.signed_accounts()
            gaps = seal_gaps(session.conn, accounts)
            supervisory = expected_holders(accounts, ())  # supervisors and the recovery slot
            mine = set(self._seals.cases_held_by(self._holder()))
            added = removed = 0
            touched: set[int] = set()
            for case_id, missing in gaps.missing.items():
                wanted = {h: key for h, key in missing.items() if supervisory.get(h) == key}
                if case_id not in mine or not wanted:
                    continue
                case_key = self.open(case_id)
                if case_key is None:
                    continue
                seal_to(session.conn, self._vault_id, case_id, case_key, wanted)
                added += len(wanted)
                touched.add(case_id)
            for case_id, stale in gaps.stale.items():
                if case_id in gaps.orphaned and case_id not in touched:
                    continue  # nobody else could open it: keep the old seals until someone reseals it
                self._seals.remove(case_id, stale)
                removed += len(stale)
                touched.add(case_id)
            if touched:
                session.log(
                    AuditAction.CASE_KEYS_RESEALED,
                    "cases",
                    "",
                    {"cases": str(len(touched)), "added": str(added), "removed": str(removed)},
                )
        return Resealed(len(touched), added, removed)


def sealing_problems(session: VaultSession) -> list[str]:
    """For ``verify``: cases whose sealed content (identity, evidence keys) nobody on the signed list can
    open, one phrase each.

    Reads only; seals that are merely stale (someone disabled, a password reset) are counted, not
    named: the next sign-in of someone holding the case's key removes them.
    """
    conn = session.conn
    keys = CaseKeys(session)
    gaps = seal_gaps(conn, keys.signed_accounts())
    unsealed = [
        int(row[0])
        for row in conn.execute(
            "SELECT id FROM cases WHERE (identity IS NOT NULL OR id IN "
            "(SELECT case_id FROM evidence_items WHERE blob_key IS NOT NULL)) "
            "AND id NOT IN (SELECT case_id FROM case_keys)"
        )
    ]
    numbers = CaseRepository(conn).numbers([*unsealed, *gaps.orphaned])
    problems = [
        tr("case {number}: its identity or evidence is sealed but no key to it is stored").format(
            number=numbers.get(c, c)
        )
        for c in sorted(unsealed)
    ]
    problems += [
        tr("case {number}: nobody on the account list holds its key").format(number=numbers.get(c, c))
        for c in sorted(gaps.orphaned)
    ]
    return problems
