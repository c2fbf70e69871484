"""Loading and validating flow files (format 1, see presentation_flows/README.md).

Every problem found in a file is reported, each as a ``FlowError`` naming the
file, the step, the key and (as best we can) the line. ``load_flows`` keeps
going past a bad file, so the app starts with the good flows and can say
which file failed. The checks themselves live in ``flow_check`` (top level),
``step_check``, ``values``, ``checklist_check`` and ``objections_check``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tcdesk.flows.assets import check_flow_assets
from tcdesk.flows.errors import FlowError
from tcdesk.flows.flow_check import check_flow_data
from tcdesk.flows.lines import LineFinder
from tcdesk.flows.model import Flow
from tcdesk.flows.template_check import TemplateChecker

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


@dataclass
class FlowLoadResult:
    """The flows that loaded (by id) and the problems with the files that did not."""

    flows: dict[str, Flow] = field(default_factory=dict)
    errors: list[FlowError] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # flow id -> file

    @property
    def ok(self) -> bool:
        return not self.errors


def load_flow(path: Path | str, *, templates: TemplateChecker | None = None) -> Flow:
    """The flow in ``path``; raise the first ``FlowError`` if the file has problems."""
    flow, errors = check_flow_file(path, templates=templates)
    if errors:
        raise errors[0]
    assert flow is not None
    return flow


def load_flows(
    paths_or_dir: Path | str | Iterable[Path | str],
    *,
    assets: Path | str | None = None,
    templates: TemplateChecker | None = None,
) -> FlowLoadResult:
    """Load every ``*.toml`` in a folder, or the given files; never raise for a bad file.

    With ``assets`` (the assets folder), a flow naming a file that is not in it
    (a step's ``image``) is left out too, with one error per missing file.
    """
    templates = templates or TemplateChecker()
    result = FlowLoadResult()
    for path in flow_files(paths_or_dir):
        flow, errors = check_flow_file(path, templates=templates)
        if flow is not None and assets is not None:
            errors = check_flow_assets(flow, assets)
        if errors:
            result.errors.extend(errors)
            continue
        assert flow is not None
        if flow.id in result.flows:
            result.errors.append(_duplicate_flow(path, flow.id, result.files[flow.id]))
            continue
        result.flows[flow.id] = flow
        result.files[flow.id] = path
    return result


def _duplicate_flow(path: Path, flow_id: str, first: Path) -> FlowError:
    finder = LineFinder(path.read_text(encoding="utf-8"))
    return FlowError(
        path,
        f"flow id {flow_id!r} is already used by {first}",
        line=finder.find(None, "id"),
        key="id",
    )


def flow_files(paths_or_dir: Path | str | Iterable[Path | str]) -> list[Path]:
    """The flow files to load: a folder's ``*.toml`` (sorted, not recursive) or the paths."""
    if isinstance(paths_or_dir, str | Path):
        items: list[Path] = [Path(paths_or_dir)]
    else:
        items = [Path(p) for p in paths_or_dir]
    files: list[Path] = []
    for item in items:
        if item.is_dir():
            files.extend(sorted(p for p in item.glob("*.toml") if p.is_file()))
        else:
            files.append(item)
    return files


def check_flow_file(
    path: Path | str, *, templates: TemplateChecker | None = None
) -> tuple[Flow | None, list[FlowError]]:
    """Parse and validate one file: the flow (if valid) and every problem found."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, [FlowError(path, "no such file")]
    except IsADirectoryError:
        return None, [FlowError(path, "is a folder, not a flow file")]
    except OSError as error:
        return None, [FlowError(path, f"cannot read the file: {error.strerror or error}")]
    except UnicodeDecodeError as error:
        return None, [FlowError(path, f"not UTF-8 text (byte {error.start})")]
    return check_flow_text(text, path, templates=templates)


def check_flow_text(
    text: str, path: Path | str = "<flow>", *, templates: TemplateChecker | None = None
) -> tuple[Flow | None, list[FlowError]]:
    """Parse and validate flow text; ``path`` only names it in the errors."""
    path = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_syntax_error(path, error, text)]
    return check_flow_data(data, path, text, templates or TemplateChecker())


def _syntax_error(path: Path, error: tomllib.TOMLDecodeError, text: str) -> FlowError:
    """tomllib's message with its position turned into the error's line."""
    message = str(error)
    line = None
    match = _TOML_POSITION.search(message)
    if match:
        line = int(match.group(1))
        message = message[: match.start()] + f" (column {match.group(2)})"
    else:
        match = _TOML_END.search(message)
        if match:
            message = message[: match.start()] + " (at the end of the file)"
            line = max(1, len(text.splitlines()))
    return FlowError(path, f"TOML syntax error: {message}", line=line)
