"""The bad-store corpus through the real CLI: one clear line, exit 2, nothing touched.

For each bad file (truncated, a page overwritten, zero bytes, another
program's database, a newer tcdesk's, a JPEG renamed, missing) every command
that opens a store refuses in one line that names the real reason, and the
file and its folder are byte-for-byte and name-for-name as they were: no
``-wal``/``-shm`` beside a refused file. A read-only file and a read-only
folder are read by read-only commands and refused, with the right reason, by
the ones that write (run as an unprivileged user when the tests run as root).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tcdesk.cli import main
from tests.conftest import FIXED_NOW
from tests.store.store_corpus import REFUSED, ZERO, BadFile, snapshot

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534

GUARDIAN = ["--guardian", "Lucía Lee:mother:503-555-0101:lucia@example.com:12 Alder St"]
READ_COMMANDS = (["patients"], ["consults"], ["today"], ["export", "patients"])
WRITE_COMMANDS = (
    ["demo"],
    ["patients", "add", "--first", "Ava", "--last", "Lee", "--born", "2013-05-06", *GUARDIAN],
)


def _argv(command: list[str], path: Path, out: Path) -> list[str]:
    argv = [*command[:1], *command[1:], "--db", str(path)]
    if command[:1] == ["export"]:
        argv += ["--out", str(out)]
    return argv


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv, clock=lambda: FIXED_NOW)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _assert_one_line_refusal(code: int, err: str, says: str) -> None:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "something went wrong" not in err
    assert re.search(says, lines[0]), lines[0]


@pytest.mark.parametrize("bad", [*REFUSED, ZERO], ids=lambda b: b.name)
def test_every_command_refuses_a_bad_file_untouched(
    bad: BadFile, demo_store: Path, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    path = bad.make(folder, demo_store)
    before = snapshot(folder)
    commands = READ_COMMANDS + WRITE_COMMANDS
    if bad is ZERO:  # only demo and set-up may make a store of an empty file
        commands = READ_COMMANDS + WRITE_COMMANDS[1:]
    for command in commands:
        code, _out, err = _run(capsys, _argv(command, path, tmp_path / "out.csv"))
        _assert_one_line_refusal(code, err, bad.says)
        assert snapshot(folder) == before, command
    assert not (tmp_path / "out.csv").exists()


def test_a_missing_file_is_never_created_by_a_command_that_only_looks(
    tmp_path: Path, capsys
) -> None:
    path = tmp_path / "nothing.sqlite3"
    for command in READ_COMMANDS + WRITE_COMMANDS[1:]:
        code, _out, err = _run(capsys, _argv(command, path, tmp_path / "out.csv"))
        _assert_one_line_refusal(code, err, r"No practice file at .*nothing\.sqlite3")
    assert sorted(os.listdir(tmp_path)) == []


def test_demo_builds_into_a_zero_byte_file(tmp_path: Path, capsys) -> None:
    path = ZERO.make(tmp_path, tmp_path)
    code, out, err = _run(capsys, ["demo", "--db", str(path)])
    assert code == 0, err
    assert out.startswith("Built the demo practice")


# -- read-only file and folder: a real process as an unprivileged user ------------------


def _shared_folder() -> Path:
    """A folder outside root's private tmp, so the unprivileged user can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="tcdesk-corpus-"))
    os.chmod(folder, 0o755)
    return folder


def _as_user(argv: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tcdesk", *argv]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to drop root privileges")
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(REPO), "TZ": "UTC"}
    env.pop("TCDESK_DB", None)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def _make_read_only(folder: Path, path: Path, what: str) -> None:
    if what == "file":
        os.chmod(path, 0o444)  # readable by all, writable by nobody but root
    else:
        if os.geteuid() == 0:
            os.chown(path, NOBODY, NOBODY)  # the user owns the file, not the folder
        os.chmod(path, 0o600)
        os.chmod(folder, 0o555)


@pytest.mark.parametrize(
    ("what", "says"),
    [
        ("file", r"practice\.sqlite3 is read-only \(its permissions do not allow changes\)"),
        (
            "folder",
            r"practice\.sqlite3 can't be written: the folder .* is read-only "
            r"\(SQLite keeps its -wal and -shm files next to the practice file\)",
        ),
    ],
)
def test_read_only_file_and_folder(what: str, says: str, demo_store: Path) -> None:
    root = _shared_folder()
    try:
        folder = root / "store"
        folder.mkdir(mode=0o755)
        path = folder / "practice.sqlite3"
        shutil.copyfile(demo_store, path)
        _make_read_only(folder, path, what)
        before = snapshot(folder)
        listing = sorted(os.listdir(folder))
        looked = _as_user(["patients", "--db", str(path)], root)
        assert looked.returncode == 0, looked.stderr  # reading needs no writing
        assert "Oliver" in looked.stdout or "patients" in looked.stdout
        wrote = _as_user(
            [*WRITE_COMMANDS[1], "--db", str(path)],
            root,
        )
        _assert_one_line_refusal(wrote.returncode, wrote.stderr, says)
        assert snapshot(folder) == before
        assert sorted(os.listdir(folder)) == listing
    finally:
        os.chmod(root / "store", 0o755)
        shutil.rmtree(root, ignore_errors=True)


def test_the_write_command_of_the_corpus_works_on_a_good_file(demo_store: Path, capsys) -> None:
    """The control: the refusals above are the file's doing, not the command's."""
    code, _out, err = _run(capsys, _argv(WRITE_COMMANDS[1], demo_store, demo_store))
    assert code == 0, err
