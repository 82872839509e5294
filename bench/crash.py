"""SIGKILL `tomar sign` at random moments across a whole save, with the DEFAULT key
derivation (Argon2id as shipped), and check that every acknowledged signature is stored
and the vault is clean. Prints one JSON line per figure.

A signature is acknowledged when the command has printed its record id: that is the
moment a volunteer would see "thank you". Kill times are drawn uniformly over 1.25 times
the longest uninterrupted save seen (process start, unlock, seal, durable commit), so
every phase is hit; `finished` counts the rounds that ended before their kill time.
`make crash` runs 200 rounds (CRASH_ROUNDS): 15 minutes on this busy two-core machine.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PASS = "crash test passphrase"


def _env() -> dict[str, str]:
    env = {**os.environ, "TOMAR_PASSPHRASE": PASS}
    # The default Argon2id, as shipped: without the tests' fast-KDF start-up hook
    # (tests/kdf on PYTHONPATH) when this runs under pytest.
    kept = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and Path(p).name != "kdf"]
    env["PYTHONPATH"] = os.pathsep.join(kept)
    env.pop("TOMAR_HOME", None)
    return env


def _sign_argv(home: Path, n: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "tomar",
        "--home",
        str(home),
        "sign",
        "--consent",
        "--field",
        f"full_name=Crash Person {n}",
        "--field",
        "city=Washington",
        "--paper",
        f"CRASH-{n}:1",
    ]


def _prepare(home: Path) -> None:
    from tomar import demo

    env = _env()
    package = home.parent / "demo.tomar-campaign"
    package.write_bytes(demo.package())
    for args in (
        ["init"],
        ["campaign", "import", str(package)],
        ["event", "start", "--name", "Crash"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "tomar", "--home", str(home), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args}: {done.stderr}")


def run(rounds: int, seed: int = 16, home: Path | None = None) -> dict[str, Any]:
    """The crash loop; returns the figures (and raises AssertionError on a lost record)."""
    from tomar.core import vault

    work = Path(tempfile.mkdtemp(prefix="tomar-crash-")) if home is None else home
    home = work / "device"
    _prepare(home)
    env = _env()
    acknowledged: set[str] = set()
    durations: list[float] = []
    for n in range(3):  # uninterrupted saves: how long a whole save takes now
        start = time.monotonic()
        done = subprocess.run(_sign_argv(home, -1 - n), env=env, capture_output=True, timeout=120)
        durations.append(time.monotonic() - start)
        assert done.returncode == 0, done.stderr
        acknowledged.add(done.stdout.decode().split()[-1])
    # The window grows when a save is seen to take longer (the machine may be busy).
    window = 1.25 * max(durations)
    rng = random.Random(seed)
    killed = finished = 0
    for n in range(1, rounds + 1):
        start = time.monotonic()
        child = subprocess.Popen(
            _sign_argv(home, n), env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.0, window))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        else:
            finished += 1
            window = max(window, 1.25 * (time.monotonic() - start))
        out, _ = child.communicate(timeout=120)
        words = out.decode().split()
        if child.returncode == 0 and words:
            acknowledged.add(words[-1])
    with vault.Vault.open(home, PASS) as v:
        problems = v.integrity_problems()
        stored = {str(r[0]) for r in v.conn.execute("SELECT record_id FROM records")}
        seqs = [int(r[0]) for r in v.conn.execute("SELECT seq FROM records ORDER BY seq")]
    lost = acknowledged - stored
    assert not lost, f"{len(lost)} acknowledged signatures lost"
    assert problems == [], problems
    assert seqs == list(range(1, len(seqs) + 1)), "sequence numbers have gaps or repeats"
    return {
        "rounds": rounds,
        "killed": killed,
        "finished": finished,
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "save_seconds": round(max(durations), 3),
        "window_seconds": round(window, 3),
    }


def main() -> None:
    rounds = int(os.environ.get("CRASH_ROUNDS", "200"))
    figures = run(rounds)
    for name, value in figures.items():
        print(json.dumps({"bench": "crash", "name": name, "value": value}), flush=True)


if __name__ == "__main__":
    main()
