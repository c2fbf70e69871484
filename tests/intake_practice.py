"""A practice set up the way a new office does it (services, not the demo), for intake tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tcdesk.services.desk import Desk
from tcdesk.services.intake import InsuranceInput, NewFamily, PartyInput
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tests.conftest import FIXED_NOW

SETUP = PracticeSetup(
    practice_name="Lakeside Orthodontics",
    office_name="Lakeside",
    coordinator_name="Ana Ruiz",
    doctor_name="Dr. Sam Lee",
    phone="(555) 010-2000",
)

# FIXED_NOW is 27 Nov 2026: a 14-year-old, her mother who pays, two plans.
TEEN = NewFamily(
    first="Zoë",
    last="Martínez",
    preferred_name="Zo",
    birth_date="2012-03-04",
    phone="(503) 555-0101",
    email="martinez.family@example.com",
    language="es",
    lead_source="doctor_referral",
    referrer="Dr. Priya Shah",
    parties=(
        PartyInput(
            name="Lucía Martínez",
            relationship="mother",
            phone="503-555-0101",
            email="lucia@example.com",
            address="12 Alder St, Portland OR",
            pays=True,
        ),
    ),
    primary=InsuranceInput(
        carrier="Delta Dental",
        coverage_pct="50",
        lifetime_max="1,500",
        used="250",
        age_limit="19",
        payout="monthly",
        initial_pct="25",
        subscriber="Lucía Martínez",
        member_id="DD-99812",
    ),
)


def practice(path: Path) -> Desk:
    desk = Desk.open(path, clock=lambda: FIXED_NOW)
    set_up_practice(desk, SETUP)
    return desk


@pytest.fixture
def practice_desk(empty_store: Path) -> Iterator[Desk]:
    desk = practice(empty_store)
    yield desk
    desk.close()
