"""What an import says back: a result per batch, and a record's problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from ..errors import E, ErrorCode, Message, TomarError

#: Records done, records in all: heard every 500 records and at the end of a batch.
Progress = Callable[[int, int], None]


class ImportStatus(StrEnum):
    """What became of a batch; a str, so that it prints and compares as its value."""

    IMPORTED = "imported"
    ALREADY = "already"
    HELD = "held"
    REJECTED = "rejected"


@dataclass
class ImportResult:
    name: str
    status: ImportStatus
    message: Message
    device: str = ""
    number: int = 0
    count: int = 0
    gaps: list[tuple[int, int]] = field(default_factory=list)  # missing (first, last)

    @property
    def ok(self) -> bool:
        return self.status != ImportStatus.REJECTED


class RecordProblem(TomarError):
    """One record of a batch is refused (and with it the whole batch)."""

    def __init__(self, record_id: str, reason: ErrorCode | Message, /, **params: object) -> None:
        self.record_id = record_id
        self.reason = Message(reason, **params) if isinstance(reason, ErrorCode) else reason
        super().__init__(E.INTAKE_RECORD_PROBLEM, record=record_id, reason=self.reason)


def replayed(record_id: str, device: str | None = None) -> RecordProblem:
    """A record received before; `device` is the fingerprint of the device that sent it."""
    if device is None:
        return RecordProblem(record_id, E.INTAKE_ALREADY_RECEIVED_REPLAYED_RECORD)
    return RecordProblem(record_id, E.INTAKE_ALREADY_RECEIVED_DEVICE_REPLAYED, device=device)
