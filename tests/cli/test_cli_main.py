"""The command line as a whole: every command present, errors in one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tcdesk import __version__
from tcdesk.cli import SUBCOMMAND_MODULES, build_parser, main


def test_every_subcommand_is_registered() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    expected = {name.removesuffix("_command") for name in SUBCOMMAND_MODULES}
    assert {name.replace("-", "_") for name in sub.choices} == expected  # walk-in: walk_in
    for command in sub.choices.values():
        assert any("--db" in action.option_strings for action in command._actions)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"tcdesk {__version__}"


def test_usage_error_is_one_line_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tcdesk", "patients", "--no-such-flag"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--no-such-flag" in result.stderr


def test_unexpected_error_shows_no_traceback(monkeypatch, capsys) -> None:
    from tcdesk.cli import patients_command

    def boom(args):
        raise RuntimeError("bug")

    monkeypatch.setattr(patients_command, "run", boom)
    assert main(["patients"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "details saved in" in err
