"""Finding the line of a key in a flow file, for error messages.

tomllib gives line numbers only for syntax errors, so for schema errors we
scan the text: ``[[steps]]`` headers split the file into steps, then the key
(and, for duplicates, its value) is looked for inside that step. It is a best
effort: when nothing matches, the step's header line (or nothing) is used.
"""

from __future__ import annotations

import re

_STEP_HEADER = re.compile(r"^\s*\[\[\s*steps\s*\]\]\s*(#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")
_INDEX = re.compile(r"\[\d+\]")


class LineFinder:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._step_starts = [i for i, line in enumerate(self._lines) if _STEP_HEADER.match(line)]
        first_header = next(
            (i for i, line in enumerate(self._lines) if _ANY_HEADER.match(line)),
            len(self._lines),
        )
        self._top_end = first_header

    def step_line(self, index: int) -> int | None:
        """The 1-based line of the ``index``-th (0-based) ``[[steps]]`` header."""
        if 0 <= index < len(self._step_starts):
            return self._step_starts[index] + 1
        return None

    def find(
        self,
        step: int | None,
        key: str | None,
        value: str | None = None,
        occurrence: int = 1,
    ) -> int | None:
        """The 1-based line of ``key`` (dotted, may hold ``[n]``) in step ``step``.

        With ``value``, the ``occurrence``-th line holding that quoted value
        (after the key's first line) wins: it points at the duplicate itself.
        """
        if step is None:
            start, end = 0, self._top_end
            fallback = None
        else:
            if not 0 <= step < len(self._step_starts):
                return None
            start = self._step_starts[step]
            end = self._step_starts[step + 1] if step + 1 < len(self._step_starts) else None
            end = end if end is not None else len(self._lines)
            fallback = start + 1
        if not key:
            return fallback
        position = start
        found: int | None = None
        for part in _INDEX.sub("", key).split("."):
            if not part:
                continue
            hit = self._search(part, position, end)
            if hit is None:
                break
            found = hit
            position = hit
        if value is not None:
            hit = self._search_value(value, found if found is not None else start, end, occurrence)
            if hit is not None:
                return hit + 1
        return found + 1 if found is not None else fallback

    def _search(self, key: str, start: int, end: int) -> int | None:
        name = re.escape(key)
        pattern = re.compile(rf"""(^|[\s{{,.\[])["']?{name}["']?\s*(=|\]|\.)""")
        for i in range(start, end):
            if pattern.search(_strip_comment(self._lines[i])):
                return i
        return None

    def _search_value(self, value: str, start: int, end: int, occurrence: int) -> int | None:
        quoted = re.compile(rf"""["']{re.escape(value)}["']""")
        seen = 0
        for i in range(start, end):
            if quoted.search(self._lines[i]):
                seen += 1
                if seen == occurrence:
                    return i
        return None


def _strip_comment(line: str) -> str:
    # Good enough for key search: a '#' inside a string only shortens the line.
    in_string: str | None = None
    for i, char in enumerate(line):
        if in_string:
            if char == in_string:
                in_string = None
        elif char in "\"'":
            in_string = char
        elif char == "#":
            return line[:i]
    return line
