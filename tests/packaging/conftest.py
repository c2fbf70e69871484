"""The build scripts in packaging/, loaded by path.

``packaging/`` is no Python package (that name is the PyPI library pip and pytest
use), so its modules are loaded from their files, as ``tcdesk.spec`` does.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str) -> ModuleType:
    qualified = f"tcdesk_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bundle_filter() -> ModuleType:
    return load("bundle_filter")


@pytest.fixture(scope="session")
def bundle_contents() -> ModuleType:
    return load("bundle_contents")
