"""``tcdesk sync`` end to end in real processes: an encrypted main office and a plain laptop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tcdesk.services.sync import changeset_file
from tcdesk.services.sync.changeset_file import Header, Payload
from tcdesk.store import cipher

PASS = "correct horse battery staple"


def _tcdesk(*args: str, passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TCDESK_PASSPHRASE"}
    if passphrase:
        env["TCDESK_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "tcdesk", *args], capture_output=True, text=True, env=env
    )


def _patients(db: Path, passphrase: str | None = None) -> set[str]:
    out = _tcdesk("patients", "--db", str(db), "--json", passphrase=passphrase)
    assert out.returncode == 0, out.stderr
    return {p["id"] for p in json.loads(out.stdout)}


def test_encrypted_and_plain_installs_sync_through_a_folder(tmp_path: Path) -> None:
    main, laptop, folder, join_file = (
        tmp_path / "main.sqlite3",
        tmp_path / "laptop.sqlite3",
        tmp_path / "share",
        tmp_path / "join.tcdesk",
    )
    folder.mkdir()
    assert _tcdesk("demo", "--db", str(main), passphrase=PASS).returncode == 0
    first = _tcdesk("sync", "--db", str(main), "--folder", str(folder), passphrase=PASS)
    assert first.returncode == 0, first.stderr
    assert "starts the practice's sync" in first.stdout
    made = _tcdesk("sync", "make-join", "--db", str(main), "--out", str(join_file), passphrase=PASS)
    assert made.returncode == 0, made.stderr
    joined = _tcdesk("sync", "join", str(join_file), "--db", str(laptop), passphrase=PASS)
    assert joined.returncode == 0, joined.stderr
    plain = _tcdesk("decrypt", "--db", str(laptop), passphrase=PASS)  # the laptop goes plain
    assert plain.returncode == 0, plain.stderr
    added = _tcdesk(
        "patients",
        "add",
        "--db",
        str(laptop),
        "--first",
        "Dana",
        "--last",
        "Laptop",
        "--born",
        "1990-02-03",
        "--phone",
        "6145559876",
        "--new",
    )
    assert added.returncode == 0, added.stderr
    sent = _tcdesk("sync", "--db", str(laptop), "--folder", str(folder), "--json")
    assert sent.returncode == 2 and "still encrypted" in sent.stderr  # its snapshot: once more
    sent = _tcdesk("sync", "--db", str(laptop), "--folder", str(folder), "--json", passphrase=PASS)
    assert sent.returncode == 0, sent.stderr
    assert not cipher.is_encrypted(laptop.with_name(laptop.name + ".sync-base"))
    assert json.loads(sent.stdout)["sent"]["rows"] >= 1
    came = _tcdesk("sync", "--db", str(main), "--folder", str(folder), "--json", passphrase=PASS)
    assert came.returncode == 0, came.stderr
    assert len(json.loads(came.stdout)["applied"]) == 1
    assert _patients(main, PASS) == _patients(laptop)
    status = _tcdesk("sync", "status", "--db", str(main), "--json", passphrase=PASS)
    assert json.loads(status.stdout)["files_in"] == 1
    conflicts = _tcdesk("sync", "conflicts", "--db", str(laptop), "--json")
    assert json.loads(conflicts.stdout) == []


def test_user_mistakes_are_one_line_and_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    assert _tcdesk("demo", "--db", str(db)).returncode == 0
    for args, words in (
        (("sync", "--db", str(db)), "needs --folder"),
        (("sync", "--db", str(db), "--folder", str(tmp_path / "nope")), "No sync folder"),
        (("sync", "join", str(tmp_path / "missing"), "--db", str(tmp_path / "n")), "No join file"),
        (("sync", "make-join", "--db", str(db), "--out", str(tmp_path / "j")), "not synced"),
        (("sync", "join", str(db), "--db", str(db)), "already exists"),
    ):
        out = _tcdesk(*args)
        assert out.returncode == 2, (args, out.stderr)
        assert words in out.stderr and out.stderr.count("\n") == 1, out.stderr


def test_the_app_side_never_imports_apsw(tmp_path: Path) -> None:
    """Opening a practice file and importing the CLI (with the sync command) loads no APSW."""
    db = tmp_path / "p.sqlite3"
    assert _tcdesk("demo", "--db", str(db)).returncode == 0
    code = (
        "import sys; from tcdesk.services.desk import Desk; import tcdesk.cli;"
        "from tcdesk.cli import runner, sync_command;"
        f"d = Desk.open({str(db)!r}); d.practice(); d.close();"
        "runner.build_parser();"
        "print('apsw' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_a_sync_while_the_file_is_busy_says_so_in_one_line_and_changes_nothing(
    demo_store: Path, tmp_path: Path
) -> None:
    from tcdesk.services.sync.sync_reports import FailureKind, failure_from
    from tcdesk.store import engine

    folder = tmp_path / "share"
    folder.mkdir()
    passphrase = cipher.passphrase()
    assert (
        _tcdesk(
            "sync", "--db", str(demo_store), "--folder", str(folder), passphrase=passphrase
        ).returncode
        == 0
    )
    holder = engine.connect(demo_store)  # the desk, in the middle of a save
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE practices SET name = name")
        busy = _tcdesk(
            "sync", "--db", str(demo_store), "--folder", str(folder), passphrase=passphrase
        )
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert busy.returncode == 2 and busy.stdout == ""
    assert busy.stderr.count("\n") == 1 and "busy" in busy.stderr, busy.stderr
    assert failure_from(busy.stderr, busy.returncode).kind is FailureKind.BUSY
    again = _tcdesk("sync", "--db", str(demo_store), "--folder", str(folder), passphrase=passphrase)
    assert again.returncode == 0, again.stderr


def test_a_wrong_passphrase_or_sync_key_is_refused_clearly(tmp_path: Path) -> None:
    """An encrypted main office and an encrypted laptop: a wrong passphrase stops the sync
    with one line and changes nothing; a file sealed with another sync key is refused by
    name, applied nothing, and the genuine file goes in at the next sync."""
    main, laptop, folder, join_file = (
        tmp_path / "main.sqlite3",
        tmp_path / "laptop.sqlite3",
        tmp_path / "share",
        tmp_path / "join.tcdesk",
    )
    folder.mkdir()
    assert _tcdesk("demo", "--db", str(main), passphrase=PASS).returncode == 0
    assert (
        _tcdesk("sync", "--db", str(main), "--folder", str(folder), passphrase=PASS).returncode == 0
    )
    made = _tcdesk("sync", "make-join", "--db", str(main), "--out", str(join_file), passphrase=PASS)
    assert made.returncode == 0, made.stderr
    joined = _tcdesk("sync", "join", str(join_file), "--db", str(laptop), passphrase=PASS)
    assert joined.returncode == 0, joined.stderr
    added = _tcdesk(
        "patients", "add", "--db", str(laptop), "--first", "Eli", "--last", "Sealed",
        "--born", "1991-03-04", "--phone", "6145559877", "--new", passphrase=PASS,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    sent = _tcdesk("sync", "--db", str(laptop), "--folder", str(folder), "--json", passphrase=PASS)
    assert sent.returncode == 0, sent.stderr
    (genuine,) = (folder / json.loads(sent.stdout)["install"]).glob("*.tcsync")
    kept = genuine.read_bytes()
    before = main.read_bytes()

    wrong = _tcdesk("sync", "--db", str(main), "--folder", str(folder), passphrase="not it")
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1, wrong.stderr
    assert "passphrase" in wrong.stderr and "Traceback" not in wrong.stderr
    assert main.read_bytes() == before

    other_key = b"k" * 32
    header = changeset_file.read_header(genuine)
    forged = Header(**{**header.__dict__, "key_id": changeset_file.key_id(other_key)})
    genuine.write_bytes(changeset_file.encode(forged, Payload(b""), other_key))
    refused = _tcdesk("sync", "--db", str(main), "--folder", str(folder), passphrase=PASS)
    assert refused.returncode == 0, refused.stderr
    assert f"Refused {header.install_id[:8]}/{genuine.name}" in refused.stdout
    assert "another sync key" in refused.stdout and "Applied 0 files" in refused.stdout
    assert "Eli Sealed" not in _names(main, PASS)

    genuine.write_bytes(kept)
    came = _tcdesk("sync", "--db", str(main), "--folder", str(folder), "--json", passphrase=PASS)
    assert came.returncode == 0, came.stderr
    assert len(json.loads(came.stdout)["applied"]) == 1
    assert "Eli Sealed" in _names(main, PASS)


def _names(db: Path, passphrase: str) -> set[str]:
    out = _tcdesk("patients", "--db", str(db), "--json", passphrase=passphrase)
    assert out.returncode == 0, out.stderr
    return {p["patient"] for p in json.loads(out.stdout)}
