#!/usr/bin/env bash
# A clean Debian 12 with no Python, for packaging/smoke_test.sh (SMOKE_CHROOT=DIR):
# debootstrap's minbase (about 40 s) plus what every Linux desktop has and the bundle
# leaves to the system: the GL/EGL drivers' loaders, libxcb, one font.
#   sudo packaging/make_smoke_chroot.sh [DIR]      (default build/smoke-chroot; needs root)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(realpath -m "${1:-build/smoke-chroot}")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
if [ ! -x "$root/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 ||
    { tail -5 "$root.log"; exit 1; }
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends \
    libgl1 libegl1 libxcb1 fonts-dejavu-core >/dev/null'
if [ -e "$root/usr/bin/python3" ]; then echo "$root has a python3: not a clean test" >&2; exit 1; fi
echo "$root: Debian $(cat "$root/etc/debian_version"), no Python"
