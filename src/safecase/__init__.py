"""SafeCase: encrypted, offline casework for support hotlines and counseling centers."""

__version__ = "0.1.0"
