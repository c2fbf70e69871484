"""Bad practice files, made for real from a real store: the corpus the open path must refuse.

Each maker writes one file into an empty folder and returns its path, plus the
words its refusal must contain. Shared by the CLI corpus
(tests/store/test_store_corpus.py) and the app's open path
(tests/ui/test_store_opening.py).
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image


@dataclass(frozen=True)
class BadFile:
    name: str
    make: Callable[[Path, Path], Path]  # (folder, a good store) -> the bad file
    says: str  # a regular expression the one-line refusal must match


def _copy(store: Path, folder: Path) -> Path:
    path = folder / "practice.sqlite3"
    shutil.copyfile(store, path)
    os.chmod(path, 0o600)
    return path


def truncated(folder: Path, store: Path) -> Path:
    path = _copy(store, folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def page_overwritten(folder: Path, store: Path) -> Path:
    """One page in the middle of the file replaced by junk, as a bad disk sector does."""
    path = _copy(store, folder)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    start = (pages // 2) * page
    junk = bytes((i * 37 + 11) % 256 for i in range(page))
    data[start : start + page] = junk
    path.write_bytes(bytes(data))
    return path


def zero_bytes(folder: Path, _store: Path) -> Path:
    path = folder / "practice.sqlite3"
    path.write_bytes(b"")
    os.chmod(path, 0o600)
    return path


def foreign(folder: Path, _store: Path) -> Path:
    path = folder / "recipes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    conn.execute("INSERT INTO recipes VALUES ('Soup', 40)")
    conn.commit()
    conn.close()
    return path


def newer(folder: Path, store: Path) -> Path:
    path = _copy(store, folder)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('tcdesk', 'm099_from_a_newer_tcdesk', '2027-06-01')"
    )
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def jpeg(folder: Path, _store: Path) -> Path:
    path = folder / "practice.sqlite3"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 90)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


REFUSED = (
    BadFile("truncated", truncated, r"is damaged \(it is cut short: .* bytes are there\)"),
    BadFile("damaged", page_overwritten, r"is damaged \(.*\); open the newest backup instead"),
    BadFile("foreign", foreign, r"is not a tcdesk practice file \(it is an SQLite database of"),
    BadFile("newer", newer, r"was made by a newer tcdesk \(schema 99, this tcdesk knows \d+\)"),
    BadFile("jpeg", jpeg, r"is not a tcdesk practice file \(it is a JPEG image\)"),
)
ZERO = BadFile("zero-byte", zero_bytes, r"is empty \(0 bytes\) and holds no practice")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder and its bytes: equal before and after means untouched."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
