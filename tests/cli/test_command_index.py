"""A command loads only what it runs: the index, and what each start imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tcdesk.cli import build_parser
from tcdesk.cli.command_index import COMMANDS, command_in
from tcdesk.services.demo import demo_id

ETHAN = demo_id("consult", "ethan_walker")

HEAVY = (
    "tcdesk.store.database",
    "sqlite_utils",
    "reportlab",
    "PySide6",
    "tcdesk.services.demo",
    "svglib",
    "jinja2",
)


def _subparsers(parser):
    return next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")


def test_the_index_has_each_command_with_the_help_its_module_registers() -> None:
    sub = _subparsers(build_parser())
    registered = {action.dest: action.help for action in sub._choices_actions}
    assert {name: help_text for name, _module, help_text in COMMANDS} == registered


def test_the_command_word_is_found_past_the_top_level_options() -> None:
    assert command_in(["--db", "x.sqlite3", "today", "--json"]) == "today"
    assert command_in(["--passphrase-file", "p.txt", "--db", "today", "patients"]) == "patients"
    assert command_in(["--db=x.sqlite3", "consults"]) == "consults"
    assert command_in(["--help"]) is None and command_in([]) is None


def _loaded_after(argv: list[str]) -> set[str]:
    script = (
        "import sys\n"
        "from tcdesk.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('LOADED', ' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOADED"))
    return set(line.split()[1:])


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_load_nothing_heavy(argv: list[str]) -> None:
    assert _loaded_after(argv) == set()


def test_a_commands_help_loads_its_module_only() -> None:
    loaded = _loaded_after(["today", "--help"])
    assert loaded.isdisjoint({"reportlab", "PySide6", "tcdesk.services.demo", "svglib"})


def test_a_command_loads_its_own_needs_only(demo_store) -> None:
    loaded = _loaded_after(["today", "--db", str(demo_store)])
    assert "tcdesk.store.database" in loaded  # it reads the practice file
    assert loaded.isdisjoint(
        {"sqlite_utils", "reportlab", "PySide6", "tcdesk.services.demo", "svglib"}
    )


def test_an_english_agreement_loads_no_presentation(demo_store, tmp_path) -> None:
    """The presentation's content and slide renderer (~90 ms) only for another language."""
    out = tmp_path / "agreement.pdf"
    script = (
        "import sys\n"
        "from tcdesk.cli import main\n"
        "from tests.conftest import FIXED_NOW\n"
        f"code = main(['agreement', '--db', {str(demo_store)!r}, '--consult', {ETHAN!r},"
        f" '--out', {str(out)!r}], clock=lambda: FIXED_NOW)\n"
        "print('LOADED', code, ' '.join(m for m in sys.modules if m.startswith('tcdesk.render')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOADED"))
    assert line.split()[1:] == ["0"], done.stdout + done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
