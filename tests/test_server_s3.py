"""Two `tomar serve` instances on one SeaweedFS bucket, one of them killed with SIGKILL in
the middle of uploads and restarted: every batch is stored exactly once, no partial
object is ever visible, and every receipt reaches its device."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core import batch
from tomar.core.device import Device
from tomar.core.intake import Intake
from tomar.sync import client
from tomar.sync.http import RetryPolicy

from .conftest import form
from .seaweed import Seaweed
from .seaweed import client as s3_client
from .synckit import Org, ServerProcess, close_all, device, organizer

DEVICES = 20
ROUNDS = 5  # batches per device
PATIENT = RetryPolicy(attempts=20, base=0.1, cap=1.0)
KEY = re.compile(r"^c/batches/([0-9a-f]{64})/([0-9]{10})\.([0-9a-f]{64})\.tomar-batch$")


@pytest.fixture
def two(
    seaweed: Seaweed, tmp_path: Path
) -> Iterator[tuple[Org, str, list[ServerProcess], list[Device]]]:
    bucket = seaweed.new_bucket()
    org = organizer(tmp_path)
    servers = [
        ServerProcess(
            tmp_path / f"unused-{i}",
            org.campaign_file,
            "--rate",
            "5000",
            "--burst",
            "5000",
            # Each instance spools uploads under its own TMPDIR, so the test sees them.
            env={**seaweed.env(), "TMPDIR": str(tmp_path / f"spool-{i}")},
            store_spec=f"s3://{bucket}/c",
        )
        for i in range(2)
    ]
    for i in range(2):
        (tmp_path / f"spool-{i}").mkdir()
    devices: list[Device] = []
    try:
        for s in servers:
            s.start(timeout=60)
        devices = [device(tmp_path, org, f"d{i}") for i in range(DEVICES)]
        yield org, bucket, servers, devices
    finally:
        for s in servers:
            s.stop()
        close_all(*devices)
        org.vault.close()


class Watcher(threading.Thread):
    """Lists the bucket over and over and reads every batch object it sees once: each
    must hash to the name in its key (a partial object would not)."""

    def __init__(self, seaweed: Seaweed, bucket: str) -> None:
        super().__init__(daemon=True)
        self.s3 = s3_client(seaweed)
        self.bucket = bucket
        self.seen: dict[str, str] = {}
        self.bad: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.sweep()
            self.stop.wait(0.2)

    def sweep(self) -> None:
        pages = self.s3.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix="c/batches/"
        )
        for page in pages:
            for obj in page.get("Contents", []):
                key = obj["Key"]
                if key in self.seen:
                    continue
                m = KEY.match(key)
                data = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
                if m is None or hashlib.sha256(data).hexdigest() != m.group(3):
                    self.bad.append(key)
                self.seen[key] = m.group(3) if m else ""


def test_two_instances_one_killed_mid_upload_every_batch_once_every_receipt_delivered(
    seaweed: Seaweed, two: tuple[Org, str, list[ServerProcess], list[Device]]
) -> None:
    org, bucket, servers, devices = two
    urls = [s.url for s in servers]
    watcher = Watcher(seaweed, bucket)
    watcher.start()
    problems: list[str] = []
    synced = [0]
    failed_syncs: list[int] = []
    lock = threading.Lock()

    def volunteer(i: int, d: Device) -> None:
        for r in range(ROUNDS):
            d.save(form(f"Signer {i}-{r}", email=f"s{i}-{r}@example.org"))
            target = urls[(i + r) % 2]
            for _attempt in range(10):  # the volunteer presses Sync again until it works
                result = client.sync_device(d, target, retry=PATIENT)
                if result.ok:
                    break
                with lock:
                    failed_syncs.append(i)
                target = urls[(i + r + 1) % 2]  # ... or tries the other address
                time.sleep(0.2)
            else:
                problems.append(f"device {i} round {r}: {result.errors}")
            with lock:
                synced[0] += 1

    threads = [threading.Thread(target=volunteer, args=(i, d)) for i, d in enumerate(devices)]
    started = time.monotonic()
    for t in threads:
        t.start()
    # Kill instance 0 while it holds an upload (a spool file exists), then bring it back.
    spool = servers[0].env["TMPDIR"]
    caught = False
    while synced[0] < DEVICES and time.monotonic() - started < 120:
        time.sleep(0.02)
    while not caught and time.monotonic() - started < 120:
        caught = any(Path(spool).glob("tomar-upload-*/upload-*"))
        if caught:
            servers[0].kill()
    assert caught, "instance 0 was never seen receiving an upload"
    killed_at = synced[0]
    left = set(Path(spool).glob("tomar-upload-*"))
    assert len(left) == 1  # the dead instance's spool folder, with the upload it held
    time.sleep(1.0)
    servers[0].start(timeout=60)
    assert not any(p.exists() for p in left)  # the restarted instance swept it
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "devices did not finish in 5 minutes"
    assert not problems, problems
    assert killed_at < DEVICES * ROUNDS  # the kill came in the middle of the uploads
    print(f"killed after {killed_at} syncs; {len(failed_syncs)} syncs had to be pressed again")

    watcher.stop.set()
    watcher.join(30)
    watcher.sweep()
    assert not watcher.bad, watcher.bad
    # Every batch exactly once: one object per device and number, numbers 1..5 each.
    numbers: dict[str, list[int]] = {}
    for key in watcher.seen:
        m = KEY.match(key)
        assert m is not None
        numbers.setdefault(m.group(1), []).append(int(m.group(2)))
    assert len(watcher.seen) == DEVICES * ROUNDS
    assert {dev: sorted(n) for dev, n in numbers.items()} == {
        d.identity.public.hex(): list(range(1, ROUNDS + 1)) for d in devices
    }

    # The organizer pulls through the instance that was never killed.
    with Intake(org.vault) as intake:
        pulled = client.pull(intake, urls[1], retry=PATIENT)
        assert pulled.ok, pulled.errors
        assert pulled.downloaded == DEVICES * ROUNDS
        assert [r.status for r in pulled.imports] == ["imported"] * (DEVICES * ROUNDS)
        assert pulled.receipts_sent == DEVICES * ROUNDS
        assert intake.stats()["received"] == DEVICES * ROUNDS

    # Every receipt reaches its device, through the instance that was killed.
    for d in devices:
        done = client.sync_device(d, urls[0], retry=PATIENT)
        assert done.ok, done.errors
        assert (done.receipts_applied, done.records_accepted, done.pending) == (ROUNDS, ROUNDS, 0)
    # Each stored batch is a whole, verifiable batch of this campaign.
    s3 = watcher.s3
    for key in list(watcher.seen)[:5]:
        data = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        batch.read(data, org.campaign).close()
