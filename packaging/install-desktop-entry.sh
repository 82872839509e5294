#!/bin/sh
# Add Tomar to this user's application menu (no root needed; only the menu entry is
# written). Run it from the unpacked folder; run it again after moving it.
# To remove: delete ~/.local/share/applications/org.tomar.Tomar.desktop.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications"
sed -e "s|^Exec=.*|Exec=\"$here/tomar-gui\"|" \
    -e "s|^Icon=.*|Icon=$here/org.tomar.Tomar.png|" \
    "$here/org.tomar.Tomar.desktop" > "$data/applications/org.tomar.Tomar.desktop"
chmod 644 "$data/applications/org.tomar.Tomar.desktop"
command -v update-desktop-database >/dev/null 2>&1 \
  && update-desktop-database -q "$data/applications" || true
echo "Tomar is in your applications menu. Its program: $here/tomar-gui"
