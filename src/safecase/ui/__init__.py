"""The desktop app (Qt widgets). It calls services for everything; it never runs SQL or decides who may do what.

One module per screen or dialog, grouped in shell/, pages/, case/, admin/ and common/. Slow work (Argon2id, re-keying, backups) runs through
:mod:`safecase.ui.tasks` so the window never freezes, and locking tears down every window that could
show vault content.
"""
