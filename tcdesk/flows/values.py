"""Checking one step value by its kind: text, templates, lists, minutes, paths, conditions.

Each checker returns the value to keep, or ``BAD`` after reporting why not.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from tcdesk.flows.report import BAD, Reporter, Where, type_name
from tcdesk.flows.template_check import TemplateChecker
from tcdesk.flows.when import WhenError, compile_when

MAX_TITLE_CHARS = 120
MAX_TEXT_CHARS = 600
MAX_BULLETS = 8
MAX_MINUTES = 60


class ValueChecker:
    """The checks of the plain step values, keyed by the kind of value they hold."""

    def __init__(self, report: Reporter, templates: TemplateChecker) -> None:
        self._report = report
        self._templates = templates
        self._by_kind = {
            "id": self.id,
            "template": self.template,
            "template_list": self.template_list,
            "text_list": self.text_list,
            "reason": self.reason,
            "bool": self.bool,
            "minutes": self.minutes,
            "asset": self.asset,
            "when": self.when,
        }

    def check(self, kind: str, value: Any, where: Where, key: str) -> Any:
        """``value`` checked as a ``kind`` (see the step key table), or ``BAD``."""
        return self._by_kind[kind](value, where, key)

    def id(self, value: Any, where: Where, key: str) -> Any:
        if not self._report.text(value, where, key) or not self._report.check_id(value, where, key):
            return BAD
        return value

    def template(self, value: Any, where: Where, key: str) -> Any:
        if not self._report.text(value, where, key):
            return BAD
        limit = MAX_TITLE_CHARS if key == "title" else MAX_TEXT_CHARS
        if key == "title" and not value.strip():
            self._report.error("must not be empty", **where, key=key)
            return BAD
        if len(value) > limit:
            self._report.error(
                f"too long for a screen read from across the room ({len(value)} characters; "
                f"keep it under {limit})",
                **where,
                key=key,
            )
            return BAD
        problem = self._templates.problem(value)
        if problem:
            self._report.error(problem, **where, key=key)
            return BAD
        return value

    def template_list(self, value: Any, where: Where, key: str) -> Any:
        if not isinstance(value, list):
            self._report.error(f"must be a list of text, not {type_name(value)}", **where, key=key)
            return BAD
        if len(value) > MAX_BULLETS:
            self._report.error(
                f"too many items for one screen ({len(value)}; at most {MAX_BULLETS})",
                **where,
                key=key,
            )
            return BAD
        items = [self.template(item, where, f"{key}[{i}]") for i, item in enumerate(value)]
        return BAD if BAD in items else tuple(items)

    def text_list(self, value: Any, where: Where, key: str) -> Any:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._report.error("must be a list of text", **where, key=key)
            return BAD
        return tuple(value)

    def reason(self, value: Any, where: Where, key: str) -> Any:
        if not isinstance(value, str) or len(value.split()) < 3:
            self._report.error("must say why, in a few words of text", **where, key=key)
            return BAD
        return value.strip()

    def bool(self, value: Any, where: Where, key: str) -> Any:
        if not isinstance(value, bool):
            self._report.error(f"must be true or false, not {type_name(value)}", **where, key=key)
            return BAD
        return value

    def minutes(self, value: Any, where: Where, key: str) -> Any:
        if type(value) is not int or not 0 < value <= MAX_MINUTES:
            self._report.error(
                f"must be a whole number of minutes from 1 to {MAX_MINUTES}", **where, key=key
            )
            return BAD
        return value

    def asset(self, value: Any, where: Where, key: str) -> Any:
        if not self._report.text(value, where, key):
            return BAD
        pure = PurePosixPath(value.replace("\\", "/"))
        if not value or pure.is_absolute() or ".." in pure.parts or ":" in value:
            self._report.error(
                f"{value!r} must be a path inside assets/, e.g. 'illustrations/care/braces.svg'",
                **where,
                key=key,
            )
            return BAD
        return pure.as_posix()

    def when(self, value: Any, where: Where, key: str) -> Any:
        """A step's or a checklist item's condition: one check, one message for both."""
        if not self._report.text(value, where, key):
            return BAD
        try:
            compile_when(value)
        except WhenError as error:
            self._report.error(f"bad condition {value!r}: {error}", **where, key=key)
            return BAD
        return value
