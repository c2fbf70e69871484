"""``tcdesk print FILE.pdf``: send a PDF to a printer through this computer's print system.

The printer is ``--printer``, else the one remembered on this computer for
quick printing, else the system's default destination.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.printing import PrintSystem


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "print", "Send a PDF to a printer through this computer's print system."
    )
    parser.add_argument("file", metavar="FILE.pdf", help="the PDF to print")
    parser.add_argument(
        "--printer",
        metavar="NAME",
        help="print queue name (default: this computer's quick-print printer, then the "
        "system default)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, print_system: PrintSystem | None = None) -> int:
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(f"There is no file at {path}.")
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise UserError(f"{path} is not a PDF file.")
    printer = args.printer or MachineSettingsStore().load().printer or None
    job = (print_system or PrintSystem()).print_pdf(path, printer, title=path.name)
    print(f"Sent to {job.printer} (job {job.job_id})")
    return 0
