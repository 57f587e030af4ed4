"""Reports (supervisors and administrators): anonymized statistics of whole months, previewed exactly as
they will be exported, then written as CSV, XLSX or PDF.

The person chooses the months (or a quarter or year in one step), k (the administrator's setting or a
higher one; the service refuses a lower one) and the report's language. Preview (F5) builds the report
off the UI thread (:meth:`TaskManager.query` calling :meth:`Reports.build` and :meth:`Reports.publish`)
and shows every table from its published form, the same structure every writer prints from: hidden
cells marked (``<5`` on amber, ``X`` on grey-blue, each with a tooltip saying why), totals in bold,
the counts of hidden numbers, the rule and the notes above, and bar charts where the report has them.

Export writes the report that is on screen, not a new count, so the file holds exactly what was
previewed; it is offered only while the choices still match the preview. The file is chosen through
:func:`~safecase.ui.common.file_dialogs.private_file_dialog` (which forgets the folder) and written by
:meth:`Reports.export` on a worker (:meth:`TaskManager.run`, behind a window-modal progress dialog, as
the evidence packet is); the service records the export, with the file's SHA-256, in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safecase.domain.errors import SafeCaseError
from safecase.domain.settings import DEFAULT_REPORT_MIN_CELL
from safecase.pdf import korean_font_family, render_pdf
from safecase.reports import labels
from safecase.reports.model import CountTable
from safecase.reports.published import ChartKind, PublishedReport, PublishedTable
from safecase.reports.statistics import ReportPeriod, StatisticsReport
from safecase.services.reports import MAX_K, ExportResult, ReportFormat, Reports, month_period
from safecase.services.session import VaultSession
from safecase.ui.common.file_dialogs import documents_folder, private_file_dialog
from safecase.ui.common.widgets import MessageLine, body_text, heading, help_text
from safecase.ui.pages.report_chart import ReportChart
from safecase.ui.pages.reports_model import (
    MARKED_TEXT,
    PRIMARY_BACKGROUND,
    SECONDARY_BACKGROUND,
    ReportTableModel,
)
from safecase.ui.tasks import Busy, Changes, TaskManager

QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's largest widget size (QWIDGETSIZE_MAX, which PySide6 does not export)."""
ROW_PADDING = 8
"""Pixels a table row adds to the font's height."""
FIRST_MONTH = QDate(2000, 1, 1)
"""The earliest month offered (SafeCase holds no casework older than its import allows)."""
_PREVIEW = "preview"
_MINIMUM_K = "minimum-k"


class QuickPeriod(StrEnum):
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    CUSTOM = "custom"


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quick_months(choice: QuickPeriod, today: date) -> tuple[date, date]:
    """The first and last month (first days) of a quick choice. This quarter and this year run to this
    month, not beyond: months still to come would only add zeros that read as "nothing happened"."""
    this_month = today.replace(day=1)
    if choice is QuickPeriod.THIS_QUARTER:
        return _quarter_start(today), this_month
    if choice is QuickPeriod.LAST_QUARTER:
        last = _quarter_start(today) - timedelta(days=1)
        return _quarter_start(last), last.replace(day=1)
    if choice is QuickPeriod.THIS_YEAR:
        return date(today.year, 1, 1), this_month
    if choice is QuickPeriod.LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 1)
    raise ValueError(f"{choice} names no fixed months")


@dataclass(frozen=True)
class ReportChoices:
    """What a report is built with; a preview may be exported only while the page's choices equal its own."""

    first: str
    """``YYYY-MM``."""
    last: str
    k: int
    language: str
    """``ko`` or ``en``."""


@dataclass(frozen=True)
class ReportPreview:
    choices: ReportChoices
    report: StatisticsReport
    """What Export writes (the very counts on screen, not a new count)."""
    published: PublishedReport


def build_preview(reader: VaultSession, period: ReportPeriod, choices: ReportChoices) -> ReportPreview:
    """On a worker thread: count the period, hide small cells, label the report in its language."""
    reports = Reports(reader)
    report = reports.build(period, choices.k)
    return ReportPreview(choices, report, reports.publish(report, choices.language))


def counts_anything(report: StatisticsReport) -> bool:
    """Whether any case, contact, referral or take-down of the period was counted."""
    return any(t.grand_total() for t in report.tables if isinstance(t, CountTable))


def interface_language() -> str:
    """The report language that follows the interface's: Korean for a Korean interface, else English."""
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


def _month_text(value: QDate) -> str:
    return f"{value.year():04d}-{value.month():02d}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, 1)


class ReportsPage(QWidget):
    def __init__(self, session: VaultSession, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._minimum_k: int | None = None
        self._syncing = False
        self._casework_changed = False
        self.preview: ReportPreview | None = None
        self.last_export: ExportResult | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 16)
        column.setSpacing(10)
        column.addWidget(heading(self.tr("Reports"), 1, self))
        column.addWidget(
            help_text(
                self.tr(
                    "Anonymized statistics for funders, the ministry and the public: counts and medians of whole "
                    "months, with small counts hidden so that no one can be recognized. Cases whose survivor "
                    "declined statistical use are left out."
                ),
                self,
            )
        )

        choices = QHBoxLayout()
        choices.setSpacing(8)
        period_label = QLabel(self.tr("Peri&od:"), self)
        self.period_combo = QComboBox(self)
        self.period_combo.addItem(self.tr("This quarter"), QuickPeriod.THIS_QUARTER)
        self.period_combo.addItem(self.tr("Last quarter"), QuickPeriod.LAST_QUARTER)
        self.period_combo.addItem(self.tr("This year"), QuickPeriod.THIS_YEAR)
        self.period_combo.addItem(self.tr("Last year"), QuickPeriod.LAST_YEAR)
        self.period_combo.addItem(self.tr("Months chosen below"), QuickPeriod.CUSTOM)
        self.period_combo.setToolTip(
            self.tr("This quarter and this year run to this month; months still to come are not counted.")
        )
        period_label.setBuddy(self.period_combo)
        from_label = QLabel(self.tr("&From:"), self)
        self.from_edit = self._month_edit(self.tr("First month of the report"))
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("&To:"), self)
        self.to_edit = self._month_edit(self.tr("Last month of the report (included)"))
        to_label.setBuddy(self.to_edit)
        k_label = QLabel(self.tr("Smallest count shown (&k):"), self)
        self.k_spin = QSpinBox(self)
        self.k_spin.setRange(DEFAULT_REPORT_MIN_CELL, MAX_K)
        self.k_spin.setValue(DEFAULT_REPORT_MIN_CELL)
        self.k_spin.setAccessibleName(self.tr("Smallest count shown (k)"))
        k_label.setBuddy(self.k_spin)
        language_label = QLabel(self.tr("&Language:"), self)
        self.language_combo = QComboBox(self)
        # Each language under its own name, as language pickers show them.
        self.language_combo.addItem(self.tr("한국어"), "ko")
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(interface_language()))
        self.language_combo.setToolTip(self.tr("The language of the report's titles and labels"))
        language_label.setBuddy(self.language_combo)
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setToolTip(self.tr("Count the chosen months and show the report (F5)"))
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_menu = QMenu(self.export_button)
        self.export_actions = {
            ReportFormat.PDF: self.export_menu.addAction(self.tr("&PDF document…")),
            ReportFormat.XLSX: self.export_menu.addAction(self.tr("E&xcel workbook (.xlsx)…")),
            ReportFormat.CSV: self.export_menu.addAction(self.tr("&CSV file (.csv)…")),
        }
        self.export_button.setMenu(self.export_menu)
        for widget in (
            period_label,
            self.period_combo,
            from_label,
            self.from_edit,
            to_label,
            self.to_edit,
            k_label,
            self.k_spin,
            language_label,
            self.language_combo,
        ):
            choices.addWidget(widget)
            if widget in (self.period_combo, self.to_edit, self.k_spin):
                choices.addSpacing(10)
        choices.addStretch(1)
        choices.addWidget(self.preview_button)
        choices.addWidget(self.export_button)
        column.addLayout(choices)
        self.k_hint = help_text("", self)
        column.addWidget(self.k_hint)

        self.message = MessageLine(self)
        # The path and SHA-256 of an export are copied onto a cover letter: let them be selected.
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.message)

        self.empty_label = body_text("", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 48, 24, 48)
        self.results = self._build_results()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.results)
        column.addWidget(self.stack, 1)

        self.period_combo.currentIndexChanged.connect(self._quick_chosen)
        self.from_edit.dateChanged.connect(self._months_edited)
        self.to_edit.dateChanged.connect(self._months_edited)
        self.k_spin.valueChanged.connect(lambda _v: self._choices_changed())
        self.language_combo.currentIndexChanged.connect(lambda _i: self._choices_changed())
        self.preview_button.clicked.connect(self.preview_report)
        for fmt, action in self.export_actions.items():
            action.triggered.connect(lambda _checked=False, f=fmt: self.choose_export_file(f))
        self.tables_list.currentRowChanged.connect(self._show_table)
        tasks.changed.connect(self._changed)
        # F5 as on every list page; a shortcut of a hidden page does not fire, so it is this page's only.
        self.preview_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.preview_shortcut.activated.connect(self.preview_report)

        for first, second in (
            (self.period_combo, self.from_edit),
            (self.from_edit, self.to_edit),
            (self.to_edit, self.k_spin),
            (self.k_spin, self.language_combo),
            (self.language_combo, self.preview_button),
            (self.preview_button, self.export_button),
            (self.export_button, self.tables_list),
            (self.tables_list, self.table),
        ):
            self.setTabOrder(first, second)

        self.period_combo.setCurrentIndex(self.period_combo.findData(QuickPeriod.LAST_QUARTER))
        self._quick_chosen()
        self._set_minimum_k(DEFAULT_REPORT_MIN_CELL, known=False)
        self._show_empty(
            self.tr(
                "Choose the months and press Preview (F5).\nThe report is shown here exactly as it will be "
                "exported; nothing is written until you choose Export."
            )
        )

    def _month_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setDisplayFormat("yyyy-MM")
        edit.setCalendarPopup(False)
        edit.setMinimumDate(FIRST_MONTH)
        edit.setMaximumDate(_qdate(date.today()))
        edit.setAccessibleName(name)
        edit.setToolTip(name)
        return edit

    def _build_results(self) -> QWidget:
        results = QWidget(self)
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.report_title = QLabel(results)
        self.report_title.setWordWrap(True)
        title_font = self.report_title.font()
        title_font.setBold(True)
        self.report_title.setFont(title_font)

        # The title and the counts of hidden numbers share a line: the page is short on height at 768 px.
        counts = QHBoxLayout()
        counts.setSpacing(6)
        counts.addWidget(self.report_title, 1)
        counts.addSpacing(18)
        self.primary_chip = self._chip(PRIMARY_BACKGROUND, results)
        self.primary_label = QLabel(results)
        self.secondary_chip = self._chip(SECONDARY_BACKGROUND, results)
        self.secondary_label = QLabel(results)
        counts.addWidget(self.primary_chip)
        counts.addWidget(self.primary_label)
        counts.addSpacing(18)
        counts.addWidget(self.secondary_chip)
        counts.addWidget(self.secondary_label)
        column.addLayout(counts)
        self.notes_label = help_text("", results)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.notes_label)
        self.stale_label = QLabel(results)
        self.stale_label.setWordWrap(True)
        self.stale_label.hide()
        column.addWidget(self.stale_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, results)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(4)
        tables_label = QLabel(self.tr("Ta&bles:"), left)
        self.tables_list = QListWidget(left)
        self.tables_list.setAccessibleName(self.tr("Tables of the report"))
        # Titles such as "Median days from take-down request to removal" wrap rather than scroll sideways.
        self.tables_list.setWordWrap(True)
        self.tables_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tables_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tables_list.setSpacing(1)
        tables_label.setBuddy(self.tables_list)
        left_column.addWidget(tables_label)
        left_column.addWidget(self.tables_list, 1)

        detail = QWidget(splitter)
        detail_column = QVBoxLayout(detail)
        detail_column.setContentsMargins(8, 0, 0, 0)
        detail_column.setSpacing(6)
        self.table_title = heading("", 2, detail)
        self.table_note = help_text("", detail)
        detail_column.addWidget(self.table_title)
        detail_column.addWidget(self.table_note)
        content = QHBoxLayout()
        content.setSpacing(12)
        self.model = ReportTableModel(self)
        self.table = QTableView(detail)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        # Rows as tall as the text needs: a table of 15 incident types fits without scrolling at 768 px.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        content.addWidget(self.table, 1)
        self.chart = ReportChart(detail)
        self.chart_area = QScrollArea(detail)
        self.chart_area.setWidget(self.chart)
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chart_area.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        content.addWidget(self.chart_area, 1)
        detail_column.addLayout(content, 1)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 850])
        column.addWidget(splitter, 1)
        return results

    @staticmethod
    def _chip(background: str, parent: QWidget) -> QLabel:
        chip = QLabel(parent)
        chip.setStyleSheet(f"background: {background}; color: {MARKED_TEXT}; padding: 1px 6px; border-radius: 3px;")
        return chip

    # --- choices ----------------------------------------------------------------------------------------

    def current_choices(self) -> ReportChoices:
        language = self.language_combo.currentData()
        return ReportChoices(
            _month_text(self.from_edit.date()),
            _month_text(self.to_edit.date()),
            self.k_spin.value(),
            language if isinstance(language, str) else interface_language(),
        )

    def set_months(self, first: str, last: str) -> None:
        """Choose the months ``YYYY-MM`` to ``YYYY-MM`` (as typing them does)."""
        for edit, text in ((self.from_edit, first), (self.to_edit, last)):
            edit.setDate(QDate(int(text[:4]), int(text[5:7]), 1))

    def quick_choice(self) -> QuickPeriod:
        # Item data comes back from Qt as a plain str.
        return QuickPeriod(self.period_combo.currentData())

    def _quick_chosen(self) -> None:
        choice = self.quick_choice()
        if choice is QuickPeriod.CUSTOM:
            return
        first, last = quick_months(choice, date.today())
        self._syncing = True
        try:
            self.from_edit.setDate(_qdate(first))
            self.to_edit.setDate(_qdate(last))
        finally:
            self._syncing = False
        self._choices_changed()

    def _months_edited(self) -> None:
        if not self._syncing:
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(self.period_combo.findData(QuickPeriod.CUSTOM))
            self.period_combo.blockSignals(False)
        self._choices_changed()

    def _set_minimum_k(self, k: int, *, known: bool = True) -> None:
        """The administrator's setting: the lowest k offered (a report that kept the old lowest follows it)."""
        followed = self._minimum_k is None or self.k_spin.value() == self._minimum_k
        self._minimum_k = k if known else None
        self.k_spin.setMinimum(k)
        if followed:
            self.k_spin.setValue(k)
        self.preview_button.setEnabled(known)
        self.preview_shortcut.setEnabled(known)
        self._choices_changed()

    def _update_k_hint(self) -> None:
        k = self.k_spin.value()
        self.k_hint.setText(
            self.tr(
                "Counts from 1 to {top} are shown as “<{k}”. This vault's setting is k = {setting}; a report may "
                "use a higher k, never a lower one."
            ).format(top=k - 1, k=k, setting=self.k_spin.minimum())
        )

    def _choices_changed(self) -> None:
        self._update_k_hint()
        self._update_stale()
        self._update_export()

    def _export_ready(self) -> bool:
        return self.preview is not None and self.preview.choices == self.current_choices()

    def _update_export(self) -> None:
        ready = self._export_ready()
        self.export_button.setEnabled(ready)
        self.export_button.setToolTip(
            self.tr("Write the report shown below as PDF, Excel or CSV")
            if ready
            else self.tr("Preview the report first: the export is exactly what the preview shows")
        )

    def _update_stale(self) -> None:
        if self.preview is None:
            self.stale_label.hide()
            return
        if self.preview.choices != self.current_choices():
            text = self.tr(
                "The choices above changed after this preview. Press Preview (F5) to see the report they make."
            )
        elif self._casework_changed:
            text = self.tr(
                "Casework was saved after this preview. Export writes the numbers shown here; press Preview (F5) "
                "to count again."
            )
        else:
            self.stale_label.hide()
            return
        self.stale_label.setText(text)
        self.stale_label.show()

    # --- loading ----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for edit in (self.from_edit, self.to_edit):  # the app may have stayed open into a new month
            edit.setMaximumDate(_qdate(date.today()))
        # Read every time the page is shown: an administrator may have changed k meanwhile.
        self._tasks.query(
            lambda reader: Reports(reader).minimum_k(),
            self._set_minimum_k,
            owner=self,
            key=_MINIMUM_K,
            on_failed=self._failed,
        )

    def _changed(self, changes: Changes) -> None:
        if changes.casework and self.preview is not None:
            self._casework_changed = True
            self._update_stale()

    def _failed(self, error: SafeCaseError) -> None:
        self.message.show_error(error.message)

    # --- preview ----------------------------------------------------------------------------------------

    def preview_report(self) -> None:
        """Build the report of the chosen months off the UI thread and show it."""
        if self._minimum_k is None:
            return
        choices = self.current_choices()
        try:
            period = month_period(choices.first, choices.last)
        except SafeCaseError as exc:
            self.message.show_error(exc.message)
            return
        self.message.show_info(
            self.tr("Counting {first} to {last}…").format(first=choices.first, last=choices.last)
            if choices.first != choices.last
            else self.tr("Counting {month}…").format(month=choices.first)
        )
        self._tasks.query(
            lambda reader: build_preview(reader, period, choices),
            self._show_preview,
            owner=self,
            key=_PREVIEW,
            on_failed=self._preview_failed,
        )

    def _preview_failed(self, error: SafeCaseError) -> None:
        self.message.show_error(error.message)

    def _show_preview(self, preview: ReportPreview) -> None:
        self.message.clear_message()
        shown_key = self._current_table_key()
        self.preview = preview
        self._casework_changed = False
        published = preview.published
        self.report_title.setText(f"{published.title} · {published.period_text}")
        self.primary_chip.setText(f"<{published.k}")
        self.primary_label.setText(
            f"{labels.PRIMARY_SUPPRESSIONS.in_(published.language).format(k=published.k)}: "
            f"{QLocale().toString(published.primary_count)}"
        )
        self.secondary_chip.setText("X")
        self.secondary_label.setText(
            f"{labels.SECONDARY_SUPPRESSIONS.in_(published.language)}: {QLocale().toString(published.secondary_count)}"
        )
        for widget in (self.primary_chip, self.primary_label):
            widget.setToolTip(
                self.tr("Counts from 1 to {top}, hidden so that no one can be recognized (primary suppression)").format(
                    top=published.k - 1
                )
            )
        for widget in (self.secondary_chip, self.secondary_label):
            widget.setToolTip(
                self.tr(
                    "Counts hidden so that no “<{k}” can be worked out from totals or from another table "
                    "(secondary suppression)"
                ).format(k=published.k)
            )
        self.notes_label.setText(" ".join((published.rule_note, *published.notes)))

        self.tables_list.blockSignals(True)
        self.tables_list.clear()
        for table in published.tables:
            item = QListWidgetItem(table.title, self.tables_list)
            item.setData(Qt.ItemDataRole.UserRole, table.key)
            item.setToolTip(table.note or table.title)
            if table.withheld:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        self.tables_list.blockSignals(False)
        keys = [t.key for t in published.tables]
        self.tables_list.setCurrentRow(keys.index(shown_key) if shown_key in keys else 0)
        self._show_table(self.tables_list.currentRow())
        if counts_anything(preview.report):
            self.stack.setCurrentWidget(self.results)
        else:
            self._show_empty(self._nothing_counted(preview))
        self._update_stale()
        self._update_export()

    def _nothing_counted(self, preview: ReportPreview) -> str:
        choices = preview.choices
        months = (
            self.tr("{first} to {last}").format(first=choices.first, last=choices.last)
            if choices.first != choices.last
            else choices.first
        )
        lines = [
            self.tr(
                "Nothing to count in {months}: no case was opened, no contact logged, no referral sent and no "
                "take-down reported in these months."
            ).format(months=months)
        ]
        excluded = preview.report.excluded_cases
        if excluded:
            lines.append(
                self.tr("1 case opened in these months is left out: the survivor declined statistical use.")
                if excluded == 1
                else self.tr(
                    "{count} cases opened in these months are left out: the survivor declined statistical use."
                ).format(count=QLocale().toString(excluded))
            )
        lines.append(self.tr("You can still export this report; every count in it is 0."))
        return "\n".join(lines)

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def _current_table_key(self) -> str:
        item = self.tables_list.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return key if isinstance(key, str) else ""

    def published_table(self, key: str) -> PublishedTable | None:
        if self.preview is None:
            return None
        return next((t for t in self.preview.published.tables if t.key == key), None)

    def show_table(self, key: str) -> bool:
        """Show the table ``key`` of the preview (as choosing it in the list does)."""
        keys = [] if self.preview is None else [t.key for t in self.preview.published.tables]
        if key not in keys:
            return False
        self.tables_list.setCurrentRow(keys.index(key))
        return True

    def _show_table(self, row: int) -> None:
        if self.preview is None or not 0 <= row < len(self.preview.published.tables):
            self.model.clear()
            self.chart.set_table(None)
            return
        table = self.preview.published.tables[row]
        self.table_title.setText(table.title)
        self.table_title.setAccessibleName(table.title)
        self.table_note.setText(table.note)
        self.table_note.setVisible(bool(table.note))
        # Why a table is left out is the whole answer there: in the normal colour, not as a side note.
        self.table_note.setForegroundRole(
            QPalette.ColorRole.WindowText if table.withheld else QPalette.ColorRole.PlaceholderText
        )
        self.model.set_table(None if table.withheld else table, self.preview.published.k)
        self.table.setVisible(not table.withheld)
        self.table.setAccessibleName(table.title)
        charted = table.chart is ChartKind.BARS and not table.withheld
        self.chart.set_table(table if charted else None)
        self.chart_area.setVisible(charted)
        # Beside a chart the table is only as wide as its columns, and the chart has the rest.
        self.table.setMaximumWidth(self._fitted_width() if charted else QWIDGETSIZE_MAX)

    def _fitted_width(self) -> int:
        self.table.resizeColumnsToContents()
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.table.horizontalHeader().length() + 2 * self.table.frameWidth() + scroll_bar

    # --- export -----------------------------------------------------------------------------------------

    def choose_export_file(self, fmt: ReportFormat) -> QFileDialog | None:
        """Ask where to write the previewed report as ``fmt``; writing starts once a file is chosen."""
        if not self._export_ready() or self.preview is None:
            return None
        choices = self.preview.choices
        filters = {
            ReportFormat.PDF: self.tr("PDF documents (*.pdf)"),
            ReportFormat.XLSX: self.tr("Excel workbooks (*.xlsx)"),
            ReportFormat.CSV: self.tr("CSV files (*.csv)"),
        }
        name = self.tr("statistics-{first}-to-{last}").format(first=choices.first, last=choices.last) + fmt.suffix
        dialog = private_file_dialog(
            self,
            self.tr("Save the report as"),
            documents_folder() / name,
            save=True,
            name_filter=filters[fmt],
            default_suffix=fmt.value,
        )
        dialog.fileSelected.connect(lambda path: self.export_to(fmt, Path(path)))
        dialog.open()
        return dialog

    def export_to(self, fmt: ReportFormat, path: Path) -> None:
        """Write the previewed report to ``path`` in the background (the file dialog asked about replacing)."""
        preview = self.preview
        if preview is None or not self._export_ready():
            return
        self.message.clear_message()
        renderer = None
        if fmt is ReportFormat.PDF:
            # On this (the GUI) thread: looking up the Korean font may add a font file to Qt's list.
            korean_font_family()
            renderer = render_pdf
        session, report, language = self._session, preview.report, preview.choices.language
        self._tasks.run(
            lambda: Reports(session).export(report, fmt, language, path, renderer, overwrite=True),
            self._exported,
            self._failed,
            busy=Busy(self.tr("Writing the report…"), self),
        )

    def _exported(self, result: ExportResult) -> None:
        self.last_export = result
        self.message.show_success(
            self.tr("The report was written to {path}\nSHA-256: {sha256}").format(
                path=result.path, sha256=result.sha256
            )
        )

    # --- teardown ---------------------------------------------------------------------------------------

    def clear(self) -> None:
        self._tasks.cancel(owner=self, key=_PREVIEW)
        self.preview = None
        self.tables_list.clear()
        self.model.clear()
        self.chart.set_table(None)
        self.notes_label.clear()
        self._show_empty("")
        self._update_export()
