"""``tcdesk slides check [--db PATH] [--flows PATH ...] [--size WxH] [--json]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError

EXIT_PROBLEMS = 2


def run_check(args: argparse.Namespace) -> int:
    from tcdesk.flows import load_flows
    from tcdesk.paths import assets_dir, flows_dir
    from tcdesk.render import Renderer, load_content
    from tcdesk.render.language import load_languages
    from tcdesk.services.check_families import in_language, practice_families, sample_families
    from tcdesk.services.presentation_kit import LANG_FOLDER

    if args.consult or args.out:
        raise UserError("'tcdesk slides check' checks every flow: leave out --consult and --out.")
    sizes = None
    if args.size:
        from tcdesk.cli.slide_sizes import parse_size

        sizes = (parse_size(args.size),)
    targets = [Path(p) for p in args.flows] if args.flows else [flows_dir()]
    loaded = load_flows(targets, assets=assets_dir())
    for error in loaded.errors:
        print(str(error))
    if not loaded.flows:
        raise UserError(
            f"No flow could be loaded from {', '.join(map(str, targets))}: "
            "'tcdesk flows check' says why."
        )
    content = load_content()
    families = sample_families(content)
    if getattr(args, "db", None) is not None or common.db_path(args).exists():
        desk = common.open_desk(args, read_only=True)
        try:
            families += practice_families(desk, content)
        finally:
            desk.close()
    languages = load_languages(flows_dir() / LANG_FOLDER, content, loaded.flows.values())
    if args.lang == "all":
        chosen = list(languages.by_code.values())
    elif args.lang:
        found = languages.find(args.lang)
        if found is None:
            raise UserError(
                f"There is no language {args.lang!r} (languages: {', '.join(languages.codes)}, "
                "or all)."
            )
        chosen = [found]
    else:
        chosen = [languages.english]
    from tcdesk.ui.slide_check import SIZES
    from tcdesk.ui.slide_check_run import CheckReport, check_flows
    from tcdesk.ui.slide_export import close_gui_app, ensure_gui_app

    ensure_gui_app()
    report = CheckReport([], 0, 0)
    try:
        for language in chosen:
            part = check_flows(
                {fid: language.flow(f) for fid, f in loaded.flows.items()},
                Renderer.for_language(language, assets_dir()),
                in_language(families, language),
                sizes=sizes or SIZES,
            )
            report = CheckReport(
                report.findings + part.findings, report.slides + part.slides, part.families
            )
    finally:
        close_gui_app()
    if args.json:
        print(json.dumps([_as_json(f) for f in report.findings], ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            print(finding.line())
        if not report.findings:
            print(
                f"ok: {report.slides} slides of {len(loaded.flows)} flows for "
                f"{report.families} families read from across the room"
                + (f" (in {', '.join(lang.english_name for lang in chosen)})" if args.lang else "")
            )
    return EXIT_PROBLEMS if report.findings or loaded.errors else 0


def _as_json(finding) -> dict:
    size = finding.problem.size
    return {
        "file": finding.file,
        "step": finding.step,
        "rule": finding.problem.rule,
        "problem": finding.problem.message,
        "size": f"{size[0]}x{size[1]}" if size else None,
        "families": finding.families,
    }
