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
import hashlib
import math
import os
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..core import enroll
from ..core.campaign import Campaign, read_package
from ..core.errors import TomarError
from ..sync import auth
from .store import Rejected, Store, check_hex

MB = 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    """Limits; the defaults suit a laptop serving a few dozen devices."""

    max_upload: int = 64 * MB
    max_receipt: int = 8 * MB
    rate: float = 10.0  # requests per second per client address, sustained
    burst: int = 60  # requests a client may make at once before waiting
    max_uploads: int = 8  # uploads streamed to disk at the same time
    upload_timeout: float = 300.0  # a body trickling in slower than this frees its slot


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status, headers=headers)


class RateLimit:
    """Token bucket per client address, checked before anything is read or parsed."""

    def __init__(self, app: ASGIApp, rate: float, burst: int) -> None:
        self.app = app
        self.rate = rate
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str, now: float) -> float:
        """Seconds until a request from `client` is allowed (0: allowed now, token taken)."""
        with self._lock:
            if len(self._buckets) > 10_000:  # forget clients whose buckets are full again
                self._buckets = {
                    k: (t, s)
                    for k, (t, s) in self._buckets.items()
                    if t + (now - s) * self.rate < self.burst
                }
            tokens, since = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - since) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            client = scope.get("client")
            delay = self.wait(client[0] if client else "?", time.monotonic())
            if delay > 0:
                response = error(
                    429,
                    "Too many requests: slow down and try again shortly.",
                    {"Retry-After": str(max(1, math.ceil(delay))), "Connection": "close"},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def signed_path(request: Request) -> str:
    """The path and query exactly as the client sent them (what the client signed)."""
    raw = request.scope.get("raw_path") or request.scope["path"].encode()
    query = request.scope.get("query_string", b"")
    text = bytes(raw).decode("latin-1")
    return text + ("?" + bytes(query).decode("latin-1") if query else "")


class Service:
    """The handlers, with the store, limits and replay cache they share."""

    def __init__(self, store: Store, config: ServerConfig) -> None:
        self.store = store
        self.campaign: Campaign = store.campaign
        self.config = config
        self.organizer_key = self.campaign.signing_key.raw
        self.nonces = auth.NonceCache()
        self._uploads: anyio.Semaphore | None = None

    @property
    def uploads(self) -> anyio.Semaphore:
        if self._uploads is None:  # created inside the event loop
            self._uploads = anyio.Semaphore(self.config.max_uploads)
        return self._uploads

    # --- authentication -------------------------------------------------------------

    def finish_auth(self, request: Request, pre: auth.SignedHeaders, body_sha256: str) -> None:
        auth.verify(pre, self.campaign.id, request.method, signed_path(request), body_sha256)
        if not self.nonces.add(pre.nonce, pre.key):
            raise auth.AuthError("This request was already received once (a replay).")

    def is_organizer(self, pre: auth.SignedHeaders) -> bool:
        return pre.key == self.organizer_key

    def require_organizer(self, pre: auth.SignedHeaders) -> None:
        if not self.is_organizer(pre):
            raise Rejected(403, "Only the organizer may do this.")

    def require_device(self, request: Request, pre: auth.SignedHeaders) -> None:
        """The key must belong to a device the organizer enrolled."""
        if self.is_organizer(pre):
            raise Rejected(403, "This is for devices; the organizer's key may not do it.")
        header = request.headers.get(auth.H_CERTIFICATE)
        if header is None:
            if not self.store.device_known(pre.key):
                raise Rejected(403, "This device is not enrolled by the organizer.")
            return
        try:
            data = base64.b64decode(header, validate=True)
            cert = enroll.read_certificate(data, self.campaign)
        except (ValueError, binascii.Error, TomarError):
            raise Rejected(
                403, "This device's certificate was not issued by the organizer."
            ) from None
        if cert.device != pre.key:
            raise Rejected(403, "This certificate belongs to another device.")

    async def read_small_body(self, request: Request, limit: int) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise Rejected(413, "This request is too large.")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise Rejected(413, "This request is too large.")
            chunks.append(chunk)
        return b"".join(chunks)

    async def signed_get(self, request: Request) -> auth.SignedHeaders:
        pre = auth.parse(request.headers)
        self.finish_auth(request, pre, auth.EMPTY_SHA256)
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
        self.require_device(request, pre)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.config.max_upload:
            raise Rejected(413, "This batch is larger than this server accepts.")
        async with self.uploads:
            tmp, fh = self.store.new_upload()
            try:
                digest, size = hashlib.sha256(), 0
                try:
                    with anyio.fail_after(self.config.upload_timeout):
                        async for chunk in request.stream():
                            size += len(chunk)
                            if size > self.config.max_upload:
                                raise Rejected(
                                    413, "This batch is larger than this server accepts."
                                )
                            digest.update(chunk)
                            fh.write(chunk)
                    fh.flush()
                    await anyio.to_thread.run_sync(os.fsync, fh.fileno())
                except TimeoutError:
                    raise Rejected(408, "The upload was too slow; try again.") from None
                finally:
                    fh.close()
                self.finish_auth(request, pre, digest.hexdigest())
                if digest.hexdigest() != sha:
                    raise Rejected(400, "The uploaded bytes do not match the name (SHA-256).")
                stored, _ = await anyio.to_thread.run_sync(
                    self.store.commit_upload, tmp, sha, pre.key
                )
            finally:
                tmp.unlink(missing_ok=True)
        if stored:
            return JSONResponse({"status": "stored", "sha256": sha}, 201)
        return JSONResponse({"status": "already", "sha256": sha}, 200)

    async def list_batches(self, request: Request) -> Response:
        pre = await self.signed_get(request)
        self.require_organizer(pre)
        items = await anyio.to_thread.run_sync(self.store.list_batches)
        return JSONResponse({"batches": [b.to_json() for b in items]})

    async def get_batch(self, request: Request) -> Response:
        sha = check_hex(request.path_params["sha"])
        pre = await self.signed_get(request)
        self.require_organizer(pre)
        return FileResponse(
            self.store.batch_path(sha), media_type="application/octet-stream", stat_result=None
        )

    async def post_receipt(self, request: Request) -> Response:
        pre = auth.parse(request.headers)
        self.require_organizer(pre)
        body = await self.read_small_body(request, self.config.max_receipt)
        self.finish_auth(request, pre, hashlib.sha256(body).hexdigest())
        new, device, sha = await anyio.to_thread.run_sync(self.store.put_receipt, body)
        return JSONResponse(
            {"status": "stored" if new else "replaced", "device": device, "batch_sha256": sha},
            201 if new else 200,
        )

    async def list_receipts(self, request: Request) -> Response:
        pre = await self.signed_get(request)
        if self.is_organizer(pre):
            index = await anyio.to_thread.run_sync(self.store.receipt_index)
            return JSONResponse({"receipts": index})
        self.require_device(request, pre)
        shas = await anyio.to_thread.run_sync(self.store.device_receipts, pre.key)
        stored = await anyio.to_thread.run_sync(self.store.device_batches, pre.key)
        return JSONResponse({"receipts": [{"batch_sha256": s} for s in shas], "stored": stored})

    async def get_receipt(self, request: Request) -> Response:
        sha = check_hex(request.path_params["sha"])
        pre = await self.signed_get(request)
        self.require_device(request, pre)
        data = await anyio.to_thread.run_sync(self.store.receipt, pre.key, sha)
        return Response(data, media_type="application/json")


def _handlers() -> dict[Any, Callable[[Request, Exception], Awaitable[Response]]]:
    async def rejected(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Rejected)
        return error(exc.status, str(exc))

    async def unauthorized(request: Request, exc: Exception) -> Response:
        return error(401, str(exc))

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        words = {404: "There is nothing here.", 405: "That method is not allowed here."}
        return error(exc.status_code, words.get(exc.status_code, "The request was refused."))

    async def disconnect(request: Request, exc: Exception) -> Response:
        return error(400, "The upload was interrupted.")

    async def storage(request: Request, exc: Exception) -> Response:
        return error(507, "The server could not store this. Try again later.")

    async def internal(request: Request, exc: Exception) -> Response:
        # Never echo exception text: it may quote request bytes.
        print(f"tomar serve: internal error ({type(exc).__name__})", file=sys.stderr)
        return error(500, "The server had an internal problem. Try again later.")

    return {
        Rejected: rejected,
        auth.AuthError: unauthorized,
        HTTPException: http,
        ClientDisconnect: disconnect,
        TomarError: storage,
        Exception: internal,
    }


def create_app(store: Store, config: ServerConfig | None = None) -> Starlette:
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
        middleware=[Middleware(RateLimit, rate=config.rate, burst=config.burst)],
        exception_handlers=_handlers(),
    )
    app.router.redirect_slashes = False  # a path either matches exactly or is a 404
    return app


def certificate_sha256(pem_path: Path) -> str:
    """SHA-256 of the DER certificate: the value to pin as `server_cert_sha256`."""
    from cryptography import x509

    try:
        cert = x509.load_pem_x509_certificate(pem_path.read_bytes())
    except (OSError, ValueError):
        raise TomarError(f"The TLS certificate {pem_path} cannot be read.") from None
    return hashlib.sha256(cert.public_bytes(_der())).hexdigest()


def _der() -> Any:
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def serve(
    store_dir: Path,
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
            f"The campaign package {campaign_file} cannot be read ({exc.strerror})."
        ) from None
    campaign = read_package(package)
    if (tls_cert is None) != (tls_key is None):
        raise TomarError("TLS needs both --tls-cert and --tls-key.")
    store = Store(store_dir, campaign)
    app = create_app(store, config)
    scheme = "https" if tls_cert else "http"
    print(f"Tomar collection server for campaign {campaign.id} at {scheme}://{host}:{port}/")
    if tls_cert is not None:
        print(f"TLS certificate SHA-256 (server_cert_sha256): {certificate_sha256(tls_cert)}")
    print(f"Store: {store_dir}", flush=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=None if tls_cert is None else str(tls_cert),
        ssl_keyfile=None if tls_key is None else str(tls_key),
        log_level="warning",
        access_log=False,  # client addresses of volunteers are nobody's business
        server_header=False,
        proxy_headers=False,  # rate limits apply to the real peer address
        timeout_keep_alive=5,
        limit_concurrency=256,
        h11_max_incomplete_event_size=64 * 1024,
    )
