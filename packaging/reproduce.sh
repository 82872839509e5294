#!/usr/bin/env bash
# Build this commit twice, in two different folders at two different times, and compare
# the SHA-256 of the sdist, the wheel and (unless REPRODUCE_ONE_FOLDER=0) the Linux
# one-folder archive. Exit status 1 if any digest differs; then the differing members
# are listed (see docs/INSTALL.md, "Checking a build").
#
#   bash packaging/reproduce.sh        (what `make reproduce` runs)
#
# Only committed files take part (git archive HEAD): what is built is what anyone can
# check out. The one-folder build takes a few minutes each time (a fresh virtual
# environment and PyInstaller).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
ONE_FOLDER=${REPRODUCE_ONE_FOLDER:-1}
[ "$(uname -s)" = Linux ] || ONE_FOLDER=0

commit=$(git rev-parse HEAD)
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct HEAD)
export SOURCE_DATE_EPOCH
work=$(mktemp -d "${TMPDIR:-/tmp}/tomar-reproduce.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# The build tool for dist.sh: the checkout's venv if there is one (it has `build`).
if [ -x "$ROOT/.venv/bin/python" ]; then BUILDPY="$ROOT/.venv/bin/python"; else BUILDPY=$PYTHON; fi

build() {  # $1: folder for this build
  local dir=$1
  mkdir -p "$dir/src"
  git archive "$commit" | tar -x -C "$dir/src"
  (cd "$dir/src" && PYTHON=$BUILDPY DIST="$dir/out" bash packaging/dist.sh >/dev/null)
  if [ "$ONE_FOLDER" = 1 ]; then
    (cd "$dir/src" && PYTHON=$PYTHON DIST="$dir/out" BUILD="$dir/build" \
      bash packaging/build.sh >"$dir/installer.log" 2>&1) || {
      tail -30 "$dir/installer.log" >&2
      return 1
    }
  fi
  (cd "$dir/out" && sha256sum tomar-*.tar.gz tomar-*.whl | sort -k2) >"$dir/SUMS"
}

echo "== commit $commit (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
build "$work/first"
sleep 2  # another time: every clock-derived byte would differ
build "$work/second-build/elsewhere"
cat "$work/first/SUMS"
if cmp -s "$work/first/SUMS" "$work/second-build/elsewhere/SUMS"; then
  echo "== reproducible: both builds give the same SHA-256 for every file"
  exit 0
fi
echo "== NOT reproducible:" >&2
diff "$work/first/SUMS" "$work/second-build/elsewhere/SUMS" >&2 || true
"$BUILDPY" packaging/archive_diff.py "$work/first/out" "$work/second-build/elsewhere/out" >&2 || true
exit 1
