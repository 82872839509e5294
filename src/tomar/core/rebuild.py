"""A vault's data copied into a new database under a new random key (`Vault.rebuild`).

SQLCipher's rekey keeps the old salt and pages, so a rebuild is how deleted rows are made
unrecoverable even with the old passphrase and a copy of the old files. The tables derived
from `signers` (migration 10) are not copied but filled again from the signers kept, so
nothing of a deleted signer survives in them either.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .errors import E, VaultError
from .migrations import DERIVED_SINCE, is_derived, migrate
from .vault import Vault, _connect, _remove_db, check_pragmas


def copy_into_new(vault: Vault, keep: dict[str, str]) -> tuple[Path, bytes]:
    """The new database (checked, checkpointed) and its key; the vault is unchanged.

    `keep` maps a table to the SQL condition of the rows to copy (default: all).
    """
    new = vault.home / f"tomar-{secrets.token_hex(8)}.db"
    new_key = os.urandom(32)
    fresh = _connect(new, new_key)
    try:
        check_pragmas(fresh)
        migrate(fresh)
        fresh.close()
        conn = vault.conn
        conn.execute(f"ATTACH DATABASE ? AS fresh KEY \"x'{new_key.hex()}'\"", (str(new),))
        try:
            with vault.transaction():
                tables = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
                    )
                    if not is_derived(r[0])
                ]
                for table in tables:
                    where = keep.get(table, "1")
                    conn.execute(
                        f"INSERT INTO fresh.{table} SELECT * FROM main.{table} WHERE {where}"  # noqa: S608
                    )
        finally:
            conn.execute("DETACH DATABASE fresh")
        check = _connect(new, new_key)
        check.execute("BEGIN IMMEDIATE")
        for sql in DERIVED_SINCE:  # the derived tables were not copied
            check.execute(sql, (-(2**63),))
        check.execute("COMMIT")
        problems = [r[0] for r in check.execute("PRAGMA integrity_check") if r[0] != "ok"]
        check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        check.close()
        if problems:
            raise VaultError(E.VAULT_REBUILT_VAULT_FAILED_INTEGRITY)
    except BaseException:
        _remove_db(new)
        raise
    return new, new_key
