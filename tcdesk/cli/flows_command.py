"""``tcdesk flows check [PATH ...]``: validate presentation flow files.

Each valid file prints ``ok: <file> (<n> steps)``. Each problem prints one
line ``<file>:<line>: step '<id>' key '<key>': <message>`` (parts that are
not known are left out), and the exit status is 2. Besides the file format,
every step is rendered against sample patients, so a template that breaks
for, say, a patient with no options is caught here, and every file a step
names (``image``) must be in the assets folder. Checking a folder also
checks its ``content/`` files (conditions and wording) and its languages
(``lang/<code>/``): each is test-rendered like English, and every text a
language leaves out prints ``missing: <file>: <what>: not translated
(English is shown)``, which is not a problem (the family still gets whole
slides) but a to-do list.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tcdesk.cli import common

if TYPE_CHECKING:
    from tcdesk.flows import Flow
    from tcdesk.render import Content

LANG_FOLDER = "lang"

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
    good: dict[str, Flow] = {}
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
            good[flow.id] = flow
            print(f"ok: {_shown(path)} ({len(flow.steps)} steps)")
    if content is not None:
        for folder in folders:
            if (folder / LANG_FOLDER).is_dir():
                problems += _check_languages(folder / LANG_FOLDER, content, good)
    return EXIT_PROBLEMS if problems else 0


def _check_languages(lang_dir: Path, content: Content, flows: dict[str, Flow]) -> int:
    """Each language folder's files and rendering; its gaps listed. The problems found."""
    from tcdesk.paths import assets_dir
    from tcdesk.render import Renderer
    from tcdesk.render.language import LanguageError, load_language
    from tcdesk.services.presentation import check_flow_rendering

    problems = 0
    for folder in sorted(p for p in lang_dir.iterdir() if (p / "language.toml").is_file()):
        try:
            language = load_language(folder, content, list(flows.values()))
        except LanguageError as error:
            print(_shown_message(str(error)))
            problems += 1
            continue
        renderer = Renderer.for_language(language, assets_dir())
        errors = [
            error
            for flow in flows.values()
            for error in check_flow_rendering(language.flow(flow), renderer, language)
        ]
        for error in errors:
            print(f"{_shown(folder)}: {error.format(_shown(error.path))}")
        problems += len(errors)
        for gap in language.gaps:
            print(f"missing: {_shown_message(gap)} (English is shown)")
        if not errors:
            done = (
                "every text translated"
                if not language.gaps
                else (f"{len(language.gaps)} texts not translated yet")
            )
            print(f"ok: {_shown(folder)} ({language.label}: {done})")
    return problems


def _shown_message(message: str) -> str:
    """A message that starts with a path, the path shortened as ``_shown`` does."""
    path, sep, rest = message.partition(": ")
    return f"{_shown(Path(path))}{sep}{rest}" if sep else message


def _shown(path: Path) -> str:
    """Relative to the current folder when inside it: shorter, clickable lines."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
