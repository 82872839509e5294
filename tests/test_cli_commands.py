"""The command tree of `tomar`, as users and scripts know it, built from the cli modules."""

from __future__ import annotations

import argparse

import pytest

from tomar import cli
from tomar.cli.command import Command

TREE = {
    "init": None,
    "status": None,
    "demo": None,
    "passwd": None,
    "organizer": ["init", "backup", "identity", "restore", "shares", "restore-shares"],
    "campaign": ["create", "import", "show", "close"],
    "event": ["start", "end"],
    "sign": None,
    "void": None,
    "count": None,
    "wipe": None,
    "export": None,
    "device": ["request", "accept", "enroll", "revoke"],
    "receipt-import": None,
    "purge": None,
    "verify": None,
    "import": None,
    "receipt": None,
    "stats": None,
    "export-csv": None,
    "districts": ["load", "set"],
    "signer": ["find", "remove"],
    "sheets": ["blank", "delivery", "report", "unentered"],
    "sync": None,
    "pull": None,
    "serve": None,
}


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_command_and_action_in_the_order_help_lists_them() -> None:
    top = _choices(cli.build_parser())
    assert list(top) == list(TREE)
    for name, actions in TREE.items():
        assert list(_choices(top[name])) == (actions or []), name


@pytest.mark.parametrize("group", [g for g, actions in TREE.items() if actions])
def test_a_group_without_an_action_is_a_usage_error(
    group: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([group]) == 2
    assert capsys.readouterr().err == (
        f"tomar: 'tomar {group}' needs an action; see 'tomar {group} --help'.\n"
    )


def test_arguments_are_declared_beside_their_handlers() -> None:
    """Each handler's module declares it: no table of arguments far from the code."""
    for module in cli.MODULES:
        for entry in module.commands.declared:
            if isinstance(entry, Command):
                assert entry.handler.__module__ == module.__name__, entry.path
