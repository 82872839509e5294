"""The organizer's intake: verify, decrypt, check, merge and deduplicate batches.

A batch is imported whole or not at all, in one transaction. Every record must decrypt,
carry a valid signature by the device that signed the batch, name this campaign and
organizer key, and use a sequence number that device never used before. Batches of one
device form a hash chain; a batch out of order is accepted and the gap reported.

Duplicates: signers sharing a normalized email or E.164 phone are one signer (groups are
the connected components, so the result does not depend on import order). Signers whose
name and city match, also across Persian and Latin script, are flagged for review and
never merged silently.
"""

from __future__ import annotations

import base64
import functools
import json
import multiprocessing
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import sqlcipher3

from . import age, batch, countries, enroll, organizer, receipts, records, strokes
from .atomic import atomic_write
from .campaign import Campaign
from .device import Device
from .errors import FormatError, TomarError, ValidationError
from .fingerprint import same as same_fingerprint
from .identity import device_fingerprint, now_iso
from .normalize import match_keys, normalize_email, parse_phone
from .vault import Vault

PARALLEL_MIN = 256
CHUNK = 256
#: Consecutive batches up to this many bytes in all are committed together (about 6,000
#: hybrid-sealed records): a commit writes every page it changed, and index pages change
#: all over the file.
GROUP_BYTES = 24 * 1024 * 1024
#: Batches up to this size are read and opened ahead while the one before is stored
#: (the same bound as a checked batch keeping its records in memory).
AHEAD_MAX = batch.KEEP_BYTES
_RECORD_ID = re.compile(r"^[0-9a-f]{32}$")
#: The columns of a `signers` row as the workers prepare it; the importer adds the last two.
SIGNER_COLUMNS = (
    "record_id", "device", "seq", "time", "day", "event_id", "event_name", "source",
    "paper_serial", "paper_row", "lang", "display", "fields", "strokes", "name", "email",
    "phone", "name_city", "translit", "country", "batch", "voided_by",
)  # fmt: skip
_EMAIL, _PHONE = SIGNER_COLUMNS.index("email"), SIGNER_COLUMNS.index("phone")
SignerRow = tuple[Any, ...]
#: Addresses as devices store them: `normalize_email` gives them back unchanged if valid,
#: and the fallback for invalid ones (strip, lower) does too, so they skip the parser.
_LOWER_ASCII_EMAIL = re.compile(r"[a-z0-9._+-]+@[a-z0-9.-]+")
Progress = Callable[[int, int], None]
UNIQUE_COUNT_SQL = (
    "SELECT count(*) FROM signers INDEXED BY signers_unique_order "
    "WHERE voided_by IS NULL AND dup_of IS NULL"
)
UNIQUE_SIGNERS_SQL = (
    "SELECT record_id, time, event_name, source, paper_serial, paper_row, lang, display, "
    "fields, strokes, device FROM signers INDEXED BY signers_unique_order "
    "WHERE voided_by IS NULL AND dup_of IS NULL ORDER BY time, record_id"
)


@dataclass
class ImportResult:
    name: str
    status: str  # imported | already | held | rejected
    message: str
    device: str = ""
    number: int = 0
    count: int = 0
    gaps: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "rejected"


@dataclass
class _Ahead:
    """The next batch of `Intake.import_files`, read, checked and handed to the pool early.

    Its records are opened while the batch before it is stored; the result is used only
    if that batch is then imported (every check against the vault still runs first).
    """

    path: Path
    data: bytes
    bf: batch.BatchFile
    items: list[Item]
    opening: list[Future[list[Opened]]]

    def drop(self) -> None:
        for future in self.opening:
            future.cancel()
        self.bf.close()


class _OneByOne(Exception):
    """A batch of a group was refused: the group is rolled back and imported one by one."""


class RecordProblem(TomarError):
    def __init__(self, record_id: str, reason: str) -> None:
        self.record_id = record_id
        self.reason = reason
        super().__init__(f"Record {record_id}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (RecordProblem, (self.record_id, self.reason))


# --- decrypt and check, in worker processes for large batches ----------------------
#
# Everything that needs no database runs here, on both cores: decryption, the device
# signature, the record's shape against the campaign, the drawn signature, and the
# derived matching keys. The importer only does the database work, in order.


@dataclass(frozen=True)
class _Context:
    """What a worker needs to know about the campaign (picklable)."""

    identity: str
    campaign: str
    organizer: str
    kinds: dict[str, str]
    languages: tuple[str, ...]
    region: str


_WORKER: dict[str, Any] = {}


def _init_worker(ctx: _Context) -> None:
    _WORKER["ctx"] = ctx
    _WORKER["identities"] = [age.parse_identity(ctx.identity)]


Item = tuple[str, int, str, bytes]  # record id, seq (from the manifest), device key, sealed
#: record id, then a signer's row or a void (see `_prepare`) or None, then the problem
Opened = tuple[str, SignerRow | dict[str, Any] | None, str]
Contact = tuple[str, str | None, str | None]  # record id, email, phone


def _open_chunk(items: list[Item]) -> list[Opened]:
    """Decrypt and check each record; report failures by id instead of raising.

    All records of the chunk are decrypted first and checked after: each loop then runs
    warm in the processor's caches, which saves about a tenth of a worker's time.
    """
    opened: list[dict[str, Any] | TomarError] = []
    for _, _, _, sealed in items:
        try:
            opened.append(records.open_sealed(sealed, _WORKER["identities"]))
        except TomarError as exc:
            opened.append(exc)
    out: list[Opened] = []
    for (rid, seq, device_b64, _), record in zip(items, opened, strict=True):
        if not isinstance(record, TomarError):
            try:
                out.append((rid, _prepare(record, rid, seq, device_b64, _WORKER["ctx"]), ""))
                continue
            except TomarError as exc:
                record = exc
        out.append((rid, None, record.reason if isinstance(record, RecordProblem) else str(record)))
    return out


def _prepare(
    r: dict[str, Any], rid: str, seq: int, device_b64: str, ctx: _Context
) -> SignerRow | dict[str, Any]:
    """Check a decrypted record against its manifest entry and campaign; derive its keys.

    A signature comes back as its row of `signers` (but the batch and void columns), so
    that little crosses between processes and the importer has little left to do; a void
    as the part of it that intake stores.
    """
    if r.get("id") != rid or r.get("seq") != seq:
        raise RecordProblem(rid, "its id or sequence number differs from the manifest.")
    if r.get("device") != device_b64:
        raise RecordProblem(rid, "it was signed by another device than the batch.")
    if r.get("campaign") != ctx.campaign or r.get("organizer") != ctx.organizer:
        raise RecordProblem(rid, "it belongs to another campaign or organizer key.")
    if r.get("v") != records.RECORD_VERSION or not isinstance(r.get("time"), str):
        raise RecordProblem(rid, "it is of an unknown version.")
    event, paper = r.get("event"), r.get("paper")
    if event is not None and not (
        isinstance(event, dict)
        and all(isinstance(event.get(k, ""), str) for k in ("id", "name", "place"))
    ):
        raise RecordProblem(rid, "its event is damaged.")
    if r.get("type") == "void":
        if not (isinstance(r.get("target"), str) and _RECORD_ID.match(r["target"])):
            raise RecordProblem(rid, "it is a damaged void record.")
        return {k: r[k] for k in ("id", "seq", "device", "time", "target")}
    if r.get("type") != "signature":
        raise RecordProblem(rid, "it is of an unknown type.")
    if paper is not None and not (
        isinstance(paper, dict)
        and isinstance(paper.get("serial"), str)
        and isinstance(paper.get("row"), int)
        and not isinstance(paper.get("row"), bool)
    ):
        raise RecordProblem(rid, "its paper sheet reference is damaged.")
    fields = r.get("fields")
    if not isinstance(fields, dict) or not all(
        isinstance(k, str) and k in ctx.kinds and isinstance(v, str) and len(v) <= 500
        for k, v in fields.items()
    ):
        raise RecordProblem(rid, "its fields do not match the campaign.")
    if r.get("display") not in records.DISPLAY_CHOICES or r.get("source") not in records.SOURCES:
        raise RecordProblem(rid, "it has an invalid display choice or source.")
    if r.get("lang") not in ctx.languages:
        raise RecordProblem(rid, "it is in a language the campaign does not have.")
    drawn = None
    if r.get("strokes") is not None:
        try:
            drawn = base64.b64decode(r["strokes"], validate=True)
            strokes.validate(drawn)
        except (TomarError, ValueError, TypeError):
            raise RecordProblem(rid, "its drawn signature is damaged.") from None
    by_kind: dict[str, str] = {}
    for key, value in fields.items():
        by_kind.setdefault(ctx.kinds[key], value)
    name = by_kind.get("name", "")
    name_key, translit = match_keys(name)
    city_key, city_translit = _city_keys(by_kind.get("city", ""))
    # Normalize again: dedupe must not depend on the version of Tomar on each device.
    email = _dedupe_email(by_kind.get("email"))
    phone, phone_region = _dedupe_phone(by_kind.get("phone"), ctx.region)
    typed_country = by_kind.get("country")
    event = event or {}
    paper = paper or {}
    return (  # in the order of SIGNER_COLUMNS
        rid,
        device_b64,
        seq,
        r["time"],
        r["time"][:10],
        event.get("id"),
        str(event.get("name", ""))[:200],
        r["source"],
        paper.get("serial"),
        paper.get("row"),
        r["lang"],
        r["display"],
        json.dumps(fields, ensure_ascii=False, sort_keys=True),
        drawn,
        name,
        email,
        phone,
        f"{name_key}|{city_key}" if name_key else None,
        f"{translit}|{city_translit}" if translit else None,
        # The statistics key (see `countries`): the typed country, else the phone's.
        countries.key_for(typed_country) if typed_country else phone_region,
    )


@functools.lru_cache(maxsize=1024)
def _city_keys(city: str) -> tuple[str, str]:
    """A rally's signers mostly share a few cities: their keys are worked out once."""
    return match_keys(city)


def _replayed(record_id: str) -> NoReturn:
    raise RecordProblem(record_id, "it was already received (a replayed record).")


def _dedupe_email(email: str | None) -> str | None:
    """The form an email is matched under; an invalid one is still matched as typed."""
    if not email:
        return None
    if _LOWER_ASCII_EMAIL.fullmatch(email):  # both branches below give these back
        return email
    try:
        return normalize_email(email)
    except ValidationError:
        return email.strip().lower()


def _dedupe_phone(phone: str | None, region: str) -> tuple[str | None, str]:
    """The form a phone is matched under, and its region if typed with a country code."""
    if not phone:
        return None, ""
    try:
        e164, found = parse_phone(phone, region)
    except ValidationError:
        return phone.strip(), ""
    return e164, found if phone.lstrip().startswith("+") else ""


class Intake:
    """Organizer operations on an open organizer vault."""

    def __init__(self, vault: Vault, *, workers: int | None = None) -> None:
        self.vault = vault
        self.campaign: Campaign = Device(vault).require_campaign()
        self.organizer = organizer.require(vault)
        if self.organizer.fingerprint_bytes != self.campaign.organizer_fpr:
            raise TomarError("This vault's organizer keys do not belong to its campaign.")
        self._context = _Context(
            identity=self.organizer.age_identity,
            campaign=self.campaign.id,
            organizer=self.campaign.organizer_fpr.hex(),
            kinds={f.name: f.kind for f in self.campaign.fields},
            languages=tuple(self.campaign.languages),
            region=self.campaign.phone_region,
        )
        self._workers = workers if workers is not None else max(1, multiprocessing.cpu_count())
        self._pool: ProcessPoolExecutor | None = None
        self._void_targets: set[str] = set()
        self._next_path: Path | None = None  # import_files: the batch after this one
        self._ahead: _Ahead | None = None  # ... once read and handed to the pool

    def close(self) -> None:
        self._drop_ahead()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Intake:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self, items: list[Item], batch_sha: str) -> Iterator[Opened]:
        """Opened records in order; large batches are opened by the pool while we store."""
        if len(items) < PARALLEL_MIN or self._workers < 2:
            _init_worker(self._context)
            yield from _open_chunk(items)
            return
        ahead = self._ahead
        if ahead is not None and ahead.bf.sha256 == batch_sha:
            self._ahead = None
            futures = ahead.opening
        else:
            futures = self._submit(items)
        self._read_ahead()  # the pool takes the next batch as soon as this one is done
        try:
            for future in futures:
                yield from future.result()
        finally:
            for future in futures:
                future.cancel()

    def _submit(self, items: list[Item]) -> list[Future[list[Opened]]]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self._context,),
            )
        pool = self._pool
        return [pool.submit(_open_chunk, items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]

    def _read_ahead(self) -> None:
        """Read, check and submit the next batch of `import_files`, if it is worth it."""
        path, self._next_path = self._next_path, None
        if path is None or self._ahead is not None:
            return
        try:
            if path.stat().st_size > AHEAD_MAX:
                return
            data = path.read_bytes()
            bf = batch.read(data, self.campaign)
        except (OSError, TomarError):
            return  # its own import reports the problem
        items = self._items(bf)
        if len(items) < PARALLEL_MIN:
            bf.close()
            return
        self._ahead = _Ahead(path, data, bf, items, self._submit(items))

    def _drop_ahead(self) -> None:
        if self._ahead is not None:
            self._ahead.drop()
            self._ahead = None

    def _items(self, bf: batch.BatchFile) -> list[Item]:
        """The batch's records as the pool takes them (made once if it was read ahead)."""
        if self._ahead is not None and self._ahead.bf is bf:
            return self._ahead.items
        device_b64 = base64.b64encode(bf.device).decode()
        return [(e.id, e.seq, device_b64, body) for e, body in bf.sealed()]

    # --- devices ------------------------------------------------------------------

    def enroll(self, request: bytes) -> tuple[bytes, str]:
        """Check a device's request and return (certificate, device fingerprint)."""
        device, label = enroll.read_request(request, self.campaign)
        cert = enroll.issue_certificate(self.organizer, self.campaign, device, label)
        self._set_device(device, "enrolled", label)
        return cert, device_fingerprint(device)

    def _set_device(self, device: bytes, status: str, label: str = "") -> None:
        key = base64.b64encode(device).decode()
        with self.vault.transaction() as conn:
            conn.execute(
                "INSERT INTO devices(public_key, fingerprint, label, status, since) "
                "VALUES (?,?,?,?,?) ON CONFLICT(public_key) DO UPDATE SET status = excluded.status",
                (key, device_fingerprint(device), label, status, now_iso()),
            )
            self._audit(conn, f"device {status}", device_fingerprint(device))

    def _device_status(self, device: bytes) -> str | None:
        row = self.vault.conn.execute(
            "SELECT status FROM devices WHERE public_key = ?", (base64.b64encode(device).decode(),)
        ).fetchone()
        return None if row is None else str(row[0])

    def revoke_device(self, fingerprint: str) -> None:
        self._set_device(self._find_device(fingerprint), "revoked")

    def _find_device(self, fingerprint: str) -> bytes:
        for (key,) in self.vault.conn.execute(
            "SELECT DISTINCT device FROM intake_batches UNION SELECT public_key FROM devices"
        ):
            raw = base64.b64decode(key)
            if same_fingerprint(fingerprint, device_fingerprint(raw)):
                return raw
        raise TomarError("No device with that fingerprint has sent a batch or been enrolled.")

    def approve_device(
        self, fingerprint: str, progress: Progress | None = None
    ) -> list[ImportResult]:
        """Trust a device that was not enrolled, and import its held batches."""
        device = self._find_device(fingerprint)
        self._set_device(device, "approved")
        held = self.vault.conn.execute(
            "SELECT sha256, body FROM intake_batches WHERE status = 'held' AND device = ? "
            "ORDER BY number",
            (base64.b64encode(device).decode(),),
        ).fetchall()
        results = []
        for sha, body in held:
            result = self.import_bytes(
                bytes(body), name=f"held batch {sha[:12]}", progress=progress
            )
            if result.status == "rejected":  # reported now; do not keep it held forever
                with self.vault.transaction() as conn:
                    conn.execute("DELETE FROM intake_batches WHERE sha256 = ?", (sha,))
            results.append(result)
        return results

    # --- import -------------------------------------------------------------------

    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        done: Callable[[ImportResult], None] | None = None,
    ) -> list[ImportResult]:
        """Import batches in order; while one is stored, the pool opens the next.

        Consecutive small batches are committed together (`_import_group`). `done` hears
        of each result once it is committed. A cancel stops before the next batch.
        """
        results: list[ImportResult] = []
        try:
            i = 0
            while i < len(paths) and not (cancel is not None and cancel.is_set()):
                group = self._group_at(paths, i)
                after = paths[i + len(group)] if i + len(group) < len(paths) else None
                for result in self._import_group(group, after, progress, cancel):
                    results.append(result)
                    if done is not None:
                        done(result)
                i += len(group)
        finally:
            self._next_path = None
            self._drop_ahead()
        return results

    @staticmethod
    def _group_at(paths: Sequence[Path], start: int) -> Sequence[Path]:
        """The batches from `start` on that together stay under GROUP_BYTES (at least one)."""
        total, end = 0, start
        while end < len(paths):
            try:
                total += paths[end].stat().st_size
            except OSError:
                total = GROUP_BYTES + 1  # its own import reports the problem
            if end > start and total > GROUP_BYTES:
                break
            end += 1
        return paths[start:end]

    def _import_group(
        self,
        group: Sequence[Path],
        after: Path | None,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> list[ImportResult]:
        """Import batches in one transaction; if any is refused, roll all of them back and
        import them one by one, so that each is still imported whole or not at all.

        Inside the group a cancel is heard between batches (what is done is committed).
        """
        if len(group) > 1:
            try:
                with self.vault.joined():
                    return self._import_each(group, after, progress, cancel, joined=True)
            except (_OneByOne, TomarError):
                self._drop_ahead()
        return self._import_each(group, after, progress, cancel, joined=False)

    def _import_each(
        self,
        group: Sequence[Path],
        after: Path | None,
        progress: Progress | None,
        cancel: threading.Event | None,
        *,
        joined: bool,
    ) -> list[ImportResult]:
        """Import a group's batches in order; in a joined transaction, the first refusal
        raises `_OneByOne` and a cancel is heard only between batches."""
        results: list[ImportResult] = []
        for k, path in enumerate(group):
            if cancel is not None and cancel.is_set():
                break
            self._next_path = group[k + 1] if k + 1 < len(group) else after
            results.append(self.import_file(path, progress, None if joined else cancel))
            if joined and results[-1].status == "rejected":
                raise _OneByOne
        return results

    def import_file(
        self, path: Path, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> ImportResult:
        ahead = self._ahead
        if ahead is not None and ahead.path != path:
            self._drop_ahead()
        elif ahead is not None:
            try:
                return self._import_read(ahead.bf, ahead.data, path.name, progress, cancel)
            finally:
                if self._ahead is ahead:  # not imported after all: drop what was opened
                    self._drop_ahead()
        try:
            if path.stat().st_size > batch.LIMITS.max_file:
                return ImportResult(path.name, "rejected", "This batch is too large to be genuine.")
            data = path.read_bytes()
        except OSError as exc:
            return ImportResult(path.name, "rejected", f"The file cannot be read ({exc.strerror}).")
        return self.import_bytes(data, name=path.name, progress=progress, cancel=cancel)

    def import_bytes(
        self,
        data: bytes,
        *,
        name: str,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportResult:
        """Import one batch; the result says what happened. Only rejects change nothing."""
        try:
            bf = batch.read(data, self.campaign)
        except TomarError as exc:
            return ImportResult(name, "rejected", str(exc))
        return self._import_read(bf, data, name, progress, cancel)

    def _import_read(
        self,
        bf: batch.BatchFile,
        data: bytes,
        name: str,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> ImportResult:
        try:
            return self._import(bf, data, name, progress, cancel)
        except RecordProblem as exc:
            return self._result(bf, name, "rejected", f"{exc} The whole batch was rejected.")
        except TomarError as exc:
            return self._result(bf, name, "rejected", str(exc))
        except sqlcipher3.IntegrityError:
            return self._result(
                bf, name, "rejected", "This batch repeats records already received."
            )
        finally:
            bf.close()

    def _result(self, bf: batch.BatchFile, name: str, status: str, message: str) -> ImportResult:
        return ImportResult(
            name,
            status,
            message,
            bf.device_fingerprint,
            bf.number,
            len(bf.entries),
            self.gaps().get(bf.device_fingerprint, []),
        )

    def _import(
        self,
        bf: batch.BatchFile,
        data: bytes,
        name: str,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> ImportResult:
        conn = self.vault.conn
        device_b64 = base64.b64encode(bf.device).decode()
        row = conn.execute(
            "SELECT status FROM intake_batches WHERE sha256 = ?", (bf.sha256,)
        ).fetchone()
        status = self._device_status(bf.device)
        if row is not None:
            if row[0] == "held" and status not in ("enrolled", "approved"):
                return self._result(bf, name, "held", "Already held: waiting for your approval.")
            if row[0] != "held":
                return self._result(bf, name, "already", "Already imported; nothing changed.")
        copy = conn.execute(
            "SELECT 1 FROM intake_batches WHERE device = ? AND number = ? AND manifest_sha256 = ? "
            "AND status = 'imported'",
            (device_b64, bf.number, bf.manifest_sha256),
        ).fetchone()
        if copy is not None:
            if row is not None:  # a held copy of a batch imported since: settle it
                with self.vault.transaction() as c:
                    c.execute(
                        "DELETE FROM intake_batches WHERE sha256 = ? AND status = 'held'",
                        (bf.sha256,),
                    )
            return self._result(
                bf, name, "already", "Already imported (this file is a copy); nothing changed."
            )
        if status == "revoked":
            raise TomarError("This batch comes from a revoked device; it was not imported.")
        certified: enroll.Certificate | None = None
        if status is None and bf.certificate is not None:
            certified = enroll.read_certificate(bf.certificate, self.campaign)
            if certified.device != bf.device:
                raise FormatError("This batch carries another device's certificate.")
            status = "enrolled"  # recorded below, only if the batch is imported
        if status is None:
            with self.vault.transaction() as c:
                c.execute(
                    "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, prev, "
                    "record_count, received_at, status, body) VALUES (?,?,?,?,?,?,?, 'held', ?)",
                    (
                        bf.sha256,
                        bf.manifest_sha256,
                        device_b64,
                        bf.number,
                        bf.prev,
                        len(bf.entries),
                        now_iso(),
                        data,
                    ),
                )
            return self._result(
                bf,
                name,
                "held",
                f"Held: device {bf.device_fingerprint} is not enrolled. Check it, then approve it.",
            )
        self._check_chain(bf, device_b64)

        items = self._items(bf)
        total = len(items)
        with self.vault.transaction() as c:
            if certified is not None:
                c.execute(
                    "INSERT OR IGNORE INTO devices(public_key, fingerprint, label, status, since) "
                    "VALUES (?,?,?, 'enrolled', ?)",
                    (device_b64, bf.device_fingerprint, certified.label, now_iso()),
                )
            c.execute(
                "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, prev, "
                "record_count, received_at, status) VALUES (?,?,?,?,?,?,?, 'imported') "
                "ON CONFLICT(sha256) DO UPDATE SET status = 'imported', body = NULL, "
                "received_at = excluded.received_at",
                (bf.sha256, bf.manifest_sha256, device_b64, bf.number, bf.prev, total, now_iso()),
            )
            # The transaction stays open while the pool opens records: one bad record
            # rolls back everything, so a batch is still imported whole or not at all.
            self._void_targets = {
                str(t[0])
                for t in c.execute("SELECT target FROM voids WHERE device = ?", (device_b64,))
            }
            pending: list[SignerRow] = []  # signers not yet written, nor compared
            for i, (rid, prepared, problem) in enumerate(self._open(items, bf.sha256), 1):
                if prepared is None:
                    raise RecordProblem(rid, problem)
                if cancel is not None and cancel.is_set():
                    raise TomarError("Import cancelled. Nothing was changed.")
                if isinstance(prepared, dict):  # a void
                    self._store_signers(c, pending, bf.sha256)  # a void sees what came first
                    pending = []
                    self._store_void(c, prepared, bf.sha256)
                else:
                    pending.append(prepared)
                    if len(pending) >= CHUNK:
                        self._store_signers(c, pending, bf.sha256)
                        pending = []
                if progress is not None and (i % 500 == 0 or i == total):
                    progress(i, total)
            self._store_signers(c, pending, bf.sha256)
            self._audit(c, "import", f"{bf.device_fingerprint} batch {bf.number} ({total})")
        gaps = self.gaps().get(bf.device_fingerprint, [])
        message = f"Imported {total} records."
        if gaps:
            message += f" Waiting for batch {', '.join(map(str, gaps))} of this device."
        return ImportResult(
            name, "imported", message, bf.device_fingerprint, bf.number, total, gaps
        )

    def _check_chain(self, bf: batch.BatchFile, device_b64: str) -> None:
        conn = self.vault.conn

        def imported(number: int) -> tuple[str, str | None] | None:
            row = conn.execute(
                "SELECT manifest_sha256, prev FROM intake_batches "
                "WHERE device = ? AND number = ? AND status = 'imported'",
                (device_b64, number),
            ).fetchone()
            return None if row is None else (str(row[0]), row[1])

        same = imported(bf.number)
        if same is not None:
            raise FormatError(
                f"Another batch {bf.number} of this device was already imported: this one is "
                "a replay or a forgery."
            )
        before, after = imported(bf.number - 1), imported(bf.number + 1)
        if before is not None and bf.prev != before[0]:
            raise FormatError(f"This batch does not follow batch {bf.number - 1} of its device.")
        if after is not None and after[1] != bf.manifest_sha256:
            raise FormatError(f"Batch {bf.number + 1} of this device does not follow this one.")

    _SEQ_SQL = "INSERT INTO device_seqs(device, seq, record_id, batch) VALUES (?,?,?,?)"
    _SIGNER_SQL = (
        f"INSERT INTO signers({', '.join(SIGNER_COLUMNS)}) "  # noqa: S608 (fixed columns)
        f"VALUES ({', '.join('?' * len(SIGNER_COLUMNS))})"
    )

    def _claim(
        self, conn: Any, keys: Sequence[tuple[str, str, int]], batch_sha: str, other: str
    ) -> None:
        """The replay check: each (device, seq) is received once (the constraint on
        device_seqs), and each record id once (the primary keys of signers and voids, and
        here the other of the two tables, `other`).

        Many rows per statement. If one was already received, the whole batch is rejected
        (the transaction rolls back), so it only remains to name the first such record.
        """
        ids = [rid for rid, _, _ in keys]
        taken = {
            row[0]
            for row in conn.execute(
                f"SELECT record_id FROM {other} "  # noqa: S608 (signers or voids)
                "WHERE record_id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            )
        }
        if taken:
            _replayed(next(rid for rid in ids if rid in taken))
        rows = [(device, seq, rid, batch_sha) for rid, device, seq in keys]
        try:
            conn.executemany(self._SEQ_SQL, rows)
        except sqlcipher3.IntegrityError:
            for device, seq, rid, _ in rows:
                if conn.execute(
                    "SELECT 1 FROM device_seqs WHERE device = ? AND seq = ? AND batch != ?",
                    (device, seq, batch_sha),
                ).fetchone():
                    _replayed(rid)
            raise

    def _insert_many(
        self, conn: Any, table: str, sql: str, rows: list[Any], batch_sha: str
    ) -> None:
        """Insert rows whose first column is the record id; name a replayed one."""
        try:
            conn.executemany(sql, rows)
        except sqlcipher3.IntegrityError:
            for row in rows:
                if conn.execute(
                    f"SELECT 1 FROM {table} WHERE record_id = ? AND batch != ?",  # noqa: S608
                    (row[0], batch_sha),
                ).fetchone():
                    _replayed(row[0])
            raise

    def _store_void(self, conn: Any, r: dict[str, Any], batch_sha: str) -> None:
        self._claim(conn, [(r["id"], r["device"], r["seq"])], batch_sha, other="signers")
        self._insert_many(
            conn,
            "voids",
            "INSERT INTO voids(record_id, device, target, time, batch) VALUES (?,?,?,?,?)",
            [(r["id"], r["device"], r["target"], r["time"], batch_sha)],
            batch_sha,
        )
        self._void_targets.add(r["target"])
        target = conn.execute(
            "SELECT device, voided_by FROM signers WHERE record_id = ?", (r["target"],)
        ).fetchone()
        if target is not None and target[0] == r["device"] and target[1] is None:
            conn.execute(
                "UPDATE signers SET voided_by = ? WHERE record_id = ?", (r["id"], r["target"])
            )
            self._regroup(conn, self._group_of(conn, r["target"]))

    def _store_signers(self, conn: Any, prepared: Sequence[SignerRow], batch_sha: str) -> None:
        """Store signature records in order, a chunk per statement, then match them."""
        if not prepared:
            return
        self._claim(conn, [p[:3] for p in prepared], batch_sha, other="voids")
        rows = []
        contacts: list[Contact] = []
        for p in prepared:
            void = None
            if p[0] in self._void_targets:  # a void that arrived before its target
                void = conn.execute(
                    "SELECT record_id FROM voids WHERE target = ? AND device = ?", p[:2]
                ).fetchone()
            rows.append((*p, batch_sha, None if void is None else void[0]))
            if void is None and (p[_EMAIL] or p[_PHONE]):
                contacts.append((p[0], p[_EMAIL], p[_PHONE]))
        self._insert_many(conn, "signers", self._SIGNER_SQL, rows, batch_sha)
        self._dedupe(conn, contacts)

    def _dedupe(self, conn: Any, contacts: Sequence[Contact]) -> None:
        """Join newly stored signers to the groups of everyone sharing an email or phone.

        One query for a whole chunk of signers rather than one each. Groups are connected
        components, so regrouping the touched groups together with the new signers gives
        the same result as adding the signers one by one.
        """
        if not contacts:
            return
        emails = sorted({e for _, e, _ in contacts if e})
        phones = sorted({p for _, _, p in contacts if p})
        rows = conn.execute(
            "SELECT record_id, coalesce(dup_of, record_id), email, phone FROM signers "
            "WHERE voided_by IS NULL AND (email IN (SELECT value FROM json_each(?)) "
            "OR phone IN (SELECT value FROM json_each(?)))",
            (json.dumps(emails), json.dumps(phones)),
        ).fetchall()
        by_key: dict[str, list[tuple[str, str]]] = {}
        for rid, canonical, email, phone in rows:
            for key in (f"e:{email}" if email else "", f"p:{phone}" if phone else ""):
                if key:
                    by_key.setdefault(key, []).append((rid, canonical))
        members: set[str] = set()
        canonicals: set[str] = set()
        for rid, email, phone in contacts:
            found = (by_key.get(f"e:{email}", []) if email else []) + (
                by_key.get(f"p:{phone}", []) if phone else []
            )
            others = {canonical for other, canonical in found if other != rid}
            if others:
                members.add(rid)
                canonicals |= others
        if not members:
            return
        for canonical in canonicals:
            members |= self._group_of(conn, canonical)
        self._regroup(conn, members)

    @staticmethod
    def _group_of(conn: Any, record_id: str) -> set[str]:
        row = conn.execute(
            "SELECT coalesce(dup_of, record_id) FROM signers WHERE record_id = ?", (record_id,)
        ).fetchone()
        canonical = record_id if row is None else row[0]
        rows = conn.execute(
            "SELECT record_id FROM signers WHERE record_id = ? OR dup_of = ?",
            (canonical, canonical),
        )
        return {r[0] for r in rows} | {record_id}

    @staticmethod
    def _regroup(conn: Any, members: Iterable[str]) -> None:
        """Connected components by email, phone and the organizer's manual merges; the
        earliest signer is the original."""
        rows = conn.execute(
            "SELECT record_id, time, email, phone, voided_by, merged_with FROM signers "
            "WHERE record_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(members)),),
        ).fetchall()
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        live = [row for row in rows if row[4] is None]
        live_ids = {row[0] for row in live}
        for rid, _, email, phone, _, merged_with in live:
            find(rid)
            for key in (f"e:{email}" if email else None, f"p:{phone}" if phone else None):
                if key is not None:
                    parent[find(rid)] = find(key)
            if merged_with in live_ids:  # a merge with a signer since voided lapses
                parent[find(rid)] = find(merged_with)
        groups: dict[str, list[tuple[str, str]]] = {}
        for rid, time, *_ in live:
            groups.setdefault(find(rid), []).append((time, rid))
        updates: list[tuple[str | None, str]] = [
            (None, row[0]) for row in rows if row[4] is not None
        ]
        for group in groups.values():
            group.sort()
            original = group[0][1]
            updates += [(None if rid == original else original, rid) for _, rid in group]
        conn.executemany("UPDATE signers SET dup_of = ? WHERE record_id = ?", updates)

    def _audit(self, conn: Any, action: str, detail: str) -> None:
        conn.execute(
            "INSERT INTO audit(time, action, detail) VALUES (?,?,?)", (now_iso(), action, detail)
        )

    # --- duplicate review -----------------------------------------------------------

    REVIEW_DECISIONS = ("keep", "merge", "distinct")

    def mark_review(self, record_id: str, decision: str, other: str | None = None) -> None:
        """A person's decision on a possible duplicate, audited in the same transaction.

        keep: the signer stays as counted; merge: the signer becomes a duplicate of
        `other` (of its original); distinct: not a duplicate, no longer flagged.
        """
        if decision not in self.REVIEW_DECISIONS:
            raise TomarError("Unknown review decision.")
        with self.vault.transaction() as conn:
            if (
                conn.execute("SELECT 1 FROM signers WHERE record_id = ?", (record_id,)).fetchone()
                is None
            ):
                raise TomarError("No signer with that record id.")
            detail = record_id
            if decision == "merge":
                row = (
                    None
                    if other is None
                    else conn.execute(
                        "SELECT coalesce(dup_of, record_id) FROM signers "
                        "WHERE record_id = ? AND voided_by IS NULL",
                        (other,),
                    ).fetchone()
                )
                if row is None or row[0] == record_id:
                    raise TomarError("Choose another signer to merge with.")
                conn.execute(
                    "UPDATE signers SET dup_of = ?, review = 'merged' "
                    "WHERE record_id = ? OR dup_of = ?",
                    (row[0], record_id, record_id),
                )
                conn.execute(
                    "UPDATE signers SET merged_with = ? WHERE record_id = ?", (other, record_id)
                )
                detail = f"{record_id} -> {row[0]}"
            else:
                conn.execute(
                    "UPDATE signers SET review = ? WHERE record_id = ?", (decision, record_id)
                )
            self._audit(conn, f"review {decision}", detail)

    # --- reports ------------------------------------------------------------------

    def gaps(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        rows = self.vault.conn.execute(
            "SELECT device, group_concat(number) FROM intake_batches WHERE status = 'imported' "
            "GROUP BY device"
        )
        for device, numbers in rows:
            have = {int(n) for n in str(numbers).split(",")}
            missing = sorted(set(range(1, max(have) + 1)) - have)
            if missing:
                out[device_fingerprint(base64.b64decode(device))] = missing
        return out

    def stats(self) -> dict[str, Any]:
        conn = self.vault.conn

        def one(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0] or 0)

        unique = "voided_by IS NULL AND dup_of IS NULL"

        def breakdown(column: str) -> list[dict[str, Any]]:
            rows = conn.execute(
                f"SELECT {column} AS k, count(*), "  # noqa: S608
                f"sum(CASE WHEN {unique} THEN 1 ELSE 0 END) FROM signers GROUP BY k ORDER BY k"
            )
            return [{"key": k or "", "received": n, "unique": u or 0} for k, n, u in rows]

        by_device = breakdown("device")
        for row in by_device:
            row["key"] = device_fingerprint(base64.b64decode(row["key"]))
        # Keys stored before typed countries became codes are merged into their code.
        by_country: dict[str, dict[str, Any]] = {}
        for row in breakdown("country"):
            key = countries.canonical(row["key"])
            into = by_country.setdefault(key, {"key": key, "received": 0, "unique": 0})
            into["received"] += row["received"]
            into["unique"] += row["unique"]
        return {
            "received": one("SELECT count(*) FROM signers"),
            "unique": self.unique_count(),
            "duplicates": one(
                "SELECT count(*) FROM signers WHERE voided_by IS NULL AND dup_of IS NOT NULL"
            ),
            "flagged": self.flagged_count(),
            "voided": one("SELECT count(*) FROM signers WHERE voided_by IS NOT NULL"),
            "held": one("SELECT sum(record_count) FROM intake_batches WHERE status = 'held'"),
            "held_batches": one("SELECT count(*) FROM intake_batches WHERE status = 'held'"),
            "batches": one("SELECT count(*) FROM intake_batches WHERE status = 'imported'"),
            "by_event": breakdown("event_name"),
            "by_device": by_device,
            "by_day": breakdown("day"),
            "by_country": sorted(by_country.values(), key=lambda r: str(r["key"])),
            "gaps": self.gaps(),
        }

    def flagged_count(self) -> int:
        """Originals whose name and city match another original's: a person should look."""
        sql = """
            SELECT count(*) FROM signers s
            WHERE s.voided_by IS NULL AND s.dup_of IS NULL AND coalesce(s.review, '') != 'distinct'
              AND (EXISTS (SELECT 1 FROM signers t WHERE t.name_city = s.name_city
                           AND t.record_id != s.record_id AND t.voided_by IS NULL
                           AND t.dup_of IS NULL AND coalesce(t.review, '') != 'distinct')
                OR EXISTS (SELECT 1 FROM signers t WHERE t.translit = s.translit
                           AND t.record_id != s.record_id AND t.voided_by IS NULL
                           AND t.dup_of IS NULL AND coalesce(t.review, '') != 'distinct'))
        """
        return int(self.vault.conn.execute(sql).fetchone()[0])

    def unique_count(self) -> int:
        """Counted from the index alone: reading the rows would fill the page cache."""
        return int(self.vault.conn.execute(UNIQUE_COUNT_SQL).fetchone()[0])

    def unique_signers(self) -> Iterable[dict[str, Any]]:
        """Unique signers in order, streamed: memory does not grow with their number.

        SQLite would rather use `signers_dup_of` and then sort every row in memory, so the
        partial index that already holds them in this order is named.
        """
        with self.vault.streaming():
            yield from map(self._signer, self.vault.conn.execute(UNIQUE_SIGNERS_SQL))

    @staticmethod
    def _signer(row: Sequence[Any]) -> dict[str, Any]:
        return {
            "record_id": row[0],
            "time": row[1],
            "event": row[2],
            "source": row[3],
            "paper_serial": row[4],
            "paper_row": row[5],
            "lang": row[6],
            "display": row[7],
            "fields": json.loads(row[8]),
            "strokes": row[9],
            "device": device_fingerprint(base64.b64decode(row[10])),
        }

    # --- outputs ------------------------------------------------------------------

    def write_receipts(self, out_dir: Path, *, again: bool = False) -> list[Path]:
        """One signed receipt per imported batch (by default only those without one yet)."""
        if not out_dir.is_dir():
            raise TomarError(f"The folder {out_dir} does not exist.")
        sql = (
            "SELECT sha256, device, number, manifest_sha256 FROM intake_batches "
            "WHERE status = 'imported'"
        )
        if not again:
            sql += " AND receipt_at IS NULL"
        written = []
        for sha, device, number, manifest_sha in self.vault.conn.execute(
            sql + " ORDER BY device, number"
        ).fetchall():
            ids = [
                r[0]
                for r in self.vault.conn.execute(
                    "SELECT record_id FROM device_seqs WHERE batch = ?", (sha,)
                )
            ]
            data = receipts.make(
                self.organizer,
                self.campaign,
                device=device,
                batch=int(number),
                batch_sha256=sha,
                manifest_sha256=manifest_sha,
                accepted=ids,
                rejected={},
            )
            stem = batch.file_name(base64.b64decode(device), int(number))[: -len(batch.SUFFIX)]
            path = out_dir / f"{stem}{receipts.SUFFIX}"
            atomic_write(path, data, mode=0o644, what="the receipt")
            with self.vault.transaction() as conn:
                conn.execute(
                    "UPDATE intake_batches SET receipt_at = ? WHERE sha256 = ?", (now_iso(), sha)
                )
            written.append(path)
        return written

    def export_csv(self, out: Path, svg_dir: Path | None = None) -> int:
        """Unique signers as CSV (UTF-8 with BOM for spreadsheets); SVG signatures if asked."""
        import csv
        import io

        names = [f.name for f in self.campaign.fields]
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(
            [
                "record_id",
                "time",
                "event",
                "source",
                "paper_serial",
                "paper_row",
                "language",
                "display",
                *names,
                "device",
            ]
        )
        count = 0
        for s in self.unique_signers():
            writer.writerow(
                [
                    _cell(x)
                    for x in (
                        s["record_id"],
                        s["time"],
                        s["event"],
                        s["source"],
                        s["paper_serial"] or "",
                        s["paper_row"] or "",
                        s["lang"],
                        s["display"],
                        *(s["fields"].get(n, "") for n in names),
                        s["device"],
                    )
                ]
            )
            if svg_dir is not None and s["strokes"] is not None:
                svg_dir.mkdir(parents=True, exist_ok=True)
                svg = strokes.to_svg(strokes.decode(bytes(s["strokes"])))
                atomic_write(svg_dir / f"{s['record_id']}.svg", svg.encode(), what="a signature")
            count += 1
        atomic_write(out, b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"), what="the CSV file")
        return count


def _cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; signers' text is hostile."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
