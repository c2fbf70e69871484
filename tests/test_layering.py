"""Structural rules from ARCHITECTURE.md that a test can hold."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tcdesk"


def _modules_outside_ui() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[1:2] == ["ui"] or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_no_module_outside_ui_imports_pyside6() -> None:
    modules = _modules_outside_ui()
    assert "tcdesk.money" in modules and "tcdesk.store.connection" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


LAYERS_MAY_NOT_IMPORT = {
    "domain": (
        "tcdesk.store",
        "tcdesk.services",
        "tcdesk.ui",
        "tcdesk.render",
        "tcdesk.flows",
        "tcdesk.money",
        "tcdesk.documents",
        "tcdesk.cli",
    ),
    "money": (
        "tcdesk.store",
        "tcdesk.services",
        "tcdesk.ui",
        "tcdesk.render",
        "tcdesk.flows",
        "tcdesk.domain",
        "tcdesk.documents",
        "tcdesk.cli",
    ),
    "store": (
        "tcdesk.services",
        "tcdesk.ui",
        "tcdesk.render",
        "tcdesk.flows",
        "tcdesk.documents",
        "tcdesk.cli",
    ),
    "render": ("tcdesk.store", "tcdesk.services", "tcdesk.ui", "tcdesk.cli"),
    "flows": ("tcdesk.store", "tcdesk.services", "tcdesk.ui", "tcdesk.cli"),
    "documents": ("tcdesk.store", "tcdesk.services", "tcdesk.ui", "tcdesk.cli"),
    "services": ("tcdesk.ui", "tcdesk.cli"),
}


def test_dependencies_point_down_only() -> None:
    offences = []
    for layer, forbidden in LAYERS_MAY_NOT_IMPORT.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(forbidden):
                    offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_ui_never_writes_sql() -> None:
    offences = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        imports = _imports(path)
        if any(i.startswith(("sqlite3", "sqlite_utils", "tcdesk.store")) for i in imports):
            offences.append(f"{path.relative_to(PACKAGE)} imports the store")
        for keyword in ("INSERT INTO", "UPDATE ", "DELETE FROM", ".execute("):
            if keyword in text:
                offences.append(f"{path.relative_to(PACKAGE)} contains {keyword!r}")
    assert offences == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path, known: set[str]) -> set[str]:
    """Every tcdesk module ``path`` imports, at module level, in functions or for typing.

    ``from a import b`` counts as importing ``a.b`` when that is a module, else ``a``.
    """
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return {name for name in found if name in known and name != here}


def _import_cycles() -> list[list[str]]:
    """The import graph's cycles (one per strongly connected group), found with Tarjan."""
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(paths)
    graph = {name: sorted(_imported_modules(path, known)) for name, path in paths.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        for other in graph[name]:
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == name:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return cycles


# Known and owned elsewhere in issue 17; remove the entry when that circle is broken.
KNOWN_CYCLES: list[list[str]] = []


def test_no_import_cycles() -> None:
    """Modules that import each other (even inside functions) are one module in two files."""
    assert [cycle for cycle in _import_cycles() if cycle not in KNOWN_CYCLES] == []


def test_only_the_engine_opens_sqlite_connections() -> None:
    """A file opened by two SQLite libraries in one process loses its locks; one place decides.

    ``store/engine.py`` picks the library by the file's first bytes (plain or
    SQLCipher); ``store/conversion.py`` alone opens a file with SQLCipher to
    write it anew with another key.
    """
    allowed = {"store/engine.py", "store/conversion.py"}
    offences = []
    for path in PACKAGE.rglob("*.py"):
        relative = str(path.relative_to(PACKAGE))
        text = path.read_text(encoding="utf-8")
        if relative not in allowed and ("sqlite3.connect(" in text or "dbapi2.connect(" in text):
            offences.append(relative)
    assert offences == []
