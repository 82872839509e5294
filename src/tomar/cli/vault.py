"""The vault itself: create it, show it, change its passphrase, try the demo."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from .. import __version__, demo
from ..core import vault
from ..core.device import Device, init_vault
from ..core.errors import E, TomarError
from ..core.records import SignatureForm
from .command import Commands
from .common import home_of, open_vault, passphrase

commands = Commands()

DEMO_PASSPHRASE = "demo passphrase"  # noqa: S105 - the bundled demo, never real data


@commands.command("init", "create the encrypted vault and this device's key")
def cmd_init(args: argparse.Namespace) -> None:
    home = home_of(args)
    if vault.exists(home):
        raise TomarError(E.CLI_ALREADY_VAULT, home=home)
    secret = passphrase("TOMAR_PASSPHRASE", "Choose a vault passphrase: ", confirm=True)
    if len(secret) < 8:
        raise TomarError(E.CLI_CHOOSE_PASSPHRASE_LEAST_8)
    with init_vault(home, secret) as v:
        print(f"Vault created in {home}")
        print(f"Device fingerprint: {Device(v).identity.fingerprint}")


@commands.command("status", "show the vault, campaign and counts")
def cmd_status(args: argparse.Namespace) -> None:
    home = home_of(args)
    print(f"Tomar {__version__}")
    print(f"Home: {home}")
    if not vault.exists(home) and not vault.orphaned(home):
        print("No vault yet. Create one with 'tomar init', or try 'tomar demo'.")
        return
    with open_vault(args) as v:
        info = Device(v).info()
        counts = Device(v).counts()
    print(f"Device fingerprint: {info['device_fingerprint']}")
    camp = info["campaign"]
    if camp is None:
        print("No campaign yet: 'tomar campaign import FILE'.")
    else:
        print(f"Campaign: {camp['id']} ({', '.join(camp['languages'])})")
        print(f"Organizer fingerprint: {camp['organizer_fingerprint']}")
    print(f"Signatures: {counts['total']}, not yet exported: {counts['pending_export']}")


@commands.command("demo", "try Tomar with the bundled demo campaign in a throwaway vault")
def cmd_demo(args: argparse.Namespace) -> None:
    """Walk the whole device path in a throwaway home with the bundled demo campaign."""
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="tomar-demo-"))
    print(f"Demo vault in {home} (passphrase: '{DEMO_PASSPHRASE}')")
    with init_vault(home, DEMO_PASSPHRASE) as v:
        device = Device(v)
        campaign = device.import_campaign(demo.package())
        print(f"Campaign: {campaign.text('title', 'en')}")
        print(f"          {campaign.text('title', 'fa')}")
        print(f"Organizer fingerprint: {campaign.organizer_fingerprint} (DEMO KEY)")
        device.start_event("Demo rally", "Washington, DC")
        sig = demo.signature()
        for entry in demo.signers():
            form = SignatureForm(
                fields=entry["fields"], lang=entry["lang"], consent=True, signature=sig
            )
            saved = device.save(form)
            print(f"Sealed signature {saved.record_id} (only the organizer can read it)")
        counts = device.counts()
    print(f"Signatures on this device: {counts['total']}")
    print(f"Try: tomar --home {home} count")


@commands.command("passwd", "change the vault passphrase")
def cmd_passwd(args: argparse.Namespace) -> None:
    home = home_of(args)
    if not vault.exists(home):
        vault.Vault.open(home, "").close()  # raises NoVault with the right words
    old = passphrase("TOMAR_PASSPHRASE", "Vault passphrase: ")
    with vault.Vault.open(home, old) as v:
        new = passphrase("TOMAR_NEW_PASSPHRASE", "New vault passphrase: ", confirm=True)
        if len(new) < 8:
            raise TomarError(E.CLI_CHOOSE_PASSPHRASE_LEAST_8)
        v.change_passphrase(old, new)  # a new database under a new key (core/vault.py)
    print("Passphrase changed; the vault was rewritten under a new key.")
