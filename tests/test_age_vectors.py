"""The official C2SP age test vectors (CCTV), run against tomar.core.age.

Every non-armored vector must give exactly the expected outcome; Tomar does
not read ASCII-armored files, so armored vectors are skipped (with a reason).
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tomar.core import age
from tomar.core.errors import (
    AgeError,
    AgeHeaderError,
    AgeHmacError,
    AgeNoMatch,
    AgePayloadError,
)

from .tools import unavailable

VECTORS = Path(__file__).resolve().parents[1].parent / "shared" / "vectors" / "age-cctv"

_ERRORS: dict[str, type[AgeError]] = {
    "no match": AgeNoMatch,
    "HMAC failure": AgeHmacError,
    "header failure": AgeHeaderError,
}


@dataclass
class Vector:
    name: str
    expect: str
    payload: str | None = None
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armored: bool = False
    body: bytes = b""


def _load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, sep, body = raw.partition(b"\n\n")
    assert sep, f"{path.name}: no blank line after the vector header"
    vec = Vector(name=path.name, expect="")
    compressed = False
    for line in head.decode("utf-8").split("\n"):
        key, _, value = line.partition(": ")
        if key == "expect":
            vec.expect = value
        elif key == "payload":
            vec.payload = value
        elif key == "identity":
            vec.identities.append(value)
        elif key == "passphrase":
            vec.passphrases.append(value)
        elif key == "armored":
            vec.armored = value == "yes"
        elif key == "compressed":
            assert value == "zlib", f"{path.name}: unknown compression {value!r}"
            compressed = True
    vec.body = zlib.decompress(body) if compressed else body
    return vec


def _vector_files() -> list[Path]:
    if not VECTORS.is_dir():
        return []
    return sorted(p for p in VECTORS.iterdir() if p.is_file() and p.name != "LICENSE")


def _params() -> list[object]:
    files = _vector_files()
    if not files:
        return [pytest.param(None, id="no-vectors")]
    params: list[object] = []
    for path in files:
        vec = _load(path)
        marks = (
            [pytest.mark.skip(reason="ASCII armor is not supported by Tomar's age reader")]
            if vec.armored
            else []
        )
        params.append(pytest.param(vec, marks=marks, id=vec.name))
    return params


def _identities(vec: Vector) -> list[age.Identity]:
    ids: list[age.Identity] = [age.parse_identity(s) for s in vec.identities]
    ids.extend(age.ScryptIdentity(p.encode("utf-8")) for p in vec.passphrases)
    return ids


@pytest.mark.parametrize("vec", _params())
def test_vector(vec: Vector | None) -> None:
    if vec is None:
        unavailable(f"age CCTV vectors not found at {VECTORS}")
        return
    identities = _identities(vec)
    if vec.expect == "success":
        plaintext = age.decrypt(vec.body, identities)
        assert hashlib.sha256(plaintext).hexdigest() == vec.payload
        streamed = b"".join(age.decrypt_iter(vec.body, identities))
        assert streamed == plaintext
    elif vec.expect == "payload failure":
        released = hashlib.sha256()
        with pytest.raises(AgePayloadError):
            for chunk in age.decrypt_iter(vec.body, identities):
                released.update(chunk)
        assert released.hexdigest() == vec.payload
        with pytest.raises(AgePayloadError):
            age.decrypt(vec.body, identities)
    elif vec.expect in _ERRORS:
        with pytest.raises(_ERRORS[vec.expect]):
            age.decrypt(vec.body, identities)
    else:
        pytest.fail(f"unexpected expectation {vec.expect!r} in a non-armored vector")


def test_vectors_present_or_skip() -> None:
    """Make a missing vector folder visible in the test report rather than silent."""
    if not _vector_files():
        unavailable(f"age CCTV vectors not found at {VECTORS}")
    names = {p.name for p in _vector_files()}
    assert {"x25519", "scrypt", "hybrid", "stream_two_chunks"} <= names
