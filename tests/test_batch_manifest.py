"""Issue 14: the checks behind the signature, and the ZIP reader's own checks.

A compromised device key signs whatever it likes, so every manifest check that runs after
the signature is verified gets a CORRECTLY SIGNED manifest that breaks only that check;
each test names the message it expects, so that it fails when its check is removed (tried
for every one of them). Likewise each refusal of the ZIP reader gets an archive that is
fine but for the one thing the check is there for.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zlib
from typing import Any

import pytest

from tomar.core import batch
from tomar.core.campaign import Campaign
from tomar.core.canon import canonical_json
from tomar.core.errors import E, FormatError
from tomar.core.identity import DeviceIdentity
from tomar.core.ziputil import Limits, ZipReader, read_zip, write_zip

from .batchkit import Paper, b64, paper_organizer

IDS = ["a" * 32, "b" * 32]


@pytest.fixture(scope="module")
def paper() -> Paper:
    return paper_organizer()


@pytest.fixture(scope="module")
def identity() -> DeviceIdentity:
    return DeviceIdentity.generate()


def manifest(campaign: Campaign, identity: DeviceIdentity, /, **changes: Any) -> dict[str, Any]:
    """A well-formed manifest of two records (random "sealed" bytes), then `changes`."""
    bodies = {rid: os.urandom(64) for rid in IDS}
    doc: dict[str, Any] = {
        "format": batch.FORMAT,
        "version": batch.VERSION,
        "campaign": campaign.id,
        "organizer": campaign.organizer_fpr.hex(),
        "device": b64(identity.public),
        "batch": 1,
        "prev": None,
        "created_at": "2026-01-01T00:00:00.000000Z",
        "records": [
            {"id": rid, "seq": i, "sha256": hashlib.sha256(bodies[rid]).hexdigest()}
            for i, rid in enumerate(IDS, 1)
        ],
        "_bodies": bodies,
    }
    doc.update(changes)
    return doc


def signed_batch(
    identity: DeviceIdentity,
    doc: dict[str, Any],
    *,
    body: bytes | None = None,
    members: dict[str, bytes] | None = None,
) -> bytes:
    """Sign `doc` (or exact `body` bytes) with the device's real key, as a hostile device can."""
    doc = dict(doc)
    bodies: dict[str, bytes] = doc.pop("_bodies")
    raw = canonical_json(doc) if body is None else body
    signature = identity.minisign_key().sign(raw, trusted_comment="tomar batch")
    files = bodies if members is None else members  # record id -> sealed bytes
    buf = io.BytesIO()
    batch.write_batch(buf, iter(files.items()), raw, signature, None)
    return buf.getvalue()


def refused(paper: Paper, data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        batch.read(data, paper.campaign)


def test_the_baseline_is_accepted(paper: Paper, identity: DeviceIdentity) -> None:
    """Every test below changes one thing of this genuine-looking batch."""
    bf = batch.read(signed_batch(identity, manifest(paper.campaign, identity)), paper.campaign)
    assert [e.id for e in bf.entries] == IDS and bf.number == 1
    bf.close()


def test_format_and_version(paper: Paper, identity: DeviceIdentity) -> None:
    c = paper.campaign
    refused(paper, signed_batch(identity, manifest(c, identity, format="x")), "not a Tomar batch")
    refused(paper, signed_batch(identity, manifest(c, identity, version=2)), "newer version")


def test_canonical_form(paper: Paper, identity: DeviceIdentity) -> None:
    doc = manifest(paper.campaign, identity)
    loose = {k: v for k, v in doc.items() if k != "_bodies"}
    body = json.dumps(loose, indent=1).encode()  # the same values, other bytes
    refused(paper, signed_batch(identity, doc, body=body), "not in canonical form")


def test_campaign_and_organizer(paper: Paper, identity: DeviceIdentity) -> None:
    c = paper.campaign
    refused(paper, signed_batch(identity, manifest(c, identity, campaign="other")), "another camp")
    other = manifest(c, identity, organizer="0" * 64)
    refused(paper, signed_batch(identity, other), "another organizer")


@pytest.mark.parametrize("number", [0, -1, 2**31, True, "1", 1.0])
def test_batch_number_range(paper: Paper, identity: DeviceIdentity, number: Any) -> None:
    doc = manifest(paper.campaign, identity, batch=number)
    refused(paper, signed_batch(identity, doc), "invalid batch number")


@pytest.mark.parametrize(
    ("number", "prev"),
    [(1, "ab" * 32), (2, None), (2, "AB" * 32), (2, "ab" * 31), (2, 5), (2, "ab" * 32 + "\n")],
)
def test_prev_link_form(paper: Paper, identity: DeviceIdentity, number: int, prev: Any) -> None:
    doc = manifest(paper.campaign, identity, batch=number, prev=prev)
    refused(paper, signed_batch(identity, doc), "link to the previous batch")


def _with_entry(paper: Paper, identity: DeviceIdentity, **entry: Any) -> bytes:
    doc = manifest(paper.campaign, identity)
    doc["records"][0] = {**doc["records"][0], **entry}
    return signed_batch(identity, doc)


def test_record_list_shape(paper: Paper, identity: DeviceIdentity) -> None:
    c = paper.campaign
    # Found by fuzz/ (target manifest): a signed manifest without a list raised KeyError.
    missing = manifest(c, identity)
    del missing["records"]
    refused(paper, signed_batch(identity, missing), "too many records")
    refused(paper, signed_batch(identity, manifest(c, identity, records={})), "too many records")
    refused(paper, _with_entry(paper, identity, extra=1), "list of records is damaged")


@pytest.mark.parametrize("rid", ["A" * 32, "a" * 31, "a" * 33, 7, "a" * 32 + "\n"])
def test_record_id_form(paper: Paper, identity: DeviceIdentity, rid: Any) -> None:
    refused(paper, _with_entry(paper, identity, id=rid), "invalid id")


@pytest.mark.parametrize("seq", [0, -1, 2**53, True, "1", 1.5])
def test_sequence_number_form(paper: Paper, identity: DeviceIdentity, seq: Any) -> None:
    refused(paper, _with_entry(paper, identity, seq=seq), "invalid sequence number")


@pytest.mark.parametrize("sha", ["AB" * 32, "ab" * 31, None])
def test_hash_form(paper: Paper, identity: DeviceIdentity, sha: Any) -> None:
    refused(paper, _with_entry(paper, identity, sha256=sha), "invalid hash")


def test_duplicate_ids_and_sequence_numbers(paper: Paper, identity: DeviceIdentity) -> None:
    doc = manifest(paper.campaign, identity)
    doc["records"][1] = {**doc["records"][0], "seq": 2}
    refused(paper, signed_batch(identity, doc), "same record twice")
    doc = manifest(paper.campaign, identity)
    doc["records"][1]["seq"] = 1
    refused(paper, signed_batch(identity, doc), "same sequence number twice")


def test_members_must_match_the_manifest(paper: Paper, identity: DeviceIdentity) -> None:
    doc = manifest(paper.campaign, identity)
    files = dict(doc["_bodies"])
    more = {**files, "c" * 32: b"x"}
    refused(paper, signed_batch(identity, doc, members=more), "does not list")
    fewer = dict(list(files.items())[:1])
    refused(paper, signed_batch(identity, doc, members=fewer), "missing records")
    changed = {**files, IDS[0]: b"other bytes"}
    refused(paper, signed_batch(identity, doc, members=changed), "changed or damaged")


# --- the ZIP reader ---------------------------------------------------------------------

LIMITS = Limits(max_file=1 << 20, max_members=4, max_member=1 << 16, max_total=1 << 18)
_LOCAL, _CENTRAL, _END = 30, 46, 22


def sample(compress: bool = False) -> bytes:
    return write_zip([("a.txt", b"hello " * 50), ("b.txt", b"world " * 50)], compress=compress)


def ok(data: bytes) -> dict[str, bytes]:
    return read_zip(data, LIMITS, what=E.WORD_BATCH)


def patch(data: bytes, at: int, fmt: str, *values: int | bytes) -> bytes:
    out = bytearray(data)
    struct.pack_into(fmt, out, at, *values)
    return bytes(out)


def end_at(data: bytes) -> int:
    return data.rindex(b"PK\x05\x06")


def central_at(data: bytes) -> int:
    return data.index(b"PK\x01\x02")


def damaged(data: bytes, message: str = "damaged or incomplete") -> None:
    with pytest.raises(FormatError, match=message):
        ok(data)


def test_zip_baseline() -> None:
    assert ok(sample()) == {"a.txt": b"hello " * 50, "b.txt": b"world " * 50}
    assert ok(sample(compress=True))["b.txt"] == b"world " * 50


def test_zip_end_record_checks() -> None:
    data = sample()
    end = end_at(data)
    damaged(data[: end + 4])  # no whole end record
    # Found by fuzz/ (target batch): a file shorter than an end record raised struct.error.
    damaged(b",\x9e\x8ccPK\x05\x06t%i\x87`\x10")
    damaged(patch(data, end + 20, "<H", 5))  # a comment longer than what follows
    damaged(patch(data, end + 4, "<H", 1))  # this disk
    damaged(patch(data, end + 6, "<H", 1))  # the directory's disk
    damaged(patch(data, end + 8, "<H", 3))  # entries here differ from entries in all
    damaged(patch(data, end + 16, "<L", len(data)))  # directory said to start past itself
    # Offsets that point past where the archive can start (a negative shift), even when
    # every offset is moved alike so that the members would otherwise be found.
    cd = central_at(data)
    moved = patch(data, end + 16, "<L", struct.unpack_from("<L", data, end + 16)[0] + 4)
    for entry in (cd, data.index(b"PK\x01\x02", cd + 4)):
        moved = patch(moved, entry + 42, "<L", struct.unpack_from("<L", data, entry + 42)[0] + 4)
    damaged(moved)
    with pytest.raises(FormatError, match="too many files"):
        read_zip(data, Limits(1 << 20, 1, 1 << 16, 1 << 18), what=E.WORD_BATCH)


def test_zip_central_directory_checks() -> None:
    data = sample()
    cd = central_at(data)
    damaged(patch(data, cd, "<4s", b"PK\x01\x03"))  # an entry's signature
    damaged(patch(data, cd + 6, "<H", 64))  # version needed beyond what zipfile reads
    damaged(patch(data, cd + 34, "<H", 1))  # an entry on another disk
    end = end_at(data)
    junk = data[:end] + b"JUNK" + data[end:]  # the directory does not end at the end record
    size = struct.unpack_from("<L", junk, end + 4 + 12)[0]
    damaged(patch(junk, end + 4 + 12, "<L", size + 4))
    damaged(patch(data, end + 8, "<2H", 3, 3))  # more entries than the directory holds


def test_zip_names() -> None:
    for name in ("../evil.txt", "dir/a.txt", ".hidden", "a" * 129, "é.txt"):
        members = [("a.txt", b"x"), (name, b"y")]
        raw = write_zip(members) if name.isascii() else _non_ascii_name()
        with pytest.raises(FormatError, match="unexpected file"):
            ok(raw)
    twice = write_zip([("a.txt", b"x"), ("b.txt", b"y")]).replace(b"b.txt", b"a.txt")
    with pytest.raises(FormatError, match="unexpected file"):
        ok(twice)
    with pytest.raises(FormatError, match="unexpected file"):
        read_zip(sample(), LIMITS, what=E.WORD_BATCH, name_ok=lambda n: n == "a.txt")


def _non_ascii_name() -> bytes:
    return write_zip([("a.txt", b"x"), ("e.txt", b"y")]).replace(b"e.txt", "é.tx".encode())


def _deflated_member(data: bytes) -> tuple[int, int]:
    """Where the first member's compressed bytes lie, and how many there are."""
    name_len, extra_len = struct.unpack_from("<2H", data, 26)
    return _LOCAL + name_len + extra_len, struct.unpack_from("<L", data, 18)[0]


def test_zip_deflate_errors_are_format_errors() -> None:
    data = sample(compress=True)
    start, length = _deflated_member(data)
    garbage = data[:start] + b"\xff" * length + data[start + length :]  # zlib.error
    with pytest.raises(zlib.error):
        zlib.decompressobj(-zlib.MAX_WBITS).decompress(b"\xff" * length)
    damaged(garbage)
    body = b"hello " * 50
    stream = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = stream.compress(body) + stream.flush()
    assert ok(one_member(deflated, body, 8)) == {"a.txt": body}
    damaged(one_member(deflated + b"more", body, 8))  # the stream ends before its data
    damaged(one_member(deflated[:-3], body, 8))  # the data ends before the stream


def one_member(raw: bytes, body: bytes, method: int) -> bytes:
    """A one-member ZIP written by hand: `raw` stored as the member's data, whatever it is."""
    crc, name = zlib.crc32(body), b"a.txt"
    sizes = (crc, len(raw), len(body), len(name), 0)
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 33, *sizes)
    central = struct.pack(
        "<4s6H3L5HLL", b"PK\x01\x02", 20, 20, 0, method, 0, 33, *sizes, 0, 0, 0, 0, 0
    )
    at = len(local) + len(name) + len(raw)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(name), at, 0)
    return local + name + raw + central + name + end


def test_zip_local_header_must_agree_with_the_directory() -> None:
    """Issue 14, case 10: a local header that says another method, CRC or size is another
    encoding of the member (a streaming unzip would follow it): refused."""
    data = sample()
    for at, fmt, value in ((8, "<H", 8), (14, "<L", 0), (18, "<L", 0), (22, "<L", 0)):
        damaged(patch(data, at, fmt, value))
    damaged(patch(data, 14, "<3L", 0, 0, 0))  # zero CRC and sizes, but no data descriptor
    zeroed = patch(data, 8, "<HHHLLL", 8, 0, 0, 0, 0, 0)
    damaged(zeroed)
    damaged(patch(data, 30, "<5s", b"x.txt"))  # the local name


def test_zip_bookkeeping_is_not_content() -> None:
    """What no signature covers (times, versions, the streaming flag with its zeroed local
    CRC and sizes, as streaming writers make them) reads as the same members."""
    data = sample()
    cd = central_at(data)
    same = patch(data, 4, "<H", 45)  # version needed, local
    same = patch(same, 10, "<2H", 0x1234, 0x5678)  # time and date, local
    same = patch(same, cd + 12, "<2H", 0x1234, 0x5678)  # time and date, central
    assert ok(same) == ok(data)
    streamed = patch(data, 6, "<H", 0x08)  # flag bit 3, local ...
    streamed = patch(streamed, 14, "<3L", 0, 0, 0)  # ... with CRC and sizes left zero
    streamed = patch(streamed, cd + 8, "<H", 0x08)
    assert ok(streamed) == ok(data)


def test_batch_local_headers_zeroed_is_refused(paper: Paper, identity: DeviceIdentity) -> None:
    """The case as reported: method, CRC and size zeroed in every local header of a genuine
    (here: correctly signed) batch."""
    data = bytearray(signed_batch(identity, manifest(paper.campaign, identity)))
    pos = data.find(b"PK\x03\x04")
    while pos >= 0:
        struct.pack_into("<H", data, pos + 8, 0)
        struct.pack_into("<3L", data, pos + 14, 0, 0, 0)
        pos = data.find(b"PK\x03\x04", pos + 4)
    refused(paper, bytes(data), "damaged")


def test_reader_rejects_limits_before_reading(tmp_path: Any) -> None:
    big = write_zip([("a.txt", b"\x00" * 200_000)])
    with pytest.raises(FormatError, match="suspiciously compressed"):
        ZipReader(big, Limits(1 << 20, 4, 1 << 20, 1 << 20, max_ratio=10), what=E.WORD_BATCH)
    with pytest.raises(FormatError, match="too large"):
        ZipReader(big, Limits(1 << 20, 4, 1000, 1 << 20), what=E.WORD_BATCH)
