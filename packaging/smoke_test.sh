#!/usr/bin/env bash
# The built bundle, run as on a PC with no Python: PATH and PYTHONPATH emptied, a
# fresh HOME, nothing of the build machine's environment (env -i), optionally inside
# a clean Debian chroot (packaging/make_smoke_chroot.sh) that has no Python at all.
#
#   packaging/smoke_test.sh [BUNDLE_DIR]         (default dist/tcdesk; make bundle-test)
#   SMOKE_CHROOT=/path/to/chroot packaging/smoke_test.sh    (make bundle-test-chroot)
#
# Checks, each a line "ok ..." or "FAIL ...": --version; the first run on an empty
# account (about: the platformdirs folders; the app opens on "Welcome to tcdesk"); demo;
# slides; agreement; summary (a Chinese name: the bundled CJK font is embedded); an
# older practice file in the default place upgraded with its backup copy; the GUI to
# the desk window (sign-in answered with xdotool, as a person types) and closed
# cleanly by SIGTERM (exit 0, no crash.log); nothing written outside HOME's tcdesk
# folders and nothing written into the bundle. Exit status 1 if any check failed.
#
# Needs on the machine running it (not in the bundle's environment): Xvfb, xdotool,
# xwininfo. SMOKE_DISPLAY (default 55) is the X display it starts. With
# SNAPSHOT_PYTHON (a Python with PySide6, default .venv/bin/python if present) and
# SCREENSHOTS (a folder) it saves bundle-first-run.png and bundle-desk.png there.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BUNDLE=$(realpath "${1:-dist/tcdesk}")
DISPLAY_NO=${SMOKE_DISPLAY:-55}
CHROOT=${SMOKE_CHROOT:-}
SNAPSHOT_PYTHON=${SNAPSHOT_PYTHON:-$([ -x .venv/bin/python ] && echo "$REPO/.venv/bin/python")}
SCREENSHOTS=${SCREENSHOTS:-}
FAILED=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; FAILED=1; }

[ -x "$BUNDLE/tcdesk" ] || { echo "no bundle at $BUNDLE: run make bundle first" >&2; exit 2; }
for tool in Xvfb xdotool xwininfo; do
  command -v $tool >/dev/null || { echo "smoke_test needs $tool (apt-get install xvfb xdotool x11-utils)" >&2; exit 2; }
done

# Where the bundle and HOME are, as the host sees them (OUT) and as the bundle does (IN).
if [ -n "$CHROOT" ]; then
  rm -rf "$CHROOT/opt/tcdesk" "$CHROOT/home/tc" && mkdir -p "$CHROOT/opt" "$CHROOT/home/tc"
  cp -a "$BUNDLE" "$CHROOT/opt/tcdesk"
  mkdir -p "$CHROOT/tmp/.X11-unix"
  mountpoint -q "$CHROOT/tmp/.X11-unix" || mount --bind /tmp/.X11-unix "$CHROOT/tmp/.X11-unix"
  BUNDLE_IN=/opt/tcdesk HOME_IN=/home/tc HOME_OUT=$CHROOT/home/tc BUNDLE_OUT=$CHROOT/opt/tcdesk
  ENTER=(chroot "$CHROOT" /usr/bin/env -i)
  where="in the chroot $CHROOT ($(cat "$CHROOT/etc/debian_version" 2>/dev/null || echo ?), python3: $( [ -e "$CHROOT/usr/bin/python3" ] && echo yes || echo none))"
else
  HOME_OUT=$(mktemp -d) HOME_IN=$HOME_OUT BUNDLE_IN=$BUNDLE BUNDLE_OUT=$BUNDLE
  ENTER=(/usr/bin/env -i)
  where="on this machine with an emptied environment"
fi
mkdir -m 700 -p "$HOME_OUT/run" "$HOME_OUT/out"
echo "smoke test of $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)) $where, HOME=$HOME_IN"
before=$(cd "$BUNDLE_OUT" && find . -printf '%p %s %T@\n' | sort | sha256sum)

EXTRA_ENV=()
tc() {  # the bundle, with nothing of ours: no PATH, no PYTHONPATH, a fresh HOME
  "${ENTER[@]}" "${EXTRA_ENV[@]}" HOME="$HOME_IN" PATH= PYTHONPATH= LANG=C.UTF-8 XDG_RUNTIME_DIR="$HOME_IN/run" \
    QT_QPA_PLATFORM="${QPA:-offscreen}" DISPLAY=":$DISPLAY_NO" "$BUNDLE_IN/tcdesk" "$@"
}
check() {  # check NAME EXPECTED-TEXT COMMAND...: exit 0 and the text in the output
  local name=$1 expected=$2; shift 2
  local output status
  output=$(tc "$@" 2>&1); status=$?
  if [ $status -eq 0 ] && grep -q -- "$expected" <<<"$output"; then ok "$name"
  else fail "$name (exit $status): $(tail -3 <<<"$output")"; fi
}

check "--version" "^tcdesk [0-9]" --version
check "about on an empty account: the platformdirs data folder" \
  "Data folder *$HOME_IN/.local/share/tcdesk" about
DEMO=$HOME_IN/out/demo.sqlite3
demo=$(tc demo --db "$DEMO" 2>&1)
grep -q "Practice file: $DEMO" <<<"$demo" && ok "demo" || fail "demo: $(tail -3 <<<"$demo")"
ming=$(awk '/Ming/{print $NF; exit}' <<<"$demo")  # today's consults, with their ids
consults=$(tc consults --db "$DEMO" 2>&1)
chosen=$(awk '/In treatment/{print $1; exit}' <<<"$consults")
[ -n "$chosen" ] && [ -n "$ming" ] || fail "consults: no consult ids ($(head -3 <<<"$consults"))"
check "slides (Qt, offscreen): 9 PNGs" "09-" slides --db "$DEMO" --consult "$ming" --out "$HOME_IN/out/slides"
check "agreement" "agreement.pdf" agreement --db "$DEMO" --consult "$chosen" --out "$HOME_IN/out/agreement.pdf"
check "summary" "summary.pdf" summary --db "$DEMO" --consult "$ming" --out "$HOME_IN/out/summary.pdf"
if command -v pdffonts >/dev/null; then
  fonts=$(pdffonts "$HOME_OUT/out/summary.pdf" 2>&1)
  if grep -q WenQuanYi <<<"$fonts" && grep -q DejaVuSans <<<"$fonts"; then
    ok "summary embeds DejaVu Sans and, for 王, WenQuanYi Zen Hei"
  else fail "summary's fonts: $fonts"; fi
fi

# sqlcipher3 and argon2 frozen: an encrypted practice file made and read again.
EXTRA_ENV=(TCDESK_PASSPHRASE="a smoke test of the bundle")
check "an encrypted practice file (sqlcipher3, argon2)" "Practice file: $HOME_IN/out/enc.sqlite3" \
  demo --db "$HOME_IN/out/enc.sqlite3"
check "the encrypted file reads back" "Encrypted *yes" about --db "$HOME_IN/out/enc.sqlite3"
EXTRA_ENV=()
if head -c 16 "$HOME_OUT/out/enc.sqlite3" | grep -q "SQLite format"; then
  fail "the encrypted file is plain SQLite"
else ok "the encrypted file is not plain SQLite on disk"; fi

# An upgrade: a practice file of the first schema where platformdirs puts it.
DATA_OUT=$HOME_OUT/.local/share/tcdesk
mkdir -p "$DATA_OUT" && cp tests/fixtures/store_m001.sqlite3 "$DATA_OUT/practice.sqlite3"
check "an older practice file (schema m001) opens: its patient is there" "O'Brien" patients
if find "$DATA_OUT" -name '*pre-migration*' -o -path '*practice-backups/*' | grep -q .; then
  ok "the upgrade kept a backup copy: $(cd "$DATA_OUT" && find . -name '*pre-migration*' -o -path '*backups/*.sqlite3' | head -1)"
else fail "no backup copy after the upgrade: $(ls -R "$DATA_OUT")"; fi
rm -rf "$DATA_OUT"

# The GUI on a virtual screen. Xvfb runs here; a chroot shares its socket.
Xvfb ":$DISPLAY_NO" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null' EXIT
sleep 1
export DISPLAY=":$DISPLAY_NO"
wait_window() {  # wait_window TITLE-REGEX SECONDS: the window's id, once it is shown
  local i
  for ((i = 0; i < $2 * 4; i++)); do
    xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 | grep . && return 0
    sleep 0.25
  done
  return 1
}
snapshot() {  # snapshot WINDOW_ID NAME.png
  [ -n "$SCREENSHOTS" ] && [ -n "$SNAPSHOT_PYTHON" ] || return 0
  "$SNAPSHOT_PYTHON" packaging/window_snapshot.py "$1" "$SCREENSHOTS/$2" &&
    echo "     screenshot: $SCREENSHOTS/$2"
}
gui() {  # gui NAME: start the app in the background, its exit status in $HOME_OUT/NAME.rc
  (QPA=xcb tc "${@:2}" >"$HOME_OUT/$1.out" 2>&1; echo $? >"$HOME_OUT/$1.rc") &
}
stop_gui() {  # stop_gui NAME: SIGTERM (as a logout does), then its exit status
  local pid
  pid=$(pgrep -f "^$BUNDLE_IN/tcdesk" | head -1)
  [ -n "$pid" ] && kill -TERM "$pid"
  for _ in $(seq 40); do [ -s "$HOME_OUT/$1.rc" ] && break; sleep 0.25; done
  cat "$HOME_OUT/$1.rc" 2>/dev/null || echo "still running"
}

gui first-run
if welcome=$(wait_window "^Welcome to tcdesk$" 30); then
  ok "first run on an empty account: 'Welcome to tcdesk' offers the demo or set-up"
  sleep 0.5 && snapshot "$welcome" bundle-first-run.png
else fail "first run: no welcome window ($(tail -3 "$HOME_OUT/first-run.out"))"; fi
status=$(stop_gui first-run)
[ "$status" = 0 ] && ok "first run closed cleanly (SIGTERM, exit 0)" || fail "first run closed with $status"

gui desk --db "$DEMO"
if window=$(wait_window "^Sign in" 30); then
  sleep 0.5
  xdotool type --window "$window" --delay 60 3333 && xdotool key --window "$window" Return
  if desk=$(wait_window "^tcdesk — Bright Smiles" 30); then
    ok "the desk window: $(xwininfo -id "$desk" | awk -F'"' '/xwininfo/{print $2}'), $(xwininfo -id "$desk" | awk '/-geometry/{print $2}')"
    sleep 1.5 && snapshot "$desk" bundle-desk.png
  else fail "no desk window after the PIN ($(tail -3 "$HOME_OUT/desk.out"))"; fi
else fail "no sign-in window ($(tail -3 "$HOME_OUT/desk.out"))"; fi
status=$(stop_gui desk)
[ "$status" = 0 ] && ok "the desk closed cleanly (SIGTERM, exit 0)" || fail "the desk closed with $status"
if [ -e "$HOME_OUT/.local/state/tcdesk/log/crash.log" ]; then
  fail "crash.log: $(tail -5 "$HOME_OUT/.local/state/tcdesk/log/crash.log")"
else ok "no crash.log"; fi

# Nothing outside HOME's tcdesk folders (and the files asked for), nothing into the bundle.
stray=$(cd "$HOME_OUT" && find . -mindepth 1 \( -type f -o -type l \) | grep -v -E \
  '^\./(\.local/share/tcdesk|\.config/tcdesk|\.local/state/tcdesk|\.cache/tcdesk|out|run)/|^\./[a-z-]+\.(out|rc)$')
[ -z "$stray" ] && ok "files written only in HOME's tcdesk folders: $(cd "$HOME_OUT" && find . -mindepth 1 -maxdepth 3 -type d -path '*tcdesk' | sort | tr '\n' ' ')" \
  || fail "files outside the tcdesk folders: $stray"
after=$(cd "$BUNDLE_OUT" && find . -printf '%p %s %T@\n' | sort | sha256sum)
[ "$before" = "$after" ] && ok "the bundle folder is unchanged" || fail "the bundle folder changed"

[ -n "$CHROOT" ] || rm -rf "$HOME_OUT"
[ $FAILED -eq 0 ] && echo "smoke test passed" || echo "smoke test FAILED"
exit $FAILED
