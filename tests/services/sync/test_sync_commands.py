"""The command lines the app starts for the sync: this tcdesk, the passphrase never an argument."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tcdesk.services.sync import sync_commands
from tcdesk.store import cipher


def test_from_source_the_sync_is_this_python_running_tcdesk() -> None:
    argv = sync_commands.sync_run(Path("/p/practice.sqlite3"), Path("/mnt/share"))
    assert argv[:3] == [sys.executable, "-m", "tcdesk"]
    assert argv[3:] == ["sync", "--db", "/p/practice.sqlite3", "--folder", "/mnt/share", "--json"]
    assert sync_commands.sync_status(Path("p"))[3:] == ["sync", "status", "--db", "p", "--json"]
    assert sync_commands.sync_conflicts(Path("p"))[3:6] == ["sync", "conflicts", "--db"]


def test_frozen_the_executable_is_tcdesk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert sync_commands.sync_status(Path("p"))[:2] == [sys.executable, "sync"]


def test_the_passphrase_goes_in_the_environment_and_a_stray_db_does_not() -> None:
    cipher.use_passphrase("correct horse battery")
    env = sync_commands.child_environment({"PATH": "/bin", "TCDESK_DB": "/elsewhere.sqlite3"})
    assert env == {"PATH": "/bin", cipher.ENVIRONMENT: "correct horse battery"}
    argv = sync_commands.sync_run(Path("p"), Path("f"))
    assert not any("correct horse" in part for part in argv)
    cipher.use_passphrase(None)
    assert cipher.ENVIRONMENT not in sync_commands.child_environment(
        {cipher.ENVIRONMENT: "an old one"}
    )
