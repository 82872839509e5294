"""Helpers for tests that drive the real `age` and `minisign` tools."""

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

_PROMPT = re.compile(rb"(?i)passphrase[^\n]*:")


def run(argv: list[str], stdin: bytes = b"") -> bytes:
    done = subprocess.run(argv, input=stdin, capture_output=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def _make_controlling_tty() -> None:
    # Runs in the child after setsid(): make the pty on fd 0 its terminal,
    # so that age can open /dev/tty.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def run_on_tty(argv: list[str], answers: list[bytes], timeout: float = 20.0) -> bytes:
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


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where every tool must be there."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI installs it: see .ci/run)", pytrace=False)
    pytest.skip(reason)


NODE_AGE = Path(__file__).resolve().parent / "interop" / "age.mjs"
_NODE_MODULES = NODE_AGE.parent / "node_modules" / "age-encryption"


def tool_missing(name: str) -> bool:
    """`node-age` is the npm age-encryption package in tests/interop (npm ci there)."""
    if name == "node-age":
        return shutil.which("node") is None or not _NODE_MODULES.is_dir()
    return shutil.which(name) is None


def node_age(args: list[str], stdin: bytes = b"", env: dict[str, str] | None = None) -> bytes:
    """Run tests/interop/age.mjs (official TypeScript age) and return its output."""
    done = subprocess.run(
        ["node", str(NODE_AGE), *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout
