"""The desktop app (Qt widgets). It calls services for everything; it never runs SQL or decides who may do what.

One module per screen or dialog, grouped in shell/, pages/, case/, admin/ and common/. Slow work (Argon2id, re-keying, backups) runs through
:mod:`safecase.ui.tasks` so the window never freezes, and locking tears down every window that could
show vault content.

Start-up: the module of a screen (a window, page or dialog) is imported by the function that first
opens that screen, not at the top of the module that opens it, and so are the services only a later
screen uses (the key and database code behind sign-in, for one) and the Qt classes only later
screens use (item views); at the top, such a name is imported for type annotations only, under
``if TYPE_CHECKING:``. That keeps the first screen (sign-in or
create-vault) from waiting for every screen behind it: tests/ui/test_startup.py checks which modules
are loaded when it is up, and tests/benchmarks/bench_startup.py times it.

Window titles name what the window shows ("Sign in", the center's name, "Case 2026-0042 — 민지"), never
the application: Qt adds "— SafeCase" itself (the application display name, set in ui/shell/app.py)
where the window system shows titles.
"""
