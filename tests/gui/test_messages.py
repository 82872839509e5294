"""Core sentences in the interface language: the real rejection messages of the core,
translated to Persian through the compiled translation, with their variable parts; and
a reading of every raise site, so that no sentence a person can meet stays in English."""

from __future__ import annotations

import ast
import errno
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from bidi import get_display

import tomar
from tomar.core import atomic, bech32, campaign, keyfile, recovery, signed
from tomar.core.errors import TomarError
from tomar.core.identity import OrganizerIdentity
from tomar.core.sheets import blank
from tomar.gui import messages
from tomar.gui.i18n import Languages
from tomar.gui.messages import CORE, core_text, error_text
from tomar.sync.auth import RequestSigner
from tomar.sync.folder import FolderTarget
from tomar.sync.http import RetryPolicy, ServerTarget

from .. import batchkit as kit
from ..forgekit import PROBLEMS as _PROBLEMS
from ..forgekit import forged_a1 as _forged_a1

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Technical words a Persian sentence keeps as they are (commands, keys of the campaign
# spec, key prefixes, formats), longest first.
LATIN_TOKENS = sorted(
    {
        "tomar sync --to URL|FOLDER",
        "'tomar sync --to FOLDER'",
        "'tomar organizer backup'",
        "'tomar organizer shares'",
        "'--without-shares'",
        "'tomar organizer init'",
        "'tomar init'",
        "'tomar wipe --yes'",
        "tomar.key",
        "`minisign -C -W`",
        "minisign",
        "AGE-SECRET-KEY-PQ-1...",
        "AGE-SECRET-KEY-1...",
        "AGE-SECRET-KEY-",
        "age1pq1...",
        "age1...",
        "age1",
        "age",
        "--home",
        "https://",
        "http://",
        "[[fields]]",
        "[[consents]]",
        "'consents'",
        "'purpose'",
        "'text'",
        "'delete_by'",
        "'delete_after_days'",
        "'languages'",
        "'addressee'",
        "'signature'",
        '"required"',
        '"optional"',
        "'required'",
        "'label'",
        "'name'",
        "'phone_region'",
        "'end_date'",
        "'sync_url'",
        "'revision'",
        "'server_cert_sha256'",
        "'display_default'",
        '"ask"',
        '"hidden"',
        '"initials"',
        '"full"',
        "'hybrid'",
        "'x25519'",
        "SHA-256",
        "TOML",
        "ZIP",
        "CSV",
        "letter",
        "true",
        "false",
    },
    key=len,
    reverse=True,
)

LRM = "\u200e"


def _latin_left(text: str, *parts: str) -> list[str]:
    """Latin words in `text` once the allowed technical tokens and `parts` are taken out."""
    for token in [*parts, *LATIN_TOKENS]:
        text = text.replace(token, " ")
    return LATIN_WORD.findall(text)


@pytest.fixture(scope="module")
def langs() -> Languages:
    return Languages()


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> kit.Pool:
    return kit.shared_pool(tmp_path_factory)


@pytest.fixture(scope="module")
def judge(pool: kit.Pool, tmp_path_factory: pytest.TempPathFactory) -> Iterator[kit.Org]:
    o = pool.fresh(tmp_path_factory.mktemp("judge") / "organizer")
    yield o
    o.close()


def test_every_core_sentence_has_a_persian_translation(langs: Languages) -> None:
    sentences = set(messages._CORE) | set(messages._CORE_TEMPLATES)
    for sentence in sentences:
        translated = langs.text("fa", CORE, sentence)
        assert translated != sentence and not _latin_left(translated), sentence
        assert sorted(re.findall(r"%\d", translated)) == re.findall(r"%\d", sentence), sentence
        # The style of the file: «می‌شود», «نمی‌توان» are joined by a ZWNJ, never a space.
        assert not re.search(r"(^|\s)ن?می ", translated), sentence
        assert not re.search(r"[~^]", translated), sentence


def test_templates_number_their_parts_in_order() -> None:
    for template in messages._CORE_TEMPLATES:
        numbers = re.findall(r"%(\d)", template)
        assert numbers == [str(n) for n in range(1, len(numbers) + 1)], template


@pytest.mark.parametrize("variant", sorted(v for v, text in _PROBLEMS.items() if text))
def test_rejected_records_are_explained_in_persian(
    judge: kit.Org, pool: kit.Pool, langs: Languages, variant: str
) -> None:
    rid, forged = _forged_a1(pool, variant)
    with judge.intake() as intake:
        result = intake.import_bytes(forged, name="forged.tomar-batch")
    assert result.status == "rejected"
    fa = core_text(langs, "fa", result.message).replace(LRM, "")
    assert fa.startswith(f"مورد {rid}: ") and fa.endswith("کل این بسته رد شد.")
    assert not LATIN_WORD.search(fa.replace(rid, "")), (result.message, fa)
    assert core_text(langs, "en", result.message) == result.message


def test_rejected_batches_are_explained_in_persian(
    judge: kit.Org, pool: kit.Pool, langs: Languages
) -> None:
    genuine = pool.batches["A1"]
    with judge.intake() as intake:
        cut = intake.import_bytes(genuine[: len(genuine) // 2], name="cut.tomar-batch")
    assert core_text(langs, "fa", cut.message) in {
        "این بسته آسیب دیده یا ناقص است.",
        "این بسته ناقص است.",
    }, cut.message
    unknown = "A sentence the interface does not know."
    assert core_text(langs, "fa", unknown) == unknown


# --- real errors of the core, in Persian, with their parts ------------------------------


def _persian(langs: Languages, exc: BaseException, *parts: str) -> str:
    """`exc` as the Persian interface shows it; only `parts` and technical words in Latin."""
    message = str(exc)
    for part in parts:
        assert part in message, (part, message)
    fa = error_text(langs, "fa", exc)
    assert fa != message and not _latin_left(fa, *parts), (message, fa)
    for part in parts:
        assert part in fa, (part, fa)
    assert error_text(langs, "en", exc) == message
    return fa.replace(LRM, "")  # the marks around Latin parts: see test_latin_parts_...


def test_campaign_wizard_errors_in_persian(langs: Languages) -> None:
    organizer = OrganizerIdentity.generate("Org", "x25519")
    spec = 'languages = ["en", "fa"]\n[title]\nen = "Free them"\nfa = ""\n'
    with pytest.raises(TomarError) as missing:
        campaign.doc_from_spec(spec, organizer)
    fa = _persian(langs, missing.value)
    assert fa == "در مشخصات کارزار، عنوان برای زبان «fa» نوشته نشده است."
    with pytest.raises(TomarError) as toml:
        campaign.doc_from_spec("title = = 1", organizer)
    detail = str(toml.value).removeprefix("The campaign spec is not valid TOML: ")
    assert _persian(langs, toml.value, detail).endswith(f": {detail}")


def test_damaged_files_in_persian(langs: Languages, tmp_path: Path) -> None:
    with pytest.raises(TomarError) as package:
        campaign.read_package(b"not a zip at all")
    assert _persian(langs, package.value) == "این فایل کارزار آسیب دیده یا ناقص است."
    with pytest.raises(TomarError) as receipt:
        signed.read_doc(b"{", "receipt", what="receipt")
    assert _persian(langs, receipt.value) == "این فایل رسید طومار نیست، یا آسیب دیده است."
    with pytest.raises(TomarError) as key:
        keyfile.read(tmp_path / "missing.key")
    _persian(langs, key.value)
    with pytest.raises(TomarError) as case:
        bech32.decode("Age1qqqqqqqqqq")
    _persian(langs, case.value)


def test_recovery_and_paper_errors_in_persian(langs: Languages) -> None:
    with pytest.raises(TomarError) as nothing:
        recovery.combine([" "])
    assert _persian(langs, nothing.value) == "هیچ سهمی داده نشد."
    with pytest.raises(TomarError) as typo:
        recovery.share_info("academic acid acne acquire acrobat activity")
    _persian(langs, typo.value)
    with pytest.raises(TomarError) as serial:
        blank.normalize_serial("A1/B2")
    _persian(langs, serial.value)


def test_storage_errors_keep_what_the_system_said(langs: Languages) -> None:
    full = atomic.storage_error(OSError(errno.ENOSPC, "No space left on device"), "the batch")
    assert _persian(langs, full).startswith("دیسک پر است و بسته ذخیره نشد.")
    broken = atomic.storage_error(OSError(errno.EMFILE, "Too many open files"), "the receipt")
    assert _persian(langs, broken, "Too many open files") == (
        "دیسک خطا داد و رسید ذخیره نشد (Too many open files)."
    )
    # Read-only and I/O errors have their own sentences: neither says anything was lost.
    failing = atomic.storage_error(OSError(errno.EIO, "Input/output error"), "the receipt")
    assert _persian(langs, failing).startswith("دیسک خطای ورودی/خروجی داد و رسید ذخیره نشد.")
    read_only = atomic.storage_error(OSError(errno.EROFS, "Read-only file system"), "the batch")
    assert _persian(langs, read_only).startswith("این دیسک یا پوشه فقط‌خواندنی است و بسته")


def test_sync_errors_keep_folders_and_addresses(
    langs: Languages, pool: kit.Pool, tmp_path: Path
) -> None:
    stick = tmp_path / "My%20Stick %1"  # a "%2" or "%1" in a part stays as it is
    with pytest.raises(TomarError) as gone:
        FolderTarget(stick)
    assert _persian(langs, gone.value, str(stick)).startswith(f"پوشهٔ {stick} وجود ندارد.")
    signer = RequestSigner.from_seed(bytes(32), pool.campaign.id)
    target = ServerTarget(
        "http://127.0.0.1:9", pool.campaign, signer, retry=RetryPolicy(attempts=1)
    )
    try:
        with pytest.raises(TomarError) as down:
            target.health()
    finally:
        target.close()
    fa = _persian(langs, down.value, "http://127.0.0.1:9")
    assert fa.startswith("سرور http://127.0.0.1:9 به‌موقع پاسخ نداد (") and fa.endswith(").")


def test_latin_parts_keep_their_order_in_persian(langs: Languages) -> None:
    """A folder, an address or an id inside right-to-left text is shown as typed: without
    the marks around it, "/media/usb/Tomar" would read "media/usb/Tomar/"."""
    message = "The folder /media/usb/Tomar does not exist. Is the USB stick or shared folder there?"
    fa = core_text(langs, "fa", message)
    assert f"{LRM}/media/usb/Tomar{LRM}" in fa
    assert "/media/usb/Tomar" in get_display(fa, base_dir="R")  # as the reader sees it
    assert "/media/usb/Tomar" not in get_display(fa.replace(LRM, ""), base_dir="R")
    # Translated parts and left-to-right languages get no marks.
    assert LRM not in core_text(langs, "en", message)
    assert core_text(langs, "fa", "This batch is damaged or incomplete.").count(LRM) == 0


def test_parts_are_put_back_in_one_pass(langs: Languages) -> None:
    message = "My%20Stick %1.tomar-batch cannot be read (Permission denied)."
    assert core_text(langs, "fa", message).replace(LRM, "") == (
        "My%20Stick %1.tomar-batch خوانده نمی‌شود (Permission denied)."
    )
    nested = (
        "Batch 4 was not sent: The server at https://a.example did not answer in time "
        "(no connection)."
    )
    assert core_text(langs, "fa", nested).replace(LRM, "") == (
        "بستهٔ 4 فرستاده نشد: سرور https://a.example به‌موقع پاسخ نداد (اتصالی برقرار نشد)."
    )


# --- every sentence of the raise sites ------------------------------------------------
#
# The core, sync and app modules are read with `ast`: every sentence given to a TomarError
# (or a subclass), every `_MSG_*` constant, every sentence a sync result collects and every
# "what" a file is called must be known to messages.py, so that a new error added without
# a translation fails here instead of reaching a Persian volunteer in English.

SRC = Path(tomar.__file__).resolve().parent

# core/ and sync/ modules whose errors can reach the app (every one that is not excluded
# below), and the app's own modules.
IN_SCOPE: tuple[str, ...] = (
    "core/age.py",
    "core/atomic.py",
    "core/batch.py",
    "core/bech32.py",
    "core/campaign.py",
    "core/canon.py",
    "core/countries.py",
    "core/device.py",
    "core/enroll.py",
    "core/fingerprint.py",
    "core/identity.py",
    "core/intake/__init__.py",
    "core/intake/audit.py",
    "core/intake/closing.py",
    "core/intake/dedupe.py",
    "core/intake/devices.py",
    "core/intake/opening.py",
    "core/intake/outputs.py",
    "core/intake/pipeline.py",
    "core/intake/reports.py",
    "core/intake/results.py",
    "core/intake/store.py",
    "core/keyfile.py",
    "core/migrations.py",
    "core/minisign.py",
    "core/normalize.py",
    "core/organizer.py",
    "core/rebuild.py",
    "core/receipts.py",
    "core/records.py",
    "core/recovery.py",
    "core/signed.py",
    "core/strokes.py",
    "core/vault.py",
    "core/ziputil.py",
    "core/sheets/blank.py",
    "core/sheets/common.py",
    "core/sheets/delivery.py",
    "core/sheets/packets.py",
    "core/sheets/qr.py",
    "core/sheets/report.py",
    "core/sheets/shares.py",
    "sync/auth.py",
    "sync/client.py",
    "sync/folder.py",
    "sync/http.py",
    "sync/target.py",
    *sorted(
        p.relative_to(SRC).as_posix()
        for p in (SRC / "gui").rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py", "messages.py")
    ),
)
NOT_IN_SCOPE: dict[str, str] = {
    "core/__init__.py": "no errors",
    "core/intake/districts.py": "its errors meet `tomar districts load|set` only, for now",
    "core/places.py": "validation keys; its district table errors meet `tomar districts load` only",
    "core/lookaside.py": "raises nothing: a library that cannot be tuned is left as it is",
    "core/batches_view.py": "read models: raise nothing a person can meet",
    "core/signers_view.py": "read models: raise nothing a person can meet",
    "core/errors.py": "the error classes; ValidationError is shown per field, by key",
    "core/sheets/__init__.py": "no errors",
    "core/sheets/stream.py": "ValueErrors about ReportLab's own output, never shown",
    "core/sheets/text.py": "an ImportError for the developer, never shown",
    "sync/__init__.py": "no errors",
    "sync/errors.py": "the error classes",
}
# Only a bug can cause these; they stay in English.
ENGLISH_ONLY = frozenset(
    {
        "Internal error: no one to seal the file for.",
        "Internal error: a recipient produced an invalid stanza.",
        "Internal error: invalid key prefix.",
        "A signing key id must be exactly 8 bytes.",
        "A signing key must be exactly 32 bytes.",
    }
)
# Helpers whose return values become sentences or parts of sentences.
HELPERS = {
    ("core/recovery.py", "_why"),
    ("sync/http.py", "_transport_words"),
    ("sync/http.py", "_words"),
}
# Parts that the code builds in ways `ast` does not follow.
EXTRA_PARTS = {
    "title": "campaign._texts(doc, key, ...) for key in title, text, consent",
    "text": "the same",
    "consent": "the same",
    "the server could not be reached": "http.ServerTarget.request: `last`",
}
# Templates made of two f-strings, or of an f-string given as a name.
COMPOSED = {
    "Record %1: %2 The whole batch was rejected.": "RecordProblem + Importer._import_read",
    "batch %1": "RemoteBatch(name=f'batch {sha[:12]}') in http.ServerTarget.list_batches",
    "it cannot be read (an unexpected %1).": "opening._problem, returned as a record's reason",
    "This batch could not be read (an unexpected %1); it was rejected and nothing of it "
    "was kept.": "pipeline.unexpected, returned as an import's message",
}


@dataclass
class Found:
    """What the raise sites say: sentences (constant or f-string) and parts."""

    sentences: dict[str, str] = field(default_factory=dict)  # sentence -> where
    templates: dict[str, str] = field(default_factory=dict)  # f-string as %1... -> where
    parts: dict[str, str] = field(default_factory=dict)  # a "what" -> where


def _as_template(node: ast.JoinedStr) -> str:
    out, n = [], 0
    for value in node.values:
        if isinstance(value, ast.Constant):
            out.append(str(value.value))
        else:
            n += 1
            out.append(f"%{n}")
    return "".join(out)


def _sample(template: str) -> str:
    """A sentence the f-string could produce: each part replaced by a sample value."""
    return re.sub(r"%(\d)", lambda m: f"part{m[1]}", template)


def _module(rel: str) -> ModuleType:
    return importlib.import_module("tomar." + rel.removesuffix(".py").replace("/", "."))


def _resolve(node: ast.expr, namespace: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return namespace.get(node.id)
    if isinstance(node, ast.Attribute):
        return getattr(_resolve(node.value, namespace), node.attr, None)
    return None


def _is_error(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, TomarError)


def _what_params(trees: dict[str, ast.Module]) -> dict[str, int]:
    """Functions (and classes, for __init__) of the core and sync with a `what` parameter,
    the word for what a file is ("batch", "the receipt"): name -> its index, or -1."""
    out: dict[str, int] = {}
    for rel, tree in trees.items():
        if rel.startswith("gui/"):
            continue
        for cls in [None, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
            body = tree.body if cls is None else cls.body
            for fn in body:
                if not isinstance(fn, ast.FunctionDef):
                    continue
                names = [a.arg for a in fn.args.posonlyargs + fn.args.args]
                if names[:1] == ["self"]:
                    names = names[1:]
                kwonly = [a.arg for a in fn.args.kwonlyargs]
                if "what" not in names + kwonly:
                    continue
                name = cls.name if cls is not None and fn.name == "__init__" else fn.name
                out[name] = names.index("what") if "what" in names else -1
    return out


class _Reader(ast.NodeVisitor):
    def __init__(self, rel: str, found: Found, what_params: dict[str, int]) -> None:
        self.rel = rel
        self.found = found
        self.what_params = what_params
        self.namespace = vars(_module(rel))
        self.locals: list[dict[str, ast.expr]] = [{}]
        self.classes: list[str] = []
        self.functions: list[str] = []

    def where(self, node: ast.AST) -> str:
        return f"{self.rel}:{getattr(node, 'lineno', '?')}"

    def add(self, node: ast.expr | None, *, part: bool = False, names: bool = True) -> None:
        """Record a sentence (or a part) if `node` is a string, an f-string or names one."""
        if isinstance(node, ast.Name) and names:
            for scope in reversed(self.locals):
                if node.id in scope:
                    self.add(scope[node.id], part=part, names=False)
                    return
            return  # a parameter: its callers give the sentence
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self.add(value, part=part)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
            bucket = self.found.parts if part else self.found.sentences
            bucket.setdefault(node.value, self.where(node))
        elif isinstance(node, ast.JoinedStr):
            self.found.templates.setdefault(_as_template(node), self.where(node))

    def visit_Module(self, node: ast.Module) -> None:
        for stmt in node.body:  # module constants, and every _MSG_* sentence
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                self.locals[0][stmt.targets[0].id] = stmt.value
                if stmt.targets[0].id.startswith("_MSG"):
                    self.add(stmt.value)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        scope: dict[str, ast.expr] = {}
        for sub in ast.walk(node):
            if (
                isinstance(sub, ast.Assign)
                and isinstance(sub.targets[0], ast.Name)
                and isinstance(sub.value, ast.Constant | ast.JoinedStr)
            ):
                scope[sub.targets[0].id] = sub.value
        names = [a.arg for a in node.args.args]
        if "what" in names:  # a default "what" is a part too
            defaults = node.args.defaults
            index = names.index("what") - (len(names) - len(defaults))
            if index >= 0:
                self.add(defaults[index], part=True)
        for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True):
            if arg.arg == "what":
                self.add(default, part=True)
        if "what" in scope:
            self.add(scope["what"], part=True)
        if (self.rel, node.name) in HELPERS:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return):
                    self.add(sub.value, part=node.name != "_why")
        self.locals.append(scope)
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()
        self.locals.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if _is_error(_resolve(func, self.namespace)):
            for arg in node.args:
                self.add(arg)
        elif name == "__init__" and self.classes and self.functions[-1:] == ["__init__"]:
            if _is_error(self.namespace.get(self.classes[-1])):  # super().__init__("...")
                for arg in node.args:
                    if isinstance(arg, ast.Constant):
                        self.add(arg)
        elif name == "append" and getattr(func, "value", None) is not None:
            if isinstance(func, ast.Attribute) and ast.unparse(func.value).endswith(".errors"):
                self.add(node.args[0])  # SyncResult / PullResult errors
        elif name in ("ImportResult", "_result"):  # the message of a rejected batch
            status = 1 if name == "ImportResult" else 2
            args = node.args[status:]
            if len(args) >= 2 and ast.unparse(args[0]) in ("'rejected'", "ImportStatus.REJECTED"):
                message = args[1]
                # f"{exc} The whole batch was rejected." adds to a RecordProblem: COMPOSED
                if not (
                    isinstance(message, ast.JoinedStr)
                    and isinstance(message.values[0], ast.FormattedValue)
                ):
                    self.add(message)
        if name in self.what_params:
            index = self.what_params[name]
            args = [kw.value for kw in node.keywords if kw.arg == "what"]
            if 0 <= index < len(node.args):
                args.append(node.args[index])
            for arg in args:
                self.add(arg, part=True)
        self.generic_visit(node)


@pytest.fixture(scope="module")
def found() -> Found:
    trees = {rel: ast.parse((SRC / rel).read_text("utf-8")) for rel in IN_SCOPE}
    what_params = _what_params(trees)
    out = Found()
    for rel, tree in trees.items():
        _Reader(rel, out, what_params).visit(tree)
    return out


def _translated(message: str) -> bool:
    if message in messages._CORE:
        return True
    return any(messages._pattern(t).fullmatch(message) for t in messages._CORE_TEMPLATES)


def test_every_core_and_sync_module_is_in_scope_or_left_out_on_purpose() -> None:
    modules = {
        p.relative_to(SRC).as_posix() for d in ("core", "sync") for p in (SRC / d).rglob("*.py")
    }
    assert modules == {m for m in IN_SCOPE if not m.startswith("gui/")} | set(NOT_IN_SCOPE)


def test_the_reader_finds_the_raise_sites(found: Found) -> None:
    """A check of the check: sentences of each kind that it must find."""
    assert "The passphrase is not correct." in found.sentences  # raise X("...")
    assert "No key was given to open this file." in found.sentences  # a _MSG_ constant
    assert "The same share was given twice." in found.sentences  # a helper's return
    assert "it is of an unknown type." in found.sentences  # RecordProblem(rid, "...")
    assert "Cancelled: no file was written." in found.sentences  # super().__init__("...")
    assert "That file is too large to be an enrollment request." in found.sentences  # gui
    assert "This %1 is damaged." in found.templates  # f-string
    assert "The %1 comment cannot be used: it must be a single line of text." in found.templates
    assert "Batch %1 was not sent: %2" in found.templates  # SyncResult.errors
    assert "The disk is full: %1 was not saved. Free some space and try again." in found.templates
    assert {"batch", "receipt", "the batch", "the file", "width", "trusted"} <= set(found.parts)
    assert "no connection" in found.parts and "the server answered %1" in found.templates
    assert len(found.sentences) > 150 and len(found.templates) > 50


def test_every_sentence_a_person_can_meet_is_translated(found: Found) -> None:
    missing = [
        f"{where}: {sentence}"
        for sentence, where in sorted(found.sentences.items())
        if sentence not in messages._CORE and sentence not in ENGLISH_ONLY
    ]
    missing += [
        f"{where}: {template}"
        for template, where in sorted(found.templates.items())
        if not _translated(_sample(template))
    ]
    missing += [
        f"{where}: part {part!r}"
        for part, where in sorted(found.parts.items())
        if part not in messages._CORE
    ]
    missing += [part for part in EXTRA_PARTS if part not in messages._CORE]
    assert not missing, "\n".join(missing)


def test_every_known_sentence_is_one_the_code_says(found: Found) -> None:
    """A typo in messages.py (a missing period...) would leave the real sentence in English."""
    said = set(found.sentences) | set(found.parts) | set(EXTRA_PARTS)
    stale = [s for s in messages._CORE if s not in said]
    stale += [t for t in messages._CORE_TEMPLATES if t not in found.templates and t not in COMPOSED]
    assert not stale, stale


def test_no_template_hides_another() -> None:
    """Templates are tried in order: each must be the first to match its own sentences."""
    for template in messages._CORE_TEMPLATES:
        sample = _sample(template)
        first = next(t for t in messages._CORE_TEMPLATES if messages._pattern(t).fullmatch(sample))
        assert first == template, (template, first)
        assert sample not in messages._CORE, template


# --- Arabic: the same sentences, read back through the compiled Arabic translation ------

I18N = SRC.parent.parent / "resources" / "i18n"
# Letters Persian has and Arabic has not (and Persian digits): an Arabic sentence holding
# one was copied from the Persian file.
PERSIAN_ONLY = re.compile("[پچژگکیۀ۰-۹]")
HARAKAT = dict.fromkeys(range(0x064B, 0x0653), None)


def _ts(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) -> (translation, finished) for every message of a .ts file."""
    import xml.etree.ElementTree as ET

    out: dict[tuple[str, str], tuple[str, bool]] = {}
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, message.findtext("source") or "")] = (translation.text or "", finished)
    return out


def test_arabic_has_every_message_persian_has() -> None:
    fa, ar = _ts(I18N / "tomar_fa.ts"), _ts(I18N / "tomar_ar.ts")
    assert set(ar) == set(fa)
    for (context, source), (text, finished) in ar.items():
        where = f"{context}: {source}"
        assert finished and text.strip(), where
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), where
        # No Latin word that the Persian sentence does not keep as well (commands, formats).
        assert set(LATIN_WORD.findall(text)) <= set(LATIN_WORD.findall(fa[(context, source)][0]))
        assert not PERSIAN_ONLY.search(text.replace("فارسی", "")), where


def test_every_core_sentence_has_an_arabic_translation(langs: Languages) -> None:
    assert "ar" in langs.available()
    for sentence in set(messages._CORE) | set(messages._CORE_TEMPLATES):
        translated = langs.text("ar", CORE, sentence)
        assert translated != sentence and not _latin_left(translated), sentence
        assert translated != langs.text("fa", CORE, sentence), sentence
        assert sorted(re.findall(r"%\d", translated)) == re.findall(r"%\d", sentence), sentence


@pytest.mark.parametrize("variant", sorted(v for v, text in _PROBLEMS.items() if text))
def test_rejected_records_are_explained_in_arabic(
    judge: kit.Org, pool: kit.Pool, langs: Languages, variant: str
) -> None:
    rid, forged = _forged_a1(pool, variant)
    with judge.intake() as intake:
        result = intake.import_bytes(forged, name="forged.tomar-batch")
    assert result.status == "rejected"
    ar = core_text(langs, "ar", result.message).replace(LRM, "")
    assert ar.startswith(f"التوقيع {rid}: ") and ar.endswith("رُفضت الدفعة كلها.")
    assert not LATIN_WORD.search(ar.replace(rid, "")), (result.message, ar)


def _arabic(langs: Languages, exc: BaseException, *parts: str) -> str:
    message = str(exc)
    ar = error_text(langs, "ar", exc)
    assert ar != message and not _latin_left(ar, *parts), (message, ar)
    for part in parts:
        assert part in ar, (part, ar)
    return ar.replace(LRM, "").translate(HARAKAT)


def test_core_errors_in_arabic(langs: Languages, tmp_path: Path) -> None:
    with pytest.raises(TomarError) as package:
        campaign.read_package(b"not a zip at all")
    assert _arabic(langs, package.value) == "هذا الملف (ملف حملة) تالف أو ناقص."
    with pytest.raises(TomarError) as nothing:
        recovery.combine([" "])
    assert _arabic(langs, nothing.value) == "لم تعط أي حصة."
    full = atomic.storage_error(OSError(errno.ENOSPC, "No space left on device"), "the batch")
    assert _arabic(langs, full).startswith("القرص ممتلئ: تعذر حفظ الدفعة.")
    broken = atomic.storage_error(OSError(errno.EMFILE, "Too many open files"), "the receipt")
    assert _arabic(langs, broken, "Too many open files") == (
        "أبلغ القرص عن خطأ: تعذر حفظ الإيصال (Too many open files)."
    )
    failing = atomic.storage_error(OSError(errno.EIO, "Input/output error"), "the receipt")
    assert _arabic(langs, failing).startswith(
        "أبلغ القرص عن خطأ في القراءة أو الكتابة: لم يحفظ الإيصال."
    )
    with pytest.raises(TomarError) as serial:
        blank.normalize_serial("A1/B2")
    _arabic(langs, serial.value)


def test_latin_parts_keep_their_order_in_arabic(langs: Languages) -> None:
    message = "The folder /media/usb/Tomar does not exist. Is the USB stick or shared folder there?"
    ar = core_text(langs, "ar", message)
    assert f"{LRM}/media/usb/Tomar{LRM}" in ar
    assert "/media/usb/Tomar" in get_display(ar, base_dir="R")
    nested = (
        "Batch 4 was not sent: The server at https://a.example did not answer in time "
        "(no connection)."
    )
    assert core_text(langs, "ar", nested).replace(LRM, "") == (
        "لم تُرسل الدفعة 4: لم يرد الخادم في https://a.example في الوقت المحدد (لا يوجد اتصال)."
    )
