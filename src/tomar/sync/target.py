"""What a sync target is, and how a command-line or settings value becomes one."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..core.campaign import Campaign
from .auth import RequestSigner

if TYPE_CHECKING:
    from .http import RetryPolicy


@dataclass(frozen=True)
class RemoteBatch:
    """A batch offered by a target; `sha256` is empty when the target does not know it."""

    sha256: str
    name: str
    size: int
    device: str = ""
    number: int = 0


class Target(Protocol):
    """Common face of a folder and a collection server."""

    def describe(self) -> str: ...

    def close(self) -> None: ...

    def put_batch(self, device: bytes, number: int, sha: str, data: bytes) -> bool: ...

    def status_for(
        self, device: bytes, pending: Mapping[str, int]
    ) -> tuple[dict[str, bytes], set[str]]: ...

    def list_batches(self) -> list[RemoteBatch]: ...

    def get_batch(self, item: RemoteBatch) -> bytes: ...

    def receipt_shas(self) -> set[str]: ...

    def put_receipt(self, data: bytes, campaign: Campaign) -> None: ...


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def open_target(
    where: str | Path,
    campaign: Campaign,
    signer: RequestSigner,
    *,
    certificate: bytes | None = None,
    cancel: threading.Event | None = None,
    retry: RetryPolicy | None = None,
) -> Target:
    """A URL becomes a server target (pinned if the campaign pins), anything else a folder."""
    from .folder import FolderTarget
    from .http import ServerTarget

    text = str(where)
    if is_url(text):
        return ServerTarget(
            text, campaign, signer, certificate=certificate, cancel=cancel, retry=retry
        )
    return FolderTarget(Path(text), campaign)
