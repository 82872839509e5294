"""The `tomar` command contract, run as a real subprocess: outputs, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tomar.core import age, records, vault

from .conftest import PASS

BACKUP = "backup passphrase 1"


def tomar(
    home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "TOMAR_PASSPHRASE": PASS,
        "TOMAR_BACKUP_PASSPHRASE": BACKUP,
        **(env or {}),
    }
    full.pop("TOMAR_HOME", None)
    return subprocess.run(
        [sys.executable, "-m", "tomar", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
        check=False,
    )


def ok(home: Path, *args: str) -> str:
    result = tomar(home, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_user_error(result: subprocess.CompletedProcess[str], text: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert text in result.stderr


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("cli")
    org, dev = base / "org", base / "dev"
    spec = Path(__file__).resolve().parents[1] / "resources" / "demo" / "demo-campaign.toml"
    ok(org, "init")
    ok(org, "organizer", "init", "--name", "Org", "--recipient", "x25519")
    assert_user_error(
        tomar(
            org, "campaign", "create", "--spec", str(spec), "--out", str(base / "c.tomar-campaign")
        ),
        "Back up the organizer key first",
    )
    ok(org, "organizer", "backup", "--out", str(base / "backup.age"))
    # The backup file alone is not enough: printed shares too (one rule with the app's).
    assert_user_error(
        tomar(
            org, "campaign", "create", "--spec", str(spec), "--out", str(base / "c.tomar-campaign")
        ),
        "Print the recovery shares of the organizer key first",
    )
    assert not (base / "c.tomar-campaign").exists()
    shares = "--threshold", "2", "--shares", "3", "--out", str(base / "shares.pdf")
    ok(org, "organizer", "shares", *shares)
    out = ok(
        org, "campaign", "create", "--spec", str(spec), "--out", str(base / "c.tomar-campaign")
    )
    assert "Organizer fingerprint:" in out
    ok(dev, "init")
    ok(dev, "campaign", "import", str(base / "c.tomar-campaign"))
    ok(dev, "event", "start", "--name", "Rally", "--place", "DC")
    strokes_file = base / "strokes.json"
    demo = json.loads((spec.parent / "demo-signers.json").read_text())
    strokes_file.write_text(json.dumps({"aspect": demo["aspect"], "strokes": demo["strokes"]}))
    return {"base": base, "org": org, "dev": dev, "strokes": strokes_file}


def test_sign_prints_only_the_record_id(setup: dict[str, Path]) -> None:
    out = ok(
        setup["dev"],
        "sign",
        "--field",
        "full_name=Sara Example",
        "--field",
        "city=DC",
        "--consent",
        "--strokes",
        str(setup["strokes"]),
    )
    rid = out.strip()
    assert len(rid) == 32 and all(c in "0123456789abcdef" for c in rid)
    counts = json.loads(ok(setup["dev"], "count", "--json"))
    assert counts["total"] >= 1


def test_sealed_record_opens_with_the_organizer_identity_file(setup: dict[str, Path]) -> None:
    rid = ok(
        setup["dev"],
        "sign",
        "--field",
        "full_name=Ali",
        "--field",
        "city=NY",
        "--consent",
        "--strokes",
        str(setup["strokes"]),
        "--display",
        "initials",
    ).strip()
    ok(setup["org"], "organizer", "identity", "--out", str(setup["base"] / "id.txt"))
    identities = age.parse_identity_file((setup["base"] / "id.txt").read_text())
    with vault.Vault.open(setup["dev"], PASS) as v:
        sealed = bytes(
            v.conn.execute("SELECT sealed FROM records WHERE record_id = ?", (rid,)).fetchone()[0]
        )
    record = records.open_sealed(sealed, identities)
    assert record["display"] == "initials"
    assert record["fields"]["full_name"] == "Ali"


def test_paper_row_and_void(setup: dict[str, Path]) -> None:
    rid = ok(
        setup["dev"],
        "sign",
        "--field",
        "full_name=Paper Person",
        "--field",
        "city=LA",
        "--consent",
        "--paper",
        "SHEET-7:4",
    ).strip()
    before = json.loads(ok(setup["dev"], "count", "--json"))
    assert "Voided" in ok(setup["dev"], "void", rid)
    after = json.loads(ok(setup["dev"], "count", "--json"))
    assert after["total"] == before["total"] - 1
    assert after["voided"] == before["voided"] + 1


def test_campaign_show_json_has_fingerprint(setup: dict[str, Path]) -> None:
    shown = json.loads(ok(setup["dev"], "campaign", "show", "--json"))
    org_shown = json.loads(ok(setup["org"], "campaign", "show", "--json"))
    assert shown["organizer_fingerprint"] == org_shown["organizer_fingerprint"]
    assert len(shown["organizer_fingerprint"].split()) == 6


def test_validation_error_is_one_plain_line(setup: dict[str, Path]) -> None:
    result = tomar(
        setup["dev"],
        "sign",
        "--field",
        "full_name=CanaryQ",
        "--field",
        "email=x@",
        "--field",
        "city=DC",
        "--strokes",
        str(setup["strokes"]),
    )
    assert_user_error(result, "consent")
    assert "email" in result.stderr and "CanaryQ" not in result.stderr


def test_wrong_passphrase_exit_1(setup: dict[str, Path]) -> None:
    result = tomar(setup["dev"], "count", env={"TOMAR_PASSPHRASE": "wrong passphrase"})
    assert_user_error(result, "passphrase is not correct")


def test_usage_errors_exit_2(setup: dict[str, Path]) -> None:
    assert tomar(setup["dev"], "sign", "--display", "everything").returncode == 2
    assert tomar(setup["dev"], "no-such-command").returncode == 2
    assert tomar(setup["dev"], "sign", "--field", "novalue").returncode == 2
    assert tomar(setup["dev"], "wipe").returncode == 2


def test_missing_vault_and_files(tmp_path: Path) -> None:
    assert_user_error(tomar(tmp_path / "none", "count"), "no vault")
    ok(tmp_path / "h", "init")
    assert_user_error(
        tomar(tmp_path / "h", "campaign", "import", str(tmp_path / "x")), "does not exist"
    )
    (tmp_path / "junk").write_bytes(b"PK\x03\x04 not really")
    assert_user_error(
        tomar(tmp_path / "h", "campaign", "import", str(tmp_path / "junk")), "damaged"
    )
    assert_user_error(tomar(tmp_path / "h", "init"), "already")


def test_campaign_without_shares_is_an_explicit_choice(tmp_path: Path) -> None:
    org = tmp_path / "org"
    spec = Path(__file__).resolve().parents[1] / "resources" / "demo" / "demo-campaign.toml"
    ok(org, "init")
    ok(org, "organizer", "init", "--name", "Org", "--recipient", "x25519")
    create = ("campaign", "create", "--spec", str(spec), "--out", str(tmp_path / "c"))
    assert_user_error(tomar(org, *create, "--without-shares"), "Back up the organizer key first")
    ok(org, "organizer", "backup", "--out", str(tmp_path / "backup.age"))
    assert_user_error(tomar(org, *create), "'--without-shares'")
    assert "Organizer fingerprint:" in ok(org, *create, "--without-shares")
    assert (tmp_path / "c").stat().st_size > 0


def test_home_from_environment(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "TOMAR_PASSPHRASE": PASS,
        "TOMAR_HOME": str(tmp_path / "envhome"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tomar", "init"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert vault.exists(tmp_path / "envhome")


def test_passwd_and_wipe(tmp_path: Path) -> None:
    home = tmp_path / "h"
    ok(home, "init")
    result = tomar(home, "passwd", env={"TOMAR_NEW_PASSPHRASE": "another passphrase"})
    assert result.returncode == 0, result.stderr
    assert tomar(home, "count").returncode == 1
    assert tomar(home, "count", env={"TOMAR_PASSPHRASE": "another passphrase"}).returncode == 0
    assert "destroyed" in ok(home, "wipe", "--yes")
    assert not any(home.iterdir())
    assert_user_error(tomar(home, "count"), "no vault")


def test_backup_restores_the_same_organizer(setup: dict[str, Path], tmp_path: Path) -> None:
    fpr = json.loads(ok(setup["org"], "campaign", "show", "--json"))["organizer_fingerprint"]
    ok(tmp_path / "new", "init")
    out = ok(tmp_path / "new", "organizer", "restore", str(setup["base"] / "backup.age"))
    assert fpr in out
    ok(tmp_path / "new2", "init")
    bad = tomar(
        tmp_path / "new2",
        "organizer",
        "restore",
        str(setup["base"] / "backup.age"),
        env={"TOMAR_BACKUP_PASSPHRASE": "wrong passphrase"},
    )
    assert_user_error(bad, "")
    assert_user_error(
        tomar(tmp_path / "new2", "organizer", "identity", "--out", str(tmp_path / "i.txt")),
        "no organizer keys",
    )


def test_demo_runs(tmp_path: Path) -> None:
    out = ok(tmp_path / "demo", "demo")
    assert "Signatures on this device: 3" in out


def test_sign_checks_the_zip_code_offline(setup: dict[str, Path]) -> None:
    base = ("sign", "--field", "full_name=Canary Zip", "--field", "city=DC", "--consent")
    strokes = ("--strokes", str(setup["strokes"]))
    result = tomar(setup["dev"], *base, "--field", "postal_code=00000", *strokes)
    assert_user_error(result, "postal_code")
    assert "unknown zip" in result.stderr and "Canary" not in result.stderr
    rid = ok(setup["dev"], *base, "--field", "postal_code=20500 0003", *strokes).strip()
    assert len(rid) == 32


def test_a_missing_key_file_is_told_the_same_by_every_command(tmp_path: Path) -> None:
    """Issue 16: `status` said "No vault yet" while `init` said there was one."""
    home = tmp_path / "h"
    ok(home, "init")
    vault.key_path(home).unlink()
    for args in (("status",), ("count",), ("init",)):
        result = tomar(home, *args)
        assert result.returncode == 1, (args, result.stdout)
        assert "The key file tomar.key is missing" in result.stderr, args
        assert "Traceback" not in result.stderr and "No vault yet" not in result.stdout
    ok(home, "wipe", "--yes")  # the way out the message names
    ok(home, "init")


def test_an_upgrade_says_where_the_copy_from_before_is(tmp_path: Path) -> None:
    from tomar.core import device, keyfile
    from tomar.core.identity import DeviceIdentity
    from tomar.core.migrations import LATEST

    home = tmp_path / "h"
    home.mkdir()
    key = os.urandom(32)
    conn = vault._connect(vault.db_path(home), key)
    vault.migrate(conn, target=LATEST - 1)
    meta = {
        device.META_DEVICE_KEY: DeviceIdentity.generate().raw_private(),
        device.META_DUP_KEY: os.urandom(32),
        device.META_NEXT_SEQ: b"1",
    }
    with conn:  # what init_vault writes, in a vault of the version before
        conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
    conn.close()
    keyfile.write(vault.key_path(home), key, PASS)
    first = tomar(home, "count")
    assert first.returncode == 0, first.stderr
    copy = home / f"tomar.db.v{LATEST - 1}.bak"
    assert f"the vault was upgraded; its copy from before: {copy}" in first.stderr
    assert copy.is_file()
    again = tomar(home, "count")
    assert again.returncode == 0 and "upgraded" not in again.stderr
