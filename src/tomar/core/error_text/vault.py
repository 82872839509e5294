"""English templates of the vault areas; see error_text/__init__.py."""

from __future__ import annotations

from ..error_codes import ErrorCode as E
from ._mark import QT_TRANSLATE_NOOP

TEMPLATES: dict[E, str] = {
    E.VAULT_BUSY_ANOTHER_WINDOW_NOTHING: QT_TRANSLATE_NOOP(
        "CoreErrors", "The vault is busy in another Tomar window: nothing was saved."
    ),
    E.VAULT_CANNOT_OPEN_DISK_FULL: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The vault cannot be opened: the disk is full. Nothing was lost; free "
        "some space and try again.",
    ),
    E.VAULT_CANNOT_OPEN_IO_ERROR: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The vault cannot be opened: the disk reported an input/output error. "
        "The vault may be intact; copy your Tomar folder to another disk and "
        "open it there.",
    ),
    E.VAULT_CANNOT_OPEN_READ_ONLY: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The vault cannot be opened: its disk or folder is read-only. Nothing "
        "was lost; make it writable, or copy your Tomar folder to a writable "
        "disk, and try again.",
    ),
    E.VAULT_CHOOSE_PASSPHRASE: QT_TRANSLATE_NOOP("CoreErrors", "Please choose a passphrase."),
    E.VAULT_DATABASE_KEY_MISMATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "The vault database does not match its key file, or it is damaged."
    ),
    E.VAULT_DATABASE_MISSING_KEY_FILE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The vault database is missing; only its key file is left."
    ),
    E.VAULT_DISK_FULL_NOTHING_SAVED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The disk is full: nothing was saved. Free some space and try again."
    ),
    E.VAULT_DISK_READ_NOTHING_SAVED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The vault's disk is read-only: nothing was saved. Nothing was lost; "
        "make it writable and try again.",
    ),
    E.VAULT_DISK_REPORTED_INPUT_OUTPUT: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The disk reported an input/output error: nothing was saved. The disk "
        "may be failing: copy your Tomar folder to another disk first.",
    ),
    E.VAULT_KEY_FILE_KEY_MISSING: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The key file tomar.key is missing from {home}, but the vault database "
        "is still there. It cannot be opened without the key file: put back a "
        "copy of tomar.key if you have one. If it was erased on purpose (a "
        "panic wipe), 'tomar wipe --yes' clears the folder for a new vault.",
    ),
    E.VAULT_LOCKED: QT_TRANSLATE_NOOP("CoreErrors", "The vault is locked."),
    E.VAULT_MADE_NEWER_VERSION_UPDATE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This vault was made by a newer version of Tomar. Please update Tomar."
    ),
    E.VAULT_NOT_WRITTEN: QT_TRANSLATE_NOOP(
        "CoreErrors", "The vault could not be written: nothing was saved."
    ),
    E.VAULT_NO_VAULT: QT_TRANSLATE_NOOP(
        "CoreErrors", "There is no vault in {home}. Create one first with 'tomar init'."
    ),
    E.VAULT_REBUILT_VAULT_FAILED_INTEGRITY: QT_TRANSLATE_NOOP(
        "CoreErrors", "The rebuilt vault failed its integrity check; nothing changed."
    ),
    E.VAULT_REFUSES_RUN_DATABASE_SAFETY: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Tomar refuses to run: the database safety setting '{name}' is not in "
        "force. Signer data could leak to disk.",
    ),
    E.ATOMIC_DISK_ERROR_NOT_SAVED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The disk reported an error: {what} was not saved ({detail})."
    ),
    E.ATOMIC_DISK_FULL_NOT_SAVED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The disk is full: {what} was not saved. Free some space and try again."
    ),
    E.ATOMIC_IO_ERROR_NOT_SAVED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The disk reported an input/output error: {what} was not saved. The "
        "disk may be failing: copy your Tomar folder to another disk first.",
    ),
    E.ATOMIC_READ_ONLY_NOT_SAVED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This disk or folder is read-only: {what} was not saved. Nothing was "
        "lost; make it writable and try again.",
    ),
    E.DEVICE_ALREADY_HOLDS_ANOTHER_CAMPAIGN: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This device already holds another campaign. Use a separate vault "
        "(--home) for a second campaign.",
    ),
    E.DEVICE_CAMPAIGN_PACKAGE_OLDER_REVISION: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This campaign package is older (revision {revision}) than the one on "
        "this device (revision {revision2}). It was not imported: an old "
        "package could send this device to a server the campaign no longer "
        "uses. Ask the organizer for the newest package.",
    ),
    E.DEVICE_CAMPAIGN_PACKAGE_SIGNED_SOMEONE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This campaign package is signed by someone else than the organizer of "
        "the campaign on this device. It was not imported.",
    ),
    E.DEVICE_CERTIFICATE_ANOTHER_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This certificate is for another device."
    ),
    E.DEVICE_GIVE_EVENT_NAME: QT_TRANSLATE_NOOP("CoreErrors", "Please give the event a name."),
    E.DEVICE_IMPORT_INTERNAL_ERROR: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This file could not be read (internal error {error}); it was refused "
        "and nothing was changed.",
    ),
    E.DEVICE_NO_CAMPAIGN_YET: QT_TRANSLATE_NOOP(
        "CoreErrors", "No campaign yet. Import the organizer's campaign package first."
    ),
    E.DEVICE_NO_DEVICE_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This vault has no device key; it may be damaged."
    ),
    E.DEVICE_NO_SUCH_SIGNATURE: QT_TRANSLATE_NOOP(
        "CoreErrors", "There is no signature with that id on this device."
    ),
    E.DEVICE_RECEIPT_ANOTHER_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This receipt is for another device."
    ),
    E.DEVICE_RECEIPT_FOR_UNKNOWN_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "This receipt is for batch {batch}, which this device did not export."
    ),
    E.DEVICE_SIGNATURE_ALREADY_VOIDED: QT_TRANSLATE_NOOP(
        "CoreErrors", "That signature was already voided."
    ),
    E.DEVICE_START_EVENT_SIGNATURES_COLLECTED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Start an event first: signatures are collected at an event."
    ),
    E.DEVICE_UNEXPECTED_ORGANIZER: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The organizer fingerprint in this package is not the one you expected."
        " Do not use this package; ask the organizer.",
    ),
    E.RECORDS_BAD_DEVICE_SIGNATURE: QT_TRANSLATE_NOOP(
        "CoreErrors", "A record's device signature is not valid."
    ),
    E.RECORDS_RECORD_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "A record is damaged."),
    E.RECORDS_RECORD_TOO_LARGE_GENUINE: QT_TRANSLATE_NOOP(
        "CoreErrors", "A record is too large to be genuine."
    ),
    E.BATCH_BAD_SIGNATURE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This batch's signature is not valid: it was changed after the device signed it.",
    ),
    E.BATCH_BELONGS_ANOTHER_CAMPAIGN: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch belongs to another campaign."
    ),
    E.BATCH_EXPORT_CANCELLED_NOTHING_WRITTEN: QT_TRANSLATE_NOOP(
        "CoreErrors", "Export cancelled. Nothing was written."
    ),
    E.BATCH_FILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The batch file cannot be read ({detail})."
    ),
    E.BATCH_FOLDER_ALREADY_HOLDS_FILE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The folder already holds a file named {name}; move it away and export "
        "again. Nothing was written.",
    ),
    E.BATCH_INCOMPLETE_MANIFEST_SIGNATURE_MISSING: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch is incomplete: its manifest or signature is missing."
    ),
    E.BATCH_INVALID_BATCH_NUMBER: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch has an invalid batch number."
    ),
    E.BATCH_LINK_PREVIOUS_BATCH_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch's link to the previous batch is damaged."
    ),
    E.BATCH_LISTS_SAME_RECORD_TWICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch lists the same record twice."
    ),
    E.BATCH_LISTS_TOO_MANY_RECORDS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch lists too many records."
    ),
    E.BATCH_LIST_RECORDS_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch's list of records is damaged."
    ),
    E.BATCH_MANIFEST_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "This batch's manifest is damaged."),
    E.BATCH_MANIFEST_NOT_CANONICAL: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch's manifest is damaged (not in canonical form)."
    ),
    E.BATCH_MISSING_RECORDS_MANIFEST_LISTS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch is missing records that its manifest lists."
    ),
    E.BATCH_NAMES_RECORD_INVALID_ID: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch names a record with an invalid id."
    ),
    E.BATCH_NEEDS_NEWER_VERSION: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch needs a newer version of Tomar."
    ),
    E.BATCH_NOTHING_NEW: QT_TRANSLATE_NOOP(
        "CoreErrors", "Nothing new to export: every record is already in a batch."
    ),
    E.BATCH_NOTHING_NEW_RESTORED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Nothing new to export: every record is already in a batch. Batch(es) "
        "{numbers} had not reached this folder and were written again.",
    ),
    E.BATCH_NOT_A_BATCH: QT_TRANSLATE_NOOP("CoreErrors", "This is not a Tomar batch."),
    E.BATCH_NO_SUCH_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "There is no batch {number} on this device."
    ),
    E.BATCH_NO_SUCH_FOLDER: QT_TRANSLATE_NOOP("CoreErrors", "The folder {out_dir} does not exist."),
    E.BATCH_PURGED_CANNOT_REBUILD: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Batch {number} can no longer be rebuilt: its records were purged after a receipt.",
    ),
    E.BATCH_RECORD_BATCH_CHANGED_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "Record {record} in this batch was changed or damaged."
    ),
    E.BATCH_RECORD_BATCH_INVALID_HASH: QT_TRANSLATE_NOOP(
        "CoreErrors", "Record {record} in this batch has an invalid hash."
    ),
    E.BATCH_RECORD_BATCH_INVALID_SEQUENCE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Record {record} in this batch has an invalid sequence number."
    ),
    E.BATCH_SEALED_ANOTHER_ORGANIZER_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch was sealed for another organizer key."
    ),
    E.BATCH_UNLISTED_FILES: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch contains files that its manifest does not list."
    ),
    E.BATCH_USES_SAME_SEQUENCE_NUMBER: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch uses the same sequence number twice."
    ),
    E.CAMPAIGN_CONSENTS_MUST_LIST_MOST: QT_TRANSLATE_NOOP(
        "CoreErrors", "'consents' must be a list of at most 10 [[consents]] tables."
    ),
    E.CAMPAIGN_CONSENT_MAY_PURPOSE_TEXT: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Consent '{purpose}' may have only 'purpose' and 'text': an extra "
        "consent is never preselected.",
    ),
    E.CAMPAIGN_DELETE_AFTER_DAYS_MUST: QT_TRANSLATE_NOOP(
        "CoreErrors", "'delete_after_days' must be a number of days from 1 to 3650."
    ),
    E.CAMPAIGN_DELETE_MUST_DATE_SUCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "'delete_by' must be a date such as 2027-06-30."
    ),
    E.CAMPAIGN_DISPLAY_DEFAULT_MUST_ASK: QT_TRANSLATE_NOOP(
        "CoreErrors", '\'display_default\' must be "ask", "hidden", "initials" or "full".'
    ),
    E.CAMPAIGN_EACH_CONSENTS_ENTRY_NEEDS: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Each [[consents]] entry needs a unique 'purpose' of lowercase letters, digits and '_'.",
    ),
    E.CAMPAIGN_EACH_FIELDS_ENTRY_MUST: QT_TRANSLATE_NOOP(
        "CoreErrors", "Each [[fields]] entry must be a table."
    ),
    E.CAMPAIGN_EACH_FIELD_NEEDS_UNIQUE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Each field needs a unique 'name' of lowercase letters, digits and '_'."
    ),
    E.CAMPAIGN_END_DATE_MUST_DATE: QT_TRANSLATE_NOOP(
        "CoreErrors", "'end_date' must be a date such as 2027-03-31."
    ),
    E.CAMPAIGN_FIELD_LABEL_MUST_TABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Field '{name}': 'label' must be a table of texts per language."
    ),
    E.CAMPAIGN_FIELD_REQUIRED_MUST_TRUE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Field '{name}': 'required' must be true or false."
    ),
    E.CAMPAIGN_FIELD_UNKNOWN_KIND_USE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Field '{name}' has an unknown kind; use one of: {choices}."
    ),
    E.CAMPAIGN_ID_MAY_HOLD_LETTERS: QT_TRANSLATE_NOOP(
        "CoreErrors", "'id' may hold only letters, digits, '-' and '_'."
    ),
    E.CAMPAIGN_NEEDS_ADDRESSEE_WHOM_PETITION: QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign needs an 'addressee' (whom the petition is for)."
    ),
    E.CAMPAIGN_NEEDS_BETWEEN_1_30: QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign needs between 1 and 30 [[fields]]."
    ),
    E.CAMPAIGN_NEEDS_FIELD_KIND_NAME: QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign needs a field of kind 'name'."
    ),
    E.CAMPAIGN_NEEDS_LANGUAGES_LIST_CODES: QT_TRANSLATE_NOOP(
        "CoreErrors", 'The campaign needs \'languages\', a list of codes such as ["en", "fa"].'
    ),
    E.CAMPAIGN_NOT_A_PACKAGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a Tomar campaign package."
    ),
    E.CAMPAIGN_PACKAGE_CHANGED_AFTER_ORGANIZER: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This campaign package was changed after the organizer signed it. Do not use it.",
    ),
    E.CAMPAIGN_PACKAGE_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This campaign package is damaged."
    ),
    E.CAMPAIGN_PACKAGE_INCOMPLETE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This campaign package is incomplete."
    ),
    E.CAMPAIGN_PACKAGE_NEEDS_NEWER_VERSION: QT_TRANSLATE_NOOP(
        "CoreErrors", "This campaign package needs a newer version of Tomar."
    ),
    E.CAMPAIGN_PACKAGE_NOT_CANONICAL: QT_TRANSLATE_NOOP(
        "CoreErrors", "This campaign package is damaged (not in canonical form)."
    ),
    E.CAMPAIGN_PHONE_REGION_MUST_TWO: QT_TRANSLATE_NOOP(
        "CoreErrors", "'phone_region' must be a two-letter country code such as \"US\"."
    ),
    E.CAMPAIGN_REVISION_MUST_POSITIVE_WHOLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "'revision' must be a positive whole number."
    ),
    E.CAMPAIGN_SERVER_CERT_SHA256_MUST: QT_TRANSLATE_NOOP(
        "CoreErrors", "'server_cert_sha256' must be 64 hexadecimal digits (SHA-256)."
    ),
    E.CAMPAIGN_SIGNATURE_MUST_REQUIRED_OPTIONAL: QT_TRANSLATE_NOOP(
        "CoreErrors", '\'signature\' must be "required" or "optional".'
    ),
    E.CAMPAIGN_SPEC_MISSING_TEXT: QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign spec has no '{key}' text for language '{lang}'."
    ),
    E.CAMPAIGN_SPEC_NEEDS_TABLE_TEXT: QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign spec needs a [{key}] table with one text per language."
    ),
    E.CAMPAIGN_SPEC_NOT_TOML: QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign spec is not valid TOML: {detail}"
    ),
    E.CAMPAIGN_SYNC_URL_MUST_HTTP: QT_TRANSLATE_NOOP(
        "CoreErrors", "'sync_url' must be an http:// or https:// address."
    ),
    E.CAMPAIGN_TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "CoreErrors", "The '{key}' text for '{lang}' is too long."
    ),
    E.ORGANIZER_BACKUP_PASSPHRASE_MUST_LEAST: QT_TRANSLATE_NOOP(
        "CoreErrors", "The backup passphrase must have at least 8 characters."
    ),
    E.ORGANIZER_BACK_UP_ORGANIZER_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Back up the organizer key first ('tomar organizer backup'): if it is "
        "lost, every signature of the campaign is lost with it.",
    ),
    E.ORGANIZER_GIVE_ORGANIZER_NAME: QT_TRANSLATE_NOOP(
        "CoreErrors", "Please give the organizer a name."
    ),
    E.ORGANIZER_NO_KEYS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This vault has no organizer keys. Run 'tomar organizer init' first."
    ),
    E.ORGANIZER_PRINT_RECOVERY_SHARES_ORGANIZER: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Print the recovery shares of the organizer key first ('tomar organizer"
        " shares'), or say that you keep only the backup file "
        "('--without-shares').",
    ),
    E.ORGANIZER_VAULT_ALREADY_ORGANIZER_KEYS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This vault already has organizer keys."
    ),
    E.PLACES_DISTRICT_TABLE_COLUMNS: QT_TRANSLATE_NOOP(
        "CoreErrors", "The district table has no GEOID_CD and GEOID_ZCTA5 columns: use {source}."
    ),
    E.PLACES_DISTRICT_TABLE_EMPTY: QT_TRANSLATE_NOOP("CoreErrors", "The district table is empty."),
    E.PLACES_DISTRICT_TABLE_NOT_TEXT: QT_TRANSLATE_NOOP(
        "CoreErrors", "The district table is not a text file."
    ),
    E.PLACES_DISTRICT_TABLE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The district table is too large to be a Census relationship file."
    ),
    E.PLACES_DISTRICT_TABLE_WITHOUT_ZIPS: QT_TRANSLATE_NOOP(
        "CoreErrors", "The district table holds no ZIP code with a district."
    ),
    E.PLACES_ZIP4_TABLE_COLUMNS: QT_TRANSLATE_NOOP(
        "CoreErrors", "The ZIP+4 table needs the columns {source}."
    ),
    E.PLACES_ZIP4_TABLE_NOT_TEXT: QT_TRANSLATE_NOOP(
        "CoreErrors", "The ZIP+4 table is not a text file."
    ),
    E.PLACES_ZIP4_TABLE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The ZIP+4 table is too large: keep the ZIP codes that span districts."
    ),
    E.PLACES_ZIP4_TABLE_WITHOUT_RANGES: QT_TRANSLATE_NOOP(
        "CoreErrors", "The ZIP+4 table holds no ZIP+4 range with a district."
    ),
}
