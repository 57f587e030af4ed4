"""File dialogs that leave no trace of where a person looked or what they opened.

Every file SafeCase opens or writes (an import, a backup, later evidence and exports) is chosen here,
because dialogs remember: Qt's own dialog writes the folders visited, the last folder and the file
name history to ``QtProject.conf`` (the registry on Windows) when it is destroyed, and the native
Windows dialog adds the file to the shell's recent items and its "last visited" registry lists. A
path such as ``…/Evidence/2026-0115/`` names a case.

So the dialog is always Qt's own (never the platform's, whose memory we cannot clear), it opens in a
fixed folder (Documents) rather than the last one used, and Qt's saved state is removed as soon as the
dialog is gone (and again at start-up, should SafeCase have been killed with a dialog open).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt

if TYPE_CHECKING:
    # Imported where a dialog is made: start-up (which forgets the dialogs' state) needs no dialog class.
    from PySide6.QtWidgets import QFileDialog, QWidget

# Where Qt's QFileDialog keeps its state: QSettings(UserScope, "QtProject"), group "FileDialog".
_QT_ORGANIZATION = "QtProject"
_QT_GROUP = "FileDialog"


def documents_folder() -> Path:
    from PySide6.QtCore import QStandardPaths  # not before the first screen (see safecase.ui)

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def private_file_dialog(
    parent: QWidget,
    title: str,
    start: Path,
    *,
    save: bool,
    name_filter: str = "",
    default_suffix: str = "",
    multiple: bool = False,
) -> QFileDialog:
    """A window-modal file dialog (open or save) that is deleted on close and forgets itself.

    The caller connects ``fileSelected`` (``filesSelected`` for ``multiple`` existing files) and calls ``open()``.
    """
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(start))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if multiple else QFileDialog.FileMode.ExistingFile)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    if name_filter:
        dialog.setNameFilter(name_filter)
    dialog.setHistory([])
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # ~QFileDialog saves its state before QObject's destructor emits destroyed, so this runs after it.
    dialog.destroyed.connect(forget_file_dialog_state)
    return dialog


def forget_file_dialog_state() -> None:
    """Remove what Qt's file dialog saved (visited folders, history); delete the file if it is empty."""
    settings = QSettings(QSettings.Scope.UserScope, _QT_ORGANIZATION)
    settings.remove(_QT_GROUP)
    settings.sync()
    if settings.format() == QSettings.Format.NativeFormat and not settings.allKeys():
        path = Path(settings.fileName())
        if path.is_file():
            with contextlib.suppress(OSError):
                path.unlink()
