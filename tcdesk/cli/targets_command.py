"""``tcdesk targets``: show or change the practice's targets (the dashboard's progress bars).

The same words and checks as Settings > Targets (tcdesk.services.settings.targets).
"""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.services.settings import targets
from tcdesk.services.settings.practice_details import current_practice

FLAGS = {
    "target_acceptance_pct": "--acceptance",
    "target_same_day_pct": "--same-day",
    "target_follow_up_business_days": "--follow-up-days",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "targets",
        "Show the practice's targets, or change them (admins): case acceptance and "
        "same-day starts in percent, a follow-up within N business days.",
    )
    parser.add_argument("--acceptance", metavar="PCT", help="case acceptance target, 0-100")
    parser.add_argument("--same-day", metavar="PCT", help="same-day start target, 0-100")
    parser.add_argument(
        "--follow-up-days", metavar="N", help="follow up within N business days (0-30)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    given = {
        field: getattr(args, flag[2:].replace("-", "_"))
        for field, flag in FLAGS.items()
        if getattr(args, flag[2:].replace("-", "_")) is not None
    }
    desk = common.open_desk(args, read_only=not given)
    try:
        practice = targets.update_targets(desk, given) if given else current_practice(desk)
    finally:
        desk.close()
    values = targets.target_values(practice)
    if args.json:
        print(
            json.dumps(
                {
                    "acceptance_pct": values["target_acceptance_pct"],
                    "same_day_pct": values["target_same_day_pct"],
                    "follow_up_business_days": int(values["target_follow_up_business_days"]),
                },
                indent=2,
            )
        )
        return 0
    if given:
        print("Saved the targets.")
    print(f"Case acceptance: {values['target_acceptance_pct']}%")
    print(f"Same-day starts: {values['target_same_day_pct']}%")
    print(
        "Follow-up: every pending family within "
        f"{values['target_follow_up_business_days']} business days"
    )
    return 0
