"""Thirteen months of the demo practice's past, so its numbers and charts have something to say.

About 150 earlier consults (started, declined, observation, pending lately,
no-shows and cancelled) made as demo *cases* and composed by the same code as
the demo's own families, so each has its findings, options, notes and plan.
Acceptance lands around 65-75% overall; Jessica Alvarez (Westerville) closes
more than Tamika Brooks (Delaware); referrals close best and social media
worst, as practices report. Everything is in the past: today's families and
the days ahead stay exactly as the demo makes them.

Written with bulk inserts in the demo's one transaction (``add_history``);
the same day gives the same rows, and a second run adds nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from tcdesk.domain import ConditionCode, ConsultStatus, LeadSource, Objection, Relationship
from tcdesk.domain import Severity as V
from tcdesk.services import demo_data as data
from tcdesk.services.demo_compose import compose_demo
from tcdesk.services.demo_content import SEED, DemoContent
from tcdesk.services.demo_history_leads import with_leads
from tcdesk.services.desk import Desk
from tcdesk.store.patient_repo import patient_row

C = ConditionCode
S = ConsultStatus
L = LeadSource
O = Objection  # noqa: E741
F = data.FollowUpRow

MONTHS = 13
FIRST_DAYS_AGO, LAST_DAYS_AGO = 7, 388  # inside the demo's thirteen months, never today

# The coordinator is the office's (demo_data.OFFICE_COORDINATOR): base start rates.
OFFICE_WEIGHTS = (("westerville", 5), ("delaware", 3), ("new_albany", 3))
OFFICE_ACCEPTANCE = {"westerville": 0.96, "delaware": 0.80, "new_albany": 0.89}
SOURCE_WEIGHTS = (
    (L.PHONE, 24),
    (L.WEBSITE, 20),
    (L.DOCTOR_REFERRAL, 12),
    (L.PATIENT_REFERRAL, 13),
    (L.SOCIAL_MEDIA, 13),
    (L.EMAIL, 8),
    (L.TEXT, 6),
    (L.WALK_IN, 4),
)
SOURCE_LIFT = {
    L.DOCTOR_REFERRAL: 0.06,
    L.PATIENT_REFERRAL: 0.05,
    L.SOCIAL_MEDIA: -0.25,
    L.WEBSITE: -0.08,
    L.EMAIL: -0.04,
}
REFERRERS = {
    L.DOCTOR_REFERRAL: (data.DR_LIU, data.DR_ADEYEMI, data.DR_KOWALSKI),
    L.PATIENT_REFERRAL: ("The Walker family", "The Morales family", "The Nguyen family"),
}

FIRST = (
    "Ava", "Mateo", "Chloe", "Elijah", "Zara", "Kai", "Amara", "Lucas", "Priya", "Diego",
    "Hana", "Omar", "Grace", "Rafael", "Leila", "Finn", "Mei", "Isaac", "Nadia", "Theo",
    "Aaliyah", "Jonah", "Yuki", "Samir", "Freya", "Tomás", "Imani", "Arjun", "Lena", "Malik",
)  # fmt: skip
LAST = (
    "Patel", "García", "Kowalczyk", "Okafor", "Lindström", "Tanaka", "Haddad", "Murphy",
    "Nguyen", "Rossi", "Fischer", "Mensah", "Dubois", "Sato", "Novak", "Reyes", "Ibrahim",
    "Olsen", "Castillo", "Bergman", "Wójcik", "Moreau", "Kaur", "Jensen", "Varga",
)  # fmt: skip
PARENTS = ("Maria", "David", "Aisha", "Michael", "Keiko", "Carlos", "Fatima", "James", "Ingrid")

TEEN_FINDINGS = (
    ((C.CROWDING, V.MODERATE, "Upper and lower front teeth overlap; 5 mm short of room."),),
    ((C.OVERJET, V.MODERATE, "Upper front teeth 5 mm ahead of the lower ones."),),
    ((C.DEEP_BITE, V.MODERATE, "Upper front teeth cover most of the lower ones."),),
    (
        (C.CROWDING, V.MILD, "Mild crowding of the lower front teeth."),
        (C.SPACING, V.MILD, "Small gaps between the upper front teeth."),
    ),
)
ADULT_FINDINGS = (
    ((C.CROWDING, V.MILD, "Lower front teeth have shifted and overlap."),),
    ((C.SPACING, V.MODERATE, "Gaps between the upper front teeth have opened up."),),
)
CHILD_FINDINGS = (
    ((C.CROSSBITE, V.MODERATE, "Upper back teeth sit inside the lower ones on the left."),),
    ((C.CROWDING, V.MILD, "Not enough room yet for the adult front teeth."),),
)
CONCERNS = {
    "teen": ("Her teeth are crowded and she hides her smile in photos.",
             "His top teeth stick out and he is teased about it.",
             "The dentist said the bite is off and should be looked at."),
    "adult": ("My teeth have shifted since I was a teenager and it bothers me at work.",
              "I want to fix the gaps before my wedding next year."),
    "child": ("Her dentist noticed a crossbite and sent us to check.",
              "His adult teeth are coming in crooked."),
}  # fmt: skip
PRIORITIES = (
    ("appearance", "cost"),
    ("comfort", "cost", "appearance"),
    ("speed", "appearance"),
    ("cost", "convenience"),
    ("sports", "comfort"),
)
NOTES = (
    "Went through the options with both parents; the monthly amount mattered most.",
    "Showed the photos side by side; the family understood the bite problem.",
    "Asked about the school schedule for visits; offered late afternoon slots.",
    "Patient wants clear options; talked through wearing aligners 22 hours a day.",
)
DECLINE_REASONS = (
    (O.COST, "Chose a practice closer to home with a lower fee."),
    (O.SECOND_OPINION, "Went with the other orthodontist they saw."),
    (O.TIMING, "Decided to wait until after the school year."),
)
PENDING_REASONS = (
    (O.TALK_TO_PARTNER, "Wants to talk it over with her husband first."),
    (O.COST, "Checking what their insurance will pay before deciding."),
    (O.NEED_TO_THINK, "Wants a week to think about braces or aligners."),
)
PLANS = (("standard", 6), ("low_down", 2), ("pay_in_full", 2))


def _pick(rng: random.Random, weighted: Iterable[tuple[Any, int]]) -> Any:
    items = list(weighted)
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def history_cases() -> tuple[data.Case, ...]:
    """The past consults as demo cases, from days ago (so any ``today`` gives the same story)."""
    cases = []
    span = LAST_DAYS_AGO - FIRST_DAYS_AGO
    count = MONTHS * 12
    for index in range(count):
        rng = random.Random(f"{SEED}:history:{index}")
        days_ago = LAST_DAYS_AGO - (span * index) // (count - 1)
        cases.append(_case(index, days_ago, rng))
    return tuple(cases)


def _case(index: int, days_ago: int, rng: random.Random) -> data.Case:
    office = _pick(rng, OFFICE_WEIGHTS)
    lead = _pick(rng, SOURCE_WEIGHTS)
    group = _pick(rng, (("teen", 11), ("adult", 6), ("child", 3)))
    first = FIRST[index % len(FIRST)]
    last = LAST[(index * 7 + index // len(FIRST)) % len(LAST)]
    age = {"teen": rng.randint(11, 17), "adult": rng.randint(22, 52), "child": rng.randint(7, 9)}[
        group
    ]
    parties = ()
    if group != "adult":
        parent = PARENTS[index % len(PARENTS)]
        parties = (
            data.Party(f"{parent} {last}", rng.choice((Relationship.MOTHER, Relationship.FATHER))),
        )
    common: dict[str, Any] = dict(
        key=f"history_{index:03d}",
        first=first,
        last=last,
        age=age,
        days_ago=days_ago,
        concern=rng.choice(CONCERNS[group]),
        priorities=rng.choice(PRIORITIES),
        lead=lead,
        referrer=rng.choice(REFERRERS[lead]) if lead in REFERRERS else "",
        office=office,
        parties=parties,
        birthday_in=rng.randint(30, 330),
    )
    roll = rng.random()
    if roll < 0.06:
        return data.Case(status=S.NO_SHOW, **common)
    if roll < 0.09:
        return data.Case(
            status=S.CANCELLED, reason="Family moved the consult off the calendar.", **common
        )
    kind, findings = _exam(group, rng)
    examined = dict(kind=kind, findings=findings, notes=(rng.choice(NOTES),))
    if group == "child" and rng.random() < 0.55:
        return data.Case(
            status=S.OBSERVATION,
            kind="observation",
            findings=findings,
            notes=examined["notes"],
            reason="Not ready yet: see again when more adult teeth are in.",
            follow_ups=(F(182, "6-month recall: check the adult teeth coming in."),),
            **common,
        )
    chance = OFFICE_ACCEPTANCE[office] + SOURCE_LIFT.get(lead, 0.0)
    if rng.random() < chance:
        same_day = rng.random() < 0.45
        decided = 0 if same_day else rng.randint(1, 12)
        start = 0 if same_day else rng.choice((7, 10, 14, 21, 28))
        if decided + start >= days_ago - 2:  # a start is never after today
            decided = start = 0
        return data.Case(
            status=S.STARTED,
            decided_after=decided,
            start_after=start,
            plan=_pick(rng, PLANS),
            **examined,
            **common,
        )
    if days_ago <= 40:
        objection = rng.choice(PENDING_REASONS)
        return data.Case(
            status=S.PENDING,
            reason=objection[1],
            objections=(objection,),
            follow_ups=(F(rng.randint(2, 9)),),
            **examined,
            **common,
        )
    objection = rng.choice(DECLINE_REASONS)
    return data.Case(
        status=S.DECLINED,
        decided_after=min(rng.randint(3, 25), days_ago - 2),
        reason=objection[1],
        objections=(objection,),
        **examined,
        **common,
    )


def _exam(group: str, rng: random.Random) -> tuple[str, tuple[data.Finding, ...]]:
    if group == "adult":
        return rng.choice(("adult3", "adult_limited")), rng.choice(ADULT_FINDINGS)
    if group == "child":
        return "phase1", rng.choice(CHILD_FINDINGS)
    return rng.choice(("teen3", "teen2", "teen_aligners")), rng.choice(TEEN_FINDINGS)


def compose_history(today: date) -> DemoContent:
    return compose_demo(today, history_cases())


def add_history(desk: Desk, today: date) -> int:
    """Write the history (bulk inserts; the caller holds the transaction); the consults added."""
    content = compose_history(today)
    if not content.consults or desk.consults.get(content.consults[0].id) is not None:
        return 0  # already there (the same day's demo, built again)
    records = desk.records
    db = records.db
    db["patients"].insert_all((patient_row(records, p) for p in content.patients), batch_size=500)
    consults, leads = with_leads(content.consults, content.patients)
    # A lead and its consult name each other: the lead first, its consult linked after.
    records.insert_all("leads", (replace(lead, consult_id=None) for lead in leads))
    for table, rows in (
        ("responsible_parties", content.parties),
        ("consults", consults),
        ("findings", content.findings),
        ("treatment_options", content.options),
        ("notes", content.notes),
        ("objections", content.objections),
        ("follow_ups", content.follow_ups),
    ):
        records.insert_all(table, rows)
    plans = []
    for plan in content.plans:
        row = records.row("payment_plans", plan)
        row["policy"] = row.get("policy") or ""
        plans.append(row)
    db["payment_plans"].insert_all(plans, batch_size=500)
    for lead in leads:
        if lead.consult_id is not None:
            records.upsert("leads", lead)
    return len(content.consults)
