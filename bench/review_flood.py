"""Look-alike floods and the kept review queue; prints one JSON line per figure.

A hostile batch may bring thousands of signers with the same name and city. The review
queue's triggers (`derived.requeue`) must then cost each changed signer what they cost
any other: the members of a group are read only while it has two live members or fewer.
An organizer vault of BENCH_SIGNERS (20,000) signers inserted directly (as
`bench/sheets.py` does); then, for groups of 1, 500, 2,000 and 4,000 signers, each
member is moved into the group one at a time, and then marked "distinct" one at a time
(each a signer's change through the triggers): microseconds per change. Flat: the same
for every group size.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sheets  # bench/sheets.py: its vault of directly inserted signers

N = int(os.environ.get("BENCH_SIGNERS", "20000"))
SIZES = (1, 500, 2000, 4000)


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    doc = {"bench": "review_flood", "name": name, "value": round(value, 1), "unit": unit}
    print(json.dumps({**doc, **extra}), flush=True)


def main() -> None:
    from tomar.core import keyfile, vault

    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    base = Path(tempfile.mkdtemp(prefix="tomar-flood-"))
    home = sheets.setup(base, N)
    with vault.Vault.open(home, sheets.PASS) as v:
        rowids = [int(r[0]) for r in v.conn.execute("SELECT rowid FROM signers")]
        start = 0
        for size in SIZES:
            rows = rowids[start : start + size]
            start += size
            key = f"flood {size}|somewhere"
            t0 = time.perf_counter()
            with v.transaction() as conn:
                for rid in rows:
                    conn.execute(
                        "UPDATE signers SET name_city = ?, translit = ? WHERE rowid = ?",
                        (key, key, rid),
                    )
            joined = (time.perf_counter() - t0) / size * 1e6
            queue = v.conn.execute("SELECT count(*) FROM review_queue").fetchone()[0]
            t0 = time.perf_counter()
            with v.transaction() as conn:
                for rid in rows:
                    conn.execute("UPDATE signers SET review = 'distinct' WHERE rowid = ?", (rid,))
            left = (time.perf_counter() - t0) / size * 1e6
            emit("join_group_per_signer", joined, "us", group=size, queue_after=queue)
            emit("leave_group_per_signer", left, "us", group=size)
    emit("load_average", os.getloadavg()[0], "1m", signers=N)


if __name__ == "__main__":
    main()
