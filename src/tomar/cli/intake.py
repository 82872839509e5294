"""The organizer's intake: enroll and revoke devices, import batches, receipts, counts, CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core import countries, places, signers_view, vault
from ..core.atomic import atomic_write
from ..core.errors import E, TomarError
from ..core.intake import BreakdownKey, Intake, format_gaps
from ..core.normalize import clean_text
from .command import Commands, UsageError, arg
from .common import home_of, open_vault, passphrase, print_json, read_file

commands = Commands()

# The "device" group itself is declared in cli/device.py, with the device's actions.


@commands.command(
    "device enroll",
    "enroll a device from its request (organizer)",
    arg("file"),
    arg("--out", required=True),
)
def cmd_device_enroll(args: argparse.Namespace) -> None:
    data = read_file(Path(args.file), limit=64 * 1024, what=E.WORD_ENROLLMENT_REQUEST)
    with open_vault(args) as v, Intake(v) as intake:
        cert, fpr = intake.enroll(data)
    atomic_write(Path(args.out), cert, mode=0o644, what=E.WORD_THE_CERTIFICATE)
    print(f"Device {fpr} enrolled. Give it {args.out}.")


@commands.command(
    "device revoke", "refuse further batches of a device (organizer)", arg("fingerprint")
)
def cmd_device_revoke(args: argparse.Namespace) -> None:
    with open_vault(args) as v, Intake(v) as intake:
        intake.revoke_device(args.fingerprint)
    print("Device revoked: its batches will be refused.")


@commands.command(
    "import",
    "import batches (organizer)",
    arg("files", nargs="*"),
    arg(
        "--approve-device",
        metavar="FINGERPRINT",
        help="trust a device that is not enrolled, known here or first seen in the FILES "
        "named (its fingerprint is compared with the key they are signed by), or release an "
        "enrolled device's batches held for review; its held batches and the FILES are "
        "imported",
    ),
)
def cmd_import(args: argparse.Namespace) -> None:
    if not args.files and not args.approve_device:
        raise UsageError("name batch files to import, or --approve-device FINGERPRINT")
    paths = [Path(f) for f in args.files]
    with open_vault(args) as v, Intake(v) as intake:
        results = []
        if args.approve_device:
            results += intake.approve_device(args.approve_device, batches=paths)
        results += intake.import_files(paths)
    for r in results:
        who = f" [device {r.device}, batch {r.number}]" if r.device else ""
        print(f"{r.name}: {r.status}{who}: {r.message}")
    if any(not r.ok for r in results):
        raise TomarError(E.CLI_SOME_BATCHES_REJECTED_SEE)


@commands.command(
    "receipt",
    "write one signed receipt per imported batch (organizer)",
    arg("--out", required=True, metavar="DIR"),
    arg("--again", action="store_true", help="also batches that already have one"),
)
def cmd_receipt(args: argparse.Namespace) -> None:
    with open_vault(args) as v, Intake(v) as intake:
        paths = intake.write_receipts(Path(args.out), again=args.again)
    for p in paths:
        print(p)
    print(f"{len(paths)} receipts written.")


@commands.command("stats", "counts of signers (organizer)", arg("--json", action="store_true"))
def cmd_stats(args: argparse.Namespace) -> None:
    with open_vault(args) as v, Intake(v) as intake:
        stats = intake.stats()
        due = intake.deletion_due()
        closed = intake.closing_record()
    if args.json:
        print_json(stats)
        return
    if closed is not None:
        print(
            f"Campaign closed at {closed['closed_at'][:16]} with "
            f"{closed['counts']['unique']} unique signers; their personal data is destroyed."
        )
    if due is not None:
        print(f"Personal data is to be destroyed by {due.isoformat()} (tomar campaign close).")
    print(f"Unique signers: {stats['unique']}")
    print(
        f"Received {stats['received']}, duplicates {stats['duplicates']}, flagged for review "
        f"{stats['flagged']}, voided {stats['voided']}, held {stats['held']}"
    )
    sections: tuple[tuple[BreakdownKey, str], ...] = (
        ("by_event", "Event"),
        ("by_device", "Device"),
        ("by_day", "Day"),
        ("by_country", "Country"),
        ("by_state", "State"),
        ("by_district", "District"),
        ("by_consent", "Agreed to"),
    )
    for key, title in sections:
        for row in stats[key]:
            shown = clean_text(row["key"]) or "-"  # one line, whatever a device sent
            if key == "by_country" and countries.is_code(shown):
                shown = f"{shown} ({countries.name(shown, 'en')})"
            elif key == "by_state":
                shown = f"{shown} ({places.state_name(shown, 'en')})"
            print(f"  {title} {shown}: {row['unique']} unique of {row['received']}")
    if stats["removed"]:
        print(f"  Removed on request: {stats['removed']}")
    for device, missing in stats["gaps"].items():
        print(f"  Device {device}: waiting for batch {format_gaps(missing)}")


@commands.command(
    "export-csv",
    "unique signers as CSV (organizer)",
    arg("--out", required=True),
    arg("--svg-dir", help="also write each drawn signature as an SVG file here"),
    arg(
        "--public",
        action="store_true",
        help="honour each signer's display choice as the delivery sheets do (no email, "
        "phone, or hidden signer's name or drawing)",
    ),
    arg("--consent", metavar="PURPOSE", help="only signers who agreed to this extra consent"),
)
def cmd_export_csv(args: argparse.Namespace) -> None:
    svg_dir = Path(args.svg_dir) if args.svg_dir else None
    with open_vault(args) as v, Intake(v) as intake:
        n = intake.export_csv(Path(args.out), svg_dir, public=args.public, consent=args.consent)
    if args.public:
        print(f"{n} unique signers written to {args.out}, as each chose to be shown")
        return
    print(
        "Warning: this is the full export. It holds every signer in full (names, emails, "
        "phones and drawings), also those who asked to be shown by initials or not at "
        "all. Keep it to yourself; for anyone else use --public.",
        file=sys.stderr,
    )
    print(f"{n} unique signers written to {args.out}")


commands.group("districts", "congressional districts from a ZIP-to-district table (organizer)")


@commands.command(
    "districts load",
    "load the Census ZCTA to congressional district relationship file, or a ZIP+4 "
    "table for ZIP codes that span districts (organizer)",
    arg(
        "file",
        help="the Census file, pipe-delimited with a header (e.g. "
        "tab20_cd11820_zcta520_natl.txt), or a ZIP+4 CSV with the columns ZIP, PLUS4_LOW, "
        "PLUS4_HIGH and DISTRICT (or STATE and CD); see docs/CAMPAIGN.md",
    ),
)
def cmd_districts_load(args: argparse.Namespace) -> None:
    data = read_file(Path(args.file), limit=places.MAX_DISTRICT_FILE, what=E.WORD_DISTRICT_TABLE)
    with open_vault(args) as v, Intake(v) as intake:
        zips = intake.load_districts(data)
    if places.is_zip4_table(data):
        print(f"ZIP+4 table loaded: {zips} ZIP codes.")
    else:
        print(f"District table loaded: {zips} ZIP codes.")


@commands.command(
    "districts set",
    "the district of a signer whose ZIP code spans districts (organizer)",
    arg("record_id"),
    arg("district", help='e.g. "CA-12"; "" forgets the choice'),
)
def cmd_districts_set(args: argparse.Namespace) -> None:
    with open_vault(args) as v, Intake(v) as intake:
        intake.choose_district(args.record_id, args.district)
    print("District recorded.")


commands.group("signer", "one signer (organizer)")


@commands.command(
    "signer find",
    "signers whose name, city or contact contains TEXT: their record ids (organizer)",
    arg("text"),
)
def cmd_signer_find(args: argparse.Namespace) -> None:
    with open_vault(args) as v:
        rows = signers_view.signer_rows(v, signers_view.signer_ids(v, search=args.text)[:50])
    for r in rows:
        print(f"{r.record_id}  {r.time[:16]}  {r.event_name}  {r.name}")
    print(f"{len(rows)} found.")


@commands.command(
    "signer remove",
    "remove one signer at their request, from the vault and every later output (organizer)",
    arg("record_id"),
    arg("--yes", action="store_true", help="required: removal cannot be undone"),
)
def cmd_signer_remove(args: argparse.Namespace) -> None:
    if not args.yes:
        raise UsageError("Removal cannot be undone. Run again with --yes to remove.")
    secret = passphrase("TOMAR_PASSPHRASE", "Vault passphrase: ")
    with vault.Vault.open(home_of(args), secret) as v, Intake(v) as intake:
        intake.remove_signer(secret, args.record_id)
    print("Removed on request; the vault has a new key. Printed sheets made before keep it.")
