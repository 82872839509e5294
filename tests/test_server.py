"""The collection server, run for real on 127.0.0.1 in a subprocess: the round trip, and
every kind of request it must refuse (unsigned, wrongly signed, stale, replayed, oversized,
malformed, path traversal, strangers, other devices' data)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tomar.core import batch, enroll, receipts, vault
from tomar.core.campaign import Campaign
from tomar.core.device import Device
from tomar.core.errors import CampaignError
from tomar.core.intake import Intake
from tomar.sync import auth, client
from tomar.sync.auth import H_CERTIFICATE, RequestSigner
from tomar.sync.errors import SyncError
from tomar.sync.http import PinError, ServerTarget

from .conftest import PASS, form
from .synckit import (
    FAST_RETRY,
    Org,
    ServerProcess,
    close_all,
    device,
    free_port,
    make_batches,
    organizer,
    self_signed,
)


@dataclass
class World:
    base: Path
    org: Org
    server: ServerProcess
    alice: Device  # enrolled
    bob: Device  # enrolled
    stranger: Device  # not enrolled

    @property
    def url(self) -> str:
        return self.server.url

    def signer(self, d: Device) -> RequestSigner:
        return RequestSigner.from_seed(d.identity.raw_private(), self.org.campaign.id)

    @property
    def org_signer(self) -> RequestSigner:
        return RequestSigner.from_seed(
            self.org.ident.signing.raw_private_bytes(), self.org.campaign.id
        )


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    base = tmp_path_factory.mktemp("server")
    org = organizer(base)
    alice = device(base, org, "alice")
    bob = device(base, org, "bob")
    stranger = device(base, org, "stranger", enrolled=False)
    server = ServerProcess(base / "store", org.campaign_file, "--rate", "5000", "--burst", "5000")
    try:
        server.start()
        yield World(base, org, server, alice, bob, stranger)
    finally:
        server.stop()
        close_all(alice, bob, stranger)
        org.vault.close()


def signed(
    w: World,
    who: RequestSigner,
    method: str,
    path: str,
    body: bytes = b"",
    extra: dict[str, str] | None = None,
) -> httpx.Response:
    headers = who.headers(method, path, hashlib.sha256(body).hexdigest())
    headers.update(extra or {})
    return httpx.request(method, w.url + path, content=body, headers=headers, timeout=10)


def cert_header(d: Device) -> dict[str, str]:
    from tomar.core.device import META_CERTIFICATE

    cert = d.vault.get_meta(META_CERTIFICATE)
    assert cert is not None
    return {H_CERTIFICATE: base64.b64encode(cert).decode()}


def assert_error(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    doc = response.json()
    assert doc["status"] == status and isinstance(doc["error"], str) and doc["error"]


# --- the round trip ---------------------------------------------------------------


def test_round_trip_device_organizer_receipts_purge(world: World) -> None:
    d = world.alice
    for i in range(3):
        d.save(form(f"Round Trip {i}", email=f"rt{i}@example.org"))
    stages: list[str] = []
    first = client.sync_device(
        d, world.url, retry=FAST_RETRY, progress=lambda s, a, b: stages.append(s)
    )
    assert first.ok, first.errors
    assert (first.exported, first.uploaded, first.already, first.pending) == (3, 1, 0, 1)
    assert {"export", "upload"} <= set(stages)
    again = client.sync_device(d, world.url, retry=FAST_RETRY)
    assert (again.uploaded, again.already) == (0, 1)  # known to the server: not sent again

    with Intake(world.org.vault) as intake:
        pulled = client.pull(intake, world.url, retry=FAST_RETRY)
        assert pulled.ok, pulled.errors
        assert [r.status for r in pulled.imports] == ["imported"]
        assert pulled.receipts_sent == 1
        assert intake.stats()["received"] >= 3
        repeat = client.pull(intake, world.url, retry=FAST_RETRY)
        assert (repeat.downloaded, repeat.receipts_sent) == (0, 0)

    done = client.sync_device(d, world.url, retry=FAST_RETRY)
    assert done.ok and done.receipts_applied == 1 and done.records_accepted == 3
    assert done.pending == 0 and done.last_success is not None
    assert d.purge(PASS) == 3
    assert d.counts()["total"] == 0


def test_cli_sync_and_pull(world: World, tmp_path: Path) -> None:
    """The commands, on vaults closed by this process, against the same server."""
    home = world.base / "cli-dev"
    cli_dev = device(world.base, world.org, "cli-dev")
    cli_dev.save(form("Cli Person", email="cli@example.org"))
    cli_dev.vault.close()
    env = {**os.environ, "TOMAR_PASSPHRASE": PASS}

    def tomar(h: Path, *args: str) -> dict[str, object]:
        out = subprocess.run(
            [sys.executable, "-m", "tomar", "--home", str(h), *args, "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert out.returncode == 0, out.stderr
        doc = json.loads(out.stdout)
        assert isinstance(doc, dict)
        return doc

    sent = tomar(home, "sync", "--to", world.url, "--remember")
    assert sent["uploaded"] == 1 and sent["ok"] is True
    org_home = world.org.vault.home
    world.org.vault.close()
    try:
        pulled = tomar(org_home, "pull", "--from", world.url)
        assert pulled["downloaded"] == 1 and pulled["receipts_sent"] == 1
    finally:
        world.org.vault = vault.Vault.open(org_home, PASS)
    back = tomar(home, "sync")  # the remembered target
    assert back["receipts_applied"] == 1 and back["target"] == world.url


# --- refusals ---------------------------------------------------------------------


def test_health_needs_no_key_but_everything_else_does(world: World) -> None:
    health = httpx.get(world.url + "/v1/health", timeout=5).json()
    assert health["campaign"] == world.org.campaign.id
    for method, path in (
        ("GET", "/v1/batches"),
        ("GET", "/v1/receipts"),
        ("GET", "/v1/batches/" + "a" * 64),
        ("PUT", "/v1/batches/" + "a" * 64),
        ("POST", "/v1/receipts"),
    ):
        assert_error(httpx.request(method, world.url + path, content=b"x", timeout=5), 401)


def test_wrongly_signed_stale_and_replayed_requests(world: World) -> None:
    path = "/v1/batches"
    org = world.org_signer
    assert signed(world, org, "GET", path).status_code == 200

    # The organizer's key in the header, signed by another key.
    forger = RequestSigner.from_seed(os.urandom(32), world.org.campaign.id)
    headers = forger.headers("GET", path)
    headers["tomar-key"] = base64.b64encode(org.public).decode()
    assert_error(httpx.get(world.url + path, headers=headers, timeout=5), 401)

    # A genuine signature moved to another path, or for another campaign.
    moved = org.headers("GET", "/v1/receipts")
    assert_error(httpx.get(world.url + path, headers=moved, timeout=5), 401)
    other = RequestSigner(org.private, "another-campaign").headers("GET", path)
    assert_error(httpx.get(world.url + path, headers=other, timeout=5), 401)

    # Replayed: the same headers twice.
    once = org.headers("GET", path)
    assert httpx.get(world.url + path, headers=once, timeout=5).status_code == 200
    assert_error(httpx.get(world.url + path, headers=once, timeout=5), 401)

    # Stale: honestly signed, ten minutes ago.
    when, nonce, key = int(time.time()) - 600, os.urandom(16).hex(), once["tomar-key"]
    msg = auth.message(world.org.campaign.id, "GET", path, when, nonce, key, auth.EMPTY_SHA256)
    old = {**once, "tomar-time": str(when), "tomar-nonce": nonce}
    old["tomar-signature"] = base64.b64encode(org.private.sign(msg)).decode()
    assert_error(httpx.get(world.url + path, headers=old, timeout=5), 401)

    # Malformed headers.
    bad = org.headers("GET", path)
    bad["tomar-signature"] = "not base64!"
    assert_error(httpx.get(world.url + path, headers=bad, timeout=5), 401)


def test_roles_devices_cannot_list_or_download_and_only_see_their_receipts(
    world: World,
) -> None:
    alice = world.signer(world.alice)
    assert_error(signed(world, alice, "GET", "/v1/batches", extra=cert_header(world.alice)), 403)
    assert_error(
        signed(world, alice, "GET", "/v1/batches/" + "0" * 64, extra=cert_header(world.alice)), 403
    )
    # A device cannot post a receipt, and the organizer cannot upload a batch.
    assert_error(signed(world, alice, "POST", "/v1/receipts", b"{}"), 403)
    org_put = signed(world, world.org_signer, "PUT", "/v1/batches/" + "0" * 64, b"x")
    assert_error(org_put, 403)
    # Not enrolled: no certificate, and none seen in an upload.
    stranger = world.signer(world.stranger)
    assert_error(signed(world, stranger, "GET", "/v1/receipts"), 403)
    # Someone else's certificate.
    assert_error(signed(world, stranger, "GET", "/v1/receipts", extra=cert_header(world.bob)), 403)

    # Bob syncs one batch, the organizer answers; Alice cannot fetch Bob's receipt.
    world.bob.save(form("Bob Signer", email="bob-signer@example.org"))
    assert client.sync_device(world.bob, world.url, retry=FAST_RETRY).ok
    with Intake(world.org.vault) as intake:
        assert client.pull(intake, world.url, retry=FAST_RETRY).receipts_sent >= 1
    listing = signed(world, world.signer(world.bob), "GET", "/v1/receipts").json()
    sha = listing["receipts"][0]["batch_sha256"]
    assert sha in listing["stored"]
    assert signed(world, world.signer(world.bob), "GET", f"/v1/receipts/{sha}").status_code == 200
    assert_error(
        signed(world, alice, "GET", f"/v1/receipts/{sha}", extra=cert_header(world.alice)), 404
    )
    organizer_view = signed(world, world.org_signer, "GET", "/v1/receipts").json()
    assert any(r["batch_sha256"] == sha for r in organizer_view["receipts"])


def test_uploads_that_are_not_genuine_enrolled_batches(world: World, tmp_path: Path) -> None:
    alice, hdr = world.signer(world.alice), cert_header(world.alice)
    junk = b"PK\x03\x04 this is no batch"
    sha = hashlib.sha256(junk).hexdigest()
    assert_error(signed(world, alice, "PUT", f"/v1/batches/{sha}", junk, extra=hdr), 400)
    # Name and content disagree: signed over the content, the signature does not cover
    # the name (refused before the body is read); signed over the name, the bytes differ.
    assert_error(signed(world, alice, "PUT", "/v1/batches/" + "1" * 64, junk, extra=hdr), 401)
    path = "/v1/batches/" + "1" * 64
    over_name = {**alice.headers("PUT", path, "1" * 64), **hdr}
    assert_error(httpx.put(world.url + path, content=junk, headers=over_name, timeout=10), 400)
    # Not a hex name.
    assert_error(signed(world, alice, "PUT", "/v1/batches/NOTHEX", junk, extra=hdr), 400)

    # A real batch of Bob's, uploaded by Alice.
    (bob_batch,) = make_batches(world.bob, tmp_path / "b", 1)
    bob_sha = hashlib.sha256(bob_batch).hexdigest()
    assert_error(signed(world, alice, "PUT", f"/v1/batches/{bob_sha}", bob_batch, extra=hdr), 403)

    # A stranger, even with a (public) certificate of Alice's: the key does not match.
    (s_batch,) = make_batches(world.stranger, tmp_path / "s", 1)
    s_sha = hashlib.sha256(s_batch).hexdigest()
    stranger = world.signer(world.stranger)
    assert_error(signed(world, stranger, "PUT", f"/v1/batches/{s_sha}", s_batch, extra=hdr), 403)
    assert_error(signed(world, stranger, "PUT", f"/v1/batches/{s_sha}", s_batch), 403)
    # ... and the sync function says so in plain words, before sending anything.
    with pytest.raises(SyncError, match="not enrolled"):
        client.sync_device(world.stranger, world.url, retry=FAST_RETRY)

    # A certificate forged by someone else than the organizer.
    forged = enroll.issue_certificate(
        type(world.org.ident).generate("Forger", "x25519"),
        world.org.campaign,
        world.stranger.identity.public,
        "forged",
    )
    bad = {H_CERTIFICATE: base64.b64encode(forged).decode()}
    assert_error(signed(world, stranger, "PUT", f"/v1/batches/{s_sha}", s_batch, extra=bad), 403)
    assert not any(p.name.startswith(s_sha) for p in (world.server.store / "batches").iterdir())


def test_batch_exported_before_enrollment_is_refused_in_plain_words(
    world: World, tmp_path: Path
) -> None:
    late = device(world.base, world.org, "late", enrolled=False)
    try:
        late.save(form("Early Signer", email="early@example.org"))
        batch.export(late, tmp_path)  # batch 1 carries no certificate
        cert = enroll.issue_certificate(
            world.org.ident, world.org.campaign, late.identity.public, "late"
        )
        late.accept_certificate(cert)
        result = client.sync_device(late, world.url, retry=FAST_RETRY)
        assert not result.ok
        assert any("USB" in e and "Batch 1" in e for e in result.errors), result.errors
    finally:
        late.vault.close()


def test_same_batch_number_with_other_content_is_a_conflict(world: World, tmp_path: Path) -> None:
    twin = device(world.base, world.org, "twin")
    home = twin.vault.home
    twin.vault.close()
    shutil.copytree(home, tmp_path / "twin-copy")
    one, two = Device(vault.Vault.open(home, PASS)), None
    try:
        two = Device(vault.Vault.open(tmp_path / "twin-copy", PASS))
        (first,) = make_batches(one, tmp_path / "1", 1)
        (second,) = make_batches(two, tmp_path / "2", 1)
        assert first != second
        signer, hdr = world.signer(one), cert_header(one)
        sha1, sha2 = hashlib.sha256(first).hexdigest(), hashlib.sha256(second).hexdigest()
        assert (
            signed(world, signer, "PUT", f"/v1/batches/{sha1}", first, extra=hdr).status_code == 201
        )
        assert (
            signed(world, signer, "PUT", f"/v1/batches/{sha1}", first, extra=hdr).status_code == 200
        )
        assert_error(signed(world, signer, "PUT", f"/v1/batches/{sha2}", second, extra=hdr), 409)
    finally:
        close_all(one, *([two] if two else []))


def test_path_traversal_never_reaches_the_file_system(world: World) -> None:
    org = world.org_signer
    for path in (
        "/v1/batches/..%2F..%2Fstore.json",
        "/v1/batches/%2e%2e",
        "/v1/receipts/..%2fstore.json",
        "/v1/batches/" + "A" * 64,
        "/v1/batches/" + "a" * 63 + "/",
    ):
        response = signed(world, org, "GET", path)
        assert response.status_code in (400, 404), path
        assert "campaign" not in response.text
    # Dot segments sent raw (httpx would normalize them away).
    with socket.create_connection(("127.0.0.1", world.server.port), timeout=5) as s:
        s.sendall(b"GET /v1/batches/../../store.json HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = s.recv(4096)
    assert reply.split(b" ")[1] in (b"400", b"401", b"404")
    assert b"campaign" not in reply


def test_malformed_receipt_and_unknown_routes(world: World) -> None:
    org = world.org_signer
    assert_error(signed(world, org, "POST", "/v1/receipts", b"not json"), 400)
    # A receipt signed by someone else than the organizer.
    fake = receipts.make(
        type(world.org.ident).generate("Forger", "x25519"),
        world.org.campaign,
        device=world.alice.identity.public_b64,
        batch=1,
        batch_sha256="0" * 64,
        manifest_sha256="0" * 64,
        accepted=[],
        rejected={},
    )
    assert_error(signed(world, org, "POST", "/v1/receipts", fake), 400)
    assert_error(httpx.get(world.url + "/nothing", timeout=5), 404)
    assert_error(httpx.delete(world.url + "/v1/batches", timeout=5), 405)


# --- limits (a second server with tight limits) ---------------------------------


def test_oversized_and_too_many_requests(world: World, tmp_path: Path) -> None:
    tight = ServerProcess(
        tmp_path / "store",
        world.org.campaign_file,
        "--max-upload-mb",
        "0.01",
        "--rate",
        "2",
        "--burst",
        "4",
    )
    try:
        tight.start()
        (big,) = make_batches(world.alice, tmp_path / "big", 1, per=8)
        assert len(big) > 0.01 * 1024 * 1024
        sha = hashlib.sha256(big).hexdigest()
        signer = world.signer(world.alice)
        headers = signer.headers("PUT", f"/v1/batches/{sha}", sha)
        headers.update(cert_header(world.alice))
        r = httpx.put(f"{tight.url}/v1/batches/{sha}", content=big, headers=headers, timeout=10)
        assert_error(r, 413)
        statuses = [httpx.get(f"{tight.url}/v1/health", timeout=5) for _ in range(8)]
        limited = [r for r in statuses if r.status_code == 429]
        assert limited, [r.status_code for r in statuses]
        assert_error(limited[0], 429)
        assert int(limited[0].headers["retry-after"]) >= 1
    finally:
        tight.stop()


# --- TLS with a pinned certificate ------------------------------------------------


def test_tls_with_pinned_certificate_from_the_campaign(tmp_path: Path) -> None:
    cert, key, pin = self_signed(tmp_path)
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    org = organizer(tmp_path, sync_url=url, server_cert_sha256=pin.upper())
    assert org.campaign.sync_url == url and org.campaign.server_cert_sha256 == pin
    d = device(tmp_path, org, "pinned")
    server = ServerProcess(
        tmp_path / "store", org.campaign_file, "--tls-cert", str(cert), "--tls-key", str(key)
    )
    server.port = port
    try:
        server.start()
        d.save(form("Tls Person", email="tls@example.org"))
        result = client.sync_device(d, retry=FAST_RETRY)  # target and pin from the campaign
        assert result.ok and result.uploaded == 1, result.errors
        # The same server under another pin: refused before any request is sent.
        wrong = Campaign({**org.campaign.doc, "server_cert_sha256": "ab" * 32})
        signer = RequestSigner.from_seed(d.identity.raw_private(), org.campaign.id)
        target = ServerTarget(url, wrong, signer, retry=FAST_RETRY)
        with pytest.raises(PinError, match="pinned"):
            target.health()
        target.close()
        # Without a pin, a self-signed certificate fails ordinary CA verification.
        unpinned = Campaign(
            {k: v for k, v in org.campaign.doc.items() if k != "server_cert_sha256"}
        )
        plain = ServerTarget(url, unpinned, signer, retry=FAST_RETRY)
        with pytest.raises(SyncError):
            plain.health()
        plain.close()
    finally:
        server.stop()
        d.vault.close()
        org.vault.close()


def test_campaign_sync_keys_are_optional_and_checked(spec_text: str, tmp_path: Path) -> None:
    from tomar.core import organizer as core_organizer
    from tomar.demo import package as demo_package

    from .conftest import make_organizer

    assert Campaign(demo_package_doc(demo_package())).sync_url is None  # old packages stay valid
    v, _, _ = make_organizer(tmp_path / "o", spec_text)
    try:
        with pytest.raises(CampaignError, match="sync_url"):
            core_organizer.create_campaign(
                v, 'sync_url = "ftp://x"\n' + spec_text, without_shares=True
            )
        with pytest.raises(CampaignError, match="server_cert_sha256"):
            core_organizer.create_campaign(
                v, 'server_cert_sha256 = "12"\n' + spec_text, without_shares=True
            )
    finally:
        v.close()


def demo_package_doc(package: bytes) -> dict[str, object]:
    from tomar.core.campaign import read_package

    doc = read_package(package).doc
    assert "sync_url" not in doc and "server_cert_sha256" not in doc
    return doc


def test_core_and_sync_client_do_not_import_the_server_framework() -> None:
    code = (
        "import sys, pkgutil, importlib, tomar.core\n"
        "for m in pkgutil.iter_modules(tomar.core.__path__):\n"
        "    importlib.import_module('tomar.core.' + m.name)\n"
        "bad = [m for m in ('starlette', 'uvicorn', 'httpx', 'anyio') if m in sys.modules]\n"
        "import tomar.sync.client\n"
        "bad += [m for m in ('starlette', 'uvicorn') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "[]"
