"""The Offices, Staff and Fees pages: each a table of records with its edit dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QPushButton

from tcdesk.domain import OfficeKind, StaffRole, TreatmentType
from tcdesk.formatting import money_from_cents
from tcdesk.services.settings import fees, offices, staff
from tcdesk.services.settings.money_rules import dollars_text
from tcdesk.ui.lock.pin_dialog import SetPinDialog
from tcdesk.ui.settings.field_form import FieldSpec
from tcdesk.ui.settings.record_dialog import RecordDialog
from tcdesk.ui.settings.table_page import TablePage


class RecordTablePage(TablePage):
    """A table page whose Add and Edit open a ``RecordDialog`` (kept as ``self.dialog``)."""

    WHAT = "record"
    dialog: RecordDialog | None = None

    def specs(self) -> Sequence[FieldSpec]:
        raise NotImplementedError

    def open_dialog(
        self, title: str, values: dict[str, str], save: Callable[[dict[str, str]], object]
    ) -> RecordDialog:
        dialog = RecordDialog(title, self.specs(), values, save, self)
        dialog.accepted.connect(lambda: self.saved(getattr(dialog.saved, "id", "")))
        self.dialog = dialog
        dialog.open()
        return dialog


class OfficesPage(RecordTablePage):
    HEADERS = ("Office", "Kind", "Phone", "Address")
    INTRO = (
        "One main office and any satellites. A removed office disappears from lists; "
        "the consults held there keep it."
    )

    def specs(self) -> Sequence[FieldSpec]:
        return (
            FieldSpec("name", "&Name"),
            FieldSpec(
                "kind",
                "&Kind",
                "choice",
                ((OfficeKind.MAIN.value, "Main office"), (OfficeKind.SATELLITE.value, "Satellite")),
            ),
            FieldSpec("phone", "&Phone"),
            FieldSpec("address", "A&ddress"),
        )

    def rows(self):
        return [
            (
                o.id,
                (
                    o.name,
                    "Main office" if o.kind is OfficeKind.MAIN else "Satellite",
                    o.phone,
                    o.address,
                ),
            )
            for o in offices.list_offices(self.desk)
        ]

    def add(self) -> None:
        self.open_dialog(
            "Add an office",
            {"kind": OfficeKind.SATELLITE.value},
            lambda values: offices.add_office(self.desk, values),
        )

    def edit(self, record_id: str) -> None:
        office = offices.find_office(self.desk, record_id)
        self.open_dialog(
            f"Edit {office.name}",
            {
                "name": office.name,
                "kind": office.kind.value,
                "phone": office.phone,
                "address": office.address,
            },
            lambda values: offices.edit_office(self.desk, record_id, values),
        )

    def remove(self, record_id: str) -> None:
        office = offices.find_office(self.desk, record_id)
        if office.kind is OfficeKind.MAIN or self.confirm(
            f"Remove {office.name}? Its consults keep it; it is no longer offered."
        ):
            offices.remove_office(self.desk, record_id)


class StaffPage(RecordTablePage):
    HEADERS = ("Name", "Role", "Title", "Office", "Status")
    INTRO = "Someone who leaves is deactivated: their name stays on the consults they had."
    REMOVE_WORD = "&Deactivate"
    pin_dialog: SetPinDialog | None = None

    def __init__(self, desk, parent=None) -> None:
        super().__init__(desk, parent)
        self.pin_button = QPushButton("Set P&IN…")
        self.pin_button.setObjectName("setPinButton")
        self.pin_button.setToolTip("The PIN this person signs in and unlocks tcdesk with")
        self.pin_button.clicked.connect(self.set_pin)
        buttons = self.layout().itemAt(self.layout().count() - 1).layout()
        buttons.insertWidget(3, self.pin_button)
        self._update_buttons()

    def set_pin(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        member = staff.find_staff(self.desk, member_id)
        self.pin_dialog = SetPinDialog(self.desk, member.id, member.name, self)
        self.pin_dialog.open()

    def specs(self) -> Sequence[FieldSpec]:
        office_choices = (
            ("", "Any office"),
            *((o.id, o.name) for o in offices.list_offices(self.desk)),
        )
        return (
            FieldSpec("name", "&Name"),
            FieldSpec(
                "role", "&Role", "choice", tuple((r.value, staff.ROLE_WORDS[r]) for r in StaffRole)
            ),
            FieldSpec("title", "&Title"),
            FieldSpec("email", "E&mail"),
            FieldSpec("phone", "&Phone"),
            FieldSpec("office", "&Office", "choice", office_choices),
        )

    def rows(self):
        names = {
            o.id: o.name
            for o in self.desk.practices.offices(self.desk.practice().id, include_removed=True)
        }
        return [
            (
                s.id,
                (
                    s.name,
                    staff.ROLE_WORDS[s.role],
                    s.title,
                    names.get(s.office_id or "", ""),
                    "Active" if s.active else "Inactive",
                ),
            )
            for s in staff.list_staff(self.desk)
        ]

    def _update_buttons(self) -> None:
        super()._update_buttons()
        member_id = self.selected_id()
        member = self.desk.practices.staff_member(member_id) if member_id else None
        self.remove_button.setText("&Activate" if member and not member.active else "&Deactivate")
        if hasattr(self, "pin_button"):
            self.pin_button.setEnabled(member is not None and member.active)

    def add(self) -> None:
        self.open_dialog(
            "Add someone",
            {"role": StaffRole.COORDINATOR.value},
            lambda values: staff.add_staff(self.desk, values),
        )

    def edit(self, record_id: str) -> None:
        m = staff.find_staff(self.desk, record_id)
        self.open_dialog(
            f"Edit {m.name}",
            {
                "name": m.name,
                "role": m.role.value,
                "title": m.title,
                "email": m.email,
                "phone": m.phone,
                "office": m.office_id or "",
            },
            lambda values: staff.edit_staff(self.desk, record_id, values),
        )

    def remove(self, record_id: str) -> None:
        member = staff.find_staff(self.desk, record_id)
        staff.set_staff_active(self.desk, record_id, not member.active)


class FeesPage(RecordTablePage):
    HEADERS = ("Treatment", "Type", "Fee", "Months", "Visits every", "What the family reads")
    RIGHT_ALIGNED = (2, 3)
    INTRO = (
        "A fee change applies to new treatment options and quotes; options already "
        "presented, their plans and agreements keep their fee."
    )

    def specs(self) -> Sequence[FieldSpec]:
        return (
            FieldSpec(
                "treatment_type",
                "&Type",
                "choice",
                tuple((t.value, fees.TREATMENT_WORDS[t]) for t in TreatmentType),
            ),
            FieldSpec("name", "&Name"),
            FieldSpec("fee", "&Fee ($)"),
            FieldSpec("months", "Estimated &months"),
            FieldSpec("visit_weeks", "&Visit every (weeks)"),
            FieldSpec("description", "What the family &reads", "multiline"),
        )

    def rows(self):
        return [
            (
                i.id,
                (
                    i.name,
                    fees.TREATMENT_WORDS[i.treatment_type],
                    money_from_cents(i.fee_cents),
                    str(i.typical_months),
                    f"{i.visit_interval_weeks} weeks",
                    " ".join(i.description.split()),
                ),
            )
            for i in fees.list_fees(self.desk)
        ]

    def add(self) -> None:
        self.open_dialog(
            "Add a fee",
            {
                "treatment_type": TreatmentType.METAL_BRACES.value,
                "months": "24",
                "visit_weeks": "6",
            },
            lambda values: fees.add_fee(self.desk, values),
        )

    def edit(self, record_id: str) -> None:
        i = fees.find_fee(self.desk, record_id)
        self.open_dialog(
            f"Edit {i.name}",
            {
                "treatment_type": i.treatment_type.value,
                "name": i.name,
                "fee": dollars_text(i.fee_cents),
                "months": str(i.typical_months),
                "visit_weeks": str(i.visit_interval_weeks),
                "description": i.description,
            },
            lambda values: fees.edit_fee(self.desk, record_id, values),
        )

    def remove(self, record_id: str) -> None:
        item = fees.find_fee(self.desk, record_id)
        if self.confirm(
            f"Take {item.name} off the fee schedule? Options made from it keep their fee."
        ):
            fees.remove_fee(self.desk, record_id)
