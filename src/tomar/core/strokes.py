"""Hand-drawn signatures: a compact, strict binary form plus the geometry renderers need.

Points are stored RELATIVE to the signature pad (x and y from 0.0 to 1.0 of its width
and height) together with the pad's aspect ratio (width / height) at capture time.
Resizing or rotating the pad later therefore never changes stored data, and every
renderer (screen, PDF, SVG export) draws the same undistorted shape at any size.

Conventions:

* y grows downwards, as on screen; PDF renderers flip it themselves.
* t is milliseconds since the first point of the signature and never decreases.
* pressure is 0.0..1.0.  Devices that cannot measure pressure (mice, most touch
  screens) record `UNKNOWN_PRESSURE` = 0.5, the W3C Pointer Events convention, so
  renderers draw them at a medium line width.
* Lengths in `ink_length`, `extent` and `check_minimum_ink` use "pad heights": the pad's
  height is 1.0 and x is scaled by the aspect ratio, so they do not depend on pad size.

Binary format 2, written by `encode` (all integers unsigned, little-endian):

    0xA2                      magic and format version
    float64, big-endian       aspect ratio
    uint16                    number of strokes S
    S x uint16                number of points of each stroke (at least 1); their sum is N
    N x uint16                x of every point, quantized to 0..65535
    N x uint16                y of every point, quantized likewise
    N x uint16                t delta of every point in ms: the first point's from 0 (so
                              its t), each next point's from the one before, across stroke
                              boundaries as in format 1; their sum is at most MAX_T_MS
    N x uint8                 pressure of every point, quantized to 0..255

so a valid drawing is exactly 11 + 2*S + 7*N bytes long (MAX_BYTES thus allows about
9,360 points; the signature pad stops at 6,000, `POINT_LIMIT` in the GUI).  Format 2
exists for the organizer, which checks the drawing of every imported record: fixed-width
columns can be checked strictly with whole-column operations at C speed (struct, sum,
itertools.accumulate), where format 1's varints (about 6 bytes per point) need a per-byte
Python loop.  t is stored as 16-bit deltas, not 32-bit absolute times, for the
organizer's database: each drawing sits in an encrypted row, and at 9 bytes per point a
typical 160-point signature (1,455 bytes) pushed that row past half a 4 KiB page,
doubling the pages written per signer; at 7 bytes per point it is 1,135 bytes.  `struct`
with "<" reads the same on every host, whatever its byte order.

A t delta is at most 65,535 ms, so `encode` stores a longer pause between two points
(more than 65.5 s, in practice a signer who stopped and went on) as exactly 65,535 ms,
and every later t comes back that much earlier.  Only timing is affected, never the
geometry: x, y, pressure and the strokes are kept as always.  Format 1 keeps every delta.

Binary format 1, written by older versions and still read (all varints are unsigned
LEB128, minimal length; signed values are zigzag-coded first):

    0xA1                      magic and format version
    float64, big-endian       aspect ratio
    varint                    number of strokes
    per stroke:
        varint                number of points (at least 1)
        per point:
            zigzag varint     x delta, x quantized to 0..65535
            zigzag varint     y delta, y quantized to 0..65535
            varint            t delta in ms
            1 byte            pressure quantized to 0..255

Deltas run across stroke boundaries, starting from x = y = t = 0, so the first point of
a stroke costs no more than any other.

Both formats share the limits below (MAX_STROKES, MAX_POINTS, MAX_T_MS, MAX_BYTES, the
aspect range).  Quantization is round-to-nearest, so decoding returns every coordinate
within 1/131070 and every pressure within 1/510 of the original; encoding is deterministic,
and within each format exactly one byte string decodes to each value.  (The pause clamp of
format 2 does not change that: it is in `encode`, not in decoding, and a decoded value has
no delta over 65,535 ms, so encoding it again gives back the same bytes.)
"""

from __future__ import annotations

import itertools
import math
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from tomar.core.errors import StrokesError, ValidationError

from .errors import E, Words

__all__ = [
    "MAX_BYTES",
    "MAX_POINTS",
    "MAX_STROKES",
    "UNKNOWN_PRESSURE",
    "Point",
    "Signature",
    "check_minimum_ink",
    "decode",
    "decode_paths",
    "encode",
    "extent",
    "ink_length",
    "scaled_paths",
    "to_svg",
]

MAGIC_V1: Final = 0xA1
MAGIC_V2: Final = 0xA2
#: About 9,360 points at 7 bytes each in format 2; the signature pad stops at 6,000
#: (`POINT_LIMIT` in the GUI), so a drawing from the pad always fits.
MAX_BYTES: Final = 64 * 1024
MAX_STROKES: Final = 200
MAX_POINTS: Final = 20_000
#: One hour: nobody takes longer to sign, and it keeps t deltas small.
MAX_T_MS: Final = 3_600_000
#: A pad narrower or wider than this is not a signature pad.
MIN_ASPECT: Final = 0.1
MAX_ASPECT: Final = 10.0
UNKNOWN_PRESSURE: Final = 0.5

#: Defaults of `check_minimum_ink`, in pad heights.  A real signature has an ink length
#: of several pad heights (even initials are above 0.5) and spans a good part of the
#: pad; a tap is a dot of length ~0 and a careless tick is a few hundredths long.
MIN_INK_LENGTH: Final = 0.35
MIN_INK_EXTENT: Final = 0.08

_Q: Final = 65535
_P: Final = 255
_ASPECT: Final = struct.Struct(">d")
_U16: Final = struct.Struct("<H")
#: The longest t delta format 2 stores; `encode` stores a longer pause as this long.
_MAX_DT: Final = 65535
_V2_HEAD: Final = 1 + _ASPECT.size + _U16.size  # magic, aspect, stroke count
_MAX_VARINT_BYTES: Final = 5  # enough for MAX_T_MS and every count and delta above

_MSG_DAMAGED = E.STROKES_STORED_SIGNATURE_DRAWING_DAMAGED
_MSG_TOO_BIG = E.STROKES_SIGNATURE_DRAWING_TOO_LARGE


def _unit(value: object) -> bool:
    """A finite float-like number within 0.0..1.0 (bool is not a number here)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0.0 <= value <= 1.0
    )


@dataclass(frozen=True, slots=True)
class Point:
    """One sample of the pen: position relative to the pad, time, and pressure."""

    x: float
    y: float
    t: int
    pressure: float = UNKNOWN_PRESSURE

    def __post_init__(self) -> None:
        if not (_unit(self.x) and _unit(self.y) and _unit(self.pressure)):
            raise StrokesError(E.STROKES_POINT_SIGNATURE_DRAWING_OUTSIDE)
        if not isinstance(self.t, int) or isinstance(self.t, bool) or not 0 <= self.t <= MAX_T_MS:
            raise StrokesError(E.STROKES_SIGNATURE_DRAWING_INVALID_TIME)


@dataclass(frozen=True)
class Signature:
    """A drawn signature: the pad's aspect ratio and its strokes (lists of points)."""

    aspect: float
    strokes: tuple[tuple[Point, ...], ...]

    def __post_init__(self) -> None:
        aspect = self.aspect
        if (
            not isinstance(aspect, int | float)
            or isinstance(aspect, bool)
            or not math.isfinite(aspect)
            or not MIN_ASPECT <= aspect <= MAX_ASPECT
        ):
            raise StrokesError(E.STROKES_SIGNATURE_PAD_IMPOSSIBLE_SHAPE)
        # Accept lists from capture code but store immutable tuples.
        try:
            strokes = tuple(tuple(stroke) for stroke in self.strokes)
        except TypeError:
            raise StrokesError(_MSG_DAMAGED) from None
        object.__setattr__(self, "aspect", float(aspect))
        object.__setattr__(self, "strokes", strokes)
        if len(strokes) > MAX_STROKES:
            raise StrokesError(E.STROKES_TOO_MANY_STROKES)
        total = 0
        last_t = 0
        for stroke in strokes:
            if not stroke:
                raise StrokesError(E.STROKES_SIGNATURE_DRAWING_EMPTY_STROKE)
            total += len(stroke)
            if total > MAX_POINTS:
                raise StrokesError(E.STROKES_TOO_MANY_POINTS)
            for point in stroke:
                if not isinstance(point, Point):
                    raise StrokesError(_MSG_DAMAGED)
                if point.t < last_t:
                    raise StrokesError(E.STROKES_SIGNATURE_DRAWING_TIME_STAMPS)
                last_t = point.t

    @property
    def point_count(self) -> int:
        """Total number of points over all strokes."""
        return sum(len(stroke) for stroke in self.strokes)


# --- binary encoding -------------------------------------------------------------------


def _quantize(value: float, scale: int) -> int:
    """Round to nearest; ties go to even, which is still deterministic."""
    return round(value * scale)


def encode(sig: Signature) -> bytes:
    """Serialize `sig` in format 2; raise StrokesError if the result would exceed MAX_BYTES.

    A pause of more than 65,535 ms between two points is stored as 65,535 ms (see the
    module docstring): the drawing is kept, only its timing is shortened.  t never
    decreases (Signature enforces it), so every delta is at least 0 and their sum, at
    most the last t, stays within MAX_T_MS.
    """
    points = [point for stroke in sig.strokes for point in stroke]
    n = len(points)
    if _V2_HEAD + 2 * len(sig.strokes) + 7 * n > MAX_BYTES:
        raise StrokesError(_MSG_TOO_BIG)
    counts = [len(sig.strokes), *map(len, sig.strokes)]
    xs = [_quantize(p.x, _Q) for p in points]
    ys = [_quantize(p.y, _Q) for p in points]
    ts = [p.t for p in points]
    dts = [min(t - prev, _MAX_DT) for prev, t in itertools.pairwise([0, *ts])]
    return b"".join(
        (
            bytes([MAGIC_V2]),
            _ASPECT.pack(sig.aspect),
            struct.pack(f"<{len(counts)}H", *counts),
            struct.pack(f"<{3 * n}H", *xs, *ys, *dts),
            bytes(_quantize(p.pressure, _P) for p in points),
        )
    )


_Strokes = list[list[tuple[int, int, int, int]]]


def _read_aspect(raw: bytes) -> float:
    """The aspect ratio after the magic byte; struct.error if `raw` is too short."""
    (aspect,) = _ASPECT.unpack_from(raw, 1)
    if not (math.isfinite(aspect) and MIN_ASPECT <= aspect <= MAX_ASPECT):
        raise StrokesError(_MSG_DAMAGED)
    return float(aspect)


def _parse_v2(raw: bytes, *, keep: bool) -> tuple[float, _Strokes]:
    """Check format 2 with whole-column operations (struct, sum): no per-point loop.

    Each length is checked before the part it covers is read, so every unpack is in range.
    Unsigned deltas make t non-decreasing by construction, so of the t column only the
    sum (the last t) needs a check; `keep` accumulates the absolute times at C speed.
    """
    if len(raw) < _V2_HEAD:
        raise StrokesError(_MSG_DAMAGED)
    aspect = _read_aspect(raw)
    (n_strokes,) = _U16.unpack_from(raw, _V2_HEAD - _U16.size)
    pos = _V2_HEAD + 2 * n_strokes  # start of the x column
    if n_strokes > MAX_STROKES or len(raw) < pos:
        raise StrokesError(_MSG_DAMAGED)
    counts: tuple[int, ...] = struct.unpack_from(f"<{n_strokes}H", raw, _V2_HEAD)
    n = sum(counts)
    if 0 in counts or n > MAX_POINTS or len(raw) != pos + 7 * n:
        raise StrokesError(_MSG_DAMAGED)
    dts: tuple[int, ...] = struct.unpack_from(f"<{n}H", raw, pos + 4 * n)
    if sum(dts) > MAX_T_MS:
        raise StrokesError(_MSG_DAMAGED)
    if not keep:
        return aspect, []
    xs_ys: tuple[int, ...] = struct.unpack_from(f"<{2 * n}H", raw, pos)
    ts = itertools.accumulate(dts)
    points = zip(xs_ys[:n], xs_ys[n:], ts, raw[pos + 6 * n :], strict=True)
    return aspect, [list(itertools.islice(points, count)) for count in counts]


def _varint(raw: bytes, pos: int, limit: int) -> tuple[int, int]:
    """Read a minimal-length varint no larger than `limit`; returns (value, next position).

    Running off the end raises IndexError, which `_parse_v1` turns into a StrokesError.
    """
    value = 0
    for i in range(_MAX_VARINT_BYTES):
        b = raw[pos + i]
        value |= (b & 0x7F) << (7 * i)
        if not b & 0x80:
            if (b == 0 and i > 0) or value > limit:  # padded, or out of range
                raise StrokesError(_MSG_DAMAGED)
            return value, pos + i + 1
    raise StrokesError(_MSG_DAMAGED)


def _parse_v1(raw: bytes, *, keep: bool) -> tuple[float, _Strokes]:
    """Check format 1 byte by byte.

    The common case (a one- or two-byte varint) is read inline rather than through a
    function call; `keep=False` checks without building the points.
    """
    strokes: _Strokes = []
    try:
        aspect = _read_aspect(raw)
        n_strokes, pos = _varint(raw, 1 + _ASPECT.size, MAX_STROKES)
        px = py = pt = total = 0
        for _ in range(n_strokes):
            n_points, pos = _varint(raw, pos, MAX_POINTS - total)
            if n_points == 0:
                raise StrokesError(_MSG_DAMAGED)
            total += n_points
            points: list[tuple[int, int, int, int]] = []
            for _ in range(n_points):
                v = raw[pos]
                if v < 0x80:
                    pos += 1
                elif 0 < raw[pos + 1] < 0x80:  # two bytes, minimal: the usual size of a move
                    v = (v & 0x7F) | (raw[pos + 1] << 7)
                    pos += 2
                else:
                    v, pos = _varint(raw, pos, 2 * _Q)
                px += -((v + 1) >> 1) if v & 1 else v >> 1  # zigzag
                v = raw[pos]
                if v < 0x80:
                    pos += 1
                elif 0 < raw[pos + 1] < 0x80:  # two bytes, minimal: the usual size of a move
                    v = (v & 0x7F) | (raw[pos + 1] << 7)
                    pos += 2
                else:
                    v, pos = _varint(raw, pos, 2 * _Q)
                py += -((v + 1) >> 1) if v & 1 else v >> 1
                v = raw[pos]
                if v < 0x80:
                    pos += 1
                elif 0 < raw[pos + 1] < 0x80:  # two bytes, minimal: the usual size of a move
                    v = (v & 0x7F) | (raw[pos + 1] << 7)
                    pos += 2
                else:
                    v, pos = _varint(raw, pos, MAX_T_MS)
                pt += v
                pressure = raw[pos]  # a byte is always within 0.._P
                pos += 1
                if not (0 <= px <= _Q and 0 <= py <= _Q and pt <= MAX_T_MS):
                    raise StrokesError(_MSG_DAMAGED)
                if keep:
                    points.append((px, py, pt, pressure))
            strokes.append(points)
    except (IndexError, struct.error):
        raise StrokesError(_MSG_DAMAGED) from None
    if pos != len(raw):
        raise StrokesError(_MSG_DAMAGED)
    return aspect, strokes


def _parse(data: bytes | bytearray | memoryview, *, keep: bool = True) -> tuple[float, _Strokes]:
    """Check every byte of either format and return raw quantized points.

    Shared by decode and validate, so both refuse exactly the same inputs.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise StrokesError(_MSG_DAMAGED)
    raw = bytes(data)
    if not raw or len(raw) > MAX_BYTES:
        raise StrokesError(_MSG_DAMAGED)
    if raw[0] == MAGIC_V2:
        return _parse_v2(raw, keep=keep)
    if raw[0] == MAGIC_V1:
        return _parse_v1(raw, keep=keep)
    raise StrokesError(E.STROKES_UNKNOWN_DRAWING_FORMAT)


def validate(data: bytes | bytearray | memoryview) -> None:
    """Raise StrokesError unless `decode` would succeed, without building the points."""
    _parse(data, keep=False)


def decode(data: bytes | bytearray | memoryview) -> Signature:
    """Parse bytes from `encode`, strictly: anything unexpected is a StrokesError."""
    aspect, raw_strokes = _parse(data)
    return Signature(
        aspect=aspect,
        strokes=tuple(
            tuple(Point(x / _Q, y / _Q, t, p / _P) for x, y, t, p in stroke)
            for stroke in raw_strokes
        ),
    )


# --- geometry -----------------------------------------------------------------------


def _polyline_length(points: Sequence[Point], aspect: float) -> float:
    return sum(math.hypot((b.x - a.x) * aspect, b.y - a.y) for a, b in itertools.pairwise(points))


def ink_length(sig: Signature) -> float:
    """Total length of all strokes in pad heights (x scaled by the aspect ratio)."""
    return sum(_polyline_length(stroke, sig.aspect) for stroke in sig.strokes)


def _all_points(sig: Signature) -> Iterable[Point]:
    for stroke in sig.strokes:
        yield from stroke


def extent(sig: Signature) -> tuple[float, float]:
    """Width and height of the drawing's bounding box, in pad heights; (0, 0) if empty."""
    points = list(_all_points(sig))
    if not points:
        return (0.0, 0.0)
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    return ((max(xs) - min(xs)) * sig.aspect, max(ys) - min(ys))


def check_minimum_ink(
    sig: Signature,
    *,
    min_length: float = MIN_INK_LENGTH,
    min_extent: float = MIN_INK_EXTENT,
) -> None:
    """Refuse taps, dots and short ticks, which are accidents rather than signatures.

    The drawing needs at least `min_length` pad heights of ink (default 0.35, about a
    third of the pad's height) and its bounding box must be at least `min_extent` pad
    heights (default 0.08) wide or tall.  An empty drawing fails too.  The problem key
    is "signature_too_small" in every case.
    """
    width, height = extent(sig)
    if ink_length(sig) < min_length or max(width, height) < min_extent:
        raise ValidationError({"signature": E.VALIDATION_SIGNATURE_TOO_SMALL})


def _check_size(value: float, what: Words) -> float:
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise StrokesError(E.STROKES_SIZE_NOT_POSITIVE, what=what)
    return float(value)


def scaled_paths(
    sig: Signature, width: float, height: float
) -> list[list[tuple[float, float, float]]]:
    """Points as (x, y, pressure) in a `width` x `height` box, one list per stroke.

    The drawing keeps its shape: it is scaled to fit the box and centred, so screen
    and PDF renderers that share this function draw exactly the same geometry.
    """
    scale, off_x, off_y = _fit(sig.aspect, width, height)
    return [
        [(off_x + p.x * sig.aspect * scale, off_y + p.y * scale, p.pressure) for p in stroke]
        for stroke in sig.strokes
    ]


def _fit(aspect: float, width: float, height: float) -> tuple[float, float, float]:
    """Scale (target units per pad height) and offsets that fit and centre a drawing."""
    width = _check_size(width, E.WORD_WIDTH)
    height = _check_size(height, E.WORD_HEIGHT)
    scale = min(width / aspect, height)
    return scale, (width - aspect * scale) / 2, (height - scale) / 2


def decode_paths(
    data: bytes | bytearray | memoryview, width: float, height: float
) -> tuple[float, list[list[tuple[float, float, float]]]]:
    """`(aspect, scaled_paths(decode(data), width, height))` without building a `Point`
    per sample: the delivery sheets draw a hundred thousand signatures, and the points'
    checks cost more than the drawing (the bytes are checked as strictly: `_parse`)."""
    aspect, raw_strokes = _parse(data)
    aspect = float(aspect)
    scale, off_x, off_y = _fit(aspect, width, height)
    return aspect, [
        [(off_x + x / _Q * aspect * scale, off_y + y / _Q * scale, p / _P) for x, y, _, p in raw]
        for raw in raw_strokes
    ]


def _num(value: float) -> str:
    """Short, locale-free number text for SVG (two decimals are plenty at this size)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


#: Stroke width as a fraction of the pad height: a medium pen on a typical pad.
SVG_STROKE_WIDTH: Final = 0.02


def to_svg(sig: Signature, width: float = 300.0) -> str:
    """A standalone SVG image of the signature, `width` wide, for exports.

    One <path> per stroke with round caps and joins; a single-point stroke is drawn as a
    dot.  Pressure is not shown: SVG paths have one width.
    """
    width = _check_size(width, E.WORD_WIDTH)
    height = width / sig.aspect
    w, h = _num(width), _num(height)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">',
        f'<g fill="none" stroke="#000" stroke-width="{_num(height * SVG_STROKE_WIDTH)}" '
        'stroke-linecap="round" stroke-linejoin="round">',
    ]
    for stroke in scaled_paths(sig, width, height):
        coords = [f"{_num(x)} {_num(y)}" for x, y, _ in stroke]
        if len(coords) == 1:
            coords.append(coords[0])
        parts.append(f'<path d="M{coords[0]} L{" ".join(coords[1:])}"/>')
    parts.append("</g></svg>")
    return "".join(parts)
