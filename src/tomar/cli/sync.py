"""Sync: the device sends batches, the organizer pulls them, the collection server serves."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.device import Device
from ..core.errors import E, TomarError
from ..core.intake import Intake
from .command import Commands, arg
from .common import open_vault, print_json

commands = Commands()


def _sync_progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{stage}: {done}/{total}   ", end="" if done < total else "\n", file=sys.stderr)


@commands.command(
    "sync",
    "send batches and fetch receipts (device)",
    arg("--to", metavar="URL|DIR", help="server or folder (default: the saved one)"),
    arg("--remember", action="store_true", help="make --to the default"),
    arg("--json", action="store_true"),
)
def cmd_sync(args: argparse.Namespace) -> None:
    from ..sync import client

    with open_vault(args) as v:
        device = Device(v)
        result = client.sync_device(device, args.to, progress=_sync_progress)
        if args.remember and args.to:
            client.remember_target(device, str(args.to))
    if args.json:
        print_json(client.describe(result))
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
        raise TomarError(E.CLI_SYNC_UNFINISHED)


@commands.command(
    "pull",
    "fetch, import and answer new batches (organizer)",
    arg("--from", dest="source", required=True, metavar="URL|DIR"),
    arg("--again", action="store_true", help="retry batches rejected before"),
    arg("--json", action="store_true"),
)
def cmd_pull(args: argparse.Namespace) -> None:
    from ..sync import client

    with open_vault(args) as v, Intake(v) as intake:
        result = client.pull(intake, args.source, progress=_sync_progress, again=args.again)
    if args.json:
        print_json(client.describe(result))
    else:
        print(f"Pull from {result.source}: {result.downloaded} new batches")
        for r in result.imports:
            who = f" [device {r.device}, batch {r.number}]" if r.device else ""
            print(f"  {r.name}: {r.status}{who}: {r.message}")
        print(f"  {result.receipts_sent} receipts sent")
        for problem in result.errors:
            print(f"  Problem: {problem}")
    if not result.ok:
        raise TomarError(E.CLI_PULL_UNFINISHED)


@commands.command(
    "serve",
    "run the collection server (ciphertext only)",
    arg(
        "--store",
        required=True,
        metavar="DIR|s3://BUCKET/PREFIX",
        help="where batches are kept: a folder, or a bucket shared by several servers "
        "(endpoint and credentials from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ...)",
    ),
    arg("--campaign", required=True, metavar="FILE", help="the campaign package"),
    arg("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: all)"),
    arg("--port", type=int, default=8765),
    arg("--tls-cert", metavar="PEM", help="TLS certificate (with --tls-key)"),
    arg("--tls-key", metavar="PEM"),
    arg("--max-upload-mb", type=float, default=64.0, help="largest batch accepted"),
    arg("--rate", type=float, default=10.0, help="keyless requests per second per address"),
    arg("--burst", type=int, default=60, help="requests at once per address"),
    arg("--connections-per-address", type=int, default=64, help="open connections per address"),
    arg(
        "--behind-proxy",
        metavar="ADDR",
        help="address of a reverse proxy whose X-Forwarded-For is trusted (e.g. 127.0.0.1)",
    ),
)
def cmd_serve(args: argparse.Namespace) -> None:
    from ..server.app import ServerConfig, serve
    from ..server.limits import ConnectionLimits

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
