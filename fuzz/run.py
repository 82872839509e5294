"""Run fuzz targets with atheris (libFuzzer, coverage-guided on the `tomar` package).

    python fuzz/run.py TARGET [libFuzzer options...]   one target, as libFuzzer runs it
    python fuzz/run.py --all --seconds N [--runs N]    each target in turn, N seconds each

Every target starts from its committed seed corpus (fuzz/corpus/TARGET, made by
make_corpus.py); new inputs go to a scratch folder, never into the committed one. A
finding (an exception other than TomarError) stops the target with its traceback and
leaves the input in fuzz/findings/, to be turned into a regression test. `--all` prints
one JSON line per target (executions, seconds, ok) and a total, and exits 1 on a finding.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def fuzz_one(name: str, argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["tomar"]):
        import targets

    if name not in targets.TARGETS:
        raise SystemExit(f"unknown target {name}; known: {', '.join(targets.TARGETS)}")
    targets.keys()  # build the fixed keys before the clock starts

    def one(data: bytes) -> None:
        targets.run_one(name, data)

    atheris.Setup([sys.argv[0], *argv], one)
    atheris.Fuzz()


_EXECUTED = re.compile(rb"stat::number_of_executed_units: (\d+)")


def run_all(seconds: int, runs: int | None, only: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    import targets

    names = only or list(targets.TARGETS)
    findings = HERE / "findings"
    total, failed = 0, []
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{name}-") as scratch:
            findings.mkdir(exist_ok=True)
            cmd = [
                sys.executable,
                str(HERE / "run.py"),
                name,
                f"-max_total_time={seconds}",
                "-timeout=20",
                "-rss_limit_mb=2048",
                "-max_len=65536",
                "-print_final_stats=1",
                f"-artifact_prefix={findings}/{name}-",
                scratch,
                str(targets.corpus_dir(name)),
            ]
            if runs is not None:
                cmd.insert(3, f"-runs={runs}")
            start = time.monotonic()
            done = subprocess.run(
                cmd, capture_output=True, timeout=seconds * 3 + 120, check=False, env=_env()
            )
            took = time.monotonic() - start
        log = done.stderr
        count = sum(int(m) for m in _EXECUTED.findall(log))
        total += count
        ok = done.returncode == 0
        if not ok:
            failed.append(name)
            sys.stderr.write(log.decode("utf-8", "replace")[-6000:])
        print(
            json.dumps({"target": name, "executions": count, "seconds": round(took, 1), "ok": ok})
        )
    print(json.dumps({"target": "total", "executions": total, "failed": failed}))
    return 1 if failed else 0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = HERE.parent / "src"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH", "")) if p)
    return env


def main() -> int:
    if len(sys.argv) > 1 and not sys.argv[1].startswith("--"):
        fuzz_one(sys.argv[1], sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", required=True)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "60")))
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    return run_all(args.seconds, args.runs, args.only)


if __name__ == "__main__":
    sys.exit(main())
