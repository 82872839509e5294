"""Issue 14: every fuzz target in fuzz/ runs its seed corpus and a short bounded fuzz
(atheris, coverage-guided) without a single exception other than TomarError.

`make fuzz` runs the same targets longer (FUZZ_SECONDS each). Inputs the fuzzer finds
bad are written to fuzz/findings/ and become regression tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tomar.core.errors import TomarError

pytest.importorskip("atheris")

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
sys.path.insert(0, str(FUZZ))
import targets  # noqa: E402

SECONDS = int(os.environ.get("FUZZ_TEST_SECONDS", "1"))


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_fuzz_target_raises_only_tomar_errors(name: str) -> None:
    assert any(targets.corpus_dir(name).iterdir()), "every target starts from real files"
    done = subprocess.run(
        [sys.executable, str(FUZZ / "run.py"), "--all", "--seconds", str(SECONDS), "--only", name],
        capture_output=True,
        text=True,
        timeout=SECONDS * 3 + 120,
        check=False,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines[0]["ok"], done.stderr[-4000:]
    # The seeds alone are several executions; a run that did nothing would prove nothing.
    assert lines[0]["executions"] > len(list(targets.corpus_dir(name).iterdir()))


def test_seed_corpus_is_made_of_files_the_readers_accept() -> None:
    """The seeds are genuine files: most targets' first seed passes its reader whole."""
    accepted = 0
    for name, target in targets.TARGETS.items():
        for path in sorted(targets.corpus_dir(name).iterdir()):
            try:
                target(path.read_bytes())
            except TomarError:
                continue
            accepted += 1
    assert accepted >= len(targets.TARGETS)
