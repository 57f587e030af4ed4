"""A widget's place, until the widget is first shown or asked for.

Main-window pages and case-window tabs stand in their stack as a :class:`LazyWidget` and are built,
with their module imported (see :mod:`safecase.ui`), when the person first goes there: building every
page at sign-in, or every tab when a case opens, made both wait for screens nobody had asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyWidget(QWidget, Generic[W]):
    """Holds the widget ``build`` makes, once it is first shown or asked for (:meth:`widget`)."""

    def __init__(self, build: Callable[[QWidget], W], parent: QWidget) -> None:
        super().__init__(parent)
        self._build = build
        self._widget: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def widget(self) -> W:
        if self._widget is None:
            self._widget = self._build(self)
            self._layout.addWidget(self._widget)
        return self._widget

    def built(self) -> W | None:
        """The widget if it has been built, without building it."""
        return self._widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.widget().show()
