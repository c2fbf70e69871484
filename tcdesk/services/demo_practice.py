"""The demo practice itself: its name and brand, offices, staff and fee schedule."""

from __future__ import annotations

from tcdesk.domain import FeeScheduleItem, Office, OfficeKind, Practice, Staff, StaffRole
from tcdesk.services import demo_data as data
from tcdesk.services.demo_content import DEMO_PRACTICE_ID, demo_id
from tcdesk.services.demo_people import ascii_handle


def practice_row() -> Practice:
    return Practice(
        id=DEMO_PRACTICE_ID,
        name=data.PRACTICE_NAME,
        phone=data.PRACTICE_PHONE,
        email=data.PRACTICE_EMAIL,
        website=data.PRACTICE_WEBSITE,
        brand_color=data.BRAND_COLOR,
        logo_path=data.LOGO_PATH,
        address=data.PRACTICE_ADDRESS,
    )


def offices(practice_id: str) -> tuple[Office, ...]:
    return tuple(
        Office(
            id=demo_id("office", row.key),
            practice_id=practice_id,
            name=row.name,
            kind=OfficeKind.MAIN if row.main else OfficeKind.SATELLITE,
            address=row.address,
            phone=row.phone,
        )
        for row in data.OFFICES
    )


def staff(practice_id: str) -> tuple[Staff, ...]:
    return tuple(
        Staff(
            id=demo_id("staff", row.key),
            practice_id=practice_id,
            role=StaffRole(row.role),
            name=row.name,
            title=row.title,
            email=f"{ascii_handle(row.name.removeprefix('Dr. '))}@brightsmilesortho.example",
            phone=data.PRACTICE_PHONE,
            office_id=demo_id("office", row.office) if row.office else None,
        )
        for row in data.STAFF
    )


def fees(practice_id: str) -> tuple[FeeScheduleItem, ...]:
    return tuple(
        FeeScheduleItem(
            id=demo_id("fee", row.treatment_type.value),
            practice_id=practice_id,
            treatment_type=row.treatment_type,
            name=row.name,
            fee_cents=row.fee_dollars * 100,
            typical_months=row.typical_months,
            visit_interval_weeks=row.visit_interval_weeks,
        )
        for row in data.FEES
    )
