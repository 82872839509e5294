"""A larger per-connection lookaside allocator for SQLite, set once before any connection.

Why: with `cipher_memory_security` ON (required, see docs/SECURITY.md), SQLCipher zeroes
every heap allocation and calls mlock() on it, and munlock() when it is freed. Each of
those is a system call that splits or merges the process's memory mappings. SQLite's
default lookaside (40 slots of 1,200 bytes) is filled by the cached statements, so every
cursor (one per table and index an INSERT touches) and every row record went to the heap:
about 12 mlock/munlock pairs per stored signer, three quarters of the organizer's storage
time (`bench/storage.py`).

A lookaside of 512 slots of 2 KiB (two-size: small ones of 128 bytes too) serves those from
one buffer per connection. That buffer is itself allocated through SQLCipher, so it is
zeroed, locked in memory (never swapped) and wiped when the connection closes. Slots are
reused without wiping in between, exactly as with SQLite's default lookaside today.

The setting is global and may only change while SQLite is shut down, so it runs once, at
import, before this process has opened any database. It uses only SQLite's public C API
(sqlite3_shutdown, sqlite3_config, sqlite3_initialize). Where the library does not export
them, nothing changes and the vault works as before, only slower to import batches: the
Windows `sqlcipher3` wheel is such a build (its extension exports only `PyInit__sqlite3`),
and so may be others. `status` says which case holds; the self-test prints it
(docs/INSTALL.md, "Windows and macOS").
"""

from __future__ import annotations

import ctypes
import enum
import os

import sqlcipher3

SLOT_BYTES = 2048
SLOTS = 512
_SQLITE_OK = 0
_SQLITE_CONFIG_LOOKASIDE = 13
#: Set to "0" to keep SQLite's default lookaside (bench/storage.py compares the two).
ENV = "TOMAR_SQLITE_LOOKASIDE"


class Status(enum.Enum):
    NOT_TRIED = "not tried"
    WIDE = "wide"  # in force for every connection
    OFF = "off"  # TOMAR_SQLITE_LOOKASIDE=0
    UNAVAILABLE = "unavailable"  # SQLite's C API is not exported (the Windows wheel)
    REFUSED = "refused"  # SQLite refused the change; its default stays


applied: bool = False
status: Status = Status.NOT_TRIED


def describe() -> str:
    """One plain line for the self-test and support questions."""
    return {
        Status.NOT_TRIED: "SQLite lookaside: not configured yet",
        Status.WIDE: f"SQLite lookaside: {SLOTS} slots of {SLOT_BYTES} bytes per connection",
        Status.OFF: f"SQLite lookaside: SQLite's default ({ENV}=0)",
        Status.UNAVAILABLE: (
            "SQLite lookaside: not available in this SQLCipher build (SQLite's default; "
            "everything works, imports of large batches are slower)"
        ),
        Status.REFUSED: "SQLite lookaside: refused by SQLite (SQLite's default)",
    }[status]


def widen() -> bool:
    """Configure the lookaside for every connection opened from now on; True if done."""
    global applied, status
    if applied:
        return True
    if os.environ.get(ENV) == "0":
        status = Status.OFF
        return False
    try:
        lib = ctypes.CDLL(sqlcipher3._sqlite3.__file__)  # the SQLite this module links
        shutdown, config = lib.sqlite3_shutdown, lib.sqlite3_config
        initialize = lib.sqlite3_initialize
    except (OSError, AttributeError):
        status = Status.UNAVAILABLE
        return False
    if shutdown() != _SQLITE_OK:
        initialize()
        status = Status.REFUSED
        return False
    rc = config(
        ctypes.c_int(_SQLITE_CONFIG_LOOKASIDE), ctypes.c_int(SLOT_BYTES), ctypes.c_int(SLOTS)
    )
    started = initialize() == _SQLITE_OK  # always: SQLite must be usable whatever rc was
    applied = rc == _SQLITE_OK and started
    status = Status.WIDE if applied else Status.REFUSED
    return applied
