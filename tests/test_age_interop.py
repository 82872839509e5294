"""Interoperability with the reference `age` command-line tool (Debian's age 1.1.1).

The age tool reads passphrases from the terminal only, so the scrypt tests run
it on a pseudo-terminal and type the passphrase when it prompts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tomar.core import age
from tomar.core.errors import AgeNoMatch

from .tools import run, run_on_tty

pytestmark = [
    pytest.mark.interop,
    pytest.mark.needs_tool("age", "age-keygen"),
]

PLAINTEXT = b"Tomar interop\n" + bytes(range(256)) * 300  # > 64 KiB: two chunks


@pytest.fixture
def keypair(tmp_path: Path) -> tuple[Path, str]:
    """An identity file made by age-keygen, and its public key."""
    key_file = tmp_path / "key.txt"
    run(["age-keygen", "-o", str(key_file)])
    public = run(["age-keygen", "-y", str(key_file)]).decode().strip()
    return key_file, public


def test_tomar_to_age_x25519(tmp_path: Path, keypair: tuple[Path, str]) -> None:
    key_file, public = keypair
    sealed = tmp_path / "msg.age"
    sealed.write_bytes(age.encrypt(PLAINTEXT, [age.parse_recipient(public)]))
    assert run(["age", "-d", "-i", str(key_file), str(sealed)]) == PLAINTEXT


def test_tomar_generated_identity_to_age(tmp_path: Path) -> None:
    identity = age.X25519Identity.generate()
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"# made by Tomar\n{identity.to_string()}\n")
    sealed = tmp_path / "msg.age"
    sealed.write_bytes(age.encrypt(b"", [identity.recipient()]))
    assert run(["age", "-d", "-i", str(key_file), str(sealed)]) == b""
    public = run(["age-keygen", "-y", str(key_file)]).decode().strip()
    assert public == identity.recipient().to_string()


def test_age_recipient_to_tomar(keypair: tuple[Path, str]) -> None:
    key_file, public = keypair
    sealed = run(["age", "-r", public], stdin=PLAINTEXT)
    identities = age.parse_identity_file(key_file.read_text())
    assert age.decrypt(sealed, identities) == PLAINTEXT


def test_age_identity_encrypt_to_tomar(keypair: tuple[Path, str]) -> None:
    key_file, _ = keypair
    sealed = run(["age", "-e", "-i", str(key_file)], stdin=PLAINTEXT[:1000])
    identities = age.parse_identity_file(key_file.read_text())
    assert age.decrypt(sealed, identities) == PLAINTEXT[:1000]
    assert b"".join(age.decrypt_iter(sealed, identities)) == PLAINTEXT[:1000]


def test_age_multiple_recipients_to_tomar(keypair: tuple[Path, str]) -> None:
    _, public = keypair
    mine = age.X25519Identity.generate()
    sealed = run(["age", "-r", mine.recipient().to_string(), "-r", public], stdin=PLAINTEXT)
    assert age.decrypt(sealed, [mine]) == PLAINTEXT


def test_tomar_scrypt_to_age(tmp_path: Path) -> None:
    sealed = tmp_path / "msg.age"
    sealed.write_bytes(age.encrypt(PLAINTEXT, [age.ScryptRecipient(b"tomar pass", 10)]))
    out = tmp_path / "msg.txt"
    run_on_tty(["age", "-d", "-o", str(out), str(sealed)], [b"tomar pass"])
    assert out.read_bytes() == PLAINTEXT


def test_age_scrypt_to_tomar(tmp_path: Path) -> None:
    plain = tmp_path / "msg.txt"
    plain.write_bytes(PLAINTEXT)
    sealed = tmp_path / "msg.age"
    # age -p asks twice (enter, confirm); it always uses work factor 18.
    run_on_tty(["age", "-p", "-o", str(sealed), str(plain)], [b"age pass", b"age pass"])
    data = sealed.read_bytes()
    assert b"\n-> scrypt " in data
    assert age.decrypt(data, [age.ScryptIdentity(b"age pass")]) == PLAINTEXT
    with pytest.raises(AgeNoMatch):
        age.decrypt(data, [age.ScryptIdentity(b"wrong", max_work_factor=18)])
