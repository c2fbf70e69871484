"""Practice-editable words the slides are built with, kept out of the code.

Two files in ``presentation_flows/content/``:

- ``conditions.toml``: for each finding code, its plain-language name, what
  it is and what happens if it is left alone, optionally per severity.
- ``wording.toml``: the small labels around the family's data (timeline
  phases, money labels, option card lines, default next steps). Every key has
  a built-in default (``DEFAULT_WORDING``), so an older file still works after
  an upgrade; unknown keys and unknown ``{placeholders}`` are errors.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tcdesk.domain import ConditionCode, Severity
from tcdesk.errors import UserError

CONTENT_FORMAT = 1
CONDITIONS_FILE = "conditions.toml"
WORDING_FILE = "wording.toml"

# key -> (default text, placeholders it may use)
DEFAULT_WORDING: Mapping[str, tuple[str, tuple[str, ...]]] = MappingProxyType(
    {
        "welcome_screen.subtitle": ("We're so glad you're here.", ()),
        "concerns.attribution": ("", ()),
        "problem.continued": ("{title} (continued)", ("title",)),
        "problem.what_it_is": ("What it is", ()),
        "problem.if_untreated": ("If we leave it", ()),
        "options.recommended_label": ("Doctor's recommendation", ()),
        "options.months": ("About {months} months", ("months",)),
        "options.visits": ("A visit every {weeks} weeks", ("weeks",)),
        "options.checkups": ("A check-up every {months} months", ("months",)),
        "options.monthly_from": ("from {amount} a month", ("amount",)),
        "options.no_fee": ("No charge", ()),
        "options.chosen_label": ("Your choice", ()),
        "timeline.records.name": ("Records", ()),
        "timeline.records.detail": ("Photos and a scan", ()),
        "timeline.start.name": ("Start", ()),
        "timeline.start.detail": ("Braces go on", ()),
        "timeline.start.detail_aligners": ("Your first aligners", ()),
        "timeline.start.detail_early": ("Your appliance goes in", ()),
        "timeline.active.name": ("Straightening", ()),
        "timeline.active.detail": ("A visit every {weeks} weeks", ("weeks",)),
        "timeline.finishing.name": ("Finishing", ()),
        "timeline.finishing.detail": ("Fine-tuning the bite", ()),
        "timeline.retainers.name": ("Retainers", ()),
        "timeline.retainers.detail": ("Keep your new smile", ()),
        "timeline.month": ("{months} month", ("months",)),
        "timeline.months": ("{months} months", ("months",)),
        "investment.fee": ("Treatment fee", ()),
        "investment.discount": ("Savings", ()),
        "investment.insurance": ("Insurance estimate", ()),
        "investment.insurance_note": ("An estimate, not a guarantee", ()),
        "investment.portion": ("Your portion", ()),
        "investment.footnote": (
            "Insurance amounts are an estimate, not a guarantee. "
            "Any part your plan does not pay is yours.",
            (),
        ),
        "investment.label_pay_in_full": ("Pay in full", ()),
        "investment.label_standard": ("Monthly plan", ()),
        "investment.label_low_down": ("Low start", ()),
        "investment.label_extended": ("Lower monthly", ()),
        "investment.label_custom": ("Your plan", ()),
        "investment.choice_monthly": ("{monthly} a month", ("monthly",)),
        "investment.choice_in_full": ("{total} once", ("total",)),
        "investment.choice_down": ("{down} to start", ("down",)),
        "investment.choice_months": ("for {months} months", ("months",)),
        "investment.choice_total": ("{total} in all", ("total",)),
        "investment.choice_saves": ("You save {amount}", ("amount",)),
        "investment.choice_apr": ("{apr}% APR", ("apr",)),
        "investment.choice_finance": ("{charge} finance charge", ("charge",)),
        "investment.chosen_label": ("Your choice", ()),
        "next_steps.start_today": ("Start today", ()),
        "next_steps.schedule": ("Pick a start day that works for you", ()),
        "next_steps.think": (
            "Take some time to think. {coordinator} will check in with you.",
            ("coordinator",),
        ),
        "next_steps.no_coordinator": ("We", ()),
    }
)

_CONDITION_KEYS = ("label", "what_it_is", "if_untreated")
_SEVERITY_KEYS = ("what_it_is", "if_untreated")
_SEVERITIES = tuple(s.value for s in Severity)
_CODES = tuple(c.value for c in ConditionCode)


class ContentError(UserError):
    """A problem in a content file: ``<file>:<line>: key '<key>': <message>``."""

    def __init__(
        self, path: Path | str, message: str, *, line: int | None = None, key: str | None = None
    ) -> None:
        self.path = Path(path)
        self.message = message
        self.line = line
        self.key = key
        self.step = None
        super().__init__(self.format())

    def format(self, path_text: str | None = None) -> str:
        where = path_text if path_text is not None else str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        if self.key is not None:
            return f"{where}: key '{self.key}': {self.message}"
        return f"{where}: {self.message}"

    def __str__(self) -> str:
        return self.format()


@dataclass(frozen=True)
class ConditionText:
    code: str
    label: str
    what_it_is: str
    if_untreated: str
    by_severity: Mapping[str, Mapping[str, str]]

    def describe(self, severity: str) -> tuple[str, str]:
        """``(what_it_is, if_untreated)`` for ``severity``, falling back to the general text."""
        special = self.by_severity.get(str(severity), {})
        return (
            special.get("what_it_is", self.what_it_is),
            special.get("if_untreated", self.if_untreated),
        )


@dataclass(frozen=True)
class Content:
    conditions: Mapping[str, ConditionText]
    severity_labels: Mapping[str, str]
    wording: Mapping[str, str]

    def word(self, key: str, **values: object) -> str:
        """The wording for ``key`` with its ``{placeholders}`` filled in."""
        return self.wording[key].format(**values)

    def describe_finding(self, code: str, severity: str) -> dict[str, str]:
        condition = self.conditions.get(str(code))
        if condition is None:  # a code newer than the content file
            label = str(code).replace("_", " ").capitalize()
            what, untreated = "", ""
        else:
            label = condition.label
            what, untreated = condition.describe(str(severity))
        return {
            "label": label,
            "severity_label": self.severity_labels.get(str(severity), str(severity).capitalize()),
            "what_it_is": what,
            "if_untreated": untreated,
        }


def default_content_dir() -> Path:
    from tcdesk.paths import flows_dir

    return flows_dir() / "content"


def load_content(folder: Path | str | None = None) -> Content:
    """The content in ``folder`` (default: the shipped one); raise the first problem."""
    content, errors = check_content(folder)
    if errors:
        raise errors[0]
    assert content is not None
    return content


def check_content(folder: Path | str | None = None) -> tuple[Content | None, list[ContentError]]:
    folder = Path(folder) if folder is not None else default_content_dir()
    errors: list[ContentError] = []
    conditions, severity = _load_conditions(folder / CONDITIONS_FILE, errors)
    wording = _load_wording(folder / WORDING_FILE, errors)
    if errors:
        return None, errors
    return Content(conditions=conditions, severity_labels=severity, wording=wording), []


# -- files ------------------------------------------------------------------------------


def _read(path: Path, errors: list[ContentError]) -> tuple[dict[str, Any], str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        errors.append(ContentError(path, "no such file"))
        return None
    except (OSError, UnicodeDecodeError) as error:
        errors.append(ContentError(path, f"cannot read the file: {error}"))
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
        line = int(match.group(1)) if match else None
        if match:
            message = message[: match.start()] + f" (column {match.group(2)})"
        errors.append(ContentError(path, f"TOML syntax error: {message}", line=line))
        return None
    version = data.get("format")
    if type(version) is not int or version != CONTENT_FORMAT:
        errors.append(
            ContentError(
                path,
                f"format {version!r} is not supported (this tcdesk reads format {CONTENT_FORMAT})",
                line=_line_of(text, "format"),
                key="format",
            )
        )
        return None
    return data, text


def _load_conditions(
    path: Path, errors: list[ContentError]
) -> tuple[dict[str, ConditionText], dict[str, str]]:
    loaded = _read(path, errors)
    if loaded is None:
        return {}, {}
    data, text = loaded

    def fail(key: str, message: str) -> None:
        errors.append(ContentError(path, message, line=_line_of(text, key), key=key))

    for key in data:
        if key not in ("format", "severity", "conditions"):
            fail(key, f"unknown key {key!r}")
    severity: dict[str, str] = {}
    raw_severity = data.get("severity", {})
    if not isinstance(raw_severity, dict):
        fail("severity", "must be a table of severity -> label")
        raw_severity = {}
    for name in _SEVERITIES:
        label = raw_severity.get(name)
        if not isinstance(label, str) or not label.strip():
            fail(f"severity.{name}", "missing (a label such as 'Mild')")
        else:
            severity[name] = label
    for name in raw_severity:
        if name not in _SEVERITIES:
            fail(f"severity.{name}", f"unknown severity (one of {', '.join(_SEVERITIES)})")
    conditions: dict[str, ConditionText] = {}
    raw_conditions = data.get("conditions", {})
    if not isinstance(raw_conditions, dict):
        fail("conditions", "must be a table of condition code -> texts")
        return {}, severity
    for code in raw_conditions:
        if code not in _CODES:
            fail(f"conditions.{code}", f"unknown condition code (one of {', '.join(_CODES)})")
    for code in _CODES:
        raw = raw_conditions.get(code)
        if not isinstance(raw, dict):
            fail(f"conditions.{code}", "missing: every condition code needs its texts")
            continue
        parsed = _condition(code, raw, fail)
        if parsed is not None:
            conditions[code] = parsed
    return conditions, severity


def _condition(code: str, raw: dict[str, Any], fail) -> ConditionText | None:
    ok = True
    for key in raw:
        if key not in _CONDITION_KEYS and key not in _SEVERITIES:
            fail(f"conditions.{code}.{key}", f"unknown key {key!r}")
            ok = False
    for key in _CONDITION_KEYS:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            fail(f"conditions.{code}.{key}", "missing (plain-language text)")
            ok = False
    by_severity: dict[str, dict[str, str]] = {}
    for severity in _SEVERITIES:
        special = raw.get(severity)
        if special is None:
            continue
        if not isinstance(special, dict):
            fail(f"conditions.{code}.{severity}", "must be a table with what_it_is/if_untreated")
            ok = False
            continue
        for key, value in special.items():
            if key not in _SEVERITY_KEYS:
                fail(f"conditions.{code}.{severity}.{key}", f"unknown key {key!r}")
                ok = False
            elif not isinstance(value, str) or not value.strip():
                fail(f"conditions.{code}.{severity}.{key}", "must be text")
                ok = False
        by_severity[severity] = {k: v for k, v in special.items() if k in _SEVERITY_KEYS}
    if not ok:
        return None
    return ConditionText(code, raw["label"], raw["what_it_is"], raw["if_untreated"], by_severity)


def _load_wording(path: Path, errors: list[ContentError]) -> dict[str, str]:
    wording = {key: text for key, (text, _) in DEFAULT_WORDING.items()}
    loaded = _read(path, errors)
    if loaded is None:
        return wording
    data, text = loaded
    for key, value in flatten(data):
        if key == "format":
            continue
        line = _line_of(text, key)
        if key not in DEFAULT_WORDING:
            errors.append(ContentError(path, "unknown key", line=line, key=key))
            continue
        if not isinstance(value, str):
            errors.append(ContentError(path, "must be text", line=line, key=key))
            continue
        allowed = DEFAULT_WORDING[key][1]
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as error:
            errors.append(ContentError(path, f"bad {{placeholder}}: {error}", line=line, key=key))
            continue
        unknown = sorted(used - set(allowed))
        if unknown:
            can = ", ".join("{" + a + "}" for a in allowed) or "none"
            errors.append(
                ContentError(
                    path,
                    f"unknown placeholder {', '.join('{' + u + '}' for u in unknown)} "
                    f"(this text may use: {can})",
                    line=line,
                    key=key,
                )
            )
            continue
        wording[key] = value
    return wording


def flatten(data: Mapping[str, Any], prefix: str = ""):
    """A TOML table's leaves by dotted key ("welcome_screen.subtitle", its text)."""
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from flatten(value, dotted + ".")
        else:
            yield dotted, value


def _line_of(text: str, dotted: str) -> int | None:
    """Best effort: the line of the last part of ``dotted`` after its table header."""
    parts = dotted.split(".")
    lines = text.splitlines()
    start = 0
    if len(parts) > 1:
        header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, parts[:-1])) + r"\s*\]")
        for i, line in enumerate(lines):
            if header.match(line):
                start = i
                break
    key = re.compile(rf"^\s*{re.escape(parts[-1])}\s*=")
    for i in range(start, len(lines)):
        if key.match(lines[i]):
            return i + 1
    header_only = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, parts)) + r"\s*\]")
    for i, line in enumerate(lines):
        if header_only.match(line):
            return i + 1
    return None
