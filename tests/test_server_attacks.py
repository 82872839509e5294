"""The three cheap attacks of issue 15, run for real on loopback while honest devices sync
and the organizer pulls: header-less connections, slow uploads with a copied certificate,
and requests signed by strangers' keys. Attackers use other loopback addresses
(127.0.0.2-5), honest clients 127.0.0.1, as a rally's devices and a stranger would.
Every test stops by itself within a bounded time.
"""

from __future__ import annotations

import base64
import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn

from tomar.core.device import META_CERTIFICATE, Device
from tomar.core.intake import Intake
from tomar.server.app import ServerConfig, create_app, uvicorn_config
from tomar.server.store import Store
from tomar.sync import client
from tomar.sync.auth import H_CERTIFICATE, RequestSigner

from .conftest import form
from .synckit import FAST_RETRY, Org, ServerProcess, close_all, device, free_port, organizer


def connect_from(source: str, port: int) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(5)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def closed_by_server(s: socket.socket, within: float) -> bool:
    """True if the server closed (or reset) this connection within `within` seconds."""
    s.settimeout(within)
    try:
        while s.recv(4096):
            pass
    except TimeoutError:
        return False
    except OSError:
        return True
    return True


def honest_round(org: Org, devices: list[Device], url: str, seconds: float) -> list[str]:
    """Every device saves, syncs; the organizer pulls; devices fetch their receipts.

    Returns the problems seen (none on success); gives up after `seconds` in all.
    """
    for i, d in enumerate(devices):
        d.save(form(f"Honest Signer {i}", email=f"h{i}-{os.urandom(3).hex()}@example.org"))
    stop = threading.Event()
    problems: list[str] = []

    def run() -> None:
        with ThreadPoolExecutor(len(devices)) as pool:
            sent = list(
                pool.map(
                    lambda d: client.sync_device(d, url, retry=FAST_RETRY, cancel=stop), devices
                )
            )
        problems.extend(e for r in sent for e in r.errors)
        if any(r.cancelled or r.uploaded != 1 for r in sent):
            problems.append(f"uploads: {[(r.uploaded, r.cancelled) for r in sent]}")
            return
        with Intake(org.vault) as intake:
            pulled = client.pull(intake, url, retry=FAST_RETRY, cancel=stop)
        problems.extend(pulled.errors)
        if pulled.downloaded != len(devices) or pulled.receipts_sent < len(devices):
            problems.append(f"pull: {pulled.downloaded} batches, {pulled.receipts_sent} receipts")
            return
        for d in devices:
            back = client.sync_device(d, url, retry=FAST_RETRY, cancel=stop)
            if not back.ok or back.receipts_applied != 1:
                problems.append(f"receipts: {back.errors or back.receipts_applied}")

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        stop.set()
        worker.join(120)
        problems.append(f"the honest round did not finish within {seconds} s")
    return problems


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Org, list[Device]]]:
    org = organizer(tmp_path)
    devices = [device(tmp_path, org, f"h{i}") for i in range(3)]
    try:
        yield org, devices
    finally:
        close_all(*devices)
        org.vault.close()


# --- 1. connections that never finish their headers -------------------------------------


def test_header_less_connections_do_not_lock_out_devices(
    tmp_path: Path, people: tuple[Org, list[Device]]
) -> None:
    org, devices = people
    server = ServerProcess(tmp_path / "store", org.campaign_file)  # default limits
    idle: list[socket.socket] = []
    try:
        server.start()
        for i in range(256):  # half send half a request line, half send nothing at all
            s = connect_from("127.0.0.2", server.port)
            if i % 2:
                s.sendall(b"GET /v1/he")
            idle.append(s)
        time.sleep(0.3)
        assert honest_round(org, devices, server.url, 60) == []
        # The attacker's address got only its share of connections, and none outlives
        # the header deadline (10 s).
        started = time.monotonic()
        assert all(closed_by_server(s, max(0.1, 15 - (time.monotonic() - started))) for s in idle)
        assert time.monotonic() - started < 15
    finally:
        for s in idle:
            s.close()
        server.stop()


# --- 2. slow uploads with a copied certificate and no secret -------------------------------


def _slow_put(
    source: str,
    port: int,
    victim: Device,
    signer: RequestSigner | None,
    size: int = 10 * 1024 * 1024,
) -> socket.socket:
    """A PUT that claims `size` bytes and sends 4; signed by `signer` or not at all."""
    sha = os.urandom(32).hex()
    path = f"/v1/batches/{sha}"
    campaign = victim.require_campaign().id
    if signer is None:  # the victim's public key and certificate, a random signature
        headers = RequestSigner.from_seed(os.urandom(32), campaign).headers("PUT", path, sha)
        headers["tomar-key"] = victim.identity.public_b64
    else:
        headers = signer.headers("PUT", path, sha)
    cert = victim.vault.get_meta(META_CERTIFICATE)
    assert cert is not None
    headers[H_CERTIFICATE] = base64.b64encode(cert).decode()
    head = f"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    s = connect_from(source, port)
    s.sendall(head.encode() + b"PK\x03\x04")
    return s


def _status(s: socket.socket, within: float) -> int:
    s.settimeout(within)
    try:
        head = s.recv(4096)
    except TimeoutError:
        return 0
    return int(head.split(b" ")[1]) if head.startswith(b"HTTP/1.1 ") else -1


def test_slow_uploads_with_a_copied_certificate_hold_nothing(
    tmp_path: Path, people: tuple[Org, list[Device]]
) -> None:
    org, devices = people
    victim = devices[0]
    server = ServerProcess(tmp_path / "store", org.campaign_file)
    slow: list[socket.socket] = []
    stop = threading.Event()
    try:
        server.start()
        slow = [_slow_put("127.0.0.3", server.port, victim, None) for _ in range(8)]

        def trickle() -> None:
            while not stop.wait(0.5):
                for s in slow:
                    with contextlib.suppress(OSError):
                        s.sendall(b"x")

        dripping = threading.Thread(target=trickle)
        dripping.start()
        # The victim itself is one of the honest devices: its budget is untouched.
        assert honest_round(org, devices, server.url, 60) == []
        stop.set()
        dripping.join(10)
        # Every forged upload was refused from its headers (401), and its connection
        # dropped within the drain deadline (5 s) although bytes kept coming.
        assert [_status(s, 5) for s in slow] == [401] * 8
        assert all(closed_by_server(s, 8) for s in slow)
        assert not any((server.store / "tmp").iterdir())

        # A seized device (its real key) holds one upload slot at most: a second
        # concurrent upload of the same device is turned away, other devices go on.
        signer = RequestSigner.from_seed(victim.identity.raw_private(), org.campaign.id)
        first = _slow_put("127.0.0.4", server.port, victim, signer)
        time.sleep(0.3)
        second = _slow_put("127.0.0.4", server.port, victim, signer)
        assert _status(second, 5) == 429
        assert _status(first, 0.5) == 0  # still streaming: it is the device's own slot
        first.close()
        second.close()
        assert honest_round(org, devices[1:], server.url, 60) == []
    finally:
        stop.set()
        for s in slow:
            s.close()
        server.stop()


# --- 3. the replay cache filled by strangers -------------------------------------------


class InProcessServer:
    """The real app and protocol under Uvicorn in a thread, to look at its replay cache."""

    def __init__(self, store: Path, org: Org, config: ServerConfig) -> None:
        self.app = create_app(Store(store, org.campaign), config)
        self.port = free_port()
        self.server = uvicorn.Server(
            uvicorn_config(self.app, "127.0.0.1", self.port, config=config)
        )
        self.thread = threading.Thread(target=self.server.run)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> InProcessServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.server.started
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(20)


def test_strangers_never_enter_the_replay_cache(
    tmp_path: Path, people: tuple[Org, list[Device]]
) -> None:
    org, devices = people
    campaign = org.campaign.id
    organizer_b64 = base64.b64encode(org.campaign.signing_key.raw).decode()
    with InProcessServer(tmp_path / "store", org, ServerConfig()) as srv:
        statuses: list[int] = []
        stop = threading.Event()

        def stranger(source: str) -> None:
            transport = httpx.HTTPTransport(local_address=source)
            with httpx.Client(transport=transport, timeout=10) as c:
                for i in range(250):
                    if stop.is_set():
                        return
                    who = RequestSigner.from_seed(os.urandom(32), campaign)
                    path = "/v1/receipts" if i % 2 else "/v1/batches"
                    headers = who.headers("GET", path)
                    if i % 3 == 0:  # claims to be the organizer, signed by another key
                        headers["tomar-key"] = organizer_b64
                    statuses.append(c.get(srv.url + path, headers=headers).status_code)

        with ThreadPoolExecutor(4) as pool:
            attacks = [pool.submit(stranger, f"127.0.0.{n}") for n in (2, 3, 4, 5)]
            problems = honest_round(org, devices, srv.url, 90)
            for a in attacks:
                a.result(timeout=120)
        stop.set()
        assert problems == []
        assert len(statuses) == 1000
        assert set(statuses) <= {401, 403, 429}, set(statuses)
        assert 401 in statuses and 403 in statuses
        nonces = srv.app.state.service.nonces
        honest = {org.campaign.signing_key.raw} | {d.identity.public for d in devices}
        assert nonces.keys() <= honest  # only verified keys ever enter it
        assert 0 < nonces.size() < 200

        # Signed requests from one address give their token back: 150 organizer requests
        # at once pass although the address budget for keyless requests is 60.
        org_signer = RequestSigner.from_seed(org.ident.signing.raw_private_bytes(), campaign)
        with httpx.Client(timeout=10) as c:
            answers = [
                c.get(srv.url + "/v1/batches", headers=org_signer.headers("GET", "/v1/batches"))
                for _ in range(150)
            ]
        assert {r.status_code for r in answers} == {200}

        # One honest device over its own bound is refused (429) without touching others.
        tight = ServerConfig(nonces_per_device=12, device_burst=1000)
        with InProcessServer(tmp_path / "store2", org, tight) as small:
            d = devices[0]
            signer = RequestSigner.from_seed(d.identity.raw_private(), campaign)
            cert = {
                H_CERTIFICATE: base64.b64encode(d.vault.get_meta(META_CERTIFICATE) or b"").decode()
            }
            codes = [
                httpx.get(
                    small.url + "/v1/receipts",
                    headers={**signer.headers("GET", "/v1/receipts"), **cert},
                    timeout=5,
                ).status_code
                for _ in range(14)
            ]
            assert codes == [200] * 12 + [429] * 2
            assert honest_round(org, devices[1:], small.url, 60) == []


# --- the clients: a stalled or bloated answer cannot hang a sync or a pull -----------------


class _Trickler:
    """A loopback 'server' that answers every connection with `head` then one byte per
    0.2 s, for at most 20 s (it stops by itself)."""

    def __init__(self, head: bytes) -> None:
        self.head = head
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(self.head)
                while not self.stop.wait(0.2):
                    conn.sendall(b"x")
            except OSError:
                pass

    def _run(self) -> None:
        ends = time.monotonic() + 20
        while not self.stop.is_set() and time.monotonic() < ends:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()
        self.stop.set()
        self.sock.close()


def test_clients_give_up_on_trickling_or_oversized_answers(
    people: tuple[Org, list[Device]],
) -> None:
    from tomar.sync.errors import SyncError
    from tomar.sync.http import RetryPolicy, ServerTarget

    org, devices = people
    signer = RequestSigner.from_seed(devices[0].identity.raw_private(), org.campaign.id)
    slow = _Trickler(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{")
    huge = _Trickler(b"HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n")
    try:
        for server, words in ((slow, "did not answer in time"), (huge, "larger answer")):
            target = ServerTarget(
                f"http://127.0.0.1:{server.port}",
                org.campaign,
                signer,
                retry=RetryPolicy(attempts=2, base=0.1, cap=0.1),
                timeout=2.0,
                deadline_floor=1.0,
            )
            outcome: list[BaseException] = []

            def fetch(t: ServerTarget = target, out: list[BaseException] = outcome) -> None:
                try:
                    t.status_for(devices[0].identity.public, {"a" * 64: 1})
                except BaseException as exc:  # handed to the test thread
                    out.append(exc)

            worker = threading.Thread(target=fetch)
            t0 = time.monotonic()
            worker.start()
            worker.join(15)
            assert not worker.is_alive(), "the client hung on a trickling answer"
            assert time.monotonic() - t0 < 15
            assert len(outcome) == 1 and isinstance(outcome[0], SyncError), outcome
            assert words in str(outcome[0])
            target.close()
    finally:
        slow.stop.set()
        huge.stop.set()
        slow.thread.join(5)
        huge.thread.join(5)


def test_a_refused_upload_body_is_drained_then_the_connection_serves_again(
    tmp_path: Path, people: tuple[Org, list[Device]]
) -> None:
    """An early refusal must not cost an honest client its keep-alive connection once the
    rest of the body has arrived, nor let a trickler keep it (see the slow-upload test)."""
    org, devices = people
    server = ServerProcess(tmp_path / "store", org.campaign_file)
    try:
        server.start()
        s = _slow_put("127.0.0.1", server.port, devices[0], None, size=512 * 1024)
        assert _status(s, 5) == 401
        rest = 512 * 1024 - 4
        s.sendall(b"\0" * rest)  # the rest of the refused body, at once
        get = b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
        time.sleep(6)  # longer than the drain deadline: the body is over, so it no longer applies
        s.sendall(get)
        s.settimeout(5)
        seen = b""
        while b"HTTP/1.1 200" not in seen:  # after what is left of the 401 answer
            more = s.recv(65536)
            assert more, "the server closed the connection"
            seen += more
        s.close()
    finally:
        server.stop()


def test_a_hostile_servers_words_are_shown_bounded_and_its_codes_only_when_safe(
    people: tuple[Org, list[Device]],
) -> None:
    """A server names one of our codes: said in the volunteer's words only when the code
    needs no arguments (a code that needs them cannot fill them from a stranger); its own
    sentence is printable and bounded; nothing else reaches the person."""
    import json

    from tomar.core.errors import E
    from tomar.sync.errors import SyncError
    from tomar.sync.http import RetryPolicy, ServerTarget

    org, devices = people
    signer = RequestSigner.from_seed(devices[0].identity.raw_private(), org.campaign.id)
    shouting = "\x1b[31mSEND YOUR KEY\u202e" + "A" * 5_000
    cases = [
        ({"error": "x", "code": E.KEYFILE_WRONG_PASSPHRASE.value}, E.KEYFILE_WRONG_PASSPHRASE),
        ({"error": shouting, "code": E.INTAKE_RECORD_PROBLEM.value}, E.SYNC_SERVER_SAID),
        ({"error": shouting, "code": "no.such_code"}, E.SYNC_SERVER_SAID),
        ({"code": E.INTAKE_RECORD_PROBLEM.value}, E.SYNC_SERVER_ANSWERED),
    ]
    for doc, expected in cases:
        body = json.dumps(doc).encode()
        server = _Trickler(
            b"HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        target = ServerTarget(
            f"http://127.0.0.1:{server.port}",
            org.campaign,
            signer,
            retry=RetryPolicy(attempts=1, base=0.1, cap=0.1),
            timeout=5.0,
            deadline_floor=1.0,
        )
        try:
            with pytest.raises(SyncError) as caught:
                target.status_for(devices[0].identity.public, {"a" * 64: 1})
        finally:
            target.close()
            server.stop.set()
            server.thread.join(5)
        said = str(caught.value)
        assert len(said) < 600 and "\x1b" not in said and "\u202e" not in said, said
        assert caught.value.code is expected, (doc, caught.value.code)
