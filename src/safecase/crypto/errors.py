"""Crypto-level failures; callers above turn them into messages a person understands."""


class CryptoError(Exception):
    """Authentication failed or input is malformed. Deliberately says nothing more."""
