"""The leads behind the demo's thirteen months: most past consults began as a call or a form.

Three in four past consults came from a lead a few days to three weeks
before (the consult carries ``lead_id``), and every month a few leads never
booked (not interested, unreachable), so "lead to consult" on the dashboard
reads like a real practice's (about 60-70%) rather than a dash. Stable ids
and a seeded random: the same day's demo built again is the same.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from tcdesk.domain import Consult, LeadSource, LeadStatus, Patient, Warmth
from tcdesk.domain.pipeline import Lead
from tcdesk.services.clock import utc_iso
from tcdesk.services.demo_content import DEMO_PRACTICE_ID, SEED, demo_id

FROM_A_LEAD = 0.75
UNBOOKED_A_MONTH = 6
FAMILIES = ("Keller", "Osei", "Novak", "Tran", "Bauer", "Reyes", "Haas", "Lindgren", "Mehta")


def _lead_for(consult: Consult, patient: Patient, rng: random.Random) -> Lead:
    held = datetime.fromisoformat(consult.scheduled_at)
    reached = utc_iso(held - timedelta(days=rng.randint(2, 20), hours=rng.randint(0, 5)))
    return Lead(
        id=demo_id("history_lead", consult.id),
        practice_id=DEMO_PRACTICE_ID,
        family_name=f"{patient.legal_first} {patient.legal_last}",
        channel=patient.lead_source,
        contacted_at=reached,
        created_at=reached,
        phone=patient.phone,
        email=patient.email,
        assigned_to=consult.coordinator_id,
        office_id=consult.office_id,
        status=LeadStatus.CONSULT_BOOKED,
        warmth=rng.choice(list(Warmth)),
        patient_id=patient.id,
        consult_id=consult.id,
    )


def _unbooked(consults: list[Consult], rng: random.Random) -> list[Lead]:
    """A few leads a month that never came in, spread over the history's months."""
    if not consults:
        return []
    first = datetime.fromisoformat(min(c.scheduled_at for c in consults))
    last = datetime.fromisoformat(max(c.scheduled_at for c in consults))
    months = max(1, (last - first).days // 30)
    found = []
    for number in range(months * UNBOOKED_A_MONTH):
        when = first + timedelta(days=rng.uniform(0, (last - first).days), hours=rng.randint(9, 17))
        like = rng.choice(consults)
        found.append(
            Lead(
                id=demo_id("history_lead", "unbooked", str(number)),
                practice_id=DEMO_PRACTICE_ID,
                family_name=f"The {rng.choice(FAMILIES)} family",
                channel=rng.choice([s for s in LeadSource if s is not LeadSource.WALK_IN]),
                contacted_at=utc_iso(when),
                created_at=utc_iso(when),
                phone=f"(614) 555-{rng.randint(200, 999):04d}",
                assigned_to=like.coordinator_id,
                office_id=like.office_id,
                status=rng.choice((LeadStatus.NOT_INTERESTED, LeadStatus.UNREACHABLE)),
                warmth=Warmth.COLD,
            )
        )
    return found


def with_leads(
    consults: tuple[Consult, ...], patients: tuple[Patient, ...]
) -> tuple[list[Consult], list[Lead]]:
    """The history's consults (three in four now naming their lead) and all the leads."""
    rng = random.Random(f"{SEED}:history-leads")
    by_id = {p.id: p for p in patients}
    out: list[Consult] = []
    leads: list[Lead] = []
    for consult in consults:
        patient = by_id.get(consult.patient_id)
        if patient is not None and rng.random() < FROM_A_LEAD:
            lead = _lead_for(consult, patient, rng)
            leads.append(lead)
            consult = replace(consult, lead_id=lead.id)
        out.append(consult)
    return out, leads + _unbooked(list(consults), rng)
