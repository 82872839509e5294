"""Sync: devices send batches and fetch receipts; the organizer pulls and answers.

Targets are a folder (USB stick, Syncthing, Nextcloud) or the collection server
(`tomar.server`). The app and the CLI call `sync_device` and `pull` from `client`.
"""

from .client import PullResult, SyncResult, default_target, pull, remember_target, sync_device
from .errors import ServerRefused, SyncCancelled, SyncError

__all__ = [
    "PullResult",
    "ServerRefused",
    "SyncCancelled",
    "SyncError",
    "SyncResult",
    "default_target",
    "pull",
    "remember_target",
    "sync_device",
]
