"""A practice set up the way a new office does it, for the plan tests: no demo data.

``tcdesk setup``'s service, the new-family form's (a 14-year-old whose mother
pays, with Delta Dental), a booked consult and two options from the fee
schedule (clear aligners recommended), all through services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from tcdesk.domain import StaffRole
from tcdesk.services.consult_options import add_option
from tcdesk.services.desk import Desk
from tcdesk.services.intake import add_family
from tcdesk.services.practice_setup import set_up_practice
from tcdesk.services.schedule import Slot, book_consult
from tests.conftest import local_moment
from tests.intake_practice import SETUP, TEEN

TODAY = date(2026, 11, 27)
NOW = local_moment(TODAY, 10)


@dataclass(frozen=True)
class Seeded:
    consult_id: str
    braces_id: str  # Metal braces, $5,600 over 24 months
    aligners_id: str  # Clear aligners, $5,900 over 18 months, recommended


def seed_practice(store: Path) -> tuple[Desk, Seeded]:
    """The practice file at ``store``, set up with Zoë's consult; the open desk too."""
    desk = Desk.open(store, clock=lambda: NOW)
    practice = set_up_practice(desk, SETUP)
    family = add_family(desk, TEEN)
    office = desk.practices.offices(practice.id)[0]
    staff = {s.role: s for s in desk.practices.staff(practice.id)}
    slot = Slot(
        office.id,
        staff[StaffRole.COORDINATOR].id,
        staff[StaffRole.DOCTOR].id,
        TODAY,
        time(14, 0),
    )
    consult = book_consult(desk, family.patient.id, slot).consult
    braces = add_option(desk, consult.id, "metal_braces").changed
    aligners = add_option(desk, consult.id, "clear_aligners", recommended=True).changed
    return desk, Seeded(consult.id, braces.id, aligners.id)
