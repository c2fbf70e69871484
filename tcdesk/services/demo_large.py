"""A large practice file for benchmarks: 100,000 patients, 150,000 consults, 20,000 leads.

``tcdesk demo --size large`` builds the ordinary demo and then this, in the
same transaction, with sqlite-utils ``insert_all`` (rows as plain dicts, made
in one pass): thirteen months of consults at a big multi-office practice, with
options (so pending families have a value), insurance for a third of the
patients, open follow-ups and contacts, and leads from every channel.
Reproducible: one ``random.Random`` seeded by ``SEED``; ids are ``stable_id``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from tcdesk.domain import LeadSource, Patient
from tcdesk.services import demo_data as data
from tcdesk.services.clock import utc_iso
from tcdesk.services.demo_content import DEMO_PRACTICE_ID, demo_id
from tcdesk.services.desk import Desk
from tcdesk.services.ids import stable_id
from tcdesk.store.patient_repo import patient_row

SEED = "tcdesk-large-1"
PATIENTS, CONSULTS, LEADS = 100_000, 150_000, 20_000
DAYS = 395  # thirteen months back from today
FIRST = (
    "Ava", "Mateo", "Chloe", "Elijah", "Zara", "Kai", "Amara", "Lucas", "Priya", "Diego",
    "Hana", "Omar", "Grace", "Rafael", "Leila", "Finn", "Mei", "Isaac", "Nadia", "Theo",
)  # fmt: skip
LAST = (
    "Patel", "Garcia", "Kowalczyk", "Okafor", "Lindstrom", "Tanaka", "Haddad", "Murphy",
    "Nguyen", "Rossi", "Fischer", "Mensah", "Dubois", "Sato", "Novak", "Reyes",
)  # fmt: skip
SOURCES = tuple(LeadSource)
SOURCE_WEIGHTS = (24, 8, 6, 13, 20, 12, 13, 4)
OFFICES = tuple(row.key for row in data.OFFICES)
FEES = {row.treatment_type: row for row in data.FEES if row.fee_dollars > 0}
KINDS = tuple(FEES)


@dataclass(frozen=True)
class LargeSummary:
    patients: int
    consults: int
    leads: int


def _id(kind: str, number: int) -> str:
    return stable_id("large", kind, str(number))


def _at(day: date, minutes: int) -> str:
    local = datetime.combine(day, time(8, 0)) + timedelta(minutes=minutes)
    return utc_iso(local.astimezone())


class _Rows:
    """Every row of the large practice, made in one pass over the consults."""

    def __init__(self, desk: Desk, today: date) -> None:
        self.desk = desk
        self.today = today
        self.rng = random.Random(SEED)
        self.stamp = desk.records.stamps.next
        self.patients: list[dict[str, Any]] = []
        self.births: list[date] = []
        self.sources: list[str] = []
        self.consults: list[dict[str, Any]] = []
        self.options: list[dict[str, Any]] = []
        self.insurance: list[dict[str, Any]] = []
        self.follow_ups: list[dict[str, Any]] = []
        self.contacts: list[dict[str, Any]] = []
        self.leads: list[dict[str, Any]] = []

    def build(self) -> None:
        for number in range(PATIENTS):
            self._patient(number)
        for number in range(CONSULTS):
            # The first 100,000 consults are each patient's first; the rest second visits.
            self._consult(number, number if number < PATIENTS else self.rng.randrange(PATIENTS))
        for number in range(LEADS):
            self._lead(number)

    def _patient(self, number: int) -> None:
        rng = self.rng
        source = rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
        born = self.today - timedelta(days=rng.randint(7 * 365, 55 * 365))
        office = OFFICES[number % len(OFFICES)]
        patient = Patient(
            id=_id("patient", number),
            practice_id=DEMO_PRACTICE_ID,
            legal_first=FIRST[number % len(FIRST)],
            legal_last=f"{LAST[(number // len(FIRST)) % len(LAST)]}-{number}",
            birth_date=born,
            phone=f"(614) 7{number // 10000 % 100:02d}-{number % 10000:04d}",
            lead_source=source,
            referrer="A referring dentist" if source is LeadSource.DOCTOR_REFERRAL else "",
            office_id=demo_id("office", office),
            created_at=_at(self.today - timedelta(days=DAYS + 30), 0),
        )
        row = patient_row(self.desk.records, patient)
        self.patients.append(row)
        self.births.append(born)
        self.sources.append(source.value)
        if rng.random() < 0.33:
            self.insurance.append(
                {
                    "id": _id("insurance", number),
                    "patient_id": patient.id,
                    "rank": "primary",
                    "carrier": "Delta Dental",
                    "coverage_pct": "50",
                    "lifetime_max_cents": rng.choice((100_000, 150_000, 200_000)),
                    "used_cents": 0,
                    "age_limit": 19,
                    "initial_pct": "25",
                    "payout": "monthly",
                    "updated_at": self.stamp(),
                }
            )

    def _consult(self, number: int, patient: int) -> None:
        rng = self.rng
        office = OFFICES[patient % len(OFFICES)]
        days_ago = rng.randint(1, DAYS)
        day = self.today - timedelta(days=days_ago)
        cid = _id("consult", number)
        status, started, decided, planned = self._outcome(rng, day, days_ago)
        kind = rng.choice(KINDS)
        fee = FEES[kind]
        option_id = _id("option", number)
        held = status not in ("no_show", "cancelled")
        self.consults.append(
            {
                "id": cid,
                "patient_id": _id("patient", patient),
                "office_id": demo_id("office", office),
                "coordinator_id": demo_id("staff", data.OFFICE_COORDINATOR[office]),
                "doctor_id": demo_id("staff", rng.choice(data.OFFICE_DOCTORS[office])),
                "scheduled_at": _at(day, rng.randrange(0, 540, 30)),
                "chief_concern": "Crowded front teeth.",
                "priorities": '["appearance", "cost"]',
                "status": status,
                "outcome_reason": "Thinking it over." if status == "pending" else "",
                "decided_on": decided,
                "planned_start": planned,
                "started_on": started,
                "flow_id": "teen_comprehensive" if rng.random() < 0.6 else "adult_aligners",
                "chosen_option_id": option_id if status in ("started", "accepted") else None,
                "updated_at": self.stamp(),
            }
        )
        if held:
            self.options.append(
                {
                    "id": option_id,
                    "consult_id": cid,
                    "treatment_type": kind.value,
                    "title": fee.name,
                    "description": "The doctor's recommendation. Typical time. Visits.",
                    "estimated_months": fee.typical_months,
                    "visit_interval_weeks": fee.visit_interval_weeks,
                    "fee_cents": fee.fee_dollars * 100,
                    "recommended": 1,
                    "position": 0,
                    "updated_at": self.stamp(),
                }
            )
        if status == "pending":
            coordinator = demo_id("staff", data.OFFICE_COORDINATOR[office])
            done = rng.random() < 0.5
            self.follow_ups.append(
                {
                    "id": _id("follow_up", number),
                    "consult_id": cid,
                    "due_on": (day + timedelta(days=3)).isoformat(),
                    "reason": "Cost",
                    "created_at": _at(day, 60),
                    "assigned_to": coordinator,
                    "done_at": _at(day + timedelta(days=rng.randint(1, 6)), 90) if done else None,
                    "updated_at": self.stamp(),
                }
            )
            if rng.random() < 0.6:
                self.contacts.append(
                    {
                        "id": _id("contact", number),
                        "consult_id": cid,
                        "kind": "call",
                        "result": "Talked; still deciding.",
                        "at": _at(day + timedelta(days=rng.randint(1, 5)), 120),
                        "author_id": coordinator,
                    }
                )

    def _outcome(
        self, rng: random.Random, day: date, days_ago: int
    ) -> tuple[str, str | None, str | None, str | None]:
        roll = rng.random()
        if roll < 0.06:
            return "no_show", None, None, None
        if roll < 0.09:
            return "cancelled", None, None, None
        roll = rng.random()
        if roll < 0.68:
            after = 0 if rng.random() < 0.4 else rng.choice((7, 14, 21, 30, 50))
            start = min(day + timedelta(days=after), self.today)
            on = start.isoformat()
            return "started", on, day.isoformat(), on
        if roll < 0.82:
            return "declined", None, day.isoformat(), None
        if roll < 0.89:
            return "observation", None, day.isoformat(), None
        if days_ago > 60:  # older families have decided by now: most said no
            return "declined", None, day.isoformat(), None
        return "pending", None, None, None

    def _lead(self, number: int) -> None:
        rng = self.rng
        day = self.today - timedelta(days=rng.randint(1, DAYS))
        booked = rng.random() < 0.55
        office = rng.choice(OFFICES)
        self.leads.append(
            {
                "id": _id("lead", number),
                "practice_id": DEMO_PRACTICE_ID,
                "family_name": f"{LAST[number % len(LAST)]} family",
                "phone": f"(614) 8{number // 10000 % 100:02d}-{number % 10000:04d}",
                "channel": rng.choices(SOURCES, SOURCE_WEIGHTS)[0].value,
                "contacted_at": _at(day, rng.randrange(0, 540)),
                "assigned_to": demo_id("staff", data.OFFICE_COORDINATOR[office]),
                "office_id": demo_id("office", office),
                "status": "consult_booked" if booked else rng.choice(("new", "contacted")),
                # A booked lead points at a consult of its time (a first visit).
                "consult_id": _id("consult", rng.randrange(PATIENTS)) if booked else None,
                "created_at": _at(day, 0),
                "updated_at": self.stamp(),
            }
        )

    def tables(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        yield "patients", self.patients
        yield "insurance_policies", self.insurance
        yield "consults", self.consults
        yield "treatment_options", self.options
        yield "follow_ups", self.follow_ups
        yield "contacts", self.contacts
        yield "leads", self.leads


def add_large(desk: Desk, today: date) -> LargeSummary:
    """Add the large practice to the demo (the caller holds the transaction)."""
    if desk.patients.get(_id("patient", 0)) is not None:
        return LargeSummary(0, 0, 0)  # already there
    rows = _Rows(desk, today)
    rows.build()
    for table, batch in rows.tables():
        desk.db[table].insert_all(batch, batch_size=1000)
    return LargeSummary(len(rows.patients), len(rows.consults), len(rows.leads))
