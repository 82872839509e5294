"""The database connection as the core's parts take it.

Vaults are SQLCipher databases opened through sqlcipher3, whose connections have the
interface of the standard library's `sqlite3` (DB-API 2 and its extensions) but ship no
type information. The parts that run statements take a `Connection`, so that their calls
are checked against that interface instead of going unchecked.
"""

from __future__ import annotations

import sqlite3
from typing import TypeAlias

Connection: TypeAlias = sqlite3.Connection
