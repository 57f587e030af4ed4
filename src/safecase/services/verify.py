"""``safecase verify``: is every part of the vault intact?

Checks SQLCipher's page authentication (``cipher_integrity_check``), SQLite's structure
(``integrity_check``), the key file's checksum and MAC, and the whole audit chain, naming the first
broken audit row when one was edited, deleted or re-ordered.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from safecase.domain.audit import AuditAction
from safecase.domain.errors import VaultFormatError
from safecase.domain.roles import Permission
from safecase.i18n import tr
from safecase.services.session import VaultSession
from safecase.vault import keyfile as keyfiles
from safecase.vault.connection import DatabaseError
from safecase.vault.repositories.audit import AuditRepository


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class VerifyReport:
    checks: list[CheckResult]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def verify_vault(session: VaultSession) -> VerifyReport:
    session.require(Permission.VERIFY)
    conn = session.conn
    checks: list[CheckResult] = []

    # cipher_integrity_check reads the main file only; pages still in the WAL are not in it yet (after a
    # re-key by another process, the main file holds the old key's pages until a checkpoint).
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    cipher_errors = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    checks.append(
        CheckResult(
            tr("Database encryption"),
            not cipher_errors,
            tr("every page authenticates") if not cipher_errors else "; ".join(cipher_errors[:5]),
        )
    )
    integrity = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    structure_ok = integrity == ["ok"]
    checks.append(
        CheckResult(tr("Database structure"), structure_ok, tr("ok") if structure_ok else "; ".join(integrity[:5]))
    )

    try:
        on_disk = keyfiles.load(session.paths.keyfile)
        keyfile_ok = on_disk.mac_valid(session.data_key)
        keyfile_detail = tr("checksum and signature hold") if keyfile_ok else tr("signature does not match")
    except VaultFormatError as exc:
        keyfile_ok, keyfile_detail = False, exc.message
    checks.append(CheckResult(tr("Key file"), keyfile_ok, keyfile_detail))

    chain = AuditRepository(conn).check_chain()
    if chain.ok:
        chain_detail = tr("{count} rows, every link holds").format(count=chain.rows_checked)
    else:
        chain_detail = tr("first broken row: #{seq} ({reason})").format(seq=chain.first_bad_seq, reason=chain.reason)
    checks.append(CheckResult(tr("Audit log chain"), chain.ok, chain_detail))

    report = VerifyReport(checks)
    # A damaged database may refuse the write; the report is what the person asked for.
    with contextlib.suppress(DatabaseError):
        session.audit(AuditAction.VERIFIED, "vault", session.keyfile.vault_id, {"ok": str(report.ok).lower()})
    return report
