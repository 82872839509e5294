#!/usr/bin/env bash
# Rebuild the DEMO organizer key and campaign package in this folder.
# The key is published on purpose: the demo must work offline with no set-up.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tomar="${TOMAR:-$here/../../.venv/bin/tomar}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export TOMAR_PASSPHRASE="demo passphrase" TOMAR_BACKUP_PASSPHRASE="demo backup passphrase"
"$tomar" --home "$home" init >/dev/null
"$tomar" --home "$home" organizer init --name "DEMO ONLY organizer (public key, not for real signatures)"
"$tomar" --home "$home" organizer backup --out "$here/demo-organizer.backup.age"
"$tomar" --home "$home" organizer identity --out "$here/demo-organizer.identity.txt" 2>/dev/null
"$tomar" --home "$home" campaign create --spec "$here/demo-campaign.toml" --out "$here/demo.tomar-campaign"
