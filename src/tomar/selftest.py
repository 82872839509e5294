"""`tomar --self-test` and `tomar-gui --self-test`: prove that this copy of Tomar works here.

Meant for a freshly unpacked build (see docs/INSTALL.md), but it runs from a checkout
too. Everything happens in a throwaway folder with the bundled, public demo campaign,
through the real core: create a vault, seal and save a signature, restore the demo
organizer's keys from its backup, enroll the device, export a signed batch, import it
as the organizer (which opens the sealed record), and render a blank sheet in Persian. The
desktop app adds a check that Qt starts on the offscreen platform with the bundled
font, translations and forms.

One line per check; exit status 0 when all pass, 1 with a plain message on the first
failure. Nothing outside the temporary folder is read or changed, except the bundled
files themselves.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from . import __version__, demo
from .resources import resource_path, resources_dir

PASSPHRASE = "self-test passphrase"  # noqa: S105 - a throwaway vault, deleted at the end
BACKUP_PASSPHRASE = "demo backup passphrase"  # noqa: S105 - the public demo backup
ORGANIZER_BACKUP = ("demo", "demo-organizer.backup.age")
PERSIAN_FONT = "Vazirmatn"


class CheckFailed(Exception):
    """A check found something wrong; the message is for the person running the test."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class _Run:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.batch_path: Path | None = None
        self.saved_name = ""
        self.organizer_fingerprint = ""

    # --- checks -------------------------------------------------------------------

    def resources(self) -> str:
        needed = [
            ("demo", "demo.tomar-campaign"),
            ORGANIZER_BACKUP,
            ("demo", "demo-signers.json"),
            ("fonts", "Vazirmatn-Regular.ttf"),
            ("fonts", "Vazirmatn-Bold.ttf"),
            *(
                ("fonts", f"{family}-{weight}.ttf")
                for family in ("NotoSans", "NotoSansArmenian", "NotoSansGeorgian", "NotoSansHebrew")
                for weight in ("Regular", "Bold")
            ),
        ]
        missing = ["/".join(p) for p in needed if not resource_path(*p).is_file()]
        _expect(not missing, f"missing bundled files: {', '.join(missing)}")
        qm = sorted(p.name for p in (resources_dir() / "i18n").glob("*.qm"))
        _expect(bool(qm), "no compiled translations (resources/i18n/*.qm)")
        return f"bundled files found in {resources_dir()} (translations: {', '.join(qm)})"

    def vault(self) -> str:
        from .core import lookaside, vault
        from .core.device import init_vault

        home = self.tmp / "device"
        init_vault(home, PASSPHRASE).close()
        with vault.Vault.open(home, PASSPHRASE) as v:
            problems = v.integrity_problems()
        _expect(not problems, f"the new vault is damaged: {'; '.join(problems)}")
        return (
            "encrypted vault created, closed and opened again with its passphrase; "
            + lookaside.describe()
        )

    def signature(self) -> str:
        from .core import vault
        from .core.device import Device
        from .core.records import SignatureForm

        with vault.Vault.open(self.tmp / "device", PASSPHRASE) as v:
            device = Device(v)
            campaign = device.import_campaign(demo.package())
            device.start_event("Self-test", "")
            entry = demo.signers()[0]
            form = SignatureForm(
                fields=entry["fields"],
                lang=entry["lang"],
                consent=True,
                signature=demo.signature(),
            )
            saved = device.save(form)
            total = device.counts()["total"]
        _expect(total == 1, f"the device counts {total} signatures instead of 1")
        self.saved_name = str(entry["fields"]["full_name"])
        self.organizer_fingerprint = campaign.organizer_fingerprint
        return f"demo campaign imported; signature sealed and saved (record {saved.record_id})"

    def batch(self) -> str:
        from .core import batch, vault
        from .core.device import Device

        out = self.tmp / "batches"
        out.mkdir()
        with vault.Vault.open(self.tmp / "device", PASSPHRASE) as v:
            device = Device(v)
            done = batch.export(device, out)
            campaign = device.require_campaign()
        _expect(done.count == 1, f"the batch holds {done.count} records instead of 1")
        bf = batch.read(done.path, campaign)
        try:
            _expect(len(bf.entries) == 1, "the batch read back does not hold 1 record")
        finally:
            bf.close()
        self.batch_path = done.path
        return f"signed batch {done.number} exported and verified ({done.path.name})"

    def organizer(self) -> str:
        from .core import organizer, vault
        from .core.device import Device, init_vault
        from .core.intake import Intake

        with init_vault(self.tmp / "organizer", PASSPHRASE) as v:
            data = resource_path(*ORGANIZER_BACKUP).read_bytes()
            ident = organizer.restore_backup(v, data, BACKUP_PASSPHRASE)
            Device(v).import_campaign(demo.package())
        _expect(
            ident.fingerprint == self.organizer_fingerprint,
            "the demo organizer's keys do not belong to the demo campaign",
        )
        with vault.Vault.open(self.tmp / "device", PASSPHRASE) as dv:
            request = Device(dv).enrollment_request("Self-test")
        with vault.Vault.open(self.tmp / "organizer", PASSPHRASE) as v, Intake(v, workers=1) as i:
            certificate, device_fpr = i.enroll(request)
        with vault.Vault.open(self.tmp / "device", PASSPHRASE) as dv:
            Device(dv).accept_certificate(certificate)
        return (
            f"demo organizer keys restored from their backup (fingerprint {ident.fingerprint}); "
            f"device {device_fpr} enrolled"
        )

    def intake(self) -> str:
        from .core import vault
        from .core.intake import Intake

        _expect(self.batch_path is not None, "no batch was exported")
        assert self.batch_path is not None
        with vault.Vault.open(self.tmp / "organizer", PASSPHRASE) as v, Intake(v, workers=1) as i:
            result = i.import_file(self.batch_path)
            _expect(result.status == "imported", f"batch {result.status}: {result.message}")
            names = [s["fields"].get("full_name") for s in i.unique_signers()]
        _expect(names == [self.saved_name], "the organizer did not read back the signer just saved")
        from .core import countries  # its names are data files a build could leave out

        shown = countries.name(countries.key_for("USA"), "en")
        _expect(shown == "United States", f"country names are missing ({shown!r})")
        return "batch imported as organizer; the sealed signature opened and matched"

    def pdf(self) -> str:
        from .core import vault
        from .core.sheets import blank

        path = self.tmp / "sheet-fa.pdf"
        with vault.Vault.open(self.tmp / "device", PASSPHRASE) as v:
            made = blank.write_blank(v, path, sheets=1, lang="fa", paper="a4")
        data = path.read_bytes()
        pages = check_pdf(data)
        _expect(pages == 1, f"the sheet has {pages} pages instead of 1")
        _expect(
            re.search(rb"/BaseFont\s*/[A-Z]{6}\+" + PERSIAN_FONT.encode(), data) is not None,
            f"the Persian font {PERSIAN_FONT} is not embedded in the sheet",
        )
        from .core.sheets import text

        text.use_system_fonts(False)  # the bundled fonts alone must draw these
        try:
            lacking = text.missing("Иван Γιώργος Արամ ნინო דוד Nguyễn")
        finally:
            text.use_system_fonts(True)
        _expect(not lacking, f"the bundled Noto fonts lack {len(lacking)} letters")
        return (
            f"blank sheet in Persian rendered (1 page, {len(data) // 1024} KiB, "
            f"{PERSIAN_FONT} embedded, serial {made[0].serial})"
        )


def check_pdf(data: bytes) -> int:
    """The number of pages of a well-formed PDF; CheckFailed if it is not one."""
    _expect(data.startswith(b"%PDF-1."), "the sheet is not a PDF file")
    _expect(data.rstrip().endswith(b"%%EOF"), "the PDF file is cut short")
    _expect(b"startxref" in data[-1024:], "the PDF file has no cross-reference table")
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def qt_offscreen(home: Path) -> str:
    """Start Qt offscreen; load the bundled font, translations and forms; open the window."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QLabel

    from .gui import app as gui_app
    from .gui import fonts
    from .gui.paths import i18n_dir, ui_dir

    app = gui_app.create_app(["tomar-selftest"])
    platform = app.platformName()
    _expect(platform == "offscreen", f"Qt started the {platform} platform, not offscreen")
    family = fonts.register()
    _expect(family is not None, "Qt could not load the bundled Vazirmatn font")
    qm = sorted(i18n_dir().glob("*.qm"))
    translator = QTranslator()
    _expect(bool(qm) and translator.load(str(qm[0])), "Qt could not load the translations")
    forms = sorted(ui_dir().glob("*.ui"))
    _expect(bool(forms), f"no forms (*.ui) in {ui_dir()}")
    label = QLabel("امضا کنید")
    label.show()
    window = gui_app.build_window(app, home)  # what a double-click opens, on a new home
    window.show()
    app.processEvents()
    shown = label.isVisible() and window.isVisible()
    window.close()
    label.close()
    window.deleteLater()
    label.deleteLater()
    app.processEvents()
    _expect(shown, "Qt did not show the widgets")
    return (
        f"Qt {pyside_version} started offscreen; {family} font and {qm[0].name} loaded; "
        f"a widget and the main window shown ({len(forms)} forms bundled)"
    )


def run(*, gui: bool = False, out: TextIO | None = None) -> int:
    """Run every check; print one line each. Returns the exit status (0 ok, 1 failed)."""
    stream = out if out is not None else sys.stdout
    frozen = bool(getattr(sys, "frozen", False))
    from .resources import BUNDLED, bundle_root

    if frozen:
        where = "frozen build"
    elif bundle_root().name == BUNDLED:
        where = "installed package"
    else:
        where = "from a checkout"
    print(f"Tomar {__version__} self-test ({where}, Python {sys.version.split()[0]})", file=stream)
    tmp = Path(tempfile.mkdtemp(prefix="tomar-selftest-"))
    saved_home = os.environ.get("TOMAR_HOME")
    os.environ["TOMAR_HOME"] = str(tmp / "home")  # nothing may touch the real vault
    runner = _Run(tmp)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("resources", runner.resources),
        ("vault", runner.vault),
        ("signature", runner.signature),
        ("organizer", runner.organizer),
        ("batch", runner.batch),
        ("intake", runner.intake),
        ("pdf", runner.pdf),
    ]
    if gui:
        checks.append(("qt", lambda: qt_offscreen(tmp / "gui-home")))
    try:
        for name, check in checks:
            try:
                detail = check()
            except Exception as exc:
                reason = str(exc) if isinstance(exc, CheckFailed) else _describe(exc)
                print(f"FAILED {name}: {reason}", file=stream, flush=True)
                print(
                    "tomar: self-test failed: this copy of Tomar does not work on this "
                    "computer. Nothing outside a temporary folder was changed.",
                    file=sys.stderr,
                )
                return 1
            print(f"ok {name}: {detail}", file=stream, flush=True)
    finally:
        if saved_home is None:
            os.environ.pop("TOMAR_HOME", None)
        else:
            os.environ["TOMAR_HOME"] = saved_home
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"self-test passed: {len(checks)} checks", file=stream, flush=True)
    return 0


def _describe(exc: BaseException) -> str:
    from .core.errors import TomarError

    if isinstance(exc, TomarError):
        return str(exc)
    # The self-test handles only demo data, so the message cannot quote a signer.
    return f"{type(exc).__name__}: {exc}"
