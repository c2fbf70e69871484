"""Collecting a flow file's problems, each placed on its line.

The checkers of the top level, the steps, the checklists and the objection
hints all report through one ``Reporter``, so a problem is worded and placed
the same way wherever it is found (one unknown-key check, one id check).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tcdesk.flows.errors import FlowError
from tcdesk.flows.lines import LineFinder

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# Where in the file a value sits: ``{"index": <step index>, "step": <label>}``, or {} at the top.
Where = Mapping[str, Any]
TOP: Where = MappingProxyType({})


class _Bad:
    """The value checkers' answer for a value they have already reported."""

    def __repr__(self) -> str:
        return "<bad value>"


BAD: Any = _Bad()


def is_id(value: Any) -> bool:
    """Whether ``value`` is usable as an id: lower-case letters, digits, '_' or '-'."""
    return isinstance(value, str) and bool(_ID.match(value))


def type_name(value: Any) -> str:
    """The TOML name of a value's type, as a practice manager would say it."""
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or "" when none is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {matches[0]!r}?)" if matches else ""


class Reporter:
    """The problems found in one file, with the lines they are on."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = LineFinder(text)
        self.errors: list[FlowError] = []

    def error(
        self,
        message: str,
        *,
        index: int | None = None,
        step: str | None = None,
        key: str | None = None,
        value: str | None = None,
        occurrence: int = 1,
    ) -> None:
        line = self.lines.find(index, key, value, occurrence)
        if line is None and index is not None:
            line = self.lines.step_line(index)
        self.errors.append(FlowError(self.path, message, line=line, step=step, key=key))

    def unknown_keys(
        self, table: Mapping[str, Any], known: Iterable[str], where: Where, prefix: str = ""
    ) -> bool:
        """Report each key of ``table`` not in ``known``; True if there was one."""
        known = tuple(known)
        found = False
        for key in table:
            if key not in known:
                full = f"{prefix}.{key}" if prefix else key
                self.error(f"unknown key {key!r}{did_you_mean(key, known)}", **where, key=full)
                found = True
        return found

    def missing_keys(self, table: Mapping[str, Any], required: Iterable[str], where: Where) -> None:
        """Report each of the ``required`` keys that ``table`` lacks."""
        for key in required:
            if key not in table:
                self.error("missing (required)", **where, key=key)

    def check_id(self, value: str, where: Where, key: str) -> bool:
        """Report ``value`` if it is not a valid id; True if it is one."""
        if is_id(value):
            return True
        self.error(
            f"{value!r} is not a valid id (lower-case letters, digits, '_' or '-')",
            **where,
            key=key,
        )
        return False

    def text(self, value: Any, where: Where, key: str) -> bool:
        """Report ``value`` if it is not text; True if it is."""
        if isinstance(value, str):
            return True
        self.error(f"must be text, not {type_name(value)}", **where, key=key)
        return False
