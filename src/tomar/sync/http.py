"""The collection server as a sync target: signed requests over httpx, with retries.

Transient trouble (no network, server restarting, 429, 5xx, timeouts) is retried with
exponential backoff and jitter; every attempt is signed anew (fresh time and nonce).
Refusals that trying again cannot fix (400, 401, 403, 404, 409, 413) are raised at once.

With `server_cert_sha256` in the campaign, the TLS certificate is pinned: the check runs
right after the handshake, before a single byte of the request is sent, so a machine in
the middle learns nothing. Without a pin, the system's CA store verifies the server.
"""

from __future__ import annotations

import base64
import hashlib
import random
import re
import ssl
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from ..core import canon
from ..core.campaign import Campaign
from ..core.error_text import TEMPLATES, placeholders
from ..core.errors import E, ErrorCode, Message, Words
from .auth import H_CERTIFICATE, RequestSigner
from .errors import ServerRefused, SyncCancelled, SyncError
from .target import RemoteBatch

RETRY_STATUS = {429, 500, 502, 503, 504, 507}
MAX_DOWNLOAD = 2 * 1024 * 1024 * 1024
MAX_JSON = 64 * 1024 * 1024  # a list of 100,000 batches is about 20 MB
MAX_RECEIPT = 8 * 1024 * 1024  # what the server accepts
MAX_ERROR = 64 * 1024  # refusals are a sentence
# Every request ends within this floor plus its size at the slowest rate we wait for
# (64 kbit/s): a server or network that trickles bytes cannot hang a sync or a pull.
DEADLINE_FLOOR = 60.0
MIN_RATE = 8 * 1024


@dataclass(frozen=True)
class RetryPolicy:
    """About 30 s of patience by default: enough for a server restart or a Wi-Fi hiccup."""

    attempts: int = 9
    base: float = 0.25
    cap: float = 8.0
    patience: float = 180.0  # no new attempt starts after this many seconds

    def delay(self, attempt: int) -> float:
        return float(min(self.cap, self.base * 2**attempt) * random.uniform(0.7, 1.3))


class PinError(SyncError):
    pass


class _TooSlow(Exception):
    """A response that did not arrive within its deadline (retried like a timeout)."""


class _TooLarge(Exception):
    """A response larger than any genuine answer to this request."""


class _PinnedStream(httpcore.NetworkStream):
    """Checks the server certificate's SHA-256 right after the TLS handshake."""

    def __init__(self, inner: httpcore.NetworkStream, pin: str) -> None:
        self._inner = inner
        self._pin = pin

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.start_tls(ssl_context, server_hostname, timeout)
        sock = stream.get_extra_info("socket")
        der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
        if der is None or hashlib.sha256(der).hexdigest() != self._pin:
            stream.close()
            raise PinError(E.SYNC_CERTIFICATE_NOT_PINNED_ONE)
        return stream


class _PinnedBackend(httpcore.SyncBackend):
    def __init__(self, pin: str) -> None:
        self._pin = pin

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        inner = super().connect_tcp(host, port, timeout, local_address, socket_options)
        return _PinnedStream(inner, self._pin)


def _transport(pin: str | None) -> httpx.HTTPTransport:
    if pin is None:
        return httpx.HTTPTransport(verify=True, retries=0)
    # The pin replaces CA verification: a self-signed certificate on a laptop is fine.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    transport = httpx.HTTPTransport(verify=context)
    # httpx has no public hook for the network backend; its pool is rebuilt with ours.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=context, network_backend=_PinnedBackend(pin)
    )
    return transport


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _list(doc: Mapping[str, Any], key: str) -> list[Any]:
    """A list the server sent, or an empty one: a hostile server cannot break the loop."""
    value = doc.get(key, [])
    return value if isinstance(value, list) else []


def _words(response: httpx.Response) -> Message:
    """What the server said: its code when it is one of ours that needs no arguments (so
    that it is said in the volunteer's language), else its plain English sentence,
    bounded and printable (a hostile server gets no more)."""
    try:
        doc = canon.loads(response.content)
        text, code = str(doc.get("error", "")), str(doc.get("code", ""))
    except (ValueError, AttributeError):
        text, code = "", ""
    known = ErrorCode._value2member_map_.get(code)
    if isinstance(known, ErrorCode) and not placeholders(TEMPLATES[known]):
        return Message(known)
    text = "".join(c for c in text if c.isprintable())[:300]
    if text:
        return Message(E.SYNC_SERVER_SAID, words=text)
    return Message(E.SYNC_SERVER_ANSWERED, status=response.status_code)


class ServerTarget:
    """One collection server, for a device (its key) or the organizer (the campaign key)."""

    def __init__(
        self,
        url: str,
        campaign: Campaign,
        signer: RequestSigner,
        *,
        certificate: bytes | None = None,
        retry: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        timeout: float = 30.0,
        deadline_floor: float = DEADLINE_FLOOR,
    ) -> None:
        self.url = url.rstrip("/")
        self.campaign = campaign
        self.signer = signer
        self.retry = retry or RetryPolicy()
        self.cancel = cancel
        self.deadline_floor = deadline_floor
        self._cert_header = None if certificate is None else base64.b64encode(certificate).decode()
        pin = campaign.server_cert_sha256
        if pin is not None and not self.url.startswith("https://"):
            raise SyncError(E.SYNC_CAMPAIGN_PINS_SERVER_CERTIFICATE)
        self.client = httpx.Client(
            base_url=self.url,
            transport=_transport(pin),
            # Per read/write; the whole answer has its own deadline (see `_send`).
            timeout=httpx.Timeout(timeout, connect=10.0, pool=10.0),
            follow_redirects=False,
            trust_env=False,
        )

    def describe(self) -> str:
        return self.url

    def close(self) -> None:
        self.client.close()

    # --- requests -----------------------------------------------------------------

    def _sleep(self, seconds: float) -> None:
        if self.cancel is not None:
            if self.cancel.wait(seconds):
                raise SyncCancelled(E.SYNC_CANCELLED)
        else:
            time.sleep(seconds)

    def _send(
        self, method: str, url: httpx.URL, body: bytes, headers: dict[str, str], limit: int
    ) -> httpx.Response:
        """One attempt, read in full within its deadline and size bound."""
        started = time.monotonic()
        request = self.client.build_request(method, url, content=body, headers=headers)
        response = self.client.send(request, stream=True)
        try:
            bound = limit if response.status_code < 400 else MAX_ERROR
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > bound:
                raise _TooLarge
            chunks, size = [], 0
            for chunk in response.iter_bytes():  # decoded: the bound holds after gzip
                size += len(chunk)
                if size > bound:
                    raise _TooLarge
                # After the floor, bytes must keep coming at MIN_RATE on average.
                allowed = self.deadline_floor + (len(body) + size) / MIN_RATE
                if time.monotonic() - started > allowed:
                    raise _TooSlow
                chunks.append(chunk)
                if self.cancel is not None and self.cancel.is_set():
                    raise SyncCancelled(E.SYNC_CANCELLED)
        finally:
            response.close()
        kept = [
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            response.status_code,
            headers=kept,
            content=b"".join(chunks),
            request=request,
        )

    def request(
        self, method: str, path: str, body: bytes = b"", *, limit: int = MAX_JSON
    ) -> httpx.Response:
        """Send a signed request, retrying what a retry can fix; raise on refusal.

        The answer may be at most `limit` bytes and must arrive within a deadline that
        grows with its size; no attempt starts after the policy's patience is used up.
        """
        url = httpx.URL(self.url + path)
        body_sha = hashlib.sha256(body).hexdigest()
        last: Words = E.SYNC_SERVER_UNREACHABLE
        started = time.monotonic()
        for attempt in range(self.retry.attempts):
            if self.cancel is not None and self.cancel.is_set():
                raise SyncCancelled(E.SYNC_CANCELLED)
            headers = self.signer.headers(method, url.raw_path.decode("ascii"), body_sha)
            if self._cert_header is not None:
                headers[H_CERTIFICATE] = self._cert_header
            if body:
                headers["content-type"] = "application/octet-stream"
            wait = self.retry.delay(attempt)
            try:
                response = self._send(method, url, body, headers, limit)
            except PinError:
                raise
            except _TooLarge:
                raise SyncError(E.SYNC_SERVER_SENT_LARGER_ANSWER, server=self.url) from None
            except _TooSlow:
                last = E.SYNC_TOOK_TOO_LONG
            except httpx.TransportError as exc:
                if _certificate_failed(exc):
                    raise SyncError(E.SYNC_CERTIFICATE_NOT_VERIFIED, server=self.url) from None
                last = _transport_words(exc)
            else:
                if response.status_code < 400:
                    return response
                if response.status_code not in RETRY_STATUS:
                    raise ServerRefused(response.status_code, _words(response))
                last = _words(response)
                after = response.headers.get("retry-after", "")
                if after.isdigit():
                    wait = min(float(after), 60.0) * random.uniform(1.0, 1.2)
            if attempt + 1 >= self.retry.attempts:
                break
            if time.monotonic() - started + wait > self.retry.patience:
                break
            self._sleep(wait)
        raise SyncError(E.SYNC_SERVER_TOO_SLOW, server=self.url, last=last)

    def _json(self, response: httpx.Response) -> Mapping[str, Any]:
        try:
            doc = canon.loads(response.content)
        except ValueError:
            raise SyncError(E.SYNC_NOT_A_COLLECTION_SERVER, server=self.url) from None
        if not isinstance(doc, dict):
            raise SyncError(E.SYNC_NOT_A_COLLECTION_SERVER, server=self.url)
        return doc

    def health(self) -> Mapping[str, Any]:
        doc = self._json(self.request("GET", "/v1/health"))
        if doc.get("campaign") != self.campaign.id:
            raise SyncError(E.SYNC_SERVER_COLLECTS_ANOTHER_CAMPAIGN, server=self.url)
        return doc

    # --- device side ----------------------------------------------------------------

    def put_batch(self, device: bytes, number: int, sha: str, data: bytes) -> bool:
        response = self.request("PUT", f"/v1/batches/{sha}", data, limit=MAX_ERROR)
        return response.status_code == 201

    def status_for(
        self, device: bytes, pending: Mapping[str, int]
    ) -> tuple[dict[str, bytes], set[str]]:
        """Receipts for pending batches (by batch SHA-256), and which batches are here."""
        doc = self._json(self.request("GET", "/v1/receipts"))
        stored = {str(x) for x in _list(doc, "stored") if isinstance(x, str)}
        found: dict[str, bytes] = {}
        for item in _list(doc, "receipts"):
            sha = item.get("batch_sha256") if isinstance(item, dict) else None
            if isinstance(sha, str) and sha in pending:
                found[sha] = self.request("GET", f"/v1/receipts/{sha}", limit=MAX_RECEIPT).content
        return found, stored

    # --- organizer side -------------------------------------------------------------

    def list_batches(self) -> list[RemoteBatch]:
        doc = self._json(self.request("GET", "/v1/batches"))
        out = []
        for item in _list(doc, "batches"):
            try:
                if not _HEX64.fullmatch(item["sha256"]):  # it becomes part of a request path
                    raise ValueError(item["sha256"])
                out.append(
                    RemoteBatch(
                        sha256=str(item["sha256"]),
                        name=Message(E.WORD_BATCH_NUMBER, number=str(item["sha256"])[:12]),
                        size=int(item["size"]),
                        device=str(item["device"]),
                        number=int(item["number"]),
                    )
                )
            except (KeyError, TypeError, ValueError):
                raise SyncError(E.SYNC_SENT_DAMAGED_LIST_BATCHES, server=self.url) from None
        return out

    def get_batch(self, item: RemoteBatch) -> bytes:
        if item.size > MAX_DOWNLOAD:
            raise SyncError(E.SYNC_TOO_LARGE_GENUINE_BATCH, file=item.name)
        data = self.request("GET", f"/v1/batches/{item.sha256}", limit=max(item.size, 0)).content
        if hashlib.sha256(data).hexdigest() != item.sha256:
            raise SyncError(E.SYNC_ARRIVED_DAMAGED_WILL_FETCHED, file=item.name)
        return data

    def receipt_shas(self) -> set[str]:
        doc = self._json(self.request("GET", "/v1/receipts"))
        return {
            str(item["batch_sha256"])
            for item in _list(doc, "receipts")
            if isinstance(item, dict) and "batch_sha256" in item
        }

    def put_receipt(self, data: bytes, campaign: Campaign) -> None:
        self.request("POST", "/v1/receipts", data, limit=MAX_ERROR)


def _transport_words(exc: httpx.TransportError) -> ErrorCode:
    if isinstance(exc, httpx.TimeoutException):
        return E.SYNC_TOOK_TOO_LONG
    if isinstance(exc, httpx.ConnectError):
        return E.SYNC_NO_CONNECTION
    return E.SYNC_CONNECTION_BROKE


def _certificate_failed(exc: BaseException) -> bool:
    """A TLS verification failure is not a hiccup: retrying cannot fix it."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(
            seen
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
