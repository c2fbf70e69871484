"""Shared fixtures: real SQLite files, a real X server with two monitors.

Under pytest-xvfb one wide Xvfb screen is split into two RandR monitors,
STAFF (primary, 1920x1080) and PATIENT (1280x800 to its right), the recipe in
shared/docs/headless-qt.md. Stores are built once per session and copied per
test: fast and isolated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

pytest_plugins = ["tests.cups_fixture"]

STAFF_MONITOR = "1920/508x1080/286+0+0"
PATIENT_MONITOR = "1280/339x800/212+1920+0"


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    display = os.environ.get("DISPLAY")
    if not display or os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return
    if shutil.which("xrandr") is None:
        return
    for name, geometry, output in (
        ("STAFF", STAFF_MONITOR, "screen"),
        ("PATIENT", PATIENT_MONITOR, "none"),
    ):
        subprocess.run(
            ["xrandr", "-d", display, "--setmonitor", name, geometry, output],
            check=False,
            capture_output=True,
        )


@pytest.fixture(scope="session", autouse=True)
def _session_passphrase() -> None:
    """``TCDESK_PASSPHRASE=... pytest`` runs the suite on encrypted stores (make test does)."""
    from tcdesk.store import cipher

    cipher.use_passphrase(os.environ.get(cipher.ENVIRONMENT))


@pytest.fixture(autouse=True)
def _passphrase_as_run(_session_passphrase: None) -> Iterator[None]:
    """Each test starts, and ends, with the run's passphrase (a test may change it)."""
    from tcdesk.store import cipher

    cipher.use_passphrase(os.environ.get(cipher.ENVIRONMENT))
    yield
    cipher.use_passphrase(os.environ.get(cipher.ENVIRONMENT))


def encrypted_run() -> bool:
    """True when this run's stores are encrypted (tests about plain-file bytes skip then)."""
    return bool(os.environ.get("TCDESK_PASSPHRASE"))


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Keep platformdirs (settings, logs, default store) out of the real home."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("TCDESK_DB", raising=False)


def local_moment(day: date, hour: int, minute: int = 0) -> datetime:
    """The UTC instant at which this computer's clock reads ``hour:minute`` on ``day``.

    A fixed clock that means "today" is set by the local wall clock, as the
    practice lives it: 15:00 UTC is already tomorrow in Auckland. So the
    tests hold in every zone (make test runs the date-sensitive ones under
    Pacific/Auckland and America/Los_Angeles too).
    """
    return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)


DEMO_DAY = date(2026, 11, 27)
FIXED_NOW = local_moment(DEMO_DAY, 15)  # 15:00 UTC when TZ is UTC, as before


@pytest.fixture(scope="session")
def _empty_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tcdesk.store import open_store

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_store(path).conn.close()
    return path


@pytest.fixture(scope="session")
def _demo_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk

    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    desk = Desk.open(path, clock=lambda: FIXED_NOW)
    build_demo(desk, DEMO_DAY)
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    return path


def _copy_store(template: Path, destination: Path) -> Path:
    shutil.copyfile(template, destination)
    os.chmod(destination, 0o600)
    return destination


@pytest.fixture
def empty_store(_empty_store_template: Path, tmp_path: Path) -> Path:
    return _copy_store(_empty_store_template, tmp_path / "practice.sqlite3")


@pytest.fixture
def demo_store(_demo_store_template: Path, tmp_path: Path) -> Path:
    return _copy_store(_demo_store_template, tmp_path / "demo.sqlite3")


@pytest.fixture
def demo_desk(demo_store: Path) -> Iterator:
    from tcdesk.services.desk import Desk

    desk = Desk.open(demo_store, clock=lambda: FIXED_NOW)
    yield desk
    desk.close()
