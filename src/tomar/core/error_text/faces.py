"""English templates of the faces areas; see error_text/__init__.py."""

from __future__ import annotations

from ..error_codes import ErrorCode as E
from ._mark import QT_TRANSLATE_NOOP

TEMPLATES: dict[E, str] = {
    E.SYNC_ARRIVED_DAMAGED_WILL_FETCHED: QT_TRANSLATE_NOOP(
        "CoreErrors", "{file} arrived damaged; it will be fetched again next time."
    ),
    E.SYNC_BATCH_NOT_SENT: QT_TRANSLATE_NOOP("CoreErrors", "Batch {number} was not sent: {detail}"),
    E.SYNC_BATCH_REFUSED: QT_TRANSLATE_NOOP("CoreErrors", "Batch {number} was refused: {detail}"),
    E.SYNC_CAMPAIGN_PINS_SERVER_CERTIFICATE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The campaign pins the server's certificate, so the address must start with https://.",
    ),
    E.SYNC_CANCELLED: QT_TRANSLATE_NOOP("CoreErrors", "Sync cancelled."),
    E.SYNC_CERTIFICATE_NOT_PINNED_ONE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The server's certificate is not the one the organizer pinned in the "
        "campaign. Do not sync over this network; tell the organizer.",
    ),
    E.SYNC_CERTIFICATE_NOT_VERIFIED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The certificate of {server} could not be verified. Do not sync over "
        "this network; tell the organizer.",
    ),
    E.SYNC_CONNECTION_BROKE: QT_TRANSLATE_NOOP("CoreErrors", "the connection broke"),
    E.SYNC_DEVICE_NOT_ENROLLED_YET: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This device is not enrolled yet, so the server will not accept its "
        "batches. Ask the organizer to enroll it, or sync through a folder (USB"
        " stick).",
    ),
    E.SYNC_FILE_UNREADABLE: QT_TRANSLATE_NOOP("CoreErrors", "{file} cannot be read ({detail})."),
    E.SYNC_FOLDER_NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Tomar cannot write to {folder} ({detail})."
    ),
    E.SYNC_NOT_A_COLLECTION_SERVER: QT_TRANSLATE_NOOP(
        "CoreErrors", "{server} is not a Tomar collection server."
    ),
    E.SYNC_NOT_FETCHED: QT_TRANSLATE_NOOP("CoreErrors", "{file} could not be fetched: {detail}"),
    E.SYNC_NO_CONNECTION: QT_TRANSLATE_NOOP("CoreErrors", "no connection"),
    E.SYNC_NO_SUCH_FOLDER: QT_TRANSLATE_NOOP(
        "CoreErrors", "The folder {folder} does not exist. Is the USB stick or shared folder there?"
    ),
    E.SYNC_RECEIPTS_NOT_ASKED: QT_TRANSLATE_NOOP(
        "CoreErrors", "{target} could not be asked for receipts: {detail}"
    ),
    E.SYNC_RECEIPT_NAMES_INVALID_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "A receipt names an invalid device."
    ),
    E.SYNC_RECEIPT_NOT_APPLIED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The receipt for batch {batch} was not applied: {detail}"
    ),
    E.SYNC_RECEIPT_NOT_WRITTEN: QT_TRANSLATE_NOOP(
        "CoreErrors", "A receipt could not be written: {detail}"
    ),
    E.SYNC_RECEIPT_REFUSED: QT_TRANSLATE_NOOP("CoreErrors", "A receipt was refused: {detail}"),
    E.SYNC_RECEIPT_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The receipt {file} cannot be read ({detail})."
    ),
    E.SYNC_REQUEST_BAD_SIGNATURE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This request's signature is not valid."
    ),
    E.SYNC_REQUEST_NOT_SIGNED: QT_TRANSLATE_NOOP("CoreErrors", "This request is not signed."),
    E.SYNC_REQUEST_SIGNATURE_HEADERS_MALFORMED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This request's signature headers are malformed."
    ),
    E.SYNC_REQUEST_SIGNED_TOO_LONG: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This request was signed too long ago or in the future: check the computer's clock.",
    ),
    E.SYNC_SENT_DAMAGED_LIST_BATCHES: QT_TRANSLATE_NOOP(
        "CoreErrors", "{server} sent a damaged list of batches."
    ),
    E.SYNC_SERVER_ANSWERED: QT_TRANSLATE_NOOP("CoreErrors", "the server answered {status}"),
    E.SYNC_SERVER_COLLECTS_ANOTHER_CAMPAIGN: QT_TRANSLATE_NOOP(
        "CoreErrors", "The server at {server} collects for another campaign."
    ),
    E.SYNC_SERVER_SAID: QT_TRANSLATE_NOOP("CoreErrors", "{words}"),
    E.SYNC_SERVER_SENT_LARGER_ANSWER: QT_TRANSLATE_NOOP(
        "CoreErrors", "The server at {server} sent a larger answer than any genuine one."
    ),
    E.SYNC_SERVER_TOO_SLOW: QT_TRANSLATE_NOOP(
        "CoreErrors", "The server at {server} did not answer in time ({last})."
    ),
    E.SYNC_SERVER_UNREACHABLE: QT_TRANSLATE_NOOP("CoreErrors", "the server could not be reached"),
    E.SYNC_TOOK_TOO_LONG: QT_TRANSLATE_NOOP("CoreErrors", "it took too long to answer"),
    E.SYNC_TOO_LARGE_GENUINE_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "{file} is too large to be a genuine batch."
    ),
    E.SYNC_WHERE_GIVE_SERVER_ADDRESS: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Where to? Give a server address or a folder (tomar sync --to "
        "URL|FOLDER); the campaign names no sync address.",
    ),
    E.SERVER_ALREADY_HOLDS_ANOTHER_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This server already holds another batch {number} of this device. Ask the organizer.",
    ),
    E.SERVER_BAD_NAME: QT_TRANSLATE_NOOP(
        "CoreErrors", "That is not a batch or receipt name (64 hexadecimal digits)."
    ),
    E.SERVER_BATCH_CERTIFICATE_NOT_ORGANIZERS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch's certificate was not issued by the organizer."
    ),
    E.SERVER_BATCH_LARGER_SERVER_ACCEPTS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This batch is larger than this server accepts."
    ),
    E.SERVER_BATCH_WITHOUT_CERTIFICATE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "This batch carries no enrollment certificate: it was exported before "
        "the device was enrolled. Bring it to the organizer on a USB stick.",
    ),
    E.SERVER_BUCKET_FAILED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The bucket could not {what} ({name})."
    ),
    E.SERVER_BUCKET_HOLDS_SOMETHING_UNEXPECTED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The bucket holds something unexpected ({what})."
    ),
    E.SERVER_BUCKET_REFUSED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The bucket refused to {what} ({reason})."
    ),
    E.SERVER_BUCKET_STORE_BELONGS_ANOTHER: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The bucket store {store} belongs to another campaign. Use one bucket prefix per campaign.",
    ),
    E.SERVER_BUCKET_STORE_NEEDS_BOTO3: QT_TRANSLATE_NOOP(
        "CoreErrors", "A bucket store needs boto3: install Tomar with pip install 'tomar[s3]'."
    ),
    E.SERVER_BUCKET_STORE_UNUSABLE: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The bucket store {store} cannot be used: {detail} Check the bucket "
        "name, AWS_ENDPOINT_URL and the credentials.",
    ),
    E.SERVER_BUCKET_STORE_WRITTEN_S3: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "A bucket store is written s3://BUCKET/PREFIX (bucket: lowercase "
        "letters, digits, dots and dashes).",
    ),
    E.SERVER_BUCKET_UNREACHABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The bucket could not be reached to {what} ({name})."
    ),
    E.SERVER_BUCKET_UNUSABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The bucket cannot be used ({code})."
    ),
    E.SERVER_BUSY_RECEIVING_UPLOADS_TRY: QT_TRANSLATE_NOOP(
        "CoreErrors", "The server is busy receiving uploads; try again."
    ),
    E.SERVER_CAMPAIGN_PACKAGE_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The campaign package {campaign_file} cannot be read ({detail})."
    ),
    E.SERVER_CERTIFICATE_BELONGS_ANOTHER_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This certificate belongs to another device."
    ),
    E.SERVER_CLAIM_NOT_READABLE_YET: QT_TRANSLATE_NOOP(
        "CoreErrors", "The batch number's claim is not readable yet."
    ),
    E.SERVER_COULD_NOT_STORE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The server could not store this. Try again later."
    ),
    E.SERVER_DEVICES_ONLY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is for devices; the organizer's key may not do it."
    ),
    E.SERVER_DEVICE_ALREADY_UPLOADING_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "This device is already uploading: one batch at a time."
    ),
    E.SERVER_DEVICE_CERTIFICATE_NOT_ORGANIZERS: QT_TRANSLATE_NOOP(
        "CoreErrors", "This device's certificate was not issued by the organizer."
    ),
    E.SERVER_DEVICE_MAY_UPLOAD_OWN: QT_TRANSLATE_NOOP(
        "CoreErrors", "A device may upload only its own batches."
    ),
    E.SERVER_DEVICE_NOT_ENROLLED: QT_TRANSLATE_NOOP(
        "CoreErrors", "This device is not enrolled by the organizer."
    ),
    E.SERVER_DEVICE_SENDING_TOO_MANY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This device is sending too many requests: wait a moment."
    ),
    E.SERVER_INTERNAL_PROBLEM: QT_TRANSLATE_NOOP(
        "CoreErrors", "The server had an internal problem. Try again later."
    ),
    E.SERVER_KEY_SENDING_TOO_MANY: QT_TRANSLATE_NOOP(
        "CoreErrors", "This key is sending too many requests: wait a moment."
    ),
    E.SERVER_MARKER_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "{marker} is damaged."),
    E.SERVER_METHOD_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "CoreErrors", "That method is not allowed here."
    ),
    E.SERVER_NOTHING_HERE: QT_TRANSLATE_NOOP("CoreErrors", "There is nothing here."),
    E.SERVER_NOT_A_VALID_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a valid batch for this campaign: {detail}"
    ),
    E.SERVER_NOT_A_VALID_RECEIPT: QT_TRANSLATE_NOOP(
        "CoreErrors", "This is not a valid receipt: {detail}"
    ),
    E.SERVER_NO_RECEIPT_YET: QT_TRANSLATE_NOOP(
        "CoreErrors", "There is no receipt for that batch yet."
    ),
    E.SERVER_NO_S3_CREDENTIALS: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "No S3 credentials were found: set AWS_ACCESS_KEY_ID and "
        "AWS_SECRET_ACCESS_KEY (or AWS_PROFILE).",
    ),
    E.SERVER_NO_SUCH_BATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "There is no such batch on this server."
    ),
    E.SERVER_ORGANIZER_MAY: QT_TRANSLATE_NOOP("CoreErrors", "Only the organizer may do this."),
    E.SERVER_PREFIX_S3_STORE_MAY: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The prefix of an s3:// store may hold letters, digits, '.', '_' and '-' only.",
    ),
    E.SERVER_RECEIPT_NAMES_INVALID_DEVICE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This receipt names an invalid device."
    ),
    E.SERVER_REQUEST_ALREADY_RECEIVED_ONCE: QT_TRANSLATE_NOOP(
        "CoreErrors", "This request was already received once (a replay)."
    ),
    E.SERVER_REQUEST_BODY_TOO_SLOW: QT_TRANSLATE_NOOP(
        "CoreErrors", "The request body was too slow; try again."
    ),
    E.SERVER_REQUEST_REFUSED: QT_TRANSLATE_NOOP("CoreErrors", "The request was refused."),
    E.SERVER_REQUEST_TOO_LARGE: QT_TRANSLATE_NOOP("CoreErrors", "This request is too large."),
    E.SERVER_S3_CLIENT_FAILED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The S3 client cannot be set up ({name})."
    ),
    E.SERVER_STORE_FOLDER_BELONGS_ANOTHER: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "The store folder {root} belongs to another campaign. Use one store folder per campaign.",
    ),
    E.SERVER_STORE_FOLDER_UNUSABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The store folder {root} cannot be used ({detail})."
    ),
    E.SERVER_STORE_JSON_DAMAGED: QT_TRANSLATE_NOOP("CoreErrors", "{store}store.json is damaged."),
    E.SERVER_TLS_CERTIFICATE_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The TLS certificate {pem_path} cannot be read."
    ),
    E.SERVER_TLS_NEEDS_BOTH_TLS: QT_TRANSLATE_NOOP(
        "CoreErrors", "TLS needs both --tls-cert and --tls-key."
    ),
    E.SERVER_TOO_MANY_REQUESTS: QT_TRANSLATE_NOOP(
        "CoreErrors", "Too many requests: slow down and try again shortly."
    ),
    E.SERVER_UPLOAD_INTERRUPTED: QT_TRANSLATE_NOOP("CoreErrors", "The upload was interrupted."),
    E.SERVER_UPLOAD_LONGER_SAID: QT_TRANSLATE_NOOP(
        "CoreErrors", "The upload is longer than it said."
    ),
    E.SERVER_UPLOAD_MUST_SAY_LENGTH: QT_TRANSLATE_NOOP(
        "CoreErrors", "An upload must say its length (Content-Length)."
    ),
    E.SERVER_UPLOAD_NAME_MISMATCH: QT_TRANSLATE_NOOP(
        "CoreErrors", "The uploaded bytes do not match the name (SHA-256)."
    ),
    E.SERVER_UPLOAD_TOO_SLOW_TRY: QT_TRANSLATE_NOOP(
        "CoreErrors", "The upload was too slow; try again."
    ),
    E.CLI_ALREADY_VAULT: QT_TRANSLATE_NOOP("CoreErrors", "There is already a vault in {home}."),
    E.CLI_CHOOSE_PASSPHRASE_LEAST_8: QT_TRANSLATE_NOOP(
        "CoreErrors", "Please choose a passphrase of at least 8 characters."
    ),
    E.CLI_FILE_MISSING: QT_TRANSLATE_NOOP("CoreErrors", "The {what} {path} does not exist."),
    E.CLI_FILE_TOO_LARGE: QT_TRANSLATE_NOOP("CoreErrors", "The {what} {path} is too large."),
    E.CLI_FILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreErrors", "The {what} {path} cannot be read ({detail})."
    ),
    E.CLI_NO_PASSPHRASE: QT_TRANSLATE_NOOP(
        "CoreErrors", "No passphrase given: set {env} or run in a terminal."
    ),
    E.CLI_NO_SHARES_GIVEN: QT_TRANSLATE_NOOP(
        "CoreErrors", "No shares given: name a file with one share per line."
    ),
    E.CLI_NO_VAULT: QT_TRANSLATE_NOOP("CoreErrors", "There is no vault in {home}."),
    E.CLI_PASSPHRASES_DIFFER: QT_TRANSLATE_NOOP(
        "CoreErrors", "The two passphrases are not the same. Nothing was changed."
    ),
    E.CLI_PULL_UNFINISHED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The pull did not finish cleanly (see above)."
    ),
    E.CLI_SOME_BATCHES_NOT_VALID: QT_TRANSLATE_NOOP(
        "CoreErrors", "Some batches are not valid (see above)."
    ),
    E.CLI_SOME_BATCHES_REJECTED_SEE: QT_TRANSLATE_NOOP(
        "CoreErrors", "Some batches were rejected (see above); the others were imported."
    ),
    E.CLI_STROKES_FILE_NOT_VALID: QT_TRANSLATE_NOOP(
        "CoreErrors",
        'The strokes file is not valid: expected JSON {"aspect": 3.0, '
        '"strokes": [[[x, y, t_ms, pressure], ...], ...]}.',
    ),
    E.CLI_SYNC_UNFINISHED: QT_TRANSLATE_NOOP(
        "CoreErrors", "The sync did not finish; nothing was lost. Try again later."
    ),
    E.APP_FILE_TOO_LARGE_ENROLLMENT: QT_TRANSLATE_NOOP(
        "CoreErrors", "That file is too large to be an enrollment request."
    ),
    E.APP_UNEXPECTED: QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Something unexpected went wrong. Nothing was lost. Please try again, "
        "and tell the organizer if it happens again.",
    ),
}
