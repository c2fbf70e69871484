"""The follow-up queue: every pending family, recall due and open lead, ranked for the TC.

The rank is the one DOMAIN.md gives, in this order: overdue first; then the
TC's warmth (hot, warm, cold; a consult with none counts as warm); then the due
date (earliest first); then value (the chosen or recommended option's patient
portion, priced by the quote code; largest first); then days since the consult
or the first contact (longest first); then the item's id, so ties are stable.
Each item carries its reasons in words ("overdue 3 days, hot, $5,200, quote
held until Mar 12, 2027"), so the window and ``tcdesk followups`` say the same.

Speed: SQLite ranks by everything but value in one query (follow_ups_open,
consults_status, leads_status); only the rows shown are priced (two small
queries more), refined by value inside their ties.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from tcdesk.domain import InsurancePolicy, LeadSource, Patient, TreatmentOption, Warmth
from tcdesk.domain.pipeline import CHANNEL_LABELS, WARMTH_LABELS
from tcdesk.formatting import medium_date, whole_money_from_cents
from tcdesk.money import MoneyInputError, price
from tcdesk.services.clock import today as local_today
from tcdesk.services.consult_quote import base_request
from tcdesk.services.desk import Desk
from tcdesk.services.policy import limits_from_policy
from tcdesk.store.queue_repo import QueueRepository

DEFAULT_PAGE = 200


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
    items (None: all); ``due_by`` leaves out what is due later."""
    today = local_today(desk.clock)
    repo = QueueRepository(desk.records)
    total, overdue, due = repo.counts(today, owner_id=owner_id, due_by=due_by)
    rows = _rows_to_price(repo.ranked(today, owner_id=owner_id, due_by=due_by), limit)
    pricer = _Pricer(desk, repo, rows)
    items = sorted((_item(row, today, pricer) for row in rows), key=rank_key)
    if limit is not None:
        items = items[:limit]
    return Queue(tuple(items), QueueCounts(total, overdue, due), today)


def queue_counts(desk: Desk, *, owner_id: str | None = None) -> QueueCounts:
    """The desk's count, without reading the items (one query)."""
    today = local_today(desk.clock)
    return QueueCounts(*QueueRepository(desk.records).counts(today, owner_id=owner_id))


def _rows_to_price(ranked: Any, limit: int | None) -> list[dict[str, Any]]:
    """The rows that can be among the first ``limit``: SQL's order is final except for
    value, so read until ``limit`` rows are in and the last one's tie group is complete."""
    rows: list[dict[str, Any]] = []
    for row in ranked:
        if limit is not None and len(rows) >= limit and _tie(row) != _tie(rows[-1]):
            break
        rows.append(row)
    return rows


def _tie(row: dict[str, Any]) -> tuple:
    return (row["overdue"], row["warmth_rank"], row["due_on"])


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


class _Pricer:
    """Prices the shown consults' options with the quote code, from three batched reads."""

    def __init__(self, desk: Desk, repo: QueueRepository, rows: list[dict[str, Any]]) -> None:
        consult_ids = sorted({r["consult_id"] for r in rows if r["consult_id"]})
        patient_ids = sorted({r["patient_id"] for r in rows if r["consult_id"]})
        self.options = repo.options_of(consult_ids)
        self.patients, self.insurance = repo.patients_and_insurance(patient_ids)
        practice = desk.practice()
        policy = desk.practices.policy(practice.id) if practice else None
        self.valid_days = policy.estimate_valid_days if policy else 365
        self.limits = limits_from_policy(policy) if policy else None
        self.today = local_today(desk.clock)

    def featured(self, consult_id: str, chosen_id: str | None) -> TreatmentOption | None:
        options = self.options.get(consult_id, [])
        return next((o for o in options if o.id == chosen_id), None) or next(
            (o for o in options if o.recommended), None
        )

    def value_cents(self, row: dict[str, Any]) -> int:
        option = self.featured(row["consult_id"], row["chosen_option_id"])
        patient: Patient | None = self.patients.get(row["patient_id"])
        if option is None or patient is None or option.fee_cents <= 0 or self.limits is None:
            return 0
        insurance: list[InsurancePolicy] = self.insurance.get(patient.id, [])
        try:
            request = base_request(patient, option, insurance, self.limits, self.today)
            portion = price(request).patient_portion
        except (MoneyInputError, ArithmeticError, ValueError):
            return option.fee_cents  # unpriceable (odd stored data): the fee, not nothing
        return int((portion * 100).to_integral_value())


def _item(row: dict[str, Any], today: date, pricer: _Pricer) -> QueueItem:
    kind = ItemKind(row["kind"])
    due = date.fromisoformat(row["due_on"])
    overdue_days = max((today - due).days, 0)
    warmth = _warmth(row["warmth"])
    since_day = _local_day(row["since_at"])
    held = None
    value = 0
    observation = row["status"] == "observation"
    if kind is not ItemKind.LEAD:
        value = pricer.value_cents(row)
        if not observation:
            held = quote_held_until(since_day, pricer.valid_days)
    first = row["p_pref"] or row["p_first"]
    name = f"{first} {row['p_last']}".strip()
    try:
        label = CHANNEL_LABELS[LeadSource(row["channel"])]
    except ValueError:
        label = row["channel"] or ""
    detail = row["channel_detail"] or ""
    channel = f"{label} ({detail})" if detail else label
    item_id = row["item_id"]
    return QueueItem(
        key=f"{kind.value}:{item_id}",
        kind=kind,
        name=name,
        phone=row["phone"] or "",
        email=row["email"] or "",
        due_on=due,
        overdue_days=overdue_days,
        warmth=warmth,
        value_cents=value,
        days_since=max((today - since_day).days, 0),
        owner_id=row["owner_id"],
        owner=row["owner_name"] or "",
        why=row["reason"] or "",
        quote_held_until=held,
        consult_id=row["consult_id"],
        lead_id=row["lead_id"],
        patient_id=row["patient_id"],
        channel=channel,
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
