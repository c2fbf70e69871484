"""``tcdesk summary``: print a consult's take-home summary to a PDF file."""

from __future__ import annotations

import argparse
from pathlib import Path

from tcdesk.cli import common
from tcdesk.services import summaries
from tcdesk.services.consult_list import require_consult
from tcdesk.services.desk import Desk
from tcdesk.services.summaries import SummaryData


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "summary", "Print a consult's take-home summary for the family to a PDF file."
    )
    parser.add_argument("--consult", required=True, metavar="ID", help="the consult's id")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    common.add_lang_argument(parser)
    parser.set_defaults(func=run)


def make_summary(
    desk: Desk, consult_id: str, out: Path, language: str | None = None
) -> tuple[SummaryData, Path]:
    return summaries.write(desk, consult_id, out, language)


def run(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        require_consult(desk, args.consult)
        language = common.require_language(args.lang)
        _, written = make_summary(desk, args.consult, Path(args.out), language)
    finally:
        desk.close()
    print(written)
    return 0
