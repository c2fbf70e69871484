"""Whether a step's template can render: its syntax, filters, tests and names.

The checking environment is an object (built once per load and passed in),
not a module-level one (ARCHITECTURE rule 7).
"""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from tcdesk.flows.model import CONTEXT_NAMES, TEMPLATE_FILTERS
from tcdesk.flows.report import did_you_mean


def _no_filter(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


class TemplateChecker:
    """Parses templates with the filters a slide has, without rendering them."""

    def __init__(self) -> None:
        self._env = SandboxedEnvironment()
        for name in TEMPLATE_FILTERS:
            self._env.filters[name] = _no_filter

    def problem(self, source: str) -> str | None:
        """Why ``source`` is not a usable step template, or None if it is."""
        env = self._env
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as error:
            return f"template syntax error on template line {error.lineno}: {error.message}"
        filters = sorted({n.name for n in tree.find_all(nodes.Filter) if n.name not in env.filters})
        if filters:
            return f"unknown filter {', '.join(repr(f) for f in filters)}"
        tests = sorted({n.name for n in tree.find_all(nodes.Test) if n.name not in env.tests})
        if tests:
            return f"unknown test {', '.join(repr(t) for t in tests)}"
        unknown = sorted(meta.find_undeclared_variables(tree) - CONTEXT_NAMES)
        if unknown:
            names = ", ".join(repr(n) for n in unknown)
            return f"unknown variable {names} in template{did_you_mean(unknown[0], CONTEXT_NAMES)}"
        return None


def template_problem(source: str, checker: TemplateChecker | None = None) -> str | None:
    """Why ``source`` is not a usable step template, or None if it is."""
    return (checker or TemplateChecker()).problem(source)
