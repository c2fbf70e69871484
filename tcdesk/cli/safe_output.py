"""What the command line prints can never steer the terminal.

Values come from the practice file, which an import or an old system may have
filled with escape codes or stray carriage returns. Every text the CLI writes
goes through ``terminal_safe``, so a control character is shown (``\\x1b``),
never obeyed; newlines and tabs of the CLI's own layout stay as they are.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from tcdesk.text_safety import terminal_safe


class TerminalSafeWriter:
    """A text stream that writes through another, with control characters made visible."""

    def __init__(self, target: TextIO) -> None:
        self._target = target

    def write(self, text: str) -> int:
        self._target.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding, buffer...
        return getattr(self._target, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """For the length of one command, stdout and stderr escape control characters."""
    saved = sys.stdout, sys.stderr
    sys.stdout = TerminalSafeWriter(saved[0])  # type: ignore[assignment]
    sys.stderr = TerminalSafeWriter(saved[1])  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
