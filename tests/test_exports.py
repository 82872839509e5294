"""The organizer's CSV exports: what each says it holds, display choices, formula guard."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core.intake import ImportStatus, outputs
from tomar.core.vault import Vault

from . import batchkit as kit
from .conftest import PASS

pool = kit.pool


@pytest.fixture
def org(pool: kit.Pool, tmp_path: Path) -> Iterator[kit.Org]:
    """A's first batch and one more of A with a hidden, an initials and a formula signer."""
    o = pool.fresh(tmp_path / "organizer")
    a, camp = pool.identities["A"], pool.campaign
    items = []
    for seq, (name, display, email) in enumerate(
        [
            ("Hidden Secretperson", "hidden", "hidden@example.org"),
            ("Ina Initialsperson", "initials", "ina@example.org"),
            ("\uff1d4+4", "full", None),
        ],
        start=5,
    ):
        rec = kit.signature_record(a, camp, seq, name, email=email)
        rec["display"] = display
        items.append((rec["id"], seq, kit.seal(a, camp, rec)))
    more = kit.forge_batch(a, camp, 2, kit.link(pool.batches["A1"]), items)
    with o.intake() as intake:
        assert intake.import_bytes(pool.batches["A1"], name="A1").status == "imported"
        assert intake.import_bytes(more, name="more").status == ImportStatus.IMPORTED
    yield o
    o.close()


def _rows(path: Path, skip: int = 0) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        for _ in range(skip):
            next(reader)
        head = next(reader)
        return [dict(zip(head, row, strict=True)) for row in reader]


def test_full_export_says_what_it_holds(org: kit.Org, tmp_path: Path) -> None:
    out = tmp_path / "full.csv"
    with org.intake() as intake:
        assert intake.export_csv(out, tmp_path / "svg") == 6
    with out.open(encoding="utf-8-sig", newline="") as f:
        [first] = next(csv.reader(f))
    assert first.startswith("CONFIDENTIAL: the organizer's full export.")
    assert "2 of them asked to be shown by initials only or not at all" in first
    rows = _rows(out, skip=1)
    assert {r["full_name"] for r in rows} >= {"Hidden Secretperson", "Ina Initialsperson"}
    assert len(list((tmp_path / "svg").iterdir())) == 6


def test_public_export_honours_every_display_choice(org: kit.Org, tmp_path: Path) -> None:
    out, svg = tmp_path / "public.csv", tmp_path / "svg"
    with org.intake() as intake:
        assert intake.export_csv(out, svg, public=True) == 6
        hidden_id = org.vault.conn.execute(
            "SELECT record_id FROM signers WHERE display = 'hidden'"
        ).fetchone()[0]
    body = out.read_text("utf-8-sig")
    assert "Secretperson" not in body and "Initialsperson" not in body
    assert "@" not in body and "555" not in body  # no email, no phone
    rows = _rows(out)
    assert list(rows[0]) == ["name", "city", "country", "date"]
    names = sorted(r["name"] for r in rows)
    assert names == sorted(
        [
            "Sara Example",
            "Ali Karimi",
            "Mohammad Rezaei",
            outputs.NAME_WITHHELD,
            "I. I.",
            "'\uff1d4+4",
        ]
    )
    drawn = {p.stem for p in svg.iterdir()}
    assert len(drawn) == 5 and hidden_id not in drawn


def test_cli_warns_on_the_full_export(org: kit.Org, tmp_path: Path) -> None:
    org.vault.close()
    full = kit.tomar(org.home, "export-csv", "--out", str(tmp_path / "f.csv")).ok()
    assert "Warning: this is the full export" in full.err
    public = kit.tomar(org.home, "export-csv", "--public", "--out", str(tmp_path / "p.csv")).ok()
    assert "Warning" not in public.err and "as each chose to be shown" in public.out
    org.vault = Vault.open(org.home, PASS)


@pytest.mark.parametrize(
    "value",
    [
        "=1+1",
        "\n=1+1",
        " =2+2",
        "\u202e=3+3",
        "\uff1d4+4",
        "\uff0b5",
        "\uff0d6",
        "\uff20SUM(A1)",
        "\ufe66 7",
        "\u200b\u3000+8",
        "\t-9",
        "\r@x",
        "\u22121",
    ],
)
def test_formula_guard_looks_past_what_spreadsheets_skip(value: str) -> None:
    assert outputs._cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Sara", "a=1", "x+y", "", "\u0633\u0627\u0631\u0627", "1-2"])
def test_formula_guard_leaves_plain_text(value: str) -> None:
    assert outputs._cell(value) == value
