"""The collection server's store in an S3 bucket, shared by any number of server instances.

Layout under `s3://BUCKET/PREFIX/` (every key is derived from a hash or a verified key):

    store.json                                         the campaign id (written once)
    batches/<device hex>/<number, 10 digits>.<sha256>.tomar-batch
                                                       verified batches, content-addressed
    numbers/<device hex>/<number, 10 digits>           claim: the sha256 of that batch
    devices/<device hex>.cert                          organizer certificates seen in uploads
    receipts/<device hex>/<batch sha256>.tomar-receipt

What it relies on from the object store (AWS S3, MinIO, SeaweedFS, Garage... all do it):
a PUT becomes visible whole or not at all, and a PUT with `If-None-Match: *` is refused
(412 PreconditionFailed) when the key exists, exactly once among concurrent writers.

An upload is streamed to a private local spool file, verified there exactly as in the
folder store, and only then written with one PUT of the whole object (with its SHA-256
for the store to check), so no partial or unverified batch is ever under a final key.
The batch number is claimed first with a conditional PUT: two different batches with
the same device and number can never both be stored, whichever instances receive them.
Both writes are conditional and content-addressed, so an upload that was cut between
them (a killed instance) is finished by the device's retry on any instance, and the same
batch sent to two instances at once is stored once while both answer correctly.

Listing batches is one paginated LIST (device, number, sha256 and size are in the key):
no instance keeps state that another needs, and a restarted instance needs none back.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import tempfile
import threading
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import urlsplit

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from ..core.campaign import Campaign
from ..core.errors import E
from ..core.identity import now_iso
from .store import (
    BATCH_SUFFIX,
    CHUNK,
    HEX64,
    RECEIPT_SUFFIX,
    BatchBody,
    StoredBatch,
    StoreError,
    check_hex,
    conflict,
    no_batch,
    no_receipt,
    verify_receipt,
    verify_upload,
)

if TYPE_CHECKING:
    from types_boto3_s3.client import S3Client

BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")
PREFIX_PART = re.compile(r"^[A-Za-z0-9._\-]{1,100}$")
MAX_RECEIPT = 8 * 1024 * 1024
MAX_CERT = 64 * 1024
MAX_MARKER = 64 * 1024


SPOOL_PREFIX = "tomar-upload-"


def _hold_lock(path: Path) -> int | None:
    """Lock this instance's spool folder for as long as the process lives (the kernel lets
    go when it dies, even by SIGKILL), so another instance can tell a dead one's leftovers."""
    if fcntl is None:  # pragma: no cover - Windows: no sweeping of leftovers
        return None
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _sweep_spools(mine: Path) -> None:
    """Remove spool folders of instances that died (uploads they held: ciphertext that
    a device will send again). A folder whose lock is held, or not made yet, is left."""
    if fcntl is None:  # pragma: no cover
        return
    for folder in mine.parent.glob(f"{SPOOL_PREFIX}*"):
        lock = folder / ".lock"
        if folder == mine or not lock.exists():
            continue
        try:
            fd = os.open(lock, os.O_WRONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a live instance holds it
        finally:
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)


class StoreUnavailable(StoreError):
    """The bucket did not answer as it should; the request may be tried again."""


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _status(exc: ClientError) -> int:
    return int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))


def _exists_error(exc: ClientError) -> bool:
    """The conditional PUT found the key already there (412). A 409 from AWS means another
    conditional write to the key is under way: not an answer yet, so the caller's
    StoreUnavailable (507) makes the device try again."""
    return _code(exc) == "PreconditionFailed" or _status(exc) == 412


def _missing(exc: ClientError) -> bool:
    return _code(exc) in ("NoSuchKey", "404", "NotFound") or _status(exc) == 404


def parse_url(url: str) -> tuple[str, str]:
    """(bucket, prefix ending in '/' or empty) of `s3://BUCKET[/PREFIX]`, or StoreError."""
    parts = urlsplit(url)
    bucket = parts.netloc
    if parts.scheme != "s3" or not BUCKET_NAME.match(bucket) or parts.query or parts.fragment:
        raise StoreError(E.SERVER_BUCKET_STORE_WRITTEN_S3)
    pieces = [p for p in parts.path.split("/") if p]
    if any(not PREFIX_PART.match(p) or p in (".", "..") for p in pieces):
        raise StoreError(E.SERVER_PREFIX_S3_STORE_MAY)
    return bucket, "".join(f"{p}/" for p in pieces)


def make_client(max_connections: int = 64) -> S3Client:
    """An S3 client configured the usual way: AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY, AWS_REGION or AWS_DEFAULT_REGION, or a profile (AWS_PROFILE)."""
    config = Config(
        connect_timeout=5,
        read_timeout=30,
        retries={"max_attempts": 4, "mode": "standard"},
        max_pool_connections=max_connections,
        # S3-compatible services differ in the newer checksum headers; the batch's own
        # SHA-256 is sent with every batch PUT instead (see commit_upload).
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    try:
        session = boto3.session.Session(region_name=os.environ.get("AWS_REGION") or None)
        return session.client("s3", config=config)
    except BotoCoreError as exc:
        raise StoreError(E.SERVER_S3_CLIENT_FAILED, name=type(exc).__name__) from None


class S3Store:
    """Batches, receipts and certificates in a bucket; any number of instances share it."""

    def __init__(self, client: S3Client, bucket: str, prefix: str, campaign: Campaign) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix
        self.campaign = campaign
        self._lock = threading.Lock()
        self._keys: dict[str, str] = {}  # sha256 -> batch key (immutable once seen)
        self._known: set[str] = set()  # device keys with a certificate (never removed)
        self.spool = Path(tempfile.mkdtemp(prefix=SPOOL_PREFIX))
        self._spool_lock = _hold_lock(self.spool / ".lock")
        try:
            _sweep_spools(self.spool)
            self._claim_store()
        except BaseException:
            self.close()
            raise
        self._batch_key = re.compile(
            "^"
            + re.escape(prefix)
            + r"batches/([0-9a-f]{64})/([0-9]{10})\.([0-9a-f]{64})"
            + re.escape(BATCH_SUFFIX)
            + "$"
        )

    @classmethod
    def from_url(cls, url: str, campaign: Campaign) -> S3Store:
        bucket, prefix = parse_url(url)
        return cls(make_client(), bucket, prefix, campaign)

    def describe(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"

    def close(self) -> None:
        shutil.rmtree(self.spool, ignore_errors=True)
        if self._spool_lock is not None:
            os.close(self._spool_lock)
            self._spool_lock = None

    # --- plumbing -------------------------------------------------------------------

    def _call(self, what: str, fn: Any, **kwargs: Any) -> Any:
        """One S3 call; transport trouble becomes StoreUnavailable (answered 507, retried)."""
        try:
            return fn(Bucket=self.bucket, **kwargs)
        except ClientError:
            raise
        except NoCredentialsError:
            raise StoreError(E.SERVER_NO_S3_CREDENTIALS) from None
        except BotoCoreError as exc:
            raise StoreUnavailable(
                E.SERVER_BUCKET_UNREACHABLE, what=what, name=type(exc).__name__
            ) from None

    def _unavailable(self, what: str, exc: ClientError) -> StoreUnavailable:
        return StoreUnavailable(
            E.SERVER_BUCKET_REFUSED, what=what, reason=_code(exc) or _status(exc)
        )

    def _put_new(self, key: str, body: bytes | BinaryIO, what: str, **extra: Any) -> bool:
        """PUT with If-None-Match: *; False if the key was already there."""
        try:
            self._call(what, self.client.put_object, Key=key, Body=body, IfNoneMatch="*", **extra)
        except ClientError as exc:
            if _exists_error(exc):
                return False
            raise self._unavailable(what, exc) from None
        return True

    def _get(self, key: str, what: str, limit: int) -> bytes | None:
        """The object's bytes (at most `limit`), or None if there is none."""
        try:
            answer = self._call(what, self.client.get_object, Key=key)
        except ClientError as exc:
            if _missing(exc):
                return None
            raise self._unavailable(what, exc) from None
        body = answer["Body"]
        try:
            data: bytes = body.read(limit + 1)
        except BotoCoreError as exc:
            raise StoreUnavailable(
                E.SERVER_BUCKET_FAILED, what=what, name=type(exc).__name__
            ) from None
        finally:
            body.close()
        if len(data) > limit:
            raise StoreUnavailable(E.SERVER_BUCKET_HOLDS_SOMETHING_UNEXPECTED, what=what)
        return data

    def _list(self, under: str, what: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        token: str | None = None
        while True:
            extra: dict[str, Any] = {"ContinuationToken": token} if token else {}
            try:
                page = self._call(
                    what, self.client.list_objects_v2, Prefix=self.prefix + under, **extra
                )
            except ClientError as exc:
                raise self._unavailable(what, exc) from None
            out.extend(page.get("Contents", []))
            token = page.get("NextContinuationToken")
            if not page.get("IsTruncated") or not token:
                return out

    # --- start-up -------------------------------------------------------------------

    def _claim_store(self) -> None:
        """The bucket prefix belongs to one campaign: claim it, or check whose it is."""
        key = self.prefix + "store.json"
        marker = f'{{"campaign": "{self.campaign.id}"}}'.encode()
        try:
            if self._put_new(key, marker, "claim the store"):
                return
            owner = self._get(key, "read the store marker", MAX_MARKER)
        except ClientError as exc:  # pragma: no cover - _put_new maps these
            raise StoreError(E.SERVER_BUCKET_UNUSABLE, code=_code(exc)) from None
        except StoreUnavailable as exc:
            raise StoreError(
                E.SERVER_BUCKET_STORE_UNUSABLE, store=self.describe(), detail=exc
            ) from None
        try:
            campaign = json.loads(owner or b"null").get("campaign")
        except (ValueError, AttributeError):
            raise StoreError(E.SERVER_STORE_JSON_DAMAGED, store=self.describe()) from None
        if campaign != self.campaign.id:
            raise StoreError(E.SERVER_BUCKET_STORE_BELONGS_ANOTHER, store=self.describe())

    # --- uploads --------------------------------------------------------------------

    def new_upload(self) -> tuple[Path, BinaryIO]:
        """A private local spool file (0600 in a 0700 folder); the bucket sees only whole,
        verified batches."""
        fd, name = tempfile.mkstemp(prefix="upload-", dir=self.spool)
        return Path(name), os.fdopen(fd, "wb")

    def _key(self, dev: str, number: int, sha: str) -> str:
        return f"{self.prefix}batches/{dev}/{number:010d}.{sha}{BATCH_SUFFIX}"

    def commit_upload(self, tmp: Path, sha: str, device: bytes) -> tuple[bool, StoredBatch]:
        try:
            proof = verify_upload(tmp, self.campaign, device)
            dev, number = device.hex(), proof.number  # 1 <= number < 2**31: 10 digits
            size = tmp.stat().st_size
            # 1. Claim the number: one content per (device, number), across instances.
            claim = f"{self.prefix}numbers/{dev}/{number:010d}"
            if not self._put_new(claim, sha.encode(), "claim the batch number"):
                holder = self._get(claim, "read the batch number's claim", 64)
                if holder is None:  # claimed but not readable yet: no answer is safe now
                    raise StoreUnavailable(E.SERVER_CLAIM_NOT_READABLE_YET)
                if holder != sha.encode():
                    raise conflict(number)
            # 2. The certificate, so the device is known to every instance from now on.
            self._remember(dev, proof.certificate)
            # 3. The batch: one PUT of the whole verified file, checked by the store.
            key = self._key(dev, number, sha)
            with tmp.open("rb") as fh:
                new = self._put_new(
                    key,
                    fh,
                    "store the batch",
                    ContentLength=size,
                    ChecksumSHA256=base64.b64encode(bytes.fromhex(sha)).decode(),
                    ContentType="application/octet-stream",
                )
            with self._lock:
                self._keys[sha] = key
            return new, StoredBatch(sha, dev, number, size, now_iso())
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    # --- organizer ------------------------------------------------------------------

    def list_batches(self) -> list[StoredBatch]:
        items = []
        keys = {}
        for obj in self._list("batches/", "list the batches"):
            m = self._batch_key.match(obj["Key"])
            if m is None:
                continue
            dev, number, sha = m.group(1), int(m.group(2)), m.group(3)
            when = obj["LastModified"].astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            items.append(StoredBatch(sha, dev, number, int(obj["Size"]), when))
            keys[sha] = obj["Key"]
        with self._lock:
            self._keys.update(keys)
        return sorted(items, key=lambda b: (b.device, b.number, b.sha256))

    def open_batch(self, sha: str) -> BatchBody:
        check_hex(sha)
        with self._lock:
            key = self._keys.get(sha)
        if key is None:
            self.list_batches()  # stored through another instance since this one last looked
            with self._lock:
                key = self._keys.get(sha)
        if key is None:
            raise no_batch()
        try:
            answer = self._call("read the batch", self.client.get_object, Key=key)
        except ClientError as exc:
            if _missing(exc):
                raise no_batch() from None
            raise self._unavailable("read the batch", exc) from None
        body = answer["Body"]
        return BatchBody(int(answer["ContentLength"]), body.iter_chunks(CHUNK), body.close)

    def put_receipt(self, data: bytes) -> tuple[bool, str, str]:
        dev, sha = verify_receipt(data, self.campaign)
        key = f"{self.prefix}receipts/{dev}/{sha}{RECEIPT_SUFFIX}"
        new = self._put_new(key, data, "store the receipt")
        if not new:  # a newer receipt for the same batch (a held batch approved later)
            try:
                self._call("store the receipt", self.client.put_object, Key=key, Body=data)
            except ClientError as exc:
                raise self._unavailable("store the receipt", exc) from None
        return new, dev, sha

    def receipt_index(self) -> list[dict[str, str]]:
        out = []
        for obj in self._list("receipts/", "list the receipts"):
            rest = obj["Key"][len(self.prefix) + len("receipts/") :]
            dev, _, name = rest.partition("/")
            sha = name[: -len(RECEIPT_SUFFIX)] if name.endswith(RECEIPT_SUFFIX) else ""
            if HEX64.match(dev) and HEX64.match(sha):
                out.append({"device": dev, "batch_sha256": sha})
        return sorted(out, key=lambda r: (r["device"], r["batch_sha256"]))

    # --- devices --------------------------------------------------------------------

    def _remember(self, dev: str, certificate: bytes) -> None:
        with self._lock:
            if dev in self._known:
                return
        self._put_new(f"{self.prefix}devices/{dev}.cert", certificate, "store the certificate")
        with self._lock:
            self._known.add(dev)

    def remember_device(self, device: bytes, certificate: bytes) -> None:
        self._remember(device.hex(), certificate)

    def device_known(self, device: bytes) -> bool:
        dev = device.hex()
        with self._lock:
            if dev in self._known:
                return True
        try:
            self._call(
                "look up the device",
                self.client.head_object,
                Key=f"{self.prefix}devices/{dev}.cert",
            )
        except ClientError as exc:
            if _missing(exc):
                return False
            raise self._unavailable("look up the device", exc) from None
        with self._lock:
            self._known.add(dev)
        return True

    def device_batches(self, device: bytes) -> list[str]:
        out = []
        for obj in self._list(f"batches/{device.hex()}/", "list the device's batches"):
            m = self._batch_key.match(obj["Key"])
            if m is not None:
                out.append(m.group(3))
        return sorted(out)

    def device_receipts(self, device: bytes) -> list[str]:
        under = f"receipts/{device.hex()}/"
        out = []
        for obj in self._list(under, "list the device's receipts"):
            name = obj["Key"][len(self.prefix) + len(under) :]
            sha = name[: -len(RECEIPT_SUFFIX)] if name.endswith(RECEIPT_SUFFIX) else ""
            if HEX64.match(sha):
                out.append(sha)
        return sorted(out)

    def receipt(self, device: bytes, sha: str) -> bytes:
        key = f"{self.prefix}receipts/{device.hex()}/{check_hex(sha)}{RECEIPT_SUFFIX}"
        data = self._get(key, "read the receipt", MAX_RECEIPT)
        if data is None:
            raise no_receipt()
        return data
