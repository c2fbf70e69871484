"""Presentation flows: the file format, its loader and validator, and the consult session.

Qt-free and store-free: flows import only the domain (plus stdlib, tomllib
and jinja2 for checking templates).
"""

from tcdesk.flows.assets import asset_problem, check_flow_assets
from tcdesk.flows.errors import FlowError
from tcdesk.flows.loader import (
    FlowLoadResult,
    check_flow_file,
    check_flow_text,
    flow_files,
    load_flow,
    load_flows,
)
from tcdesk.flows.model import (
    AUDIENCES,
    CONTEXT_NAMES,
    FORMAT_VERSION,
    STEP_KINDS,
    TEMPLATE_FILTERS,
    ChecklistItem,
    Flow,
    ObjectionHint,
    Step,
)
from tcdesk.flows.session import ConsultSession
from tcdesk.flows.template_check import TemplateChecker, template_problem
from tcdesk.flows.when import (
    WHEN_NAMES,
    Condition,
    WhenError,
    compile_when,
    facts_from_context,
)

__all__ = [
    "AUDIENCES",
    "CONTEXT_NAMES",
    "FORMAT_VERSION",
    "STEP_KINDS",
    "TEMPLATE_FILTERS",
    "WHEN_NAMES",
    "ChecklistItem",
    "Condition",
    "ConsultSession",
    "Flow",
    "FlowError",
    "FlowLoadResult",
    "ObjectionHint",
    "Step",
    "TemplateChecker",
    "WhenError",
    "asset_problem",
    "check_flow_assets",
    "check_flow_file",
    "check_flow_text",
    "compile_when",
    "facts_from_context",
    "flow_files",
    "load_flow",
    "load_flows",
    "template_problem",
]
