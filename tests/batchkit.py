"""Shared helpers for the signed-batch tests: organizers, devices, forged batches, digests.

Everything here drives the real parts (SQLCipher vaults, batch files, age, minisign). The
forging helpers use the batch module's own `build_manifest` and `write_batch` with a
device's real key, so a forged batch differs from a genuine one only where a test says.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tomar.core import batch, organizer, records, vault
from tomar.core.campaign import Campaign, build_package, doc_from_spec, read_package
from tomar.core.device import Device, init_vault
from tomar.core.identity import DeviceIdentity, OrganizerIdentity
from tomar.core.intake import Intake
from tomar.core.records import SignatureForm
from tomar.resources import resource_path

from .conftest import BACKUP_PASS, PASS, demo_signature

SPEC = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
REPO = Path(__file__).resolve().parents[1]


# --- organizers and devices ---------------------------------------------------------


@dataclass
class Org:
    home: Path
    vault: vault.Vault
    ident: OrganizerIdentity
    package: bytes

    @property
    def campaign(self) -> Campaign:
        return read_package(self.package)

    def intake(self) -> Intake:
        return Intake(self.vault, workers=1)

    def close(self) -> None:
        self.vault.close()


def spec_with_id(campaign_id: str) -> str:
    old = 'id = "demo-free-political-prisoners"'
    assert old in SPEC
    return SPEC.replace(old, f'id = "{campaign_id}"')


def new_organizer(
    home: Path, kind: str = "x25519", campaign_id: str | None = None, *, spec: str | None = None
) -> Org:
    """A real organizer vault with keys, a backup and a signed campaign (the demo's, or
    `spec`)."""
    v = init_vault(home, PASS)
    ident = organizer.init(v, "Test Organizer", kind)
    organizer.backup(v, home.parent / f"{home.name}-backup.age", BACKUP_PASS)
    if spec is None:
        spec = SPEC if campaign_id is None else spec_with_id(campaign_id)
    _, package = organizer.create_campaign(v, spec, without_shares=True)
    return Org(home, v, ident, package)


def copy_organizer(template: Org, home: Path) -> Org:
    """A fresh copy of an organizer's vault folder (the template must have no open write)."""
    shutil.copytree(template.home, home)
    return Org(home, vault.Vault.open(home, PASS), template.ident, template.package)


def new_device(home: Path, package: bytes, event: str = "Rally", place: str = "DC") -> Device:
    d = Device(init_vault(home, PASS))
    d.import_campaign(package)
    d.start_event(event, place)
    return d


def enroll(device: Device, org: Org, label: str = "Tablet") -> bytes:
    with org.intake() as intake:
        cert, fpr = intake.enroll(device.enrollment_request(label))
    assert fpr == device.identity.fingerprint
    device.accept_certificate(cert)
    return cert


def sign(
    device: Device,
    name: str,
    *,
    city: str = "Washington",
    email: str | None = None,
    phone: str | None = None,
    lang: str = "en",
) -> str:
    fields = {"full_name": name, "city": city}
    if email is not None:
        fields["email"] = email
    if phone is not None:
        fields["phone"] = phone
    form = SignatureForm(fields=fields, lang=lang, consent=True, signature=demo_signature())
    return device.save(form).record_id


def export(device: Device, out: Path) -> batch.Exported:
    out.mkdir(parents=True, exist_ok=True)
    return batch.export(device, out)


def sealed_of(device: Device) -> dict[str, bytes]:
    rows = device.vault.conn.execute("SELECT record_id, sealed FROM records").fetchall()
    return {str(r[0]): bytes(r[1]) for r in rows}


# --- vault contents -------------------------------------------------------------------


def dump(v: vault.Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in a deterministic order (sorted by their full content)."""
    tables = [
        str(r[0])
        for r in v.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in tables:
        rows = v.conn.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608
        out[table] = sorted((tuple(row) for row in rows), key=repr)
    return out


def digest(v: vault.Vault) -> str:
    """SHA-256 over `dump`: equal digests mean byte-for-byte equal vault contents."""
    h = hashlib.sha256()
    for table, rows in dump(v).items():
        h.update(table.encode() + b"\x00")
        for row in rows:
            h.update(repr(row).encode() + b"\n")
    return h.hexdigest()


COUNTS = ("received", "unique", "duplicates", "flagged", "voided", "held", "held_batches")


def counts(intake: Intake) -> dict[str, int]:
    stats: Mapping[str, Any] = intake.stats()
    return {k: int(stats[k]) for k in (*COUNTS, "batches")}


# --- batch files ------------------------------------------------------------------------


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def link(data: bytes) -> str:
    """What the next batch names as `prev`: the SHA-256 of this batch's signed manifest."""
    return sha(dict(members(data))[batch.MANIFEST])


def members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def member_spans(data: bytes) -> dict[str, tuple[int, int]]:
    """Where each member's stored (possibly compressed) bytes lie in a ZIP file."""
    spans = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            off = info.header_offset
            name_len = int.from_bytes(data[off + 26 : off + 28], "little")
            extra_len = int.from_bytes(data[off + 28 : off + 30], "little")
            start = off + 30 + name_len + extra_len
            spans[info.filename] = (start, start + info.compress_size)
    return spans


def manifest_of(data: bytes) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(dict(members(data))[batch.MANIFEST])
    return doc


def rezip(items: Iterable[tuple[str, bytes]]) -> bytes:
    """Members written the way the exporter writes them (fixed times, manifest deflated)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in items:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = (
                zipfile.ZIP_DEFLATED if name == batch.MANIFEST else zipfile.ZIP_STORED
            )
            info.external_attr = 0o644 << 16
            zf.writestr(info, body)
    return buf.getvalue()


def forge_batch(
    identity: DeviceIdentity,
    campaign: Campaign,
    number: int,
    prev: str | None,
    sealed: Sequence[tuple[str, int, bytes]],
    certificate: bytes | None = None,
) -> bytes:
    """A batch signed with a device's real key around whatever sealed records we choose."""
    entries = [batch.RecordEntry(rid, seq, sha(body)) for rid, seq, body in sealed]
    manifest = batch.build_manifest(campaign, identity.public, number, prev, entries)
    signature = identity.minisign_key().sign(manifest, trusted_comment=f"tomar batch {number}")
    buf = io.BytesIO()
    batch.write_batch(
        buf, iter([(rid, body) for rid, _, body in sealed]), manifest, signature, certificate
    )
    return buf.getvalue()


def seal(identity: DeviceIdentity, campaign: Campaign, record: dict[str, Any]) -> bytes:
    return records.seal(record, identity, campaign.recipient_key)


def open_records(data: bytes, ident: OrganizerIdentity) -> list[dict[str, Any]]:
    """The plaintext records of a batch, in manifest order (test-side decryption)."""
    body = dict(members(data))
    doc = json.loads(body[batch.MANIFEST])
    return [records.open_sealed(body[f"{e['id']}.age"], [ident.age]) for e in doc["records"]]


def signature_record(
    identity: DeviceIdentity,
    campaign: Campaign,
    seq: int,
    name: str,
    *,
    city: str = "Washington",
    email: str | None = None,
) -> dict[str, Any]:
    fields = {"full_name": name, "city": city}
    if email is not None:
        fields["email"] = email
    form = SignatureForm(fields=fields, lang="en", consent=True, signature=demo_signature())
    return records.build_signature_record(
        campaign, form, records.validate(campaign, form), device=identity, seq=seq, event=None
    )


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


# --- the command line ----------------------------------------------------------------------


def tomar(home: Path | None, *args: str, env: dict[str, str] | None = None) -> Cli:
    full = {
        **os.environ,
        "TOMAR_PASSPHRASE": PASS,
        "TOMAR_BACKUP_PASSPHRASE": BACKUP_PASS,
        **(env or {}),
    }
    full.pop("TOMAR_HOME", None)
    argv = [sys.executable, "-m", "tomar"]
    if home is not None:
        argv += ["--home", str(home)]
    done = subprocess.run(
        [*argv, *args], capture_output=True, text=True, env=full, timeout=120, check=False
    )
    return Cli(done.returncode, done.stdout, done.stderr)


@dataclass
class Cli:
    code: int
    out: str
    err: str
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.out.splitlines()

    def ok(self) -> Cli:
        assert self.code == 0, self.err
        return self

    def user_error(self, text: str) -> Cli:
        assert self.code == 1, (self.out, self.err)
        assert "Traceback" not in self.err
        assert text in self.err + self.out, (self.out, self.err)
        return self


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield path


# --- a pool of genuine batches from four devices, with what they should add up to -----------


@dataclass(frozen=True)
class Rec:
    """What the test knows of one record, independently of the code under test."""

    name: str  # the test's own label, e.g. "sara_a"
    id: str
    device: str  # "A".."D"
    batch: str  # "A1"...
    kind: str  # signature | void
    person: str = ""  # who signed; records of one person share contact keys below
    contact: tuple[str, ...] = ()  # the person's normalized email/phone, written by hand
    flag: str = ""  # name+city key: equal for the Persian and Latin spellings of one name
    target: str = ""  # for voids: the label of the voided record


@dataclass
class Pool:
    base: Path
    template: Path
    ident: OrganizerIdentity
    package: bytes
    campaign: Campaign
    identities: dict[str, DeviceIdentity]
    requests: dict[str, bytes]
    batches: dict[str, bytes]
    recs: dict[str, Rec]
    copies: int = 0

    def fresh(self, home: Path | None = None) -> Org:
        """A fresh copy of the template organizer vault (A and B enrolled, C and D unknown)."""
        if home is None:
            self.copies += 1
            home = self.base / f"copy-{self.copies}"
        shutil.copytree(self.template, home)
        return Org(home, vault.Vault.open(home, PASS), self.ident, self.package)

    def by_id(self) -> dict[str, Rec]:
        return {r.id: r for r in self.recs.values()}

    def fpr(self, device: str) -> str:
        return self.identities[device].fingerprint


# Each batch: (device, [(label, person, name, contact-as-typed, lang, normalized contact)]);
# a void is ("void", target label).
_PLAN: list[tuple[str, list[tuple[str, ...]]]] = [
    (
        "A1",
        [
            ("sara_a", "sara", "Sara Example", "email", "sara@example.org", "en"),
            ("ali_a", "ali", "Ali Karimi", "phone", "(202) 555-0143", "en"),
            ("mo_a", "mo_latin", "Mohammad Rezaei", "", "", "en"),
        ],
    ),
    ("A2", [("nina_a", "nina", "Nina Park", "", "", "en"), ("void_ali_a", "void", "ali_a")]),
    ("A3", [("omid_a", "omid", "Omid Tehrani", "", "", "en")]),
    ("A4", [("void_sara_a", "void", "sara_a")]),
    (
        "B1",
        [
            ("sara_b", "sara", "Sara Example", "email", "SARA@Example.ORG", "en"),
            ("ali_b", "ali", "Ali Karimi", "phone", "+1 202-555-0143", "en"),
            ("mo_b", "mo_persian", "محمد رضایی", "", "", "fa"),
        ],
    ),
    ("B2", [("zed_b", "zed", "Zed Quinn", "email", "zed@example.org", "en")]),
    (
        "C1",
        [
            ("ali_c", "ali", "Ali Karimi", "phone", "202.555.0143", "en"),
            ("ali_c2", "ali", "Ali Karimi", "phone", "+۱ ۲۰۲ ۵۵۵ ۰۱۴۳", "en"),
            ("yara_c", "yara", "Yara Brook", "", "", "en"),
        ],
    ),
    (
        "C2",
        [
            ("zed_c", "zed", "Zed Quinn", "email", "ZED@example.org", "en"),
            ("void_yara_c", "void", "yara_c"),
        ],
    ),
    ("D1", [("dina_d", "dina", "Dina Shams", "", "", "en")]),
]
BATCH_NAMES = tuple(name for name, _ in _PLAN)
_CONTACT = {
    "sara": ("e:sara@example.org",),
    "ali": ("p:+12025550143",),
    "zed": ("e:zed@example.org",),
}
_FLAG = {"mo_latin": "mohammad rezaei", "mo_persian": "mohammad rezaei"}


def build_pool(base: Path) -> Pool:
    """Organizer template plus devices A, B (enrolled there), C (unknown) and D (a valid
    certificate, but the template has never seen it). Every batch is genuine."""
    org = new_organizer(base / "template")
    devices = {name: new_device(base / f"device-{name}", org.package) for name in "ABCD"}
    enroll(devices["A"], org, "Tablet A")
    enroll(devices["B"], org, "Tablet B")
    requests = {name: d.enrollment_request(f"Tablet {name}") for name, d in devices.items()}
    # D's certificate comes from a copy of the organizer, so the template does not know D.
    side = copy_organizer_closed(org, base / "side")
    enroll(devices["D"], side, "Tablet D")
    side.close()

    recs: dict[str, Rec] = {}
    batches: dict[str, bytes] = {}
    out = base / "out"
    for batch_name, items in _PLAN:
        d = devices[batch_name[0]]
        for item in items:
            if item[1] == "void":
                label, _, target = item
                rid = d.void(recs[target].id)
                recs[label] = Rec(label, rid, batch_name[0], batch_name, "void", target=target)
                continue
            label, person, name, kind, typed, lang = item
            rid = sign(
                d,
                name,
                email=typed if kind == "email" else None,
                phone=typed if kind == "phone" else None,
                lang=lang,
            )
            recs[label] = Rec(
                label,
                rid,
                batch_name[0],
                batch_name,
                "signature",
                person,
                _CONTACT.get(person, ()),
                _FLAG.get(person, person),
            )
        done = export(d, out)
        assert done.number == int(batch_name[1:])
        batches[batch_name] = done.path.read_bytes()
    identities = {name: d.identity for name, d in devices.items()}
    for d in devices.values():
        d.vault.close()
    org.close()
    return Pool(
        base,
        org.home,
        org.ident,
        org.package,
        org.campaign,
        identities,
        requests,
        batches,
        recs,
    )


def copy_organizer_closed(org: Org, home: Path) -> Org:
    """Copy an open organizer vault safely: checkpoint its WAL first."""
    org.vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return copy_organizer(org, home)


def expected(pool: Pool, imported: Iterable[str]) -> dict[str, int]:
    """What the counts must be after importing these batches, computed from the plan only."""
    recs = [r for r in pool.recs.values() if r.batch in set(imported)]
    sigs = {r.name: r for r in recs if r.kind == "signature"}
    voided = {
        r.target
        for r in recs
        if r.kind == "void" and r.target in sigs and sigs[r.target].device == r.device
    }
    live = [r for name, r in sigs.items() if name not in voided]
    # Connected components over shared contact keys.
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for r in live:
        for key in r.contact:
            parent[find(r.name)] = find(key)
    components: dict[str, list[Rec]] = {}
    for r in live:
        components.setdefault(find(r.name), []).append(r)
    flags: dict[str, int] = {}
    for members_ in components.values():
        flags[members_[0].flag] = flags.get(members_[0].flag, 0) + 1
    return {
        "received": len(sigs),
        "voided": len(voided),
        "unique": len(components),
        "duplicates": len(live) - len(components),
        "flagged": sum(n for n in flags.values() if n > 1),
    }


_SHARED: list[Pool] = []


def shared_pool(factory: Any) -> Pool:
    """One pool for the whole test session (its template is only ever copied, never opened)."""
    if not _SHARED:
        _SHARED.append(build_pool(factory.mktemp("shared-pool")))
    return _SHARED[0]


# A test module takes these fixtures by name: `pool = kit.pool`, `org = kit.org`.


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Pool:
    """The shared pool of devices, batches and an organizer template."""
    return shared_pool(tmp_path_factory)


@pytest.fixture
def org(pool: Pool, tmp_path: Path) -> Iterator[Org]:
    """A fresh copy of the pool's organizer, closed after the test."""
    o = pool.fresh(tmp_path / "organizer")
    yield o
    o.close()


@dataclass
class Paper:
    """A campaign package and its organizer identity, without any vault."""

    ident: OrganizerIdentity
    package: bytes

    @property
    def campaign(self) -> Campaign:
        return read_package(self.package)


def paper_organizer(
    campaign_id: str | None = None, ident: OrganizerIdentity | None = None
) -> Paper:
    ident = ident or OrganizerIdentity.generate("Paper Organizer", "x25519")
    spec = SPEC if campaign_id is None else spec_with_id(campaign_id)
    return Paper(ident, build_package(doc_from_spec(spec, ident), ident))


# --- intake helpers -----------------------------------------------------------------------


def run(org: Org, pool: Pool, *names: str) -> list[Any]:
    """Import the pool's batches by name into `org`, one by one."""
    with org.intake() as intake:
        return [intake.import_bytes(pool.batches[n], name=n) for n in names]


def sealed_in(data: bytes) -> dict[str, bytes]:
    """A batch's sealed records by record id."""
    return {name[:-4]: body for name, body in members(data) if name.endswith(".age")}


def signer_rows(org: Org) -> set[tuple[str, str | None, str | None]]:
    """What dedupe and voids decided: (record id, duplicate of, voided by) of each signer."""
    rows = org.vault.conn.execute("SELECT record_id, dup_of, voided_by FROM signers")
    return {(r[0], r[1], r[2]) for r in rows}
