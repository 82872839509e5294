"""Core sentences in the interface language: the real rejection messages of the core,
translated to Persian through the compiled translation, with their variable parts."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tomar.gui import messages
from tomar.gui.i18n import Languages
from tomar.gui.messages import CORE, core_text

from .. import batchkit as kit
from ..test_intake import _PROBLEMS, _forged_a1

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


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
        assert translated != sentence and not LATIN_WORD.search(translated), sentence
        assert re.findall(r"%\d", translated) == re.findall(r"%\d", sentence), sentence


@pytest.mark.parametrize("variant", sorted(v for v, text in _PROBLEMS.items() if text))
def test_rejected_records_are_explained_in_persian(
    judge: kit.Org, pool: kit.Pool, langs: Languages, variant: str
) -> None:
    rid, forged = _forged_a1(pool, variant)
    with judge.intake() as intake:
        result = intake.import_bytes(forged, name="forged.tomar-batch")
    assert result.status == "rejected"
    fa = core_text(langs, "fa", result.message)
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
