"""One declarative key map for the presentation, several keys per action.

Presentation clickers send Page Up/Page Down, B and period; keyboards use the
arrows, Space, Home/End. The map is read by one application-wide filter so
the keys work whichever window has focus.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt


class Action(Enum):
    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    BLACK = "black"
    WHITE = "white"
    TOGGLE_SIDEBAR = "toggle_sidebar"
    SHORTCUTS = "shortcuts"
    LANGUAGE = "language"


Key = Qt.Key

KEYMAP: dict[Action, tuple[Key, ...]] = {
    Action.NEXT: (Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space),
    Action.PREVIOUS: (Key.Key_Left, Key.Key_Up, Key.Key_PageUp),
    Action.FIRST: (Key.Key_Home,),
    Action.LAST: (Key.Key_End,),
    Action.BLACK: (Key.Key_B, Key.Key_Period),
    Action.WHITE: (Key.Key_W,),
    Action.TOGGLE_SIDEBAR: (Key.Key_F9,),
    Action.SHORTCUTS: (Key.Key_Question,),
    Action.LANGUAGE: (Key.Key_L,),
}

# What each action does, in the words of the "Keyboard shortcuts" window.
DOES: dict[Action, str] = {
    Action.NEXT: "Next slide (on a black or white screen: bring the slide back)",
    Action.PREVIOUS: "Previous slide",
    Action.FIRST: "First slide",
    Action.LAST: "Last slide",
    Action.BLACK: "Black screen, or back from it",
    Action.WHITE: "White screen, or back from it",
    Action.TOGGLE_SIDEBAR: "Hide or show the console beside the slides (one screen)",
    Action.SHORTCUTS: "Show this list of keys",
    Action.LANGUAGE: "The family's screen in their other language, from this slide on",
}

# Clicker keys act even while the coordinator is typing a note: a clicker
# cannot know where the focus is. Every other key types normally in a text box.
ALWAYS_ACTIVE: frozenset[Key] = frozenset({Key.Key_PageDown, Key.Key_PageUp, Key.Key_F9})

# The console's "Show on screen" for the payment figures being tried. Ctrl
# combinations are not presentation keys (the key filter passes them on), so
# this cannot move the slides, and Enter alone still ends a typed jump.
SHOW_PLAN_KEYS: tuple[str, ...] = ("Ctrl+Return", "Ctrl+Enter")

DIGITS: dict[Key, int] = {getattr(Key, f"Key_{n}"): n for n in range(10)}
ENTER_KEYS: frozenset[Key] = frozenset({Key.Key_Return, Key.Key_Enter})

ACTION_FOR_KEY: dict[Key, Action] = {key: action for action, keys in KEYMAP.items() for key in keys}

# How each key is written on the console's buttons and in the "Keyboard shortcuts" window.
KEY_NAMES: dict[Key, str] = {
    Key.Key_Right: "→",
    Key.Key_Down: "↓",
    Key.Key_PageDown: "Page Down",
    Key.Key_Space: "Space",
    Key.Key_Left: "←",
    Key.Key_Up: "↑",
    Key.Key_PageUp: "Page Up",
    Key.Key_Home: "Home",
    Key.Key_End: "End",
    Key.Key_B: "B",
    Key.Key_Period: ".",
    Key.Key_W: "W",
    Key.Key_F9: "F9",
    Key.Key_Question: "?",
    Key.Key_L: "L",
}


def describe(action: Action) -> str:
    """Human-readable keys for tooltips and the help line."""
    return ", ".join(KEY_NAMES[k] for k in KEYMAP[action])
