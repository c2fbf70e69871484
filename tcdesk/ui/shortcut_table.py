"""The "Keyboard shortcuts" list, generated from the keys that really work.

The presentation's keys come from its one key map (``presentation.keymap``);
a window's keys come from the QActions installed on it (its menus first, then
the actions added to the window itself), so the list cannot drift from the
keys. Plain data (``ShortcutGroup``), so the CLI can print the presentation's
part without a window (this module needs Qt's key names, not a QApplication).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QWidget

from tcdesk.ui.presentation.keymap import (
    ALWAYS_ACTIVE,
    DOES,
    KEY_NAMES,
    KEYMAP,
    SHOW_PLAN_KEYS,
    describe,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


@dataclass(frozen=True)
class Shortcut:
    keys: str  # as the platform writes them: "Ctrl+N", "F2" ("⌘N" on a Mac)
    does: str


@dataclass(frozen=True)
class ShortcutGroup:
    title: str
    rows: tuple[Shortcut, ...]

    def as_json(self) -> dict[str, object]:
        return {"group": self.title, "keys": [{"keys": r.keys, "does": r.does} for r in self.rows]}


def presentation_groups() -> list[ShortcutGroup]:
    """The presentation's keys, from the key map: slides, then the console's own."""
    slides = tuple(Shortcut(describe(action), DOES[action]) for action in KEYMAP)
    clicker = ", ".join(KEY_NAMES[key] for key in sorted(ALWAYS_ACTIVE, key=_key_order))
    console = (
        Shortcut("Step number, then Enter", "Go to that step (for example 1, 2, Enter)"),
        Shortcut(
            " or ".join(_native(k) for k in SHOW_PLAN_KEYS),
            "Payment tab: put the plan on the room's screen",
        ),
        Shortcut(_native("Ctrl+Tab"), "Next tab of the console (Objections, Payment)"),
    )
    return [
        ShortcutGroup("Presentation: slides (when the focus is not in a text box)", slides),
        ShortcutGroup(
            "Presentation: console",
            (*console, Shortcut(clicker, "Work even while you type a note (a clicker's keys)")),
        ),
    ]


def everyday_group() -> ShortcutGroup:
    """Qt's own keys in every window and form (the keyboard walk test holds Tab)."""
    return ShortcutGroup(
        "Every window",
        (
            Shortcut("Tab, Shift+Tab", "Next or previous control"),
            Shortcut("Alt + underlined letter", "Open that menu, or press that button"),
            Shortcut("Enter", "Accept a form (its highlighted button)"),
            Shortcut("Esc", "Cancel a form, close this list"),
        ),
    )


def _key_order(key: object) -> int:
    """ALWAYS_ACTIVE is a set: list its keys in the key map's order."""
    order = [k for keys in KEYMAP.values() for k in keys]
    return order.index(key) if key in order else len(order)


def _native(portable: str) -> str:
    return QKeySequence(portable).toString(NATIVE)


def _menus(window: QWidget) -> list[tuple[str, QMenu]]:
    """The window's menus by title; never makes a menu bar (``menuBar()`` would)."""
    bar = window.menuWidget() if isinstance(window, QMainWindow) else None
    if not isinstance(bar, QMenuBar):
        return []
    return [(_plain(a.text()), a.menu()) for a in bar.actions() if isinstance(a.menu(), QMenu)]


def window_groups(window: QWidget) -> list[ShortcutGroup]:
    """The keys of a window's QActions, grouped by the menu they sit in."""
    groups: list[ShortcutGroup] = []
    seen: set[int] = set()
    for title, menu in _menus(window):
        groups += _menu_groups(title, menu, seen)
    others = tuple(_row(a) for a in window.actions() if _shown(a) and id(a) not in seen)
    if others:
        groups.append(ShortcutGroup("This window", others))
    return groups


def window_actions(window: QWidget) -> list[QAction]:
    """Every action with a key, in menus or on the window (what the list shows)."""
    found: list[QAction] = []
    menus = [menu for _title, menu in _menus(window)]
    while menus:
        menu = menus.pop(0)
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                menus.append(action.menu())
            elif _shown(action) and action not in found:
                found.append(action)
    return found + [a for a in window.actions() if _shown(a) and a not in found]


def _menu_groups(title: str, menu: QMenu, seen: set[int]) -> list[ShortcutGroup]:
    rows: list[Shortcut] = []
    nested: list[ShortcutGroup] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            nested += _menu_groups(f"{title} › {_plain(action.text())}", sub, seen)
        elif _shown(action) and id(action) not in seen:
            seen.add(id(action))
            rows.append(_row(action))
    return ([ShortcutGroup(title, tuple(rows))] if rows else []) + nested


def _shown(action: QAction) -> bool:
    return bool(action.shortcuts()) and not action.isSeparator() and action.isVisible()


# Keys a platform binds to a standard action (QKeySequence.StandardKey) that most
# keyboards don't have: they still work, but a list of keys to learn leaves them out.
SPECIAL_KEYS = frozenset(
    {
        Qt.Key.Key_Exit,
        Qt.Key.Key_Find,
        Qt.Key.Key_Refresh,
        Qt.Key.Key_Help,
        Qt.Key.Key_Open,
        Qt.Key.Key_Close,
        Qt.Key.Key_Save,
        Qt.Key.Key_Print,
        Qt.Key.Key_Search,
        Qt.Key.Key_Reload,
        Qt.Key.Key_Back,
        Qt.Key.Key_Forward,
    }
)


def shown_sequences(action: QAction) -> list[QKeySequence]:
    """The keys of ``action`` a person can press on an ordinary keyboard."""
    return [
        k for k in action.shortcuts() if not (k.count() == 1 and k[0].key() in SPECIAL_KEYS)
    ] or list(action.shortcuts())


def _row(action: QAction) -> Shortcut:
    keys = ", ".join(k.toString(NATIVE) for k in shown_sequences(action))
    return Shortcut(keys, _plain(action.text()))


def _plain(text: str) -> str:
    """A menu text as read aloud: no mnemonic '&' ('&&' is a real one), no trailing '…'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()
