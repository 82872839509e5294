"""The bundled demo campaign: a drawn signature and sample signers (all fictional)."""

from __future__ import annotations

import json
from typing import Any

from .core import strokes
from .resources import resource_path


def _load() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(resource_path("demo", "demo-signers.json").read_text("utf-8"))
    return doc


def signature() -> strokes.Signature:
    doc = _load()
    return strokes.Signature(
        aspect=float(doc["aspect"]),
        strokes=tuple(tuple(strokes.Point(*p) for p in s) for s in doc["strokes"]),
    )


def signers() -> list[dict[str, Any]]:
    return list(_load()["signers"])


def package() -> bytes:
    return resource_path("demo", "demo.tomar-campaign").read_bytes()
