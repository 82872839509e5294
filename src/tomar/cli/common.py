"""What every command shares: the home folder, passphrases, opening the vault, reading files.

Passphrases come from TOMAR_PASSPHRASE (or TOMAR_BACKUP_PASSPHRASE) or a prompt, never
from the command line, where other users could read them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from ..core import vault
from ..core.errors import E, TomarError, Words


def passphrase(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise TomarError(E.CLI_NO_PASSPHRASE, env=env)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise TomarError(E.CLI_PASSPHRASES_DIFFER)
    return first


def home_of(args: argparse.Namespace) -> Path:
    return Path(args.home) if args.home else vault.default_home()


def open_vault(args: argparse.Namespace) -> vault.Vault:
    home = home_of(args)
    if not vault.exists(home):
        return vault.Vault.open(home, "")  # raises NoVault with the right words
    v = vault.Vault.open(home, passphrase("TOMAR_PASSPHRASE", "Vault passphrase: "))
    if v.pre_upgrade_copy is not None:
        print(
            f"tomar: the vault was upgraded; its copy from before: {v.pre_upgrade_copy}",
            file=sys.stderr,
        )
    return v


def print_json(doc: object) -> None:
    print(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True))


def read_file(path: Path, *, limit: int, what: Words) -> bytes:
    """A file named on the command line, refused beyond `limit` bytes."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise TomarError(E.CLI_FILE_MISSING, what=what, path=path) from None
    except OSError as exc:
        raise TomarError(E.CLI_FILE_UNREADABLE, what=what, path=path, detail=exc.strerror) from None
    if len(data) > limit:
        raise TomarError(E.CLI_FILE_TOO_LARGE, what=what, path=path)
    return data
