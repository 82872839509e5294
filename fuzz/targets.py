"""One fuzz target per reader of bytes from outside (issue 14).

Every target feeds its input to a reader and lets TomarError pass: anything else escaping
(a KeyError, a UnicodeEncodeError, a RecursionError...) is a finding, and becomes a
regression test. Several targets take a first "mode" byte, so that the fuzzer also
reaches the checks behind a signature: in those modes the target signs what it was given
with the fixed test keys below, as a hostile device (or a stolen organizer key) could.

The keys are fixed so that the committed seed corpus (made by `make_corpus.py` with the
project's own writers) matches the campaign the targets check against. They are test keys,
published here; they protect nothing.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from tomar.core import (
    age,
    batch,
    campaign,
    enroll,
    keyfile,
    minisign,
    receipts,
    records,
    recovery,
    signed,
    strokes,
)
from tomar.core.errors import TomarError
from tomar.core.identity import DeviceIdentity, OrganizerIdentity
from tomar.core.ziputil import write_zip
from tomar.resources import resource_path

BACKUP_PASSPHRASE = b"fuzz backup passphrase"
#: The real reader accepts work factors up to 22 (seconds per try); the targets stop at 12
#: so that the fuzzer spends its time on parsing, not on scrypt.
BACKUP_MAX_WORK_FACTOR = 12


def _seed(label: str) -> bytes:
    return hashlib.sha256(b"tomar-fuzz-" + label.encode()).digest()


@dataclass(frozen=True)
class Keys:
    organizer: OrganizerIdentity
    device: DeviceIdentity
    package: bytes

    @property
    def campaign(self) -> campaign.Campaign:
        return campaign.read_package(self.package)


@cache
def keys() -> Keys:
    """The fixed organizer and device of the fuzz campaign (the demo campaign's spec)."""
    age_key = age.X25519Identity(X25519PrivateKey.from_private_bytes(_seed("organizer-age")))
    signing = minisign.SecretKey.from_raw(_seed("organizer-signing"), _seed("key-id")[:8])
    ident = OrganizerIdentity(
        "Fuzz Organizer", "x25519", age_key.to_string(), signing, "2026-01-01T00:00:00.000000Z"
    )
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    doc = campaign.doc_from_spec(spec, ident)
    doc["created_at"] = "2026-01-01T00:00:00.000000Z"
    package = campaign.build_package(doc, ident)
    return Keys(ident, DeviceIdentity.from_raw(_seed("device")), package)


@cache
def _campaign() -> campaign.Campaign:
    return keys().campaign


@cache
def _age_identities() -> list[age.Identity]:
    return [keys().organizer.age, age.HybridIdentity.from_seed(_seed("hybrid"))]


def _mode(data: bytes) -> tuple[int, bytes]:
    return (data[0], data[1:]) if data else (0, b"")


def _json_dict(data: bytes) -> dict[str, Any] | None:
    """What a signer could sign: a dict `json.loads` makes of the input (if it makes one)."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


# --- targets ------------------------------------------------------------------------------


def fuzz_batch(data: bytes) -> None:
    bf = batch.read(data, _campaign())
    for _ in bf.sealed():
        pass
    assert bf.manifest_sha256
    bf.close()


def fuzz_manifest(data: bytes) -> None:
    """The input is a manifest that the device key really signed."""
    device = keys().device
    signature = device.minisign_key().sign(data, trusted_comment="tomar batch")
    buf = io.BytesIO()
    batch.write_batch(buf, iter([]), data, signature, None)
    batch.read(buf.getvalue(), _campaign()).close()


def fuzz_records(data: bytes) -> None:
    """Mode 0: a sealed record; 1: the envelope inside the encryption; 2: a record body the
    device really signed."""
    mode, rest = _mode(data)
    recipient = keys().organizer.age.recipient()
    if mode % 3 == 0:
        sealed = rest
    elif mode % 3 == 1:
        sealed = age.encrypt(rest, [recipient])
    else:
        sig = keys().device.sign(records.RECORD_LABEL, rest)
        envelope = b'{"record":' + rest + b',"sig":"' + base64.b64encode(sig) + b'"}'
        sealed = age.encrypt(envelope, [recipient])
    records.open_sealed(sealed, _age_identities())


def fuzz_strokes(data: bytes) -> None:
    """Also the delivery sheets' fast path: it takes what `decode` takes, and draws the
    same geometry."""
    box = (160.0, 36.0)
    try:
        fast = strokes.decode_paths(data, *box)
    except TomarError:
        fast = None
    try:
        strokes.validate(data)
    except TomarError:
        assert fast is None, "decode_paths took a drawing that validate refuses"
        raise
    drawing = strokes.decode(data)
    assert fast == (drawing.aspect, strokes.scaled_paths(drawing, *box))
    strokes.to_svg(drawing)
    strokes.ink_length(drawing)


def _signed_doc(data: bytes, kind: str, key: minisign.SecretKey) -> bytes | None:
    doc = _json_dict(data)
    return None if doc is None else signed.seal_doc(key, kind, doc)


def fuzz_receipt(data: bytes) -> None:
    """Mode 0: a receipt file; 1: a receipt document the organizer really signed."""
    mode, rest = _mode(data)
    if mode % 2:
        sealed = _signed_doc(rest, receipts.KIND, keys().organizer.signing)
        if sealed is None:
            return
        rest = sealed
    receipts.read(rest, _campaign())
    _folder_receipt(rest)


def _folder_receipt(data: bytes) -> None:
    """The organizer's pull reads planted receipts in a shared folder too."""
    from tomar.sync.folder import FolderTarget

    folder = _scratch() / "receipts"
    (folder / f"tomar-00000000-00001{receipts.SUFFIX}").write_bytes(data)
    FolderTarget(_scratch()).receipt_shas()


@cache
def _scratch() -> Path:
    path = Path(tempfile.mkdtemp(prefix="tomar-fuzz-"))
    (path / "batches").mkdir()
    (path / "receipts").mkdir()
    return path


def fuzz_enroll_request(data: bytes) -> None:
    """Mode 0: a request file; 1: a request document signed by the key it names."""
    mode, rest = _mode(data)
    if mode % 2:
        doc = _json_dict(rest)
        if doc is None:
            return
        device = keys().device
        doc["device"] = device.public_b64
        rest = signed.seal_doc(device.minisign_key(), enroll.REQUEST, doc)
    enroll.read_request(rest, _campaign())


def fuzz_certificate(data: bytes) -> None:
    """Mode 0: a certificate file; 1: a certificate document the organizer really signed."""
    mode, rest = _mode(data)
    if mode % 2:
        sealed = _signed_doc(rest, enroll.CERT, keys().organizer.signing)
        if sealed is None:
            return
        rest = sealed
    enroll.read_certificate(rest, _campaign())


def fuzz_campaign(data: bytes) -> None:
    """Mode 0: a package file; 1: a campaign.json the organizer really signed."""
    mode, rest = _mode(data)
    if mode % 2:
        sig = keys().organizer.signing.sign(rest, trusted_comment="tomar campaign")
        rest = write_zip([("campaign.json", rest), ("campaign.json.minisig", sig.encode())])
    found = campaign.read_package(rest)
    found.summary()
    assert found.revision >= 0 and found.recipient_key is not None


def fuzz_keyfile(data: bytes) -> None:
    path = _scratch() / "tomar.key"
    path.write_bytes(data)
    keyfile.read(path)


def fuzz_backup(data: bytes) -> None:
    """Mode 0: a key backup (age, passphrase); 1: the identity file inside it."""
    mode, rest = _mode(data)
    if mode % 2 == 0:
        identity = age.ScryptIdentity(BACKUP_PASSPHRASE, max_work_factor=BACKUP_MAX_WORK_FACTOR)
        rest = age.decrypt(rest, [identity], max_size=64 * 1024)
    OrganizerIdentity.from_identity_file(rest.decode("utf-8", "replace"))


@cache
def _header() -> bytes:
    """A genuine header for the organizer key, with a known file key hidden inside."""
    sealed = age.encrypt(b"", [keys().organizer.age.recipient()])
    return sealed[: sealed.index(b"\n", sealed.index(b"\n---")) + 1]


def fuzz_age(data: bytes) -> None:
    """Mode 0: a sealed file; 1: a payload behind a genuine header; 2: an identity file."""
    mode, rest = _mode(data)
    if mode % 3 == 0:
        age.decrypt(rest, _age_identities(), max_size=1 << 20)
    elif mode % 3 == 1:
        age.decrypt(_header() + rest, _age_identities(), max_size=1 << 20)
    else:
        age.parse_identity_file(rest.decode("utf-8", "replace"))


def fuzz_minisign(data: bytes) -> None:
    """Signature files, public key files and secret key files."""
    mode, rest = _mode(data)
    if mode % 3 == 0:
        minisign.verify(keys().organizer.signing.public_key(), b"tomar", rest)
    elif mode % 3 == 1:
        minisign.PublicKey.from_file_text(rest)
    else:
        minisign.SecretKey.from_minisign_file_text(rest)


def fuzz_recovery(data: bytes) -> None:
    lines = recovery.parse_share_lines(data.decode("utf-8", "replace"))
    for line in lines[:16]:
        recovery.share_info(line)
    recovery.combine(lines[:16])


@cache
def _client() -> Any:
    import warnings

    warnings.filterwarnings("ignore", message=".*httpx.*")
    from starlette.testclient import TestClient

    from tomar.server.app import ServerConfig, create_app
    from tomar.server.store import Store

    store = Store(_scratch() / "store", _campaign())
    app = create_app(store, ServerConfig(rate=1e9, burst=1_000_000_000))
    return TestClient(app, raise_server_exceptions=True)


_METHODS = ("GET", "PUT", "POST", "DELETE")
_PATHS = ("/v1/health", "/v1/batches", "/v1/receipts", "/v1/batches/", "/v1/receipts/")
_HEADERS = ("tomar-key", "tomar-time", "tomar-nonce", "tomar-signature", "tomar-certificate")


def fuzz_server(data: bytes) -> None:
    """A request of any shape: answered with a refusal, never an internal error."""
    mode, rest = _mode(data)
    parts = rest.split(b"\x00")
    method = _METHODS[mode % len(_METHODS)]
    path = _PATHS[(mode >> 2) % len(_PATHS)]
    if path.endswith("/") and parts:
        path += parts.pop(0).decode("latin-1")[:80].replace("?", "").replace("#", "")
    headers = [  # raw bytes, as a hostile client sends them (only line breaks are impossible)
        (name.encode(), value.replace(b"\r", b"").replace(b"\n", b""))
        for name, value in zip(_HEADERS, parts, strict=False)
    ]
    body = parts[len(_HEADERS)] if len(parts) > len(_HEADERS) else b""
    try:
        response = _client().request(method, path, headers=headers, content=body)
    except TomarError:
        raise
    except Exception as exc:
        if type(exc).__module__.startswith(("httpx", "h11")):
            return  # a request the client itself will not send
        raise
    assert response.status_code < 500, (response.status_code, response.text)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "batch": fuzz_batch,
    "manifest": fuzz_manifest,
    "records": fuzz_records,
    "strokes": fuzz_strokes,
    "receipt": fuzz_receipt,
    "enroll_request": fuzz_enroll_request,
    "certificate": fuzz_certificate,
    "campaign": fuzz_campaign,
    "keyfile": fuzz_keyfile,
    "backup": fuzz_backup,
    "age": fuzz_age,
    "minisign": fuzz_minisign,
    "recovery": fuzz_recovery,
    "server": fuzz_server,
}


def run_one(name: str, data: bytes) -> None:
    """Call a target; a TomarError is the reader's plain refusal and passes."""
    with contextlib.suppress(TomarError):
        TARGETS[name](data)


def corpus_dir(name: str) -> Path:
    return Path(__file__).resolve().parent / "corpus" / name


# Key files the targets write use the cheapest Argon2id cost that key files accept: a fuzz
# run measures parsing, not key derivation (the shipped program reads no switch for this).
keyfile.DEFAULT_PARAMS = keyfile.KdfParams(memory_kib=keyfile.MIN_MEMORY_KIB, iterations=1, lanes=1)
