"""The main window's pages (Today, Cases, Home, Audit) and the intake and import dialogs opened from its menus."""
