"""Unit and property tests for tomar.core.age and tomar.core.bech32."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tomar.core import age, bech32
from tomar.core.errors import (
    AgeError,
    AgeHeaderError,
    AgeHmacError,
    AgeNoMatch,
    AgePayloadError,
    TomarError,
)

KIB64 = 64 * 1024
FAST_WF = 4  # scrypt work factor for tests: correctness, not strength

# Examples from the C2SP age specification.
SPEC_X25519_IDENTITY = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
SPEC_X25519_RECIPIENT = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
SPEC_HYBRID_IDENTITY = (
    "AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR"
)
SPEC_HYBRID_RECIPIENT_PREFIX = "age1pq1x34nzsvr0rxjsgdn8zgyhfe8j7ceq5r9rdelkjuh3y235jzxshfg87pzf5z"
# The suffix includes the Bech32 checksum, which covers the whole key.
SPEC_HYBRID_RECIPIENT_SUFFIX = "efhxpfqdkmhh6gjtqmwze9pyyzk3tlhl53k2ykx3qheyty7saeq0d3fzv49zc0k"

X_ID = age.X25519Identity.generate()
X_RCPT = X_ID.recipient()
PQ_ID = age.HybridIdentity.generate()
PQ_RCPT = PQ_ID.recipient()


def _scrypt_pair(
    passphrase: bytes = b"correct horse",
) -> tuple[age.ScryptRecipient, age.ScryptIdentity]:
    return age.ScryptRecipient(passphrase, work_factor=FAST_WF), age.ScryptIdentity(passphrase)


PAIRS: dict[str, Callable[[], tuple[age.Recipient, age.Identity]]] = {
    "x25519": lambda: (X_RCPT, X_ID),
    "hybrid": lambda: (PQ_RCPT, PQ_ID),
    "scrypt": _scrypt_pair,
}


# --- round trips ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(PAIRS))
@pytest.mark.parametrize(
    "size", [0, 1, 2048, KIB64 - 1, KIB64, KIB64 + 1, 2 * KIB64, 3 * KIB64 + 17]
)
def test_round_trip(kind: str, size: int) -> None:
    recipient, identity = PAIRS[kind]()
    plaintext = os.urandom(size)
    sealed = age.encrypt(plaintext, [recipient])
    assert age.decrypt(sealed, [identity]) == plaintext
    chunks = list(age.decrypt_iter(sealed, [identity]))
    assert b"".join(chunks) == plaintext
    assert len(chunks) == max(1, -(-size // KIB64))
    assert all(len(c) == KIB64 for c in chunks[:-1])


@pytest.mark.parametrize("size", [0, 1, KIB64, KIB64 + 1, 2 * KIB64])
def test_payload_layout(size: int) -> None:
    """Chunk count and sizes follow the spec: no empty final chunk unless empty file."""
    sealed = age.encrypt(b"\x00" * size, [X_RCPT])
    header_end = sealed.index(b"\n---") + 1
    header_end = sealed.index(b"\n", header_end) + 1
    payload = len(sealed) - header_end - 16
    chunks = max(1, -(-size // KIB64))
    assert payload == size + 16 * chunks


def test_header_shape() -> None:
    sealed = age.encrypt(b"hello", [X_RCPT])
    lines = sealed.split(b"\n")
    assert lines[0] == b"age-encryption.org/v1"
    assert lines[1].startswith(b"-> X25519 ")
    assert len(lines[2]) == 43  # 32-byte body, one short line
    assert lines[3].startswith(b"--- ") and len(lines[3]) == 47


def test_accepts_bytearray_and_memoryview() -> None:
    sealed = age.encrypt(bytearray(b"abc"), [X_RCPT])
    assert age.decrypt(bytearray(sealed), [X_ID]) == b"abc"
    assert age.decrypt(memoryview(sealed), [X_ID]) == b"abc"
    assert age.encrypt(memoryview(b"xyz"), [X_RCPT]) != age.encrypt(b"xyz", [X_RCPT])


def test_multiple_recipients() -> None:
    ids = [age.X25519Identity.generate() for _ in range(3)]
    sealed = age.encrypt(b"shared", [i.recipient() for i in ids])
    for identity in ids:
        assert age.decrypt(sealed, [identity]) == b"shared"
    assert sealed.count(b"\n-> X25519 ") == 3


def test_multiple_hybrid_recipients() -> None:
    other = age.HybridIdentity.generate()
    sealed = age.encrypt(b"pq", [PQ_RCPT, other.recipient()])
    assert age.decrypt(sealed, [other]) == b"pq"
    assert age.decrypt(sealed, [PQ_ID]) == b"pq"


def test_identity_order_and_unrelated_identities() -> None:
    sealed = age.encrypt(b"data", [X_RCPT])
    unrelated: list[age.Identity] = [age.X25519Identity.generate(), age.HybridIdentity.generate()]
    assert age.decrypt(sealed, [*unrelated, X_ID]) == b"data"


def test_mixing_post_quantum_and_classic_is_refused() -> None:
    with pytest.raises(AgeError):
        age.encrypt(b"x", [PQ_RCPT, X_RCPT])


def test_scrypt_must_be_alone_when_sealing() -> None:
    recipient, _ = _scrypt_pair()
    with pytest.raises(AgeError):
        age.encrypt(b"x", [recipient, X_RCPT])
    with pytest.raises(AgeError):
        age.encrypt(b"x", [recipient, age.ScryptRecipient(b"other", FAST_WF)])


def test_no_recipients_refused() -> None:
    with pytest.raises(AgeError):
        age.encrypt(b"x", [])


# --- failures ----------------------------------------------------------------------------


def test_wrong_identity_no_match() -> None:
    sealed = age.encrypt(b"secret", [X_RCPT])
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [age.X25519Identity.generate()])
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [PQ_ID])
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [])


def test_wrong_hybrid_identity_no_match() -> None:
    sealed = age.encrypt(b"secret", [PQ_RCPT])
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [age.HybridIdentity.generate(), X_ID])


def test_wrong_passphrase_no_match() -> None:
    recipient, _ = _scrypt_pair(b"right")
    sealed = age.encrypt(b"secret", [recipient])
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [age.ScryptIdentity(b"wrong")])
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [X_ID])


def test_scrypt_work_factor_limit_is_configurable() -> None:
    sealed = age.encrypt(b"slow", [age.ScryptRecipient(b"pw", work_factor=6)])
    with pytest.raises(AgeHeaderError):
        age.decrypt(sealed, [age.ScryptIdentity(b"pw", max_work_factor=5)])
    assert age.decrypt(sealed, [age.ScryptIdentity(b"pw", max_work_factor=6)]) == b"slow"


@pytest.mark.parametrize("bad", [0, 31, -1])
def test_scrypt_work_factor_bounds(bad: int) -> None:
    with pytest.raises(AgeError):
        age.ScryptRecipient(b"pw", work_factor=bad)
    with pytest.raises(AgeError):
        age.ScryptIdentity(b"pw", max_work_factor=bad)


def test_bad_header_mac() -> None:
    sealed = bytearray(age.encrypt(b"data", [X_RCPT]))
    # Change the MAC to another canonical encoding: the header still parses.
    mac_at = sealed.index(b"\n--- ") + 5
    sealed[mac_at] = ord("A") if sealed[mac_at] != ord("A") else ord("B")
    with pytest.raises(AgeHmacError):
        age.decrypt(bytes(sealed), [X_ID])


def test_max_size() -> None:
    sealed = age.encrypt(b"x" * 1000, [X_RCPT])
    assert age.decrypt(sealed, [X_ID], max_size=1000) == b"x" * 1000
    with pytest.raises(AgePayloadError):
        age.decrypt(sealed, [X_ID], max_size=999)


def test_decrypt_iter_releases_good_chunks_before_error() -> None:
    plaintext = os.urandom(2 * KIB64 + 5)
    sealed = bytearray(age.encrypt(plaintext, [X_RCPT]))
    sealed[-1] ^= 1  # damage the last chunk only
    got: list[bytes] = []
    with pytest.raises(AgePayloadError):
        for chunk in age.decrypt_iter(bytes(sealed), [X_ID]):
            got.append(chunk)
    assert b"".join(got) == plaintext[: 2 * KIB64]


def test_header_errors_raise_at_call_time() -> None:
    with pytest.raises(AgeHeaderError):
        age.decrypt_iter(b"not an age file", [X_ID])


class _BadKeyIdentity:
    def unwrap(self, stanzas: list[age.Stanza]) -> bytes | None:
        return b"\x00" * 32


class _CrashingIdentity:
    def unwrap(self, stanzas: list[age.Stanza]) -> bytes | None:
        raise RuntimeError("boom")


def test_identity_returning_wrong_length_key_is_header_failure() -> None:
    sealed = age.encrypt(b"x", [X_RCPT])
    with pytest.raises(AgeHeaderError):
        age.decrypt(sealed, [_BadKeyIdentity()])
    with pytest.raises(AgeHeaderError):
        age.decrypt(sealed, [_CrashingIdentity()])


class _GreaseRecipient:
    """Adds unknown stanzas with awkward body lengths around the line boundary."""

    def __init__(self, *sizes: int) -> None:
        self.sizes = sizes

    def wrap(self, file_key: bytes) -> list[age.Stanza]:
        return [age.Stanza("grease", ("a", "b!~"), os.urandom(n)) for n in self.sizes]


def test_unknown_stanzas_are_serialized_canonically_and_ignored() -> None:
    grease = _GreaseRecipient(0, 1, 47, 48, 49, 96, 100)
    sealed = age.encrypt(b"payload", [grease, X_RCPT])
    assert age.decrypt(sealed, [X_ID]) == b"payload"
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [age.X25519Identity.generate()])


class _BadStanzaRecipient:
    def wrap(self, file_key: bytes) -> list[age.Stanza]:
        return [age.Stanza("bad arg", (), b"")]


def test_invalid_stanza_from_recipient_refused() -> None:
    with pytest.raises(AgeError):
        age.encrypt(b"x", [_BadStanzaRecipient()])


def test_error_messages_do_not_leak_keys() -> None:
    sealed = bytearray(age.encrypt(b"x", [X_RCPT]))
    sealed[30] ^= 1
    secrets = [X_ID.to_string(), PQ_ID.to_string()]
    for data in (bytes(sealed), b"garbage", b"age-encryption.org/v2\n"):
        try:
            age.decrypt(data, [X_ID, PQ_ID])
        except AgeError as exc:
            assert not any(s in str(exc) or s.lower() in str(exc) for s in secrets)
            assert str(exc)
        else:
            pytest.fail("damaged file was accepted")
    assert "AGE-SECRET" not in repr(X_ID) and "AGE-SECRET" not in repr(PQ_ID)


# --- properties ----------------------------------------------------------------------------

_PLAIN = os.urandom(KIB64 + 300)  # two chunks
_SEALED_X = age.encrypt(_PLAIN, [X_RCPT])
_SEALED_PQ = age.encrypt(_PLAIN[:500], [PQ_RCPT])


def _assert_rejected(data: bytes, identities: list[age.Identity]) -> None:
    with pytest.raises(AgeError):
        age.decrypt(data, identities)
    released = b""
    with pytest.raises(AgeError):
        for chunk in age.decrypt_iter(data, identities):
            released += chunk
    # Whatever was released before the error is a prefix of the real plaintext.
    assert _PLAIN.startswith(released)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_flipped_byte_is_detected(data: st.DataObject) -> None:
    sealed = data.draw(st.sampled_from([_SEALED_X, _SEALED_PQ]))
    # Bias towards the header, where parsing is most intricate.
    header_len = sealed.index(b"\n--- ") + 50
    pos = data.draw(st.one_of(st.integers(0, header_len - 1), st.integers(0, len(sealed) - 1)))
    mask = data.draw(st.integers(1, 255))
    damaged = bytearray(sealed)
    damaged[pos] ^= mask
    _assert_rejected(bytes(damaged), [X_ID, PQ_ID])


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_truncation_is_detected(data: st.DataObject) -> None:
    sealed = data.draw(st.sampled_from([_SEALED_X, _SEALED_PQ]))
    cut = data.draw(st.integers(0, len(sealed) - 1))
    _assert_rejected(sealed[:cut], [X_ID, PQ_ID])


@settings(max_examples=100, deadline=None)
@given(extra=st.binary(min_size=1, max_size=64))
def test_appended_bytes_are_detected(extra: bytes) -> None:
    _assert_rejected(_SEALED_X + extra, [X_ID])


@settings(max_examples=300, deadline=None)
@given(
    blob=st.one_of(
        st.binary(max_size=400),
        st.binary(max_size=300).map(lambda b: b"age-encryption.org/v1\n" + b),
        st.binary(max_size=300).map(lambda b: b"age-encryption.org/v1\n-> X25519 " + b),
        st.binary(max_size=300).map(lambda b: b"age-encryption.org/v1\n-> scrypt " + b),
    )
)
def test_garbage_only_raises_age_errors(blob: bytes) -> None:
    with contextlib.suppress(AgeError):
        age.decrypt(blob, [X_ID, PQ_ID, age.ScryptIdentity(b"pw", max_work_factor=4)])


@settings(max_examples=50, deadline=None)
@given(plaintext=st.binary(max_size=3000))
def test_round_trip_property(plaintext: bytes) -> None:
    assert age.decrypt(age.encrypt(plaintext, [X_RCPT]), [X_ID]) == plaintext


# --- keys ------------------------------------------------------------------------------------


def test_spec_x25519_example() -> None:
    identity = age.X25519Identity.parse(SPEC_X25519_IDENTITY)
    assert identity.to_string() == SPEC_X25519_IDENTITY
    assert identity.recipient().to_string() == SPEC_X25519_RECIPIENT
    assert age.X25519Recipient.parse(SPEC_X25519_RECIPIENT) == identity.recipient()


def test_spec_hybrid_example() -> None:
    identity = age.HybridIdentity.parse(SPEC_HYBRID_IDENTITY)
    assert identity.to_string() == SPEC_HYBRID_IDENTITY
    recipient = identity.recipient().to_string()
    assert recipient.startswith(SPEC_HYBRID_RECIPIENT_PREFIX)
    assert recipient.endswith(SPEC_HYBRID_RECIPIENT_SUFFIX)
    assert len(recipient) == 1959
    assert age.HybridRecipient.parse(recipient) == identity.recipient()


def test_key_string_round_trips() -> None:
    for _ in range(5):
        x = age.X25519Identity.generate()
        assert age.X25519Identity.parse(x.to_string()).to_string() == x.to_string()
        r = x.recipient().to_string()
        assert r.startswith("age1") and age.X25519Recipient.parse(r).to_string() == r
        pq = age.HybridIdentity.generate()
        s = pq.to_string()
        assert s.startswith("AGE-SECRET-KEY-PQ-1")
        assert age.HybridIdentity.parse(s).to_string() == s
        pr = pq.recipient().to_string()
        assert pr.startswith("age1pq1") and age.HybridRecipient.parse(pr).to_string() == pr


def test_hybrid_from_seed_is_deterministic() -> None:
    seed = bytes(range(32))
    a = age.HybridIdentity.from_seed(seed)
    b = age.HybridIdentity.from_seed(seed)
    assert a.to_string() == b.to_string()
    assert a.recipient() == b.recipient()
    sealed = age.encrypt(b"seeded", [a.recipient()])
    assert age.decrypt(sealed, [b]) == b"seeded"
    with pytest.raises(AgeError):
        age.HybridIdentity.from_seed(b"short")


def test_parse_dispatch() -> None:
    assert isinstance(age.parse_recipient(X_RCPT.to_string()), age.X25519Recipient)
    assert isinstance(age.parse_recipient(PQ_RCPT.to_string()), age.HybridRecipient)
    assert isinstance(age.parse_identity(X_ID.to_string()), age.X25519Identity)
    assert isinstance(age.parse_identity(PQ_ID.to_string()), age.HybridIdentity)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "age1",
        "not a key",
        SPEC_X25519_RECIPIENT.upper(),  # recipients are lowercase in age
        SPEC_X25519_IDENTITY.lower(),  # secret keys are uppercase in age
        SPEC_X25519_RECIPIENT[:-1] + ("q" if SPEC_X25519_RECIPIENT[-1] != "q" else "p"),
        SPEC_X25519_RECIPIENT[:10] + SPEC_X25519_RECIPIENT[10:].upper(),
        bech32.encode("age", b"\x01" * 31),  # wrong length
        bech32.encode("agex", b"\x01" * 32),  # wrong prefix
        bech32.encode("age1pq", b"\x01" * 32),  # wrong length for hybrid
    ],
)
def test_bad_key_strings(bad: str) -> None:
    with pytest.raises(AgeError):
        age.parse_recipient(bad)
    with pytest.raises(AgeError):
        age.parse_identity(bad)


def test_identity_file() -> None:
    x2 = age.X25519Identity.generate()
    text = (
        "# created: 2024-01-01T00:00:00Z\r\n"
        f"# public key: {X_RCPT.to_string()}\r\n"
        f"{X_ID.to_string()}\r\n"
        "\n"
        f"{PQ_ID.to_string()}\n"
        f"{x2.to_string()}"
    )
    ids = age.parse_identity_file(text)
    assert [i.to_string() for i in ids] == [X_ID.to_string(), PQ_ID.to_string(), x2.to_string()]
    with pytest.raises(AgeError, match="Line 2"):
        age.parse_identity_file(f"{X_ID.to_string()}\n  {x2.to_string()}\n")
    with pytest.raises(AgeError):
        age.parse_identity_file("# only comments\n\n")


# --- bech32 ------------------------------------------------------------------------------------


def test_bech32_bip173_valid() -> None:
    for s in ["A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"]:
        hrp, data = bech32.decode(s)
        assert bech32.encode(hrp, data) == s


@pytest.mark.parametrize(
    "bad",
    [
        "A12UEL5l",  # mixed case
        "a12uel5m",  # bad checksum
        "1qzzfhee",  # empty hrp
        "a1b2c3d4",  # invalid data character / checksum
        "a12uel5",  # too short checksum
        "\x201nwldj5",  # hrp character out of range
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx",
        "A1G7SGD8",  # bech32m checksum, not bech32
    ],
)
def test_bech32_rejects(bad: str) -> None:
    with pytest.raises(bech32.Bech32Error):
        bech32.decode(bad)


def test_bech32_no_length_limit_and_case() -> None:
    data = os.urandom(1216)
    s = bech32.encode("age1pq", data)
    assert len(s) > 90
    assert bech32.decode(s) == ("age1pq", data)
    upper = bech32.encode("AGE-SECRET-KEY-", data[:32])
    assert upper == upper.upper()
    assert bech32.decode(upper) == ("AGE-SECRET-KEY-", data[:32])


def test_bech32_rejects_nonzero_padding() -> None:
    # 32 bytes -> 52 five-bit groups with 4 padding bits; set one of them.
    hrp, data = "age", b"\xff" * 32
    good = bech32.encode(hrp, data)
    values = [bech32._CHARSET_REV[c] for c in good[4:-6]]
    values[-1] |= 1
    checksum = bech32._checksum(hrp, values)
    bad = "age1" + "".join(bech32._CHARSET[v] for v in (*values, *checksum))
    with pytest.raises(bech32.Bech32Error):
        bech32.decode(bad)


def test_errors_are_tomar_errors() -> None:
    assert issubclass(bech32.Bech32Error, AgeError)
    assert issubclass(AgeError, TomarError)
