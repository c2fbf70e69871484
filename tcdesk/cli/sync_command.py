"""``tcdesk sync``: office sync through a folder (issue 15), in its own process.

``tcdesk sync --folder DIR`` sends this install's changes and applies the
others'; ``make-join`` / ``join`` bring a new laptop in; ``status`` and
``conflicts`` say where things stand. The engine (``services.sync``) opens the
file with APSW, which this module imports only when a sync command runs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError
from tcdesk.store import cipher

HELP = "Sync this install with the practice's other offices through a shared folder."


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "sync", HELP)
    parser.add_argument("--folder", metavar="DIR", type=Path, help="the shared sync folder")
    parser.add_argument("--json", action="store_true", help="print what happened as JSON")
    parser.set_defaults(func=run_sync)
    sub = parser.add_subparsers(dest="sync_action", title="actions", metavar="ACTION")
    _action = _described(sub)
    make = _action("make-join", "(admin) write a join file for a new install")
    common.add_db_argument(make)
    make.add_argument(
        "--out", metavar="FILE", type=Path, required=True, help="the join file to write (new)"
    )
    make.set_defaults(func=run_make_join)
    join = _action("join", "make this computer's practice file from a join file")
    common.add_db_argument(join)
    join.add_argument("file", metavar="FILE", type=Path, help="the join file an admin made")
    join.add_argument("--office", metavar="NAME", help="the office this computer is at")
    join.set_defaults(func=run_join)
    status = _action("status", "last sync, files in, files waiting")
    common.add_db_argument(status)
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(func=run_status)
    conflicts = _action("conflicts", "values a newer edit overwrote")
    common.add_db_argument(conflicts)
    conflicts.add_argument("--json", action="store_true", help="print the list as JSON")
    conflicts.set_defaults(func=run_conflicts)


def _described(sub: argparse._SubParsersAction):
    """An action's parser whose help is also its description (``sync ACTION --help``)."""

    def add(name: str, text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=text)

    return add


def run_sync(args: argparse.Namespace) -> int:
    if args.folder is None:
        raise UserError("sync needs --folder DIR (the shared sync folder) or an action.")
    from tcdesk.services.sync import sync_run

    result = sync_run.run(common.db_path(args), args.folder, cipher.passphrase())
    if args.json:
        print(json.dumps(result.as_json()))
        return 0
    if result.started:
        print("This install starts the practice's sync; add laptops with: tcdesk sync make-join")
    if result.sent_seq:
        print(f"Sent {_count(result.sent_rows, 'changed row')} (file {result.sent_seq}).")
    else:
        print("Nothing new to send.")
    rows = sum(a["rows"] for a in result.applied)
    files = _count(len(result.applied), "file")
    print(f"Applied {files} from other offices ({_count(rows, 'row')}).")
    if result.conflicts:
        edits = _count(result.conflicts, "edit")
        print(f"{edits} overwritten by newer ones: tcdesk sync conflicts")
    for entry in result.refused:
        print(
            f"Refused {entry['install'][:8]}/{entry['file']}: {entry['why']} "
            "(tried again next time)"
        )
    for entry in result.waiting:
        print(f"Waiting {entry['install'][:8]}/{entry['file']}: {entry['why']}")
    if result.hard_deletes_not_sent:
        print(f"{result.hard_deletes_not_sent} rows removed outside tcdesk were not sent.")
    return 0


def run_make_join(args: argparse.Namespace) -> int:
    from tcdesk.services.sync import join

    out = join.make_join(common.db_path(args), args.out, cipher.passphrase())
    print(f"Join file written: {out}. It holds the practice and its sync key: carry it like a")
    print("backup, and delete it once the new computer has joined.")
    return 0


def run_join(args: argparse.Namespace) -> int:
    from tcdesk.services.sync import join

    if getattr(args, "db", None) is None:
        raise UserError("sync join needs --db NEWPATH: where this computer's practice file goes.")
    joined = join.join(args.file, Path(args.db), cipher.passphrase(), args.office)
    print(
        f"Joined: {joined.path} is install {joined.install_id}. "
        "Sync it with tcdesk sync --folder DIR."
    )
    return 0


def run_status(args: argparse.Namespace) -> int:
    from tcdesk.services.sync import status

    found = status.status(common.db_path(args), cipher.passphrase())
    if args.json:
        print(json.dumps(found.as_json()))
        return 0
    if not found.joined:
        print("This install does not sync yet: tcdesk sync --folder DIR, or join with a join file.")
        return 0
    print(f"Install {found.install_id}, folder {found.folder or '(none yet)'}")
    print(
        f"Last sync: {found.last_sync_at or 'never'}; files sent: {found.last_sent_seq}; "
        f"in: {found.files_in}"
    )
    waiting = sum(found.waiting.values())
    print(f"Waiting in the folder: {waiting} files; conflicts kept: {found.conflicts}")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    from tcdesk.services.sync import status, sync_run

    sync_run.prepare(common.db_path(args))
    found = status.conflict_list(common.db_path(args), cipher.passphrase())
    if args.json:
        print(json.dumps([c.as_json() for c in found]))
        return 0
    if not found:
        print("No overwritten edits.")
        return 0
    for c in found:
        print(
            f"{c.at}  {c.table_name} {c.row_id}: kept {c.kept_updated_at} from "
            f"{c.kept_install[:8]}, overwrote {c.lost_updated_at} from {c.lost_install[:8]}"
        )
    return 0


def _count(number: int, word: str) -> str:
    """ "1 file", "3 files": the line a TC reads."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
