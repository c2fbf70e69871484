"""What a settings change did, in words, and the one audit entry that records it.

Every settings service reads the record, builds the new one, and hands both
here: the audit detail lists each field that changed as ``label: old -> new``
(money in dollars), and a change that changes nothing writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from decimal import Decimal
from enum import Enum
from typing import Any

from tcdesk.formatting import money_from_cents
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id


def shown(name: str, value: Any) -> str:
    """A field's value as the audit log shows it: cents as dollars, text quoted."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, int) and name.endswith("_cents"):
        return money_from_cents(value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}%" if name.endswith("_pct") else str(value)
    if isinstance(value, str):
        return repr(value) if len(value) <= 80 else f"({len(value)} characters)"
    return str(value)


def differences(old: Any, new: Any, skip: Iterable[str] = ()) -> list[str]:
    """``label: old -> new`` for each field of two dataclasses that differs."""
    skipped = set(skip)
    out = []
    for f in fields(new):
        if f.name in skipped:
            continue
        before = getattr(old, f.name) if old is not None else None
        after = getattr(new, f.name)
        if old is None and after in ("", None):
            continue  # a new record: only what was filled in
        if before != after:
            out.append(f"{f.name}: {shown(f.name, before)} -> {shown(f.name, after)}")
    return out


def record(
    desk: Desk, action: str, subject_id: str, actor_id: str | None, changes: list[str]
) -> None:
    """The audit entry of one settings change (call inside the change's transaction)."""
    desk.audit.record(
        id=new_id(),
        at=utc_iso(desk.clock()),
        action=action,
        subject_id=subject_id,
        actor_id=actor_id,
        detail="; ".join(changes),
    )
