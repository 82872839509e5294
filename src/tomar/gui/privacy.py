"""Keep the app's windows out of screenshots and screen sharing where the OS allows it.

* Windows 10 2004+: SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE) via ctypes;
  captures show the window as black or leave it out.
* macOS: NSWindow.sharingType = NSWindowSharingNone through the Objective-C runtime
  (ctypes). Recent macOS versions honour it less for full-screen capture tools.
* Elsewhere (X11, Wayland): there is no such switch; this is a no-op. A camera over the
  volunteer's shoulder is not stopped by any of this (docs/SECURITY.md).

Every failure is swallowed: this is a best-effort extra, never a reason not to run.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

from PySide6.QtWidgets import QWidget

WDA_EXCLUDEFROMCAPTURE = 0x11
NS_WINDOW_SHARING_NONE = 0


def exclude_from_capture(window: QWidget) -> bool:
    """Return True if the platform accepted the request."""
    try:
        handle = int(window.winId())
        if sys.platform == "win32":
            return _windows(handle)
        if sys.platform == "darwin":
            return _macos(handle)
    except Exception:  # noqa: S110 - best effort by design (see module docstring)
        pass
    return False


def _windows(hwnd: int) -> bool:  # pragma: no cover - Windows only
    user32 = ctypes.WinDLL("user32")  # type: ignore[attr-defined,unused-ignore]
    return bool(user32.SetWindowDisplayAffinity(ctypes.c_void_p(hwnd), WDA_EXCLUDEFROMCAPTURE))


def _macos(view: int) -> bool:  # pragma: no cover - macOS only
    path = ctypes.util.find_library("objc")
    if not path:
        return False
    objc = ctypes.cdll.LoadLibrary(path)
    objc.sel_registerName.restype = ctypes.c_void_p
    objc.sel_registerName.argtypes = [ctypes.c_char_p]
    objc.objc_msgSend.restype = ctypes.c_void_p
    objc.objc_msgSend.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    ns_window = objc.objc_msgSend(ctypes.c_void_p(view), objc.sel_registerName(b"window"))
    if not ns_window:
        return False
    send = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long)(
        ("objc_msgSend", objc)
    )
    send(ns_window, objc.sel_registerName(b"setSharingType:"), NS_WINDOW_SHARING_NONE)
    return True
