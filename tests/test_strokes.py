"""Tests for tomar.core.strokes: binary format, strict decoding, ink rule, geometry."""

from __future__ import annotations

import contextlib
import itertools
import math
import struct
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tomar.core import strokes
from tomar.core.errors import E, StrokesError, TomarError, ValidationError
from tomar.core.strokes import (
    _MSG_DAMAGED,
    MAX_BYTES,
    MAX_POINTS,
    MAX_STROKES,
    MAX_T_MS,
    UNKNOWN_PRESSURE,
    Point,
    Signature,
    check_minimum_ink,
    decode,
    encode,
    extent,
    ink_length,
    scaled_paths,
    to_svg,
    validate,
)

SVG_NS = "{http://www.w3.org/2000/svg}"


def _parse_svg(svg: str) -> ET.Element:
    """Parse SVG that we generated ourselves (so not untrusted XML)."""
    return ET.fromstring(svg)  # noqa: S314


def _capture(
    strokes_px: Sequence[Sequence[tuple[float, float]]],
    pad_w: float,
    pad_h: float,
    *,
    dt: int = 16,
    pressure: float = UNKNOWN_PRESSURE,
    t0: int = 0,
) -> Signature:
    """Record pixel positions on a pad the way the GUI will: relative to the pad."""
    t = t0
    strokes = []
    for stroke in strokes_px:
        points = []
        for x, y in stroke:
            points.append(Point(x / pad_w, y / pad_h, t, pressure))
            t += dt
        strokes.append(tuple(points))
        t += 250  # pen lifted
    return Signature(aspect=pad_w / pad_h, strokes=tuple(strokes))


def _realistic_px(pad_w: float, pad_h: float) -> list[list[tuple[float, float]]]:
    """A cursive-looking signature: two looping strokes and an underline, 300 points.

    Sampled at 60 Hz at a natural writing speed, snapped to whole pixels like real
    touch input.
    """
    strokes: list[list[tuple[float, float]]] = []
    # a looping stroke (prolate cycloid) across the left half, then the right half
    for start, n in ((0.08, 150), (0.52, 100)):
        stroke: list[tuple[float, float]] = []
        for i in range(n):
            s = i / (n - 1)
            theta = s * 2 * math.pi * (n / 30)
            x = (start + 0.38 * s) * pad_w + 0.05 * pad_h * math.cos(theta) * 1.3
            y = (0.45 + 0.22 * math.sin(theta) + 0.05 * math.sin(3 * s)) * pad_h
            stroke.append((round(x), round(y)))
        strokes.append(stroke)
    # a slightly curved underline
    strokes.append(
        [
            (round((0.12 + 0.76 * i / 49) * pad_w), round((0.8 + 0.03 * math.sin(i / 8)) * pad_h))
            for i in range(50)
        ]
    )
    return strokes


REALISTIC = _capture(_realistic_px(900, 300), 900, 300)


def _pressured(sig: Signature) -> Signature:
    """The same drawing as captured with a pen that reports varying pressure."""
    strokes = tuple(
        tuple(Point(p.x, p.y, p.t, 0.35 + 0.4 * abs(math.sin(i / 7))) for i, p in enumerate(stroke))
        for stroke in sig.strokes
    )
    return Signature(sig.aspect, strokes)


# --- strategies --------------------------------------------------------------------------

_unit = st.floats(0.0, 1.0, allow_nan=False)


#: Pauses around and above the longest that format 2 stores (65,535 ms).
_pauses = st.sampled_from([65_534, 65_535, 65_536, 65_537, 70_000, 900_000])


@st.composite
def signatures(
    draw: st.DrawFn, max_strokes: int = 6, max_points: int = 40, *, long_pauses: bool = False
) -> Signature:
    """Random drawings; with `long_pauses`, about one delta in ten is a pause from `_pauses`."""

    def delta(usual: int) -> int:
        if long_pauses and draw(st.integers(0, 9)) == 0:
            return draw(_pauses)
        return draw(st.integers(0, usual))

    aspect = draw(st.floats(0.1, 10.0, allow_nan=False))
    n_strokes = draw(st.integers(0, max_strokes))
    t = delta(1000)
    strokes = []
    for _ in range(n_strokes):
        n = draw(st.integers(1, max_points))
        points = []
        for _ in range(n):
            t = min(t + delta(2000), MAX_T_MS)
            points.append(Point(draw(_unit), draw(_unit), t, draw(_unit)))
        strokes.append(tuple(points))
    return Signature(aspect, tuple(strokes))


# --- both binary formats, built independently of the module -------------------------------


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _encode_v1(sig: Signature) -> bytes:
    """Format 1, as older versions wrote it (zigzag deltas in varints); no size limit."""
    out = bytearray(b"\xa1" + struct.pack(">d", sig.aspect) + _varint(len(sig.strokes)))
    px = py = pt = 0
    for stroke in sig.strokes:
        out += _varint(len(stroke))
        for p in stroke:
            qx, qy = round(p.x * 65535), round(p.y * 65535)
            for delta in (qx - px, qy - py):
                out += _varint(delta * 2 if delta >= 0 else -delta * 2 - 1)
            out += _varint(p.t - pt)
            out.append(round(p.pressure * 255))
            px, py, pt = qx, qy, p.t
    return bytes(out)


def _v2(
    counts: Sequence[int],
    xs: Sequence[int] | None = None,
    ys: Sequence[int] | None = None,
    dts: Sequence[int] | None = None,
    ps: Sequence[int] | None = None,
    *,
    aspect: float = 2.0,
) -> bytes:
    """Format 2 bytes from raw columns (defaults: zeros, t deltas 0, 1, 1, ... so t = 0, 1, 2)."""
    n = sum(counts)
    xs = [0] * n if xs is None else xs
    ys = [0] * n if ys is None else ys
    dts = [min(i, 1) for i in range(n)] if dts is None else dts
    ps = [0] * n if ps is None else ps
    return (
        b"\xa2"
        + struct.pack(">d", aspect)
        + struct.pack(f"<H{len(counts)}H", len(counts), *counts)
        + struct.pack(f"<{len(xs)}H{len(ys)}H{len(dts)}H", *xs, *ys, *dts)
        + bytes(ps)
    )


def _expected(sig: Signature) -> Signature:
    """What format 2 keeps of `sig`: x, y and pressure quantized, t re-accumulated from
    deltas clamped to 65,535 ms (computed point by point, independently of the module)."""
    t = previous = 0
    kept = []
    for stroke in sig.strokes:
        points = []
        for p in stroke:
            t += min(p.t - previous, 65535)
            previous = p.t
            x, y, pressure = round(p.x * 65535), round(p.y * 65535), round(p.pressure * 255)
            points.append(Point(x / 65535, y / 65535, t, pressure / 255))
        kept.append(tuple(points))
    return Signature(sig.aspect, tuple(kept))


def _has_long_pause(sig: Signature) -> bool:
    """Whether some t delta (the first from 0) is longer than format 2 stores."""
    ts = [0] + [p.t for stroke in sig.strokes for p in stroke]
    return any(b - a > 65535 for a, b in itertools.pairwise(ts))


def _refused(data: bytes) -> None:
    """Both decode and validate refuse `data` as damaged."""
    for check in (decode, validate):
        with pytest.raises(StrokesError) as info:
            check(data)
        assert info.value.code == _MSG_DAMAGED


ENCODERS = pytest.mark.parametrize("encoder", [encode, _encode_v1], ids=["v2", "v1"])

#: A two-point drawing at the corners of every range, and its bytes in both formats.
TINY = Signature(2.0, ((Point(0.0, 1.0, 0, 1.0), Point(1.0, 0.5, 7, 0.0)),))
TINY_V1 = (
    b"\xa1@\x00\x00\x00\x00\x00\x00\x00\x01\x02"
    + b"\x00\xfe\xff\x07\x00\xff"  # x +0, y +65535, t +0, pressure 255
    + b"\xfe\xff\x07\xfd\xff\x03\x07\x00"  # x +65535, y -32767, t +7, pressure 0
)
TINY_V2 = (
    b"\xa2@\x00\x00\x00\x00\x00\x00\x00"
    + b"\x01\x00\x02\x00"  # one stroke of two points
    + b"\x00\x00\xff\xff"  # x: 0, 65535
    + b"\xff\xff\x00\x80"  # y: 65535, 32768 (0.5 rounds half to even)
    + b"\x00\x00\x07\x00"  # t deltas: 0, 7
    + b"\xff\x00"  # pressure: 255, 0
)


# --- encoding -----------------------------------------------------------------------------


def _assert_close(a: Signature, b: Signature, *, same_t: bool = True) -> None:
    """The same drawing up to quantization; `same_t=False` leaves the timing out."""
    assert a.aspect == b.aspect
    assert len(a.strokes) == len(b.strokes)
    for sa, sb in zip(a.strokes, b.strokes, strict=True):
        assert len(sa) == len(sb)
        for pa, pb in zip(sa, sb, strict=True):
            assert abs(pa.x - pb.x) <= 0.5 / 65535 + 1e-12
            assert abs(pa.y - pb.y) <= 0.5 / 65535 + 1e-12
            assert pa.t == pb.t or not same_t
            assert abs(pa.pressure - pb.pressure) <= 0.5 / 255 + 1e-12


@settings(max_examples=300)
@given(sig=signatures() | signatures(long_pauses=True))
def test_round_trip(sig: Signature) -> None:
    data = encode(sig)
    assert data[0] == 0xA2  # encode writes format 2 ...
    assert len(data) == 11 + 2 * len(sig.strokes) + 7 * sig.point_count  # ... fixed width
    back = decode(data)
    assert back == _expected(sig)  # long pauses clamped, nothing else changed
    _assert_close(sig, back, same_t=not _has_long_pause(sig))
    assert encode(back) == data  # canonical: decoding then encoding changes nothing
    assert encode(sig) == data  # deterministic


@settings(max_examples=300)
@given(sig=signatures() | signatures(long_pauses=True))
def test_format_1_round_trip_and_same_value_as_format_2(sig: Signature) -> None:
    data = _encode_v1(sig)
    back = decode(data)
    _assert_close(sig, back)  # format 1 keeps every pause
    assert _encode_v1(back) == data
    assert decode(encode(sig)) == _expected(back)
    if not _has_long_pause(sig):
        assert back == decode(encode(sig))  # both formats carry exactly the same value


def test_long_pause_keeps_the_drawing_but_not_its_length() -> None:
    """A 70 s pause between two strokes comes back as 65.535 s; the geometry is untouched."""
    first = (Point(0.1, 0.2, 1000, 0.3), Point(0.4, 0.5, 1016, 0.6))
    second = (Point(0.7, 0.8, 71_016, 0.9), Point(0.2, 0.9, 71_032, 1.0))
    sig = Signature(2.0, (first, second))
    data = encode(sig)
    assert struct.unpack_from("<4H", data, 15 + 4 * 4) == (1000, 16, 65535, 16)
    back = decode(data)
    assert [p.t for stroke in back.strokes for p in stroke] == [1000, 1016, 66_551, 66_567]
    _assert_close(sig, back, same_t=False)  # x, y, pressure and strokes unchanged
    assert back == _expected(sig)
    old = decode(_encode_v1(sig))  # format 1 keeps the whole pause
    assert [p.t for stroke in old.strokes for p in stroke] == [1000, 1016, 71_016, 71_032]
    _assert_close(old, back, same_t=False)
    # a pause of exactly 65,535 ms is kept, one of 65,536 ms is not
    for pause, kept in ((65_535, 65_535), (65_536, 65_535), (65_534, 65_534)):
        two = Signature(1.0, ((Point(0.5, 0.5, 5),), (Point(0.5, 0.5, 5 + pause),)))
        assert [s[0].t for s in decode(encode(two)).strokes] == [5, 5 + kept]
    # the first point's delta is from 0, so a late first point is clamped too
    late = Signature(1.0, ((Point(0.5, 0.5, 100_000), Point(0.5, 0.5, 100_010)),))
    assert [p.t for p in decode(encode(late)).strokes[0]] == [65_535, 65_545]


def test_both_formats_byte_for_byte() -> None:
    assert encode(TINY) == TINY_V2
    assert _encode_v1(TINY) == TINY_V1
    quantized = Signature(2.0, ((TINY.strokes[0][0], Point(1.0, 32768 / 65535, 7, 0.0)),))
    assert decode(TINY_V1) == decode(TINY_V2) == quantized
    validate(TINY_V1)
    validate(TINY_V2)


def test_realistic_signature_in_both_formats() -> None:
    for sig in (REALISTIC, _pressured(REALISTIC)):
        assert decode(_encode_v1(sig)) == decode(encode(sig))
        _assert_close(sig, decode(_encode_v1(sig)))
    # format 2 trades about 1 byte per point for checking at C speed
    assert len(_encode_v1(REALISTIC)) < 6 * 300 < len(encode(REALISTIC)) == 11 + 6 + 7 * 300


def test_realistic_signature_is_small() -> None:
    assert REALISTIC.point_count == 300 and len(REALISTIC.strokes) == 3
    assert len(encode(REALISTIC)) < 4096
    assert len(encode(_pressured(REALISTIC))) < 4096
    # a phone-sized and a tablet-sized pad give the same size class
    assert len(encode(_capture(_realistic_px(1800, 600), 1800, 600))) < 4096


def test_realistic_round_trip_exact_after_quantization() -> None:
    back = decode(encode(REALISTIC))
    _assert_close(REALISTIC, back)
    assert back == decode(encode(back))


def test_empty_signature_round_trips() -> None:
    empty = Signature(2.5, ())
    assert decode(encode(empty)) == decode(_encode_v1(empty)) == empty
    assert len(encode(empty)) == 11
    assert len(_encode_v1(empty)) == 10


def test_lists_are_accepted_and_frozen() -> None:
    sig = Signature(2.0, [[Point(0.1, 0.2, 0), Point(0.3, 0.4, 5)]])  # type: ignore[arg-type]
    assert isinstance(sig.strokes, tuple) and isinstance(sig.strokes[0], tuple)
    assert sig.strokes[0][0].pressure == UNKNOWN_PRESSURE
    with pytest.raises(AttributeError):
        sig.strokes[0][0].x = 0.5  # type: ignore[misc]


def test_boundary_values() -> None:
    sig = Signature(
        10.0,
        (
            (Point(0.0, 1.0, 0, 0.0), Point(1.0, 0.0, 3_600_000, 1.0)),
            (Point(0.0, 0.0, 3_600_000, 1.0),),
        ),
    )
    assert decode(_encode_v1(sig)) == sig
    # format 2 keeps the hour-long pause as 65,535 ms, and everything else exactly
    clamped = Signature(
        10.0,
        (
            (Point(0.0, 1.0, 0, 0.0), Point(1.0, 0.0, 65_535, 1.0)),
            (Point(0.0, 0.0, 65_535, 1.0),),
        ),
    )
    assert decode(encode(sig)) == _expected(sig) == clamped
    # t reaches MAX_T_MS in format 2 through 54 of the longest deltas and one more
    steps = [*range(0, 54 * 65535 + 1, 65535), MAX_T_MS, MAX_T_MS]
    assert steps[-3:] == [3_538_890, 3_600_000, 3_600_000]
    long = Signature(1.0, (tuple(Point(1.0, 0.0, t, 1.0) for t in steps),))
    assert decode(encode(long)) == decode(_encode_v1(long)) == long


@pytest.mark.parametrize(
    "build",
    [
        lambda: Point(-0.01, 0.5, 0),
        lambda: Point(0.5, 1.01, 0),
        lambda: Point(math.nan, 0.5, 0),
        lambda: Point(0.5, math.inf, 0),
        lambda: Point(0.5, 0.5, -1),
        lambda: Point(0.5, 0.5, 3_600_001),
        lambda: Point(0.5, 0.5, 0, 1.5),
        lambda: Point(0.5, 0.5, 1.5),  # type: ignore[arg-type]
        lambda: Point(0.5, 0.5, True),
        lambda: Point("0.5", 0.5, 0),  # type: ignore[arg-type]
        lambda: Signature(0.05, ()),
        lambda: Signature(math.nan, ()),
        lambda: Signature(2.0, ((),)),
        lambda: Signature(2.0, ((Point(0, 0, 10), Point(0, 0, 5)),)),
        lambda: Signature(2.0, ((Point(0, 0, 10),), (Point(0, 0, 5),))),
        lambda: Signature(2.0, (((0.1, 0.1, 0, 0.5),),)),  # type: ignore[arg-type]
        lambda: Signature(2.0, tuple((Point(0, 0, 0),) for _ in range(MAX_STROKES + 1))),
        lambda: Signature(2.0, (tuple(Point(0, 0, 0) for _ in range(MAX_POINTS + 1)),)),
    ],
)
def test_invalid_values_rejected(build: Callable[[], object]) -> None:
    with pytest.raises(StrokesError):
        build()


def _line(n: int) -> Signature:
    return Signature(1.0, (tuple(Point(0.5, 0.5, i, 0.5) for i in range(n)),))


def test_largest_drawings_either_encode_or_refuse_cleanly() -> None:
    # format 2: 11 + 2 + 7 * 9360 = 65533 bytes fit in 64 KiB, one more point does not
    data = encode(_line(9360))
    assert len(data) == 65533 <= MAX_BYTES
    assert decode(data) == decode(encode(decode(data)))
    with pytest.raises(StrokesError) as info:
        encode(_line(9361))
    assert info.value.code == strokes._MSG_TOO_BIG
    # exactly MAX_BYTES: 11 + 2 * 6 + 7 * 9359
    exact = Signature(
        1.0, tuple(tuple(Point(0.5, 0.5, 0) for _ in range(n)) for n in [1560] * 5 + [1559])
    )
    assert len(encode(exact)) == MAX_BYTES
    validate(encode(exact))
    # format 1: 20,000 points jumping across the pad do not fit in 64 KiB ...
    wild = Signature(
        1.0,
        (tuple(Point(float(i % 2), float(i % 2), 3 * i, 0.5) for i in range(MAX_POINTS)),),
    )
    assert len(_encode_v1(wild)) > MAX_BYTES
    _refused(_encode_v1(wild))
    # ... but the most points of a smooth drawing do (too many for format 2)
    smooth = Signature(
        1.0,
        tuple(
            tuple(Point(i / 100, j / 100, 100 * i + j, 0.5) for j in range(100)) for i in range(101)
        ),
    )
    data = _encode_v1(smooth)
    assert len(data) <= MAX_BYTES
    assert decode(data) == decode(_encode_v1(decode(data)))
    with pytest.raises(StrokesError):
        encode(smooth)


# --- strict decoding --------------------------------------------------------------------


@ENCODERS
def test_decode_rejects_every_truncation(encoder: Callable[[Signature], bytes]) -> None:
    data = encoder(REALISTIC)
    for cut in range(len(data)):
        with pytest.raises(StrokesError):
            decode(data[:cut])
        with pytest.raises(StrokesError):
            validate(data[:cut])


@ENCODERS
@pytest.mark.parametrize("extra", [b"\x00", b"\x01", b"\xff", b"\x00" * 10])
def test_decode_rejects_trailing_bytes(encoder: Callable[[Signature], bytes], extra: bytes) -> None:
    _refused(encoder(REALISTIC) + extra)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xa1",
        b"\xa3" + bytes(10),  # unknown version
        b"\xa0" + bytes(10),
        b"%PDF-1.7",
        b"\xa1" + bytes(8) + b"\x00",  # aspect 0.0
        b"\xa1\x7f\xf8" + bytes(6) + b"\x00",  # aspect NaN
        b"\xa1@\x00" + bytes(6) + b"\x80\x00",  # padded (non-minimal) varint
        b"\xa1@\x00" + bytes(6) + b"\x01\x00",  # a stroke with no points
        b"\xa1@\x00" + bytes(6) + b"\xc9\x01",  # 201 strokes
        b"\xa1@\x00" + bytes(6) + b"\x01\x01\x01\x00\x00\x00",  # x below zero
        b"\xa1@\x00" + bytes(6) + b"\x01\x01\x80\x80\x80\x80\x80\x01",  # varint too long
        b"\xa1@\x00" + bytes(6) + b"\x01\x01\x80\x80\x08\x00\x00\x00",  # delta too big
        b"\xa1@\x00" + bytes(6) + b"\x01\x02\xfe\xff\x07\x00\x00\x00\x02\x00\x00\x00",  # x 65536
    ],
)
def test_decode_rejects_garbage(data: bytes) -> None:
    with pytest.raises(StrokesError):
        decode(data)


def test_format_2_valid_columns_decode() -> None:
    assert decode(_v2([])) == Signature(2.0, ())
    sig = decode(_v2([1, 2], xs=[0, 65535, 1], ys=[3, 2, 65535], dts=[5, 0, 65535], ps=[0, 9, 255]))
    assert sig == Signature(
        2.0,
        (
            (Point(0.0, 3 / 65535, 5, 0.0),),
            (Point(1.0, 2 / 65535, 5, 9 / 255), Point(1 / 65535, 1.0, 65_540, 1.0)),
        ),
    )
    # deltas adding up to exactly MAX_T_MS, within a stroke and across strokes
    most = [65535] * 54 + [61_110]
    assert sum(most) == MAX_T_MS
    for counts in ([55], [54, 1], [1] * 55, [20, 30, 5]):
        sig = decode(_v2(counts, dts=most))
        assert [p.t for stroke in sig.strokes for p in stroke][-2:] == [3_538_890, MAX_T_MS]
        validate(_v2(counts, dts=most))
    validate(_v2([56], dts=[0, *most]))  # a zero delta adds nothing


@pytest.mark.parametrize(
    "data",
    [
        _v2([]) + b"\x00",  # trailing byte
        _v2([])[:-1],  # truncated stroke count
        _v2([1])[:-1],  # truncated pressure column
        _v2([1])[:12],  # truncated point count
        b"\xa2\x00\x00",  # truncated aspect
        _v2([2, 0, 1]),  # a stroke with no points
        _v2([0]),
        _v2([1] * 201),  # 201 strokes
        _v2([1] * 201)[:11],  # 201 strokes, and then nothing
        # the sum of the t deltas (the last t) above MAX_T_MS ...
        _v2([55], dts=[65535] * 54 + [61_111]),  # ... by 1 ms
        _v2([54, 1], dts=[65535] * 54 + [61_111]),  # ... across strokes
        _v2([1] * 55, dts=[61_111] + [65535] * 54),  # ... one point per stroke
        _v2([55], dts=[65535] * 55),  # ... many of the longest deltas
        _v2([30, 30], dts=[65535] * 60),
        _v2([9360], dts=[65535] * 9360),  # ... the most points, all the longest deltas
        _v2([9360], dts=[1] * 9305 + [65535] * 54 + [51_806]),  # ... by many short ones
        _v2([1], aspect=0.0),
        _v2([1], aspect=0.09),
        _v2([1], aspect=10.01),
        _v2([1], aspect=math.nan),
        _v2([1], aspect=-math.inf),
        _v2([1], aspect=math.inf),
        _v2([9361]),  # 65540 bytes: over MAX_BYTES
        _v2([3])[:13] + _v2([2])[13:],  # point count larger than the columns
        _v2([2])[:13] + _v2([3])[13:],  # point count smaller than the columns
    ],
)
def test_format_2_rejects(data: bytes) -> None:
    _refused(data)


def test_format_2_point_and_size_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    validate(_v2([9360]))  # the most points that fit in MAX_BYTES
    _refused(_v2([9361]))
    # MAX_POINTS is checked on its own, whatever MAX_BYTES allows
    monkeypatch.setattr(strokes, "MAX_BYTES", 1 << 20)
    validate(_v2([9361]))
    validate(_v2([MAX_POINTS - 1, 1]))
    _refused(_v2([MAX_POINTS - 1, 2]))
    _refused(_v2([MAX_POINTS + 1]))


def test_decode_accepts_bytearray_and_memoryview() -> None:
    for data in (encode(REALISTIC), _encode_v1(REALISTIC)):
        assert decode(bytearray(data)) == decode(memoryview(data)) == decode(data)
        validate(bytearray(data))
        validate(memoryview(data))


def test_decode_rejects_oversized_and_non_bytes() -> None:
    _refused(b"\xa1" + bytes(MAX_BYTES))
    _refused(b"\xa2" + bytes(MAX_BYTES))
    with pytest.raises(StrokesError):
        decode("not bytes")  # type: ignore[arg-type]
    with pytest.raises(StrokesError):
        validate("not bytes")  # type: ignore[arg-type]


def _check_agreement(data: bytes) -> Signature | None:
    """`validate` refuses exactly what `decode` refuses; whatever decodes is canonical."""
    try:
        sig = decode(data)
    except StrokesError:
        with pytest.raises(StrokesError):
            validate(data)
        return None
    validate(data)
    assert (encode if data[0] == 0xA2 else _encode_v1)(sig) == data
    return sig


@settings(max_examples=1000)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_only_raise_strokes_error(data: bytes) -> None:
    _check_agreement(data)


@st.composite
def v2_columns(draw: st.DrawFn) -> bytes:
    """Format 2 bytes that are often valid and otherwise wrong in one column or length."""
    counts = draw(st.lists(st.integers(0, 3) | st.just(1) | st.integers(50, 60), max_size=4))
    n = sum(counts)
    column = st.lists(st.integers(0, 65535), min_size=n, max_size=n)
    dts = draw(st.lists(st.integers(0, 50) | st.just(65535), min_size=n, max_size=n))
    if n and draw(st.booleans()):
        # aim the sum of the deltas at MAX_T_MS: as many of the longest as it takes
        left = MAX_T_MS + draw(st.integers(-2, 2))
        dts = []
        for _ in range(n):
            dts.append(min(left, 65535))
            left -= dts[-1]
        dts = draw(st.permutations(dts))
    ps = draw(st.lists(st.integers(0, 255), min_size=n, max_size=n))
    data = _v2(counts, draw(column), draw(column), dts, ps)
    return data[: draw(st.integers(0, len(data)))] + draw(st.binary(max_size=2))


@settings(max_examples=1000)
@given(data=v2_columns())
def test_validate_agrees_with_decode_on_format_2_columns(data: bytes) -> None:
    _check_agreement(data)


@ENCODERS
@settings(max_examples=500)
@given(data=st.data())
def test_mutated_encodings_only_raise_strokes_error(
    encoder: Callable[[Signature], bytes], data: st.DataObject
) -> None:
    """And `validate`, with which the organizer checks drawings, refuses exactly the same."""
    raw = bytearray(encoder(_pressured(REALISTIC)))
    for _ in range(data.draw(st.integers(0, 4))):
        index = data.draw(st.integers(0, len(raw) - 1))
        raw[index] = data.draw(st.integers(0, 255))
    _check_agreement(bytes(raw))


@settings(max_examples=200)
@given(
    prefix=st.sampled_from(
        [
            b"\xa1",
            b"\xa1@\x08\x00\x00\x00\x00\x00\x00",
            b"\xa2",
            b"\xa2@\x08\x00\x00\x00\x00\x00\x00",
            b"\xa2@\x08\x00\x00\x00\x00\x00\x00\x01\x00",
        ]
    ),
    rest=st.binary(),
)
def test_plausible_headers_with_random_bodies(prefix: bytes, rest: bytes) -> None:
    with contextlib.suppress(StrokesError):
        decode(prefix + rest)


# --- the ink rule -------------------------------------------------------------------------


def test_realistic_signature_has_enough_ink() -> None:
    check_minimum_ink(REALISTIC)
    assert ink_length(REALISTIC) > 3


def test_short_initials_pass() -> None:
    # "M.R." in a corner of the pad: small, but clearly written
    m = [(100, 200), (110, 120), (130, 170), (150, 120), (160, 200)]
    r = [(190, 200), (190, 120), (225, 135), (190, 160), (225, 200)]
    check_minimum_ink(_capture([m, r], 900, 300))


def _assert_too_small(sig: Signature) -> None:
    with pytest.raises(ValidationError) as info:
        check_minimum_ink(sig)
    assert info.value.problems == {"signature": E.VALIDATION_SIGNATURE_TOO_SMALL}


def test_single_dot_rejected() -> None:
    _assert_too_small(Signature(3.0, ((Point(0.5, 0.5, 0),),)))


def test_tap_with_jitter_rejected() -> None:
    _assert_too_small(_capture([[(450, 150), (451, 150), (451, 151), (450, 152)]], 900, 300))


def test_short_tick_rejected() -> None:
    # a check-mark tick, about 6% of the pad height
    _assert_too_small(_capture([[(440, 150), (445, 158), (460, 140)]], 900, 300))


def test_many_dots_rejected() -> None:
    dots = [[(100 + 50 * i, 150)] for i in range(10)]
    _assert_too_small(_capture(dots, 900, 300))


def test_empty_signature_rejected() -> None:
    _assert_too_small(Signature(3.0, ()))


def test_thresholds_can_be_tuned() -> None:
    tick = _capture([[(440, 150), (445, 158), (460, 140)]], 900, 300)
    check_minimum_ink(tick, min_length=0.01, min_extent=0.01)
    with pytest.raises(ValidationError):
        check_minimum_ink(REALISTIC, min_length=100.0)


# --- geometry ------------------------------------------------------------------------------


def test_resizing_invariance() -> None:
    """The same drawing on a phone-sized and a tablet-sized pad has the same ink."""
    small = _capture(_realistic_px(600, 200), 600, 200)
    large = _capture(_realistic_px(1500, 500), 1500, 500)
    assert ink_length(small) == pytest.approx(ink_length(large), rel=0.02)
    assert extent(small) == pytest.approx(extent(large), rel=0.02)
    # without pixel snapping the two are equal to rounding error
    exact = [[(x, y) for x, y in s] for s in _realistic_px(600, 200)]
    scaled = [[(2.5 * x, 2.5 * y) for x, y in s] for s in exact]
    assert ink_length(_capture(exact, 600, 200)) == pytest.approx(
        ink_length(_capture(scaled, 1500, 500)), rel=1e-9
    )


def test_lengths_are_in_pad_heights() -> None:
    # a horizontal line across a 3:1 pad is 3 pad heights long; a vertical one is 1
    horizontal = Signature(3.0, ((Point(0.0, 0.5, 0), Point(1.0, 0.5, 10)),))
    vertical = Signature(3.0, ((Point(0.5, 0.0, 0), Point(0.5, 1.0, 10)),))
    assert ink_length(horizontal) == pytest.approx(3.0)
    assert ink_length(vertical) == pytest.approx(1.0)
    assert extent(horizontal) == pytest.approx((3.0, 0.0))
    assert extent(vertical) == pytest.approx((0.0, 1.0))
    assert extent(Signature(3.0, ())) == (0.0, 0.0)


@pytest.mark.parametrize(("width", "height"), [(300.0, 100.0), (300.0, 300.0), (50.0, 100.0)])
def test_scaled_paths_fit_and_centre(width: float, height: float) -> None:
    corners = Signature(3.0, ((Point(0, 0, 0, 0.2), Point(1, 1, 5, 0.9)),))
    ((x0, y0, p0), (x1, y1, p1)) = scaled_paths(corners, width, height)[0]
    assert (p0, p1) == (0.2, 0.9)
    drawn_w, drawn_h = x1 - x0, y1 - y0
    assert drawn_w / drawn_h == pytest.approx(3.0)  # undistorted
    assert drawn_w <= width + 1e-9 and drawn_h <= height + 1e-9
    assert drawn_w == pytest.approx(width) or drawn_h == pytest.approx(height)  # fitted
    assert x0 == pytest.approx(width - x1) and y0 == pytest.approx(height - y1)  # centred


def test_scaled_paths_same_shape_at_any_size() -> None:
    a = scaled_paths(REALISTIC, 300, 100)
    b = scaled_paths(REALISTIC, 1200, 400)
    for sa, sb in zip(a, b, strict=True):
        for (xa, ya, pa), (xb, yb, pb) in zip(sa, sb, strict=True):
            assert xb == pytest.approx(4 * xa) and yb == pytest.approx(4 * ya) and pa == pb


@pytest.mark.parametrize("bad", [0.0, -1.0, math.nan, math.inf])
def test_render_sizes_must_be_positive(bad: float) -> None:
    with pytest.raises(StrokesError):
        scaled_paths(REALISTIC, bad, 100)
    with pytest.raises(StrokesError):
        scaled_paths(REALISTIC, 100, bad)
    with pytest.raises(StrokesError):
        to_svg(REALISTIC, bad)


def test_svg_is_well_formed() -> None:
    svg = to_svg(REALISTIC)
    root = _parse_svg(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 300 100"
    assert (root.get("width"), root.get("height")) == ("300", "100")
    paths = root.findall(f".//{SVG_NS}path")
    assert len(paths) == 3
    group = root.find(f"{SVG_NS}g")
    assert group is not None and group.get("stroke-linecap") == "round"
    for path, stroke in zip(paths, REALISTIC.strokes, strict=True):
        d = path.get("d")
        assert d is not None and d.startswith("M")
        assert len(d[1:].replace("L", " ").split()) == 2 * len(stroke)


def test_svg_of_dot_and_empty() -> None:
    dot = _parse_svg(to_svg(Signature(2.0, ((Point(0.5, 0.5, 0),),)), width=200))
    (path,) = dot.findall(f".//{SVG_NS}path")
    assert path.get("d") == "M100 50 L100 50"
    empty = _parse_svg(to_svg(Signature(2.0, ())))
    assert empty.findall(f".//{SVG_NS}path") == []


@settings(max_examples=100)
@given(sig=signatures(max_strokes=3, max_points=10), width=st.floats(1.0, 5000.0))
def test_svg_always_parses(sig: Signature, width: float) -> None:
    root = _parse_svg(to_svg(sig, width))
    assert len(root.findall(f".//{SVG_NS}path")) == len(sig.strokes)


def test_errors_are_tomar_errors() -> None:
    assert issubclass(StrokesError, TomarError)
    with pytest.raises(TomarError) as info:
        decode(b"Maryam Rezaei")
    assert "Maryam" not in str(info.value)


@settings(max_examples=200)
@given(
    sig=signatures() | signatures(long_pauses=True),
    box=st.tuples(st.floats(1, 500), st.floats(1, 200)),
)
def test_decode_paths_is_scaled_paths_of_decode(sig: Signature, box: tuple[float, float]) -> None:
    """The delivery sheets' fast path draws exactly what the screen draws, in both formats."""
    for data in (encode(sig), _encode_v1(sig)):
        decoded = decode(data)
        assert strokes.decode_paths(data, *box) == (
            decoded.aspect,
            strokes.scaled_paths(decoded, *box),
        )


@ENCODERS
def test_decode_paths_refuses_what_decode_refuses(encoder: Callable[[Signature], bytes]) -> None:
    data = encoder(_line(40))
    for bad in (data[:-1], data + b"\x00", data[:1], b"", b"\x07" + data[1:]):
        with pytest.raises(StrokesError):
            decode(bad)
        with pytest.raises(StrokesError):
            strokes.decode_paths(bad, 10, 10)
