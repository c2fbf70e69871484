"""The ``tcdesk sync`` command lines the app starts, in a process of their own.

Two SQLite libraries must never open one file in one process, so the app runs
the sync (APSW) as a child: this very tcdesk, found the way it was started
(``python -m tcdesk`` from source or a wheel, the executable itself when frozen).
The practice's passphrase goes in the child's environment, never its arguments
(arguments show in the process list).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from tcdesk.store import cipher


def tcdesk_program() -> list[str]:
    """The command that runs this tcdesk's CLI."""
    if getattr(sys, "frozen", False):  # PyInstaller and friends: the executable is tcdesk
        return [sys.executable]
    return [sys.executable, "-m", "tcdesk"]


def sync_run(db: Path, folder: Path) -> list[str]:
    return [*tcdesk_program(), "sync", "--db", str(db), "--folder", str(folder), "--json"]


def sync_status(db: Path) -> list[str]:
    return [*tcdesk_program(), "sync", "status", "--db", str(db), "--json"]


def sync_conflicts(db: Path) -> list[str]:
    return [*tcdesk_program(), "sync", "conflicts", "--db", str(db), "--json"]


def child_environment(base: Mapping[str, str]) -> dict[str, str]:
    """``base`` with this process's passphrase (an encrypted file) and no stray ``TCDESK_DB``."""
    env = {k: v for k, v in base.items() if k not in ("TCDESK_DB", cipher.ENVIRONMENT)}
    passphrase = cipher.passphrase()
    if passphrase:
        env[cipher.ENVIRONMENT] = passphrase
    return env
