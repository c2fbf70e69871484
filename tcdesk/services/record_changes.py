"""What every change to a consult record shares: the consult must exist, the write is
all-or-nothing and audited, and a consult with a financial agreement says so.

An agreement is never edited (DOMAIN.md): once a consult has one, changing
the record means the family needs a new version. Each change returns that
warning, and ``agreement_warning`` gives it before the change, so the app
can ask first and the command line can refuse without ``--yes``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from tcdesk.domain import Consult
from tcdesk.domain.agreement import AgreementStatus
from tcdesk.errors import UserError
from tcdesk.services.agreements.records import latest
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id

AGREEMENT_WARNING = (
    "This consult has a financial agreement (No. {number}, version {version}); "
    "after this change a new agreement version will be needed."
)


@dataclass(frozen=True)
class RecordChange:
    """What one change did: ``changed`` is the row written (or removed); ``warning`` may be ""."""

    consult_id: str
    action: str
    changed: Any = None
    warning: str = ""
    note: str = ""  # anything else the person should know ("already imported", ...)


def require_consult(desk: Desk, consult_id: str) -> Consult:
    consult = desk.consults.get(consult_id)
    if consult is None:
        raise UserError(f"No consult with id {consult_id}.")
    return consult


def agreement_warning(desk: Desk, consult_id: str) -> str:
    """The warning when the consult has a financial agreement that is not void; else ""."""
    found = latest(desk, consult_id)
    if found is None or found.status is AgreementStatus.VOID:
        return ""
    agreement = found.agreement
    return AGREEMENT_WARNING.format(number=agreement.number, version=agreement.version)


@contextmanager
def recording(
    desk: Desk, consult: Consult, action: str, detail: Callable[[], str] | str = ""
) -> Iterator[None]:
    """One transaction holding the writes and their audit entry."""
    with desk.transaction():
        yield
        desk.audit.record(
            id=new_id(),
            at=utc_iso(desk.clock()),
            action=f"record_{action}",
            subject_id=consult.id,
            actor_id=consult.coordinator_id,
            detail=detail() if callable(detail) else detail,
        )


def change(
    desk: Desk, consult: Consult, action: str, changed: Any = None, note: str = ""
) -> RecordChange:
    return RecordChange(consult.id, action, changed, agreement_warning(desk, consult.id), note)


def next_position(rows: list[Any]) -> int:
    return max((r.position for r in rows), default=-1) + 1


def check_order(ids: list[str], current: list[str], what: str) -> None:
    """A new order must name each of the current rows once."""
    if sorted(ids) != sorted(current) or len(set(ids)) != len(ids):
        raise UserError(f"The new order must list each of the consult's {what} once.")


def reorder(
    desk: Desk,
    consult: Consult,
    ids: list[str],
    rows: list[Any],
    save: Callable[[Any], None],
    what: str,
) -> RecordChange:
    """``rows`` (findings, options, photos) in the order of ``ids``; only moved rows are saved."""
    by_id = {row.id: row for row in rows}
    check_order(ids, list(by_id), what)
    action = f"{what}_reordered"
    with recording(desk, consult, action):
        for position, row_id in enumerate(ids):
            if by_id[row_id].position != position:
                save(replace(by_id[row_id], position=position))
    return change(desk, consult, action, tuple(ids))
