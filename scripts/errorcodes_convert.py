"""One-off conversion of issue 13: English sentences at raise sites -> error codes.

Reads every module of src/tomar, finds the sentences given to TomarError classes (and to
sync results' `.errors`, and the `what` words), gives each distinct sentence a code, and
rewrites the call to pass the code and named arguments. Writes the list of codes with
their English templates (JSON) and the map from the old Qt source texts (%1, %2...) to
the new templates ({name}), which scripts/errorcodes_ts.py applies to the .ts files.
Kept for the record: run it on the tree before issue 13, not after.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "tomar"

STOP = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "is",
    "are",
    "of",
    "to",
    "in",
    "be",
    "it",
    "its",
    "was",
    "were",
    "and",
    "or",
    "for",
    "on",
    "at",
    "by",
    "with",
    "as",
    "has",
    "have",
    "no",
    "not",
    "can",
    "cannot",
    "been",
    "please",
    "from",
    "there",
    "one",
    "any",
    "than",
    "so",
    "tomar",
    "only",
    "your",
    "you",
    "do",
    "does",
    "s",
    "t",
    "first",
    "which",
    "all",
}
AREAS = {
    "core/intake": "intake",
    "core/sheets": "sheets",
    "sync": "sync",
    "server": "server",
    "cli": "cli",
    "gui": "app",
    "selftest.py": "app",
}
PLACEHOLDER = {
    "rid": "record",
    "record_id": "record",
    "exc.strerror": "detail",
    "exc": "detail",
    "path.name": "file",
    "item.name": "file",
    "self.url": "server",
    "root": "folder",
    "tgt.describe()": "target",
    "self.describe()": "store",
}
SPECIAL_MSG_INDEX = {"RecordProblem": 1, "Rejected": 1, "Busy": 1, "ServerRefused": 1}
SKIP_CLASSES = {"ValidationError"}


def area(rel: str) -> str:
    for prefix, name in AREAS.items():
        if rel.startswith(prefix):
            return name
    return Path(rel).stem


def error_classes() -> set[str]:
    bases: dict[str, list[str]] = {}
    for p in SRC.rglob("*.py"):
        for n in ast.walk(ast.parse(p.read_text("utf-8"))):
            if isinstance(n, ast.ClassDef):
                bases[n.name] = [ast.unparse(b).split(".")[-1] for b in n.bases]
    out = {"TomarError"}
    grew = True
    while grew:
        grew = False
        for name, bs in bases.items():
            if name not in out and any(b in out for b in bs):
                out.add(name)
                grew = True
    return out


class Codes:
    def __init__(self) -> None:
        self.by_template: dict[str, str] = {}  # english template -> member name
        self.entries: dict[str, dict[str, str]] = {}  # member -> {value, template, where}
        self.old_to_new: dict[str, list[dict[str, object]]] = {}

    def code(self, template: str, prefix: str, where: str, old: str, names: list[str]) -> str:
        if template in self.by_template:
            member = self.by_template[template]
        else:
            words = [
                w
                for w in re.findall(r"[a-z0-9]+", re.sub(r"\{\w+\}", " ", template.lower()))
                if prefix == "word" or w not in STOP
            ]
            if words[:1] == [prefix]:
                words = words[1:]
            slug = "_".join(words[:4]) or "text"
            member = f"{prefix}_{slug}".upper()
            base, n = member, 2
            while member in self.entries:
                member = f"{base}_{n}"
                n += 1
            self.by_template[template] = member
            self.entries[member] = {
                "value": f"{prefix}.{member[len(prefix) + 1 :].lower()}",
                "template": template,
                "where": where,
            }
        entry = {"new": template, "names": names}
        if entry not in self.old_to_new.setdefault(old, []):
            self.old_to_new[old].append(entry)
        return member


def placeholder(expr: ast.expr, used: dict[str, str]) -> str:
    src = ast.unparse(expr)
    for name, known in used.items():
        if known == src:
            return name
    name = PLACEHOLDER.get(src)
    if name is None:
        if isinstance(expr, ast.Name):
            name = expr.id
        elif isinstance(expr, ast.Attribute):
            name = expr.attr
        elif isinstance(expr, ast.Call):
            f = expr.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "value")
        else:
            name = "value"
    if name == "join":
        name = "choices"
    name = name.strip("_").lower() or "value"
    base, n = name, 2
    while name in used:
        name = f"{base}{n}"
        n += 1
    used[name] = src
    return name


def template_of(node: ast.JoinedStr) -> tuple[str, str, list[tuple[str, str]]]:
    """(new template, old %n template, [(name, python expression)])."""
    new, old, used, args = [], [], {}, []
    n = 0
    for value in node.values:
        if isinstance(value, ast.Constant):
            new.append(str(value.value))
            old.append(str(value.value))
            continue
        assert isinstance(value, ast.FormattedValue)
        n += 1
        old.append(f"%{n}")
        expr = ast.unparse(value.value)
        if value.conversion == ord("r"):
            expr = f"repr({expr})"
        elif value.conversion == ord("s"):
            expr = f"str({expr})"
        if value.format_spec is not None:
            spec = "".join(
                str(v.value) for v in value.format_spec.values if isinstance(v, ast.Constant)
            )
            expr = f"format({expr}, {spec!r})"
        name = placeholder(value.value, used)
        if used[name] != ast.unparse(value.value):
            pass
        new.append("{" + name + "}")
        if name not in [a for a, _ in args]:
            args.append((name, expr))
    return "".join(new), "".join(old), args


class Rewriter:
    def __init__(self, rel: str, codes: Codes, errors: set[str]) -> None:
        self.rel = rel
        self.text = (SRC / rel).read_text("utf-8")
        self.tree = ast.parse(self.text)
        self.codes = codes
        self.errors = errors
        self.edits: list[tuple[int, int, str]] = []
        self.lines = self.text.splitlines(keepends=True)
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line))
        self.manual: list[str] = []
        self.uses_message = False
        self.uses_code = False
        self.constants: dict[str, ast.Assign] = {}
        for stmt in self.tree.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                self.constants[stmt.targets[0].id] = stmt

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offsets[node.lineno - 1] + len(
            self.lines[node.lineno - 1].encode()[: node.col_offset].decode()
        )
        end = self.offsets[node.end_lineno - 1] + len(
            self.lines[node.end_lineno - 1].encode()[: node.end_col_offset].decode()
        )
        return start, end

    def where(self, node: ast.AST) -> str:
        return f"{self.rel}:{node.lineno}"

    def convert(self, node: ast.expr, prefix: str, *, message: bool) -> str | None:
        """The replacement source for a sentence node, or None."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            member = self.codes.code(node.value, prefix, self.where(node), node.value, [])
            self.uses_code = True
            return f"E.{member}"
        if isinstance(node, ast.JoinedStr):
            new, old, args = template_of(node)
            member = self.codes.code(new, prefix, self.where(node), old, [a for a, _ in args])
            self.uses_code = True
            kw = ", ".join(f"{a}={e}" for a, e in args)
            if message:
                self.uses_message = True
                return f"Message(E.{member}{', ' + kw if kw else ''})"
            return f"E.{member}{', ' + kw if kw else ''}"
        if isinstance(node, ast.Name) and node.id in self.constants:
            stmt = self.constants[node.id]
            value = stmt.value
            if isinstance(value, ast.Constant | ast.JoinedStr):
                out = self.convert(value, prefix, message=True)
                if out is not None:
                    self.edit(value, out)
                del self.constants[node.id]
            return None
        return None

    def edit(self, node: ast.AST, new: str) -> None:
        start, end = self.span(node)
        self.edits.append((start, end, new))

    def run(self) -> None:
        prefix = area(self.rel)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
                if name in self.errors and name not in SKIP_CLASSES:
                    index = SPECIAL_MSG_INDEX.get(name, 0)
                    if len(node.args) > index:
                        arg = node.args[index]
                        last = index == len(node.args) - 1
                        out = self.convert(arg, prefix, message=not last)
                        if out is not None:
                            self.edit(arg, out)
                        elif not isinstance(arg, ast.Name) or arg.id not in self.constants:
                            self.manual.append(f"{self.where(node)}: {ast.unparse(node)[:120]}")
                elif (
                    name == "append"
                    and isinstance(f, ast.Attribute)
                    and ast.unparse(f.value).endswith(".errors")
                    and node.args
                ):
                    out = self.convert(node.args[0], prefix, message=True)
                    if out is not None:
                        if out.startswith("E."):
                            out = f"Message({out})"
                            self.uses_message = True
                        self.edit(node.args[0], out)
                    else:
                        self.manual.append(f"{self.where(node)}: {ast.unparse(node)[:120]}")
                for kw in node.keywords:
                    if kw.arg == "what" and isinstance(kw.value, ast.Constant | ast.JoinedStr):
                        out = self.convert(kw.value, "word", message=True)
                        if out is not None:
                            self.edit(kw.value, out)
        for stmt in self.tree.body:  # module constants named like messages
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                name = stmt.targets[0].id
                if name.startswith("_MSG") and name in self.constants:
                    value = stmt.value
                    out = self.convert(value, prefix, message=True)
                    if out is not None:
                        self.edit(value, out)

    def write(self) -> bool:
        if not self.edits:
            return False
        text = self.text
        seen = set()
        floor = len(text) + 1
        for start, end, new in sorted(self.edits, reverse=True):
            if (start, end) in seen:
                continue
            if end > floor:
                print(f"overlap in {self.rel}: {new}", file=sys.stderr)
                continue
            floor = start
            seen.add((start, end))
            text = text[:start] + new + text[end:]
        depth = self.rel.count("/")
        if self.rel.startswith("core/"):
            module = "." * depth + "errors"
        else:
            module = "." * (depth + 1) + "core.errors"
        names = ["E"] + (["Message"] if self.uses_message else [])
        line = f"from {module} import {', '.join(names)}\n"
        # after the last top-level import
        tree = ast.parse(text)
        last = max(
            (s.end_lineno or 0) for s in tree.body if isinstance(s, ast.Import | ast.ImportFrom)
        )
        lines = text.splitlines(keepends=True)
        lines.insert(last, line)
        (SRC / self.rel).write_text("".join(lines), "utf-8")
        return True


def main() -> None:
    errors = error_classes()
    codes = Codes()
    manual: list[str] = []
    for p in sorted(SRC.rglob("*.py")):
        rel = p.relative_to(SRC).as_posix()
        if rel in ("core/errors.py", "gui/messages.py"):
            continue
        r = Rewriter(rel, codes, errors)
        r.run()
        r.write()
        manual += r.manual
    out = ROOT / "build" / "errorcodes"
    out.mkdir(parents=True, exist_ok=True)
    (out / "codes.json").write_text(json.dumps(codes.entries, indent=1, ensure_ascii=False))
    (out / "old_to_new.json").write_text(json.dumps(codes.old_to_new, indent=1, ensure_ascii=False))
    print(f"{len(codes.entries)} codes", file=sys.stderr)
    print("\n".join(manual))


if __name__ == "__main__":
    main()
