"""The organizer's audit trail: every change is written in the transaction that makes it."""

from __future__ import annotations

from ..db import Connection
from ..identity import now_iso


def audit(conn: Connection, action: str, detail: str) -> None:
    conn.execute(
        "INSERT INTO audit(time, action, detail) VALUES (?,?,?)", (now_iso(), action, detail)
    )
