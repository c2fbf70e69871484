"""What every consult presented in one run shares: the flows, the content, the renderer."""

from __future__ import annotations

from dataclasses import dataclass

from tcdesk.flows import Flow, FlowError
from tcdesk.render import Content, Renderer


@dataclass(frozen=True)
class PresentationKit:
    """Loaded once at start-up and shared by every consult presented in this run."""

    flows: dict[str, Flow]
    flow_errors: tuple[FlowError, ...]
    content: Content
    renderer: Renderer

    @classmethod
    def load(cls) -> PresentationKit:
        from tcdesk.flows import load_flows
        from tcdesk.paths import assets_dir, flows_dir
        from tcdesk.render import load_content
        from tcdesk.services.presentation import check_flow_rendering

        # A flow naming a missing picture is left out like a broken one, and reported.
        result = load_flows(flows_dir(), assets=assets_dir())
        content = load_content()
        renderer = Renderer(content, assets_dir())
        flows = {}
        errors = list(result.errors)
        for flow_id, flow in result.flows.items():
            problems = check_flow_rendering(flow, renderer)
            if problems:
                errors.extend(problems)
            else:
                flows[flow_id] = flow
        return cls(flows=flows, flow_errors=tuple(errors), content=content, renderer=renderer)
