"""Every earlier schema version migrates to the latest with its data intact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tomar.core import keyfile, vault
from tomar.core.errors import VaultError
from tomar.core.migrations import LATEST

from .conftest import PASS


def schema(conn: object) -> set[tuple[str, str]]:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
    ).fetchall()
    return {(r[0], " ".join(r[1].split())) for r in rows}


@pytest.mark.parametrize("start", range(LATEST))
def test_migrates_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    home = tmp_path / "h"
    home.mkdir()
    key = os.urandom(32)
    conn = vault._connect(vault.db_path(home), key)
    vault.migrate(conn, target=start)
    if start >= 1:
        conn.execute("INSERT INTO meta(key, value) VALUES ('marker', x'01')")
        conn.execute(
            "INSERT INTO campaign(id, package, organizer_fpr, imported_at) "
            "VALUES ('c', x'00', x'00', 't')"
        )
        conn.execute(
            "INSERT INTO records(seq, record_id, campaign_id, kind, source, created_at, sealed) "
            "VALUES (1, 'r1', 'c', 'signature', 'cli', 't', x'00')"
        )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == start
    conn.close()
    keyfile.write(vault.key_path(home), key, PASS)

    with vault.Vault.open(home, PASS) as v:
        assert v.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        if start >= 1:
            assert v.get_meta("marker") == b"\x01"
            assert v.conn.execute("SELECT record_id FROM records").fetchall() == [("r1",)]
        migrated = schema(v.conn)
    with vault.Vault.create(tmp_path / "fresh", PASS) as fresh:
        assert migrated == schema(fresh.conn)


def test_newer_vault_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "h"
    with vault.Vault.create(home, PASS) as v:
        v.conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(VaultError, match="newer version"):
        vault.Vault.open(home, PASS)


def test_upgrade_keeps_a_copy_from_before_and_rebuild_removes_it(tmp_path: Path) -> None:
    home = tmp_path / "h"
    home.mkdir()
    key = os.urandom(32)
    conn = vault._connect(vault.db_path(home), key)
    vault.migrate(conn, target=LATEST - 1)
    conn.execute("INSERT INTO meta(key, value) VALUES ('marker', x'01')")
    conn.close()
    keyfile.write(vault.key_path(home), key, PASS)
    with vault.Vault.open(home, PASS) as v:
        copy = v.pre_upgrade_copy
        assert copy is not None and copy.name == f"tomar.db.v{LATEST - 1}.bak"
    with vault.Vault.open(home, PASS) as v:
        assert v.pre_upgrade_copy is None  # upgraded once
    old = vault._connect(copy, key)  # the copy opens under the same key, as it was
    assert old.execute("PRAGMA user_version").fetchone()[0] == LATEST - 1
    assert old.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone() == (b"\x01",)
    old.close()
    with vault.Vault.open(home, PASS) as v:
        v.change_passphrase(PASS, "another passphrase")  # a rebuild under a new key
    assert not copy.exists()


def test_database_without_its_key_file_says_so(tmp_path: Path) -> None:
    home = tmp_path / "h"
    vault.Vault.create(home, PASS).close()
    vault.key_path(home).unlink()
    assert vault.orphaned(home)
    with pytest.raises(VaultError, match=r"key file tomar\.key is missing"):
        vault.Vault.open(home, PASS)
    with pytest.raises(VaultError, match=r"key file tomar\.key is missing"):
        vault.Vault.create(home, PASS)


def test_held_batches_of_a_version_6_vault_count_as_strangers(tmp_path: Path) -> None:
    """Migration 7: batches held before it are strangers' (held_for NULL), within the
    quota; only 'review' is another reason to hold a batch."""
    home = tmp_path / "h"
    home.mkdir()
    key = os.urandom(32)
    conn = vault._connect(vault.db_path(home), key)
    vault.migrate(conn, target=6)
    conn.execute(
        "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, record_count, "
        "received_at, status, body) VALUES ('s', 'm', 'd', 1, 1, 't', 'held', x'00')"
    )
    conn.close()
    keyfile.write(vault.key_path(home), key, PASS)
    with vault.Vault.open(home, PASS) as v:
        assert v.conn.execute("SELECT status, held_for FROM intake_batches").fetchall() == [
            ("held", None)
        ]
        with pytest.raises(Exception, match="CHECK"):
            v.conn.execute("UPDATE intake_batches SET held_for = 'anything'")
