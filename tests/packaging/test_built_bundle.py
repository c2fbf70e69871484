"""The built bundle (``make bundle``), when there is one: what is in it, and that it starts.

Skipped on a clone with no ``dist/tcdesk`` (CI does not build the bundle: ~1 minute
plus ~250 MB; ``make bundle bundle-test`` is the whole check, with the GUI).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tcdesk import __version__
from tests.packaging.conftest import ROOT

BUNDLE = Path(os.environ.get("TCDESK_BUNDLE", ROOT / "dist" / "tcdesk"))
INTERNAL = BUNDLE / "_internal"
pytestmark = pytest.mark.skipif(
    not (BUNDLE / "tcdesk").is_file(), reason=f"no bundle at {BUNDLE} (make bundle)"
)
MB = 1024 * 1024


def _size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def test_at_most_250_mb_unpacked() -> None:
    assert _size(BUNDLE) <= 250 * MB


def test_only_the_qt_tcdesk_uses() -> None:
    libraries = {p.name.split(".")[0] for p in (INTERNAL / "PySide6" / "Qt" / "lib").iterdir()}
    assert {"libQt6Core", "libQt6Widgets", "libQt6Pdf", "libQt6Svg"} <= libraries
    for unused in ("libQt6Qml", "libQt6Quick", "libQt6WebEngineCore", "libQt6Multimedia"):
        assert unused not in libraries
    assert not list(INTERNAL.rglob("*.qm")), "Qt's translations"
    assert not list(INTERNAL.rglob("libqgtk3*")) and not list(INTERNAL.glob("libgtk-3*"))


def test_the_c_parts_and_the_data_are_in() -> None:
    assert list(INTERNAL.glob("_rl_accel*")), "reportlab[accel]"
    assert list((INTERNAL / "sqlcipher3").glob("_sqlite3*")), "sqlcipher3"
    assert list((INTERNAL / "_argon2_cffi_bindings").glob("_ffi*")), "argon2"
    fonts = {p.name for p in (INTERNAL / "assets" / "fonts").iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "wqy-zenhei.ttc"} <= fonts
    assert (INTERNAL / "presentation_flows" / "teen_comprehensive.toml").is_file()
    assert (INTERNAL / "docs" / "guide.md").is_file()
    assert (INTERNAL / "fontconfig" / "fonts.conf").is_file()


def test_it_answers_with_no_python_on_path(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "PATH": "", "PYTHONPATH": ""}
    done = subprocess.run(
        [str(BUNDLE / "tcdesk"), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"tcdesk {__version__}")
    about = subprocess.run(
        [str(BUNDLE / "tcdesk"), "about"], env=env, capture_output=True, text=True, timeout=60
    )
    assert about.returncode == 0, about.stderr
    assert f"{tmp_path}/.local/share/tcdesk/practice.sqlite3" in about.stdout
