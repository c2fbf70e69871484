"""``tcdesk slides check``: every step of the practice's flows, for sample and real families."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.paths import flows_dir


def test_the_shipped_flows_pass_for_the_demo_practice(demo_store: Path, capsys, qapp) -> None:
    code = main(["--db", str(demo_store), "slides", "check", "--size", "1280x720"])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0, out
    assert out[-1].startswith("ok: ") and "4 flows" in out[-1]
    families = int(out[-1].split(" for ")[1].split()[0])
    assert families >= 48 + 8  # every demo consult and the eight sample families


def _edited_walk_in(tmp_path: Path) -> Path:
    text = (flows_dir() / "walk_in.toml").read_text(encoding="utf-8")
    long = " ".join(["Bring your questions, your insurance card and your calendar."] * 6)
    text = text.replace(
        'text = "Thanks for stopping by. We\'ll keep this quick and answer your questions."',
        f'text = "{long}"',
    )
    path = tmp_path / "walk_in.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_edited_flow_that_does_not_read_is_reported_by_file_and_step(
    tmp_path: Path, capsys, qapp
) -> None:
    path = _edited_walk_in(tmp_path)
    code = main(
        [
            "slides",
            "check",
            "--flows",
            str(path),
            "--size",
            "1920x1080",
        ]
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 2
    assert out and all(line.startswith(f"{path}: welcome: ") for line in out), out
    assert any("words" in line for line in out)
    assert any("(for the sample" in line for line in out)


def test_json_lists_each_problem(tmp_path: Path, capsys, qapp) -> None:
    path = _edited_walk_in(tmp_path)
    code = main(
        [
            "slides",
            "check",
            "--flows",
            str(path),
            "--size",
            "1280x720",
            "--json",
        ]
    )
    found = json.loads(capsys.readouterr().out)
    assert code == 2
    assert {f["step"] for f in found} == {"welcome"}
    assert {"file", "step", "rule", "problem", "size", "families"} <= set(found[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["slides"], "tcdesk slides needs --consult and --out"),
        (["slides", "check", "--consult", "x"], "leave out --consult and --out"),
        (["slides", "check", "--size", "10x10"], "outside 320x180 to 7680x4320"),
        (["slides", "check", "--flows", "/nonexistent/flows"], "No flow could be loaded"),
    ],
)
def test_mistakes_are_one_line(args, message, tmp_path: Path, capsys) -> None:
    code = main(args)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and message in err[0], err
