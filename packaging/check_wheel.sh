#!/usr/bin/env bash
# Install the wheel the way a volunteer would (pip or pipx: a fresh virtual environment,
# nowhere near the checkout) and run both self-tests from there. CI runs this (.ci/run).
#
#   bash packaging/check_wheel.sh [WHEEL]      (default: build it with packaging/dist.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}

# A folder name outside ASCII, as under a Windows user named Zoë or مریم.
work=$(mktemp -d "${TMPDIR:-/tmp}/tomar wheel check Zoë مریم.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
  wheel=$(realpath "$1")
else
  DIST="$work/dist" bash packaging/dist.sh
  wheel=$(ls "$work"/dist/tomar-*.whl)
fi

echo "== fresh virtual environment in $work/venv"
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$wheel[gui]"

cd "$work"  # nothing from the checkout can be found from here
export TOMAR_HOME="$work/home" QT_QPA_PLATFORM=offscreen
"$work/venv/bin/python" - "$ROOT" <<'PY'
import sys
from pathlib import Path

import tomar
import tomar.resources as r

root = Path(sys.argv[1]).resolve()
where = Path(tomar.__file__).resolve()
assert root not in where.parents, f"tomar imported from the checkout: {where}"
assert r.bundle_root().name == "_bundled", r.bundle_root()
print(f"tomar from {where.parent}, bundled files in {r.bundle_root()}")
PY
"$work/venv/bin/tomar" --self-test
"$work/venv/bin/tomar-gui" --self-test
echo "== the installed wheel works"
