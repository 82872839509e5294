"""`tomar organizer ...`: the organizer's keys, their backup, shares and restore."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..core import organizer
from ..core.errors import E, TomarError
from .command import Commands, arg
from .common import open_vault, passphrase, read_file

commands = Commands()

commands.group("organizer", "organizer keys")


@commands.command(
    "organizer init",
    "create the organizer's keys",
    arg("--name", required=True),
    arg(
        "--recipient",
        choices=["hybrid", "x25519"],
        default="hybrid",
        help="hybrid post-quantum (default) or classic X25519",
    ),
)
def cmd_organizer_init(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        ident = organizer.init(v, args.name, args.recipient)
        print(f"Organizer keys created ({ident.recipient_kind}).")
        print(f"Organizer fingerprint: {ident.fingerprint}")
        print("Next: back them up with 'tomar organizer backup --out FILE'.")


@commands.command(
    "organizer backup", "write a passphrase-protected key backup", arg("--out", required=True)
)
def cmd_organizer_backup(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        secret = passphrase(
            "TOMAR_BACKUP_PASSPHRASE", "Passphrase for the backup file: ", confirm=True
        )
        organizer.backup(v, Path(args.out), secret)
        print(f"Backup written to {args.out}. Keep it and its passphrase apart, somewhere safe.")


@commands.command(
    "organizer identity", "write the plain age identity file", arg("--out", required=True)
)
def cmd_organizer_identity(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        organizer.write_identity(v, Path(args.out))
    print(
        "WARNING: this file opens every signature of the campaign without a passphrase. "
        "Keep it offline, and delete it when you no longer need it.",
        file=sys.stderr,
    )
    print(f"Identity written to {args.out}")


@commands.command("organizer restore", "restore organizer keys from a backup", arg("file"))
def cmd_organizer_restore(args: argparse.Namespace) -> None:
    data = read_file(Path(args.file), limit=64 * 1024, what=E.WORD_BACKUP_FILE)
    with open_vault(args) as v:
        secret = passphrase("TOMAR_BACKUP_PASSPHRASE", "Backup passphrase: ")
        ident = organizer.restore_backup(v, data, secret)
        print(f"Organizer keys restored. Fingerprint: {ident.fingerprint}")


@commands.command(
    "organizer shares",
    "print SLIP-39 recovery shares of the key",
    arg("--threshold", type=int, required=True, metavar="K", help="shares needed"),
    arg("--shares", type=int, required=True, metavar="N", help="shares made"),
    arg("--out", required=True, metavar="FILE.pdf"),
    arg("--paper", choices=["letter", "a4"], default="letter"),
)
def cmd_organizer_shares(args: argparse.Namespace) -> None:
    from ..core.sheets import shares

    with open_vault(args) as v:
        ident = organizer.require(v)
        shares.write_shares(
            v, Path(args.out), threshold=args.threshold, shares=args.shares, paper=args.paper
        )
    print(f"{args.shares} recovery shares written to {args.out} (any {args.threshold} restore).")
    print(f"Organizer fingerprint: {ident.fingerprint}")
    print(
        "Print the file, give each share to a different trusted person or place, then delete "
        "the file: together, enough shares open every signature.",
        file=sys.stderr,
    )


@commands.command(
    "organizer restore-shares",
    "restore the key from shares",
    arg("file", nargs="?", help="one share per line (default: ask for each)"),
    arg("--name", help="organizer name (default: the campaign's)"),
)
def cmd_organizer_restore_shares(args: argparse.Namespace) -> None:
    from ..core import recovery

    if args.file:
        text = read_file(Path(args.file), limit=64 * 1024, what=E.WORD_SHARES_FILE).decode(
            "utf-8", "replace"
        )
        lines = recovery.parse_share_lines(text)
    else:
        lines = _prompt_shares()
    with open_vault(args) as v:
        ident = recovery.restore(v, lines, name=args.name)
    print(f"Organizer keys restored. Fingerprint: {ident.fingerprint}")


def _prompt_shares() -> list[str]:
    """Ask for shares one by one, as many as the first share says are needed."""
    from ..core import recovery

    if not sys.stdin.isatty():
        raise TomarError(E.CLI_NO_SHARES_GIVEN)
    first = recovery.normalize_share(getpass.getpass("Share 1 (words, hidden as you type): "))
    _, _, needed = recovery.share_info(first)
    lines = [first]
    for i in range(2, needed + 1):
        lines.append(getpass.getpass(f"Share {i} of {needed}: "))
    return lines
