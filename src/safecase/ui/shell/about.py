"""Help > About SafeCase: the version, the vault format, Qt's version and the licenses of what is bundled.

The licenses are part of the box, not a link out: SafeCase is GPL-3.0-or-later and ships Qt under
the LGPL-3.0, whose terms let the person replace the Qt libraries; the box says where they are on this
computer. Each bundled component's full license text is shown on selecting it (from the ``licenses``
folder the build collected, or in a source install from the installed packages).
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from safecase.services import about
from safecase.ui.common.widgets import body_text, heading, help_text

_ICON_SIZE = 64


def qt_library_folder() -> Path:
    """Where the Qt libraries this process loaded are, in the PySide6 wheels' layout (which the frozen
    build keeps): beside PySide6's modules on Windows, in PySide6/Qt/lib elsewhere."""
    package = Path(PySide6.__file__).resolve().parent
    return package if platform.system() == "Windows" else package / "Qt" / "lib"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SafeCase"))
        self.setMinimumSize(640, 560)
        self._components = about.components()
        column = QVBoxLayout(self)
        column.setSpacing(10)

        top = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(self.windowIcon().pixmap(_ICON_SIZE, _ICON_SIZE))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QVBoxLayout()
        self.title = heading(self.tr("SafeCase {version}").format(version=about.app_version()), 1, self)
        title.addWidget(self.title)
        title.addWidget(
            body_text(
                self.tr(
                    "Encrypted, offline casework for counseling centers. Everything stays in the vault "
                    "on this computer; nothing is sent anywhere."
                ),
                self,
            )
        )
        top.addLayout(title, 1)
        column.addLayout(top)

        facts = QFormLayout()
        self.vault_format = QLabel(str(about.vault_format_version()), self)
        facts.addRow(self.tr("Vault format:"), self.vault_format)
        self.qt_version = QLabel(
            self.tr("Qt {qt}, PySide6 {pyside}").format(qt=qVersion(), pyside=PySide6.__version__), self
        )
        facts.addRow(self.tr("Libraries:"), self.qt_version)
        facts.addRow(self.tr("Python:"), QLabel(platform.python_version(), self))
        column.addLayout(facts)

        column.addWidget(heading(self.tr("Licenses"), 2, self))
        self.qt_folder = qt_library_folder()
        self.notice = body_text(
            self.tr(
                "SafeCase is free software: you may use, share and change it under the GNU General Public "
                "License, version 3 or later. Qt and PySide6 are used under the GNU Lesser General Public "
                "License, version 3: you may replace the Qt libraries SafeCase uses with your own build of "
                "them. On this computer they are in:"
            ),
            self,
        )
        column.addWidget(self.notice)
        folder = QLabel(str(self.qt_folder), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(folder)
        bundled = about.bundled_license_folder()
        if bundled is not None:
            column.addWidget(help_text(self.tr("The license texts are also in {folder}.").format(folder=bundled), self))

        self.table = QTableWidget(len(self._components), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("License")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, component in enumerate(self._components):
            self.table.setItem(row, 0, QTableWidgetItem(component.name))
            self.table.setItem(row, 1, QTableWidgetItem(component.license))
        self.table.setAccessibleName(self.tr("Bundled components and their licenses"))
        column.addWidget(self.table, 2)

        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("License text"))
        column.addWidget(self.text, 3)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

        self.table.currentCellChanged.connect(lambda row, _col, _old_row, _old_col: self._show_license(row))
        self.table.selectRow(0)

    def _show_license(self, row: int) -> None:
        if not 0 <= row < len(self._components):
            self.text.clear()
            return
        component = self._components[row]
        texts = about.license_texts(component)
        if not texts:
            self.text.setPlainText(
                self.tr("The license text of {component} was not found on this computer.").format(
                    component=component.name
                )
            )
            return
        self.text.setPlainText("\n\n".join(f"==== {t.name} ====\n\n{t.text}" for t in texts))
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)


def open_about(parent: QWidget) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
