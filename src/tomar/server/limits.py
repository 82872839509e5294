"""What keeps the collection server serving honest devices while strangers attack it.

Three layers, cheapest first:

1. **Connections** (`guarded_protocol`, inside Uvicorn's h11 protocol): at most
   `per_address` open connections per client address (IPv6 by /64, since one host owns a
   whole /64), at most `total` overall; a connection that has not finished its request
   line and headers within `header_timeout` seconds of opening (or of its previous
   response) is closed; a response sent before the request body was read closes the
   connection, so a body trickling after a refusal holds nothing.
2. **Requests from an address** (`AddressLimit`, ASGI middleware): a token bucket per
   address, checked before anything is parsed. Only requests that do not prove a key are
   charged: a request that authenticates gets its token back, so dozens of devices behind
   one rally Wi-Fi never throttle each other, while strangers from one address run dry.
3. **Requests from a key** (`KeyLimits`, used by the handlers after the signature is
   verified): a token bucket per device key and one upload at a time per device. Nothing
   here is ever touched by a request that failed authentication, so a copied certificate
   without the device's private key costs the device nothing.
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ClassVar

import h11
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..core.errors import E, Message

AUTHENTICATED = "tomar_authenticated"  # set in scope["state"] by a handler that verified


def address_key(host: str) -> str:
    """The unit of per-address limits: an IPv4 address, or an IPv6 /64."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class TokenBuckets:
    """Token buckets by name; `take` answers 0 (allowed) or the seconds to wait."""

    def __init__(self, rate: float, burst: float, max_names: int = 10_000) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.max_names = max_names
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, name: str, now: float) -> float:
        with self._lock:
            if len(self._buckets) > self.max_names:  # forget names whose buckets are full
                self._buckets = {
                    k: (t, s)
                    for k, (t, s) in self._buckets.items()
                    if t + (now - s) * self.rate < self.burst
                }
            tokens, since = self._buckets.get(name, (self.burst, now))
            tokens = min(self.burst, tokens + (now - since) * self.rate)
            if tokens >= 1.0:
                self._buckets[name] = (tokens - 1.0, now)
                return 0.0
            self._buckets[name] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def refund(self, name: str) -> None:
        with self._lock:
            if name in self._buckets:
                tokens, since = self._buckets[name]
                self._buckets[name] = (min(self.burst, tokens + 1.0), since)


def too_many(delay: float, why: Message, status: int = 429) -> JSONResponse:
    return JSONResponse(
        {"error": why, "code": why.code.value, "status": status},
        status,
        headers={"Retry-After": str(max(1, math.ceil(delay))), "Connection": "close"},
    )


class AddressLimit:
    """Per-address bucket for requests that prove no key (see the module docstring)."""

    def __init__(self, app: ASGIApp, rate: float, burst: int) -> None:
        self.app = app
        self.buckets = TokenBuckets(rate, burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        name = address_key(client[0]) if client else "?"
        delay = self.buckets.take(name, asyncio.get_running_loop().time())
        if delay > 0:
            response = too_many(delay, Message(E.SERVER_TOO_MANY_REQUESTS))
            await response(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        try:
            await self.app(scope, receive, send)
        finally:
            if state.get(AUTHENTICATED):
                self.buckets.refund(name)


class KeyLimits:
    """Requests per minute and one upload at a time, per verified device key."""

    def __init__(self, rate: float, burst: int) -> None:
        self.buckets = TokenBuckets(rate, burst, max_names=1_000_000)
        self._uploading: set[bytes] = set()

    def take(self, key: bytes, now: float) -> float:
        return self.buckets.take(key.hex(), now)

    @contextmanager
    def upload(self, key: bytes) -> Iterator[bool]:
        """True if this device may upload now (and holds its one slot until the end)."""
        if key in self._uploading:
            yield False
            return
        self._uploading.add(key)
        try:
            yield True
        finally:
            self._uploading.discard(key)


@dataclass(frozen=True)
class ConnectionLimits:
    per_address: int = 64
    total: int = 1000
    header_timeout: float = 10.0  # from opening (or the last answer) to complete headers
    drain_timeout: float = 5.0  # after answering before the body was read
    drain_bytes: int = 1024 * 1024
    exempt: frozenset[str] = frozenset()  # a trusted reverse proxy: it limits its clients


class _Counts:
    def __init__(self) -> None:
        self.by_address: dict[str, int] = {}
        self.total = 0


class _GuardedH11Protocol(H11Protocol):
    """Uvicorn's h11 protocol with the connection rules above; `guarded_protocol` gives
    each server a subclass with its own limits and counts."""

    _limits: ClassVar[ConnectionLimits]
    _counts: ClassVar[_Counts]
    _address: str | None = None
    _headers_timer: asyncio.TimerHandle | None = None
    _draining: int | None = None  # bytes discarded after an early answer
    _drain_cycle: object = None  # the request whose body is being discarded

    def connection_made(  # type: ignore[override]  # as uvicorn's own
        self, transport: asyncio.Transport
    ) -> None:
        super().connection_made(transport)
        name = address_key(self.client[0]) if self.client else "?"
        if self._counts.total >= self._limits.total or (
            self._counts.by_address.get(name, 0) >= self._limits.per_address
            and name not in self._limits.exempt
        ):
            transport.abort()  # before a single byte is read: nothing to answer
            return
        self._address = name
        self._counts.by_address[name] = self._counts.by_address.get(name, 0) + 1
        self._counts.total += 1
        self._arm_headers_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_headers_timer()
        if self._address is not None:
            left = self._counts.by_address.get(self._address, 1) - 1
            if left > 0:
                self._counts.by_address[self._address] = left
            else:
                self._counts.by_address.pop(self._address, None)
            self._counts.total -= 1
            self._address = None
        super().connection_lost(exc)

    def _arm_headers_timer(self, seconds: float | None = None) -> None:
        self._disarm_headers_timer()
        if seconds is None:
            seconds = self._limits.header_timeout
        self._headers_timer = self.loop.call_later(seconds, self._too_slow)

    def _disarm_headers_timer(self) -> None:
        if self._headers_timer is not None:
            self._headers_timer.cancel()
            self._headers_timer = None

    def _too_slow(self) -> None:
        self._headers_timer = None
        if not self.transport.is_closing():
            self.transport.abort()

    def data_received(self, data: bytes) -> None:
        if self._draining is not None:
            self._draining += len(data)
            if self._draining > self._limits.drain_bytes:
                self.transport.abort()
                return
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        if self._draining is not None:
            if self.cycle is not self._drain_cycle:  # a new request's headers are in
                self._draining = None
                self._disarm_headers_timer()
            elif self.conn.their_state is h11.IDLE:  # the refused body is over
                self._draining = None
                self._arm_headers_timer()
        elif self._headers_timer is not None and self.conn.their_state is not h11.IDLE:
            self._disarm_headers_timer()  # the request line and headers are in

    def on_response_complete(self) -> None:
        unread = self.conn.their_state is h11.SEND_BODY
        super().on_response_complete()
        if self.transport.is_closing():
            return
        if unread or self._draining is not None:
            # Answered before the body was read (a refusal). The rest of the body is
            # discarded so the client can read the answer, but only briefly: a body
            # trickling after a refusal must not keep the connection.
            if self._draining is None:
                self._draining = 0
                self._drain_cycle = self.cycle
                self._arm_headers_timer(self._limits.drain_timeout)
        elif self.conn.their_state is h11.IDLE:
            self._arm_headers_timer()


def guarded_protocol(limits: ConnectionLimits) -> type[H11Protocol]:
    """Uvicorn's h11 protocol with the connection rules above (one class per server)."""

    class GuardedH11Protocol(_GuardedH11Protocol):
        pass

    GuardedH11Protocol._limits = limits
    GuardedH11Protocol._counts = _Counts()
    return GuardedH11Protocol
