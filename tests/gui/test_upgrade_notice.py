"""Issue 16, item 6, in the app: an upgrade that migrates the vault says so, and where the
copy from before is (the command line says it on stderr: tests/test_cli.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tomar.core import device, keyfile, vault
from tomar.core.identity import DeviceIdentity
from tomar.core.migrations import LATEST
from tomar.gui.screens.unlock import UnlockScreen

from ..conftest import PASS
from .conftest import WindowFactory, unlock


def _vault_of_the_version_before(home: Path) -> None:
    """What `init` wrote with the previous version: the schema before the last migration."""
    home.mkdir()
    key = os.urandom(32)
    conn = vault._connect(vault.db_path(home), key)
    vault.migrate(conn, target=LATEST - 1)
    meta = {
        device.META_DEVICE_KEY: DeviceIdentity.generate().raw_private(),
        device.META_DUP_KEY: os.urandom(32),
        device.META_NEXT_SEQ: b"1",
    }
    with conn:
        conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
    conn.close()
    keyfile.write(vault.key_path(home), key, PASS)


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Your vault was upgraded"), ("fa", "گاوصندوق شما برای این نسخهٔ طومار به‌روز شد")],
)
def test_an_upgrade_is_told_once_with_where_the_copy_is(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str, words: str
) -> None:
    home = tmp_path / "home"
    _vault_of_the_version_before(home)
    window = make_window(home, language=language)
    unlock(qtbot, window)
    assert window.session.is_open
    screen = window.screens["unlock"]
    assert isinstance(screen, UnlockScreen)
    notice = screen.upgrade_notice
    assert notice is not None and notice.isVisible()
    copy = home / f"tomar.db.v{LATEST - 1}.bak"
    assert copy.is_file()
    assert words in notice.text()
    assert str(copy) in notice.informativeText()
    window.lock_now()  # locking closes it, as every dialog
    assert not notice.isVisible()
    window.go("unlock")
    unlock(qtbot, window)
    assert window.session.is_open and screen.upgrade_notice is None  # upgraded once
