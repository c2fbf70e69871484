"""The money layer stays stdlib-only, so the CLI, tests and future services need nothing else."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import tcdesk.money

MONEY = Path(tcdesk.money.__file__).parent
ALLOWED_PROJECT_MODULES = ("tcdesk.money", "tcdesk.errors")


def _imported(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_money_imports_only_the_stdlib_and_tcdesk_errors() -> None:
    offences = []
    for path in sorted(MONEY.rglob("*.py")):
        for name in _imported(path):
            top = name.split(".")[0]
            if name.startswith(ALLOWED_PROJECT_MODULES) or top in sys.stdlib_module_names:
                continue
            offences.append(f"{path.name} imports {name}")
    assert offences == []
    assert len(list(MONEY.glob("*.py"))) >= 10  # the walk really saw the package
