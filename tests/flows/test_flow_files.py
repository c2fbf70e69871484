"""Flow files that cannot be read as flows, and loading a folder of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.errors import UserError
from tcdesk.flows import FlowError, check_flow_file, load_flow, load_flows
from tests.flows.flow_texts import BASE, line_of, only_error, write


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    text = BASE.replace('title = "Your investment"', 'title = "Your investment')
    error = only_error(tmp_path, text)
    assert error.line == line_of(text, 'title = "Your investment')
    assert error.message.startswith("TOML syntax error:") and "column" in error.message
    assert (error.step, error.key) == (None, None)
    assert str(error) == f"{error.path}:{error.line}: {error.message}"


def test_toml_error_at_end_of_file(tmp_path: Path) -> None:
    error = only_error(tmp_path, "format = 1\nname = [\n")
    assert error.line == 2 and "end of the file" in error.message


def test_missing_file_and_folder_and_bad_encoding(tmp_path: Path) -> None:
    _, errors = check_flow_file(tmp_path / "nope.toml")
    assert errors[0].message == "no such file"
    _, errors = check_flow_file(tmp_path)
    assert "folder" in errors[0].message
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(BASE.replace("Glad", "Caf\xe9").encode("latin-1"))
    _, errors = check_flow_file(bad)
    assert "UTF-8" in errors[0].message


def test_load_flow_raises_a_user_error(tmp_path: Path) -> None:
    path = write(tmp_path, BASE.replace('kind = "welcome"', 'kind = "hello"'))
    with pytest.raises(FlowError) as info:
        load_flow(path)
    assert isinstance(info.value, UserError)
    assert str(info.value).startswith(f"{path}:")


def test_load_flows_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    write(tmp_path, BASE, "a_good.toml")
    write(tmp_path, BASE.replace('id = "mini"', 'id = "other"'), "b_good.toml")
    bad = write(tmp_path, BASE.replace('kind = "welcome"', 'kind = "hello"'), "c_bad.toml")
    same_id = write(tmp_path, BASE, "d_same_id.toml")
    (tmp_path / "notes.txt").write_text("not a flow")
    (tmp_path / "content").mkdir()
    write(tmp_path / "content", "format = 1\n", "conditions.toml")  # not a flow: not loaded
    result = load_flows(tmp_path)
    assert sorted(result.flows) == ["mini", "other"]
    assert result.files["mini"] == tmp_path / "a_good.toml"
    assert [e.path for e in result.errors] == [bad, same_id]
    assert "already used by" in result.errors[1].message and result.errors[1].line == 2
    assert not result.ok


def test_load_flows_accepts_a_list_of_paths(tmp_path: Path) -> None:
    one = write(tmp_path, BASE, "one.toml")
    result = load_flows([one, tmp_path / "missing.toml"])
    assert list(result.flows) == ["mini"]
    assert [e.message for e in result.errors] == ["no such file"]


def test_flow_error_formats_without_unknown_parts() -> None:
    assert str(FlowError("f.toml", "boom")) == "f.toml: boom"
    assert str(FlowError("f.toml", "boom", line=3)) == "f.toml:3: boom"
    assert str(FlowError("f.toml", "boom", step="a")) == "f.toml: step 'a': boom"
    assert str(FlowError("f.toml", "boom", key="k")) == "f.toml: key 'k': boom"
    assert (
        str(FlowError("f.toml", "boom", line=3, step="#2", key="k"))
        == "f.toml:3: step #2 key 'k': boom"
    )
