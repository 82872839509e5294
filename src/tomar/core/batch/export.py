"""The device side of batches: export (streamed, atomic, restartable after a crash)
and rebuilding a batch for sync."""

from __future__ import annotations

import contextlib
import hashlib
import io
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..atomic import atomic_writer, fsync_dir, replace, storage_error
from ..errors import E, Message, StorageError, TomarError
from ..identity import now_iso
from . import (
    CERTIFICATE,
    MANIFEST,
    SIGNATURE,
    SUFFIX,
    Cancelled,
    NothingToExport,
    Progress,
    RecordEntry,
    _info,
    build_manifest,
    file_name,
    write_batch,
)


@dataclass(frozen=True)
class Exported:
    path: Path
    number: int
    count: int
    sha256: str
    #: Earlier batches, without a receipt, that were missing from the folder: written again.
    restored: tuple[int, ...] = ()


def _sha256_fh(fh: IO[bytes]) -> str:
    fh.flush()
    fh.seek(0)
    h = hashlib.sha256()
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        h.update(chunk)
    return h.hexdigest()


def _remove_leftovers(device_public: bytes, out_dir: Path) -> None:
    """Our own hidden files from an export that was killed (`.staged`, `.tmp`).

    Called with the vault's write lock held, so no export of this vault is running; the
    names carry this device's short id, so another device's files are never touched.
    """
    prefix = file_name(device_public, 0)[: -len(f"00000{SUFFIX}")]
    try:  # `.<batch>.staged`, and the temp file it is written through, `..<batch>...tmp`
        names = [
            p
            for p in out_dir.iterdir()
            if p.name.startswith(".") and p.name.lstrip(".").startswith(prefix)
        ]
    except OSError as exc:
        raise storage_error(exc, E.WORD_THE_BATCH) from None
    for path in names:
        if path.name.endswith((".staged", ".tmp")) and path.is_file():
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise storage_error(exc, E.WORD_THE_BATCH) from None


def _restore_missing(device: Any, conn: Any, out_dir: Path) -> tuple[int, ...]:
    """Write again every batch without a receipt that this folder lacks.

    Why: the batch is committed in the vault before its file gets its real name, so a
    crash in between leaves the vault counting a batch the folder never received.
    Rebuilt bytes are the original ones (checked against the stored SHA-256).
    """
    public = device.identity.public
    restored: list[int] = []
    rows = conn.execute(
        "SELECT number, sha256, manifest, signature, certificate FROM batches "
        "WHERE receipt_at IS NULL ORDER BY number"
    ).fetchall()
    for number, sha, manifest, signature, certificate in rows:
        target = out_dir / file_name(public, int(number))
        if target.exists():
            continue
        cursor = conn.execute(
            "SELECT record_id, sealed FROM records WHERE exported_batch = ? ORDER BY seq",
            (number,),
        )
        with atomic_writer(
            target, mode=0o644, what=Message(E.WORD_BATCH_NUMBER, number=number)
        ) as fh:
            write_batch(
                fh,
                ((rid, bytes(body)) for rid, body in cursor),
                bytes(manifest),
                str(signature),
                None if certificate is None else bytes(certificate),
            )
            if _sha256_fh(fh) != sha:
                raise TomarError(E.BATCH_PURGED_CANNOT_REBUILD, number=number)
        restored.append(int(number))
    return tuple(restored)


def _pending(conn: Any, restored: tuple[int, ...]) -> tuple[int, Any]:
    """The count and the last `seq` of the records not yet exported; NothingToExport if
    none (naming the batches just restored, if any)."""
    total = conn.execute(
        "SELECT count(*), max(seq) FROM records WHERE exported_batch IS NULL"
    ).fetchone()
    count, last_seq = int(total[0]), total[1]
    if count == 0 and restored:
        numbers = ", ".join(str(n) for n in restored)
        raise NothingToExport(
            Message(E.BATCH_NOTHING_NEW_RESTORED, numbers=numbers),
            restored,
        )
    if count == 0:
        raise NothingToExport(E.BATCH_NOTHING_NEW)
    return count, last_seq


def _next_number(conn: Any) -> tuple[int, str | None]:
    """The number of the next batch and the SHA-256 of the last manifest (None if first)."""
    row = conn.execute(
        "SELECT number, manifest FROM batches ORDER BY number DESC LIMIT 1"
    ).fetchone()
    number = 1 if row is None else int(row[0]) + 1
    prev = None if row is None else hashlib.sha256(bytes(row[1])).hexdigest()
    return number, prev


def _unexported_records(
    conn: Any,
    last_seq: Any,
    count: int,
    entries: list[RecordEntry],
    progress: Progress | None,
    cancel: threading.Event | None,
) -> Iterator[tuple[str, bytes]]:
    """The records not yet exported up to `last_seq`, each noted in `entries`."""
    cursor = conn.execute(
        "SELECT record_id, seq, sealed FROM records "
        "WHERE exported_batch IS NULL AND seq <= ? ORDER BY seq",
        (last_seq,),
    )
    for rid, seq, sealed in cursor:
        if cancel is not None and cancel.is_set():
            raise Cancelled(E.BATCH_EXPORT_CANCELLED_NOTHING_WRITTEN)
        body = bytes(sealed)
        entries.append(RecordEntry(rid, int(seq), hashlib.sha256(body).hexdigest()))
        if progress is not None:
            progress(len(entries), count)
        yield rid, body


def _write_zip(
    fh: IO[bytes],
    records: Iterator[tuple[str, bytes]],
    entries: list[RecordEntry],
    header: tuple[Any, bytes, int, str | None],
    signer: Any,
    certificate: bytes | None,
) -> tuple[bytes, str]:
    """Records first, manifest last: one pass, memory flat in the batch size.

    `header` is (campaign, device public key, batch number, previous manifest's SHA-256).
    Returns the manifest and its signature.
    """
    campaign, public, number, prev = header
    with zipfile.ZipFile(fh, "w") as zf:
        for rid, body in records:
            zf.writestr(_info(f"{rid}.age", False), body)
        manifest = build_manifest(campaign, public, number, prev, entries)
        signature = signer.sign(manifest, trusted_comment=f"tomar batch {number}")
        zf.writestr(_info(MANIFEST, True), manifest)
        zf.writestr(_info(SIGNATURE, False), signature.encode())
        if certificate is not None:
            zf.writestr(_info(CERTIFICATE, False), certificate)
    return manifest, signature


def _mark_exported(
    conn: Any,
    number: int,
    sha: str,
    entries: list[RecordEntry],
    signed: tuple[bytes, str, bytes | None],
    last_seq: Any,
) -> None:
    """Store the batch (`signed`: manifest, signature, certificate) and mark its records."""
    manifest, signature, certificate = signed
    conn.execute(
        "INSERT INTO batches(number, sha256, created_at, record_count, manifest, "
        "signature, certificate) VALUES (?,?,?,?,?,?,?)",
        (number, sha, now_iso(), len(entries), manifest, signature, certificate),
    )
    conn.execute(
        "UPDATE records SET exported_batch = ? WHERE exported_batch IS NULL AND seq <= ?",
        (number, last_seq),
    )


def _publish(staged: Path, target: Path, number: int, out_dir: Path) -> None:
    """Give the committed batch its real name: a failed commit leaves no file behind."""
    try:
        replace(staged, target)  # patient on Windows (see atomic.replace)
    except OSError as exc:
        with contextlib.suppress(OSError):  # nothing was written there, or cannot be
            staged.unlink(missing_ok=True)
        raise storage_error(exc, Message(E.WORD_KEPT_BATCH, batch=number)) from None
    fsync_dir(out_dir)


def export(
    device: Any,
    out_dir: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    *,
    restore: bool = True,
) -> Exported:
    """Write one batch with every record not yet exported; raise NothingToExport if none.

    The file is written as a hidden `.staged` file inside the vault transaction that
    marks the records and renamed after the commit, so a failure (full disk, cancel)
    leaves both the folder and the vault as they were. A crash between the commit and
    the rename is repaired by the next export to any folder (`restore`): it first
    removes this device's leftovers there and writes every batch without a receipt
    that the folder lacks. Sync passes restore=False: it sends pending batches itself.
    """
    from ..device import META_CERTIFICATE  # device imports batch lazily; avoid a cycle

    campaign = device.require_campaign()
    vault = device.vault
    if not out_dir.is_dir():
        raise TomarError(E.BATCH_NO_SUCH_FOLDER, out_dir=out_dir)
    staged: Path | None = None
    restored: tuple[int, ...] = ()
    try:
        with vault.transaction() as conn:
            _remove_leftovers(device.identity.public, out_dir)
            if restore:
                restored = _restore_missing(device, conn, out_dir)
            count, last_seq = _pending(conn, restored)
            number, prev = _next_number(conn)
            entries: list[RecordEntry] = []
            records = _unexported_records(conn, last_seq, count, entries, progress, cancel)
            certificate = vault.get_meta(META_CERTIFICATE)
            target = out_dir / file_name(device.identity.public, number)
            if target.exists():
                raise StorageError(E.BATCH_FOLDER_ALREADY_HOLDS_FILE, name=target.name)
            staged = out_dir / f".{target.name}.staged"
            signer = device.identity.minisign_key()
            with atomic_writer(staged, mode=0o644, what=E.WORD_THE_BATCH) as fh:
                header = (campaign, device.identity.public, number, prev)
                manifest, signature = _write_zip(fh, records, entries, header, signer, certificate)
                sha = _sha256_fh(fh)
                signed = (manifest, signature, certificate)
                _mark_exported(conn, number, sha, entries, signed, last_seq)
    except BaseException:
        if staged is not None:
            with contextlib.suppress(OSError):  # nothing was written there, or cannot be
                staged.unlink(missing_ok=True)
        raise
    _publish(staged, target, number, out_dir)
    return Exported(target, number, len(entries), sha, restored)


def rebuild(device: Any, number: int) -> bytes:
    """The exact bytes of an earlier batch, for sending it again (sync, lost stick)."""
    conn = device.vault.conn
    row = conn.execute(
        "SELECT manifest, signature, certificate, sha256 FROM batches WHERE number = ?", (number,)
    ).fetchone()
    if row is None:
        raise TomarError(E.BATCH_NO_SUCH_BATCH, number=number)
    cursor = conn.execute(
        "SELECT record_id, sealed FROM records WHERE exported_batch = ? ORDER BY seq", (number,)
    )
    buf = io.BytesIO()
    write_batch(
        buf,
        ((rid, bytes(s)) for rid, s in cursor),
        bytes(row[0]),
        str(row[1]),
        None if row[2] is None else bytes(row[2]),
    )
    data = buf.getvalue()
    if hashlib.sha256(data).hexdigest() != row[3]:
        raise TomarError(E.BATCH_PURGED_CANNOT_REBUILD, number=number)
    return data
