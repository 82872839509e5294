"""Marks a template for pyside6-lupdate without importing Qt (the core never does)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """`source` unchanged; lupdate extracts calls of this name into the .ts files."""
    return source
