"""SIGKILL `tomar sign` at random moments across a whole save, with the DEFAULT key
derivation (Argon2id as shipped), and check that every acknowledged signature is stored
and the vault is clean. Prints one JSON line per figure.

A signature is acknowledged when the command has printed its record id: that is the
moment a volunteer would see "thank you". Each round first makes SAVES uninterrupted
saves (each acknowledged, each timed: process start, unlock, seal, durable commit), then
starts one more and SIGKILLs it at a moment drawn uniformly over 1.25 times the longest
of the last ten timed saves, so every phase is hit however loaded the machine is and a
run of 200 rounds has hundreds of acknowledged saves to lose. `finished` counts the
killed saves that ended before their kill time; `kills_by_fraction` says where in a
(median) save the kills fell. A save after a kill failing, a lost acknowledged record,
a gap in the sequence numbers or an integrity problem fails the run.
`make crash` runs 200 rounds of 3 saves (CRASH_ROUNDS, CRASH_SAVES); CRASH_MINUTES stops
starting rounds after that long (a loaded machine), and the rounds done are checked and
reported all the same. Progress goes to stderr every 25 rounds.
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


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _fraction_bin(fraction: float) -> str:
    """Where in a save a kill fell, in quarters of the median save (over 1: past it)."""
    if fraction >= 1.0:
        return ">1"
    low = int(fraction * 4) / 4
    return f"{low:.2f}-{low + 0.25:.2f}"


def run(
    rounds: int,
    seed: int = 16,
    home: Path | None = None,
    saves: int = 3,
    minutes: float | None = None,
) -> dict[str, Any]:
    """The crash loop; returns the figures. Raises AssertionError, after measuring, when a
    record is lost or the vault is not clean (the figures are then in the message)."""
    from tomar.core import vault

    work = Path(tempfile.mkdtemp(prefix="tomar-crash-")) if home is None else home
    home = work / "device"
    _prepare(home)
    env = _env()
    load_start = os.getloadavg()[0]
    acknowledged: set[str] = set()
    durations: list[float] = []
    serial = 0

    def save_whole() -> None:
        """One uninterrupted save: it must succeed (the vault survived every kill)."""
        nonlocal serial
        serial += 1
        begin = time.monotonic()
        done = subprocess.run(_sign_argv(home, serial), env=env, capture_output=True, timeout=300)
        durations.append(time.monotonic() - begin)
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        acknowledged.add(done.stdout.decode().split()[-1])

    rng = random.Random(seed)
    killed = finished = 0
    bins: dict[str, int] = {}
    started = time.monotonic()
    done_rounds = 0
    for _ in range(rounds):
        if minutes is not None and time.monotonic() - started > minutes * 60:
            break
        done_rounds += 1
        if done_rounds % 25 == 0:
            print(f"crash: round {done_rounds}, {len(acknowledged)} acknowledged", file=sys.stderr)
        for _ in range(saves):
            save_whole()
        recent = durations[-10:]
        window = 1.25 * max(recent)
        delay = rng.uniform(0.0, window)
        serial += 1
        begin = time.monotonic()
        child = subprocess.Popen(
            _sign_argv(home, serial), env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        time.sleep(max(0.0, delay - (time.monotonic() - begin)))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
            where = _fraction_bin((time.monotonic() - begin) / _median(recent))
            bins[where] = bins.get(where, 0) + 1
        else:
            finished += 1
        out, _ = child.communicate(timeout=300)
        words = out.decode().split()
        if child.returncode == 0 and words:
            acknowledged.add(words[-1])
    elapsed = time.monotonic() - started
    with vault.Vault.open(home, PASS) as v:
        problems = v.integrity_problems()
        stored = {str(r[0]) for r in v.conn.execute("SELECT record_id FROM records")}
        seqs = [int(r[0]) for r in v.conn.execute("SELECT seq FROM records ORDER BY seq")]
    lost = acknowledged - stored
    figures: dict[str, Any] = {
        "rounds": done_rounds,
        "saves_per_round": saves,
        "killed": killed,
        "finished": finished,
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "lost": len(lost),
        # killed after the durable commit, before the record id was printed
        "stored_unacknowledged": len(stored - acknowledged),
        "integrity": "ok" if not problems else "; ".join(map(str, problems)),
        "sequence_gaps": seqs != list(range(1, len(seqs) + 1)),
        "save_seconds_median": round(_median(durations), 3),
        "save_seconds_max": round(max(durations), 3),
        "kills_by_fraction": dict(sorted(bins.items())),
        "load_start": round(load_start, 2),
        "load_end": round(os.getloadavg()[0], 2),
        "minutes": round(elapsed / 60, 1),
    }
    assert not lost, f"{len(lost)} acknowledged signatures lost: {figures}"
    assert problems == [], figures
    assert not figures["sequence_gaps"], f"sequence numbers have gaps or repeats: {figures}"
    return figures


def main() -> None:
    rounds = int(os.environ.get("CRASH_ROUNDS", "200"))
    try:
        minutes = os.environ.get("CRASH_MINUTES")
        figures = run(
            rounds,
            saves=int(os.environ.get("CRASH_SAVES", "3")),
            minutes=float(minutes) if minutes else None,
        )
    except AssertionError as exc:
        print(json.dumps({"bench": "crash", "name": "failed", "value": str(exc)}), flush=True)
        sys.exit(1)
    for name, value in figures.items():
        print(json.dumps({"bench": "crash", "name": name, "value": value}), flush=True)


if __name__ == "__main__":
    main()
