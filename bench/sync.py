"""Uploads to the collection server on 127.0.0.1; prints one JSON line per figure.

For 1, 5 and 20 devices syncing at the same time (threads, each running the real
`sync_device`: signed requests, retries, receipts check), batches per second, MB per
second and the server processes' peak RSS (VmHWM), for each store in BENCH_STORES:
`folder` (one server, folder store), `s3` (one server on a SeaweedFS bucket) and `s3x2`
(two servers on one bucket, devices spread over both). SeaweedFS (`weed server -s3`)
runs on loopback on the same machine. Each level gets fresh servers and a fresh store.
Set-up (organizer, enrolled devices, sealed records, batches) is not timed.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.seaweed

from tests import seaweed

from tomar.core import batch, enroll, keyfile, organizer
from tomar.core.campaign import read_package
from tomar.core.device import Device, init_vault
from tomar.core.records import SignatureForm
from tomar.demo import signature as demo_signature
from tomar.resources import resource_path
from tomar.sync import client

LEVELS = [int(x) for x in os.environ.get("BENCH_LEVELS", "1,5,20").split(",")]
STORES = os.environ.get("BENCH_STORES", "folder,s3,s3x2").split(",")
BATCHES = int(os.environ.get("BENCH_BATCHES", "10"))
PER_BATCH = int(os.environ.get("BENCH_RECORDS", "10"))
PASS = "bench passphrase"


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    print(
        json.dumps(
            {"bench": "sync", "name": name, "value": round(value, 3), "unit": unit, **extra}
        ),
        flush=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    store: str, campaign_file: Path, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tomar",
            "serve",
            "--store",
            store,
            "--campaign",
            str(campaign_file),
            "--port",
            str(port),
            "--rate",
            "100000",
            "--burst",
            "100000",
        ],
        stdout=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the server did not start")


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    # fast Argon2id: set-up only
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    base = Path(tempfile.mkdtemp(prefix="tomar-bench-sync-", dir=os.environ.get("BENCH_DIR")))
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    ov = init_vault(base / "org", PASS)
    ident = organizer.init(ov, "Bench organizer", os.environ.get("BENCH_RECIPIENT", "hybrid"))
    organizer.backup(ov, base / "backup.age", "bench backup passphrase")
    campaign, package = organizer.create_campaign(ov, spec, without_shares=True)
    ov.close()
    campaign_file = base / "campaign.tomar-campaign"
    campaign_file.write_bytes(package)
    campaign = read_package(package)

    sig = demo_signature()
    devices: list[Device] = []
    sizes: dict[int, int] = {}
    scratch = base / "scratch"
    scratch.mkdir()
    for i in range(max(LEVELS)):
        d = Device(init_vault(base / f"dev{i}", PASS))
        d.import_campaign(package)
        d.start_event("Bench rally")
        d.accept_certificate(enroll.issue_certificate(ident, campaign, d.identity.public, f"d{i}"))
        total = 0
        for b in range(BATCHES):
            for r in range(PER_BATCH):
                d.save(
                    SignatureForm(
                        fields={
                            "full_name": f"Bench Signer {i}-{b}-{r}",
                            "email": f"s{i}-{b}-{r}@example.org",
                            "city": "Washington",
                        },
                        lang="en",
                        consent=True,
                        signature=sig,
                    )
                )
            done = batch.export(d, scratch)
            total += done.path.stat().st_size
            done.path.unlink()
        sizes[i] = total
        devices.append(d)

    weed = None
    if any(s.startswith("s3") for s in STORES):
        weed = seaweed.start(base / "seaweed")
    try:
        for kind in STORES:
            for level in LEVELS:
                run_level(kind, level, base, campaign_file, devices, sizes, weed)
    finally:
        if weed is not None:
            weed.stop()
        for d in devices:
            d.vault.close()


def run_level(
    kind: str,
    level: int,
    base: Path,
    campaign_file: Path,
    devices: list[Device],
    sizes: dict[int, int],
    weed: seaweed.Seaweed | None,
) -> None:
    """One store kind, `level` devices at once, fresh servers and store."""
    if kind == "folder":
        specs, env = [str(base / f"store-{level}")], {}
    else:
        assert weed is not None
        bucket = weed.new_bucket()
        specs = [f"s3://{bucket}/bench"] * (2 if kind == "s3x2" else 1)
        env = weed.env()
    servers = [start_server(spec, campaign_file, env) for spec in specs]
    try:
        group = devices[:level]
        urls = [servers[i % len(servers)][1] for i in range(level)]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(level) as pool:
            results = list(pool.map(client.sync_device, group, urls))
        elapsed = time.perf_counter() - t0
        rss = max(peak_rss_mib(proc.pid) for proc, _ in servers)
    finally:
        for proc, _ in servers:
            proc.send_signal(signal.SIGTERM)
            proc.wait(10)
    failed = [e for r in results for e in r.errors]
    if failed:
        raise SystemExit(f"sync failed: {failed[:3]}")
    uploaded = sum(r.uploaded for r in results)
    nbytes = sum(sizes[i] for i in range(level))
    extra = {
        "store": kind,
        "servers": len(servers),
        "devices": level,
        "batches": uploaded,
        "records_per_batch": PER_BATCH,
    }
    tag = "" if kind == "folder" else f"_{kind}"
    emit(f"batches_per_s_{level}_devices{tag}", uploaded / elapsed, "batches/s", **extra)
    emit(f"mb_per_s_{level}_devices{tag}", nbytes / elapsed / 1e6, "MB/s", **extra)
    emit(f"server_peak_rss_{level}_devices{tag}", rss, "MiB", **extra)


if __name__ == "__main__":
    main()
