"""`tcdesk setup --pin` and `tcdesk staff pin NAME`: the PIN comes on stdin, never in argv."""

from __future__ import annotations

import io
from pathlib import Path

from tcdesk.cli import main
from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tests.conftest import FIXED_NOW


def run(monkeypatch, typed: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    return main([*args], clock=lambda: FIXED_NOW)


def _people(path: Path) -> dict[str, str]:
    desk = Desk.open(path, create=False)
    try:
        return {s.name: s.id for s in desk.practices.staff(desk.practice().id)}
    finally:
        desk.close()


def test_setup_with_a_pin_makes_the_coordinator_the_admin_who_signs_in(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    path = tmp_path / "lakeside.sqlite3"
    setup = ["setup", "--practice", "Lakeside", "--office", "Main", "--coordinator", "Ana"]
    assert (
        run(monkeypatch, "2468\n", *setup, "--doctor", "Dr. Lee", "--pin", "--db", str(path)) == 0
    )
    assert "2468" not in capsys.readouterr().out
    desk = Desk.open(path, create=False)
    try:
        ana = _people(path)["Ana"]
        assert sign_in.sign_in_needed(desk)
        assert sign_in.verify(desk, ana, "2468").admin
    finally:
        desk.close()
    assert run(monkeypatch, "1357\n", "staff", "pin", "Dr. Lee", "--db", str(path)) == 0
    assert capsys.readouterr().out.strip() == "Dr. Lee can now sign in with their PIN."
    desk = Desk.open(path, create=False)
    try:
        assert sign_in.verify(desk, _people(path)["Dr. Lee"], "1357").name == "Dr. Lee"
    finally:
        desk.close()


def test_a_bad_pin_is_one_line_and_changes_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "lakeside.sqlite3"
    setup = ["setup", "--practice", "Lakeside", "--office", "Main", "--coordinator", "Ana"]
    assert run(monkeypatch, "12\n", *setup, "--doctor", "Dr. Lee", "--pin", "--db", str(path)) == 2
    assert (
        capsys.readouterr().err.strip() == "tcdesk: --pin: A PIN is 4 to 8 digits; this one has 2."
    )
    desk = Desk.open(path)
    try:
        assert desk.is_empty()
    finally:
        desk.close()
