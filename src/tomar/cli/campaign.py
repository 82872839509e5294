"""`tomar campaign ...`: sign a spec into a package (organizer), import and show it (device),
close it (organizer)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import organizer, vault
from ..core.atomic import atomic_write
from ..core.device import Device
from ..core.errors import E
from ..core.intake import Intake
from .command import Commands, UsageError, arg
from .common import home_of, open_vault, passphrase, print_json, read_file

commands = Commands()

commands.group("campaign", "campaign packages")


@commands.command(
    "campaign create",
    "sign a campaign spec into a package",
    arg("--spec", required=True),
    arg("--out", required=True),
    arg(
        "--without-shares",
        action="store_true",
        help="export with the key backup file alone, without printed recovery shares",
    ),
)
def cmd_campaign_create(args: argparse.Namespace) -> None:
    spec = read_file(Path(args.spec), limit=1024 * 1024, what=E.WORD_CAMPAIGN_SPEC).decode(
        "utf-8", "replace"
    )
    with open_vault(args) as v:
        campaign, package = organizer.create_campaign(v, spec, without_shares=args.without_shares)
    atomic_write(Path(args.out), package, mode=0o644, what=E.WORD_THE_CAMPAIGN_PACKAGE)
    print(f"Campaign package written to {args.out}")
    print(f"Organizer fingerprint: {campaign.organizer_fingerprint}")


@commands.command(
    "campaign import",
    "import the organizer's campaign package",
    arg("file"),
    arg("--expect-fingerprint", help="refuse unless the organizer fingerprint is this"),
)
def cmd_campaign_import(args: argparse.Namespace) -> None:
    data = read_file(Path(args.file), limit=2 * 1024 * 1024, what=E.WORD_CAMPAIGN_PACKAGE)
    with open_vault(args) as v:
        campaign = Device(v).import_campaign(data, args.expect_fingerprint)
    print(f"Campaign imported: {campaign.text('title', campaign.languages[0])}")
    print(f"Organizer fingerprint: {campaign.organizer_fingerprint}")
    print("Compare it with the fingerprint the organizer gave you, digit by digit.")


@commands.command(
    "campaign show",
    "show the campaign and organizer fingerprint",
    arg("--json", action="store_true"),
)
def cmd_campaign_show(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        campaign = Device(v).require_campaign()
    summary = campaign.summary()
    if args.json:
        print_json(summary)
        return
    lang = campaign.languages[0]
    print(f"Campaign: {campaign.text('title', lang)}")
    print(f"Id: {campaign.id}")
    print(f"Languages: {', '.join(campaign.languages)}")
    print(f"Fields: {', '.join(summary['fields'])}")
    print(f"Signature: {summary['signature']}")
    print(f"Organizer: {summary['organizer']}")
    print(f"Organizer fingerprint: {campaign.organizer_fingerprint}")
    if campaign.is_demo:
        print("DEMO campaign: its organizer key is public. Never collect real signatures with it.")


@commands.command(
    "campaign close",
    "end the campaign: a signed closing record, then every signer's personal data "
    "destroyed under a fresh key (organizer)",
    arg("--yes", action="store_true", help="required: closing cannot be undone"),
    arg("--out", metavar="FILE.json", help="also write the signed closing record here"),
)
def cmd_campaign_close(args: argparse.Namespace) -> None:
    if not args.yes:
        raise UsageError(
            "Closing destroys every signer's name, contact and signature for good; "
            "totals and proofs remain. Run again with --yes to close."
        )
    home = home_of(args)
    secret = passphrase("TOMAR_PASSPHRASE", "Vault passphrase: ")
    with vault.Vault.open(home, secret) as v, Intake(v) as intake:
        closed = intake.close_campaign(secret, Path(args.out) if args.out else None)
    if closed.again:
        print("The campaign was already closed; its vault was rebuilt again.")
    print(
        f"Campaign closed with {closed.unique} unique signers. Names and signatures are "
        "destroyed; the vault has a new key."
    )
    if args.out:
        print(f"Signed closing record written to {args.out}")
