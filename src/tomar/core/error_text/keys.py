"""English templates of the keys areas; see error_text/__init__.py."""

from __future__ import annotations

from ..error_codes import ErrorCode as E
from ._mark import QT_TRANSLATE_NOOP

TEMPLATES: dict[E, str] = {
    E.AGE_BAD_KEY_FILE_LINE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Line {number} of the key file is not a valid secret key."
    ),
    E.AGE_BAD_PQ_PUBLIC_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a valid post-quantum age public key (age1pq1...)."
    ),
    E.AGE_BAD_PQ_SECRET_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a valid post-quantum age secret key (AGE-SECRET-KEY-PQ-1...)."
    ),
    E.AGE_BAD_PUBLIC_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a valid age public key (age1...)."
    ),
    E.AGE_BAD_SECRET_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a valid age secret key (AGE-SECRET-KEY-1...)."
    ),
    E.AGE_FILE_DAMAGED_CHANGED_AFTER: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file is damaged or was changed after it was sealed."
    ),
    E.AGE_FILE_DAMAGED_ENDS_EMPTY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file is damaged: it ends with an empty block."
    ),
    E.AGE_FILE_DAMAGED_KEY_SEALED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file is damaged: the key it was sealed for is not stored correctly."
    ),
    E.AGE_FILE_DAMAGED_PART_HOLDS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file is damaged: the part that holds its keys is not readable."
    ),
    E.AGE_FILE_DAMAGED_PASSPHRASE_SEALED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file is damaged: a passphrase-sealed file cannot have other keys."
    ),
    E.AGE_FILE_EXTRA_DATA_AFTER: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file has extra data after its end; it was changed after it was sealed."
    ),
    E.AGE_FILE_INCOMPLETE_CUT_OFF: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file is incomplete: it was cut off before the end."
    ),
    E.AGE_FILE_LARGER_ACCEPTS_HERE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file is larger than Tomar accepts here."
    ),
    E.AGE_FILE_SEALED_NEWER_FORMAT: QT_TRANSLATE_NOOP(
        "CoreErrors", "This file was sealed with a newer format version that Tomar cannot open yet."
    ),
    E.AGE_FILE_SEALED_PASSPHRASE_SETTING: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This file was sealed with a passphrase setting that would take too "
        "long to open on this device.",
    ),
    E.AGE_INTERNAL_BAD_STANZA: QT_TRANSLATE_NOOP(
        "CoreErrors", "Internal error: a recipient produced an invalid stanza."
    ),
    E.AGE_INTERNAL_NO_RECIPIENT: QT_TRANSLATE_NOOP(
        "CoreErrors", "Internal error: no one to seal the file for."
    ),
    E.AGE_KEY_FILE_WITHOUT_SECRET_KEYS: QT_TRANSLATE_NOOP(
        "CoreErrors", "The key file contains no secret keys."
    ),
    E.AGE_NONE_KEYS_OPEN_FILE: QT_TRANSLATE_NOOP(
        "CoreErrors", "None of your keys can open this file. It was sealed for someone else."
    ),
    E.AGE_NOT_AN_AGE_FILE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a sealed file Tomar can open, or its beginning is damaged."
    ),
    E.AGE_NOT_A_PUBLIC_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not an age public key (it should start with age1)."
    ),
    E.AGE_NOT_A_SECRET_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not an age secret key (it should start with AGE-SECRET-KEY-)."
    ),
    E.AGE_NOT_ENOUGH_MEMORY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This device does not have enough memory for this passphrase setting."
    ),
    E.AGE_NO_KEY_GIVEN: QT_TRANSLATE_NOOP("CoreErrors", "No key was given to open this file."),
    E.AGE_PASSPHRASE_EMPTY: QT_TRANSLATE_NOOP("CoreErrors", "The passphrase is empty."),
    E.AGE_PASSPHRASE_NOT_ALONE: QT_TRANSLATE_NOOP(
        "CoreErrors", "A passphrase cannot be combined with other keys in one file."
    ),
    E.AGE_PASSPHRASE_STRENGTH_LIMIT_MUST: QT_TRANSLATE_NOOP(
        "CoreErrors", "The passphrase strength limit must be between 1 and 30."
    ),
    E.AGE_PASSPHRASE_STRENGTH_SETTING_MUST: QT_TRANSLATE_NOOP(
        "CoreErrors", "The passphrase strength setting must be between 1 and 30."
    ),
    E.AGE_POST_QUANTUM_CLASSIC_KEYS: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Post-quantum and classic keys cannot be mixed in one file: the file "
        "would only be as safe as the weakest key.",
    ),
    E.AGE_POST_QUANTUM_SECRET_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This post-quantum secret key has the wrong length."
    ),
    E.AGE_WEAK_PUBLIC_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This public key is not usable: it is a weak key."
    ),
    E.BECH32_BAD_CHARACTER: QT_TRANSLATE_NOOP(
        "CoreErrors", "This key contains a character that does not belong in it."
    ),
    E.BECH32_BAD_CHECKSUM: QT_TRANSLATE_NOOP(
        "CoreErrors", "This key has a typo: its checksum does not match."
    ),
    E.BECH32_INTERNAL_BAD_PREFIX: QT_TRANSLATE_NOOP(
        "CoreErrors", "Internal error: invalid key prefix."
    ),
    E.BECH32_KEY_INCOMPLETE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This key is not complete or has a typo."
    ),
    E.BECH32_KEY_MIXES_UPPER_LOWER: QT_TRANSLATE_NOOP(
        "CoreErrors", "This key mixes upper and lower case letters."
    ),
    E.BECH32_NOT_A_KEY: QT_TRANSLATE_NOOP("CoreErrors", "This is not a valid key."),
    E.MINISIGN_BAD_PUBLIC_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The public key is damaged or is not a minisign public key. Ask the "
        "campaign for a fresh copy of the key.",
    ),
    E.MINISIGN_BAD_SECRET_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "The secret key file is damaged or is not an unencrypted minisign secret key."
    ),
    E.MINISIGN_BAD_SIGNATURE_FILE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The signature file is damaged or is not a minisign signature. Ask for "
        "a fresh copy of the file and its signature.",
    ),
    E.MINISIGN_COMMENT_NOT_ONE_LINE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The {what} comment cannot be used: it must be a single line of text."
    ),
    E.MINISIGN_COMMENT_TOO_LONG_MOST: QT_TRANSLATE_NOOP(
        "CoreErrors", "The {what} comment is too long (at most {max_bytes} bytes)."
    ),
    E.MINISIGN_DATA_CHANGED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The file does not match its signature: it was changed or damaged after"
        " it was signed. Do not use it.",
    ),
    E.MINISIGN_FILE_SIGNED_DIFFERENT_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The file was signed by a different key than the one expected. Check "
        "that you are using the right campaign key.",
    ),
    E.MINISIGN_FILE_USES_OLD_MINISIGN: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The file uses the old minisign signature format, which is not accepted"
        " here. Ask for it to be signed again with a current minisign.",
    ),
    E.MINISIGN_INTERNAL_KEY_ID_LENGTH: QT_TRANSLATE_NOOP(
        "CoreErrors", "A signing key id must be exactly 8 bytes."
    ),
    E.MINISIGN_INTERNAL_KEY_LENGTH: QT_TRANSLATE_NOOP(
        "CoreErrors", "A signing key must be exactly 32 bytes."
    ),
    E.MINISIGN_SECRET_KEY_FILE_PROTECTED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This secret key file is protected by a password. Remove the password "
        "with `minisign -C -W` first, or use an unencrypted key.",
    ),
    E.MINISIGN_SIGNATURE_TRUSTED_COMMENT_CHANGED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The signature's trusted comment was changed after signing. Do not use this file.",
    ),
    E.MINISIGN_UNKNOWN_ALGORITHM: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The signature uses an algorithm this app does not know. Ask for the "
        "file to be signed again with minisign.",
    ),
    E.IDENTITY_NOT_AN_IDENTITY_FILE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a Tomar organizer identity file."
    ),
    E.IDENTITY_ORGANIZER_IDENTITY_FILE_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The organizer identity file is damaged."
    ),
    E.IDENTITY_ORGANIZER_SIGNING_KEY_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The organizer signing key is damaged."
    ),
    E.IDENTITY_RECIPIENT_TYPE_MUST_HYBRID: QT_TRANSLATE_NOOP(
        "CoreErrors", "The recipient type must be 'hybrid' or 'x25519'."
    ),
    E.KEYFILE_INVALID_DATABASE_NAME: QT_TRANSLATE_NOOP("CoreErrors", "Invalid database name."),
    E.KEYFILE_KEY_FILE_ASKS_UNSAFE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The key file asks for an unsafe amount of memory; it may be damaged."
    ),
    E.KEYFILE_KEY_FILE_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "The key file is damaged."),
    E.KEYFILE_KEY_FILE_DAMAGED_TOO: QT_TRANSLATE_NOOP(
        "CoreErrors", "The key file is damaged (too large)."
    ),
    E.KEYFILE_KEY_FILE_KIND_VERSION: QT_TRANSLATE_NOOP(
        "CoreErrors", "This key file is of a kind this version of Tomar does not know."
    ),
    E.KEYFILE_KEY_FILE_MISSING_VAULT: QT_TRANSLATE_NOOP(
        "CoreErrors", "The key file is missing: this vault cannot be opened."
    ),
    E.KEYFILE_KEY_FILE_UNUSUAL_SETTINGS: QT_TRANSLATE_NOOP(
        "CoreErrors", "The key file has unusual settings; it may be damaged."
    ),
    E.KEYFILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The key file cannot be read ({detail})."
    ),
    E.KEYFILE_WRONG_PASSPHRASE: QT_TRANSLATE_NOOP("CoreErrors", "The passphrase is not correct."),
    E.RECOVERY_BAD_SHARE: QT_TRANSLATE_NOOP(
        "CoreErrors", "A share is not valid: check every word (a typo is detected, not corrected)."
    ),
    E.RECOVERY_MAKE_BETWEEN_1_SHARES: QT_TRANSLATE_NOOP(
        "CoreErrors", "Make between 1 and {max_shares} shares."
    ),
    E.RECOVERY_NOT_AN_ORGANIZER_KEY: QT_TRANSLATE_NOOP(
        "CoreErrors", "These shares do not hold a Tomar organizer key."
    ),
    E.RECOVERY_NOT_ENOUGH_SHARES: QT_TRANSLATE_NOOP(
        "CoreErrors", "Not enough shares: more shares of the same set are needed."
    ),
    E.RECOVERY_NO_SHARES: QT_TRANSLATE_NOOP("CoreErrors", "No shares were given."),
    E.RECOVERY_SAME_SHARE_TWICE: QT_TRANSLATE_NOOP("CoreErrors", "The same share was given twice."),
    E.RECOVERY_SHARES_DO_NOT_FIT: QT_TRANSLATE_NOOP(
        "CoreErrors", "These shares do not fit together; check each one word by word."
    ),
    E.RECOVERY_SHARES_OF_DIFFERENT_SETS: QT_TRANSLATE_NOOP(
        "CoreErrors", "These shares do not all belong to the same set."
    ),
    E.RECOVERY_THESE_SHARES_RESTORE_ANOTHER: QT_TRANSLATE_NOOP(
        "CoreErrors", "These shares restore another organizer key than this campaign's."
    ),
    E.RECOVERY_THRESHOLD_1_EVERY_SHARE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "With a threshold of 1 every share is the whole key; use a threshold of"
        " 2 or more (or make a single share).",
    ),
    E.RECOVERY_THRESHOLD_MUST_BETWEEN_1: QT_TRANSLATE_NOOP(
        "CoreErrors", "The threshold must be between 1 and the number of shares."
    ),
    E.CANON_UNSIGNABLE_VALUES: QT_TRANSLATE_NOOP(
        "CoreErrors", "This document holds values that cannot be signed: it is damaged."
    ),
    E.SIGNED_NOT_OURS_OR_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a Tomar {what}, or it is damaged."
    ),
    E.SIGNED_TOO_LARGE_GENUINE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} is too large to be genuine."
    ),
    E.SIGNED_UNKNOWN_KIND_OR_VERSION: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a Tomar {what}, or it needs a newer version of Tomar."
    ),
    E.SIGNED_WRONG_KEY_OR_CHANGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} was not signed by the expected key, or it was changed."
    ),
    E.ENROLL_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "This {what} is damaged."),
    E.ENROLL_DEVICE_CERTIFICATE_ANOTHER_CAMPAIGN: QT_TRANSLATE_NOOP(
        "CoreErrors", "This device certificate is for another campaign."
    ),
    E.ENROLL_ENROLLMENT_REQUEST_ANOTHER_CAMPAIGN: QT_TRANSLATE_NOOP(
        "CoreErrors", "This enrollment request is for another campaign."
    ),
    E.RECEIPTS_RECEIPT_ANOTHER_CAMPAIGN: QT_TRANSLATE_NOOP(
        "CoreErrors", "This receipt is for another campaign."
    ),
    E.RECEIPTS_RECEIPT_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "This receipt is damaged."),
    E.ZIPUTIL_CONTAINS_FILE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} contains a file that is too large."
    ),
    E.ZIPUTIL_CONTAINS_UNEXPECTED_FILE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} contains an unexpected file."
    ),
    E.ZIPUTIL_DAMAGED_INCOMPLETE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} is damaged or incomplete."
    ),
    E.ZIPUTIL_HOLDS_TOO_MANY_FILES: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} holds too many files to be genuine."
    ),
    E.ZIPUTIL_INCOMPLETE: QT_TRANSLATE_NOOP("CoreErrors", "This {what} is incomplete."),
    E.ZIPUTIL_SUSPICIOUSLY_COMPRESSED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} is suspiciously compressed."
    ),
    E.ZIPUTIL_UNKNOWN_KIND_COMPRESSION: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} is of an unknown kind (compression)."
    ),
    E.ZIPUTIL_UNKNOWN_KIND_ENCRYPTED_ZIP: QT_TRANSLATE_NOOP(
        "CoreErrors", "This {what} is of an unknown kind (encrypted ZIP)."
    ),
    E.STROKES_POINT_SIGNATURE_DRAWING_OUTSIDE: QT_TRANSLATE_NOOP(
        "CoreErrors", "A point of the signature drawing is outside the signature pad."
    ),
    E.STROKES_SIGNATURE_DRAWING_EMPTY_STROKE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature drawing has an empty stroke."
    ),
    E.STROKES_SIGNATURE_DRAWING_INVALID_TIME: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature drawing has an invalid time stamp."
    ),
    E.STROKES_SIGNATURE_DRAWING_TIME_STAMPS: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature drawing's time stamps go backwards."
    ),
    E.STROKES_SIGNATURE_DRAWING_TOO_LARGE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature drawing is too large to store. Please clear it and sign again."
    ),
    E.STROKES_SIGNATURE_PAD_IMPOSSIBLE_SHAPE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature pad has an impossible shape."
    ),
    E.STROKES_SIZE_NOT_POSITIVE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature cannot be drawn: the {what} must be positive."
    ),
    E.STROKES_STORED_SIGNATURE_DRAWING_DAMAGED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The stored signature drawing is damaged and cannot be read."
    ),
    E.STROKES_TOO_MANY_POINTS: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature drawing has too many points."
    ),
    E.STROKES_TOO_MANY_STROKES: QT_TRANSLATE_NOOP(
        "CoreErrors", "The signature drawing has too many strokes."
    ),
    E.STROKES_UNKNOWN_DRAWING_FORMAT: QT_TRANSLATE_NOOP(
        "CoreErrors", "The stored signature drawing is not in a format this app can read."
    ),
}
