"""``tcdesk slides``: every patient-facing step of a consult as PNG files.

``tcdesk slides check`` lays out every step of the practice's flows for the
sample families and (with ``--db``) each family in the practice file, and
prints ``file: step: problem`` for whatever would not read from across the
room (see tcdesk.ui.slide_check); exit status 2 when there is any.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tcdesk.cli import common
from tcdesk.cli.slide_sizes import SIZE_RANGE, parse_size
from tcdesk.errors import UserError
from tcdesk.services.consult_list import require_consult

if TYPE_CHECKING:
    from tcdesk.render.language import Language
    from tcdesk.services.presentation_kit import PresentationKit


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "slides",
        "Render a consult's slides to PNG, as the family would see them; "
        "'slides check' checks that every slide of the flows reads from across the room.",
    )
    parser.add_argument(
        "action",
        nargs="?",
        choices=["check"],
        help="check: lay out every step of the flows for sample families and the practice's "
        "own, and print what would not read from 3 m (too small, too faint, cut, overlapping, "
        "a value not drawn, too many words)",
    )
    parser.add_argument("--consult", metavar="ID", help="the consult's id (see tcdesk consults)")
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="folder for the PNG files (created, private to you, when missing)",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        help=f"image size in pixels, {SIZE_RANGE} (default 1920x1080; "
        "for check: 1280x720, 1920x1080 and 3840x2160)",
    )
    parser.add_argument(
        "--flows",
        nargs="+",
        metavar="PATH",
        help="check: flow files or folders (default: the practice's presentation_flows/)",
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the family's language: en, es or another in presentation_flows/lang/ "
        "(default: the patient's preferred language; for check: en, or 'all')",
    )
    parser.add_argument("--json", action="store_true", help="check: the problems as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "check":
        from tcdesk.cli.slides_check import run_check

        return run_check(args)
    return run_export(args)


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tcdesk.services.consult_room import ConsultRoom, PresentationKit

    missing = [flag for flag in ("consult", "out") if not getattr(args, flag)]
    if missing:
        raise UserError(
            f"tcdesk slides needs {' and '.join('--' + m for m in missing)} "
            "(or 'tcdesk slides check' to check every flow)."
        )
    if args.flows or args.json:
        raise UserError("--flows and --json go with 'tcdesk slides check'.")
    width, height = parse_size(args.size or "1920x1080")
    desk = common.open_desk(args)
    try:
        require_consult(desk, args.consult)
        kit = PresentationKit.load()
        language = require_language(kit, args.lang).code if args.lang else None
        room = ConsultRoom(desk, args.consult, kit, resume=False, record=False, language=language)
        from tcdesk.ui.slide_export import close_gui_app, export_slides

        try:
            paths = export_slides(room.slides, Path(args.out), width, height)
        finally:
            close_gui_app()
    finally:
        desk.close()
    for path in paths:
        print(path)
    return 0


def require_language(kit: PresentationKit, code: str) -> Language:
    """The language ``--lang`` names; a code tcdesk has no files for is the user's mistake."""
    found = kit.languages.find(code) if kit.languages else None
    if found is None:
        known = ", ".join(kit.languages.codes if kit.languages else ("en",))
        raise UserError(f"There is no language {code!r} (languages: {known}).")
    return found
