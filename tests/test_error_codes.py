"""One system of errors: every error is a code with named arguments and an English
template; no raise site builds an error from a bare sentence; no template can carry
signer data. (The translations of every code are checked in tests/gui/test_messages.py.)"""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

import tomar
from tomar.core import normalize, records
from tomar.core.error_text import TEMPLATES, english, english_only, placeholders
from tomar.core.errors import E, ErrorCode, Message, TomarError, ValidationError
from tomar.core.intake.results import RecordProblem
from tomar.sync.errors import ServerRefused

from . import batchkit as kit

SRC = Path(tomar.__file__).resolve().parent
#: Classes whose code is not their first argument: (status | record id, code, ...).
SECOND = {"RecordProblem", "Rejected", "Busy", "ServerRefused"}
#: What a template's arguments may hold: never a signer's name, contact or words.
#: A new kind of argument is added here on purpose, after asking that question.
ARGUMENTS = {
    "batch", "batches", "choices", "code", "count", "detail", "device", "env", "error",
    "fields", "file", "first", "folder", "home", "jump", "key", "lang", "last", "marker",
    "max_bytes", "max_rows", "max_shares", "max_sheets", "mib", "name", "number", "numbers",
    "out_dir", "paper", "path", "pem_path", "purpose", "purposes", "reason", "record",
    "revision", "revision2", "root", "row", "rows", "second", "serial", "server", "source",
    "status", "store", "target", "what", "words", "campaign_file", "devices",
}  # fmt: skip


def _modules() -> dict[str, ast.Module]:
    return {
        p.relative_to(SRC).as_posix(): ast.parse(p.read_text("utf-8"))
        for p in sorted(SRC.rglob("*.py"))
    }


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    bases: dict[str, list[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [ast.unparse(b).split(".")[-1] for b in node.bases]
    out, grew = {"TomarError"}, True
    while grew:
        grew = False
        for name, of in bases.items():
            if name not in out and any(b in out for b in of):
                out.add(name)
                grew = True
    return out


def _is_text(node: ast.expr) -> bool:
    """A sentence written in place: a string, an f-string, or strings added together."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return False


def _code_of(node: ast.expr) -> ErrorCode | None:
    """`E.X` or `ErrorCode.X` as the code it names."""
    if isinstance(node, ast.Attribute) and ast.unparse(node.value) in ("E", "ErrorCode"):
        return ErrorCode.__members__.get(node.attr)
    return None


def bare_sentences(tree: ast.Module, errors: set[str]) -> list[tuple[int, str]]:
    """(line, call) of every error, message, sync result or `what` built from text."""
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        args: list[ast.expr] = []
        if name in errors or name == "Message":
            args = list(node.args)
        elif name == "__init__" and isinstance(func, ast.Attribute):
            args = list(node.args)  # super().__init__("..."), checked in error classes
        elif name == "append" and ast.unparse(getattr(func, "value", node)).endswith(".errors"):
            args = list(node.args)
        args += [kw.value for kw in node.keywords if kw.arg == "what"]
        if any(_is_text(arg) for arg in args):
            out.append((node.lineno, ast.unparse(node)[:100]))
    return out


def _in_error_classes(tree: ast.Module, errors: set[str]) -> ast.Module:
    """The module with `__init__` calls kept only inside error classes' methods."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name not in errors:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call) and getattr(sub.func, "attr", "") == "__init__":
                    sub.func = ast.Name("_other_init")
    return tree


def test_every_code_has_an_english_template_and_no_other() -> None:
    assert set(TEMPLATES) == set(ErrorCode)
    values = [code.value for code in ErrorCode]
    assert len(set(values)) == len(values)
    for code in ErrorCode:
        area, _, name = code.value.partition(".")
        assert re.fullmatch(r"[a-z0-9]+", area) and re.fullmatch(r"[a-z0-9_]+", name), code
        assert code.name == f"{area}_{name}".upper(), code  # one spelling, both ways
        template = TEMPLATES[code]
        assert template.strip() and not re.search(r"%\d", template), code
        assert set(placeholders(template)) <= ARGUMENTS, (code, template)


def test_every_raise_site_passes_a_code() -> None:
    trees = _modules()
    errors = _error_classes(trees)
    found = [
        f"{rel}:{line}: {call}"
        for rel, tree in trees.items()
        for line, call in bare_sentences(_in_error_classes(tree, errors), errors)
    ]
    assert not found, "\n".join(found)


def test_the_raise_site_check_finds_bare_sentences() -> None:
    """A check of the check: each way of writing an error as text is caught."""
    source = (
        "raise VaultError('The vault is gone.')\n"
        "raise RecordProblem(rid, f'its field {name} is bad.')\n"
        "result.errors.append('Batch ' + str(n) + ' failed.')\n"
        "atomic_write(path, data, what='the batch')\n"
        "Message(f'batch {number}')\n"
        "class Gone(TomarError):\n"
        "    def __init__(self) -> None:\n"
        "        super().__init__('Gone.')\n"
        "raise VaultError(E.VAULT_LOCKED)\n"
    )
    errors = {"TomarError", "VaultError", "RecordProblem", "Gone"}
    found = bare_sentences(_in_error_classes(ast.parse(source), errors), errors)
    assert [line for line, _ in found] == [1, 2, 3, 4, 5, 8]


def test_every_code_is_used_and_named_arguments_match_its_template() -> None:
    used: set[ErrorCode] = set()
    wrong = []
    for rel, tree in _modules().items():
        if rel.startswith(("core/error_codes", "core/error_text")):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                code = _code_of(node)
                if code is not None:
                    used.add(code)
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            index = 1 if name in SECOND else 0
            code = _code_of(node.args[index]) if len(node.args) > index else None
            if code is None or any(kw.arg is None for kw in node.keywords):
                continue
            given = {kw.arg or "" for kw in node.keywords} - {"retry_after"}
            if given != set(placeholders(TEMPLATES[code])):
                wrong.append(f"{rel}:{node.lineno}: {code.name} given {sorted(given)}")
    assert not wrong, "\n".join(wrong)
    # Codes met only through a table or a helper are used there by name too.
    assert set(ErrorCode) - used == set(), sorted(c.name for c in set(ErrorCode) - used)


def test_english_is_the_template_with_its_arguments() -> None:
    error = RecordProblem("0123abcd", E.INTAKE_ALREADY_RECEIVED_DEVICE_REPLAYED, device="1-2")
    assert error.code == E.INTAKE_RECORD_PROBLEM
    assert str(error) == (
        "Record 0123abcd: it was already received from device 1-2 (a replayed record)."
    )
    # A part that is itself a code or a message is said too; other parts as they are,
    # in one pass: a folder named "{folder}" is not read as a template.
    said = Message(E.SYNC_NO_SUCH_FOLDER, folder="/media/{folder}%1")
    assert said == "The folder /media/{folder}%1 does not exist. Is the USB stick or " + (
        "shared folder there?"
    )
    nested = Message(E.SYNC_BATCH_REFUSED, number=3, detail=ServerRefused(409, said).message)
    assert nested.startswith("Batch 3 was refused: The folder /media/")
    assert english(E.ZIPUTIL_INCOMPLETE, {"what": E.WORD_RECEIPT}) == "This receipt is incomplete."


def test_errors_and_messages_keep_their_code_across_processes() -> None:
    """Errors travel from the import's worker processes (pickled) with code and parts."""
    problem = RecordProblem("0123abcd", E.INTAKE_TIME_DAMAGED)
    again = pickle.loads(pickle.dumps(problem))  # noqa: S301 - our own bytes
    assert (type(again), again.code, again.record_id) == (
        RecordProblem,
        E.INTAKE_RECORD_PROBLEM,
        "0123abcd",
    )
    assert again.reason.code == E.INTAKE_TIME_DAMAGED and str(again) == str(problem)
    refused = pickle.loads(pickle.dumps(ServerRefused(403, E.SERVER_ORGANIZER_MAY)))  # noqa: S301
    assert (refused.status, refused.code) == (403, E.SERVER_ORGANIZER_MAY)
    message = pickle.loads(pickle.dumps(Message(E.WORD_BATCH_NUMBER, number=4)))  # noqa: S301
    assert (message, message.code, dict(message.params)) == (
        "batch 4",
        E.WORD_BATCH_NUMBER,
        {"number": 4},
    )


def test_english_only_codes_are_the_command_line_the_server_and_bugs() -> None:
    only = {code for code in ErrorCode if english_only(code)}
    areas = {code.value.split(".")[0] for code in only}
    assert areas <= {"cli", "server", "age", "bech32", "minisign", "places", "intake"}
    assert not english_only(E.VAULT_LOCKED) and english_only(E.CLI_NO_VAULT)


CANARY = "Zzcanaryq"


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> kit.Pool:
    return kit.shared_pool(tmp_path_factory)


def test_signer_data_never_reaches_an_error(pool: kit.Pool) -> None:
    """The canary: what a signer typed is in no error, in no language's template."""
    with pytest.raises(ValidationError) as email:
        normalize.normalize_email(f"{CANARY}@@example")
    with pytest.raises(ValidationError) as phone:
        normalize.normalize_phone(f"+1 {CANARY} 555", "US")
    form = records.SignatureForm(
        fields={"full_name": CANARY * 200, "email": f"{CANARY}@", "shoe": CANARY},
        consent=False,
        lang="en",
        signature=None,
    )
    with pytest.raises(ValidationError) as invalid:
        records.validate(pool.campaign, form)
    problems = invalid.value.problems
    assert problems and all(isinstance(code, ErrorCode) for code in problems.values())
    for error in (email.value, phone.value, invalid.value):
        assert CANARY not in str(error) and CANARY not in repr(error.params)
    for template in TEMPLATES.values():
        assert CANARY not in template


def test_a_plain_exception_is_not_an_error_with_a_code() -> None:
    with pytest.raises(TypeError):
        TomarError("The vault is locked.")  # type: ignore[arg-type]
