"""Bounded ZIP reading and deterministic ZIP writing for packages, batches and receipts.

Everything read from outside is hostile until checked: sizes, member counts, names and
compression ratio are limited before a single byte is inflated.

The reader parses the archive itself rather than through `zipfile`: a batch holds
thousands of members, and zipfile's per-member objects and its code-page-437 name
decoding were a fifth of the time the organizer spent reading a batch (19.5 -> 15.7 us
per record without them). It is also
stricter: one disk, a central directory that ends exactly where the end record begins,
no ZIP64, and a deflated member must end its stream exactly where its data ends (zipfile
reads a stream cut short back whole: one file, two encodings). Like zipfile, it
tolerates bytes before the archive and after its end record. Writing uses zipfile.
"""

from __future__ import annotations

import io
import mmap
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import E, FormatError, Words

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_EPOCH = (1980, 1, 1, 0, 0, 0)
#: The end of central directory record: signature, this disk, the directory's disk,
#: entries on this disk, entries in all, directory size and offset, comment length.
_END = struct.Struct("<4s4H2LH")
#: A central directory entry: signature, versions made by and needed, flags, method, time,
#: date, CRC, sizes, lengths of name, extra field and comment, first disk, attributes,
#: offset of the local header.
_CENTRAL = struct.Struct("<4s2H4H3L3H2HLL")
#: A local file header: signature, version, flags, method, time, date, CRC, sizes, and the
#: lengths of the name and extra field that follow it.
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
#: Encrypted, compressed patch data, strong encryption: zipfile refuses them too.
_UNSUPPORTED_FLAGS = 0x01 | 0x20 | 0x40
#: CRC and sizes follow the data instead of being in the local header.
_DATA_DESCRIPTOR = 0x08
#: The newest "version needed to extract" zipfile accepts.
_MAX_VERSION = 63
_STORED, _DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED


@dataclass(frozen=True)
class Limits:
    max_file: int
    max_members: int
    max_member: int
    max_total: int
    max_ratio: int = 100


@dataclass(frozen=True, slots=True)
class _Member:
    name: str
    flags: int
    method: int
    crc: int
    compressed: int
    size: int
    offset: int


def write_zip(members: Iterable[tuple[str, bytes]], *, compress: bool = True) -> bytes:
    """Same members in, same bytes out: fixed timestamps and permissions."""
    buf = io.BytesIO()
    method = _DEFLATED if compress else _STORED
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


class ZipReader:
    """A checked ZIP: every limit is enforced on open; members are read one at a time.

    A file is mapped into memory rather than read: pages are only touched when a member
    is read, and the mapping is released by `close`.
    """

    def __init__(
        self,
        source: bytes | Path,
        limits: Limits,
        *,
        what: Words,
        name_ok: Callable[[str], bool] = lambda _n: True,
    ) -> None:
        self.what = what
        self._map: mmap.mmap | None = None
        size = source.stat().st_size if isinstance(source, Path) else len(source)
        if size > limits.max_file:
            raise FormatError(E.SIGNED_TOO_LARGE_GENUINE, what=what)
        data: bytes | mmap.mmap = b"" if isinstance(source, Path) else source
        if isinstance(source, Path) and size:
            try:
                with source.open("rb") as fh:
                    self._map = data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):
                raise self._damaged() from None
        self._data = data
        members = self._directory(limits)
        seen: set[str] = set()
        total = 0
        for m in members:
            if not _NAME.match(m.name) or m.name in seen or not name_ok(m.name):
                raise FormatError(E.ZIPUTIL_CONTAINS_UNEXPECTED_FILE, what=what)
            seen.add(m.name)
            if m.flags & 0x1:
                raise FormatError(E.ZIPUTIL_UNKNOWN_KIND_ENCRYPTED_ZIP, what=what)
            if m.method not in (_STORED, _DEFLATED):
                raise FormatError(E.ZIPUTIL_UNKNOWN_KIND_COMPRESSION, what=what)
            if m.size > limits.max_member:
                raise FormatError(E.ZIPUTIL_CONTAINS_FILE_TOO_LARGE, what=what)
            if m.size > max(m.compressed, 1) * limits.max_ratio:
                raise FormatError(E.ZIPUTIL_SUSPICIOUSLY_COMPRESSED, what=what)
            total += m.size
        if total > limits.max_total:
            raise FormatError(E.SIGNED_TOO_LARGE_GENUINE, what=what)
        self._members = {m.name: m for m in members}
        self.names = [m.name for m in members]

    def _damaged(self) -> FormatError:
        return FormatError(E.ZIPUTIL_DAMAGED_INCOMPLETE, what=self.what)

    def _directory(self, limits: Limits) -> list[_Member]:
        """The central directory, which must end exactly where the end record begins."""
        data, end = self._data, len(self._data)
        if end < _END.size:  # (a shorter file made the search below count from its end)
            raise self._damaged()
        # The end record is the last 22 bytes, or is followed by a comment of up to 64 KiB.
        at = data.rfind(b"PK\x05\x06", max(0, end - _END.size - 0xFFFF), end - _END.size + 4)
        if at < 0:
            raise self._damaged()
        _, disk, cd_disk, here, count, cd_size, cd_at, comment = _END.unpack_from(data, at)
        if at + _END.size + comment > end or disk or cd_disk or here != count:
            raise self._damaged()
        if count > limits.max_members:
            raise FormatError(E.ZIPUTIL_HOLDS_TOO_MANY_FILES, what=self.what)
        # As zipfile does, bytes after the end record (a sync tool's newline) and before
        # the archive are tolerated: offsets count from where the archive starts.
        shift = at - cd_size - cd_at
        if shift < 0:
            raise self._damaged()
        cd_at += shift
        members = []
        pos = cd_at
        for _ in range(count):
            if pos + _CENTRAL.size > at:
                raise self._damaged()
            (sig, _, version, flags, method, _, _, crc, compressed, size,
             name_len, extra_len, comment_len, first_disk, _, _, offset) = _CENTRAL.unpack_from(
                data, pos
            )  # fmt: skip
            name_at = pos + _CENTRAL.size
            pos = name_at + name_len + extra_len + comment_len
            if sig != b"PK\x01\x02" or version > _MAX_VERSION or first_disk or pos > at:
                raise self._damaged()
            try:
                name = bytes(data[name_at : name_at + name_len]).decode("ascii")
            except UnicodeDecodeError:
                name = ""  # refused below as an unexpected file, as zipfile's name would be
            members.append(_Member(name, flags, method, crc, compressed, size, offset + shift))
        if pos != at:
            raise self._damaged()
        return members

    def read(self, name: str) -> bytes:
        """A member's bytes, checked against its local header, length and CRC.

        The local header must agree with the central directory on name, method, CRC and
        sizes; what else it holds (times, versions, extra field) is unsigned bookkeeping.
        """
        m = self._members.get(name)
        if m is None:
            raise FormatError(E.ZIPUTIL_INCOMPLETE, what=self.what)
        data = self._data
        header = data[m.offset : m.offset + _LOCAL.size]
        if len(header) == _LOCAL.size:
            magic, _, flags, method, _, _, crc, compressed, size, name_len, extra_len = (
                _LOCAL.unpack(header)
            )
            name_at = m.offset + _LOCAL.size
            body_at = name_at + name_len + extra_len
            raw = data[body_at : body_at + m.compressed]
            if (
                magic == b"PK\x03\x04"
                and not (flags | m.flags) & _UNSUPPORTED_FLAGS
                and method == m.method
                and _same_sizes(flags, (crc, compressed, size), m)
                and data[name_at : name_at + name_len] == m.name.encode("ascii")
                and len(raw) == m.compressed
            ):
                body = raw if m.method == _STORED else _inflate(raw, m.size)
                if body is not None and len(body) == m.size and zlib.crc32(body) == m.crc:
                    return bytes(body)
        raise self._damaged()

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None
        self._data = b""


def _same_sizes(flags: int, local: tuple[int, int, int], m: _Member) -> bool:
    """The local header says what the central directory says: a reader that follows local
    headers (a streaming unzip) must see the same member, not another encoding of it.

    A writer that streams (flag bit 3) may leave CRC and sizes zero there and put them in a
    data descriptor after the data; the central directory's values are then the ones used.
    """
    if local == (m.crc, m.compressed, m.size):
        return True
    return bool(flags & _DATA_DESCRIPTOR) and local == (0, 0, 0)


def _inflate(raw: bytes, size: int) -> bytes | None:
    """A raw deflate stream that ends exactly where `raw` does, or None."""
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        body = inflate.decompress(raw, size + 1)
    except zlib.error:
        return None
    if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail:
        return None
    return body


def read_zip(
    data: bytes,
    limits: Limits,
    *,
    what: Words,
    name_ok: Callable[[str], bool] = lambda _n: True,
) -> dict[str, bytes]:
    """Return {name: bytes}; raise FormatError (naming `what`) on anything unexpected."""
    reader = ZipReader(data, limits, what=what, name_ok=name_ok)
    try:
        return {name: reader.read(name) for name in reader.names}
    finally:
        reader.close()
