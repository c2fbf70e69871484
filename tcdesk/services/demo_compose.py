"""Composing the demo practice from its tables: pure, no database.

Dates are relative to ``today``; every choice comes from a ``random.Random``
seeded per patient or consult, so the same day gives the same demo.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from tcdesk.domain import (
    Consult,
    ConsultStatus,
    FinancialPolicy,
    Finding,
    FollowUp,
    InsurancePolicy,
    Note,
    ObjectionLog,
    Patient,
    PaymentPlan,
    RemainderPlacement,
    ResponsibleParty,
    TreatmentOption,
)
from tcdesk.services import demo_data as data
from tcdesk.services.clock import utc_iso
from tcdesk.services.demo_calendar import age_on, first_due, open_back, open_forward, years_before
from tcdesk.services.demo_content import (
    DEMO_PRACTICE_ID,
    HELD,
    SEED,
    DemoConsult,
    DemoContent,
    demo_id,
)
from tcdesk.services.demo_money import discounts_of, insurance_estimate, net_fee, plan_terms
from tcdesk.services.demo_people import (
    home_address,
    insurance_of,
    parties_of,
    people_of,
)
from tcdesk.services.demo_practice import fees, offices, practice_row, staff
from tcdesk.services.demo_treatment import flow_for, options_of


def compose_demo(today: date, cases: tuple[data.Case, ...] = data.CASES) -> DemoContent:
    """The whole demo as domain objects; the same ``today`` gives the same result.

    ``cases``: the families to compose (the demo's own by default; demo_history adds more).
    """
    composer = _Composer(today, cases)
    return composer.compose()


_SLOTS = (
    "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
    "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30",
)  # fmt: skip


class _Composer:
    def __init__(self, today: date, cases: tuple[data.Case, ...]) -> None:
        self.today = today
        self.cases = cases
        self.fees = {row.treatment_type: row for row in data.FEES}
        self.patients: list[Patient] = []
        self.parties: list[ResponsibleParty] = []
        self.insurance: list[InsurancePolicy] = []
        self.consults: list[Consult] = []
        self.findings: list[Finding] = []
        self.options: list[TreatmentOption] = []
        self.plans: list[PaymentPlan] = []
        self.notes: list[Note] = []
        self.objections: list[ObjectionLog] = []
        self.follow_ups: list[FollowUp] = []
        self.today_consults: list[DemoConsult] = []
        self.born: dict[str, date] = {}
        self.case_of_patient = {c.key: c for c in cases if not c.patient}

    # -- practice ---------------------------------------------------------------

    def compose(self) -> DemoContent:
        practice = practice_row()
        for case in self.cases:
            if not case.patient:
                self._patient(case)
        for case in self.cases:
            self._consult(case)
        return DemoContent(
            practice=practice,
            offices=offices(practice.id),
            staff=staff(practice.id),
            fees=fees(practice.id),
            policy=FinancialPolicy(
                practice_id=practice.id, remainder=RemainderPlacement.FIRST, **data.POLICY
            ),
            patients=tuple(self.patients),
            parties=tuple(self.parties),
            insurance=tuple(self.insurance),
            consults=tuple(self.consults),
            findings=tuple(self.findings),
            options=tuple(self.options),
            plans=tuple(self.plans),
            notes=tuple(self.notes),
            objections=tuple(self.objections),
            follow_ups=tuple(self.follow_ups),
            today=tuple(sorted(self.today_consults, key=lambda c: c.local_time)),
        )

    # -- time -------------------------------------------------------------------

    def consult_day(self, case: data.Case) -> date:
        if case.days_ago == 0:
            return self.today
        if case.days_ago > 0:
            return open_back(self.today - timedelta(days=case.days_ago))
        return open_forward(self.today + timedelta(days=-case.days_ago))

    def later(self, day: date, days: int) -> date:
        """``days`` after ``day``, on a day the office is open, never after today."""
        if days == 0:
            return day
        moved = open_forward(day + timedelta(days=days))
        if moved > self.today:
            moved = max(open_back(day + timedelta(days=days)), day)
        return moved

    def moment(self, day: date, hhmm: str, minutes: int = 0) -> datetime:
        """A local wall-clock time on ``day`` as an aware datetime."""
        hour, minute = (int(part) for part in hhmm.split(":"))
        naive = datetime(day.year, day.month, day.day, hour, minute) + timedelta(minutes=minutes)
        return naive.astimezone()  # this computer's zone, with its DST rules for that day

    def stamp(self, day: date, hhmm: str, minutes: int = 0) -> str:
        return utc_iso(self.moment(day, hhmm, minutes))

    def office_hours(self, rng: random.Random) -> str:
        return f"{rng.randint(9, 16):02d}:{rng.choice((0, 10, 20, 30, 40, 50)):02d}"

    # -- patients ---------------------------------------------------------------

    def _patient(self, case: data.Case) -> None:
        rng = random.Random(f"{SEED}:patient:{case.key}")
        pid = demo_id("patient", case.key)
        day = self.consult_day(case)
        birthday_in = case.birthday_in if case.birthday_in is not None else rng.randint(2, 363)
        birth = years_before(day + timedelta(days=birthday_in), case.age + 1)
        self.born[case.key] = birth
        address = home_address(case)
        people = people_of(case, rng, data.AREA_CODES[case.office])
        self.parties.extend(parties_of(case, pid, people, address))
        created = open_back(day - timedelta(days=rng.randint(3, 21)))
        self.patients.append(
            Patient(
                id=pid,
                practice_id=DEMO_PRACTICE_ID,
                legal_first=case.first,
                legal_last=case.last,
                birth_date=birth,
                preferred_name=case.preferred,
                email=people[0][3],
                phone=people[0][2],
                preferred_language=case.language,
                lead_source=case.lead,
                referrer=case.referrer,
                office_id=demo_id("office", case.office),
                created_at=self.stamp(created, self.office_hours(rng)),
            )
        )
        self.insurance.extend(insurance_of(case, pid, rng))

    # -- consults ---------------------------------------------------------------

    def _consult(self, case: data.Case) -> None:
        rng = random.Random(f"{SEED}:consult:{case.key}")
        owner = self.case_of_patient[case.patient_key]
        office = owner.office
        cid = demo_id("consult", case.key)
        pid = demo_id("patient", case.patient_key)
        day = self.consult_day(case)
        at = case.at or rng.choice(_SLOTS)
        coordinator = demo_id("staff", data.OFFICE_COORDINATOR[office])
        doctor = demo_id("staff", rng.choice(data.OFFICE_DOCTORS[office]))
        age = age_on(self.born[case.patient_key], day)
        held = case.status in HELD
        if held or (case.status is ConsultStatus.SCHEDULED and case.days_ago == 0):
            if not case.kind or not case.findings:
                raise ValueError(f"demo case {case.key}: findings and options are needed")
            options = options_of(case, cid, self.fees)
        else:
            options = []

        decided, planned, started, chosen = self._decisions(case, day, options)

        flow = case.flow or flow_for(case, owner, age)
        consult = Consult(
            id=cid,
            patient_id=pid,
            office_id=demo_id("office", office),
            coordinator_id=coordinator,
            doctor_id=doctor,
            scheduled_at=self.stamp(day, at),
            chief_concern=case.concern,
            priorities=case.priorities,
            status=case.status,
            outcome_reason=case.reason,
            decided_on=decided,
            planned_start=planned,
            started_on=started,
            flow_id=flow,
            chosen_option_id=chosen,
            arrived_at=(
                self.stamp(day, at, -case.arrived_early) if case.arrived_early is not None else None
            ),
        )
        self.consults.append(consult)
        if case.status is ConsultStatus.SCHEDULED and case.days_ago == 0:
            patient = next(p for p in self.patients if p.id == pid)
            self.today_consults.append(DemoConsult(cid, pid, patient.display_name, at, flow))
        self._findings(case, cid, bool(options))
        self.options.extend(options)
        if case.plan:
            self._plan(case, consult, options, owner, rng, day, at)
        self._history(case, consult, day, at, coordinator, rng)

    def _decisions(
        self, case: data.Case, day: date, options: list[TreatmentOption]
    ) -> tuple[date | None, date | None, date | None, str | None]:
        """When the family decided and treatment (is to) start, and the option chosen."""
        decided = planned = started = None
        chosen = None
        if case.status in (
            ConsultStatus.ACCEPTED, ConsultStatus.STARTED,
            ConsultStatus.DECLINED, ConsultStatus.OBSERVATION,
        ):  # fmt: skip
            decided = self.later(day, case.decided_after)
        if case.status is ConsultStatus.STARTED:
            assert decided is not None
            started = planned = self.later(decided, case.start_after)
        if case.status is ConsultStatus.ACCEPTED:
            planned = open_forward(self.today + timedelta(days=max(case.start_in, 1)))
        if case.status in (ConsultStatus.ACCEPTED, ConsultStatus.STARTED):
            chosen = options[case.recommend if case.choose is None else case.choose].id
        for moment in (decided, started):
            if moment is not None and moment > self.today:
                raise ValueError(f"demo case {case.key}: {moment} is after {self.today}")
        return decided, planned, started, chosen

    def _findings(self, case: data.Case, cid: str, examined: bool) -> None:
        for position, (code, severity, note) in enumerate(case.findings if examined else ()):
            self.findings.append(
                Finding(
                    id=demo_id("finding", case.key, str(position)),
                    consult_id=cid,
                    code=code,
                    severity=severity,
                    note=note,
                    position=position,
                )
            )

    def _plan(
        self,
        case: data.Case,
        consult: Consult,
        options: list[TreatmentOption],
        owner: data.Case,
        rng: random.Random,
        day: date,
        at: str,
    ) -> None:
        option = options[case.recommend if case.choose is None else case.choose]
        discounts = discounts_of(case)
        net = net_fee(option.fee_cents, discounts)
        agreement = consult.decided_on or day
        start = consult.planned_start or agreement
        insurance = insurance_estimate(net, owner.cover, self.born[case.patient_key], start)
        down, months, apr = plan_terms(case, net - insurance, option.estimated_months)
        if agreement == day:
            created = self.stamp(agreement, at, 27)
        else:
            created = self.stamp(agreement, self.office_hours(rng))
        self.plans.append(
            PaymentPlan(
                id=demo_id("plan", case.key),
                consult_id=consult.id,
                option_id=option.id,
                choice_key=case.plan,
                down_cents=down,
                months=months,
                apr_pct=apr,
                agreement_date=agreement,
                first_due=first_due(agreement) if months else None,
                remainder=RemainderPlacement.FIRST,
                discounts=discounts,
                created_at=created,
                created_by=consult.coordinator_id,
            )
        )

    def _history(
        self,
        case: data.Case,
        consult: Consult,
        day: date,
        at: str,
        author: str,
        rng: random.Random,
    ) -> None:
        for index, row in enumerate(case.notes):
            if isinstance(row, str):
                body, created = row, self.stamp(day, at, 10 + 12 * index)
            else:
                after, body = row
                created = self.stamp(self.later(day, after), self.office_hours(rng))
            self.notes.append(
                Note(
                    id=demo_id("note", case.key, str(index)),
                    consult_id=consult.id,
                    body=body,
                    created_at=created,
                    author_id=author,
                )
            )
        for index, (objection, detail) in enumerate(case.objections):
            self.objections.append(
                ObjectionLog(
                    id=demo_id("objection", case.key, str(index)),
                    consult_id=consult.id,
                    objection=objection,
                    created_at=self.stamp(day, at, 17 + 2 * index),
                    author_id=author,
                    detail=detail,
                )
            )
        for index, row in enumerate(case.follow_ups):
            done = None
            if row.done_after_days is not None:
                done = self.stamp(self.later(day, row.done_after_days), self.office_hours(rng))
            self.follow_ups.append(
                FollowUp(
                    id=demo_id("follow_up", case.key, str(index)),
                    consult_id=consult.id,
                    due_on=open_forward(day + timedelta(days=row.after_days)),
                    reason=row.reason or case.reason,
                    created_at=self.stamp(day, at, 40),
                    assigned_to=author,
                    done_at=done,
                )
            )
