"""A flow naming a picture that is not in the assets folder is refused, by file, line and step."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tcdesk.flows import FlowError, asset_problem, check_flow_assets, load_flow, load_flows
from tcdesk.paths import assets_dir, flows_dir

SAMPLE = Path(__file__).parent / "samples" / "care_picture.toml"
IMAGE = 'image = "illustrations/care/braces.svg"'


def sample(tmp_path: Path, image: str | None = None, name: str = "care_picture.toml") -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    if image is not None:
        text = text.replace(IMAGE, f"image = {image!r}".replace("'", '"'))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if fragment in line)


def test_the_sample_flow_and_its_picture_pass() -> None:
    assert check_flow_assets(load_flow(SAMPLE), assets_dir()) == []


def test_a_missing_picture_names_file_line_step_key_and_path(tmp_path: Path) -> None:
    path = sample(tmp_path, "illustrations/care/brace.svg")
    errors = check_flow_assets(load_flow(path), assets_dir())
    assert len(errors) == 1
    error = errors[0]
    assert isinstance(error, FlowError)
    assert (error.path, error.step, error.key) == (path, "caring_for_braces", "image")
    assert error.line == line_of(path, "brace.svg")
    assert str(error).startswith(
        f"{path}:{error.line}: step 'caring_for_braces' key 'image': no such file "
        "'illustrations/care/brace.svg'"
    )
    assert "did you mean 'illustrations/care/braces.svg'?" in error.message


def test_a_missing_folder_is_said_so(tmp_path: Path) -> None:
    problem = asset_problem("illustrations/kare/braces.svg", assets_dir())
    assert problem is not None
    assert "no such file 'illustrations/kare/braces.svg'" in problem
    assert "no folder 'illustrations/kare'" in problem


@pytest.mark.parametrize(
    "value", ["../../etc/passwd", "/etc/passwd", "C:/pictures/x.svg", "illustrations/../x.svg"]
)
def test_a_path_outside_the_assets_folder_is_refused(value: str) -> None:
    problem = asset_problem(value, assets_dir())
    assert problem is not None and "must be a path inside assets/" in problem


def test_a_link_out_of_the_assets_folder_is_refused(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    (assets / "illustrations").mkdir(parents=True)
    outside = tmp_path / "secret.svg"
    outside.write_text("<svg/>")
    os.symlink(outside, assets / "illustrations" / "linked.svg")
    problem = asset_problem("illustrations/linked.svg", assets)
    assert problem is not None and "outside the assets folder" in problem


def test_a_folder_is_not_a_picture(tmp_path: Path) -> None:
    problem = asset_problem("illustrations/care", assets_dir())
    assert problem is not None and "is a folder, not a file" in problem


def test_letter_case_must_match(tmp_path: Path) -> None:
    # On a disk that ignores case the file would be found here but not at another office.
    assets = tmp_path / "assets"
    (assets / "care").mkdir(parents=True)
    (assets / "care" / "braces.svg").write_text("<svg/>")
    problem = asset_problem("care/Braces.svg", assets)
    assert problem is not None
    assert "letter case" in problem or "did you mean 'care/braces.svg'?" in problem


def test_load_flows_with_assets_leaves_out_a_flow_with_a_missing_picture(tmp_path: Path) -> None:
    good = sample(tmp_path)
    bad = sample(tmp_path, "illustrations/care/nope.svg", "broken.toml")
    bad.write_text(
        bad.read_text(encoding="utf-8").replace('id = "care_picture"', 'id = "broken"'),
        encoding="utf-8",
    )
    result = load_flows(tmp_path, assets=assets_dir())
    assert list(result.flows) == ["care_picture"]
    assert result.files["care_picture"] == good
    assert [(e.path, e.step, e.key) for e in result.errors] == [(bad, "caring_for_braces", "image")]
    assert "illustrations/care/nope.svg" in result.errors[0].message
    # Without the assets folder only the format is checked (as before).
    assert sorted(load_flows(tmp_path).flows) == ["broken", "care_picture"]


def test_every_picture_the_shipped_flows_name_is_there() -> None:
    result = load_flows(flows_dir(), assets=assets_dir())
    assert [str(e) for e in result.errors] == []
    named = [s.image for f in result.flows.values() for s in f.steps if s.image]
    assert named  # the care steps show pictures
