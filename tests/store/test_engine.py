"""Encrypted practice files at the connection level: real SQLCipher files on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.store import cipher, engine, open_store
from tcdesk.store.backup import copy_file_database, integrity
from tcdesk.store.store_file import StoreFileError, StoreProblem, check_store_file

PASSPHRASE = "marine blue lighthouse"
MARKER = "Zyxwvut-Marker-4711"


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    cipher.use_passphrase(PASSPHRASE)
    path = tmp_path / "practice.sqlite3"
    db = open_store(path)
    db.execute("CREATE TABLE IF NOT EXISTS scratch (body TEXT)")
    db["scratch"].insert({"body": MARKER})
    db.conn.commit()
    db.conn.close()
    return path


def _bytes_on_disk(path: Path) -> bytes:
    found = b""
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            found += candidate.read_bytes()
    return found


def test_a_new_store_with_a_passphrase_is_encrypted_on_disk(encrypted: Path) -> None:
    assert not encrypted.read_bytes().startswith(cipher.SQLITE_HEADER)
    assert MARKER.encode() not in _bytes_on_disk(encrypted)
    assert cipher.is_encrypted(encrypted)
    conn = engine.connect(encrypted)
    assert conn.execute("SELECT body FROM scratch").fetchone() == (MARKER,)
    conn.close()


def test_the_passphrase_opens_it_in_sqlcipher_itself(encrypted: Path) -> None:
    """The key tcdesk stretches is SQLCipher 4's own: the plain passphrase opens the file."""
    dbapi2 = cipher.library()
    conn = dbapi2.connect(str(encrypted))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    assert conn.execute("SELECT body FROM scratch").fetchone() == (MARKER,)
    conn.close()


def test_a_wrong_passphrase_is_named_and_changes_nothing(encrypted: Path) -> None:
    before = encrypted.read_bytes()
    cipher.use_passphrase("not the passphrase")
    with pytest.raises(StoreFileError) as refused:
        check_store_file(encrypted, create=False)
    assert refused.value.problem is StoreProblem.WRONG_PASSPHRASE
    assert "does not open" in str(refused.value) and "Nothing was changed" in str(refused.value)
    with pytest.raises(engine.WrongPassphrase):
        engine.connect(encrypted)
    assert encrypted.read_bytes() == before
    assert not encrypted.with_name(encrypted.name + "-shm").exists()


def test_no_passphrase_says_how_to_give_one(encrypted: Path) -> None:
    cipher.use_passphrase(None)
    with pytest.raises(StoreFileError) as refused:
        check_store_file(encrypted, create=False)
    assert refused.value.problem is StoreProblem.NEEDS_PASSPHRASE
    assert "TCDESK_PASSPHRASE" in str(refused.value) and "--passphrase-file" in str(refused.value)


def test_a_backup_of_an_encrypted_store_is_encrypted(encrypted: Path, tmp_path: Path) -> None:
    copy = copy_file_database(encrypted, tmp_path / "copy.sqlite3")
    assert cipher.is_encrypted(copy) and MARKER.encode() not in copy.read_bytes()
    assert integrity(copy) == "ok"
    cipher.use_passphrase("not the passphrase")
    assert integrity(copy) != "ok"


def test_a_plain_store_stays_plain_while_a_passphrase_is_in_use(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite3"
    cipher.use_passphrase(None)
    open_store(path).conn.close()
    cipher.use_passphrase(PASSPHRASE)
    db = open_store(path)
    db.execute("CREATE TABLE IF NOT EXISTS scratch (body TEXT)")
    db["scratch"].insert({"body": MARKER})
    db.conn.commit()
    db.conn.close()
    assert path.read_bytes().startswith(cipher.SQLITE_HEADER)


def test_the_passphrase_is_stretched_once_per_file(encrypted: Path) -> None:
    cipher._keys.clear()
    for _ in range(3):
        engine.connect(encrypted).close()
    assert len(cipher._keys) == 1


@pytest.mark.parametrize(
    ("text", "words"),
    [("short", "too short"), (" padded phrase ", "space"), ("tab\there phrase", "control")],
)
def test_an_unfit_new_passphrase_is_refused_with_the_reason(text: str, words: str) -> None:
    with pytest.raises(cipher.PassphraseProblem, match=words):
        cipher.check_new_passphrase(text)


def test_a_passphrase_file_gives_its_first_line(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(f"{PASSPHRASE}\n", encoding="utf-8")
    assert cipher.passphrase_from(tmp_path / "p.txt", {}) == PASSPHRASE
    assert cipher.passphrase_from(None, {cipher.ENVIRONMENT: "from the environment"}) == (
        "from the environment"
    )
    assert cipher.passphrase_from(None, {}) is None
    with pytest.raises(cipher.PassphraseProblem, match="No passphrase file"):
        cipher.passphrase_from(tmp_path / "missing.txt", {})
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(cipher.PassphraseProblem, match="empty"):
        cipher.passphrase_from(tmp_path / "empty.txt", {})


def test_a_damaged_encrypted_store_is_called_damaged(encrypted: Path) -> None:
    db = open_store(encrypted)
    db.execute("CREATE TABLE IF NOT EXISTS scratch (body TEXT)")
    db["scratch"].insert_all({"body": MARKER * 40} for _ in range(400))
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    data = bytearray(encrypted.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = b"\xa5" * 4096
    encrypted.write_bytes(bytes(data))
    with pytest.raises(StoreFileError) as refused:
        check_store_file(encrypted, create=False)
    assert refused.value.problem is StoreProblem.DAMAGED, str(refused.value)


def test_what_waits_in_the_wal_is_encrypted_too(encrypted: Path) -> None:
    db = open_store(encrypted)
    try:
        db.execute("CREATE TABLE IF NOT EXISTS scratch (body TEXT)")
        db["scratch"].insert({"body": MARKER + "-in-the-wal"})
        db.conn.commit()
        wal = encrypted.with_name(encrypted.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        assert b"in-the-wal" not in wal.read_bytes() and MARKER.encode() not in wal.read_bytes()
    finally:
        db.conn.close()
