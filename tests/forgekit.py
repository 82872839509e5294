"""Forged records for intake's refusals: one bad record in an otherwise genuine batch.

Shared by the intake tests and the app's message tests (which check that every refusal
reads well in each language).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from tomar.core import age, records
from tomar.core.campaign import canonical_json

from . import batchkit as kit

RecordChange = Callable[[dict[str, Any]], None]


def set_(key: str, value: Any) -> RecordChange:
    def change(r: dict[str, Any]) -> None:
        r[key] = value

    return change


def bad_record(pool: kit.Pool, variant: str) -> tuple[str, int, bytes]:
    """Record number 2 of a forged batch 1 of device A: (manifest id, manifest seq, bytes)."""
    a, b, camp = pool.identities["A"], pool.identities["B"], pool.campaign
    rec = kit.signature_record(a, camp, 2, "Forged Person")
    changes: dict[str, RecordChange] = {
        "other-campaign": set_("campaign", "another-campaign"),
        "other-organizer": set_("organizer", "00" * 32),
        "unknown-field": set_("fields", {"full_name": "X", "city": "Y", "shoe": "42"}),
        "long-field": set_("fields", {"full_name": "X", "city": "Y" * 501}),
        "fields-not-object": set_("fields", ["X"]),
        "bad-language": set_("lang", "de"),
        "bad-display": set_("display", "everything"),
        "bad-source": set_("source", "server"),
        "damaged-strokes": set_("strokes", base64.b64encode(b"\x00garbage").decode()),
        "unknown-type": set_("type", "petition"),
        "newer-version": set_("v", 2),
        "time-not-text": set_("time", 12345),
        "bad-void-target": lambda r: r.update(type="void", target="../../etc"),
        "event-not-object": set_("event", "boom"),
        "event-id-not-text": set_("event", {"id": ["x"], "name": "Rally"}),
        "paper-serial-not-text": set_("paper", {"serial": {"x": 1}, "row": 1}),
    }
    if variant in changes:
        changes[variant](rec)
        return rec["id"], 2, kit.seal(a, camp, rec)
    if variant == "bad-signature":
        envelope = {"record": rec, "sig": base64.b64encode(bytes(64)).decode()}
        return rec["id"], 2, age.encrypt(canonical_json(envelope), [camp.recipient_key])
    if variant == "claims-a-signed-by-b":
        return rec["id"], 2, records.seal(rec, b, camp.recipient_key)
    if variant == "signed-by-other-device":
        other = kit.signature_record(b, camp, 2, "Forged Person")
        return other["id"], 2, kit.seal(b, camp, other)
    if variant == "seq-differs":
        return rec["id"], 5, kit.seal(a, camp, rec)
    if variant == "id-differs":
        return "f" * 32, 2, kit.seal(a, camp, rec)
    if variant == "sealed-to-another-key":
        stranger = age.X25519Identity.generate().recipient()
        return rec["id"], 2, records.seal(rec, a, stranger)
    if variant == "not-json":
        return rec["id"], 2, age.encrypt(b"not json at all", [camp.recipient_key])
    raise AssertionError(variant)


PROBLEMS = {
    "bad-signature": "device signature is not valid",
    "claims-a-signed-by-b": "device signature is not valid",
    "signed-by-other-device": "signed by another device than the batch",
    "other-campaign": "another campaign or organizer key",
    "other-organizer": "another campaign or organizer key",
    "seq-differs": "differs from the manifest",
    "id-differs": "differs from the manifest",
    "sealed-to-another-key": "",
    "not-json": "A record is damaged",
    "unknown-field": "fields do not match the campaign",
    "long-field": "fields do not match the campaign",
    "fields-not-object": "fields do not match the campaign",
    "bad-language": "language the campaign does not have",
    "bad-display": "invalid display choice or source",
    "bad-source": "invalid display choice or source",
    "damaged-strokes": "drawn signature is damaged",
    "unknown-type": "unknown type",
    "newer-version": "unknown version",
    "time-not-text": "unknown version",
    "bad-void-target": "damaged void record",
    "event-not-object": "its event is damaged",
    "event-id-not-text": "its event is damaged",
    "paper-serial-not-text": "its paper sheet reference is damaged",
}


def forged_a1(pool: kit.Pool, variant: str) -> tuple[str, bytes]:
    a1 = kit.sealed_in(pool.batches["A1"])
    sara, mo = pool.recs["sara_a"].id, pool.recs["mo_a"].id
    rid, seq, body = bad_record(pool, variant)
    items = [(sara, 1, a1[sara]), (rid, seq, body), (mo, 3, a1[mo])]
    return rid, kit.forge_batch(pool.identities["A"], pool.campaign, 1, None, items)
