#!/usr/bin/env bash
# dist/tcdesk (from pyinstaller packaging/tcdesk.spec) -> the Linux download:
#   dist/tcdesk-<version>-linux-<arch>.tar.gz  a folder tcdesk/ with the app, its icon,
#       a .desktop entry and add-to-menu.sh (unpack anywhere; nothing is installed)
#   dist/tcdesk-<version>-<arch>.AppImage      when appimagetool is on PATH (it is not
#       in Debian's or PyPI's packages; the CI workflow downloads it)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x dist/tcdesk/tcdesk ] || { echo "no dist/tcdesk: run make bundle" >&2; exit 2; }
version=$(dist/tcdesk/tcdesk --version | awk '{print $2}')
arch=$(uname -m)
stage=build/linux-stage
rm -rf "$stage" && mkdir -p "$stage"
cp -a dist/tcdesk "$stage/tcdesk"
cp packaging/linux/tcdesk.desktop packaging/linux/add-to-menu.sh "$stage/tcdesk/"
cp build/icons/tcdesk.png "$stage/tcdesk/tcdesk.png"
tarball="dist/tcdesk-$version-linux-$arch.tar.gz"
tar -C "$stage" --owner=0 --group=0 -czf "$tarball" tcdesk
echo "$tarball ($(du -h "$tarball" | cut -f1) packed, $(du -sh "$stage/tcdesk" | cut -f1) unpacked)"

appdir=build/AppDir
rm -rf "$appdir" && mkdir -p "$appdir/usr/share/icons/hicolor/256x256/apps"
cp -a dist/tcdesk "$appdir/tcdesk"
cp packaging/linux/AppRun "$appdir/AppRun"
cp packaging/linux/tcdesk.desktop "$appdir/tcdesk.desktop"
cp build/icons/tcdesk.png "$appdir/tcdesk.png"
cp build/icons/tcdesk.png "$appdir/usr/share/icons/hicolor/256x256/apps/tcdesk.png"
if command -v appimagetool >/dev/null; then
  image="dist/tcdesk-$version-$arch.AppImage"
  ARCH=$arch appimagetool --no-appstream "$appdir" "$image"
  echo "$image ($(du -h "$image" | cut -f1))"
else
  echo "AppImage skipped: appimagetool is not on PATH (the AppDir is ready in $appdir)"
fi
