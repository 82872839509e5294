"""Tests for tomar.core.minisign: round trips, tampering, strict parsing, interop."""

from __future__ import annotations

import base64
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tomar.core.errors import BadSignature, MinisignError, TomarError
from tomar.core.minisign import (
    PublicKey,
    SecretKey,
    Signature,
    WrongKey,
    parse_signature,
    verify,
)

from .tools import unavailable

DATA = b"batch 7: 312 signatures\n" * 10


@pytest.fixture(scope="module")
def key() -> SecretKey:
    return SecretKey.generate()


@pytest.fixture(scope="module")
def sig_text(key: SecretKey) -> str:
    return key.sign(DATA, trusted_comment="timestamp:1700000000\tbatch:7")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _replace_line(text: str, index: int, new: str) -> str:
    lines = _lines(text)
    lines[index] = new
    return "\n".join(lines)


# --- round trips -------------------------------------------------------------------


@pytest.mark.parametrize("prehash", [True, False])
def test_round_trip(key: SecretKey, prehash: bool) -> None:
    text = key.sign(DATA, trusted_comment="hello\tworld", prehash=prehash)
    assert verify(key.public_key(), DATA, text) == "hello\tworld"
    assert verify(key.public_key(), DATA, text.encode()) == "hello\tworld"
    parsed = parse_signature(text)
    assert parsed.algorithm == ("ED" if prehash else "Ed")
    assert parsed.prehashed is prehash
    assert parsed.key_id == key.key_id
    assert parsed.untrusted_comment == "signature from tomar secret key"


def test_signature_file_layout(key: SecretKey, sig_text: str) -> None:
    lines = _lines(sig_text)
    assert len(lines) == 5 and lines[4] == ""
    assert lines[0] == "untrusted comment: signature from tomar secret key"
    assert lines[2] == "trusted comment: timestamp:1700000000\tbatch:7"
    raw = base64.b64decode(lines[1])
    assert len(raw) == 74 and raw[:2] == b"ED" and raw[2:10] == key.key_id
    assert len(base64.b64decode(lines[3])) == 64


def test_default_trusted_comment(key: SecretKey) -> None:
    comment = verify(key.public_key(), b"x", key.sign(b"x"))
    assert comment.startswith("timestamp:") and comment.endswith("\thashed")
    legacy = verify(key.public_key(), b"x", key.sign(b"x", prehash=False))
    assert legacy.startswith("timestamp:") and "hashed" not in legacy


def test_empty_and_unicode_data(key: SecretKey) -> None:
    text = key.sign(b"", trusted_comment="امضا ✓")
    assert verify(key.public_key(), b"", text) == "امضا ✓"


def test_crlf_line_endings_accepted(key: SecretKey, sig_text: str) -> None:
    assert verify(key.public_key(), DATA, sig_text.replace("\n", "\r\n")) == (
        "timestamp:1700000000\tbatch:7"
    )
    assert verify(key.public_key(), DATA, sig_text.rstrip("\n")) is not None


def test_secret_key_raw_round_trip(key: SecretKey) -> None:
    again = SecretKey.from_raw(key.raw_private_bytes(), key.key_id)
    assert again.public_key() == key.public_key()
    assert len(key.raw_private_bytes()) == 32
    assert key.raw_private_bytes().hex() not in repr(key)
    assert key.public_key().key_id_hex in repr(key)


def test_public_key_text_round_trip(key: SecretKey) -> None:
    pub = key.public_key()
    text = pub.to_file_text()
    assert text == (f"untrusted comment: minisign public key {pub.key_id_hex}\n{pub.to_base64()}\n")
    assert PublicKey.from_file_text(text) == pub
    assert PublicKey.from_base64(pub.to_base64()) == pub
    assert PublicKey.from_base64(f"  {pub.to_base64()}\n") == pub
    assert len(pub.key_id_hex) == 16
    assert pub.key_id_hex == pub.key_id[::-1].hex().upper()
    assert PublicKey.from_file_text(pub.to_file_text("custom")) == pub


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not a key",
        "RWQ=",
        "untrusted comment: x\n",
        "no comment prefix\nRWRe/vKH2TLc2AffJyQie3O0gNpLfe0N939EA7bZjv+MvWFIoRcyAeLy\n",
        # "Ed" replaced by "ED": a signature-style prefix is not a public key
        "untrusted comment: x\nRURe/vKH2TLc2AffJyQie3O0gNpLfe0N939EA7bZjv+MvWFIoRcyAeLy\n",
        # one character short, one character long
        "untrusted comment: x\nRWRe/vKH2TLc2AffJyQie3O0gNpLfe0N939EA7bZjv+MvWFIoRcyAeL\n",
        "untrusted comment: x\nRWRe/vKH2TLc2AffJyQie3O0gNpLfe0N939EA7bZjv+MvWFIoRcyAeLyy\n",
        # extra line
        "untrusted comment: x\nRWRe/vKH2TLc2AffJyQie3O0gNpLfe0N939EA7bZjv+MvWFIoRcyAeLy\nextra\n",
    ],
)
def test_public_key_rejects_garbage(text: str) -> None:
    with pytest.raises(MinisignError):
        PublicKey.from_file_text(text)


def test_public_key_from_minisign_output() -> None:
    pub = PublicKey.from_base64("RWRe/vKH2TLc2AffJyQie3O0gNpLfe0N939EA7bZjv+MvWFIoRcyAeLy")
    assert pub.key_id_hex == "D8DC32D987F2FE5E"


def test_public_key_constructor_checks_lengths() -> None:
    with pytest.raises(MinisignError):
        PublicKey(key_id=b"1234567", raw=b"\x00" * 32)
    with pytest.raises(MinisignError):
        PublicKey(key_id=b"12345678", raw=b"\x00" * 31)


def test_secret_key_from_raw_checks_lengths() -> None:
    with pytest.raises(MinisignError):
        SecretKey.from_raw(b"\x00" * 31, b"12345678")
    with pytest.raises(MinisignError):
        SecretKey.from_raw(b"\x00" * 32, b"1234")


# --- tampering -----------------------------------------------------------------------


def test_tampered_data(key: SecretKey, sig_text: str) -> None:
    with pytest.raises(BadSignature) as info:
        verify(key.public_key(), DATA + b"!", sig_text)
    assert not isinstance(info.value, WrongKey)
    assert "changed" in str(info.value)


def test_tampered_data_legacy(key: SecretKey) -> None:
    text = key.sign(DATA, prehash=False)
    with pytest.raises(BadSignature):
        verify(key.public_key(), DATA[:-1], text)


def test_tampered_trusted_comment(key: SecretKey, sig_text: str) -> None:
    forged = _replace_line(sig_text, 2, "trusted comment: timestamp:1700000000\tbatch:8")
    with pytest.raises(BadSignature) as info:
        verify(key.public_key(), DATA, forged)
    assert "trusted comment" in str(info.value)


def test_untrusted_comment_is_not_protected(key: SecretKey, sig_text: str) -> None:
    changed = _replace_line(sig_text, 0, "untrusted comment: anything at all")
    assert verify(key.public_key(), DATA, changed) == "timestamp:1700000000\tbatch:7"


def test_wrong_key(key: SecretKey, sig_text: str) -> None:
    other = SecretKey.generate()
    with pytest.raises(WrongKey) as info:
        verify(other.public_key(), DATA, sig_text)
    assert "signed by a different key" in str(info.value)
    assert isinstance(info.value, BadSignature)


def test_same_key_id_different_key(key: SecretKey, sig_text: str) -> None:
    impostor = SecretKey.from_raw(SecretKey.generate().raw_private_bytes(), key.key_id)
    with pytest.raises(BadSignature):
        verify(impostor.public_key(), DATA, sig_text)


def test_swapped_algorithm_fails(key: SecretKey, sig_text: str) -> None:
    raw = bytearray(base64.b64decode(_lines(sig_text)[1]))
    raw[:2] = b"Ed"
    forged = _replace_line(sig_text, 1, base64.b64encode(bytes(raw)).decode())
    with pytest.raises(BadSignature):
        verify(key.public_key(), DATA, forged)


def test_legacy_can_be_refused(key: SecretKey) -> None:
    text = key.sign(DATA, prehash=False)
    with pytest.raises(MinisignError) as info:
        verify(key.public_key(), DATA, text, allow_legacy=False)
    assert not isinstance(info.value, BadSignature)
    assert verify(key.public_key(), DATA, key.sign(DATA), allow_legacy=False)


@pytest.mark.parametrize("cut", [0, 1, 20, 60, 120, 150, 200, -2])
def test_truncated_signature(key: SecretKey, sig_text: str, cut: int) -> None:
    with pytest.raises(MinisignError):
        verify(key.public_key(), DATA, sig_text[:cut])


@pytest.mark.parametrize(
    "mutate",
    [
        lambda t: t + "extra line\n",
        lambda t: t.replace("untrusted comment: ", "comment: ", 1),
        lambda t: _replace_line(t, 2, _lines(t)[2].replace("trusted comment: ", "trusted: ")),
        lambda t: _replace_line(t, 1, _lines(t)[1] + "A"),
        lambda t: _replace_line(t, 1, _lines(t)[1][:-4]),
        lambda t: _replace_line(t, 3, _lines(t)[3].replace("==", "")),
        lambda t: _replace_line(t, 3, " " + _lines(t)[3]),
        lambda t: _replace_line(t, 2, "trusted comment: a\x00b"),
        lambda t: _replace_line(t, 2, "trusted comment: " + "x" * 9000),
        lambda t: _replace_line(t, 0, "untrusted comment: " + "x" * 2000),
        lambda t: "\n".join([_lines(t)[0], _lines(t)[2], _lines(t)[1], _lines(t)[3]]),
    ],
)
def test_malformed_signatures(key: SecretKey, sig_text: str, mutate: Callable[[str], str]) -> None:
    with pytest.raises(MinisignError):
        verify(key.public_key(), DATA, mutate(sig_text))


def test_unknown_algorithm(key: SecretKey, sig_text: str) -> None:
    raw = bytearray(base64.b64decode(_lines(sig_text)[1]))
    raw[:2] = b"XX"
    forged = _replace_line(sig_text, 1, base64.b64encode(bytes(raw)).decode())
    with pytest.raises(MinisignError, match="algorithm"):
        parse_signature(forged)


def test_non_canonical_base64_rejected(key: SecretKey, sig_text: str) -> None:
    line = _lines(sig_text)[3]
    last = line[-3]  # last data character before "=="; its low 4 bits are unused
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    sibling = alphabet[alphabet.index(last) ^ 1]
    forged = _replace_line(sig_text, 3, line[:-3] + sibling + "==")
    assert base64.b64decode(forged.split("\n")[3]) == base64.b64decode(line)
    with pytest.raises(MinisignError):
        verify(key.public_key(), DATA, forged)


def test_invalid_utf8_bytes(key: SecretKey, sig_text: str) -> None:
    with pytest.raises(MinisignError):
        verify(key.public_key(), DATA, sig_text.encode() + b"\xff")


def test_sign_rejects_multiline_comments(key: SecretKey) -> None:
    with pytest.raises(MinisignError):
        key.sign(DATA, trusted_comment="a\nb")
    with pytest.raises(MinisignError):
        key.sign(DATA, untrusted_comment="a\rb")
    with pytest.raises(MinisignError):
        key.sign(DATA, trusted_comment="x" * 8001)
    with pytest.raises(MinisignError):
        key.sign(DATA, trusted_comment="\udcff")


def test_error_messages_do_not_echo_input(key: SecretKey) -> None:
    secret_name = "Maryam Rezaei"
    text = key.sign(DATA, trusted_comment=secret_name)
    for bad in (
        text.replace(secret_name, secret_name + "!"),
        text[:-5] + secret_name,
        secret_name,
    ):
        with pytest.raises(TomarError) as info:
            verify(key.public_key(), DATA, bad)
        assert secret_name not in str(info.value)


def test_signature_dataclass_is_frozen(sig_text: str) -> None:
    parsed = parse_signature(sig_text)
    assert isinstance(parsed, Signature)
    with pytest.raises(AttributeError):
        parsed.trusted_comment = "x"  # type: ignore[misc]


# --- property tests ------------------------------------------------------------------


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_flipped_data_byte_never_verifies(
    key: SecretKey, sig_text: str, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(DATA) - 1))
    bit = data.draw(st.integers(0, 7))
    flipped = bytearray(DATA)
    flipped[index] ^= 1 << bit
    with pytest.raises(BadSignature):
        verify(key.public_key(), bytes(flipped), sig_text)


@settings(max_examples=500, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), prehash=st.booleans())
def test_flipped_signature_byte_never_verifies(
    key: SecretKey, data: st.DataObject, prehash: bool
) -> None:
    """Any byte change in the signed lines (2-4, line ends excepted) is detected."""
    text = key.sign(DATA, trusted_comment="timestamp:1\tnote:سلام", prehash=prehash)
    raw = bytearray(text.encode())
    start = raw.index(b"\n") + 1
    positions = [i for i in range(start, len(raw)) if raw[i] != 0x0A]
    index = data.draw(st.sampled_from(positions))
    raw[index] = data.draw(st.integers(0, 255).filter(lambda b: b != raw[index]))
    with pytest.raises(MinisignError):  # BadSignature is a MinisignError
        verify(key.public_key(), DATA, bytes(raw))


@settings(max_examples=500, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_byte_change_never_forges(key: SecretKey, sig_text: str, data: st.DataObject) -> None:
    """Anywhere in the file, a change either fails cleanly or changes nothing signed.

    The untrusted comment is unprotected by design, and a final LF may become CR.
    """
    raw = bytearray(sig_text.encode())
    index = data.draw(st.integers(0, len(raw) - 1))
    raw[index] = data.draw(st.integers(0, 255).filter(lambda b: b != raw[index]))
    try:
        comment = verify(key.public_key(), DATA, bytes(raw))
    except TomarError:
        return
    first_newline = sig_text.index("\n")
    assert index < first_newline or index == len(raw) - 1
    assert comment == "timestamp:1700000000\tbatch:7"


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400) | st.binary(max_size=400))
def test_arbitrary_input_only_raises_tomar_errors(key: SecretKey, text: str | bytes) -> None:
    with pytest.raises(MinisignError):
        verify(key.public_key(), DATA, text)
    with pytest.raises(MinisignError):
        PublicKey.from_file_text(text)
    with pytest.raises(MinisignError):
        SecretKey.from_minisign_file_text(text)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.binary(max_size=200),
    comment=st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n\x00"),
        max_size=60,
    ),
    prehash=st.booleans(),
)
def test_round_trip_property(key: SecretKey, payload: bytes, comment: str, prehash: bool) -> None:
    text = key.sign(payload, trusted_comment=comment, prehash=prehash)
    assert verify(key.public_key(), payload, text) == comment


# --- unencrypted minisign secret key files ---------------------------------------------


def test_secret_key_file_errors() -> None:
    with pytest.raises(MinisignError):
        SecretKey.from_minisign_file_text("untrusted comment: x\nRWQAAEIy\n")


# --- interop with the real minisign tool -------------------------------------------------


@pytest.fixture
def minisign_bin() -> Iterator[str]:
    path = shutil.which("minisign")
    if path is None:
        unavailable("the minisign tool is not installed (apt install minisign)")
        raise AssertionError  # unreachable: unavailable() skips or fails
    yield path


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


@pytest.mark.interop
@pytest.mark.parametrize("prehash", [True, False])
def test_minisign_verifies_tomar_signature(
    minisign_bin: str, tmp_path: Path, key: SecretKey, prehash: bool
) -> None:
    (tmp_path / "pub").write_text(key.public_key().to_file_text())
    (tmp_path / "data").write_bytes(DATA)
    (tmp_path / "data.minisig").write_text(
        key.sign(DATA, trusted_comment="tomar interop ✓", prehash=prehash)
    )
    ok = _run([minisign_bin, "-V", "-p", "pub", "-m", "data", "-x", "data.minisig"], tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "tomar interop ✓" in ok.stdout
    # and the real tool agrees that a modified file is bad
    (tmp_path / "data").write_bytes(DATA + b"x")
    bad = _run([minisign_bin, "-V", "-p", "pub", "-m", "data", "-x", "data.minisig"], tmp_path)
    assert bad.returncode != 0


@pytest.mark.interop
def test_minisign_verifies_with_inline_public_key(
    minisign_bin: str, tmp_path: Path, key: SecretKey
) -> None:
    (tmp_path / "data").write_bytes(DATA)
    (tmp_path / "data.minisig").write_text(key.sign(DATA))
    args = [minisign_bin, "-V", "-P", key.public_key().to_base64(), "-m", "data"]
    ok = _run(args, tmp_path)
    assert ok.returncode == 0, ok.stderr


@pytest.fixture
def minisign_keypair(minisign_bin: str, tmp_path: Path) -> tuple[Path, Path]:
    made = _run([minisign_bin, "-G", "-W", "-p", "pub", "-s", "sec"], tmp_path)
    assert made.returncode == 0, made.stderr
    return tmp_path / "pub", tmp_path / "sec"


@pytest.mark.interop
@pytest.mark.parametrize("legacy", [False, True])
def test_tomar_verifies_minisign_signature(
    minisign_bin: str, tmp_path: Path, minisign_keypair: tuple[Path, Path], legacy: bool
) -> None:
    pub_path, sec_path = minisign_keypair
    (tmp_path / "data").write_bytes(DATA)
    args = [minisign_bin, "-S", "-s", str(sec_path), "-m", "data", "-t", "from minisign"]
    if legacy:
        args.append("-l")
    signed = _run(args, tmp_path)
    assert signed.returncode == 0, signed.stderr
    pub = PublicKey.from_file_text(pub_path.read_text())
    sig_text = (tmp_path / "data.minisig").read_text()
    assert parse_signature(sig_text).prehashed is not legacy
    assert verify(pub, DATA, sig_text) == "from minisign"
    with pytest.raises(BadSignature):
        verify(pub, DATA.replace(b"312", b"313"), sig_text)
    with pytest.raises(WrongKey):
        verify(SecretKey.generate().public_key(), DATA, sig_text)
    if legacy:
        with pytest.raises(MinisignError):
            verify(pub, DATA, sig_text, allow_legacy=False)


@pytest.mark.interop
def test_tomar_reads_unencrypted_minisign_secret_key(
    minisign_bin: str, tmp_path: Path, minisign_keypair: tuple[Path, Path]
) -> None:
    pub_path, sec_path = minisign_keypair
    secret = SecretKey.from_minisign_file_text(sec_path.read_text())
    pub = PublicKey.from_file_text(pub_path.read_text())
    assert secret.public_key() == pub
    (tmp_path / "data").write_bytes(DATA)
    (tmp_path / "data.minisig").write_text(secret.sign(DATA))
    ok = _run([minisign_bin, "-V", "-p", str(pub_path), "-m", "data"], tmp_path)
    assert ok.returncode == 0, ok.stderr
    # a corrupted key file is refused rather than producing a wrong key
    lines = sec_path.read_text().split("\n")
    raw = bytearray(base64.b64decode(lines[1]))
    raw[70] ^= 1  # inside the seed: no longer matches the embedded public key
    lines[1] = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(MinisignError):
        SecretKey.from_minisign_file_text("\n".join(lines))
