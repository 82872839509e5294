"""SLIP-39 shares of the organizer key: round trip, wrong sets, printed and scanned back."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tomar import cli
from tomar.core import age, organizer, recovery, vault
from tomar.core.device import Device, init_vault
from tomar.core.errors import IdentityError
from tomar.core.identity import OrganizerIdentity
from tomar.core.records import open_sealed
from tomar.core.sheets import shares as shares_pdf

from .conftest import PASS, form

Org = tuple[vault.Vault, OrganizerIdentity, bytes]


@pytest.mark.parametrize("kind", ["x25519", "hybrid"])
def test_round_trip_any_k_of_n(kind: str) -> None:
    ident = OrganizerIdentity.generate("Org", kind)
    words = recovery.split(ident, 3, 5)
    assert len(words) == 5 and len(set(words)) == 5
    for chosen in ([0, 1, 2], [4, 2, 0], [1, 3, 4]):
        back = recovery.combine([words[i] for i in chosen])
        assert back.fingerprint == ident.fingerprint
        assert back.age_identity == ident.age_identity
        assert back.recipient_kind == kind
        assert back.signing_blob() == ident.signing_blob()


def test_bad_share_sets_are_refused() -> None:
    one = recovery.split(OrganizerIdentity.generate("A", "x25519"), 2, 3)
    other = recovery.split(OrganizerIdentity.generate("B", "x25519"), 2, 3)
    with pytest.raises(recovery.RecoveryError, match="Not enough"):
        recovery.combine(one[:1])
    with pytest.raises(recovery.RecoveryError):
        recovery.combine([one[0], other[1]])
    typo = one[0].split()
    typo[5] = "academic" if typo[5] != "academic" else "acid"
    with pytest.raises(recovery.RecoveryError, match="not valid"):
        recovery.combine([" ".join(typo), one[1]])
    with pytest.raises(recovery.RecoveryError):
        recovery.combine([])
    with pytest.raises(recovery.RecoveryError, match="threshold"):
        recovery.split(OrganizerIdentity.generate("A", "x25519"), 4, 3)


def test_typed_shares_are_normalized() -> None:
    words = recovery.split(OrganizerIdentity.generate("A", "x25519"), 2, 2)
    numbered = " ".join(f"{i}. {w.upper()}" for i, w in enumerate(words[0].split(), 1))
    lines = recovery.parse_share_lines(f"# my shares\n\n{numbered}\n  {words[1]}  \n")
    assert lines == words


def test_restore_in_new_vault_opens_old_records(org: Org, device: Device, tmp_path: Path) -> None:
    v, ident, package = org
    record_id = device.save(form("Shares Tester")).record_id
    sealed = bytes(
        device.vault.conn.execute(
            "SELECT sealed FROM records WHERE record_id = ?", (record_id,)
        ).fetchone()[0]
    )
    out = tmp_path / "shares.pdf"
    words = shares_pdf.write_shares(v, out, threshold=2, shares=3)
    assert len(PdfReader(out).pages) == 3
    assert out.stat().st_mode & 0o777 == 0o600

    fresh = init_vault(tmp_path / "fresh", PASS)
    Device(fresh).import_campaign(package)
    restored = recovery.restore(fresh, [words[2], words[0]])
    assert restored.fingerprint == ident.fingerprint
    assert restored.name == "Test Organizer"  # taken from the campaign
    assert organizer.is_backed_up(fresh)
    record = open_sealed(sealed, [age.parse_identity(organizer.require(fresh).age_identity)])
    assert record["fields"]["full_name"] == "Shares Tester"
    with pytest.raises(IdentityError, match="already has organizer keys"):
        recovery.restore(fresh, words[:2])
    fresh.close()

    stranger = init_vault(tmp_path / "stranger", PASS)
    Device(stranger).import_campaign(package)
    foreign = recovery.split(OrganizerIdentity.generate("X", "x25519"), 2, 2)
    with pytest.raises(recovery.RecoveryError, match="another organizer key"):
        recovery.restore(stranger, foreign)
    stranger.close()


@pytest.mark.needs_tool("zbarimg", "pdftoppm")
def test_printed_qr_codes_restore_the_key(org: Org, tmp_path: Path) -> None:
    v, ident, _ = org
    out = tmp_path / "shares.pdf"
    shares_pdf.write_shares(v, out, threshold=2, shares=2)
    scanned = []
    for page in (1, 2):
        stem = tmp_path / f"p{page}"
        subprocess.run(
            ["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), out, stem],
            check=True,
            timeout=60,
        )
        image = next(tmp_path.glob(f"p{page}*.png"))
        done = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, timeout=60
        )
        scanned.append(done.stdout.decode().strip())
    assert recovery.combine(scanned).fingerprint == ident.fingerprint


def test_cli_shares_and_restore(org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    v, ident, _package = org
    home = v.home
    v.close()
    monkeypatch.setenv("TOMAR_PASSPHRASE", PASS)
    out = tmp_path / "s.pdf"
    args = ["--home", str(home), "organizer", "shares", "--threshold", "2", "--shares", "3"]
    assert cli.main([*args, "--out", str(out)]) == 0
    with vault.Vault.open(home, PASS) as again:
        words = recovery.split(organizer.require(again), 2, 3)
    lines = tmp_path / "lines.txt"
    lines.write_text("\n".join(words[:2]) + "\n")
    fresh = tmp_path / "fresh"
    init_vault(fresh, PASS).close()
    assert cli.main(["--home", str(fresh), "organizer", "restore-shares", str(lines)]) == 0
    with vault.Vault.open(fresh, PASS) as restored:
        assert organizer.require(restored).fingerprint == ident.fingerprint
    lines.write_text(words[0] + "\n")
    other = tmp_path / "other"
    init_vault(other, PASS).close()
    assert cli.main(["--home", str(other), "organizer", "restore-shares", str(lines)]) == 1
    assert cli.main([*args[:-4], "--threshold", "5", "--shares", "3", "--out", str(out)]) == 1
