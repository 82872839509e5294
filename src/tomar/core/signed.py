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
from .errors import FormatError, MinisignError

MAX_DOC = 16 * 1024 * 1024


def seal_doc(key: minisign.SecretKey, kind: str, doc: dict[str, Any]) -> bytes:
    sig = key.sign(canonical_json(doc), trusted_comment=f"tomar {kind}")
    return json.dumps({kind: doc, "signature": sig}, ensure_ascii=False, indent=1).encode()


def read_doc(
    data: bytes, kind: str, *, what: str, max_size: int = MAX_DOC
) -> tuple[dict[str, Any], str]:
    """Parse without verifying; the caller knows which key must have signed."""
    if len(data) > max_size:
        raise FormatError(f"This {what} is too large to be genuine.")
    try:
        outer = canon.loads(data)
        doc, sig = outer[kind], outer["signature"]
    except (ValueError, KeyError, TypeError, RecursionError):
        raise FormatError(f"This is not a Tomar {what}, or it is damaged.") from None
    if not isinstance(doc, dict) or not isinstance(sig, str) or set(outer) != {kind, "signature"}:
        raise FormatError(f"This {what} is damaged.")
    if doc.get("format") != f"tomar-{kind}" or doc.get("version") != 1:
        raise FormatError(f"This is not a Tomar {what}, or it needs a newer version of Tomar.")
    return doc, sig


def verify_doc(key: minisign.PublicKey, doc: dict[str, Any], sig: str, *, what: str) -> None:
    try:
        minisign.verify(key, canonical_json(doc), sig)
    except MinisignError:
        raise FormatError(
            f"This {what} was not signed by the expected key, or it was changed."
        ) from None
