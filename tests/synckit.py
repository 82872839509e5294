"""Helpers for the sync and server tests (no tests here): a real server in a subprocess,
an organizer, and enrolled devices with batches built quickly through the core."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tomar.core import batch, enroll, vault
from tomar.core.campaign import Campaign, read_package
from tomar.core.device import Device, init_vault
from tomar.core.identity import OrganizerIdentity
from tomar.resources import resource_path
from tomar.sync.http import RetryPolicy

from .conftest import PASS, form, make_organizer

FAST_RETRY = RetryPolicy(attempts=12, base=0.1, cap=2.0)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """`tomar serve` on 127.0.0.1 in a subprocess; always stop it in a finalizer."""

    def __init__(
        self,
        store: Path,
        campaign_file: Path,
        *extra: str,
        port: int = 0,
        env: dict[str, str] | None = None,
        store_spec: str | None = None,
    ) -> None:
        self.store = store
        self.store_spec = store_spec or str(store)  # a folder, or s3://BUCKET/PREFIX
        self.env = env or {}
        self.campaign_file = campaign_file
        self.extra = list(extra)
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.scheme = "https" if "--tls-cert" in extra else "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> ServerProcess:
        env = {**os.environ, **self.env}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tomar",
                "serve",
                "--store",
                self.store_spec,
                "--campaign",
                str(self.campaign_file),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                *self.extra,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"server exited: {err}")
            try:
                # Readiness only; the TLS tests check the certificate through the pin.
                r = httpx.get(f"{self.url}/v1/health", timeout=1.0, verify=False)  # noqa: S501
                if r.status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("server did not become ready")

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, like a power cut of the process."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.proc is not None and self.proc.stderr is not None:
            self.proc.stderr.close()

    def peak_rss_kib(self) -> int:
        assert self.proc is not None
        text = Path(f"/proc/{self.proc.pid}/status").read_text()
        for line in text.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


@dataclass
class Org:
    vault: vault.Vault
    ident: OrganizerIdentity
    package: bytes
    campaign: Campaign
    campaign_file: Path


def organizer(base: Path, spec: str | None = None, **extra: str) -> Org:
    spec = spec or resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    for key, value in extra.items():
        spec = f'{key} = "{value}"\n' + spec
    v, ident, package = make_organizer(base / "organizer", spec)
    path = base / "campaign.tomar-campaign"
    path.write_bytes(package)
    return Org(v, ident, package, read_package(package), path)


def device(base: Path, org: Org, name: str, *, enrolled: bool = True) -> Device:
    d = Device(init_vault(base / name, PASS))
    d.import_campaign(org.package)
    d.start_event("Rally", "Washington")
    if enrolled:
        cert = enroll.issue_certificate(org.ident, org.campaign, d.identity.public, name)
        d.accept_certificate(cert)
    return d


def make_batches(d: Device, scratch: Path, batches: int, per: int = 2) -> list[bytes]:
    """Export `batches` batches of `per` records each; return their exact bytes."""
    scratch.mkdir(parents=True, exist_ok=True)
    out = []
    for b in range(batches):
        for r in range(per):
            d.save(form(f"Signer {b}-{r}", email=f"s{b}-{r}-{os.urandom(3).hex()}@example.org"))
        done = batch.export(d, scratch)
        out.append(done.path.read_bytes())
        done.path.unlink()
    return out


def close_all(*devices: Device) -> None:
    for d in devices:
        with contextlib.suppress(Exception):
            d.vault.close()


def self_signed(folder: Path) -> tuple[Path, Path, str]:
    """A self-signed TLS certificate for 127.0.0.1 and its key in `folder`: (cert, key, pin)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tomar test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    pin = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    return cert_path, key_path, pin
