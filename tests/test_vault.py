"""The vault: key wrapping, pragmas, wrong passphrases, passphrase change, wipe."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import sqlcipher3

from tomar.core import keyfile, vault
from tomar.core.errors import (
    KeyFileError,
    NoVault,
    UnsafeDatabase,
    VaultError,
    VaultExists,
    WrongPassphrase,
)

from .conftest import PASS


def snapshot(home: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(home.iterdir())
        if p.is_file()
    }


def test_create_and_reopen_keeps_data(tmp_path: Path) -> None:
    home = tmp_path / "h"
    with vault.Vault.create(home, PASS) as v, v.transaction() as conn:
        v.set_meta(conn, "k", b"value")
    with vault.Vault.open(home, PASS) as v:
        assert v.get_meta("k") == b"value"
        assert v.integrity_problems() == []


def test_database_file_is_encrypted_and_key_file_private(tmp_path: Path) -> None:
    home = tmp_path / "h"
    vault.Vault.create(home, PASS).close()
    assert not vault.db_path(home).read_bytes().startswith(b"SQLite format 3")
    assert vault.key_path(home).stat().st_mode & 0o077 == 0
    doc = json.loads(vault.key_path(home).read_text())
    assert doc["kdf"] == "argon2id"
    assert doc["memory_kib"] >= 64 * 1024
    assert {"iterations", "lanes", "salt", "nonce", "wrapped_key"} <= set(doc)


def test_default_kdf_params_meet_the_floor() -> None:
    params = keyfile.KdfParams()
    assert params.memory_kib >= 64 * 1024
    params.check()
    with pytest.raises(KeyFileError):
        keyfile.KdfParams(memory_kib=1024).check()


def test_every_pragma_is_in_force(tmp_path: Path) -> None:
    with vault.Vault.create(tmp_path / "h", PASS) as v:
        got = {
            name: str(v.conn.execute(f"PRAGMA {name}").fetchone()[0]).lower()
            for _, name, _ in vault.PRAGMAS
        }
    assert got == {
        "cipher_memory_security": "1",
        "temp_store": "2",
        "secure_delete": "1",
        "journal_mode": "wal",
        "synchronous": "2",
        "fullfsync": "1",
        "checkpoint_fullfsync": "1",
        "foreign_keys": "1",
    }


def test_temp_store_file_is_refused_at_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "h"
    vault.Vault.create(home, PASS).close()
    forced = [
        ("temp_store = FILE", "temp_store", "2") if name == "temp_store" else (stmt, name, want)
        for stmt, name, want in vault.PRAGMAS
    ]
    monkeypatch.setattr(vault, "PRAGMAS", forced)
    with pytest.raises(UnsafeDatabase, match="temp_store"):
        vault.Vault.open(home, PASS)


def test_temp_store_file_set_later_is_detected(tmp_path: Path) -> None:
    with vault.Vault.create(tmp_path / "h", PASS) as v:
        v.conn.execute("PRAGMA temp_store = FILE")
        with pytest.raises(UnsafeDatabase):
            v.check_safety()


def test_wrong_passphrase_changes_nothing_and_slows_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "h"
    vault.Vault.create(home, PASS).close()
    before = snapshot(home)
    waits: list[float] = []
    monkeypatch.setattr(vault.THROTTLE, "sleep", waits.append)
    for _ in range(4):
        with pytest.raises(WrongPassphrase, match="passphrase is not correct"):
            vault.Vault.open(home, "not the passphrase")
    assert snapshot(home) == before
    assert waits == [1.0, 2.0, 4.0]
    vault.Vault.open(home, PASS).close()
    assert vault.THROTTLE.failures == 0


def test_change_passphrase_moves_to_a_new_key(tmp_path: Path) -> None:
    """An old copy of the key file plus the old passphrase open nothing afterwards: not
    the new database (another key), and the old database is gone."""
    home = tmp_path / "h"
    with vault.Vault.create(home, PASS) as v, v.transaction() as conn:
        v.set_meta(conn, "k", b"kept")
    old_key_file = (home / vault.KEY_NAME).read_bytes()
    old_key = keyfile.unwrap(home / vault.KEY_NAME, PASS)
    old_db = vault.db_path(home)
    with vault.Vault.open(home, PASS) as v:
        with pytest.raises(WrongPassphrase):
            v.change_passphrase("not the passphrase", "a brand new passphrase")
        v.change_passphrase(PASS, "a brand new passphrase")
        with v.transaction() as conn:  # saved after the change
            v.set_meta(conn, "after", b"new")
    with pytest.raises(WrongPassphrase):
        vault.Vault.open(home, PASS)
    with vault.Vault.open(home, "a brand new passphrase") as v:
        assert v.get_meta("k") == b"kept" and v.get_meta("after") == b"new"
        assert v.integrity_problems() == []
    new_db = vault.db_path(home)
    assert new_db != old_db and not old_db.exists()
    assert keyfile.unwrap(home / vault.KEY_NAME, "a brand new passphrase") != old_key
    # The attacker's try: the old key file back in place, the old passphrase.
    (home / vault.KEY_NAME).write_bytes(old_key_file)
    with pytest.raises(VaultError):
        vault.Vault.open(home, PASS).close()
    # And the old key straight on the current database file.
    with pytest.raises(VaultError, match="does not match its key file"):
        vault._connect(new_db, old_key)


def test_persian_passphrase_in_either_normal_form(tmp_path: Path) -> None:
    home = tmp_path / "h"
    composed = "رمز آسان نیست"  # contains آ (U+0622)
    decomposed = composed.replace("\u0622", "\u0627\u0653")
    vault.Vault.create(home, composed).close()
    vault.Vault.open(home, decomposed).close()


def test_errors_for_missing_or_existing_vault(tmp_path: Path) -> None:
    with pytest.raises(NoVault):
        vault.Vault.open(tmp_path / "none", PASS)
    vault.Vault.create(tmp_path / "h", PASS).close()
    with pytest.raises(VaultExists):
        vault.Vault.create(tmp_path / "h", PASS)


def test_damaged_key_file_is_a_clear_error(tmp_path: Path) -> None:
    home = tmp_path / "h"
    vault.Vault.create(home, PASS).close()
    vault.key_path(home).write_text("{not json")
    with pytest.raises(KeyFileError, match="damaged"):
        vault.Vault.open(home, PASS)


def test_key_file_of_another_vault_is_refused(tmp_path: Path) -> None:
    vault.Vault.create(tmp_path / "a", PASS).close()
    vault.Vault.create(tmp_path / "b", PASS).close()
    vault.key_path(tmp_path / "a").write_bytes(vault.key_path(tmp_path / "b").read_bytes())
    with pytest.raises(VaultError, match="does not match"):
        vault.Vault.open(tmp_path / "a", PASS)


def test_close_drops_handle_and_key(tmp_path: Path) -> None:
    v = vault.Vault.create(tmp_path / "h", PASS)
    v.close()
    assert not v.is_open
    with pytest.raises(VaultError, match="locked"):
        _ = v.conn


def test_wipe_is_a_crypto_erase(tmp_path: Path) -> None:
    home = tmp_path / "h"
    with vault.Vault.create(home, PASS) as v, v.transaction() as conn:
        v.set_meta(conn, "k", b"secret")
    vault.wipe(home)
    assert not vault.key_path(home).exists()
    assert not vault.db_path(home).exists()
    with pytest.raises(NoVault):
        vault.Vault.open(home, PASS)


def test_reader_sees_only_commits_and_cannot_write(tmp_path: Path) -> None:
    """The second handle the organizer's screens read through during an import."""
    v = vault.Vault.create(tmp_path / "h", PASS)
    with v.transaction() as conn:
        v.set_meta(conn, "count", b"1")
    reader = v.reader()
    try:
        vault.check_pragmas(reader.conn)  # the same safety settings
        with v.transaction() as conn:
            v.set_meta(conn, "count", b"2")
            assert v.get_meta("count") == b"2"
            assert reader.get_meta("count") == b"1"  # not committed yet
        assert reader.get_meta("count") == b"2"
        with pytest.raises(sqlcipher3.OperationalError, match="readonly"):
            reader.conn.execute("INSERT INTO meta(key, value) VALUES ('x', x'00')")
    finally:
        reader.close()
    v.close()
    with pytest.raises(VaultError, match="locked"):
        v.reader()
