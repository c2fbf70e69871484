"""The bad-input corpus: each case ends in one clear line (exit 2) and the store unchanged.

Names with line breaks or no end, impossible dates, absurd money, pictures that
aren't, flows that don't parse: what a tired TC, a pasted email or an old
system's export can send. (Damaged, foreign and read-only stores have their own
corpus in tests/store.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tcdesk.cli import main as cli_main
from tcdesk.services.demo import demo_id
from tcdesk.store import engine
from tcdesk.store.conversion import fingerprint, schema
from tests.conftest import FIXED_NOW

CONSULT = demo_id("consult", "ethan_walker")
FAMILY = ["--last", "Reyes", "--born", "2012-03-04"]


def _files(folder: Path) -> dict[str, Path]:
    bad_jpeg = folder / "not-a-picture.jpg"
    bad_jpeg.write_text("this is text, not a JPEG\n")
    truncated = folder / "truncated.png"
    truncated.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    empty = folder / "empty.jpg"
    empty.write_bytes(b"")
    broken = folder / "broken.toml"
    broken.write_text('id = "x"\nsteps = [\n')
    return {"bad_jpeg": bad_jpeg, "truncated": truncated, "empty": empty, "broken": broken}


Case = tuple[str, Callable[[dict[str, Path]], list[str]], str]
CASES: list[Case] = [
    (
        "multi-line first name",
        lambda f: ["patients", "add", "--first", "Zoë\nX", *FAMILY],
        "--first: The first name must be on one line (it has a line break).",
    ),
    (
        "carriage return in a last name",
        lambda f: [
            "patients",
            "add",
            "--first",
            "Zoë",
            "--last",
            "Re\ryes",
            "--born",
            "2012-03-04",
        ],
        "The last name must be on one line",
    ),
    (
        "a name with no end",
        lambda f: ["patients", "add", "--first", "Z" * 100_000, *FAMILY],
        "The first name is too long (100,000 characters; at most 120).",
    ),
    (
        "a phone with an escape code and letters",
        lambda f: ["patients", "add", "--first", "Zoë", *FAMILY, "--phone", "\x1b[31mcall me"],
        "is not a phone number",
    ),
    (
        "a birth date in year 212",
        lambda f: ["patients", "add", "--first", "Zoë", "--last", "R", "--born", "0212-03-04"],
        "must be between 1800 and 2200",
    ),
    (
        "February 30th",
        lambda f: ["patients", "add", "--first", "Zoë", "--last", "R", "--born", "2012-02-30"],
        "must be a date like 2012-03-04",
    ),
    (
        "born tomorrow",
        lambda f: ["patients", "add", "--first", "Zoë", "--last", "R", "--born", "2026-12-25"],
        "cannot be in the future",
    ),
    (
        "a fee of 1e400",
        lambda f: [
            "fees",
            "add",
            "--treatment-type",
            "metal_braces",
            "--name",
            "X",
            "--fee",
            "1e400",
            "--months",
            "24",
        ],
        "The fee",
    ),
    (
        "a negative fee",
        lambda f: [
            "fees",
            "add",
            "--treatment-type",
            "metal_braces",
            "--name",
            "X",
            "--fee",
            "-5",
            "--months",
            "24",
        ],
        "The fee cannot be negative.",
    ),
    (
        "a fee of a billion",
        lambda f: [
            "fees",
            "add",
            "--treatment-type",
            "metal_braces",
            "--name",
            "X",
            "--fee",
            "1,000,000,000",
            "--months",
            "24",
        ],
        "cannot be more than",
    ),
    (
        "text renamed .jpg",
        lambda f: ["record", "photo", "add", "--yes", CONSULT, str(f["bad_jpeg"])],
        "is not a readable picture (JPEG or PNG).",
    ),
    (
        "a truncated PNG",
        lambda f: ["record", "photo", "add", "--yes", CONSULT, str(f["truncated"])],
        "is not a readable picture (JPEG or PNG).",
    ),
    (
        "an empty picture",
        lambda f: ["record", "photo", "add", "--yes", CONSULT, str(f["empty"])],
        "empty.jpg",
    ),
    (
        "a concern of 20,000 characters",
        lambda f: ["record", "concern", "--yes", CONSULT, "x" * 20_000],
        "keep it under",
    ),
    (
        "a flow file that doesn't parse",
        lambda f: ["slides", "check", "--flows", str(f["broken"])],
        "No flow could be loaded from",
    ),
]


def _dump(store: Path) -> tuple:
    """Every table's rows (hashed) and the schema: equal before and after means unchanged."""
    connection = engine.connect(store, read_only=True)
    try:
        return schema(connection), fingerprint(connection)
    finally:
        connection.close()


@pytest.mark.parametrize(("argv", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_bad_input_is_one_clear_line_and_changes_nothing(
    demo_store: Path, tmp_path: Path, capsys, argv, expected: str
) -> None:
    files = _files(tmp_path)
    before = _dump(demo_store)
    media_before = sorted(p.name for p in tmp_path.rglob("*"))
    args = argv(files)
    store = [] if args[0] == "slides" else ["--db", str(demo_store)]
    code = cli_main([*args, *store], clock=lambda: FIXED_NOW)
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code == 2, captured.err
    assert len(lines) == 1 and lines[0].startswith("tcdesk: "), captured.err
    assert expected in lines[0]
    assert "Traceback" not in captured.err and "\x1b" not in captured.err
    assert len(lines[0]) < 400
    assert _dump(demo_store) == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == media_before
