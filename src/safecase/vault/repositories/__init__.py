"""Repositories: explicit SQL, one module per table family, dataclasses in and out."""
