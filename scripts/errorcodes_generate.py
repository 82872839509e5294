"""One-off, issue 13: write core/error_codes.py and core/error_text/ from the codes that
scripts/errorcodes_convert.py found (build/errorcodes/codes.json).

Kept for the record of issue 13's conversion and not meant to be run again: since then
core/error_codes.py, core/error_text/ and the .ts files are edited by hand (see
docs/ARCHITECTURE.md, "Where to put a new error")."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "src" / "tomar" / "core"
PARTS = {
    "keys": [
        "age",
        "bech32",
        "minisign",
        "identity",
        "keyfile",
        "recovery",
        "fingerprint",
        "canon",
        "signed",
        "enroll",
        "receipts",
        "ziputil",
        "strokes",
    ],
    "vault": [
        "vault",
        "atomic",
        "device",
        "records",
        "batch",
        "campaign",
        "organizer",
        "normalize",
        "countries",
        "places",
        "migrations",
    ],
    "words": ["validation", "word"],
    "organizer": ["intake", "sheets"],
    "faces": ["sync", "server", "cli", "app"],
}


def literal(text: str, indent: int) -> str:
    one = json.dumps(text, ensure_ascii=False)
    if indent + len(one) <= 96:
        return one
    chunks = textwrap.wrap(
        text, 96 - indent - 4, drop_whitespace=False, break_long_words=False, break_on_hyphens=False
    )
    return ("\n" + " " * indent).join(json.dumps(c, ensure_ascii=False) for c in chunks)


def main() -> None:
    codes = json.loads((ROOT / "build" / "errorcodes" / "codes.json").read_text())
    extra = ROOT / "build" / "errorcodes" / "extra.json"
    if extra.exists():
        codes.update(json.loads(extra.read_text()))
    by_area: dict[str, list[str]] = {}
    for member, entry in codes.items():
        by_area.setdefault(entry["value"].split(".")[0], []).append(member)
    lines = [
        '"""Every error, and every word inside one, that a person can meet: a stable code each.',
        "",
        'The value ("area.name") never changes once released: the app translates by it and',
        "a person may quote it. English templates live in `error_text`, keyed by these codes.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from enum import StrEnum",
        "",
        "",
        "class ErrorCode(StrEnum):",
        '    """One kind of error (or word); its template says it, with named arguments."""',
    ]
    for areas in PARTS.values():
        for area in areas:
            if area not in by_area:
                continue
            lines.append(f"    # --- {area} " + "-" * (80 - len(area)))
            for member in sorted(by_area[area]):
                lines.append(f'    {member} = "{codes[member]["value"]}"')
    missing = set(by_area) - {a for areas in PARTS.values() for a in areas}
    assert not missing, missing
    (CORE / "error_codes.py").write_text("\n".join(lines) + "\n")
    out = CORE / "error_text"
    out.mkdir(exist_ok=True)
    for part, areas in PARTS.items():
        body = [
            f'"""English templates of the {part} areas; see error_text/__init__.py."""',
            "",
            "from __future__ import annotations",
            "",
            "from ..error_codes import ErrorCode as E",
            "from ._mark import QT_TRANSLATE_NOOP",
            "",
            "TEMPLATES: dict[E, str] = {",
        ]
        for area in areas:
            for member in sorted(by_area.get(area, [])):
                text = codes[member]["template"]
                body.append(f"    E.{member}: QT_TRANSLATE_NOOP(")
                body.append(f'        "CoreErrors", {literal(text, 8 + 14)}')
                body.append("    ),")
        body.append("}")
        (out / f"{part}.py").write_text("\n".join(body) + "\n")


if __name__ == "__main__":
    main()
