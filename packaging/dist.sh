#!/usr/bin/env bash
# Build the sdist and the wheel (the wheel from the sdist, as PyPI users' installers
# would), reproducibly: SOURCE_DATE_EPOCH is the commit's time, and packaging/normalize.py
# removes what still depends on the build (times, owners, order, umask).
#
#   bash packaging/dist.sh            (what `make dist` runs)
#
# Environment: PYTHON (default .venv/bin/python if present, else python3), DIST (default
# dist). Outputs: $DIST/tomar-VERSION.tar.gz, $DIST/tomar-VERSION-py3-none-any.whl.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
DIST=${DIST:-dist}
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 315532800)
fi
export SOURCE_DATE_EPOCH PYTHONHASHSEED=0
umask 022

# Compiled translations travel in the sdist, so building from it needs no Qt tools.
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  [ -e "$qm" ] || { echo "missing $qm: run 'make i18n'" >&2; exit 1; }
done

mkdir -p "$DIST"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# No --sdist/--wheel: build makes the sdist, then the wheel from it (proving the sdist).
"$PYTHON" -m build --outdir "$out" . >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log" >&2
  exit 1
}
sdist=$(ls "$out"/tomar-*.tar.gz)
wheel=$(ls "$out"/tomar-*.whl)
"$PYTHON" packaging/normalize.py "$sdist" "$wheel"
cp "$sdist" "$wheel" "$DIST/"
(cd "$DIST" && sha256sum "$(basename "$sdist")" "$(basename "$wheel")")
