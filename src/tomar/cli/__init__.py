"""The `tomar` command: a thin face over tomar.core.

Exit codes: 0 success, 1 a TomarError (one line on stderr, no traceback), 2 usage error.
Each group of commands lives in its own module, its arguments declared on its handlers
(`cli/command.py`); this module only builds the parser from them and maps errors to exit
codes. A new command goes into the module of its group (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Protocol

from .. import __version__
from ..core import vault as core_vault
from ..core.errors import TomarError, ValidationError
from . import campaign, device, intake, organizer, sheets, sync, vault
from .command import Group, Handler, UsageError
from .common import home_of

# The modules of commands, in the order `tomar --help` lists them. The "device" group is
# declared in `device` (the device's actions) and continued in `intake` (the organizer's).
MODULES = (vault, organizer, campaign, device, intake, sheets, sync)

__all__ = ["UsageError", "build_parser", "main"]


class _Subparsers(Protocol):
    def add_parser(self, name: str, *, help: str, description: str) -> argparse.ArgumentParser: ...


def _needs_action(name: str) -> Handler:
    def usage(args: argparse.Namespace) -> None:
        raise UsageError(f"'tomar {name}' needs an action; see 'tomar {name} --help'.")

    return usage


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tomar",
        description="Collect petition signatures, sealed to the organizer's key.",
    )
    p.add_argument("--version", action="version", version=f"tomar {__version__}")
    p.add_argument("--home", help="vault folder (default: TOMAR_HOME or the user data folder)")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy of Tomar works, in a throwaway folder, then exit",
    )
    top: _Subparsers = p.add_subparsers(dest="command", metavar="COMMAND")
    groups: dict[str, _Subparsers] = {}
    for entry in (e for module in MODULES for e in module.commands.declared):
        if isinstance(entry, Group):
            gp = top.add_parser(entry.name, help=entry.help, description=entry.help)
            gp.set_defaults(func=_needs_action(entry.name))
            groups[entry.name] = gp.add_subparsers(dest="sub", metavar="ACTION")
            continue
        *parent, name = entry.path
        sp = (groups[parent[0]] if parent else top).add_parser(
            name, help=entry.help, description=entry.help
        )
        sp.set_defaults(func=entry.handler)
        for a in entry.args:
            sp.add_argument(*a.flags, **a.options)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from ..selftest import run as self_test

        return self_test()
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        args.func(args)
    except UsageError as exc:
        print(f"tomar: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        details = ", ".join(f"{k}: {v.replace('_', ' ')}" for k, v in sorted(exc.problems.items()))
        print(f"tomar: not saved. Please check: {details}", file=sys.stderr)
        return 1
    except TomarError as exc:
        print(f"tomar: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tomar: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # A disk or database fault that escaped the core: in plain words (core/vault.py).
        known = core_vault.as_tomar_error(exc, home_of(args))
        if known is not None and not os.environ.get("TOMAR_DEBUG"):
            print(f"tomar: {known}", file=sys.stderr)
            return 1
        # Never print a traceback by default: third-party messages may quote input.
        if os.environ.get("TOMAR_DEBUG"):
            raise
        print(
            f"tomar: unexpected internal error ({type(exc).__name__}). "
            "Nothing was changed. Please report this.",
            file=sys.stderr,
        )
        return 1
    return 0
