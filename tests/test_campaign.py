"""Campaign specs and packages: signed, verified, bounded, and tied to one organizer."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tomar.core import campaign, organizer, vault
from tomar.core.device import Device, init_vault
from tomar.core.errors import BackupRequired, CampaignError, FormatError
from tomar.core.identity import OrganizerIdentity
from tomar.core.sheets.shares import write_shares
from tomar.resources import resource_path

from .conftest import PASS, make_organizer

Org = tuple[vault.Vault, OrganizerIdentity, bytes]


def rezip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def members(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_package_round_trip(org: Org) -> None:
    c = campaign.read_package(org[2])
    assert c.languages == ["en", "fa", "ar"]
    assert c.organizer_fingerprint == org[1].fingerprint
    assert [f.name for f in c.fields][:2] == ["full_name", "email"]
    assert c.fields[0].label_for("fa") == "نام و نام خانوادگی"
    assert c.signature_required
    assert c.is_demo
    assert len(c.organizer_fingerprint.split()) == 6


def test_bundled_demo_package_verifies_and_is_marked_demo() -> None:
    c = campaign.read_package(resource_path("demo", "demo.tomar-campaign").read_bytes())
    assert c.is_demo
    assert "DEMO" in c.doc["organizer"]["name"]
    ident = resource_path("demo", "demo-organizer.identity.txt").read_text()
    assert OrganizerIdentity.from_identity_file(ident).fingerprint == c.organizer_fingerprint


@pytest.mark.parametrize("flip", [10, 200, -30])
def test_tampered_package_is_refused(org: Org, flip: int) -> None:
    m = members(org[2])
    body = bytearray(m["campaign.json"])
    body[flip] ^= 0x01
    m["campaign.json"] = bytes(body)
    with pytest.raises(FormatError):
        campaign.read_package(rezip(m))


@pytest.mark.parametrize(
    "bad",
    [
        {"campaign.json": b"{}"},
        {"../campaign.json": b"x", "campaign.json.minisig": b"x"},
        {"campaign.json": b"x", "campaign.json.minisig": b"x", "extra": b"x"},
    ],
)
def test_malformed_packages(bad: dict[str, bytes]) -> None:
    with pytest.raises(FormatError):
        campaign.read_package(rezip(bad))


def test_truncated_and_garbage_packages(org: Org) -> None:
    for data in (org[2][: len(org[2]) // 2], b"", b"PK\x03\x04garbage", org[2] + b"x" * 10):
        try:
            campaign.read_package(data)
        except FormatError:
            continue
        # Appended bytes after a ZIP may still parse; then it must be the same campaign.
        assert campaign.read_package(data).doc == campaign.read_package(org[2]).doc


def test_zip_bomb_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("campaign.json", b"\x00" * 900_000)
        zf.writestr("campaign.json.minisig", b"x")
    with pytest.raises(FormatError, match="compressed"):
        campaign.read_package(buf.getvalue())


def test_package_signed_by_someone_else_is_refused(
    tmp_path: Path, org: Org, spec_text: str
) -> None:
    spec = 'id = "same-id"\n' + spec_text.split("\n", 3)[3]
    _, _, genuine = make_organizer(tmp_path / "o1", spec)
    other_vault, _, forged = make_organizer(tmp_path / "o2", spec)
    other_vault.close()
    with init_vault(tmp_path / "d", PASS) as v:
        d = Device(v)
        d.import_campaign(genuine)
        with pytest.raises(CampaignError, match="signed by someone else"):
            d.import_campaign(forged)
        assert d.require_campaign().organizer_fpr == campaign.read_package(genuine).organizer_fpr


def test_expected_fingerprint_is_checked(tmp_path: Path, org: Org) -> None:
    with init_vault(tmp_path / "d", PASS) as v:
        d = Device(v)
        with pytest.raises(CampaignError, match="not the one you expected"):
            d.import_campaign(org[2], expect_fingerprint="12345 12345 12345 12345 12345 12345")
        # Persian digits read aloud and typed on a Persian keyboard still match.
        persian = org[1].fingerprint.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        d.import_campaign(org[2], expect_fingerprint=persian)


def test_export_refused_until_backup_and_shares(tmp_path: Path, spec_text: str) -> None:
    with init_vault(tmp_path / "o", PASS) as v:
        organizer.init(v, "Org", "x25519")
        assert organizer.key_safety(v) == organizer.KeySafety(backed_up=False, shares=None)
        # Printed shares alone are not enough: the backup file comes first.
        write_shares(v, tmp_path / "s.pdf", threshold=2, shares=3)
        assert organizer.key_safety(v) == organizer.KeySafety(backed_up=False, shares="2/3")
        with pytest.raises(BackupRequired, match="Back up"):
            organizer.create_campaign(v, spec_text)
        with pytest.raises(BackupRequired, match="Back up"):
            organizer.create_campaign(v, spec_text, without_shares=True)
        assert v.conn.execute("SELECT COUNT(*) FROM campaign").fetchone()[0] == 0
        organizer.backup(v, tmp_path / "b.age", "long enough passphrase")
        assert organizer.key_safety(v).ready
        organizer.create_campaign(v, spec_text)


def test_backup_file_alone_needs_an_explicit_choice(tmp_path: Path, spec_text: str) -> None:
    with init_vault(tmp_path / "o", PASS) as v:
        organizer.init(v, "Org", "x25519")
        organizer.backup(v, tmp_path / "b.age", "long enough passphrase")
        assert not organizer.key_safety(v).ready
        with pytest.raises(BackupRequired, match="recovery shares"):
            organizer.create_campaign(v, spec_text)
        assert v.conn.execute("SELECT COUNT(*) FROM campaign").fetchone()[0] == 0
        _, package = organizer.create_campaign(v, spec_text, without_shares=True)
        assert campaign.read_package(package).id


def test_shares_recorded_by_an_older_wizard_still_count(tmp_path: Path, spec_text: str) -> None:
    with init_vault(tmp_path / "o", PASS) as v:
        organizer.init(v, "Org", "x25519")
        organizer.backup(v, tmp_path / "b.age", "long enough passphrase")
        with v.transaction() as conn:
            v.set_meta(conn, organizer.LEGACY_META_SHARES, b"3/5")
        assert organizer.key_safety(v) == organizer.KeySafety(backed_up=True, shares="3/5")
        organizer.create_campaign(v, spec_text)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace('fa = "نمونه: آزادی زندانیان سیاسی ایران"', ""), "title"),
        (lambda s: s.replace('kind = "city"', 'kind = "shoe"'), "unknown kind"),
        (lambda s: s.replace('kind = "name"', 'kind = "text"'), "kind 'name'"),
        (lambda s: s.replace('signature = "required"', 'signature = "maybe"'), "signature"),
        (lambda s: s.replace('name = "city"', 'name = "email"'), "unique"),
        (lambda s: s + "\n[[[broken", "TOML"),
    ],
)
def test_invalid_specs(tmp_path: Path, spec_text: str, edit: object, message: str) -> None:
    with init_vault(tmp_path / "o", PASS) as v:
        organizer.init(v, "Org", "x25519")
        organizer.backup(v, tmp_path / "b.age", "long enough passphrase")
        with pytest.raises(CampaignError, match=message):
            organizer.create_campaign(v, edit(spec_text), without_shares=True)  # type: ignore[operator]


# --- issue 14, case 5: a package's revision only grows ------------------------------------


def _legacy_package(ident: OrganizerIdentity, spec: str) -> bytes:
    """A package as Tomar wrote them before revisions existed (no `revision` key)."""
    doc = campaign.doc_from_spec(spec, ident)
    del doc["revision"]
    return campaign.build_package(doc, ident)


def test_an_older_package_is_refused_and_a_newer_one_accepted(
    tmp_path: Path, org: Org, spec_text: str
) -> None:
    ov, ident, first = org
    moved = 'sync_url = "https://new.example.org"\n' + spec_text
    _, second = organizer.create_campaign(
        ov, moved, without_shares=True
    )  # same campaign, new server
    assert (campaign.read_package(first).revision, campaign.read_package(second).revision) == (
        1,
        2,
    )
    with init_vault(tmp_path / "d", PASS) as v:
        d = Device(v)
        d.import_campaign(first)
        d.import_campaign(first)  # the same package again changes nothing
        d.import_campaign(second)
        assert d.require_campaign().sync_url == "https://new.example.org"
        with pytest.raises(CampaignError, match=r"older \(revision 1\).*revision 2"):
            d.import_campaign(first)
        assert d.require_campaign().sync_url == "https://new.example.org"
        # A package without a revision (made before they existed) is revision 0: older.
        with pytest.raises(CampaignError, match="older"):
            d.import_campaign(_legacy_package(ident, spec_text))
        # Another package with the same revision is not newer either.
        same = campaign.doc_from_spec('sync_url = "https://old.example.org"\n' + spec_text, ident)
        same["revision"] = 2
        with pytest.raises(CampaignError, match="older"):
            d.import_campaign(campaign.build_package(same, ident))
        assert d.require_campaign().sync_url == "https://new.example.org"


def test_packages_without_a_revision_still_import(tmp_path: Path, org: Org, spec_text: str) -> None:
    ident = org[1]
    legacy = _legacy_package(ident, spec_text)
    assert campaign.read_package(legacy).revision == 0
    with init_vault(tmp_path / "d", PASS) as v:
        d = Device(v)
        d.import_campaign(legacy)
        d.import_campaign(_legacy_package(ident, spec_text))  # no order among old packages
        d.import_campaign(org[2])  # revision 1 supersedes them
        assert d.require_campaign().revision == 1


def test_revision_in_the_spec_must_be_a_positive_number(tmp_path: Path, org: Org) -> None:
    ov, ident, _ = org
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    for bad in ("0", "-1", "true", '"2"', "2147483648"):
        with pytest.raises(CampaignError, match="'revision'"):
            campaign.doc_from_spec(f"revision = {bad}\n" + spec, ident)
    # An explicit revision (a restored organizer vault that lost count) is used as given.
    _, package = organizer.create_campaign(ov, "revision = 7\n" + spec, without_shares=True)
    assert campaign.read_package(package).revision == 7


def test_a_signed_but_malformed_package_is_refused(org: Org, spec_text: str) -> None:
    """Found by fuzz/ (target campaign): a package the organizer key signed without the
    organizer's name was accepted, and showing it raised KeyError."""
    ident = org[1]
    doc = campaign.doc_from_spec(spec_text, ident)
    for key, value in (("name", None), ("recipient", 5)):
        broken = {**doc, "organizer": {**doc["organizer"], key: value}}
        if value is None:
            del broken["organizer"][key]
        with pytest.raises((CampaignError, FormatError), match="damaged"):
            campaign.read_package(campaign.build_package(broken, ident))
    with pytest.raises(CampaignError, match="'id'"):
        campaign.read_package(campaign.build_package({**doc, "id": "a b"}, ident))


# --- issue 17: the campaign can set the signer's display default --------------------------


@pytest.mark.parametrize("value", ["ask", "hidden", "initials", "full"])
def test_display_default_is_carried_in_the_signed_package(
    org: Org, spec_text: str, value: str
) -> None:
    ident = org[1]
    doc = campaign.doc_from_spec(f'display_default = "{value}"\n' + spec_text, ident)
    package = campaign.build_package(doc, ident)
    assert b'"display_default":"' + value.encode() + b'"' in members(package)["campaign.json"]
    c = campaign.read_package(package)
    assert c.display_default == (None if value == "ask" else value)
    assert c.summary()["display_default"] == value  # what `tomar campaign show --json` prints


@pytest.mark.parametrize("bad", ['"Initials"', '"name"', '""', "true", "1", '["full"]'])
def test_a_wrong_display_default_is_refused(org: Org, spec_text: str, bad: str) -> None:
    ident = org[1]
    with pytest.raises(CampaignError, match="'display_default' must be"):
        campaign.doc_from_spec(f"display_default = {bad}\n" + spec_text, ident)
    # A package the organizer key signed with a wrong value is refused as well.
    doc = campaign.doc_from_spec(spec_text, ident)
    with pytest.raises(CampaignError, match="'display_default' must be"):
        campaign.read_package(campaign.build_package({**doc, "display_default": "public"}, ident))


def test_packages_without_a_display_default_ask(org: Org, spec_text: str) -> None:
    """Old packages (and specs that say nothing) keep their exact shape and mean "ask"."""
    ident = org[1]
    doc = campaign.doc_from_spec(spec_text, ident)
    assert "display_default" not in doc
    assert campaign.read_package(org[2]).display_default is None
    assert b"display_default" not in members(org[2])["campaign.json"]
