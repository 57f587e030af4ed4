"""The shell around the work: start-up, first run, sign-in and lock, the main window, and process-wide guards."""
