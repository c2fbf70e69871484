"""``tcdesk keys`` prints the presentation's keys from the same key map as the window."""

from __future__ import annotations

import json

import pytest

from tcdesk.cli import main


def test_keys_json_is_the_windows_list(capsys: pytest.CaptureFixture[str]) -> None:
    from tcdesk.ui.shortcut_table import presentation_groups

    assert main(["keys", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == [g.as_json() for g in presentation_groups()]
    assert printed[0]["keys"][0] == {
        "keys": "→, ↓, Page Down, Space",
        "does": "Next slide (on a black or white screen: bring the slide back)",
    }


def test_keys_text_is_a_table_and_points_to_f1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys"]) == 0
    text = capsys.readouterr().out
    assert "Keys" in text and "What they do" in text
    assert "Page Down" in text and "Show this list of keys" in text
    assert "press F1 on the desk" in text
