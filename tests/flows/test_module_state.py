"""No module-level mutable state in flows, render and the presentation service (rule 7).

Objects that hold state (a jinja2 environment, a cache) are built at start-up
and passed in; what a module keeps at its top level is read-only.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import jinja2
import pytest

import tcdesk.flows
import tcdesk.render
import tcdesk.services.presentation

_MUTABLE = (dict, list, set, bytearray, jinja2.Environment)


def _modules(package: ModuleType) -> list[str]:
    names = [package.__name__]
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
        names.append(info.name)
    return names


@pytest.mark.parametrize(
    "module_name",
    [
        name
        for package in (tcdesk.flows, tcdesk.render, tcdesk.services.presentation)
        for name in _modules(package)
    ],
)
def test_a_module_keeps_nothing_mutable_at_its_top_level(module_name: str) -> None:
    module = importlib.import_module(module_name)
    mutable = sorted(
        name
        for name, value in vars(module).items()
        if not name.startswith("__") and isinstance(value, _MUTABLE)
    )
    assert mutable == []
