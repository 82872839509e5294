"""The collection server: a small Starlette app run by Uvicorn. It stores ciphertext only.

Routes (all answers JSON, except the raw batch and receipt downloads):

    GET  /v1/health                  anyone: campaign id and upload limit (readiness)
    PUT  /v1/batches/<sha256>        an enrolled device: upload one of its batches
    GET  /v1/batches                 organizer: list stored batches
    GET  /v1/batches/<sha256>        organizer: download one
    POST /v1/receipts                organizer: store a receipt for a device
    GET  /v1/receipts                device: its receipts and stored batches; organizer: all
    GET  /v1/receipts/<sha256>       device: its receipt for that batch

Who may do what is decided by the key that signed the request (see tomar.sync.auth): the
campaign's signing key is the organizer; any other key must be a device the organizer
enrolled, proved by the organizer's certificate in a header or seen in an upload.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import os
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ..core import enroll
from ..core.campaign import Campaign, read_package
from ..core.error_text import english_part
from ..core.errors import E, ErrorCode, TomarError, Words
from ..sync import auth
from . import limits
from .store import BatchStore, Rejected, check_hex, open_store

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.serialization import Encoding

MB = 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    """Limits; the defaults suit a laptop serving a few dozen devices (see docs/SYNC.md)."""

    max_upload: int = 64 * MB
    max_receipt: int = 8 * MB
    rate: float = 10.0  # requests per second per address that prove no key, sustained
    burst: int = 60  # such requests an address may make at once before waiting
    device_rate: float = 5.0  # requests per second per enrolled device key, sustained
    device_burst: int = 120
    nonces_per_device: int = 4096  # > device_rate * window + burst: never hit by honest use
    nonces_organizer: int = 200_000
    max_uploads: int = 32  # uploads streamed to disk at the same time (one per device)
    slot_wait: float = 10.0  # an upload waits this long for a slot, then gets 503
    body_floor: float = 60.0  # seconds any body may take ...
    body_min_rate: float = 8 * 1024  # ... plus its size at this many bytes/s (64 kbit/s)
    connections: limits.ConnectionLimits = field(default_factory=limits.ConnectionLimits)
    # The address of a reverse proxy whose X-Forwarded-For is believed (see docs/SYNC.md).
    trusted_proxy: str | None = None

    def body_deadline(self, size: int) -> float:
        """A slow honest phone link gets through; a trickle does not hold a slot forever."""
        return self.body_floor + size / self.body_min_rate


class Role(enum.Enum):
    ORGANIZER = "organizer"
    DEVICE = "device"
    EITHER = "either"


class Busy(Rejected):
    """A refusal that trying again shortly fixes (429 or 503, with Retry-After)."""

    def __init__(self, status: int, code: ErrorCode, retry_after: float) -> None:
        super().__init__(status, code)
        self.retry_after = retry_after


def error(status: int, words: Words, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON error: the English sentence for the operator and a device's log, and the
    code, from which the device says it in its volunteer's language."""
    code = words if isinstance(words, ErrorCode) else words.code
    body = {"error": english_part(words), "code": code.value, "status": status}
    return JSONResponse(body, status, headers=headers)


def signed_path(request: Request) -> str:
    """The path and query exactly as the client sent them (what the client signed)."""
    raw = request.scope.get("raw_path") or request.scope["path"].encode()
    query = request.scope.get("query_string", b"")
    text = bytes(raw).decode("latin-1")
    return text + ("?" + bytes(query).decode("latin-1") if query else "")


class Service:
    """The handlers, with the store, limits and replay cache they share."""

    def __init__(self, store: BatchStore, config: ServerConfig) -> None:
        self.store = store
        self.campaign: Campaign = store.campaign
        self.config = config
        self.organizer_key = self.campaign.signing_key.raw
        self.nonces = auth.NonceCache(per_key=config.nonces_per_device)
        self.keys = limits.KeyLimits(config.device_rate, config.device_burst)
        self._uploads: anyio.Semaphore | None = None

    @property
    def uploads(self) -> anyio.Semaphore:
        if self._uploads is None:  # created inside the event loop
            self._uploads = anyio.Semaphore(self.config.max_uploads)
        return self._uploads

    # --- authentication -------------------------------------------------------------

    async def authenticate(
        self, request: Request, pre: auth.SignedHeaders, role: Role, body_sha256: str
    ) -> None:
        """Who the key may be, then the signature, then the key's own limits and nonce.

        The role is checked first (a comparison, or a certificate signed by the
        organizer) and the signature next; only a request that passed both is counted
        against its key and enters the nonce cache, so strangers and copied certificates
        never touch a device's budget.
        """
        organizer = self.is_organizer(pre)
        if role is Role.ORGANIZER:
            self.require_organizer(pre)
        elif role is Role.DEVICE or not organizer:
            await self.require_device(request, pre)
        auth.verify(pre, self.campaign.id, request.method, signed_path(request), body_sha256)
        request.state.tomar_authenticated = True  # the address's token is given back
        if not organizer:
            delay = self.keys.take(pre.key, time.monotonic())
            if delay > 0:
                raise Busy(429, E.SERVER_DEVICE_SENDING_TOO_MANY, delay)
        bound = self.config.nonces_organizer if organizer else self.config.nonces_per_device
        seen = self.nonces.add(pre.nonce, pre.key, limit=bound)
        if seen is auth.Nonce.REPLAY:
            raise auth.AuthError(E.SERVER_REQUEST_ALREADY_RECEIVED_ONCE)
        if seen is auth.Nonce.FULL:
            raise Busy(429, E.SERVER_KEY_SENDING_TOO_MANY, 30)

    def is_organizer(self, pre: auth.SignedHeaders) -> bool:
        return pre.key == self.organizer_key

    def require_organizer(self, pre: auth.SignedHeaders) -> None:
        if not self.is_organizer(pre):
            raise Rejected(403, E.SERVER_ORGANIZER_MAY)

    async def require_device(self, request: Request, pre: auth.SignedHeaders) -> None:
        """The key must belong to a device the organizer enrolled."""
        if self.is_organizer(pre):
            raise Rejected(403, E.SERVER_DEVICES_ONLY)
        header = request.headers.get(auth.H_CERTIFICATE)
        if header is None:
            # A bucket store asks the bucket: never on the event loop.
            if not await anyio.to_thread.run_sync(self.store.device_known, pre.key):
                raise Rejected(403, E.SERVER_DEVICE_NOT_ENROLLED)
            return
        if len(header) > 16 * 1024:
            raise Rejected(403, E.SERVER_DEVICE_CERTIFICATE_NOT_ORGANIZERS)
        try:
            data = base64.b64decode(header, validate=True)
            cert = enroll.read_certificate(data, self.campaign)
        except (ValueError, binascii.Error, TomarError):
            raise Rejected(403, E.SERVER_DEVICE_CERTIFICATE_NOT_ORGANIZERS) from None
        if cert.device != pre.key:
            raise Rejected(403, E.SERVER_CERTIFICATE_BELONGS_ANOTHER_DEVICE)

    async def read_small_body(self, request: Request, limit: int) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise Rejected(413, E.SERVER_REQUEST_TOO_LARGE)
        chunks, size = [], 0
        try:
            with anyio.fail_after(self.config.body_deadline(limit)):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise Rejected(413, E.SERVER_REQUEST_TOO_LARGE)
                    chunks.append(chunk)
        except TimeoutError:
            raise Rejected(408, E.SERVER_REQUEST_BODY_TOO_SLOW) from None
        return b"".join(chunks)

    async def signed_get(self, request: Request, role: Role) -> auth.SignedHeaders:
        pre = auth.parse(request.headers)
        await self.authenticate(request, pre, role, auth.EMPTY_SHA256)
        return pre

    # --- routes ---------------------------------------------------------------------

    async def health(self, request: Request) -> Response:
        return JSONResponse(
            {
                "service": "tomar-collection",
                "version": 1,
                "campaign": self.campaign.id,
                "max_upload": self.config.max_upload,
            }
        )

    async def put_batch(self, request: Request) -> Response:
        sha = check_hex(request.path_params["sha"])
        pre = auth.parse(request.headers)
        # The body's SHA-256 is the name in the path, so the signature over it is checked
        # now, before a single body byte is read; the bytes are checked against it below.
        await self.authenticate(request, pre, Role.DEVICE, sha)
        declared = request.headers.get("content-length", "")
        if not declared.isdigit():
            raise Rejected(411, E.SERVER_UPLOAD_MUST_SAY_LENGTH)
        size_declared = int(declared)
        if size_declared > self.config.max_upload:
            raise Rejected(413, E.SERVER_BATCH_LARGER_SERVER_ACCEPTS)
        with self.keys.upload(pre.key) as mine:
            if not mine:
                raise Busy(429, E.SERVER_DEVICE_ALREADY_UPLOADING_BATCH, 2)
            try:
                with anyio.fail_after(self.config.slot_wait):
                    await self.uploads.acquire()
            except TimeoutError:
                raise Busy(503, E.SERVER_BUSY_RECEIVING_UPLOADS_TRY, 2) from None
            try:
                return await self._receive(request, sha, pre, size_declared)
            finally:
                self.uploads.release()

    async def _receive(
        self, request: Request, sha: str, pre: auth.SignedHeaders, declared: int
    ) -> Response:
        tmp, fh = self.store.new_upload()
        try:
            digest, size = hashlib.sha256(), 0
            try:
                with anyio.fail_after(self.config.body_deadline(declared)):
                    async for chunk in request.stream():
                        size += len(chunk)
                        if size > declared:
                            raise Rejected(400, E.SERVER_UPLOAD_LONGER_SAID)
                        digest.update(chunk)
                        fh.write(chunk)
                fh.flush()
                await anyio.to_thread.run_sync(os.fsync, fh.fileno())
            except TimeoutError:
                raise Rejected(408, E.SERVER_UPLOAD_TOO_SLOW_TRY) from None
            finally:
                fh.close()
            if digest.hexdigest() != sha:
                raise Rejected(400, E.SERVER_UPLOAD_NAME_MISMATCH)
            stored, _ = await anyio.to_thread.run_sync(self.store.commit_upload, tmp, sha, pre.key)
        finally:
            tmp.unlink(missing_ok=True)
        if stored:
            return JSONResponse({"status": "stored", "sha256": sha}, 201)
        return JSONResponse({"status": "already", "sha256": sha}, 200)

    async def list_batches(self, request: Request) -> Response:
        await self.signed_get(request, Role.ORGANIZER)
        items = await anyio.to_thread.run_sync(self.store.list_batches)
        return JSONResponse({"batches": [b.to_json() for b in items]})

    async def get_batch(self, request: Request) -> Response:
        sha = check_hex(request.path_params["sha"])
        await self.signed_get(request, Role.ORGANIZER)
        body = await anyio.to_thread.run_sync(self.store.open_batch, sha)
        return StreamingResponse(
            body.chunks,
            media_type="application/octet-stream",
            headers={"content-length": str(body.size)},
            background=BackgroundTask(body.close),
        )

    async def post_receipt(self, request: Request) -> Response:
        pre = auth.parse(request.headers)
        self.require_organizer(pre)  # before the body: strangers are not read from
        body = await self.read_small_body(request, self.config.max_receipt)
        await self.authenticate(request, pre, Role.ORGANIZER, hashlib.sha256(body).hexdigest())
        new, device, sha = await anyio.to_thread.run_sync(self.store.put_receipt, body)
        return JSONResponse(
            {"status": "stored" if new else "replaced", "device": device, "batch_sha256": sha},
            201 if new else 200,
        )

    async def list_receipts(self, request: Request) -> Response:
        pre = await self.signed_get(request, Role.EITHER)
        if self.is_organizer(pre):
            index = await anyio.to_thread.run_sync(self.store.receipt_index)
            return JSONResponse({"receipts": index})
        shas = await anyio.to_thread.run_sync(self.store.device_receipts, pre.key)
        stored = await anyio.to_thread.run_sync(self.store.device_batches, pre.key)
        return JSONResponse({"receipts": [{"batch_sha256": s} for s in shas], "stored": stored})

    async def get_receipt(self, request: Request) -> Response:
        sha = check_hex(request.path_params["sha"])
        pre = await self.signed_get(request, Role.DEVICE)
        data = await anyio.to_thread.run_sync(self.store.receipt, pre.key, sha)
        return Response(data, media_type="application/json")


def _handlers() -> dict[type[Exception] | int, Callable[[Request, Exception], Awaitable[Response]]]:
    async def rejected(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Rejected)
        if isinstance(exc, Busy):
            return limits.too_many(exc.retry_after, exc.message, exc.status)
        return error(exc.status, exc.message)

    async def unauthorized(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TomarError)
        return error(401, exc.message)

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        words = {404: E.SERVER_NOTHING_HERE, 405: E.SERVER_METHOD_NOT_ALLOWED}
        return error(exc.status_code, words.get(exc.status_code, E.SERVER_REQUEST_REFUSED))

    async def disconnect(request: Request, exc: Exception) -> Response:
        return error(400, E.SERVER_UPLOAD_INTERRUPTED)

    async def storage(request: Request, exc: Exception) -> Response:
        return error(507, E.SERVER_COULD_NOT_STORE)

    async def internal(request: Request, exc: Exception) -> Response:
        # Never echo exception text: it may quote request bytes.
        print(f"tomar serve: internal error ({type(exc).__name__})", file=sys.stderr)
        return error(500, E.SERVER_INTERNAL_PROBLEM)

    return {
        Rejected: rejected,
        auth.AuthError: unauthorized,
        HTTPException: http,
        ClientDisconnect: disconnect,
        TomarError: storage,
        Exception: internal,
    }


def create_app(store: BatchStore, config: ServerConfig | None = None) -> Starlette:
    config = config or ServerConfig()
    svc = Service(store, config)
    hexname = "{sha}"
    routes = [
        Route("/v1/health", svc.health, methods=["GET"]),
        Route("/v1/batches", svc.list_batches, methods=["GET"]),
        Route(f"/v1/batches/{hexname}", svc.put_batch, methods=["PUT"]),
        Route(f"/v1/batches/{hexname}", svc.get_batch, methods=["GET"]),
        Route("/v1/receipts", svc.post_receipt, methods=["POST"]),
        Route("/v1/receipts", svc.list_receipts, methods=["GET"]),
        Route(f"/v1/receipts/{hexname}", svc.get_receipt, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(limits.AddressLimit, rate=config.rate, burst=config.burst)],
        exception_handlers=_handlers(),
    )
    app.router.redirect_slashes = False  # a path either matches exactly or is a 404
    app.state.service = svc
    return app


def certificate_sha256(pem_path: Path) -> str:
    """SHA-256 of the DER certificate: the value to pin as `server_cert_sha256`."""
    from cryptography import x509

    try:
        cert = x509.load_pem_x509_certificate(pem_path.read_bytes())
    except (OSError, ValueError):
        raise TomarError(E.SERVER_TLS_CERTIFICATE_UNREADABLE, pem_path=pem_path) from None
    return hashlib.sha256(cert.public_bytes(_der())).hexdigest()


def _der() -> Encoding:
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def serve(
    store_spec: str,
    campaign_file: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    config: ServerConfig | None = None,
) -> None:
    """Run until interrupted. Prints one line saying where, and the TLS pin if any."""
    try:
        package = campaign_file.read_bytes()
    except OSError as exc:
        raise TomarError(
            E.SERVER_CAMPAIGN_PACKAGE_UNREADABLE, campaign_file=campaign_file, detail=exc.strerror
        ) from None
    campaign = read_package(package)
    if (tls_cert is None) != (tls_key is None):
        raise TomarError(E.SERVER_TLS_NEEDS_BOTH_TLS)
    store = open_store(store_spec, campaign)
    try:
        app = create_app(store, config)
        scheme = "https" if tls_cert else "http"
        print(f"Tomar collection server for campaign {campaign.id} at {scheme}://{host}:{port}/")
        if tls_cert is not None:
            print(f"TLS certificate SHA-256 (server_cert_sha256): {certificate_sha256(tls_cert)}")
        print(f"Store: {store.describe()}", flush=True)
        uvicorn.Server(uvicorn_config(app, host, port, tls_cert, tls_key, config)).run()
    finally:
        store.close()


def uvicorn_config(
    app: Starlette,
    host: str,
    port: int,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    config: ServerConfig | None = None,
) -> uvicorn.Config:
    """Uvicorn as the server runs it: the guarded protocol, no access log, no proxy trust."""
    config = config or ServerConfig()
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=limits.guarded_protocol(config.connections),
        ws="none",
        lifespan="off",
        ssl_certfile=None if tls_cert is None else str(tls_cert),
        ssl_keyfile=None if tls_key is None else str(tls_key),
        log_level="warning",
        access_log=False,  # client addresses of volunteers are nobody's business
        server_header=False,
        # Limits apply to the real peer address, or to the one a trusted proxy names.
        proxy_headers=config.trusted_proxy is not None,
        forwarded_allow_ips=config.trusted_proxy or "",
        timeout_keep_alive=5,
        limit_concurrency=None,  # per-address and total limits live in the protocol
        h11_max_incomplete_event_size=64 * 1024,
    )
