"""The vault: one SQLCipher database under a random key, wrapped by the passphrase.

Opening verifies every SQLCipher safety pragma and refuses to run without them, because a
single plaintext temp file would defeat the encryption (see docs/SECURITY.md).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import platformdirs
import sqlcipher3

from . import keyfile, lookaside
from .atomic import Fault, destroy_file, folder_fault, storage_error
from .errors import (
    E,
    NoVault,
    StorageError,
    TomarError,
    UnsafeDatabase,
    VaultError,
    VaultExists,
    WrongPassphrase,
)
from .migrations import LATEST, copy_before_migrating
from .migrations import migrate as migrate  # where it lived before (tests, other modules)

lookaside.widen()  # before this process opens any database; see lookaside.py

CACHE_KIB = 32 * 1024
#: While every row of a table is read once, in order (`Vault.streaming`).
STREAM_CACHE_KIB = 2 * 1024
DB_NAME = "tomar.db"
KEY_NAME = "tomar.key"

# (pragma to apply, pragma to read back, expected value)
PRAGMAS: list[tuple[str, str, str]] = [
    ("cipher_memory_security = ON", "cipher_memory_security", "1"),
    ("temp_store = MEMORY", "temp_store", "2"),
    ("secure_delete = ON", "secure_delete", "1"),
    ("journal_mode = WAL", "journal_mode", "wal"),
    ("synchronous = FULL", "synchronous", "2"),
    # macOS: fsync() leaves the save in the drive's cache; these make SQLite use
    # F_FULLFSYNC for commits and checkpoints. Elsewhere SQLite ignores them.
    ("fullfsync = ON", "fullfsync", "1"),
    ("checkpoint_fullfsync = ON", "checkpoint_fullfsync", "1"),
    ("foreign_keys = ON", "foreign_keys", "1"),
]


def default_home() -> Path:
    """`--home`, then TOMAR_HOME, then the platform's user data folder."""
    env = os.environ.get("TOMAR_HOME")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("Tomar", appauthor=False))


def db_path(home: Path) -> Path:
    """The database file the key file names (it changes when the vault is rebuilt)."""
    try:
        return home / keyfile.read(key_path(home)).database
    except VaultError:
        return home / DB_NAME


def _db_files(home: Path) -> list[Path]:
    return sorted(p for p in home.glob("tomar*.db*") if p.is_file())


def _remove_db(db: Path) -> None:
    """The database and its companions, copies made before upgrades included (a rebuild
    must leave nothing under the old key)."""
    copies = list(db.parent.glob(f"{db.name}.v*.bak")) if db.parent.is_dir() else []
    for path in [Path(str(db) + s) for s in ("", "-wal", "-shm", "-journal")] + copies:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def key_path(home: Path) -> Path:
    return home / KEY_NAME


def exists(home: Path) -> bool:
    return key_path(home).exists()


def orphaned(home: Path) -> bool:
    """A database without its key file: a key file lost, or a wipe interrupted."""
    return not exists(home) and bool(_db_files(home)) if home.is_dir() else False


def _orphaned_error(home: Path) -> VaultError:
    return VaultError(E.VAULT_KEY_FILE_KEY_MISSING, home=home)


class _Throttle:
    """Slows repeated wrong passphrases in this process without writing anything to disk."""

    def __init__(self) -> None:
        self.failures = 0
        self.sleep: Callable[[float], None] = time.sleep
        self._lock = threading.Lock()

    def before_attempt(self) -> None:
        with self._lock:
            n = self.failures
        if n:
            self.sleep(min(2.0 ** (n - 1), 30.0))

    def failed(self) -> None:
        with self._lock:
            self.failures += 1

    def succeeded(self) -> None:
        with self._lock:
            self.failures = 0


THROTTLE = _Throttle()


# SQLite's primary result codes (the low byte of the extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 13, 14
_DAMAGED = E.VAULT_DATABASE_KEY_MISMATCH
_BUSY = E.VAULT_BUSY_ANOTHER_WINDOW_NOTHING


def _sqlite_code(exc: BaseException) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _fault(exc: BaseException, folder: Path | None) -> Fault:
    """SQLite says 'cannot open' or 'I/O error' for a read-only or full disk too; the
    file system tells them apart. Why it matters: 'damaged' tells a volunteer that
    everything is lost when nothing is."""
    code = _sqlite_code(exc)
    if code == _SQLITE_FULL:
        return Fault.FULL
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_IOERR):
        found = None if folder is None else folder_fault(folder)
        if found is not None:
            return found
    if code == _SQLITE_READONLY:
        return Fault.READ_ONLY
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):  # the file is there, the disk says no
        return Fault.IO
    return Fault.OTHER


def _storage(exc: BaseException, folder: Path | None) -> StorageError:
    """A failed write: nothing was saved, and why in plain words."""
    if _sqlite_code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(_BUSY)
    fault = _fault(exc, folder)
    if fault is Fault.FULL:
        return StorageError(E.VAULT_DISK_FULL_NOTHING_SAVED)
    if fault is Fault.READ_ONLY:
        return StorageError(E.VAULT_DISK_READ_NOTHING_SAVED)
    if fault is Fault.IO:
        return StorageError(E.VAULT_DISK_REPORTED_INPUT_OUTPUT)
    return StorageError(E.VAULT_NOT_WRITTEN)


def _open_error(exc: BaseException, folder: Path) -> VaultError | StorageError:
    """Why the vault did not open: disk faults apart from a wrong key or damage."""
    if _sqlite_code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(_BUSY)
    fault = _fault(exc, folder)
    if fault is Fault.READ_ONLY:
        return StorageError(E.VAULT_CANNOT_OPEN_READ_ONLY)
    if fault is Fault.FULL:
        return StorageError(E.VAULT_CANNOT_OPEN_DISK_FULL)
    if fault is Fault.IO:
        return StorageError(E.VAULT_CANNOT_OPEN_IO_ERROR)
    return VaultError(_DAMAGED)


def as_tomar_error(exc: BaseException, home: Path | None = None) -> TomarError | None:
    """An OSError or SQLite error that escaped, in words for a person (faces use this as
    their last line of defence, so no raw system or SQLite text reaches anyone)."""
    if isinstance(exc, OSError):
        return storage_error(exc, E.WORD_THE_FILE)
    if isinstance(exc, sqlcipher3.Error):
        return _storage(exc, home)
    return None


def _connect(path: Path, key: bytes) -> Any:
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise _open_error(exc, path.parent) from None
    try:
        # SQLCipher logs its failures (a wrong key, a damaged page) to stderr, where a
        # person would read them; the error we raise says it in plain words instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # Touch the schema so a wrong key fails here, not later.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for statement, _, _ in PRAGMAS:
            conn.execute(f"PRAGMA {statement}")
        # A fixed page cache: every cache miss costs a page decryption.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlcipher3.Error as exc:
        conn.close()
        raise _open_error(exc, path.parent) from None
    return conn


def check_pragmas(conn: Any) -> None:
    """Raise UnsafeDatabase unless every safety setting reads back as required."""
    for _, name, expected in PRAGMAS:
        row = conn.execute(f"PRAGMA {name}").fetchone()
        value = "" if row is None else str(row[0]).lower()
        if value != expected:
            raise UnsafeDatabase(E.VAULT_REFUSES_RUN_DATABASE_SAFETY, name=name)


class Vault:
    """An open vault. `close()` drops the database handle and the key."""

    def __init__(self, home: Path, conn: Any, key: bytes) -> None:
        self.home = home
        self._conn: Any = conn
        self._key: bytearray | None = bytearray(key)
        self._joined = False  # inside `joined()`: transactions are part of one
        #: Set when this open upgraded the vault: the copy of the database from before.
        self.pre_upgrade_copy: Path | None = None

    # --- life cycle -------------------------------------------------------

    @classmethod
    def create(cls, home: Path, passphrase: str, params: keyfile.KdfParams | None = None) -> Vault:
        if orphaned(home):
            raise _orphaned_error(home)
        if exists(home) or (home / DB_NAME).exists():
            raise VaultExists(E.CLI_ALREADY_VAULT, home=home)
        if not passphrase:
            raise VaultError(E.VAULT_CHOOSE_PASSPHRASE)
        try:
            home.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise storage_error(exc, E.WORD_THE_NEW_VAULT) from None
        key = os.urandom(32)
        conn = _connect(home / DB_NAME, key)
        try:
            check_pragmas(conn)
            migrate(conn)
        except sqlcipher3.Error as exc:
            conn.close()
            _remove_db(home / DB_NAME)
            raise _storage(exc, home) from None
        except BaseException:
            conn.close()
            _remove_db(home / DB_NAME)
            raise
        keyfile.write(key_path(home), key, passphrase, params)
        return cls(home, conn, key)

    @classmethod
    def open(cls, home: Path, passphrase: str) -> Vault:
        if orphaned(home):
            raise _orphaned_error(home)
        if not exists(home):
            raise NoVault(E.VAULT_NO_VAULT, home=home)
        if not db_path(home).exists():
            raise VaultError(E.VAULT_DATABASE_MISSING_KEY_FILE)
        THROTTLE.before_attempt()
        try:
            key = keyfile.unwrap(key_path(home), passphrase)
        except WrongPassphrase:
            THROTTLE.failed()
            raise
        THROTTLE.succeeded()
        db = db_path(home)
        for stray in _db_files(home):  # left by an interrupted rebuild; unreadable anyway
            if not stray.name.startswith(db.name):
                with contextlib.suppress(OSError):  # a read-only disk: removed next time
                    stray.unlink()
        conn = _connect(db, key)
        copy = None
        try:
            check_pragmas(conn)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if 0 < version < LATEST:
                copy = copy_before_migrating(db, conn, version)
            migrate(conn)
        except sqlcipher3.Error as exc:
            conn.close()
            raise _open_error(exc, home) from None
        except BaseException:
            conn.close()
            raise
        opened = cls(home, conn, key)
        opened.pre_upgrade_copy = copy
        return opened

    def reader(self) -> Vault:
        """A second handle on the same database, for reading only.

        It reads the last committed state while a long import writes through this one: in
        WAL mode neither waits for the other, whereas two threads on one handle take turns
        (a screen reading during a commit would freeze until the commit ends). Close it
        like any vault.
        """
        if self._key is None or self._conn is None:
            raise VaultError(E.VAULT_LOCKED)
        key = bytes(self._key)
        conn = _connect(self._db, key)
        try:
            check_pragmas(conn)
            conn.execute("PRAGMA query_only = ON")
        except BaseException:
            conn.close()
            raise
        return Vault(self.home, conn, key)

    def close(self) -> None:
        """Drop the handle and overwrite our copy of the key (best effort in Python)."""
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
            self._key = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def conn(self) -> Any:
        if self._conn is None:
            raise VaultError(E.VAULT_LOCKED)
        return self._conn

    def change_passphrase(self, passphrase: str, new_passphrase: str) -> None:
        """Rebuild the vault under a fresh random key wrapped by the new passphrase.

        Why not just rewrap the key: an old copy of the key file (a home backup, free
        blocks) with the old passphrase (seen, or coerced before the change) would still
        open the database, signers saved after the change included. `rebuild` is atomic:
        a crash leaves the old vault under the old passphrase, or the new one.
        """
        if not new_passphrase:
            raise VaultError(E.VAULT_CHOOSE_PASSPHRASE)
        self.rebuild(passphrase, {}, new_passphrase=new_passphrase)

    @property
    def _db(self) -> Path:
        return db_path(self.home)

    def rebuild(
        self, passphrase: str, keep: dict[str, str], *, new_passphrase: str | None = None
    ) -> None:
        """Copy the data into a new database under a new key (why: `rebuild.py`), then
        destroy the old one. The switch is the atomic replacement of the key
        file, which names the database, wrapped by `new_passphrase` if given."""
        from .rebuild import copy_into_new  # rebuild.py uses this module's helpers

        keyfile.unwrap(key_path(self.home), passphrase)  # the caller proves the passphrase
        old = self._db
        new, new_key = copy_into_new(self, keep)
        keyfile.write(key_path(self.home), new_key, new_passphrase or passphrase, database=new.name)
        # From here on the new database is the vault; the old one is unreadable garbage.
        self.close()
        _remove_db(old)
        self._conn = _connect(new, new_key)
        check_pragmas(self._conn)
        self._key = bytearray(new_key)

    # --- access -----------------------------------------------------------

    @contextlib.contextmanager
    def streaming(self) -> Iterator[None]:
        """A small page cache while every row is read once (delivery sheets, CSV): pages
        that will not be read again would otherwise fill the cache, growing memory."""
        self.conn.execute(f"PRAGMA cache_size = -{STREAM_CACHE_KIB}")
        try:
            yield
        finally:
            with contextlib.suppress(sqlcipher3.Error):  # a closed vault has no cache
                self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """A write transaction; commit is durable (WAL, synchronous FULL) when this returns.

        Inside `joined()`, it is part of that one transaction instead.
        """
        conn = self.conn
        if self._joined:
            yield conn
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.Error as exc:
            raise _storage(exc, self.home) from None
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(Exception):
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            with contextlib.suppress(Exception):
                conn.execute("ROLLBACK")
            raise _storage(exc, self.home) from None

    @contextlib.contextmanager
    def joined(self) -> Iterator[None]:
        """Every `transaction()` inside is one transaction: all committed at the end, or
        all rolled back if anything raises.

        Why: each commit encrypts and writes every page it changed, and an import touches
        index pages all over the file; the organizer's intake commits several small
        batches at once (and imports them one by one again if any of them is refused).
        """
        if self._joined:  # already inside one
            yield
            return
        with self.transaction():
            self._joined = True
            try:
                yield
            finally:
                self._joined = False

    def get_meta(self, key: str) -> bytes | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def set_meta(self, conn: Any, key: str, value: bytes) -> None:
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def delete_meta(self, conn: Any, key: str) -> None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    def integrity_problems(self) -> list[str]:
        """Rows from `integrity_check` and `cipher_integrity_check` that are not clean."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [str(r[0]) for r in self.conn.execute("PRAGMA cipher_integrity_check")]
        return problems

    def check_safety(self) -> None:
        check_pragmas(self.conn)


def wipe(home: Path) -> None:
    """Crypto-erase: destroy the key file first (instant), then the database files."""
    destroy_file(key_path(home))
    for path in _db_files(home):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
