"""A problem in a flow file, said so a practice manager can find and fix it."""

from __future__ import annotations

from pathlib import Path

from tcdesk.errors import UserError


class FlowError(UserError):
    """One problem in one file: which file, line, step and key, and what is wrong.

    ``str(error)`` is one line: ``<file>:<line>: step '<id>' key '<key>': <message>``,
    leaving out the parts that are not known. ``step`` is the step's id, or
    ``#<n>`` (1-based) when the step has no usable id.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        step: str | None = None,
        key: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.message = message
        self.line = line
        self.step = step
        self.key = key
        super().__init__(self.format())

    def format(self, path_text: str | None = None) -> str:
        where = path_text if path_text is not None else str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.step is not None:
            step = self.step if self.step.startswith("#") else f"'{self.step}'"
            parts.append(f"step {step}")
        if self.key is not None:
            parts.append(f"key '{self.key}'")
        head = parts[0] + ":" + "".join(f" {p}" for p in parts[1:])
        if len(parts) > 1:
            head += ":"
        return f"{head} {self.message}"

    def __str__(self) -> str:
        return self.format()

    def __reduce__(self):
        return (_rebuild, (self.path, self.message, self.line, self.step, self.key))


def _rebuild(path, message, line, step, key) -> FlowError:
    return FlowError(path, message, line=line, step=step, key=key)
