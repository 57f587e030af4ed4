"""Importing a center's existing records from a CSV spreadsheet, all or nothing.

The file is read with the :mod:`csv` module, as UTF-8 (with or without a byte-order mark) or, when it
is not valid UTF-8, as CP949 (what Korean Excel writes). Every row is checked first; when any row is
bad nothing is imported and the report names every bad row by its physical line in the file (the
header is line 1). Otherwise every case is written in one transaction and each one is audit-logged as
``case.imported``. Nothing of the file is copied anywhere but into the vault.

Columns (see "Importing existing records" in README.md), every one optional in the header except
``opened``; unknown column names are refused so a misspelt header is never silently dropped:

``case_number``
    ``2024-0042``; generated from the year of ``opened`` when empty.
``opened``
    ``YYYY-MM-DD``, required, not in the future.
``status``, ``risk``, ``age_band``, ``gender``
    A code (``active``, ``urgent``, ``20s``, ``female``), its English word or a Korean label
    (``진행 중``, ``긴급``, ``20대``, ``여성``; see :data:`VOCABULARIES`). Empty: open, low, unknown,
    unknown.
``affiliation``
    Service branch and status together: ``army/nco``, ``육군 부사관``, ``Air Force officer``,
    ``해병대/병사``, or only one of them (``civilian``, ``군무원``, ``육군``). Codes or labels of the
    ``branches`` and ``service_statuses`` taxonomies, in either order, separated by ``/``, a space or
    nothing. Nothing is inferred: ``civilian`` alone leaves the branch empty.
``region``
    A code or label of the ``regions`` taxonomy; official names (``서울특별시``, ``경기도``) work too.
``incident_types``, ``platforms``
    ``;``-separated codes, English or Korean labels (common short forms such as ``딥페이크`` too).
    Platforms outside the list are kept as written (the list is open-ended).
``perpetrator_relation``
    A code or label of the ``perpetrator_relations`` taxonomy (``선임`` and ``간부`` mean superior).
``incident_date``
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
``counselor``
    Sign-in name of an enabled counselor or supervisor; several separated by ``;``. Empty: the
    importing supervisor (an administrator, who works no cases, must name one).
``statistics_opt_out``
    ``yes`` (예, 제외, O) when the survivor declined statistical use of the case: anonymized reports
    leave it out and only say how many were left out. Empty: no.
``notes``
    Becomes the summary of one contact of the case, dated ``opened`` (00:00), channel "other",
    inbound, caller type survivor, no duration, logged for the (first) counselor, with the first line
    ``[Imported record]`` so nobody mistakes it for a call someone logged.

An incident is recorded when ``incident_types`` is given; platforms, relation or date without a type
are refused rather than guessed.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from safecase.domain.audit import AuditAction
from safecase.domain.cases import AgeBand, CaseFields, CaseStatus, Gender, RiskLevel, SurvivorProfile, parse_case_number
from safecase.domain.contacts import CallerType, Channel, Contact, Direction
from safecase.domain.errors import InputError
from safecase.domain.incidents import DatePrecision, Incident, parse_approximate_date
from safecase.domain.roles import Permission, Role
from safecase.domain.taxonomy import Taxonomy, Term
from safecase.domain.user_names import normalize_user_name
from safecase.domain.users import User
from safecase.i18n import tr
from safecase.services.cases import MAX_TEXT, CaseService
from safecase.services.contacts import ContactService
from safecase.services.incidents import MAX_PLATFORM_LENGTH, IncidentService, check_incident
from safecase.services.session import VaultSession
from safecase.services.taxonomies import (
    BRANCHES,
    INCIDENT_TYPES,
    PERPETRATOR_RELATIONS,
    PLATFORMS,
    REGIONS,
    SERVICE_STATUSES,
    taxonomies,
)
from safecase.vault.repositories.cases import CaseRepository
from safecase.vault.repositories.users import UserRepository

COLUMNS: tuple[str, ...] = (
    "case_number",
    "opened",
    "status",
    "risk",
    "alias",
    "age_band",
    "gender",
    "affiliation",
    "region",
    "incident_types",
    "platforms",
    "perpetrator_relation",
    "incident_date",
    "counselor",
    "statistics_opt_out",
    "notes",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("opened",)
MAX_FILE_BYTES = 64 * 1024 * 1024
LIST_SEPARATOR = ";"
ENCODINGS = ("utf-8-sig", "cp949")


# --- vocabularies ----------------------------------------------------------------------------------------


def _vocabulary(name: str, terms: Iterable[tuple[str, str, str]]) -> Taxonomy:
    return Taxonomy(name, tuple(Term(code, en, ko) for code, en, ko in terms))


# Words a spreadsheet may use for the case's own enumerations (code, English, Korean).
VOCABULARIES: dict[str, Taxonomy] = {
    "status": _vocabulary(
        "status",
        [
            (CaseStatus.OPEN, "open", "접수"),
            (CaseStatus.ACTIVE, "active", "진행 중"),
            (CaseStatus.REFERRED, "referred", "연계"),
            (CaseStatus.CLOSED, "closed", "종결"),
            (CaseStatus.ARCHIVED, "archived", "보관"),
        ],
    ),
    "risk": _vocabulary(
        "risk",
        [
            (RiskLevel.LOW, "low", "낮음"),
            (RiskLevel.MEDIUM, "medium", "보통"),
            (RiskLevel.HIGH, "high", "높음"),
            (RiskLevel.URGENT, "urgent", "긴급"),
        ],
    ),
    "age_band": _vocabulary(
        "age_band",
        [
            (AgeBand.UNDER_10, "under 10", "10세 미만"),
            (AgeBand.TEENS, "teens", "10대"),
            (AgeBand.TWENTIES, "twenties", "20대"),
            (AgeBand.THIRTIES, "thirties", "30대"),
            (AgeBand.FORTIES, "forties", "40대"),
            (AgeBand.FIFTIES, "fifties", "50대"),
            (AgeBand.SIXTY_PLUS, "60 and over", "60대 이상"),
            (AgeBand.UNKNOWN, "unknown", "모름"),
        ],
    ),
    "gender": _vocabulary(
        "gender",
        [
            (Gender.FEMALE, "female", "여성"),
            (Gender.MALE, "male", "남성"),
            (Gender.NON_BINARY, "non-binary", "논바이너리"),
            (Gender.UNKNOWN, "unknown", "모름"),
        ],
    ),
    "statistics_opt_out": _vocabulary("statistics_opt_out", [("yes", "yes", "예"), ("no", "no", "아니오")]),
}

# Further spellings seen in real spreadsheets, per column (or taxonomy) and code.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "status": {
        "open": ("신규", "접수됨", "new"),
        "active": ("진행", "진행중", "상담 중", "상담중", "in progress"),
        "referred": ("연계됨", "의뢰", "연계 중"),
        "closed": ("종료", "종결됨"),
        "archived": ("보관됨", "보존"),
    },
    "risk": {
        "low": ("하", "저"),
        "medium": ("중", "중간"),
        "high": ("상", "고"),
        "urgent": ("위급", "매우 높음", "최상"),
    },
    "age_band": {
        "under_10": ("10세미만", "<10", "0-9", "under10"),
        "10s": ("10-19", "teen"),
        "20s": ("20-29",),
        "30s": ("30-39",),
        "40s": ("40-49",),
        "50s": ("50-59",),
        "60_plus": ("60세 이상", "60+", "60s", "60대", "70대", "80대"),
        "unknown": ("미상", "불명"),
    },
    "gender": {
        "female": ("여", "여자", "f", "woman"),
        "male": ("남", "남자", "m", "man"),
        "non_binary": ("nonbinary", "non binary", "nb"),
        "unknown": ("미상", "불명"),
    },
    "statistics_opt_out": {
        "yes": ("y", "true", "1", "o", "제외", "통계 제외", "거부"),
        "no": ("n", "false", "0", "x", "아니요", "포함"),
    },
    INCIDENT_TYPES: {
        "synthetic_images": ("딥페이크", "deepfake", "deepfakes", "허위영상물", "합성", "합성·편집", "합성편집"),
        "illegal_filming": ("불법 촬영", "몰래카메라", "몰카"),
        "distribution": ("비동의 유포", "non-consensual distribution"),
        "threat_to_distribute": ("sextortion", "촬영물 협박"),
        "bodycam_phishing": ("몸캠", "body-cam phishing", "bodycam phishing"),
        "child_exploitation_material": ("성착취물", "아청물"),
        "online_sexual_harassment": ("사이버성희롱", "온라인 성희롱"),
        "sexual_assault": ("추행", "indecent assault"),
        "online_grooming": ("그루밍", "grooming"),
    },
    PLATFORMS: {
        "kakaotalk": ("카카오톡", "카톡", "오픈채팅", "카카오톡 오픈채팅", "kakao", "kakaotalk open chat"),
        "x": ("트위터", "twitter", "x"),
        "telegram": ("텔레", "텔레그램방"),
        "instagram": ("인스타", "insta"),
        "webhard": ("webhard",),
        "video_chat_app": ("영상채팅", "영상 채팅 앱"),
        "dating_app": ("데이팅앱", "소개팅 앱", "소개팅앱"),
    },
    PERPETRATOR_RELATIONS: {
        "superior": ("선임", "간부", "상관", "superior", "officer"),
        "peer": ("동기", "동료"),
        "subordinate": ("후임", "부하"),
        "partner_or_ex": ("연인", "애인", "전 연인", "전 애인", "배우자", "partner", "ex", "ex-partner"),
        "family": ("가족", "친족", "family"),
        "stranger": ("낯선 사람", "모르는사람"),
        "online_only": ("온라인 지인", "online-only", "online only"),
        "unknown": ("미상", "불명"),
    },
    REGIONS: {
        "seoul": ("서울시", "서울특별시"),
        "busan": ("부산시", "부산광역시"),
        "daegu": ("대구시", "대구광역시"),
        "incheon": ("인천시", "인천광역시"),
        "gwangju": ("광주광역시",),  # not 광주시, which is a city in Gyeonggi
        "daejeon": ("대전시", "대전광역시"),
        "ulsan": ("울산시", "울산광역시"),
        "sejong": ("세종시", "세종특별자치시"),
        "gyeonggi": ("경기도",),
        "gangwon": ("강원도", "강원특별자치도"),
        "chungbuk": ("충청북도",),
        "chungnam": ("충청남도",),
        "jeonbuk": ("전라북도", "전북특별자치도"),
        "jeonnam": ("전라남도",),
        "gyeongbuk": ("경상북도",),
        "gyeongnam": ("경상남도",),
        "jeju": ("제주도", "제주특별자치도"),
        "overseas": ("국외",),
        "unknown": ("미상",),
    },
    BRANCHES: {
        "mnd_direct": ("국방부", "국방부 직할", "mnd"),
        "marines": ("marines", "해병"),
        "none": ("군 외", "비군인"),
    },
    SERVICE_STATUSES: {
        "enlisted": ("병", "용사", "enlisted soldier"),
        "nco": ("부사관", "하사관"),
        "civilian_employee": ("군무원",),
        "cadet": ("사관생도", "후보생", "생도"),
        "veteran": ("예비역", "전역", "전역자", "전역 군인"),
        "civilian": ("민간인", "일반인"),
    },
}

AFFILIATION_SEPARATORS = " /,|·-_"
MAX_AFFILIATION_LENGTH = 80
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _key(text: str) -> str:
    """Compare case-insensitively after NFKC, ignoring spaces (불법 촬영 = 불법촬영)."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _names(vocabulary: str, term: Term) -> list[str]:
    return [term.code, term.en, term.ko, *SYNONYMS.get(vocabulary, {}).get(term.code, ())]


@dataclass(frozen=True)
class _Lookup:
    """Every accepted spelling of one vocabulary, keyed for comparison."""

    by_key: dict[str, str]

    @classmethod
    def of(cls, vocabulary: str, taxonomy: Taxonomy) -> _Lookup:
        by_key: dict[str, str] = {}
        for term in taxonomy.terms:
            for name in _names(vocabulary, term):
                by_key.setdefault(_key(name), term.code)
        return cls(by_key)

    def resolve(self, text: str) -> str | None:
        return self.by_key.get(_key(text))


def _lookups() -> dict[str, _Lookup]:
    tax = taxonomies()
    found = {name: _Lookup.of(name, vocabulary) for name, vocabulary in VOCABULARIES.items()}
    for name in (INCIDENT_TYPES, PLATFORMS, PERPETRATOR_RELATIONS, REGIONS, BRANCHES, SERVICE_STATUSES):
        found[name] = _Lookup.of(name, tax[name])
    return found


def accepted_values(column: str) -> list[str]:
    """Codes and labels a column accepts (for the import dialog's help); empty for free-text columns."""
    tax = taxonomies()
    if column in VOCABULARIES:
        vocabulary = VOCABULARIES[column]
    elif column in ("incident_types", "platforms", "region"):
        vocabulary = tax[{"incident_types": INCIDENT_TYPES, "platforms": PLATFORMS, "region": REGIONS}[column]]
    elif column == "perpetrator_relation":
        vocabulary = tax[PERPETRATOR_RELATIONS]
    elif column == "affiliation":
        return [f"{t.code} ({t.ko})" for t in (*tax[BRANCHES].terms, *tax[SERVICE_STATUSES].terms)]
    else:
        return []
    return [f"{t.code} ({t.ko})" for t in vocabulary.terms]


def parse_affiliation(text: str, lookups: dict[str, _Lookup] | None = None) -> tuple[str, str] | None:
    """(branch code, service-status code) from ``army/nco``, ``육군 부사관``, ``civilian``…; None if unknown."""
    lookups = lookups or _lookups()
    branches, statuses = lookups[BRANCHES], lookups[SERVICE_STATUSES]
    key = _key(text)
    if not key:
        return "", ""
    if (status := statuses.resolve(key)) is not None:
        return "", status
    if (branch := branches.resolve(key)) is not None:
        return branch, ""
    # Branch then status, or status then branch, with or without a separator between them.
    raw = unicodedata.normalize("NFKC", text).casefold().strip()
    if len(raw) > MAX_AFFILIATION_LENGTH:
        return None
    for cut in range(1, len(raw)):
        left, right = raw[:cut].strip(AFFILIATION_SEPARATORS), raw[cut:].strip(AFFILIATION_SEPARATORS)
        if not left or not right:
            continue
        branch, status = branches.resolve(left), statuses.resolve(right)
        if branch is not None and status is not None:
            return branch, status
        status, branch = statuses.resolve(left), branches.resolve(right)
        if branch is not None and status is not None:
            return branch, status
    return None


# --- results ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """One reason a line of the file cannot be imported."""

    line: int
    reason: str

    def __str__(self) -> str:
        return tr("line {line}: {reason}").format(line=self.line, reason=self.reason)


@dataclass(frozen=True)
class PreviewRow:
    """A data row as the import dialog shows it: the raw values and what is wrong with them."""

    line: int
    values: dict[str, str]
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportPreview:
    """The file as read: its encoding, its columns, every row with its problems, and header problems."""

    path: Path
    encoding: str
    columns: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    header_problems: tuple[str, ...] = ()

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem of the file in line order (header problems are on line 1)."""
        found = [RowProblem(1, reason) for reason in self.header_problems]
        found.extend(RowProblem(row.line, reason) for row in self.rows for reason in row.problems)
        return found

    @property
    def ok(self) -> bool:
        return not self.header_problems and all(row.ok for row in self.rows)


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or with ``dry_run`` would do. Any ``problems``: nothing was imported.

    ``rows`` counts the data rows read (blank rows are skipped), ``valid`` those without a problem,
    ``imported`` the cases written (0 on a dry run or when any row is bad).
    """

    dry_run: bool
    rows: int
    valid: int
    imported: int
    case_numbers: tuple[str, ...] = ()
    problems: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading ---------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): strict UTF-8 (a BOM is dropped), else strict CP949, else an error."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(
        tr(
            "The file is neither UTF-8 nor CP949 text. Save it from your spreadsheet as “CSV UTF-8” and import "
            "that file. Nothing was imported."
        )
    )


def read_text(path: Path) -> tuple[str, str]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                tr("The file is too large to import ({size} bytes; at most {max}).").format(
                    size=f"{size:,}", max=f"{MAX_FILE_BYTES:,}"
                )
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(tr("There is no file at {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise InputError(tr("{path} is a folder, not a CSV file.").format(path=path)) from None
    return decode(data)


@dataclass(frozen=True)
class _Record:
    line: int
    cells: list[str]


def _records(text: str) -> Iterator[_Record | RowProblem]:
    """Records with the physical line they start on; a CSV syntax error ends the file as a problem."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowProblem(line, tr("the file is not valid CSV here ({reason}).").format(reason=exc))
            return
        yield _Record(line, cells)
        line = reader.line_num + 1


# --- checking --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """One valid row, ready to write."""

    line: int
    number: str
    fields: CaseFields
    counselors: tuple[str, ...]
    incident: Incident | None
    notes: str


@dataclass
class _Checked:
    encoding: str
    columns: tuple[str, ...]
    header_problems: list[str] = field(default_factory=list)
    rows: list[PreviewRow] = field(default_factory=list)
    plans: list[_Plan] = field(default_factory=list)

    def preview(self, path: Path) -> ImportPreview:
        return ImportPreview(path, self.encoding, self.columns, tuple(self.rows), tuple(self.header_problems))

    def problems(self) -> tuple[RowProblem, ...]:
        found = [RowProblem(1, reason) for reason in self.header_problems]
        found.extend(RowProblem(row.line, reason) for row in self.rows for reason in row.problems)
        return tuple(found)

    def report(self, dry_run: bool, case_numbers: tuple[str, ...] = ()) -> ImportReport:
        return ImportReport(dry_run, len(self.rows), len(self.plans), len(case_numbers), case_numbers, self.problems())


class _RowChecker:
    """Checks rows against the taxonomies, the users and the case numbers already in the vault."""

    def __init__(self, session: VaultSession, today: date) -> None:
        self._session = session
        self._today = today
        self._lookups = _lookups()
        self._users: dict[str, User] = {u.name: u for u in UserRepository(session.conn).all()}
        self._numbers_seen: dict[str, int] = {}

    @property
    def _cases(self) -> CaseRepository:
        # Built per use: a re-key (session.replace_keys) closes and replaces the connection.
        return CaseRepository(self._session.conn)

    def check(self, line: int, values: dict[str, str]) -> tuple[_Plan | None, list[str]]:
        problems: list[str] = []

        def choose(column: str, default: str) -> str:
            text = values.get(column, "")
            if not text:
                return default
            code = self._lookups[column].resolve(text)
            if code is None:
                problems.append(tr("{column}: unknown value “{value}”.").format(column=column, value=_short(text)))
                return default
            return code

        number = self._number(line, values.get("case_number", ""), problems)
        opened = self._opened(values.get("opened", ""), problems)
        status = CaseStatus(choose("status", CaseStatus.OPEN.value))
        risk = RiskLevel(choose("risk", RiskLevel.LOW.value))
        age_band = AgeBand(choose("age_band", AgeBand.UNKNOWN.value))
        gender = Gender(choose("gender", Gender.UNKNOWN.value))
        opted_out = choose("statistics_opt_out", "no") == "yes"
        region = ""
        if values.get("region"):
            region = self._lookups[REGIONS].resolve(values["region"]) or ""
            if not region:
                problems.append(tr("region: unknown value “{value}”.").format(value=_short(values["region"])))
        branch, service_status = "", ""
        if values.get("affiliation"):
            affiliation = parse_affiliation(values["affiliation"], self._lookups)
            if affiliation is None:
                problems.append(
                    tr(
                        "affiliation: “{value}” is not a service branch and/or status (e.g. “army/nco”, “육군 부사관”, "
                        "“civilian”)."
                    ).format(value=_short(values["affiliation"]))
                )
            else:
                branch, service_status = affiliation
        alias = values.get("alias", "")
        notes = values.get("notes", "")
        for column, text in (("alias", alias), ("notes", notes)):
            if len(text) > MAX_TEXT:
                problems.append(
                    tr("{column}: the text is too long (at most {count} characters).").format(
                        column=column, count=MAX_TEXT
                    )
                )
        counselors = self._counselors(values.get("counselor", ""), problems)
        incident = self._incident(values, problems)
        if problems or opened is None:
            return None, problems
        fields = CaseFields(
            status=status,
            opened_on=opened,
            risk=risk,
            profile=SurvivorProfile(
                alias=alias,
                age_band=age_band,
                gender=gender,
                branch=branch,
                service_status=service_status,
                region=region,
            ),
            statistics_opt_out=opted_out,
        )
        return _Plan(line, number, fields, counselors, incident, notes), problems

    def _number(self, line: int, number: str, problems: list[str]) -> str:
        if not number:
            return ""
        parsed = parse_case_number(number)
        if parsed is None:
            problems.append(
                tr("case_number: “{value}” is not a case number like 2026-0042.").format(value=_short(number))
            )
            return ""
        if number in self._numbers_seen:
            problems.append(
                tr("case_number: {number} appears twice in the file (first on line {line}).").format(
                    number=number, line=self._numbers_seen[number]
                )
            )
        else:
            self._numbers_seen[number] = line
        if self._cases.number_exists(number):
            problems.append(tr("case_number: case {number} is already in the vault.").format(number=number))
        return number

    def _opened(self, text: str, problems: list[str]) -> date | None:
        if not text:
            problems.append(tr("opened: the date the case was opened is missing (YYYY-MM-DD)."))
            return None
        try:
            opened = date.fromisoformat(text) if _ISO_DATE.match(text) else None
        except ValueError:
            opened = None
        if opened is None:
            problems.append(tr("opened: “{value}” is not a date like 2024-03-05.").format(value=_short(text)))
            return None
        if opened > self._today:
            problems.append(tr("opened: {value} is in the future.").format(value=text))
            return None
        return opened

    def _counselors(self, text: str, problems: list[str]) -> tuple[str, ...]:
        names = [n.strip() for n in text.split(LIST_SEPARATOR) if n.strip()]
        if not names:
            if self._session.can(Permission.WORK_OWN_CASES):
                return (self._session.user.name,)
            problems.append(tr("counselor: name the counselor of the case (administrators work no cases)."))
            return ()
        found: list[str] = []
        for name in names:
            user = self._users.get(normalize_user_name(name))
            if user is None:
                problems.append(tr("counselor: there is no user “{name}”.").format(name=_short(name)))
            elif not user.enabled:
                problems.append(tr("counselor: the account “{name}” is disabled.").format(name=user.name))
            elif not ({Role.COUNSELOR, Role.SUPERVISOR} & user.roles):
                problems.append(tr("counselor: “{name}” is not a counselor or supervisor.").format(name=user.name))
            else:
                found.append(user.name)
        return tuple(sorted(set(found)))

    def _list(self, column: str, vocabulary: str, text: str, problems: list[str], open_ended: bool) -> list[str]:
        codes: list[str] = []
        for item in (part.strip() for part in text.split(LIST_SEPARATOR)):
            if not item:
                continue
            code = self._lookups[vocabulary].resolve(item)
            if code is None and open_ended:
                if len(item) > MAX_PLATFORM_LENGTH:
                    problems.append(tr("{column}: “{value}” is too long.").format(column=column, value=_short(item)))
                    continue
                code = item
            if code is None:
                problems.append(
                    tr("{column}: unknown value “{value}” (separate several with “;”).").format(
                        column=column, value=_short(item)
                    )
                )
                continue
            codes.append(code)
        return codes

    def _incident(self, values: dict[str, str], problems: list[str]) -> Incident | None:
        types = self._list("incident_types", INCIDENT_TYPES, values.get("incident_types", ""), problems, False)
        platforms = self._list("platforms", PLATFORMS, values.get("platforms", ""), problems, True)
        relation = "unknown"
        if values.get("perpetrator_relation"):
            relation = self._lookups[PERPETRATOR_RELATIONS].resolve(values["perpetrator_relation"]) or ""
            if not relation:
                problems.append(
                    tr("perpetrator_relation: unknown value “{value}”.").format(
                        value=_short(values["perpetrator_relation"])
                    )
                )
        date_text = values.get("incident_date", "")
        parsed = parse_approximate_date(date_text)
        if parsed is None:
            problems.append(
                tr("incident_date: “{value}” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD.").format(
                    value=_short(date_text)
                )
            )
        elif parsed[0] is DatePrecision.EXACT and date.fromisoformat(parsed[1]) > self._today:
            problems.append(tr("incident_date: {value} is in the future.").format(value=date_text))
        filled = [c for c in ("platforms", "perpetrator_relation", "incident_date") if values.get(c)]
        if not values.get("incident_types"):
            if filled:
                problems.append(
                    tr("incident_types: give the incident type(s) when {columns} are filled in.").format(
                        columns=", ".join(filled)
                    )
                )
            return None
        if not types or not relation or parsed is None:
            return None
        precision, value = parsed
        try:
            return check_incident(
                Incident(
                    id=0,
                    case_id=0,
                    types=tuple(types),
                    platforms=tuple(platforms),
                    perpetrator_relation=relation,
                    date_precision=precision,
                    date_value=value,
                    place_type="unknown",
                    description="",
                )
            )
        except InputError as exc:
            problems.append(exc.message)
            return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header(cells: list[str]) -> tuple[tuple[str, ...], list[str]]:
    columns = tuple(unicodedata.normalize("NFKC", c).strip().casefold() for c in cells)
    problems: list[str] = []
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        problems.append(
            tr("unknown column(s): {columns}. The columns are: {known}.").format(
                columns=", ".join(f"“{_short(c, 40)}”" for c in unknown), known=", ".join(COLUMNS)
            )
        )
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        problems.append(tr("column(s) named twice: {columns}.").format(columns=", ".join(duplicates)))
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        problems.append(tr("missing column(s): {columns}.").format(columns=", ".join(missing)))
    return columns, problems


def _check(session: VaultSession, text: str, encoding: str, today: date) -> _Checked:
    records = _records(text)
    first = next(records, None)
    if first is None or isinstance(first, RowProblem) or not any(c.strip() for c in first.cells):
        checked = _Checked(encoding, ())
        checked.header_problems.append(
            first.reason if isinstance(first, RowProblem) else tr("the file is empty or has no header line.")
        )
        return checked
    columns, header_problems = _header(first.cells)
    checked = _Checked(encoding, columns, header_problems)
    checker = _RowChecker(session, today)
    for record in records:
        if isinstance(record, RowProblem):
            checked.rows.append(PreviewRow(record.line, {}, (record.reason,)))
            break
        if not any(cell.strip() for cell in record.cells):
            continue  # blank lines and rows of empty cells, as spreadsheets write at the end
        values = {col: cell.strip() for col, cell in zip(columns, record.cells, strict=False)}
        if len(record.cells) != len(columns):
            reason = tr("the row has {count} fields but the header has {expected}.").format(
                count=len(record.cells), expected=len(columns)
            )
            checked.rows.append(PreviewRow(record.line, values, (reason,)))
            continue
        if header_problems:
            checked.rows.append(PreviewRow(record.line, values))
            continue
        plan, problems = checker.check(record.line, values)
        checked.rows.append(PreviewRow(record.line, values, tuple(problems)))
        if plan is not None:
            checked.plans.append(plan)
    if not checked.rows and not header_problems:
        checked.header_problems.append(tr("the file has a header but no rows."))
    return checked


# --- the public API -------------------------------------------------------------------------------------


def preview_import(session: VaultSession, path: Path) -> ImportPreview:
    """Read and check ``path`` without writing anything (for the import dialog's preview)."""
    session.require(Permission.IMPORT_CASES)
    text, encoding = read_text(path)
    return _check(session, text, encoding, session.clock.today()).preview(path)


def import_cases(session: VaultSession, path: Path, dry_run: bool = False) -> ImportReport:
    """Import every row of ``path`` as a case, or none when any row is bad (see the module docstring).

    Supervisors and administrators (``Permission.IMPORT_CASES``). File-level failures (missing,
    undecodable) raise :class:`InputError`; bad rows come back in ``ImportReport.problems``. The cases
    are written through the casework services, all in one unit of work.
    """
    session.require(Permission.IMPORT_CASES)
    text, encoding = read_text(path)
    checked = _check(session, text, encoding, session.clock.today())
    if dry_run or checked.problems():
        return checked.report(dry_run)
    with session.write():
        # Checked again under the write lock, so nothing changed in between (a case number taken by
        # someone else meanwhile, a counselor disabled) can slip through.
        checked = _check(session, text, encoding, session.clock.today())
        if checked.problems():
            return checked.report(False)
        numbers = _write(session.importing(), checked.plans)
    return checked.report(False, tuple(numbers))


def _write(session: VaultSession, plans: list[_Plan]) -> list[str]:
    """Write every plan in the caller's unit of work; rows with a number first, so a generated number
    never takes one the file names further down."""
    cases = CaseService(session)
    incidents = IncidentService(session)
    contacts = ContactService(session)
    numbers: dict[int, str] = {}
    for plan in sorted(plans, key=lambda p: (not p.number, p.line)):
        assert plan.fields.opened_on is not None
        case = cases.create(plan.fields, plan.counselors, plan.number)
        if plan.incident is not None:
            incidents.add(dataclasses.replace(plan.incident, case_id=case.id))
        if plan.notes:
            contacts.log(
                Contact(
                    id=0,
                    case_id=case.id,
                    at=datetime.combine(plan.fields.opened_on, time(0, 0)).astimezone(),
                    channel=Channel.OTHER,
                    direction=Direction.INBOUND,
                    duration_minutes=None,
                    caller_type=CallerType.SURVIVOR,
                    counselor=plan.counselors[0],
                    summary=tr("[Imported record]") + "\n" + plan.notes,
                    follow_up_needed=False,
                    follow_up_due=None,
                )
            )
        session.log(AuditAction.CASE_IMPORTED, "case", str(case.id), {"line": str(plan.line)})
        numbers[plan.line] = case.number
    return [numbers[line] for line in sorted(numbers)]
