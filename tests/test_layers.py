"""The house's layers, read from the source: SQL runs only inside `tomar.core`, and no
test module imports another.

Every query lives in the core so that the schema is not an unwritten interface between
the core and its faces (GUI, CLI, sync, server).
"""

from __future__ import annotations

import ast
from pathlib import Path

import tomar

SRC = Path(tomar.__file__).parent
SQL_CALLS = {"execute", "executemany", "executescript"}
SQL_MODULES = {"sqlite3", "sqlcipher3", "pysqlcipher3"}


def sql_uses(source: str, name: str = "<source>") -> list[str]:
    """Where `source` executes SQL or imports a SQLite driver, as `name:line what`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if isinstance(func, ast.Attribute) and called in SQL_CALLS:
                found.append(f"{name}:{node.lineno} .{called}(")
            elif called in {"__import__", "import_module"}:
                args = [str(a.value) for a in node.args if isinstance(a, ast.Constant)]
                if any(a.split(".")[0] in SQL_MODULES for a in args):
                    found.append(f"{name}:{node.lineno} {called}({args[0]!r})")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in SQL_MODULES:
                    found.append(f"{name}:{node.lineno} import {alias.name}")
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and node.module
            and node.module.split(".")[0] in SQL_MODULES
        ):
            found.append(f"{name}:{node.lineno} from {node.module}")
    return found


def test_the_check_sees_every_way_to_run_sql() -> None:
    bad = (
        "import sqlite3\n"
        "from sqlcipher3 import dbapi2\n"
        "import importlib\n"
        "importlib.import_module('sqlcipher3.dbapi2')\n"
        "def f(vault, rows):\n"
        "    vault.conn.execute('SELECT 1')\n"
        "    vault.conn.cursor().executemany('INSERT', rows)\n"
        "    c = vault.conn\n"
        "    c.executescript('DROP TABLE x')\n"
    )
    assert len(sql_uses(bad)) == 6
    assert sql_uses("def g(dialog):\n    dialog.exec()\n    worker.start(execute)\n") == []


def test_no_sql_outside_the_core() -> None:
    core = SRC / "core"
    checked = 0
    offenders: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        if path.is_relative_to(core):
            continue
        checked += 1
        offenders += sql_uses(path.read_text("utf-8"), str(path.relative_to(SRC)))
    assert checked > 40  # the faces were really read
    assert offenders == []


def imports_of_test_modules(source: str, name: str = "<source>") -> list[str]:
    """Where `source` imports from a test module (`test_*`), as `name:line module`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".")
            if parts[-1].startswith("test_"):
                found.append(f"{name}:{node.lineno} {node.module}")
            elif any(alias.name.startswith("test_") for alias in node.names):
                found.append(f"{name}:{node.lineno} {node.module or '.'}")
        elif isinstance(node, ast.Import):
            found += [
                f"{name}:{node.lineno} {alias.name}"
                for alias in node.names
                if alias.name.split(".")[-1].startswith("test_")
            ]
    return found


def test_the_check_sees_every_way_to_import_a_test_module() -> None:
    for source in (
        "from .test_sheets import plain",
        "from ..test_places import us_spec",
        "from tests.test_sync import Org",
        "from . import test_kiosk",
        "import tests.test_sheets",
    ):
        assert imports_of_test_modules(source), source
    for source in ("from .batchkit import sign", "from . import sheetkit", "import pytest"):
        assert not imports_of_test_modules(source), source


def test_no_test_module_imports_another() -> None:
    """Shared helpers live in kits (`batchkit`, `synckit`, `gui/orgkit`...), so that a test
    module can be moved, split or deleted without breaking another."""
    tests = Path(__file__).parent
    found = []
    for path in sorted(tests.rglob("*.py")):
        found += imports_of_test_modules(path.read_text("utf-8"), str(path.relative_to(tests)))
    assert found == []
