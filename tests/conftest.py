"""Shared fixtures: real vaults in temporary homes, with the fast (64 MiB, one pass) KDF.

The fast KDF is set here for this process and, through tests/kdf/sitecustomize.py on
PYTHONPATH, for every Python process a test starts; the shipped code has no switch for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from tomar import demo
from tomar.core import keyfile, organizer, strokes, vault
from tomar.core.device import Device, init_vault
from tomar.core.identity import OrganizerIdentity
from tomar.core.records import SignatureForm
from tomar.resources import resource_path

from .tools import tool_missing, unavailable

if TYPE_CHECKING:  # imported lazily: test_reliability runs this file as a plain module
    from .seaweed import Seaweed

PASS = "correct horse battery"
BACKUP_PASS = "backup passphrase 1"
FAST_KDF = keyfile.KdfParams(memory_kib=keyfile.MIN_MEMORY_KIB, iterations=1, lanes=1)
KDF_SITE = Path(__file__).resolve().parent / "kdf"
keyfile.DEFAULT_PARAMS = FAST_KDF  # also for module-scoped fixtures, before any test
_paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
if str(KDF_SITE) not in _paths:
    os.environ["PYTHONPATH"] = os.pathsep.join([str(KDF_SITE), *_paths])

# On a developer's machine every run tries new examples (and replays past failures from
# .hypothesis/); CI runs the same examples every time, so a red CI run is reproducible and
# a green one does not depend on luck. Run `CI=true make test` to get CI's examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_tool(*names): skip without the tools locally, fail in CI"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs_tool"):
        missing = [name for name in mark.args if tool_missing(name)]
        if missing:
            unavailable(f"missing tool(s): {', '.join(missing)}")


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(keyfile, "DEFAULT_PARAMS", FAST_KDF)
    vault.THROTTLE.failures = 0
    yield
    vault.THROTTLE.failures = 0


@pytest.fixture
def spec_text() -> str:
    return resource_path("demo", "demo-campaign.toml").read_text("utf-8")


def make_organizer(
    home: Path, spec: str, kind: str = "x25519"
) -> tuple[vault.Vault, OrganizerIdentity, bytes]:
    v = init_vault(home, PASS)
    ident = organizer.init(v, "Test Organizer", kind)
    organizer.backup(v, home.parent / f"{home.name}-backup.age", BACKUP_PASS)
    _, package = organizer.create_campaign(v, spec, without_shares=True)
    return v, ident, package


@pytest.fixture(params=["x25519"])
def org(tmp_path: Path, spec_text: str) -> Iterator[tuple[vault.Vault, OrganizerIdentity, bytes]]:
    v, ident, package = make_organizer(tmp_path / "organizer", spec_text)
    yield v, ident, package
    v.close()


@pytest.fixture
def device(tmp_path: Path, org: tuple[vault.Vault, OrganizerIdentity, bytes]) -> Iterator[Device]:
    v = init_vault(tmp_path / "device", PASS)
    d = Device(v)
    d.import_campaign(org[2])
    d.start_event("Rally", "Washington")
    yield d
    v.close()


def demo_signature() -> strokes.Signature:
    return demo.signature()


def form(name: str = "Sara Example", **fields: str) -> SignatureForm:
    values = {"full_name": name, "city": "Washington", **fields}
    return SignatureForm(fields=values, lang="en", consent=True, signature=demo_signature())


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seaweed]:
    """A real S3 store (SeaweedFS on loopback) for the whole session, stopped at the end."""
    from . import seaweed as sw

    try:
        server = sw.start(tmp_path_factory.mktemp("seaweed"))
    except RuntimeError as exc:
        sw.unavailable(str(exc))
        raise  # not reached: unavailable() fails or skips
    try:
        yield server
    finally:
        server.stop()
