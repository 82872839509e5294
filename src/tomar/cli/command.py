"""How a command is declared: its arguments sit on the handler, in the group's module.

A group module (`cli/device.py`, `cli/intake.py`, ...) has one `commands = Commands()`
and declares each command with `@commands.command("device request", "help",
arg("--out", required=True), ...)` right above its handler, and a group of actions with
`commands.group("device", "help")` before its first action. `cli/__init__.py` builds the
argparse tree from the modules' declarations, module by module in the order it names.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field

Handler = Callable[[argparse.Namespace], None]


class UsageError(Exception):
    """A command line that does not say what to do: exit 2, like argparse's own errors."""


@dataclass(frozen=True)
class Arg:
    """One `add_argument` call, kept until the parser is built."""

    flags: tuple[str, ...]
    options: dict[str, object] = field(default_factory=dict)


def arg(*flags: str, **options: object) -> Arg:
    return Arg(flags, options)


@dataclass(frozen=True)
class Group:
    """A command with actions (`tomar organizer init`); alone it is a usage error."""

    name: str
    help: str


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]  # ("init",) or ("organizer", "init")
    help: str
    handler: Handler
    args: tuple[Arg, ...]


class Commands:
    """The groups and commands of one module, in the order `tomar --help` lists them."""

    def __init__(self) -> None:
        self.declared: list[Group | Command] = []

    def group(self, name: str, help_: str) -> None:
        self.declared.append(Group(name, help_))

    def command(self, path: str, help_: str, *args: Arg) -> Callable[[Handler], Handler]:
        """Declare `handler` as `tomar <path>` with these arguments."""

        def declare(handler: Handler) -> Handler:
            self.declared.append(Command(tuple(path.split()), help_, handler, args))
            return handler

        return declare
