"""Form pieces for incidents, shared by the incident dialog and the quick intake.

- :class:`Checklist`: a list of taxonomy terms with check boxes, grouped under headings (digital sexual
  crime types first). One tab stop; arrow keys move, Space ticks, typing jumps to a label.
- :class:`PlatformsLine`: platforms as text, comma-separated, completing the known names in either
  language; the service turns known names into codes and keeps the rest as written.
- :class:`ApproximateDateEdit`: a date known exactly, to the month, to the year, or not at all.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from safecase.domain.incidents import DatePrecision, parse_approximate_date
from safecase.services.taxonomies import PLATFORMS, taxonomies
from safecase.ui.case.contact_fields import CodeCombo, date_edit, edit_date
from safecase.ui.common.taxonomy_labels import choices, date_precision_label, term_label, terms

_CODE = Qt.ItemDataRole.UserRole


def group_label(taxonomy_name: str, group: str) -> str:
    """Headings of the term groups in the bundled taxonomies."""
    labels = {
        "digital": QCoreApplication.translate("Checklist", "Digital sexual crimes"),
        "offline": QCoreApplication.translate("Checklist", "Offline"),
        "messenger": QCoreApplication.translate("Checklist", "Messengers"),
        "social": QCoreApplication.translate("Checklist", "Social networks"),
        "site": QCoreApplication.translate("Checklist", "Sites"),
        "app": QCoreApplication.translate("Checklist", "Apps"),
        "other": QCoreApplication.translate("Checklist", "Other"),
    }
    return labels.get(group, group)


class Checklist(QListWidget):
    """Terms of one taxonomy with check boxes, under group headings in the bundled order."""

    changed = Signal()

    def __init__(self, taxonomy_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taxonomy = taxonomy_name
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        # Long labels wrap inside the column rather than hiding behind a horizontal scroll bar.
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        heading_font = QFont(self.font())
        heading_font.setWeight(QFont.Weight.DemiBold)
        groups = {t.code: t.group for t in taxonomies()[taxonomy_name].terms}
        current_group: str | None = None
        for code, label in terms(taxonomy_name):
            group = groups.get(code, "")
            if group != current_group and group:
                heading = QListWidgetItem(group_label(taxonomy_name, group), self)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                heading.setFont(heading_font)
                heading.setForeground(self.palette().placeholderText())
            current_group = group
            item = QListWidgetItem(label, self)
            item.setData(_CODE, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.itemActivated.connect(self._toggle)

    def _items(self) -> list[QListWidgetItem]:
        return [item for row in range(self.count()) if (item := self.item(row)).data(_CODE)]

    def _toggle(self, item: QListWidgetItem) -> None:
        """Enter (or a double click) ticks or unticks, like Space."""
        if item.data(_CODE):
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def checked_codes(self) -> tuple[str, ...]:
        return tuple(str(i.data(_CODE)) for i in self._items() if i.checkState() == Qt.CheckState.Checked)

    def set_checked(self, codes: tuple[str, ...] | list[str]) -> None:
        wanted = set(codes)
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(_CODE) in wanted else Qt.CheckState.Unchecked)

    def check(self, code: str, checked: bool = True) -> None:
        for item in self._items():
            if item.data(_CODE) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.currentItem() is None or not self.currentItem().data(_CODE):
            first = next(iter(self._items()), None)
            if first is not None:
                self.setCurrentItem(first)

    def fit_rows(self, rows: int) -> None:
        """Tall enough to show ``rows`` rows without scrolling."""
        row_height = self.sizeHintForRow(1) if self.count() > 1 else self.fontMetrics().height() + 6
        self.setMinimumHeight(row_height * rows + 2 * self.frameWidth() + 4)


def known_platform_labels() -> list[str]:
    """Both labels of every known platform, for completion."""
    names: list[str] = []
    for term in taxonomies()[PLATFORMS].terms:
        names.extend([term.ko, term.en])
    return names


def split_platforms(text: str) -> list[str]:
    return [part.strip() for part in text.replace("、", ",").split(",") if part.strip()]


def platforms_text(codes: tuple[str, ...] | list[str]) -> str:
    """Stored platforms (codes, or free text) as the line shows them."""
    return ", ".join(term_label(PLATFORMS, code) for code in codes)


class PlatformsLine(QLineEdit):
    """Platforms typed as text, comma-separated; completes known names after each comma."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("for example 텔레그램, a new app (separate with commas)"))
        self._model = QStringListModel(known_platform_labels(), self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._complete)

    def _current_part(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def _complete(self, _text: str) -> None:
        prefix = self._current_part()
        if not prefix:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()
            return
        self._completer.setCompletionPrefix(prefix)
        self._completer.complete()

    def _insert_completion(self, completion: str) -> None:
        head = self.text()[: self.cursorPosition()]
        tail = self.text()[self.cursorPosition() :]
        parts = head.split(",")
        parts[-1] = (" " if len(parts) > 1 else "") + completion
        new_head = ",".join(parts)
        self.setText(new_head + tail)
        self.setCursorPosition(len(new_head))

    def platforms(self) -> list[str]:
        return split_platforms(self.text())


class ApproximateDateEdit(QWidget):
    """How precisely the date is known, and the date to that precision (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        today = today or date.today()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.precision_combo = CodeCombo(choices(DatePrecision, date_precision_label), self)
        self.precision_combo.setAccessibleName(self.tr("How precisely the date is known"))
        self.date_edit = date_edit(self, today)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1950, today.year)
        self.year_spin.setValue(today.year)
        self.year_spin.setAccessibleName(self.tr("Year"))
        self.month_combo = CodeCombo([(f"{m:02d}", f"{m:02d}") for m in range(1, 13)], self)
        self.month_combo.set_code(f"{today.month:02d}")
        self.month_combo.setAccessibleName(self.tr("Month"))
        row.addWidget(self.precision_combo)
        row.addWidget(self.date_edit)
        row.addWidget(self.year_spin)
        row.addWidget(self.month_combo)
        row.addStretch(1)
        self.precision_combo.currentIndexChanged.connect(self._precision_changed)
        self.date_edit.dateChanged.connect(self.changed)
        self.year_spin.valueChanged.connect(self.changed)
        self.month_combo.currentIndexChanged.connect(self.changed)
        self.precision_combo.set_code(DatePrecision.UNKNOWN)
        self._precision_changed()

    def precision(self) -> DatePrecision:
        return DatePrecision(self.precision_combo.code())

    def _precision_changed(self) -> None:
        precision = self.precision()
        self.date_edit.setVisible(precision is DatePrecision.EXACT)
        self.year_spin.setVisible(precision in (DatePrecision.MONTH, DatePrecision.YEAR))
        self.month_combo.setVisible(precision is DatePrecision.MONTH)
        self.changed.emit()

    def value(self) -> str:
        precision = self.precision()
        if precision is DatePrecision.EXACT:
            return edit_date(self.date_edit).isoformat()
        if precision is DatePrecision.MONTH:
            return f"{self.year_spin.value():04d}-{self.month_combo.code()}"
        if precision is DatePrecision.YEAR:
            return f"{self.year_spin.value():04d}"
        return ""

    def set_value(self, text: str) -> None:
        parsed = parse_approximate_date(text) or (DatePrecision.UNKNOWN, "")
        precision, value = parsed
        if precision is DatePrecision.EXACT:
            day = date.fromisoformat(value)
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        if precision in (DatePrecision.MONTH, DatePrecision.YEAR):
            self.year_spin.setValue(int(value[:4]))
        if precision is DatePrecision.MONTH:
            self.month_combo.set_code(value[5:7])
        self.precision_combo.set_code(precision)

    def widgets(self) -> list[QWidget]:
        return [self.precision_combo, self.date_edit, self.year_spin, self.month_combo]
