#!/bin/sh
# Put tcdesk in this user's applications menu (optional; unpacking was the install).
#   ./add-to-menu.sh           writes ~/.local/share/applications/tcdesk.desktop
#   ./add-to-menu.sh --remove  takes it out again
# That one file is all it writes: tcdesk itself stays in this folder, its data in
# ~/.local/share/tcdesk, ~/.config/tcdesk, ~/.local/state/tcdesk and ~/.cache/tcdesk.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
menu="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
entry="$menu/tcdesk.desktop"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" && echo "Removed $entry"
  exit 0
fi
mkdir -p "$menu"
sed -e "s|^Exec=.*|Exec=\"$here/tcdesk\"|" -e "s|^Icon=.*|Icon=$here/tcdesk.png|" \
  "$here/tcdesk.desktop" > "$entry"
chmod 644 "$entry"
echo "Added tcdesk to the applications menu ($entry)."
