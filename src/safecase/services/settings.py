"""Vault-wide settings (auto-lock time, center name, the smallest count a statistics report shows); anyone
reads them, only admins change them."""

from __future__ import annotations

from safecase.domain.audit import AuditAction
from safecase.domain.errors import InputError
from safecase.domain.roles import Permission
from safecase.domain.settings import (
    MAX_AUTO_LOCK_MINUTES,
    MAX_REPORT_MIN_CELL,
    MIN_AUTO_LOCK_MINUTES,
    MIN_REPORT_MIN_CELL,
    VaultSettings,
)
from safecase.i18n import tr
from safecase.services.session import VaultSession
from safecase.vault.repositories.settings import SettingsRepository

AUTO_LOCK_KEY = "auto_lock_minutes"
CENTER_NAME_KEY = "center_name"
REPORT_MIN_CELL_KEY = "report_min_cell"
MAX_CENTER_NAME = 200


class SettingsService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def current(self) -> VaultSettings:
        repo = SettingsRepository(self._session.conn)
        defaults = VaultSettings()
        minutes = repo.get(AUTO_LOCK_KEY)
        auto_lock = int(minutes) if minutes is not None and minutes.isdigit() else defaults.auto_lock_minutes
        min_cell = repo.get(REPORT_MIN_CELL_KEY)
        k = int(min_cell) if min_cell is not None and min_cell.isdigit() else defaults.report_min_cell
        return VaultSettings(
            auto_lock_minutes=min(max(auto_lock, MIN_AUTO_LOCK_MINUTES), MAX_AUTO_LOCK_MINUTES),
            center_name=repo.get(CENTER_NAME_KEY) or defaults.center_name,
            # Clamped like the auto-lock: a value written around the service (every account knows the
            # data key) can never bring the reports' floor below MIN_REPORT_MIN_CELL.
            report_min_cell=min(max(k, MIN_REPORT_MIN_CELL), MAX_REPORT_MIN_CELL),
        )

    def set_auto_lock_minutes(self, minutes: int) -> None:
        if not MIN_AUTO_LOCK_MINUTES <= minutes <= MAX_AUTO_LOCK_MINUTES:
            raise InputError(
                tr("Auto-lock must be between {low} and {high} minutes.").format(
                    low=MIN_AUTO_LOCK_MINUTES, high=MAX_AUTO_LOCK_MINUTES
                )
            )
        self._set(AUTO_LOCK_KEY, str(minutes), {"auto_lock_minutes": str(minutes)})

    def set_report_min_cell(self, k: int) -> None:
        """The smallest count statistics reports show as it is; 1 to k-1 print as ``<k``."""
        if not MIN_REPORT_MIN_CELL <= k <= MAX_REPORT_MIN_CELL:
            raise InputError(
                tr("The smallest count shown in reports must be between {low} and {high}.").format(
                    low=MIN_REPORT_MIN_CELL, high=MAX_REPORT_MIN_CELL
                )
            )
        self._set(REPORT_MIN_CELL_KEY, str(k), {"report_min_cell": str(k)})

    def set_center_name(self, name: str) -> None:
        name = name.strip()
        if len(name) > MAX_CENTER_NAME:
            raise InputError(tr("The center name is too long."))
        # The name itself is kept out of the audit details; only the fact of the change is logged.
        self._set(CENTER_NAME_KEY, name, {"setting": CENTER_NAME_KEY})

    def _set(self, key: str, value: str, details: dict[str, str]) -> None:
        session = self._session
        session.require(Permission.MANAGE_SETTINGS)
        with session.write():
            SettingsRepository(session.conn).set(key, value, session.user.name, session.clock.now())
            session.log(AuditAction.SETTING_CHANGED, "setting", key, details)
