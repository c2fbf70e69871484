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

import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tcdesk.domain import (
    Consult,
    ConsultStatus,
    Discount,
    FeeScheduleItem,
    FinancialPolicy,
    Finding,
    FollowUp,
    InsurancePolicy,
    LeadSource,
    Note,
    ObjectionLog,
    Office,
    OfficeKind,
    Patient,
    PaymentPlan,
    Practice,
    Relationship,
    RemainderPlacement,
    ResponsibleParty,
    Staff,
    StaffRole,
    TreatmentOption,
)
from tcdesk.errors import UserError
from tcdesk.services import demo_data as data
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import stable_id

SEED = "tcdesk-demo-1"
DEMO_PRACTICE_ID = stable_id("demo", "practice")
HELD = frozenset(
    {
        ConsultStatus.PENDING,
        ConsultStatus.ACCEPTED,
        ConsultStatus.STARTED,
        ConsultStatus.DECLINED,
        ConsultStatus.OBSERVATION,
    }
)
_SLOTS = (
    "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
    "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30",
)  # fmt: skip


def demo_id(*parts: str) -> str:
    return stable_id("demo", *parts)


@dataclass(frozen=True)
class DemoConsult:
    """One of today's consults, for the summary."""

    consult_id: str
    patient_id: str
    patient_name: str
    local_time: str  # "HH:MM" in the practice's time zone
    flow_id: str


@dataclass(frozen=True)
class DemoSummary:
    practice_id: str
    practice_name: str
    patients: int
    consults: int
    by_status: tuple[tuple[ConsultStatus, int], ...]
    today: tuple[DemoConsult, ...]
    refreshed: bool  # the file already held the demo

    def count(self, status: ConsultStatus) -> int:
        return dict(self.by_status).get(status, 0)


@dataclass(frozen=True)
class DemoContent:
    """Everything the demo writes, as domain objects, in writing order."""

    practice: Practice
    offices: tuple[Office, ...]
    staff: tuple[Staff, ...]
    fees: tuple[FeeScheduleItem, ...]
    policy: FinancialPolicy
    patients: tuple[Patient, ...] = ()
    parties: tuple[ResponsibleParty, ...] = ()
    insurance: tuple[InsurancePolicy, ...] = ()
    consults: tuple[Consult, ...] = ()
    findings: tuple[Finding, ...] = ()
    options: tuple[TreatmentOption, ...] = ()
    plans: tuple[PaymentPlan, ...] = ()
    notes: tuple[Note, ...] = ()
    objections: tuple[ObjectionLog, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    today: tuple[DemoConsult, ...] = field(default=())


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
    return _summarize(desk, content, refreshed)


def _where(desk: Desk) -> str:
    return str(desk.path) if desk.path else "This practice file"


def _check_same_day(desk: Desk, content: DemoContent, today: date) -> None:
    """Notes and plans are permanent, so an earlier demo cannot be moved to another day."""
    anchor = content.today[0].consult_id
    wanted = next(c for c in content.consults if c.id == anchor)
    found = desk.consults.get(anchor)
    if found is None or found.scheduled_at == wanted.scheduled_at:
        return
    built_for = found.consult_date.isoformat()
    when = "in another time zone" if found.consult_date == today else f"for {built_for}"
    raise UserError(
        f"{_where(desk)} already holds the demo, built {when}; its notes and payment plans "
        f"are permanent, so it cannot be moved to {today.isoformat()}. "
        "Build the demo into a new file with --db, or delete this file first."
    )


def _write(desk: Desk, content: DemoContent) -> None:
    practices, patients, consults = desk.practices, desk.patients, desk.consults
    practices.save(content.practice)
    for office in content.offices:
        practices.save_office(office)
    for member in content.staff:
        practices.save_staff(member)
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


# --- composing: pure, no database ----------------------------------------------------


def compose_demo(today: date) -> DemoContent:
    """The whole demo as domain objects; the same ``today`` gives the same result."""
    composer = _Composer(today)
    return composer.compose()


class _Composer:
    def __init__(self, today: date) -> None:
        self.today = today
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
        self.case_of_patient = {c.key: c for c in data.CASES if not c.patient}

    # -- practice ---------------------------------------------------------------

    def compose(self) -> DemoContent:
        practice = Practice(
            id=DEMO_PRACTICE_ID,
            name=data.PRACTICE_NAME,
            phone=data.PRACTICE_PHONE,
            email=data.PRACTICE_EMAIL,
            website=data.PRACTICE_WEBSITE,
            brand_color=data.BRAND_COLOR,
            logo_path=data.LOGO_PATH,
            address=data.PRACTICE_ADDRESS,
        )
        offices = tuple(
            Office(
                id=demo_id("office", row.key),
                practice_id=practice.id,
                name=row.name,
                kind=OfficeKind.MAIN if row.main else OfficeKind.SATELLITE,
                address=row.address,
                phone=row.phone,
            )
            for row in data.OFFICES
        )
        staff = tuple(
            Staff(
                id=demo_id("staff", row.key),
                practice_id=practice.id,
                role=StaffRole(row.role),
                name=row.name,
                title=row.title,
                email=f"{_ascii_handle(row.name.removeprefix('Dr. '))}@brightsmilesortho.example",
                phone=data.PRACTICE_PHONE,
                office_id=demo_id("office", row.office) if row.office else None,
            )
            for row in data.STAFF
        )
        fees = tuple(
            FeeScheduleItem(
                id=demo_id("fee", row.treatment_type.value),
                practice_id=practice.id,
                treatment_type=row.treatment_type,
                name=row.name,
                fee_cents=row.fee_dollars * 100,
                typical_months=row.typical_months,
                visit_interval_weeks=row.visit_interval_weeks,
            )
            for row in data.FEES
        )
        policy = FinancialPolicy(
            practice_id=practice.id, remainder=RemainderPlacement.FIRST, **data.POLICY
        )
        for case in data.CASES:
            if not case.patient:
                self._patient(case)
        for case in data.CASES:
            self._consult(case)
        return DemoContent(
            practice=practice,
            offices=offices,
            staff=staff,
            fees=fees,
            policy=policy,
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
            return _open_back(self.today - timedelta(days=case.days_ago))
        return _open_forward(self.today + timedelta(days=-case.days_ago))

    def later(self, day: date, days: int) -> date:
        """``days`` after ``day``, on a day the office is open, never after today."""
        if days == 0:
            return day
        moved = _open_forward(day + timedelta(days=days))
        if moved > self.today:
            moved = max(_open_back(day + timedelta(days=days)), day)
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
        birth = _years_before(day + timedelta(days=birthday_in), case.age + 1)
        self.born[case.key] = birth
        office = case.office
        home_rng = random.Random(f"{SEED}:home:{case.last}:{office}")
        town = next(row for row in data.OFFICES if row.key == office)
        address = (
            f"{home_rng.randint(100, 9899)} {home_rng.choice(data.STREETS)}, "
            f"{town.town}, OH {town.zip_code}"
        )
        area = data.AREA_CODES[office]
        adult = case.age >= 18
        if not adult and not case.parties:
            raise ValueError(f"demo case {case.key}: a minor needs a responsible party")
        self_phone = _phone(rng, area)
        self_email = f"{case.email_name or _ascii_handle(case.first, case.last)}@" + rng.choice(
            data.MAIL_DOMAINS
        )
        people: list[tuple[str, Relationship, str, str]] = []
        if adult:
            people.append((f"{case.first} {case.last}", Relationship.SELF, self_phone, self_email))
        for party in case.parties:
            party_rng = random.Random(f"{SEED}:party:{party.name}")
            handle = party.email_name or _ascii_handle(party.name) or f"{case.key}.family"
            people.append(
                (
                    party.name,
                    party.relationship,
                    _phone(party_rng, area),
                    f"{handle}@{party_rng.choice(data.MAIL_DOMAINS)}",
                )
            )
        for position, (name, relationship, phone, email) in enumerate(people):
            self.parties.append(
                ResponsibleParty(
                    id=demo_id("party", case.key, str(position)),
                    patient_id=pid,
                    name=name,
                    relationship=relationship,
                    phone=phone,
                    email=email,
                    address=address,
                    position=position,
                )
            )
        created = _open_back(day - timedelta(days=rng.randint(3, 21)))
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
                office_id=demo_id("office", office),
                created_at=self.stamp(created, self.office_hours(rng)),
            )
        )
        for cover in case.cover:
            subscriber = (
                f"{case.first} {case.last}"
                if cover.subscriber < 0
                else case.parties[cover.subscriber].name
            )
            self.insurance.append(
                InsurancePolicy(
                    id=demo_id("insurance", case.key, cover.rank.value),
                    patient_id=pid,
                    rank=cover.rank,
                    carrier=cover.carrier,
                    coverage_pct=Decimal(cover.pct),
                    lifetime_max_cents=cover.max_dollars * 100,
                    used_cents=cover.used_dollars * 100,
                    age_limit=cover.age_limit,
                    payout=cover.payout,
                    subscriber=subscriber,
                    member_id=data.CARRIER_PREFIX.get(cover.carrier, "XX")
                    + f"{rng.randint(0, 999_999_999):09d}",
                )
            )

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
        age = _age_on(self.born[case.patient_key], day)
        held = case.status in HELD
        if held or (case.status is ConsultStatus.SCHEDULED and case.days_ago == 0):
            if not case.kind or not case.findings:
                raise ValueError(f"demo case {case.key}: findings and options are needed")
            options = self._options(case, cid)
        else:
            options = []

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
            planned = _open_forward(self.today + timedelta(days=max(case.start_in, 1)))
        if case.status in (ConsultStatus.ACCEPTED, ConsultStatus.STARTED):
            chosen = options[case.recommend if case.choose is None else case.choose].id
        for moment in (decided, started):
            if moment is not None and moment > self.today:
                raise ValueError(f"demo case {case.key}: {moment} is after {self.today}")

        flow = case.flow or _flow_for(case, owner, age)
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
        )
        self.consults.append(consult)
        if case.status is ConsultStatus.SCHEDULED and case.days_ago == 0:
            patient = next(p for p in self.patients if p.id == pid)
            self.today_consults.append(DemoConsult(cid, pid, patient.display_name, at, flow))
        for position, (code, severity, note) in enumerate(case.findings if options else ()):
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
        self.options.extend(options)
        if case.plan:
            self._plan(case, consult, options, owner, rng, day, at)
        self._history(case, consult, day, at, coordinator, rng)

    def _options(self, case: data.Case, cid: str) -> list[TreatmentOption]:
        template = data.KINDS[case.kind]
        recommended_type = template[case.recommend][0]
        options = []
        for position, (kind, words) in enumerate(template):
            fee = self.fees[kind]
            title, description = words or data.OPTION_TEXT[kind]
            months = fee.typical_months
            if case.months is not None:
                if kind is recommended_type:
                    months = case.months
                elif kind in data.COMPREHENSIVE and recommended_type in data.COMPREHENSIVE:
                    months = (
                        case.months
                        + fee.typical_months
                        - self.fees[recommended_type].typical_months
                    )
                months = max(months, 6)
            options.append(
                TreatmentOption(
                    id=demo_id("option", case.key, str(position)),
                    consult_id=cid,
                    treatment_type=kind,
                    title=title,
                    description=description,
                    estimated_months=months,
                    visit_interval_weeks=fee.visit_interval_weeks,
                    fee_cents=fee.fee_dollars * 100,
                    recommended=position == case.recommend,
                    position=position,
                )
            )
        return options

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
        policy = data.POLICY
        discounts = tuple(
            Discount(
                name=name, percent=percent, amount_cents=amount, family="sibling" in name.lower()
            )
            for name, percent, amount in case.discounts
        )
        fee = option.fee_cents
        net = fee - sum(
            _percent_of(fee, d.percent) if d.percent is not None else d.amount_cents or 0
            for d in discounts
        )
        agreement = consult.decided_on or day
        start = consult.planned_start or agreement
        insurance = _insurance_estimate(net, owner.cover, self.born[case.patient_key], start)
        portion = net - insurance
        standard_down = min(
            _ceil_dollars(
                max(_percent_of(portion, policy["min_down_pct"]), policy["min_down_cents"])
            ),
            portion,
        )
        months = min(option.estimated_months, policy["max_months"])
        apr = policy["apr_pct"]
        if case.plan == "pay_in_full":
            down, months = portion - _percent_of(portion, policy["pif_discount_pct"]), 0
        elif case.plan == "standard":
            down = standard_down
        elif case.plan == "low_down":
            down, months = policy["low_down_cents"], policy["max_months"]
        elif case.plan == "extended":
            down, months = standard_down, policy["extended_max_months"]
            apr = policy["extended_apr_pct"]
        else:
            raise ValueError(f"demo case {case.key}: unknown plan {case.plan!r}")
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
                first_due=_first_due(agreement) if months else None,
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
                    due_on=_open_forward(day + timedelta(days=row.after_days)),
                    reason=row.reason or case.reason,
                    created_at=self.stamp(day, at, 40),
                    assigned_to=author,
                    done_at=done,
                )
            )


# --- small helpers -------------------------------------------------------------------


def _flow_for(case: data.Case, owner: data.Case, age: int) -> str:
    if owner.lead is LeadSource.WALK_IN and case.status in HELD and not case.patient:
        return data.FLOW_WALK_IN
    if case.kind in ("phase1", "observation") or age <= 10:
        return data.FLOW_PHASE_ONE
    if age >= 18:
        return data.FLOW_ADULT
    return data.FLOW_TEEN


_FIXED_HOLIDAYS = frozenset({(1, 1), (7, 4), (12, 24), (12, 25), (12, 31)})


def _closed(day: date) -> bool:
    """Weekends and the holidays the practice closes for."""
    if day.weekday() >= 5 or (day.month, day.day) in _FIXED_HOLIDAYS:
        return True
    first = date(day.year, 11, 1)
    thanksgiving = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return day == thanksgiving


def _open_back(day: date) -> date:
    while _closed(day):
        day -= timedelta(days=1)
    return day


def _open_forward(day: date) -> date:
    while _closed(day):
        day += timedelta(days=1)
    return day


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age_on(birth: date, day: date) -> int:
    had_birthday = (day.month, day.day) >= (birth.month, birth.day)
    return day.year - birth.year - (0 if had_birthday else 1)


def _first_due(agreement: date) -> date:
    """The 1st or 15th nearest to one month after the agreement (a tie goes later)."""
    year, month = _next_month(agreement.year, agreement.month)
    target = date(year, month, min(agreement.day, 28))
    after = date(*_next_month(year, month), 1)
    candidates = (date(year, month, 1), date(year, month, 15), after)
    return min(candidates, key=lambda d: (abs((d - target).days), -d.toordinal()))


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _percent_of(cents: int, percent: Decimal) -> int:
    return int((Decimal(cents) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _ceil_dollars(cents: int) -> int:
    return -(-cents // 100) * 100


def _insurance_estimate(
    fee_cents: int, covers: tuple[data.Cover, ...], birth: date, start: date
) -> int:
    """What the plans are expected to pay (tcdesk.money has the full rules)."""
    left = fee_cents
    total = 0
    for cover in sorted(covers, key=lambda c: c.rank.value):  # primary first
        if cover.age_limit is not None and _age_on(birth, start) > cover.age_limit:
            continue
        pays = min(
            _percent_of(fee_cents, Decimal(cover.pct)),
            (cover.max_dollars - cover.used_dollars) * 100,
            left,
        )
        total += pays
        left -= pays
    return total


def _phone(rng: random.Random, area: str) -> str:
    return f"({area}) 555-01{rng.randint(0, 99):02d}"


_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "'": ""})


def _ascii_handle(*names: str) -> str:
    """``josé luis ramírez`` -> ``jose.luis.ramirez``; empty for names in other scripts."""
    text = unicodedata.normalize("NFKD", " ".join(names).casefold().translate(_LETTERS))
    kept = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in " -"))
    return ".".join(kept.replace("-", " ").split())


__all__ = [
    "DEMO_PRACTICE_ID",
    "DemoConsult",
    "DemoContent",
    "DemoSummary",
    "build_demo",
    "compose_demo",
]
