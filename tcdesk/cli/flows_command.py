"""``tcdesk flows check [PATH ...]``: validate presentation flow files.

Each valid file prints ``ok: <file> (<n> steps)``. Each problem prints one
line ``<file>:<line>: step '<id>' key '<key>': <message>`` (parts that are
not known are left out), and the exit status is 2. Besides the file format,
every step is rendered against sample patients, so a template that breaks
for, say, a patient with no options is caught here, and every file a step
names (``image``) must be in the assets folder. Checking a folder also
checks its ``content/`` files (conditions and wording).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tcdesk.cli import common

EXIT_PROBLEMS = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "flows", "Check the presentation flows.")
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="validate flow files (default: the shipped presentation_flows/ folder)",
        description="Validate flow files and report every problem with its file and line.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="flow files or folders (default: the shipped presentation_flows/)",
    )
    check.set_defaults(func=run_check)
    parser.set_defaults(func=lambda args: parser.error("choose an action: check"))


def run_check(args: argparse.Namespace) -> int:
    from tcdesk.flows import check_flow_assets, check_flow_file, flow_files
    from tcdesk.paths import assets_dir, flows_dir
    from tcdesk.render import Renderer, check_content
    from tcdesk.services.presentation import check_flow_rendering

    targets = [Path(p) for p in args.paths] or [flows_dir()]
    folders = [t for t in targets if t.is_dir()]
    content_dirs = [f / "content" for f in folders if (f / "content").is_dir()]
    problems = 0

    content = None
    for folder in content_dirs:
        loaded, errors = check_content(folder)
        for error in errors:
            print(error.format(_shown(error.path)))
        problems += len(errors)
        if not errors:
            print(f"ok: {_shown(folder)} (conditions and wording)")
            content = content or loaded
    if content is None and not content_dirs:
        content, _ = check_content()  # the shipped words, to try rendering with
    # Without usable content the format is still checked, but not rendering.
    renderer = Renderer(content, assets_dir()) if content is not None else None

    files = flow_files(targets)
    if not files:
        print(f"no flow files found in {', '.join(_shown(t) for t in targets)}")
        return EXIT_PROBLEMS
    seen_ids: dict[str, Path] = {}
    for path in files:
        flow, errors = check_flow_file(path)
        if flow is not None:
            errors = check_flow_assets(flow, assets_dir())
        if flow is not None and renderer is not None:
            errors += check_flow_rendering(flow, renderer)
        if flow is not None and flow.id in seen_ids and not errors:
            print(
                f"{_shown(path)}: key 'id': flow id {flow.id!r} is also used by "
                f"{_shown(seen_ids[flow.id])}"
            )
            problems += 1
            continue
        for error in errors:
            print(error.format(_shown(error.path)))
        problems += len(errors)
        if flow is not None and not errors:
            seen_ids[flow.id] = path
            print(f"ok: {_shown(path)} ({len(flow.steps)} steps)")
    return EXIT_PROBLEMS if problems else 0


def _shown(path: Path) -> str:
    """Relative to the current folder when inside it: shorter, clickable lines."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
