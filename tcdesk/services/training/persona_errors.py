"""A problem in a persona or answers file, on one line naming the file and the key.

``<file>: persona '<key>' key '<key.path>': <message>`` like the flows
checker, leaving out what is not known (a file that is not TOML has no key).
The small ``Fields`` reader collects every problem of a file instead of
stopping at the first, so an author fixes them all in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from tcdesk.errors import UserError
from tcdesk.flows.report import did_you_mean as hint  # the flows checker's words, one way
from tcdesk.flows.report import type_name


class PersonaError(UserError):
    def __init__(
        self, path: Path | str, message: str, *, persona: str | None = None, key: str | None = None
    ) -> None:
        self.path = Path(path)
        self.message = message
        self.persona = persona
        self.key = key
        super().__init__(self.format())

    def format(self, path_text: str | None = None) -> str:
        head = path_text if path_text is not None else str(self.path)
        parts = []
        if self.persona is not None:
            parts.append(f"persona '{self.persona}'")
        if self.key is not None:
            parts.append(f"key '{self.key}'")
        where = f"{head}: {' '.join(parts)}:" if parts else f"{head}:"
        return f"{where} {self.message}"

    def __str__(self) -> str:
        return self.format()


class Fields:
    """Typed reads from parsed TOML; each problem is recorded, never raised."""

    def __init__(self, path: Path, label: str = "persona") -> None:
        self.path = path
        self.owner: str | None = None  # the persona's key, once known
        self.label = label
        self.errors: list[PersonaError] = []

    def error(self, key: str | None, message: str) -> None:
        self.errors.append(PersonaError(self.path, message, persona=self.owner, key=key))

    def table(
        self,
        data: Any,
        key: str,
        known: Iterable[str],
        required: Iterable[str] = (),
    ) -> Mapping[str, Any] | None:
        """``data`` as a table with only ``known`` keys and every ``required`` one."""
        if not isinstance(data, dict):
            self.error(key or None, f"must be a table, not {type_name(data)}")
            return None
        known = tuple(known)
        for name in data:
            if name not in known:
                self.error(_join(key, name), f"unknown key {name!r}{hint(name, known)}")
        for name in required:
            if name not in data:
                self.error(_join(key, name), "missing (required)")
        return data

    def text(self, data: Mapping[str, Any], name: str, key: str, default: str = "") -> str:
        value = data.get(name, default)
        if not isinstance(value, str):
            self.error(_join(key, name), f"must be text, not {type_name(value)}")
            return default
        if name in data and not value.strip() and default == "":
            self.error(_join(key, name), "must not be empty")
        return value

    def choice(
        self, data: Mapping[str, Any], name: str, key: str, allowed: Iterable[str], what: str
    ) -> str:
        value = self.text(data, name, key)
        allowed = tuple(allowed)
        if value and value not in allowed:
            self.error(_join(key, name), f"unknown {what} {value!r}{hint(value, allowed)}")
            return ""
        return value

    def texts(self, data: Mapping[str, Any], name: str, key: str) -> tuple[str, ...]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(_join(key, name), f"must be a list of texts, not {type_name(value)}")
            return ()
        return tuple(value)

    def number(
        self, data: Mapping[str, Any], name: str, key: str, low: float, high: float
    ) -> Decimal | None:
        value = data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(_join(key, name), f"must be a number, not {type_name(value)}")
            return None
        if not low <= value <= high:
            self.error(_join(key, name), f"must be between {low:g} and {high:g}, not {value:g}")
            return None
        return Decimal(str(value))

    def flag(self, data: Mapping[str, Any], name: str, key: str) -> bool | None:
        value = data.get(name)
        if value is None or isinstance(value, bool):
            return value
        self.error(_join(key, name), f"must be true or false, not {type_name(value)}")
        return None

    def tables(self, data: Mapping[str, Any], name: str, key: str) -> list[Any]:
        value = data.get(name, [])
        if not isinstance(value, list):
            self.error(_join(key, name), f"must be a list of tables, not {type_name(value)}")
            return []
        return value


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name
