"""Helpers for the import tests: a practice file with a practice set up, and CSV files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tests.conftest import FIXED_NOW

HEADER = (
    "patient_id,first_name,last_name,birth_date,phone,email,lead_source,guardian_name,relationship"
)


def set_up(store: Path) -> Path:
    """An empty practice (no patients) in ``store``: what a new office imports into."""
    desk = Desk.open(store, clock=lambda: FIXED_NOW)
    set_up_practice(desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Ruiz", "Dr. Lee"))
    desk.close()
    return store


@pytest.fixture
def practice_store(empty_store: Path) -> Path:
    return set_up(empty_store)


@pytest.fixture
def desk(practice_store: Path) -> Iterator[Desk]:
    opened = Desk.open(practice_store, clock=lambda: FIXED_NOW)
    yield opened
    opened.close()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def csv_file(folder: Path, *lines: str, name: str = "export.csv", encoding: str = "utf-8") -> Path:
    return write(folder / name, "\n".join(lines) + "\n", encoding)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_state(path: Path) -> dict[str, str]:
    """The bytes of the store and its side files (WAL), so "unchanged" can be checked."""
    files = [path, path.with_name(path.name + "-wal")]
    return {p.name: digest(p) for p in files if p.exists()}


def backups(path: Path) -> list[Path]:
    """The store's before-import backups in its backups folder, oldest first."""
    from tcdesk.services.backups import list_backups

    return [b.path for b in reversed(list_backups(path)) if b.reason == "before-import"]
