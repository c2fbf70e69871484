"""The follow-up queue: every pending family, recall due and open lead, ranked for the TC.

The rank is the one DOMAIN.md gives, in this order: overdue first; then the
TC's warmth (hot, warm, cold; a consult with none counts as warm); then the due
date (earliest first); then value (the chosen or recommended option's patient
portion, priced by the quote code; largest first); then days since the consult
or the first contact (longest first); then the item's id, so ties are stable.
Each item carries its reasons in words ("overdue 3 days, hot, $5,200, quote
held until Mar 12, 2027"), so the window and ``tcdesk followups`` say the same.

Speed: one narrow scan ranks and counts everything (SQLite sorts by all but
value; follow_ups_open, consults_status, leads_status); only the rows shown
(and the rest of the last one's tie) are named and priced, from a few batched
reads, and refined by value inside their ties.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from tcdesk.domain import (
    InsurancePolicy,
    LeadSource,
    Patient,
    TreatmentOption,
    TreatmentType,
    Warmth,
)
from tcdesk.domain.pipeline import CHANNEL_LABELS, WARMTH_LABELS
from tcdesk.formatting import medium_date, whole_money_from_cents
from tcdesk.money import MoneyInputError, price
from tcdesk.services.clock import today as local_today
from tcdesk.services.consult_quote import base_request
from tcdesk.services.desk import Desk
from tcdesk.services.policy import limits_from_policy
from tcdesk.store.queue_repo import QueueRepository, RankedRow

DEFAULT_PAGE = 50  # a screenful and more; the window reads more as the TC scrolls


class ItemKind(StrEnum):
    FOLLOW_UP = "follow_up"  # a pending family's open follow-up
    RECALL = "recall"  # an observation or recall family whose date has come
    LEAD = "lead"  # a lead not yet booked


KIND_LABELS = {ItemKind.FOLLOW_UP: "Pending", ItemKind.RECALL: "Recall", ItemKind.LEAD: "Lead"}


@dataclass(frozen=True)
class QueueItem:
    """One family to contact, with everything the queue shows about it."""

    key: str  # "follow_up:<id>", "recall:<consult id>", "lead:<lead id>": what a log names
    kind: ItemKind
    name: str
    phone: str
    email: str
    due_on: date
    overdue_days: int  # 0 when not overdue
    warmth: Warmth | None
    value_cents: int  # 0 when unknown (a lead) or nothing is priced
    days_since: int  # since the consult (or, for a lead, the first contact)
    owner_id: str | None
    owner: str  # the TC's name
    why: str  # what holds them back, the lead's note, or "recall"
    quote_held_until: date | None
    consult_id: str | None
    lead_id: str | None
    patient_id: str | None
    channel: str
    reasons: str  # "overdue 3 days, hot, $5,200, quote held until Mar 12, 2027"
    observation: bool = False  # an observation or recall family (no quote is held)

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0

    @property
    def kind_label(self) -> str:
        """ "Pending", "Recall" (an observation family, by follow-up or recall date), "Lead"."""
        return "Recall" if self.observation else KIND_LABELS[self.kind]


@dataclass(frozen=True)
class QueueCounts:
    total: int
    overdue: int
    due: int  # due today or before

    @property
    def words(self) -> str:
        """ "Follow-ups: 7 (2 overdue)": what the desk shows."""
        return f"Follow-ups: {self.total} ({self.overdue} overdue)"


@dataclass(frozen=True)
class Queue:
    items: tuple[QueueItem, ...]
    counts: QueueCounts
    today: date


def quote_held_until(consult_day: date, valid_days: int) -> date:
    """The last day the quoted fee is held: the consult day plus the policy's days."""
    return consult_day + timedelta(days=valid_days)


def held_words(day: date | None) -> str:
    return f"quote held until {medium_date(day)}" if day else ""


def _warmth(text: str | None) -> Warmth | None:
    try:
        return Warmth(text) if text else None
    except ValueError:
        return None


def _local_day(utc_iso: str) -> date:
    return datetime.fromisoformat(utc_iso).astimezone().date()


def load_queue(
    desk: Desk,
    *,
    owner_id: str | None = None,
    due_by: date | None = None,
    limit: int | None = DEFAULT_PAGE,
) -> Queue:
    """The ranked queue (one TC's with ``owner_id``, everyone's without), first ``limit``
    items (None: all); ``due_by`` leaves out what is due later. The counts are of all."""
    today = local_today(desk.clock)
    repo = QueueRepository(desk.records)
    counts = QueueCounts(*repo.counts(today, owner_id=owner_id, due_by=due_by))
    page = _page_rows(repo, today, owner_id, due_by, limit)
    items = sorted(_Page(desk, repo, page, today).items(), key=rank_key)
    if limit is not None:
        items = items[:limit]
    return Queue(tuple(items), counts, today)


def queue_counts(desk: Desk, *, owner_id: str | None = None) -> QueueCounts:
    """The desk's count: one query, no page read."""
    today = local_today(desk.clock)
    return QueueCounts(*QueueRepository(desk.records).counts(today, owner_id=owner_id))


def _tie(row: RankedRow) -> tuple[int, int, str]:
    return (row.overdue, row.warmth_rank, row.due_on)


def _page_rows(
    repo: QueueRepository,
    today: date,
    owner_id: str | None,
    due_by: date | None,
    limit: int | None,
) -> list[RankedRow]:
    """The rows that can be among the first ``limit``: SQL's order is final except for
    value, so the first ``limit`` and the rest of the last one's tie (same overdue,
    warmth and due date), which value may reorder."""
    if limit is None:
        return repo.ranked(today, owner_id=owner_id, due_by=due_by)
    rows = repo.ranked(today, owner_id=owner_id, due_by=due_by, limit=2 * limit)
    if len(rows) <= limit:
        return rows
    edge = _tie(rows[limit - 1])
    if _tie(rows[-1]) == edge and len(rows) == 2 * limit:  # a tie longer than the slack
        tied = repo.ranked(today, owner_id=owner_id, due_by=due_by, tie=edge)
        return rows[:limit] + [r for r in tied if r not in rows[:limit]]
    return rows[:limit] + [r for r in rows[limit:] if _tie(r) == edge]


WARMTH_RANK = {Warmth.HOT: 0, Warmth.WARM: 1, None: 1, Warmth.COLD: 2}


def rank_key(item: QueueItem) -> tuple:
    """The queue's order (see the module's docstring)."""
    return (
        0 if item.overdue else 1,
        WARMTH_RANK[item.warmth],
        item.due_on,
        -item.value_cents,
        -item.days_since,
        item.key,
    )


class _Page:
    """The page's items, with names, value and quote hold, from a few batched reads."""

    def __init__(self, desk: Desk, repo: QueueRepository, rows: list[RankedRow], today: date):
        self.rows = rows
        self.today = today
        consult_ids = sorted({r.consult_id for r in rows if r.consult_id})
        self.consults = repo.consult_facts(consult_ids)
        self.reasons = repo.follow_up_reasons([r.item_id for r in rows if r.kind == "follow_up"])
        self.leads = repo.lead_facts([r.item_id for r in rows if r.kind == "lead"])
        self.options = repo.options_of(consult_ids)
        self.insurance = repo.insurance_of(
            sorted({c["patient_id"] for c in self.consults.values()})
        )
        self.staff = repo.staff_names()
        practice = desk.practice()
        policy = desk.practices.policy(practice.id) if practice else None
        self.valid_days = policy.estimate_valid_days if policy else 365
        self.limits = limits_from_policy(policy) if policy else None

    def items(self) -> Iterator[QueueItem]:
        for row in self.rows:
            item = self._item(row)
            if item is not None:
                yield item

    def value_cents(self, facts: dict[str, Any]) -> int:
        """The chosen (else recommended) option's patient portion, by the quote code."""
        options = self.options.get(facts["consult_id"], [])
        option = next((o for o in options if o["id"] == facts["chosen_option_id"]), None) or next(
            (o for o in options if o["recommended"]), None
        )
        if option is None or option["fee_cents"] <= 0 or self.limits is None:
            return 0
        patient = Patient(
            id=facts["patient_id"],
            practice_id="",
            legal_first="",
            legal_last="",
            birth_date=date.fromisoformat(facts["birth_date"]),
            birth_date_known=bool(facts["birth_date_known"]),
        )
        priced = TreatmentOption(
            id=option["id"],
            consult_id=facts["consult_id"],
            treatment_type=TreatmentType.METAL_BRACES,  # pricing reads only fee and months
            title="",
            description="",
            estimated_months=option["months"],
            visit_interval_weeks=6,
            fee_cents=option["fee_cents"],
        )
        insurance: list[InsurancePolicy] = self.insurance.get(patient.id, [])
        try:
            request = base_request(patient, priced, insurance, self.limits, self.today)
            portion = price(request).patient_portion
        except (MoneyInputError, ArithmeticError, ValueError):
            return option["fee_cents"]  # unpriceable (odd stored data): the fee, not nothing
        return int((portion * 100).to_integral_value())

    def _item(self, row: RankedRow) -> QueueItem | None:
        kind = ItemKind(row.kind)
        today = self.today
        due = date.fromisoformat(row.due_on)
        overdue_days = max((today - due).days, 0)
        warmth = _warmth(row.warmth)
        since_day = _local_day(row.since_at)
        observation = row.status == "observation"
        held = None
        value = 0
        if kind is ItemKind.LEAD:
            facts = self.leads.get(row.item_id)
            if facts is None:
                return None
            name, why, patient_id = facts["family_name"], facts["note"], facts["patient_id"]
            channel_value, detail = facts["channel"], facts["channel_detail"] or ""
        else:
            facts = self.consults.get(row.consult_id or "")
            if facts is None:
                return None  # the patient is gone
            first = facts["preferred_name"] or facts["legal_first"]
            name = f"{first} {facts['legal_last']}".strip()
            why = (
                self.reasons.get(row.item_id, "")
                if kind is ItemKind.FOLLOW_UP
                else facts["outcome_reason"]
            )
            patient_id, channel_value, detail = facts["patient_id"], facts["lead_source"], ""
            value = self.value_cents(facts)
            if not observation:
                held = quote_held_until(since_day, self.valid_days)
        try:
            label = CHANNEL_LABELS[LeadSource(channel_value)]
        except ValueError:
            label = channel_value or ""
        return QueueItem(
            key=f"{kind.value}:{row.item_id}",
            kind=kind,
            name=name,
            phone=facts["phone"] or "",
            email=facts["email"] or "",
            due_on=due,
            overdue_days=overdue_days,
            warmth=warmth,
            value_cents=value,
            days_since=max((today - since_day).days, 0),
            owner_id=row.owner_id,
            owner=self.staff.get(row.owner_id or "", ""),
            why=why or "",
            quote_held_until=held,
            consult_id=row.consult_id,
            lead_id=row.item_id if kind is ItemKind.LEAD else None,
            patient_id=patient_id,
            channel=f"{label} ({detail})" if detail else label,
            reasons=reasons(
                kind, due, overdue_days, warmth, value, held, today, label, detail, observation
            ),
            observation=observation,
        )


def reasons(
    kind: ItemKind,
    due: date,
    overdue_days: int,
    warmth: Warmth | None,
    value_cents: int,
    held: date | None,
    today: date,
    channel: str = "",
    detail: str = "",
    observation: bool = False,
) -> str:
    """Why the item is where it is, in the order it ranks."""
    words = []
    if overdue_days:
        words.append(f"overdue {overdue_days} day{'s' if overdue_days != 1 else ''}")
    elif due == today:
        words.append("due today")
    else:
        words.append(f"due {medium_date(due)}")
    if warmth is not None:
        words.append(WARMTH_LABELS[warmth].lower())
    if value_cents:
        words.append(whole_money_from_cents(value_cents))
    if held is not None:
        words.append(held_words(held))
    if kind is ItemKind.RECALL or observation:
        words.append("recall due" if kind is ItemKind.RECALL else "observation")
    if kind is ItemKind.LEAD:
        by = f"{channel.lower()} ({detail})" if detail else channel.lower()
        words.append(f"lead by {by}" if channel else "lead")
    return ", ".join(words)
