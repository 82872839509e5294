#!/usr/bin/env bash
# Sign demo-campaign.toml again with the SAME public demo organizer key (restored from
# demo-organizer.backup.age), after its texts changed. regenerate.sh makes new keys instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-$here/../../.venv/bin/python}"
"$python" - "$here" <<'PY'
import sys, tempfile
from pathlib import Path

from tomar.core import organizer
from tomar.core.device import init_vault

here = Path(sys.argv[1])
with tempfile.TemporaryDirectory() as tmp, init_vault(Path(tmp) / "v", "demo passphrase") as v:
    data = (here / "demo-organizer.backup.age").read_bytes()
    ident = organizer.restore_backup(v, data, "demo backup passphrase")
    spec = (here / "demo-campaign.toml").read_text("utf-8")
    _, package = organizer.create_campaign(v, spec)
    (here / "demo.tomar-campaign").write_bytes(package)
    print(f"demo.tomar-campaign signed again by {ident.fingerprint}")
PY
