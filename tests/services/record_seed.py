"""A practice set up as a new office would (``set_up_practice``), with one family and
one booked consult, for the consult-record tests. No demo data.

There is no intake service on this branch yet, so the family and the consult
are saved through the repositories; everything the record holds is then
entered through ``tcdesk.services.consult_record``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from PIL import Image

from tcdesk.domain import (
    Consult,
    LeadSource,
    Patient,
    PaymentPlan,
    Relationship,
    ResponsibleParty,
    StaffRole,
)
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tests.conftest import local_moment

TODAY = date(2026, 11, 27)
NOW = local_moment(TODAY, 10)
SETUP = PracticeSetup(
    practice_name="Lakeside Orthodontics",
    office_name="Lakeside",
    coordinator_name="Ana Ruiz",
    doctor_name="Dr. Sam Lee",
    phone="(555) 010-2000",
)
DESCRIPTIONS = {
    "metal_braces": "Small metal brackets and a wire.\nThe most reliable way to straighten teeth.",
    "clear_aligners": "Clear, removable trays you change every week or two.",
}


def open_practice(store: Path, *, birth: date = date(2012, 3, 14)) -> tuple[Desk, str]:
    """The practice file, set up; returns the desk and the id of Mia Carter's consult."""
    desk = Desk.open(store, clock=lambda: NOW)
    practice = set_up_practice(desk, SETUP)
    for item in desk.practices.fee_schedule(practice.id):
        text = DESCRIPTIONS.get(item.treatment_type.value)
        if text:
            desk.practices.save_fee(replace(item, description=text))
    office = desk.practices.offices(practice.id)[0]
    staff = {s.role: s for s in desk.practices.staff(practice.id)}
    desk.patients.save(
        Patient(
            "pa-mia",
            practice.id,
            "Amelia",
            "Carter",
            birth,
            preferred_name="Mia",
            phone="(555) 010-3344",
            lead_source=LeadSource.WEBSITE,
            office_id=office.id,
            created_at=utc_iso(NOW),
        )
    )
    desk.patients.save_responsible_party(
        ResponsibleParty("rp-mia", "pa-mia", "Laura Carter", Relationship.MOTHER, pays=True)
    )
    desk.consults.save(
        Consult(
            "co-mia",
            "pa-mia",
            office.id,
            staff[StaffRole.COORDINATOR].id,
            staff[StaffRole.DOCTOR].id,
            utc_iso(NOW),
        )
    )
    return desk, "co-mia"


def save_plan(desk: Desk, consult_id: str, option_id: str) -> PaymentPlan:
    """The family chose ``option_id`` and how to pay: what an agreement is made from."""
    plan = PaymentPlan(
        id="plan-mia",
        consult_id=consult_id,
        option_id=option_id,
        choice_key="standard",
        down_cents=112_000,
        months=24,
        apr_pct=Decimal("0"),
        agreement_date=TODAY,
        first_due=date(2027, 1, 1),
        created_at=utc_iso(NOW),
    )
    desk.consults.add_plan(plan)
    consult = desk.consults.get(consult_id)
    desk.consults.save(replace(consult, chosen_option_id=option_id))
    return plan


def portrait_jpeg(path: Path, colour: tuple[int, int, int] = (20, 160, 60)) -> Path:
    """A landscape JPEG whose EXIF says "turn me": upright it is portrait (480x640).

    The stored top-left quarter (before turning) is magenta, the rest ``colour``.
    """
    image = Image.new("RGB", (640, 480), colour)
    image.paste((220, 0, 200), (0, 0, 320, 240))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    image.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    return path


def png(path: Path, colour: tuple[int, int, int] = (30, 90, 200), size=(400, 300)) -> Path:
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def agree(desk: Desk, consult_id: str) -> None:
    """Braces chosen, a plan saved and the financial agreement generated (version 1)."""
    from tcdesk.services import agreements
    from tcdesk.services import consult_record as rec

    option = rec.add_option(desk, consult_id, "metal_braces").changed
    save_plan(desk, consult_id, option.id)
    agreements.generate(desk, consult_id)
