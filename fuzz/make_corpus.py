"""Write the seed corpus: real files made by the project's own writers, with the fuzz keys.

    python fuzz/make_corpus.py      (rewrites fuzz/corpus/; every file is small)

Seeds of targets with a mode byte (see targets.py) start with that byte.
"""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import targets  # noqa: E402
from tomar import demo  # noqa: E402
from tomar.core import (  # noqa: E402
    age,
    batch,
    enroll,
    keyfile,
    receipts,
    records,
    recovery,
    strokes,
)
from tomar.core.canon import canonical_json  # noqa: E402
from tomar.core.records import SignatureForm  # noqa: E402


def _record(seq: int, name: str, email: str, display: str = "full") -> dict[str, object]:
    k = targets.keys()
    campaign = k.campaign
    form = SignatureForm(
        fields={"full_name": name, "city": "Washington", "email": email},
        lang="en",
        consent=True,
        display=display,
        signature=demo.signature(),
    )
    fields = records.validate(campaign, form)
    return records.build_signature_record(
        campaign, form, fields, device=k.device, seq=seq, event={"id": "e1", "name": "Rally"}
    )


def _batch(number: int, prev: str | None, recs: list[dict[str, object]]) -> tuple[bytes, bytes]:
    k = targets.keys()
    campaign = k.campaign
    sealed = [
        (str(r["id"]), int(str(r["seq"])), records.seal(r, k.device, campaign.recipient_key))
        for r in recs
    ]
    entries = [
        batch.RecordEntry(rid, seq, hashlib.sha256(body).hexdigest()) for rid, seq, body in sealed
    ]
    manifest = batch.build_manifest(campaign, k.device.public, number, prev, entries)
    signature = k.device.minisign_key().sign(manifest, trusted_comment=f"tomar batch {number}")
    cert = enroll.issue_certificate(k.organizer, campaign, k.device.public, "Fuzz tablet")
    buf = io.BytesIO()
    batch.write_batch(buf, iter((rid, body) for rid, _, body in sealed), manifest, signature, cert)
    return buf.getvalue(), manifest


def main() -> None:
    out = HERE / "corpus"
    shutil.rmtree(out, ignore_errors=True)
    k = targets.keys()
    campaign = k.campaign
    seeds: dict[str, list[bytes]] = {name: [] for name in targets.TARGETS}

    r1, r2 = (
        _record(1, "Sara Example", "sara@example.org"),
        _record(2, "علی کریمی", "ali@example.org", "initials"),
    )
    void = records.build_void_record(
        campaign, device=k.device, seq=3, target=str(r1["id"]), event=None
    )
    first, manifest1 = _batch(1, None, [r1, r2])
    second, manifest2 = _batch(2, hashlib.sha256(manifest1).hexdigest(), [void])
    seeds["batch"] += [first, second]
    seeds["manifest"] += [manifest1, manifest2]

    sealed = records.seal(r1, k.device, campaign.recipient_key)
    body = canonical_json(r1)
    sig = base64.b64encode(k.device.sign(records.RECORD_LABEL, body)).decode()
    envelope = canonical_json({"record": r1, "sig": sig})
    seeds["records"] += [
        b"\x00" + sealed,
        b"\x01" + envelope,
        b"\x02" + body,
        b"\x02" + canonical_json(void),
    ]

    seeds["strokes"].append(strokes.encode(demo.signature()))

    receipt = receipts.make(
        k.organizer,
        campaign,
        device=k.device.public_b64,
        batch=1,
        batch_sha256=hashlib.sha256(first).hexdigest(),
        manifest_sha256=hashlib.sha256(manifest1).hexdigest(),
        accepted=[str(r1["id"])],
        rejected={str(r2["id"]): "its fields do not match the campaign."},
    )
    inner = canonical_json(__import__("json").loads(receipt)["receipt"])
    seeds["receipt"] += [b"\x00" + receipt, b"\x01" + inner]

    request = enroll.make_request(k.device, campaign, "Fuzz tablet")
    seeds["enroll_request"] += [
        b"\x00" + request,
        b"\x01" + canonical_json(__import__("json").loads(request)["enroll-request"]),
    ]
    cert = enroll.issue_certificate(k.organizer, campaign, k.device.public, "Fuzz tablet")
    seeds["certificate"] += [
        b"\x00" + cert,
        b"\x01" + canonical_json(__import__("json").loads(cert)["device-cert"]),
    ]

    campaign_json = canonical_json(campaign.doc)
    seeds["campaign"] += [b"\x00" + k.package, b"\x01" + campaign_json]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tomar.key"
        keyfile.write(path, bytes(32), "fuzz passphrase", keyfile.KdfParams(65536, 1, 1))
        seeds["keyfile"].append(path.read_bytes())

    identity_file = k.organizer.identity_file().encode()
    backup = age.encrypt(identity_file, [age.ScryptRecipient(targets.BACKUP_PASSPHRASE, 10)])
    seeds["backup"] += [b"\x00" + backup, b"\x01" + identity_file]

    payload = sealed[len(targets._header()) :]
    seeds["age"] += [b"\x00" + sealed, b"\x01" + payload[:200], b"\x02" + identity_file]

    minisig = k.organizer.signing.sign(b"tomar", trusted_comment="tomar campaign")
    public = k.organizer.signing.public_key().to_file_text()
    seeds["minisign"] += [b"\x00" + minisig.encode(), b"\x01" + public.encode()]

    shares = recovery.split(k.organizer, 2, 3)
    seeds["recovery"] += ["\n".join(shares[:2]).encode(), shares[0].encode()]

    nul = b"\x00"
    seeds["server"] += [
        b"\x00",
        b"\x01" + nul.join([b"a" * 8, b"1700000000", b"0" * 32, b"b" * 88]),
        b"\x09" + nul.join([b"0" * 64, b"a" * 44, b"1700000000", b"0" * 32, b"b" * 88, b"", b"PK"]),
        b"\x0e" + nul.join([b"0" * 64]),
    ]

    for name, items in seeds.items():
        folder = out / name
        folder.mkdir(parents=True)
        for data in items:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)  # noqa: S324 - a name
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"{sum(map(len, seeds.values()))} seeds, {total} bytes in {out}")


if __name__ == "__main__":
    main()
