"""The `tomar` command: a thin face over tomar.core.

Exit codes: 0 success, 1 a TomarError (one line on stderr, no traceback), 2 usage error.
Passphrases come from TOMAR_PASSPHRASE (or TOMAR_BACKUP_PASSPHRASE) or a prompt, never
from the command line, where other users could read them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__, demo
from .core import batch, countries, organizer, receipts, strokes, vault
from .core.atomic import atomic_write
from .core.campaign import read_package
from .core.device import Device, init_vault
from .core.errors import TomarError, ValidationError
from .core.intake import Intake
from .core.records import SignatureForm

DEMO_PASSPHRASE = "demo passphrase"  # noqa: S105 - the bundled demo, never real data


class UsageError(Exception):
    pass


def _passphrase(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise TomarError(f"No passphrase given: set {env} or run in a terminal.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise TomarError("The two passphrases are not the same. Nothing was changed.")
    return first


def _home(args: argparse.Namespace) -> Path:
    return Path(args.home) if args.home else vault.default_home()


def _open(args: argparse.Namespace) -> vault.Vault:
    home = _home(args)
    if not vault.exists(home):
        return vault.Vault.open(home, "")  # raises NoVault with the right words
    return vault.Vault.open(home, _passphrase("TOMAR_PASSPHRASE", "Vault passphrase: "))


def _print_json(doc: Any) -> None:
    print(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True))


# --- commands -----------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> None:
    home = _home(args)
    if vault.exists(home):
        raise TomarError(f"There is already a vault in {home}.")
    secret = _passphrase("TOMAR_PASSPHRASE", "Choose a vault passphrase: ", confirm=True)
    if len(secret) < 8:
        raise TomarError("Please choose a passphrase of at least 8 characters.")
    with init_vault(home, secret) as v:
        print(f"Vault created in {home}")
        print(f"Device fingerprint: {Device(v).identity.fingerprint}")


def cmd_organizer_init(args: argparse.Namespace) -> None:
    with _open(args) as v:
        ident = organizer.init(v, args.name, args.recipient)
        print(f"Organizer keys created ({ident.recipient_kind}).")
        print(f"Organizer fingerprint: {ident.fingerprint}")
        print("Next: back them up with 'tomar organizer backup --out FILE'.")


def cmd_organizer_backup(args: argparse.Namespace) -> None:
    with _open(args) as v:
        secret = _passphrase(
            "TOMAR_BACKUP_PASSPHRASE", "Passphrase for the backup file: ", confirm=True
        )
        organizer.backup(v, Path(args.out), secret)
        print(f"Backup written to {args.out}. Keep it and its passphrase apart, somewhere safe.")


def cmd_organizer_identity(args: argparse.Namespace) -> None:
    with _open(args) as v:
        organizer.write_identity(v, Path(args.out))
    print(
        "WARNING: this file opens every signature of the campaign without a passphrase. "
        "Keep it offline, and delete it when you no longer need it.",
        file=sys.stderr,
    )
    print(f"Identity written to {args.out}")


def cmd_organizer_restore(args: argparse.Namespace) -> None:
    data = _read(Path(args.file), limit=64 * 1024, what="backup file")
    with _open(args) as v:
        secret = _passphrase("TOMAR_BACKUP_PASSPHRASE", "Backup passphrase: ")
        ident = organizer.restore_backup(v, data, secret)
        print(f"Organizer keys restored. Fingerprint: {ident.fingerprint}")


def cmd_organizer_shares(args: argparse.Namespace) -> None:
    from .core.sheets import shares

    with _open(args) as v:
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


def cmd_organizer_restore_shares(args: argparse.Namespace) -> None:
    from .core import recovery

    if args.file:
        text = _read(Path(args.file), limit=64 * 1024, what="shares file").decode(
            "utf-8", "replace"
        )
        lines = recovery.parse_share_lines(text)
    else:
        lines = _prompt_shares()
    with _open(args) as v:
        ident = recovery.restore(v, lines, name=args.name)
    print(f"Organizer keys restored. Fingerprint: {ident.fingerprint}")


def _prompt_shares() -> list[str]:
    """Ask for shares one by one, as many as the first share says are needed."""
    from .core import recovery

    if not sys.stdin.isatty():
        raise TomarError("No shares given: name a file with one share per line.")
    first = recovery.normalize_share(getpass.getpass("Share 1 (words, hidden as you type): "))
    _, _, needed = recovery.share_info(first)
    lines = [first]
    for i in range(2, needed + 1):
        lines.append(getpass.getpass(f"Share {i} of {needed}: "))
    return lines


def cmd_sheets_blank(args: argparse.Namespace) -> None:
    from .core.sheets import blank

    with _open(args) as v:
        made = blank.write_blank(
            v, Path(args.out), sheets=args.pages, lang=args.lang, paper=args.paper, rows=args.rows
        )
    print(f"{len(made)} blank sheets ({made[0].rows} rows each) written to {args.out}")
    print(f"Serials {made[0].serial} to {made[-1].serial}")


def cmd_sheets_delivery(args: argparse.Namespace) -> None:
    from .core.sheets import delivery

    with _open(args) as v:
        n = delivery.write_delivery(v, Path(args.out), lang=args.lang, paper=args.paper)
    print(f"Delivery sheets with {n} unique signers written to {args.out}")
    print("They hold names and signatures: keep the file safe and delete it after printing.")


def cmd_sheets_report(args: argparse.Namespace) -> None:
    from .core.sheets import report

    with _open(args) as v:
        stats = report.write_report(v, Path(args.out), lang=args.lang, paper=args.paper)
    print(f"Campaign report ({stats['unique']} unique signers) written to {args.out}")


def cmd_sheets_unentered(args: argparse.Namespace) -> None:
    from .core.sheets import blank

    with _open(args) as v:
        left = blank.unentered(v)
    if args.json:
        _print_json(
            [{"serial": s.serial, "created_at": s.created_at, "rows": s.rows} for s in left]
        )
        return
    for s in left:
        print(f"{s.serial}  printed {s.created_at[:10]}  {s.rows} rows")
    print(f"{len(left)} printed sheets have no row typed in yet.")


def cmd_campaign_create(args: argparse.Namespace) -> None:
    spec = _read(Path(args.spec), limit=1024 * 1024, what="campaign spec").decode(
        "utf-8", "replace"
    )
    with _open(args) as v:
        campaign, package = organizer.create_campaign(v, spec)
    atomic_write(Path(args.out), package, mode=0o644, what="the campaign package")
    print(f"Campaign package written to {args.out}")
    print(f"Organizer fingerprint: {campaign.organizer_fingerprint}")


def cmd_campaign_import(args: argparse.Namespace) -> None:
    data = _read(Path(args.file), limit=2 * 1024 * 1024, what="campaign package")
    with _open(args) as v:
        campaign = Device(v).import_campaign(data, args.expect_fingerprint)
    print(f"Campaign imported: {campaign.text('title', campaign.languages[0])}")
    print(f"Organizer fingerprint: {campaign.organizer_fingerprint}")
    print("Compare it with the fingerprint the organizer gave you, digit by digit.")


def cmd_campaign_show(args: argparse.Namespace) -> None:
    with _open(args) as v:
        campaign = Device(v).require_campaign()
    summary = campaign.summary()
    if args.json:
        _print_json(summary)
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


def cmd_event_start(args: argparse.Namespace) -> None:
    with _open(args) as v:
        Device(v).start_event(args.name, args.place or "")
    print("Event started.")


def cmd_event_end(args: argparse.Namespace) -> None:
    with _open(args) as v:
        Device(v).end_event()
    print("Event ended.")


def _load_strokes(path: Path) -> strokes.Signature:
    raw = _read(path, limit=4 * 1024 * 1024, what="strokes file")
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
        raise TomarError(
            "The strokes file is not valid: expected JSON "
            '{"aspect": 3.0, "strokes": [[[x, y, t_ms, pressure], ...], ...]}.'
        ) from None


def _parse_paper(text: str) -> tuple[str, int]:
    serial, sep, row = text.rpartition(":")
    if not sep or not row.isdigit():
        raise UsageError("--paper must look like SERIAL:ROW, for example A1B2-0007:12")
    return serial, int(row)


def cmd_sign(args: argparse.Namespace) -> None:
    fields: dict[str, str] = {}
    for item in args.field or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise UsageError("--field must look like KEY=VALUE")
        fields[key.strip()] = value
    with _open(args) as v:
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


def cmd_void(args: argparse.Namespace) -> None:
    with _open(args) as v:
        void_id = Device(v).void(args.record_id)
    print(f"Voided. Void record: {void_id}")


def cmd_count(args: argparse.Namespace) -> None:
    with _open(args) as v:
        counts = Device(v).counts()
    if args.json:
        _print_json(counts)
        return
    print(f"Signatures: {counts['total']} (today {counts['today']})")
    if counts["current_event"] is not None:
        print(f"This event: {counts['current_event']}")
    print(f"Paper rows: {counts['paper']}   Voided: {counts['voided']}")
    print(f"Not yet exported: {counts['pending_export']}")


def cmd_wipe(args: argparse.Namespace) -> None:
    home = _home(args)
    if not args.yes:
        raise UsageError("'tomar wipe' destroys the vault for good; add --yes to confirm.")
    if not vault.exists(home) and not any(home.glob("tomar*.db")):
        raise TomarError(f"There is no vault in {home}.")
    vault.wipe(home)
    print("Vault destroyed. Its data can no longer be read.")


def cmd_passwd(args: argparse.Namespace) -> None:
    with _open(args) as v:
        new = _passphrase("TOMAR_NEW_PASSPHRASE", "New vault passphrase: ", confirm=True)
        if len(new) < 8:
            raise TomarError("Please choose a passphrase of at least 8 characters.")
        v.change_passphrase(new)
    print("Passphrase changed.")


def cmd_status(args: argparse.Namespace) -> None:
    home = _home(args)
    print(f"Tomar {__version__}")
    print(f"Home: {home}")
    if not vault.exists(home):
        print("No vault yet. Create one with 'tomar init', or try 'tomar demo'.")
        return
    with _open(args) as v:
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


# --- batches (device) ---------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> None:
    with _open(args) as v:
        try:
            done = batch.export(Device(v), Path(args.out))
        except batch.NothingToExport as exc:
            print(str(exc))
            return
    print(f"Batch {done.number} with {done.count} records written.")
    print(done.path)


def cmd_device_request(args: argparse.Namespace) -> None:
    with _open(args) as v:
        data = Device(v).enrollment_request(args.label or "")
        fpr = Device(v).identity.fingerprint
    atomic_write(Path(args.out), data, mode=0o644, what="the enrollment request")
    print(f"Enrollment request written to {args.out}. Device fingerprint: {fpr}")


def cmd_device_accept(args: argparse.Namespace) -> None:
    data = _read(Path(args.cert), limit=64 * 1024, what="certificate")
    with _open(args) as v:
        Device(v).accept_certificate(data)
    print("Certificate accepted: this device is enrolled. Its next batches carry it.")


def cmd_receipt_import(args: argparse.Namespace) -> None:
    with _open(args) as v:
        for name in args.files:
            data = _read(Path(name), limit=receipts.MAX_RECEIPT, what="receipt")
            done = Device(v).import_receipt(data)
            print(
                f"Receipt for batch {done['batch']}: {done['accepted']} records accepted, "
                f"{done['rejected']} rejected."
            )


def cmd_purge(args: argparse.Namespace) -> None:
    home = _home(args)
    secret = _passphrase("TOMAR_PASSPHRASE", "Vault passphrase: ")
    with vault.Vault.open(home, secret) as v:
        n = Device(v).purge(secret)
    if n:
        print(f"Purged {n} records covered by receipts; the vault now has a new key.")
    else:
        print("Nothing to purge: no receipt covers a record still on this device.")


def cmd_verify(args: argparse.Namespace) -> None:
    if args.campaign:
        campaign = read_package(
            _read(Path(args.campaign), limit=2 * 1024 * 1024, what="campaign package")
        )
    else:
        with _open(args) as v:
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
        raise TomarError("Some batches are not valid (see above).")


# --- organizer intake -------------------------------------------------------------


def cmd_device_enroll(args: argparse.Namespace) -> None:
    data = _read(Path(args.file), limit=64 * 1024, what="enrollment request")
    with _open(args) as v, Intake(v) as intake:
        cert, fpr = intake.enroll(data)
    atomic_write(Path(args.out), cert, mode=0o644, what="the certificate")
    print(f"Device {fpr} enrolled. Give it {args.out}.")


def cmd_device_revoke(args: argparse.Namespace) -> None:
    with _open(args) as v, Intake(v) as intake:
        intake.revoke_device(args.fingerprint)
    print("Device revoked: its batches will be refused.")


def cmd_import(args: argparse.Namespace) -> None:
    if not args.files and not args.approve_device:
        raise UsageError("name batch files to import, or --approve-device FINGERPRINT")
    with _open(args) as v, Intake(v) as intake:
        results = []
        if args.approve_device:
            results += intake.approve_device(args.approve_device)
        results += intake.import_files([Path(f) for f in args.files])
    for r in results:
        who = f" [device {r.device}, batch {r.number}]" if r.device else ""
        print(f"{r.name}: {r.status}{who}: {r.message}")
    if any(not r.ok for r in results):
        raise TomarError("Some batches were rejected (see above); the others were imported.")


def cmd_receipt(args: argparse.Namespace) -> None:
    with _open(args) as v, Intake(v) as intake:
        paths = intake.write_receipts(Path(args.out), again=args.again)
    for p in paths:
        print(p)
    print(f"{len(paths)} receipts written.")


def cmd_stats(args: argparse.Namespace) -> None:
    with _open(args) as v, Intake(v) as intake:
        stats = intake.stats()
    if args.json:
        _print_json(stats)
        return
    print(f"Unique signers: {stats['unique']}")
    print(
        f"Received {stats['received']}, duplicates {stats['duplicates']}, flagged for review "
        f"{stats['flagged']}, voided {stats['voided']}, held {stats['held']}"
    )
    for key, title in (
        ("by_event", "Event"),
        ("by_device", "Device"),
        ("by_day", "Day"),
        ("by_country", "Country"),
    ):
        for row in stats[key]:
            shown = row["key"] or "-"
            if key == "by_country" and countries.is_code(shown):
                shown = f"{shown} ({countries.name(shown, 'en')})"
            print(f"  {title} {shown}: {row['unique']} unique of {row['received']}")
    for device, missing in stats["gaps"].items():
        print(f"  Device {device}: waiting for batch {', '.join(map(str, missing))}")


def cmd_export_csv(args: argparse.Namespace) -> None:
    with _open(args) as v, Intake(v) as intake:
        n = intake.export_csv(Path(args.out), Path(args.svg_dir) if args.svg_dir else None)
    print(f"{n} unique signers written to {args.out}")


# --- sync (device, organizer, collection server) -------------------------------------


def _sync_progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{stage}: {done}/{total}   ", end="" if done < total else "\n", file=sys.stderr)


def cmd_sync(args: argparse.Namespace) -> None:
    from .sync import client

    with _open(args) as v:
        device = Device(v)
        result = client.sync_device(device, args.to, progress=_sync_progress)
        if args.remember and args.to:
            client.remember_target(device, str(args.to))
    if args.json:
        _print_json(client.describe(result))
    else:
        print(f"Sync with {result.target}:")
        print(f"  {result.exported} new records exported")
        print(f"  {result.uploaded} batches sent, {result.already} were already there")
        print(
            f"  {result.receipts_applied} receipts applied "
            f"({result.records_accepted} records confirmed by the organizer)"
        )
        print(f"  {result.pending} batches still wait for a receipt")
        for problem in result.errors:
            print(f"  Problem: {problem}")
        if result.records_accepted:
            print("Confirmed records can now be removed from this device with 'tomar purge'.")
    if not result.ok:
        raise TomarError("The sync did not finish; nothing was lost. Try again later.")


def cmd_pull(args: argparse.Namespace) -> None:
    from .sync import client

    with _open(args) as v, Intake(v) as intake:
        result = client.pull(intake, args.source, progress=_sync_progress, again=args.again)
    if args.json:
        _print_json(client.describe(result))
    else:
        print(f"Pull from {result.source}: {result.downloaded} new batches")
        for r in result.imports:
            who = f" [device {r.device}, batch {r.number}]" if r.device else ""
            print(f"  {r.name}: {r.status}{who}: {r.message}")
        print(f"  {result.receipts_sent} receipts sent")
        for problem in result.errors:
            print(f"  Problem: {problem}")
    if not result.ok:
        raise TomarError("The pull did not finish cleanly (see above).")


def cmd_serve(args: argparse.Namespace) -> None:
    from .server.app import ServerConfig, serve
    from .server.limits import ConnectionLimits

    config = ServerConfig(
        max_upload=int(args.max_upload_mb * 1024 * 1024),
        rate=args.rate,
        burst=args.burst,
        connections=ConnectionLimits(
            per_address=args.connections_per_address,
            exempt=frozenset([args.behind_proxy] if args.behind_proxy else []),
        ),
        trusted_proxy=args.behind_proxy,
    )
    serve(
        args.store,
        Path(args.campaign),
        host=args.host,
        port=args.port,
        tls_cert=Path(args.tls_cert) if args.tls_cert else None,
        tls_key=Path(args.tls_key) if args.tls_key else None,
        config=config,
    )


# --- parser -------------------------------------------------------------------


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
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], None], help_: str, parent: Any = sub
    ) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = parent.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=func)
        return sp

    add("init", cmd_init, "create the encrypted vault and this device's key")
    add("status", cmd_status, "show the vault, campaign and counts")
    add("demo", cmd_demo, "try Tomar with the bundled demo campaign in a throwaway vault")
    add("passwd", cmd_passwd, "change the vault passphrase")

    org = add("organizer", lambda a: _help(p, "organizer"), "organizer keys")
    osub = org.add_subparsers(dest="sub", metavar="ACTION")
    o = add("init", cmd_organizer_init, "create the organizer's keys", osub)
    o.add_argument("--name", required=True)
    o.add_argument(
        "--recipient",
        choices=["hybrid", "x25519"],
        default="hybrid",
        help="hybrid post-quantum (default) or classic X25519",
    )
    o = add("backup", cmd_organizer_backup, "write a passphrase-protected key backup", osub)
    o.add_argument("--out", required=True)
    o = add("identity", cmd_organizer_identity, "write the plain age identity file", osub)
    o.add_argument("--out", required=True)
    o = add("restore", cmd_organizer_restore, "restore organizer keys from a backup", osub)
    o.add_argument("file")
    o = add("shares", cmd_organizer_shares, "print SLIP-39 recovery shares of the key", osub)
    o.add_argument("--threshold", type=int, required=True, metavar="K", help="shares needed")
    o.add_argument("--shares", type=int, required=True, metavar="N", help="shares made")
    o.add_argument("--out", required=True, metavar="FILE.pdf")
    o.add_argument("--paper", choices=["letter", "a4"], default="letter")
    o = add("restore-shares", cmd_organizer_restore_shares, "restore the key from shares", osub)
    o.add_argument("file", nargs="?", help="one share per line (default: ask for each)")
    o.add_argument("--name", help="organizer name (default: the campaign's)")

    camp = add("campaign", lambda a: _help(p, "campaign"), "campaign packages")
    csub = camp.add_subparsers(dest="sub", metavar="ACTION")
    c = add("create", cmd_campaign_create, "sign a campaign spec into a package", csub)
    c.add_argument("--spec", required=True)
    c.add_argument("--out", required=True)
    c = add("import", cmd_campaign_import, "import the organizer's campaign package", csub)
    c.add_argument("file")
    c.add_argument("--expect-fingerprint", help="refuse unless the organizer fingerprint is this")
    c = add("show", cmd_campaign_show, "show the campaign and organizer fingerprint", csub)
    c.add_argument("--json", action="store_true")

    ev = add("event", lambda a: _help(p, "event"), "events (rallies)")
    esub = ev.add_subparsers(dest="sub", metavar="ACTION")
    e = add("start", cmd_event_start, "start an event", esub)
    e.add_argument("--name", required=True)
    e.add_argument("--place")
    add("end", cmd_event_end, "end the current event", esub)

    s = add("sign", cmd_sign, "seal and save one signature; prints its record id")
    s.add_argument("--field", action="append", metavar="KEY=VALUE")
    s.add_argument("--consent", action="store_true", help="the signer gave consent")
    s.add_argument("--strokes", metavar="FILE", help="drawn signature as JSON")
    s.add_argument("--display", choices=["full", "initials", "hidden"], default="full")
    s.add_argument("--paper", metavar="SERIAL:ROW", help="a row typed in from a paper sheet")
    s.add_argument("--lang", help="the signer's language (default: the campaign's first)")

    v = add("void", cmd_void, "void a signature (adds a signed void record)")
    v.add_argument("record_id")
    c = add("count", cmd_count, "count signatures on this device")
    c.add_argument("--json", action="store_true")
    w = add("wipe", cmd_wipe, "destroy the vault for good (crypto-erase)")
    w.add_argument("--yes", action="store_true")

    x = add("export", cmd_export, "write a signed batch of every record not yet exported")
    x.add_argument("--out", required=True, metavar="DIR")
    dev = add("device", lambda a: _help(p, "device"), "device enrollment")
    dsub = dev.add_subparsers(dest="sub", metavar="ACTION")
    d = add("request", cmd_device_request, "write an enrollment request (device)", dsub)
    d.add_argument("--out", required=True)
    d.add_argument("--label", help="a name for this device, e.g. 'Tablet 3'")
    d = add("accept", cmd_device_accept, "accept the organizer's certificate (device)", dsub)
    d.add_argument("cert")
    d = add("enroll", cmd_device_enroll, "enroll a device from its request (organizer)", dsub)
    d.add_argument("file")
    d.add_argument("--out", required=True)
    d = add("revoke", cmd_device_revoke, "refuse further batches of a device (organizer)", dsub)
    d.add_argument("fingerprint")
    r = add("receipt-import", cmd_receipt_import, "apply the organizer's receipts (device)")
    r.add_argument("files", nargs="+")
    add("purge", cmd_purge, "remove records covered by receipts, under a fresh key (device)")
    r = add("verify", cmd_verify, "check batches without decrypting them")
    r.add_argument("files", nargs="+")
    r.add_argument("--campaign", help="campaign package to check against (default: the vault's)")
    i = add("import", cmd_import, "import batches (organizer)")
    i.add_argument("files", nargs="*")
    i.add_argument(
        "--approve-device",
        metavar="FINGERPRINT",
        help="trust a device that is not enrolled and import its held batches",
    )
    r = add("receipt", cmd_receipt, "write one signed receipt per imported batch (organizer)")
    r.add_argument("--out", required=True, metavar="DIR")
    r.add_argument("--again", action="store_true", help="also batches that already have one")
    s = add("stats", cmd_stats, "counts of signers (organizer)")
    s.add_argument("--json", action="store_true")
    e = add("export-csv", cmd_export_csv, "unique signers as CSV (organizer)")
    e.add_argument("--out", required=True)
    e.add_argument("--svg-dir", help="also write each drawn signature as an SVG file here")

    sh = add("sheets", lambda a: _help(p, "sheets"), "printable PDF sheets")
    shsub = sh.add_subparsers(dest="sub", metavar="ACTION")
    for name, func, help_ in (
        ("blank", cmd_sheets_blank, "blank numbered paper sheets (device)"),
        ("delivery", cmd_sheets_delivery, "delivery sheets with every unique signer (organizer)"),
        ("report", cmd_sheets_report, "campaign report with charts (organizer)"),
    ):
        x = add(name, func, help_, shsub)
        x.add_argument("--out", required=True, metavar="FILE.pdf")
        x.add_argument("--lang", help="language of the sheets (default: the campaign's first)")
        x.add_argument("--paper", choices=["letter", "a4"], default="letter")
        if name == "blank":
            x.add_argument("--pages", type=int, default=1, metavar="N", help="number of sheets")
            x.add_argument("--rows", type=int, help="rows per sheet (default: fill the page)")
    x = add("unentered", cmd_sheets_unentered, "printed sheets not typed in yet (device)", shsub)
    x.add_argument("--json", action="store_true")

    y = add("sync", cmd_sync, "send batches and fetch receipts (device)")
    y.add_argument("--to", metavar="URL|DIR", help="server or folder (default: the saved one)")
    y.add_argument("--remember", action="store_true", help="make --to the default")
    y.add_argument("--json", action="store_true")
    y = add("pull", cmd_pull, "fetch, import and answer new batches (organizer)")
    y.add_argument("--from", dest="source", required=True, metavar="URL|DIR")
    y.add_argument("--again", action="store_true", help="retry batches rejected before")
    y.add_argument("--json", action="store_true")
    y = add("serve", cmd_serve, "run the collection server (ciphertext only)")
    y.add_argument(
        "--store",
        required=True,
        metavar="DIR|s3://BUCKET/PREFIX",
        help="where batches are kept: a folder, or a bucket shared by several servers "
        "(endpoint and credentials from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ...)",
    )
    y.add_argument("--campaign", required=True, metavar="FILE", help="the campaign package")
    y.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: all)")
    y.add_argument("--port", type=int, default=8765)
    y.add_argument("--tls-cert", metavar="PEM", help="TLS certificate (with --tls-key)")
    y.add_argument("--tls-key", metavar="PEM")
    y.add_argument("--max-upload-mb", type=float, default=64.0, help="largest batch accepted")
    y.add_argument("--rate", type=float, default=10.0, help="requests per second per address")
    y.add_argument("--burst", type=int, default=60, help="requests at once per address")
    y.add_argument(
        "--connections-per-address", type=int, default=64, help="open connections per address"
    )
    y.add_argument(
        "--behind-proxy",
        metavar="ADDR",
        help="address of a reverse proxy whose X-Forwarded-For is trusted (e.g. 127.0.0.1)",
    )
    return p


def _help(parser: argparse.ArgumentParser, name: str) -> None:
    raise UsageError(f"'tomar {name}' needs an action; see 'tomar {name} --help'.")


def _read(path: Path, *, limit: int, what: str) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise TomarError(f"The {what} {path} does not exist.") from None
    except OSError as exc:
        raise TomarError(f"The {what} {path} cannot be read ({exc.strerror}).") from None
    if len(data) > limit:
        raise TomarError(f"The {what} {path} is too large.")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from .selftest import run as self_test

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


if __name__ == "__main__":
    sys.exit(main())
