"""Use cases the CLI and the GUI call: they check permissions, validate input and talk to the vault."""
