"""Bounded ZIP reading and deterministic ZIP writing for packages, batches and receipts.

Everything read from outside is hostile until checked: sizes, member counts, names and
compression ratio are limited before a single byte is inflated.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import FormatError

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_EPOCH = (1980, 1, 1, 0, 0, 0)
#: A local file header: signature, version, flags, method, time, date, CRC, sizes, and the
#: lengths of the name and extra field that follow it.
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
#: Encrypted, compressed patch data, strong encryption: zipfile refuses them too.
_UNSUPPORTED_FLAGS = 0x01 | 0x20 | 0x40
#: What zipfile raises on a damaged or unusual archive (NotImplementedError: a version or
#: flag it does not support, both of which a flipped byte can produce).
_UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    ValueError,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
)


@dataclass(frozen=True)
class Limits:
    max_file: int
    max_members: int
    max_member: int
    max_total: int
    max_ratio: int = 100


def write_zip(members: Iterable[tuple[str, bytes]], *, compress: bool = True) -> bytes:
    """Same members in, same bytes out: fixed timestamps and permissions."""
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


class ZipReader:
    """A checked ZIP: every limit is enforced on open; members are read one at a time."""

    def __init__(
        self,
        source: bytes | Path,
        limits: Limits,
        *,
        what: str,
        name_ok: Callable[[str], bool] = lambda _n: True,
    ) -> None:
        self.what = what
        self._source = source
        size = source.stat().st_size if isinstance(source, Path) else len(source)
        if size > limits.max_file:
            raise FormatError(f"This {what} is too large to be genuine.")
        try:
            self._zf = zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source))
            infos = self._zf.infolist()
        except _UNREADABLE:
            raise FormatError(f"This {what} is damaged or incomplete.") from None
        if len(infos) > limits.max_members:
            raise FormatError(f"This {what} holds too many files to be genuine.")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if not _NAME.match(name) or name in seen or not name_ok(name):
                raise FormatError(f"This {what} contains an unexpected file.")
            seen.add(name)
            if info.flag_bits & 0x1:
                raise FormatError(f"This {what} is of an unknown kind (encrypted ZIP).")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise FormatError(f"This {what} is of an unknown kind (compression).")
            if info.file_size > limits.max_member:
                raise FormatError(f"This {what} contains a file that is too large.")
            if info.file_size > max(info.compress_size, 1) * limits.max_ratio:
                raise FormatError(f"This {what} is suspiciously compressed.")
            total += info.file_size
        if total > limits.max_total:
            raise FormatError(f"This {what} is too large to be genuine.")
        self._infos = {info.filename: info for info in infos}
        self.names = [info.filename for info in infos]

    def read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise FormatError(f"This {self.what} is incomplete.")
        if info.compress_type == zipfile.ZIP_STORED and not isinstance(self._source, Path):
            return self._read_stored(info, self._source)
        try:
            with self._zf.open(info) as fh:
                body = fh.read(info.file_size + 1)
        except _UNREADABLE:
            raise FormatError(f"This {self.what} is damaged or incomplete.") from None
        if len(body) != info.file_size or not self._stream_ends(info):
            raise FormatError(f"This {self.what} is damaged or incomplete.")
        return body

    def _read_stored(self, info: zipfile.ZipInfo, src: bytes) -> bytes:
        """A stored member sliced straight out of the archive in memory.

        Sealed records are stored, thousands to a batch, and zipfile's per-member file
        object costs more than the rest of their checks. This makes zipfile's checks: the
        local header's signature, flags and name, the length, and the CRC.
        """
        start = info.header_offset
        header = src[start : start + _LOCAL.size]
        if len(header) == _LOCAL.size:
            magic, _, flags, *_, name_len, extra_len = _LOCAL.unpack(header)
            name_at = start + _LOCAL.size
            body_at = name_at + name_len + extra_len
            body = src[body_at : body_at + info.compress_size]
            if (
                magic == b"PK\x03\x04"
                and not (flags | info.flag_bits) & _UNSUPPORTED_FLAGS
                and src[name_at : name_at + name_len] == info.orig_filename.encode("ascii")
                and info.compress_size == info.file_size == len(body)
                and zlib.crc32(body) == info.CRC
            ):
                return body
        raise FormatError(f"This {self.what} is damaged or incomplete.")

    def _stream_ends(self, info: zipfile.ZipInfo) -> bool:
        """A deflated member must end its stream exactly where its data ends.

        zipfile stops at the member's size and checks the CRC, so a stream cut short (a
        final-block bit flipped) still reads back whole: one file, two encodings. zipfile
        does not tell where its stream ended, so the member is inflated a second time;
        only manifests and campaign texts are compressed (records are stored), so this
        is cheap.
        """
        if info.compress_type != zipfile.ZIP_DEFLATED:
            return True
        raw = self._raw(info)
        inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            inflate.decompress(raw, info.file_size + 1)
        except zlib.error:
            return False
        return inflate.eof and not inflate.unused_data and not inflate.unconsumed_tail

    def _raw(self, info: zipfile.ZipInfo) -> bytes:
        """The member's compressed bytes, after its local header (already checked)."""
        src = self._source
        with src.open("rb") if isinstance(src, Path) else io.BytesIO(src) as fh:
            fh.seek(info.header_offset)
            header = fh.read(30)
            name_len, extra_len = header[26:28], header[28:30]
            fh.seek(int.from_bytes(name_len, "little") + int.from_bytes(extra_len, "little"), 1)
            return fh.read(info.compress_size)

    def close(self) -> None:
        self._zf.close()


def read_zip(
    data: bytes,
    limits: Limits,
    *,
    what: str,
    name_ok: Callable[[str], bool] = lambda _n: True,
) -> dict[str, bytes]:
    """Return {name: bytes}; raise FormatError (naming `what`) on anything unexpected."""
    reader = ZipReader(data, limits, what=what, name_ok=name_ok)
    try:
        return {name: reader.read(name) for name in reader.names}
    finally:
        reader.close()
