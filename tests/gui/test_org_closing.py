"""Closing the campaign and removing a signer from the organizer app, through the real
widgets on a real vault: Cancel changes nothing, removal takes exactly the chosen signer,
and after closing no canary name is left in any file of the home."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from tomar.core import signed, signers_view, vault
from tomar.core.errors import E
from tomar.gui.main_window import MainWindow
from tomar.gui.organizer.tabs.closing import CloseDialog, RemoveDialog
from tomar.gui.organizer.tabs.outputs import CLOSING_NAME
from tomar.gui.organizer.workspace import OrganizerScreen

from .. import batchkit as kit
from ..conftest import PASS
from ..placeskit import CANARIES, CENSUS, CONSENTS, save, traces
from .conftest import WindowFactory, click, type_text, unlock

EMAILS = ["closing@example.org", "removal@example.org"]


def closing_home(tmp_path: Path) -> tuple[Path, str]:
    """An organizer home with three imported signers (the canaries); returns it and the
    campaign's title."""
    org = kit.new_organizer(tmp_path / "home", spec=kit.SPEC + CONSENTS)
    device = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(device, org)
    save(device, "Canary Closing", "94103", "contact", email=EMAILS[0])
    save(device, "کناری بسته", "10001", "newsletter")
    save(device, "Canary Removal", "94107", email=EMAILS[1])
    exported = kit.export(device, tmp_path / "out").path
    with org.intake() as intake:
        assert intake.import_file(exported).ok
        intake.load_districts(CENSUS)
    title = org.campaign.text("title", "en")
    device.vault.close()
    org.close()
    return org.home, title


def outputs(qtbot: QtBot, window: MainWindow) -> OrganizerScreen:
    unlock(qtbot, window)
    screen = window.screens["org"]
    assert isinstance(screen, OrganizerScreen)
    screen.show_tab("outputs")
    screen.refresh()
    return screen


def names(window: MainWindow) -> set[str]:
    v = window.session.device.vault
    return {r.name for r in signers_view.signer_rows(v, signers_view.signer_ids(v))}


def snapshot(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in home.glob("tomar*") if p.is_file()}


def test_cancel_changes_nothing(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    home, title = closing_home(tmp_path)
    window = make_window(home)
    screen = outputs(qtbot, window)
    tab = screen.outputs_tab
    before_names = names(window)
    before_files = {p.name for p in home.glob("tomar*")}
    key_file = (home / "tomar.key").read_bytes()

    click(qtbot, screen.w(QPushButton, "closeCampaignButton"))
    dialog = tab.dialog
    assert isinstance(dialog, CloseDialog) and dialog.no.isDefault()
    confirm = dialog.yes
    assert not confirm.isEnabled()
    type_text(qtbot, dialog.name, title)
    type_text(qtbot, dialog.passphrase, PASS)
    assert confirm.isEnabled()
    click(qtbot, dialog.no)
    assert tab.dialog is None and not screen.jobs
    assert dialog.passphrase.text() == "" and dialog.take_secret() == ""

    click(qtbot, screen.w(QPushButton, "removeSignerButton"))
    remove = tab.dialog
    assert isinstance(remove, RemoveDialog) and remove.no.isDefault()
    type_text(qtbot, remove.search, "Canary Removal")
    click(qtbot, remove.form.findChild(QPushButton, "removeFindButton"))
    assert remove.results.rowCount() == 1
    remove.results.selectRow(0)
    type_text(qtbot, remove.passphrase, PASS)
    click(qtbot, remove.yes)
    box = remove.confirm_box
    assert box is not None and box.defaultButton() is box.escapeButton()
    click(qtbot, box.findChild(QPushButton, "removeNo"))
    assert remove.confirm_box is None and remove.isVisible()  # back to the list
    click(qtbot, remove.no)
    assert tab.dialog is None and remove.results.rowCount() == 0  # nothing found stays shown
    assert not screen.jobs

    assert names(window) == before_names and len(before_names) == 3
    assert {p.name for p in home.glob("tomar*")} == before_files
    assert (home / "tomar.key").read_bytes() == key_file  # no rebuild happened
    window.lock_now()


def test_removal_from_the_app_removes_exactly_the_chosen_signer(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home, _ = closing_home(tmp_path)
    window = make_window(home)
    screen = outputs(qtbot, window)
    tab = screen.outputs_tab
    click(qtbot, screen.w(QPushButton, "removeSignerButton"))
    dialog = tab.dialog
    assert isinstance(dialog, RemoveDialog)
    type_text(qtbot, dialog.search, "Canary")  # by name: two match
    click(qtbot, dialog.form.findChild(QPushButton, "removeFindButton"))  # type: ignore[arg-type]
    table = dialog.form.findChild(QTableWidget, "removeResults")
    assert table is not None and table.rowCount() == 2
    dialog.search.setText("")
    type_text(qtbot, dialog.search, EMAILS[1])  # by email: the one asked
    dialog.search.returnPressed.emit()
    assert table.rowCount() == 1
    assert table.item(0, 1).text() == "Canary Removal"  # type: ignore[union-attr]
    assert not dialog.yes.isEnabled()  # no row chosen, no passphrase
    table.selectRow(0)
    assert not dialog.yes.isEnabled()
    type_text(qtbot, dialog.passphrase, PASS)
    assert dialog.yes.isEnabled()
    click(qtbot, dialog.yes)
    box = dialog.confirm_box
    assert box is not None
    click(qtbot, box.findChild(QPushButton, "removeYes"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not screen.jobs, timeout=30_000)
    message = screen.w(QLabel, "outputMessage").text()
    assert "removed on request" in message and "Canary" not in message

    assert names(window) == {"Canary Closing", "کناری بسته"}
    v = window.session.device.vault
    with_audit = [r[0] for r in v.conn.execute("SELECT detail FROM audit WHERE action='remove'")]
    assert with_audit == ["one signer removed on request"]
    assert (
        window.session.device.vault.conn.execute("SELECT count(*) FROM removals").fetchone()[0] == 1
    )
    # The vault was rebuilt: the removed signer's name and email are in no file.
    assert traces(home, ["Canary Removal", EMAILS[1]]) == []
    window.lock_now()


def test_closing_from_the_app_leaves_no_name_in_the_home(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home, title = closing_home(tmp_path)
    window = make_window(home)
    screen = outputs(qtbot, window)
    tab = screen.outputs_tab
    record_button = screen.w(QPushButton, "closingRecordButton")
    assert not record_button.isVisibleTo(tab)

    # A wrong passphrase: an error, and nothing is deleted.
    click(qtbot, screen.w(QPushButton, "closeCampaignButton"))
    dialog = tab.dialog
    assert isinstance(dialog, CloseDialog)
    type_text(qtbot, dialog.name, "Another title")
    type_text(qtbot, dialog.passphrase, "wrong passphrase")
    assert not dialog.yes.isEnabled()
    assert "not the campaign's title" in dialog.message.text()
    dialog.name.setText("")
    type_text(qtbot, dialog.name, f"  {title.upper()} ")  # spaces and case do not matter
    click(qtbot, dialog.yes)
    qtbot.waitUntil(lambda: not screen.jobs, timeout=30_000)
    assert "not correct" in screen.w(QLabel, "outputMessage").text()
    assert len(names(window)) == 3
    vault.THROTTLE.succeeded()  # no back-off for the next attempt in this test

    click(qtbot, screen.w(QPushButton, "closeCampaignButton"))
    dialog = tab.dialog
    assert isinstance(dialog, CloseDialog)
    type_text(qtbot, dialog.name, title)
    type_text(qtbot, dialog.passphrase, PASS)
    click(qtbot, dialog.yes)
    qtbot.waitUntil(lambda: not screen.jobs, timeout=60_000)
    message = screen.w(QLabel, "outputMessage").text()
    assert "closed with 3 unique signers" in message
    assert names(window) == set()
    assert traces(home, [*CANARIES, *EMAILS]) == []
    assert not screen.w(QPushButton, "closeCampaignButton").isEnabled()
    assert not screen.w(QPushButton, "removeSignerButton").isEnabled()
    assert record_button.isVisibleTo(tab)

    out = tmp_path / "record"
    out.mkdir()
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]
    click(qtbot, record_button)
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    data = (out / CLOSING_NAME).read_bytes()
    doc, sig = signed.read_doc(data, "closing", what=E.WORD_CLOSING_RECORD)
    assert screen.intake is not None
    signed.verify_doc(screen.intake.campaign.signing_key, doc, sig, what=E.WORD_CLOSING_RECORD)
    assert doc["counts"]["unique"] == 3
    assert not any(c in json.dumps(doc, ensure_ascii=False) for c in CANARIES)
    window.lock_now()
    # The closed vault still opens, into the workspace.
    unlock(qtbot, window)
    assert window.current == "org"
    window.lock_now()


def test_outputs_names_the_rows_no_font_can_draw_before_printing(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """A Chinese name on a machine without a CJK font: the row's number is shown, never
    the name, and the sheets are still written."""
    from tomar.core.sheets import text
    from tomar.gui.organizer.tabs.outputs import DELIVERY_NAME

    org = kit.new_organizer(tmp_path / "home", spec=kit.SPEC)
    device = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(device, org)
    save(device, "Canary First", "10001")  # NY
    save(device, "王小明", "94103")  # CA: the first row of California's packet
    save(device, "Canary Third", "94103")
    with org.intake() as intake:
        assert intake.import_file(kit.export(device, tmp_path / "out").path).ok
    device.vault.close()
    org.close()
    window = make_window(org.home)
    screen = outputs(qtbot, window)
    out = tmp_path / "sheets"
    out.mkdir()
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]
    message = screen.w(QLabel, "outputMessage")
    text.use_system_fonts(False)  # as on a machine without any CJK font
    try:
        click(qtbot, screen.w(QPushButton, "deliveryButton"))
        qtbot.waitUntil(lambda: not screen.jobs, timeout=60_000)
        assert (out / DELIVERY_NAME).exists()
        shown = message.text()
        assert "1 row has letters that no font" in shown and "Rows: 2." in shown
        assert "王" not in shown and "Canary" not in shown
        assert message.property("kind") == "error"
        # Packets per state: the row as numbered in its own packet.
        click(qtbot, screen.w(QPushButton, "packetsStateButton"))
        qtbot.waitUntil(lambda: not screen.jobs, timeout=60_000)
        assert (out / "packet-CA.pdf").exists() and (out / "packet-NY.pdf").exists()
        shown = message.text()
        assert shown.startswith(f"Saved: \u2066{out / 'summary.pdf'}\u2069\n"), shown
        assert "in \u2068packet-CA.pdf\u2069, 1 row has letters" in shown, shown
        assert "Rows: 1." in shown and "packet-NY" not in shown
        assert "王" not in shown and "Canary" not in shown
        assert message.property("kind") == "error"
    finally:
        text.use_system_fonts(True)
    # With the fonts the computer has (or not), the message says only what is true.
    click(qtbot, screen.w(QPushButton, "deliveryButton"))
    qtbot.waitUntil(lambda: not screen.jobs, timeout=60_000)
    if text.missing("王小明"):
        assert "Rows: 2." in message.text()
    else:
        assert "no font" not in message.text() and message.property("kind") == "ok"
    window.lock_now()


def test_the_dialogs_speak_persian(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    import re

    from .orgkit import shown_texts

    home, _ = closing_home(tmp_path)
    window = make_window(home, language="fa")
    screen = outputs(qtbot, window)
    tab = screen.outputs_tab
    texts = [(n, t) for n, t in shown_texts(tab) if n != "sheetLangCombo"]  # native names
    click(qtbot, screen.w(QPushButton, "closeCampaignButton"))
    assert isinstance(tab.dialog, CloseDialog)
    texts += [(n, t) for n, t in shown_texts(tab.dialog) if n != "closeCampaignTitle"]
    tab.dialog.reject()
    click(qtbot, screen.w(QPushButton, "removeSignerButton"))
    remove = tab.dialog
    assert isinstance(remove, RemoveDialog)
    remove.look_up()  # nothing typed: asks for a name
    texts += shown_texts(remove)
    texts += [
        ("header", remove.results.horizontalHeaderItem(c).text())  # type: ignore[union-attr]
        for c in range(remove.results.columnCount())
    ]
    type_text(qtbot, remove.search, "Canary")
    remove.look_up()
    remove.results.setCurrentCell(0, 0)  # (selectRow misses right to left)
    type_text(qtbot, remove.passphrase, PASS)
    click(qtbot, remove.yes)
    assert remove.confirm_box is not None
    texts += [("box", remove.confirm_box.text())]
    texts += [("box", b.text()) for b in remove.confirm_box.buttons()]
    english = [
        (n, t)
        for n, t in texts
        if re.search(r"[A-Za-z]{2,}", re.sub(r"\b[A-Z]{2,}\b|Noto Sans CJK", "", t))
    ]
    assert english == []
    remove.confirm_box.reject()
    remove.reject()
    window.lock_now()


def test_locking_with_the_question_open_removes_nobody(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home, _ = closing_home(tmp_path)
    window = make_window(home)
    screen = outputs(qtbot, window)
    tab = screen.outputs_tab
    click(qtbot, screen.w(QPushButton, "removeSignerButton"))
    dialog = tab.dialog
    assert isinstance(dialog, RemoveDialog)
    type_text(qtbot, dialog.search, "Canary Removal")
    dialog.look_up()
    dialog.results.selectRow(0)
    type_text(qtbot, dialog.passphrase, PASS)
    click(qtbot, dialog.yes)
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    window.lock_now()
    assert not box.isVisible() and tab.dialog is None and not screen.jobs
    assert dialog.results.rowCount() == 0 and dialog.passphrase.text() == ""
    unlock(qtbot, window)
    assert len(names(window)) == 3
    window.lock_now()


def test_a_job_result_shows_on_a_short_screen(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """At 1024x600 the Outputs tab scrolls: the progress and the result stay in view below
    it, not under the fold (they were out of sight after a job)."""
    org = kit.new_organizer(tmp_path / "home", spec=kit.SPEC)
    device = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(device, org)
    save(device, "Canary First", "10001")
    with org.intake() as intake:
        assert intake.import_file(kit.export(device, tmp_path / "out").path).ok
    device.vault.close()
    org.close()
    window = make_window(org.home)
    window.resize(1024, 600)
    window.show()
    screen = outputs(qtbot, window)
    out = tmp_path / "sheets"
    out.mkdir()
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]
    click(qtbot, screen.w(QPushButton, "deliveryButton"))
    qtbot.waitUntil(lambda: not screen.jobs, timeout=60_000)
    message = screen.w(QLabel, "outputMessage")
    qtbot.waitUntil(lambda: message.isVisible())
    assert message.text().startswith("Saved: ")
    shown = message.visibleRegion().boundingRect()
    assert shown.height() == message.height() and shown.width() == message.width()
    bottom = message.mapTo(window, message.rect().bottomRight())
    assert window.rect().contains(bottom)
    window.lock_now()
