"""Small signed JSON documents: enrollment requests, device certificates, receipts.

One file holds `{"<kind>": {...}, "signature": "<minisign signature text>"}`. The
signature covers the canonical JSON of the inner document, so it can be checked with
`minisign -V` after writing that JSON to a file.
"""

from __future__ import annotations

import json
from typing import Any

from . import canon, minisign
from .canon import canonical_json
from .errors import E, FormatError, MinisignError, Words

MAX_DOC = 16 * 1024 * 1024


def seal_doc(key: minisign.SecretKey, kind: str, doc: dict[str, Any]) -> bytes:
    sig = key.sign(canonical_json(doc), trusted_comment=f"tomar {kind}")
    return json.dumps({kind: doc, "signature": sig}, ensure_ascii=False, indent=1).encode()


def read_doc(
    data: bytes, kind: str, *, what: Words, max_size: int = MAX_DOC
) -> tuple[dict[str, Any], str]:
    """Parse without verifying; the caller knows which key must have signed."""
    if len(data) > max_size:
        raise FormatError(E.SIGNED_TOO_LARGE_GENUINE, what=what)
    try:
        outer = canon.loads(data)
        doc, sig = outer[kind], outer["signature"]
    except (ValueError, KeyError, TypeError, RecursionError):
        raise FormatError(E.SIGNED_NOT_OURS_OR_DAMAGED, what=what) from None
    if not isinstance(doc, dict) or not isinstance(sig, str) or set(outer) != {kind, "signature"}:
        raise FormatError(E.ENROLL_DAMAGED, what=what)
    if doc.get("format") != f"tomar-{kind}" or doc.get("version") != 1:
        raise FormatError(E.SIGNED_UNKNOWN_KIND_OR_VERSION, what=what)
    return doc, sig


def verify_doc(key: minisign.PublicKey, doc: dict[str, Any], sig: str, *, what: Words) -> None:
    try:
        minisign.verify(key, canonical_json(doc), sig)
    except MinisignError:
        raise FormatError(E.SIGNED_WRONG_KEY_OR_CHANGED, what=what) from None
