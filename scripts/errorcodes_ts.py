"""One-off, issue 13: move the Persian and Arabic translations of the old English
sentences (%1, %2...; contexts "CoreErrors" and "Validation") to the new templates keyed
by error code ({name}; context "CoreErrors"), so that no translation is lost.

Uses build/errorcodes/old_to_new.json (from scripts/errorcodes_convert.py) and the
templates in tomar.core.error_text; prints the templates left without a translation.


Kept for the record of issue 13's conversion and not meant to be run again: since then
core/error_codes.py, core/error_text/ and the .ts files are edited by hand (see
docs/ARCHITECTURE.md, "Where to put a new error")."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tomar.core.error_text import CONTEXT, TEMPLATES  # noqa: E402

# Sentences composed outside a raise site (see the commit of issue 13): old -> names.
MANUAL: dict[str, tuple[str, list[str]]] = {
    "Record %1: %2 The whole batch was rejected.": (
        "Record {record}: {reason} The whole batch was rejected.",
        ["record", "reason"],
    ),
    "This batch could not be read (an unexpected %1); it was rejected and nothing of it "
    "was kept.": (
        "This batch could not be read (an unexpected {error}); it was rejected and nothing "
        "of it was kept.",
        ["error"],
    ),
    "it cannot be read (an unexpected %1).": (
        "it cannot be read (an unexpected {error}).",
        ["error"],
    ),
    "The file cannot be read (%1).": ("The file cannot be read ({detail}).", ["detail"]),
    "The %1 comment cannot be used: it must be a single line of text.": (
        "The {what} comment cannot be used: it must be a single line of text.",
        ["what"],
    ),
    "batch %1 (it is kept on this device; 'tomar sync --to FOLDER' writes it)": (
        "batch {batch} (it is kept on this device; 'tomar sync --to FOLDER' writes it)",
        ["batch"],
    ),
    "the server answered %1": ("the server answered {status}", ["status"]),
    "This file could not be read (internal error %1); it was refused and nothing was changed.": (
        "This file could not be read (internal error {error}); it was refused and nothing "
        "was changed.",
        ["error"],
    ),
}


def renamed(text: str, names: list[str]) -> str:
    return re.sub(r"%(\d)", lambda m: "{" + names[int(m[1]) - 1] + "}", text)


def main() -> None:
    old_to_new = json.loads((ROOT / "build" / "errorcodes" / "old_to_new.json").read_text())
    sources: dict[str, list[tuple[str, list[str]]]] = {}
    for old, entries in old_to_new.items():
        for entry in entries:
            sources.setdefault(entry["new"], []).append((old, entry["names"]))
    for old, (new, names) in MANUAL.items():
        sources.setdefault(new, []).append((old, names))
    templates = list(dict.fromkeys(TEMPLATES.values()))
    for lang in ("fa", "ar"):
        path = ROOT / "resources" / "i18n" / f"tomar_{lang}.ts"
        tree = ET.parse(path)  # noqa: S314 - our own file
        root = tree.getroot()
        old: dict[tuple[str, str], str] = {}
        contexts = {}
        for context in root.findall("context"):
            name = context.findtext("name") or ""
            contexts[name] = context
            for message in context.findall("message"):
                translation = message.find("translation")
                assert translation is not None
                old[(name, message.findtext("source") or "")] = translation.text or ""
        core = contexts[CONTEXT]
        for message in core.findall("message"):
            core.remove(message)
        if "Validation" in contexts:
            root.remove(contexts["Validation"])
        missing = []
        for template in templates:
            text = None
            for source, names in sources.get(template, []):
                if (CONTEXT, source) in old:
                    text = renamed(old[(CONTEXT, source)], names)
                    break
            for context in (CONTEXT, "Validation"):
                if text is None and (context, template) in old:
                    text = old[(context, template)]
            if text is None:
                missing.append(template)
                continue
            message = ET.SubElement(core, "message")
            ET.SubElement(message, "source").text = template
            ET.SubElement(message, "translation").text = text
        ET.indent(tree, space="    ")
        out = ET.tostring(root, encoding="unicode")
        path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{out}\n', "utf-8")
        print(f"{lang}: {len(templates) - len(missing)} translated, {len(missing)} without")
        (ROOT / "build" / "errorcodes" / f"missing_{lang}.json").write_text(
            json.dumps(missing, indent=1, ensure_ascii=False)
        )


if __name__ == "__main__":
    main()
