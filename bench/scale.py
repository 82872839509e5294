"""A campaign's whole organizer side at scale; prints one JSON line per figure.

Builds an organizer vault imported from genuine batches of enrolled devices (the builders of
`bench/intake.py`: validate, build, sign and seal as `Device.save` does, exported by the
real `batch.export`), BENCH_PER_BATCH (2,000) records a batch from up to 50 devices, with
realistic duplicates: about 3% reuse an earlier signer's email and 2% an earlier phone
(merged), 1% an earlier signer's name and city with other contacts (flagged for review);
a third of the names are Persian. Names are made of syllables, so they are mostly unique.

The campaign is the demo one with a `state` field and an extra consent (`contact`): every
signer gives a real ZIP code and its state, half of them the extra consent.

Sizes (signers): BENCH_SIZES, default 100,000, 300,000, 1,000,000; BENCH_QUICK=1 uses
20,000 and 60,000 (a few minutes on two busy cores). Set-up and import are apart, since
the device side rarely changes and set-up is the long part (about 6 ms of CPU a record):
- set-up writes BENCH_SCALE_DIR/batches/: the organizer vault before any import (`org/`,
  its devices enrolled), the device vaults, the batch files, and `done.txt`, one batch
  file name a line, appended as each is written (a set-up cut short leaves a usable prefix);
  `complete` marks a finished set-up. BENCH_BATCHES_ONLY=1 stops after set-up.
- import: a copy of `org/` imports the batches in stages by the real
  `Intake.import_files` in one fresh process; after each stage the vault is copied to
  BENCH_SCALE_DIR/vault-<n>. A re-run reuses the batches and vaults found there.
Without BENCH_SCALE_DIR everything goes to a temporary folder, removed at the end.

At each size, in a fresh process for each phase (peak RSS is that phase's alone):
- import: records/s of each tenth of all the batches, peak RSS of the importer and its
  workers at the end of each stage (figures of the first run only);
- dashboard (`Intake.stats`), gaps, the review queue's first page, the signers table
  (open, search by name, email and phone, each filter, the last page, one signer's
  detail): the first call (cold cache) and the best of two more;
- `export_csv` of all unique signers: seconds and peak RSS;
- the report; delivery sheets at the size given by BENCH_SHEETS_AT (default: the smallest
  size), seconds and peak RSS;
- the vault's size on disk per signer.

Goals: interactive steps under 300 ms at 1,000,000; CSV of a million under 60 s; delivery
sheets for 100,000 under 3 minutes with flat memory; last tenth of the import within 20% of
the first.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import intake as ib
from tomar.core import batch, organizer, records
from tomar.core.campaign import Campaign, read_package
from tomar.core.device import init_vault
from tomar.core.identity import DeviceIdentity
from tomar.core.intake import ImportResult, Intake
from tomar.core.records import SignatureForm
from tomar.core.vault import Vault
from tomar.demo import signature as demo_signature
from tomar.resources import resource_path

QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZES = [
    int(s)
    for s in os.environ.get(
        "BENCH_SIZES", "20000,60000" if QUICK else "100000,300000,1000000"
    ).split(",")
]
PER_BATCH = int(os.environ.get("BENCH_PER_BATCH", "2000"))
MAX_DEVICES = 50
SHEETS_AT = int(os.environ.get("BENCH_SHEETS_AT", str(SIZES[0])))
CACHE = os.environ.get("BENCH_SCALE_DIR", "")
RECIPIENT = os.environ.get("BENCH_RECIPIENT", "x25519" if QUICK else "hybrid")
PASS = ib.PASS
PAGE = 256  # the signers table's page (gui/organizer/signers.py)

# Syllables of distinct consonants: names of distinct skeletons (transliterate_key).
SYL_EN = ("ba", "de", "fi", "go", "ku", "la", "me", "no", "pa", "re", "si", "ta", "zo", "ja")
SYL_FA = ("با", "دی", "فو", "گا", "کو", "لا", "می", "نو", "پا", "ری", "سو", "تا", "زی", "جو")


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    doc = {"bench": "scale", "name": name, "value": round(value, 4), "unit": unit, **extra}
    print(json.dumps(doc, ensure_ascii=False), flush=True)


def _word(g: int, syl: tuple[str, ...], n: int) -> str:
    """Number g as n syllables, never the same twice in a row (repeats would collapse in
    the skeleton and make different names look alike)."""
    out = [syl[g % len(syl)]]
    prev, g = g % len(syl), g // len(syl)
    for _ in range(n - 1):
        prev = (prev + 1 + g % (len(syl) - 1)) % len(syl)
        g //= len(syl) - 1
        out.append(syl[prev])
    return "".join(out)


# Real ZIP codes and their states (checked against `places.zip_state` at set-up).
ZIPS = (
    ("90024", "CA"), ("94110", "CA"), ("10001", "NY"), ("77001", "TX"), ("20001", "DC"),
    ("22030", "VA"), ("60601", "IL"), ("98101", "WA"), ("30301", "GA"), ("48126", "MI"),
    ("02139", "MA"), ("33101", "FL"),
)  # fmt: skip

# The demo campaign asks for a ZIP code; the bench's also asks for the state and an extra
# consent, so that the state, district and consent tallies hold real counts.
SPEC_EXTRA = """
[[fields]]
name = "state"
kind = "state"
required = false
label = { en = "State", fa = "ایالت", ar = "الولاية" }

[[consents]]
purpose = "contact"
[consents.text]
en = "You may contact me about this campaign."
fa = "می‌توانید دربارهٔ این کارزار با من تماس بگیرید."
ar = "يمكنكم التواصل معي بشأن هذه الحملة."
"""


def _person(g: int) -> tuple[str, str, bool]:
    """Signer number g's name and city (Persian for a third)."""
    fa = g % 3 == 0
    if fa:
        first = ib.FIRST_FA[g % len(ib.FIRST_FA)]
        return f"{first} {_word(g // 8, SYL_FA, 5)}", ib.CITY_FA[(g // 7) % len(ib.CITY_FA)], fa
    first = ib.FIRST_EN[g % len(ib.FIRST_EN)]
    # Six syllables: a Latin name never spells the skeleton of a Persian one by accident.
    return f"{first} {_word(g // 10, SYL_EN, 6).title()}", ib.CITY_EN[(g // 7) % 7], fa


def form(g: int) -> SignatureForm:
    """Most signers distinct; 3% an earlier email, 2% an earlier phone, 1% an earlier
    signer's name and city with their own contacts."""
    name, city, fa = _person(g)
    email_of, phone_of = g, g
    if g % 100 < 3 and g >= 1000:
        email_of = g - 997
    elif g % 100 in (3, 4) and g >= 1000:
        phone_of = g - 991
    elif g % 100 == 5 and g >= 1000:
        name, city, _ = _person(g - 983)
    fields = {"full_name": name, "city": city, "email": f"signer{email_of}@example.org"}
    if g % 2 == 0 or phone_of != g:
        fields["phone"] = f"+1 202 {200 + (phone_of // 10000) % 700:03d} {phone_of % 10000:04d}"
    zip_code, state = ZIPS[(g // 11) % len(ZIPS)]
    fields["postal_code"] = zip_code
    fields["state"] = state
    return SignatureForm(
        fields=fields,
        lang="fa" if fa else "en",
        consent=True,
        signature=ib._GEN["signature"],
        consents=frozenset({"contact"}) if g % 2 else frozenset(),
    )


def _gen_chunk(task: ib.GenTask) -> list[ib.Row]:
    device_raw, dup_key, event, first_seq, first_g, count = task
    campaign: Campaign = ib._GEN["campaign"]
    ident = DeviceIdentity.from_raw(device_raw)
    rows: list[ib.Row] = []
    for k in range(count):
        f = form(first_g + k)
        fields = records.validate(campaign, f)
        record = records.build_signature_record(
            campaign, f, fields, device=ident, seq=first_seq + k, event=event
        )
        sealed = records.seal(record, ident, campaign.recipient_key)
        tags = records.duplicate_tags(campaign, fields, dup_key)
        rows.append((first_seq + k, record["id"], record["time"], sealed, tags))
    return rows


def _gen_init(package: bytes) -> None:
    ib._GEN["campaign"] = read_package(package)
    ib._GEN["signature"] = demo_signature()


# --- set-up and import ----------------------------------------------------------------


def setup(out: Path, total: int) -> dict[str, float]:
    """The organizer vault (out/org), its enrolled devices and every batch, in import order.

    Each batch's name is appended to out/done.txt once written; `complete` marks the end.
    A set-up cut short goes on from its last written batch (BENCH_RESUME=1).
    """
    from tomar.core import places

    for zip_code, state in ZIPS:
        assert places.zip_state(zip_code) == state, zip_code
    t0 = time.perf_counter()
    batches = total // PER_BATCH
    ndev = min(MAX_DEVICES, batches)
    written = cached_batches(out)
    if written and os.environ.get("BENCH_RESUME") == "1":
        devices = [ib.BenchDevice.reopen(out / f"dev-{d:02d}", f"device {d}") for d in range(ndev)]
        package = devices[0].package()
        for d, dev in enumerate(devices):  # each device holds exactly its written batches
            mine = len(range(d, len(written), ndev))
            assert dev.next_seq == mine * PER_BATCH + 1, (d, dev.next_seq, mine)
        emit("setup_resumed", len(written), "batches")
    else:
        written = []
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8") + SPEC_EXTRA
        ov = init_vault(out / "org", PASS)
        organizer.init(ov, "Bench organizer", RECIPIENT)
        organizer.backup(ov, out / "backup.age", "bench backup passphrase")
        _, package = organizer.create_campaign(ov, spec, without_shares=True)
        devices = [
            ib.BenchDevice(out / f"dev-{d:02d}", package, f"device {d}") for d in range(ndev)
        ]
        with Intake(ov) as intake:
            for dev in devices:
                cert, _ = intake.enroll(dev.device.enrollment_request(dev.label))
                dev.device.accept_certificate(cert)
        ov.close()
    jobs: list[tuple[object, list[ib.GenTask]]] = []
    for b in range(len(written), batches):  # batch 1 of every device, then batch 2, ...
        dev = devices[b % ndev]
        jobs.append((dev, dev.tasks(b * PER_BATCH, PER_BATCH)))
    files = out / "files"
    files.mkdir(exist_ok=True)
    paths: list[Path] = list(written)
    with (
        ProcessPoolExecutor(
            ib.WORKERS,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_gen_init,
            initargs=(package,),
        ) as pool,
        (out / "done.txt").open("a", encoding="utf-8") as done,
    ):
        flat = [t for _, tasks in jobs for t in tasks]
        results = pool.map(_gen_chunk, flat, chunksize=1)
        for key, tasks in jobs:
            rows: list[ib.Row] = []
            for _ in tasks:
                rows += next(results)
            assert isinstance(key, ib.BenchDevice)
            key.insert(rows)
            paths.append(batch.export(key.device, files).path)
            key.vault.conn.execute("DELETE FROM dup_tags")  # keep the device vaults small
            done.write(paths[-1].name + "\n")
            done.flush()
            if len(paths) % 10 == 0:
                emit(
                    "setup_progress",
                    len(paths) * PER_BATCH,
                    "records",
                    seconds=round(time.perf_counter() - t0),
                    load=os.getloadavg()[0],
                )
    for dev in devices:
        dev.vault.close()
    (out / "complete").write_text(f"{len(paths)}\n", "utf-8")
    emit("setup_seconds", time.perf_counter() - t0, "s", records=total, batches=len(paths))
    return {"batches": len(paths)}


def cached_batches(out: Path) -> list[Path]:
    """The batches written so far, in import order."""
    done = out / "done.txt"
    if not done.exists():
        return []
    return [out / "files" / n for n in done.read_text("utf-8").split()]


# A ZIP-to-district table for the bench's ZIPs, in the Census file's form (94110 spans two
# districts, so some signers count as "split"): the district tally holds real counts.
_CENSUS_HEAD = (
    "OID_CD118_20|GEOID_CD118_20|NAMELSAD_CD118_20|AREALAND_CD118_20|AREAWATER_CD118_20|"
    "MTFCC_CD118_20|FUNCSTAT_CD118_20|OID_ZCTA5_20|GEOID_ZCTA5_20|NAMELSAD_ZCTA5_20|"
    "AREALAND_ZCTA5_20|AREAWATER_ZCTA5_20|MTFCC_ZCTA5_20|CLASSFP_ZCTA5_20|"
    "FUNCSTAT_ZCTA5_20|AREALAND_PART|AREAWATER_PART"
)
_DISTRICTS = (
    ("0636", "90024"), ("0611", "94110"), ("0612", "94110"), ("3612", "10001"),
    ("4818", "77001"), ("1198", "20001"), ("5111", "22030"), ("1707", "60601"),
    ("5307", "98101"), ("1305", "30301"), ("2612", "48126"), ("2507", "02139"),
    ("1227", "33101"),
)  # fmt: skip


def census_table() -> bytes:
    rows = [
        f"1|{g}|Congressional District|1|0|G5200|N|2|{z}|ZCTA5 {z}|1|0|G6350|B5|S|1|0"
        for g, z in _DISTRICTS
    ]
    return "\n".join([_CENSUS_HEAD, *rows]).encode()


def phase_import(org_home: Path, stages: list[list[Path]], cache: Path) -> dict[str, float]:
    """Import stage by stage; the vault is copied to cache/vault-<n> after each."""
    v = Vault.open(org_home, PASS)
    with Intake(v, workers=1) as intake:
        intake.load_districts(census_table())
    ib._reset_peak()
    stamps: list[float] = []  # import time (pauses between stages left out) at each result
    counts: list[int] = []
    paused = [0.0]
    begin = time.perf_counter()
    with Intake(v, workers=ib.WORKERS) as intake:
        for stage in stages:

            def done(result: ImportResult) -> None:
                """Grouped batches are committed together: they share one stamp."""
                if result.status != "imported":
                    raise RuntimeError(f"{result.name}: {result.status}: {result.message}")
                stamps.append(time.perf_counter() - paused[0])
                counts.append(result.count)

            intake.import_files(stage, done=done)
            stage_end = time.perf_counter()
            ib._emit_memory(len(counts), sum(len(s) for s in stages))
            v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copytree(org_home, cache / f"vault-{sum(counts)}")
            paused[0] += time.perf_counter() - stage_end
    v.close()
    # Tenths of the batches; with few batches, fewer parts (each longer than a commit group,
    # whose batches all get the time of its one commit).
    total = len(stamps)
    parts = max(1, min(10, total // 5))
    tenth = total // parts
    rates = []
    for k in range(0, total - total % tenth, tenth):
        t0 = begin if k == 0 else stamps[k - 1]
        rate = sum(counts[k : k + tenth]) / (stamps[k + tenth - 1] - t0)
        rates.append(rate)
        emit(
            "import_part_records_per_s",
            rate,
            "records/s",
            batches=f"{k + 1}-{k + tenth}",
            parts=parts,
            signers_before=sum(counts[:k]),
        )
    emit(
        "import_last_vs_first_part",
        rates[-1] / rates[0],
        "ratio",
        goal=">= 0.8",
        meets_goal=rates[-1] / rates[0] >= 0.8,
    )
    return {"rate": sum(counts) / (stamps[-1] - begin)}


def build(cache: Path) -> list[int]:
    """Set-up (unless cached), then import (unless cached); the sizes that can be measured."""
    if all((cache / f"vault-{n}").is_dir() for n in SIZES):
        emit("import_skipped", 0, "s", note=f"reusing the vaults in {cache}")
        return SIZES
    out = cache / "batches"
    if not (out / "complete").exists():
        if cached_batches(out) and os.environ.get("BENCH_PARTIAL_BATCHES") == "1":
            emit("setup_partial", len(cached_batches(out)), "batches", note="a prefix is used")
        else:
            ib.isolated(setup, out, max(SIZES))
    if os.environ.get("BENCH_BATCHES_ONLY") == "1":
        return []
    paths = cached_batches(out)
    sizes = [n for n in SIZES if n // PER_BATCH <= len(paths)]
    work = Path(tempfile.mkdtemp(prefix="tomar-scale-", dir=cache))
    try:
        shutil.copytree(out / "org", work / "org")
        stages, start = [], 0
        for n in sizes:
            stages.append(paths[start : n // PER_BATCH])
            start = n // PER_BATCH
        ib.isolated(phase_import, work / "org", stages, cache)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return sizes


# --- measures at one size ------------------------------------------------------------


def _timed(name: str, n: int, fn: Callable[[], Any], repeat: int = 3) -> Any:
    """The first call (cold cache) and the best of the others, in ms."""
    times, value = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - t0) * 1000)
    emit(name, times[0], "ms", n=n, best_warm=round(min(times[1:] or times), 1), goal_ms=300)
    return value


def phase_interactive(home: Path, n: int) -> dict[str, float]:
    from tomar.core import signers_view as sv

    v = Vault.open(home, PASS)
    try:
        intake = Intake(v, workers=1)
        _timed("dashboard_stats", n, intake.stats)
        _timed("gaps", n, intake.gaps)

        def queue() -> list[sv.SignerRow]:
            ids = sv.signer_ids(v, sv.SignerFilter.FLAGGED)
            return sv.signer_rows(v, ids[:PAGE])

        flagged = _timed("review_queue_first_page", n, queue)

        def table(kind: sv.SignerFilter = sv.SignerFilter.ALL, search: str = "") -> Any:
            def run() -> Sequence[int]:
                ids = sv.signer_ids(v, kind, search)
                sv.signer_rows(v, ids[:PAGE])
                return ids

            return run

        ids = _timed("signers_open", n, table())
        name, _, _ = _person(n // 2 + 1)
        probe = n // 2 + 7
        _timed("signers_search_name", n, table(search=name.split()[1]))
        _timed("signers_search_email", n, table(search=f"signer{probe}@example.org"))
        _timed("signers_search_phone", n, table(search=f"{probe % 10000:04d}"))
        for kind in sv.SignerFilter:
            _timed(f"signers_filter_{kind.value}", n, table(kind))
        _timed("signers_last_page", n, lambda: sv.signer_rows(v, ids[-PAGE:]))
        rid = flagged[0].record_id if flagged else sv.signer_rows(v, ids[:1])[0].record_id

        def detail() -> object:
            d = sv.signer_detail(v, rid)
            assert d is not None
            return sv.merge_candidates(v, d)

        _timed("signer_detail", n, detail)
        intake.close()
    finally:
        v.close()
    return {}


def phase_csv(home: Path, out: Path, n: int) -> dict[str, float]:
    v = Vault.open(home, PASS)
    ib._reset_peak()
    try:
        intake = Intake(v, workers=1)
        rss0 = ib._peak_kib()
        t0 = time.perf_counter()
        rows = intake.export_csv(out)
        s = time.perf_counter() - t0
        intake.close()
    finally:
        v.close()
    emit("export_csv_seconds", s, "s", n=n, rows=rows, goal_s_at_1m=60)
    emit("export_csv_rss_growth", ib._mib(ib._peak_kib() - rss0), "MiB", n=n)
    out.unlink()
    return {}


class WorkerMemory:
    """The RSS of this process's worker processes, sampled twice a second: the largest of
    each in the first and in the second half of the run (flat: the same)."""

    def __init__(self) -> None:
        import threading

        self.halves: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._samples: list[tuple[float, int, int]] = []

    def start(self) -> None:
        self._t0 = time.perf_counter()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        end = time.perf_counter() - self._t0
        for t, pid, kib in self._samples:
            half = self.halves[0 if t < end / 2 else 1]
            half[pid] = max(half.get(pid, 0), kib)

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            for pid in ib._pool_workers():
                self._samples.append(
                    (time.perf_counter() - self._t0, pid, ib._status_kib(pid, "VmRSS"))
                )


def phase_pdf(home: Path, out: Path, n: int, which: str) -> dict[str, float]:
    from tomar.core.sheets.delivery import write_delivery
    from tomar.core.sheets.report import write_report

    v = Vault.open(home, PASS)
    ib._reset_peak()
    sampler = WorkerMemory()
    try:
        rss0 = ib._peak_kib()
        t0 = time.perf_counter()
        sampler.start()
        if which == "delivery":
            count = write_delivery(v, out)
        else:
            write_report(v, out)
            count = 0
        s = time.perf_counter() - t0
    finally:
        sampler.stop()
        v.close()
    emit(f"{which}_seconds", s, "s", n=n, signers=count, pdf_mb=round(out.stat().st_size / 1e6))
    emit(f"{which}_rss_growth", ib._mib(ib._peak_kib() - rss0), "MiB", n=n, signers=count)
    if sampler.halves[1]:
        emit(
            f"{which}_workers_rss",
            ib._mib(max(sampler.halves[1].values())),
            "MiB",
            n=n,
            note="largest drawing process, second half of the run (first half in first_half)",
            first_half=ib._mib(max(sampler.halves[0].values(), default=0)),
            workers=len(sampler.halves[1]),
        )
    out.unlink()
    return {}


def measure(cache: Path, n: int) -> None:
    src = cache / f"vault-{n}"
    home = cache / "work"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(src, home)  # the measures must not change the cached vault
    try:
        size = sum(p.stat().st_size for p in src.iterdir() if p.is_file())
        emit("vault_bytes_per_signer", size / n, "B", n=n, vault_mb=round(size / 1e6))
        ib.isolated(phase_interactive, home, n)
        ib.isolated(phase_csv, home, cache / "signers.csv", n)
        ib.isolated(phase_pdf, home, cache / "report.pdf", n, "report")
        if n == SHEETS_AT:
            ib.isolated(phase_pdf, home, cache / "delivery.pdf", n, "delivery")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    if any(n % PER_BATCH for n in SIZES):
        raise SystemExit("every size must divide by BENCH_PER_BATCH")
    load0 = os.getloadavg()
    cache = Path(CACHE) if CACHE else Path(tempfile.mkdtemp(prefix="tomar-scale-"))
    cache.mkdir(parents=True, exist_ok=True)
    try:
        for n in build(cache):
            measure(cache, n)
    finally:
        if not CACHE:
            shutil.rmtree(cache, ignore_errors=True)
    emit(
        "load_average",
        os.getloadavg()[0],
        "1m",
        at_start=[round(x, 2) for x in load0],
        at_end=[round(x, 2) for x in os.getloadavg()],
        cpus=os.cpu_count(),
        recipient=RECIPIENT,
    )


if __name__ == "__main__":
    main()
