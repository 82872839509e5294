"""The collection server under load and under SIGKILL, run for real on 127.0.0.1.

20 devices upload 10 batches each at the same time; then the server is killed in the
middle of uploads (and of one deliberately unfinished upload) and restarted: every batch
ends up stored exactly once, each verifies, nothing partial is visible, and the clients'
retries finish the job.
"""

from __future__ import annotations

import base64
import hashlib
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tomar.core import batch
from tomar.core.device import META_CERTIFICATE, Device
from tomar.core.intake import Intake
from tomar.sync import client
from tomar.sync.auth import H_CERTIFICATE, RequestSigner

from .synckit import (
    FAST_RETRY,
    ServerProcess,
    close_all,
    device,
    make_batches,
    organizer,
)


def stored(store: Path) -> dict[str, Path]:
    return {p.name[: -len(batch.SUFFIX)]: p for p in (store / "batches").glob(f"*{batch.SUFFIX}")}


def test_twenty_devices_ten_batches_each_concurrently(tmp_path: Path) -> None:
    org = organizer(tmp_path)
    devices = [device(tmp_path, org, f"d{i:02d}") for i in range(20)]
    server = ServerProcess(
        tmp_path / "store", org.campaign_file, "--rate", "5000", "--burst", "5000"
    )
    try:
        expected: set[str] = set()
        for i, d in enumerate(devices):
            for data in make_batches(d, tmp_path / "scratch" / str(i), 10, per=1):
                expected.add(hashlib.sha256(data).hexdigest())
        server.start()
        with ThreadPoolExecutor(20) as pool:
            results = list(
                pool.map(lambda d: client.sync_device(d, server.url, retry=FAST_RETRY), devices)
            )
        assert all(r.ok for r in results), [r.errors for r in results if not r.ok]
        assert sum(r.uploaded for r in results) == 200
        assert set(stored(server.store)) == expected
        assert not any((server.store / "tmp").iterdir())

        with Intake(org.vault) as intake:
            pulled = client.pull(intake, server.url, retry=FAST_RETRY)
            assert pulled.ok, pulled.errors
            assert pulled.downloaded == 200 and pulled.receipts_sent == 200
            assert intake.stats()["received"] == 200
        with ThreadPoolExecutor(20) as pool:
            back = list(
                pool.map(lambda d: client.sync_device(d, server.url, retry=FAST_RETRY), devices)
            )
        assert all(r.ok and r.receipts_applied == 10 and r.pending == 0 for r in back)
    finally:
        server.stop()
        close_all(*devices)
        org.vault.close()


def _start_partial_upload(server: ServerProcess, d: Device, data: bytes) -> socket.socket:
    """A genuine, signed upload whose body stops halfway: the server is streaming it."""
    sha = hashlib.sha256(data).hexdigest()
    path = f"/v1/batches/{sha}"
    headers = RequestSigner.from_seed(d.identity.raw_private(), d.require_campaign().id).headers(
        "PUT", path, sha
    )
    cert = d.vault.get_meta(META_CERTIFICATE)
    assert cert is not None
    headers[H_CERTIFICATE] = base64.b64encode(cert).decode()
    head = f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(data)}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    s.sendall(head.encode() + data[: len(data) // 2])
    return s


def test_sigkill_during_uploads_then_restart(tmp_path: Path) -> None:
    org = organizer(tmp_path)
    devices = [device(tmp_path, org, f"k{i}") for i in range(6)]
    server = ServerProcess(
        tmp_path / "store", org.campaign_file, "--rate", "5000", "--burst", "5000"
    )
    partial: socket.socket | None = None
    stop = threading.Event()
    threads: list[threading.Thread] = []
    try:
        expected: dict[str, bytes] = {}
        owner: dict[str, Device] = {}
        for i, d in enumerate(devices):
            for data in make_batches(d, tmp_path / "scratch" / str(i), 10, per=2):
                expected[hashlib.sha256(data).hexdigest()] = data
                owner[hashlib.sha256(data).hexdigest()] = d
        server.start()
        store = server.store
        # One upload left unfinished on purpose: the server is streaming it into tmp/.
        sha = next(iter(expected))
        partial = _start_partial_upload(server, owner[sha], expected[sha])
        deadline = time.monotonic() + 10
        while not any((store / "tmp").iterdir()) and time.monotonic() < deadline:
            time.sleep(0.002)
        assert any((store / "tmp").iterdir())

        results: list[client.SyncResult] = []

        def pace(stage: str, done: int, total: int) -> None:
            if stage == "upload":  # keep uploads spread out, so the kills land among them
                time.sleep(0.03)

        def run(d: Device) -> None:
            results.append(
                client.sync_device(d, server.url, retry=FAST_RETRY, progress=pace, cancel=stop)
            )

        threads = [threading.Thread(target=run, args=(d,)) for d in devices]
        for t in threads:
            t.start()
        restarts: list[float] = []
        for target in (8, 30):
            deadline = time.monotonic() + 30
            while len(stored(store)) < target and time.monotonic() < deadline:
                time.sleep(0.002)
            server.kill()
            cut_short = set((store / "tmp").iterdir())  # uploads the kill interrupted
            if target == 8:  # the deliberate partial upload, at least
                assert cut_short, "no upload was in flight at the kill"
            assert len(stored(store)) < len(expected), "uploads finished before the kill"
            time.sleep(0.3)
            t0 = time.monotonic()
            server.start()
            restarts.append(time.monotonic() - t0)
            assert not cut_short & set((store / "tmp").iterdir()), "a partial upload survived"
        t0 = time.monotonic()
        for t in threads:
            t.join(60)
        assert max(restarts) < 20 and time.monotonic() - t0 < 60
        assert len(results) == len(devices)
        assert all(r.ok for r in results), [r.errors for r in results if not r.ok]

        on_disk = stored(store)
        assert set(on_disk) == set(expected)  # every batch exactly once, nothing else
        for sha, path in on_disk.items():
            assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
            bf = batch.read(path, org.campaign)  # re-verifies signature and every hash
            bf.close()
        assert len(list((store / "batches").glob("*.json"))) == len(expected)
        assert not list((store / "tmp").iterdir())
        with Intake(org.vault) as intake:
            pulled = client.pull(intake, server.url, retry=FAST_RETRY)
            assert pulled.ok and pulled.downloaded == len(expected)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
        if partial is not None:
            partial.close()
        server.stop()
        close_all(*devices)
        org.vault.close()
