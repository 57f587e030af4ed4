"""Administration: accounts, vault settings, backup, verify and the referral directory."""
