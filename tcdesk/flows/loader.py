"""Loading and validating flow files (format 1, see presentation_flows/README.md).

Every problem found in a file is reported, each as a ``FlowError`` naming the
file, the step, the key and (as best we can) the line. ``load_flows`` keeps
going past a bad file, so the app starts with the good flows and can say
which file failed.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from tcdesk.domain import Objection
from tcdesk.flows.assets import check_flow_assets
from tcdesk.flows.errors import FlowError
from tcdesk.flows.lines import LineFinder
from tcdesk.flows.model import (
    AUDIENCES,
    CONTEXT_NAMES,
    DONE_BY_EVENTS,
    FORMAT_VERSION,
    STEP_KINDS,
    TEMPLATE_FILTERS,
    ChecklistItem,
    Flow,
    ObjectionHint,
    Step,
)
from tcdesk.flows.when import WhenError, compile_when

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")

MAX_TITLE_CHARS = 120
MAX_TEXT_CHARS = 600
MAX_BULLETS = 8
MAX_MINUTES = 60

_TOP_REQUIRED = ("format", "id", "name", "audience", "steps")
_TOP_KEYS = (*_TOP_REQUIRED, "description")

# key -> kind of value; templates are checked against CONTEXT_NAMES.
_STEP_KEYS: dict[str, str] = {
    "id": "id",
    "kind": "kind",
    "title": "template",
    "text": "template",
    "subtitle": "template",
    "when": "when",
    "minutes": "minutes",
    "bullets": "template_list",
    "image": "asset",
    "image_caption": "template",
    "talking_points": "text_list",
    "checklist": "checklist",
    "objections": "objections",
    "show_logo": "bool",
    "attribution": "template",
    "show_photos": "bool",
    "recommended_label": "template",
    "footnote": "template",
    "choices": "template_list",
    "agenda": "template",
    "dense": "reason",
}
_STEP_REQUIRED = ("id", "kind", "title")
_KIND_ONLY: dict[str, tuple[str, ...]] = {
    "show_logo": ("welcome",),
    "attribution": ("concerns",),
    "show_photos": ("problem",),
    "recommended_label": ("options",),
    "footnote": ("investment", "payment"),
    "choices": ("next_steps",),
}
_CHECKLIST_KEYS = ("id", "label", "when", "done_by")
_OBJECTION_KEYS = ("responses", "answer_step")
_OBJECTION_CODES = tuple(o.value for o in Objection)


@dataclass
class FlowLoadResult:
    """The flows that loaded (by id) and the problems with the files that did not."""

    flows: dict[str, Flow] = field(default_factory=dict)
    errors: list[FlowError] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # flow id -> file

    @property
    def ok(self) -> bool:
        return not self.errors


def load_flow(path: Path | str) -> Flow:
    """The flow in ``path``; raise the first ``FlowError`` if the file has problems."""
    flow, errors = check_flow_file(path)
    if errors:
        raise errors[0]
    assert flow is not None
    return flow


def load_flows(
    paths_or_dir: Path | str | Iterable[Path | str], *, assets: Path | str | None = None
) -> FlowLoadResult:
    """Load every ``*.toml`` in a folder, or the given files; never raise for a bad file.

    With ``assets`` (the assets folder), a flow naming a file that is not in it
    (a step's ``image``) is left out too, with one error per missing file.
    """
    result = FlowLoadResult()
    for path in flow_files(paths_or_dir):
        flow, errors = check_flow_file(path)
        if flow is not None and assets is not None:
            errors = check_flow_assets(flow, assets)
        if errors:
            result.errors.extend(errors)
            continue
        assert flow is not None
        if flow.id in result.flows:
            finder = LineFinder(path.read_text(encoding="utf-8"))
            result.errors.append(
                FlowError(
                    path,
                    f"flow id {flow.id!r} is already used by {result.files[flow.id]}",
                    line=finder.find(None, "id"),
                    key="id",
                )
            )
            continue
        result.flows[flow.id] = flow
        result.files[flow.id] = path
    return result


def flow_files(paths_or_dir: Path | str | Iterable[Path | str]) -> list[Path]:
    """The flow files to load: a folder's ``*.toml`` (sorted, not recursive) or the paths."""
    if isinstance(paths_or_dir, str | Path):
        items: list[Path] = [Path(paths_or_dir)]
    else:
        items = [Path(p) for p in paths_or_dir]
    files: list[Path] = []
    for item in items:
        if item.is_dir():
            files.extend(sorted(p for p in item.glob("*.toml") if p.is_file()))
        else:
            files.append(item)
    return files


def check_flow_file(path: Path | str) -> tuple[Flow | None, list[FlowError]]:
    """Parse and validate one file: the flow (if valid) and every problem found."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, [FlowError(path, "no such file")]
    except IsADirectoryError:
        return None, [FlowError(path, "is a folder, not a flow file")]
    except OSError as error:
        return None, [FlowError(path, f"cannot read the file: {error.strerror or error}")]
    except UnicodeDecodeError as error:
        return None, [FlowError(path, f"not UTF-8 text (byte {error.start})")]
    return check_flow_text(text, path)


def check_flow_text(text: str, path: Path | str = "<flow>") -> tuple[Flow | None, list[FlowError]]:
    path = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_syntax_error(path, error, text)]
    checker = _Checker(path, text)
    flow = checker.flow(data)
    if checker.errors:
        return None, checker.errors
    return flow, []


def _syntax_error(path: Path, error: tomllib.TOMLDecodeError, text: str) -> FlowError:
    message = str(error)
    line = None
    match = _TOML_POSITION.search(message)
    if match:
        line = int(match.group(1))
        message = message[: match.start()] + f" (column {match.group(2)})"
    else:
        match = _TOML_END.search(message)
        if match:
            message = message[: match.start()] + " (at the end of the file)"
            line = max(1, len(text.splitlines()))
    return FlowError(path, f"TOML syntax error: {message}", line=line)


# -- templates -------------------------------------------------------------------------


def _template_environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment()
    for name in TEMPLATE_FILTERS:
        env.filters[name] = _no_filter
    return env


def _no_filter(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


_ENV = _template_environment()


def template_problem(source: str) -> str | None:
    """Why ``source`` is not a usable step template, or None if it is."""
    try:
        tree = _ENV.parse(source)
    except TemplateSyntaxError as error:
        return f"template syntax error on template line {error.lineno}: {error.message}"
    unknown_filters = sorted(
        {n.name for n in tree.find_all(nodes.Filter) if n.name not in _ENV.filters}
    )
    if unknown_filters:
        return f"unknown filter {', '.join(repr(f) for f in unknown_filters)}"
    unknown_tests = sorted({n.name for n in tree.find_all(nodes.Test) if n.name not in _ENV.tests})
    if unknown_tests:
        return f"unknown test {', '.join(repr(t) for t in unknown_tests)}"
    unknown = sorted(meta.find_undeclared_variables(tree) - CONTEXT_NAMES)
    if unknown:
        names = ", ".join(repr(n) for n in unknown)
        hint = _did_you_mean(unknown[0], CONTEXT_NAMES)
        return f"unknown variable {names} in template{hint}"
    return None


# -- the checker ---------------------------------------------------------------------


class _Checker:
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

    # top level

    def flow(self, data: dict[str, Any]) -> Flow | None:
        for key in data:
            if key not in _TOP_KEYS:
                self.error(f"unknown key {key!r}{_did_you_mean(key, _TOP_KEYS)}", key=key)
        for key in _TOP_REQUIRED:
            if key not in data:
                self.error("missing (required)", key=key)
        version = data.get("format")
        if "format" in data and (type(version) is not int or version != FORMAT_VERSION):
            self.error(
                f"format {version!r} is not supported (this tcdesk reads format {FORMAT_VERSION})",
                key="format",
            )
            return None  # a different format: the rest would only add noise
        flow_id = self._string(data, "id", None, None)
        if flow_id is not None and not _ID.match(flow_id):
            self.error(
                f"{flow_id!r} is not a valid id (lower-case letters, digits, '_' or '-')",
                key="id",
            )
        name = self._string(data, "name", None, None)
        description = self._string(data, "description", None, None) or ""
        audience = self._string(data, "audience", None, None)
        if audience is not None and audience not in AUDIENCES:
            self.error(
                f"unknown audience {audience!r} (one of {', '.join(AUDIENCES)})"
                f"{_did_you_mean(audience, AUDIENCES)}",
                key="audience",
            )
        raw_steps = data.get("steps")
        steps: list[Step] = []
        if "steps" in data:
            if not isinstance(raw_steps, list) or not all(isinstance(s, dict) for s in raw_steps):
                self.error("must be a list of [[steps]] tables", key="steps")
            elif not raw_steps:
                self.error("a flow needs at least one step", key="steps")
            else:
                steps = self._steps(raw_steps)
        if self.errors:
            return None
        return Flow(
            id=flow_id or "",
            name=name or "",
            description=description,
            audience=audience or "",
            steps=tuple(steps),
            format=FORMAT_VERSION,
            path=self.path,
        )

    # steps

    def _steps(self, raw_steps: list[dict[str, Any]]) -> list[Step]:
        steps: list[Step] = []
        seen_steps: dict[str, int] = {}
        step_ids = {s.get("id") for s in raw_steps if isinstance(s.get("id"), str)}
        seen_items: dict[str, str] = {}
        item_occurrences: dict[str, int] = {}
        for index, raw in enumerate(raw_steps):
            raw_id = raw.get("id")
            label = raw_id if isinstance(raw_id, str) and raw_id else f"#{index + 1}"
            before = len(self.errors)
            if isinstance(raw_id, str) and raw_id in seen_steps:
                self.error(
                    f"duplicate step id {raw_id!r} (also step #{seen_steps[raw_id] + 1})",
                    index=index,
                    step=label,
                    key="id",
                )
            elif isinstance(raw_id, str):
                seen_steps[raw_id] = index
            step = self._step(raw, index, label, step_ids)
            if step is None or len(self.errors) > before:
                continue
            for item in step.checklist:
                item_occurrences[item.id] = item_occurrences.get(item.id, 0) + 1
                if item.id in seen_items:
                    self.error(
                        f"duplicate checklist id {item.id!r} (also in step "
                        f"'{seen_items[item.id]}'; checklist ids are unique in a flow)",
                        index=index,
                        step=label,
                        key="checklist",
                        value=item.id,
                        occurrence=1 if seen_items[item.id] != step.id else 2,
                    )
                else:
                    seen_items[item.id] = step.id
            steps.append(step)
        return steps

    def _step(self, raw: dict[str, Any], index: int, label: str, step_ids: set[Any]) -> Step | None:
        where = {"index": index, "step": label}
        for key in raw:
            if key not in _STEP_KEYS:
                self.error(f"unknown key {key!r}{_did_you_mean(key, _STEP_KEYS)}", **where, key=key)
        for key in _STEP_REQUIRED:
            if key not in raw:
                self.error("missing (required)", **where, key=key)
        kind = raw.get("kind")
        if "kind" in raw and (not isinstance(kind, str) or kind not in STEP_KINDS):
            self.error(
                f"unknown kind {kind!r} (one of {', '.join(STEP_KINDS)})"
                f"{_did_you_mean(str(kind), STEP_KINDS)}",
                **where,
                key="kind",
            )
            kind = None
        for key, only in _KIND_ONLY.items():
            if key in raw and kind is not None and kind not in only:
                kinds = " and ".join(only)
                self.error(f"{key!r} is only for {kinds} steps, not {kind}", **where, key=key)
        values: dict[str, Any] = {}
        for key, value in raw.items():
            checker = _STEP_KEYS.get(key)
            if checker is None or key == "kind":
                continue
            values[key] = getattr(self, f"_value_{checker}")(value, where, key, step_ids)
        if any(v is _BAD for v in values.values()) or "id" not in raw or kind is None:
            return None
        step_id = values["id"]
        condition = None
        if values.get("when"):
            condition = compile_when(values["when"])
        return Step(
            id=step_id,
            kind=kind,
            title=values.get("title", ""),
            text=values.get("text", ""),
            subtitle=values.get("subtitle", ""),
            when=values.get("when", ""),
            minutes=values.get("minutes"),
            bullets=values.get("bullets", ()),
            image=values.get("image", ""),
            image_caption=values.get("image_caption", ""),
            show_logo=values.get("show_logo", True),
            attribution=values.get("attribution", ""),
            show_photos=values.get("show_photos", True),
            recommended_label=values.get("recommended_label", ""),
            footnote=values.get("footnote", ""),
            choices=values.get("choices", ()),
            agenda=values.get("agenda", ""),
            dense=values.get("dense", ""),
            talking_points=values.get("talking_points", ()),
            checklist=tuple(replace(item, step_id=step_id) for item in values.get("checklist", ())),
            objections=values.get("objections", ()),
            condition=condition,
            line=self.lines.step_line(index),
        )

    # value checkers: return the value, or _BAD after reporting

    def _value_id(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, str):
            self.error(f"must be text, not {_type_name(value)}", **where, key=key)
            return _BAD
        if not _ID.match(value):
            self.error(
                f"{value!r} is not a valid id (lower-case letters, digits, '_' or '-')",
                **where,
                key=key,
            )
            return _BAD
        return value

    def _value_template(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, str):
            self.error(f"must be text, not {_type_name(value)}", **where, key=key)
            return _BAD
        limit = MAX_TITLE_CHARS if key == "title" else MAX_TEXT_CHARS
        if key == "title" and not value.strip():
            self.error("must not be empty", **where, key=key)
            return _BAD
        if len(value) > limit:
            self.error(
                f"too long for a screen read from across the room ({len(value)} characters; "
                f"keep it under {limit})",
                **where,
                key=key,
            )
            return _BAD
        problem = template_problem(value)
        if problem:
            self.error(problem, **where, key=key)
            return _BAD
        return value

    def _value_template_list(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, list):
            self.error(f"must be a list of text, not {_type_name(value)}", **where, key=key)
            return _BAD
        if len(value) > MAX_BULLETS:
            self.error(
                f"too many items for one screen ({len(value)}; at most {MAX_BULLETS})",
                **where,
                key=key,
            )
            return _BAD
        items = [
            self._value_template(item, where, f"{key}[{i}]", step_ids)
            for i, item in enumerate(value)
        ]
        return _BAD if _BAD in items else tuple(items)

    def _value_text_list(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error("must be a list of text", **where, key=key)
            return _BAD
        return tuple(value)

    def _value_reason(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, str) or len(value.split()) < 3:
            self.error("must say why, in a few words of text", **where, key=key)
            return _BAD
        return value.strip()

    def _value_bool(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, bool):
            self.error(f"must be true or false, not {_type_name(value)}", **where, key=key)
            return _BAD
        return value

    def _value_minutes(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if type(value) is not int or not 0 < value <= MAX_MINUTES:
            self.error(
                f"must be a whole number of minutes from 1 to {MAX_MINUTES}", **where, key=key
            )
            return _BAD
        return value

    def _value_asset(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, str):
            self.error(f"must be text, not {_type_name(value)}", **where, key=key)
            return _BAD
        pure = PurePosixPath(value.replace("\\", "/"))
        if not value or pure.is_absolute() or ".." in pure.parts or ":" in value:
            self.error(
                f"{value!r} must be a path inside assets/, e.g. 'illustrations/care/braces.svg'",
                **where,
                key=key,
            )
            return _BAD
        return pure.as_posix()

    def _value_when(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, str):
            self.error(f"must be text, not {_type_name(value)}", **where, key=key)
            return _BAD
        try:
            compile_when(value)
        except WhenError as error:
            self.error(f"bad condition {value!r}: {error}", **where, key=key)
            return _BAD
        return value

    def _value_checklist(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, list):
            self.error("must be a list of { id = ..., label = ... } items", **where, key=key)
            return _BAD
        items: list[ChecklistItem] = []
        seen: set[str] = set()
        bad = False
        for i, raw in enumerate(value):
            item_key = f"{key}[{i}]"
            if not isinstance(raw, dict):
                self.error("must be a table { id = ..., label = ... }", **where, key=item_key)
                bad = True
                continue
            for k in raw:
                if k not in _CHECKLIST_KEYS:
                    self.error(
                        f"unknown key {k!r}{_did_you_mean(k, _CHECKLIST_KEYS)}",
                        **where,
                        key=f"{item_key}.{k}",
                    )
                    bad = True
            item_id, item_label = raw.get("id"), raw.get("label")
            if not isinstance(item_id, str) or not _ID.match(item_id):
                self.error(
                    "needs an id of lower-case letters, digits, '_' or '-'",
                    **where,
                    key=f"{item_key}.id",
                )
                bad = True
                continue
            if not isinstance(item_label, str) or not item_label.strip():
                self.error("needs a label (text)", **where, key=f"{item_key}.label", value=item_id)
                bad = True
                continue
            if item_id in seen:
                self.error(
                    f"duplicate checklist id {item_id!r} (checklist ids are unique in a flow)",
                    **where,
                    key=f"{item_key}.id",
                    value=item_id,
                    occurrence=2,
                )
                bad = True
                continue
            extras = self._item_extras(raw, where, item_key, step_ids)
            if extras is _BAD:
                bad = True
                continue
            item_when, done_by = extras
            seen.add(item_id)
            items.append(
                ChecklistItem(
                    item_id,
                    item_label,
                    when=item_when,
                    done_by=done_by,
                    condition=compile_when(item_when) if item_when else None,
                )
            )
        return _BAD if bad else tuple(items)

    def _item_extras(self, raw: dict, where: dict, item_key: str, step_ids: set[Any]) -> Any:
        """A checklist item's optional ``when`` and ``done_by``, checked; or ``_BAD``."""
        item_when = raw.get("when", "")
        if "when" in raw:
            item_when = self._value_when(item_when, where, f"{item_key}.when", step_ids)
            if item_when is _BAD:
                return _BAD
        done_by = self._done_by(raw.get("done_by", ()), where, f"{item_key}.done_by")
        return _BAD if done_by is _BAD else (item_when, done_by)

    def _done_by(self, value: Any, where: dict, key: str) -> Any:
        """``done_by = "plan_saved"`` or a list of such events (see ``DONE_BY_EVENTS``)."""
        events = [value] if isinstance(value, str) else value
        known = tuple(DONE_BY_EVENTS)
        if not isinstance(events, list | tuple) or not all(isinstance(e, str) for e in events):
            self.error(
                f"must be an event name or a list of them, one of: {', '.join(known)}",
                **where,
                key=key,
            )
            return _BAD
        for event in events:
            if event not in DONE_BY_EVENTS:
                self.error(
                    f"unknown event {event!r}{_did_you_mean(event, known)}; "
                    f"done_by is one of: {', '.join(known)}",
                    **where,
                    key=key,
                )
                return _BAD
        return tuple(dict.fromkeys(events))

    def _value_objections(self, value: Any, where: dict, key: str, step_ids: set[Any]) -> Any:
        if not isinstance(value, dict):
            self.error("must be a table of objection code -> responses", **where, key=key)
            return _BAD
        hints: list[ObjectionHint] = []
        bad = False
        for code, raw in value.items():
            hint_key = f"{key}.{code}"
            if code not in _OBJECTION_CODES:
                self.error(
                    f"unknown objection {code!r} (one of {', '.join(_OBJECTION_CODES)})"
                    f"{_did_you_mean(code, _OBJECTION_CODES)}",
                    **where,
                    key=hint_key,
                )
                bad = True
                continue
            responses: Any
            answer_step: Any = ""
            if isinstance(raw, list):
                responses = raw
            elif isinstance(raw, dict):
                for k in raw:
                    if k not in _OBJECTION_KEYS:
                        self.error(
                            f"unknown key {k!r}{_did_you_mean(k, _OBJECTION_KEYS)}",
                            **where,
                            key=f"{hint_key}.{k}",
                        )
                        bad = True
                responses = raw.get("responses", [])
                answer_step = raw.get("answer_step", "")
            else:
                self.error(
                    "must be a list of responses, or a table with 'responses' and 'answer_step'",
                    **where,
                    key=hint_key,
                )
                bad = True
                continue
            if (
                not isinstance(responses, list)
                or not responses
                or not all(isinstance(r, str) and r.strip() for r in responses)
            ):
                self.error(
                    "needs a list of suggested responses (text)",
                    **where,
                    key=f"{hint_key}.responses" if isinstance(raw, dict) else hint_key,
                )
                bad = True
                continue
            if not isinstance(answer_step, str):
                self.error("must be a step id (text)", **where, key=f"{hint_key}.answer_step")
                bad = True
                continue
            if answer_step and answer_step not in step_ids:
                known = sorted(s for s in step_ids if isinstance(s, str))
                self.error(
                    f"no step with id {answer_step!r}{_did_you_mean(answer_step, known)}",
                    **where,
                    key=f"{hint_key}.answer_step",
                )
                bad = True
                continue
            hints.append(ObjectionHint(Objection(code), tuple(responses), answer_step))
        return _BAD if bad else tuple(hints)

    # top-level helper

    def _string(self, data: dict, key: str, index: int | None, step: str | None) -> str | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, str) or (key != "description" and not value.strip()):
            self.error(f"must be non-empty text, not {value!r}", index=index, step=step, key=key)
            return None
        return value


class _Bad:
    def __repr__(self) -> str:
        return "<bad value>"


_BAD: Any = _Bad()


def _type_name(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {matches[0]!r}?)" if matches else ""
