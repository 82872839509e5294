"""Interoperability with the reference `age` command-line tool (Debian's age 1.1.1).

The age tool reads passphrases from the terminal only, so the scrypt tests run
it on a pseudo-terminal and type the passphrase when it prompts.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import shutil
import subprocess
import termios
import time
from pathlib import Path

import pytest

from tomar.core import age
from tomar.core.errors import AgeNoMatch

pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(
        shutil.which("age") is None or shutil.which("age-keygen") is None,
        reason="the age and age-keygen tools are not installed (apt install age)",
    ),
]

PLAINTEXT = b"Tomar interop\n" + bytes(range(256)) * 300  # > 64 KiB: two chunks
_PROMPT = re.compile(rb"(?i)passphrase[^\n]*:")


def _run(argv: list[str], stdin: bytes = b"") -> bytes:
    done = subprocess.run(argv, input=stdin, capture_output=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def _make_controlling_tty() -> None:
    # Runs in the child after setsid(): make the pty on fd 0 its terminal,
    # so that age can open /dev/tty.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _run_on_tty(argv: list[str], answers: list[bytes], timeout: float = 20.0) -> bytes:
    """Run `argv` on a new pseudo-terminal, typing one answer per passphrase prompt."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            preexec_fn=_make_controlling_tty,  # the test process is single-threaded
        )
    finally:
        os.close(slave)
    output = b""
    answered = 0
    deadline = time.monotonic() + timeout
    try:
        while True:
            ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                proc.kill()
                pytest.fail(f"{argv[0]} did not finish; terminal showed {output!r}")
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            output += data
            prompts = len(_PROMPT.findall(output))
            while answered < min(prompts, len(answers)):
                os.write(master, answers[answered] + b"\n")
                answered += 1
    finally:
        os.close(master)
    code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    assert code == 0, output.decode(errors="replace")
    assert answered == len(answers), output.decode(errors="replace")
    return output


@pytest.fixture
def keypair(tmp_path: Path) -> tuple[Path, str]:
    """An identity file made by age-keygen, and its public key."""
    key_file = tmp_path / "key.txt"
    _run(["age-keygen", "-o", str(key_file)])
    public = _run(["age-keygen", "-y", str(key_file)]).decode().strip()
    return key_file, public


def test_tomar_to_age_x25519(tmp_path: Path, keypair: tuple[Path, str]) -> None:
    key_file, public = keypair
    sealed = tmp_path / "msg.age"
    sealed.write_bytes(age.encrypt(PLAINTEXT, [age.parse_recipient(public)]))
    assert _run(["age", "-d", "-i", str(key_file), str(sealed)]) == PLAINTEXT


def test_tomar_generated_identity_to_age(tmp_path: Path) -> None:
    identity = age.X25519Identity.generate()
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"# made by Tomar\n{identity.to_string()}\n")
    sealed = tmp_path / "msg.age"
    sealed.write_bytes(age.encrypt(b"", [identity.recipient()]))
    assert _run(["age", "-d", "-i", str(key_file), str(sealed)]) == b""
    public = _run(["age-keygen", "-y", str(key_file)]).decode().strip()
    assert public == identity.recipient().to_string()


def test_age_recipient_to_tomar(keypair: tuple[Path, str]) -> None:
    key_file, public = keypair
    sealed = _run(["age", "-r", public], stdin=PLAINTEXT)
    identities = age.parse_identity_file(key_file.read_text())
    assert age.decrypt(sealed, identities) == PLAINTEXT


def test_age_identity_encrypt_to_tomar(keypair: tuple[Path, str]) -> None:
    key_file, _ = keypair
    sealed = _run(["age", "-e", "-i", str(key_file)], stdin=PLAINTEXT[:1000])
    identities = age.parse_identity_file(key_file.read_text())
    assert age.decrypt(sealed, identities) == PLAINTEXT[:1000]
    assert b"".join(age.decrypt_iter(sealed, identities)) == PLAINTEXT[:1000]


def test_age_multiple_recipients_to_tomar(keypair: tuple[Path, str]) -> None:
    _, public = keypair
    mine = age.X25519Identity.generate()
    sealed = _run(["age", "-r", mine.recipient().to_string(), "-r", public], stdin=PLAINTEXT)
    assert age.decrypt(sealed, [mine]) == PLAINTEXT


def test_tomar_scrypt_to_age(tmp_path: Path) -> None:
    sealed = tmp_path / "msg.age"
    sealed.write_bytes(age.encrypt(PLAINTEXT, [age.ScryptRecipient(b"tomar pass", 10)]))
    out = tmp_path / "msg.txt"
    _run_on_tty(["age", "-d", "-o", str(out), str(sealed)], [b"tomar pass"])
    assert out.read_bytes() == PLAINTEXT


def test_age_scrypt_to_tomar(tmp_path: Path) -> None:
    plain = tmp_path / "msg.txt"
    plain.write_bytes(PLAINTEXT)
    sealed = tmp_path / "msg.age"
    # age -p asks twice (enter, confirm); it always uses work factor 18.
    _run_on_tty(["age", "-p", "-o", str(sealed), str(plain)], [b"age pass", b"age pass"])
    data = sealed.read_bytes()
    assert b"\n-> scrypt " in data
    assert age.decrypt(data, [age.ScryptIdentity(b"age pass")]) == PLAINTEXT
    with pytest.raises(AgeNoMatch):
        age.decrypt(data, [age.ScryptIdentity(b"wrong", max_work_factor=18)])
