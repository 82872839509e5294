"""The shipped program has no switch that weakens Argon2id; only the tests make it fast."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from tomar.core import keyfile, vault

from .conftest import KDF_SITE, PASS

SRC = Path(__file__).resolve().parents[1] / "src" / "tomar"


def _init(home: Path, pythonpath: str) -> dict[str, int]:
    env = {
        **os.environ,
        "TOMAR_PASSPHRASE": PASS,
        "TOMAR_KDF_PROFILE": "fast",  # the old switch: it must do nothing now
        "PYTHONPATH": pythonpath,
    }
    env.pop("TOMAR_HOME", None)
    done = subprocess.run(
        [sys.executable, "-m", "tomar", "--home", str(home), "init"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(vault.key_path(home).read_text())
    return {k: doc[k] for k in ("memory_kib", "iterations", "lanes")}


def test_a_vault_made_outside_the_tests_has_the_full_cost(tmp_path: Path) -> None:
    others = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    shipped = os.pathsep.join(p for p in others if Path(p) != KDF_SITE)
    full = keyfile.KdfParams()
    assert _init(tmp_path / "shipped", shipped) == {
        "memory_kib": full.memory_kib,
        "iterations": full.iterations,
        "lanes": full.lanes,
    }
    # and the tests' own way is what makes their subprocesses fast
    assert _init(tmp_path / "tests", os.pathsep.join([str(KDF_SITE), *others]))["iterations"] == 1


def test_no_module_reads_a_kdf_switch() -> None:
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "KDF_PROFILE" not in node.value.upper(), path
    # the key file module reads no environment at all
    tree = ast.parse((SRC / "core" / "keyfile.py").read_text("utf-8"))
    names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert not names & {"environ", "getenv", "environb"}
