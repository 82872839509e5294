"""What the vault's safety settings cost the organizer's import; one JSON line per figure.

Stores BENCH_N (30,000) signers with the statements `Store.signers` (core/intake/store.py)
uses, 256 rows per statement (a `device_seqs` row and a `signers` row with the demo
drawing, every index of the real schema), in transactions of 2,000 like one batch each,
four times in the same run and folder:

- `vault`: SQLCipher with every pragma DESIGN requires, as `Vault` opens it (with the
  wide lookaside of `tomar.core.lookaside`);
- `default_lookaside`: the same with SQLite's default lookaside, as before it: every
  cursor and row record then costs an mlock and an munlock system call;
- `no_memory_security`: the same, but with `cipher_memory_security` OFF, which DESIGN
  forbids: it shows what wiping and locking SQLite's memory costs;
- `plain_sqlite3`: no encryption, the same schema and the other pragmas.

CPU time per record is the figure that matters on two cores, where the importing
process shares the machine with the decrypting workers. Each configuration runs in a fresh
process: once on, SQLCipher's memory security stays on for the whole process.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import secrets
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlcipher3

from tomar.core import lookaside, strokes, vault
from tomar.core.intake.store import SEQ_SQL, SIGNER_SQL  # what the import runs
from tomar.core.migrations import MIGRATIONS
from tomar.demo import signature as demo_signature

N = int(os.environ.get("BENCH_N", "30000"))
PER_BATCH = 2000

CHUNK = 256


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    print(
        json.dumps(
            {"bench": "storage", "name": name, "value": round(value, 2), "unit": unit, **extra}
        ),
        flush=True,
    )


def _pragmas(memory_security: bool) -> list[str]:
    out = [p for p, _, _ in vault.PRAGMAS if memory_security or "memory_security" not in p]
    return out if memory_security else ["cipher_memory_security = OFF", *out]


def _cipher(path: Path, memory_security: bool) -> Any:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    for pragma in _pragmas(memory_security):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(f"PRAGMA cache_size = -{vault.CACHE_KIB}")
    expected = "1" if memory_security else "0"
    assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == expected
    return conn


def _plain(path: Path) -> Any:
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma, _, _ in vault.PRAGMAS:
        if not pragma.startswith("cipher_"):
            conn.execute(f"PRAGMA {pragma}")
    conn.execute(f"PRAGMA cache_size = -{vault.CACHE_KIB}")
    return conn


def _rows(drawing: bytes) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """Signers as the workers hand them over: distinct people, random ids."""
    out = []
    for g in range(N):
        rid = secrets.token_hex(16)
        name, city = f"Signer {g} Ahmadi", ("Washington", "Toronto", "Berlin")[g % 3]
        email, phone = f"signer{g}@example.org", f"+1202{g:07d}"
        fields = json.dumps(
            {"city": city, "email": email, "full_name": name, "phone": phone}, sort_keys=True
        )
        key = f"{name.lower()}|{city.lower()}"
        out.append(
            (
                ("device", g + 1, rid, "batch"),
                (rid, "device", g + 1, f"2026-11-25T10:{g % 60:02d}:00Z", "2026-11-25",
                 "event", "Rally", "kiosk", None, None, "en", "name", fields, drawing, name,
                 email, phone, key, key, "US", "batch", None),
            )
        )  # fmt: skip
    return out


def store(conn: Any, rows: list[tuple[tuple[Any, ...], tuple[Any, ...]]]) -> float:
    """CPU seconds to store every row, a batch per transaction."""
    for script in MIGRATIONS:
        conn.executescript(script)
    conn.execute(
        "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, prev, "
        "record_count, received_at, status) VALUES ('batch', 'm', 'device', 1, NULL, 0, 't', "
        "'imported')"
    )
    cpu = time.process_time()
    for start in range(0, len(rows), PER_BATCH):
        conn.execute("BEGIN IMMEDIATE")
        for at in range(start, start + PER_BATCH, CHUNK):
            chunk = rows[at : min(at + CHUNK, start + PER_BATCH)]
            conn.executemany(SEQ_SQL, [seq_row for seq_row, _ in chunk])
            conn.executemany(SIGNER_SQL, [signer_row for _, signer_row in chunk])
        conn.execute("COMMIT")
    cpu = time.process_time() - cpu
    assert conn.execute("SELECT count(*) FROM signers").fetchone()[0] == len(rows)
    conn.close()
    return cpu


def measure(name: str, path: Path) -> float:
    """CPU microseconds per record for one configuration (in its own process)."""
    conn = _plain(path) if name == "plain_sqlite3" else _cipher(path, name != "no_memory_security")
    return store(conn, _rows(strokes.encode(demo_signature()))) / N * 1e6


def main() -> None:
    results: dict[str, float] = {}
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="tomar-bench-") as tmp:
        for name in ("vault", "default_lookaside", "no_memory_security", "plain_sqlite3"):
            # The lookaside is set when the pool's process imports the vault module.
            os.environ[lookaside.ENV] = "0" if name == "default_lookaside" else "1"
            with spawn.Pool(1) as pool:
                results[name] = pool.apply(measure, (name, Path(tmp) / f"{name}.db"))
            os.environ.pop(lookaside.ENV)
            emit(f"{name}_cpu_us_per_record", results[name], "us", n=N)
    emit(
        "memory_security_share",
        (results["vault"] - results["no_memory_security"]) / results["vault"],
        "ratio",
        note="the share of the vault's storage CPU time spent wiping and locking memory",
    )
    emit(
        "wide_lookaside_saves",
        1 - results["vault"] / results["default_lookaside"],
        "ratio",
        note="the share of storage CPU time the wide lookaside saves",
    )
    emit("vault_vs_plain_sqlite3", results["vault"] / results["plain_sqlite3"], "ratio")


if __name__ == "__main__":
    main()
