"""The organizer's review that can be trusted (issue 17, items 13-15), through the real
widgets: approving a device only after comparing its fingerprint, held batches said in
words, a signers list whose counts, statuses and buttons agree after every action, and a
campaign wizard in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from tomar.gui.organizer.workspace import OrganizerScreen

from ..batchkit import new_device, new_organizer, sign
from .conftest import WindowFactory, click
from .orgkit import device_batch, import_and_approve, open_workspace


def _held_workspace(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str = "en"
) -> tuple[OrganizerScreen, Path, str]:
    """An organizer window with one batch file from a device that was never enrolled."""
    org = new_organizer(tmp_path / "home")
    made = device_batch(org, tmp_path, [("Nina Park", "Washington"), ("Omid Tehrani", "Boston")])
    org.close()
    _, screen = open_workspace(
        qtbot, make_window, tmp_path / "home", language=language, tab="intake"
    )
    return screen, made.path, made.fingerprint


def test_held_batch_is_reported_as_held(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    screen, batch_file, _ = _held_workspace(qtbot, make_window, tmp_path)
    approve = screen.w(QPushButton, "approveButton")
    assert not approve.isEnabled()  # nothing is held yet
    screen.intake_tab.import_paths([batch_file])
    qtbot.waitUntil(lambda: not screen.jobs, timeout=20_000)
    message = screen.w(QLabel, "intakeMessage")
    assert "1 held until you approve their device" in message.text()
    assert message.property("kind") != "ok"  # not a green all-clear
    # The held list was read again when the job ended: the button follows it.
    assert screen.w(QTableWidget, "heldTable").rowCount() == 1
    assert approve.isEnabled()


def test_approving_shows_the_fingerprint_and_asks_to_compare(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    screen, batch_file, fpr = _held_workspace(qtbot, make_window, tmp_path)
    screen.intake_tab.import_paths([batch_file])
    qtbot.waitUntil(lambda: not screen.jobs, timeout=20_000)
    approve = screen.w(QPushButton, "approveButton")
    results = screen.w(QTableWidget, "resultsTable")
    held = screen.w(QTableWidget, "heldTable")

    # One click opens the comparison and imports nothing; Cancel leaves the device held.
    click(qtbot, approve)
    box = screen.intake_tab.confirm_box
    assert box is not None and box.isVisible()
    assert fpr in box.fingerprint.text()
    assert box.fingerprint.font().pointSizeF() >= 18  # large type
    assert box.no.isDefault() and not box.yes.isDefault()
    click(qtbot, box.no)
    qtbot.wait(50)
    assert not screen.jobs and results.rowCount() == 1 and held.rowCount() == 1

    # Approving after comparing imports the held batch, named in words.
    click(qtbot, approve)
    box = screen.intake_tab.confirm_box
    assert box is not None
    click(qtbot, box.yes)
    qtbot.waitUntil(lambda: results.rowCount() == 2, timeout=20_000)
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    name = results.item(1, 0).text()  # type: ignore[union-attr]
    assert name == "Held batch 1 of the approved device"
    assert results.item(1, 1).text() == "Imported"  # type: ignore[union-attr]
    assert screen.w(QLabel, "intakeMessage").text() == "1 imported, 0 rejected."
    # Nothing is held any more: the list is empty and Approve is off.
    assert held.rowCount() == 0
    assert not approve.isEnabled()


def _column(table: QTableView, col: int) -> list[str]:
    model = table.model()
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def test_review_statuses_counts_and_buttons_agree(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    org = new_organizer(tmp_path / "home")
    signers = [("Omid Tehrani", "Boston"), ("Nina Park", "Washington"), ("Omid Tehrani", "Boston")]
    import_and_approve(org, device_batch(org, tmp_path, signers))
    org.close()
    _, screen = open_workspace(qtbot, make_window, tmp_path / "home")

    screen.show_tab("dashboard")
    assert screen.w(QLabel, "flaggedValue").text() == "2"
    screen.show_tab("signers")
    table = screen.w(QTableView, "signersTable")
    # The rows say what the dashboard says, in words, and where they came from.
    assert sorted(_column(table, 6)) == ["Counted", "To review", "To review"]
    assert set(_column(table, 5)) == {"Kiosk"}
    times = [t.strip("\u2066\u2069") for t in _column(table, 0)]  # isolated left to right
    assert all(len(t) == 16 and t[4] == "-" and t[7] == "-" for t in times)  # YYYY-MM-DD HH:MM
    # Keep and Not a duplicate are told apart.
    keep = screen.w(QPushButton, "keepButton")
    merge = screen.w(QPushButton, "mergeButton")
    distinct = screen.w(QPushButton, "distinctButton")
    assert keep.toolTip() and distinct.toolTip() and keep.toolTip() != distinct.toolTip()
    assert "Not a duplicate: a different person" in screen.w(QLabel, "reviewHelp").text()

    # Keep: the kept one is counted and off the list; its look-alike stays to review.
    omid = _column(table, 1).index("Omid Tehrani")
    screen.signers_tab.select_row(omid)
    assert "Status: To review" in screen.w(QLabel, "signerDetails").text()
    assert keep.isEnabled() and merge.isEnabled() and distinct.isEnabled()
    click(qtbot, keep)
    assert "Status: Counted" in screen.w(QLabel, "signerDetails").text()
    # Nothing left to decide on this one: the buttons say so.
    assert not keep.isEnabled() and not merge.isEnabled() and not distinct.isEnabled()
    assert "Reviewed: kept as the one to count" in screen.w(QLabel, "signerDetails").text()
    assert sorted(_column(table, 6)) == ["Counted", "Counted", "To review"]
    screen.show_tab("dashboard")
    assert screen.w(QLabel, "flaggedValue").text() == "1"

    # Merge in the "To review" list: the list, its count, the details and the buttons agree.
    screen.show_tab("signers")
    screen.w(QComboBox, "filterCombo").setCurrentIndex(3)  # to review
    assert table.model().rowCount() == 1
    assert screen.w(QLabel, "shownLabel").text() == "1 shown"
    screen.signers_tab.select_row(0)
    assert merge.isEnabled()
    click(qtbot, merge)
    assert table.model().rowCount() == 0
    assert screen.w(QLabel, "shownLabel").text() == "0 shown"
    assert screen.w(QLabel, "signerDetails").text() == ""
    assert not keep.isEnabled() and not merge.isEnabled() and not distinct.isEnabled()
    assert screen.w(QLabel, "reviewMessage").text() == "Merged: counted once."
    screen.show_tab("dashboard")
    assert screen.w(QLabel, "flaggedValue").text() == "0"
    assert screen.w(QLabel, "duplicatesValue").text() == "1"


def test_review_words_in_persian(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    org = new_organizer(tmp_path / "home")
    import_and_approve(org, device_batch(org, tmp_path, [("Omid Tehrani", "Boston")] * 2))
    org.close()
    _, screen = open_workspace(qtbot, make_window, tmp_path / "home", language="fa", tab="signers")
    table = screen.w(QTableView, "signersTable")
    for value in _column(table, 5) + _column(table, 6):
        assert value and not any("a" <= ch <= "z" for ch in value.lower()), value


def test_a_review_decision_can_be_undone(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """Undo after Merge (the row already gone from "To review") and after Keep (found
    again under "Reviewed"): counts, statuses and buttons agree after each."""
    org = new_organizer(tmp_path / "home")
    import_and_approve(
        org,
        device_batch(
            org,
            tmp_path,
            [("Omid Tehrani", "Boston"), ("Nina Park", "Washington"), ("Omid Tehrani", "Boston")],
        ),
    )
    org.close()
    _, screen = open_workspace(qtbot, make_window, tmp_path / "home", tab="signers")
    table = screen.w(QTableView, "signersTable")
    keep = screen.w(QPushButton, "keepButton")
    merge = screen.w(QPushButton, "mergeButton")
    undo = screen.w(QPushButton, "reopenButton")
    shown = screen.w(QLabel, "shownLabel")
    details = screen.w(QLabel, "signerDetails")
    combo = screen.w(QComboBox, "filterCombo")
    assert not undo.isEnabled()  # nothing decided yet
    combo.setCurrentIndex(combo.findData("flagged"))
    assert shown.text() == "2 shown"
    screen.signers_tab.select_row(0)
    assert not undo.isEnabled()  # this one has no decision to undo
    click(qtbot, merge)
    assert table.model().rowCount() == 0 and shown.text() == "0 shown"
    assert undo.isEnabled()  # the merge just made, though its row left the list
    click(qtbot, undo)
    assert screen.w(QLabel, "reviewMessage").text() == (
        "Decision undone: this signer is to review again."
    )
    assert table.model().rowCount() == 2 and shown.text() == "2 shown"
    assert sorted(_column(table, 6)) == ["To review", "To review"]
    assert not undo.isEnabled()
    screen.show_tab("dashboard")
    assert screen.w(QLabel, "flaggedValue").text() == "2"
    assert screen.w(QLabel, "duplicatesValue").text() == "0"

    screen.show_tab("signers")
    screen.signers_tab.select_row(0)
    click(qtbot, keep)
    combo.setCurrentIndex(combo.findData("reviewed"))
    assert combo.currentText() == "Reviewed"
    assert shown.text() == "1 shown"
    screen.signers_tab.select_row(0)
    assert "Reviewed: kept as the one to count" in details.text()
    assert undo.isEnabled() and not keep.isEnabled()
    click(qtbot, undo)
    assert table.model().rowCount() == 0 and shown.text() == "0 shown"
    assert details.text() == "" and not keep.isEnabled() and not undo.isEnabled()
    combo.setCurrentIndex(combo.findData("flagged"))
    assert shown.text() == "2 shown"
    screen.show_tab("dashboard")
    assert screen.w(QLabel, "flaggedValue").text() == "2"


@pytest.mark.parametrize("language", ["en", "fa", "ar"])
def test_organizer_dates_in_the_interface_languages_digits(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str
) -> None:
    """Dates keep YYYY-MM-DD HH:MM (year first) with the interface language's digits: in
    the signers table, the details, the devices table."""
    org = new_organizer(tmp_path / "home")
    import_and_approve(org, device_batch(org, tmp_path, [("Omid Tehrani", "Boston")]))
    org.close()
    _, screen = open_workspace(
        qtbot, make_window, tmp_path / "home", language=language, tab="signers"
    )
    table = screen.w(QTableView, "signersTable")
    screen.signers_tab.select_row(0)
    details = screen.w(QLabel, "signerDetails").text()
    screen.show_tab("devices")
    devices = screen.w(QTableWidget, "devicesTable")
    last_received = devices.item(0, 4)
    assert last_received is not None
    cells = [_column(table, 0)[0], last_received.text()]
    zero = {"en": "0", "fa": "\u06f0", "ar": "\u0660"}[language]
    for cell in cells:
        date = cell.strip("\u2066\u2069")
        assert cell.startswith("\u2066") and cell.endswith("\u2069")  # year first in RTL too
        assert len(date) == 16 and date[4] == "-" and date[7] == "-" and date[13] == ":"
        assert all(
            zero <= ch <= chr(ord(zero) + 9)
            for ch in date.replace("-", "").replace(":", "").replace(" ", "")
        ), cell
    date = cells[0].strip("\u2066\u2069")
    (line,) = [line for line in details.split("\n") if date in line]  # "Time: ..."
    if language != "en":
        assert not any("0" <= ch <= "9" for ch in line)


def test_a_pull_says_what_is_held(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    from tomar.sync import client

    org = new_organizer(tmp_path / "home")
    d = new_device(tmp_path / "dev", org.package)  # never enrolled
    sign(d, "Nina Park")
    stick = tmp_path / "stick"
    stick.mkdir()
    client.sync_device(d, stick)
    d.vault.close()
    org.close()
    _, screen = open_workspace(qtbot, make_window, tmp_path / "home", tab="intake")
    screen.w(QLineEdit, "pullEdit").setText(str(stick))
    click(qtbot, screen.w(QPushButton, "pullButton"))
    qtbot.waitUntil(lambda: screen.w(QTableWidget, "resultsTable").rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    message = screen.w(QLabel, "intakeMessage")
    assert "1 held until you approve their device." in message.text()
    assert message.property("kind") != "ok"
    assert screen.w(QPushButton, "approveButton").isEnabled()
