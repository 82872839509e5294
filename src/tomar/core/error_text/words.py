"""English templates of the words areas; see error_text/__init__.py."""

from __future__ import annotations

from ..error_codes import ErrorCode as E
from ._mark import QT_TRANSLATE_NOOP

TEMPLATES: dict[E, str] = {
    E.VALIDATION_BAD_DISPLAY: QT_TRANSLATE_NOOP(
        "CoreErrors", "Please choose how your name appears on the public sheets."
    ),
    E.VALIDATION_BAD_LANGUAGE: QT_TRANSLATE_NOOP("CoreErrors", "Please check this."),
    E.VALIDATION_BAD_POSTAL_CODE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This does not look like a postal code. Please check it."
    ),
    E.VALIDATION_BAD_SOURCE: QT_TRANSLATE_NOOP("CoreErrors", "Please check this."),
    E.VALIDATION_BAD_STATE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Please choose your state from the list."
    ),
    E.VALIDATION_BAD_ZIP: QT_TRANSLATE_NOOP(
        "CoreErrors", "A ZIP code has five digits, or nine as in 20500-0003."
    ),
    E.VALIDATION_CHECK_FIELDS: QT_TRANSLATE_NOOP(
        "CoreErrors", "Please check these fields: {fields}."
    ),
    E.VALIDATION_CONSENT_REQUIRED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Please tick the box to agree, or you cannot sign."
    ),
    E.VALIDATION_EMAIL_INVALID: QT_TRANSLATE_NOOP(
        "CoreErrors", "This does not look like an email address, for example name@example.com."
    ),
    E.VALIDATION_PAPER_INVALID: QT_TRANSLATE_NOOP(
        "CoreErrors", "Please check the sheet number (letters, digits, -) and row (1-999)."
    ),
    E.VALIDATION_PAPER_ROW_TAKEN: QT_TRANSLATE_NOOP(
        "CoreErrors", "This row of this sheet was already entered."
    ),
    E.VALIDATION_PAPER_UNKNOWN_SHEET: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This device did not print a sheet with this number, or the sheet has fewer rows.",
    ),
    E.VALIDATION_PHONE_INVALID: QT_TRANSLATE_NOOP(
        "CoreErrors", "This does not look like a phone number. Include the country code."
    ),
    E.VALIDATION_REQUIRED: QT_TRANSLATE_NOOP("CoreErrors", "Please fill this in."),
    E.VALIDATION_SIGNATURE_REQUIRED: QT_TRANSLATE_NOOP("CoreErrors", "Please sign in the box."),
    E.VALIDATION_SIGNATURE_TOO_SMALL: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Your signature is too short. Please sign as you usually do: a dot or a"
        " small tick is not enough.",
    ),
    E.VALIDATION_TOO_LONG: QT_TRANSLATE_NOOP("CoreErrors", "This is too long. Please shorten it."),
    E.VALIDATION_UNKNOWN_CONSENT: QT_TRANSLATE_NOOP("CoreErrors", "Please check this."),
    E.VALIDATION_UNKNOWN_FIELD: QT_TRANSLATE_NOOP("CoreErrors", "Please check this."),
    E.VALIDATION_UNKNOWN_ZIP: QT_TRANSLATE_NOOP(
        "CoreErrors", "There is no such ZIP code. Please check the digits."
    ),
    E.VALIDATION_ZIP_STATE_MISMATCH: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This ZIP code is in another state than the one you chose. If both are "
        "right, you can still sign.",
    ),
    E.WORD_A_DELIVERY_PACKET: QT_TRANSLATE_NOOP("CoreErrors", "a delivery packet"),
    E.WORD_A_SIGNATURE: QT_TRANSLATE_NOOP("CoreErrors", "a signature"),
    E.WORD_BACKUP_FILE: QT_TRANSLATE_NOOP("CoreErrors", "backup file"),
    E.WORD_BATCH: QT_TRANSLATE_NOOP("CoreErrors", "batch"),
    E.WORD_BATCH_NUMBER: QT_TRANSLATE_NOOP("CoreErrors", "batch {number}"),
    E.WORD_CAMPAIGN_PACKAGE: QT_TRANSLATE_NOOP("CoreErrors", "campaign package"),
    E.WORD_CAMPAIGN_SPEC: QT_TRANSLATE_NOOP("CoreErrors", "campaign spec"),
    E.WORD_CERTIFICATE: QT_TRANSLATE_NOOP("CoreErrors", "certificate"),
    E.WORD_CLOSING_RECORD: QT_TRANSLATE_NOOP("CoreErrors", "closing record"),
    E.WORD_CONSENT: QT_TRANSLATE_NOOP("CoreErrors", "consent"),
    E.WORD_DEVICE_CERTIFICATE: QT_TRANSLATE_NOOP("CoreErrors", "device certificate"),
    E.WORD_DISTRICT_TABLE: QT_TRANSLATE_NOOP("CoreErrors", "district table"),
    E.WORD_ENROLLMENT_REQUEST: QT_TRANSLATE_NOOP("CoreErrors", "enrollment request"),
    E.WORD_HEIGHT: QT_TRANSLATE_NOOP("CoreErrors", "height"),
    E.WORD_KEPT_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "batch {batch} (it is kept on this device; 'tomar sync --to FOLDER' writes it)",
    ),
    E.WORD_RECEIPT: QT_TRANSLATE_NOOP("CoreErrors", "receipt"),
    E.WORD_SHARES_FILE: QT_TRANSLATE_NOOP("CoreErrors", "shares file"),
    E.WORD_STROKES_FILE: QT_TRANSLATE_NOOP("CoreErrors", "strokes file"),
    E.WORD_TEXT: QT_TRANSLATE_NOOP("CoreErrors", "text"),
    E.WORD_THE_AGGREGATE_CSV: QT_TRANSLATE_NOOP("CoreErrors", "the aggregate CSV"),
    E.WORD_THE_BATCH: QT_TRANSLATE_NOOP("CoreErrors", "the batch"),
    E.WORD_THE_BATCH_METADATA: QT_TRANSLATE_NOOP("CoreErrors", "the batch metadata"),
    E.WORD_THE_CAMPAIGN_PACKAGE: QT_TRANSLATE_NOOP("CoreErrors", "the campaign package"),
    E.WORD_THE_CERTIFICATE: QT_TRANSLATE_NOOP("CoreErrors", "the certificate"),
    E.WORD_THE_CLOSING_RECORD: QT_TRANSLATE_NOOP("CoreErrors", "the closing record"),
    E.WORD_THE_CSV_FILE: QT_TRANSLATE_NOOP("CoreErrors", "the CSV file"),
    E.WORD_THE_DELIVERY_SHEETS: QT_TRANSLATE_NOOP("CoreErrors", "the delivery sheets"),
    E.WORD_THE_DELIVERY_SUMMARY: QT_TRANSLATE_NOOP("CoreErrors", "the delivery summary"),
    E.WORD_THE_ENROLLMENT_REQUEST: QT_TRANSLATE_NOOP("CoreErrors", "the enrollment request"),
    E.WORD_THE_FILE: QT_TRANSLATE_NOOP("CoreErrors", "the file"),
    E.WORD_THE_IDENTITY_FILE: QT_TRANSLATE_NOOP("CoreErrors", "the identity file"),
    E.WORD_THE_KEY_BACKUP: QT_TRANSLATE_NOOP("CoreErrors", "the key backup"),
    E.WORD_THE_KEY_FILE: QT_TRANSLATE_NOOP("CoreErrors", "the key file"),
    E.WORD_THE_NEW_VAULT: QT_TRANSLATE_NOOP("CoreErrors", "the new vault"),
    E.WORD_THE_PACKETS_CSV: QT_TRANSLATE_NOOP("CoreErrors", "the packets CSV"),
    E.WORD_THE_RECEIPT: QT_TRANSLATE_NOOP("CoreErrors", "the receipt"),
    E.WORD_THE_RECOVERY_SHARES: QT_TRANSLATE_NOOP("CoreErrors", "the recovery shares"),
    E.WORD_THE_REPORT: QT_TRANSLATE_NOOP("CoreErrors", "the report"),
    E.WORD_THE_SHEETS: QT_TRANSLATE_NOOP("CoreErrors", "the sheets"),
    E.WORD_THE_STORE_MARKER: QT_TRANSLATE_NOOP("CoreErrors", "the store marker"),
    E.WORD_THE_VAULT_COPY: QT_TRANSLATE_NOOP("CoreErrors", "the copy of the vault"),
    E.WORD_TITLE: QT_TRANSLATE_NOOP("CoreErrors", "title"),
    E.WORD_TRUSTED: QT_TRANSLATE_NOOP("CoreErrors", "trusted"),
    E.WORD_TWO_SENTENCES: QT_TRANSLATE_NOOP("CoreErrors", "{first} {second}"),
    E.WORD_UNTRUSTED: QT_TRANSLATE_NOOP("CoreErrors", "untrusted"),
    E.WORD_WIDTH: QT_TRANSLATE_NOOP("CoreErrors", "width"),
}
