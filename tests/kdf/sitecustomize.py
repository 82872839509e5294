"""Tests only: Python processes the tests start create vaults with the fast Argon2id cost.

tests/conftest.py puts this folder first on PYTHONPATH, so every `python -m tomar` (and any
other Python) a test starts imports this at start-up. The shipped program reads no switch
for it: outside the tests nothing changes `keyfile.DEFAULT_PARAMS`.
"""

from __future__ import annotations

try:
    from tomar.core import keyfile
except ImportError:  # a Python without Tomar installed: nothing to make fast
    pass
else:
    # The 64 MiB floor that key files must keep, but one pass and one lane.
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(
        memory_kib=keyfile.MIN_MEMORY_KIB, iterations=1, lanes=1
    )
