"""Batch export and organizer intake at scale; prints one JSON line per figure.

Export: one device exports BENCH_EXPORT_N (100,000) records into one batch.
Import: BENCH_IMPORT_N (200,000) records in BENCH_BATCHES (100) batches from BENCH_DEVICES
(10) enrolled devices, imported by one `Intake.import_files` (its process pool opens each
batch while the one before is stored): records per second overall and for the first and
last tenth of the batches, and peak RSS of the importing process and of its decrypting
workers after 10%, 50% and 100% of the batches.
Floor: decrypt plus device-signature check of the same records and nothing else, with the
same number of spawn workers over chunks of the same size, measured before and after the
import; `import_vs_floor` is the import rate over the mean floor rate (goal: >= 0.6). CPU time
per record of the floor's workers, and of the importer and its workers, shows where the
time goes: on two cores, the rate is bound by the total. The importer's own CPU time is
split into the database work and the rest, and `import_vs_floor_bound_<n>_cores` gives the
best ratio any import could reach with this importer if its workers did only the floor's
work: with n busy cores, and never faster than the one importing thread can store.

Set-up builds genuine records (validate, build, sign, seal, as `Device.save` does) in a
process pool and inserts them straight into the device vaults in large transactions; the
set-up batches are written by the real `batch.export`. Export, floor and import each run
in a fresh process, so that its peak RSS is that phase's alone. Peak RSS is VmHWM (Linux):
`ru_maxrss` of a spawned process starts at its parent's RSS, so it is shown only beside it.
Workers are measured live (their VmHWM) because RUSAGE_CHILDREN counts only reaped ones.
BENCH_PROFILE=<path> writes a cProfile of the importing process (not of its workers).

Quick run: BENCH_EXPORT_N=5000 BENCH_IMPORT_N=10000 BENCH_BATCHES=10.
"""

from __future__ import annotations

import contextlib
import cProfile
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from tomar.core import age, batch, keyfile, organizer, records
from tomar.core.campaign import Campaign, read_package
from tomar.core.device import META_DUP_KEY, META_NEXT_SEQ, Device, init_vault
from tomar.core.identity import DeviceIdentity
from tomar.core.intake import CHUNK, ImportResult, Intake
from tomar.core.intake.store import Store
from tomar.core.records import SignatureForm
from tomar.core.vault import Vault
from tomar.demo import signature as demo_signature
from tomar.resources import resource_path

# Fast Argon2id for the throwaway vaults; at module level, so spawned phases have it too.
keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)

EXPORT_N = int(os.environ.get("BENCH_EXPORT_N", "100000"))
IMPORT_N = int(os.environ.get("BENCH_IMPORT_N", "200000"))
BATCHES = int(os.environ.get("BENCH_BATCHES", "100"))
DEVICES = int(os.environ.get("BENCH_DEVICES", str(min(10, BATCHES))))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))
RECIPIENT = os.environ.get("BENCH_RECIPIENT", "hybrid")
PROFILE = os.environ.get("BENCH_PROFILE", "")
PASS = "bench passphrase"
GEN_CHUNK = 250
EXPORT_G = 1_000_000  # signer numbers of the export device, apart from the import ones
GOAL = 0.6

FIRST_EN = ("Sara", "Ali", "Maryam", "Reza", "Neda", "Omid", "Emily", "John", "Maria", "David")
LAST_EN = ("Ahmadi", "Karimi", "Hosseini", "Rahimi", "Smith", "Garcia", "Chen", "Jones")
FIRST_FA = ("سارا", "علی", "مریم", "رضا", "ندا", "امید", "لیلا", "کیان")
LAST_FA = ("احمدی", "کریمی", "حسینی", "رحیمی", "موسوی", "تهرانی")
CITY_EN = ("Washington", "New York", "Los Angeles", "Houston", "Chicago", "Seattle", "Boston")
CITY_FA = ("لس آنجلس", "واشنگتن", "نیویورک", "هیوستون", "تورنتو")

# (device raw key, dup key, event, first seq, first signer number, count)
GenTask = tuple[bytes, bytes, dict[str, str], int, int, int]
# (seq, record id, time, sealed, duplicate tags)
Row = tuple[int, str, str, bytes, list[int]]


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    print(
        json.dumps(
            {"bench": "intake", "name": name, "value": round(value, 4), "unit": unit, **extra},
            ensure_ascii=False,
        ),
        flush=True,
    )


# --- set-up: genuine records, built fast ------------------------------------------

_GEN: dict[str, Any] = {}


def _gen_init(package: bytes) -> None:
    _GEN["campaign"] = read_package(package)
    _GEN["signature"] = demo_signature()


def _form(g: int) -> SignatureForm:
    """Signer number g: mostly distinct people; every 100th reuses an earlier email."""
    fa = g % 3 == 0
    if fa:
        name = f"{FIRST_FA[g % len(FIRST_FA)]} {LAST_FA[(g // 8) % len(LAST_FA)]}"
        city = CITY_FA[(g // 48) % len(CITY_FA)]
    else:
        name = f"{FIRST_EN[g % len(FIRST_EN)]} {LAST_EN[(g // 10) % len(LAST_EN)]}"
        city = CITY_EN[(g // 80) % len(CITY_EN)]
    email_of = g - 37 if g % 100 == 99 else g
    fields = {"full_name": name, "city": city, "email": f"signer{email_of}@example.org"}
    if g % 2 == 0:
        fields["phone"] = f"+1 202 {200 + (g // 10000) % 700:03d} {g % 10000:04d}"
    return SignatureForm(
        fields=fields, lang="fa" if fa else "en", consent=True, signature=_GEN["signature"]
    )


def _gen_chunk(task: GenTask) -> list[Row]:
    device_raw, dup_key, event, first_seq, first_g, count = task
    campaign: Campaign = _GEN["campaign"]
    ident = DeviceIdentity.from_raw(device_raw)
    rows: list[Row] = []
    for k in range(count):
        form = _form(first_g + k)
        fields = records.validate(campaign, form)
        record = records.build_signature_record(
            campaign, form, fields, device=ident, seq=first_seq + k, event=event
        )
        sealed = records.seal(record, ident, campaign.recipient_key)
        tags = records.duplicate_tags(campaign, fields, dup_key)
        rows.append((first_seq + k, record["id"], record["time"], sealed, tags))
    return rows


class BenchDevice:
    def __init__(self, home: Path, package: bytes, label: str) -> None:
        self.vault = init_vault(home, PASS)
        self.device = Device(self.vault)
        self.campaign = self.device.import_campaign(package)
        self.device.start_event(f"{label} rally", "Washington")
        event = self.device.current_event()
        assert event is not None
        self.event = event
        self.raw = self.device.identity.raw_private()
        self.dup_key = self.vault.get_meta(META_DUP_KEY) or b""
        self.label = label
        self.next_seq = 1

    @classmethod
    def reopen(cls, home: Path, label: str) -> BenchDevice:
        """A device vault an earlier set-up left, to go on where it stopped."""
        self = cls.__new__(cls)
        self.vault = Vault.open(home, PASS)
        self.device = Device(self.vault)
        self.campaign = self.device.require_campaign()
        event = self.device.current_event()
        assert event is not None
        self.event = event
        self.raw = self.device.identity.raw_private()
        self.dup_key = self.vault.get_meta(META_DUP_KEY) or b""
        self.label = label
        self.next_seq = int(self.vault.get_meta(META_NEXT_SEQ) or b"1")
        return self

    def package(self) -> bytes:
        row = self.vault.conn.execute("SELECT package FROM campaign LIMIT 1").fetchone()
        return bytes(row[0])

    def tasks(self, first_g: int, count: int) -> list[GenTask]:
        out = []
        for start in range(0, count, GEN_CHUNK):
            n = min(GEN_CHUNK, count - start)
            out.append((self.raw, self.dup_key, self.event, self.next_seq, first_g + start, n))
            self.next_seq += n
        return out

    def insert(self, rows: list[Row]) -> None:
        """The rows `Device.save` writes, many per transaction."""
        with self.vault.transaction() as conn:
            conn.executemany(
                "INSERT INTO records(seq, record_id, campaign_id, event_id, kind, source, "
                "created_at, sealed, paper_serial, paper_row) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        seq,
                        rid,
                        self.campaign.id,
                        self.event["id"],
                        "signature",
                        "kiosk",
                        t,
                        s,
                        None,
                        None,
                    )
                    for seq, rid, t, s, _ in rows
                ],
            )
            conn.executemany(
                "INSERT INTO dup_tags(tag, record_seq) VALUES (?, ?)",
                [(tag, seq) for seq, _, _, _, tags in rows for tag in tags],
            )
            self.vault.set_meta(conn, META_NEXT_SEQ, str(rows[-1][0] + 1).encode())


def _grouped(
    pool: ProcessPoolExecutor, jobs: list[tuple[object, list[GenTask]]]
) -> Iterator[tuple[object, list[Row]]]:
    """Seal every job's tasks in the pool; yield each job's rows, in order, when complete."""
    flat = [task for _, tasks in jobs for task in tasks]
    results = pool.map(_gen_chunk, flat)
    for key, tasks in jobs:
        rows: list[Row] = []
        for _ in tasks:
            rows += next(results)
        yield key, rows


# --- isolated phases ----------------------------------------------------------------


def _child(out: Connection, target: Callable[..., dict[str, float]], args: tuple[Any, ...]) -> None:
    try:
        out.send(("ok", target(*args)))
    except BaseException:
        out.send(("error", traceback.format_exc()))
        raise


def isolated(target: Callable[..., dict[str, float]], *args: Any) -> dict[str, float]:
    """Run one phase in a fresh spawned process, so ru_maxrss is that phase's alone."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, target, args))
    proc.start()
    send.close()
    try:
        status, value = receive.recv()
    except EOFError:
        status, value = "error", "the process died without a result"
    proc.join()
    if status != "ok":
        raise RuntimeError(f"{target.__name__} failed (exit {proc.exitcode}):\n{value}")
    assert isinstance(value, dict)
    return value


def _status_kib(pid: int, key: str) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _pool_workers() -> list[int]:
    """Live multiprocessing workers started by this process (not the resource tracker)."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == me and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return sorted(found)


def _mib(kib: int) -> float:
    return round(kib / 1024, 1)


def _peak_kib() -> int:
    """This process's peak RSS since it started (VmHWM; ru_maxrss also counts the parent).

    A spawned process is forked before it execs, and Linux carries the RSS high-water mark
    over the exec, so `ru_maxrss` starts at the parent's RSS; VmHWM belongs to the new image.
    """
    return _status_kib(os.getpid(), "VmHWM")


def _reset_peak() -> int:
    """Reset VmHWM to the current RSS (drops the vault unlock's Argon2id peak); old peak."""
    before = _peak_kib()
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    return before


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _ru_maxrss_kib(who: int) -> int:
    return resource.getrusage(who).ru_maxrss


def phase_export(home: Path, out_dir: Path) -> dict[str, float]:
    v = Vault.open(home, PASS)
    unlock_peak = _reset_peak()
    try:
        rss0 = _peak_kib()
        t0 = time.perf_counter()
        exported = batch.export(Device(v), out_dir)
        seconds = time.perf_counter() - t0
    finally:
        v.close()
    size = exported.path.stat().st_size
    emit("export_records_per_s", exported.count / seconds, "records/s", n=exported.count)
    emit("export_mb_per_s", size / 1e6 / seconds, "MB/s")
    emit("export_seconds", seconds, "s", n=exported.count)
    emit("export_batch_size", size / 1e6, "MB", n=exported.count)
    emit(
        "export_rss_peak",
        _mib(_peak_kib()),
        "MiB",
        before_export=_mib(rss0),
        unlock_peak=_mib(unlock_peak),
        ru_maxrss=_mib(_ru_maxrss_kib(resource.RUSAGE_SELF)),
    )
    exported.path.unlink()
    return {"rate": exported.count / seconds}


_FLOOR: list[Any] = []


def _floor_init(identity: str) -> None:
    _FLOOR[:] = [age.parse_identity(identity)]


def _floor_ping(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _floor_chunk(items: list[bytes]) -> int:
    """Decrypt and check the device signature; nothing else (a failure raises)."""
    for sealed in items:
        records.open_sealed(sealed, _FLOOR)
    return len(items)


def phase_floor(org_home: Path, paths: list[Path], label: str) -> dict[str, float]:
    v = Vault.open(org_home, PASS)
    try:
        identity = organizer.require(v).age_identity
        campaign = Device(v).require_campaign()
    finally:
        v.close()
    sealed: list[bytes] = []
    for path in paths:  # untimed: the floor is decryption and signature checks only
        bf = batch.read(path, campaign)
        try:
            sealed += [body for _, body in bf.sealed()]
        finally:
            bf.close()
    chunks = [sealed[i : i + CHUNK] for i in range(0, len(sealed), CHUNK)]
    with ProcessPoolExecutor(
        WORKERS,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_floor_init,
        initargs=(identity,),
    ) as pool:
        list(pool.map(_floor_ping, [0.3] * WORKERS))  # start every worker before timing
        t0 = time.perf_counter()
        done = sum(pool.map(_floor_chunk, chunks))
        seconds = time.perf_counter() - t0
    assert done == len(sealed)
    rate = done / seconds
    cpu_us = _cpu_seconds(resource.RUSAGE_CHILDREN) / done * 1e6
    emit(
        f"floor_{label}_cpu_us_per_record",
        cpu_us,
        "us",
        note="CPU time of the workers (reaped), start-up included",
    )
    emit(
        f"floor_{label}_records_per_s",
        rate,
        "records/s",
        n=done,
        seconds=round(seconds, 2),
        workers=WORKERS,
        recipient=RECIPIENT,
    )
    return {"rate": rate, "cpu_us": cpu_us}


def _emit_memory(after: int, total: int) -> None:
    workers = _pool_workers()
    peaks = [_status_kib(pid, "VmHWM") for pid in workers]
    emit(
        f"import_rss_peak_main_after_{after}_batches",
        _mib(_peak_kib()),
        "MiB",
        of=total,
        rss_now=_mib(_status_kib(os.getpid(), "VmRSS")),
        ru_maxrss=_mib(_ru_maxrss_kib(resource.RUSAGE_SELF)),
    )
    emit(
        f"import_rss_peak_workers_after_{after}_batches",
        _mib(sum(peaks)),
        "MiB",
        of=total,
        each=[_mib(p) for p in peaks],
        rss_now=[_mib(_status_kib(pid, "VmRSS")) for pid in workers],
    )


class _TimedStore(Store):
    """The intake's store, adding the time it takes to its owner's `db_cpu`."""

    def __init__(self, owner: _TimedIntake) -> None:
        super().__init__()
        self.owner = owner

    def signers(self, conn: Any, prepared: Any, batch_sha: str) -> None:
        t0 = time.thread_time()
        try:
            super().signers(conn, prepared, batch_sha)
        finally:
            self.owner.db_cpu += time.thread_time() - t0

    def void(self, conn: Any, r: Any, batch_sha: str) -> None:
        t0 = time.thread_time()
        try:
            super().void(conn, r, batch_sha)
        finally:
            self.owner.db_cpu += time.thread_time() - t0


class _TimedIntake(Intake):
    """Counts the importing thread's CPU time in the database work: storing, matching and
    committing (a commit encrypts and writes every page the batch changed)."""

    db_cpu = 0.0

    def __init__(self, vault: Vault, *, workers: int) -> None:
        super().__init__(vault, workers=workers)
        self.importer.store = _TimedStore(self)


def _timed_commits(v: Vault, intake: _TimedIntake) -> None:
    """Add the CPU time of every commit of `v` to `intake.db_cpu`."""
    transaction = v.transaction

    @contextlib.contextmanager
    def timed() -> Iterator[Any]:
        cm = transaction()
        conn = cm.__enter__()
        try:
            yield conn
        except BaseException as exc:
            if not cm.__exit__(type(exc), exc, exc.__traceback__):
                raise
        else:
            t0 = time.thread_time()
            cm.__exit__(None, None, None)
            intake.db_cpu += time.thread_time() - t0

    v.transaction = timed  # type: ignore[method-assign]


def phase_import(org_home: Path, paths: list[Path]) -> dict[str, float]:
    v = Vault.open(org_home, PASS)
    total = len(paths)
    samples = {max(1, total // 10), max(1, total // 2), total}
    tenth = max(1, total // 10)
    profile = cProfile.Profile() if PROFILE else None
    seconds: list[float] = []
    counts: list[int] = []
    try:
        cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
        unlock_peak = _reset_peak()
        emit("import_rss_peak_main_before", _mib(_peak_kib()), "MiB", unlock_peak=_mib(unlock_peak))
        intake = _TimedIntake(v, workers=WORKERS)
        _timed_commits(v, intake)
        with intake:
            last = time.perf_counter()

            def done(result: ImportResult) -> None:
                """Per batch: the time since the result before (the next is opened ahead)."""
                nonlocal last
                now = time.perf_counter()
                seconds.append(now - last)
                if result.status != "imported":
                    raise RuntimeError(f"{result.name}: {result.status}: {result.message}")
                counts.append(result.count)
                if len(counts) in samples:
                    _emit_memory(len(counts), total)
                last = time.perf_counter()  # leave the sampling out

            if profile is not None:
                profile.enable()
            main_before = time.thread_time()
            intake.import_files(paths, done=done)
            main_cpu = time.thread_time() - main_before
            if profile is not None:
                profile.disable()
        received = int(v.conn.execute("SELECT count(*) FROM signers").fetchone()[0])
    finally:
        v.close()
    importer_cpu = _cpu_seconds(resource.RUSAGE_SELF) - cpu_before
    workers_cpu = _cpu_seconds(resource.RUSAGE_CHILDREN)  # the pool has shut down by now
    if profile is not None:
        profile.dump_stats(PROFILE)
    assert received == sum(counts), (received, sum(counts))
    rate = sum(counts) / sum(seconds)
    first = sum(counts[:tenth]) / sum(seconds[:tenth])
    last = sum(counts[-tenth:]) / sum(seconds[-tenth:])
    extra = {"workers": WORKERS, "recipient": RECIPIENT}
    emit("import_records_per_s", rate, "records/s", n=sum(counts), batches=total, **extra)
    emit(f"import_first_{tenth}_batches_records_per_s", first, "records/s")
    emit(f"import_last_{tenth}_batches_records_per_s", last, "records/s")
    emit("import_seconds", sum(seconds), "s", n=sum(counts))
    n = sum(counts)
    emit(
        "import_cpu_us_per_record",
        (importer_cpu + workers_cpu) / n * 1e6,
        "us",
        importer=round(importer_cpu / n * 1e6),
        workers=round(workers_cpu / n * 1e6),
        note="CPU time of the importing process and of its workers (reaped), per record",
    )
    emit(
        "import_importer_cpu_us_per_record",
        importer_cpu / n * 1e6,
        "us",
        database=round(intake.db_cpu / n * 1e6),
        reading_and_checking=round((main_cpu - intake.db_cpu) / n * 1e6),
        pool_threads=round((importer_cpu - main_cpu) / n * 1e6),
        note="database: storing, matching and committing; reading_and_checking: the rest of "
        "the importing thread (reading and verifying batches, the order of records); "
        "pool_threads: sending records to the workers and taking their results",
    )
    # Small batches are committed several at a time, and `done` hears of them together:
    # the time of a commit is that of its first result (the others come within moments).
    commits: list[float] = []
    for gap in seconds:
        if commits and gap < 0.005:
            commits[-1] += gap
        else:
            commits.append(gap)
    extra_c = {"batches_per_commit": round(len(seconds) / len(commits), 2)}
    emit("import_commit_seconds_p50", statistics.median(commits), "s", **extra_c)
    emit("import_commit_seconds_max", max(commits), "s", **extra_c)
    emit(
        "import_rss_peak_largest_worker_reaped",
        _mib(_ru_maxrss_kib(resource.RUSAGE_CHILDREN)),  # the pool has shut down by now
        "MiB",
        note="ru_maxrss of RUSAGE_CHILDREN: includes the importer's RSS when it forked them",
    )
    return {"rate": rate, "importer_cpu_us": importer_cpu / n * 1e6}


# --- driver -------------------------------------------------------------------------


def main() -> None:
    if IMPORT_N % BATCHES or BATCHES % DEVICES:
        raise SystemExit("BENCH_IMPORT_N must divide by BENCH_BATCHES, and that by BENCH_DEVICES")
    base = Path(tempfile.mkdtemp(prefix="tomar-bench-", dir=os.environ.get("BENCH_DIR")))
    try:
        run(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run(base: Path) -> None:
    load_start = os.getloadavg()[0]
    t_setup = time.perf_counter()
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    ov = init_vault(base / "org", PASS)
    organizer.init(ov, "Bench organizer", RECIPIENT)
    organizer.backup(ov, base / "backup.age", "bench backup passphrase")
    _, package = organizer.create_campaign(ov, spec, without_shares=True)

    per_batch = IMPORT_N // BATCHES
    exporter = BenchDevice(base / "dev-export", package, "export")
    devices = [BenchDevice(base / f"dev-{d:02d}", package, f"device {d}") for d in range(DEVICES)]
    with Intake(ov) as intake:
        for dev in devices:
            cert, _ = intake.enroll(dev.device.enrollment_request(dev.label))
            dev.device.accept_certificate(cert)
    ov.close()

    jobs: list[tuple[object, list[GenTask]]] = []
    for start in range(0, EXPORT_N, 10_000):
        jobs.append((None, exporter.tasks(EXPORT_G + start, min(10_000, EXPORT_N - start))))
    g = 0
    for _ in range(BATCHES // DEVICES):  # batch 1 of every device, then batch 2, ...
        for dev in devices:
            jobs.append((dev, dev.tasks(g, per_batch)))
            g += per_batch
    out = base / "batches"
    out.mkdir()
    paths: list[Path] = []
    with ProcessPoolExecutor(
        WORKERS,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_gen_init,
        initargs=(package,),
    ) as pool:
        for key, rows in _grouped(pool, jobs):
            if isinstance(key, BenchDevice):
                key.insert(rows)
                paths.append(batch.export(key.device, out).path)
            else:
                exporter.insert(rows)
    for dev in [exporter, *devices]:
        dev.vault.close()
    emit(
        "setup_seconds",
        time.perf_counter() - t_setup,
        "s",
        records=EXPORT_N + IMPORT_N,
        batches=len(paths),
        devices=DEVICES,
    )

    export_dir = base / "export"
    export_dir.mkdir()
    isolated(phase_export, base / "dev-export", export_dir)
    before = isolated(phase_floor, base / "org", paths, "before")
    imported = isolated(phase_import, base / "org", paths)
    after = isolated(phase_floor, base / "org", paths, "after")
    floor = (before["rate"] + after["rate"]) / 2
    rate = imported["rate"]
    emit("floor_records_per_s", floor, "records/s", note="mean of the runs before and after")
    floor_cpu = (before["cpu_us"] + after["cpu_us"]) / 2
    importer_cpu = imported["importer_cpu_us"]
    # Upper bounds from measured CPU times, for an import whose workers did nothing but the
    # floor's work. With every core busy, the rate is cores / (floor + importer CPU per
    # record); the importer is one thread of work, so it can never pass 1 / its CPU time.
    for cores in sorted({WORKERS, 4, 8}):
        bound = min(cores / (floor_cpu + importer_cpu), 1 / importer_cpu) / (cores / floor_cpu)
        emit(
            f"import_vs_floor_bound_{cores}_cores",
            bound,
            "ratio",
            this_machine=cores == os.cpu_count(),
            note="the best ratio if the workers did only the floor's work (from CPU times)",
        )
    emit(
        "import_vs_floor",
        rate / floor,
        "ratio",
        goal=GOAL,
        meets_goal=rate / floor >= GOAL,
        load_avg_1m_start=round(load_start, 2),
        load_avg_1m_end=round(os.getloadavg()[0], 2),
        cpus=os.cpu_count(),
    )


if __name__ == "__main__":
    main()
