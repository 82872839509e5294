"""Honest syncs on a quiet server and on one under attack (127.0.0.1, default limits).

20 devices (threads in this process, each running the real `sync_device`) sync 5 times
at the same time, each time with one new batch (5 hybrid-sealed records with drawn
signatures); saving the records is not timed, the sync (export, receipts check, upload)
is. This runs once against a quiet server and once, with 20 other devices and a fresh
store, while a separate attacker process (127.0.0.2-5) keeps

- 256 connections open that never send a full request line (reopened when dropped),
- 8 slow uploads with a copied certificate and device key but no secret (reopened),
- 1,000 requests signed by unknown keys, from 4 addresses, paced over the run.

One JSON line per figure: honest sync p50/p99 (ms) per run and their ratio, batches
stored exactly once, the server's peak RSS (VmHWM), and what the attacker got back.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

DEVICES = int(os.environ.get("BENCH_DEVICES", "20"))
ROUNDS = int(os.environ.get("BENCH_BATCHES", "5"))
PER_BATCH = int(os.environ.get("BENCH_RECORDS", "5"))
IDLE = 256
SLOW = 8
STRANGERS = 1000
PASS = "bench passphrase"


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    row = {"bench": "server_attack", "name": name, "value": round(value, 3), "unit": unit}
    print(json.dumps({**row, **extra}), flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- the attacker (a separate process: python bench/server_attack.py attack SPEC) --------


async def _idle(port: int, i: int, stop: asyncio.Event, seen: Counter[str]) -> None:
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=("127.0.0.2", 0)
            )
        except OSError:
            seen["idle_refused"] += 1
            await asyncio.sleep(0.2)
            continue
        seen["idle_opened"] += 1
        if i % 2:
            writer.write(b"GET /v1/he")
        stopper = asyncio.ensure_future(stop.wait())
        reading = asyncio.ensure_future(reader.read())
        await asyncio.wait({stopper, reading}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if reading.done():
            seen["idle_closed_by_server"] += 1
            reading.exception()  # a reset is the expected answer; retrieved, not raised
        else:
            reading.cancel()
        writer.close()
        await asyncio.sleep(0.2)


async def _slow(port: int, spec: dict[str, str], stop: asyncio.Event, seen: Counter[str]) -> None:
    from tomar.sync.auth import RequestSigner

    while not stop.is_set():
        sha = os.urandom(32).hex()
        path = f"/v1/batches/{sha}"
        headers = RequestSigner.from_seed(os.urandom(32), spec["campaign"]).headers(
            "PUT", path, sha
        )
        headers["tomar-key"] = spec["key"]  # the victim's key and certificate
        headers["tomar-certificate"] = spec["cert"]
        head = f"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {10 * 1024 * 1024}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        try:
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=("127.0.0.3", 0)
            )
            writer.write(head.encode())
            seen["slow_started"] += 1
            while not stop.is_set() and not reader.at_eof():
                writer.write(b"x")
                try:
                    answer = await asyncio.wait_for(reader.read(4096), 0.5)
                except TimeoutError:
                    continue
                if answer.startswith(b"HTTP/1.1 "):
                    seen[f"slow_{answer.split(b' ')[1].decode()}"] += 1
                if not answer:
                    break
            writer.close()
        except OSError:
            seen["slow_dropped"] += 1
        await asyncio.sleep(0.2)


async def _strangers(
    port: int, source: str, spec: dict[str, str], stop: asyncio.Event, seen: Counter[str]
) -> None:
    from tomar.sync.auth import RequestSigner

    for i in range(STRANGERS // 4):  # all of them, even after the honest side is done
        path = "/v1/receipts" if i % 2 else "/v1/batches"
        headers = RequestSigner.from_seed(os.urandom(32), spec["campaign"]).headers("GET", path)
        if i % 3 == 0:  # claims the organizer's key: the signature is checked, and fails
            headers["tomar-key"] = spec["organizer"]
        text = f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        text += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        try:
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=(source, 0)
            )
            writer.write(text.encode())
            answer = await asyncio.wait_for(reader.read(), 10)
            writer.close()
            seen[f"stranger_{answer.split(b' ')[1].decode() if answer else 'closed'}"] += 1
        except (OSError, TimeoutError):
            seen["stranger_dropped"] += 1
        await asyncio.sleep(0.01)


async def _attack(port: int, spec: dict[str, str]) -> Counter[str]:
    stop = asyncio.Event()
    seen: Counter[str] = Counter()
    loop = asyncio.get_running_loop()
    loop.add_reader(sys.stdin.fileno(), stop.set)  # the bench closes stdin: stop
    idle = [asyncio.ensure_future(_idle(port, i, stop, seen)) for i in range(IDLE)]
    slow = [asyncio.ensure_future(_slow(port, spec, stop, seen)) for _ in range(SLOW)]
    await asyncio.sleep(1.0)
    print("ready", flush=True)
    strangers = [
        asyncio.ensure_future(_strangers(port, f"127.0.0.{n}", spec, stop, seen))
        for n in (2, 3, 4, 5)
    ]
    await stop.wait()
    await asyncio.gather(*strangers, return_exceptions=True)
    for task in idle + slow:
        task.cancel()
    await asyncio.gather(*idle, *slow, return_exceptions=True)
    return seen


def attacker_main(port: int, spec_file: str) -> None:
    spec = json.loads(Path(spec_file).read_text())
    seen = asyncio.run(_attack(port, spec))
    print(json.dumps(dict(seen)), flush=True)


# --- the honest side -------------------------------------------------------------------


def start_server(store: Path, campaign_file: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    args = ["serve", "--store", str(store), "--campaign", str(campaign_file)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tomar", *args, "--port", str(port)],
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


def main() -> None:
    from tomar.core import enroll, keyfile, organizer
    from tomar.core.campaign import read_package
    from tomar.core.device import META_CERTIFICATE, Device, init_vault
    from tomar.core.records import SignatureForm
    from tomar.demo import signature as demo_signature
    from tomar.resources import resource_path
    from tomar.sync import client

    # Set-up only: fast Argon2id for the throwaway vaults.
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    base = Path(tempfile.mkdtemp(prefix="tomar-bench-attack-", dir=os.environ.get("BENCH_DIR")))
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    ov = init_vault(base / "org", PASS)
    ident = organizer.init(ov, "Bench organizer", "hybrid")
    organizer.backup(ov, base / "backup.age", "bench backup passphrase")
    campaign, package = organizer.create_campaign(ov, spec)
    ov.close()
    campaign_file = base / "campaign.tomar-campaign"
    campaign_file.write_bytes(package)
    campaign = read_package(package)
    sig = demo_signature()

    def make_devices(tag: str) -> list[Device]:
        out = []
        for i in range(DEVICES):
            d = Device(init_vault(base / f"{tag}{i}", PASS))
            d.import_campaign(package)
            d.start_event("Bench rally")
            cert = enroll.issue_certificate(ident, campaign, d.identity.public, f"{tag}{i}")
            d.accept_certificate(cert)
            out.append(d)
        return out

    def save_round(devices: list[Device], r: int) -> None:
        for i, d in enumerate(devices):
            for k in range(PER_BATCH):
                fields = {
                    "full_name": f"Bench Signer {i}-{r}-{k}",
                    "email": f"s{i}-{r}-{k}-{os.urandom(2).hex()}@example.org",
                    "city": "Washington",
                }
                d.save(SignatureForm(fields=fields, lang="en", consent=True, signature=sig))

    def timed_sync(d: Device, url: str) -> tuple[float, client.SyncResult]:
        t0 = time.perf_counter()
        result = client.sync_device(d, url)
        return time.perf_counter() - t0, result

    def run(tag: str, attacked: bool) -> list[float]:
        devices = make_devices(tag)
        proc, url = start_server(base / f"store-{tag}", campaign_file)
        attacker = None
        try:
            if attacked:
                victim = devices[0]
                cert = victim.vault.get_meta(META_CERTIFICATE) or b""
                spec_file = base / "attack.json"
                spec_file.write_text(
                    json.dumps(
                        {
                            "campaign": campaign.id,
                            "organizer": base64.b64encode(campaign.signing_key.raw).decode(),
                            "key": victim.identity.public_b64,
                            "cert": base64.b64encode(cert).decode(),
                        }
                    )
                )
                port = url.rsplit(":", 1)[1]
                attacker = subprocess.Popen(
                    [sys.executable, __file__, "attack", port, str(spec_file)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                )
                assert attacker.stdout is not None
                if attacker.stdout.readline().strip() != b"ready":
                    raise SystemExit("the attacker did not start")
            times: list[float] = []
            errors: list[str] = []
            for r in range(ROUNDS):
                save_round(devices, r)  # not timed
                with ThreadPoolExecutor(DEVICES) as pool:
                    done = list(pool.map(lambda d: timed_sync(d, url), devices))
                times += [t for t, _ in done]
                errors += [e for _, res in done for e in res.errors]
                if any(res.uploaded != 1 for _, res in done):
                    errors.append(f"round {r}: {[res.uploaded for _, res in done]}")
            rss = peak_rss_mib(proc.pid)
            if attacker is not None:
                assert attacker.stdin is not None and attacker.stdout is not None
                attacker.stdin.close()
                got = json.loads(attacker.stdout.readline() or b"{}")
                attacker.wait(30)
                for name, count in sorted(got.items()):
                    emit(f"attacker_{name}", count, "count")
        finally:
            if attacker is not None and attacker.poll() is None:
                attacker.kill()
            proc.send_signal(signal.SIGTERM)
            proc.wait(10)
        expected = {
            str(sha)
            for d in devices
            for (sha,) in d.vault.conn.execute("SELECT sha256 FROM batches")
        }
        stored = [
            p.name.split(".")[0] for p in (base / f"store-{tag}" / "batches").glob("*.tomar-batch")
        ]
        exactly_once = len(stored) == len(set(stored)) == len(expected) and set(stored) == expected
        extra = {"run": tag, "syncs": len(times), "errors": errors[:3]}
        emit(f"{tag}_sync_p50", percentile(times, 0.5) * 1000, "ms", **extra)
        emit(f"{tag}_sync_p99", percentile(times, 0.99) * 1000, "ms", **extra)
        emit(
            f"{tag}_batches_stored_exactly_once",
            float(exactly_once),
            "bool",
            batches=len(stored),
            expected=len(expected),
        )
        emit(f"{tag}_server_peak_rss", rss, "MiB")
        for d in devices:
            d.vault.close()
        return times

    quiet = run("quiet", attacked=False)
    attacked = run("attacked", attacked=True)
    for q in (0.5, 0.99):
        ratio = percentile(attacked, q) / percentile(quiet, q)
        emit(f"ratio_p{int(q * 100)}", ratio, "x", goal="< 2")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "attack":
        attacker_main(int(sys.argv[2]), sys.argv[3])
    else:
        main()
