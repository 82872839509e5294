"""What every pool process of the core does first: give way to the app's own process.

The import's decrypting processes and the delivery sheets' drawing processes keep every
core busy; at the same priority the app's event loop then waits for a core as well as for
its GIL, and the window stalls (stack dumps of 100 ms stalls during an import of 100,000
records showed it). A lower priority costs the job nothing when the app is idle.
"""

from __future__ import annotations

import contextlib
import os

#: How much nicer than the app (Unix nice increments; Windows has no `os.nice`).
NICER_BY = 5


def give_way() -> None:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICER_BY)
