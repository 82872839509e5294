"""Devices: enroll one from its request file (the certificate is written beside it),
revoke one, and what each device has sent."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

from ....core.atomic import atomic_write
from ....core.batches_view import DeviceState, device_rows
from ....core.errors import E, TomarError
from ...screens.base import confirm, say
from ..common import ltr
from ..signers import when
from .base import OrgTab, fill, num, selected_key

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

MAX_REQUEST = 64 * 1024


class DevicesTab(OrgTab):
    ui_name = "org_devices"

    def __init__(self, host: OrganizerScreen) -> None:
        super().__init__(host)
        self.message = self.w(QLabel, "devicesMessage")
        self.devices = self.w(QTableWidget, "devicesTable")
        self.w(QPushButton, "enrollButton").clicked.connect(self.choose_request)
        self.w(QPushButton, "revokeButton").clicked.connect(self.revoke)

    def refresh(self) -> None:
        if self.intake is None:
            return
        words = {
            DeviceState.ENROLLED: self.tr("Enrolled"),
            DeviceState.APPROVED: self.tr("Approved"),
            DeviceState.REVOKED: self.tr("Revoked"),
            DeviceState.HELD: self.tr("Held"),
            DeviceState.UNKNOWN: self.tr("Unknown"),
        }
        devices = device_rows(self.intake.vault)
        rows = [
            [
                ltr(d.fingerprint),
                d.label,
                words[d.state],
                num(d.last_batch) if d.last_batch else "–",
                when(d.last_received) if d.last_received else "–",
                num(d.records),
            ]
            for d in devices
        ]
        fill(self.devices, rows, keys=[d.fingerprint for d in devices])

    def choose_request(self) -> None:
        self.shell.choose_file(
            self.tr("Enrollment request"),
            self.tr("Enrollment requests (*.tomar-request *.json);;All files (*)"),
            self.enroll,
        )

    def enroll(self, path: str) -> None:
        if not path or self.intake is None:
            return
        source = Path(path)
        try:
            with source.open("rb") as fh:
                data = fh.read(MAX_REQUEST + 1)
            if len(data) > MAX_REQUEST:
                raise TomarError(E.APP_FILE_TOO_LARGE_ENROLLMENT)
            cert, fpr = self.intake.enroll(data)
            out = source.with_name(source.stem + ".tomar-cert")
            atomic_write(out, cert, mode=0o644, what=E.WORD_THE_CERTIFICATE)
        except OSError:
            say(self.message, self.tr("That file cannot be read."), kind="error")
            return
        except TomarError as exc:
            self.host.error(self.message, exc)
            return
        say(
            self.message,
            self.tr("Device %1 enrolled. Give it the certificate %2.")
            .replace("%1", fpr)
            .replace("%2", str(out)),
            kind="ok",
        )
        self.host.refresh()

    def revoke(self) -> None:
        fpr = selected_key(self.devices)
        if fpr is None or self.intake is None:
            say(self.message, self.tr("Choose a device first."), kind="error")
            return
        confirm(
            self,
            self.tr("Revoke this device?"),
            self.tr("Its next batches will be rejected. What was imported stays."),
            self.tr("Revoke"),
            lambda: self._revoke(fpr),
        )

    def _revoke(self, fpr: str) -> None:
        if self.intake is None:
            return
        try:
            self.intake.revoke_device(fpr)
        except TomarError as exc:
            self.host.error(self.message, exc)
            return
        say(self.message, self.tr("Device %1 revoked.").replace("%1", fpr), kind="ok")
        self.host.refresh()

    def clear(self) -> None:
        self.devices.setRowCount(0)
        say(self.message, "")
