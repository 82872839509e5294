"""The main window: a stack of screens, the app-wide lock, and the panic shortcut.

Screens are created the first time they are shown (fast start) and rebuilt when the
interface language changes (QUiLoader translates forms when it loads them). Locking
(idle timer, Ctrl+Shift+L from anywhere, a Lock button) closes every dialog, clears every screen,
stops background work, closes the vault and shows the unlock screen.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QStackedWidget

from ..core import organizer
from . import fonts, places, privacy
from . import settings as gui_settings
from .i18n import Languages
from .idle import Clock, IdleWatcher
from .organizer.create import CreateCampaignScreen
from .organizer.entry import add_organizer_entry
from .organizer.workspace import OrganizerScreen
from .screens.base import Screen
from .screens.event import EventScreen
from .screens.first_run import FirstRunScreen
from .screens.home import HomeScreen
from .screens.kiosk import KioskScreen
from .screens.paper import PaperScreen
from .screens.records import RecordsScreen
from .screens.settings import SettingsScreen
from .screens.unlock import UnlockScreen
from .session import Session
from .settings import GuiSettings
from .shell import Options
from .worker import Worker

PANIC_KEY = Qt.Key.Key_L
PANIC_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SCREENS: dict[str, type[Screen]] = {
    "first_run": FirstRunScreen,
    "unlock": UnlockScreen,
    "home": HomeScreen,
    "event": EventScreen,
    "kiosk": KioskScreen,
    "paper": PaperScreen,
    "records": RecordsScreen,
    "settings": SettingsScreen,
    "org_create": CreateCampaignScreen,
    "org": OrganizerScreen,
}
#: Screens that work without an open vault.
LOCKED_SCREENS = frozenset({"first_run", "unlock"})


class MainWindow(QMainWindow):
    def __init__(
        self,
        home: Path,
        languages: Languages,
        settings: GuiSettings,
        *,
        options: Options | None = None,
        clock: Clock = time.monotonic,
        font_family: str | None = None,
    ) -> None:
        super().__init__()
        self.session = Session(home)
        self.languages = languages
        self.settings = settings
        self.options = options or Options()
        self.clock = clock
        self.worker = Worker()
        self.font_family = font_family
        self.setWindowTitle("Tomar")  # never anything about signers
        self.setMinimumSize(600, 480)  # netbooks (1024x600) and upright tablets (800x1280)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.screens: dict[str, Screen] = {}
        self.current = ""
        self.lock_watcher = IdleWatcher(settings.idle_lock_minutes * 60, clock=clock, parent=self)
        self.lock_watcher.expired.connect(self.lock_now)
        self.panic = PanicKey(self.lock_now, self)
        self._capture_excluded = False
        self.go("unlock" if self.session.has_vault else "first_run")

    def fit_to_screen(self) -> None:
        """Open at 1280x800, or smaller to fit the screen it opens on, centred on it.

        Small screens (a netbook, an upright pen tablet) get the whole screen: the
        screens adapt their layout to the window's size.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        width, height = min(1280, area.width()), min(800, area.height())
        if area.width() < 1280 or area.height() < 800:
            width, height = area.width(), area.height()
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
        if area.width() < 1280 or area.height() < 800:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # --- navigation -------------------------------------------------------------------

    def screen_for(self, name: str) -> Screen:
        if name not in self.screens:
            screen = SCREENS[name](self)
            screen.setObjectName(f"screen_{name}")
            if name == "first_run":
                add_organizer_entry(screen, self._create_campaign)
            self.screens[name] = screen
            self.stack.addWidget(screen)
        return self.screens[name]

    def go(self, name: str) -> Screen:
        """Show screen `name`; without an open vault only unlock/first run are shown."""
        if name not in LOCKED_SCREENS and not self.session.is_open:
            name = "unlock" if self.session.has_vault else "first_run"
        previous = self.screens.get(self.current)
        if previous is not None and self.current != name:
            previous.clear()
        self.current = name
        screen = self.screen_for(name)
        self.stack.setCurrentWidget(screen)
        screen.enter()
        self.set_kiosk_mode(name == "kiosk")
        return screen

    def _create_campaign(self) -> None:
        self.go("org_create")

    def after_unlock(self) -> None:
        """The vault just opened: go on to the campaign step or home."""
        if not self.session.is_open:
            return
        if organizer.load(self.session.device.vault) is not None:  # the organizer's vault
            self.go("org" if self.session.device.campaign() is not None else "org_create")
        elif self.session.device.campaign() is None:
            self.go("first_run")
        else:
            self.go("home")

    def set_kiosk_mode(self, on: bool) -> None:
        """The kiosk has its own form-reset timer; the vault lock timer runs elsewhere."""
        if self.session.is_open and not on:
            if not self.lock_watcher.active:
                self.lock_watcher.start()
        else:
            self.lock_watcher.stop()
        if self.options.fullscreen_kiosk and self.isVisible():
            if on and not self.isFullScreen():
                self.showFullScreen()
            elif not on and self.isFullScreen():
                self.showNormal()

    # --- locking ------------------------------------------------------------------------

    def lock_now(self) -> None:
        """Lock at once: dialogs closed, forms cleared, work stopped, vault closed."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        for screen in self.screens.values():
            screen.clear()
        self.worker.cancel_all()
        self.session.lock()
        QGuiApplication.inputMethod().reset()
        self.go("unlock" if self.session.has_vault else "first_run")

    # --- settings -----------------------------------------------------------------------

    def apply_settings(self, settings: GuiSettings) -> None:
        old, self.settings = self.settings, settings
        gui_settings.save(self.session.home, settings)
        self.lock_watcher.timeout_s = settings.idle_lock_minutes * 60
        app = QApplication.instance()
        if isinstance(app, QApplication) and old.large_text != settings.large_text:
            fonts.apply(app, self.font_family, large=settings.large_text)
        if old.language != settings.language and isinstance(app, QApplication):
            self.languages.install(app, settings.language)
            QTimer.singleShot(0, self.rebuild)  # not from inside a slot of a screen

    def rebuild(self) -> None:
        """Recreate every screen so its form is loaded in the new language."""
        current = self.current
        for screen in self.screens.values():
            screen.clear()
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.screens = {}
        self.current = ""
        self.go(current or "unlock")

    # --- file dialogs (replaced in tests) -------------------------------------------------

    def _file_dialog(self, title: str, pattern: str = "") -> QFileDialog:
        """A dialog that starts in the last folder used and offers removable drives and
        Documents (`places`)."""
        last = self.settings.last_folder
        dialog = QFileDialog(self, title, places.start_folder(last), pattern)
        dialog.setSidebarUrls(places.sidebar(last))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        return dialog

    def _remember_folder(self, folder: str) -> None:
        if folder and folder != self.settings.last_folder:
            self.settings = dataclasses.replace(self.settings, last_folder=folder)
            gui_settings.save(self.session.home, self.settings)

    def choose_file(self, title: str, pattern: str, done: Callable[[str], None]) -> None:
        dialog = self._file_dialog(title, pattern)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self._remember_folder(str(Path(path).parent)))
        dialog.fileSelected.connect(done)
        dialog.open()

    def choose_folder(self, title: str, done: Callable[[str], None]) -> None:
        dialog = self._file_dialog(title)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self._remember_folder)
        dialog.fileSelected.connect(done)
        dialog.open()

    def open_document(self, path: Path) -> None:
        """Open a file in the system's viewer (blank sheets, to print from there)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- window events ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._capture_excluded:
            self._capture_excluded = True
            privacy.exclude_from_capture(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock_now()
        self.lock_watcher.uninstall()
        self.panic.uninstall()
        event.accept()


class PanicKey(QObject):
    """Ctrl+Shift+L locks at once, from any window, even with a modal dialog open.

    A QShortcut would be silenced by a modal dialog (a PIN prompt, a question), so this
    is an event filter on the whole application instead.
    """

    def __init__(self, action: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.action = action
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == PANIC_KEY
            and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == PANIC_MODIFIERS
        ):
            self.action()
            return True
        return False

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
