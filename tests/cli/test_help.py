"""Every subcommand, and every option of every subcommand, explains itself in --help."""

from __future__ import annotations

import argparse

import pytest

from tcdesk.cli import build_parser, main


def _parsers(parser: argparse.ArgumentParser, name: str = "tcdesk"):
    """``(name, parser)`` for the parser and every subcommand below it."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_option_of_every_command_has_a_help_text() -> None:
    missing = [
        f"{name} {action.option_strings or action.dest}"
        for name, parser in _parsers(build_parser())
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction)
        and not (action.help and action.help.strip())
    ]
    assert missing == []


def test_every_command_has_a_description() -> None:
    assert [name for name, parser in _parsers(build_parser()) if not parser.description] == []


@pytest.mark.parametrize("command", ["slides", "agreement", "summary", "quote", "demo"])
def test_help_prints_each_option_with_words(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    out = out[out.index("options:") :]  # the usage lines above may wrap an option to a line
    for line in out.splitlines():
        stripped = line.strip()
        if stripped.startswith("--") and "  " not in stripped:
            # an option alone on its line: its words must follow on the next line
            following = out.splitlines()[out.splitlines().index(line) + 1].strip()
            assert following and not following.startswith("-"), line


def test_every_command_prints_its_help_without_a_traceback() -> None:
    """An unescaped ``%`` in a help text only breaks when --help is printed: print them all."""
    broken = []
    for name, parser in _parsers(build_parser()):
        try:
            parser.format_help()
        except (ValueError, TypeError, KeyError) as error:
            broken.append(f"{name}: {error}")
    assert broken == []
