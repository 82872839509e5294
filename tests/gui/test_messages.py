"""Core errors in the interface language: every code has a translation in every language
the app ships, and the real rejection messages of the core are said in Persian and Arabic
through the compiled translations, with their named arguments filled in."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bidi import get_display

from tomar.core import atomic, bech32, campaign, keyfile, recovery, signed
from tomar.core.error_text import TEMPLATES, english_only, placeholders
from tomar.core.errors import E, ErrorCode, Message, TomarError
from tomar.core.identity import OrganizerIdentity
from tomar.core.sheets import blank
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
        "name@example.com",
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
PLACEHOLDER = re.compile(r"\{\w+\}")


def _latin_left(text: str, *parts: str) -> list[str]:
    """Latin words in `text` once the allowed technical tokens and `parts` are taken out."""
    text = PLACEHOLDER.sub(" ", text)  # "{record}": filled in when said
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


def _codes() -> list[ErrorCode]:
    """Every code the app can say: all but the command line's, the server's and a bug's."""
    return [code for code in ErrorCode if not english_only(code)]


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_every_code_is_translated_in_every_shipped_language(langs: Languages, lang: str) -> None:
    assert lang in langs.available()
    missing = []
    for code in _codes():
        template = TEMPLATES[code]
        translated = langs.text(lang, CORE, template)
        if translated == template and PLACEHOLDER.sub("", template).strip():
            missing.append(f"{code.value}: {template}")
            continue
        assert not _latin_left(translated), (code, translated)
        assert sorted(placeholders(translated)) == sorted(placeholders(template)), code
        assert not re.search(r"%\d", translated), code
    assert not missing, "\n".join(missing)


def test_every_shipped_language_is_checked(langs: Languages) -> None:
    assert set(langs.available()) == {"en", "fa", "ar"}


def test_persian_style_of_the_error_texts(langs: Languages) -> None:
    for code in _codes():
        translated = langs.text("fa", CORE, TEMPLATES[code])
        # The style of the file: «می‌شود», «نمی‌توان» are joined by a ZWNJ, never a space.
        assert not re.search(r"(^|\s)ن?می ", translated), code
        assert not re.search(r"[~^]", translated), code


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
        signed.read_doc(b"{", "receipt", what=E.WORD_RECEIPT)
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
    full = atomic.storage_error(OSError(errno.ENOSPC, "No space left on device"), E.WORD_THE_BATCH)
    assert _persian(langs, full).startswith("دیسک پر است و بسته ذخیره نشد.")
    broken = atomic.storage_error(OSError(errno.EMFILE, "Too many open files"), E.WORD_THE_RECEIPT)
    assert _persian(langs, broken, "Too many open files") == (
        "دیسک خطا داد و رسید ذخیره نشد (Too many open files)."
    )
    # Read-only and I/O errors have their own sentences: neither says anything was lost.
    failing = atomic.storage_error(OSError(errno.EIO, "Input/output error"), E.WORD_THE_RECEIPT)
    assert _persian(langs, failing).startswith("دیسک خطای ورودی/خروجی داد و رسید ذخیره نشد.")
    read_only = atomic.storage_error(
        OSError(errno.EROFS, "Read-only file system"), E.WORD_THE_BATCH
    )
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
    message = Message(E.SYNC_NO_SUCH_FOLDER, folder="/media/usb/Tomar")
    fa = core_text(langs, "fa", message)
    assert f"{LRM}/media/usb/Tomar{LRM}" in fa
    assert "/media/usb/Tomar" in get_display(fa, base_dir="R")  # as the reader sees it
    assert "/media/usb/Tomar" not in get_display(fa.replace(LRM, ""), base_dir="R")
    # Translated parts and left-to-right languages get no marks.
    assert LRM not in core_text(langs, "en", message)
    damaged = Message(E.ZIPUTIL_DAMAGED_INCOMPLETE, what=E.WORD_BATCH)
    assert core_text(langs, "fa", damaged).count(LRM) == 0


def test_parts_are_put_back_in_one_pass(langs: Languages) -> None:
    stick = "My%20Stick %1 {file}.tomar-batch"  # "%1" or "{file}" in a part stays as it is
    message = Message(E.SYNC_FILE_UNREADABLE, file=stick, detail="Permission denied")
    assert message == "My%20Stick %1 {file}.tomar-batch cannot be read (Permission denied)."
    assert core_text(langs, "fa", message).replace(LRM, "") == (
        "My%20Stick %1 {file}.tomar-batch خوانده نمی‌شود (Permission denied)."
    )
    nested = _nested_sync_error()
    assert core_text(langs, "fa", nested).replace(LRM, "") == (
        "بستهٔ 4 فرستاده نشد: سرور https://a.example به‌موقع پاسخ نداد (اتصالی برقرار نشد)."
    )


# --- Arabic: the same sentences, read back through the compiled Arabic translation ------

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
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
            # A sentence with a count has its plural forms (one in Persian, six in Arabic).
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = " | ".join(forms) if forms else translation.text or ""
            out[(name, message.findtext("source") or "")] = (text, finished)
    return out


def test_arabic_has_every_message_persian_has() -> None:
    fa, ar = _ts(I18N / "tomar_fa.ts"), _ts(I18N / "tomar_ar.ts")
    assert set(ar) == set(fa)
    for (context, source), (text, finished) in ar.items():
        where = f"{context}: {source}"
        assert finished and text.strip(), where
        for form in text.split(" | "):  # each plural form keeps the parts
            assert sorted(re.findall(r"%\d", form)) == sorted(re.findall(r"%\d", source)), where
            assert sorted(placeholders(form)) == sorted(placeholders(source)), where
        # No Latin word that the Persian sentence does not keep as well (commands, formats).
        assert set(LATIN_WORD.findall(text)) <= set(LATIN_WORD.findall(fa[(context, source)][0]))
        assert not PERSIAN_ONLY.search(text.replace("فارسی", "")), where


def test_every_code_reads_differently_in_arabic(langs: Languages) -> None:
    for code in _codes():
        template = TEMPLATES[code]
        if not any(c.isalpha() for c in PLACEHOLDER.sub("", template)):
            continue  # "{first} {second}": nothing to translate
        assert langs.text("ar", CORE, template) != langs.text("fa", CORE, template), code


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
    full = atomic.storage_error(OSError(errno.ENOSPC, "No space left on device"), E.WORD_THE_BATCH)
    assert _arabic(langs, full).startswith("القرص ممتلئ: تعذر حفظ الدفعة.")
    broken = atomic.storage_error(OSError(errno.EMFILE, "Too many open files"), E.WORD_THE_RECEIPT)
    assert _arabic(langs, broken, "Too many open files") == (
        "أبلغ القرص عن خطأ: تعذر حفظ الإيصال (Too many open files)."
    )
    failing = atomic.storage_error(OSError(errno.EIO, "Input/output error"), E.WORD_THE_RECEIPT)
    assert _arabic(langs, failing).startswith(
        "أبلغ القرص عن خطأ في القراءة أو الكتابة: لم يحفظ الإيصال."
    )
    with pytest.raises(TomarError) as serial:
        blank.normalize_serial("A1/B2")
    _arabic(langs, serial.value)


def _nested_sync_error() -> Message:
    """A sync error holding another, holding a word: translated at every depth."""
    nested = Message(
        E.SYNC_BATCH_NOT_SENT,
        number=4,
        detail=Message(
            E.SYNC_SERVER_TOO_SLOW, server="https://a.example", last=E.SYNC_NO_CONNECTION
        ),
    )
    assert nested == (
        "Batch 4 was not sent: The server at https://a.example did not answer in time "
        "(no connection)."
    )
    return nested


def test_latin_parts_keep_their_order_in_arabic(langs: Languages) -> None:
    message = Message(E.SYNC_NO_SUCH_FOLDER, folder="/media/usb/Tomar")
    ar = core_text(langs, "ar", message)
    assert f"{LRM}/media/usb/Tomar{LRM}" in ar
    assert "/media/usb/Tomar" in get_display(ar, base_dir="R")
    nested = _nested_sync_error()
    assert core_text(langs, "ar", nested).replace(LRM, "") == (
        "لم تُرسل الدفعة 4: لم يرد الخادم في https://a.example في الوقت المحدد (لا يوجد اتصال)."
    )
