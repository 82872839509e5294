"""Errors of syncing, in words a volunteer can act on."""

from __future__ import annotations

from ..core.errors import ErrorCode, Message, TomarError


class SyncError(TomarError):
    """The target cannot be reached or used; nothing on the device was lost."""


class ServerRefused(SyncError):
    """The server answered with an error that trying again will not fix."""

    def __init__(self, status: int, code: ErrorCode | Message, /, **params: object) -> None:
        self.status = status
        super().__init__(code, **params)


class SyncCancelled(SyncError):
    """The user cancelled; what was already sent stays sent, nothing is half-done."""
