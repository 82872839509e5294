"""How long signers' data lives: closing a campaign, removing one signer on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tomar.core import signed, signers_view, vault
from tomar.core.device import Device
from tomar.core.errors import E, TomarError
from tomar.core.intake import closing
from tomar.core.sheets import packets

from . import batchkit as kit
from . import placeskit
from .conftest import PASS
from .placeskit import CANARIES, CENSUS, save, traces

setup = placeskit.setup


def dump(v: vault.Vault) -> str:
    """Every row of every table of the open (decrypted) vault, as text."""
    out = []
    tables = [r[0] for r in v.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for t in tables:
        for row in v.conn.execute(f"SELECT * FROM {t}"):  # noqa: S608 (names from the schema)
            out.append(repr(row))
            out += [bytes(x).decode("utf-8", "replace") for x in row if isinstance(x, bytes)]
    return "\n".join(out)


def fill(org: kit.Org, device: Device, tmp_path: Path) -> Path:
    save(device, "Canary Closing", "94103", "contact", email="closing@example.org")
    save(device, "کناری بسته", "10001", "newsletter")
    save(device, "Canary Removal", "94107", email="removal@example.org")
    exported = kit.export(device, tmp_path / "out").path
    with org.intake() as intake:
        assert intake.import_file(exported).ok
        intake.load_districts(CENSUS)
    return exported


def test_closing_keeps_totals_and_proofs_and_destroys_names(
    setup: tuple[kit.Org, Device], tmp_path: Path
) -> None:
    org, device = setup
    fill(org, device, tmp_path)
    folder = tmp_path / "packets"
    folder.mkdir()
    made = packets.write_packets(org.vault, folder, packets.Split.STATE)
    assert CANARIES[0] in dump(org.vault)  # the check below can see names when they are there
    out = tmp_path / "closing.json"
    with org.intake() as intake:
        closed = intake.close_campaign(PASS, out)
    assert closed.unique == 3 and not closed.again
    doc, sig = signed.read_doc(out.read_bytes(), "closing", what=E.WORD_CLOSING_RECORD)
    signed.verify_doc(org.campaign.signing_key, doc, sig, what=E.WORD_CLOSING_RECORD)
    assert doc["counts"]["unique"] == 3 and doc["campaign"] == org.campaign.id
    assert {b["key"]: b["unique"] for b in doc["by_state"]} == {"CA": 2, "NY": 1}
    assert {b["key"]: b["unique"] for b in doc["by_district"]} == {
        "CA-11": 1, "NY-12": 1, "split": 1,
    }  # fmt: skip
    assert {b["key"] for b in doc["by_consent"]} == {"contact", "newsletter"}
    assert doc["by_event"][0]["key"] == "Rally" and len(doc["by_day"]) == 1
    assert [b["number"] for b in doc["batches"]] == [1] and len(doc["batches"][0]["sha256"]) == 64
    digests = {p["file"]: p["sha256"] for p in doc["delivery_packets"][-1]["packets"]}
    assert digests == {p.file: p.sha256 for p in made.packets}
    assert not any(c in json.dumps(doc, ensure_ascii=False) for c in CANARIES)

    # Nothing of a signer is left in the vault, decrypted, nor in any file of the home.
    text = dump(org.vault)
    assert not [c for c in CANARIES if c in text]
    assert "closing@example.org" not in text and "removal@example.org" not in text
    assert traces(org.home, [*CANARIES, "closing@example.org"]) == []
    assert len(list(org.home.glob("tomar*.db"))) == 1
    with org.intake() as intake:
        assert intake.closing_record() is not None
        assert intake.stats()["unique"] == 0
        save(device, "Canary Late", None)
        with pytest.raises(closing.CampaignClosed):
            intake.import_file(kit.export(device, tmp_path / "out2").path)
    kit.tomar(None, "--home", str(org.home), "stats")  # the vault still opens


def test_a_crash_before_the_rebuild_is_finished_by_closing_again(
    setup: tuple[kit.Org, Device], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, device = setup
    fill(org, device, tmp_path)

    def crash(self: vault.Vault, passphrase: str, keep: dict[str, str]) -> None:
        raise KeyboardInterrupt  # power cut after the commit, before the rebuild

    with monkeypatch.context() as m:
        m.setattr(vault.Vault, "rebuild", crash)
        with org.intake() as intake, pytest.raises(KeyboardInterrupt):
            intake.close_campaign(PASS)
    assert not [c for c in CANARIES if c in dump(org.vault)]  # already deleted
    old_db = {p.name for p in org.home.glob("tomar*.db")}
    with org.intake() as intake:
        again = intake.close_campaign(PASS)
    assert again.again and again.unique == 3
    assert {p.name for p in org.home.glob("tomar*.db")}.isdisjoint(old_db)  # new file, key
    assert traces(org.home, CANARIES) == []


def test_removal_on_request(setup: tuple[kit.Org, Device], tmp_path: Path) -> None:
    org, device = setup
    first = fill(org, device, tmp_path)
    save(device, "Canary Removal Again", None, email="removal@example.org")
    with org.intake() as intake:
        assert intake.import_file(kit.export(device, tmp_path / "out2").path).ok
        assert intake.stats()["duplicates"] == 1
    ids = signers_view.signer_ids(org.vault, search="Canary Removal")
    rows = signers_view.signer_rows(org.vault, ids)
    original = next(r.record_id for r in rows if r.name == "Canary Removal")
    with org.intake() as intake:
        intake.remove_signer(PASS, original)
        s = intake.stats()
        assert (s["removed"], s["unique"], s["duplicates"]) == (1, 3, 0)  # the other is now
        names = {x["fields"]["full_name"] for x in intake.unique_signers()}  # the original
        assert "Canary Removal" not in names and "Canary Removal Again" in names
        with pytest.raises(TomarError, match="No signer"):
            intake.remove_signer(PASS, original)
        # The same batch again does not bring the signer back.
        intake.import_file(first)
        assert intake.stats()["unique"] == 3
    text = dump(org.vault)
    assert "removal@example.org" in text  # the duplicate, who was not removed, is kept
    assert "'Canary Removal'" not in text and '"Canary Removal"' not in text
    audit = [r[0] for r in org.vault.conn.execute("SELECT detail FROM audit WHERE action='remove'")]
    assert audit == ["one signer removed on request"]


def test_command_line_find_remove_and_close(setup: tuple[kit.Org, Device], tmp_path: Path) -> None:
    org, device = setup
    fill(org, device, tmp_path)
    org.vault.close()
    home = org.home
    found = kit.tomar(home, "signer", "find", "Canary Removal").ok()
    rid = found.lines[0].split()[0]
    assert len(rid) == 32 and found.lines[-1] == "1 found."
    assert kit.tomar(home, "signer", "remove", rid).code == 2  # --yes is required
    removed = kit.tomar(home, "signer", "remove", rid, "--yes").ok()
    assert "Canary" not in removed.out + removed.err
    assert "Removed on request: 1" in kit.tomar(home, "stats").ok().out
    assert kit.tomar(home, "campaign", "close").code == 2
    record = tmp_path / "closing.json"
    closed = kit.tomar(home, "campaign", "close", "--yes", "--out", str(record)).ok()
    assert "closed with 2 unique signers" in closed.out
    doc = json.loads(record.read_text("utf-8"))["closing"]
    assert doc["counts"]["removed"] == 1 and doc["counts"]["unique"] == 2
    assert traces(home, CANARIES) == []
    kit.tomar(home, "signer", "remove", rid, "--yes").user_error("closed")
    org.vault = vault.Vault.open(home, PASS)  # for the fixture to close


def test_a_wrong_passphrase_deletes_nothing(setup: tuple[kit.Org, Device], tmp_path: Path) -> None:
    """The passphrase is checked before the deletion, not only by the rebuild after it."""
    from tomar.core.errors import WrongPassphrase

    org, device = setup
    fill(org, device, tmp_path)
    rid = signers_view.signer_rows(
        org.vault, signers_view.signer_ids(org.vault, search="Canary Removal")
    )[0].record_id
    with org.intake() as intake:
        with pytest.raises(WrongPassphrase):
            intake.remove_signer("not the passphrase", rid)
        with pytest.raises(WrongPassphrase):
            intake.close_campaign("not the passphrase")
        assert intake.closing_record() is None
        s = intake.stats()
        assert (s["unique"], s["removed"]) == (3, 0)
