"""Saving signatures through the real path; prints one JSON line per figure.

2,000 saves (validate, sign, seal, insert, durable commit) against plain sqlite3 inserting
the same bytes with the same journal and sync settings, in the same run and folder. Also
the default Argon2id unlock time and the crypto-erase (wipe) time.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from tomar.core import keyfile, organizer, vault
from tomar.core.device import Device, init_vault
from tomar.core.records import SignatureForm
from tomar.demo import signature as demo_signature
from tomar.resources import resource_path

N = int(os.environ.get("BENCH_N", "2000"))
PASS = "bench passphrase"


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    print(
        json.dumps(
            {"bench": "vault_commit", "name": name, "value": round(value, 4), "unit": unit, **extra}
        ),
        flush=True,
    )


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> None:
    # fast Argon2id: set-up only; unlock is timed below with defaults
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    base = Path(tempfile.mkdtemp(prefix="tomar-bench-", dir=os.environ.get("BENCH_DIR")))
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    ov = init_vault(base / "org", PASS)
    organizer.init(ov, "Bench organizer", os.environ.get("BENCH_RECIPIENT", "hybrid"))
    organizer.backup(ov, base / "backup.age", "bench backup passphrase")
    _, package = organizer.create_campaign(ov, spec, without_shares=True)
    ov.close()

    dv = init_vault(base / "dev", PASS)
    device = Device(dv)
    device.import_campaign(package)
    device.start_event("Bench rally")
    sig = demo_signature()
    times: list[float] = []
    for i in range(N):
        form = SignatureForm(
            fields={
                "full_name": f"Bench Signer {i}",
                "email": f"signer{i}@example.org",
                "city": "Washington",
            },
            lang="en" if i % 2 else "fa",
            consent=True,
            signature=sig,
        )
        t0 = time.perf_counter()
        device.save(form)
        times.append((time.perf_counter() - t0) * 1000)
    sealed = [bytes(r[0]) for r in dv.conn.execute("SELECT sealed FROM records ORDER BY seq")]
    dv.close()

    conn = sqlite3.connect(base / "plain.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE r (seq INTEGER PRIMARY KEY, body BLOB NOT NULL)")
    plain: list[float] = []
    for i, body in enumerate(sealed):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO r VALUES (?, ?)", (i, body))
        conn.execute("COMMIT")
        plain.append((time.perf_counter() - t0) * 1000)
    conn.close()

    emit("save_p50", statistics.median(times), "ms", n=N)
    emit("save_p99", pct(times, 0.99), "ms", n=N)
    emit("plain_sqlite3_p50", statistics.median(plain), "ms", n=N)
    emit("plain_sqlite3_p99", pct(plain, 0.99), "ms", n=N)
    emit("ratio_p50_vs_plain_sqlite3", statistics.median(times) / statistics.median(plain), "x")
    emit("sealed_record_bytes_mean", statistics.mean(len(s) for s in sealed), "bytes")

    keyfile.DEFAULT_PARAMS = keyfile.KdfParams()
    home = base / "dev"
    keyfile.write(vault.key_path(home), os.urandom(32), PASS)  # rewrap with default costs
    params = keyfile.read(vault.key_path(home)).params
    t0 = time.perf_counter()
    keyfile.unwrap(vault.key_path(home), PASS)
    emit(
        "unlock_argon2id_default",
        time.perf_counter() - t0,
        "s",
        memory_mib=params.memory_kib // 1024,
        iterations=params.iterations,
        lanes=params.lanes,
    )
    t0 = time.perf_counter()
    vault.wipe(home)
    emit("wipe", time.perf_counter() - t0, "s")


if __name__ == "__main__":
    main()
