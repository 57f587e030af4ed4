"""Message boxes that never block: they open window-modal and report the answer through a callback.

A blocking ``exec()`` would run a nested event loop; if auto-lock fired inside it, the lock would
delete the window the box belongs to while ``exec()`` still ran. With ``open()`` the lock simply
closes the box along with everything else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, details: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setInformativeText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_error(parent: QWidget, text: str, title: str = "") -> QMessageBox:
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Messages", "SafeCase"),
        text,
        "",
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def show_info(parent: QWidget, title: str, text: str, details: str = "") -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Information, title, text, details)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    details: str,
    accept_label: str,
    on_accept: Callable[[], None],
) -> QMessageBox:
    """Ask before something consequential; the safe choice (Cancel) is the default button."""
    return confirm_with_option(parent, title, text, details, "", accept_label, lambda _option: on_accept())


def confirm_with_option(
    parent: QWidget,
    title: str,
    text: str,
    details: str,
    option_label: str,
    accept_label: str,
    on_accept: Callable[[bool], None],
) -> QMessageBox:
    """Like :func:`confirm`, with a check box under the text (unticked; none when ``option_label`` is
    empty); ``on_accept`` learns whether it was ticked."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, details)
    option = QCheckBox(option_label, box) if option_label else None
    if option is not None:
        box.setCheckBox(option)
    accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def finished() -> None:
        if box.clickedButton() is accept:
            on_accept(option is not None and option.isChecked())

    box.finished.connect(finished)
    box.open()
    return box
