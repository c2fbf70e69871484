"""The demo practice: a realistic, reproducible practice file to learn and show tcdesk.

``build_demo(desk, today)`` writes Bright Smiles Orthodontics (three offices,
two doctors, three coordinators) and about fifty consults spread over the
last thirteen months, in every pipeline state, with four consults booked for
``today`` ready to present. The same day gives the same ids and the same
content: ids are ``stable_id("demo", ...)``, dates are relative to ``today``,
and every choice comes from a ``random.Random`` seeded per patient.

Consult times are local wall-clock times ("09:00") of this computer's time
zone, stored in UTC like every timestamp; ``Consult.consult_date`` reads them
back in the same zone, so a consult falls on the day it was built for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tcdesk.domain import ConsultStatus
from tcdesk.errors import UserError
from tcdesk.services import sign_in
from tcdesk.services.demo_compose import compose_demo
from tcdesk.services.demo_content import (
    DEMO_PRACTICE_ID,
    HELD,
    SEED,
    DemoConsult,
    DemoContent,
    demo_id,
)
from tcdesk.services.demo_history import add_history
from tcdesk.services.demo_leads import add_demo_pipeline
from tcdesk.services.desk import Desk


@dataclass(frozen=True)
class DemoSummary:
    """What was built, for the command line and the first-run screen."""

    practice_id: str
    practice_name: str
    patients: int
    consults: int
    by_status: tuple[tuple[ConsultStatus, int], ...]
    today: tuple[DemoConsult, ...]
    refreshed: bool  # the file already held the demo

    def count(self, status: ConsultStatus) -> int:
        return dict(self.by_status).get(status, 0)


# --- building ----------------------------------------------------------------------


def build_demo(desk: Desk, today: date) -> DemoSummary:
    """Write the demo practice into ``desk`` in one transaction; refuse other practices.

    Running it again on the same day rewrites the same rows (nothing changes).
    """
    content = compose_demo(today)
    current = desk.practice()
    if current is not None and current.id != DEMO_PRACTICE_ID:
        raise UserError(
            f'{_where(desk)} holds the practice "{current.name}", not the demo; '
            "the demo is only built into an empty file or over an earlier demo. "
            "Choose another file with --db."
        )
    refreshed = current is not None
    if refreshed:
        _check_same_day(desk, content, today)
    with desk.transaction():
        _write(desk, content)
        add_history(desk, today)  # thirteen months of past consults, for the numbers
        add_demo_pipeline(desk, today)  # leads, contacts, warmth, a recall due, referred out
    return _summarize(desk, content, refreshed)


def _where(desk: Desk) -> str:
    return str(desk.path) if desk.path else "This practice file"


class DemoFromAnotherDay(UserError):
    """The file holds an earlier day's demo (``built_for``); ``tcdesk demo --fresh`` keeps it
    aside and builds today's."""

    def __init__(self, built_for: date, message: str) -> None:
        super().__init__(message)
        self.built_for = built_for


def _check_same_day(desk: Desk, content: DemoContent, today: date) -> None:
    """Notes and plans are permanent, so an earlier demo cannot be moved to another day."""
    anchor = content.today[0].consult_id
    wanted = next(c for c in content.consults if c.id == anchor)
    found = desk.consults.get(anchor)
    if found is None or found.scheduled_at == wanted.scheduled_at:
        return
    built_for = found.consult_date.isoformat()
    when = "in another time zone" if found.consult_date == today else f"for {built_for}"
    raise DemoFromAnotherDay(
        found.consult_date,
        f"{_where(desk)} already holds the demo, built {when}; its notes and payment plans "
        f"are permanent, so it cannot be moved to {today.isoformat()}. "
        "Build the demo into a new file with --db, or use --fresh to keep this one aside.",
    )


def _give_demo_pins(desk: Desk) -> None:
    """Everyone in the demo signs in with a PIN the README prints (1111, 2222, ...)."""
    for key, pin in DEMO_PINS.items():
        staff_id = demo_id("staff", key)
        if not sign_in.has_pin(desk, staff_id):
            sign_in.set_demo_pin(desk, staff_id, pin)


# The demo's PINs, printed in the README's "Signing in and locking".
DEMO_PINS = {
    "dr_whitaker": "1111",
    "dr_raman": "2222",
    "tc_alvarez": "3333",
    "tc_brooks": "4444",
    "tc_lindqvist": "5555",
    "admin_carver": "6666",
}


def _write(desk: Desk, content: DemoContent) -> None:
    practices, patients, consults = desk.practices, desk.patients, desk.consults
    practices.save(content.practice)
    for office in content.offices:
        practices.save_office(office)
    for member in content.staff:
        practices.save_staff(member)
    _give_demo_pins(desk)
    for fee in content.fees:
        practices.save_fee(fee)
    practices.save_policy(content.policy)
    for patient in content.patients:
        patients.save(patient)
    for party in content.parties:
        patients.save_responsible_party(party)
    for policy in content.insurance:
        patients.save_insurance(policy)
    for consult in content.consults:
        consults.save(consult)
    for finding in content.findings:
        consults.save_finding(finding)
    for option in content.options:
        consults.save_option(option)
    # Plans, notes and objections are history (insert only): add the missing ones.
    for plan in content.plans:
        if consults.get_plan(plan.id) is None:
            consults.add_plan(plan)
    _add_missing(content.notes, lambda cid: consults.notes(cid), consults.add_note)
    _add_missing(content.objections, lambda cid: consults.objections(cid), consults.add_objection)
    for follow_up in content.follow_ups:
        consults.save_follow_up(follow_up)


def _add_missing(
    entries: Iterable[Any], stored: Callable[[str], Iterable[Any]], add: Callable[[Any], None]
) -> None:
    """Insert the history rows (notes, objections) a consult does not have yet.

    Each consult's stored ids are read once, not once per entry.
    """
    known: dict[str, set[str]] = {}
    for entry in entries:
        if entry.consult_id not in known:
            known[entry.consult_id] = {row.id for row in stored(entry.consult_id)}
        if entry.id not in known[entry.consult_id]:
            add(entry)


def _summarize(desk: Desk, content: DemoContent, refreshed: bool) -> DemoSummary:
    counts = Counter(c.status for c in desk.consults.all())
    return DemoSummary(
        practice_id=content.practice.id,
        practice_name=content.practice.name,
        patients=desk.patients.count(),
        consults=sum(counts.values()),
        by_status=tuple((status, counts.get(status, 0)) for status in ConsultStatus),
        today=content.today,
        refreshed=refreshed,
    )


__all__ = [
    "DEMO_PRACTICE_ID",
    "HELD",
    "SEED",
    "DemoConsult",
    "DemoContent",
    "DemoSummary",
    "build_demo",
    "compose_demo",
    "demo_id",
]
