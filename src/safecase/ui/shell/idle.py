"""Auto-lock, and the one place SafeCase watches what a person does.

Counselors share office PCs and step away mid-session; an unattended open case is the most likely
leak. A single-shot timer restarts on every key press, click, wheel turn, touch or mouse move in any
SafeCase window; when it runs out, :attr:`IdleWatcher.timed_out` fires and the app locks (or locks as
soon as running work is done). The same watch hands every key press to the lock shortcut (Ctrl+L,
:mod:`safecase.ui.shell.lock_shortcut`), so there is one call into Python per input event, not two.

Where it watches: at the windows, not at the application. Input from the window system is delivered
by QGuiApplication to the top-level QWindow it is meant for (for a widget window, its QWidgetWindow;
a key press for a window under an open popup to the popup's window), and only that window passes it
on to the widget with focus or under the pointer. An event filter on each top-level QWindow therefore
sees all of a person's input, including key presses inside a modal dialog (its own window, with focus)
and the ShortcutOverride Qt sends with a key press before it tries shortcuts, but none of the events
widgets send one another (paint, polish, layout, child and timer events). An application-wide filter
saw those too, each one a call into Python: it made building a case window three times slower.

The filter goes onto every top-level window when the watch starts and again whenever the focus window
changes, which is how a new window, dialog or popup comes to receive key presses. Installing twice is
harmless (Qt keeps one entry), :meth:`IdleWatcher.stop` removes it from every window and it does
nothing while stopped. No window is remembered, so a deleted window simply takes the filter with it.

Typing through an input method (how Korean is typed, and Japanese, Chinese…) is the one kind of input
that does not pass through the window: the input method takes the key presses before they become key
events and sends the composed text to the focused widget as input-method events. (The application-wide
filter saw those but did not count them: someone typing a call's notes in Hangul without touching the
mouse could be locked out mid-sentence.) A second, small filter follows the focus object (one widget,
never a flood) and counts input-method events that carry text.

Events that code sends straight to a widget (``QTest.keyClick(widget, …)``) bypass the window and are
not a person's input; tests deliver input through the window (``QTest.keyClick(window.windowHandle(),
…)``), as the window system does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QWindow
from shiboken6 import isValid

from safecase.ui.shell.lock_shortcut import LockShortcut

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,  # a key press that a shortcut then takes never arrives as KeyPress
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleWatcher(QObject):
    """Restarts the auto-lock timer on input at any top-level window; hands key presses to ``lock_shortcut``."""

    timed_out = Signal()

    def __init__(
        self, interval_ms: int, parent: QObject | None = None, *, lock_shortcut: LockShortcut | None = None
    ) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.timed_out)
        self._lock_shortcut = lock_shortcut
        self._typing = _TypingWatch(self._timer, self)
        self._app: QGuiApplication | None = None
        self._watching = False

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._watching

    def set_interval_ms(self, interval_ms: int) -> None:
        """Change the idle time; the count starts again from now."""
        self._timer.setInterval(interval_ms)
        if self._watching:
            self._timer.start()

    def start(self) -> None:
        if not self._watching:
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.focusWindowChanged.connect(self._watch_windows)
                app.focusObjectChanged.connect(self._typing.follow)
                self._watch_windows()
                self._typing.follow(QGuiApplication.focusObject())
                self._app = app
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        app, self._app = self._app, None
        if app is not None:
            app.focusWindowChanged.disconnect(self._watch_windows)
            app.focusObjectChanged.disconnect(self._typing.follow)
            for window in QGuiApplication.allWindows():
                window.removeEventFilter(self)
            self._typing.follow(None)
        self._watching = False
        self._timer.stop()

    def _watch_windows(self, _focus: QWindow | None = None) -> None:
        # Every top-level window, not only the focus window: the pointer moves over windows without focus.
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _ACTIVITY or not self._watching:
            return False
        self._timer.start()
        if kind == QEvent.Type.KeyPress and self._lock_shortcut is not None and isinstance(event, QKeyEvent):
            return self._lock_shortcut.take(event)
        return False


class _TypingWatch(QObject):
    """Sits on the focus object alone and counts input-method events (composed text) as activity."""

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = timer
        self._watched: QObject | None = None

    def follow(self, focus: QObject | None) -> None:
        """Move to ``focus`` (None: watch nothing)."""
        previous, self._watched = self._watched, focus
        if previous is not None and previous is not focus and isValid(previous):
            previous.removeEventFilter(self)
        if focus is not None:
            focus.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Text, not the empty event an input method sends on its own when focus moves.
        if (
            event.type() == QEvent.Type.InputMethod
            and isinstance(event, QInputMethodEvent)
            and (event.commitString() or event.preeditString())
        ):
            self._timer.start()
        return False
