"""Text that is safe to keep and safe to show: no control characters, no surprises.

A name pasted from an email or imported from an old system can carry line
breaks, tabs or terminal escape codes. On input they are refused (line breaks
in a one-line field) or removed (the rest); on output to a terminal anything
left is shown as a visible escape, so a stored value can never move the cursor,
recolour the screen or forge a row of a table.
"""

from __future__ import annotations

import re

# The longest one-line text (a name) tcdesk accepts: generous for any real name,
# short enough for every layout (a list's row, an agreement's line) and a terminal.
LONGEST_LINE = 120

# C0 and C1 controls and DEL; tab and newline are handled separately.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]")
# Invisible characters that reorder or hide text (bidirectional overrides).
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\ufeff]")


def has_line_break(text: str) -> bool:
    return bool(_LINE_BREAKS.search(text))


def strip_controls(text: str, *, keep_newlines: bool = False) -> str:
    """Drop control and invisible characters; tabs become spaces.

    With ``keep_newlines`` (notes, free text) line breaks stay, as "\\n".
    """
    text = text.replace("\t", " ").replace("\r\n", "\n")
    text = _LINE_BREAKS.sub("\n" if keep_newlines else " ", text)
    return _INVISIBLE.sub("", _CONTROLS.sub("", text))


def terminal_safe(text: str, *, multiline: bool = True) -> str:
    """``text`` as a terminal should print it: every control shown, none obeyed.

    ``multiline`` keeps "\\n" as a line break (a message, a paragraph); off (a
    table cell) it is shown as "\\n" too, so one value is one row.
    """

    def visible(match: re.Match[str]) -> str:
        ch = match.group(0)
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{ord(ch):02x}")

    pattern = _CONTROLS if multiline else re.compile(r"[\x00-\x1f\x7f-\x9f]")
    shown = pattern.sub(visible, text)
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", shown)
