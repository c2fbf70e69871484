"""Flow files that cannot be read as flows, and loading a folder of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.errors import UserError
from tcdesk.flows import FlowError, check_flow_file, load_flow
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


def test_flow_error_formats_without_unknown_parts() -> None:
    assert str(FlowError("f.toml", "boom")) == "f.toml: boom"
    assert str(FlowError("f.toml", "boom", line=3)) == "f.toml:3: boom"
    assert str(FlowError("f.toml", "boom", step="a")) == "f.toml: step 'a': boom"
    assert str(FlowError("f.toml", "boom", key="k")) == "f.toml: key 'k': boom"
    assert (
        str(FlowError("f.toml", "boom", line=3, step="#2", key="k"))
        == "f.toml:3: step #2 key 'k': boom"
    )
