"""Thin, reviewed wrappers over `cryptography`: Argon2id, AES-GCM, X25519 key slots, HKDF, hash chains.

Nothing here invents a primitive; each function names the construction it uses.
"""
