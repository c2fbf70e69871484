"""``tcdesk agreement``: print a consult's financial agreement to a PDF file.

The PDF is built from the consult's chosen option and latest payment plan
(``tcdesk.services.agreement_data.render_agreement``) and written atomically:
on any problem nothing is written. ``make_agreement`` is the whole job, for
callers that also record the file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tcdesk.cli import common
from tcdesk.documents.agreement_model import AgreementData
from tcdesk.documents.files import write_pdf_atomically
from tcdesk.services.agreement_data import render_agreement
from tcdesk.services.desk import Desk


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "agreement", "Print a consult's financial agreement to a PDF file."
    )
    parser.add_argument("--consult", required=True, metavar="ID", help="the consult's id")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument(
        "--terms",
        metavar="FILE",
        help="terms and conditions template (default: assets/templates/agreement_terms.md.j2)",
    )
    parser.set_defaults(func=run)


def make_agreement(
    desk: Desk, consult_id: str, out: Path, *, terms_template: Path | None = None
) -> tuple[AgreementData, Path]:
    """Build the agreement of ``consult_id`` and write it to ``out``."""
    data, pdf = render_agreement(desk, consult_id, terms_template=terms_template)
    return data, write_pdf_atomically(pdf, out)


def run(args: argparse.Namespace) -> int:
    desk = Desk.open(common.db_path(args), create=False)
    try:
        terms = Path(args.terms).expanduser() if args.terms else None
        _, written = make_agreement(desk, args.consult, Path(args.out), terms_template=terms)
    finally:
        desk.close()
    print(written)
    return 0
