"""The bundled demo campaign: a drawn signature and sample signers (all fictional)."""

from __future__ import annotations

import json
from typing import TypedDict

from .core import strokes
from .resources import resource_path


class DemoSigner(TypedDict):
    lang: str
    fields: dict[str, str]


class _DemoFile(TypedDict):
    """resources/demo/demo-signers.json: bundled with the program, not input."""

    aspect: float
    strokes: list[list[tuple[float, float, int, float]]]
    signers: list[DemoSigner]


def _load() -> _DemoFile:
    doc: _DemoFile = json.loads(resource_path("demo", "demo-signers.json").read_text("utf-8"))
    return doc


def signature() -> strokes.Signature:
    doc = _load()
    return strokes.Signature(
        aspect=float(doc["aspect"]),
        strokes=tuple(tuple(strokes.Point(*p) for p in s) for s in doc["strokes"]),
    )


def signers() -> list[DemoSigner]:
    return list(_load()["signers"])


def package() -> bytes:
    return resource_path("demo", "demo.tomar-campaign").read_bytes()
