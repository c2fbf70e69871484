"""A family edit or a schedule move that changes what a financial agreement says warns
(a new agreement version will be needed); an edit the agreement does not show does not."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from tcdesk.services.intake import (
    PartyInput,
    family_change_warning,
    family_for_editing,
    update_family,
)
from tcdesk.services.schedule import Slot, move_consult
from tcdesk.services.settings import offices, staff
from tests.services.record_seed import agree, open_practice

NEEDED = "a new agreement version will be needed"


@pytest.fixture
def practice(empty_store: Path):
    desk, consult_id = open_practice(empty_store)
    yield desk, consult_id
    desk.close()


def _with_party(family, **changes):
    (party,) = family.parties
    return replace(family, parties=(replace(party, **changes),))


def test_a_family_edit_warns_only_when_the_agreement_would_change(practice) -> None:
    desk, cid = practice
    family = family_for_editing(desk, "pa-mia")
    assert family_change_warning(desk, "pa-mia", replace(family, last="Carter-Lee")) == ""
    agree(desk, cid)
    assert family_change_warning(desk, "pa-mia", family) == ""  # nothing changed
    assert family_change_warning(desk, "pa-mia", replace(family, phone="(555) 010-9999")) == ""
    changed = {
        "legal name": replace(family, last="Carter-Lee"),
        "preferred name": replace(family, preferred_name="Amy"),
        "guardian's name": _with_party(family, name="Laura Carter-Lee"),
        "guardian's address": _with_party(family, address="9 New Rd, Springfield"),
        "payer": replace(
            family,
            parties=(
                replace(family.parties[0], pays=False),
                PartyInput("Tom Carter", "father", phone="(555) 010-7788", pays=True),
            ),
        ),
    }
    for what, edited in changed.items():
        assert NEEDED in family_change_warning(desk, "pa-mia", edited), what
    saved = update_family(desk, "pa-mia", changed["legal name"])
    assert NEEDED in saved.warning and desk.patients.get("pa-mia").legal_last == "Carter-Lee"
    assert update_family(desk, "pa-mia", replace(family, last="Carter-Lee")).warning == ""
    # A form with a mistake warns of nothing: saving reports the mistake at its field.
    assert family_change_warning(desk, "pa-mia", replace(family, first="")) == ""


def _slot(desk, consult, **changes) -> Slot:
    start = datetime.fromisoformat(consult.scheduled_at).astimezone()
    slot = Slot(
        consult.office_id,
        consult.coordinator_id,
        consult.doctor_id,
        start.date(),
        start.time().replace(hour=start.hour + 1, tzinfo=None),
        consult.duration_minutes,
    )
    return replace(slot, **changes)


def test_a_move_warns_when_the_office_or_coordinator_on_the_agreement_changes(
    practice,
) -> None:
    desk, cid = practice
    hill = offices.add_office(desk, {"name": "Hilltop"})
    sam = staff.add_staff(desk, {"name": "Sam Ortiz", "role": "coordinator"})
    doctor = staff.add_staff(desk, {"name": "Dr. Kim Ito", "role": "doctor"})
    agree(desk, cid)
    consult = desk.consults.get(cid)
    assert move_consult(desk, cid, _slot(desk, consult)).warning == ""  # an hour later
    consult = desk.consults.get(cid)
    assert move_consult(desk, cid, _slot(desk, consult, doctor_id=doctor.id)).warning == ""
    consult = desk.consults.get(cid)
    moved = move_consult(desk, cid, _slot(desk, consult, office_id=hill.id))
    assert NEEDED in moved.warning and moved.consult.office_id == hill.id
    consult = desk.consults.get(cid)
    assert NEEDED in move_consult(desk, cid, _slot(desk, consult, coordinator_id=sam.id)).warning
