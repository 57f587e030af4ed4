"""Plain data and rules: dataclasses, enums, taxonomies. Imports nothing of ours and does no I/O."""
