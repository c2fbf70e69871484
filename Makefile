# tcdesk: two commands for a fresh Debian/Ubuntu machine (see README).
#   make demo   set everything up, build the demo practice, open the app on it
#   make test   set everything up, then lint and run the whole test suite
#   make bundle the app as one folder with no Python needed (dist/, see packaging/README.md)
PYTHON ?= python3
VENV ?= .venv
DEMO_DB ?= $(HOME)/tcdesk-demo.sqlite3
BIN := $(VENV)/bin

SYSTEM_PACKAGES := xvfb xauth x11-xserver-utils libgl1 libegl1 libfontconfig1 libfreetype6 \
  libdbus-1-3 libglib2.0-0 libbrotli1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
  libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-glx0 libx11-xcb1 fonts-dejavu-core \
  fonts-wqy-zenhei cups printer-driver-cups-pdf poppler-utils util-linux python3-venv \
  espeak-ng

.PHONY: demo test setup system-deps python-deps lint bench screenshots clean \
  bundle bundle-test bundle-test-chroot

demo: setup
	@$(BIN)/tcdesk demo --fresh --db "$(DEMO_DB)"
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then \
	  $(BIN)/tcdesk --db "$(DEMO_DB)"; \
	else \
	  $(BIN)/python -m tcdesk.devtools.virtual_screens --announce -- $(BIN)/tcdesk --db "$(DEMO_DB)"; \
	fi

# Dates are local: at 15:00 UTC it is already tomorrow in Auckland and still this
# morning in Los Angeles. The date-sensitive tests run again in both zones, so a test
# or a line of code that takes UTC for the local day fails here, not at a practice.
TZ_ZONES := Pacific/Auckland America/Los_Angeles
TZ_TESTS := tests/cli tests/services tests/documents tests/store tests/money tests/ui/documents tests/ui/desk tests/ui/test_first_morning.py \
  $(wildcard tests/ui/test_main_window.py tests/ui/test_patient_panel.py \
  tests/ui/presentation/test_outcome_dialog.py tests/ui/pipeline)

# Every command, every service and the app's first morning again on encrypted stores
# (the suite's stores are made with TCDESK_PASSPHRASE's passphrase then).
ENCRYPTED_TESTS := tests/cli tests/services tests/ui/lock tests/ui/test_first_morning.py \
  tests/ui/desk/test_backup_actions.py

test: setup
	$(BIN)/ruff check tcdesk tests bench
	$(BIN)/python -m pytest
	@set -e; for zone in $(TZ_ZONES); do \
	  echo "The date-sensitive tests again with TZ=$$zone"; \
	  TZ=$$zone $(BIN)/python -m pytest -q -p no:cacheprovider $(TZ_TESTS); \
	done
	@echo "Every command and service again on encrypted practice files"
	TCDESK_PASSPHRASE="encrypted run of the suite" $(BIN)/python -m pytest -q -p no:cacheprovider \
	  $(ENCRYPTED_TESTS)

setup: system-deps python-deps

# System libraries Qt needs, fonts, a virtual X server for tests, CUPS for printing.
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "tcdesk needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

python-deps: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

lint: python-deps
	$(BIN)/ruff check tcdesk tests bench
	$(BIN)/ruff format --check tcdesk tests bench

bench: python-deps
	$(BIN)/python bench/bench_quote.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_slide_paint.py
	$(BIN)/python bench/bench_presentation.py
	$(BIN)/python bench/bench_agreement.py
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python bench/bench_agreement_peers.py  # its LibreOffice peer: apt-get install libreoffice-writer-nogui
	$(BIN)/python bench/bench_import.py

# The README's screenshots on two virtual monitors: the demo practice's consult,
# then each desk window on a practice set up by hand (no demo data), then a
# practice's first morning from the real windows of its test.
SCREENSHOT_SCRIPTS = tcdesk.ui.screenshots tcdesk.ui.settings.screenshots \
	tcdesk.ui.desk.screenshots tcdesk.ui.desk.record_screenshots \
	tcdesk.ui.desk.import_screenshots tests.ui.desk.schedule_scenes \
	tcdesk.ui.desk.menu_screenshots tcdesk.ui.desk.backup_screenshots \
	tcdesk.ui.documents.screenshots tcdesk.ui.keys_screenshots tcdesk.ui.lock.screenshots \
	tcdesk.ui.pipeline.screenshots tcdesk.ui.sync.sync_screenshots \
	tcdesk.ui.training.screenshots tcdesk.ui.training.partner_screenshots \
	tcdesk.ui.training.progress_screenshots tcdesk.ui.training.drills_screenshots
screenshots: python-deps
	@for script in $(SCREENSHOT_SCRIPTS); do \
	  echo "screenshots: $$script"; \
	  $(BIN)/python -m tcdesk.devtools.virtual_screens -- $(BIN)/python -m $$script --out docs/screenshots || exit 1; \
	done
	$(BIN)/python -m tcdesk.devtools.virtual_screens -- $(BIN)/python -m tests.ui.presentation.notes_screenshot
	TCDESK_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q -p no:cacheprovider tests/ui/test_first_morning.py

# The bundle (issue 16): PyInstaller in a venv of its own (build/bundle-venv: only
# what the app needs, so nothing of the test tools goes into the bundle), then the
# Linux tarball. PyInstaller needs Python's shared library (Debian's python3: libpython3.X).
# Not part of `make test`: a build and its smoke test take ~2 minutes.
BUNDLE_VENV ?= build/bundle-venv
BUNDLE_PACKAGES := binutils xdotool x11-utils
bundle: system-deps
	@libpython=$$($(PYTHON) -c 'import sys, sysconfig; print("" if sysconfig.get_config_var("Py_ENABLE_SHARED") else "libpython%d.%d" % sys.version_info[:2])'); \
	missing=$$(for p in $(BUNDLE_PACKAGES) $$libpython; do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@[ -x $(BUNDLE_VENV)/bin/python ] || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[bundle]'
	$(BUNDLE_VENV)/bin/python packaging/make_icons.py build/icons >/dev/null
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/tcdesk.spec
	packaging/linux/make_tarball.sh

# The bundle run with PATH and PYTHONPATH emptied and a fresh HOME (see the script).
bundle-test:
	SCREENSHOTS=docs/screenshots packaging/smoke_test.sh dist/tcdesk

# The same inside a clean Debian chroot with no Python (root; debootstrap ~1 minute).
bundle-test-chroot:
	packaging/make_smoke_chroot.sh build/smoke-chroot
	SMOKE_CHROOT=$(CURDIR)/build/smoke-chroot SCREENSHOTS=docs/screenshots \
	  packaging/smoke_test.sh dist/tcdesk

clean:
	@for m in build/smoke-chroot/tmp/.X11-unix; do ! mountpoint -q $$m || umount $$m; done
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
