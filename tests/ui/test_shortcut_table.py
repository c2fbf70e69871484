"""The shortcut list is made from the key map: every key in it, each with what it does."""

from __future__ import annotations

from tcdesk.ui.presentation.keymap import ALWAYS_ACTIVE, DOES, KEY_NAMES, KEYMAP, Action, describe
from tcdesk.ui.shortcut_table import presentation_groups


def test_every_action_and_every_key_is_named() -> None:
    assert set(DOES) == set(Action) == set(KEYMAP)
    assert {key for keys in KEYMAP.values() for key in keys} <= set(KEY_NAMES)


def test_the_presentation_groups_list_the_whole_key_map() -> None:
    rows = [(r.keys, r.does) for g in presentation_groups() for r in g.rows]
    for action in Action:
        assert (describe(action), DOES[action]) in rows
    clicker = next(keys for keys, does in rows if "while you type" in does)
    assert sorted(clicker.split(", ")) == sorted(KEY_NAMES[k] for k in ALWAYS_ACTIVE)
    assert any(keys.startswith("Ctrl+Return") for keys, _does in rows)  # SHOW_PLAN_KEYS
    assert any("Step number" in keys for keys, _does in rows)  # digits, then Enter
