"""The pool processes a test started, read from /proc (Linux)."""

from __future__ import annotations

import os
from pathlib import Path


def pool_nice() -> list[int]:
    """The nice value of each live multiprocessing worker this process started."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == me and b"spawn_main" in cmdline:
            found.append(int(fields[16]))  # field 19 of stat: nice
    return found
