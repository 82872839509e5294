#!/usr/bin/env bash
# Write SHA256SUMS over the release files in a folder and sign it with minisign.
#
#   MINISIGN_KEY=~/.minisign/tomar-release.key bash packaging/sign.sh dist
#
# Produces FOLDER/SHA256SUMS and FOLDER/SHA256SUMS.minisig. Anyone checks them with the
# release public key (docs/INSTALL.md, "Checking a build"):
#   minisign -Vm SHA256SUMS -P <public key>   then   sha256sum -c SHA256SUMS
set -euo pipefail
dir=${1:?usage: sign.sh FOLDER}
key=${MINISIGN_KEY:?set MINISIGN_KEY to the release secret key file}
cd "$dir"
files=$(ls tomar-*.tar.gz tomar-*.whl 2>/dev/null | sort)
[ -n "$files" ] || { echo "sign.sh: no tomar-* release files in $dir" >&2; exit 1; }
# shellcheck disable=SC2086
sha256sum $files >SHA256SUMS
version=$(sed -n 's/^tomar-\([0-9][^-]*\)\.tar\.gz$/\1/p' <<<"$files" | head -1)
# minisign asks for the key's password on the terminal (none for a key made with -W).
minisign -S -s "$key" -m SHA256SUMS -t "Tomar ${version:-release} SHA256SUMS"
pub=${MINISIGN_PUB:-${key%.key}.pub}
if [ -e "$pub" ]; then minisign -V -m SHA256SUMS -p "$pub" >/dev/null; fi
cat SHA256SUMS
