"""Country names in the organizer's interface language (issue 19): a German signer is
listed as «ألمانيا» in Arabic and «آلمان» in Persian, from the CLDR table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from tomar.gui.organizer.workspace import OrganizerScreen

from ..batchkit import enroll, export, new_device, new_organizer, sign
from .conftest import WindowFactory, unlock


@pytest.mark.parametrize(("language", "germany"), [("ar", "ألمانيا"), ("fa", "آلمان")])
def test_signers_list_names_the_country_in_the_interface_language(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str, germany: str
) -> None:
    org = new_organizer(tmp_path / "home")
    d = new_device(tmp_path / "dev", org.package)
    enroll(d, org)
    sign(d, "Lena Berger", city="Berlin", phone="+49 30 901820")  # Germany by its phone
    batch_file = export(d, tmp_path / "b").path
    with org.intake() as intake:
        assert intake.import_file(batch_file).status == "imported"
    d.vault.close()
    org.close()
    window = make_window(tmp_path / "home", language=language)
    unlock(qtbot, window)
    screen = window.screens["org"]
    assert isinstance(screen, OrganizerScreen)
    screen.show_tab("signers")
    model = screen.w(QTableView, "signersTable").model()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    assert model.data(model.index(0, 3)) == germany
