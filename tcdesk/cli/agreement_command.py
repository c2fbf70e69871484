"""``tcdesk agreement``: print a consult's financial agreement to a PDF file.

The PDF is built from the consult's chosen option and latest payment plan
through ``tcdesk.services.agreements`` and written atomically: on any problem
nothing is written. ``make_agreement`` is the trial job (a ``--terms`` file),
for callers that also record the file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tcdesk.cli import common
from tcdesk.services import agreements
from tcdesk.services.agreement_data import AgreementData, agreement_data
from tcdesk.services.consult_list import require_consult
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
    common.add_lang_argument(parser)
    parser.set_defaults(func=run)


def make_agreement(
    desk: Desk, consult_id: str, out: Path, *, terms_template: Path | None = None
) -> tuple[AgreementData, Path]:
    """Build the agreement of ``consult_id`` and write it to ``out``."""
    return agreements.write_trial(desk, consult_id, out, terms_template=terms_template)


def run(args: argparse.Namespace) -> int:
    """With the practice's own terms the agreement is recorded (a version with its exact
    bytes and SHA-256, or the unchanged current one); a trial ``--terms`` file is not."""
    language = common.require_language(args.lang)
    desk = common.open_desk(args)
    try:
        consult = require_consult(desk, args.consult)
        if args.terms:
            terms = Path(args.terms).expanduser()
            agreements.check_destination(Path(args.out))
            _, written = make_agreement(desk, args.consult, Path(args.out), terms_template=terms)
            note = (
                "A trial with your own terms file: this PDF is not kept in the practice file. "
                "Put the terms in place and run without --terms to make the agreement of record."
            )
        else:
            agreements.check_destination(Path(args.out))
            agreement_data(desk, args.consult)  # every missing piece, named, before recording
            agreement, made = agreements.current_or_generate(
                desk, args.consult, consult.coordinator_id, language
            )
            written = agreements.export(desk, agreement.id, Path(args.out))
            state = "new" if made else "unchanged"
            note = f"{agreement.title}, {state}; sha256 {agreement.sha256[:12]}"
    finally:
        desk.close()
    print(written)
    print(note, file=sys.stderr)
    return 0
