"""Checking a parsed flow file's top level (format, id, name, audience) and building the Flow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tcdesk.domain import TreatmentType
from tcdesk.flows.errors import FlowError
from tcdesk.flows.model import AUDIENCES, FORMAT_VERSION, Flow, Step
from tcdesk.flows.report import TOP, Reporter, did_you_mean
from tcdesk.flows.step_check import StepChecker
from tcdesk.flows.template_check import TemplateChecker

TOP_REQUIRED = ("format", "id", "name", "audience", "steps")
TOP_KEYS = (*TOP_REQUIRED, "description", "treatments")
TREATMENTS = tuple(t.value for t in TreatmentType)


def check_flow_data(
    data: dict[str, Any], path: Path, text: str, templates: TemplateChecker
) -> tuple[Flow | None, list[FlowError]]:
    """The flow in ``data`` (parsed from ``text``) if valid, and every problem found."""
    report = Reporter(path, text)
    flow = _FlowChecker(report, templates).flow(data)
    if report.errors:
        return None, report.errors
    return flow, []


class _FlowChecker:
    def __init__(self, report: Reporter, templates: TemplateChecker) -> None:
        self._report = report
        self._steps = StepChecker(report, templates)

    def flow(self, data: dict[str, Any]) -> Flow | None:
        report = self._report
        report.unknown_keys(data, TOP_KEYS, TOP)
        report.missing_keys(data, TOP_REQUIRED, TOP)
        version = data.get("format")
        if "format" in data and (type(version) is not int or version != FORMAT_VERSION):
            report.error(
                f"format {version!r} is not supported (this tcdesk reads format {FORMAT_VERSION})",
                key="format",
            )
            return None  # a different format: the rest would only add noise
        flow_id = self._string(data, "id")
        if flow_id is not None:
            report.check_id(flow_id, TOP, "id")
        name = self._string(data, "name")
        description = self._string(data, "description") or ""
        audience = self._string(data, "audience")
        if audience is not None and audience not in AUDIENCES:
            report.error(
                f"unknown audience {audience!r} (one of {', '.join(AUDIENCES)})"
                f"{did_you_mean(audience, AUDIENCES)}",
                key="audience",
            )
        treatments = self._treatments(data)
        steps = self._all_steps(data)
        if report.errors:
            return None
        return Flow(
            id=flow_id or "",
            name=name or "",
            description=description,
            audience=audience or "",
            steps=tuple(steps),
            format=FORMAT_VERSION,
            path=report.path,
            treatments=treatments,
        )

    def _treatments(self, data: dict[str, Any]) -> tuple[str, ...]:
        """``treatments = ["clear_aligners"]``: known treatment types, each once."""
        if "treatments" not in data:
            return ()
        value = data["treatments"]
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            self._report.error(
                f'must be a list of treatment types, e.g. ["clear_aligners"], not {value!r}',
                key="treatments",
            )
            return ()
        for name in value:
            if name not in TREATMENTS:
                self._report.error(
                    f"unknown treatment {name!r} (one of {', '.join(TREATMENTS)})"
                    f"{did_you_mean(name, TREATMENTS)}",
                    key="treatments",
                )
        return tuple(dict.fromkeys(value))

    def _all_steps(self, data: dict[str, Any]) -> list[Step]:
        if "steps" not in data:
            return []
        raw_steps = data["steps"]
        if not isinstance(raw_steps, list) or not all(isinstance(s, dict) for s in raw_steps):
            self._report.error("must be a list of [[steps]] tables", key="steps")
            return []
        if not raw_steps:
            self._report.error("a flow needs at least one step", key="steps")
            return []
        return self._steps.steps(raw_steps)

    def _string(self, data: dict, key: str) -> str | None:
        """A top-level text value, reported unless non-empty (``description`` may be empty)."""
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, str) or (key != "description" and not value.strip()):
            self._report.error(f"must be non-empty text, not {value!r}", key=key)
            return None
        return value
