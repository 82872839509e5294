"""The device side: events, signing, voids, counts, batches, enrollment, receipts, wipe."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core import batch, receipts, strokes, vault
from ..core.atomic import atomic_write
from ..core.campaign import read_package
from ..core.device import Device
from ..core.errors import E, TomarError
from ..core.records import SignatureForm
from .command import Commands, UsageError, arg
from .common import home_of, open_vault, passphrase, print_json, read_file

commands = Commands()

commands.group("event", "events (rallies)")


@commands.command("event start", "start an event", arg("--name", required=True), arg("--place"))
def cmd_event_start(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        Device(v).start_event(args.name, args.place or "")
    print("Event started.")


@commands.command("event end", "end the current event")
def cmd_event_end(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        Device(v).end_event()
    print("Event ended.")


def _load_strokes(path: Path) -> strokes.Signature:
    raw = read_file(path, limit=4 * 1024 * 1024, what=E.WORD_STROKES_FILE)
    try:
        doc = json.loads(raw)
        return strokes.Signature(
            aspect=float(doc["aspect"]),
            strokes=tuple(
                tuple(
                    strokes.Point(float(p[0]), float(p[1]), int(p[2]), float(p[3])) for p in stroke
                )
                for stroke in doc["strokes"]
            ),
        )
    except (ValueError, KeyError, TypeError, IndexError):
        raise TomarError(E.CLI_STROKES_FILE_NOT_VALID) from None


def _parse_paper(text: str) -> tuple[str, int]:
    serial, sep, row = text.rpartition(":")
    if not sep or not row.isdigit():
        raise UsageError("--paper must look like SERIAL:ROW, for example A1B2-0007:12")
    return serial, int(row)


@commands.command(
    "sign",
    "seal and save one signature; prints its record id",
    arg("--field", action="append", metavar="KEY=VALUE"),
    arg("--consent", action="store_true", help="the signer gave consent"),
    arg("--strokes", metavar="FILE", help="drawn signature as JSON"),
    arg("--display", choices=["full", "initials", "hidden"], default="full"),
    arg("--paper", metavar="SERIAL:ROW", help="a row typed in from a paper sheet"),
    arg("--lang", help="the signer's language (default: the campaign's first)"),
)
def cmd_sign(args: argparse.Namespace) -> None:
    fields: dict[str, str] = {}
    for item in args.field or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise UsageError("--field must look like KEY=VALUE")
        fields[key.strip()] = value
    with open_vault(args) as v:
        device = Device(v)
        campaign = device.require_campaign()
        form = SignatureForm(
            fields=fields,
            lang=args.lang or campaign.languages[0],
            consent=args.consent,
            display=args.display,
            signature=_load_strokes(Path(args.strokes)) if args.strokes else None,
            source="paper" if args.paper else "cli",
            paper=_parse_paper(args.paper) if args.paper else None,
        )
        saved = device.save(form)
    if saved.maybe_duplicate:
        print(
            "Note: someone with the same details may have signed on this device already.",
            file=sys.stderr,
        )
    print(saved.record_id, flush=True)


@commands.command("void", "void a signature (adds a signed void record)", arg("record_id"))
def cmd_void(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        void_id = Device(v).void(args.record_id)
    print(f"Voided. Void record: {void_id}")


@commands.command("count", "count signatures on this device", arg("--json", action="store_true"))
def cmd_count(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        counts = Device(v).counts()
    if args.json:
        print_json(counts)
        return
    print(f"Signatures: {counts['total']} (today {counts['today']})")
    if counts["current_event"] is not None:
        print(f"This event: {counts['current_event']}")
    print(f"Paper rows: {counts['paper']}   Voided: {counts['voided']}")
    print(f"Not yet exported: {counts['pending_export']}")


@commands.command(
    "wipe", "destroy the vault for good (crypto-erase)", arg("--yes", action="store_true")
)
def cmd_wipe(args: argparse.Namespace) -> None:
    home = home_of(args)
    if not args.yes:
        raise UsageError("'tomar wipe' destroys the vault for good; add --yes to confirm.")
    if not vault.exists(home) and not any(home.glob("tomar*.db")):
        raise TomarError(E.CLI_NO_VAULT, home=home)
    vault.wipe(home)
    print("Vault destroyed. Its data can no longer be read.")


# --- batches ------------------------------------------------------------------------


@commands.command(
    "export",
    "write a signed batch of every record not yet exported",
    arg("--out", required=True, metavar="DIR"),
)
def cmd_export(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        try:
            done = batch.export(Device(v), Path(args.out))
        except batch.NothingToExport as exc:
            print(str(exc))
            return
    print(f"Batch {done.number} with {done.count} records written.")
    if done.restored:  # lost by an earlier export that was interrupted
        print(f"Written again (missing here): batch {', '.join(map(str, done.restored))}.")
    print(done.path)


# `tomar device enroll|revoke`, the organizer's side of the group, are in cli/intake.py.
commands.group("device", "device enrollment")


@commands.command(
    "device request",
    "write an enrollment request (device)",
    arg("--out", required=True),
    arg("--label", help="a name for this device, e.g. 'Tablet 3'"),
)
def cmd_device_request(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        data = Device(v).enrollment_request(args.label or "")
        fpr = Device(v).identity.fingerprint
    atomic_write(Path(args.out), data, mode=0o644, what=E.WORD_THE_ENROLLMENT_REQUEST)
    print(f"Enrollment request written to {args.out}. Device fingerprint: {fpr}")


@commands.command("device accept", "accept the organizer's certificate (device)", arg("cert"))
def cmd_device_accept(args: argparse.Namespace) -> None:
    data = read_file(Path(args.cert), limit=64 * 1024, what=E.WORD_CERTIFICATE)
    with open_vault(args) as v:
        Device(v).accept_certificate(data)
    print("Certificate accepted: this device is enrolled. Its next batches carry it.")


@commands.command(
    "receipt-import", "apply the organizer's receipts (device)", arg("files", nargs="+")
)
def cmd_receipt_import(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        for name in args.files:
            data = read_file(Path(name), limit=receipts.MAX_RECEIPT, what=E.WORD_RECEIPT)
            done = Device(v).import_receipt(data)
            print(
                f"Receipt for batch {done['batch']}: {done['accepted']} records accepted, "
                f"{done['rejected']} rejected."
            )


@commands.command("purge", "remove records covered by receipts, under a fresh key (device)")
def cmd_purge(args: argparse.Namespace) -> None:
    home = home_of(args)
    secret = passphrase("TOMAR_PASSPHRASE", "Vault passphrase: ")
    with vault.Vault.open(home, secret) as v:
        n = Device(v).purge(secret)
    if n:
        print(f"Purged {n} records covered by receipts; the vault now has a new key.")
    else:
        print("Nothing to purge: no receipt covers a record still on this device.")


@commands.command(
    "verify",
    "check batches without decrypting them",
    arg("files", nargs="+"),
    arg("--campaign", help="campaign package to check against (default: the vault's)"),
)
def cmd_verify(args: argparse.Namespace) -> None:
    if args.campaign:
        campaign = read_package(
            read_file(Path(args.campaign), limit=2 * 1024 * 1024, what=E.WORD_CAMPAIGN_PACKAGE)
        )
    else:
        with open_vault(args) as v:
            campaign = Device(v).require_campaign()
    failed = False
    for name in args.files:
        try:
            bf = batch.read(Path(name), campaign)
        except TomarError as exc:
            print(f"{name}: NOT VALID: {exc}")
            failed = True
            continue
        print(
            f"{name}: valid. Device {bf.device_fingerprint}, batch {bf.number}, "
            f"{len(bf.entries)} records, campaign {campaign.id}, "
            f"organizer {campaign.organizer_fingerprint}"
            + (", carries an enrollment certificate" if bf.certificate else "")
        )
        bf.close()
    if failed:
        raise TomarError(E.CLI_SOME_BATCHES_NOT_VALID)
