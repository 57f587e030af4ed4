"""Storage: the SQLCipher database, its migrations and repositories, the key file, backups."""
