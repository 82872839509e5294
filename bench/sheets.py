"""PDF sheets: delivery sheets for many signers with drawn signatures, and blank sheets.

Prints one JSON line per figure: seconds, pages per second and peak RSS. Signers are
inserted straight into an organizer vault's `signers` table (with a real strokes blob),
since sealing and importing them is measured elsewhere. BENCH_SIGNERS sets the largest
count (default 10,000); BENCH_SCRIPTS=1 names signers in eight scripts, so that most
rows go through the font fallback (`text.runs`). The delivery sheets are also made for
a fifth and a half of it, each in a fresh process, to show whether memory grows with the
number of signers:
`delivery_rss_growth` is the peak RSS above the RSS before writing, and
`delivery_rss_growth_slope` how much it rises per 1,000 signers (flat: about 0).
The signers are read through the real `Intake.unique_signers` (an index walk with a
2 MiB page cache, `Vault.streaming`).

`split_district_*`: the same signers split by congressional district (four real ZIP codes
per state, each its own district in a Census-format table loaded first): 200 packets.

`split_*`: the delivery split by state (`sheets.packets`, one packet per office: one
light pass splits the signers by office, then each packet reads its own rows by row
number) for BENCH_SIGNERS signers spread over the 50 states. Compare `split_seconds`
with `delivery_seconds` of the same count: they should be about the same (before the
split by row number, every packet was a pass over all signers: 43 s against 22 s).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

N = int(os.environ.get("BENCH_SIGNERS", "10000"))
BLANK = int(os.environ.get("BENCH_BLANK", "100"))
PASS = "bench passphrase"


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    print(
        json.dumps(
            {"bench": "sheets", "name": name, "value": round(value, 4), "unit": unit, **extra}
        ),
        flush=True,
    )


def peak_rss_mib() -> float:
    """Peak RSS since the last reset_peak() (Linux VmHWM), else since the start."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Forget the set-up's peak (vault KDF, inserting rows), so the figure is the PDF's."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def setup(base: Path, n: int) -> Path:
    from tomar.core import keyfile, organizer, strokes
    from tomar.core.device import init_vault
    from tomar.core.intake.store import add_derived
    from tomar.demo import signature
    from tomar.resources import resource_path

    # fast Argon2id for throwaway vaults
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    home = base / "org"
    v = init_vault(home, PASS)
    organizer.init(v, "Bench organizer", "x25519")
    organizer.backup(v, base / "backup.age", "bench backup passphrase")
    organizer.create_campaign(
        v, resource_path("demo", "demo-campaign.toml").read_text("utf-8"), without_shares=True
    )
    blob = strokes.encode(signature())
    device = base64.b64encode(os.urandom(32)).decode()
    from tomar.core import places

    displays = ("full", "full", "full", "initials", "hidden")
    states = [
        st.code for st in places.STATES if st.code not in ("DC", "AS", "GU", "MP", "PR", "VI")
    ]
    zips = {code: bench_zips(code) for code in states}
    names: tuple[str, ...] = ("Sara Example", "مریم رضایی", "Ali Example", "Reza Mixed رضا")
    if os.environ.get("BENCH_SCRIPTS"):  # names in the scripts the fallback fonts draw
        names = (
            "Иван Петров",
            "Արամ Խաչատրյան",
            "Γιώργος Παπαδόπουλος",
            "ნინო ბერიძე",
            "Nguyễn Thị Minh Khai",
            "דוד כהן",
            "王小明",
            "مریم رضایی",
        )
    with v.transaction() as conn:
        conn.execute(
            "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, record_count, "
            "received_at, status) VALUES ('b' || hex(randomblob(31)), hex(randomblob(32)), ?, 1, "
            "?, '2026-01-01', 'imported')",
            (device, n),
        )
        sha = conn.execute("SELECT sha256 FROM intake_batches").fetchone()[0]
        rows = []
        for i in range(n):
            name = f"{names[i % len(names)]} {i}"
            fields = {"full_name": name, "city": "Washington", "country": "United States"}
            day = f"2026-01-{1 + i % 28:02d}"
            rows.append(
                (
                    uuid.uuid4().hex,
                    device,
                    i + 1,
                    sha,
                    f"{day}T12:00:00.000000Z",
                    day,
                    f"Rally {i % 7}",
                    "kiosk",
                    "en",
                    displays[i % len(displays)],
                    json.dumps(fields, ensure_ascii=False),
                    blob,
                    name,
                    "us",
                    states[i % len(states)],
                    zips[states[i % len(states)]][(i // len(states)) % 4],
                )
            )
        conn.executemany(
            "INSERT INTO signers(record_id, device, seq, batch, time, day, event_name, source, "
            "lang, display, fields, strokes, name, country, state, zip) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        add_derived(conn, 0)  # counts, review groups, search index, as intake keeps them
    v.close()
    (base / "census.txt").write_bytes(census_table())  # here: `zipcodes` loads every ZIP
    return home


def bench_zips(state: str) -> list[str]:
    """Four real ZIP codes of a state (from the data `zipcodes` ships)."""
    from collections.abc import Callable

    import zipcodes

    list_all: Callable[[], list[dict[str, str]]] = zipcodes.list_all  # untyped module
    everything = list_all()
    found = sorted(z["zip_code"] for z in everything if z["state"] == state)
    step = max(len(found) // 4, 1)
    return [found[min(k * step, len(found) - 1)] for k in range(4)]


def census_table() -> bytes:
    """A Census-format ZCTA-to-district file: each bench ZIP its own district."""
    from tomar.core import places

    lines = ["GEOID_CD118_20|GEOID_ZCTA5_20"]
    for st in places.STATES:
        if st.code in ("DC", "AS", "GU", "MP", "PR", "VI"):
            continue
        for k, z in enumerate(bench_zips(st.code)):
            lines.append(f"{st.fips}{k + 1:02d}|{z}")
    return "\n".join(lines).encode()


def run_delivery(n: int, prefix: str = "delivery") -> None:
    """In a fresh process, so that peak RSS belongs to this run alone."""
    from tomar.core import vault
    from tomar.core.sheets import delivery

    base = Path(tempfile.mkdtemp(prefix="tomar-bench-", dir=os.environ.get("BENCH_DIR")))
    # In another process: memory it freed would otherwise be reused unseen by RSS.
    subprocess.run([sys.executable, __file__, "setup", str(n), str(base)], check=True)
    home = base / "org"
    from tomar.core import keyfile

    # fast Argon2id for throwaway vaults
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    out = base / "delivery.pdf"
    with vault.Vault.open(home, PASS) as v:
        reset_peak()
        before = peak_rss_mib()
        t0 = time.perf_counter()
        count = delivery.write_delivery(v, out)
        seconds = time.perf_counter() - t0
        peak = peak_rss_mib()
    n_pages = pages(out)
    emit(f"{prefix}_seconds", seconds, "s", signers=count, pages=n_pages)
    emit(f"{prefix}_pages_per_second", n_pages / seconds, "pages/s", signers=count)
    emit(f"{prefix}_signers_per_second", count / seconds, "signers/s", signers=count)
    emit(f"{prefix}_pdf_size", out.stat().st_size / 2**20, "MiB", signers=count)
    emit(f"{prefix}_peak_rss", peak, "MiB", signers=count, before=round(before, 1))
    emit(f"{prefix}_rss_growth", peak - before, "MiB", signers=count)


def run_split(n: int, by: str = "state") -> None:
    """One packet per state (or district) for `n` signers over the 50 states, in a fresh
    process."""
    from tomar.core import keyfile, vault
    from tomar.core.intake import Intake
    from tomar.core.sheets import packets

    base = Path(tempfile.mkdtemp(prefix="tomar-bench-", dir=os.environ.get("BENCH_DIR")))
    subprocess.run([sys.executable, __file__, "setup", str(n), str(base)], check=True)
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    out = base / "packets"
    out.mkdir()
    prefix = "split" if by == "state" else f"split_{by}"
    with vault.Vault.open(base / "org", PASS) as v:
        if by == "district":
            with Intake(v, workers=1) as intake:
                intake.load_districts((base / "census.txt").read_bytes())
        reset_peak()
        before = peak_rss_mib()
        t0 = time.perf_counter()
        made = packets.write_packets(v, out, packets.Split(by))
        seconds = time.perf_counter() - t0
        peak = peak_rss_mib()
    count = sum(p.signers for p in made.packets)
    size = sum(f.stat().st_size for f in out.iterdir()) / 2**20
    emit(f"{prefix}_seconds", seconds, "s", signers=count, packets=len(made.packets))
    emit(f"{prefix}_signers_per_second", count / seconds, "signers/s", signers=count)
    emit(f"{prefix}_size", size, "MiB", signers=count, packets=len(made.packets))
    emit(f"{prefix}_peak_rss", peak, "MiB", signers=count, before=round(before, 1))
    emit(f"{prefix}_rss_growth", peak - before, "MiB", signers=count)


def run_split_district(n: int) -> None:
    run_split(n, "district")


def run_blank(n: int) -> None:
    from tomar import demo
    from tomar.core import keyfile
    from tomar.core.device import Device, init_vault
    from tomar.core.sheets import blank

    # fast Argon2id for throwaway vaults
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    base = Path(tempfile.mkdtemp(prefix="tomar-bench-", dir=os.environ.get("BENCH_DIR")))
    v = init_vault(base / "dev", PASS)
    Device(v).import_campaign(demo.package())
    out = base / "blank.pdf"
    reset_peak()
    t0 = time.perf_counter()
    made = blank.write_blank(v, out, sheets=n)
    seconds = time.perf_counter() - t0
    peak = peak_rss_mib()
    v.close()
    n_pages = pages(out)
    emit("blank_seconds", seconds, "s", sheets=len(made), pages=n_pages)
    emit("blank_pages_per_second", n_pages / seconds, "pages/s", sheets=len(made))
    emit("blank_peak_rss", peak, "MiB", sheets=len(made))


def run(kind: str, n: int) -> dict[str, float]:
    """Run one measurement in a fresh process; echo its lines, return its figures."""
    done = subprocess.run(
        [sys.executable, __file__, kind, str(n)], check=True, stdout=subprocess.PIPE, text=True
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        print(line, flush=True)
        figure = json.loads(line)
        figures[figure["name"]] = figure["value"]
    return figures


def slope(name: str, growth: dict[int, float]) -> None:
    """MiB more per 1,000 signers, from the smallest to the largest run."""
    low, high = min(growth), max(growth)
    emit(
        name,
        (growth[high] - growth[low]) / (high - low) * 1000,
        "MiB/1000 signers",
        sizes=sorted(growth),
        growth=[round(growth[k], 1) for k in sorted(growth)],
    )


def main() -> None:
    if sys.argv[1:2] == ["setup"]:
        setup(Path(sys.argv[3]), int(sys.argv[2]))
        return
    if len(sys.argv) == 3:
        kinds = {
            "delivery": run_delivery,
            "blank": run_blank,
            "split": run_split,
            "split_district": run_split_district,
        }
        kinds[sys.argv[1]](int(sys.argv[2]))
        return
    sizes = sorted({N // 5, N // 2, N})
    delivery = {n: run("delivery", n)["delivery_rss_growth"] for n in sizes}
    slope("delivery_rss_growth_slope", delivery)
    run("blank", BLANK)
    run("split", N)
    run("split_district", N)


if __name__ == "__main__":
    main()
