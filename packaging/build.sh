#!/usr/bin/env bash
# Build the one-folder app in a fresh virtual environment with the pinned versions, check
# it with its own --self-test, and on Linux pack it with a desktop entry and icon.
#
#   bash packaging/build.sh          (what `make installer` runs)
#
# Environment: PYTHON (default python3), DIST (default dist), BUILD (default build),
# SOURCE_DATE_EPOCH (default: the commit's time). Outputs: $DIST/tomar/ (the app folder);
# on Linux also $DIST/tomar-VERSION-linux-ARCH.tar.gz, reproducible (packaging/reproduce.sh
# checks it), and $DIST/SHA256SUMS of every tomar-* file in $DIST.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 315532800)
fi
# PYTHONHASHSEED: PyInstaller's own advice for reproducible builds (set and dict order).
export SOURCE_DATE_EPOCH PYTHONHASHSEED=0
umask 022

PYTHON=${PYTHON:-python3}
DIST=${DIST:-dist}
BUILD=${BUILD:-build}
VENV="$BUILD/venv"
start=$(date +%s)

echo "== fresh build environment in $VENV"
"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q '.[gui,build]'

echo "== translations"
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done

echo "== PyInstaller"
rm -rf "$DIST/tomar"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/pyinstaller" build_installer.spec

version=$("$VENV/bin/python" -c 'import tomar; print(tomar.__version__)')
case "$(uname -s)" in
  Linux) ;;
  *)
    echo "Built $DIST/tomar (see docs/INSTALL.md to check and pack it on this system)."
    exit 0
    ;;
esac

echo "== self-test of the build"
QT_QPA_PLATFORM=offscreen "$DIST/tomar/tomar-gui" --self-test

echo "== archive"
name="tomar-$version-linux-$(uname -m)"
stage="$BUILD/pack/$name"
rm -rf "$BUILD/pack"
mkdir -p "$stage"
cp -a "$DIST/tomar/." "$stage/"
cp packaging/org.tomar.Tomar.desktop "$stage/"
cp resources/icons/tomar-256.png "$stage/org.tomar.Tomar.png"
cp packaging/install-desktop-entry.sh "$stage/"
chmod 755 "$stage/install-desktop-entry.sh"
cp packaging/README-linux.txt "$stage/README.txt"
# Same bytes from every build of one commit: names sorted, times from the commit, root
# as owner, no builder's umask, no access/change times, and a gzip header without time.
tar -C "$BUILD/pack" --sort=name --owner=0 --group=0 --numeric-owner \
  --mtime="@$SOURCE_DATE_EPOCH" --mode=u+w,go-w --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -cf - "$name" | gzip -9n >"$DIST/$name.tar.gz"
(cd "$DIST" && sha256sum $(ls tomar-*.tar.gz tomar-*.whl 2>/dev/null | sort) > SHA256SUMS)

echo "== done in $(($(date +%s) - start)) s"
du -sh "$DIST/tomar" "$DIST/$name.tar.gz"
cat "$DIST/SHA256SUMS"
