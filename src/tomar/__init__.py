"""Tomar: offline petition signature collection."""

__version__ = "0.1.0"
