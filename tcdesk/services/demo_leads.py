"""The demo's living pipeline: leads from every channel, contacts logged, a queue to work.

Written after the rest of the demo, in the same transaction, with stable ids,
so a rebuild on the same day writes the same rows (contacts are history: the
ones already there are kept). Dates are relative to the demo's day, so the
queue always has overdue items, hot/warm/cold families and a recall due, and
one consult was referred out (to an oral surgeon).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from tcdesk.domain import (
    Consult,
    ConsultStatus,
    ContactKind,
    LeadSource,
    LeadStatus,
    Patient,
    ReferringDoctor,
    Relationship,
    ResponsibleParty,
    Warmth,
)
from tcdesk.domain.pipeline import Contact, ContactResult, Lead
from tcdesk.services.clock import utc_iso
from tcdesk.services.demo_content import DEMO_PRACTICE_ID, demo_id
from tcdesk.services.desk import Desk
from tcdesk.store.contact_repo import ContactRepository
from tcdesk.store.lead_repo import LeadRepository
from tcdesk.store.referrer_repo import ReferrerRepository

REFERRING_DOCTOR = ReferringDoctor(
    id=demo_id("referrer", "dr_okonkwo"),
    practice_id=DEMO_PRACTICE_ID,
    name="Dr. Grace Okonkwo",
    practice_name="Polaris Family Dentistry",
    phone="(614) 555-0190",
)

# (key, family, channel, detail, phone, email, tc, office, status, warmth,
#  days ago they reached us, next contact in days (None: none), note)
LEADS = (
    ("reyes", "Carmen Reyes", LeadSource.PHONE, "", "(614) 555-0131", "", "tc_alvarez",
     "westerville", LeadStatus.NEW, Warmth.HOT, 0, None, "Daughter, 12: crowding; after school"),
    ("osei", "Kwame Osei", LeadSource.EMAIL, "", "", "osei.family@example.com", "tc_brooks",
     "delaware", LeadStatus.CONTACTED, Warmth.WARM, 6, -2, "Adult; asked about aligners"),
    ("nakamura", "Yuki Nakamura", LeadSource.TEXT, "", "(614) 555-0175", "", "tc_lindqvist",
     "new_albany", LeadStatus.CONTACTED, Warmth.COLD, 9, 3, "Prices first, by text"),
    ("brennan", "Siobhan Brennan", LeadSource.SOCIAL_MEDIA, "Instagram", "(614) 555-0122", "",
     "tc_alvarez", "westerville", LeadStatus.NEW, Warmth.WARM, 2, None, "Saw the smile stories"),
    ("haddad", "Omar Haddad", LeadSource.WEBSITE, "Free consult form", "",
     "o.haddad@example.com", "tc_brooks", "delaware", LeadStatus.CONTACTED, Warmth.HOT, 4, 1,
     "Two teens; both parents want to come"),
    ("lindgren", "Astrid Lindgren", LeadSource.DOCTOR_REFERRAL, "", "(614) 555-0158", "",
     "tc_lindqvist", "new_albany", LeadStatus.CONTACTED, Warmth.HOT, 3, -1,
     "Dr. Okonkwo: crossbite, age 8"),
    ("mensah", "Ama Mensah", LeadSource.PATIENT_REFERRAL, "", "(614) 555-0163", "", "tc_alvarez",
     "westerville", LeadStatus.NEW, Warmth.WARM, 1, None, "Friend of a patient"),
    ("fischer", "Lena Fischer", LeadSource.WALK_IN, "", "(614) 555-0147", "", "tc_brooks",
     "delaware", LeadStatus.CONTACTED, Warmth.WARM, 12, 6, "Took a brochure"),
    ("park", "Daniel Park", LeadSource.SOCIAL_MEDIA, "Facebook", "", "dpark@example.com",
     "tc_lindqvist", "new_albany", LeadStatus.NOT_INTERESTED, Warmth.COLD, 20, None,
     "Went with a practice nearer work"),
    ("costa", "Bruna Costa", LeadSource.PHONE, "", "(614) 555-0109", "", "tc_alvarez",
     "westerville", LeadStatus.UNREACHABLE, Warmth.COLD, 25, None, "Three calls, no answer"),
    ("ivanova", "Mila Ivanova", LeadSource.WEBSITE, "Aligner page", "(614) 555-0186", "",
     "tc_brooks", "delaware", LeadStatus.CONSULT_BOOKED, Warmth.HOT, 8, None, "Booked by phone"),
)  # fmt: skip

# The contacts each lead had (kind, result, days ago, next in days from that day).
CONTACTS = {
    "osei": ((ContactKind.EMAIL, ContactResult.REACHED, 5, 3),),
    "nakamura": (
        (ContactKind.TEXT, ContactResult.NO_ANSWER, 8, 4),
        (ContactKind.TEXT, ContactResult.REACHED, 4, 7),
    ),
    "haddad": ((ContactKind.CALL, ContactResult.LEFT_MESSAGE, 3, 4),),
    "lindgren": ((ContactKind.CALL, ContactResult.REACHED, 2, 1),),
    "fischer": ((ContactKind.IN_PERSON, ContactResult.REACHED, 12, 18),),
    "park": ((ContactKind.EMAIL, ContactResult.NOT_INTERESTED, 18, None),),
    "costa": (
        (ContactKind.CALL, ContactResult.NO_ANSWER, 24, 2),
        (ContactKind.CALL, ContactResult.NO_ANSWER, 22, 3),
        (ContactKind.CALL, ContactResult.LEFT_MESSAGE, 19, None),
    ),
    "ivanova": ((ContactKind.CALL, ContactResult.BOOKED, 7, None),),
}

# The TC's warmth on the demo's pending families, in consult-date order.
PENDING_WARMTH = (Warmth.HOT, Warmth.WARM, Warmth.COLD, Warmth.HOT, Warmth.WARM, Warmth.COLD)


def _at(day: date, hour: int) -> str:
    return utc_iso(datetime.combine(day, time(hour)).astimezone().astimezone(UTC))


def add_demo_pipeline(desk: Desk, today: date) -> None:
    """Leads, contacts, warmth, a recall due and one referred-out consult (stable ids)."""
    ReferrerRepository(desk.records).save(REFERRING_DOCTOR)
    referral_patient = next(iter(desk.patients.list("", limit=1)), None)  # a demo family
    leads = LeadRepository(desk.records)
    contacts = ContactRepository(desk.records)
    booked = _referred_out(desk, today)
    for (key, name, channel, detail, phone, email, tc, office, status, warmth, ago, nxt,
         note) in LEADS:  # fmt: skip
        reached = today - timedelta(days=ago)
        lead = Lead(
            id=demo_id("lead", key),
            practice_id=DEMO_PRACTICE_ID,
            family_name=name,
            channel=channel,
            contacted_at=_at(reached, 10),
            created_at=_at(reached, 10),
            phone=phone,
            email=email,
            channel_detail=detail,
            referrer_id=REFERRING_DOCTOR.id if channel is LeadSource.DOCTOR_REFERRAL else None,
            referring_patient_id=(
                referral_patient.patient.id
                if channel is LeadSource.PATIENT_REFERRAL and referral_patient
                else None
            ),
            note=note,
            assigned_to=demo_id("staff", tc),
            office_id=demo_id("office", office),
            status=status,
            warmth=warmth,
            next_contact_on=today + timedelta(days=nxt) if nxt is not None else None,
        )
        if status is LeadStatus.CONSULT_BOOKED:
            lead = replace(lead, patient_id=booked.patient_id, consult_id=booked.id)
        leads.save(lead)
        for n, (kind, result, days_ago, then) in enumerate(CONTACTS.get(key, ())):
            day = today - timedelta(days=days_ago)
            contacts.add(
                Contact(
                    id=demo_id("contact", key, str(n)),
                    kind=kind,
                    result=result,
                    at=_at(day, 11),
                    lead_id=lead.id,
                    next_on=day + timedelta(days=then) if then is not None else None,
                    author_id=demo_id("staff", tc),
                ),
                again_is_same=True,
            )
    desk.consults.save(replace(booked, lead_id=demo_id("lead", "ivanova")))
    _warm_the_pending(desk, today)


def _warm_the_pending(desk: Desk, today: date) -> None:
    """Warmth on every pending family; the oldest observation family's recall is due."""
    held = sorted(desk.consults.all(), key=lambda c: (c.scheduled_at, c.id))
    pending = [c for c in held if c.status is ConsultStatus.PENDING]
    contacts = ContactRepository(desk.records)
    for n, consult in enumerate(pending):
        desk.consults.save(replace(consult, warmth=PENDING_WARMTH[n % len(PENDING_WARMTH)]))
        # The first call after the consult: a message left, the next date the follow-up's.
        called = consult.consult_date + timedelta(days=2)
        open_ones = [f for f in desk.consults.follow_ups(consult.id) if f.done_at is None]
        if called < today and open_ones:
            contacts.add(
                Contact(
                    id=demo_id("contact", "consult", consult.id),
                    kind=ContactKind.CALL,
                    result=ContactResult.LEFT_MESSAGE,
                    at=_at(called, 11),
                    consult_id=consult.id,
                    next_on=open_ones[0].due_on,
                    author_id=consult.coordinator_id,
                ),
                again_is_same=True,
            )
    watching = [c for c in held if c.status is ConsultStatus.OBSERVATION]
    for n, consult in enumerate(watching):
        recall = today - timedelta(days=3) if n == 0 else today + timedelta(days=60 * n)
        desk.consults.save(replace(consult, recall_on=recall))


def _referred_out(desk: Desk, today: date) -> Consult:
    """A held consult sent to an oral surgeon, and the booked consult of lead "ivanova"."""
    office = demo_id("office", "westerville")
    day = today - timedelta(days=12)
    patient = Patient(
        id=demo_id("patient", "referred_out"),
        practice_id=DEMO_PRACTICE_ID,
        legal_first="Theo",
        legal_last="Marchetti",
        birth_date=date(today.year - 17, 5, 9),
        phone="(614) 555-0114",
        lead_source=LeadSource.DOCTOR_REFERRAL,
        referrer=REFERRING_DOCTOR.name,
        referrer_kind="doctor",
        referrer_id=REFERRING_DOCTOR.id,
        office_id=office,
        created_at=_at(day - timedelta(days=9), 9),
    )
    referred = Consult(
        id=demo_id("consult", "referred_out"),
        patient_id=patient.id,
        office_id=office,
        coordinator_id=demo_id("staff", "tc_alvarez"),
        doctor_id=demo_id("staff", "dr_whitaker"),
        scheduled_at=_at(day, 14),
        chief_concern="My jaw clicks and my bite feels off",
        priorities=("comfort", "speed"),
        flow_id="teen_comprehensive",
        status=ConsultStatus.REFERRED_OUT,
        outcome_reason="Oral surgeon first: jaw surgery evaluation",
        decided_on=day,
    )
    newcomer = Patient(
        id=demo_id("patient", "lead_ivanova"),
        practice_id=DEMO_PRACTICE_ID,
        legal_first="Mila",
        legal_last="Ivanova",
        birth_date=date(today.year - 29, 2, 14),
        phone="(614) 555-0186",
        lead_source=LeadSource.WEBSITE,
        office_id=demo_id("office", "delaware"),
        created_at=_at(today - timedelta(days=7), 11),
    )
    booked = Consult(
        id=demo_id("consult", "lead_ivanova"),
        patient_id=newcomer.id,
        office_id=demo_id("office", "delaware"),
        coordinator_id=demo_id("staff", "tc_brooks"),
        doctor_id=demo_id("staff", "dr_whitaker"),
        scheduled_at=_at(_weekday_after(today, 6), 15),
        chief_concern="A gap and one crooked front tooth; aligners if I can",
        priorities=("appearance", "convenience"),
        flow_id="adult_aligners",
        status=ConsultStatus.SCHEDULED,
    )
    for one in (patient, newcomer):
        desk.patients.save(one)
    for key, who, name, relationship in (
        ("referred_out", patient, "Giulia Marchetti", Relationship.MOTHER),
        ("lead_ivanova", newcomer, newcomer.legal_name, Relationship.SELF),
    ):
        desk.patients.save_responsible_party(
            ResponsibleParty(
                id=demo_id("party", key),
                patient_id=who.id,
                name=name,
                relationship=relationship,
                phone=who.phone,
                pays=True,
            )
        )
    desk.consults.save(referred)
    desk.consults.save(booked)  # linked to its lead once the lead is saved
    return booked


def _weekday_after(today: date, days: int) -> date:
    day = today + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
