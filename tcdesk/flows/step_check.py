"""Checking a flow's ``[[steps]]``: their keys, kinds and values, and ids unique in the flow."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from tcdesk.flows.checklist_check import ChecklistChecker
from tcdesk.flows.model import STEP_KINDS, Step
from tcdesk.flows.objections_check import ObjectionChecker
from tcdesk.flows.report import BAD, Reporter, Where, did_you_mean
from tcdesk.flows.template_check import TemplateChecker
from tcdesk.flows.values import ValueChecker
from tcdesk.flows.when import compile_when

# key -> kind of value; templates are checked against CONTEXT_NAMES.
STEP_KEYS: MappingProxyType[str, str] = MappingProxyType(
    {
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
)
STEP_REQUIRED = ("id", "kind", "title")
KIND_ONLY: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "show_logo": ("welcome",),
        "attribution": ("concerns",),
        "show_photos": ("problem",),
        "recommended_label": ("options",),
        "footnote": ("investment", "payment"),
        "choices": ("next_steps",),
    }
)
# Step fields whose default is not the field's empty value.
_DEFAULTS: MappingProxyType[str, Any] = MappingProxyType(
    {"minutes": None, "show_logo": True, "show_photos": True}
)
_TEXT_FIELDS = (
    *("title", "text", "subtitle", "when", "image", "image_caption", "attribution"),
    *("recommended_label", "footnote", "agenda", "dense"),
)
_TUPLE_FIELDS = ("bullets", "choices", "talking_points", "objections")


class StepChecker:
    """All the steps of one flow, checked against each other as well as one by one."""

    def __init__(self, report: Reporter, templates: TemplateChecker) -> None:
        self._report = report
        self._values = ValueChecker(report, templates)
        self._checklist = ChecklistChecker(report, self._values)
        self._objections = ObjectionChecker(report)

    def steps(self, raw_steps: list[dict[str, Any]]) -> list[Step]:
        """The steps that passed every check (the caller stops on any reported error)."""
        steps: list[Step] = []
        seen_steps: dict[str, int] = {}
        step_ids = {s.get("id") for s in raw_steps if isinstance(s.get("id"), str)}
        seen_items: dict[str, str] = {}
        for index, raw in enumerate(raw_steps):
            raw_id = raw.get("id")
            label = raw_id if isinstance(raw_id, str) and raw_id else f"#{index + 1}"
            before = len(self._report.errors)
            if isinstance(raw_id, str) and raw_id in seen_steps:
                self._report.error(
                    f"duplicate step id {raw_id!r} (also step #{seen_steps[raw_id] + 1})",
                    index=index,
                    step=label,
                    key="id",
                )
            elif isinstance(raw_id, str):
                seen_steps[raw_id] = index
            step = self._step(raw, {"index": index, "step": label}, step_ids)
            if step is None or len(self._report.errors) > before:
                continue
            self._unique_items(step, {"index": index, "step": label}, seen_items)
            steps.append(step)
        return steps

    def _unique_items(self, step: Step, where: Where, seen_items: dict[str, str]) -> None:
        """Report checklist ids already used by an earlier step; remember the new ones."""
        for item in step.checklist:
            if item.id in seen_items:
                self._report.error(
                    f"duplicate checklist id {item.id!r} (also in step "
                    f"'{seen_items[item.id]}'; checklist ids are unique in a flow)",
                    **where,
                    key="checklist",
                    value=item.id,
                    occurrence=1 if seen_items[item.id] != step.id else 2,
                )
            else:
                seen_items[item.id] = step.id

    def _step(self, raw: dict[str, Any], where: Where, step_ids: Set[Any]) -> Step | None:
        report = self._report
        report.unknown_keys(raw, STEP_KEYS, where)
        report.missing_keys(raw, STEP_REQUIRED, where)
        kind = self._kind(raw, where)
        values: dict[str, Any] = {}
        for key, value in raw.items():
            checker = STEP_KEYS.get(key)
            if checker is None or key == "kind":
                continue
            values[key] = self._value(checker, value, where, key, step_ids)
        if any(v is BAD for v in values.values()) or "id" not in raw or kind is None:
            return None
        return self._build(values, kind, where["index"])

    def _kind(self, raw: dict[str, Any], where: Where) -> str | None:
        """The step's kind, checked, and the keys that other kinds only may have."""
        kind = raw.get("kind")
        if "kind" in raw and (not isinstance(kind, str) or kind not in STEP_KINDS):
            self._report.error(
                f"unknown kind {kind!r} (one of {', '.join(STEP_KINDS)})"
                f"{did_you_mean(str(kind), STEP_KINDS)}",
                **where,
                key="kind",
            )
            kind = None
        for key, only in KIND_ONLY.items():
            if key in raw and kind is not None and kind not in only:
                kinds = " and ".join(only)
                self._report.error(
                    f"{key!r} is only for {kinds} steps, not {kind}", **where, key=key
                )
        return kind if isinstance(kind, str) else None

    def _value(self, kind: str, value: Any, where: Where, key: str, step_ids: Set[Any]) -> Any:
        if kind == "checklist":
            return self._checklist.check(value, where, key)
        if kind == "objections":
            return self._objections.check(value, where, key, step_ids)
        return self._values.check(kind, value, where, key)

    def _build(self, values: dict[str, Any], kind: str, index: int) -> Step:
        step_id = values["id"]
        fields: dict[str, Any] = {name: values.get(name, "") for name in _TEXT_FIELDS}
        fields |= {name: values.get(name, ()) for name in _TUPLE_FIELDS}
        fields |= {name: values.get(name, default) for name, default in _DEFAULTS.items()}
        items = values.get("checklist", ())
        return Step(
            id=step_id,
            kind=kind,
            checklist=tuple(replace(item, step_id=step_id) for item in items),
            condition=compile_when(values["when"]) if values.get("when") else None,
            line=self._report.lines.step_line(index),
            **fields,
        )
