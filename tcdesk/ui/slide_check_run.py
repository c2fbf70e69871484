"""The slide check over whole flows: every step, for every family, at every size.

One problem is reported once per flow file, step and wording, with the first
family it was seen for and how many others share it, so a practice that
edits a flow gets a short list it can act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tcdesk.flows import Flow, facts_from_context
from tcdesk.render import Renderer
from tcdesk.services.check_families import Family
from tcdesk.services.presentation import applicable_flow
from tcdesk.ui.slide_check import SIZES, Problem, check_slide
from tcdesk.ui.slide_painter import SlidePainter


@dataclass
class Finding:
    """One problem on one step of one flow file, and for whom it was seen."""

    file: str
    step: str
    problem: Problem
    families: list[str] = field(default_factory=list)

    def line(self) -> str:
        who = self.families[0]
        if len(self.families) > 1:
            who += f" and {len(self.families) - 1} more"
        return f"{self.file}: {self.step}: {self.problem} (for {who})"


@dataclass
class CheckReport:
    findings: list[Finding]
    slides: int
    families: int


def check_flows(
    flows: Mapping[str, Flow],
    renderer: Renderer,
    families: Iterable[Family],
    *,
    sizes: Sequence[tuple[int, int]] = SIZES,
    painter: SlidePainter | None = None,
) -> CheckReport:
    painter = painter or SlidePainter()
    found: dict[tuple[str, str, str, str], Finding] = {}
    slides = count = 0
    for family in families:
        count += 1
        for flow in _flows_for(flows, family):
            steps = flow.applicable_steps(facts_from_context(family.context))
            deck = renderer.render_deck(steps, family.context)
            for step, slide in zip(steps, deck, strict=True):
                slides += 1
                for problem in check_slide(
                    slide, painter=painter, dense_reason=step.dense, sizes=sizes
                ):
                    key = (_file(flow), step.id, problem.rule, str(problem))
                    finding = found.setdefault(key, Finding(key[0], step.id, problem))
                    if family.label not in finding.families:
                        finding.families.append(family.label)
    return CheckReport(list(found.values()), slides, count)


def _flows_for(flows: Mapping[str, Flow], family: Family) -> list[Flow]:
    if not family.flow_id:
        return [flows[k] for k in sorted(flows)]
    flow = applicable_flow(flows, family.context, family.flow_id)
    return [flow] if flow is not None else []


def _file(flow: Flow) -> str:
    if flow.path is None:
        return flow.id
    path = Path(flow.path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
