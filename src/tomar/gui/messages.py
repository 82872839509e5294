"""Words for problems: validation keys and core errors, in a chosen language.

The core reports validation problems as keys per field ("required", "email_invalid"...)
so that the kiosk can explain them in the SIGNER's language, which may differ from the
interface language. Core errors (TomarError) carry an English sentence written for
volunteers; every one a person can meet in the app is translated here (the tests read the
raise sites and fail on a missing one). A sentence not known here is shown as it is.
Sentences with parts that vary (a record id, a number, a kind of file) are matched
against templates with %1, %2... and translated with their parts put back; a part that
is itself a known sentence or word is translated too.
Anything that is not a TomarError becomes one generic sentence: its message might quote
what someone typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from PySide6.QtCore import Qt

from ..core.errors import TomarError
from ..core.vault import as_tomar_error
from .i18n import QT_TRANSLATE_NOOP, Languages, direction

VALIDATION = "Validation"
CORE = "CoreErrors"

_VALIDATION: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Validation", "Please fill this in."),
    "too_long": QT_TRANSLATE_NOOP("Validation", "This is too long. Please shorten it."),
    "email_invalid": QT_TRANSLATE_NOOP(
        "Validation", "This does not look like an email address, for example name@example.com."
    ),
    "phone_invalid": QT_TRANSLATE_NOOP(
        "Validation", "This does not look like a phone number. Include the country code."
    ),
    "consent_required": QT_TRANSLATE_NOOP(
        "Validation", "Please tick the box to agree, or you cannot sign."
    ),
    "signature_required": QT_TRANSLATE_NOOP("Validation", "Please sign in the box."),
    "bad_display": QT_TRANSLATE_NOOP(
        "Validation", "Please choose how your name appears on the public sheets."
    ),
    "signature_too_small": QT_TRANSLATE_NOOP(
        "Validation",
        "Your signature is too short. Please sign as you usually do: "
        "a dot or a small tick is not enough.",
    ),
    "bad_state": QT_TRANSLATE_NOOP("Validation", "Please choose your state from the list."),
    "bad_zip": QT_TRANSLATE_NOOP(
        "Validation", "A ZIP code has five digits, or nine as in 20500-0003."
    ),
    "unknown_zip": QT_TRANSLATE_NOOP(
        "Validation", "There is no such ZIP code. Please check the digits."
    ),
    "bad_postal_code": QT_TRANSLATE_NOOP(
        "Validation", "This does not look like a postal code. Please check it."
    ),
    "zip_state_mismatch": QT_TRANSLATE_NOOP(
        "Validation",
        "This ZIP code is in another state than the one you chose. "
        "If both are right, you can still sign.",
    ),
    "paper_invalid": QT_TRANSLATE_NOOP(
        "Validation", "Please check the sheet number (letters, digits, -) and row (1-999)."
    ),
    "paper_row_taken": QT_TRANSLATE_NOOP(
        "Validation", "This row of this sheet was already entered."
    ),
    "paper_unknown_sheet": QT_TRANSLATE_NOOP(
        "Validation",
        "This device did not print a sheet with this number, or the sheet has fewer rows.",
    ),
}
_GENERIC_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Please check this.")

GENERIC_ERROR = QT_TRANSLATE_NOOP(
    "CoreErrors",
    "Something unexpected went wrong. Nothing was lost. Please try again, "
    "and tell the organizer if it happens again.",
)

# Every core sentence a person can meet in the app: a volunteer at the kiosk, at the
# records screen or syncing, and an organizer in the workspace. tests/gui/test_messages.py
# reads the raise sites of the core, sync and app modules and fails when a sentence is
# missing here, so a new error cannot slip through in English. Deliberately left out: the
# command line (cli.py, English), the collection server (server/, for its operator) and
# "Internal error" sentences that only a bug can cause.
_CORE: frozenset[str] = frozenset(
    {
        QT_TRANSLATE_NOOP("CoreErrors", "The passphrase is not correct."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The disk is full: nothing was saved. Free some space and try again."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The vault is busy in another Tomar window: nothing was saved."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The vault could not be written: nothing was saved."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The vault's disk is read-only: nothing was saved. Nothing was lost; make it "
            "writable and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The disk reported an input/output error: nothing was saved. The disk may be "
            "failing: copy your Tomar folder to another disk first.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The vault cannot be opened: its disk or folder is read-only. Nothing was lost; "
            "make it writable, or copy your Tomar folder to a writable disk, and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The vault cannot be opened: the disk is full. Nothing was lost; free some "
            "space and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The vault cannot be opened: the disk reported an input/output error. The "
            "vault may be intact; copy your Tomar folder to another disk and open it there.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The vault is locked."),
        QT_TRANSLATE_NOOP("CoreErrors", "Please give the event a name."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "Start an event first: signatures are collected at an event."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "That signature was already voided."),
        QT_TRANSLATE_NOOP("CoreErrors", "This is not a Tomar campaign package."),
        QT_TRANSLATE_NOOP("CoreErrors", "This campaign package is damaged."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This campaign package was changed after the organizer signed it. Do not use it.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "Please choose a passphrase of at least 8 characters."),
        QT_TRANSLATE_NOOP("CoreErrors", "Export cancelled. Nothing was written."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "Nothing new to export: every record is already in a batch."
        ),
        # What an organizer meets when a batch is rejected, and parts of the templates.
        QT_TRANSLATE_NOOP("CoreErrors", "This is not a Tomar batch."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch needs a newer version of Tomar."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch's manifest is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch belongs to another campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch was sealed for another organizer key."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This batch is incomplete: its manifest or signature is missing."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This batch contains files that its manifest does not list."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch is missing records that its manifest lists."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch lists the same record twice."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch uses the same sequence number twice."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch repeats records already received."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This batch comes from a revoked device; it was not imported."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch carries another device's certificate."),
        QT_TRANSLATE_NOOP("CoreErrors", "Import cancelled. Nothing was changed."),
        QT_TRANSLATE_NOOP("CoreErrors", "batch"),
        QT_TRANSLATE_NOOP("CoreErrors", "campaign package"),
        QT_TRANSLATE_NOOP("CoreErrors", "receipt"),
        QT_TRANSLATE_NOOP("CoreErrors", "its id or sequence number differs from the manifest."),
        QT_TRANSLATE_NOOP("CoreErrors", "it was signed by another device than the batch."),
        QT_TRANSLATE_NOOP("CoreErrors", "it belongs to another campaign or organizer key."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is of an unknown version."),
        QT_TRANSLATE_NOOP("CoreErrors", "its event is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is a damaged void record."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is of an unknown type."),
        QT_TRANSLATE_NOOP("CoreErrors", "its paper sheet reference is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "its fields do not match the campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "it has an invalid display choice or source."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is in a language the campaign does not have."),
        QT_TRANSLATE_NOOP("CoreErrors", "its drawn signature is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "it was already received (a replayed record)."),
        QT_TRANSLATE_NOOP("CoreErrors", "its time is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "A record is too large to be genuine."),
        QT_TRANSLATE_NOOP("CoreErrors", "A record is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "A record's device signature is not valid."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "None of your keys can open this file. It was sealed for someone else."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This file is damaged or was changed after it was sealed."),
        # --- vault and key file (core/vault.py, core/keyfile.py) ---
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This vault was made by a newer version of Tomar. Please update Tomar."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The vault database does not match its key file, or it is damaged."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "Please choose a passphrase."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The vault database is missing; only its key file is left."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The rebuilt vault failed its integrity check; nothing changed."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "Invalid database name."),
        QT_TRANSLATE_NOOP("CoreErrors", "The key file is damaged (too large)."),
        QT_TRANSLATE_NOOP("CoreErrors", "The key file is damaged."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The key file asks for an unsafe amount of memory; it may be damaged."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The key file has unusual settings; it may be damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "The key file is missing: this vault cannot be opened."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This key file is of a kind this version of Tomar does not know."
        ),
        # --- sealed files and keys (core/age.py, core/bech32.py) ---
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This is not a sealed file Tomar can open, or its beginning is damaged.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This file was sealed with a newer format version that Tomar cannot open yet.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This file is damaged: the part that holds its keys is not readable."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This file is damaged: the key it was sealed for is not stored correctly.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "No key was given to open this file."),
        QT_TRANSLATE_NOOP("CoreErrors", "This file is incomplete: it was cut off before the end."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This file has extra data after its end; it was changed after it was sealed.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This file is damaged: it ends with an empty block."),
        QT_TRANSLATE_NOOP("CoreErrors", "This file is larger than Tomar accepts here."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This file is damaged: a passphrase-sealed file cannot have other keys.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This file was sealed with a passphrase setting that would take too long "
            "to open on this device.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This is not an age public key (it should start with age1)."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This is not an age secret key (it should start with AGE-SECRET-KEY-).",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The key file contains no secret keys."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "A passphrase cannot be combined with other keys in one file."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This is not a valid age public key (age1...)."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This is not a valid age secret key (AGE-SECRET-KEY-1...)."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This is not a valid post-quantum age public key (age1pq1...)."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This post-quantum secret key has the wrong length."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This is not a valid post-quantum age secret key (AGE-SECRET-KEY-PQ-1...).",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This device does not have enough memory for this passphrase setting."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The passphrase is empty."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The passphrase strength setting must be between 1 and 30."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The passphrase strength limit must be between 1 and 30."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "Post-quantum and classic keys cannot be mixed in one file: the file "
            "would only be as safe as the weakest key.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This public key is not usable: it is a weak key."),
        QT_TRANSLATE_NOOP("CoreErrors", "This key is not complete or has a typo."),
        QT_TRANSLATE_NOOP("CoreErrors", "This key mixes upper and lower case letters."),
        QT_TRANSLATE_NOOP("CoreErrors", "This is not a valid key."),
        QT_TRANSLATE_NOOP("CoreErrors", "This key has a typo: its checksum does not match."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This key contains a character that does not belong in it."
        ),
        # --- signatures (core/minisign.py; not the key length checks, only a bug breaks them)
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The signature file is damaged or is not a minisign signature. "
            "Ask for a fresh copy of the file and its signature.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The public key is damaged or is not a minisign public key. "
            "Ask the campaign for a fresh copy of the key.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The secret key file is damaged or is not an unencrypted minisign secret key.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The file does not match its signature: it was changed or damaged after it was "
            "signed. Do not use it.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The signature's trusted comment was changed after signing. Do not use this file.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The file was signed by a different key than the one expected. "
            "Check that you are using the right campaign key.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The file uses the old minisign signature format, which is not accepted here. "
            "Ask for it to be signed again with a current minisign.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The signature uses an algorithm this app does not know. "
            "Ask for the file to be signed again with minisign.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This secret key file is protected by a password. Remove the password "
            "with `minisign -C -W` first, or use an unencrypted key.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "trusted"),
        QT_TRANSLATE_NOOP("CoreErrors", "untrusted"),
        # --- the drawn signature (core/strokes.py) ---
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The stored signature drawing is damaged and cannot be read."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The signature drawing is too large to store. Please clear it and sign again.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The stored signature drawing is not in a format this app can read."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "A point of the signature drawing is outside the signature pad."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The signature drawing has an invalid time stamp."),
        QT_TRANSLATE_NOOP("CoreErrors", "The signature pad has an impossible shape."),
        QT_TRANSLATE_NOOP("CoreErrors", "The signature drawing has too many strokes."),
        QT_TRANSLATE_NOOP("CoreErrors", "The signature drawing has an empty stroke."),
        QT_TRANSLATE_NOOP("CoreErrors", "The signature drawing has too many points."),
        QT_TRANSLATE_NOOP("CoreErrors", "The signature drawing's time stamps go backwards."),
        QT_TRANSLATE_NOOP("CoreErrors", "width"),
        QT_TRANSLATE_NOOP("CoreErrors", "height"),
        # --- batches, receipts, enrollment (core/batch.py, receipts.py, enroll.py, device.py)
        QT_TRANSLATE_NOOP("CoreErrors", "This batch is too large to be genuine."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch lists too many records."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This batch's manifest is damaged (not in canonical form)."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch has an invalid batch number."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch's link to the previous batch is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch's list of records is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch names a record with an invalid id."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This batch's signature is not valid: it was changed after the device signed it.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This receipt is for another campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "This receipt is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "This receipt is for another device."),
        QT_TRANSLATE_NOOP("CoreErrors", "This certificate is for another device."),
        QT_TRANSLATE_NOOP("CoreErrors", "This enrollment request is for another campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "This device certificate is for another campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "enrollment request"),
        QT_TRANSLATE_NOOP("CoreErrors", "device certificate"),
        QT_TRANSLATE_NOOP("CoreErrors", "That file is too large to be an enrollment request."),
        # --- the campaign on a device (core/device.py) ---
        QT_TRANSLATE_NOOP("CoreErrors", "This vault has no device key; it may be damaged."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "No campaign yet. Import the organizer's campaign package first."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The organizer fingerprint in this package is not the one you expected. "
            "Do not use this package; ask the organizer.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This campaign package is signed by someone else than the organizer of "
            "the campaign on this device. It was not imported.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This device already holds another campaign. Use a separate vault "
            "(--home) for a second campaign.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "'revision' must be a positive whole number."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This document holds values that cannot be signed: it is damaged."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "There is no signature with that id on this device."),
        # --- the campaign wizard and packages (core/campaign.py) ---
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            'The campaign needs \'languages\', a list of codes such as ["en", "fa"].',
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The campaign needs an 'addressee' (whom the petition is for)."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", '\'signature\' must be "required" or "optional".'),
        QT_TRANSLATE_NOOP("CoreErrors", "The campaign needs between 1 and 30 [[fields]]."),
        QT_TRANSLATE_NOOP("CoreErrors", "The campaign needs a field of kind 'name'."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "'phone_region' must be a two-letter country code such as \"US\"."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "'end_date' must be a date such as 2027-03-31."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "No signer has a known state: nothing to deliver by office."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "No signer has a known district: nothing to deliver by office."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "a delivery packet"),
        QT_TRANSLATE_NOOP("CoreErrors", "the delivery summary"),
        QT_TRANSLATE_NOOP("CoreErrors", "the packets CSV"),
        QT_TRANSLATE_NOOP("CoreErrors", "the aggregate CSV"),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "'consents' must be a list of at most 10 [[consents]] tables."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "'delete_after_days' must be a number of days from 1 to 3650."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "'delete_by' must be a date such as 2027-06-30."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "Each [[consents]] entry needs a unique 'purpose' of lowercase letters, "
            "digits and '_'.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "A record id is 32 hexadecimal digits."),
        QT_TRANSLATE_NOOP("CoreErrors", "No signer has this record id."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This campaign is closed: its signers' personal data was destroyed, and "
            "nothing more can be imported.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "its extra consents do not match the campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "closing record"),
        QT_TRANSLATE_NOOP("CoreErrors", "the closing record"),
        QT_TRANSLATE_NOOP("CoreErrors", "'sync_url' must be an http:// or https:// address."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", '\'display_default\' must be "ask", "hidden", "initials" or "full".'
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "'server_cert_sha256' must be 64 hexadecimal digits (SHA-256)."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "'id' may hold only letters, digits, '-' and '_'."),
        QT_TRANSLATE_NOOP("CoreErrors", "Each [[fields]] entry must be a table."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "Each field needs a unique 'name' of lowercase letters, digits and '_'.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This campaign package is incomplete."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This campaign package is damaged (not in canonical form)."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This campaign package needs a newer version of Tomar."),
        QT_TRANSLATE_NOOP("CoreErrors", "title"),
        QT_TRANSLATE_NOOP("CoreErrors", "text"),
        QT_TRANSLATE_NOOP("CoreErrors", "consent"),
        # --- organizer keys and recovery shares (core/organizer.py, identity.py, recovery.py)
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This vault has no organizer keys. Run 'tomar organizer init' first."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This vault already has organizer keys."),
        QT_TRANSLATE_NOOP("CoreErrors", "Please give the organizer a name."),
        QT_TRANSLATE_NOOP("CoreErrors", "The backup passphrase must have at least 8 characters."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "Back up the organizer key first ('tomar organizer backup'): if it is lost, "
            "every signature of the campaign is lost with it.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "Print the recovery shares of the organizer key first ('tomar organizer "
            "shares'), or say that you keep only the backup file ('--without-shares').",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The recipient type must be 'hybrid' or 'x25519'."),
        QT_TRANSLATE_NOOP("CoreErrors", "The organizer signing key is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "This is not a Tomar organizer identity file."),
        QT_TRANSLATE_NOOP("CoreErrors", "The organizer identity file is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "These shares do not hold a Tomar organizer key."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The threshold must be between 1 and the number of shares."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "With a threshold of 1 every share is the whole key; use a threshold of 2 or more "
            "(or make a single share).",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "No shares were given."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "These shares restore another organizer key than this campaign's."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "A share is not valid: check every word (a typo is detected, not corrected).",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "Not enough shares: more shares of the same set are needed."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "These shares do not all belong to the same set."),
        QT_TRANSLATE_NOOP("CoreErrors", "The same share was given twice."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "These shares do not fit together; check each one word by word."
        ),
        # --- intake and review (core/intake/) ---
        QT_TRANSLATE_NOOP(
            "CoreErrors", "No device with that fingerprint has sent a batch or been enrolled."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This vault's organizer keys do not belong to its campaign."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "Unknown review decision."),
        QT_TRANSLATE_NOOP("CoreErrors", "No signer with that record id."),
        QT_TRANSLATE_NOOP("CoreErrors", "Choose another signer to merge with."),
        # --- paper sheets and PDFs (core/sheets/) ---
        QT_TRANSLATE_NOOP("CoreErrors", "Could not find free sheet serials; please try again."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "A sheet serial has only letters, digits and '-', as printed."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "Cancelled: no file was written."),
        QT_TRANSLATE_NOOP("CoreErrors", "A text is too large to fit on a page."),
        QT_TRANSLATE_NOOP("CoreErrors", "This QR code is not from a Tomar paper sheet."),
        # --- what a file write was about (core/atomic.py storage errors) ---
        QT_TRANSLATE_NOOP("CoreErrors", "the file"),
        QT_TRANSLATE_NOOP("CoreErrors", "the new vault"),
        QT_TRANSLATE_NOOP("CoreErrors", "the copy of the vault"),
        QT_TRANSLATE_NOOP("CoreErrors", "the batch"),
        QT_TRANSLATE_NOOP("CoreErrors", "the receipt"),
        QT_TRANSLATE_NOOP("CoreErrors", "the certificate"),
        QT_TRANSLATE_NOOP("CoreErrors", "the key file"),
        QT_TRANSLATE_NOOP("CoreErrors", "the key backup"),
        QT_TRANSLATE_NOOP("CoreErrors", "the identity file"),
        QT_TRANSLATE_NOOP("CoreErrors", "a signature"),
        QT_TRANSLATE_NOOP("CoreErrors", "the CSV file"),
        QT_TRANSLATE_NOOP("CoreErrors", "the report"),
        QT_TRANSLATE_NOOP("CoreErrors", "the recovery shares"),
        QT_TRANSLATE_NOOP("CoreErrors", "the sheets"),
        QT_TRANSLATE_NOOP("CoreErrors", "the delivery sheets"),
        # --- sync and pull (sync/) ---
        QT_TRANSLATE_NOOP("CoreErrors", "This request's signature headers are malformed."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This request was signed too long ago or in the future: check the computer's clock.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This request is not signed."),
        QT_TRANSLATE_NOOP("CoreErrors", "This request's signature is not valid."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "Where to? Give a server address or a folder (tomar sync --to URL|FOLDER); "
            "the campaign names no sync address.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This device is not enrolled yet, so the server will not accept its batches. "
            "Ask the organizer to enroll it, or sync through a folder (USB stick).",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "A receipt names an invalid device."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The server's certificate is not the one the organizer pinned in the campaign. "
            "Do not sync over this network; tell the organizer.",
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The campaign pins the server's certificate, so the address must start with https://.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "Sync cancelled."),
        QT_TRANSLATE_NOOP("CoreErrors", "it took too long to answer"),
        QT_TRANSLATE_NOOP("CoreErrors", "no connection"),
        QT_TRANSLATE_NOOP("CoreErrors", "the connection broke"),
        QT_TRANSLATE_NOOP("CoreErrors", "the server could not be reached"),
    }
)


# Sentences with parts that vary. They are tried in this order and the first that matches
# the whole sentence wins, so a template that would also match a more specific one comes
# after it (the generic "%1 cannot be read (%2)." last); the tests check that none is
# shadowed. Parts are numbered in the order they appear in the English sentence.
_CORE_TEMPLATES: tuple[str, ...] = (
    # What an organizer meets when a batch is rejected (ImportResult.message).
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1: %2 The whole batch was rejected."),
    QT_TRANSLATE_NOOP("CoreErrors", "it was already received from device %1 (a replayed record)."),
    QT_TRANSLATE_NOOP("CoreErrors", "it cannot be read (an unexpected %1)."),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This batch could not be read (an unexpected %1); it was rejected and nothing of it "
        "was kept.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "None of the batches named comes from the device with that fingerprint, and no such "
        "device has sent a batch or been enrolled: nothing was approved or imported. They are "
        "signed by: %1. Compare with the fingerprint the device shows.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1 in this batch was changed or damaged."),
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1 in this batch has an invalid sequence number."),
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1 in this batch has an invalid hash."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is too large to be genuine."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is damaged or incomplete."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is incomplete."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 holds too many files to be genuine."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 contains an unexpected file."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 contains a file that is too large."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is suspiciously compressed."),
    QT_TRANSLATE_NOOP("CoreErrors", "The file cannot be read (%1)."),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Another batch %1 of this device was already imported: this one is a replay or a forgery.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "This batch does not follow batch %1 of its device."),
    QT_TRANSLATE_NOOP("CoreErrors", "Batch %1 of this device does not follow this one."),
    # Files of a kind (%1 is "batch", "receipt", "enrollment request"...).
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is of an unknown kind (encrypted ZIP)."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is of an unknown kind (compression)."),
    QT_TRANSLATE_NOOP("CoreErrors", "This is not a Tomar %1, or it is damaged."),
    QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a Tomar %1, or it needs a newer version of Tomar."
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors", "This %1 was not signed by the expected key, or it was changed."
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is damaged."),
    QT_TRANSLATE_NOOP("CoreErrors", "The batch file cannot be read (%1)."),
    QT_TRANSLATE_NOOP("CoreErrors", "The key file cannot be read (%1)."),
    QT_TRANSLATE_NOOP("CoreErrors", "Line %1 of the key file is not a valid secret key."),
    # Storage (%1 is what was being written: "the batch", "the receipt"...; %2 the system's
    # words).
    QT_TRANSLATE_NOOP(
        "CoreErrors", "The disk is full: %1 was not saved. Free some space and try again."
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This disk or folder is read-only: %1 was not saved. Nothing was lost; make it "
        "writable and try again.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The disk reported an input/output error: %1 was not saved. The disk may be "
        "failing: copy your Tomar folder to another disk first.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Nothing new to export: every record is already in a batch. Batch(es) %1 had not "
        "reached this folder and were written again.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The key file tomar.key is missing from %1, but the vault database is still there. "
        "It cannot be opened without the key file: put back a copy of tomar.key if you "
        "have one. If it was erased on purpose (a panic wipe), 'tomar wipe --yes' clears "
        "the folder for a new vault.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "The disk reported an error: %1 was not saved (%2)."),
    QT_TRANSLATE_NOOP(
        "CoreErrors", "batch %1 (it is kept on this device; 'tomar sync --to FOLDER' writes it)"
    ),
    # Export, the vault, receipts.
    QT_TRANSLATE_NOOP("CoreErrors", "The folder %1 does not exist."),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The folder already holds a file named %1; move it away and export again. "
        "Nothing was written.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "There is no batch %1 on this device."),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Batch %1 can no longer be rebuilt: its records were purged after a receipt.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors", "This receipt is for batch %1, which this device did not export."
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Tomar refuses to run: the database safety setting '%1' is not in force. "
        "Signer data could leak to disk.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "There is already a vault in %1."),
    QT_TRANSLATE_NOOP("CoreErrors", "There is no vault in %1. Create one first with 'tomar init'."),
    # The campaign wizard (%1 of the first two is "title", "text" or "consent").
    QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign spec needs a [%1] table with one text per language."
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "The campaign spec has no '%1' text for language '%2'."),
    QT_TRANSLATE_NOOP("CoreErrors", "The '%1' text for '%2' is too long."),
    QT_TRANSLATE_NOOP("CoreErrors", "Field '%1' has an unknown kind; use one of: %2."),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Consent '%1' may have only 'purpose' and 'text': an extra consent is never preselected.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "Field '%1': 'required' must be true or false."),
    QT_TRANSLATE_NOOP("CoreErrors", "Field '%1': 'label' must be a table of texts per language."),
    QT_TRANSLATE_NOOP("CoreErrors", "The campaign spec is not valid TOML: %1"),
    # Signatures, drawings, recovery shares, paper sheets.
    QT_TRANSLATE_NOOP(
        "CoreErrors", "The %1 comment cannot be used: it must be a single line of text."
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "The %1 comment is too long (at most %2 bytes)."),
    QT_TRANSLATE_NOOP("CoreErrors", "The signature cannot be drawn: the %1 must be positive."),
    QT_TRANSLATE_NOOP("CoreErrors", "Make between 1 and %1 shares."),
    QT_TRANSLATE_NOOP(
        "CoreErrors", "Sheet %1 was not printed on this device. Check the serial on the sheet."
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "Sheet %1 has rows 1 to %2; check the row number."),
    QT_TRANSLATE_NOOP("CoreErrors", "Row %1 of sheet %2 was already entered."),
    QT_TRANSLATE_NOOP("CoreErrors", "Print between 1 and %1 sheets at a time."),
    QT_TRANSLATE_NOOP("CoreErrors", "A sheet can have between 1 and %1 rows."),
    QT_TRANSLATE_NOOP("CoreErrors", "This campaign has no texts in '%1'. Choose one of: %2."),
    QT_TRANSLATE_NOOP("CoreErrors", "Unknown paper size '%1': use letter or a4."),
    # Sync and pull: raised, and the sentences of SyncResult/PullResult.errors.
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The folder %1 does not exist. Is the USB stick or shared folder there?",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "Tomar cannot write to %1 (%2)."),
    QT_TRANSLATE_NOOP("CoreErrors", "The receipt %1 cannot be read (%2)."),
    QT_TRANSLATE_NOOP("CoreErrors", "A receipt could not be written: %1"),
    QT_TRANSLATE_NOOP("CoreErrors", "The server at %1 did not answer in time (%2)."),
    QT_TRANSLATE_NOOP("CoreErrors", "The server at %1 sent a larger answer than any genuine one."),
    QT_TRANSLATE_NOOP("CoreErrors", "The server at %1 collects for another campaign."),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The certificate of %1 could not be verified. Do not sync over this network; "
        "tell the organizer.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This campaign package is older (revision %1) than the one on this device "
        "(revision %2). It was not imported: an old package could send this device to a "
        "server the campaign no longer uses. Ask the organizer for the newest package.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This file could not be read (internal error %1); it was refused and nothing was changed.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "The receipt for batch %1 was not applied: %2"),
    QT_TRANSLATE_NOOP("CoreErrors", "Batch %1 was refused: %2"),
    QT_TRANSLATE_NOOP("CoreErrors", "Batch %1 was not sent: %2"),
    QT_TRANSLATE_NOOP("CoreErrors", "A receipt was refused: %1"),
    QT_TRANSLATE_NOOP("CoreErrors", "the server answered %1"),
    # Generic beginnings last (%1 is a file name, a server address or "batch 1a2b...").
    QT_TRANSLATE_NOOP("CoreErrors", "%1 is too large to be a genuine batch."),
    QT_TRANSLATE_NOOP("CoreErrors", "%1 is not a Tomar collection server."),
    QT_TRANSLATE_NOOP("CoreErrors", "%1 arrived damaged; it will be fetched again next time."),
    QT_TRANSLATE_NOOP("CoreErrors", "%1 sent a damaged list of batches."),
    QT_TRANSLATE_NOOP("CoreErrors", "%1 could not be asked for receipts: %2"),
    QT_TRANSLATE_NOOP("CoreErrors", "%1 could not be fetched: %2"),
    QT_TRANSLATE_NOOP("CoreErrors", "%1 cannot be read (%2)."),
    QT_TRANSLATE_NOOP("CoreErrors", "batch %1"),
)


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    """`Record %1: %2` -> a regex whose groups are the parts, in order of their numbers."""
    return re.compile(re.sub(r"%\d", "(.+?)", re.escape(template)), re.S)


def core_text(languages: Languages, lang: str, message: str) -> str:
    """A core sentence in `lang` if it is a known one (or a template of one), else as is."""
    if message in _CORE:
        return languages.text(lang, CORE, message)
    for template in _CORE_TEMPLATES:
        found = _pattern(template).fullmatch(message)
        if found is not None:
            rtl = direction(lang) == Qt.LayoutDirection.RightToLeft
            parts = [_part(core_text(languages, lang, part), rtl) for part in found.groups()]
            return _fill(languages.text(lang, CORE, template), parts)
    return message


def _part(text: str, rtl: bool) -> str:
    """A part with no right-to-left letters (a folder, an address, a record id) between
    left-to-right marks inside right-to-left text: else "/media/usb" shows as "media/usb/"."""
    if not rtl or any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return text
    return f"\u200e{text}\u200e"


def _fill(text: str, parts: list[str]) -> str:
    """%1, %2... replaced in one pass: a part may itself hold "%2" (a folder "My%20Stick")."""

    def part(found: re.Match[str]) -> str:
        n = int(found[1])
        return parts[n - 1] if 0 < n <= len(parts) else found[0]

    return re.sub(r"%(\d)", part, text)


def problem_text(languages: Languages, lang: str, key: str) -> str:
    """A validation problem key in words, in `lang`."""
    return languages.text(lang, VALIDATION, _VALIDATION.get(key, _GENERIC_PROBLEM))


def error_text(languages: Languages, lang: str, exc: BaseException) -> str:
    """What to tell a person about `exc`: a TomarError's sentence, a disk fault's own
    sentence (an OSError or SQLite error that escaped), else a generic one."""
    if not isinstance(exc, TomarError):
        exc = as_tomar_error(exc) or exc
    if isinstance(exc, TomarError):
        return core_text(languages, lang, str(exc))
    return languages.text(lang, CORE, GENERIC_ERROR)
