"""Anonymized statistics reports: counts and medians over whole months, small cells hidden, exported.

:meth:`Reports.build` counts the tables of a period (through
:class:`~safecase.vault.repositories.statistics.StatisticsRepository`, one read snapshot), hides small
cells (:func:`~safecase.reports.suppression.suppress`, primary and secondary) and returns a
:class:`~safecase.reports.statistics.StatisticsReport`. Nothing in it can name anyone: codes, months and
counts only, no case number, alias, name, day or text a person typed (custom platform names excepted,
and only those at least k cases share). Cases whose survivor declined statistical use are left out and
counted, so the report can say how many. A median is kept only for groups of at least k records.

:meth:`Reports.export` labels the report (:func:`~safecase.reports.published.publish`), writes it as
CSV, XLSX or PDF (the PDF through the :data:`~safecase.reports.document.PdfRenderer` the caller passes,
as evidence packets do), atomically to the place the person chose, and records one ``report.exported``
audit row with the parameters and the SHA-256 of the file written.

Who: supervisors and administrators (``Permission.EXPORT_ANONYMIZED``), checked here on every path
(building, the labels, exporting), so no screen or command can let a counselor through. k is the
administrator's setting (:attr:`~safecase.domain.settings.VaultSettings.report_min_cell`); a report may
ask for a larger k, never a smaller one.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path

from safecase.domain.audit import AuditAction
from safecase.domain.cases import AgeBand, Gender
from safecase.domain.contacts import CallerType, Channel
from safecase.domain.errors import InputError, VaultFormatError
from safecase.domain.referrals import OrganizationType, ReferralOutcome, ReferralStatus
from safecase.domain.roles import Permission
from safecase.domain.settings import MIN_REPORT_MIN_CELL
from safecase.domain.statistics import ALL, NOT_RECORDED, OTHER_PLATFORMS, TakedownOutcome
from safecase.domain.takedowns import ReportedTo
from safecase.i18n import tr
from safecase.reports.document import PdfRenderer
from safecase.reports.model import Axis, CountTable, MedianRow, MedianTable, Table
from safecase.reports.published import PublishedReport, publish
from safecase.reports.report_csv import report_csv
from safecase.reports.report_document import report_document
from safecase.reports.report_xlsx import report_xlsx
from safecase.reports.statistics import ReportPeriod, StatisticsReport
from safecase.reports.suppression import suppress
from safecase.services.session import VaultSession
from safecase.services.settings import SettingsService
from safecase.services.taxonomies import (
    BRANCHES,
    INCIDENT_TYPES,
    PERPETRATOR_RELATIONS,
    PLATFORMS,
    REGIONS,
    SERVICE_STATUSES,
    taxonomies,
)
from safecase.vault.atomic import atomic_write_bytes
from safecase.vault.repositories.statistics import (
    AxisCodes,
    Counts,
    FirstReferralFact,
    MonthSpan,
    StatisticsRepository,
    StatisticsWindow,
)

MAX_MONTHS = 60
"""The longest period one report covers (five years)."""
MAX_K = 100
"""The largest k a report may ask for; beyond it nothing but zeros would be shown."""
LANGUAGES = ("ko", "en")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class ReportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    """Of the file as written."""
    size: int
    fmt: ReportFormat
    tables: int
    primary: int
    """Cells shown as ``<k``."""
    secondary: int
    """Cells hidden so that no ``<k`` cell can be worked out (shown as ``X``)."""


# --- periods ---------------------------------------------------------------------------------------------


def parse_month(text: str) -> date:
    """The first day of the month ``YYYY-MM`` names; InputError otherwise."""
    match = _MONTH.match(text.strip())
    if match is None or int(match.group(1)) < 1900:
        raise InputError(tr("“{value}” is not a month like 2026-03.").format(value=text.strip()[:20]))
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_period(first: str, last: str) -> ReportPeriod:
    """The period from month ``first`` to month ``last`` (``YYYY-MM``, both included; a quarter is three
    months), checked as :func:`check_period` does, apart from today."""
    period = ReportPeriod(parse_month(first), parse_month(last))
    _check_span(period)
    return period


def _check_span(period: ReportPeriod) -> None:
    if period.first.day != 1 or period.last.day != 1:
        raise InputError(tr("A report covers whole months."))
    if period.last < period.first:
        raise InputError(
            tr("The period ends ({last}) before it starts ({first}).").format(
                first=period.first.strftime("%Y-%m"), last=period.last.strftime("%Y-%m")
            )
        )
    if len(period.months()) > MAX_MONTHS:
        raise InputError(
            tr("A report covers at most {count} months; this period has {months}.").format(
                count=MAX_MONTHS, months=len(period.months())
            )
        )


def check_period(period: ReportPeriod, today: date) -> None:
    """Whole months, in order, at most :data:`MAX_MONTHS`, starting no later than this month."""
    _check_span(period)
    if period.first > today.replace(day=1):
        raise InputError(
            tr("The period starts after this month ({month}); there is nothing to count yet.").format(
                month=today.strftime("%Y-%m")
            )
        )


def window_of(period: ReportPeriod) -> StatisticsWindow:
    """The period's months with their local bounds as UTC moments (contacts are stored as moments)."""
    spans = []
    for code in period.months():
        first = date(int(code[:4]), int(code[5:]), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        spans.append(
            MonthSpan(code, first, following - timedelta(days=1), _local_midnight(first), _local_midnight(following))
        )
    return StatisticsWindow(tuple(spans))


def _local_midnight(day: date) -> datetime:
    """The moment ``day`` begins where SafeCase runs (the months of a report are local months)."""
    return datetime.combine(day, time.min).astimezone()


# --- the tables ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pass:
    """One GROUP BY over a population by several axes at once (at most one multi-valued): the tables
    drawn from it sum its counts over the axes they do not show, which is exact because every record
    has exactly one code on each single-valued axis."""

    population: str
    axes: tuple[str, ...]


_PASSES: dict[str, _Pass] = {
    "case_profile": _Pass("cases", ("month", "branch", "service_status", "age_band", "gender", "region")),
    "case_types": _Pass("cases", ("incident_type", "month", "branch")),
    "case_relations": _Pass("cases", ("perpetrator_relation",)),
    "contacts": _Pass("contacts", ("month", "channel", "caller_type")),
    "referrals": _Pass("referrals", ("org_type", "referral_status", "referral_outcome")),
    "takedowns": _Pass("takedowns", ("reported_to", "takedown_outcome")),
}
_PLATFORMS = "platforms"


@dataclass(frozen=True)
class _Spec:
    key: str
    source: str
    """The pass it is drawn from (or the platforms' own count)."""
    rows: str
    columns: str | None = None


# The tables of the shared design, in their order (the medians are built apart).
_COUNTED: tuple[_Spec, ...] = (
    _Spec("new_cases_by_month", "case_profile", "month"),
    _Spec("contacts_by_month", "contacts", "month"),
    _Spec("incident_types", "case_types", "incident_type"),
    _Spec("incident_type_by_month", "case_types", "incident_type", "month"),
    _Spec("incident_type_by_branch", "case_types", "incident_type", "branch"),
    _Spec("platforms", _PLATFORMS, "platform"),
    _Spec("perpetrator_relations", "case_relations", "perpetrator_relation"),
    _Spec("branches", "case_profile", "branch"),
    _Spec("service_statuses", "case_profile", "service_status"),
    _Spec("age_bands", "case_profile", "age_band"),
    _Spec("genders", "case_profile", "gender"),
    _Spec("regions", "case_profile", "region"),
    _Spec("contact_channels", "contacts", "channel"),
    _Spec("caller_types", "contacts", "caller_type"),
    _Spec("referral_org_types", "referrals", "org_type"),
    _Spec("referral_status_by_org_type", "referrals", "org_type", "referral_status"),
    _Spec("referral_outcomes", "referrals", "referral_outcome"),
    _Spec("takedowns_by_reported_to", "takedowns", "reported_to", "takedown_outcome"),
)
MEDIAN_DAYS_TO_REMOVAL = "median_days_to_removal"
MEDIAN_DAYS_TO_FIRST_REFERRAL = "median_days_to_first_referral"

TABLE_KEYS: tuple[str, ...] = (*(s.key for s in _COUNTED), MEDIAN_DAYS_TO_REMOVAL, MEDIAN_DAYS_TO_FIRST_REFERRAL)
"""Every table of a report, in order."""

# Axes whose codes are the terms of a bundled taxonomy (labelled by publish() from Reports.terms()).
TAXONOMY_AXES: dict[str, str] = {
    "incident_type": INCIDENT_TYPES,
    "platform": PLATFORMS,
    "perpetrator_relation": PERPETRATOR_RELATIONS,
    "branch": BRANCHES,
    "service_status": SERVICE_STATUSES,
    "region": REGIONS,
}
_MULTI_VALUED = frozenset({"incident_type", "platform", "perpetrator_relation"})


def _values(members: Iterable[StrEnum]) -> tuple[str, ...]:
    return tuple(m.value for m in members)


def _fixed_axes(period: ReportPeriod) -> dict[str, tuple[str, ...]]:
    """Every axis but the platform's (whose codes depend on the data), each code a row even at zero."""
    tax = taxonomies()
    codes: dict[str, tuple[str, ...]] = {
        "month": period.months(),
        "age_band": _values(AgeBand),
        "gender": _values(Gender),
        "channel": _values(Channel),
        "caller_type": _values(CallerType),
        "org_type": _values(OrganizationType),
        "referral_status": tuple(s.value for s in ReferralStatus if s is not ReferralStatus.DRAFT),
        "referral_outcome": _values(ReferralOutcome),
        "reported_to": _values(ReportedTo),
        "takedown_outcome": _values(TakedownOutcome),
    }
    for axis, name in TAXONOMY_AXES.items():
        if axis != "platform":
            terms = tuple(c for c in tax[name].codes() if c != NOT_RECORDED)
            codes[axis] = (*terms, NOT_RECORDED)
    return codes


# --- the service -----------------------------------------------------------------------------------------


class Reports:
    """Statistics reports for supervisors and administrators."""

    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def minimum_k(self) -> int:
        """The administrator's setting: the smallest count a report shows as it is."""
        self._session.require(Permission.EXPORT_ANONYMIZED)
        return SettingsService(self._session).current().report_min_cell

    def build(self, period: ReportPeriod, k: int | None = None) -> StatisticsReport:
        """Count every table of ``period`` and hide small cells with ``k`` (default: the vault's setting;
        a smaller k than the setting is refused, a larger one allowed)."""
        session = self._session
        session.require(Permission.EXPORT_ANONYMIZED)
        settings = SettingsService(session).current()
        k = self._checked_k(k, settings.report_min_cell)
        check_period(period, session.clock.today())
        window = window_of(period)
        axes = _fixed_axes(period)
        repo = StatisticsRepository(session.conn)
        tables: list[Table] = []
        with repo.snapshot():
            excluded = repo.opted_out(window)
            passes = {
                name: repo.counts(window, spec.population, [AxisCodes(a, axes[a]) for a in spec.axes])
                for name, spec in _PASSES.items()
            }
            platforms = self._platforms(repo, window, k)
            removals = _removal_medians(repo.removal_days(window), k)
            first_referrals = _first_referral_medians(repo.first_referrals(window), axes["incident_type"], k)
        for spec in _COUNTED:
            if spec.source == _PLATFORMS:
                tables.append(platforms)
                continue
            source = _PASSES[spec.source]
            rows = Axis(spec.rows, axes[spec.rows], spec.rows in _MULTI_VALUED)
            columns = None
            if spec.columns is not None:
                columns = Axis(spec.columns, axes[spec.columns], spec.columns in _MULTI_VALUED)
            values = _summed(passes[spec.source], source.axes, rows.name, None if columns is None else columns.name)
            tables.append(
                CountTable(spec.key, source.population, rows, columns, _checked_counts(values, rows, columns))
            )
        tables += [removals, first_referrals]
        suppression = suppress([t for t in tables if isinstance(t, CountTable)], k)
        return StatisticsReport(period, k, tuple(tables), suppression, excluded, settings.center_name)

    def terms(self, report: StatisticsReport | None = None) -> dict[str, dict[str, tuple[str, str]]]:
        """``terms[axis][code] = (English, Korean)`` for the taxonomy axes, and the custom platform names
        ``report`` shows (each its own label in both languages), for :func:`publish`."""
        self._session.require(Permission.EXPORT_ANONYMIZED)
        tax = taxonomies()
        found: dict[str, dict[str, tuple[str, str]]] = {
            axis: {t.code: (t.en, t.ko) for t in tax[name].terms} for axis, name in TAXONOMY_AXES.items()
        }
        if report is not None:
            for table in report.tables:
                if table.rows.name == "platform":
                    for code in table.rows.codes:
                        if code not in found["platform"] and code not in (OTHER_PLATFORMS, NOT_RECORDED):
                            found["platform"][code] = (code, code)
        return found

    def publish(self, report: StatisticsReport, language: str) -> PublishedReport:
        """The report labelled in ``language`` (``ko`` or ``en``), as every format and the preview show it."""
        self._session.require(Permission.EXPORT_ANONYMIZED)
        return publish(report, _checked_language(language), self.terms(report))

    def export(
        self,
        report: StatisticsReport,
        fmt: ReportFormat,
        language: str,
        path: Path,
        renderer: PdfRenderer | None = None,
        *,
        overwrite: bool = False,
    ) -> ExportResult:
        """Write ``report`` to ``path`` as ``fmt`` in ``language`` and record the export.

        The file is made in full first, then written beside ``path`` and renamed over it (fsynced) just
        before the audit row commits; on any failure (a full disk, a folder that cannot be written) the
        message says why and nothing is left at ``path``. A PDF needs ``renderer``
        (:func:`safecase.pdf.render_pdf`). An existing file is replaced only with ``overwrite``.
        """
        session = self._session
        session.require(Permission.EXPORT_ANONYMIZED)
        fmt = ReportFormat(fmt)
        language = _checked_language(language)
        floor = self.minimum_k()
        if report.k < floor:
            # Built before an administrator raised the setting: its small cells are no longer small enough.
            raise InputError(
                tr("This report hides fewer cells than this vault's setting allows (k = {k}); build it again.").format(
                    k=floor
                )
            )
        target = self._target(path, overwrite)
        published = self.publish(report, language)
        data = _render(published, fmt, renderer)
        digest = hashlib.sha256(data).hexdigest()
        details = {
            "format": fmt.value,
            "from": report.period.first.strftime("%Y-%m"),
            "to": report.period.last.strftime("%Y-%m"),
            "k": str(report.k),
            "language": language,
            "tables": str(len(published.tables)),
            "primary": str(published.primary_count),
            "secondary": str(published.secondary_count),
            "sha256": digest,
        }
        written = False

        def write() -> None:
            nonlocal written
            try:
                atomic_write_bytes(target, data)
            except OSError as exc:
                raise InputError(
                    tr("The report cannot be written to {path} ({reason}). Nothing was written.").format(
                        path=target, reason=exc.strerror or type(exc).__name__
                    )
                ) from None
            written = True

        def remove() -> None:
            if written:
                with contextlib.suppress(OSError):
                    target.unlink()

        with session.write() as uow:
            session.log(AuditAction.REPORT_EXPORTED, "report", "", details)
            # Written last, just before COMMIT: the file exists exactly when its audit row does.
            uow.before_commit(write)
            uow.on_rollback(remove)
        return ExportResult(
            target,
            digest,
            len(data),
            fmt,
            len(published.tables),
            published.primary_count,
            published.secondary_count,
        )

    # --- helpers -----------------------------------------------------------------------------------------

    @staticmethod
    def _checked_k(k: int | None, setting: int) -> int:
        if k is None:
            return setting
        if k < max(setting, MIN_REPORT_MIN_CELL):
            raise InputError(
                tr(
                    "k cannot be lower than {setting}, the smallest count this vault's administrator allows "
                    "reports to show."
                ).format(setting=max(setting, MIN_REPORT_MIN_CELL))
            )
        if k > MAX_K:
            raise InputError(tr("k can be at most {max}.").format(max=MAX_K))
        return k

    def _platforms(self, repo: StatisticsRepository, window: StatisticsWindow, k: int) -> CountTable:
        known = tuple(c for c in taxonomies()[PLATFORMS].codes() if c not in (NOT_RECORDED, OTHER_PLATFORMS))
        counts, kept = repo.platform_counts(window, known, k)
        rows = Axis("platform", (*known, *kept, OTHER_PLATFORMS, NOT_RECORDED), multi_valued=True)
        values = _summed(counts, ("platform",), "platform", None)
        return CountTable("platforms", "cases", rows, None, _checked_counts(values, rows, None))

    def _target(self, path: Path, overwrite: bool) -> Path:
        target = path.expanduser().absolute()
        if target.is_dir():
            raise InputError(tr("{path} is a folder; give a file name for the report.").format(path=target))
        if not target.parent.is_dir():
            raise InputError(tr("The folder {path} does not exist.").format(path=target.parent))
        if target.resolve().is_relative_to(self._session.paths.root.resolve()):
            raise InputError(tr("A report must not be kept inside the vault folder; choose another place."))
        if target.exists() and not overwrite:
            raise InputError(tr("{path} already exists; choose another name.").format(path=target))
        return target


def _checked_language(language: str) -> str:
    if language not in LANGUAGES:
        raise InputError(tr("A report is written in Korean (ko) or English (en)."))
    return language


def _render(published: PublishedReport, fmt: ReportFormat, renderer: PdfRenderer | None) -> bytes:
    writers: Mapping[ReportFormat, Callable[[PublishedReport], bytes]] = {
        ReportFormat.CSV: report_csv,
        ReportFormat.XLSX: report_xlsx,
    }
    if fmt is ReportFormat.PDF:
        if renderer is None:
            raise ValueError("a PDF report needs a PdfRenderer (safecase.pdf.render_pdf)")
        return renderer(report_document(published))
    return writers[fmt](published)


def _summed(counts: Counts, axes: Sequence[str], rows: str, columns: str | None) -> dict[tuple[str, str], int]:
    """``counts`` of a pass summed over every axis but ``rows`` (and ``columns``)."""
    row_at = axes.index(rows)
    column_at = None if columns is None else axes.index(columns)
    summed: dict[tuple[str, str], int] = {}
    for codes, n in counts.items():
        key = (codes[row_at], "" if column_at is None else codes[column_at])
        summed[key] = summed.get(key, 0) + n
    return summed


def _checked_counts(
    counts: Mapping[tuple[str, str], int], rows: Axis, columns: Axis | None
) -> dict[tuple[str, str], int]:
    """The counts as a table's interior; a code the table has no row or column for is a fault (the
    repository maps every value it does not know to ``not_recorded``)."""
    row_codes = set(rows.codes)
    column_codes = set(columns.codes) if columns is not None else {""}
    for row, column in counts:
        if row not in row_codes or column not in column_codes:
            raise VaultFormatError(
                tr("The vault holds a value this version of SafeCase cannot count ({axis}).").format(
                    axis=rows.name if row not in row_codes else (columns.name if columns else rows.name)
                )
            )
    return {key: n for key, n in counts.items() if n}


def _median_row(code: str, days: Sequence[int], k: int) -> MedianRow:
    """The median of ``days``, kept only when at least k records make it (else None, shown as –)."""
    if len(days) < k or not days:
        return MedianRow(code, len(days), None)
    return MedianRow(code, len(days), float(statistics.median(days)))


def _removal_medians(facts: Sequence[tuple[ReportedTo, int]], k: int) -> MedianTable:
    codes = (*_values(ReportedTo), ALL)
    by_place: dict[str, list[int]] = {c: [] for c in codes}
    for place, days in facts:
        by_place[place.value].append(days)
        by_place[ALL].append(days)
    rows = tuple(_median_row(code, by_place[code], k) for code in codes)
    return MedianTable(MEDIAN_DAYS_TO_REMOVAL, Axis("reported_to", codes), rows)


def _first_referral_medians(facts: Sequence[FirstReferralFact], types: Sequence[str], k: int) -> MedianTable:
    """Days from the first time the center knew of a case (its opening or its first contact, whichever
    came first) to the day its first referral was sent, by the case's incident types (and over all)."""
    codes = (ALL, *types)
    by_type: dict[str, list[int]] = {c: [] for c in codes}
    known = set(types)
    for fact in facts:
        start = fact.opened_on
        if fact.first_contact_on is not None:
            start = min(start, fact.first_contact_on)
        days = max(0, (fact.first_sent_on - start).days)
        by_type[ALL].append(days)
        case_types = {t if t in known else NOT_RECORDED for t in fact.incident_types} or {NOT_RECORDED}
        for code in case_types:
            by_type[code].append(days)
    rows = tuple(_median_row(code, by_type[code], k) for code in codes)
    return MedianTable(MEDIAN_DAYS_TO_FIRST_REFERRAL, Axis("incident_type", codes, multi_valued=True), rows)
