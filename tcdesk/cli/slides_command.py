"""``tcdesk slides``: every patient-facing step of a consult as PNG files."""

from __future__ import annotations

import argparse
import re

from tcdesk.cli import common
from tcdesk.errors import UserError

SIZE = re.compile(r"^(\d{3,5})x(\d{3,5})$")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "slides", "Render a consult's slides to PNG, as the family would see them."
    )
    parser.add_argument("--consult", required=True, metavar="ID")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.add_argument("--size", default="1920x1080", metavar="WxH")
    parser.set_defaults(func=run)


def parse_size(text: str) -> tuple[int, int]:
    match = SIZE.match(text.strip().lower())
    if not match:
        raise UserError(f"--size must look like 1920x1080, not '{text}'.")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UserError(f"--size {text} is outside 320x240 to 7680x4320.")
    return width, height


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tcdesk.services.consult_room import ConsultRoom, PresentationKit

    width, height = parse_size(args.size)
    desk = common.open_desk(args)
    try:
        if desk.consults.get(args.consult) is None:
            raise UserError(f"No consult with id {args.consult} in {desk.path}.")
        kit = PresentationKit.load()
        room = ConsultRoom(desk, args.consult, kit, resume=False, record=False)
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
