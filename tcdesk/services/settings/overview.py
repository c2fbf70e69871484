"""Everything Settings shows, in one answer (for ``tcdesk settings show`` and the window)."""

from __future__ import annotations

from dataclasses import dataclass

from tcdesk.domain import FeeScheduleItem, FinancialPolicy, Office, Practice, Staff
from tcdesk.services.desk import Desk
from tcdesk.services.settings.fees import list_fees
from tcdesk.services.settings.money_rules import current_policy
from tcdesk.services.settings.offices import list_offices
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.settings.staff import list_staff


@dataclass(frozen=True)
class SettingsOverview:
    practice: Practice
    offices: tuple[Office, ...]
    staff: tuple[Staff, ...]
    fees: tuple[FeeScheduleItem, ...]
    policy: FinancialPolicy
    own_terms: bool  # the practice's own terms template (else the shipped one)


def settings_overview(desk: Desk) -> SettingsOverview:
    practice = current_practice(desk)
    return SettingsOverview(
        practice=practice,
        offices=tuple(list_offices(desk)),
        staff=tuple(list_staff(desk)),
        fees=tuple(list_fees(desk)),
        policy=current_policy(desk),
        own_terms=bool(practice.agreement_terms),
    )
