"""The counts and indexes kept for a million signers (migration 10) stay true: after imports,
voids, regrouping, merges, reviews, district choices, removals, a rebuild and a migration,
the statistics kept by triggers equal a recount over every signer (by state, district and
extra consent too), and full-text search finds what a scan finds. Real vaults filled by
real imports."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tomar.core import keyfile, places, signers_view, vault
from tomar.core.device import Device
from tomar.core.intake import Intake, districts, reports
from tomar.core.intake.reports import stats
from tomar.core.records import SignatureForm
from tomar.core.signers_view import SignerFilter

from . import batchkit as kit
from .batchkit import Org, enroll, export, new_device
from .conftest import PASS, demo_signature
from .placeskit import CENSUS, CONSENTS, STATE_FIELD


def _live(t: str) -> str:
    review = f"coalesce({t}.review, '') != 'distinct'"
    return f"{t}.voided_by IS NULL AND {t}.dup_of IS NULL AND {review}"


def recount(v: vault.Vault) -> dict[str, Any]:
    """What the dashboard showed before migration 10, counted over every signer."""
    conn = v.conn

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    def breakdown(column: str) -> list[tuple[str, int, int]]:
        return [
            (str(k), int(n), int(u))
            for k, n, u in conn.execute(
                f"SELECT {column}, count(*), sum(voided_by IS NULL AND dup_of IS NULL) "  # noqa: S608
                f"FROM signers GROUP BY {column} ORDER BY {column}"
            )
        ]

    zips = districts.table(v)
    by_district: dict[str, list[int]] = {}
    for zip_code, choice, voided, dup in conn.execute(
        "SELECT zip, district, voided_by, dup_of FROM signers WHERE zip IS NOT NULL"
    ):
        key = places.resolve_district(zip_code, choice, zips) if zips else ""
        if key:
            into = by_district.setdefault(key, [0, 0])
            into[0] += 1
            into[1] += voided is None and dup is None
    by_consent: dict[str, list[int]] = {}
    for consents, voided, dup in conn.execute("SELECT consents, voided_by, dup_of FROM signers"):
        for purpose in json.loads(consents) if consents else []:
            into = by_consent.setdefault(purpose, [0, 0])
            into[0] += 1
            into[1] += voided is None and dup is None
    # "keep" takes a signer off the list; its look-alikes stay on it.
    flagged = [
        str(r[0])
        for r in conn.execute(
            f"SELECT s.record_id FROM signers s WHERE {_live('s')} "  # noqa: S608
            "AND coalesce(s.review, '') != 'keep' AND ("
            "EXISTS (SELECT 1 FROM signers t WHERE t.name_city = s.name_city "
            f"AND t.record_id != s.record_id AND {_live('t')}) OR "
            "EXISTS (SELECT 1 FROM signers t WHERE t.translit = s.translit "
            f"AND t.record_id != s.record_id AND {_live('t')})) ORDER BY s.rowid"
        )
    ]
    return {
        "received": one("SELECT count(*) FROM signers"),
        "unique": one("SELECT count(*) FROM signers WHERE voided_by IS NULL AND dup_of IS NULL"),
        "duplicates": one(
            "SELECT count(*) FROM signers WHERE voided_by IS NULL AND dup_of IS NOT NULL"
        ),
        "voided": one("SELECT count(*) FROM signers WHERE voided_by IS NOT NULL"),
        "flagged": len(flagged),
        "to_review": flagged,
        "by_event": breakdown("event_name"),
        "by_day": breakdown("day"),
        "by_device": breakdown("device"),
        "by_country": breakdown("country"),
        "by_state": [b for b in breakdown("state") if b[0]],
        "by_district": sorted((k, n, u) for k, (n, u) in by_district.items()),
        "by_consent": sorted((k, n, u) for k, (n, u) in by_consent.items()),
        "removed": one("SELECT count(*) FROM removals"),
        "hiding": one(
            "SELECT count(*) FROM signers WHERE voided_by IS NULL AND dup_of IS NULL "
            "AND display != 'full'"
        ),
    }


def kept(v: vault.Vault) -> dict[str, Any]:
    """The same, from the kept statistics (devices by public key, as stored)."""
    s = stats(v)
    rows = v.conn.execute(
        "SELECT key, received, uniq FROM signer_tally WHERE dim = 'device' AND received > 0 "
        "ORDER BY key"
    )
    return {
        "received": s["received"],
        "unique": s["unique"],
        "duplicates": s["duplicates"],
        "voided": s["voided"],
        "flagged": s["flagged"],
        "to_review": flagged_ids(v),
        "by_event": [(b["key"], b["received"], b["unique"]) for b in s["by_event"]],
        "by_day": [(b["key"], b["received"], b["unique"]) for b in s["by_day"]],
        "by_device": [(str(k), int(n), int(u)) for k, n, u in rows],
        "by_country": [(b["key"], b["received"], b["unique"]) for b in s["by_country"]],
        "by_state": [(b["key"], b["received"], b["unique"]) for b in s["by_state"]],
        "by_district": [(b["key"], b["received"], b["unique"]) for b in s["by_district"]],
        "by_consent": [(b["key"], b["received"], b["unique"]) for b in s["by_consent"]],
        "removed": s["removed"],
        "hiding": reports.hiding_count(v),
    }


def flagged_ids(v: vault.Vault) -> list[str]:
    ids = signers_view.signer_ids(v, SignerFilter.FLAGGED)
    return [r.record_id for r in signers_view.signer_rows(v, ids)]


def sign(
    d: Device,
    name: str,
    *,
    city: str = "Washington",
    email: str | None = None,
    phone: str | None = None,
    zip_code: str = "10001",
    state: str = "NY",
    consents: tuple[str, ...] = (),
    display: str = "full",
) -> str:
    fields = {"full_name": name, "city": city, "postal_code": zip_code, "state": state}
    if email is not None:
        fields["email"] = email
    if phone is not None:
        fields["phone"] = phone
    form = SignatureForm(
        fields=fields,
        lang="en",
        consent=True,
        signature=demo_signature(),
        consents=frozenset(consents),
        display=display,
    )
    return d.save(form).record_id


def _filled(tmp_path: Path) -> tuple[Org, dict[str, str]]:
    org = kit.new_organizer(tmp_path / "org", spec=kit.SPEC + STATE_FIELD + CONSENTS)
    d = new_device(tmp_path / "d", org.package)
    enroll(d, org)
    ca = "94107"  # a ZIP spanning two districts
    ids = {
        "sara": sign(d, "Sara Example", email="sara@example.org", consents=("contact",)),
        # same email: a duplicate
        "sara2": sign(d, "Sara E.", email="SARA@example.org", consents=("contact", "newsletter")),
        "omid": sign(d, "Omid Tehrani", city="Boston", zip_code=ca, state="CA"),
        "omid2": sign(d, "Omid Tehrani", city="Boston", consents=("newsletter",), display="hidden",
                      zip_code=ca, state="CA"),
        "omid3": sign(d, "Omid Tehrani", city="Boston", phone="+1 202 555 0101",
                      display="initials"),
        "fa": sign(d, "مریم احمدی", city="لس آنجلس", phone="+1 202 555 0199", zip_code="94103",
                   state="CA"),
        "gone": sign(d, "Gone Soon", consents=("contact",)),
    }  # fmt: skip
    d.void(ids["gone"])
    with org.intake() as intake:
        assert intake.import_file(export(d, tmp_path / "out1").path).status == "imported"
        intake.load_districts(CENSUS)
    # A second batch: a void of a signer already imported, and a duplicate by phone.
    d.void(ids["sara"])
    ids["fa2"] = sign(
        d, "Maryam Ahmadi", city="Los Angeles", phone="+1 (202) 555-0199", zip_code="20500",
        state="DC", consents=("contact",),
    )  # fmt: skip
    with org.intake() as intake:
        assert intake.import_file(export(d, tmp_path / "out2").path).status == "imported"
    d.vault.close()
    return org, ids


def test_kept_statistics_follow_imports_voids_merges_and_reviews(tmp_path: Path) -> None:
    org, ids = _filled(tmp_path)
    v = org.vault
    now = kept(v)
    assert now == recount(v)
    # The void of sara made sara2 (same email) the original; gone and sara are voided.
    assert (now["received"], now["voided"], now["duplicates"]) == (8, 2, 1)
    assert sorted(flagged_ids(v)) == sorted([ids["omid"], ids["omid2"], ids["omid3"]])
    # Every tally holds real counts (so the comparisons below can fail).
    assert {k for k, _, _ in now["by_state"]} == {"CA", "DC", "NY"}
    assert {k for k, _, _ in now["by_district"]} == {"CA-11", "DC-AL", "NY-12", "split"}
    assert now["hiding"] == 2
    assert {k: (n, u) for k, n, u in now["by_consent"]} == {
        "contact": (4, 1), "newsletter": (2, 2),
    }  # fmt: skip

    with Intake(v, workers=1) as intake:
        intake.mark_review(ids["omid"], "keep")  # off the list; its look-alikes stay
        assert kept(v) == recount(v)
        assert sorted(flagged_ids(v)) == sorted([ids["omid2"], ids["omid3"]])
        rows = signers_view.signer_rows(v, signers_view.signer_ids(v, search="Tehrani"))
        to_review = {r.record_id for r in rows if r.status is signers_view.SignerStatus.TO_REVIEW}
        assert to_review == {ids["omid2"], ids["omid3"]}
        intake.mark_review(ids["omid2"], "distinct")
        assert kept(v) == recount(v)
        assert flagged_ids(v) == [ids["omid3"]]
        intake.mark_review(ids["omid3"], "merge", ids["omid"])
        after = kept(v)
        assert after == recount(v)
        assert after["flagged"] == 0 and flagged_ids(v) == []
        assert after["duplicates"] == now["duplicates"] + 1
        assert after["unique"] == now["unique"] - 1
        # The organizer's district for a split ZIP moves the signer in the district tally.
        split = dict((k, n) for k, n, _ in after["by_district"])["split"]
        intake.choose_district(ids["omid"], "CA-15")
        chosen = kept(v)
        assert chosen == recount(v)
        assert dict((k, n) for k, n, _ in chosen["by_district"])["split"] == split - 1
        assert ("CA-15", 1, 1) in chosen["by_district"]
    org.close()


def test_removal_keeps_counts_and_search(tmp_path: Path) -> None:
    org, ids = _filled(tmp_path)
    with Intake(org.vault, workers=1) as intake:
        intake.remove_signer(PASS, ids["fa"])  # rebuilds the vault under a new key
    v = org.vault
    now = kept(v)
    assert now == recount(v) and now["removed"] == 1 and now["received"] == 7
    # fa2 (same phone) was fa's duplicate: now the original, and still found by search.
    rows = signers_view.signer_rows(v, signers_view.signer_ids(v, search="Maryam"))
    assert [(r.record_id, r.dup_of) for r in rows] == [(ids["fa2"], None)]
    assert list(signers_view.signer_ids(v, search="احمدی")) == []
    org.close()


def test_search_finds_what_a_scan_finds(tmp_path: Path) -> None:
    org, _ = _filled(tmp_path)
    v = org.vault

    def scan(needle: str) -> list[int]:
        like = "%" + needle + "%"
        return [
            int(r[0])
            for r in v.conn.execute(
                "SELECT rowid FROM signers WHERE name LIKE ? OR fields LIKE ? OR email LIKE ? "
                "OR phone LIKE ? OR event_name LIKE ? ORDER BY rowid",
                [like] * 5,
            )
        ]

    for needle in ("Tehrani", "omid teh", "sara@ex", "احمدی", "لس آنج", "5550199", "0199", "Rally"):
        found = list(signers_view.signer_ids(v, SignerFilter.ALL, needle))
        assert found and found == scan(needle), needle
    assert signers_view.signer_ids(v, SignerFilter.ALL, "nobody-here") == []
    # Filter and search together; a double quote is text, not query syntax.
    unique = signers_view.signer_ids(v, SignerFilter.UNIQUE, "Tehrani")
    assert len(unique) == 3
    assert signers_view.signer_ids(v, SignerFilter.ALL, 'Omid" OR "Sara') == []
    org.close()


def test_every_signer_is_a_range_until_a_row_is_missing(tmp_path: Path) -> None:
    org, _ = _filled(tmp_path)
    v = org.vault
    ids = signers_view.signer_ids(v)
    every = [int(r[0]) for r in v.conn.execute("SELECT rowid FROM signers ORDER BY rowid")]
    assert isinstance(ids, range) and list(ids) == every and len(ids) == 8
    with v.transaction() as conn:  # the delete trigger keeps every count true
        conn.execute("DELETE FROM signers WHERE rowid = ?", (every[3],))
    ids = signers_view.signer_ids(v)
    assert not isinstance(ids, range) and list(ids) == every[:3] + every[4:]
    assert kept(v) == recount(v)
    assert signers_view.signer_ids(v, SignerFilter.ALL, "Tehrani") == [
        i for i in every[:3] + every[4:] if i in set(signers_view.signer_ids(v, search="Tehrani"))
    ]
    org.close()


def test_state_filters_are_read_by_sql_a_slice_at_a_time(tmp_path: Path) -> None:
    """Unique, duplicate and voided signers are no list of every rowid: each slice the
    table asks for is one query, and equals the slice of a full scan."""
    org, _ = _filled(tmp_path)
    v = org.vault
    wheres = {
        SignerFilter.UNIQUE: "voided_by IS NULL AND dup_of IS NULL",
        SignerFilter.DUPLICATES: "voided_by IS NULL AND dup_of IS NOT NULL",
        SignerFilter.VOIDED: "voided_by IS NOT NULL",
    }
    for kind, where in wheres.items():
        scan = [
            int(r[0])
            for r in v.conn.execute(f"SELECT rowid FROM signers WHERE {where} ORDER BY rowid")  # noqa: S608
        ]
        ids = signers_view.signer_ids(v, kind)
        assert isinstance(ids, signers_view.FilteredIds), kind
        assert len(ids) == len(scan) and list(ids) == scan and scan, kind
        n = len(scan)
        for a, b in ((0, 2), (1, n), (n - 2, n + 5), (n, n + 1), (-2, None), (0, None)):
            assert list(ids[a:b]) == scan[a:b], (kind, a, b)
        assert ids[-1] == scan[-1] and ids[0] == scan[0]
        with pytest.raises(IndexError):
            ids[n]
    # The table's pages come from the same slices.
    unique = signers_view.signer_ids(v, SignerFilter.UNIQUE)
    rows = signers_view.signer_rows(v, unique[1:4])
    assert [r.rowid for r in rows] == list(unique)[1:4] and all(r.record_id for r in rows)
    org.close()


def test_rebuild_keeps_counts_and_search(tmp_path: Path) -> None:
    org, _ = _filled(tmp_path)
    before = kept(org.vault)
    found = list(signers_view.signer_ids(org.vault, search="Tehrani"))
    org.vault.rebuild(PASS, {})
    assert kept(org.vault) == before == recount(org.vault)
    assert list(signers_view.signer_ids(org.vault, search="Tehrani")) == found
    org.close()


def test_migration_fills_counts_and_search_from_existing_signers(tmp_path: Path) -> None:
    org, _ = _filled(tmp_path)
    want = kept(org.vault)
    found = list(signers_view.signer_ids(org.vault, search="احمدی"))
    org.close()
    # The same vault as version 9 left it: no kept counts, no index, no full-text table.
    raw = vault._connect(vault.db_path(org.home), keyfile.unwrap(vault.key_path(org.home), PASS))
    for (trigger,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        raw.execute(f"DROP TRIGGER {trigger}")
    for name in ("signers_fts", "match_groups", "signer_tally", "review_queue"):
        raw.execute(f"DROP TABLE {name}")
    raw.execute("DROP INDEX signers_state")
    raw.execute("DROP INDEX signers_reviewed")
    raw.execute("PRAGMA user_version = 9")
    raw.commit()
    raw.close()
    with vault.Vault.open(org.home, PASS) as v:
        assert kept(v) == want == recount(v)
        assert list(signers_view.signer_ids(v, search="احمدی")) == found
        assert len(found) == 1
    assert os.path.exists(vault.db_path(org.home))


def _queue(v: vault.Vault) -> list[str]:
    return [str(r[0]) for r in v.conn.execute(
        "SELECT s.record_id FROM review_queue q JOIN signers s ON s.rowid = q.rowid "
        "ORDER BY q.rowid"
    )]  # fmt: skip


def test_review_queue_follows_any_change_to_any_signer(tmp_path: Path) -> None:
    """The kept review queue (migration 11) equals a recount after each of 300 random
    changes the triggers see: voids and their undoing, duplicates marked and unmarked,
    decisions, new names and cities, deletions; groups grow past two and fall to one."""
    import random

    org, _ = _filled(tmp_path)
    v = org.vault
    rng = random.Random(20)
    keys = [tuple(r) for r in v.conn.execute("SELECT DISTINCT name_city, translit FROM signers")]
    assert _queue(v) == recount(v)["to_review"] != []
    seen = {"crossed": 0}
    for step in range(300):
        rows = [(int(r), str(i)) for r, i in v.conn.execute("SELECT rowid, record_id FROM signers")]
        if len(rows) < 4:
            break
        rowid, _ = rng.choice(rows)
        before = len(_queue(v))
        with v.transaction() as conn:
            match rng.randrange(6):
                case 0:
                    value = rng.choice([None, "x" * 32])
                    conn.execute("UPDATE signers SET voided_by = ? WHERE rowid = ?", (value, rowid))
                case 1:
                    value = rng.choice([None, rng.choice(rows)[1]])
                    conn.execute("UPDATE signers SET dup_of = ? WHERE rowid = ?", (value, rowid))
                case 2:
                    value = rng.choice([None, "keep", "distinct"])
                    conn.execute("UPDATE signers SET review = ? WHERE rowid = ?", (value, rowid))
                case 3 | 4:  # into a group: more signers share names than the filled vault
                    name_city, translit = rng.choice(keys)
                    conn.execute(
                        "UPDATE signers SET name_city = ?, translit = ? WHERE rowid = ?",
                        (name_city, translit, rowid),
                    )
                case 5 if step % 7 == 0:
                    conn.execute("DELETE FROM signers WHERE rowid = ?", (rowid,))
        assert _queue(v) == recount(v)["to_review"], step
        seen["crossed"] += (before == 0) != (len(_queue(v)) == 0)
    assert seen["crossed"] >= 2  # the list emptied and filled again along the way
    org.close()


def test_review_queue_slices_and_migration_from_version_10(tmp_path: Path) -> None:
    org, ids = _filled(tmp_path)
    v = org.vault
    with Intake(v, workers=1) as intake:
        intake.mark_review(ids["omid"], "keep")
    want = recount(v)["to_review"]
    queue = signers_view.signer_ids(v, SignerFilter.FLAGGED)
    assert isinstance(queue, signers_view.FilteredIds) and len(queue) == 2
    assert [r.record_id for r in signers_view.signer_rows(v, queue[-1:])] == want[-1:]
    assert [r.record_id for r in signers_view.signer_rows(v, queue[0:5])] == want
    reviewed = signers_view.signer_ids(v, SignerFilter.REVIEWED)
    assert isinstance(reviewed, signers_view.FilteredIds) and len(reviewed) == 1
    assert [r.record_id for r in signers_view.signer_rows(v, reviewed)] == [ids["omid"]]
    org.close()
    # The same vault as version 10 left it: no queue, the triggers of migration 10.
    from tomar.core.migrations import MIGRATIONS, statements

    raw = vault._connect(vault.db_path(org.home), keyfile.unwrap(vault.key_path(org.home), PASS))
    raw.execute("DROP TABLE review_queue")
    raw.execute("DROP INDEX signers_reviewed")
    for sql in statements(MIGRATIONS[9]):
        if "CREATE TRIGGER signers_match_" in sql:
            raw.execute(sql.split("CREATE TRIGGER ")[1].split()[0].join(["DROP TRIGGER ", ""]))
            raw.execute(sql)
    raw.execute("PRAGMA user_version = 10")
    raw.commit()
    raw.close()
    with vault.Vault.open(org.home, PASS) as v2:
        assert _queue(v2) == want == recount(v2)["to_review"]
        with Intake(v2, workers=1) as intake:  # and kept from then on
            intake.mark_review(ids["omid2"], "distinct")
        assert _queue(v2) == recount(v2)["to_review"] == [ids["omid3"]]
