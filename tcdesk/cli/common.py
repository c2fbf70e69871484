"""Pieces shared by every subcommand: ``--db``, the clock and one-line usage errors.

``main`` puts the clock it was given on the parsed arguments (``args.clock``),
so a test can fix "today" for every command without touching the system time.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tcdesk.cli.passphrase_input import add_passphrase_argument
from tcdesk.errors import UserError
from tcdesk.paths import resolve_db_path
from tcdesk.services.clock import Clock, system_clock
from tcdesk.services.clock import today as clock_today

if TYPE_CHECKING:
    from tcdesk.services.desk import Desk


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db`` and, for an encrypted file, ``--passphrase-file`` (on every command)."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the practice's SQLite file (default: $TCDESK_DB, then the user data folder)",
    )
    add_passphrase_argument(parser)


def add_command(
    subparsers: argparse._SubParsersAction, name: str, help_text: str
) -> argparse.ArgumentParser:
    """Add a subcommand that takes ``--db`` and reports usage errors in one line."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_db_argument(parser)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def clock(args: argparse.Namespace) -> Clock:
    """The clock ``main`` was given (the system clock when a command is run directly)."""
    return getattr(args, "clock", None) or system_clock


def today(args: argparse.Namespace) -> date:
    """Today's local date by the injected clock, never ``date.today()``."""
    return clock_today(clock(args))


DEMO_FILE_EXAMPLE = "~/tcdesk-demo.sqlite3"


def is_practice_file(args: argparse.Namespace) -> bool:
    """True without ``--db``: the file is the practice's own ($TCDESK_DB or the default)."""
    return getattr(args, "db", None) is None


def missing_file_message(args: argparse.Namespace, path: Path) -> str:
    """What to do when the file is missing; never "build the demo" in the practice file."""
    if is_practice_file(args):
        return (
            f"No practice file at {path}. Open tcdesk to set up your practice, or try the "
            f"demo in a file of its own: tcdesk demo --db {DEMO_FILE_EXAMPLE}"
        )
    return (
        f"No practice file at {path}. Build the demo there with 'tcdesk demo --db {path}' "
        f"or open 'tcdesk --db {path}' to set up your practice."
    )


def open_desk(args: argparse.Namespace, *, create: bool = False, read_only: bool = False) -> Desk:
    """The practice file of ``--db`` with the injected clock; by default it must exist.

    ``read_only`` for commands that only look: the file is never written to.
    """
    from tcdesk.services.desk import Desk  # here: `tcdesk --help` never loads the store

    path = db_path(args)
    if not create and not path.exists():
        raise UserError(missing_file_message(args, path))
    return Desk.open(path, clock(args), create=create, read_only=read_only)


def day_option(flag: str, text: str | None, args: argparse.Namespace) -> date | None:
    """A date option (``--from 2026-12-01`` or ``today``), or a one-line refusal naming it."""
    if text is None:
        return None
    if text.strip().lower() == "today":
        return today(args)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"{flag} must be a date like 2026-12-01 (or 'today'), not '{text}'."
        ) from None


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command; SQLite's "database is locked" becomes "busy, try again"."""
    from tcdesk.store import engine
    from tcdesk.store.store_file import busy_error

    try:
        return int(args.func(args) or 0)
    except engine.OperationalError as error:
        busy = busy_error(error)
        if busy is None:
            raise
        raise busy from None


# A check's field (services.validation, tcdesk.money) -> the flag that feeds it, where the
# flag is not simply "--" + the field's name.
FIELD_FLAGS = {
    "down_payment": "--down",
    "coverage": "--insurance-pct",
    "treatment_start": "--start",
    "agreement_date": "--start",
    "pif_discount": "--pif-discount",
    "fee_line": "--fee-line",
    "over_limit_reason": "--over-limit-reason",
    "when": "--at",
    "target_acceptance_pct": "--acceptance",
    "target_same_day_pct": "--same-day",
    "target_follow_up_business_days": "--follow-up-days",
}


def _flag_for(field: str, argv: Sequence[str]) -> str:
    """The flag typed for ``field`` ("" when none was: then the message stands alone)."""
    name = field.rsplit(".", 1)[-1]
    flag = FIELD_FLAGS.get(name, "--" + name.replace("_", "-"))
    typed = any(a == flag or a.startswith(flag + "=") for a in argv)
    return flag if typed else ""


def error_line(error: UserError, argv: Sequence[str]) -> str:
    """The one line for a refusal, naming the flag when a field check refused it
    ("--down: The down payment cannot be negative.")."""
    from tcdesk.services.validation import FieldErrors

    errors = error.errors if isinstance(error, FieldErrors) else [error]
    parts = []
    for one in errors:
        message = str(one)
        field = getattr(one, "field", "")
        flag = _flag_for(field, argv) if field and not message.startswith("--") else ""
        parts.append(f"{flag}: {message}" if flag else message)
    return "; ".join(parts)


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    """``--lang CODE``: the family's language for what the command prints."""
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the family's language: en, es or another in presentation_flows/lang/ "
        "(default: the patient's preferred language)",
    )


def require_language(code: str | None) -> str | None:
    """``--lang``'s code when tcdesk has that language (None: the patient's own)."""
    if not code:
        return None
    from tcdesk.paths import flows_dir

    folder = flows_dir() / "lang"
    known = ["en", *sorted(p.name for p in folder.glob("*") if (p / "language.toml").is_file())]
    wanted = code.strip().lower().replace("-", "_").split("_")[0]
    if wanted not in known:
        raise UserError(f"There is no language {code!r} (languages: {', '.join(known)}).")
    return wanted
