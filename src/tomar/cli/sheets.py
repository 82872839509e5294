"""`tomar sheets ...`: printable PDFs (blank paper sheets, delivery sheets, the report)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .command import Commands, arg
from .common import open_vault, print_json

if TYPE_CHECKING:
    from ..core.sheets.rows import Undrawable

commands = Commands()
MAX_ROWS_LISTED = 20

commands.group("sheets", "printable PDF sheets")

# Every PDF command takes these, in this order.
PDF = (
    arg("--out", required=True, metavar="FILE.pdf"),
    arg("--lang", help="language of the sheets (default: the campaign's first)"),
    arg("--paper", choices=["letter", "a4"], default="letter"),
)


@commands.command(
    "sheets blank",
    "blank numbered paper sheets (device)",
    *PDF,
    arg("--pages", type=int, default=1, metavar="N", help="number of sheets"),
    arg("--rows", type=int, help="rows per sheet (default: fill the page)"),
)
def cmd_sheets_blank(args: argparse.Namespace) -> None:
    from ..core.sheets import blank

    with open_vault(args) as v:
        made = blank.write_blank(
            v, Path(args.out), sheets=args.pages, lang=args.lang, paper=args.paper, rows=args.rows
        )
    print(f"{len(made)} blank sheets ({made[0].rows} rows each) written to {args.out}")
    print(f"Serials {made[0].serial} to {made[-1].serial}")


@commands.command(
    "sheets delivery",
    "delivery sheets with every unique signer (organizer)",
    *PDF,
    arg(
        "--split",
        choices=["state", "district"],
        help="one packet per office into the folder --out (senators by state, "
        "representatives by district)",
    ),
    arg(
        "--aggregate",
        action="store_true",
        help="counts by state and district only, no names, into the folder --out",
    ),
)
def cmd_sheets_delivery(args: argparse.Namespace) -> None:
    from ..core.sheets import delivery, packets

    if args.aggregate:
        with open_vault(args) as v:
            counts = packets.write_aggregate(v, Path(args.out), lang=args.lang, paper=args.paper)
        print(f"Counts of {counts.total} unique signers (no names) written to {args.out}")
        return
    if args.split:
        with open_vault(args) as v:
            made = packets.write_packets(
                v, Path(args.out), packets.Split(args.split), lang=args.lang, paper=args.paper
            )
        for p in made.packets:
            print(f"{p.file}: {p.signers} signers  {p.sha256}")
        for p in made.packets:
            _warn_undrawable(p.undrawable, where=f"In {p.file}, ")
        for key, n in made.left_out.items():
            print(f"In no packet ({key}): {n}")
        print(f"{len(made.packets)} packets, summary.pdf and packets.csv written to {args.out}")
        print("They hold names and signatures: keep them safe and delete them after delivery.")
        return
    with open_vault(args) as v:
        _warn_undrawable(delivery.undrawable_rows(v, lang=args.lang))
        n = delivery.write_delivery(v, Path(args.out), lang=args.lang, paper=args.paper)
    print(f"Delivery sheets with {n} unique signers written to {args.out}")
    print("They hold names and signatures: keep the file safe and delete it after printing.")


def _warn_undrawable(rows: Sequence[Undrawable], where: str = "") -> None:
    """Row numbers and columns only: never the letters or the names themselves."""
    if not rows:
        return
    shown = ", ".join(f"{r.row} ({'/'.join(r.columns)})" for r in rows[:MAX_ROWS_LISTED])
    more = f" and {len(rows) - MAX_ROWS_LISTED} more" if len(rows) > MAX_ROWS_LISTED else ""
    print(
        f"Warning: {where}{len(rows)} rows have letters that no font on this computer can draw; "
        f"they will print as empty boxes. Rows: {shown}{more}. Installing a font for that "
        "script (for example Noto Sans CJK) and printing again fixes it.",
        file=sys.stderr,
    )


@commands.command("sheets report", "campaign report with charts (organizer)", *PDF)
def cmd_sheets_report(args: argparse.Namespace) -> None:
    from ..core.sheets import report

    with open_vault(args) as v:
        stats = report.write_report(v, Path(args.out), lang=args.lang, paper=args.paper)
    print(f"Campaign report ({stats['unique']} unique signers) written to {args.out}")


@commands.command(
    "sheets unentered",
    "printed sheets not typed in yet (device)",
    arg("--json", action="store_true"),
)
def cmd_sheets_unentered(args: argparse.Namespace) -> None:
    from ..core.sheets import blank

    with open_vault(args) as v:
        left = blank.unentered(v)
    if args.json:
        print_json([{"serial": s.serial, "created_at": s.created_at, "rows": s.rows} for s in left])
        return
    for s in left:
        print(f"{s.serial}  printed {s.created_at[:10]}  {s.rows} rows")
    print(f"{len(left)} printed sheets have no row typed in yet.")
