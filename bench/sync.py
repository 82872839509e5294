"""Uploads to the collection server on 127.0.0.1; prints one JSON line per figure.

For 1, 5 and 20 devices syncing at the same time (threads, each running the real
`sync_device`: signed requests, retries, receipts check), batches per second, MB per
second and the server process's peak RSS (VmHWM). Each level gets a fresh server and
store. Set-up (organizer, enrolled devices, sealed records, batches) is not timed.
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

from tomar.core import batch, enroll, keyfile, organizer
from tomar.core.campaign import read_package
from tomar.core.device import Device, init_vault
from tomar.core.records import SignatureForm
from tomar.demo import signature as demo_signature
from tomar.resources import resource_path
from tomar.sync import client

LEVELS = [int(x) for x in os.environ.get("BENCH_LEVELS", "1,5,20").split(",")]
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


def start_server(store: Path, campaign_file: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tomar",
            "serve",
            "--store",
            str(store),
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

    for level in LEVELS:
        proc, url = start_server(base / f"store-{level}", campaign_file)
        try:
            group = devices[:level]
            t0 = time.perf_counter()
            with ThreadPoolExecutor(level) as pool:
                results = list(pool.map(client.sync_device, group, [url] * level))
            elapsed = time.perf_counter() - t0
            rss = peak_rss_mib(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(10)
        failed = [e for r in results for e in r.errors]
        if failed:
            raise SystemExit(f"sync failed: {failed[:3]}")
        uploaded = sum(r.uploaded for r in results)
        nbytes = sum(sizes[i] for i in range(level))
        extra = {"devices": level, "batches": uploaded, "records_per_batch": PER_BATCH}
        emit(f"batches_per_s_{level}_devices", uploaded / elapsed, "batches/s", **extra)
        emit(f"mb_per_s_{level}_devices", nbytes / elapsed / 1e6, "MB/s", **extra)
        emit(f"server_peak_rss_{level}_devices", rss, "MiB", **extra)
    for d in devices:
        d.vault.close()


if __name__ == "__main__":
    main()
