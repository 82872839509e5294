"""The PySide6 desktop app a volunteer runs at a rally.

A thin face over `tomar.core`: every rule (validation, sealing, counting) lives in the
core; this package only shows screens, captures the drawn signature and keeps plaintext
out of widgets once a signer is done. See docs/ARCHITECTURE.md, section "Desktop app".
"""

from .none_guard import guard as _guard_none

_guard_none()  # before any Qt call: see none_guard.py
