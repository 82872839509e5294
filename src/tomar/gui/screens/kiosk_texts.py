"""The kiosk's signer-facing texts, translated per signer language (resources/i18n).

Kept in the "Kiosk" context: the campaign wizard's preview shows them too.
"""

from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP

__all__ = ["CONTEXT", "DISPLAY_BUTTONS", "TEXTS"]

CONTEXT = "Kiosk"
# The signer-facing texts; translated per signer language (see resources/i18n).
TEXTS = {
    "form_title": QT_TRANSLATE_NOOP("Kiosk", "Your details (fields marked * are required)"),
    "required": QT_TRANSLATE_NOOP("Kiosk", "*"),
    "required_word": QT_TRANSLATE_NOOP("Kiosk", "Required"),
    "sign_description": QT_TRANSLATE_NOOP(
        "Kiosk", "Saves your signature, sealed so that only the organizers can read it."
    ),
    "addressee": QT_TRANSLATE_NOOP("Kiosk", "To: %1"),
    "pad_label": QT_TRANSLATE_NOOP("Kiosk", "Your signature"),
    "pad_hint": QT_TRANSLATE_NOOP("Kiosk", "Sign here with your finger, a pen or the mouse"),
    "undo": QT_TRANSLATE_NOOP("Kiosk", "Clear the last line"),
    "clear": QT_TRANSLATE_NOOP("Kiosk", "Clear the signature"),
    "agree": QT_TRANSLATE_NOOP("Kiosk", "I agree"),
    "display": QT_TRANSLATE_NOOP(
        "Kiosk", "How should your name appear on the public petition sheets?"
    ),
    "full": QT_TRANSLATE_NOOP("Kiosk", "Full name"),
    "initials": QT_TRANSLATE_NOOP("Kiosk", "Initials only"),
    "hidden": QT_TRANSLATE_NOOP("Kiosk", "Not shown"),
    "sign": QT_TRANSLATE_NOOP("Kiosk", "Submit my signature"),
    "read": QT_TRANSLATE_NOOP("Kiosk", "Read the petition"),
    "fold": QT_TRANSLATE_NOOP("Kiosk", "Hide the petition text"),
    "pad_name": QT_TRANSLATE_NOOP("Kiosk", "Signature pad"),
    "pad_description": QT_TRANSLATE_NOOP(
        "Kiosk", "Draw your signature here with a finger, a pen or the mouse."
    ),
    "thanks": QT_TRANSLATE_NOOP("Kiosk", "Thank you!"),
    "thanks_text": QT_TRANSLATE_NOOP(
        "Kiosk",
        "Your signature is saved and sealed. Only the organizers of this petition can read it.",
    ),
    "check": QT_TRANSLATE_NOOP("Kiosk", "Please check the marked parts of the form."),
    "countdown": QT_TRANSLATE_NOOP(
        "Kiosk",
        "Are you still there? This form will be cleared in %Ln seconds. "
        "Touch the screen to continue.",
    ),
    "count": QT_TRANSLATE_NOOP("Kiosk", "Signatures at this event: %1"),
}
DISPLAY_BUTTONS = {"full": "displayFull", "initials": "displayInitials", "hidden": "displayHidden"}
