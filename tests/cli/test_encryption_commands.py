"""``tcdesk encrypt`` / ``decrypt`` / ``passphrase`` and every command on an encrypted file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services.encryption import Change, change_encryption
from tcdesk.store import cipher
from tests.conftest import FIXED_NOW

FIRST = "harbour seal morning"
SECOND = "violet kettle bridge"


def _run(argv: list[str]) -> int:
    return main(argv, clock=lambda: FIXED_NOW)


@pytest.fixture
def plain(demo_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if cipher.is_encrypted(demo_store):  # the suite's encrypted run: start from plain
        change_encryption(demo_store, Change.DECRYPT, old_key=cipher.passphrase(), now=FIXED_NOW)
    monkeypatch.delenv(cipher.ENVIRONMENT, raising=False)
    return demo_store


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_encrypt_use_and_decrypt_from_the_command_line(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _file(tmp_path, "first.txt", FIRST)
    assert _run(["backup", "--db", str(plain)]) == 0
    assert _run(["encrypt", "--db", str(plain), "--passphrase-file", str(first)]) == 0
    out = capsys.readouterr().out
    assert "demo.sqlite3 is now encrypted; every row was checked." in out
    assert "1 backup converted the same way." in out and "Keep the passphrase" in out
    assert cipher.is_encrypted(plain)

    assert _run(["patients", "--db", str(plain), "--json", "--passphrase-file", str(first)]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 40

    assert _run(["decrypt", "--db", str(plain), "--passphrase-file", str(first), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["change"] == "decrypt" and said["encrypted"] is False
    assert len(said["backups_converted"]) == 1
    assert not cipher.is_encrypted(plain)


def test_a_wrong_or_missing_passphrase_is_one_line_and_changes_nothing(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, wrong = _file(tmp_path, "1.txt", FIRST), _file(tmp_path, "w.txt", "not it at all")
    assert _run(["encrypt", "--db", str(plain), "--passphrase-file", str(first)]) == 0
    capsys.readouterr()
    before = plain.read_bytes()
    for argv in (
        ["patients", "--db", str(plain), "--passphrase-file", str(wrong)],
        ["decrypt", "--db", str(plain), "--passphrase-file", str(wrong)],
        [
            "walk-in",
            "Ana Ruiz",
            "--db",
            str(plain),
            "--passphrase-file",
            str(wrong),
            "--phone",
            "614-555-0100",
        ],
    ):
        assert _run(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "does not open" in err[0] and "Nothing was changed" in err[0]
    assert _run(["patients", "--db", str(plain)]) == 2  # no terminal here to ask at
    err = capsys.readouterr().err.strip()
    assert "encrypted" in err and "TCDESK_PASSPHRASE" in err
    assert plain.read_bytes() == before


def test_change_the_passphrase(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _file(tmp_path, "1.txt", FIRST), _file(tmp_path, "2.txt", SECOND)
    assert _run(["encrypt", "--db", str(plain), "--passphrase-file", str(first)]) == 0
    argv = ["passphrase", "--db", str(plain), "--passphrase-file", str(first)]
    assert _run([*argv, "--new-passphrase-file", str(first)]) == 2
    assert "same as the current one" in capsys.readouterr().err
    assert _run([*argv, "--new-passphrase-file", str(second)]) == 0
    assert "opens with the new passphrase only" in capsys.readouterr().out
    assert _run(["today", "--db", str(plain), "--passphrase-file", str(first)]) == 2
    assert _run(["today", "--db", str(plain), "--passphrase-file", str(second)]) == 0


def test_refusals_name_what_to_do(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = _file(tmp_path, "short.txt", "abc")
    assert _run(["encrypt", "--db", str(plain), "--passphrase-file", str(short)]) == 2
    assert "too short" in capsys.readouterr().err
    assert _run(["decrypt", "--db", str(plain)]) == 2
    assert "not encrypted" in capsys.readouterr().err
    assert _run(["passphrase", "--db", str(plain)]) == 2
    assert "tcdesk encrypt" in capsys.readouterr().err
    assert _run(["encrypt", "--db", str(plain)]) == 2  # no file, no variable, no terminal
    assert "A passphrase is needed" in capsys.readouterr().err
    assert _run(["patients", "--db", str(plain), "--passphrase-file", "/nowhere/p.txt"]) == 2
    assert "No passphrase file at /nowhere/p.txt" in capsys.readouterr().err
    assert not cipher.is_encrypted(plain)


def test_restore_of_an_encrypted_backup(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv(cipher.ENVIRONMENT, FIRST)
    assert _run(["encrypt", "--db", str(plain)]) == 0
    assert _run(["backup", "--db", str(plain), "--json"]) == 0
    capsys.readouterr()
    assert _run(["backup", "--db", str(plain), "--json"]) == 0
    made = Path(json.loads(capsys.readouterr().out)["file"])
    assert cipher.is_encrypted(made)
    assert _run(["restore", str(made), "--db", str(plain), "--yes"]) == 0
    monkeypatch.setenv(cipher.ENVIRONMENT, "not it at all")
    assert _run(["restore", str(made), "--db", str(plain), "--yes"]) == 2


@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
def test_at_a_terminal_the_passphrase_is_asked_for(plain: Path, tmp_path: Path) -> None:
    first = _file(tmp_path, "1.txt", FIRST)
    assert _run(["encrypt", "--db", str(plain), "--passphrase-file", str(first)]) == 0
    env = {k: v for k, v in os.environ.items() if k != cipher.ENVIRONMENT}
    command = f"{sys.executable} -m tcdesk today --db {plain}"
    session = subprocess.Popen(
        ["script", "-qec", command, "/dev/null"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    seen = b""
    while b"Passphrase for demo.sqlite3:" not in seen:  # typed only once it is asked for
        chunk = session.stdout.read1(256)
        assert chunk, seen
        seen += chunk
    out, _ = session.communicate(f"{FIRST}\n".encode(), timeout=60)
    done = subprocess.CompletedProcess(session.args, session.returncode, (seen + out).decode())
    assert done.returncode == 0, done.stdout
    assert "today" in done.stdout.lower()
    assert FIRST not in done.stdout  # typed without echo


def test_set_up_a_new_practice_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cipher.ENVIRONMENT, raising=False)
    cipher.use_passphrase(None)
    path, first = tmp_path / "lakeside.sqlite3", _file(tmp_path, "1.txt", FIRST)
    argv = [
        "setup",
        "--db",
        str(path),
        "--practice",
        "Lakeside Orthodontics",
        "--office",
        "Lakeside",
        "--coordinator",
        "Ana Torres",
        "--doctor",
        "Dr. Priya Lee",
        "--encrypt",
    ]
    assert _run(argv) == 2  # no terminal to ask at, and nothing was made
    assert "A passphrase is needed" in capsys.readouterr().err and not path.exists()
    assert _run([*argv, "--passphrase-file", str(first), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["encrypted"] is True
    assert cipher.is_encrypted(path) and b"Lakeside" not in path.read_bytes()
    assert _run(["staff", "list", "--db", str(path), "--passphrase-file", str(first)]) == 0
    assert "Ana Torres" in capsys.readouterr().out
