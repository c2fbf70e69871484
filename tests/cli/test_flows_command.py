"""``tcdesk flows check``: one line per file or problem, exit 2 on problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.paths import flows_dir

SHIPPED = {"adult_aligners": 9, "phase_one": 9, "teen_comprehensive": 9, "walk_in": 8}


def test_checks_the_shipped_flows_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flows", "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ok: ") and "content" in lines[0]
    for line, (name, steps) in zip(lines[1:-1], SHIPPED.items(), strict=True):
        assert line.startswith("ok: ") and line.endswith(f"{name}.toml ({steps} steps)"), line
    assert lines[-1].endswith("lang/es (Español (Spanish): every text translated)"), lines[-1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "flows"
    shutil.copytree(flows_dir(), target)
    return target


def test_reports_each_problem_with_file_line_step_and_key(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder.parent)
    teen = folder / "teen_comprehensive.toml"
    text = teen.read_text(encoding="utf-8")
    text = text.replace('title = "Your timeline"', 'titel = "Your timeline"', 1)
    text = text.replace('answer_step = "investment"', 'answer_step = "invest"', 1)
    teen.write_text(text, encoding="utf-8")
    (folder / "broken.toml").write_text('format = 1\nid = "x"\nname = "unterminated\n')
    assert main(["flows", "check", str(folder)]) == 2
    out = capsys.readouterr().out.splitlines()
    lines = text.splitlines()
    titel = next(i for i, line in enumerate(lines, 1) if line.startswith("titel ="))
    invest = next(i for i, line in enumerate(lines, 1) if 'answer_step = "invest"' in line)
    assert "flows/broken.toml:3: TOML syntax error: " in "\n".join(out)
    assert (
        f"flows/teen_comprehensive.toml:{titel}: step 'timeline' key 'titel': "
        "unknown key 'titel' (did you mean 'title'?)"
    ) in out
    assert (
        f"flows/teen_comprehensive.toml:{invest}: step 'options' key "
        "'objections.cost.answer_step': no step with id 'invest' (did you mean 'investment'?)"
    ) in out
    assert any(line.startswith("ok: flows/walk_in.toml") for line in out)
    assert not any("teen_comprehensive.toml (" in line for line in out)


def test_checks_given_files_and_rendering(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (flows_dir() / "walk_in.toml").read_text(encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(source, encoding="utf-8")
    breaks = tmp_path / "breaks.toml"
    breaks.write_text(
        source.replace('id = "walk_in"', 'id = "walk_in_2"').replace(
            'title = "Your next step"', 'title = "Bye {{ patient.frist_name }}"'
        ),
        encoding="utf-8",
    )
    assert main(["flows", "check", str(good), str(breaks)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"ok: {good} (8 steps)"
    assert len(out) == 2
    assert out[1].startswith(f"{breaks}:")
    assert "step 'next_steps' key 'title': fails to render" in out[1]
    assert "frist_name" in out[1]


def test_same_flow_id_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.toml", "b.toml"):
        shutil.copy(flows_dir() / "walk_in.toml", tmp_path / name)
    assert main(["flows", "check", str(tmp_path / "a.toml"), str(tmp_path / "b.toml")]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        f"{tmp_path / 'b.toml'}: key 'id': flow id 'walk_in' is also used by {tmp_path / 'a.toml'}"
    )


def test_missing_path_and_empty_folder(tmp_path: Path, capsys) -> None:
    assert main(["flows", "check", str(tmp_path / "nope.toml")]) == 2
    assert capsys.readouterr().out.strip() == f"{tmp_path / 'nope.toml'}: no such file"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["flows", "check", str(empty)]) == 2
    assert "no flow files found" in capsys.readouterr().out


def test_broken_content_files_are_reported(folder: Path, capsys) -> None:
    wording = folder / "content" / "wording.toml"
    wording.write_text(wording.read_text().replace("{months} months", "{mnths} months"))
    assert main(["flows", "check", str(folder)]) == 2
    out = capsys.readouterr().out
    assert "wording.toml:" in out and "key 'options.months': unknown placeholder {mnths}" in out
    assert "ok: " in out  # the flows themselves are still checked


def test_flows_without_an_action_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["flows"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "check" in err


SAMPLE = Path(__file__).resolve().parents[1] / "flows" / "samples" / "care_picture.toml"


def test_a_flow_with_a_picture_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flows", "check", str(SAMPLE)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("ok: ") and line.endswith("samples/care_picture.toml (3 steps)")


def test_a_missing_picture_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    missing = tmp_path / "missing_picture.toml"
    missing.write_text(text.replace("care/braces.svg", "care/popcorn.svg"), encoding="utf-8")
    outside = tmp_path / "outside.toml"
    outside.write_text(
        text.replace('id = "care_picture"', 'id = "outside"').replace(
            "illustrations/care/braces.svg", "../../etc/passwd"
        ),
        encoding="utf-8",
    )
    assert main(["flows", "check", str(missing), str(outside)]) == 2
    out = capsys.readouterr().out.splitlines()
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("image ="))
    assert len(out) == 2, out
    assert out[0].startswith(
        f"{missing}:{line}: step 'caring_for_braces' key 'image': "
        "no such file 'illustrations/care/popcorn.svg' in "
    )
    assert out[1].startswith(f"{outside}:{line}: step 'caring_for_braces' key 'image': ")
    assert "'../../etc/passwd' must be a path inside assets/" in out[1]


def test_a_shipped_flow_pointing_at_a_missing_picture_fails(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder.parent)
    teen = folder / "teen_comprehensive.toml"
    text = teen.read_text(encoding="utf-8")
    assert 'image = "illustrations/care/braces.svg"' in text
    teen.write_text(text.replace("care/braces.svg", "care/brace.svg"), encoding="utf-8")
    assert main(["flows", "check", str(folder)]) == 2
    out = capsys.readouterr().out.splitlines()
    problems = [line for line in out if not line.startswith("ok: ")]
    assert len(problems) == 1 and problems[0].startswith("flows/teen_comprehensive.toml:")
    expected = "step 'caring_for_braces' key 'image': no such file 'illustrations/care/brace.svg'"
    assert expected in problems[0]
    assert "did you mean 'illustrations/care/braces.svg'?" in problems[0]
    assert not any("teen_comprehensive.toml (" in line for line in out)
