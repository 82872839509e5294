"""English templates of the organizer areas; see error_text/__init__.py."""

from __future__ import annotations

from ..error_codes import ErrorCode as E
from ._mark import QT_TRANSLATE_NOOP

TEMPLATES: dict[E, str] = {
    E.INTAKE_ALREADY_HELD: QT_TRANSLATE_NOOP(
        "CoreErrors", "Already held: waiting for your approval."
    ),
    E.INTAKE_ALREADY_IMPORTED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Already imported; nothing changed."
    ),
    E.INTAKE_ALREADY_IMPORTED_COPY: QT_TRANSLATE_NOOP(
        "CoreErrors", "Already imported (this file is a copy); nothing changed."
    ),
    E.INTAKE_ALREADY_RECEIVED_DEVICE_REPLAYED: QT_TRANSLATE_NOOP(
        "CoreErrors", "it was already received from device {device} (a replayed record)."
    ),
    E.INTAKE_ALREADY_RECEIVED_REPLAYED_RECORD: QT_TRANSLATE_NOOP(
        "CoreErrors", "it was already received (a replayed record)."
    ),
    E.INTAKE_ANOTHER_BATCH_DEVICE_ALREADY: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Another batch {number} of this device was already imported: this one "
        "is a replay or a forgery.",
    ),
    E.INTAKE_BATCH_CARRIES_ANOTHER_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch carries another device's certificate."
    ),
    E.INTAKE_BATCH_COMES_REVOKED_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch comes from a revoked device; it was not imported."
    ),
    E.INTAKE_BATCH_DOES_NOT_FOLLOW: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch does not follow batch {batch} of its device."
    ),
    E.INTAKE_BATCH_REPEATS_RECORDS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch repeats records already received."
    ),
    E.INTAKE_BATCH_TOO_LARGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch is too large to be genuine."
    ),
    E.INTAKE_BATCH_UNEXPECTED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This batch could not be read (an unexpected {error}); it was rejected "
        "and nothing of it was kept.",
    ),
    E.INTAKE_BELONGS_ANOTHER_CAMPAIGN_ORGANIZER: QT_TRANSLATE_NOOP(
        "CoreErrors", "it belongs to another campaign or organizer key."
    ),
    E.INTAKE_CAMPAIGN_CLOSED_SIGNERS_PERSONAL: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This campaign is closed: its signers' personal data was destroyed, and"
        " nothing more can be imported.",
    ),
    E.INTAKE_CHOOSE_ANOTHER_SIGNER_MERGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Choose another signer to merge with."
    ),
    E.INTAKE_NO_DECISION_TO_UNDO: QT_TRANSLATE_NOOP(
        "CoreErrors", "No decision was made on this signer."
    ),
    E.INTAKE_UNDO_MERGE_ON_ITS_SIGNER: QT_TRANSLATE_NOOP(
        "CoreErrors", "Undo the merge on the signer it was made on."
    ),
    E.INTAKE_CONSENTS_MISMATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "its extra consents do not match the campaign."
    ),
    E.INTAKE_DAMAGED_VOID_RECORD: QT_TRANSLATE_NOOP("CoreErrors", "it is a damaged void record."),
    E.INTAKE_DISTRICT_WRITTEN_LIKE_CA: QT_TRANSLATE_NOOP(
        "CoreErrors", 'A district is written like "CA-12" (or "WY-AL" for at large).'
    ),
    E.INTAKE_DRAWN_SIGNATURE_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "its drawn signature is damaged."
    ),
    E.INTAKE_EVENT_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "its event is damaged."),
    E.INTAKE_FIELDS_MISMATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "its fields do not match the campaign."
    ),
    E.INTAKE_FILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The file cannot be read ({detail})."
    ),
    E.INTAKE_HELD_FOR_REVIEW: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Held for your review: batch {batch} of device {device} is numbered "
        "more than {jump} past its last batch. If the device is genuine, "
        "approve it to import the batch.",
    ),
    E.INTAKE_HELD_NOT_ENROLLED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Held: device {device} is not enrolled. Check it, then approve it."
    ),
    E.INTAKE_HELD_QUOTA_FULL: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Not held: batches of devices you have not enrolled already fill their "
        "allowance ({count} batches, {mib} MiB). Enroll or approve the devices "
        "you know, then import this batch again.",
    ),
    E.INTAKE_IDS_COLLIDED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "{count} of their ids had already come from device {device}; they were "
        "kept as this device's own.",
    ),
    E.INTAKE_ID_SEQUENCE_NUMBER_DIFFERS: QT_TRANSLATE_NOOP(
        "CoreErrors", "its id or sequence number differs from the manifest."
    ),
    E.INTAKE_IMPORTED: QT_TRANSLATE_NOOP("CoreErrors", "Imported {count} records."),
    E.INTAKE_IMPORT_CANCELLED_NOTHING_CHANGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Import cancelled. Nothing was changed."
    ),
    E.INTAKE_INVALID_DISPLAY_CHOICE_SOURCE: QT_TRANSLATE_NOOP(
        "CoreErrors", "it has an invalid display choice or source."
    ),
    E.INTAKE_KEYS_OF_ANOTHER_CAMPAIGN: QT_TRANSLATE_NOOP(
        "CoreErrors", "This vault's organizer keys do not belong to its campaign."
    ),
    E.INTAKE_NEXT_BATCH_DOES_NOT_FOLLOW: QT_TRANSLATE_NOOP(
        "CoreErrors", "Batch {batch} of this device does not follow this one."
    ),
    E.INTAKE_NO_CONSENT_PURPOSE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This campaign has no extra consent with that purpose."
    ),
    E.INTAKE_NO_CONSENT_PURPOSE_OF: QT_TRANSLATE_NOOP(
        "CoreErrors", "This campaign has no extra consent with that purpose (it has: {purposes})."
    ),
    E.INTAKE_NO_SIGNER_WITH_ID: QT_TRANSLATE_NOOP("CoreErrors", "No signer has this record id."),
    E.INTAKE_NO_SIGNER_WITH_THAT_ID: QT_TRANSLATE_NOOP(
        "CoreErrors", "No signer with that record id."
    ),
    E.INTAKE_NO_SUCH_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "No device with that fingerprint has sent a batch or been enrolled."
    ),
    E.INTAKE_BATCHES_FROM_OTHER_DEVICES: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "None of the batches named comes from the device with that fingerprint, and no such "
        "device has sent a batch or been enrolled: nothing was approved or imported. They are "
        "signed by: {devices}. Compare with the fingerprint the device shows.",
    ),
    E.INTAKE_PAPER_SHEET_REFERENCE_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "its paper sheet reference is damaged."
    ),
    E.INTAKE_RECORD_ID_32_HEXADECIMAL: QT_TRANSLATE_NOOP(
        "CoreErrors", "A record id is 32 hexadecimal digits."
    ),
    E.INTAKE_RECORD_PROBLEM: QT_TRANSLATE_NOOP("CoreErrors", "Record {record}: {reason}"),
    E.INTAKE_RECORD_REJECTED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Record {record}: {reason} The whole batch was rejected."
    ),
    E.INTAKE_RECORD_UNEXPECTED: QT_TRANSLATE_NOOP(
        "CoreErrors", "it cannot be read (an unexpected {error})."
    ),
    E.INTAKE_SIGNED_ANOTHER_DEVICE_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "it was signed by another device than the batch."
    ),
    E.INTAKE_TIME_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "its time is damaged."),
    E.INTAKE_UNKNOWN_LANGUAGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "it is in a language the campaign does not have."
    ),
    E.INTAKE_UNKNOWN_REVIEW_DECISION: QT_TRANSLATE_NOOP("CoreErrors", "Unknown review decision."),
    E.INTAKE_UNKNOWN_TYPE: QT_TRANSLATE_NOOP("CoreErrors", "it is of an unknown type."),
    E.INTAKE_UNKNOWN_VERSION: QT_TRANSLATE_NOOP("CoreErrors", "it is of an unknown version."),
    E.INTAKE_WAITING_FOR: QT_TRANSLATE_NOOP(
        "CoreErrors", "Waiting for batch {batches} of this device."
    ),
    E.INTAKE_ZIP_NOT_IN_DISTRICT: QT_TRANSLATE_NOOP(
        "CoreErrors", "This signer's ZIP code does not lie in that district."
    ),
    E.SHEETS_CANCELLED: QT_TRANSLATE_NOOP("CoreErrors", "Cancelled: no file was written."),
    E.SHEETS_NOT_OUR_QR_CODE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This QR code is not from a Tomar paper sheet."
    ),
    E.SHEETS_DRAWING_STOPPED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Making the sheets stopped unexpectedly (the computer may have run short of memory). "
        "Nothing was saved; please try again.",
    ),
    E.SHEETS_NO_FREE_SERIALS: QT_TRANSLATE_NOOP(
        "CoreErrors", "Could not find free sheet serials; please try again."
    ),
    E.SHEETS_NO_KNOWN_DISTRICT: QT_TRANSLATE_NOOP(
        "CoreErrors", "No signer has a known district: nothing to deliver by office."
    ),
    E.SHEETS_NO_KNOWN_STATE: QT_TRANSLATE_NOOP(
        "CoreErrors", "No signer has a known state: nothing to deliver by office."
    ),
    E.SHEETS_NO_SUCH_FOLDER: QT_TRANSLATE_NOOP("CoreErrors", "The folder {folder} does not exist."),
    E.SHEETS_NO_TEXTS_IN_LANGUAGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This campaign has no texts in '{lang}'. Choose one of: {choices}."
    ),
    E.SHEETS_PRINT_BETWEEN_1_SHEETS: QT_TRANSLATE_NOOP(
        "CoreErrors", "Print between 1 and {max_sheets} sheets at a time."
    ),
    E.SHEETS_ROW_SHEET_ALREADY_ENTERED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Row {row} of sheet {serial} was already entered."
    ),
    E.SHEETS_SHEET_BETWEEN_1_ROWS: QT_TRANSLATE_NOOP(
        "CoreErrors", "A sheet can have between 1 and {max_rows} rows."
    ),
    E.SHEETS_SHEET_NOT_FROM_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Sheet {serial} was not printed on this device. Check the serial on the sheet.",
    ),
    E.SHEETS_SHEET_ROWS_1_CHECK: QT_TRANSLATE_NOOP(
        "CoreErrors", "Sheet {serial} has rows 1 to {rows}; check the row number."
    ),
    E.SHEETS_SHEET_SERIAL_LETTERS_DIGITS: QT_TRANSLATE_NOOP(
        "CoreErrors", "A sheet serial has only letters, digits and '-', as printed."
    ),
    E.SHEETS_TEXT_TOO_LARGE_FIT: QT_TRANSLATE_NOOP(
        "CoreErrors", "A text is too large to fit on a page."
    ),
    E.SHEETS_UNKNOWN_PAPER_SIZE_USE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Unknown paper size '{paper}': use letter or a4."
    ),
}
